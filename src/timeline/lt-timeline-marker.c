/* lt-timeline-marker.c: LtTimelineMarker, a focusable child widget over one event or cluster,
 * for the keyboard and screen readers
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-timeline-marker"

#include "config.h"

#include "lt-timeline-marker.h"

/* GTK 4.8 has no virtual accessible children, so each event the timeline shows on its own is
 * also a small focusable child widget over its mark: screen readers find it by its name and
 * date, and keyboard focus shows as a ring around it. The painter draws the mark itself; the
 * marker only draws the focus ring (CSS outline), and pointer events go through it to the
 * view, whose hit test serves clicks. The view keeps a pool of them. */

struct _LtTimelineMarker
{
  GtkWidget  parent_instance;

  gint64     event_id;
  double     first_day;
  double     last_day;
  char      *label;
  gboolean   cluster;
};

G_DEFINE_FINAL_TYPE (LtTimelineMarker, lt_timeline_marker, GTK_TYPE_WIDGET)

static void
lt_timeline_marker_finalize (GObject *object)
{
  LtTimelineMarker *self = (LtTimelineMarker *) object;

  g_clear_pointer (&self->label, g_free);

  G_OBJECT_CLASS (lt_timeline_marker_parent_class)->finalize (object);
}

static void
lt_timeline_marker_class_init (LtTimelineMarkerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = lt_timeline_marker_finalize;

  gtk_widget_class_set_css_name (widget_class, "timelinemarker");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
lt_timeline_marker_init (LtTimelineMarker *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

GtkWidget *
lt_timeline_marker_new (void)
{
  return g_object_new (LT_TYPE_TIMELINE_MARKER, NULL);
}

static void
set_label (LtTimelineMarker *self,
           const char       *label)
{
  if (g_strcmp0 (self->label, label) == 0)
    return;

  g_free (self->label);
  self->label = g_strdup (label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label ? label : "",
                                  -1);
}

/**
 * lt_timeline_marker_set_event:
 * @self: a marker
 * @event_id: the event it stands for
 * @label: its accessible name: "title, date"
 */
void
lt_timeline_marker_set_event (LtTimelineMarker *self,
                              gint64            event_id,
                              const char       *label)
{
  g_return_if_fail (LT_IS_TIMELINE_MARKER (self));

  self->event_id = event_id;
  self->cluster = FALSE;
  set_label (self, label);
}

/**
 * lt_timeline_marker_set_cluster:
 * @self: a marker
 * @first_day: the first day of the cluster
 * @last_day: its last day
 * @label: its accessible name: "12 events, 3–9 July 2021"
 */
void
lt_timeline_marker_set_cluster (LtTimelineMarker *self,
                                double            first_day,
                                double            last_day,
                                const char       *label)
{
  g_return_if_fail (LT_IS_TIMELINE_MARKER (self));

  self->event_id = 0;
  self->cluster = TRUE;
  self->first_day = first_day;
  self->last_day = last_day;
  set_label (self, label);
}

gint64
lt_timeline_marker_get_event (LtTimelineMarker *self)
{
  g_return_val_if_fail (LT_IS_TIMELINE_MARKER (self), 0);

  return self->cluster ? 0 : self->event_id;
}

gboolean
lt_timeline_marker_is_cluster (LtTimelineMarker *self)
{
  g_return_val_if_fail (LT_IS_TIMELINE_MARKER (self), FALSE);

  return self->cluster;
}

void
lt_timeline_marker_get_days (LtTimelineMarker *self,
                             double           *first_day,
                             double           *last_day)
{
  g_return_if_fail (LT_IS_TIMELINE_MARKER (self));

  *first_day = self->first_day;
  *last_day = self->last_day;
}

const char *
lt_timeline_marker_get_label (LtTimelineMarker *self)
{
  g_return_val_if_fail (LT_IS_TIMELINE_MARKER (self), NULL);

  return self->label;
}

/**
 * lt_timeline_marker_set_selected:
 * @self: a marker
 * @selected: whether its event is the selected one
 */
void
lt_timeline_marker_set_selected (LtTimelineMarker *self,
                                 gboolean          selected)
{
  g_return_if_fail (LT_IS_TIMELINE_MARKER (self));

  gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                               GTK_ACCESSIBLE_STATE_PRESSED, selected ? GTK_ACCESSIBLE_TRISTATE_TRUE
                                                                      : GTK_ACCESSIBLE_TRISTATE_FALSE,
                               -1);
}
