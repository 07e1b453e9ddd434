/* lt-timeline-painter-lanes.c: draws the lanes: their backgrounds and density, the
 * marks and bars of events, the count badges of clusters, the captions, the "no events" notes
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

static const GdkRGBA *
category_color (LtTimelinePainter *self,
                guint              category)
{
  return &self->palette.categories[category % LT_TIMELINE_N_CATEGORY_STYLES];
}

static const char *
lane_caption (LtTimelinePainter *self,
              guint              lane)
{
  gint64 key = lt_timeline_index_get_lane_key (self->data->index, lane);
  const char *text;

  if (key == LT_TIMELINE_LANE_OTHER)
    return C_("timeline lane", "Other");

  if (self->data->lane_mode == LT_LANE_MODE_CATEGORY)
    text = lt_timeline_category_get_label ((guint) key);
  else
    text = lt_timeline_data_get_lane_name (self->data, lane);

  return text != NULL ? text : "";
}

static const GdkRGBA *
lane_color (LtTimelinePainter *self,
            guint              lane)
{
  gint64 key = lt_timeline_index_get_lane_key (self->data->index, lane);

  if (self->data->lane_mode == LT_LANE_MODE_CATEGORY && key >= 0)
    return category_color (self, (guint) key);

  return &self->palette.neutral;
}

static void
rounded_rect_path (cairo_t *cr,
                   double   x,
                   double   y,
                   double   w,
                   double   h,
                   double   r)
{
  r = MIN (r, MIN (w, h) / 2.0);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static GskRenderNode *
build_density_node (LtTimelinePainter *self,
                    double             lo,
                    double             hi)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  guint n_lanes = lt_timeline_index_get_n_lanes (self->data->index);
  double ppd = self->scale.px_per_day;
  double w = (hi - lo) * ppd;
  guint n_cols = (guint) ceil (w / DENSITY_COLUMN);
  double lane_h = n_lanes ? self->lanes_h / n_lanes : 0;
  g_autofree guint *counts = g_new0 (guint, n_cols * MAX (n_lanes, 1));
  double col_days = DENSITY_COLUMN / ppd;
  double c0 = floor (lo / col_days);
  guint max_count = 0;
  gboolean matched_only = self->data->hide_unmatched && lt_timeline_index_has_filter (self->data->index);
  cairo_t *cr;

  for (guint lane = 0; lane < n_lanes; lane++)
    {
      if (lane % 2 == 1)
        gtk_snapshot_append_color (snapshot, &self->palette.lane_alt,
                                   &GRAPHENE_RECT_INIT (0, self->lanes_y + lane * lane_h, w,
                                                        lane_h));
      for (guint c = 0; c < n_cols; c++)
        {
          guint n = lt_timeline_index_count (self->data->index, lane, (c0 + c) * col_days,
                                             (c0 + c + 1) * col_days, matched_only);

          counts[lane * n_cols + c] = n;
          max_count = MAX (max_count, n);
        }
    }

  /* The density of each lane, as a soft area under its rows: what a zoomed-out view shows
   * where there are too many events to draw one by one. */
  if (max_count > 0 && n_cols > 0)
    {
      double top = self->lanes_y;

      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, top, w, self->lanes_h));
      for (guint lane = 0; lane < n_lanes; lane++)
        {
          GdkRGBA color = _lt_timeline_with_alpha (lane_color (self, lane),
                                                  self->palette.dark ? 0.30 : 0.20);
          double base = top + (lane + 1) * lane_h - 1;
          double amp = lane_h - 6;
          gboolean any = FALSE;

          cairo_move_to (cr, 0, base);
          for (guint c = 0; c < n_cols; c++)
            {
              guint n = counts[lane * n_cols + c];
              double h = n > 0 ? amp * sqrt ((double) n / max_count) : 0.0;

              h = n > 0 ? MAX (h, 2.0) : 0.0;
              any = any || n > 0;
              cairo_line_to (cr, (c0 + c) * DENSITY_COLUMN - lo * ppd, base - h);
              cairo_line_to (cr, (c0 + c + 1) * DENSITY_COLUMN - lo * ppd, base - h);
            }
          cairo_line_to (cr, w, base);
          cairo_close_path (cr);
          if (any)
            {
              gdk_cairo_set_source_rgba (cr, &color);
              cairo_fill (cr);
            }
          else
            cairo_new_path (cr);
        }
      cairo_destroy (cr);
    }

  return gtk_snapshot_free_to_node (snapshot);
}

