/* lt-timeline-view.c: LtTimelineView, the timeline widget: it draws the painter's frame,
 * animates zooms and pans, and answers its actions and public API
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

#include "lt-timeline-view-private.h"

#define ANIMATION_USEC     (220 * 1000)
#define ZOOM_STEP          1.5

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

void
_lt_timeline_view_stop_motion (LtTimelineView *self)
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

gboolean
_lt_timeline_view_animations_enabled (LtTimelineView *self)
{
  gboolean enabled = TRUE;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &enabled,
                NULL);

  return enabled && gtk_widget_get_mapped (GTK_WIDGET (self));
}

void
_lt_timeline_view_apply_centre_zoom (LtTimelineView *self,
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

  _lt_timeline_view_apply_centre_zoom (self,
                                       self->from_centre +
                                       (self->to_centre - self->from_centre) * e,
                                       exp (self->from_log_ppd +
                                            (self->to_log_ppd - self->from_log_ppd) * e));

  if (t >= 1.0)
    {
      self->animation_id = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

void
_lt_timeline_view_animate_to (LtTimelineView *self,
                              double          centre,
                              double          px_per_day)
{
  const LtTimeScale *scale = lt_timeline_painter_get_scale (self->painter);

  _lt_timeline_view_stop_motion (self);
  px_per_day = CLAMP (px_per_day, 1e-6, LT_TIME_SCALE_MAX_PX_PER_DAY);

  if (!_lt_timeline_view_animations_enabled (self))
    {
      _lt_timeline_view_apply_centre_zoom (self, centre, px_per_day);
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

void
_lt_timeline_view_activate_event (LtTimelineView *self,
                                  gint64          event_id)
{
  lt_timeline_view_set_selected_event (self, event_id);
  g_signal_emit (self, signals[EVENT_ACTIVATED], 0, event_id);
}

void
_lt_timeline_view_zoom_into_days (LtTimelineView *self,
                                  double          first_day,
                                  double          last_day)
{
  double width = MAX (gtk_widget_get_width (GTK_WIDGET (self)), 1);
  double span = MAX (last_day - first_day, 0.0) + 1.0;
  double pad = MAX (span * 0.35, 1.0);

  _lt_timeline_view_animate_to (self, (first_day + last_day + 1.0) / 2.0, width / (span + 2 * pad));
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

  if (!lt_timeline_data_get_extent (self->data, &first, &end))
    return;

  /* Home shows the first events at the left edge, End the last ones at the right */
  if (g_str_equal (action_name, "timeline.go-start"))
    _lt_timeline_view_animate_to (self, first + width / ppd / 2 - 8 / ppd, ppd);
  else
    _lt_timeline_view_animate_to (self, end - width / ppd / 2 + 8 / ppd, ppd);
}

/* The painter */

static void
painter_invalidated_cb (LtTimelineView    *self,
                        LtTimelinePainter *painter)
{
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[WINDOW_CHANGED], 0);
}


/* The first frames of a big file were drawn from counts; fit the real events if nobody
 * moved since the fit to the counts' days */
static void
data_loaded_cb (LtTimelineView *self,
                LtTimelineData *data)
{
  double start, end;

  lt_timeline_painter_get_window (self->painter, &start, &end);
  if (self->fit_pending &&
      fabs (start - self->fit_start) < 1e-4 && fabs (end - self->fit_end) < 1e-4)
    lt_timeline_painter_zoom_to_fit (self->painter);
  self->fit_pending = FALSE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
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
  _lt_timeline_view_place_markers (self, width, height);
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

  lt_item_pool_snapshot (self->markers, snapshot);

  /* Labels still to look up are filled in over the next frames */
  if ((lt_timeline_painter_needs_more_frames (self->painter) || self->markers_pending) &&
      self->more_frames_id == 0)
    self->more_frames_id = g_timeout_add (16, _lt_timeline_view_more_frames_cb, self);
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
      LtItemButton *marker = self->selected_id != 0 ? lt_item_pool_find (self->markers, self->selected_id)
                                                    : NULL;

      if (marker == NULL && lt_item_pool_get_n_used (self->markers) > 0)
        marker = lt_item_pool_get_item (self->markers, 0);
      if (marker != NULL)
        return gtk_widget_grab_focus (GTK_WIDGET (marker));
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
  g_clear_object (&self->markers);   /* which unparents them */
  if (self->painter != NULL)
    g_signal_handlers_disconnect_by_data (self->painter, self);
  g_clear_object (&self->painter);
  g_clear_object (&self->data_signals);
  g_clear_object (&self->data);

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

  gtk_widget_class_install_action (widget_class, "timeline.focus-next", NULL,
                                   _lt_timeline_view_focus_action);
  gtk_widget_class_install_action (widget_class, "timeline.focus-previous", NULL,
                                   _lt_timeline_view_focus_action);
  gtk_widget_class_install_action (widget_class, "timeline.focus-up", NULL,
                                   _lt_timeline_view_focus_action);
  gtk_widget_class_install_action (widget_class, "timeline.focus-down", NULL,
                                   _lt_timeline_view_focus_action);
  gtk_widget_class_install_action (widget_class, "timeline.activate-focused", NULL,
                                   _lt_timeline_view_activate_focused_action);
  gtk_widget_class_install_action (widget_class, "timeline.open-focused", NULL,
                                   _lt_timeline_view_open_focused_action);

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
                                       "timeline.open-focused", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0,
                                       "timeline.open-focused", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Enter, 0,
                                       "timeline.open-focused", NULL);
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
}

