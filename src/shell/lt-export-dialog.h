/* lt-export-dialog.h: the export dialog, with a live preview of the page being exported
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lt-model.h"
#include "lt-export-options.h"

G_BEGIN_DECLS

#define LT_TYPE_EXPORT_DIALOG (lt_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LtExportDialog, lt_export_dialog, LT, EXPORT_DIALOG, AdwWindow)

LtExportDialog  *lt_export_dialog_new              (GtkWindow       *parent,
                                                    LtStore         *store,
                                                    LtExportPage     page);
void             lt_export_dialog_set_view_window  (LtExportDialog  *self,
                                                    double           from_day,
                                                    double           to_day);
void             lt_export_dialog_set_filter       (LtExportDialog  *self,
                                                    const char * const *categories,
                                                    const char      *search,
                                                    gint64           actor_id);
void             lt_export_dialog_set_lanes        (LtExportDialog  *self,
                                                    LtExportLanes    lanes);
void             lt_export_dialog_set_focus        (LtExportDialog  *self,
                                                    gint64           actor_id,
                                                    guint            depth);
LtExportOptions *lt_export_dialog_dup_options      (LtExportDialog  *self,
                                                    GError         **error);
GFile           *lt_export_dialog_get_last_file    (LtExportDialog  *self);
void             lt_export_dialog_export_to_file   (LtExportDialog  *self,
                                                    GFile           *file);

LtExportDialog  *lt_export_dialog_present          (GtkWindow       *parent,
                                                    LtStore         *store,
                                                    const char      *page);

G_END_DECLS