/* The event key's numbers: after a mark or a badge, at the left end of a bar, and before
 * the item where that would run off the right edge */
static void
draw_numbers (LtTimelinePainter *self,
              GtkSnapshot       *snapshot)
{
  LtTimelineFrame *frame = self->frame;

  for (guint i = 0; i < frame->items->len; i++)
    {
      const LtFrameItem *item = &g_array_index (frame->items, LtFrameItem, i);
      char text[16];
      PangoLayout *layout;
      double w, x;
      double visible = MIN (item->x + item->w, self->width) - MAX (item->x, 0.0);

      if (!(item->frame_flags & LT_FRAME_ITEM_NUMBERED))
        continue;

      g_snprintf (text, sizeof text, "%u", item->number);
      layout = _lt_timeline_painter_get_text (self, LT_TIMELINE_FONT_SMALL_BOLD, text);
      w = _lt_timeline_text_width (layout);
      /* a bar laid over another one that starts with it numbers its other end */
      if (item->kind == LT_FRAME_ITEM_BAR && (item->frame_flags & LT_FRAME_ITEM_OVERLAID) &&
          visible >= 2 * frame->params.number_width + 16.0)
        x = MIN (item->x + item->w, self->width) - 4.0 - w;
      else if (item->kind == LT_FRAME_ITEM_BAR && visible >= frame->params.number_width + 8.0)
        x = MAX (item->x, 0.0) + 4.0;
      else if (item->kind == LT_FRAME_ITEM_BADGE && (item->frame_flags & LT_FRAME_ITEM_LABELLED))
        x = item->label_x;
      else
        x = item->x + item->w + (item->kind == LT_FRAME_ITEM_BADGE ? 4.0 : 3.0);
      if (x + w > self->width)
        x = item->x - 3.0 - w;
      _lt_timeline_append_text (snapshot, layout, x,
                                item->y + (item->h - _lt_timeline_text_height (layout)) / 2,
                                &self->palette.text);
    }
}

