/* lt-timeline-marker.h: a focusable widget over one event or cluster of the timeline
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LT_TYPE_TIMELINE_MARKER (lt_timeline_marker_get_type ())

G_DECLARE_FINAL_TYPE (LtTimelineMarker, lt_timeline_marker, LT, TIMELINE_MARKER, GtkWidget)

GtkWidget  *lt_timeline_marker_new          (void);
void        lt_timeline_marker_set_event    (LtTimelineMarker *self,
                                             gint64            event_id,
                                             const char       *label);
void        lt_timeline_marker_set_cluster  (LtTimelineMarker *self,
                                             double            first_day,
                                             double            last_day,
                                             const char       *label);
gint64      lt_timeline_marker_get_event    (LtTimelineMarker *self);
gboolean    lt_timeline_marker_is_cluster   (LtTimelineMarker *self);
void        lt_timeline_marker_get_days     (LtTimelineMarker *self,
                                             double           *first_day,
                                             double           *last_day);
const char *lt_timeline_marker_get_label    (LtTimelineMarker *self);
void        lt_timeline_marker_set_selected (LtTimelineMarker *self,
                                             gboolean          selected);

G_END_DECLS
