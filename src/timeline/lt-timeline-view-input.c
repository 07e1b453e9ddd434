/* lt-timeline-view-input.c: the timeline view's pointer, touch and scroll input: hover,
 * click, drag with kinetic panning, pinch and wheel zoom, and tooltips
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-timeline-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "lt-timeline-view-private.h"

#define KINETIC_TAU        0.325   /* seconds: velocity falls by e each tau */
#define KINETIC_MIN_SPEED  20.0    /* px/s */

void
_lt_timeline_view_set_hover (LtTimelineView *self,
                             gint64          event_id)
{
  if (self->hover_id == event_id)
    return;

  self->hover_id = event_id;
  lt_timeline_painter_set_hover (self->painter, event_id);
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
    _lt_timeline_view_set_hover (self, hit.event_id);
  else
    _lt_timeline_view_set_hover (self, 0);

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                   hit.kind == LT_TIMELINE_HIT_EVENT || hit.kind == LT_TIMELINE_HIT_CLUSTER ||
                                   hit.kind == LT_TIMELINE_HIT_FIGURE ? "pointer" :
                                   hit.kind == LT_TIMELINE_HIT_OVERVIEW_WINDOW ? "grab" : NULL);
}

static void
leave_cb (LtTimelineView           *self,
          GtkEventControllerMotion *motion)
{
  _lt_timeline_view_set_hover (self, 0);
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
        _lt_timeline_view_zoom_into_days (self, hit.first_day, hit.last_day);
      else
        _lt_timeline_view_activate_event (self, hit.event_id);
      return TRUE;

    case LT_TIMELINE_HIT_CLUSTER:
      _lt_timeline_view_zoom_into_days (self, hit.first_day, hit.last_day);
      return TRUE;

    case LT_TIMELINE_HIT_OVERVIEW:
      _lt_timeline_view_animate_to (self, hit.day,
                                    lt_timeline_painter_get_scale (self->painter)->px_per_day);
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

  _lt_timeline_view_stop_motion (self);
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
      if (lt_timeline_data_get_extent (self->data, &first, &end))
        self->drag_overview_ratio = (end - first) * 1.04 / MAX (gtk_widget_get_width (GTK_WIDGET (self)), 1)
                                    * scale->px_per_day;
      if (hit.kind == LT_TIMELINE_HIT_OVERVIEW)
        _lt_timeline_view_apply_centre_zoom (self, hit.day, scale->px_per_day);
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

  if (fabs (self->velocity) > 4 * KINETIC_MIN_SPEED && _lt_timeline_view_animations_enabled (self))
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

  _lt_timeline_view_stop_motion (self);

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

  _lt_timeline_view_stop_motion (self);
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


gboolean
_lt_timeline_view_query_tooltip_cb (LtTimelineView *self,
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
      LtItemButton *focus = lt_item_pool_get_focused (self->markers);

      if (focus != NULL && lt_item_button_get_label (focus))
        {
          gtk_tooltip_set_text (tooltip, lt_item_button_get_label (focus));
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

/* The pointer, touch and scroll controllers, made once by init */
void
_lt_timeline_view_init_input (LtTimelineView *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

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
}
