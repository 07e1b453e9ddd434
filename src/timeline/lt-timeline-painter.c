/* lt-timeline-painter.c: LtTimelinePainter, the one drawing path of the timeline: the
 * viewport, the layout of a frame of its LtTimelineData and the order a frame is painted in
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

/* The one drawing path of the timeline: the view's snapshot() and the headless export both
 * call lt_timeline_painter_paint(), so what is exported is what is seen. Nothing here needs
 * a display: the caller brings the PangoContext. What is drawn comes from an LtTimelineData,
 * which the page shares with its view; the painter keeps only the viewport and its caches. */

G_DEFINE_FINAL_TYPE (LtTimelinePainter, lt_timeline_painter, G_TYPE_OBJECT)

enum {
  INVALIDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
_lt_timeline_node_cache_clear (LtTimelineNodeCache *cache)
{
  g_clear_pointer (&cache->node, gsk_render_node_unref);
}

void
_lt_timeline_painter_invalidate (LtTimelinePainter *self)
{
  self->frame_valid = FALSE;
  g_signal_emit (self, signals[INVALIDATED], 0);
}

void
_lt_timeline_painter_invalidate_data (LtTimelinePainter *self)
{
  self->serial++;
  _lt_timeline_node_cache_clear (&self->density_cache);
  _lt_timeline_node_cache_clear (&self->overview_cache);
  _lt_timeline_node_cache_clear (&self->figures_cache);
  _lt_timeline_painter_invalidate (self);
}

/* What the caches hold is compared with the data's serials: the data changes while it is
 * asked for its index too, when it emits nothing */
void
_lt_timeline_painter_sync_data (LtTimelinePainter *self)
{
  LtTimelineData *data = self->data;

  if (self->spans_serial != data->spans_serial)
    {
      /* the last frame and the labels point into the spans by position */
      self->spans_serial = data->spans_serial;
      g_clear_pointer (&self->frame, lt_timeline_frame_free);
      self->frame_valid = FALSE;
      g_hash_table_remove_all (self->labels);
    }
  if (self->index_serial != data->index_serial)
    {
      /* and into the lanes of the index */
      self->index_serial = data->index_serial;
      g_clear_pointer (&self->frame, lt_timeline_frame_free);
      self->frame_valid = FALSE;
    }
  if (self->figures_serial != data->figures_serial)
    {
      self->figures_serial = data->figures_serial;
      _lt_timeline_node_cache_clear (&self->figures_cache);
    }
  if (self->data_serial != data->serial)
    {
      self->data_serial = data->serial;
      self->serial++;
      _lt_timeline_node_cache_clear (&self->density_cache);
      _lt_timeline_node_cache_clear (&self->overview_cache);
      _lt_timeline_node_cache_clear (&self->figures_cache);
      self->frame_valid = FALSE;
    }
}

static void
data_changed_cb (LtTimelinePainter *self,
                 LtTimelineData    *data)
{
  g_assert (LT_IS_TIMELINE_PAINTER (self));

  _lt_timeline_painter_sync_data (self);
  _lt_timeline_painter_invalidate (self);
}

/* An edited event kept its place: only its label is new */
static void
data_span_changed_cb (LtTimelinePainter *self,
                      guint              span,
                      LtTimelineData    *data)
{
  g_assert (LT_IS_TIMELINE_PAINTER (self));

  g_clear_pointer (&self->frame, lt_timeline_frame_free);
  self->frame_valid = FALSE;
  g_hash_table_remove (self->labels, GUINT_TO_POINTER (span + 1));
}

/* GObject */

static void
lt_timeline_painter_dispose (GObject *object)
{
  LtTimelinePainter *self = (LtTimelinePainter *) object;

  g_clear_object (&self->data_signals);
  g_clear_object (&self->data);
  g_clear_object (&self->pango);
  _lt_timeline_node_cache_clear (&self->axis_cache);
  _lt_timeline_node_cache_clear (&self->density_cache);
  _lt_timeline_node_cache_clear (&self->overview_cache);
  _lt_timeline_node_cache_clear (&self->figures_cache);

  G_OBJECT_CLASS (lt_timeline_painter_parent_class)->dispose (object);
}

static void
lt_timeline_painter_finalize (GObject *object)
{
  LtTimelinePainter *self = (LtTimelinePainter *) object;

  g_clear_pointer (&self->frame, lt_timeline_frame_free);
  g_clear_pointer (&self->figures_note, g_free);
  g_clear_pointer (&self->labels, g_hash_table_unref);
  for (guint i = 0; i < G_N_ELEMENTS (self->texts); i++)
    g_clear_pointer (&self->texts[i], g_hash_table_unref);

  g_clear_pointer (&self->label_font, pango_font_description_free);
  g_clear_pointer (&self->small_font, pango_font_description_free);
  g_clear_pointer (&self->bold_font, pango_font_description_free);

  G_OBJECT_CLASS (lt_timeline_painter_parent_class)->finalize (object);
}

static void
lt_timeline_painter_class_init (LtTimelinePainterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lt_timeline_painter_dispose;
  object_class->finalize = lt_timeline_painter_finalize;

  /**
   * LtTimelinePainter::invalidated:
   *
   * Emitted when what the painter would draw changed: the owner should draw again.
   */
  signals[INVALIDATED] = g_signal_new ("invalidated",
                                       G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 0);

  g_type_ensure (GSK_TYPE_COLOR_NODE);
}

static void
lt_timeline_painter_init (LtTimelinePainter *self)
{
  self->labels = g_hash_table_new_full (NULL, NULL, NULL, _lt_timeline_label_free);
  self->data_signals = g_signal_group_new (LT_TYPE_TIMELINE_DATA);
  g_signal_group_connect_swapped (self->data_signals, "changed", G_CALLBACK (data_changed_cb), self);
  g_signal_group_connect_swapped (self->data_signals, "span-changed",
                                  G_CALLBACK (data_span_changed_cb), self);
  for (guint i = 0; i < G_N_ELEMENTS (self->texts); i++)
    self->texts[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  self->show_overview = TRUE;
  self->scale.start = lt_days_from_ymd (2020, 1, 1);
  self->scale.px_per_day = 1.0;
  self->scale.width = 1.0;
  self->window_start = lt_days_from_ymd (2020, 1, 1);
  self->window_end = lt_days_from_ymd (2025, 1, 1);
  self->window_pending = TRUE;
  lt_timeline_palette_init (&self->palette, FALSE);
}

/* Public API */

/**
 * lt_timeline_painter_new:
 * @data: what to draw
 *
 * Returns: (transfer full): a painter of @data
 */
LtTimelinePainter *
lt_timeline_painter_new (LtTimelineData *data)
{
  LtTimelinePainter *self;

  g_return_val_if_fail (LT_IS_TIMELINE_DATA (data), NULL);

  self = g_object_new (LT_TYPE_TIMELINE_PAINTER, NULL);
  lt_timeline_painter_set_data (self, data);

  return self;
}

/**
 * lt_timeline_painter_set_data:
 * @self: a painter
 * @data: what to draw
 *
 * Draws @data, and follows its changes.
 */
void
lt_timeline_painter_set_data (LtTimelinePainter *self,
                              LtTimelineData    *data)
{
  g_return_if_fail (LT_IS_TIMELINE_PAINTER (self));
  g_return_if_fail (LT_IS_TIMELINE_DATA (data));

  if (!g_set_object (&self->data, data))
    return;

  g_signal_group_set_target (self->data_signals, data);
  /* nothing drawn from other data holds */
  self->spans_serial = data->spans_serial - 1;
  self->index_serial = data->index_serial - 1;
  self->figures_serial = data->figures_serial - 1;
  self->data_serial = data->serial - 1;
  _lt_timeline_painter_sync_data (self);
  _lt_timeline_painter_invalidate (self);
}

/**
 * lt_timeline_painter_get_data:
 * @self: a painter
 *
 * Returns: (transfer none): what it draws
 */
LtTimelineData *
lt_timeline_painter_get_data (LtTimelinePainter *self)
{
  g_return_val_if_fail (LT_IS_TIMELINE_PAINTER (self), NULL);

  return self->data;
}

static void
apply_scale (LtTimelinePainter *self)
{
  double first, end;

  if (lt_timeline_data_get_extent (self->data, &first, &end))
    lt_time_scale_clamp (&self->scale, first, end);
  _lt_timeline_painter_invalidate (self);
}

/**
 * lt_timeline_painter_set_window:
 * @self: a painter
 * @start_day: the first day to show
 * @end_day: the day at the right edge
 *
 * Shows a window of time; it is fitted to the width at the next layout.
 */
void
lt_timeline_painter_set_window (LtTimelinePainter *self,
                                double             start_day,
                                double             end_day)
{
  g_return_if_fail (LT_IS_TIMELINE_PAINTER (self));

  if (!isfinite (start_day) || !isfinite (end_day))
    return;

  self->window_start = start_day;
  self->window_end = MAX (end_day, start_day + 1.0 / 1440.0);
  self->window_pending = TRUE;
  if (self->width > 0)
    {
      self->scale.width = self->width;
      lt_time_scale_set_window (&self->scale, self->window_start, self->window_end);
      self->window_pending = FALSE;
    }
  _lt_timeline_painter_invalidate (self);
}

/**
 * lt_timeline_painter_get_window:
 * @self: a painter
 * @start_day: (out) (optional): the first day shown
 * @end_day: (out) (optional): the day at the right edge
 */
void
lt_timeline_painter_get_window (LtTimelinePainter *self,
                                double            *start_day,
                                double            *end_day)
{
  g_return_if_fail (LT_IS_TIMELINE_PAINTER (self));

  if (self->window_pending)
    {
      if (start_day)
        *start_day = self->window_start;
      if (end_day)
        *end_day = self->window_end;
      return;
    }

  if (start_day)
    *start_day = self->scale.start;
  if (end_day)
    *end_day = lt_time_scale_get_end (&self->scale);
}

/**
 * lt_timeline_painter_get_scale:
 * @self: a painter
 *
 * Returns: (transfer none): the time scale of the last layout
 */
const LtTimeScale *
lt_timeline_painter_get_scale (LtTimelinePainter *self)
{
  g_return_val_if_fail (LT_IS_TIMELINE_PAINTER (self), NULL);

  return &self->scale;
}

/**
 * lt_timeline_painter_set_scale:
 * @self: a painter
 * @start_day: the day at the left edge
 * @px_per_day: the zoom
 *
 * Sets the time scale, kept within the zoom bounds and near the data.
 */
void
lt_timeline_painter_set_scale (LtTimelinePainter *self,
                               double             start_day,
                               double             px_per_day)
{
  g_return_if_fail (LT_IS_TIMELINE_PAINTER (self));

  if (!isfinite (start_day) || !isfinite (px_per_day) || px_per_day <= 0.0)
    return;

  self->window_pending = FALSE;
  self->scale.start = start_day;
  self->scale.px_per_day = CLAMP (px_per_day, 1e-6, LT_TIME_SCALE_MAX_PX_PER_DAY);
  apply_scale (self);
}

/**
 * lt_timeline_painter_pan:
 * @self: a painter
 * @dx: pixels to move the content by (positive shows earlier days)
 */
void
lt_timeline_painter_pan (LtTimelinePainter *self,
                         double             dx)
{
  g_return_if_fail (LT_IS_TIMELINE_PAINTER (self));

  if (!isfinite (dx))
    return;

  self->window_pending = FALSE;
  self->scale.start -= dx / self->scale.px_per_day;
  apply_scale (self);
}

/**
 * lt_timeline_painter_zoom_at:
 * @self: a painter
 * @factor: > 1 zooms in
 * @x: the coordinate that stays put
 */
void
lt_timeline_painter_zoom_at (LtTimelinePainter *self,
                             double             factor,
                             double             x)
{
  g_return_if_fail (LT_IS_TIMELINE_PAINTER (self));

  self->window_pending = FALSE;
  lt_time_scale_zoom_at (&self->scale, factor, x);
  apply_scale (self);
}

/**
 * lt_timeline_painter_zoom_to_fit:
 * @self: a painter
 *
 * Shows all the events, with a little room on each side.
 */
void
lt_timeline_painter_zoom_to_fit (LtTimelinePainter *self)
{
  double first, end, pad;

  g_return_if_fail (LT_IS_TIMELINE_PAINTER (self));

  if (!lt_timeline_data_get_extent (self->data, &first, &end))
    return;

  pad = MAX ((end - first) * 0.03, 1.0);
  lt_timeline_painter_set_window (self, first - pad, end + pad);
}

/**
 * lt_timeline_painter_set_palette:
 * @self: a painter
 * @palette: the colours
 */
void
lt_timeline_painter_set_palette (LtTimelinePainter       *self,
                                 const LtTimelinePalette *palette)
{
  g_return_if_fail (LT_IS_TIMELINE_PAINTER (self));
  g_return_if_fail (palette != NULL);

  if (memcmp (&self->palette, palette, sizeof *palette) == 0)
    return;

  self->palette = *palette;
  _lt_timeline_node_cache_clear (&self->axis_cache);
  _lt_timeline_painter_invalidate_data (self);
}

/**
 * lt_timeline_painter_set_selected:
 * @self: a painter
 * @event_id: the selected event, or 0
 */
void
lt_timeline_painter_set_selected (LtTimelinePainter *self,
                                  gint64             event_id)
{
  g_return_if_fail (LT_IS_TIMELINE_PAINTER (self));

  if (self->selected_id == event_id)
    return;

  self->selected_id = event_id;
  _lt_timeline_painter_invalidate (self);
}

/**
 * lt_timeline_painter_set_hover:
 * @self: a painter
 * @event_id: the event under the pointer, or 0
 */
void
lt_timeline_painter_set_hover (LtTimelinePainter *self,
                               gint64             event_id)
{
  g_return_if_fail (LT_IS_TIMELINE_PAINTER (self));

  if (self->hover_id == event_id)
    return;

  self->hover_id = event_id;
  g_signal_emit (self, signals[INVALIDATED], 0);
}

/**
 * lt_timeline_painter_set_show_overview:
 * @self: a painter
 * @show_overview: whether to draw the overview strip under the lanes
 */
void
lt_timeline_painter_set_show_overview (LtTimelinePainter *self,
                                       gboolean           show_overview)
{
  g_return_if_fail (LT_IS_TIMELINE_PAINTER (self));

  self->show_overview = !!show_overview;
  _lt_timeline_node_cache_clear (&self->axis_cache);
  _lt_timeline_painter_invalidate_data (self);
}

/**
 * lt_timeline_painter_set_progressive:
 * @self: a painter
 * @progressive: whether a frame may leave labels for later frames
 *
 * An interactive view looks up a bounded number of new titles per frame and draws again
 * (see [method@TimelinePainter.needs_more_frames]); an export wants every label at once.
 */
void
lt_timeline_painter_set_progressive (LtTimelinePainter *self,
                                     gboolean           progressive)
{
  g_return_if_fail (LT_IS_TIMELINE_PAINTER (self));

  self->progressive = !!progressive;
}

/**
 * lt_timeline_painter_set_export:
 * @self: a painter
 * @export: whether the drawing is an export
 *
 * An export leaves out no event in the window (what finds no room shows over its
 * neighbours) and never cuts a title with "…": a title that does not fit whole is left out,
 * and the event key's number stands in for it.
 */
void
lt_timeline_painter_set_export (LtTimelinePainter *self,
                                gboolean           export)
{
  g_return_if_fail (LT_IS_TIMELINE_PAINTER (self));

  if (self->export == !!export)
    return;
  self->export = !!export;
  g_hash_table_remove_all (self->labels);
  self->frame_valid = FALSE;
}

/**
 * lt_timeline_painter_set_figures_note:
 * @self: a painter
 * @note: (nullable): text after the figures band's title, such as its sources' numbers
 */
void
lt_timeline_painter_set_figures_note (LtTimelinePainter *self,
                                      const char        *note)
{
  g_return_if_fail (LT_IS_TIMELINE_PAINTER (self));

  g_free (self->figures_note);
  self->figures_note = note != NULL && *note != '\0' ? g_strdup (note) : NULL;
}

/**
 * lt_timeline_painter_set_first_number:
 * @self: a painter
 * @first: the number of the first mark, bar or badge, or 0 for none
 *
 * Numbers every mark, bar and badge of a frame in date order, from @first, for an event
 * key beside the drawing (see [method@TimelinePainter.dup_numbered_events]).
 */
void
lt_timeline_painter_set_first_number (LtTimelinePainter *self,
                                      guint              first)
{
  g_return_if_fail (LT_IS_TIMELINE_PAINTER (self));

  if (self->first_number == first)
    return;
  self->first_number = first;
  self->frame_valid = FALSE;
}

static int
compare_numbered (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  GArray *items = user_data;
  const LtFrameItem *ia = &g_array_index (items, LtFrameItem, *(const guint *) a);
  const LtFrameItem *ib = &g_array_index (items, LtFrameItem, *(const guint *) b);

  if (ia->first_day != ib->first_day)
    return ia->first_day < ib->first_day ? -1 : 1;
  if (ia->lane != ib->lane)
    return ia->lane < ib->lane ? -1 : 1;

  return ia->x < ib->x ? -1 : ia->x > ib->x;
}

/* The key's numbers go in date order, so that the key reads as a chronology */
static void
number_items (LtTimelinePainter *self)
{
  GArray *items = self->frame->items;
  g_autofree guint *order = g_new (guint, MAX (items->len, 1));

  self->n_numbered = 0;
  for (guint i = 0; i < items->len; i++)
    order[i] = i;
  g_qsort_with_data (order, items->len, sizeof (guint), compare_numbered, items);
  for (guint i = 0; i < items->len; i++)
    {
      LtFrameItem *item = &g_array_index (items, LtFrameItem, order[i]);

      if (self->number_unlabelled &&
          (item->kind == LT_FRAME_ITEM_BADGE ||
           ((item->frame_flags & LT_FRAME_ITEM_LABELLED) && item->label_w > 0)))
        continue;
      item->number = self->first_number + self->n_numbered++;
      item->frame_flags |= LT_FRAME_ITEM_NUMBERED;
    }
}

/**
 * lt_timeline_painter_set_number_unlabelled:
 * @self: a painter
 * @unlabelled: whether to number only the marks and bars whose title is not shown
 *
 * An export without an event key still numbers the events whose titles found no room, so
 * that a short key can name them.
 */
void
lt_timeline_painter_set_number_unlabelled (LtTimelinePainter *self,
                                           gboolean           unlabelled)
{
  g_return_if_fail (LT_IS_TIMELINE_PAINTER (self));

  if (self->number_unlabelled == !!unlabelled)
    return;
  self->number_unlabelled = !!unlabelled;
  self->frame_valid = FALSE;
}

/**
 * lt_timeline_painter_layout:
 * @self: a painter
 * @pango: the context to measure text with
 * @width: the width of the drawing
 * @height: its height
 *
 * Lays out a frame if anything changed since the last one. Painting does this itself; call it
 * to hit-test or place child widgets before painting.
 */
void
lt_timeline_painter_layout (LtTimelinePainter *self,
                            PangoContext      *pango,
                            int                width,
                            int                height)
{
  LtFrameParams params = { { 0 } };
  double bottom;

  g_return_if_fail (LT_IS_TIMELINE_PAINTER (self));
  g_return_if_fail (PANGO_IS_CONTEXT (pango));

  _lt_timeline_painter_ensure_fonts (self, pango);
  _lt_timeline_data_ensure_index (self->data);
  if (_lt_timeline_data_load_pending_figures (self->data))
    self->frame_valid = FALSE;
  _lt_timeline_painter_sync_data (self);

  if (width != self->width || height != self->height)
    {
      self->frame_valid = FALSE;
      _lt_timeline_node_cache_clear (&self->axis_cache);
      _lt_timeline_node_cache_clear (&self->density_cache);
      _lt_timeline_node_cache_clear (&self->overview_cache);
      _lt_timeline_node_cache_clear (&self->figures_cache);
    }
  self->width = width;
  self->height = height;
  self->scale.width = MAX (width, 1);

  if (self->window_pending && width > 0)
    {
      lt_time_scale_set_window (&self->scale, self->window_start, self->window_end);
      self->window_pending = FALSE;
      self->frame_valid = FALSE;
    }

  if (self->frame_valid && self->frame != NULL && !(self->frame->incomplete && self->progressive))
    return;

  bottom = height;
  self->overview_h = self->show_overview && height > 200 ? OVERVIEW_HEIGHT : 0.0;
  self->overview_y = bottom - self->overview_h;
  bottom -= self->overview_h;
  self->figures_h = self->data->figures != NULL && self->data->figures->len > 0 && height > 260 ? FIGURES_HEIGHT : 0.0;
  self->figures_y = bottom - self->figures_h;
  bottom -= self->figures_h;
  /* the figures are read with the events: until then their band is kept empty, so that the
   * lanes do not jump when it comes */
  if (self->figures_h == 0 && self->data->provisional && self->data->figures_pending && self->data->figures_expected
      && height > 260)
    bottom -= FIGURES_HEIGHT;
  self->lanes_y = AXIS_HEIGHT;
  self->lanes_h = MAX (bottom - AXIS_HEIGHT, 0.0);

  params.scale = self->scale;
  params.top = self->lanes_y;
  params.height = self->lanes_h;
  params.row_height = ROW_HEIGHT;
  params.cell_width = CELL_WIDTH;
  params.mark_size = MARK_SIZE;
  params.max_label_width = self->export ? EXPORT_MAX_LABEL_WIDTH : MAX_LABEL_WIDTH;
  params.keep_all = self->export;
  params.badges_unnumbered = self->number_unlabelled;
  if (self->first_number > 0)
    {
      /* room for the widest number the frame can have: a page holds fewer than 1,000
       * items, and no more than there are events */
      guint widest = self->first_number + MIN (999, self->data->spans != NULL ? self->data->spans->len : 0);
      char digits[16] = "0";
      guint n = 1;
      PangoLayout *probe;

      for (guint v = widest; v >= 10; v /= 10)
        digits[n++] = '0';
      probe = _lt_timeline_painter_get_text (self, LT_TIMELINE_FONT_SMALL_BOLD, digits);

      params.number_width = _lt_timeline_text_width (probe);
    }
  params.selected_id = self->selected_id;
  params.hide_unmatched = self->data->hide_unmatched;
  params.measure_span = _lt_timeline_painter_measure_span_cb;
  params.measure_count = _lt_timeline_painter_measure_count_cb;
  params.measure_span_wrapped = _lt_timeline_painter_measure_wrapped_cb;
  params.user_data = self;

  self->label_budget = self->progressive ? LABEL_BUDGET : G_MAXUINT;
  self->layout_deadline = g_get_monotonic_time () + LABEL_TIME_BUDGET_USEC;
  g_clear_pointer (&self->frame, lt_timeline_frame_free);
  self->frame = lt_timeline_frame_build (self->data->index, &params);
  self->frame_valid = TRUE;
  if (self->first_number > 0)
    number_items (self);
}

/**
 * lt_timeline_painter_needs_more_frames:
 * @self: a painter
 *
 * Returns: %TRUE if the last frame left labels to measure: draw again soon
 */
gboolean
lt_timeline_painter_needs_more_frames (LtTimelinePainter *self)
{
  g_return_val_if_fail (LT_IS_TIMELINE_PAINTER (self), FALSE);

  _lt_timeline_painter_sync_data (self);

  return (self->frame != NULL && self->frame->incomplete) ||
         (self->data->figures_pending && !self->data->provisional);
}

void
_lt_timeline_painter_draw_cached (LtTimelinePainter   *self,
                                  GtkSnapshot         *snapshot,
                                  LtTimelineNodeCache *cache,
                                  LtTimelineBuildNode  build)
{
  double start = self->scale.start;
  double end = lt_time_scale_get_end (&self->scale);
  double span = end - start;
  double margin;
  gboolean zooming = cache->px_per_day != self->scale.px_per_day;

  /* A node covers three screens at one zoom; panning within it only translates it */
  if (cache->node == NULL || zooming ||
      cache->width != self->width || cache->height != self->height ||
      cache->serial != self->serial || start < cache->lo || end > cache->hi)
    {
      _lt_timeline_node_cache_clear (cache);
      cache->px_per_day = self->scale.px_per_day;
      cache->width = self->width;
      cache->height = self->height;
      cache->serial = self->serial;
      /* on the absolute pixel grid, so columns and ticks do not shimmer between rebuilds; a
       * one-off drawing (the export) covers only what shows, so no hidden text or paths
       * reach a PDF or SVG */
      /* while zooming every frame rebuilds, so a wide margin would be wasted; panning at
       * one zoom gets a screen either side */
      if (!self->progressive)
        margin = 0.0;
      else if (zooming)
        margin = span * 0.25;
      else
        margin = span;
      cache->lo = floor ((start - margin) * self->scale.px_per_day / DENSITY_COLUMN) * DENSITY_COLUMN
                  / self->scale.px_per_day;
      cache->hi = end + margin;
      cache->node = build (self, cache->lo, cache->hi);
    }

  if (cache->node == NULL)
    return;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT ((cache->lo - start) * self->scale.px_per_day, 0));
  gtk_snapshot_append_node (snapshot, cache->node);
  gtk_snapshot_restore (snapshot);
}

/**
 * lt_timeline_painter_paint:
 * @self: a painter
 * @snapshot: where to draw
 * @pango: the context for text (a widget's, or pango_cairo_font_map's with no display)
 * @width: the width of the drawing
 * @height: its height
 *
 * Draws the timeline: axis, lanes with their events and clusters, the figures band and the
 * overview strip. The view's snapshot() and the export both come here.
 */
void
lt_timeline_painter_paint (LtTimelinePainter *self,
                           GtkSnapshot       *snapshot,
                           PangoContext      *pango,
                           int                width,
                           int                height)
{
  g_return_if_fail (LT_IS_TIMELINE_PAINTER (self));
  g_return_if_fail (GTK_IS_SNAPSHOT (snapshot));

  if (width <= 0 || height <= 0)
    return;

  lt_timeline_painter_layout (self, pango, width, height);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gtk_snapshot_append_color (snapshot, &self->palette.background, &GRAPHENE_RECT_INIT (0, 0, width, height));

  _lt_timeline_painter_draw_density (self, snapshot);
  _lt_timeline_painter_draw_axis (self, snapshot);
  _lt_timeline_painter_draw_lanes (self, snapshot);

  if (self->figures_h > 0)
    _lt_timeline_painter_draw_figures (self, snapshot);
  _lt_timeline_painter_draw_overview (self, snapshot);

  gtk_snapshot_pop (snapshot);
}
