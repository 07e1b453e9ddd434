/* lt-export-painter.h: what an export page needs from a view's painter
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * LtExportSlice:
 * @from_day: first day shown (days since 1970-01-01; the fraction is the time of day)
 * @to_day: end of what is shown, exclusive
 * @index: which slice this is, from 0 (PDF pages split over the time window)
 * @n_slices: how many slices the window is split into
 *
 * The part of the time window one page draws.
 */
typedef struct
{
  double from_day;
  double to_day;
  guint  index;
  guint  n_slices;
  guint  first_number;  /* of the event key on this slice, or 0 for no key */
} LtExportSlice;

/* One numbered mark, bar or badge of an event key: the events it stands for, in date
 * order, at most a few of a large cluster */
typedef struct
{
  guint    number;
  guint    n_events;
  GArray  *event_ids;  /* gint64 */
  gboolean summary;    /* a large cluster: event_ids holds its first and last event only */
} LtExportKeyEntry;

void lt_export_key_entry_free (gpointer entry);

/**
 * LtExportPainterVTable:
 * @get_n_legend_items: how many legend entries the drawing uses
 * @get_legend_label: (transfer none): the label of a legend entry, in the UI language
 * @paint_legend_swatch: draws the key mark of a legend entry into @box
 * @paint: draws the view for @slice into @area, light palette, with its own axis
 * @dup_cited_sources: (transfer full): a #GArray of gint64 source ids cited by
 *   what @slice shows, in order of first appearance, without duplicates
 * @describe: appends a plain-text description of what @slice shows (the axis
 *   labels, the titles of the events or nodes shown), one item a line; it
 *   becomes the SVG's <desc> and must not mention anything the drawing leaves out
 * @get_extent: the days the drawing would show when no time window is asked
 *   (the first day, and the end, exclusive); %FALSE if it has nothing dated
 * @get_n_extra_pages: how many pages of their own, after the drawing's, what the drawing
 *   could not hold takes (the graph's key of numbered actors) in areas of @area's size;
 *   asked once the first page is drawn
 * @paint_extra_page: draws such a page's content into @area
 * @free: frees the painter's data
 *
 * A view painter seen from the export document. The document owns the page:
 * title block, legend layout, filter line, sources, footer; the painter owns the
 * drawing area. Every painter draws with the same code as the on-screen view.
 */
typedef struct
{
  guint        (*get_n_legend_items)  (gpointer               data);
  const char  *(*get_legend_label)    (gpointer               data,
                                       guint                  item);
  void         (*paint_legend_swatch) (gpointer               data,
                                       guint                  item,
                                       GtkSnapshot           *snapshot,
                                       const graphene_rect_t *box);
  void         (*paint)               (gpointer               data,
                                       GtkSnapshot           *snapshot,
                                       PangoContext          *context,
                                       const graphene_rect_t *area,
                                       const LtExportSlice   *slice);
  GArray      *(*dup_cited_sources)   (gpointer               data,
                                       const LtExportSlice   *slice);
  void         (*describe)            (gpointer               data,
                                       const LtExportSlice   *slice,
                                       GString               *text);
  GPtrArray   *(*dup_key)             (gpointer               data,
                                       const LtExportSlice   *slice);
  void         (*set_source_numbers)  (gpointer               data,
                                       GHashTable            *numbers);
  gboolean     (*get_extent)          (gpointer               data,
                                       double                *from_day,
                                       double                *to_day);
  guint        (*get_n_extra_pages)   (gpointer               data,
                                       PangoContext          *context,
                                       const graphene_rect_t *area);
  void         (*paint_extra_page)    (gpointer               data,
                                       guint                  index,
                                       GtkSnapshot           *snapshot,
                                       PangoContext          *context,
                                       const graphene_rect_t *area);
  void         (*free)                (gpointer               data);
} LtExportPainterVTable;

typedef struct _LtExportPainter LtExportPainter;

LtExportPainter *lt_export_painter_new                 (const LtExportPainterVTable *vtable,
                                                        gpointer                     data);
void             lt_export_painter_free                (LtExportPainter             *self);
guint            lt_export_painter_get_n_legend_items  (LtExportPainter             *self);
const char      *lt_export_painter_get_legend_label    (LtExportPainter             *self,
                                                        guint                        item);
void             lt_export_painter_paint_legend_swatch (LtExportPainter             *self,
                                                        guint                        item,
                                                        GtkSnapshot                 *snapshot,
                                                        const graphene_rect_t       *box);
void             lt_export_painter_paint               (LtExportPainter             *self,
                                                        GtkSnapshot                 *snapshot,
                                                        PangoContext                *context,
                                                        const graphene_rect_t       *area,
                                                        const LtExportSlice         *slice);
GArray          *lt_export_painter_dup_cited_sources   (LtExportPainter             *self,
                                                        const LtExportSlice         *slice);
gboolean         lt_export_painter_get_extent          (LtExportPainter             *self,
                                                        double                      *from_day,
                                                        double                      *to_day);
guint            lt_export_painter_get_n_extra_pages   (LtExportPainter             *self,
                                                        PangoContext                *context,
                                                        const graphene_rect_t       *area);
void             lt_export_painter_paint_extra_page    (LtExportPainter             *self,
                                                        guint                        index,
                                                        GtkSnapshot                 *snapshot,
                                                        PangoContext                *context,
                                                        const graphene_rect_t       *area);
void             lt_export_painter_set_source_numbers  (LtExportPainter             *self,
                                                        GHashTable                  *numbers);
GPtrArray       *lt_export_painter_dup_key             (LtExportPainter             *self,
                                                        const LtExportSlice         *slice);
void             lt_export_painter_describe            (LtExportPainter             *self,
                                                        const LtExportSlice         *slice,
                                                        GString                     *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LtExportPainter, lt_export_painter_free)

G_END_DECLS
