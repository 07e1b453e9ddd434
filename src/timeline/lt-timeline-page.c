/* lt-timeline-page.c: LtTimelinePage, the timeline page: search, filters, lanes and details
 * around the view, which draws the LtTimelineData the page sets them on
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-timeline-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "lt-model.h"
#include "lt-record-tag.h"
#include "lt-timeline-page.h"
#include "lt-timeline-view.h"

#define SEARCH_LIMIT 100000

struct _LtTimelinePage
{
  GtkWidget       parent_instance;

  LtStore        *store;
  GSignalGroup   *store_signals;   /* "changed" of whichever store is shown */
  LtTimelineData *data;            /* what the view shows: filters and lanes are set on it */
  GArray         *actor_ids;       /* gint64, parallel to the actor drop-down (0 first) */
  GPtrArray      *category_checks;
  gint64          actor_id;
  gboolean        updating;
  guint           search_id;

  /* the visible window, told to listeners at most once per frame */
  double          visible_start;
  double          visible_end;
  guint           window_tick_id;
  guint           window_idle_id;

  /* template */
  GtkSearchBar   *search_bar;
  GtkSearchEntry *search_entry;
  GtkEntry       *date_entry;
  GtkDropDown    *lane_dropdown;
  GtkMenuButton  *category_button;
  GtkBox         *category_box;
  GtkDropDown    *actor_dropdown;
  GtkLabel       *match_label;
  GtkToggleButton *hide_button;
  GtkToggleButton *figures_button;
  AdwFlap        *flap;
  LtTimelineView *view;
  GtkStack       *details_stack;
  GtkBox         *details_box;
};

G_DEFINE_FINAL_TYPE (LtTimelinePage, lt_timeline_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  VISIBLE_WINDOW_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The shared vocabulary's label, or its key if the store does not know it */
static const char *
label_or_key (const char *label,
              const char *key)
{
  return label != NULL ? label : key;
}

static char *
format_figure (const LtFigure *figure)
{
  g_autofree char *value = lt_format_number (figure->value);

  if (g_strcmp0 (figure->qualifier, "about") == 0)
    /* Translators: a figure: "about 40,000" */
    return g_strdup_printf (C_("figure", "about %s"), value);
  if (g_strcmp0 (figure->qualifier, "more than") == 0)
    /* Translators: a figure: "more than 500" */
    return g_strdup_printf (C_("figure", "more than %s"), value);
  if (g_strcmp0 (figure->qualifier, "at least") == 0)
    /* Translators: a figure: "at least 1,405" */
    return g_strdup_printf (C_("figure", "at least %s"), value);

  return g_steal_pointer (&value);
}

/* Filtering */

static void
update_match_label (LtTimelinePage *self)
{
  guint total = lt_timeline_data_get_n_events (self->data);
  guint matched = lt_timeline_data_get_n_matched (self->data);
  g_autofree char *text = NULL;

  /* no filter while loading (a search waits for the events): the counts' total is exact */
  if (!lt_timeline_data_is_loading (self->data) &&
      lt_timeline_index_has_filter (lt_timeline_data_get_index (self->data)) && matched == 0)
    /* Translators: a search or filter found nothing: "None of 33 events match" */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "None of %u event matches",
                                         "None of %u events match", total),
                            total);
  else if (!lt_timeline_data_is_loading (self->data) &&
           lt_timeline_index_has_filter (lt_timeline_data_get_index (self->data)))
    /* Translators: "5 of 33 events match" */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u event matches",
                                         "%u of %u events match", total),
                            matched, total);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event", "%u events", total), total);

  gtk_label_set_label (self->match_label, text);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 ia = *(const gint64 *) a;
  gint64 ib = *(const gint64 *) b;

  return ia < ib ? -1 : ia > ib;
}

