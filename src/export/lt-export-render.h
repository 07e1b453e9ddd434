/* lt-export-render.h: render nodes to PNG, SVG and PDF bytes with no display
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "lt-export-options.h"

G_BEGIN_DECLS

/**
 * LtExportMetadata:
 * @title: (nullable): the document's title
 * @subject: (nullable): one line saying what it shows
 * @description: (nullable): a plain-text description (SVG <desc>, PNG Description)
 * @creator: (nullable): the software, e.g. "Letapis 0.1.0"
 * @time: creation time, Unix seconds (0 = none)
 * @language: (nullable): the language of the text, e.g. "uk"
 *
 * What the file says about itself. Everything here ends up in the file:
 * it must not name restricted records unless the user asked for them.
 */
typedef struct
{
  char   *title;
  char   *subject;
  char   *description;
  char   *creator;
  gint64  time;
  char   *language;
} LtExportMetadata;

void     lt_export_metadata_clear       (LtExportMetadata       *meta);

void     lt_export_prepare_rendering    (void);

GBytes  *lt_export_render_pages         (LtExportFormat          format,
                                         GPtrArray              *nodes,
                                         double                  width,
                                         double                  height,
                                         guint                   dpi,
                                         const LtExportMetadata *meta,
                                         GError                **error);
gboolean lt_export_write_bytes          (GFile                  *file,
                                         GBytes                 *bytes,
                                         GCancellable           *cancellable,
                                         GError                **error);

G_END_DECLS
