/* lt-timeline-painter-bands.c: draws the strips around the lanes: the time axis
 * with its ticks and grid on top, the figures band and the overview strip below
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-timeline-painter"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "lt-timeline-painter-private.h"

/* The time axis */

static GskRenderNode *
build_axis_node (LtTimelinePainter *self,
                 double             lo,
                 double             hi)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GArray) ticks = NULL;
  LtTickStep minor, major;
  double ppd = self->scale.px_per_day;
  double grid_bottom = self->figures_y + self->figures_h;
  double w = (hi - lo) * ppd;

  ticks = lt_timeline_ticks_compute (lo, hi, ppd, _lt_timeline_painter_measure_tick_cb, self,
                                     &minor, &major);

  gtk_snapshot_append_color (snapshot, &self->palette.axis_background,
                             &GRAPHENE_RECT_INIT (0, 0, w, AXIS_HEIGHT));
  gtk_snapshot_append_color (snapshot, &self->palette.separator,
                             &GRAPHENE_RECT_INIT (0, AXIS_HEIGHT - 1, w, 1));

  for (guint i = 0; i < ticks->len; i++)
    {
      const LtTimelineTick *tick = &g_array_index (ticks, LtTimelineTick, i);
      double x = floor ((tick->day - lo) * ppd) + 0.0;

      if (x < -1 || x > w + 1)
        continue;

      if (tick->major)
        {
          gtk_snapshot_append_color (snapshot, &self->palette.grid_major,
                                     &GRAPHENE_RECT_INIT (x, 4, 1, grid_bottom - 4));
          continue;
        }

      gtk_snapshot_append_color (snapshot, &self->palette.grid,
                                 &GRAPHENE_RECT_INIT (x, AXIS_HEIGHT, 1,
                                                      grid_bottom - AXIS_HEIGHT));
      gtk_snapshot_append_color (snapshot, &self->palette.grid_major,
                                 &GRAPHENE_RECT_INIT (x, AXIS_HEIGHT - 7, 1, 6));
      if (tick->label != NULL)
        {
          PangoLayout *layout = _lt_timeline_painter_get_text (self, LT_TIMELINE_FONT_SMALL,
                                                               tick->label);

          _lt_timeline_append_text (snapshot, layout, x + 4,
                                    AXIS_HEIGHT - 5 - _lt_timeline_text_height (layout),
                                    &self->palette.dim_text);
        }
    }

  return gtk_snapshot_free_to_node (snapshot);
}

static void
draw_major_labels (LtTimelinePainter *self,
                   GtkSnapshot       *snapshot)
{
  g_autoptr(GArray) majors = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ticks = NULL;
  LtTickStep minor, major;
  double end = lt_time_scale_get_end (&self->scale);
  const char *last_label = NULL;
  double labels_end = 0.0;

  /* Only the context row is rebuilt every frame: a few labels, kept at the left edge the way
   * sticky headers are, and pushed away by the next one. */
  ticks = lt_timeline_ticks_compute (self->scale.start, end, self->scale.px_per_day,
                                     _lt_timeline_painter_measure_tick_cb, self, &minor, &major);

  for (guint i = 0; i < ticks->len; i++)
    {
      const LtTimelineTick *tick = &g_array_index (ticks, LtTimelineTick, i);
      const LtTimelineTick *next = NULL;
      PangoLayout *layout;
      double x;
      double w;

      if (!tick->major || tick->label == NULL)
        continue;
      for (guint j = i + 1; j < ticks->len && next == NULL; j++)
        if (g_array_index (ticks, LtTimelineTick, j).major)
          next = &g_array_index (ticks, LtTimelineTick, j);

      layout = _lt_timeline_painter_get_text (self, LT_TIMELINE_FONT_SMALL_BOLD, tick->label);
      w = _lt_timeline_text_width (layout);
      x = MAX (lt_time_scale_day_to_x (&self->scale, tick->day) + 4, 8);
      if (next != NULL)
        x = MIN (x, lt_time_scale_day_to_x (&self->scale, next->day) - w - 8);
      if (x + w < 0 || x > self->width)
        continue;
      _lt_timeline_append_text (snapshot, layout, x, 5, &self->palette.text);
      labels_end = MAX (labels_end, x + w);
      last_label = tick->label;
    }

  /* Zoomed into hours, say why a day's events sit where they do: at the right end of the row,
   * in the room the labels leave. The sentence is longer in some languages (Belarusian) than
   * that room, so it is shortened with an ellipsis rather than drawn over the day's label. */
  if (self->scale.px_per_day >= 400.0 && self->width > 500)
    {
      PangoLayout *note = _lt_timeline_painter_get_text (self, LT_TIMELINE_FONT_SMALL,
                                                         _("Times of day are not recorded: a day’s events are spread over it"));
      double room = self->width - 8 - (labels_end + 24);

      pango_layout_set_ellipsize (note, PANGO_ELLIPSIZE_NONE);
      pango_layout_set_width (note, -1);
      if (room >= 120)
        {
          if (_lt_timeline_text_width (note) > room)
            {
              pango_layout_set_ellipsize (note, PANGO_ELLIPSIZE_END);
              pango_layout_set_width (note, (int) (room * PANGO_SCALE));
            }
          _lt_timeline_append_text (snapshot, note,
                                    self->width - _lt_timeline_text_width (note) - 8, 5,
                                    &self->palette.dim_text);
        }
    }

  /* Years need no context row; show the range instead so the row is not empty */
  if (last_label == NULL && major.unit == LT_TICK_UNIT_NONE && minor.unit == LT_TICK_UNIT_YEAR)
    {
      g_autofree char *a = lt_timeline_format_day (self->scale.start, "%Y");
      g_autofree char *b = lt_timeline_format_day (end, "%Y");
      g_autofree char *text = g_strdup_printf ("%s – %s", a, b);

      _lt_timeline_append_text (snapshot,
                                _lt_timeline_painter_get_text (self, LT_TIMELINE_FONT_SMALL_BOLD,
                                                               text),
                                8, 5, &self->palette.text);
    }
}