static GArray *
search_event_ids (LtTimelinePage *self,
                  const char     *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) hits = lt_store_search (self->store, text, SEARCH_LIMIT, &error);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n_actors = 0;

  if (hits == NULL)
    {
      g_debug ("Search for “%s” failed: %s", text, error->message);
      return ids;
    }

  for (guint i = 0; i < hits->len; i++)
    {
      const LtSearchHit *hit = &g_array_index (hits, LtSearchHit, i);

      if (hit->kind == LT_RECORD_EVENT)
        g_array_append_val (ids, hit->id);
      else if (hit->kind == LT_RECORD_ACTOR && n_actors++ < 5)
        {
          /* finding an actor finds the events it took part in */
          g_autoptr(LtEventFilter) filter = lt_event_filter_new ();
          g_autoptr(GArray) spans = NULL;

          filter->actor_id = hit->id;
          filter->include_restricted = TRUE;
          spans = lt_store_dup_event_spans (self->store, filter, NULL);
          for (guint j = 0; spans != NULL && j < spans->len; j++)
            g_array_append_val (ids, g_array_index (spans, LtEventSpan, j).id);
        }
    }

  return ids;
}

static void
apply_filter (LtTimelinePage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GPtrArray) categories = g_ptr_array_new ();
  const char * const *keys = lt_category_list_keys ();
  gboolean some_categories = FALSE;
  gboolean searching;
  g_autoptr(GArray) ids = NULL;

  if (self->store == NULL)
    return;

  for (guint i = 0; i < self->category_checks->len; i++)
    {
      if (gtk_check_button_get_active (g_ptr_array_index (self->category_checks, i)))
        g_ptr_array_add (categories, (gpointer) keys[i]);
      else
        some_categories = TRUE;
    }
  g_ptr_array_add (categories, NULL);

  searching = gtk_search_bar_get_search_mode (self->search_bar) && text != NULL && text[0] != '\0';

  /* categories are filtered from the spans the data has; the actor and the search ask the
   * store, and an event must pass all of them */
  lt_timeline_data_set_categories (self->data, some_categories ? (const char * const *) categories->pdata : NULL);

  if (!searching && self->actor_id == 0)
    {
      lt_timeline_data_set_matches (self->data, NULL);
    }
  else
    {
      g_autoptr(GArray) found = NULL;

      if (self->actor_id != 0)
        {
          g_autoptr(LtEventFilter) filter = lt_event_filter_new ();
          g_autoptr(GArray) spans = NULL;

          filter->include_restricted = TRUE;
          filter->actor_id = self->actor_id;
          spans = lt_store_dup_event_spans (self->store, filter, NULL);
          ids = g_array_new (FALSE, FALSE, sizeof (gint64));
          for (guint i = 0; spans != NULL && i < spans->len; i++)
            g_array_append_val (ids, g_array_index (spans, LtEventSpan, i).id);
        }

      if (searching)
        {
          found = search_event_ids (self, text);
          g_array_sort (found, compare_ids);
        }

      if (ids != NULL && found != NULL)
        {
          g_autoptr(GArray) both = g_array_new (FALSE, FALSE, sizeof (gint64));
          guint a = 0, b = 0;

          /* what the search finds among the actor's events */
          g_array_sort (ids, compare_ids);
          while (a < ids->len && b < found->len)
            {
              gint64 x = g_array_index (ids, gint64, a);
              gint64 y = g_array_index (found, gint64, b);

              if (x == y)
                {
                  if (both->len == 0 || g_array_index (both, gint64, both->len - 1) != x)
                    g_array_append_val (both, x);
                  a++;
                  b++;
                }
              else if (x < y)
                a++;
              else
                b++;
            }
          g_clear_pointer (&ids, g_array_unref);
          ids = g_steal_pointer (&both);
        }
      else if (found != NULL)
        ids = g_steal_pointer (&found);

      lt_timeline_data_set_matches (self->data, ids);
    }

  gtk_menu_button_set_label (self->category_button,
                             some_categories ? _("Some Categories") : _("Categories"));
  update_match_label (self);
}

static gboolean
search_timeout_cb (gpointer user_data)
{
  LtTimelinePage *self = user_data;

  self->search_id = 0;
  apply_filter (self);

  return G_SOURCE_REMOVE;
}

static void
search_changed_cb (LtTimelinePage *self,
                   GtkSearchEntry *entry)
{
  g_clear_handle_id (&self->search_id, g_source_remove);
  self->search_id = g_timeout_add (150, search_timeout_cb, self);
}

static void
stop_search_cb (LtTimelinePage *self,
                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  apply_filter (self);
}

