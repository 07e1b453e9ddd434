/* lt-timeline-view.c
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-timeline-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "lt-timeline-marker.h"
#include "lt-timeline-view.h"

#define MAX_MARKERS        64
#define MARKERS_PER_FRAME  8
#define KINETIC_TAU        0.325   /* seconds: velocity falls by e each tau */
#define KINETIC_MIN_SPEED  20.0    /* px/s */
#define ANIMATION_USEC     (220 * 1000)
#define ZOOM_STEP          1.5

typedef struct
{
  gint64 time;
  double x;
} MotionSample;

struct _LtTimelineView
{
  GtkWidget          parent_instance;

  LtTimelinePainter *painter;
  gint64             selected_id;
  gint64             hover_id;
  gint64             focus_event;   /* the event whose marker has focus, kept across frames */
  double             pointer_x;
  double             pointer_y;

  /* markers for accessibility and keyboard focus */
  GPtrArray         *markers;
  guint              n_markers_used;
  gboolean           focus_pending; /* focus the focus_event's marker once it exists */
  gboolean           markers_pending;
  gboolean           fit_pending;     /* fitted to the counts while the events load */
  double             fit_start;
  double             fit_end;
  guint              markers_wanted;
  gboolean           refocus_view;
  LtTimelineMarker  *focus_target;

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

G_DEFINE_FINAL_TYPE (LtTimelineView, lt_timeline_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED_EVENT,
  N_PROPS
};

enum {
  EVENT_ACTIVATED,
  WINDOW_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
stop_motion (LtTimelineView *self)
{
  if (self->kinetic_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->kinetic_id);
      self->kinetic_id = 0;
    }
  if (self->animation_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->animation_id);
      self->animation_id = 0;
    }
}

static double
centre_day (LtTimelineView *self)
{
  double start, end;

  lt_timeline_painter_get_window (self->painter, &start, &end);

  return (start + end) / 2.0;
}

static gboolean
animations_enabled (LtTimelineView *self)
{
  gboolean enabled = TRUE;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &enabled,
                NULL);

  return enabled && gtk_widget_get_mapped (GTK_WIDGET (self));
}

static void
apply_centre_zoom (LtTimelineView *self,
                   double          centre,
                   double          px_per_day)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));

  /* Not laid out yet (another page was showing): ask for the window, which the first layout
   * fits to the real width, so the day lands in the middle */
  if (width <= 1)
    {
      double last = lt_timeline_painter_get_scale (self->painter)->width;
      double half = (last > 1 ? last : 1000.0) / px_per_day / 2.0;

      lt_timeline_painter_set_window (self->painter, centre - half, centre + half);
      return;
    }

  lt_timeline_painter_set_scale (self->painter, centre - width / px_per_day / 2.0, px_per_day);
}

static gboolean
animation_tick_cb (GtkWidget     *widget,
                   GdkFrameClock *frame_clock,
                   gpointer       user_data)
{
  LtTimelineView *self = LT_TIMELINE_VIEW (widget);
  gint64 now = gdk_frame_clock_get_frame_time (frame_clock);
  double t = CLAMP ((double) (now - self->animation_start) / ANIMATION_USEC, 0.0, 1.0);
  double e = 1.0 - pow (1.0 - t, 3.0);   /* ease out cubic */

  apply_centre_zoom (self,
                     self->from_centre + (self->to_centre - self->from_centre) * e,
                     exp (self->from_log_ppd + (self->to_log_ppd - self->from_log_ppd) * e));

  if (t >= 1.0)
    {
      self->animation_id = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static void
animate_to (LtTimelineView *self,
            double          centre,
            double          px_per_day)
{
  const LtTimeScale *scale = lt_timeline_painter_get_scale (self->painter);

  stop_motion (self);
  px_per_day = CLAMP (px_per_day, 1e-6, LT_TIME_SCALE_MAX_PX_PER_DAY);

  if (!animations_enabled (self))
    {
      apply_centre_zoom (self, centre, px_per_day);
      return;
    }

  self->from_centre = centre_day (self);
  self->from_log_ppd = log (scale->px_per_day);
  self->to_centre = centre;
  self->to_log_ppd = log (px_per_day);
  self->animation_start = gdk_frame_clock_get_frame_time (gtk_widget_get_frame_clock (GTK_WIDGET (self)));
  self->animation_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), animation_tick_cb, NULL,
                                                     NULL);
}

static void
set_hover (LtTimelineView *self,
           gint64          event_id)
{
  if (self->hover_id == event_id)
    return;

  self->hover_id = event_id;
  lt_timeline_painter_set_hover (self->painter, event_id);
}

static void
activate_event (LtTimelineView *self,
                gint64          event_id)
{
  lt_timeline_view_set_selected_event (self, event_id);
  g_signal_emit (self, signals[EVENT_ACTIVATED], 0, event_id);
}

static void
zoom_into_days (LtTimelineView *self,
                double          first_day,
                double          last_day)
{
  double width = MAX (gtk_widget_get_width (GTK_WIDGET (self)), 1);
  double span = MAX (last_day - first_day, 0.0) + 1.0;
  double pad = MAX (span * 0.35, 1.0);

  animate_to (self, (first_day + last_day + 1.0) / 2.0, width / (span + 2 * pad));
}

/* Pointer */

static void
motion_cb (LtTimelineView           *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *motion)
{
  LtTimelineHit hit;

  self->pointer_x = x;
  self->pointer_y = y;

  if (lt_timeline_painter_hit_test (self->painter, x, y, &hit) &&
      (hit.kind == LT_TIMELINE_HIT_EVENT || hit.kind == LT_TIMELINE_HIT_FIGURE))
    set_hover (self, hit.event_id);
  else
    set_hover (self, 0);

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                   hit.kind == LT_TIMELINE_HIT_EVENT || hit.kind == LT_TIMELINE_HIT_CLUSTER ||
                                   hit.kind == LT_TIMELINE_HIT_FIGURE ? "pointer" :
                                   hit.kind == LT_TIMELINE_HIT_OVERVIEW_WINDOW ? "grab" : NULL);
}

