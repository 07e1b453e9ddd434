#define G_LOG_DOMAIN "lt-store"
#include "config.h"
#include "lt-model-private.h"
gboolean lt_store_import_chronicle (LtStore *self, GFile *dir, GError **error) { return FALSE; }
gboolean lt_store_import_json (LtStore *self, GFile *file, GError **error) { return FALSE; }
gboolean lt_store_import_source_texts (LtStore *self, GFile *dir, GError **error) { return FALSE; }
gboolean lt_store_export_json (LtStore *self, GFile *file, GError **error) { return FALSE; }
gboolean lt_store_export_json_full (LtStore *self, GFile *file, LtExportFlags flags, GError **error) { return FALSE; }
