/* lt-timeline-view.h: the timeline widget
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "lt-model.h"
#include "lt-timeline-painter.h"

G_BEGIN_DECLS

#define LT_TYPE_TIMELINE_VIEW (lt_timeline_view_get_type ())

G_DECLARE_FINAL_TYPE (LtTimelineView, lt_timeline_view, LT, TIMELINE_VIEW, GtkWidget)

GtkWidget         *lt_timeline_view_new                (void);
LtTimelinePainter *lt_timeline_view_get_painter        (LtTimelineView *self);
LtTimelineData    *lt_timeline_view_get_data           (LtTimelineView *self);
void               lt_timeline_view_set_data           (LtTimelineView *self,
                                                        LtTimelineData *data);
void               lt_timeline_view_set_store          (LtTimelineView *self,
                                                        LtStore        *store);
gint64             lt_timeline_view_get_selected_event (LtTimelineView *self);
void               lt_timeline_view_set_selected_event (LtTimelineView *self,
                                                        gint64          event_id);
void               lt_timeline_view_show_event         (LtTimelineView *self,
                                                        gint64          event_id,
                                                        gboolean        zoom);
void               lt_timeline_view_set_window         (LtTimelineView *self,
                                                        double          start_day,
                                                        double          end_day,
                                                        gboolean        animate);
void               lt_timeline_view_go_to_day          (LtTimelineView *self,
                                                        double          day);
void               lt_timeline_view_zoom               (LtTimelineView *self,
                                                        double          factor);
void               lt_timeline_view_zoom_to_fit        (LtTimelineView *self);
gboolean           lt_timeline_view_get_event_point    (LtTimelineView *self,
                                                        gint64          event_id,
                                                        double         *x,
                                                        double         *y);
gboolean           lt_timeline_view_click              (LtTimelineView *self,
                                                        double          x,
                                                        double          y,
                                                        int             n_press);

G_END_DECLS