static void
leave_cb (LtTimelineView           *self,
          GtkEventControllerMotion *motion)
{
  set_hover (self, 0);
}

/**
 * lt_timeline_view_click:
 * @self: a timeline view
 * @x: where, in widget coordinates
 * @y: where
 * @n_press: 1 for a click, 2 for a double click
 *
 * Does what clicking there does: a click selects an event (or zooms into a cluster), a
 * double click zooms to the event. The click gesture and the tests come here.
 *
 * Returns: %TRUE if something was hit
 */
gboolean
lt_timeline_view_click (LtTimelineView *self,
                        double          x,
                        double          y,
                        int             n_press)
{
  LtTimelineHit hit;

  g_return_val_if_fail (LT_IS_TIMELINE_VIEW (self), FALSE);

  if (!lt_timeline_painter_hit_test (self->painter, x, y, &hit))
    return FALSE;

  switch (hit.kind)
    {
    case LT_TIMELINE_HIT_EVENT:
    case LT_TIMELINE_HIT_FIGURE:
      if (n_press >= 2)
        zoom_into_days (self, hit.first_day, hit.last_day);
      else
        activate_event (self, hit.event_id);
      return TRUE;

    case LT_TIMELINE_HIT_CLUSTER:
      zoom_into_days (self, hit.first_day, hit.last_day);
      return TRUE;

    case LT_TIMELINE_HIT_OVERVIEW:
      animate_to (self, hit.day, lt_timeline_painter_get_scale (self->painter)->px_per_day);
      return TRUE;

    case LT_TIMELINE_HIT_OVERVIEW_WINDOW:
    case LT_TIMELINE_HIT_AXIS:
    case LT_TIMELINE_HIT_LANE:
    case LT_TIMELINE_HIT_NONE:
    default:
      return FALSE;
    }
}

static void
click_released_cb (LtTimelineView  *self,
                   int              n_press,
                   double           x,
                   double           y,
                   GtkGestureClick *gesture)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  lt_timeline_view_click (self, x, y, n_press);
}

static void
drag_begin_cb (LtTimelineView *self,
               double          x,
               double          y,
               GtkGestureDrag *gesture)
{
  LtTimelineHit hit;

  stop_motion (self);
  self->drag_last_x = 0;
  self->n_samples = 0;
  self->drag_overview = FALSE;

  if (lt_timeline_painter_hit_test (self->painter, x, y, &hit) &&
      (hit.kind == LT_TIMELINE_HIT_OVERVIEW || hit.kind == LT_TIMELINE_HIT_OVERVIEW_WINDOW))
    {
      double first, end;
      const LtTimeScale *scale = lt_timeline_painter_get_scale (self->painter);

      /* Dragging the overview moves the window over the whole chronicle */
      self->drag_overview = TRUE;
      if (lt_timeline_painter_get_extent (self->painter, &first, &end))
        self->drag_overview_ratio = (end - first) * 1.04 / MAX (gtk_widget_get_width (GTK_WIDGET (self)), 1)
                                    * scale->px_per_day;
      if (hit.kind == LT_TIMELINE_HIT_OVERVIEW)
        apply_centre_zoom (self, hit.day, scale->px_per_day);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
    }
}

static void
drag_update_cb (LtTimelineView *self,
                double          offset_x,
                double          offset_y,
                GtkGestureDrag *gesture)
{
  double dx = offset_x - self->drag_last_x;
  gint64 now = g_get_monotonic_time ();

  self->drag_last_x = offset_x;

  if (self->drag_overview)
    {
      lt_timeline_painter_pan (self->painter, -dx * self->drag_overview_ratio);
      return;
    }

  if (dx != 0)
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);

  lt_timeline_painter_pan (self->painter, dx);

  memmove (&self->samples[1], &self->samples[0],
           sizeof (MotionSample) * (G_N_ELEMENTS (self->samples) - 1));
  self->samples[0].time = now;
  self->samples[0].x = offset_x;
  self->n_samples = MIN (self->n_samples + 1, G_N_ELEMENTS (self->samples));
}

static gboolean
kinetic_tick_cb (GtkWidget     *widget,
                 GdkFrameClock *frame_clock,
                 gpointer       user_data)
{
  LtTimelineView *self = LT_TIMELINE_VIEW (widget);
  gint64 now = gdk_frame_clock_get_frame_time (frame_clock);
  double dt = (now - self->kinetic_last) / (double) G_USEC_PER_SEC;

  self->kinetic_last = now;
  if (dt <= 0)
    return G_SOURCE_CONTINUE;

  lt_timeline_painter_pan (self->painter, self->velocity * dt);
  self->velocity *= exp (-dt / KINETIC_TAU);

  if (fabs (self->velocity) < KINETIC_MIN_SPEED)
    {
      self->kinetic_id = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static void
drag_end_cb (LtTimelineView *self,
             double          offset_x,
             double          offset_y,
             GtkGestureDrag *gesture)
{
  gint64 now = g_get_monotonic_time ();
  guint oldest = 0;

  if (self->drag_overview)
    {
      self->drag_overview = FALSE;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
      return;
    }

  /* Keep going with the speed of the last 80 ms of the drag, slowing down */
  for (guint i = 0; i < self->n_samples; i++)
    if (now - self->samples[i].time <= 80 * 1000)
      oldest = i;

  self->velocity = 0;
  if (self->n_samples >= 2 && oldest > 0 && now - self->samples[0].time < 50 * 1000)
    {
      double dt = (self->samples[0].time - self->samples[oldest].time) / (double) G_USEC_PER_SEC;

      if (dt > 0)
        self->velocity = (self->samples[0].x - self->samples[oldest].x) / dt;
    }

  if (fabs (self->velocity) > 4 * KINETIC_MIN_SPEED && animations_enabled (self))
    {
      self->kinetic_last = gdk_frame_clock_get_frame_time (gtk_widget_get_frame_clock (GTK_WIDGET (self)));
      self->kinetic_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), kinetic_tick_cb, NULL,
                                                       NULL);
    }
}

