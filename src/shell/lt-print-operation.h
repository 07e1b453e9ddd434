/* lt-print-operation.h: printing a timeline or a graph through the export's pages
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "lt-model.h"
#include "lt-export-options.h"

G_BEGIN_DECLS

#define LT_TYPE_PRINT_OPERATION (lt_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (LtPrintOperation, lt_print_operation, LT, PRINT_OPERATION, GtkPrintOperation)

LtPrintOperation *lt_print_operation_new       (LtStore                *store,
                                                const LtExportOptions  *options,
                                                GError                **error);
guint             lt_print_operation_get_n_pages (LtPrintOperation     *self);

gboolean          lt_print_run                 (GtkWindow              *parent,
                                                LtStore                *store,
                                                const LtExportOptions  *options,
                                                GError                **error);

G_END_DECLS
