/* lt-timeline-layout.h
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "lt-model.h"

G_BEGIN_DECLS

/* Time is measured in days since 1970-01-01 as a double: the fraction is the time of day. */

/**
 * LT_TIME_SCALE_MAX_PX_PER_DAY:
 *
 * The closest zoom: 100 pixels per minute.
 */
#define LT_TIME_SCALE_MAX_PX_PER_DAY (100.0 * 24.0 * 60.0)

typedef struct
{
  double start;       /* day at x = 0 */
  double px_per_day;
  double width;       /* pixels */
} LtTimeScale;

double   lt_time_scale_day_to_x        (const LtTimeScale *scale,
                                        double             day);
double   lt_time_scale_x_to_day        (const LtTimeScale *scale,
                                        double             x);
double   lt_time_scale_get_end         (const LtTimeScale *scale);
void     lt_time_scale_set_window      (LtTimeScale       *scale,
                                        double             start,
                                        double             end);
void     lt_time_scale_zoom_at         (LtTimeScale       *scale,
                                        double             factor,
                                        double             x);
gboolean lt_time_scale_clamp           (LtTimeScale       *scale,
                                        double             data_first,
                                        double             data_end);

/* Axis ticks */

typedef enum
{
  LT_TICK_UNIT_MINUTE,
  LT_TICK_UNIT_HOUR,
  LT_TICK_UNIT_DAY,
  LT_TICK_UNIT_WEEK,
  LT_TICK_UNIT_MONTH,
  LT_TICK_UNIT_YEAR,
  LT_TICK_UNIT_NONE,
} LtTickUnit;

typedef struct
{
  LtTickUnit unit;
  guint      step;
} LtTickStep;

typedef struct
{
  double   day;
  gboolean major;
  char    *label;   /* owned, may be NULL */
} LtTimelineTick;

typedef double (*LtMeasureTextFunc) (const char *text,
                                     gpointer    user_data);

GArray  *lt_timeline_ticks_compute     (double             start,
                                        double             end,
                                        double             px_per_day,
                                        LtMeasureTextFunc  measure,
                                        gpointer           user_data,
                                        LtTickStep        *minor_step,
                                        LtTickStep        *major_step);
double   lt_tick_step_get_days         (const LtTickStep  *step);

/* Dates in the UI language (LC_TIME may differ from LANGUAGE) */

char      *lt_timeline_format_day      (double             day,
                                        const char        *format);
char      *lt_timeline_format_long_day (gint64             day);
GDateWeekday lt_timeline_get_first_weekday (void);
gboolean   lt_timeline_locale_day_first (void);
void       lt_timeline_reset_locale_cache (void);

/* Lanes and the count index */

typedef enum
{
  LT_LANE_MODE_CATEGORY,
  LT_LANE_MODE_ACTOR,
  LT_LANE_MODE_PLACE,
} LtLaneMode;

typedef struct
{
  gint64 event_id;
  gint64 actor_id;
} LtTimelinePair;

#define LT_TIMELINE_LANE_OTHER (-1)
#define LT_ITEM_MATCHED        (1 << 6)

typedef struct
{
  gint32  start_day;   /* inclusive */
  gint32  end_day;     /* inclusive */
  guint32 span;        /* index into the spans the index was built from */
  guint8  flags;       /* LT_SPAN_* and LT_ITEM_MATCHED */
  guint8  precision;
} LtTimelineItem;

typedef struct _LtTimelineIndex LtTimelineIndex;

LtTimelineIndex *lt_timeline_index_new        (GArray                *spans,
                                               LtLaneMode             mode,
                                               const LtTimelinePair  *pairs,
                                               guint                  n_pairs,
                                               guint                  max_lanes);
LtTimelineIndex *lt_timeline_index_ref        (LtTimelineIndex       *index);
void             lt_timeline_index_unref      (LtTimelineIndex       *index);
GArray          *lt_timeline_index_get_spans  (LtTimelineIndex       *index);
LtLaneMode       lt_timeline_index_get_mode   (LtTimelineIndex       *index);
guint            lt_timeline_index_get_n_lanes (LtTimelineIndex      *index);
gint64           lt_timeline_index_get_lane_key (LtTimelineIndex     *index,
                                                 guint                lane);
guint            lt_timeline_index_get_lane_n_items (LtTimelineIndex *index,
                                                     guint            lane);
const LtTimelineItem *lt_timeline_index_get_lane_items (LtTimelineIndex *index,
                                                        guint            lane);
gboolean         lt_timeline_index_get_extent (LtTimelineIndex       *index,
                                               gint64                *first_day,
                                               gint64                *last_day);
guint            lt_timeline_index_position   (LtTimelineIndex       *index,
                                               guint                  lane,
                                               double                 day);
double           lt_timeline_index_item_anchor (LtTimelineIndex      *index,
                                                guint                 lane,
                                                guint                 item);
guint            lt_timeline_index_count      (LtTimelineIndex       *index,
                                               guint                  lane,
                                               double                 from_day,
                                               double                 to_day,
                                               gboolean               matched_only);
guint            lt_timeline_index_count_matched_items (LtTimelineIndex *index,
                                                        guint            lane,
                                                        guint            from_item,
                                                        guint            to_item);
void             lt_timeline_index_set_matches (LtTimelineIndex      *index,
                                                const gint64         *ids,
                                                guint                 n_ids);
gboolean         lt_timeline_index_has_filter (LtTimelineIndex       *index);
guint            lt_timeline_index_get_n_matched (LtTimelineIndex    *index);
gboolean         lt_timeline_index_find_event (LtTimelineIndex       *index,
                                               gint64                 event_id,
                                               guint                 *lane,
                                               guint                 *item);
gboolean         lt_timeline_index_is_matched (LtTimelineIndex       *index,
                                               gint64                 event_id);
gboolean         lt_timeline_index_next_event (LtTimelineIndex       *index,
                                               double                 after_day,
                                               int                    direction,
                                               gboolean               matched_only,
                                               guint                 *lane,
                                               guint                 *item);
void             lt_timeline_index_density    (LtTimelineIndex       *index,
                                               double                 start,
                                               double                 end,
                                               guint                  n_bins,
                                               gboolean               matched_only,
                                               guint                 *out_counts);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LtTimelineIndex, lt_timeline_index_unref)

/* Label placement: boxes are placed in rows in priority order without overlap */

typedef struct
{
  double  x;           /* left of the mark or bar */
  double  w_min;       /* the mark or bar alone */
  double  w_label;     /* with its label */
  guint   priority;    /* lower is placed first */
  gboolean may_overlap; /* if no row has room, it may cover other marks (not labels) */
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

typedef struct
{
  guint8  kind;
  guint8  frame_flags;
  guint16 lane;
  guint32 span;       /* MARK/BAR: index into spans; BADGE: first item in the lane */
  guint32 count;      /* BADGE: items in the cluster */
  guint32 n_matched;  /* BADGE: matched items in the cluster */
  guint32 item;       /* index in the lane */
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
  /* width of the span's label in pixels, or < 0 if it is not measured yet */
  double    (*measure_span) (guint32  span,
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