static gboolean
scroll_cb (LtTimelineView           *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *scroll)
{
  GdkModifierType mods = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (scroll));
  gboolean wheel = gtk_event_controller_scroll_get_unit (scroll) == GDK_SCROLL_UNIT_WHEEL;

  stop_motion (self);

  if (mods & GDK_CONTROL_MASK)
    {
      double factor = pow (wheel ? 1.25 : 1.01, -dy);
      /* around the pointer: the motion controller knows where it is in our coordinates
       * (X11 scroll events carry no usable position) */
      double x = self->pointer_x;

      lt_timeline_painter_zoom_at (self->painter, factor, x);
      return GDK_EVENT_STOP;
    }

  /* A wheel moves by a tenth of the view a notch; a touchpad by its pixels */
  if (wheel)
    lt_timeline_painter_pan (self->painter,
                             -(dx + dy) * gtk_widget_get_width (GTK_WIDGET (self)) / 10.0);
  else
    lt_timeline_painter_pan (self->painter, -(dx + dy));

  return GDK_EVENT_STOP;
}

static void
zoom_begin_cb (LtTimelineView   *self,
               GdkEventSequence *sequence,
               GtkGestureZoom   *gesture)
{
  double x, y;

  stop_motion (self);
  self->zoom_start_ppd = lt_timeline_painter_get_scale (self->painter)->px_per_day;
  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  self->zoom_start_day = lt_time_scale_x_to_day (lt_timeline_painter_get_scale (self->painter), x);
}

static void
zoom_scale_changed_cb (LtTimelineView *self,
                       double          scale,
                       GtkGestureZoom *gesture)
{
  double x, y;
  double ppd = self->zoom_start_ppd * scale;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;

  /* the day that was under the fingers stays under them */
  lt_timeline_painter_set_scale (self->painter, self->zoom_start_day - x / ppd, ppd);
}

static LtTimelineMarker *focused_marker (LtTimelineView *self);

static gboolean
query_tooltip_cb (LtTimelineView *self,
                  int             x,
                  int             y,
                  gboolean        keyboard,
                  GtkTooltip     *tooltip)
{
  LtTimelineHit hit;
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;
  g_autofree char *markup = NULL;

  if (keyboard)
    {
      LtTimelineMarker *focus = focused_marker (self);

      if (focus != NULL && lt_timeline_marker_get_label (focus))
        {
          gtk_tooltip_set_text (tooltip, lt_timeline_marker_get_label (focus));
          return TRUE;
        }
      return FALSE;
    }

  if (!lt_timeline_painter_hit_test (self->painter, x, y, &hit))
    return FALSE;

  switch (hit.kind)
    {
    case LT_TIMELINE_HIT_EVENT:
      if (!lt_timeline_painter_describe_event (self->painter, hit.event_id, &title, &date))
        return FALSE;
      markup = g_markup_printf_escaped ("<b>%s</b>\n%s", title, date);
      break;

    case LT_TIMELINE_HIT_FIGURE:
      {
        g_autofree char *value = lt_format_number (hit.value);

        if (!lt_timeline_painter_describe_event (self->painter, hit.event_id, &title, &date))
          return FALSE;
        markup = g_markup_printf_escaped ("<b>%s: %s</b>\n%s\n%s",
                                          lt_timeline_painter_get_figures_title (self->painter), value,
                                          title, date);
      }
      break;

    case LT_TIMELINE_HIT_CLUSTER:
      {
        g_autofree char *a = lt_timeline_format_long_day ((gint64) hit.first_day);
        g_autofree char *b = lt_timeline_format_long_day ((gint64) hit.last_day);
        g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event",
                                                               "%u events", hit.count),
                                                  hit.count);

        if (g_strcmp0 (a, b) == 0)
          markup = g_markup_printf_escaped ("<b>%s</b>\n%s\n<small>%s</small>", count, a,
                                            _("Click to zoom in"));
        else
          markup = g_markup_printf_escaped ("<b>%s</b>\n%s – %s\n<small>%s</small>", count, a, b,
                                            _("Click to zoom in"));
      }
      break;

    case LT_TIMELINE_HIT_OVERVIEW:
    case LT_TIMELINE_HIT_OVERVIEW_WINDOW:
      markup = g_markup_printf_escaped ("%s", _("Drag to move through the whole chronicle"));
      break;

    case LT_TIMELINE_HIT_AXIS:
    case LT_TIMELINE_HIT_LANE:
    case LT_TIMELINE_HIT_NONE:
    default:
      return FALSE;
    }

  gtk_tooltip_set_markup (tooltip, markup);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) hit.bounds.origin.x,
                            (int) hit.bounds.origin.y,
                                                       (int) ceil (hit.bounds.size.width),
                                                       (int) ceil (hit.bounds.size.height) });

  return TRUE;
}

/* Keyboard */

/* The marker with the keyboard focus. Asked of the window, not of the view's focus child: GTK
 * can leave that unset while the window is not the active one (another window took the
 * focus), and a frame drawn then would give the focused marker's widget to another event. */
