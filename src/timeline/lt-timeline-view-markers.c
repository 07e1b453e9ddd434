/* lt-timeline-view-markers.c: which events and clusters of the timeline a keyboard or screen
 * reader reaches, as the view's pool of focusable items (LtItemPool), and the keys between them
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

#define MAX_MARKERS        64
#define MARKERS_PER_FRAME  8

/* Keyboard */

static void
focus_event (LtTimelineView *self,
             gint64          event_id)
{
  self->focus_event = event_id;
  self->focus_pending = TRUE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

typedef struct
{
  graphene_rect_t  from;
  LtTimelineView  *self;
  int              dx;
  int              dy;
} FocusMove;

static double
score_marker (LtItemButton *marker,
              gpointer      user_data)
{
  FocusMove *move = user_data;
  const graphene_rect_t *cur = &move->from;
  graphene_rect_t r;
  double ddx, ddy;

  if (!gtk_widget_compute_bounds (GTK_WIDGET (marker), GTK_WIDGET (move->self), &r))
    return -1;

  ddx = r.origin.x - cur->origin.x;
  ddy = (r.origin.y + r.size.height / 2) - (cur->origin.y + cur->size.height / 2);

  if (move->dx != 0)
    {
      /* the nearest in time in that direction, any lane; same lane wins ties */
      if (move->dx * ddx <= 0 && !(ddx == 0 && move->dx * ddy > 0))
        return -1;
      return fabs (ddx) + fabs (ddy) * 0.05;
    }

  if (move->dy * ddy <= 4)
    return -1;
  return fabs (ddy) * 2 + fabs (ddx);
}

static gboolean
move_focus (LtTimelineView *self,
            int             dx,
            int             dy)
{
  LtItemButton *current = lt_item_pool_get_focused (self->markers);
  FocusMove move = { .self = self, .dx = dx, .dy = dy };
  LtTimelineIndex *index = lt_timeline_data_get_index (self->data);
  double day;
  guint lane, item;

  if (current == NULL)
    {
      /* from the view itself: the first marker */
      if (lt_item_pool_get_n_used (self->markers) == 0)
        return FALSE;
      gtk_widget_grab_focus (GTK_WIDGET (lt_item_pool_get_item (self->markers, 0)));
      return TRUE;
    }

  if (!gtk_widget_compute_bounds (GTK_WIDGET (current), GTK_WIDGET (self), &move.from))
    return FALSE;

  if (lt_item_pool_focus_nearest (self->markers, current, score_marker, &move))
    return TRUE;

  if (dx == 0)
    return FALSE;

  /* Nothing further on screen: bring the next event in time into view and focus it */
  day = lt_time_scale_x_to_day (lt_timeline_painter_get_scale (self->painter),
                                move.from.origin.x + move.from.size.width / 2);
  if (lt_item_button_is_group (current))
    {
      double first, last;

      lt_item_button_get_range (current, &first, &last);
      day = dx > 0 ? last + 1 : first;
    }
  if (lt_timeline_index_next_event (index, day, dx, TRUE, &lane, &item))
    {
      const LtTimelineItem *it = &lt_timeline_index_get_lane_items (index, lane)[item];
      gint64 id = lt_timeline_data_get_span_event (self->data, it->span);

      lt_timeline_view_show_event (self, id, FALSE);
      focus_event (self, id);
      return TRUE;
    }

  return FALSE;
}

void
_lt_timeline_view_focus_action (GtkWidget  *widget,
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

/* What Space does to a focused marker, Return to one not yet selected, and a screen reader's
 * click to any: select the event and show its details, or zoom into the cluster */
static void
activate_marker (LtTimelineView *self,
                 LtItemButton   *marker)
{
  if (lt_item_button_is_group (marker))
    {
      double first, last;

      lt_item_button_get_range (marker, &first, &last);
      _lt_timeline_view_zoom_into_days (self, first, last);
    }
  else
    _lt_timeline_view_activate_event (self, lt_item_button_get_id (marker));
}

static void
marker_activated_cb (LtTimelineView *self,
                     LtItemButton   *marker)
{
  activate_marker (self, marker);
}

void
_lt_timeline_view_init_markers (LtTimelineView *self)
{
  /* one more than a frame chooses: the spare for a focused marker whose event left the view */
  self->markers = lt_item_pool_new (GTK_WIDGET (self), MAX_MARKERS + 1);
  g_signal_connect_object (self->markers, "item-activated", G_CALLBACK (marker_activated_cb), self,
                           G_CONNECT_SWAPPED);
}

void
_lt_timeline_view_activate_focused_action (GtkWidget  *widget,
                                           const char *action_name,
                                           GVariant   *parameter)
{
  LtTimelineView *self = LT_TIMELINE_VIEW (widget);
  LtItemButton *marker = lt_item_pool_get_focused (self->markers);

  if (marker != NULL)
    activate_marker (self, marker);
}

/* Return on an event already selected opens it for editing, as a double click does in a file
 * manager; the first Return (and Space, always) selects it and shows its details. The editor
 * is the window's business: the action bubbles up to it. */
void
_lt_timeline_view_open_focused_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  LtTimelineView *self = LT_TIMELINE_VIEW (widget);
  LtItemButton *marker = lt_item_pool_get_focused (self->markers);

  if (marker != NULL && !lt_item_button_is_group (marker) &&
      lt_item_button_get_id (marker) == lt_timeline_view_get_selected_event (self))
    {
      gtk_widget_activate_action (widget, "win.edit-event", NULL);
      return;
    }

  _lt_timeline_view_activate_focused_action (widget, action_name, parameter);
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

void
_lt_timeline_view_place_markers (LtTimelineView *self,
                                 int             width,
                                 int             height)
{
  LtTimelineFrame *frame = lt_timeline_painter_get_frame (self->painter);
  LtItemButton *focused = lt_item_pool_get_focused (self->markers);
  gint64 keep = focused ? lt_item_button_get_id (focused) : 0;
  g_autoptr(GArray) chosen = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_items = lt_item_pool_get_n_items (self->markers);
  LtItemButton *focus_target = NULL;
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
                                                         lt_timeline_data_get_span_event (self->data, item->span) == keep))
                                        : is_badge;

            if (!wanted || item->x + item->w < 0 || item->x > width || chosen->len >= MAX_MARKERS)
              continue;
            g_array_append_val (chosen, i);
          }
    }

  /* New markers are made outside allocation, a few a frame (_lt_timeline_view_more_frames_cb):
   * making dozens of widgets at once made one frame of a zoom take 150 ms. One spare serves a
   * focused marker whose event left the view. */
  self->markers_wanted = chosen->len + 1;
  self->markers_pending = n_items < self->markers_wanted;

  /* The focused marker keeps its widget, so focus does not jump while the view moves; if its
   * event left the view, the marker goes unused and focus returns to the view. */
  if (focused != NULL)
    {
      double focus_first = 0, focus_last = 0;

      if (lt_item_button_is_group (focused))
        lt_item_button_get_range (focused, &focus_first, &focus_last);

      for (guint c = 0; c < chosen->len && !found; c++)
        {
          const LtFrameItem *item = &g_array_index (frame->items, LtFrameItem,
                                                    g_array_index (chosen, guint, c));
          gboolean same;

          /* the same event, or the same cluster (same days: it did not split or merge) */
          if (lt_item_button_is_group (focused))
            same = item->kind == LT_FRAME_ITEM_BADGE && item->first_day == focus_first && item->last_day == focus_last;
          else
            same = keep != 0 && item->kind != LT_FRAME_ITEM_BADGE &&
                   lt_timeline_data_get_span_event (self->data, item->span) == keep;

          if (same)
            {
              guint t = g_array_index (chosen, guint, 0);

              g_array_index (chosen, guint, 0) = g_array_index (chosen, guint, c);
              g_array_index (chosen, guint, c) = t;
              found = TRUE;
            }
        }

      /* first if it stays, else last, where no item of this frame reaches it */
      lt_item_pool_move_to (self->markers, focused, found ? 0 : n_items - 1);
    }

  usable = n_items - (focused != NULL && !found ? 1 : 0);
  if (chosen->len > usable)
    g_array_set_size (chosen, usable);
  lt_item_pool_set_n_used (self->markers, chosen->len);

  for (guint n = 0; n < chosen->len; n++)
    {
      const LtFrameItem *item = &g_array_index (frame->items, LtFrameItem, g_array_index (chosen, guint, n));
      LtItemButton *marker = lt_item_pool_get_item (self->markers, n);
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

          lt_item_button_set_group (marker, item->first_day, item->last_day, label);
        }
      else
        {
          gint64 id = lt_timeline_data_get_span_event (self->data, item->span);
          g_autofree char *title = NULL;
          g_autofree char *date = NULL;
          g_autofree char *label = NULL;

          if (lt_timeline_painter_describe_event (self->painter, id, &title, &date))
            /* Translators: the accessible name of an event on the timeline: "title, date" */
            label = g_strdup_printf (C_("timeline event", "%s, %s"), title, date);
          lt_item_button_set_item (marker, id, label);
          lt_item_button_set_pressed (marker, id == self->selected_id);
          if (self->focus_pending && id == self->focus_event)
            focus_target = marker;
        }

      alloc.x = (int) floor (x0);
      alloc.y = (int) floor (item->y + item->h / 2 - 11);
      alloc.width = MAX (1, (int) ceil (x1 - x0));
      alloc.height = 22;
      lt_item_pool_allocate (self->markers, n, &alloc);
    }

  /* not now: a focus change restyles, and that must not happen inside allocation */
  if (focused != NULL && !gtk_widget_get_child_visible (GTK_WIDGET (focused)))
    self->refocus_view = TRUE;

  if (focus_target != NULL)
    {
      self->focus_pending = FALSE;
      self->focus_target = focus_target;
    }

  if ((self->refocus_view || self->focus_target != NULL || self->markers_pending) && self->more_frames_id == 0)
    self->more_frames_id = g_timeout_add (16, _lt_timeline_view_more_frames_cb, self);
}

gboolean
_lt_timeline_view_more_frames_cb (gpointer user_data)
{
  LtTimelineView *self = user_data;

  self->more_frames_id = 0;

  lt_item_pool_grow (self->markers, self->markers_wanted, MARKERS_PER_FRAME);

  if (self->focus_target != NULL)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->focus_target));
      self->focus_target = NULL;
      self->refocus_view = FALSE;
    }
  else if (self->refocus_view)
    {
      LtItemButton *focused = lt_item_pool_get_focused (self->markers);

      self->refocus_view = FALSE;
      if (focused != NULL && !gtk_widget_get_child_visible (GTK_WIDGET (focused)))
        gtk_widget_grab_focus (GTK_WIDGET (self));
    }

  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));

  return G_SOURCE_REMOVE;
}