static void
draw_items (LtTimelinePainter *self,
            GtkSnapshot       *snapshot)
{
  LtTimelineFrame *frame = self->frame;
  cairo_t *cr;
  const GdkRGBA *accent = &self->palette.accent;

  if (frame->items->len == 0)
    return;

  /* One cairo node draws every shape of the frame: bars, marks and badges */
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (-8, self->lanes_y,
                                                                 self->width + 16, self->lanes_h));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  for (guint i = 0; i < frame->items->len; i++)
    {
      const LtFrameItem *item = &g_array_index (frame->items, LtFrameItem, i);
      const LtEventSpan *span = item->kind != LT_FRAME_ITEM_BADGE
                                ? _lt_timeline_painter_get_span (self, item->span)
                                                                  : NULL;
      gboolean dimmed = (item->frame_flags & LT_FRAME_ITEM_DIMMED) != 0;
      gboolean selected = (item->frame_flags & LT_FRAME_ITEM_SELECTED) != 0;
      gboolean hovered = span != NULL && span->id == self->hover_id && self->hover_id != 0;
      double alpha = dimmed ? 0.28 : 1.0;
      GdkRGBA color;

      if (item->kind == LT_FRAME_ITEM_BADGE)
        {
          color = _lt_timeline_with_alpha (lane_color (self, item->lane), dimmed ? 0.35 : 0.92);
          rounded_rect_path (cr, item->x, item->y, item->w, item->h, item->h / 2);
          gdk_cairo_set_source_rgba (cr, &color);
          cairo_fill (cr);
          if (self->data->hide_unmatched == FALSE && lt_timeline_index_has_filter (self->data->index) &&
              item->n_matched > 0 && item->n_matched < item->count)
            {
              /* a ring says some of the cluster matches */
              rounded_rect_path (cr, item->x - 2, item->y - 2, item->w + 4, item->h + 4,
                                 item->h / 2 + 2);
              gdk_cairo_set_source_rgba (cr, accent);
              cairo_set_line_width (cr, 1.5);
              cairo_stroke (cr);
            }
          continue;
        }

      color = _lt_timeline_with_alpha (category_color (self, span->category), alpha);

      if (item->kind == LT_FRAME_ITEM_BAR)
        {
          gboolean soft = span->precision < LT_PRECISION_DAY;
          double r = item->h / 2;

          rounded_rect_path (cr, item->x, item->y, item->w, item->h, r);
          if (soft)
            {
              /* a month or a year known, not the day: a soft bar over the whole period */
              GdkRGBA fill = _lt_timeline_with_alpha (&color, 0.22);

              gdk_cairo_set_source_rgba (cr, &fill);
              cairo_fill_preserve (cr);
              /* printed in black and white, the pattern tells the category; light, for
               * the label over it */
              fill = _lt_timeline_with_alpha (&color, 0.35);
              lt_timeline_palette_add_pattern (&self->palette, cr, span->category, &fill);
              fill = _lt_timeline_with_alpha (&color, 0.55);
              gdk_cairo_set_source_rgba (cr, &fill);
              cairo_set_line_width (cr, 1.0);
              if (span->flags & LT_SPAN_APPROXIMATE)
                cairo_set_dash (cr, (double[]) { 3, 2 }, 2, 0);
              cairo_stroke (cr);
              cairo_set_dash (cr, NULL, 0, 0);
            }
          else
            {
              GdkRGBA fill = _lt_timeline_with_alpha (&color,
                                                      (item->frame_flags & LT_FRAME_ITEM_LABELLED) &&
                                                      item->label_x < item->x + item->w ? 0.30 : 0.75);

              gdk_cairo_set_source_rgba (cr, &fill);
              cairo_fill_preserve (cr);
              lt_timeline_palette_add_pattern (&self->palette, cr, span->category,
                                               &self->palette.background);
              gdk_cairo_set_source_rgba (cr, &color);
              cairo_set_line_width (cr, 1.0);
              if (span->flags & LT_SPAN_APPROXIMATE)
                cairo_set_dash (cr, (double[]) { 3, 2 }, 2, 0);
              cairo_stroke (cr);
              cairo_set_dash (cr, NULL, 0, 0);
            }

          if (selected || hovered)
            {
              rounded_rect_path (cr, item->x - 2.5, item->y - 2.5, item->w + 5, item->h + 5,
                                 r + 2.5);
              gdk_cairo_set_source_rgba (cr, selected ? accent : &self->palette.dim_text);
              cairo_set_line_width (cr, 2.0);
              cairo_stroke (cr);
            }
          continue;
        }

      /* a mark */
      {
        double cx = item->x + item->w / 2;
        double cy = item->y + item->h / 2;
        LtMarkShape shape = lt_timeline_category_get_shape (span->category);
        gboolean hollow = span->precision < LT_PRECISION_DAY;

        if (selected || hovered)
          {
            GdkRGBA halo = _lt_timeline_with_alpha (selected ? accent : &color,
                                                   selected ? 0.30 : 0.20);

            cairo_new_sub_path (cr);
            cairo_arc (cr, cx, cy, item->w * 0.95, 0, 2 * G_PI);
            gdk_cairo_set_source_rgba (cr, &halo);
            cairo_fill (cr);
          }

        lt_timeline_draw_shape (cr, shape, cx, cy, item->w);
        if (hollow)
          {
            /* imprecise dates are drawn hollow */
            gdk_cairo_set_source_rgba (cr, &self->palette.background);
            cairo_fill_preserve (cr);
          }
        else
          {
            gdk_cairo_set_source_rgba (cr, &color);
            cairo_fill_preserve (cr);
          }
        gdk_cairo_set_source_rgba (cr, &color);
        cairo_set_line_width (cr, hollow ? 2.0 : 1.0);
        if (span->flags & LT_SPAN_APPROXIMATE)
          cairo_set_dash (cr, (double[]) { 2, 1.5 }, 2, 0);
        cairo_stroke (cr);
        cairo_set_dash (cr, NULL, 0, 0);

        if (selected)
          {
            cairo_new_sub_path (cr);
            cairo_arc (cr, cx, cy, item->w * 0.95, 0, 2 * G_PI);
            gdk_cairo_set_source_rgba (cr, accent);
            cairo_set_line_width (cr, 2.0);
            cairo_stroke (cr);
          }
      }
    }

  cairo_destroy (cr);

  /* Then the text: labels and counts */
  for (guint i = 0; i < frame->items->len; i++)
    {
      const LtFrameItem *item = &g_array_index (frame->items, LtFrameItem, i);
      gboolean dimmed = (item->frame_flags & LT_FRAME_ITEM_DIMMED) != 0;

      if (item->kind == LT_FRAME_ITEM_BADGE)
        {
          char text[16];
          PangoLayout *layout;
          GdkRGBA fg = _lt_timeline_with_alpha (&self->palette.badge_text, dimmed ? 0.7 : 1.0);

          g_snprintf (text, sizeof text, "%u", item->count);
          layout = _lt_timeline_painter_get_text (self, LT_TIMELINE_FONT_SMALL_BOLD, text);
          _lt_timeline_append_text (snapshot, layout,
                                    item->x + (item->w - _lt_timeline_text_width (layout)) / 2,
                                    item->y + (item->h - _lt_timeline_text_height (layout)) / 2,
                                    &fg);
          if ((item->frame_flags & LT_FRAME_ITEM_LABELLED) &&
              !(item->frame_flags & LT_FRAME_ITEM_NUMBERED))
            {
              const char *noun = _lt_timeline_count_noun (item->count);
              PangoLayout *l2 = _lt_timeline_painter_get_text (self, LT_TIMELINE_FONT_SMALL, noun);

              _lt_timeline_append_text (snapshot, l2, item->label_x,
                                        item->y + (item->h - _lt_timeline_text_height (l2)) / 2,
                                        &self->palette.dim_text);
            }
          continue;
        }

      if (item->frame_flags & LT_FRAME_ITEM_LABELLED)
        {
          LtTimelineLabel *label = _lt_timeline_painter_lookup_label (self, item->span, FALSE);
          GdkRGBA fg;

          if (label == NULL)
            continue;
          if (item->frame_flags & LT_FRAME_ITEM_SELECTED)
            fg = self->palette.accent;
          else
            fg = dimmed ? self->palette.dim_text : self->palette.text;
          if (dimmed)
            fg.alpha *= 0.7;
          if ((item->frame_flags & LT_FRAME_ITEM_TALL) && label->wrapped != NULL)
            {
              /* two lines: the second beside the mark, the first in the row above */
              double h = _lt_timeline_text_height (label->wrapped);

              _lt_timeline_append_text (snapshot, label->wrapped, item->label_x,
                                        item->y + item->h / 2 + h / 4 - h, &fg);
            }
          else
            _lt_timeline_append_text (snapshot, label->layout, item->label_x,
                                      item->y + item->h / 2
                                      - _lt_timeline_text_height (label->layout) / 2, &fg);
        }
    }

  if (self->first_number > 0)
    draw_numbers (self, snapshot);
}

