/* lt-timeline-painter-hit.c: what the painter's last frame drew where: hit-testing for
 * hover, click and tooltips, the bounds of events for their widgets, the events an export lists
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-timeline-painter"

#include "config.h"

#include <math.h>
#include <string.h>

#include "lt-timeline-painter-private.h"

/* What is hit-tested must be the real events: wait for them, and lay them out again */
static void
ensure_real_frame (LtTimelinePainter *self)
{
  _lt_timeline_painter_sync_data (self);
  if (!self->data->provisional)
    return;

  _lt_timeline_data_wait_for_events (self->data);
  _lt_timeline_painter_sync_data (self);
  if (self->pango != NULL && self->width > 0 && self->height > 0)
    lt_timeline_painter_layout (self, self->pango, self->width, self->height);
}

/**
 * lt_timeline_painter_get_frame:
 * @self: a painter
 *
 * Returns: (transfer none) (nullable): the frame of the last layout
 */
LtTimelineFrame *
lt_timeline_painter_get_frame (LtTimelinePainter *self)
{
  g_return_val_if_fail (LT_IS_TIMELINE_PAINTER (self), NULL);

  _lt_timeline_painter_sync_data (self);

  return self->frame;
}

/**
 * lt_timeline_painter_describe_event:
 * @self: a painter
 * @event_id: an event
 * @title: (out) (optional): its title
 * @date: (out) (optional): its dates, formatted with their precision
 *
 * Returns: %TRUE if the event is drawn by this painter
 */
gboolean
lt_timeline_painter_describe_event (LtTimelinePainter  *self,
                                    gint64              event_id,
                                    char              **title,
                                    char              **date)
{
  guint lane, item;
  const LtTimelineItem *it;
  LtTimelineLabel *label;

  g_return_val_if_fail (LT_IS_TIMELINE_PAINTER (self), FALSE);

  lt_timeline_data_finish_loading (self->data);
  _lt_timeline_data_ensure_index (self->data);
  _lt_timeline_painter_sync_data (self);
  if (!lt_timeline_index_find_event (self->data->index, event_id, &lane, &item) || self->pango == NULL)
    return FALSE;

  it = &lt_timeline_index_get_lane_items (self->data->index, lane)[item];
  label = _lt_timeline_painter_lookup_label (self, it->span, TRUE);
  if (label == NULL)
    return FALSE;

  if (title)
    *title = g_strdup (label->title);
  if (date)
    *date = g_strdup (label->date);

  return TRUE;
}

static int
compare_days (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  LtTimelinePainter *self = user_data;
  const LtEventSpan *sa = _lt_timeline_painter_get_span (self, *(const guint32 *) a);
  const LtEventSpan *sb = _lt_timeline_painter_get_span (self, *(const guint32 *) b);

  if (sa->start_day != sb->start_day)
    return sa->start_day < sb->start_day ? -1 : 1;

  return sa->id < sb->id ? -1 : sa->id > sb->id;
}

/**
 * lt_timeline_painter_list_visible_events:
 * @self: a painter
 *
 * Lists the events drawn one by one in the last frame (not those inside count badges, and
 * not the dimmed ones), in date order: what an export footnotes the sources of.
 *
 * Returns: (transfer full) (element-type gint64): event ids
 */
GArray *
lt_timeline_painter_list_visible_events (LtTimelinePainter *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  g_return_val_if_fail (LT_IS_TIMELINE_PAINTER (self), ids);

  _lt_timeline_painter_sync_data (self);
  /* no real event is drawn yet */
  if (self->frame == NULL || self->data->provisional)
    return ids;

  for (guint i = 0; i < self->frame->items->len; i++)
    {
      const LtFrameItem *item = &g_array_index (self->frame->items, LtFrameItem, i);

      if (item->kind == LT_FRAME_ITEM_BADGE || (item->frame_flags & LT_FRAME_ITEM_DIMMED))
        continue;
      if (item->x + item->w < 0 || item->x > self->width)
        continue;
      if (!g_hash_table_add (seen, GUINT_TO_POINTER (item->span + 1)))
        continue;
      g_array_append_val (spans, item->span);
    }

  g_array_sort_with_data (spans, compare_days, self);
  for (guint i = 0; i < spans->len; i++)
    {
      guint32 span = g_array_index (spans, guint32, i);

      g_array_append_val (ids, _lt_timeline_painter_get_span (self, span)->id);
    }

  return ids;
}

