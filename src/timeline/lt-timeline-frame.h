/* lt-timeline-frame.h: what to draw for one scale and size, with labels placed
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "lt-timeline-index.h"
#include "lt-timeline-time.h"

G_BEGIN_DECLS

/* Label placement: boxes are placed in rows in priority order without overlap */

typedef struct
{
  double  x;           /* left of the mark or bar */
  double  w_min;       /* the mark or bar alone */
  double  w_label;     /* with its label */
  guint   priority;    /* lower is placed first */
  gboolean may_overlap; /* if no row has room, it may cover other marks (not labels) */
  gboolean label_left; /* the label goes left of the mark, ending at x */
  gboolean keep;       /* if no row has room, it still shows in the first row, unlabelled */
  gboolean tall;       /* a label of two lines: the second beside the mark, the first in the
                        * row above, or in the lane's caption band right of band_from */
  double   band_from;
  gboolean label_inside; /* a bar's label, inside the bar from x + 8 */
  gboolean overlaid;   /* out: kept over its neighbours */
  int     row;         /* out: -1 if not placed */
  gboolean labelled;   /* out */
} LtLabelBox;

void     lt_timeline_place_boxes       (LtLabelBox        *boxes,
                                        guint              n_boxes,
                                        guint              n_rows,
                                        double             gap);

/* A frame: what to draw for one scale and size */

typedef enum
{
  LT_FRAME_ITEM_MARK,
  LT_FRAME_ITEM_BAR,
  LT_FRAME_ITEM_BADGE,
} LtFrameItemKind;

#define LT_FRAME_ITEM_SELECTED (1 << 0)
#define LT_FRAME_ITEM_DIMMED   (1 << 1)
#define LT_FRAME_ITEM_LABELLED (1 << 2)
#define LT_FRAME_ITEM_CLIPPED  (1 << 3)
#define LT_FRAME_ITEM_NUMBERED (1 << 4)
#define LT_FRAME_ITEM_OVERLAID (1 << 5)
#define LT_FRAME_ITEM_TALL     (1 << 6)

typedef struct
{
  guint8  kind;
  guint8  frame_flags;
  guint16 lane;
  guint32 span;       /* MARK/BAR: index into spans; BADGE: first item in the lane */
  guint32 count;      /* BADGE: items in the cluster */
  guint32 n_matched;  /* BADGE: matched items in the cluster */
  guint32 item;       /* index in the lane */
  guint32 end_item;   /* BADGE: after the last item in the lane */
  guint32 number;     /* the number in the event key, or 0 */
  float   x, y, w, h; /* the mark, bar or badge */
  float   label_x;
  float   label_w;
  float   anchor_x;
  gint32  first_day;  /* BADGE: day span of the cluster */
  gint32  last_day;
} LtFrameItem;

typedef struct
{
  double  y;
  double  height;
  double  rows_y;     /* top of the first item row */
  guint   n_rows;
  guint   n_hidden_ranges;
} LtFrameLane;

typedef struct
{
  LtTimeScale scale;
  double      top;
  double      height;
  double      row_height;
  double      cell_width;
  double      mark_size;
  double      max_label_width;
  gint64      selected_id;
  gboolean    hide_unmatched;
  /* an export: every event shows (as a mark, a bar or in a badge), and titles show whole or
   * not at all, never cut with "…" */
  gboolean    keep_all;
  /* > 0: room for the event key's number after each mark and badge, inside each bar */
  double      number_width;
  gboolean    badges_unnumbered;  /* badges keep their noun ("4 events"), not a number */
  /* width of the span's label in pixels, or < 0 if it is not measured yet */
  double    (*measure_span) (guint32  span,
                             gpointer user_data);
  /* an export: the width of a title wrapped to two lines of max_label_width, or < 0 if it
   * takes more; NULL for none */
  double    (*measure_span_wrapped) (guint32  span,
                                     gpointer user_data);
  /* width of a cluster's label ("12 events"), or NULL for none */
  double    (*measure_count) (guint    count,
                              gpointer user_data);
  gpointer    user_data;
} LtFrameParams;

typedef struct
{
  LtFrameParams params;
  GArray       *lanes;   /* LtFrameLane */
  GArray       *items;   /* LtFrameItem, in drawing order */
  gboolean      incomplete;  /* some labels were not measured yet: draw again */
} LtTimelineFrame;

LtTimelineFrame   *lt_timeline_frame_build     (LtTimelineIndex      *index,
                                                const LtFrameParams  *params);
void               lt_timeline_frame_free      (LtTimelineFrame      *frame);
const LtFrameItem *lt_timeline_frame_hit_test  (LtTimelineFrame      *frame,
                                                double                x,
                                                double                y);
const LtFrameItem *lt_timeline_frame_find_event (LtTimelineFrame     *frame,
                                                 LtTimelineIndex     *index,
                                                 gint64               event_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LtTimelineFrame, lt_timeline_frame_free)

G_END_DECLS