static LtTimelineMarker *
focused_marker (LtTimelineView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL)
    focus = gtk_widget_get_focus_child (GTK_WIDGET (self));
  if (!LT_IS_TIMELINE_MARKER (focus) || gtk_widget_get_parent (focus) != GTK_WIDGET (self))
    return NULL;
  return LT_TIMELINE_MARKER (focus);
}

static void
focus_event (LtTimelineView *self,
             gint64          event_id)
{
  self->focus_event = event_id;
  self->focus_pending = TRUE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static gboolean
move_focus (LtTimelineView *self,
            int             dx,
            int             dy)
{
  LtTimelineMarker *current = focused_marker (self);
  graphene_rect_t cur;
  LtTimelineMarker *best = NULL;
  double best_score = G_MAXDOUBLE;
  LtTimelineIndex *index = lt_timeline_painter_get_index (self->painter);
  double day;
  guint lane, item;

  if (current == NULL)
    {
      /* from the view itself: the first marker */
      for (guint i = 0; i < self->n_markers_used && best == NULL; i++)
        best = g_ptr_array_index (self->markers, i);
      if (best != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (best));
      return best != NULL;
    }

  if (!gtk_widget_compute_bounds (GTK_WIDGET (current), GTK_WIDGET (self), &cur))
    return FALSE;

  for (guint i = 0; i < self->n_markers_used; i++)
    {
      LtTimelineMarker *m = g_ptr_array_index (self->markers, i);
      graphene_rect_t r;
      double ddx, ddy, score;

      if (m == current || !gtk_widget_compute_bounds (GTK_WIDGET (m), GTK_WIDGET (self), &r))
        continue;

      ddx = r.origin.x - cur.origin.x;
      ddy = (r.origin.y + r.size.height / 2) - (cur.origin.y + cur.size.height / 2);

      if (dx != 0)
        {
          /* the nearest in time in that direction, any lane; same lane wins ties */
          if (dx * ddx <= 0 && !(ddx == 0 && dx * ddy > 0))
            continue;
          score = fabs (ddx) + fabs (ddy) * 0.05;
        }
      else
        {
          if (dy * ddy <= 4)
            continue;
          score = fabs (ddy) * 2 + fabs (ddx);
        }

      if (score < best_score)
        {
          best_score = score;
          best = m;
        }
    }

  if (best != NULL)
    {
      gtk_widget_grab_focus (GTK_WIDGET (best));
      return TRUE;
    }

  if (dx == 0)
    return FALSE;

  /* Nothing further on screen: bring the next event in time into view and focus it */
  day = lt_time_scale_x_to_day (lt_timeline_painter_get_scale (self->painter),
                                cur.origin.x + cur.size.width / 2);
  if (lt_timeline_marker_is_cluster (current))
    {
      double first, last;

      lt_timeline_marker_get_days (current, &first, &last);
      day = dx > 0 ? last + 1 : first;
    }
  if (lt_timeline_index_next_event (index, day, dx, TRUE, &lane, &item))
    {
      const LtTimelineItem *it = &lt_timeline_index_get_lane_items (index, lane)[item];
      gint64 id = lt_timeline_painter_get_span_event (self->painter, it->span);

      lt_timeline_view_show_event (self, id, FALSE);
      focus_event (self, id);
      return TRUE;
    }

  return FALSE;
}

static void
focus_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  LtTimelineView *self = LT_TIMELINE_VIEW (widget);
  int dx = 0;
  int dy = 0;

  /* Time runs left to right in every language the app speaks, so Right is always later */
  if (g_str_equal (action_name, "timeline.focus-next"))
    dx = 1;
  else if (g_str_equal (action_name, "timeline.focus-previous"))
    dx = -1;
  else if (g_str_equal (action_name, "timeline.focus-up"))
    dy = -1;
  else
    dy = 1;

  /* Left and Right move between events, and pan when there is none further */
  if (!move_focus (self, dx, dy) && dx != 0)
    lt_timeline_painter_pan (self->painter, -dx * gtk_widget_get_width (widget) / 8.0);
}

static void
activate_focused_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  LtTimelineView *self = LT_TIMELINE_VIEW (widget);
  LtTimelineMarker *marker = focused_marker (self);

  if (marker == NULL)
    return;

  if (lt_timeline_marker_is_cluster (marker))
    {
      double first, last;

      lt_timeline_marker_get_days (marker, &first, &last);
      zoom_into_days (self, first, last);
    }
  else
    activate_event (self, lt_timeline_marker_get_event (marker));
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  lt_timeline_view_zoom (LT_TIMELINE_VIEW (widget), ZOOM_STEP);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  lt_timeline_view_zoom (LT_TIMELINE_VIEW (widget), 1.0 / ZOOM_STEP);
}

static void
zoom_to_fit_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  lt_timeline_view_zoom_to_fit (LT_TIMELINE_VIEW (widget));
}

static void
go_edge_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LtTimelineView *self = LT_TIMELINE_VIEW (widget);
  double first, end;
  double width = MAX (gtk_widget_get_width (widget), 1);
  double ppd = lt_timeline_painter_get_scale (self->painter)->px_per_day;

  if (!lt_timeline_painter_get_extent (self->painter, &first, &end))
    return;

  /* Home shows the first events at the left edge, End the last ones at the right */
  if (g_str_equal (action_name, "timeline.go-start"))
    animate_to (self, first + width / ppd / 2 - 8 / ppd, ppd);
  else
    animate_to (self, end - width / ppd / 2 + 8 / ppd, ppd);
}

/* Markers */

static void
painter_invalidated_cb (LtTimelineView    *self,
                        LtTimelinePainter *painter)
{
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[WINDOW_CHANGED], 0);
}

static gboolean more_frames_cb (gpointer user_data);

/* The first frames of a big file were drawn from counts; fit the real events if nobody
 * moved since the fit to the counts' days */
