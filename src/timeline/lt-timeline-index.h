/* lt-timeline-index.h: the events of a timeline in lanes, counted per day
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "lt-model.h"

G_BEGIN_DECLS

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

G_END_DECLS
