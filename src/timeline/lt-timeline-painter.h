/* lt-timeline-painter.h: the one drawing path of the timeline, for the view and the export;
 * what it draws is an LtTimelineData
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "lt-model.h"
#include "lt-timeline-data.h"
#include "lt-timeline-layout.h"
#include "lt-timeline-palette.h"

G_BEGIN_DECLS

typedef enum
{
  LT_TIMELINE_HIT_NONE,
  LT_TIMELINE_HIT_EVENT,
  LT_TIMELINE_HIT_CLUSTER,
  LT_TIMELINE_HIT_FIGURE,
  LT_TIMELINE_HIT_OVERVIEW,
  LT_TIMELINE_HIT_OVERVIEW_WINDOW,
  LT_TIMELINE_HIT_AXIS,
  LT_TIMELINE_HIT_LANE,
} LtTimelineHitKind;

typedef struct
{
  LtTimelineHitKind kind;
  gint64            event_id;   /* EVENT, FIGURE */
  guint             count;      /* CLUSTER */
  double            first_day;  /* CLUSTER: the days it covers; EVENT: its days */
  double            last_day;
  double            day;        /* the day under the point (main scale, or the overview's) */
  double            value;      /* FIGURE: the figure */
  graphene_rect_t   bounds;     /* what was hit */
} LtTimelineHit;

#define LT_TYPE_TIMELINE_PAINTER (lt_timeline_painter_get_type ())

G_DECLARE_FINAL_TYPE (LtTimelinePainter, lt_timeline_painter, LT, TIMELINE_PAINTER, GObject)

LtTimelinePainter *lt_timeline_painter_new                  (LtTimelineData          *data);
void               lt_timeline_painter_set_data             (LtTimelinePainter       *self,
                                                             LtTimelineData          *data);
LtTimelineData    *lt_timeline_painter_get_data             (LtTimelinePainter       *self);
void               lt_timeline_painter_set_window           (LtTimelinePainter       *self,
                                                             double                   start_day,
                                                             double                   end_day);
void               lt_timeline_painter_get_window           (LtTimelinePainter       *self,
                                                             double                  *start_day,
                                                             double                  *end_day);
const LtTimeScale *lt_timeline_painter_get_scale            (LtTimelinePainter       *self);
void               lt_timeline_painter_set_scale            (LtTimelinePainter       *self,
                                                             double                   start_day,
                                                             double                   px_per_day);
void               lt_timeline_painter_pan                  (LtTimelinePainter       *self,
                                                             double                   dx);
void               lt_timeline_painter_zoom_at              (LtTimelinePainter       *self,
                                                             double                   factor,
                                                             double                   x);
void               lt_timeline_painter_zoom_to_fit          (LtTimelinePainter       *self);
void               lt_timeline_painter_set_palette          (LtTimelinePainter       *self,
                                                             const LtTimelinePalette *palette);
void               lt_timeline_painter_set_selected         (LtTimelinePainter       *self,
                                                             gint64                   event_id);
void               lt_timeline_painter_set_hover            (LtTimelinePainter       *self,
                                                             gint64                   event_id);
void               lt_timeline_painter_set_show_overview    (LtTimelinePainter       *self,
                                                             gboolean                 show_overview);
const char        *lt_timeline_painter_get_figures_title   (LtTimelinePainter       *self);
void               lt_timeline_painter_set_export           (LtTimelinePainter       *self,
                                                             gboolean                 export);
void               lt_timeline_painter_set_figures_note     (LtTimelinePainter       *self,
                                                             const char              *note);
void               lt_timeline_painter_set_number_unlabelled (LtTimelinePainter      *self,
                                                             gboolean                 unlabelled);
void               lt_timeline_painter_set_first_number     (LtTimelinePainter       *self,
                                                             guint                    first);
guint              lt_timeline_painter_get_n_numbered       (LtTimelinePainter       *self);
GArray            *lt_timeline_painter_dup_numbered_events  (LtTimelinePainter       *self,
                                                             guint                    number,
                                                             guint                    max_events,
                                                             guint                   *n_events);
void               lt_timeline_painter_set_progressive      (LtTimelinePainter       *self,
                                                             gboolean                 progressive);
void               lt_timeline_painter_layout               (LtTimelinePainter       *self,
                                                             PangoContext            *pango,
                                                             int                      width,
                                                             int                      height);
void               lt_timeline_painter_paint                (LtTimelinePainter       *self,
                                                             GtkSnapshot             *snapshot,
                                                             PangoContext            *pango,
                                                             int                      width,
                                                             int                      height);
gboolean           lt_timeline_painter_needs_more_frames    (LtTimelinePainter       *self);
LtTimelineFrame   *lt_timeline_painter_get_frame            (LtTimelinePainter       *self);
gboolean           lt_timeline_painter_describe_event       (LtTimelinePainter       *self,
                                                             gint64                   event_id,
                                                             char                   **title,
                                                             char                   **date);
GArray            *lt_timeline_painter_list_visible_events  (LtTimelinePainter       *self);
gboolean           lt_timeline_painter_hit_test             (LtTimelinePainter       *self,
                                                             double                   x,
                                                             double                   y,
                                                             LtTimelineHit           *hit);
gboolean           lt_timeline_painter_get_event_bounds     (LtTimelinePainter       *self,
                                                             gint64                   event_id,
                                                             graphene_rect_t         *bounds);
void               lt_timeline_painter_get_lanes_area       (LtTimelinePainter       *self,
                                                             graphene_rect_t         *area);

G_END_DECLS
