/* lt-timeline-frame.c: LtTimelineFrame, what to draw for one scale and size:
 * the marks, bars and count badges of each lane, and their labels placed in rows without overlap
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-timeline-layout"

#include "config.h"

#include <math.h>

#include "lt-timeline-frame.h"
#include "lt-timeline-index-private.h"

#define MAX_LONG_RANGES 48
#define CAPTION_HEIGHT  18.0
/* a tall label rises into the caption band only right of the longest lane caption */
#define TALL_BAND_FROM  230.0

/* Placement */

typedef struct
{
  double l;
  double r;
} Interval;

static int
compare_box_order (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const LtLabelBox *boxes = user_data;
  const LtLabelBox *ba = &boxes[*(const guint *) a];
  const LtLabelBox *bb = &boxes[*(const guint *) b];

  if (ba->priority != bb->priority)
    return ba->priority < bb->priority ? -1 : 1;
  if (ba->x != bb->x)
    return ba->x < bb->x ? -1 : 1;

  return 0;
}

static gboolean
row_try_insert_full (GArray   *row,
                     double    l,
                     double    r,
                     double    gap,
                     gboolean  insert)
{
  const Interval *iv = (const Interval *) (gpointer) row->data;
  guint lo = 0;
  guint hi = row->len;
  Interval ins = { l, r };

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (iv[mid].l < l)
        lo = mid + 1;
      else
        hi = mid;
    }

  if (lo > 0 && iv[lo - 1].r + gap > l)
    return FALSE;
  if (lo < row->len && iv[lo].l < r + gap)
    return FALSE;

  if (insert)
    g_array_insert_val (row, lo, ins);

  return TRUE;
}

static gboolean
row_try_insert (GArray *row,
                double  l,
                double  r,
                double  gap)
{
  return row_try_insert_full (row, l, r, gap, TRUE);
}

/* Whether the label of @box (not its mark) reaches into [l, r] */
static gboolean
label_overlaps (const LtLabelBox *box,
                double            l,
                double            r)
{
  double label_l = box->label_left ? box->x - (box->w_label - box->w_min) : box->x + box->w_min;
  double label_r = box->label_left ? box->x : box->x + box->w_label;

  if (box->label_inside)
    {
      label_l = box->x + 8.0;
      label_r = box->x + box->w_min;
    }

  return label_l < r && l < label_r;
}

/**
 * lt_timeline_place_boxes:
 * @boxes: (array length=n_boxes): the boxes to place
 * @n_boxes: the length of @boxes
 * @n_rows: how many rows there are
 * @gap: the least space between two boxes of a row
 *
 * Places boxes into rows without overlap, in priority order: each takes the first row where
 * it fits with its label, else the first where the mark alone fits, else no row. Placing by
 * priority rather than from left to right keeps placements from changing while panning.
 */