static void
painter_loaded_cb (LtTimelineView    *self,
                   LtTimelinePainter *painter)
{
  double start, end;

  lt_timeline_painter_get_window (painter, &start, &end);
  if (self->fit_pending &&
      fabs (start - self->fit_start) < 1e-4 && fabs (end - self->fit_end) < 1e-4)
    lt_timeline_painter_zoom_to_fit (painter);
  self->fit_pending = FALSE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static char *
cluster_label (const LtFrameItem *item)
{
  g_autofree char *a = lt_timeline_format_long_day (item->first_day);
  g_autofree char *b = lt_timeline_format_long_day (item->last_day);
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event", "%u events",
                                                         item->count),
                                            item->count);

  if (g_strcmp0 (a, b) == 0)
    /* Translators: a cluster of events on the timeline: "12 events, 14 July 2021" */
    return g_strdup_printf (C_("timeline cluster", "%s, %s"), count, a);

  /* Translators: a cluster of events on the timeline: "12 events, 3 July 2021 to 9 July 2021" */
  return g_strdup_printf (C_("timeline cluster", "%s, %s to %s"), count, a, b);
}

static void
place_markers (LtTimelineView *self,
               int             width,
               int             height)
{
  LtTimelineFrame *frame = lt_timeline_painter_get_frame (self->painter);
  LtTimelineMarker *focused = focused_marker (self);
  gint64 keep = focused ? lt_timeline_marker_get_event (focused) : 0;
  g_autoptr(GArray) chosen = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n = 0;
  LtTimelineMarker *focus_target = NULL;
  gboolean found = FALSE;
  guint usable;

  if (keep == 0 && self->focus_pending)
    keep = self->focus_event;

  if (frame != NULL)
    {
      /* labelled events first, then clusters, at most MAX_MARKERS; the focused one always */
      for (guint pass = 0; pass < 2; pass++)
        for (guint i = 0; i < frame->items->len; i++)
          {
            const LtFrameItem *item = &g_array_index (frame->items, LtFrameItem, i);
            gboolean is_badge = item->kind == LT_FRAME_ITEM_BADGE;
            gboolean wanted = pass == 0 ? (!is_badge && ((item->frame_flags & LT_FRAME_ITEM_LABELLED) ||
                                                         lt_timeline_painter_get_span_event (self->painter, item->span) == keep))
                                        : is_badge;

            if (!wanted || item->x + item->w < 0 || item->x > width || chosen->len >= MAX_MARKERS)
              continue;
            g_array_append_val (chosen, i);
          }
    }

  /* New markers are made outside allocation, a few a frame (more_frames_cb): making dozens
   * of widgets at once made one frame of a zoom take 150 ms. One spare serves a focused
   * marker whose event left the view. */
  self->markers_wanted = chosen->len + 1;
  self->markers_pending = self->markers->len < self->markers_wanted;

  /* The focused marker keeps its widget, so focus does not jump while the view moves; if its
   * event left the view, the marker goes unused and focus returns to the view. */
  if (focused != NULL)
    {
      double focus_first = 0, focus_last = 0;
      guint at = 0;

      if (lt_timeline_marker_is_cluster (focused))
        lt_timeline_marker_get_days (focused, &focus_first, &focus_last);

      for (guint c = 0; c < chosen->len && !found; c++)
        {
          const LtFrameItem *item = &g_array_index (frame->items, LtFrameItem,
                                                    g_array_index (chosen, guint, c));
          gboolean same;

          /* the same event, or the same cluster (same days: it did not split or merge) */
          if (lt_timeline_marker_is_cluster (focused))
            same = item->kind == LT_FRAME_ITEM_BADGE && item->first_day == focus_first && item->last_day == focus_last;
          else
            same = keep != 0 && item->kind != LT_FRAME_ITEM_BADGE &&
                   lt_timeline_painter_get_span_event (self->painter, item->span) == keep;

          if (same)
            {
              guint t = g_array_index (chosen, guint, 0);

              g_array_index (chosen, guint, 0) = g_array_index (chosen, guint, c);
              g_array_index (chosen, guint, c) = t;
              found = TRUE;
            }
        }

      for (guint i = 0; i < self->markers->len; i++)
        if (g_ptr_array_index (self->markers, i) == focused)
          at = i;
      {
        guint to = found ? 0 : self->markers->len - 1;
        gpointer t = self->markers->pdata[to];

        self->markers->pdata[to] = self->markers->pdata[at];
        self->markers->pdata[at] = t;
      }
    }

  usable = self->markers->len - (focused != NULL && !found ? 1 : 0);
  if (chosen->len > usable)
    g_array_set_size (chosen, usable);

  for (n = 0; n < chosen->len; n++)
    {
      const LtFrameItem *item = &g_array_index (frame->items, LtFrameItem, g_array_index (chosen, guint, n));
      LtTimelineMarker *marker = g_ptr_array_index (self->markers, n);
      double x0 = item->x - 3;
      double x1 = item->x + item->w + 3;
      GtkAllocation alloc;

      if (item->frame_flags & LT_FRAME_ITEM_LABELLED)
        x1 = MAX (x1, item->label_x + item->label_w + 3);
      x0 = MAX (x0, 0);
      x1 = MIN (x1, width);

      if (item->kind == LT_FRAME_ITEM_BADGE)
        {
          g_autofree char *label = cluster_label (item);

          lt_timeline_marker_set_cluster (marker, item->first_day, item->last_day, label);
        }
      else
        {
          gint64 id = lt_timeline_painter_get_span_event (self->painter, item->span);
          g_autofree char *title = NULL;
          g_autofree char *date = NULL;
          g_autofree char *label = NULL;

          if (lt_timeline_painter_describe_event (self->painter, id, &title, &date))
            /* Translators: the accessible name of an event on the timeline: "title, date" */
            label = g_strdup_printf (C_("timeline event", "%s, %s"), title, date);
          lt_timeline_marker_set_event (marker, id, label);
          lt_timeline_marker_set_selected (marker, id == self->selected_id);
          if (self->focus_pending && id == self->focus_event)
            focus_target = marker;
        }

      alloc.x = (int) floor (x0);
      alloc.y = (int) floor (item->y + item->h / 2 - 11);
      alloc.width = MAX (1, (int) ceil (x1 - x0));
      alloc.height = 22;
      gtk_widget_set_child_visible (GTK_WIDGET (marker), TRUE);
      gtk_widget_size_allocate (GTK_WIDGET (marker), &alloc, -1);
    }

  for (guint i = n; i < self->markers->len; i++)
    {
      GtkWidget *marker = g_ptr_array_index (self->markers, i);

      /* not now: a focus change restyles, and that must not happen inside allocation */
      if (marker == GTK_WIDGET (focused))
        self->refocus_view = TRUE;
      gtk_widget_set_child_visible (marker, FALSE);
    }
  self->n_markers_used = n;

  if (focus_target != NULL)
    {
      self->focus_pending = FALSE;
      self->focus_target = focus_target;
    }

  if ((self->refocus_view || self->focus_target != NULL || self->markers_pending) && self->more_frames_id == 0)
    self->more_frames_id = g_timeout_add (16, more_frames_cb, self);
}

