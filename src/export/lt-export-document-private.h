/* lt-export-document-private.h: the document's state, shared by the files that lay out its
 * drawing pages (lt-export-document.c), its event key (lt-export-key.c) and write it
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "lt-export-document.h"
#include "lt-export-views.h"

G_BEGIN_DECLS

#define KEY_FONT_SIZE 9.5

/* GNOME palette, light, for paper */
static const GdkRGBA ink = { 0x24 / 255., 0x1f / 255., 0x31 / 255., 1 };
static const GdkRGBA ink_dim = { 0x5e / 255., 0x5c / 255., 0x64 / 255., 1 };
static const GdkRGBA rule = { 0xc0 / 255., 0xbf / 255., 0xbc / 255., 1 };
static const GdkRGBA paper = { 1, 1, 1, 1 };
static const GdkRGBA accent = { 0x1c / 255., 0x71 / 255., 0xd8 / 255., 1 };

struct _LtExportDocument
{
  GObject           parent_instance;

  LtStore          *store;
  LtExportOptions  *options;
  LtExportPainter  *painter;

  PangoFontMap     *font_map;
  PangoContext     *context;

  double            width;
  double            height;
  double            scale;
  double            margin;

  gboolean          has_window;
  double            from_day;
  double            to_day;
  guint             n_slices;       /* pages of the drawing, each a part of the window */
  guint             n_pages;        /* with those of the event key or the graph's key */
  guint             n_extra_pages;  /* the graph's: after the drawing, what it could not hold */
  graphene_rect_t   body;           /* of the first page, under the title block */

  /* The event key: the numbers of each drawing page and what they stand for */
  gboolean          key;
  GArray           *first_numbers;  /* guint, per slice */
  GPtrArray        *page_keys;      /* per slice: GPtrArray of LtExportKeyEntry */
  GPtrArray        *key_rows;       /* KeyRow, every entry of every slice in number order */
  GArray           *key_page_starts; /* guint, the first row of each key page, then the end */
  double            key_height;     /* image formats: the room under the drawing */

  char             *title;
  char             *kind_label;
  char             *filter_text;
  char             *export_date_text;

  /* Sources, numbered in order of first appearance over all pages */
  GArray           *source_ids;     /* gint64 */
  GPtrArray        *source_texts;   /* char*, same order */
  GPtrArray        *source_urls;    /* char* or NULL, same order */
  GPtrArray        *page_sources;   /* per page: GArray of guint, indexes into source_ids */
};

static inline double
_lt_export_layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return h / (double) PANGO_SCALE;
}

static inline double
_lt_export_layout_width (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return w / (double) PANGO_SCALE;
}

static inline void
_lt_export_draw_layout (GtkSnapshot   *snapshot,
                        PangoLayout   *layout,
                        double         x,
                        double         y,
                        const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static inline void
_lt_export_draw_rule (GtkSnapshot   *snapshot,
                      double         x,
                      double         y,
                      double         width,
                      double         thickness,
                      const GdkRGBA *color)
{
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, width, thickness));
}

char          *_lt_export_format_window      (gint64            first,
                                              gint64            last);
void           _lt_export_get_slice          (LtExportDocument *self,
                                              guint             page,
                                              LtExportSlice    *slice);
PangoLayout   *_lt_export_layout             (LtExportDocument *self,
                                              const char       *text,
                                              double            size,
                                              PangoWeight       weight,
                                              double            width);
double         _lt_export_draw_footer        (LtExportDocument *self,
                                              GtkSnapshot      *snapshot,
                                              guint             page);
GskRenderNode *_lt_export_build_page         (LtExportDocument *self,
                                              guint             page,
                                              LtExportPageInfo *info);

/* lt-export-key.c */
void           _lt_export_build_key          (LtExportDocument *self);
GskRenderNode *_lt_export_build_key_page     (LtExportDocument *self,
                                              guint             page,
                                              LtExportPageInfo *info);
guint          _lt_export_draw_key_rows      (LtExportDocument *self,
                                              GtkSnapshot      *snapshot,
                                              LtExportPageInfo *info,
                                              guint             start,
                                              double            x,
                                              double            y,
                                              double            height);
double         _lt_export_key_heading_height (LtExportDocument *self);

G_END_DECLS