void
lt_timeline_place_boxes (LtLabelBox *boxes,
                         guint       n_boxes,
                         guint       n_rows,
                         double      gap)
{
  g_autofree guint *order = g_new (guint, MAX (n_boxes, 1));
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GArray) band = g_array_new (FALSE, FALSE, sizeof (Interval));

  for (guint r = 0; r < n_rows; r++)
    {
      g_ptr_array_add (rows, g_array_new (FALSE, FALSE, sizeof (Interval)));
      g_ptr_array_add (labels, g_array_new (FALSE, FALSE, sizeof (Interval)));
    }

  for (guint i = 0; i < n_boxes; i++)
    {
      order[i] = i;
      boxes[i].row = -1;
      boxes[i].labelled = FALSE;
      boxes[i].overlaid = FALSE;
    }
  g_qsort_with_data (order, n_boxes, sizeof (guint), compare_box_order, boxes);

  for (guint i = 0; i < n_boxes; i++)
    {
      LtLabelBox *box = &boxes[order[i]];

      /* A label left of its mark reaches back from the mark's left edge */
      double label_l = box->label_left ? box->x - (box->w_label - box->w_min) : box->x;
      double label_r = box->label_left ? box->x + box->w_min : box->x + box->w_label;

      /* the label alone, without the mark: what a tall label's first line covers above */
      double text_l = box->label_left ? label_l : box->x + box->w_min;
      double text_r = box->label_left ? box->x : label_r;

      if (box->w_label > box->w_min)
        {
          for (guint r = 0; r < n_rows && box->row < 0; r++)
            {
              GArray *above = r > 0 ? g_ptr_array_index (rows, r - 1) : band;

              if (box->tall && (r == 0 && text_l < box->band_from))
                continue;
              if (box->tall && !row_try_insert_full (above, text_l, text_r, gap, FALSE))
                continue;
              if (row_try_insert (g_ptr_array_index (rows, r), label_l, label_r, gap))
                {
                  box->row = r;
                  box->labelled = TRUE;
                  if (box->tall)
                    {
                      row_try_insert (above, text_l, text_r, gap);
                      if (r > 0)
                        row_try_insert (g_ptr_array_index (labels, r - 1), text_l, text_r, 0.0);
                    }
                }
            }
        }

      for (guint r = 0; r < n_rows && box->row < 0; r++)
        {
          if (row_try_insert (g_ptr_array_index (rows, r), box->x, box->x + box->w_min, gap))
            {
              box->row = r;
              box->labelled = box->w_label <= box->w_min;
            }
        }

      if (box->row >= 0 && !box->may_overlap)
        row_try_insert (g_ptr_array_index (labels, box->row), box->x, box->x + box->w_min, 0.0);
      if (box->row >= 0 && box->labelled && box->w_label > box->w_min)
        row_try_insert (g_ptr_array_index (labels, box->row),
                        box->label_left ? label_l : box->x + box->w_min,
                        box->label_left ? box->x : box->x + box->w_label, 0.0);
    }

  /* What found no room may still show over other marks, but never over a label */
  for (guint i = 0; i < n_boxes; i++)
    {
      LtLabelBox *box = &boxes[order[i]];

      if (box->row >= 0 || !box->may_overlap)
        continue;
      for (guint r = 0; r < n_rows && box->row < 0; r++)
        if (row_try_insert_full (g_ptr_array_index (labels, r), box->x, box->x + box->w_min, 0.0,
                                 FALSE))
          box->row = r;
    }

  /* An export leaves no event out: what found no room at all shows over its neighbours,
   * without its label, in the row where it covers the fewest labels; those it covers are
   * left out (their numbers in the event key stand for them), so no text is drawn over */
  for (guint i = 0; i < n_boxes && n_rows > 0; i++)
    {
      LtLabelBox *box = &boxes[order[i]];
      guint best = G_MAXUINT;

      if (box->row >= 0 || !box->keep)
        continue;
      for (guint r = 0; r < n_rows; r++)
        {
          guint covered = 0;

          for (guint j = 0; j < n_boxes; j++)
            if ((boxes[j].row == (int) r || (boxes[j].tall && boxes[j].row == (int) r + 1)) &&
                boxes[j].labelled && (boxes[j].w_label > boxes[j].w_min || boxes[j].label_inside) &&
                label_overlaps (&boxes[j], box->x, box->x + box->w_min))
              covered++;
          if (covered < best)
            {
              best = covered;
              box->row = (int) r;
            }
        }
      box->labelled = box->w_label <= box->w_min;
      box->overlaid = TRUE;
      for (guint j = 0; j < n_boxes; j++)
        if ((boxes[j].row == box->row || (boxes[j].tall && boxes[j].row == box->row + 1)) &&
            boxes[j].labelled && (boxes[j].w_label > boxes[j].w_min || boxes[j].label_inside) &&
            label_overlaps (&boxes[j], box->x, box->x + box->w_min))
          boxes[j].labelled = FALSE;
    }
}

/* Frames */

typedef struct
{
  LtFrameItem item;
  LtLabelBox  box;
} Candidate;

static guint
hash_priority (gint64 id)
{
  guint64 h = (guint64) id * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);

  return (guint) (h >> 44);   /* 20 bits */
}

static double
badge_width (guint  count,
             double row_height)
{
  guint digits = 1;

  for (guint v = count; v >= 10; v /= 10)
    digits++;

  return MAX (row_height + 2.0, 10.0 + 6.5 * digits);
}

/* What of a bar is on screen */
static double
bar_visible_width (const LtFrameItem *item,
                   const LtTimeScale *scale)
{
  return MIN (item->x + item->w, scale->width) - MAX (item->x, 0.0);
}

/* A bar holds its key number at its left end, unless it is too short for it */
static gboolean
bar_number_outside (const LtFrameItem   *item,
                    const LtFrameParams *params)
{
  return params->number_width > 0.0 &&
         bar_visible_width (item, &params->scale) < params->number_width + 8.0;
}

