/* lt-export-painter.c: what an export page needs from a view's painter, behind one vtable
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-export"

#include "config.h"

#include "lt-export-painter.h"

struct _LtExportPainter
{
  const LtExportPainterVTable *vtable;
  gpointer                     data;
};

/**
 * lt_export_painter_new:
 * @vtable: (not nullable): the painter's functions; must outlive the painter
 * @data: passed to every function, freed with @vtable->free
 *
 * Returns: (transfer full): a new painter
 */
LtExportPainter *
lt_export_painter_new (const LtExportPainterVTable *vtable,
                       gpointer                     data)
{
  LtExportPainter *self;

  g_return_val_if_fail (vtable != NULL, NULL);
  g_return_val_if_fail (vtable->paint != NULL, NULL);

  self = g_new0 (LtExportPainter, 1);
  self->vtable = vtable;
  self->data = data;

  return self;
}

void
lt_export_painter_free (LtExportPainter *self)
{
  if (self == NULL)
    return;

  if (self->vtable->free != NULL)
    self->vtable->free (self->data);
  g_free (self);
}

guint
lt_export_painter_get_n_legend_items (LtExportPainter *self)
{
  g_return_val_if_fail (self != NULL, 0);

  if (self->vtable->get_n_legend_items == NULL)
    return 0;

  return self->vtable->get_n_legend_items (self->data);
}

const char *
lt_export_painter_get_legend_label (LtExportPainter *self,
                                    guint            item)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->vtable->get_legend_label != NULL, NULL);

  return self->vtable->get_legend_label (self->data, item);
}

void
lt_export_painter_paint_legend_swatch (LtExportPainter       *self,
                                       guint                  item,
                                       GtkSnapshot           *snapshot,
                                       const graphene_rect_t *box)
{
  g_return_if_fail (self != NULL);

  if (self->vtable->paint_legend_swatch != NULL)
    self->vtable->paint_legend_swatch (self->data, item, snapshot, box);
}

void
lt_export_painter_paint (LtExportPainter       *self,
                         GtkSnapshot           *snapshot,
                         PangoContext          *context,
                         const graphene_rect_t *area,
                         const LtExportSlice   *slice)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (GTK_IS_SNAPSHOT (snapshot));
  g_return_if_fail (PANGO_IS_CONTEXT (context));

  self->vtable->paint (self->data, snapshot, context, area, slice);
}

/**
 * lt_export_painter_dup_cited_sources:
 * @self: a painter
 * @slice: the part shown
 *
 * Returns: (transfer full): a #GArray of gint64 source ids
 */
GArray *
lt_export_painter_dup_cited_sources (LtExportPainter     *self,
                                     const LtExportSlice *slice)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->vtable->dup_cited_sources == NULL)
    return g_array_new (FALSE, FALSE, sizeof (gint64));

  return self->vtable->dup_cited_sources (self->data, slice);
}

void
lt_export_painter_describe (LtExportPainter     *self,
                            const LtExportSlice *slice,
                            GString             *text)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (text != NULL);

  if (self->vtable->describe != NULL)
    self->vtable->describe (self->data, slice, text);
}

gboolean
lt_export_painter_get_extent (LtExportPainter *self,
                              double          *from_day,
                              double          *to_day)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->vtable->get_extent == NULL)
    return FALSE;

  return self->vtable->get_extent (self->data, from_day, to_day);
}

guint
lt_export_painter_get_n_extra_pages (LtExportPainter       *self,
                                     PangoContext          *context,
                                     const graphene_rect_t *area)
{
  g_return_val_if_fail (self != NULL, 0);

  if (self->vtable->get_n_extra_pages == NULL)
    return 0;

  return self->vtable->get_n_extra_pages (self->data, context, area);
}

void
lt_export_painter_paint_extra_page (LtExportPainter       *self,
                                    guint                  index,
                                    GtkSnapshot           *snapshot,
                                    PangoContext          *context,
                                    const graphene_rect_t *area)
{
  g_return_if_fail (self != NULL);

  if (self->vtable->paint_extra_page != NULL)
    self->vtable->paint_extra_page (self->data, index, snapshot, context, area);
}

void
lt_export_key_entry_free (gpointer entry)
{
  LtExportKeyEntry *self = entry;

  if (self == NULL)
    return;
  g_clear_pointer (&self->event_ids, g_array_unref);
  g_free (self);
}

/**
 * lt_export_painter_dup_key:
 * @self: a painter
 * @slice: the slice painted last, with its first number
 *
 * The event key of the slice painted last: what each number stands for.
 *
 * Returns: (transfer full) (element-type LtExportKeyEntry): the entries in number order,
 *   empty for a view with no key
 */
GPtrArray *
lt_export_painter_dup_key (LtExportPainter     *self,
                           const LtExportSlice *slice)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (slice != NULL, NULL);

  if (self->vtable->dup_key != NULL && slice->first_number > 0)
    return self->vtable->dup_key (self->data, slice);

  return g_ptr_array_new_with_free_func (lt_export_key_entry_free);
}

/**
 * lt_export_painter_set_source_numbers:
 * @self: a painter
 * @numbers: (element-type gint64 guint): each listed source's id to its number in the
 *   footnote, from 1
 *
 * Tells the painter how the document numbers the sources, for what it draws with them.
 */
void
lt_export_painter_set_source_numbers (LtExportPainter *self,
                                      GHashTable      *numbers)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (numbers != NULL);

  if (self->vtable->set_source_numbers != NULL)
    self->vtable->set_source_numbers (self->data, numbers);
}