static void
search_mode_changed_cb (LtTimelinePage *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    apply_filter (self);
}

static void
category_toggled_cb (LtTimelinePage *self)
{
  if (!self->updating)
    apply_filter (self);
}

static void
actor_changed_cb (LtTimelinePage *self)
{
  guint selected = gtk_drop_down_get_selected (self->actor_dropdown);

  if (self->updating || self->actor_ids == NULL)
    return;

  if (selected < self->actor_ids->len)
    self->actor_id = g_array_index (self->actor_ids, gint64, selected);
  else
    self->actor_id = 0;
  apply_filter (self);
}

static void
lane_mode_changed_cb (LtTimelinePage *self)
{
  static const LtLaneMode modes[] = { LT_LANE_MODE_CATEGORY, LT_LANE_MODE_ACTOR, LT_LANE_MODE_PLACE };
  guint selected = gtk_drop_down_get_selected (self->lane_dropdown);

  if (selected < G_N_ELEMENTS (modes))
    lt_timeline_data_set_lane_mode (self->data, modes[selected]);
}

static void
hide_toggled_cb (LtTimelinePage  *self,
                 GtkToggleButton *button)
{
  lt_timeline_data_set_hide_unmatched (self->data, gtk_toggle_button_get_active (button));
}

static void
figures_toggled_cb (LtTimelinePage  *self,
                    GtkToggleButton *button)
{
  lt_timeline_data_set_figures (self->data,
                                gtk_toggle_button_get_active (button) ? "political-prisoners" : NULL);
}

/* Dates */

static gboolean
parse_date (const char *text,
            LtDate     *date)
{
  g_autoptr(GDate) gdate = NULL;

  if (text == NULL || text[0] == '\0')
    return FALSE;
  if (lt_date_parse (text, date, NULL))
    return TRUE;

  /* "14.07.2021", "7/14/2021": the locale's own order */
  gdate = g_date_new ();
  g_date_set_parse (gdate, text);
  if (!g_date_valid (gdate))
    return FALSE;
  lt_date_init_ymd (date, g_date_get_year (gdate), g_date_get_month (gdate),
                    g_date_get_day (gdate));

  return TRUE;
}

static void
date_activate_cb (LtTimelinePage *self,
                  GtkEntry       *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  LtDate date;
  double first, last;

  if (!parse_date (text, &date))
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_error_bell (GTK_WIDGET (entry));
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  first = lt_date_first_day (&date);
  last = lt_date_last_day (&date) + 1;

  /* a year or a month fills the view; a day shows with a day either side */
  if (date.precision == LT_PRECISION_DAY)
    lt_timeline_view_set_window (self->view, first - 1, last + 1, TRUE);
  else
    lt_timeline_view_set_window (self->view, first - (last - first) * 0.04,
                                 last + (last - first) * 0.04, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
date_changed_cb (LtTimelinePage *self,
                 GtkEntry       *entry)
{
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
}

/* Details */

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);

  return label;
}

static GtkWidget *
wrapped_label (const char *text,
               const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static GtkWidget *
boxed_list (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  return list;
}

static void
actor_row_activated_cb (AdwActionRow *row,
                        gpointer      user_data)
{
  LtTimelinePage *self = user_data;
  gint64 actor_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "actor-id"));

  lt_timeline_page_filter_actor (self, actor_id);
}

static void
show_in_graph_clicked_cb (GtkButton *button,
                          gpointer   user_data)
{
  gint64 actor_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "actor-id"));

  gtk_widget_activate_action (GTK_WIDGET (button), "win.show-actor-in-graph", "x", actor_id);
}