static void
add_event_candidate (LtTimelineIndex     *self,
                     const LtFrameParams *params,
                     LtTimelineFrame     *frame,
                     GArray              *candidates,
                     guint                lane,
                     guint                item_index,
                     gboolean             long_range)
{
  const LtTimelineItem *item = &lt_timeline_index_get_lane_items (self, lane)[item_index];
  const LtEventSpan *span = _lt_timeline_index_get_span (self, item->span);
  const LtTimeScale *scale = &params->scale;
  gboolean matched = !self->has_filter || (item->flags & LT_ITEM_MATCHED);
  Candidate c = { { 0 } };
  double label_w = -1.0;
  double nw = params->number_width;
  double inside;
  double anchor = lt_timeline_index_item_anchor (self, lane, item_index);

  c.item.lane = lane;
  c.item.span = item->span;
  c.item.item = item_index;
  c.item.count = 1;
  c.item.n_matched = matched ? 1 : 0;
  c.item.anchor_x = lt_time_scale_day_to_x (scale, anchor);
  c.item.first_day = item->start_day;
  c.item.last_day = item->end_day;
  if (!matched)
    c.item.frame_flags |= LT_FRAME_ITEM_DIMMED;
  if (span->id == params->selected_id)
    c.item.frame_flags |= LT_FRAME_ITEM_SELECTED;

  if (params->measure_span != NULL)
    label_w = params->measure_span (item->span, params->user_data);
  if (label_w < 0.0)
    frame->incomplete = frame->incomplete || params->measure_span != NULL;
  /* On screen a long title is cut with "…"; an export wraps it to two lines, or leaves it
   * out and its number in the event key stands in for it */
  if (params->keep_all && label_w > params->max_label_width)
    {
      label_w = params->measure_span_wrapped != NULL
                ? params->measure_span_wrapped (item->span, params->user_data) : -1.0;
      if (label_w > 0.0)
        {
          c.box.tall = TRUE;
          c.box.band_from = TALL_BAND_FROM;
          c.item.frame_flags |= LT_FRAME_ITEM_TALL;
        }
      else
        label_w = 0.0;
    }
  label_w = MIN (label_w, params->max_label_width);
  c.box.keep = params->keep_all;

  if (long_range && c.box.tall)
    {
      /* a bar's label sits in its row, inside or after it: two lines do not fit */
      c.box.tall = FALSE;
      c.item.frame_flags &= ~LT_FRAME_ITEM_TALL;
      label_w = 0.0;
    }

  if (long_range)
    {
      double x0 = lt_time_scale_day_to_x (scale, item->start_day);
      double x1 = lt_time_scale_day_to_x (scale, (double) item->end_day + 1.0);

      c.item.kind = LT_FRAME_ITEM_BAR;
      if (x0 < -4.0)
        {
          x0 = -4.0;
          c.item.frame_flags |= LT_FRAME_ITEM_CLIPPED;
        }
      if (x1 > scale->width + 4.0)
        {
          x1 = scale->width + 4.0;
          c.item.frame_flags |= LT_FRAME_ITEM_CLIPPED;
        }
      c.item.x = x0;
      c.item.w = MAX (x1 - x0, params->mark_size);
      c.box.x = x0;
      c.box.w_min = c.item.w + (bar_number_outside (&c.item, params) ? 3.0 + nw : 0.0);
      inside = bar_visible_width (&c.item, scale) - (nw > 0.0 && !bar_number_outside (&c.item, params)
                                                     ? nw + 4.0 : 0.0);
      if (label_w <= 0.0)
        c.box.w_label = 0.0;
      else if (label_w + 16.0 <= inside)
        {
          c.box.w_label = c.box.w_min + 0.5;   /* the label fits inside the bar */
          c.box.label_inside = TRUE;
        }
      else
        c.box.w_label = c.box.w_min + 6.0 + label_w;
      /* a label never runs off the right edge: it goes before the bar, or is left out */
      if (c.box.w_label > c.box.w_min + 1.0 && x0 + c.box.w_label > scale->width)
        {
          if (x0 - 6.0 - label_w >= 0.0)
            c.box.label_left = TRUE;
          else
            {
              c.box.w_label = 0.0;
              label_w = 0.0;
            }
        }
      c.box.priority = 100 + (guint) (31 - _lt_timeline_index_class_of_length ((gint64) item->end_day -
                                                                               item->start_day + 1));
      c.item.label_w = MAX (label_w, 0.0);
    }
  else
    {
      c.item.kind = LT_FRAME_ITEM_MARK;
      c.item.x = c.item.anchor_x - params->mark_size / 2.0;
      c.item.w = params->mark_size;
      c.box.x = c.item.x;
      c.box.w_min = params->mark_size + (nw > 0.0 ? 3.0 + nw : 0.0);
      c.box.w_label = label_w > 0.0 ? c.box.w_min + 5.0 + label_w : 0.0;
      if (label_w > 0.0 && c.item.x + c.box.w_label > scale->width)
        {
          if (c.item.x - 5.0 - label_w >= 0.0)
            c.box.label_left = TRUE;
          else
            {
              c.box.w_label = 0.0;
              label_w = 0.0;
            }
        }
      c.box.priority = 1000 + hash_priority (span->id);
      c.box.may_overlap = TRUE;   /* a mark with no room still shows over its neighbours */
      c.item.label_w = MAX (label_w, 0.0);
    }

  if (c.item.frame_flags & LT_FRAME_ITEM_SELECTED)
    c.box.priority = 1;
  else if (!matched)
    c.box.priority += 1u << 21;

  g_array_append_val (candidates, c);
}