void
_lt_timeline_painter_draw_axis (LtTimelinePainter *self,
                                GtkSnapshot       *snapshot)
{
  _lt_timeline_painter_draw_cached (self, snapshot, &self->axis_cache, build_axis_node);
  draw_major_labels (self, snapshot);
}

/* The figures band */

double
_lt_timeline_painter_figure_y (LtTimelinePainter *self,
                               double             value)
{
  double top = self->figures_y + 22;
  double bottom = self->figures_y + self->figures_h - 8;

  if (self->data->figures_max <= 0)
    return bottom;

  return bottom - (bottom - top) * value / self->data->figures_max;
}

guint
_lt_timeline_painter_figures_position (LtTimelinePainter *self,
                                       double             day)
{
  guint lo = 0;
  guint hi = self->data->figures->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->data->figures, LtFigurePoint, mid).day + 0.5 < day)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static GskRenderNode *
build_figures_node (LtTimelinePainter *self,
                    double             lo,
                    double             hi)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  const GdkRGBA *color = &self->palette.accent;
  GdkRGBA fill = _lt_timeline_with_alpha (color, 0.12);
  double ppd = self->scale.px_per_day;
  double w = (hi - lo) * ppd;
  guint i0 = _lt_timeline_painter_figures_position (self, lo);
  guint i1 = _lt_timeline_painter_figures_position (self, hi);
  double base = _lt_timeline_painter_figure_y (self, 0);
  double first_x = 0, last_x = 0;
  gboolean started = FALSE;
  cairo_t *cr;

  /* one point before and after, so the line comes in from the edges */
  i0 = i0 > 0 ? i0 - 1 : 0;
  i1 = MIN (i1 + 1, self->data->figures->len);
  if (i1 <= i0)
    return gtk_snapshot_free_to_node (snapshot);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, self->figures_y, w,
                                                                 self->figures_h));
  cairo_rectangle (cr, 0, self->figures_y, w, self->figures_h);
  cairo_clip (cr);

  /* Many reports are folded into two-pixel columns (first, lowest, highest, last), so a
   * band of a hundred thousand figures costs what one screen of them does */
  for (guint i = i0; i < i1;)
    {
      const LtFigurePoint *p = &g_array_index (self->data->figures, LtFigurePoint, i);
      double x = (p->day + 0.5 - lo) * ppd;
      double col = floor (x / 2.0);
      double vmin = p->value, vmax = p->value, vlast = p->value;
      guint j = i + 1;

      for (; j < i1; j++)
        {
          const LtFigurePoint *q = &g_array_index (self->data->figures, LtFigurePoint, j);

          if (floor ((q->day + 0.5 - lo) * ppd / 2.0) != col)
            break;
          vmin = MIN (vmin, q->value);
          vmax = MAX (vmax, q->value);
          vlast = q->value;
        }

      if (!started)
        {
          cairo_move_to (cr, x, _lt_timeline_painter_figure_y (self, p->value));
          first_x = x;
          started = TRUE;
        }
      else
        cairo_line_to (cr, x, _lt_timeline_painter_figure_y (self, p->value));
      if (j > i + 1)
        {
          cairo_line_to (cr, x, _lt_timeline_painter_figure_y (self, vmin));
          cairo_line_to (cr, x, _lt_timeline_painter_figure_y (self, vmax));
          cairo_line_to (cr, x, _lt_timeline_painter_figure_y (self, vlast));
        }
      last_x = x;
      i = j;
    }

  cairo_set_line_width (cr, 2.0);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_stroke_preserve (cr);
  cairo_line_to (cr, last_x, base);
  cairo_line_to (cr, first_x, base);
  cairo_close_path (cr);
  gdk_cairo_set_source_rgba (cr, &fill);
  cairo_fill (cr);

  /* points to click, where there are few enough to tell apart */
  if (i1 - i0 <= 400)
    for (guint i = i0; i < i1; i++)
      {
        const LtFigurePoint *p = &g_array_index (self->data->figures, LtFigurePoint, i);

        cairo_new_sub_path (cr);
        cairo_arc (cr, (p->day + 0.5 - lo) * ppd, _lt_timeline_painter_figure_y (self, p->value),
                   3.5, 0, 2 * G_PI);
        gdk_cairo_set_source_rgba (cr, &self->palette.background);
        cairo_fill_preserve (cr);
        gdk_cairo_set_source_rgba (cr, color);
        cairo_stroke (cr);
      }
  cairo_destroy (cr);

  /* and their values, where there are few */
  if (i1 - i0 <= 40)
    for (guint i = i0; i < i1; i++)
      {
        const LtFigurePoint *p = &g_array_index (self->data->figures, LtFigurePoint, i);
        g_autofree char *text = lt_format_number (p->value);
        PangoLayout *layout = _lt_timeline_painter_get_text (self, LT_TIMELINE_FONT_SMALL, text);

        _lt_timeline_append_text (snapshot, layout,
                                  (p->day + 0.5 - lo) * ppd - _lt_timeline_text_width (layout) / 2,
                                  _lt_timeline_painter_figure_y (self, p->value)
                                  - _lt_timeline_text_height (layout) - 4,
                                  &self->palette.dim_text);
      }

  return gtk_snapshot_free_to_node (snapshot);
}

