/* lt-graph-page-filters.c: what the Organizations page shows: the actor search, the kinds and
 * connections shown, and the period, typed in or following the timeline's window
 *
 * Copyright 2026 The Letapis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-graph-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "lt-graph-page-private.h"

/* how long the timeline's window must rest before a following graph is rebuilt */
#define FOLLOW_DELAY_MS 200

gboolean
_lt_graph_page_parse_day (GtkEntry *entry,
                          gboolean  end,
                          gint64   *day,
                          gboolean *valid)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  LtDate date;

  *valid = TRUE;
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  if (text == NULL || *text == '\0')
    return FALSE;
  if (!lt_date_parse (text, &date, NULL))
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      *valid = FALSE;
      return FALSE;
    }
  *day = end ? lt_date_last_day (&date) : lt_date_first_day (&date);
  return TRUE;
}

/* The shortest ISO date that bounds the period the same way: a start on the 1st of January is
 * its year, an end on the last day of a month is that month. */
static char *
dup_short_date (const char *text,
                gboolean    end)
{
  LtDate date;
  gint64 day;

  if (text == NULL || !lt_date_parse (text, &date, NULL) || date.approximate)
    return g_strdup (text);

  day = end ? lt_date_last_day (&date) : lt_date_first_day (&date);
  while (date.precision > LT_PRECISION_YEAR)
    {
      LtDate wider;

      lt_date_init_ymd (&wider, date.year, date.precision == LT_PRECISION_DAY ? date.month : 0, 0);
      if ((end ? lt_date_last_day (&wider) : lt_date_first_day (&wider)) != day)
        break;
      date = wider;
    }
  return lt_date_to_iso (&date);
}

void
_lt_graph_page_update_period_button (LtGraphPage *self)
{
  gboolean follow = gtk_toggle_button_get_active (self->follow_button);
  g_autofree char *from = dup_short_date (self->applied_from, FALSE);
  g_autofree char *to = dup_short_date (self->applied_to, TRUE);
  g_autofree char *label = NULL;

  /* ISO dates: short, and the same in every language */
  if (from != NULL && to != NULL && g_str_equal (from, to))
    label = g_strdup (from);
  else if (from != NULL && to != NULL)
    label = g_strdup_printf ("%s – %s", from, to);
  else if (from != NULL)
    /* Translators: the period button when only a start is given; %s is a date like 2021-07 */
    label = g_strdup_printf (_("From %s"), from);
  else if (to != NULL)
    /* Translators: the period button when only an end is given; %s is a date like 2021-07 */
    label = g_strdup_printf (_("Until %s"), to);
  else
    /* Translators: the period button when no period is set */
    label = g_strdup (_("All Time"));

  gtk_label_set_label (self->period_label, label);
  gtk_image_set_from_icon_name (self->period_icon,
                                follow ? "lt-timeline-symbolic" : "x-office-calendar-symbolic");
}

static void
filter_changed_cb (LtGraphPage *self)
{
  self->rebuilding = TRUE;
  _lt_graph_page_refilter (self);
  self->rebuilding = FALSE;
  _lt_graph_page_update_details (self);
}

static gboolean
entry_is_applied (GtkEntry   *entry,
                  const char *applied)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  return g_strcmp0 (text, applied != NULL ? applied : "") == 0;
}

static void
period_activate_cb (LtGraphPage *self)
{
  _lt_graph_page_window_changed (self);

  /* Enter in a good date is done with the popover; a bad one stays open, marked */
  if (!gtk_widget_has_css_class (GTK_WIDGET (self->from_entry), "error")
      && !gtk_widget_has_css_class (GTK_WIDGET (self->to_entry), "error"))
    gtk_popover_popdown (self->period_popover);
}

static void
period_closed_cb (LtGraphPage *self)
{
  /* dates typed and left without Enter count too */
  if (!entry_is_applied (self->from_entry, self->applied_from)
      || !entry_is_applied (self->to_entry, self->applied_to))
    _lt_graph_page_window_changed (self);
}

static gint64
find_actor (LtGraphPage *self,
            const char  *text)
{
  g_autofree char *folded = NULL;
  gint64 id = 0;

  if (text == NULL || *text == '\0')
    return 0;
  if (self->store != NULL)
    id = lt_store_find_actor (self->store, text);
  if (id != 0 || self->full == NULL)
    return id;

  /* then a substring of the shown name, busiest actor first */
  folded = g_utf8_casefold (text, -1);
  {
    guint best_weight = 0;

    for (guint i = 0; i < lt_graph_get_n_nodes (self->full); i++)
      {
        const LtGraphNode *node = lt_graph_get_node (self->full, i);
        g_autofree char *name = g_utf8_casefold (node->name, -1);

        if (strstr (name, folded) != NULL && (id == 0 || node->weight > best_weight))
          {
            id = node->actor_id;
            best_weight = node->weight;
          }
      }
  }
  return id;
}