static void
collect_long_ranges (LtTimelineIndex     *self,
                     const LtFrameParams *params,
                     LtTimelineFrame     *frame,
                     GArray              *candidates,
                     guint                lane,
                     double               min_days,
                     GHashTable          *emitted,
                     LtFrameLane         *fl)
{
  LtTimelineLane *ln = g_ptr_array_index (self->lanes, lane);
  const LtTimelineItem *items = (const LtTimelineItem *) (gpointer) ln->items->data;
  double v0 = params->scale.start;
  double v1 = lt_time_scale_get_end (&params->scale);
  guint taken = 0;
  guint max_taken = MIN (MAX_LONG_RANGES, 4 * MAX (fl->n_rows, 1));

  for (int k = N_CLASSES - 1; k >= 1; k--)
    {
      GArray *cls = ln->classes[k];
      const guint32 *idx;
      double from;
      guint lo = 0;
      guint hi;

      if (cls == NULL || ldexp (1.0, k + 1) < min_days)
        continue;

      idx = (const guint32 *) (gpointer) cls->data;
      hi = cls->len;
      from = v0 - ldexp (1.0, k + 1);
      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;

          if (items[idx[mid]].start_day < from)
            lo = mid + 1;
          else
            hi = mid;
        }

      for (guint j = lo; j < cls->len && items[idx[j]].start_day < v1; j++)
        {
          const LtTimelineItem *it = &items[idx[j]];
          double length = (double) it->end_day - it->start_day + 1.0;

          if (taken >= max_taken)
            {
              /* Enough bars for the rows; count the rest of the class without visiting it
               * (an upper bound: a few may be short or end before the view) */
              guint end_lo = j;
              guint end_hi = cls->len;

              while (end_lo < end_hi)
                {
                  guint mid = end_lo + (end_hi - end_lo) / 2;

                  if (items[idx[mid]].start_day < v1)
                    end_lo = mid + 1;
                  else
                    end_hi = mid;
                }
              fl->n_hidden_ranges += end_lo - j;
              break;
            }
          if (length < min_days || it->end_day + 1.0 <= v0)
            continue;
          if (params->hide_unmatched && self->has_filter && !(it->flags & LT_ITEM_MATCHED))
            continue;
          add_event_candidate (self, params, frame, candidates, lane, idx[j], TRUE);
          g_hash_table_add (emitted, GUINT_TO_POINTER (idx[j] + 1));
          taken++;
        }
    }
}

/**
 * lt_timeline_frame_build:
 * @index: an index
 * @params: the scale, size and options
 *
 * Lays out one frame: lane bands; bars for ranges long enough to read; marks for events that
 * have room; count badges where a cell of the screen holds more events than the lane has rows,
 * which split as the cells shrink with zoom. Cells sit on an absolute grid so badges do not
 * flicker while panning. Only the visible cells are visited, each counted in constant time.
 *
 * Returns: (transfer full): the frame
 */