/**
 * lt_timeline_painter_get_figures_title:
 * @self: a painter
 *
 * Returns: (nullable): the name of what the figures band plots, in the UI language
 */
const char *
lt_timeline_painter_get_figures_title (LtTimelinePainter *self)
{
  g_return_val_if_fail (LT_IS_TIMELINE_PAINTER (self), NULL);

  if (self->data->figures_kind == NULL)
    return NULL;
  if (g_str_equal (self->data->figures_kind, "political-prisoners"))
    return _("Political prisoners");

  return self->data->figures_kind;
}

void
_lt_timeline_painter_draw_figures (LtTimelinePainter *self,
                                   GtkSnapshot       *snapshot)
{
  const char *title;
  g_autofree char *max_text = NULL;
  PangoLayout *layout;
  GdkRGBA veil;

  if (self->figures_h <= 0)
    return;

  gtk_snapshot_append_color (snapshot, &self->palette.separator,
                             &GRAPHENE_RECT_INIT (0, self->figures_y, self->width, 1));
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, self->figures_y, self->width,
                                                         self->figures_h));
  _lt_timeline_painter_draw_cached (self, snapshot, &self->figures_cache, build_figures_node);

  /* the selected or hovered event's figure stands out */
  if (self->selected_id != 0 || self->hover_id != 0)
    {
      guint i0 = _lt_timeline_painter_figures_position (self, self->scale.start);
      guint i1 = _lt_timeline_painter_figures_position (self,
                                                        lt_time_scale_get_end (&self->scale) + 1);

      for (guint i = i0; i < i1 && i - i0 < 4096; i++)
        {
          const LtFigurePoint *p = &g_array_index (self->data->figures, LtFigurePoint, i);
          GskRoundedRect dot;
          double x, y;

          if (p->event_id != self->selected_id && p->event_id != self->hover_id)
            continue;
          x = lt_time_scale_day_to_x (&self->scale, p->day + 0.5);
          y = _lt_timeline_painter_figure_y (self, p->value);
          gsk_rounded_rect_init_from_rect (&dot, &GRAPHENE_RECT_INIT (x - 5, y - 5, 10, 10), 5);
          gtk_snapshot_push_rounded_clip (snapshot, &dot);
          gtk_snapshot_append_color (snapshot, &self->palette.accent, &dot.bounds);
          gtk_snapshot_pop (snapshot);
        }
    }
  gtk_snapshot_pop (snapshot);

  /* its title and scale */
  title = lt_timeline_painter_get_figures_title (self);
  layout = _lt_timeline_painter_get_text (self, LT_TIMELINE_FONT_SMALL_BOLD, title);
  veil = _lt_timeline_with_alpha (&self->palette.background, 0.85);
  gtk_snapshot_append_color (snapshot, &veil,
                             &GRAPHENE_RECT_INIT (0, self->figures_y + 3,
                                                 _lt_timeline_text_width (layout) + 16,
                                                  16));
  _lt_timeline_append_text (snapshot, layout, 8, self->figures_y + 3, &self->palette.text);
  if (self->figures_note != NULL)
    {
      double x = _lt_timeline_text_width (layout) + 14;

      layout = _lt_timeline_painter_get_text (self, LT_TIMELINE_FONT_SMALL, self->figures_note);
      gtk_snapshot_append_color (snapshot, &veil,
                                 &GRAPHENE_RECT_INIT (x - 4, self->figures_y + 3,
                                                      _lt_timeline_text_width (layout) + 8, 16));
      _lt_timeline_append_text (snapshot, layout, x, self->figures_y + 3, &self->palette.dim_text);
    }
  /* the scale, where points are too many to carry their values */
  if (self->data->figures->len > 40)
    {
      max_text = lt_format_number (self->data->figures_max);
      layout = _lt_timeline_painter_get_text (self, LT_TIMELINE_FONT_SMALL, max_text);
      _lt_timeline_append_text (snapshot, layout,
                                self->width - _lt_timeline_text_width (layout) - 8,
                                _lt_timeline_painter_figure_y (self, self->data->figures_max) - 16,
                                &self->palette.dim_text);
    }
}

