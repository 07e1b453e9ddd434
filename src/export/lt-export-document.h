/* lt-export-document.h: a print-quality page of a timeline or a graph
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "lt-model.h"
#include "lt-export-options.h"
#include "lt-export-painter.h"
#include "lt-export-render.h"

G_BEGIN_DECLS

#define LT_TYPE_EXPORT_DOCUMENT (lt_export_document_get_type ())

G_DECLARE_FINAL_TYPE (LtExportDocument, lt_export_document, LT, EXPORT_DOCUMENT, GObject)

LtExportDocument      *lt_export_document_new              (LtStore                *store,
                                                            const LtExportOptions  *options,
                                                            GError                **error);
LtExportDocument      *lt_export_document_new_with_painter (LtStore                *store,
                                                            const LtExportOptions  *options,
                                                            LtExportPainter        *painter,
                                                            GError                **error);
const LtExportOptions *lt_export_document_get_options      (LtExportDocument       *self);
guint                  lt_export_document_get_n_pages      (LtExportDocument       *self);
void                   lt_export_document_get_page_size    (LtExportDocument       *self,
                                                            double                 *width,
                                                            double                 *height);
void                   lt_export_document_get_window       (LtExportDocument       *self,
                                                            double                 *from_day,
                                                            double                 *to_day);
GskRenderNode         *lt_export_document_dup_page         (LtExportDocument       *self,
                                                            guint                   page);
GArray                *lt_export_document_dup_sources      (LtExportDocument       *self);
char                  *lt_export_document_dup_filter_text  (LtExportDocument       *self);
void                   lt_export_document_dup_metadata     (LtExportDocument       *self,
                                                            LtExportMetadata       *meta);
GBytes                *lt_export_document_render           (LtExportDocument       *self,
                                                            GError                **error);
gboolean               lt_export_document_write            (LtExportDocument       *self,
                                                            GFile                  *file,
                                                            GCancellable           *cancellable,
                                                            GError                **error);
void                   lt_export_document_write_async      (LtExportDocument       *self,
                                                            GFile                  *file,
                                                            GCancellable           *cancellable,
                                                            GAsyncReadyCallback     callback,
                                                            gpointer                user_data);
gboolean               lt_export_document_write_finish     (LtExportDocument       *self,
                                                            GAsyncResult           *result,
                                                            GError                **error);

G_END_DECLS