LtTimelineFrame *
lt_timeline_frame_build (LtTimelineIndex     *index,
                         const LtFrameParams *params)
{
  LtTimelineFrame *frame = g_new0 (LtTimelineFrame, 1);
  const LtTimeScale *scale = &params->scale;
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (LtLabelBox));
  g_autoptr(GHashTable) emitted = g_hash_table_new (NULL, NULL);
  guint n_lanes = index->lanes->len;
  double lane_h;
  double cw;
  double ppd = scale->px_per_day;
  double row_h = MAX (params->row_height, 4.0);
  gboolean has_selected = FALSE;
  guint sel_lane = 0;
  guint sel_item = 0;

  frame->params = *params;
  frame->lanes = g_array_new (FALSE, TRUE, sizeof (LtFrameLane));
  frame->items = g_array_new (FALSE, TRUE, sizeof (LtFrameItem));

  if (n_lanes == 0 || !(ppd > 0.0) || scale->width <= 0.0 || params->height <= 0.0)
    return frame;

  lane_h = params->height / n_lanes;
  if (params->selected_id != 0)
    has_selected = lt_timeline_index_find_event (index, params->selected_id, &sel_lane, &sel_item);

  for (guint lane = 0; lane < n_lanes; lane++)
    {
      LtFrameLane fl = { 0 };
      double c0;
      double c1;
      guint k;
      gboolean hide = params->hide_unmatched && index->has_filter;
      const LtTimelineItem *lane_items = lt_timeline_index_get_lane_items (index, lane);

      fl.y = params->top + lane * lane_h;
      fl.height = lane_h;
      /* a lane too low for its caption above a row lets the row rise beside the caption,
       * rather than draw its events in the next lane */
      fl.rows_y = fl.y + CLAMP (lane_h - row_h - 2.0, 0.0, CAPTION_HEIGHT);
      fl.n_rows = (guint) MAX (1.0, floor ((lane_h - CAPTION_HEIGHT - 2.0) / row_h));
      k = fl.n_rows;

      g_array_set_size (candidates, 0);
      g_hash_table_remove_all (emitted);

      cw = MAX (params->cell_width, 4.0);
      collect_long_ranges (index, params, frame, candidates, lane, 3.0 * cw / ppd, emitted, &fl);

      /* Cells on an absolute grid, from a label's width left of the view to its right edge.
       * Where counts grow too wide for their badges to sit side by side in the lane's rows,
       * the cells double (still on the grid, so badges stay put while panning). */
      for (guint attempt = 0; attempt < 8; attempt++)
        {
          guint widest = 0;

          c0 = floor ((scale->start * ppd - params->max_label_width) / cw);
          c1 = floor ((lt_time_scale_get_end (scale) * ppd) / cw);
          for (double c = c0; c <= c1; c++)
            widest = MAX (widest, lt_timeline_index_count (index, lane, c * cw / ppd,
                                                           (c + 1.0) * cw / ppd, hide));
          if (widest <= k || badge_width (widest, row_h) + 3.0 <= cw * fl.n_rows)
            break;
          cw *= 2.0;
        }

      for (double c = c0; c <= c1; c++)
        {
          double from = c * cw / ppd;
          double to = (c + 1.0) * cw / ppd;
          guint i0 = lt_timeline_index_position (index, lane, from);
          guint i1 = lt_timeline_index_position (index, lane, to);
          guint n_all = i1 - i0;
          guint n_matched = lt_timeline_index_count_matched_items (index, lane, i0, i1);
          guint n;

          /* long ranges are drawn as bars already: they do not count again in a badge */
          if (g_hash_table_size (emitted) > 0)
            {
              GHashTableIter iter;
              gpointer key;

              g_hash_table_iter_init (&iter, emitted);
              while (g_hash_table_iter_next (&iter, &key, NULL))
                {
                  guint e = GPOINTER_TO_UINT (key) - 1;

                  if (e >= i0 && e < i1)
                    {
                      n_all--;
                      if (!index->has_filter || (lane_items[e].flags & LT_ITEM_MATCHED))
                        n_matched--;
                    }
                }
            }
          n = hide ? n_matched : n_all;

          if (n == 0)
            continue;

          if (n <= k)
            {
              for (guint i = i0; i < i1; i++)
                {
                  if (g_hash_table_contains (emitted, GUINT_TO_POINTER (i + 1)))
                    continue;
                  if (hide && !(lane_items[i].flags & LT_ITEM_MATCHED))
                    continue;
                  add_event_candidate (index, params, frame, candidates, lane, i, FALSE);
                }
            }
          else
            {
              Candidate cand = { { 0 } };
              double a0;
              double a1;
              double mid;
              const LtTimelineItem *items = lt_timeline_index_get_lane_items (index, lane);

              /* The selected event stands out of its cluster, so selecting an event always
               * shows it */
              if (has_selected && lane == sel_lane && sel_item >= i0 && sel_item < i1 &&
                  !g_hash_table_contains (emitted, GUINT_TO_POINTER (sel_item + 1)) &&
                  (!hide || (items[sel_item].flags & LT_ITEM_MATCHED)))
                {
                  add_event_candidate (index, params, frame, candidates, lane, sel_item, FALSE);
                  n_all--;
                  if (!index->has_filter || (items[sel_item].flags & LT_ITEM_MATCHED))
                    n_matched--;
                  n = hide ? n_matched : n_all;
                }

              a0 = lt_timeline_index_item_anchor (index, lane, i0);
              a1 = lt_timeline_index_item_anchor (index, lane, i1 - 1);
              mid = lt_time_scale_day_to_x (scale, (a0 + a1) / 2.0);

              cand.item.kind = LT_FRAME_ITEM_BADGE;
              cand.item.lane = lane;
              cand.item.item = i0;
              cand.item.span = i0;
              cand.item.count = hide ? n_matched : n_all;
              cand.item.n_matched = n_matched;
              cand.item.first_day = items[i0].start_day;
              cand.item.last_day = items[i1 - 1].start_day;
              cand.item.w = badge_width (n, row_h);
              cand.item.x = mid - cand.item.w / 2.0;
              cand.item.anchor_x = mid;
              if (index->has_filter && n_matched == 0)
                cand.item.frame_flags |= LT_FRAME_ITEM_DIMMED;
              cand.box.x = cand.item.x;
              cand.box.w_min = cand.item.w;
              cand.box.w_label = 0.0;
              if (params->measure_count != NULL)
                {
                  cand.item.label_w = params->measure_count (cand.item.count, params->user_data);
                  if (cand.item.label_w > 0.0)
                    cand.box.w_label = cand.item.w + 4.0 + cand.item.label_w;
                }
              cand.box.priority = 10;
              cand.box.keep = params->keep_all;
              cand.item.end_item = i1;
              if (params->number_width > 0.0 && !params->badges_unnumbered)
                {
                  /* the key's number stands in for the noun */
                  cand.item.label_w = params->number_width;
                  cand.box.w_label = cand.item.w + 4.0 + params->number_width;
                }
              if (cand.box.w_label > 0.0 && cand.box.x + cand.box.w_label > scale->width)
                cand.box.label_left = TRUE;
              g_array_append_val (candidates, cand);
            }
        }

      /* Place everything of this lane into its rows; a lane whose rows rose beside its
       * caption keeps a band above them for a label's first line only if the line stays in
       * the lane (a line of label text is some 15 px, and it sits a quarter line lower) */
      g_array_set_size (boxes, candidates->len);
      for (guint i = 0; i < candidates->len; i++)
        {
          LtLabelBox *box = &g_array_index (boxes, LtLabelBox, i);

          *box = g_array_index (candidates, Candidate, i).box;
          if (fl.rows_y < fl.y + CAPTION_HEIGHT - 8.0)
            box->band_from = G_MAXDOUBLE;
        }
      lt_timeline_place_boxes ((LtLabelBox *) (gpointer) boxes->data, boxes->len, fl.n_rows, 3.0);

      for (guint pass = 0; pass < 3; pass++)
        {
          for (guint i = 0; i < candidates->len; i++)
            {
              Candidate *cand = &g_array_index (candidates, Candidate, i);
              const LtLabelBox *box = &g_array_index (boxes, LtLabelBox, i);
              LtFrameItem item = cand->item;
              guint row;
              double h;

              if ((pass == 0) != (item.kind == LT_FRAME_ITEM_BAR) ||
                  (pass == 2) != (item.kind == LT_FRAME_ITEM_BADGE))
                continue;

              if (box->row < 0)
                continue;
              row = (guint) box->row;
              /* placed to keep placements stable while panning, but a label whose mark is
               * off screen would read as belonging to nothing */
              if (item.x + item.w < 0.0 || item.x > scale->width)
                continue;

              h = item.kind == LT_FRAME_ITEM_MARK ? params->mark_size
                  : item.kind == LT_FRAME_ITEM_BAR ? MIN (row_h - 6.0, params->mark_size)
                  : row_h - 2.0;
              item.y = fl.rows_y + row * row_h + (row_h - h) / 2.0;
              item.h = h;
              if (box->overlaid)
                item.frame_flags |= LT_FRAME_ITEM_OVERLAID;

              if (box->row >= 0 && box->labelled && item.label_w > 0.0)
                {
                  double gap = item.kind == LT_FRAME_ITEM_BAR ? 6.0 :
                               item.kind == LT_FRAME_ITEM_BADGE ? 4.0 : 5.0;
                  double number = item.kind == LT_FRAME_ITEM_BADGE ? 0.0 :
                                  item.kind == LT_FRAME_ITEM_MARK || bar_number_outside (&item, params)
                                  ? (params->number_width > 0.0 ? 3.0 + params->number_width : 0.0)
                                  : 0.0;

                  item.frame_flags |= LT_FRAME_ITEM_LABELLED;
                  if (item.kind == LT_FRAME_ITEM_BAR && box->w_label <= box->w_min + 1.0)
                    item.label_x = MAX (item.x, 0.0) + 8.0 +
                                   (params->number_width > 0.0 ? params->number_width + 4.0 : 0.0);
                  else if (box->label_left)
                    item.label_x = item.x - gap - item.label_w;
                  else
                    item.label_x = item.x + item.w + number + gap;
                }
              else
                item.label_w = 0.0;

              g_array_append_val (frame->items, item);
            }
        }

      g_array_append_val (frame->lanes, fl);
    }

  return frame;
}