static void
draw_lane_captions (LtTimelinePainter *self,
                    GtkSnapshot       *snapshot)
{
  guint n_lanes = self->frame->lanes->len;
  cairo_t *cr;

  if (n_lanes == 0)
    return;

  for (guint lane = 0; lane < n_lanes; lane++)
    {
      const LtFrameLane *fl = &g_array_index (self->frame->lanes, LtFrameLane, lane);
      PangoLayout *layout = _lt_timeline_painter_get_text (self, LT_TIMELINE_FONT_SMALL_BOLD,
                                                           lane_caption (self, lane));
      double w = _lt_timeline_text_width (layout);
      gboolean shape = self->data->lane_mode == LT_LANE_MODE_CATEGORY &&
                       lt_timeline_index_get_lane_key (self->data->index, lane) >= 0;
      double pad = shape ? 22 : 8;
      GdkRGBA bg = _lt_timeline_with_alpha (lane % 2 == 1 ? &self->palette.lane_alt
                                                         : &self->palette.background,
                                            0.88);

      if (lane > 0)
        gtk_snapshot_append_color (snapshot, &self->palette.separator,
                                   &GRAPHENE_RECT_INIT (0, fl->y, self->width, 1));

      /* the caption stays at the left edge, over a veil so it reads over the events */
      gtk_snapshot_append_color (snapshot, &bg, &GRAPHENE_RECT_INIT (0, fl->y + 2, pad + w + 10,
                                                                     16));
      _lt_timeline_append_text (snapshot, layout, pad,
                                fl->y + 2 + (16 - _lt_timeline_text_height (layout)) / 2,
                                lane_color (self, lane));

      if (shape)
        {
          guint category = (guint) lt_timeline_index_get_lane_key (self->data->index, lane);

          cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (4, fl->y + 2, 16, 16));
          lt_timeline_draw_shape (cr, lt_timeline_category_get_shape (category),
                                  12, fl->y + 10, 10);
          gdk_cairo_set_source_rgba (cr, lane_color (self, lane));
          cairo_fill (cr);
          cairo_destroy (cr);
        }

      if (fl->n_hidden_ranges > 0)
        {
          g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "%u more period",
                                                                "%u more periods",
                                                                fl->n_hidden_ranges),
                                                   fl->n_hidden_ranges);
          PangoLayout *l2 = _lt_timeline_painter_get_text (self, LT_TIMELINE_FONT_SMALL, more);

          _lt_timeline_append_text (snapshot, l2, self->width - _lt_timeline_text_width (l2) - 8,
                                    fl->y + 3,
                                    &self->palette.dim_text);
        }
    }
}