/* Edit and Delete act on the selected event through the window */
static GtkWidget *
record_buttons (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *button;

  gtk_widget_set_halign (box, GTK_ALIGN_END);
  gtk_widget_set_margin_top (box, 6);

  button = gtk_button_new_with_mnemonic (_("_Delete"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.delete-event");
  gtk_widget_set_tooltip_text (button, _("Delete the Event (Delete)"));
  gtk_box_append (GTK_BOX (box), button);

  button = gtk_button_new_with_mnemonic (_("_Edit…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.edit-event");
  gtk_widget_set_tooltip_text (button, _("Edit the Event (F2)"));
  gtk_box_append (GTK_BOX (box), button);

  return box;
}

static void
show_details (LtTimelinePage *self,
              gint64          event_id)
{
  g_autoptr(LtEvent) event = NULL;
  g_autoptr(GPtrArray) participants = NULL;
  GPtrArray *figures;
  GtkWidget *child;
  GtkWidget *list;
  g_autofree char *date = NULL;
  const char *place;
  const char *summary;
  const char *category;
  GPtrArray *citations;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->details_box))) != NULL)
    gtk_box_remove (self->details_box, child);

  if (self->store != NULL && event_id != 0)
    event = lt_store_lookup_event (self->store, event_id);

  if (event == NULL)
    {
      gtk_stack_set_visible_child_name (self->details_stack, "empty");
      return;
    }

  if (lt_record_is_restricted (LT_RECORD (event)))
    gtk_box_append (self->details_box, lt_restricted_tag_new ());

  child = wrapped_label (lt_event_get_title (event), "title-2");
  gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LEVEL, 1, -1);
  gtk_box_append (self->details_box, child);

  date = lt_date_range_format (lt_event_get_date_range (event));
  category = lt_event_get_category (event);
  place = lt_event_get_place (event);
  {
    g_autoptr(GString) line = g_string_new (date);
    int index = category ? lt_category_get_index (category) : -1;

    if (index >= 0)
      g_string_append_printf (line, " · %s", lt_timeline_category_get_label ((guint) index));
    if (place != NULL && place[0] != '\0')
      g_string_append_printf (line, " · %s", place);
    gtk_box_append (self->details_box, wrapped_label (line->str, "dim-label"));
  }

  summary = lt_event_get_summary (event);
  if (summary != NULL && summary[0] != '\0')
    gtk_box_append (self->details_box, wrapped_label (summary, "body"));

  participants = lt_event_list_participants (event);
  if (participants != NULL && participants->len > 0)
    {
      gtk_box_append (self->details_box, heading (_("Actors")));
      list = boxed_list ();
      for (guint i = 0; i < participants->len; i++)
        {
          const LtParticipant *p = g_ptr_array_index (participants, i);
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *button = gtk_button_new_from_icon_name ("lt-graph-symbolic");

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                         p->actor_name ? p->actor_name : "");
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                       label_or_key (lt_role_get_label (p->role), p->role));
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          gtk_widget_set_tooltip_text (row, _("Show only this actor’s events"));
          g_object_set_data (G_OBJECT (row), "actor-id", GSIZE_TO_POINTER (p->actor_id));
          g_signal_connect (row, "activated", G_CALLBACK (actor_row_activated_cb), self);

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (button, "flat");
          gtk_widget_set_tooltip_text (button, _("Show in Graph"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Show in Graph"), -1);
          g_object_set_data (G_OBJECT (button), "actor-id", GSIZE_TO_POINTER (p->actor_id));
          g_signal_connect (button, "clicked", G_CALLBACK (show_in_graph_clicked_cb), NULL);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

          gtk_list_box_append (GTK_LIST_BOX (list), row);
        }
      gtk_box_append (self->details_box, list);
    }

  figures = lt_event_get_figures (event);
  if (figures != NULL && figures->len > 0)
    {
      gtk_box_append (self->details_box, heading (_("Figures")));
      list = boxed_list ();
      for (guint i = 0; i < figures->len; i++)
        {
          const LtFigure *f = g_ptr_array_index (figures, i);
          GtkWidget *row = adw_action_row_new ();
          g_autofree char *value = format_figure (f);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), value);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                       label_or_key (lt_figure_kind_get_label (f->counts), f->counts));
          gtk_widget_add_css_class (row, "property");
          gtk_list_box_append (GTK_LIST_BOX (list), row);
        }
      gtk_box_append (self->details_box, list);
    }

  citations = lt_event_get_citations (event);
  gtk_box_append (self->details_box, heading (_("Sources")));
  if (citations == NULL || citations->len == 0)
    gtk_box_append (self->details_box, wrapped_label (_("No sources cited"), "dim-label"));
  else
    {
      list = boxed_list ();
      for (guint i = 0; i < citations->len; i++)
        {
          const LtCitation *c = g_ptr_array_index (citations, i);
          GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
          g_autoptr(GString) meta = g_string_new (NULL);
          g_autofree char *source_date = lt_date_range_format_text (c->source_date);
          /* the note in the UI language, the English one where it has no translation */
          const char *note = c->display_note != NULL ? c->display_note : c->note;
          GtkWidget *title = wrapped_label (c->source_title ? c->source_title : "", NULL);

          gtk_widget_add_css_class (title, "heading");
          gtk_box_append (GTK_BOX (box), title);
          if (c->publisher && c->publisher[0])
            g_string_append (meta, c->publisher);
          if (source_date != NULL)
            g_string_append_printf (meta, "%s%s", meta->len ? " · " : "", source_date);
          if (c->locator && c->locator[0])
            g_string_append_printf (meta, "%s%s", meta->len ? " · " : "", c->locator);
          if (meta->len > 0)
            gtk_box_append (GTK_BOX (box), wrapped_label (meta->str, "caption"));
          if (note != NULL && note[0] != '\0')
            gtk_box_append (GTK_BOX (box), wrapped_label (note, "dim-label"));
          gtk_widget_set_margin_start (box, 12);
          gtk_widget_set_margin_end (box, 12);
          gtk_widget_set_margin_top (box, 9);
          gtk_widget_set_margin_bottom (box, 9);
          gtk_list_box_append (GTK_LIST_BOX (list), box);
        }
      gtk_box_append (self->details_box, list);
    }

  gtk_box_append (self->details_box, record_buttons ());

  gtk_stack_set_visible_child_name (self->details_stack, "details");
}