/* The overview strip */

void
_lt_timeline_painter_overview_range (LtTimelinePainter *self,
                                     double            *lo,
                                     double            *hi)
{
  double first, end, pad;

  if (!lt_timeline_data_get_extent (self->data, &first, &end))
    {
      first = self->scale.start;
      end = lt_time_scale_get_end (&self->scale);
    }
  pad = MAX ((end - first) * 0.02, 1.0);
  *lo = first - pad;
  *hi = end + pad;
}

static GskRenderNode *
build_overview_node (LtTimelinePainter *self,
                     double             unused_lo,
                     double             unused_hi)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  double lo, hi;
  double y = self->overview_y;
  double h = self->overview_h;
  guint n_bins = MAX (1, self->width / 4);
  g_autofree guint *counts = g_new0 (guint, n_bins);
  g_autofree guint *matched = NULL;
  guint max_count = 0;
  g_autoptr(GArray) ticks = NULL;
  LtTickStep minor, major;
  cairo_t *cr;

  _lt_timeline_painter_overview_range (self, &lo, &hi);
  gtk_snapshot_append_color (snapshot, &self->palette.axis_background, &GRAPHENE_RECT_INIT (0, y, self->width, h));
  gtk_snapshot_append_color (snapshot, &self->palette.separator, &GRAPHENE_RECT_INIT (0, y, self->width, 1));

  lt_timeline_index_density (self->data->index, lo, hi, n_bins, FALSE, counts);
  if (lt_timeline_index_has_filter (self->data->index))
    {
      matched = g_new0 (guint, n_bins);
      lt_timeline_index_density (self->data->index, lo, hi, n_bins, TRUE, matched);
    }
  for (guint b = 0; b < n_bins; b++)
    max_count = MAX (max_count, counts[b]);

  if (max_count > 0)
    {
      GdkRGBA c = _lt_timeline_with_alpha (&self->palette.text, 0.28);

      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, y, self->width, h));
      for (guint pass = 0; pass < (matched ? 2u : 1u); pass++)
        {
          const guint *v = pass == 0 ? counts : matched;

          cairo_move_to (cr, 0, y + h - 2);
          for (guint b = 0; b < n_bins; b++)
            {
              double bh = v[b] ? MAX (1.5, (h - 18) * sqrt ((double) v[b] / max_count)) : 0;

              cairo_line_to (cr, b * 4.0, y + h - 2 - bh);
              cairo_line_to (cr, b * 4.0 + 4, y + h - 2 - bh);
            }
          cairo_line_to (cr, self->width, y + h - 2);
          cairo_close_path (cr);
          if (pass == 1)
            c = _lt_timeline_with_alpha (&self->palette.accent, 0.7);
          gdk_cairo_set_source_rgba (cr, &c);
          cairo_fill (cr);
        }
      cairo_destroy (cr);
    }

  /* a strip this small reads best with sparse ticks: years, or months for a short chronicle */
  ticks = lt_timeline_ticks_compute (lo, hi, self->width / (hi - lo) / 4.0,
                                     _lt_timeline_painter_measure_tick_cb, self,
                                     &minor, &major);
  for (guint i = 0; i < ticks->len; i++)
    {
      const LtTimelineTick *tick = &g_array_index (ticks, LtTimelineTick, i);
      double x = floor ((tick->day - lo) * self->width / (hi - lo));

      if (tick->major || tick->label == NULL || x < 0 || x > self->width)
        continue;
      gtk_snapshot_append_color (snapshot, &self->palette.grid_major, &GRAPHENE_RECT_INIT (x, y + 1, 1, h - 1));
      _lt_timeline_append_text (snapshot,
                                _lt_timeline_painter_get_text (self, LT_TIMELINE_FONT_SMALL,
                                                               tick->label),
                                x + 3, y + 2, &self->palette.dim_text);
    }

  return gtk_snapshot_free_to_node (snapshot);
}