/**
 * lt_timeline_frame_free:
 * @frame: (transfer full): a frame
 */
void
lt_timeline_frame_free (LtTimelineFrame *frame)
{
  if (frame == NULL)
    return;

  g_clear_pointer (&frame->lanes, g_array_unref);
  g_clear_pointer (&frame->items, g_array_unref);
  g_free (frame);
}

/**
 * lt_timeline_frame_hit_test:
 * @frame: a frame
 * @x: a coordinate
 * @y: a coordinate
 *
 * Finds what is drawn at a point: the topmost mark, badge or bar, or its label. This serves
 * hover, click, tooltips and tests alike.
 *
 * Returns: (transfer none) (nullable): the item
 */
const LtFrameItem *
lt_timeline_frame_hit_test (LtTimelineFrame *frame,
                            double           x,
                            double           y)
{
  const LtFrameItem *items = (const LtFrameItem *) (gpointer) frame->items->data;
  double slop = 3.0;

  for (guint i = frame->items->len; i > 0; i--)
    {
      const LtFrameItem *item = &items[i - 1];
      double top = item->y - slop;
      double bottom = item->y + item->h + slop;
      double right = item->x + item->w + slop;
      double left = item->x - slop;

      if (item->frame_flags & LT_FRAME_ITEM_LABELLED)
        {
          double row_top = item->y + item->h / 2.0 - frame->params.row_height / 2.0;

          top = MIN (top, row_top);
          bottom = MAX (bottom, row_top + frame->params.row_height);
          right = MAX (right, item->label_x + item->label_w);
          left = MIN (left, item->label_x);
        }

      if (x >= left && x <= right && y >= top && y <= bottom)
        return item;
    }

  return NULL;
}

/**
 * lt_timeline_frame_find_event:
 * @frame: a frame
 * @index: the index it was built from
 * @event_id: an event
 *
 * Returns: (transfer none) (nullable): the mark or bar of @event_id, if drawn
 */
const LtFrameItem *
lt_timeline_frame_find_event (LtTimelineFrame *frame,
                              LtTimelineIndex *index,
                              gint64           event_id)
{
  for (guint i = 0; i < frame->items->len; i++)
    {
      const LtFrameItem *item = &g_array_index (frame->items, LtFrameItem, i);

      if (item->kind != LT_FRAME_ITEM_BADGE &&
          _lt_timeline_index_get_span (index, item->span)->id == event_id)
        return item;
    }

  return NULL;
}