static void
search_changed_cb (LtGraphPage *self)
{
  gint64 id = find_actor (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  gtk_widget_remove_css_class (GTK_WIDGET (self->search_entry), "error");
  if (id != 0 && self->shown != NULL && lt_graph_find_node (self->shown, id) >= 0)
    lt_graph_view_set_selected_actor (self->view, id);
}

static void
search_activate_cb (LtGraphPage *self)
{
  gint64 id = find_actor (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  if (id == 0)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->search_entry), "error");
      return;
    }
  lt_graph_page_focus_actor (self, id);
}

static void
kind_toggled_cb (GtkCheckButton *check,
                 LtGraphPage    *self)
{
  guint bit = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "bit"));

  if (gtk_check_button_get_active (check))
    self->hidden_kinds &= ~(1u << bit);
  else
    self->hidden_kinds |= 1u << bit;
  filter_changed_cb (self);
}

static void
edge_type_toggled_cb (GtkCheckButton *check,
                      LtGraphPage    *self)
{
  guint bit = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "bit"));

  if (gtk_check_button_get_active (check))
    self->hidden_edge_types &= ~(1u << bit);
  else
    self->hidden_edge_types |= 1u << bit;
  filter_changed_cb (self);
}

static void
isolated_toggled_cb (GtkCheckButton *check,
                     LtGraphPage    *self)
{
  self->hide_isolated = gtk_check_button_get_active (check);
  filter_changed_cb (self);
}

void
_lt_graph_page_build_filter_box (LtGraphPage *self)
{
  const char * const *kinds = lt_graph_node_kind_list_keys ();
  const char * const *types = lt_graph_edge_type_list_keys ();
  GtkWidget *check;

  _lt_graph_page_add_label (self->filter_box, _("Actors"), "heading");
  for (guint i = 0; kinds[i] != NULL; i++)
    {
      check = gtk_check_button_new_with_label (lt_graph_node_kind_get_label (kinds[i]));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      g_object_set_data (G_OBJECT (check), "bit", GUINT_TO_POINTER (i));
      g_signal_connect (check, "toggled", G_CALLBACK (kind_toggled_cb), self);
      gtk_box_append (self->filter_box, check);
    }
  check = gtk_check_button_new_with_label (_("Hide actors without connections"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), self->hide_isolated);
  g_signal_connect (check, "toggled", G_CALLBACK (isolated_toggled_cb), self);
  gtk_box_append (self->filter_box, check);

  _lt_graph_page_add_label (self->filter_box, _("Connections"), "heading");
  for (guint i = 0; types[i] != NULL; i++)
    {
      check = gtk_check_button_new_with_label (lt_graph_edge_type_get_label (types[i]));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      g_object_set_data (G_OBJECT (check), "bit", GUINT_TO_POINTER (i));
      g_signal_connect (check, "toggled", G_CALLBACK (edge_type_toggled_cb), self);
      gtk_box_append (self->filter_box, check);
    }
}

/* Following the timeline */

static void
follow_now (LtGraphPage *self)
{
  gint64 start;
  gint64 end;

  g_clear_handle_id (&self->follow_id, g_source_remove);
  if (!self->has_timeline_window || !gtk_toggle_button_get_active (self->follow_button))
    return;

  /* the days the timeline shows, even in part; its right edge is the start of a day it does
   * not show */
  start = (gint64) floor (self->timeline_start);
  end = MAX ((gint64) ceil (self->timeline_end) - 1, start);
  if (start == self->followed_start && end == self->followed_end)
    return;
  self->followed_start = start;
  self->followed_end = end;
  lt_graph_page_set_period (self, start, end);
}

static gboolean
follow_timeout_cb (gpointer user_data)
{
  LtGraphPage *self = user_data;

  self->follow_id = 0;
  follow_now (self);
  return G_SOURCE_REMOVE;
}

static void
follow_toggled_cb (LtGraphPage *self)
{
  gboolean follow = gtk_toggle_button_get_active (self->follow_button);

  gtk_widget_set_sensitive (GTK_WIDGET (self->from_entry), !follow);
  gtk_widget_set_sensitive (GTK_WIDGET (self->to_entry), !follow);
  g_clear_handle_id (&self->follow_id, g_source_remove);
  self->followed_start = G_MININT64;
  self->followed_end = G_MININT64;
  if (follow)
    {
      /* keep what the user typed, to give it back when following stops */
      g_free (self->saved_from);
      g_free (self->saved_to);
      self->saved_from = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->from_entry)));
      self->saved_to = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->to_entry)));
      follow_now (self);
    }
  else
    {
      gtk_editable_set_text (GTK_EDITABLE (self->from_entry),
                             self->saved_from != NULL ? self->saved_from : "");
      gtk_editable_set_text (GTK_EDITABLE (self->to_entry),
                             self->saved_to != NULL ? self->saved_to : "");
      g_clear_pointer (&self->saved_from, g_free);
      g_clear_pointer (&self->saved_to, g_free);
      _lt_graph_page_window_changed (self);
    }
  _lt_graph_page_update_period_button (self);
  _lt_graph_page_notify_follow_timeline (self);
}

