/* lt-timeline-view-markers.c: the timeline view's pool of focusable marker widgets, one for
 * each event or cluster a keyboard or screen reader can reach, and the arrow keys between them
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

/* The marker with the keyboard focus. Asked of the window, not of the view's focus child: GTK
 * can leave that unset while the window is not the active one (another window took the
 * focus), and a frame drawn then would give the focused marker's widget to another event. */
LtTimelineMarker *
_lt_timeline_view_focused_marker (LtTimelineView *self)
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
  LtTimelineMarker *current = _lt_timeline_view_focused_marker (self);
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

void
_lt_timeline_view_activate_focused_action (GtkWidget  *widget,
                                           const char *action_name,
                                           GVariant   *parameter)
{
  LtTimelineView *self = LT_TIMELINE_VIEW (widget);
  LtTimelineMarker *marker = _lt_timeline_view_focused_marker (self);

  if (marker == NULL)
    return;

  if (lt_timeline_marker_is_cluster (marker))
    {
      double first, last;

      lt_timeline_marker_get_days (marker, &first, &last);
      _lt_timeline_view_zoom_into_days (self, first, last);
    }
  else
    _lt_timeline_view_activate_event (self, lt_timeline_marker_get_event (marker));
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
  LtTimelineMarker *marker = _lt_timeline_view_focused_marker (self);

  if (marker != NULL && !lt_timeline_marker_is_cluster (marker) &&
      lt_timeline_marker_get_event (marker) == lt_timeline_view_get_selected_event (self))
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
  LtTimelineMarker *focused = _lt_timeline_view_focused_marker (self);
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

  /* New markers are made outside allocation, a few a frame (_lt_timeline_view_more_frames_cb):
   * making dozens of widgets at once made one frame of a zoom take 150 ms. One spare serves a
   * focused marker whose event left the view. */
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
    self->more_frames_id = g_timeout_add (16, _lt_timeline_view_more_frames_cb, self);
}

gboolean
_lt_timeline_view_more_frames_cb (gpointer user_data)
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
      if (_lt_timeline_view_focused_marker (self) != NULL &&
          !gtk_widget_get_child_visible (GTK_WIDGET (_lt_timeline_view_focused_marker (self))))
        gtk_widget_grab_focus (GTK_WIDGET (self));
    }

  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));

  return G_SOURCE_REMOVE;
}

void
_lt_timeline_view_ensure_style (GtkWidget *widget)
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