static gboolean
more_frames_cb (gpointer user_data)
{
  LtTimelineView *self = user_data;
  guint created = 0;

  self->more_frames_id = 0;

  while (self->markers->len < MIN (self->markers_wanted, MAX_MARKERS + 1) &&
         created < MARKERS_PER_FRAME)
    {
      GtkWidget *marker = lt_timeline_marker_new ();

      gtk_widget_set_parent (marker, GTK_WIDGET (self));
      gtk_widget_set_child_visible (marker, FALSE);
      g_ptr_array_add (self->markers, marker);
      created++;
    }

  if (self->focus_target != NULL)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->focus_target));
      self->focus_target = NULL;
      self->refocus_view = FALSE;
    }
  else if (self->refocus_view)
    {
      self->refocus_view = FALSE;
      if (focused_marker (self) != NULL && !gtk_widget_get_child_visible (GTK_WIDGET (focused_marker (self))))
        gtk_widget_grab_focus (GTK_WIDGET (self));
    }

  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));

  return G_SOURCE_REMOVE;
}

static void
ensure_style (GtkWidget *widget)
{
  static GdkDisplay *styled;
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gtk_widget_get_display (widget);

  /* The markers draw nothing but the keyboard focus ring around an event and its label */
  if (display == NULL || display == styled)
    return;

  styled = display;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider,
                                   "timelinemarker {"
                                   "  border-radius: 6px;"
                                   "  outline: 0 solid transparent;"
                                   "  outline-offset: 1px;"
                                   "  transition: outline-color 200ms ease-out, outline-width 200ms ease-out;"
                                   "}"
                                   "timelinemarker:focus-visible {"
                                   "  outline: 2px solid alpha(@accent_color, 0.8);"
                                   "}",
                                   -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
update_palette (LtTimelineView *self)
{
  LtTimelinePalette palette;

  lt_timeline_palette_init (&palette,
                            adw_style_manager_get_dark (adw_style_manager_get_default ()));
  lt_timeline_painter_set_palette (self->painter, &palette);
}

/* GtkWidget */

static void
lt_timeline_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 900;
    }
  else
    {
      *minimum = 240;
      *natural = 560;
    }
}

static void
lt_timeline_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  LtTimelineView *self = LT_TIMELINE_VIEW (widget);

  lt_timeline_painter_layout (self->painter, gtk_widget_get_pango_context (widget), width, height);
  place_markers (self, width, height);
}

static void
lt_timeline_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  LtTimelineView *self = LT_TIMELINE_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (width <= 0 || height <= 0)
    return;

  lt_timeline_painter_paint (self->painter, snapshot, gtk_widget_get_pango_context (widget), width,
                             height);

  for (guint i = 0; i < self->n_markers_used; i++)
    gtk_widget_snapshot_child (widget, g_ptr_array_index (self->markers, i), snapshot);

  /* Labels still to look up are filled in over the next frames */
  if ((lt_timeline_painter_needs_more_frames (self->painter) || self->markers_pending) &&
      self->more_frames_id == 0)
    self->more_frames_id = g_timeout_add (16, more_frames_cb, self);
}

static gboolean
lt_timeline_view_focus (GtkWidget        *widget,
                        GtkDirectionType  direction)
{
  LtTimelineView *self = LT_TIMELINE_VIEW (widget);

  /* Tab enters the timeline at its selected event, or the first one; arrows move inside */
  if (gtk_widget_get_focus_child (widget) == NULL && !gtk_widget_has_focus (widget) &&
      (direction == GTK_DIR_TAB_FORWARD || direction == GTK_DIR_TAB_BACKWARD))
    {
      for (guint i = 0; i < self->n_markers_used; i++)
        {
          LtTimelineMarker *m = g_ptr_array_index (self->markers, i);

          if (self->selected_id != 0 && lt_timeline_marker_get_event (m) == self->selected_id)
            return gtk_widget_grab_focus (GTK_WIDGET (m));
        }
      if (self->n_markers_used > 0)
        return gtk_widget_grab_focus (g_ptr_array_index (self->markers, 0));
      return gtk_widget_grab_focus (widget);
    }

  if (direction == GTK_DIR_TAB_FORWARD || direction == GTK_DIR_TAB_BACKWARD)
    return FALSE;   /* Tab leaves the timeline */

  return GTK_WIDGET_CLASS (lt_timeline_view_parent_class)->focus (widget, direction);
}