static void
draw_empty (LtTimelinePainter *self,
            GtkSnapshot       *snapshot)
{
  PangoLayout *layout = _lt_timeline_painter_get_text (self, LT_TIMELINE_FONT_BOLD,
                                                       _("No events to show"));

  _lt_timeline_append_text (snapshot, layout, (self->width - _lt_timeline_text_width (layout)) / 2,
                            self->lanes_y + (self->lanes_h - _lt_timeline_text_height (layout)) / 2,
                            &self->palette.dim_text);
}

/* A filter that matches nothing says so, over the dimmed events of the window or, in an
 * export, in place of them: an empty page must not read as "nothing happened". */
static void
draw_no_matches (LtTimelinePainter *self,
                 GtkSnapshot       *snapshot)
{
  PangoLayout *layout = _lt_timeline_painter_get_text (self, LT_TIMELINE_FONT_BOLD,
                                                       _("No events match"));
  double w = _lt_timeline_text_width (layout);
  double h = _lt_timeline_text_height (layout);
  double x = (self->width - w) / 2;
  double y = self->lanes_y + (self->lanes_h - h) / 2;
  GdkRGBA veil = _lt_timeline_with_alpha (&self->palette.background, 0.9);
  GskRoundedRect box;

  gsk_rounded_rect_init_from_rect (&box, &GRAPHENE_RECT_INIT (x - 16, y - 8, w + 32, h + 16), 8);
  gtk_snapshot_push_rounded_clip (snapshot, &box);
  gtk_snapshot_append_color (snapshot, &veil, &box.bounds);
  gtk_snapshot_pop (snapshot);
  _lt_timeline_append_text (snapshot, layout, x, y, &self->palette.text);
}

void
_lt_timeline_painter_draw_density (LtTimelinePainter *self,
                                   GtkSnapshot       *snapshot)
{
  _lt_timeline_painter_draw_cached (self, snapshot, &self->density_cache, build_density_node);
}

/* The events and captions, clipped to the lanes, or what stands in for them */
void
_lt_timeline_painter_draw_lanes (LtTimelinePainter *self,
                                 GtkSnapshot       *snapshot)
{
  gtk_snapshot_push_clip (snapshot,
                          &GRAPHENE_RECT_INIT (0, self->lanes_y, self->width, self->lanes_h));
  if (self->data->spans->len == 0)
    draw_empty (self, snapshot);
  else if (lt_timeline_index_has_filter (self->data->index) &&
           lt_timeline_index_get_n_matched (self->data->index) == 0)
    {
      /* hidden, the events leave nothing for the lanes to name either */
      if (!self->data->hide_unmatched)
        {
          draw_items (self, snapshot);
          draw_lane_captions (self, snapshot);
        }
      draw_no_matches (self, snapshot);
    }
  else
    {
      draw_items (self, snapshot);
      draw_lane_captions (self, snapshot);
    }
  gtk_snapshot_pop (snapshot);
}