/**
 * lt_timeline_painter_hit_test:
 * @self: a painter
 * @x: a coordinate
 * @y: a coordinate
 * @hit: (out caller-allocates): what is there
 *
 * Says what the last frame drew at a point. The view uses it for hover, click and tooltips,
 * and the tests for clicking an event by its position.
 *
 * Returns: %TRUE if something is there
 */
gboolean
lt_timeline_painter_hit_test (LtTimelinePainter *self,
                              double             x,
                              double             y,
                              LtTimelineHit     *hit)
{
  g_return_val_if_fail (LT_IS_TIMELINE_PAINTER (self), FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  memset (hit, 0, sizeof *hit);
  ensure_real_frame (self);
  if (self->frame == NULL)
    return FALSE;

  hit->day = lt_time_scale_x_to_day (&self->scale, x);

  if (self->overview_h > 0 && y >= self->overview_y)
    {
      double lo, hi;
      graphene_rect_t rect;

      _lt_timeline_painter_overview_range (self, &lo, &hi);
      _lt_timeline_painter_overview_window_rect (self, &rect);
      hit->day = lo + x * (hi - lo) / MAX (self->width, 1);
      hit->bounds = rect;
      hit->kind = x >= rect.origin.x - 4 && x <= rect.origin.x + rect.size.width + 4
                  ? LT_TIMELINE_HIT_OVERVIEW_WINDOW : LT_TIMELINE_HIT_OVERVIEW;
      return TRUE;
    }

  if (self->figures_h > 0 && y >= self->figures_y)
    {
      double best = 10.0;
      guint i0 = _lt_timeline_painter_figures_position (self,
                                                        lt_time_scale_x_to_day (&self->scale,
                                                                                x - 10));
      guint i1 = _lt_timeline_painter_figures_position (self,
                                                        lt_time_scale_x_to_day (&self->scale,
                                                                                x + 10));

      for (guint i = i0; i < i1 && i - i0 < 4096; i++)
        {
          const LtFigurePoint *p = &g_array_index (self->data->figures, LtFigurePoint, i);
          double px = lt_time_scale_day_to_x (&self->scale, p->day + 0.5);
          double py = _lt_timeline_painter_figure_y (self, p->value);
          double d = hypot (px - x, py - y);

          if (d < best)
            {
              best = d;
              hit->kind = LT_TIMELINE_HIT_FIGURE;
              hit->event_id = p->event_id;
              hit->value = p->value;
              hit->first_day = hit->last_day = p->day;
              graphene_rect_init (&hit->bounds, px - 5, py - 5, 10, 10);
            }
        }
      return hit->kind != LT_TIMELINE_HIT_NONE;
    }

  if (y < self->lanes_y)
    {
      hit->kind = LT_TIMELINE_HIT_AXIS;
      return TRUE;
    }

  {
    const LtFrameItem *item = lt_timeline_frame_hit_test (self->frame, x, y);

    if (item == NULL)
      {
        hit->kind = LT_TIMELINE_HIT_LANE;
        return FALSE;
      }

    graphene_rect_init (&hit->bounds, item->x, item->y, item->w, item->h);
    hit->first_day = item->first_day;
    hit->last_day = item->last_day;
    if (item->kind == LT_FRAME_ITEM_BADGE)
      {
        hit->kind = LT_TIMELINE_HIT_CLUSTER;
        hit->count = item->count;
      }
    else
      {
        hit->kind = LT_TIMELINE_HIT_EVENT;
        hit->event_id = _lt_timeline_painter_get_span (self, item->span)->id;
        hit->count = 1;
      }
  }

  return TRUE;
}

/**
 * lt_timeline_painter_get_event_bounds:
 * @self: a painter
 * @event_id: an event
 * @bounds: (out caller-allocates): where its mark or bar is
 *
 * Returns: %TRUE if the last frame drew the event on its own
 */
gboolean
lt_timeline_painter_get_event_bounds (LtTimelinePainter *self,
                                      gint64             event_id,
                                      graphene_rect_t   *bounds)
{
  const LtFrameItem *item;

  g_return_val_if_fail (LT_IS_TIMELINE_PAINTER (self), FALSE);

  ensure_real_frame (self);
  if (self->frame == NULL || self->data->index == NULL)
    return FALSE;

  item = lt_timeline_frame_find_event (self->frame, self->data->index, event_id);
  if (item == NULL)
    return FALSE;

  graphene_rect_init (bounds, item->x, item->y, item->w, item->h);

  return TRUE;
}

/**
 * lt_timeline_painter_get_lanes_area:
 * @self: a painter
 * @area: (out caller-allocates): the lanes' rectangle in the last layout
 */
void
lt_timeline_painter_get_lanes_area (LtTimelinePainter *self,
                                    graphene_rect_t   *area)
{
  g_return_if_fail (LT_IS_TIMELINE_PAINTER (self));

  graphene_rect_init (area, 0, self->lanes_y, self->width, self->lanes_h);
}

/**
 * lt_timeline_painter_get_n_numbered:
 * @self: a painter
 *
 * Returns: how many marks, bars and badges the last frame numbered for an event key
 */
guint
lt_timeline_painter_get_n_numbered (LtTimelinePainter *self)
{
  g_return_val_if_fail (LT_IS_TIMELINE_PAINTER (self), 0);

  _lt_timeline_painter_sync_data (self);
  if (self->frame == NULL || self->first_number == 0)
    return 0;

  return self->n_numbered;
}

/**
 * lt_timeline_painter_dup_numbered_events:
 * @self: a painter
 * @number: a number of the last frame's event key
 * @max_events: list at most this many events
 * @n_events: (out) (optional): how many events the item stands for
 *
 * The events that the mark, bar or badge numbered @number stands for, in date order: one,
 * or all those a badge counts (but those drawn on their own beside it).
 *
 * Returns: (transfer full) (element-type gint64) (nullable): event ids, or %NULL if no
 *   item has that number
 */
GArray *
lt_timeline_painter_dup_numbered_events (LtTimelinePainter *self,
                                         guint              number,
                                         guint              max_events,
                                         guint             *n_events)
{
  const LtFrameItem *found = NULL;
  g_autoptr(GHashTable) alone = NULL;
  const LtTimelineItem *lane_items;
  gboolean hide;
  GArray *ids;
  guint n = 0;

  g_return_val_if_fail (LT_IS_TIMELINE_PAINTER (self), NULL);

  _lt_timeline_painter_sync_data (self);
  if (self->frame == NULL || self->first_number == 0)
    return NULL;

  for (guint i = 0; i < self->frame->items->len && found == NULL; i++)
    {
      const LtFrameItem *item = &g_array_index (self->frame->items, LtFrameItem, i);

      if (item->number == number)
        found = item;
    }
  if (found == NULL)
    return NULL;

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (found->kind != LT_FRAME_ITEM_BADGE)
    {
      g_array_append_val (ids, _lt_timeline_painter_get_span (self, found->span)->id);
      if (n_events != NULL)
        *n_events = 1;
      return ids;
    }

  /* A badge counts its cell's items but those drawn on their own: the long ones as bars,
   * the selected one as a mark */
  alone = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < self->frame->items->len; i++)
    {
      const LtFrameItem *item = &g_array_index (self->frame->items, LtFrameItem, i);

      if (item->kind != LT_FRAME_ITEM_BADGE && item->lane == found->lane)
        g_hash_table_add (alone, GUINT_TO_POINTER (item->span + 1));
    }

  hide = self->data->hide_unmatched && lt_timeline_index_has_filter (self->data->index);
  lane_items = lt_timeline_index_get_lane_items (self->data->index, found->lane);
  for (guint i = found->item; i < found->end_item; i++)
    {
      const LtTimelineItem *it = &lane_items[i];

      if (g_hash_table_contains (alone, GUINT_TO_POINTER (it->span + 1)))
        continue;
      if (hide && !(it->flags & LT_ITEM_MATCHED))
        continue;
      if (n++ < max_events)
        g_array_append_val (ids, _lt_timeline_painter_get_span (self, it->span)->id);
    }
  if (n_events != NULL)
    *n_events = n;

  return ids;
}