static void
selected_changed_cb (LtTimelinePage *self)
{
  show_details (self, lt_timeline_view_get_selected_event (self->view));
}

static void
event_activated_cb (LtTimelinePage *self,
                    gint64          event_id)
{
  adw_flap_set_reveal_flap (self->flap, TRUE);
}

/* The toolbar's zoom buttons sit outside the view, where its own actions cannot be found */
static void
forward_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LtTimelinePage *self = LT_TIMELINE_PAGE (widget);

  gtk_widget_activate_action_variant (GTK_WIDGET (self->view), action_name, parameter);
}

/* Store */

static void
populate_actors (LtTimelinePage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GListModel) actors = NULL;
  guint selected = 0;

  self->updating = TRUE;
  g_array_set_size (self->actor_ids, 0);
  gtk_string_list_append (names, _("All Actors"));
  g_array_append_val (self->actor_ids, (gint64) { 0 });

  if (self->store != NULL)
    {
      actors = lt_store_list_actors (self->store, NULL);
      for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
        {
          g_autoptr(LtActor) actor = g_list_model_get_item (actors, i);
          gint64 id = lt_record_get_id (LT_RECORD (actor));

          gtk_string_list_append (names, lt_actor_get_name (actor));
          g_array_append_val (self->actor_ids, id);
          if (id == self->actor_id)
            selected = i + 1;
        }
    }

  gtk_drop_down_set_model (self->actor_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->actor_dropdown, selected);
  if (selected == 0)
    self->actor_id = 0;
  self->updating = FALSE;
}

static void
store_changed_cb (LtTimelinePage *self,
                  const char     *table,
                  gint64          id,
                  int             change,
                  LtStore        *store)
{
  if (g_strcmp0 (table, "actors") == 0 || change == LT_CHANGE_RELOADED)
    populate_actors (self);
  apply_filter (self);
  show_details (self, lt_timeline_view_get_selected_event (self->view));
}

/* The category list doubles as the legend: each category with its colour and shape */
static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  guint category = GPOINTER_TO_UINT (user_data);
  LtTimelinePalette palette;

  lt_timeline_palette_init (&palette,
                            adw_style_manager_get_dark (adw_style_manager_get_default ()));
  lt_timeline_draw_shape (cr, lt_timeline_category_get_shape (category), width / 2.0, height / 2.0,
                          MIN (width, height) - 2);
  gdk_cairo_set_source_rgba (cr, &palette.categories[category % LT_TIMELINE_N_CATEGORY_STYLES]);
  cairo_fill (cr);
}

