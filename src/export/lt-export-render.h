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
 * LtExportLink:
 * @uri: where the link goes
 * @area: the clickable area, in the page's layout units (CSS px)
 */
typedef struct
{
  char            *uri;
  graphene_rect_t  area;
} LtExportLink;

/**
 * LtExportSection:
 * @label: the outline entry's text
 * @y: where the section starts on its page, in layout units
 */
typedef struct
{
  char   *label;
  double  y;
} LtExportSection;

/**
 * LtExportPageInfo:
 * @outline: (nullable): the page's entry in a PDF's outline
 * @sections: (element-type LtExportSection): the entries under it
 * @links: (element-type LtExportLink): what is clickable on the page
 *
 * What a PDF page holds besides its drawing. Other formats ignore it.
 */
typedef struct
{
  char   *outline;
  GArray *sections;
  GArray *links;
} LtExportPageInfo;

LtExportPageInfo *lt_export_page_info_new  (void);
void              lt_export_page_info_free (LtExportPageInfo *info);
void              lt_export_page_info_add_section (LtExportPageInfo *info,
                                                   const char       *label,
                                                   double            y);
void              lt_export_page_info_add_link    (LtExportPageInfo      *info,
                                                   const char            *uri,
                                                   const graphene_rect_t *area);

/**
 * LtExportMetadata:
 * @title: (nullable): the document's title
 * @subject: (nullable): one line saying what it shows
 * @description: (nullable): a plain-text description (SVG <desc>, PNG Description)
 * @creator: (nullable): the software, e.g. "Letapis 0.1.0"
 * @author: (nullable): who the document is by: the chronicle's name
 * @keywords: (nullable): comma-separated keywords
 * @time: creation time, Unix seconds (0 = none)
 * @language: (nullable): the language of the text, e.g. "uk"
 * @pages: (nullable) (element-type LtExportPageInfo): one per page, for PDF
 *
 * What the file says about itself. Everything here ends up in the file:
 * it must not name restricted records unless the user asked for them.
 */
typedef struct
{
  char      *title;
  char      *subject;
  char      *description;
  char      *creator;
  char      *author;
  char      *keywords;
  gint64     time;
  char      *language;
  GPtrArray *pages;
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
