#define G_LOG_DOMAIN "lt-store"
#include "config.h"
#include "lt-model-private.h"
gboolean lt_store_generate_synthetic (LtStore *self, const LtSyntheticParams *params, GError **error) { return FALSE; }