static void
lt_timeline_view_dispose (GObject *object)
{
  LtTimelineView *self = (LtTimelineView *) object;

  g_clear_handle_id (&self->more_frames_id, g_source_remove);
  if (self->markers != NULL)
    {
      for (guint i = 0; i < self->markers->len; i++)
        gtk_widget_unparent (g_ptr_array_index (self->markers, i));
      g_clear_pointer (&self->markers, g_ptr_array_unref);
    }
  if (self->painter != NULL)
    g_signal_handlers_disconnect_by_data (self->painter, self);
  g_clear_object (&self->painter);

  G_OBJECT_CLASS (lt_timeline_view_parent_class)->dispose (object);
}

static void
lt_timeline_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LtTimelineView *self = LT_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTED_EVENT:
      g_value_set_int64 (value, self->selected_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lt_timeline_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LtTimelineView *self = LT_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTED_EVENT:
      lt_timeline_view_set_selected_event (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lt_timeline_view_class_init (LtTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lt_timeline_view_dispose;
  object_class->get_property = lt_timeline_view_get_property;
  object_class->set_property = lt_timeline_view_set_property;

  widget_class->measure = lt_timeline_view_measure;
  widget_class->size_allocate = lt_timeline_view_size_allocate;
  widget_class->snapshot = lt_timeline_view_snapshot;
  widget_class->focus = lt_timeline_view_focus;

  /**
   * LtTimelineView:selected-event:
   *
   * The id of the selected event, or 0.
   */
  properties[PROP_SELECTED_EVENT] =
    g_param_spec_int64 ("selected-event", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LtTimelineView::event-activated:
   * @self: the view
   * @event_id: the event
   *
   * Emitted when an event is clicked or activated with the keyboard.
   */
  signals[EVENT_ACTIVATED] = g_signal_new ("event-activated",
                                           G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * LtTimelineView::window-changed:
   * @self: the view
   *
   * Emitted when the visible window of time or what is drawn changed.
   */
  signals[WINDOW_CHANGED] = g_signal_new ("window-changed",
                                          G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-to-fit", NULL, zoom_to_fit_action);
  gtk_widget_class_install_action (widget_class, "timeline.go-start", NULL, go_edge_action);
  gtk_widget_class_install_action (widget_class, "timeline.go-end", NULL, go_edge_action);

  gtk_widget_class_install_action (widget_class, "timeline.focus-next", NULL, focus_action);
  gtk_widget_class_install_action (widget_class, "timeline.focus-previous", NULL, focus_action);
  gtk_widget_class_install_action (widget_class, "timeline.focus-up", NULL, focus_action);
  gtk_widget_class_install_action (widget_class, "timeline.focus-down", NULL, focus_action);
  gtk_widget_class_install_action (widget_class, "timeline.activate-focused", NULL,
                                   activate_focused_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "timeline.focus-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, 0, "timeline.focus-next",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "timeline.focus-previous",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, 0, "timeline.focus-previous",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "timeline.focus-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, 0, "timeline.focus-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "timeline.focus-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, 0, "timeline.focus-down",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0,
                                       "timeline.activate-focused", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0,
                                       "timeline.activate-focused", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Enter, 0,
                                       "timeline.activate-focused", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "timeline.activate-focused",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "timeline.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "timeline.zoom-out",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "timeline.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK,
                                       "timeline.zoom-to-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "timeline.go-start", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "timeline.go-end", NULL);

  gtk_widget_class_set_css_name (widget_class, "timelineview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  g_type_ensure (LT_TYPE_TIMELINE_MARKER);
}

static void
lt_timeline_view_init (LtTimelineView *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  self->painter = lt_timeline_painter_new ();
  lt_timeline_painter_set_progressive (self->painter, TRUE);
  lt_timeline_painter_set_load_async (self->painter, TRUE);
  g_signal_connect_object (self->painter, "loaded", G_CALLBACK (painter_loaded_cb), self,
                           G_CONNECT_SWAPPED);
  lt_timeline_painter_set_figures (self->painter, "political-prisoners");
  g_signal_connect_object (self->painter, "invalidated", G_CALLBACK (painter_invalidated_cb), self,
                           G_CONNECT_SWAPPED);
  self->markers = g_ptr_array_new ();

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Events in lanes along a time axis. Arrow keys move between events, "
                                    "plus and minus zoom, Enter shows an event’s details."),
                                  -1);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_click_new ();
  g_signal_connect_swapped (gesture, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  g_signal_connect_swapped (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect_swapped (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect_swapped (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect_swapped (gesture, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect_swapped (gesture, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect_swapped (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);


  ensure_style (GTK_WIDGET (self));
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_palette), self,
                           G_CONNECT_SWAPPED);
  update_palette (self);
}

/**
 * lt_timeline_view_new:
 *
 * Returns: (transfer full): a new timeline view
 */
GtkWidget *
lt_timeline_view_new (void)
{
  return g_object_new (LT_TYPE_TIMELINE_VIEW, NULL);
}

/**
 * lt_timeline_view_get_painter:
 * @self: a timeline view
 *
 * Returns: (transfer none): the painter that draws it; set filters and lanes on it
 */
LtTimelinePainter *
lt_timeline_view_get_painter (LtTimelineView *self)
{
  g_return_val_if_fail (LT_IS_TIMELINE_VIEW (self), NULL);

  return self->painter;
}

/**
 * lt_timeline_view_set_store:
 * @self: a timeline view
 * @store: (nullable): the store
 *
 * Shows the events of @store, all of them at first.
 */
void
lt_timeline_view_set_store (LtTimelineView *self,
                            LtStore        *store)
{
  g_return_if_fail (LT_IS_TIMELINE_VIEW (self));

  lt_timeline_painter_set_store (self->painter, store);
  lt_timeline_view_set_selected_event (self, 0);
  lt_timeline_painter_zoom_to_fit (self->painter);
  self->fit_pending = lt_timeline_painter_is_loading (self->painter);
  lt_timeline_painter_get_window (self->painter, &self->fit_start, &self->fit_end);
}

/**
 * lt_timeline_view_get_selected_event:
 * @self: a timeline view
 *
 * Returns: the selected event, or 0
 */
gint64
lt_timeline_view_get_selected_event (LtTimelineView *self)
{
  g_return_val_if_fail (LT_IS_TIMELINE_VIEW (self), 0);

  return self->selected_id;
}

/**
 * lt_timeline_view_set_selected_event:
 * @self: a timeline view
 * @event_id: the event to select, or 0
 */
void
lt_timeline_view_set_selected_event (LtTimelineView *self,
                                     gint64          event_id)
{
  g_return_if_fail (LT_IS_TIMELINE_VIEW (self));

  if (self->selected_id == event_id)
    return;

  self->selected_id = event_id;
  lt_timeline_painter_set_selected (self->painter, event_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_EVENT]);
}

/**
 * lt_timeline_view_show_event:
 * @self: a timeline view
 * @event_id: an event
 * @zoom: zoom to the event rather than only scroll to it
 *
 * Brings an event into the middle of the view.
 */
void
lt_timeline_view_show_event (LtTimelineView *self,
                             gint64          event_id,
                             gboolean        zoom)
{
  LtTimelineIndex *index;
  guint lane, item;
  const LtTimelineItem *it;
  const LtTimeScale *scale;
  double width = MAX (gtk_widget_get_width (GTK_WIDGET (self)), 1);
  double ppd;

  g_return_if_fail (LT_IS_TIMELINE_VIEW (self));

  index = lt_timeline_painter_get_index (self->painter);
  if (!lt_timeline_index_find_event (index, event_id, &lane, &item))
    return;

  it = &lt_timeline_index_get_lane_items (index, lane)[item];
  scale = lt_timeline_painter_get_scale (self->painter);
  ppd = scale->px_per_day;

  if (zoom)
    {
      zoom_into_days (self, it->start_day, it->end_day);
      return;
    }

  /* zoom in far enough for the event to stand on its own: a day at least 3 pixels */
  if (width > 1)
    ppd = MAX (ppd, 3.0);
  animate_to (self, lt_timeline_index_item_anchor (index, lane, item), ppd);
}

/**
 * lt_timeline_view_set_window:
 * @self: a timeline view
 * @start_day: the first day to show
 * @end_day: the day at the right edge
 * @animate: whether to move there smoothly
 */
void
lt_timeline_view_set_window (LtTimelineView *self,
                             double          start_day,
                             double          end_day,
                             gboolean        animate)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));

  g_return_if_fail (LT_IS_TIMELINE_VIEW (self));

  if (animate && width > 0)
    animate_to (self, (start_day + end_day) / 2.0, width / MAX (end_day - start_day, 1e-6));
  else
    {
      stop_motion (self);
      lt_timeline_painter_set_window (self->painter, start_day, end_day);
    }
}

/**
 * lt_timeline_view_go_to_day:
 * @self: a timeline view
 * @day: a day
 *
 * Centres the view on @day, zooming in to see single days if it shows years.
 */
void
lt_timeline_view_go_to_day (LtTimelineView *self,
                            double          day)
{
  const LtTimeScale *scale;
  double width = MAX (gtk_widget_get_width (GTK_WIDGET (self)), 1);

  g_return_if_fail (LT_IS_TIMELINE_VIEW (self));

  scale = lt_timeline_painter_get_scale (self->painter);
  animate_to (self, day + 0.5, MAX (scale->px_per_day, width / 120.0));
}

/**
 * lt_timeline_view_zoom:
 * @self: a timeline view
 * @factor: > 1 zooms in
 *
 * Zooms around the middle of the view.
 */
void
lt_timeline_view_zoom (LtTimelineView *self,
                       double          factor)
{
  const LtTimeScale *scale;

  g_return_if_fail (LT_IS_TIMELINE_VIEW (self));

  scale = lt_timeline_painter_get_scale (self->painter);
  animate_to (self, centre_day (self), scale->px_per_day * factor);
}

/**
 * lt_timeline_view_zoom_to_fit:
 * @self: a timeline view
 *
 * Shows the whole chronicle.
 */
void
lt_timeline_view_zoom_to_fit (LtTimelineView *self)
{
  double first, end, pad;

  g_return_if_fail (LT_IS_TIMELINE_VIEW (self));

  if (!lt_timeline_painter_get_extent (self->painter, &first, &end))
    return;

  pad = MAX ((end - first) * 0.03, 1.0);
  lt_timeline_view_set_window (self, first - pad, end + pad, TRUE);
}

/**
 * lt_timeline_view_get_event_point:
 * @self: a timeline view
 * @event_id: an event
 * @x: (out): the centre of its mark
 * @y: (out): the centre of its mark
 *
 * Finds where the last frame drew an event, e.g. for a test to click it.
 *
 * Returns: %TRUE if it is drawn on its own
 */
gboolean
lt_timeline_view_get_event_point (LtTimelineView *self,
                                  gint64          event_id,
                                  double         *x,
                                  double         *y)
{
  graphene_rect_t bounds;

  g_return_val_if_fail (LT_IS_TIMELINE_VIEW (self), FALSE);

  if (!lt_timeline_painter_get_event_bounds (self->painter, event_id, &bounds))
    return FALSE;

  *x = bounds.origin.x + MIN (bounds.size.width, 12) / 2;
  *y = bounds.origin.y + bounds.size.height / 2;

  return TRUE;
}
