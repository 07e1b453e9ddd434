/* lt-timeline-data.h: what a timeline shows, apart from any drawing: the events of a store
 * in lanes, filtered, with their figures; shared by the page, the view and the export
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lt-model.h"
#include "lt-timeline-layout.h"

G_BEGIN_DECLS

#define LT_TYPE_TIMELINE_DATA (lt_timeline_data_get_type ())

G_DECLARE_FINAL_TYPE (LtTimelineData, lt_timeline_data, LT, TIMELINE_DATA, GObject)

LtTimelineData  *lt_timeline_data_new                    (void);
void             lt_timeline_data_set_store              (LtTimelineData      *self,
                                                          LtStore             *store);
LtStore         *lt_timeline_data_get_store              (LtTimelineData      *self);
void             lt_timeline_data_set_include_restricted (LtTimelineData      *self,
                                                          gboolean             include_restricted);
gboolean         lt_timeline_data_get_include_restricted (LtTimelineData      *self);
void             lt_timeline_data_set_filter             (LtTimelineData      *self,
                                                          const LtEventFilter *filter);
void             lt_timeline_data_set_matches            (LtTimelineData      *self,
                                                          GArray              *event_ids);
void             lt_timeline_data_set_categories         (LtTimelineData      *self,
                                                          const char * const  *keys);
void             lt_timeline_data_set_hide_unmatched     (LtTimelineData      *self,
                                                          gboolean             hide_unmatched);
gboolean         lt_timeline_data_get_hide_unmatched     (LtTimelineData      *self);
guint            lt_timeline_data_get_n_matched          (LtTimelineData      *self);
guint            lt_timeline_data_get_n_events           (LtTimelineData      *self);
void             lt_timeline_data_set_lane_mode          (LtTimelineData      *self,
                                                          LtLaneMode           mode);
LtLaneMode       lt_timeline_data_get_lane_mode          (LtTimelineData      *self);
void             lt_timeline_data_set_figures            (LtTimelineData      *self,
                                                          const char          *counts);
const char      *lt_timeline_data_get_figures            (LtTimelineData      *self);
void             lt_timeline_data_set_load_async         (LtTimelineData      *self,
                                                          gboolean             load_async);
gboolean         lt_timeline_data_get_load_async         (LtTimelineData      *self);
gboolean         lt_timeline_data_is_loading             (LtTimelineData      *self);
void             lt_timeline_data_finish_loading         (LtTimelineData      *self);
gboolean         lt_timeline_data_get_extent             (LtTimelineData      *self,
                                                          double              *first_day,
                                                          double              *end_day);
LtTimelineIndex *lt_timeline_data_get_index              (LtTimelineData      *self);
gint64           lt_timeline_data_get_span_event         (LtTimelineData      *self,
                                                          guint32              span);
const char      *lt_timeline_data_get_lane_name          (LtTimelineData      *self,
                                                          guint                lane);

G_END_DECLS