static void
lt_timeline_view_init (LtTimelineView *self)
{
  /* its own data until the page hands it the page's */
  self->data = lt_timeline_data_new ();
  lt_timeline_data_set_load_async (self->data, TRUE);
  lt_timeline_data_set_figures (self->data, "political-prisoners");
  self->data_signals = g_signal_group_new (LT_TYPE_TIMELINE_DATA);
  g_signal_group_connect_swapped (self->data_signals, "loaded", G_CALLBACK (data_loaded_cb), self);
  g_signal_group_set_target (self->data_signals, self->data);
  self->painter = lt_timeline_painter_new (self->data);
  lt_timeline_painter_set_progressive (self->painter, TRUE);
  g_signal_connect_object (self->painter, "invalidated", G_CALLBACK (painter_invalidated_cb), self,
                           G_CONNECT_SWAPPED);
  _lt_timeline_view_init_markers (self);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (_lt_timeline_view_query_tooltip_cb), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Events in lanes along a time axis. Arrow keys move between events, "
                                    "plus and minus zoom, Enter shows an event’s details."),
                                  -1);

  _lt_timeline_view_init_input (self);

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
 * Returns: (transfer none): the painter that draws it, which holds the window shown
 */
LtTimelinePainter *
lt_timeline_view_get_painter (LtTimelineView *self)
{
  g_return_val_if_fail (LT_IS_TIMELINE_VIEW (self), NULL);

  return self->painter;
}

/**
 * lt_timeline_view_get_data:
 * @self: a timeline view
 *
 * Returns: (transfer none): what it shows; set filters and lanes on it
 */
LtTimelineData *
lt_timeline_view_get_data (LtTimelineView *self)
{
  g_return_val_if_fail (LT_IS_TIMELINE_VIEW (self), NULL);

  return self->data;
}

/**
 * lt_timeline_view_set_data:
 * @self: a timeline view
 * @data: what to show
 *
 * Shows @data, which its owner (the page) shares with the view: the view draws it and
 * follows its changes, at the window it has.
 */
void
lt_timeline_view_set_data (LtTimelineView *self,
                           LtTimelineData *data)
{
  g_return_if_fail (LT_IS_TIMELINE_VIEW (self));
  g_return_if_fail (LT_IS_TIMELINE_DATA (data));

  if (!g_set_object (&self->data, data))
    return;

  g_signal_group_set_target (self->data_signals, data);
  lt_timeline_painter_set_data (self->painter, data);
  self->fit_pending = FALSE;
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

  lt_timeline_data_set_store (self->data, store);
  lt_timeline_view_set_selected_event (self, 0);
  lt_timeline_painter_zoom_to_fit (self->painter);
  self->fit_pending = lt_timeline_data_is_loading (self->data);
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

  index = lt_timeline_data_get_index (self->data);
  if (!lt_timeline_index_find_event (index, event_id, &lane, &item))
    return;

  it = &lt_timeline_index_get_lane_items (index, lane)[item];
  scale = lt_timeline_painter_get_scale (self->painter);
  ppd = scale->px_per_day;

  if (zoom)
    {
      _lt_timeline_view_zoom_into_days (self, it->start_day, it->end_day);
      return;
    }

  /* zoom in far enough for the event to stand on its own: a day at least 3 pixels */
  if (width > 1)
    ppd = MAX (ppd, 3.0);
  _lt_timeline_view_animate_to (self, lt_timeline_index_item_anchor (index, lane, item), ppd);
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
    _lt_timeline_view_animate_to (self, (start_day + end_day) / 2.0,
                                  width / MAX (end_day - start_day, 1e-6));
  else
    {
      _lt_timeline_view_stop_motion (self);
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
  _lt_timeline_view_animate_to (self, day + 0.5, MAX (scale->px_per_day, width / 120.0));
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
  _lt_timeline_view_animate_to (self, centre_day (self), scale->px_per_day * factor);
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

  if (!lt_timeline_data_get_extent (self->data, &first, &end))
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
