/* lt-timeline-view-private.h: the view's state and the functions its files share
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lt-item-pool.h"
#include "lt-timeline-view.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 time;
  double x;
} MotionSample;

struct _LtTimelineView
{
  GtkWidget          parent_instance;

  LtTimelinePainter *painter;
  LtTimelineData    *data;          /* what the painter draws: the page's, or the view's own */
  GSignalGroup      *data_signals;
  gint64             selected_id;
  gint64             hover_id;
  gint64             focus_event;   /* the event whose marker has focus, kept across frames */
  double             pointer_x;
  double             pointer_y;

  /* markers for accessibility and keyboard focus */
  LtItemPool        *markers;
  gboolean           focus_pending; /* focus the focus_event's marker once it exists */
  gboolean           markers_pending;
  gboolean           fit_pending;     /* fitted to the counts while the events load */
  double             fit_start;
  double             fit_end;
  guint              markers_wanted;
  gboolean           refocus_view;
  LtItemButton      *focus_target;

  /* drag and kinetic panning */
  double             drag_last_x;
  gboolean           drag_overview;
  double             drag_overview_ratio;
  MotionSample       samples[8];
  guint              n_samples;
  double             velocity;
  gint64             kinetic_last;
  guint              kinetic_id;

  /* zoom gesture */
  double             zoom_start_ppd;
  double             zoom_start_day;

  /* animated transitions */
  guint              animation_id;
  gint64             animation_start;
  double             from_centre;
  double             from_log_ppd;
  double             to_centre;
  double             to_log_ppd;

  guint              more_frames_id;
};

/* lt-timeline-view.c */
void              _lt_timeline_view_stop_motion             (LtTimelineView *self);
gboolean          _lt_timeline_view_animations_enabled      (LtTimelineView *self);
void              _lt_timeline_view_apply_centre_zoom       (LtTimelineView *self,
                                                             double          centre,
                                                             double          ppd);
void              _lt_timeline_view_animate_to              (LtTimelineView *self,
                                                             double          centre,
                                                             double          ppd);
void              _lt_timeline_view_activate_event          (LtTimelineView *self,
                                                             gint64          event_id);
void              _lt_timeline_view_zoom_into_days          (LtTimelineView *self,
                                                             double          first_day,
                                                             double          last_day);

/* lt-timeline-view-input.c */
void              _lt_timeline_view_init_input              (LtTimelineView *self);
void              _lt_timeline_view_set_hover               (LtTimelineView *self,
                                                             gint64          event_id);
gboolean          _lt_timeline_view_query_tooltip_cb        (LtTimelineView *self,
                                                             int             x,
                                                             int             y,
                                                             gboolean        keyboard,
                                                             GtkTooltip     *tooltip);

/* lt-timeline-view-markers.c */
void              _lt_timeline_view_init_markers            (LtTimelineView *self);
void              _lt_timeline_view_focus_action            (GtkWidget      *widget,
                                                             const char     *action_name,
                                                             GVariant       *parameter);
void              _lt_timeline_view_activate_focused_action (GtkWidget      *widget,
                                                             const char     *action_name,
                                                             GVariant       *parameter);
void              _lt_timeline_view_open_focused_action     (GtkWidget      *widget,
                                                             const char     *action_name,
                                                             GVariant       *parameter);
void              _lt_timeline_view_place_markers           (LtTimelineView *self,
                                                             int             width,
                                                             int             height);
gboolean          _lt_timeline_view_more_frames_cb          (gpointer        user_data);

G_END_DECLS