static void
populate_categories (LtTimelinePage *self)
{
  const char * const *keys = lt_category_list_keys ();

  for (guint i = 0; keys[i] != NULL; i++)
    {
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *swatch = gtk_drawing_area_new ();
      GtkWidget *label = gtk_label_new (lt_timeline_category_get_label (i));

      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 14);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 14);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch, GUINT_TO_POINTER (i),
                                      NULL);
      gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), swatch);
      gtk_box_append (GTK_BOX (box), label);
      gtk_check_button_set_child (GTK_CHECK_BUTTON (check), box);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      lt_timeline_category_get_label (i), -1);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (category_toggled_cb), self);
      gtk_box_append (self->category_box, check);
      g_ptr_array_add (self->category_checks, check);
    }
}

/* The visible window: the view says so for every redraw (each pixel of a drag); listeners
 * hear it once per frame, and only when the window really moved */

static void
tell_visible_window (LtTimelinePage *self)
{
  double start;
  double end;

  lt_timeline_painter_get_window (lt_timeline_view_get_painter (self->view), &start, &end);
  if (start == self->visible_start && end == self->visible_end)
    return;
  self->visible_start = start;
  self->visible_end = end;
  g_signal_emit (self, signals[VISIBLE_WINDOW_CHANGED], 0, start, end);
}

static gboolean
window_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  LtTimelinePage *self = user_data;

  self->window_tick_id = 0;
  g_clear_handle_id (&self->window_idle_id, g_source_remove);
  tell_visible_window (self);
  return G_SOURCE_REMOVE;
}

static gboolean
window_idle_cb (gpointer user_data)
{
  LtTimelinePage *self = user_data;

  self->window_idle_id = 0;
  if (self->window_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self->view), self->window_tick_id);
      self->window_tick_id = 0;
    }
  tell_visible_window (self);
  return G_SOURCE_REMOVE;
}

static void
view_window_changed_cb (LtTimelinePage *self)
{
  if (self->window_idle_id != 0)
    return;
  /* on screen, at the next frame; hidden (another page shows, or a pending frame may never
   * come), from an idle */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self->view)))
    self->window_idle_id = g_idle_add (window_idle_cb, self);
  else if (self->window_tick_id == 0)
    self->window_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->view), window_tick_cb,
                                                         self, NULL);
}

/* GObject */

static void
lt_timeline_page_dispose (GObject *object)
{
  LtTimelinePage *self = (LtTimelinePage *) object;
  GtkWidget *child;

  g_clear_handle_id (&self->search_id, g_source_remove);
  g_clear_handle_id (&self->window_idle_id, g_source_remove);
  if (self->window_tick_id != 0 && self->view != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->view), self->window_tick_id);
  self->window_tick_id = 0;
  g_clear_object (&self->store_signals);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), LT_TYPE_TIMELINE_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->data);

  G_OBJECT_CLASS (lt_timeline_page_parent_class)->dispose (object);
}