void
_lt_timeline_painter_overview_window_rect (LtTimelinePainter *self,
                                           graphene_rect_t   *rect)
{
  double lo, hi;
  double x0, x1;

  _lt_timeline_painter_overview_range (self, &lo, &hi);
  x0 = (self->scale.start - lo) * self->width / (hi - lo);
  x1 = (lt_time_scale_get_end (&self->scale) - lo) * self->width / (hi - lo);
  x0 = CLAMP (x0, -2, self->width + 2);
  x1 = CLAMP (x1, -2, self->width + 2);
  if (x1 - x0 < 6)
    {
      double c = (x0 + x1) / 2;

      x0 = c - 3;
      x1 = c + 3;
    }
  graphene_rect_init (rect, x0, self->overview_y + 1, x1 - x0, self->overview_h - 2);
}

void
_lt_timeline_painter_draw_overview (LtTimelinePainter *self,
                                    GtkSnapshot       *snapshot)
{
  graphene_rect_t rect;
  GdkRGBA veil = _lt_timeline_with_alpha (&self->palette.accent, 0.16);
  GskRoundedRect outline;
  GdkRGBA border = self->palette.accent;

  if (self->overview_h <= 0)
    return;

  if (self->overview_cache.node == NULL || self->overview_cache.width != self->width ||
      self->overview_cache.height != self->height || self->overview_cache.serial != self->serial)
    {
      _lt_timeline_node_cache_clear (&self->overview_cache);
      self->overview_cache.width = self->width;
      self->overview_cache.height = self->height;
      self->overview_cache.serial = self->serial;
      self->overview_cache.node = build_overview_node (self, 0, 0);
    }
  gtk_snapshot_append_node (snapshot, self->overview_cache.node);

  _lt_timeline_painter_overview_window_rect (self, &rect);
  gtk_snapshot_append_color (snapshot, &veil, &rect);
  gsk_rounded_rect_init_from_rect (&outline, &rect, 3);
  gtk_snapshot_append_border (snapshot, &outline, (float[]) { 1.5, 1.5, 1.5, 1.5 },
                              (GdkRGBA[]) { border, border, border, border });
}
