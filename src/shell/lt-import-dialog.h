/* lt-import-dialog.h: the preview of an import, and the import
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lt-model.h"

G_BEGIN_DECLS

#define LT_TYPE_IMPORT_DIALOG (lt_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LtImportDialog, lt_import_dialog, LT, IMPORT_DIALOG, AdwWindow)

LtImportDialog *lt_import_dialog_new      (GtkWindow      *parent,
                                           LtStore        *store,
                                           GFile          *file);
void            lt_import_dialog_choose   (GtkWindow      *parent,
                                           LtStore        *store);
LtImporter     *lt_import_dialog_get_importer (LtImportDialog *self);
gboolean        lt_import_dialog_is_busy  (LtImportDialog *self);

G_END_DECLS