static void
lt_timeline_page_finalize (GObject *object)
{
  LtTimelinePage *self = (LtTimelinePage *) object;

  g_clear_pointer (&self->actor_ids, g_array_unref);
  g_clear_pointer (&self->category_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (lt_timeline_page_parent_class)->finalize (object);
}

static void
lt_timeline_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LtTimelinePage *self = LT_TIMELINE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lt_timeline_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LtTimelinePage *self = LT_TIMELINE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      lt_timeline_page_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lt_timeline_page_class_init (LtTimelinePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lt_timeline_page_dispose;
  object_class->finalize = lt_timeline_page_finalize;
  object_class->get_property = lt_timeline_page_get_property;
  object_class->set_property = lt_timeline_page_set_property;

  /**
   * LtTimelinePage:store:
   *
   * The store whose events the page shows.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         LT_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LtTimelinePage::visible-window-changed:
   * @self: the page
   * @start_day: the day at the left edge (days since 1970-01-01, fractional)
   * @end_day: the day at the right edge
   *
   * Emitted when the timeline shows another window of time: at most once per frame while the
   * user pans or zooms.
   */
  signals[VISIBLE_WINDOW_CHANGED] = g_signal_new ("visible-window-changed",
                                                  G_TYPE_FROM_CLASS (klass),
                                                  G_SIGNAL_RUN_LAST,
                                                  0, NULL, NULL, NULL,
                                                  G_TYPE_NONE, 2, G_TYPE_DOUBLE, G_TYPE_DOUBLE);

  g_type_ensure (LT_TYPE_TIMELINE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/letapis/Letapis/timeline/lt-timeline-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LtTimelinePage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, LtTimelinePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LtTimelinePage, date_entry);
  gtk_widget_class_bind_template_child (widget_class, LtTimelinePage, lane_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LtTimelinePage, category_button);
  gtk_widget_class_bind_template_child (widget_class, LtTimelinePage, category_box);
  gtk_widget_class_bind_template_child (widget_class, LtTimelinePage, actor_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LtTimelinePage, match_label);
  gtk_widget_class_bind_template_child (widget_class, LtTimelinePage, hide_button);
  gtk_widget_class_bind_template_child (widget_class, LtTimelinePage, figures_button);
  gtk_widget_class_bind_template_child (widget_class, LtTimelinePage, flap);
  gtk_widget_class_bind_template_child (widget_class, LtTimelinePage, view);
  gtk_widget_class_bind_template_child (widget_class, LtTimelinePage, details_stack);
  gtk_widget_class_bind_template_child (widget_class, LtTimelinePage, details_box);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, lane_mode_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, actor_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, hide_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, figures_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, event_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, selected_changed_cb);

  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-to-fit", NULL, forward_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
lt_timeline_page_init (LtTimelinePage *self)
{
  g_autoptr(GtkExpression) expression = NULL;

  self->actor_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->category_checks = g_ptr_array_new ();
  self->store_signals = g_signal_group_new (LT_TYPE_STORE);
  g_signal_group_connect_swapped (self->store_signals, "changed", G_CALLBACK (store_changed_cb), self);
  /* one data for the page's filters and the view that draws them; the big file's events are
   * read in a thread while the first frames draw their counts */
  self->data = lt_timeline_data_new ();
  lt_timeline_data_set_load_async (self->data, TRUE);
  lt_timeline_data_set_figures (self->data, "political-prisoners");

  gtk_widget_init_template (GTK_WIDGET (self));
  lt_timeline_view_set_data (self->view, self->data);

  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->actor_dropdown, expression);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect_swapped (self->search_bar, "notify::search-mode-enabled",
                            G_CALLBACK (search_mode_changed_cb), self);
  populate_categories (self);
  populate_actors (self);
  update_match_label (self);
  g_signal_connect_object (self->data, "loaded", G_CALLBACK (update_match_label), self,
                           G_CONNECT_SWAPPED);

  lt_timeline_painter_get_window (lt_timeline_view_get_painter (self->view), &self->visible_start,
                                  &self->visible_end);
  g_signal_connect_object (self->view, "window-changed", G_CALLBACK (view_window_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/**
 * lt_timeline_page_new:
 *
 * Returns: (transfer full): a new timeline page
 */
GtkWidget *
lt_timeline_page_new (void)
{
  return g_object_new (LT_TYPE_TIMELINE_PAGE, NULL);
}

/**
 * lt_timeline_page_set_store:
 * @self: a timeline page
 * @store: (nullable): the store to show
 */
void
lt_timeline_page_set_store (LtTimelinePage *self,
                            LtStore        *store)
{
  g_return_if_fail (LT_IS_TIMELINE_PAGE (self));
  g_return_if_fail (store == NULL || LT_IS_STORE (store));

  if (self->store == store)
    return;

  g_set_object (&self->store, store);
  g_signal_group_set_target (self->store_signals, store);

  self->actor_id = 0;
  lt_timeline_view_set_store (self->view, store);
  populate_actors (self);
  apply_filter (self);
  show_details (self, 0);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * lt_timeline_page_start_search:
 * @self: a timeline page
 *
 * Opens the search bar (Ctrl+F).
 */
void
lt_timeline_page_start_search (LtTimelinePage *self)
{
  g_return_if_fail (LT_IS_TIMELINE_PAGE (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * lt_timeline_page_select_event:
 * @self: a timeline page
 * @event_id: an event
 *
 * Scrolls to an event, selects it and shows its details.
 */
void
lt_timeline_page_select_event (LtTimelinePage *self,
                               gint64          event_id)
{
  g_return_if_fail (LT_IS_TIMELINE_PAGE (self));

  lt_timeline_view_set_selected_event (self->view, event_id);
  if (event_id != 0)
    {
      lt_timeline_view_show_event (self->view, event_id, FALSE);
      adw_flap_set_reveal_flap (self->flap, TRUE);
    }
}

/**
 * lt_timeline_page_filter_actor:
 * @self: a timeline page
 * @actor_id: an actor, or 0 to show every actor's events
 *
 * Keeps the events of one actor (the others dim, or hide).
 */
void
lt_timeline_page_filter_actor (LtTimelinePage *self,
                               gint64          actor_id)
{
  guint selected = 0;

  g_return_if_fail (LT_IS_TIMELINE_PAGE (self));

  for (guint i = 0; i < self->actor_ids->len; i++)
    if (g_array_index (self->actor_ids, gint64, i) == actor_id)
      selected = i;

  self->actor_id = selected > 0 ? actor_id : 0;
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->actor_dropdown, selected);
  self->updating = FALSE;
  apply_filter (self);
}

/**
 * lt_timeline_page_get_view:
 * @self: a timeline page
 *
 * Returns: (transfer none): the timeline view
 */
GtkWidget *
lt_timeline_page_get_view (LtTimelinePage *self)
{
  g_return_val_if_fail (LT_IS_TIMELINE_PAGE (self), NULL);

  return GTK_WIDGET (self->view);
}

/**
 * lt_timeline_page_get_filter:
 * @self: a timeline page
 * @categories: (out) (transfer full) (nullable): the categories shown, %NULL when all are
 * @search: (out) (transfer full) (nullable): the search whose matches alone are shown, %NULL
 *   when there is none or the others are only dimmed
 * @actor_id: (out): the actor the timeline is filtered to, 0 for none
 * @lanes: (out): how the events are laid out in lanes
 *
 * What the timeline shows besides its window, for the export to show the same.
 */
void
lt_timeline_page_get_filter (LtTimelinePage  *self,
                             char          ***categories,
                             char           **search,
                             gint64          *actor_id,
                             LtLaneMode      *lanes)
{
  static const LtLaneMode modes[] = { LT_LANE_MODE_CATEGORY, LT_LANE_MODE_ACTOR, LT_LANE_MODE_PLACE };
  const char * const *keys = lt_category_list_keys ();
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GStrvBuilder) shown = g_strv_builder_new ();
  gboolean all = TRUE;
  guint selected;

  g_return_if_fail (LT_IS_TIMELINE_PAGE (self));

  for (guint i = 0; i < self->category_checks->len; i++)
    {
      if (gtk_check_button_get_active (g_ptr_array_index (self->category_checks, i)))
        g_strv_builder_add (shown, keys[i]);
      else
        all = FALSE;
    }
  *categories = all ? NULL : g_strv_builder_end (shown);

  /* dimmed events are still shown; an image cannot dim, so it shows them too */
  *search = gtk_search_bar_get_search_mode (self->search_bar) && text != NULL && text[0] != '\0'
            && gtk_toggle_button_get_active (self->hide_button) ? g_strdup (text) : NULL;
  *actor_id = self->actor_id;
  selected = gtk_drop_down_get_selected (self->lane_dropdown);
  *lanes = selected < G_N_ELEMENTS (modes) ? modes[selected] : LT_LANE_MODE_CATEGORY;
}

/**
 * lt_timeline_page_get_visible_window:
 * @self: a timeline page
 * @start_day: (out) (optional): the day at the left edge (days since 1970-01-01, fractional)
 * @end_day: (out) (optional): the day at the right edge
 *
 * Gets the window of time the timeline shows now.
 */
void
lt_timeline_page_get_visible_window (LtTimelinePage *self,
                                     double         *start_day,
                                     double         *end_day)
{
  g_return_if_fail (LT_IS_TIMELINE_PAGE (self));

  lt_timeline_painter_get_window (lt_timeline_view_get_painter (self->view), start_day, end_day);
}