void
_lt_graph_page_filters_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, period_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, period_closed_cb);
  gtk_widget_class_bind_template_callback (widget_class, follow_toggled_cb);
}

/**
 * lt_graph_page_get_period:
 * @self: a graph page
 * @start_day: (out): the first day the graph shows (days since 1970-01-01), or %G_MININT64
 * @end_day: (out): the last day, or %G_MAXINT64
 *
 * Gets the period the graph was last built for: typed in, or the timeline's while following.
 *
 * Returns: whether the graph is restricted to a period
 */
gboolean
lt_graph_page_get_period (LtGraphPage *self,
                          gint64      *start_day,
                          gint64      *end_day)
{
  LtDate date;

  g_return_val_if_fail (LT_IS_GRAPH_PAGE (self), FALSE);

  /* the period the graph shows, which a hidden page may not have built yet */
  _lt_graph_page_ensure_built (self);
  *start_day = G_MININT64;
  *end_day = G_MAXINT64;
  if (self->applied_from != NULL && lt_date_parse (self->applied_from, &date, NULL))
    *start_day = lt_date_first_day (&date);
  if (self->applied_to != NULL && lt_date_parse (self->applied_to, &date, NULL))
    *end_day = lt_date_last_day (&date);

  return *start_day != G_MININT64 || *end_day != G_MAXINT64;
}

/**
 * lt_graph_page_set_period:
 * @self: a graph page
 * @start_day: first day of the period (days since 1970-01-01), or %G_MININT64 for no start
 * @end_day: last day, or %G_MAXINT64 for no end
 *
 * Restricts the graph to what holds in a period, as if the dates had been typed in; e.g. the
 * timeline's visible window, if the window forwards it.
 */
void
lt_graph_page_set_period (LtGraphPage *self,
                          gint64       start_day,
                          gint64       end_day)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_if_fail (LT_IS_GRAPH_PAGE (self));

  if (start_day != G_MININT64)
    {
      gint32 y;
      guint m;
      guint d;

      lt_days_to_ymd (start_day, &y, &m, &d);
      from = g_strdup_printf ("%04d-%02u-%02u", y, m, d);
    }
  if (end_day != G_MAXINT64)
    {
      gint32 y;
      guint m;
      guint d;

      lt_days_to_ymd (end_day, &y, &m, &d);
      to = g_strdup_printf ("%04d-%02u-%02u", y, m, d);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from != NULL ? from : "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to != NULL ? to : "");
  _lt_graph_page_window_changed (self);
}

/**
 * lt_graph_page_set_timeline_window:
 * @self: a graph page
 * @start_day: the day at the timeline's left edge (days since 1970-01-01, fractional)
 * @end_day: the day at its right edge
 *
 * Tells the page which window of time the timeline shows; the window forwards it, so the pages
 * need not know each other. While the page follows the timeline, the graph shows that period
 * once the window has rested for a moment, so panning does not rebuild it every frame.
 */
void
lt_graph_page_set_timeline_window (LtGraphPage *self,
                                   double       start_day,
                                   double       end_day)
{
  g_return_if_fail (LT_IS_GRAPH_PAGE (self));

  if (!isfinite (start_day) || !isfinite (end_day) || end_day < start_day)
    return;
  self->has_timeline_window = TRUE;
  self->timeline_start = start_day;
  self->timeline_end = end_day;
  if (!gtk_toggle_button_get_active (self->follow_button))
    return;
  g_clear_handle_id (&self->follow_id, g_source_remove);
  self->follow_id = g_timeout_add (FOLLOW_DELAY_MS, follow_timeout_cb, self);
}

/**
 * lt_graph_page_set_follow_timeline:
 * @self: a graph page
 * @follow: whether the graph shows the timeline's visible window
 *
 * Switches following on (the From and To entries give way to the timeline's window) or off
 * (they rule again, with what they held before).
 */
void
lt_graph_page_set_follow_timeline (LtGraphPage *self,
                                   gboolean     follow)
{
  g_return_if_fail (LT_IS_GRAPH_PAGE (self));

  gtk_toggle_button_set_active (self->follow_button, follow);
}

/**
 * lt_graph_page_get_follow_timeline:
 * @self: a graph page
 *
 * Returns: whether the graph follows the timeline's visible window
 */
gboolean
lt_graph_page_get_follow_timeline (LtGraphPage *self)
{
  g_return_val_if_fail (LT_IS_GRAPH_PAGE (self), FALSE);

  return gtk_toggle_button_get_active (self->follow_button);
}

