/* test-graph-page.c: the Organizations page under Xvfb
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With LETAPIS_GRAPH_SCREENSHOTS=DIR it also imports the bundled chronicle and writes
 * DIR/graph-whole-LANG.png and DIR/graph-viasna-LANG.png for en and be, in a window 1280 pixels
 * wide or LETAPIS_GRAPH_SCREENSHOT_WIDTH.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>

#include "lt-graph-page.h"
#include "lt-graph-view.h"
#include "lt-model.h"
#include "lt-timeline-page.h"
#include "lt-timeline-view.h"
#include "widget-test-util.h"

static AdwApplication *app;
static gint64 shown_event;

static void
show_event_cb (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  shown_event = g_variant_get_int64 (param);
}

static LtStore *
open_chronicle (const char *dir,
                const char *lang)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  LtStore *store = lt_store_open (":memory:", &error);

  g_assert_no_error (error);
  lt_store_set_language (store, lang);
  lt_store_import_chronicle (store, file, &error);
  g_assert_no_error (error);
  return store;
}

static GtkWidget *
find_paned (GtkWidget *w)
{
  if (GTK_IS_PANED (w))
    return w;
  for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_paned (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
make_window (GtkWidget **page_out)
{
  const char *width = g_getenv ("LETAPIS_GRAPH_SCREENSHOT_WIDTH");
  static const GActionEntry entries[] = {
    { "show-event", show_event_cb, "x", NULL, NULL },
    { "show-actor-on-timeline", show_event_cb, "x", NULL, NULL },
  };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = lt_graph_page_new ();
  GSimpleActionGroup *group = g_simple_action_group_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), NULL);
  gtk_widget_insert_action_group (window, "win", G_ACTION_GROUP (group));
  g_object_unref (group);
  /* the screenshots can be taken at narrower widths, to see that the toolbar still fits */
  gtk_window_set_default_size (GTK_WINDOW (window), width != NULL ? atoi (width) : 1280, 800);
  gtk_window_set_child (GTK_WINDOW (window), page);
  *page_out = page;
  return window;
}

static void
test_click_node (void)
{
  g_autoptr(LtStore) store = open_chronicle (GRAPH_FIXTURE_DIR, "en");
  GtkWidget *page;
  GtkWidget *window = make_window (&page);
  LtGraphView *view = lt_graph_page_get_view (LT_GRAPH_PAGE (page));
  GtkWidget *node;
  GtkWidget *event_label;
  GtkWidget *button;
  gint64 viasna = lt_store_find_actor (store, "viasna");
  gint64 e1 = lt_store_find_event (store, "e1");

  gtk_window_present (GTK_WINDOW (window));
  lt_graph_page_set_store (LT_GRAPH_PAGE (page), store);
  gtk_test_widget_wait_for_draw (window);

  /* the worker thread settles a 9-node graph in well under a second */
  WAIT_UNTIL (lt_graph_view_get_layout_settled (view), 10000);

  /* every node is a focusable button named "name, kind" */
  node = find_by_role (GTK_WIDGET (view), GTK_ACCESSIBLE_ROLE_BUTTON, "Viasna, Organization");
  g_assert_nonnull (node);
  g_assert_true (gtk_widget_get_focusable (node));
  g_assert_nonnull (find_by_role (GTK_WIDGET (view), GTK_ACCESSIBLE_ROLE_BUTTON, "KGB, State body"));
  g_assert_null (find_by_role (GTK_WIDGET (view), GTK_ACCESSIBLE_ROLE_BUTTON, "Secret Witness, Person"));

  /* the node sits where it is drawn */
  {
    double x;
    double y;
    graphene_rect_t bounds;

    g_assert_true (lt_graph_view_get_node_position (view, viasna, &x, &y));
    g_assert_true (gtk_widget_compute_bounds (node, GTK_WIDGET (view), &bounds));
    g_assert_true (graphene_rect_contains_point (&bounds, &GRAPHENE_POINT_INIT (x, y)));
    g_assert_cmpint (lt_graph_painter_hit_test (lt_graph_view_get_painter (view), x, y), ==,
                     lt_graph_find_node (lt_graph_view_get_graph (view), viasna));
  }

  gtk_widget_grab_focus (node);
  gtk_widget_activate (node);
  g_assert_cmpint (lt_graph_view_get_selected_actor (view), ==, viasna);

  /* the details pane shows the actor, its aliases, relations and events */
  WAIT_UNTIL (find_label (page, "Also known as: Вясна") != NULL, 2000);
  g_assert_nonnull (find_label (page, "A human rights centre."));
  /* a relation is said from the selected actor's side, naming the other one */
  g_assert_nonnull (find_label (page, "Member: Ales Bialiatski"));
  event_label = find_label (page, "14 July 2021 — Searches of rights groups");
  g_assert_nonnull (event_label);

  /* clicking an event jumps to the timeline */
  button = gtk_widget_get_ancestor (event_label, GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpint (shown_event, ==, e1);

  /* the list form lists the same nodes */
  button = find_by_role (page, GTK_ACCESSIBLE_ROLE_BUTTON, _("Show as a List"));
  g_assert_nonnull (button);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
  gtk_test_widget_wait_for_draw (window);
  WAIT_UNTIL (find_label (page, "Belarusian Helsinki Committee") != NULL, 2000);
  /* the actors get half the height, not the row or two a paned starts with */
  {
    GtkWidget *paned = find_paned (page);

    g_assert_nonnull (paned);
    g_assert_cmpint (gtk_widget_get_height (gtk_paned_get_start_child (GTK_PANED (paned))), >=,
                     gtk_widget_get_height (paned) * 2 / 5);
  }
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), FALSE);

  /* a period keeps what holds in it: the 2022 statement and the 2023 trial */
  lt_graph_page_set_period (LT_GRAPH_PAGE (page), lt_days_from_ymd (2022, 1, 1), lt_days_from_ymd (2023, 12, 31));
  g_assert_cmpuint (lt_graph_get_n_nodes (lt_graph_view_get_graph (view)), ==, 6);
  g_assert_null (find_by_role (GTK_WIDGET (view), GTK_ACCESSIBLE_ROLE_BUTTON,
                               "Belarusian Helsinki Committee, Organization"));
  /* the period button says which period, as briefly as the dates allow */
  g_assert_nonnull (find_label (page, "2022 – 2023"));
  lt_graph_page_set_period (LT_GRAPH_PAGE (page), G_MININT64, G_MAXINT64);
  g_assert_cmpuint (lt_graph_get_n_nodes (lt_graph_view_get_graph (view)), ==, 8);
  g_assert_nonnull (find_label (page, "All Time"));

  /* the neighbourhood of an actor with no connection in a period says so, instead of an empty
   * canvas, and offers the way back */
  lt_graph_page_set_neighbourhood (LT_GRAPH_PAGE (page), lt_store_find_actor (store, "bhc"), 1);
  lt_graph_page_set_period (LT_GRAPH_PAGE (page), lt_days_from_ymd (1990, 1, 1), lt_days_from_ymd (1990, 12, 31));
  g_assert_cmpuint (lt_graph_get_n_nodes (lt_graph_view_get_graph (view)), ==, 0);
  {
    GtkWidget *title = find_label (page, "No Connections in This Period");
    GtkWidget *all_time;

    g_assert_nonnull (title);
    g_assert_nonnull (find_label (page, "Belarusian Helsinki Committee has no connections with others in this period."));
    gtk_test_widget_wait_for_draw (window);
    g_assert_true (gtk_widget_get_mapped (title));
    g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (view)));
    all_time = find_by_role (page, GTK_ACCESSIBLE_ROLE_BUTTON, "Show All Time");
    g_assert_nonnull (all_time);
    g_signal_emit_by_name (all_time, "clicked");
    g_assert_cmpuint (lt_graph_get_n_nodes (lt_graph_view_get_graph (view)), >, 1);
    gtk_test_widget_wait_for_draw (window);
    g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
    lt_graph_page_set_neighbourhood (LT_GRAPH_PAGE (page), 0, 1);
    g_assert_cmpuint (lt_graph_get_n_nodes (lt_graph_view_get_graph (view)), ==, 8);
  }

  /* the counts stay in sight, over the graph */
  {
    g_autofree char *counts = g_strdup_printf ("Actors: 8, connections: %u",
                                               lt_graph_get_n_edges (lt_graph_view_get_graph (view)));
    GtkWidget *summary = find_label (page, counts);

    g_assert_nonnull (summary);
    g_assert_true (gtk_widget_get_mapped (summary));
  }

  /* dates typed in the period's popover count when it closes, or at once with Enter */
  {
    GtkWidget *period = find_by_role (page, GTK_ACCESSIBLE_ROLE_BUTTON, "Period");
    GtkWidget *popover;
    GtkWidget *from;
    GtkWidget *to;
    guint n_from_2022;

    g_assert_true (GTK_IS_MENU_BUTTON (period));
    popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (period)));
    gtk_menu_button_popup (GTK_MENU_BUTTON (period));
    from = find_by_role (page, GTK_ACCESSIBLE_ROLE_TEXT_BOX, "Start of the period");
    to = find_by_role (page, GTK_ACCESSIBLE_ROLE_TEXT_BOX, "End of the period");
    g_assert_true (gtk_widget_get_mapped (from));
    gtk_editable_set_text (GTK_EDITABLE (from), "2022-01");
    gtk_menu_button_popdown (GTK_MENU_BUTTON (period));
    g_assert_nonnull (find_label (page, "From 2022"));
    n_from_2022 = lt_graph_get_n_nodes (lt_graph_view_get_graph (view));
    g_assert_cmpuint (n_from_2022, <, 8);

    gtk_menu_button_popup (GTK_MENU_BUTTON (period));
    gtk_editable_set_text (GTK_EDITABLE (to), "2022-12-31");
    g_signal_emit_by_name (to, "activate");
    g_assert_nonnull (find_label (page, "2022"));
    g_assert_false (gtk_widget_get_visible (popover));

    /* a bad date keeps the popover open, and the period as it was */
    gtk_menu_button_popup (GTK_MENU_BUTTON (period));
    gtk_editable_set_text (GTK_EDITABLE (to), "December");
    g_signal_emit_by_name (to, "activate");
    g_assert_true (gtk_widget_has_css_class (to, "error"));
    g_assert_true (gtk_widget_get_visible (popover));
    g_assert_nonnull (find_label (page, "From 2022"));

    gtk_editable_set_text (GTK_EDITABLE (from), "");
    gtk_editable_set_text (GTK_EDITABLE (to), "");
    g_signal_emit_by_name (from, "activate");
    g_assert_false (gtk_widget_get_visible (popover));
    g_assert_nonnull (find_label (page, "All Time"));
    g_assert_cmpuint (lt_graph_get_n_nodes (lt_graph_view_get_graph (view)), ==, 8);
  }

  /* neighbourhood mode keeps Viasna and its four neighbours */
  lt_graph_page_set_neighbourhood (LT_GRAPH_PAGE (page), viasna, 1);
  g_assert_cmpuint (lt_graph_get_n_nodes (lt_graph_view_get_graph (view)), ==, 5);
  g_assert_cmpint (lt_graph_view_get_selected_actor (view), ==, viasna);

  /* deleting a relation from the store updates the graph */
  lt_graph_page_set_neighbourhood (LT_GRAPH_PAGE (page), 0, 1);
  {
    g_autoptr(GError) error = NULL;
    LtGraph *before = lt_graph_view_get_graph (view);

    g_assert_cmpint (lt_graph_find_edge (before, lt_store_find_actor (store, "lukashenko"),
                                         lt_store_find_actor (store, "kgb"), "leads"), >=, 0);
    g_assert_true (lt_store_delete_relation (store, lt_store_find_relation (store, "r2"), &error));
    g_assert_no_error (error);
    WAIT_UNTIL (lt_graph_find_edge (lt_graph_view_get_graph (view), lt_store_find_actor (store, "lukashenko"),
                                    lt_store_find_actor (store, "kgb"), "leads") < 0, 2000);
  }

  /* an actor alone, and nobody */
  lt_graph_page_set_neighbourhood (LT_GRAPH_PAGE (page), lt_store_find_actor (store, "lonely"), 1);
  g_assert_cmpuint (lt_graph_get_n_nodes (lt_graph_view_get_graph (view)), ==, 1);
  gtk_test_widget_wait_for_draw (window);
  lt_graph_page_set_neighbourhood (LT_GRAPH_PAGE (page), G_MAXINT64, 1);
  g_assert_cmpuint (lt_graph_get_n_nodes (lt_graph_view_get_graph (view)), ==, 0);
  gtk_test_widget_wait_for_draw (window);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
check_toolbar_fits (const char *locale)
{
  g_autoptr(LtStore) store = NULL;
  GtkWidget *page;
  GtkWidget *window;
  GtkWidget *label;

  if (setlocale (LC_ALL, locale) == NULL)
    {
      g_test_message ("locale %s is not generated", locale);
      return;
    }
  store = open_chronicle (GRAPH_FIXTURE_DIR, "en");
  window = make_window (&page);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 600);
  gtk_window_present (GTK_WINDOW (window));
  lt_graph_page_set_store (LT_GRAPH_PAGE (page), store);

  /* a period of whole days, as following the timeline gives: the longest label there is */
  lt_graph_page_set_period (LT_GRAPH_PAGE (page), lt_days_from_ymd (2020, 8, 9),
                            lt_days_from_ymd (2021, 7, 14));
  gtk_test_widget_wait_for_draw (window);

  /* a toolbar too wide for the window would widen it */
  g_assert_cmpint (gtk_widget_get_width (page), ==, 900);
  label = find_label (page, "2020-08-09 – 2021-07-14");
  g_assert_nonnull (label);
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))));
  label = find_label (page, _("_Neighbourhood"));
  g_assert_nonnull (label);
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))));

  gtk_window_destroy (GTK_WINDOW (window));
  setlocale (LC_ALL, "en_US.UTF-8");
}

static void
test_toolbar_fits (void)
{
  check_toolbar_fits ("en_US.UTF-8");
  check_toolbar_fits ("uk_UA.UTF-8");
  check_toolbar_fits ("be_BY.UTF-8");
}

static guint n_window_changes;
static guint n_follow_notifies;

static void
follow_notify_cb (GObject    *object,
                  GParamSpec *pspec,
                  gpointer    user_data)
{
  n_follow_notifies++;
}

/* what LtWindow does: the pages do not know each other */
static void
timeline_window_cb (LtTimelinePage *timeline,
                    double          start_day,
                    double          end_day,
                    LtGraphPage    *page)
{
  n_window_changes++;
  lt_graph_page_set_timeline_window (page, start_day, end_day);
}

static gboolean
graph_has (LtGraphView *view,
           gint64       actor_id)
{
  return lt_graph_find_node (lt_graph_view_get_graph (view), actor_id) >= 0;
}

static gint64
add_member_of_viasna (LtStore    *store,
                      const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LtActor) actor = lt_actor_new ();
  g_autoptr(LtRelation) relation = lt_relation_new ();
  gint64 id;

  lt_actor_set_name (actor, name);
  lt_actor_set_kind (actor, "person");
  id = lt_store_add_actor (store, actor, &error);
  g_assert_no_error (error);
  lt_relation_set_from_id (relation, id);
  lt_relation_set_to_id (relation, lt_store_find_actor (store, "viasna"));
  lt_relation_set_relation_type (relation, "member-of");
  lt_store_add_relation (store, relation, &error);
  g_assert_no_error (error);
  return id;
}

/* After a database switch the page follows the new store's edits; once the page is gone, edits
 * in the store it showed do not reach it */
static void
test_switch_store (void)
{
  g_autoptr(LtStore) first = open_chronicle (GRAPH_FIXTURE_DIR, "en");
  g_autoptr(LtStore) second = open_chronicle (GRAPH_FIXTURE_DIR, "en");
  GtkWidget *page;
  GtkWidget *window = make_window (&page);
  LtGraphView *view = lt_graph_page_get_view (LT_GRAPH_PAGE (page));
  gint64 id;

  gtk_window_present (GTK_WINDOW (window));
  lt_graph_page_set_store (LT_GRAPH_PAGE (page), first);
  lt_graph_page_set_store (LT_GRAPH_PAGE (page), second);
  gtk_test_widget_wait_for_draw (window);

  id = add_member_of_viasna (second, "Ales Bialiatski Jr.");
  WAIT_UNTIL (graph_has (view, id), 3000);

  gtk_window_destroy (GTK_WINDOW (window));
  add_member_of_viasna (second, "Marfa Rabkova Jr.");
  add_member_of_viasna (first, "Valiantsin Stefanovich Jr.");
}

/* A big chronicle's graph comes at once; its betweenness and communities follow from a thread,
 * and the page sizes and colours by them when they come */
static void
test_big_graph_metrics (void)
{
  LtSyntheticParams params = { .n_events = 3000, .years = 3, .n_actors = 2500,
                               .n_relations = 5000, .seed = 11 };
  g_autoptr(GError) error = NULL;
  g_autoptr(LtStore) store = lt_store_open (":memory:", &error);
  GtkWidget *window;
  GtkWidget *page;
  LtGraph *graph;
  double most = 0;
  gint64 broker = 0;

  g_assert_no_error (error);
  g_assert_true (lt_store_generate_synthetic (store, &params, &error));
  g_assert_no_error (error);

  window = make_window (&page);
  gtk_window_present (GTK_WINDOW (window));
  lt_graph_page_set_store (LT_GRAPH_PAGE (page), store);
  graph = lt_graph_view_get_graph (lt_graph_page_get_view (LT_GRAPH_PAGE (page)));
  g_assert_nonnull (graph);
  g_assert_cmpuint (lt_graph_get_n_nodes (graph), >, 2000);
  g_assert_true (lt_graph_page_get_metrics_pending (LT_GRAPH_PAGE (page)));

  WAIT_UNTIL (!lt_graph_page_get_metrics_pending (LT_GRAPH_PAGE (page)), 20000);
  g_assert_false (lt_graph_page_get_metrics_pending (LT_GRAPH_PAGE (page)));
  graph = lt_graph_view_get_graph (lt_graph_page_get_view (LT_GRAPH_PAGE (page)));
  g_assert_true (lt_graph_get_betweenness_estimated (graph));
  g_assert_cmpuint (lt_graph_get_n_communities (graph), >, 1);
  for (guint i = 0; i < lt_graph_get_n_nodes (graph); i++)
    if (lt_graph_get_node (graph, i)->betweenness > most)
      {
        most = lt_graph_get_node (graph, i)->betweenness;
        broker = lt_graph_get_node (graph, i)->actor_id;
      }
  g_assert_cmpfloat (most, >, 1000);

  /* the details give the estimate grouped like every figure: "about 86,530", not "86530" */
  lt_graph_page_focus_actor (LT_GRAPH_PAGE (page), broker);
  {
    g_autofree char *grouped = lt_format_number (most);
    g_autofree char *expected = g_strdup_printf ("betweenness: about %s", grouped);
    g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
    gboolean found = FALSE;

    g_assert_nonnull (strchr (grouped, ','));
    collect_label_texts (page, texts);
    for (guint i = 0; i < texts->len; i++)
      found = found || strstr (g_ptr_array_index (texts, i), expected) != NULL;
    g_assert_true (found);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_follow_timeline (void)
{
  g_autoptr(LtStore) store = open_chronicle (GRAPH_FIXTURE_DIR, "en");
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *timeline = lt_timeline_page_new ();
  GtkWidget *page = lt_graph_page_new ();
  LtGraphView *view = lt_graph_page_get_view (LT_GRAPH_PAGE (page));
  LtTimelineView *tview = LT_TIMELINE_VIEW (lt_timeline_page_get_view (LT_TIMELINE_PAGE (timeline)));
  GtkWidget *follow;
  GtkWidget *from;
  GtkWidget *to;
  LtGraph *before;
  gint64 gubopik = lt_store_find_actor (store, "gubopik");
  gint64 viasna = lt_store_find_actor (store, "viasna");
  g_autofree char *png = g_strdup_printf ("%s/graph-follow.png", g_getenv ("G_TEST_BUILDDIR"));

  /* the app's own icons, as LtApplication's resource base path gives them */
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    "/io/github/letapis/Letapis/icons");
  gtk_widget_set_vexpand (timeline, TRUE);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), timeline);
  gtk_box_append (GTK_BOX (box), page);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  g_signal_connect_object (timeline, "visible-window-changed", G_CALLBACK (timeline_window_cb), page, 0);
  gtk_window_present (GTK_WINDOW (window));
  lt_timeline_page_set_store (LT_TIMELINE_PAGE (timeline), store);
  lt_graph_page_set_store (LT_GRAPH_PAGE (page), store);
  gtk_test_widget_wait_for_draw (window);

  follow = find_by_role (page, GTK_ACCESSIBLE_ROLE_BUTTON, _("Follow Timeline"));
  from = find_by_role (page, GTK_ACCESSIBLE_ROLE_TEXT_BOX, _("Start of the period"));
  to = find_by_role (page, GTK_ACCESSIBLE_ROLE_TEXT_BOX, _("End of the period"));
  g_assert_nonnull (follow);
  g_assert_nonnull (from);
  g_assert_nonnull (to);
  g_assert_false (lt_graph_page_get_follow_timeline (LT_GRAPH_PAGE (page)));
  gtk_editable_set_text (GTK_EDITABLE (from), "2020");

  /* following the timeline: the dates give way, the graph shows July 2021 only; the property
   * that the window binds to the settings tells of it once */
  n_follow_notifies = 0;
  g_signal_connect (page, "notify::follow-timeline", G_CALLBACK (follow_notify_cb), NULL);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (follow), TRUE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (follow), TRUE);
  g_assert_true (lt_graph_page_get_follow_timeline (LT_GRAPH_PAGE (page)));
  g_assert_cmpuint (n_follow_notifies, ==, 1);
  {
    gboolean following = FALSE;

    g_object_get (page, "follow-timeline", &following, NULL);
    g_assert_true (following);
  }
  g_assert_false (gtk_widget_get_sensitive (from));
  g_assert_false (gtk_widget_get_sensitive (to));
  gtk_test_widget_wait_for_draw (window);
  WAIT_UNTIL (graph_has (view, gubopik), 2000);

  before = lt_graph_view_get_graph (view);
  n_window_changes = 0;
  /* a pan: the window changes many times in a row, the graph is not rebuilt at once */
  for (int i = 0; i < 10; i++)
    lt_timeline_view_set_window (tview, lt_days_from_ymd (2021, 6, 1) + 3 * i,
                                 lt_days_from_ymd (2021, 7, 1) + 3 * i, FALSE);
  lt_timeline_view_set_window (tview, lt_days_from_ymd (2021, 7, 1), lt_days_from_ymd (2021, 8, 1), FALSE);
  g_assert_true (lt_graph_view_get_graph (view) == before);
  WAIT_UNTIL (!graph_has (view, gubopik), 3000);
  /* the timeline told its eleven windows of one frame once */
  g_test_message ("window changes told: %u", n_window_changes);
  g_assert_cmpuint (n_window_changes, ==, 1);
  g_assert_true (graph_has (view, viasna));
  g_assert_true (graph_has (view, lt_store_find_actor (store, "pen")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (from)), ==, "2021-07-01");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (to)), ==, "2021-07-31");
  g_assert_nonnull (find_label (page, "2021-07"));
  g_test_message ("July 2021: %u actors", lt_graph_get_n_nodes (lt_graph_view_get_graph (view)));

  lt_graph_view_settle_layout (view);
  lt_graph_view_zoom_to_fit (view);
  gtk_test_widget_wait_for_draw (window);
  save_png (window, png);
  g_test_message ("screenshot: %s", png);

  /* not following: the dates rule again, as the user left them, and the timeline is ignored */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (follow), FALSE);
  g_assert_true (gtk_widget_get_sensitive (from));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (from)), ==, "2020");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (to)), ==, "");
  g_assert_true (graph_has (view, gubopik));
  before = lt_graph_view_get_graph (view);
  n_window_changes = 0;
  lt_timeline_view_set_window (tview, lt_days_from_ymd (2022, 1, 1), lt_days_from_ymd (2022, 2, 1), FALSE);
  /* the page has been told the new window (on the timeline's next frame), and while not
   * following it schedules nothing */
  WAIT_UNTIL (n_window_changes == 1, 3000);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_true (lt_graph_view_get_graph (view) == before);
  g_assert_true (graph_has (view, gubopik));

  g_assert_cmpuint (n_follow_notifies, ==, 2);

  /* following again shows the timeline's window straight away */
  g_object_set (page, "follow-timeline", TRUE, NULL);
  g_assert_cmpuint (n_follow_notifies, ==, 3);
  g_assert_false (graph_has (view, gubopik));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (from)), ==, "2022-01-01");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Animations are off while shooting (see shoot()), so a pressed toggle looks pressed as soon
 * as the next frame is drawn: no style transition to wait out */
static void
wait_for_styles (GtkWidget *window)
{
  gtk_widget_queue_draw (window);
  gtk_test_widget_wait_for_draw (window);
}

static void
shoot (const char *chronicle,
       const char *out_dir,
       const char *lang,
       const char *locale)
{
  g_autoptr(LtStore) store = NULL;
  GtkWidget *page;
  GtkWidget *window;
  GtkWidget *size;
  GtkWidget *color;
  LtGraphView *view;
  g_autofree char *whole = g_strdup_printf ("%s/graph-whole-%s.png", out_dir, lang);
  g_autofree char *viasna = g_strdup_printf ("%s/graph-viasna-%s.png", out_dir, lang);
  g_autofree char *communities = g_strdup_printf ("%s/graph-communities-%s.png", out_dir, lang);

  setlocale (LC_ALL, locale);
  store = open_chronicle (chronicle, lang);
  window = make_window (&page);
  g_object_set (gtk_widget_get_settings (window), "gtk-enable-animations", FALSE, NULL);
  view = lt_graph_page_get_view (LT_GRAPH_PAGE (page));
  gtk_window_present (GTK_WINDOW (window));
  lt_graph_page_set_store (LT_GRAPH_PAGE (page), store);
  gtk_test_widget_wait_for_draw (window);
  lt_graph_view_settle_layout (view);
  lt_graph_view_zoom_to_fit (view);
  wait_for_styles (window);
  save_png (window, whole);

  /* through the widgets of the View popover, as a user would */
  size = find_by_role (page, GTK_ACCESSIBLE_ROLE_COMBO_BOX, _("Node size"));
  color = find_by_role (page, GTK_ACCESSIBLE_ROLE_COMBO_BOX, _("Node colour"));
  g_assert_nonnull (size);
  g_assert_nonnull (color);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (size), LT_NODE_SIZE_BETWEENNESS);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (color), LT_NODE_COLOR_COMMUNITY);
  wait_for_styles (window);
  save_png (window, communities);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (size), LT_NODE_SIZE_EVENTS);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (color), LT_NODE_COLOR_KIND);

  lt_graph_page_set_neighbourhood (LT_GRAPH_PAGE (page), lt_store_find_actor (store, "viasna"), 1);
  /* settled, so that the knot of the 14 July raids has been spread for its labels */
  lt_graph_view_settle_layout (view);
  lt_graph_view_zoom_to_fit (view);
  wait_for_styles (window);
  save_png (window, viasna);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
  setlocale (LC_ALL, "en_US.UTF-8");
}

static void
test_screenshots (void)
{
  const char *out_dir = g_getenv ("LETAPIS_GRAPH_SCREENSHOTS");
  g_autofree char *chronicle = g_build_filename (g_getenv ("LETAPIS_SOURCE_ROOT"), "data", "chronicle", NULL);

  if (out_dir == NULL || g_getenv ("LETAPIS_SOURCE_ROOT") == NULL)
    {
      g_test_skip ("LETAPIS_GRAPH_SCREENSHOTS is not set");
      return;
    }
  shoot (chronicle, out_dir, "en", "en_US.UTF-8");
  shoot (chronicle, out_dir, "uk", "uk_UA.UTF-8");
  shoot (chronicle, out_dir, "be", "be_BY.UTF-8");
}

/* the title of the details pane */
static GtkWidget *
find_heading (GtkWidget  *w,
              const char *text)
{
  if (GTK_IS_LABEL (w) && gtk_widget_has_css_class (w, "title-2") &&
      g_str_equal (gtk_label_get_text (GTK_LABEL (w)), text))
    return w;
  for (GtkWidget *c = gtk_widget_get_first_child (w), *hit; c; c = gtk_widget_get_next_sibling (c))
    if ((hit = find_heading (c, text)))
      return hit;
  return NULL;
}

/* Every actor's pane in Ukrainian or Belarusian, on the bundled chronicle: relations as
 * sentences of the language, citations with translated publishers and formatted dates. The
 * aliases are the one place Latin spellings belong. */
static void
check_details_language (const char *locale,
                        const char *lang,
                        const char *searched_line)
{
  g_autofree char *chronicle = g_build_filename (g_getenv ("LETAPIS_SOURCE_ROOT"), "data", "chronicle", NULL);
  g_autoptr(LtStore) store = NULL;
  g_autoptr(GListModel) actors = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autofree char *aliases_prefix = NULL;
  GtkWidget *page;
  GtkWidget *window;
  LtGraphView *view;
  gboolean found_searched = FALSE;
  guint n_checked = 0;

  if (setlocale (LC_ALL, locale) == NULL)
    {
      g_test_message ("locale %s is not generated", locale);
      return;
    }
  /* "Also known as: %s" up to its "%s" */
  aliases_prefix = g_strdup (_("Also known as: %s"));
  *strstr (aliases_prefix, "%s") = '\0';

  store = open_chronicle (chronicle, lang);
  window = make_window (&page);
  view = lt_graph_page_get_view (LT_GRAPH_PAGE (page));
  gtk_window_present (GTK_WINDOW (window));
  lt_graph_page_set_store (LT_GRAPH_PAGE (page), store);
  gtk_test_widget_wait_for_draw (window);

  actors = lt_store_list_actors (store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (actors), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(LtActor) actor = g_list_model_get_item (actors, i);
      g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
      GtkWidget *name;

      lt_graph_view_set_selected_actor (view, lt_record_get_id (LT_RECORD (actor)));
      /* the graph hides actors without connections: those have no pane to select */
      if (lt_graph_find_node (lt_graph_view_get_graph (view),
                              lt_record_get_id (LT_RECORD (actor))) < 0)
        continue;
      n_checked++;
      WAIT_UNTIL ((name = find_heading (page, lt_actor_get_name (actor))) != NULL, 3000);
      collect_label_texts (gtk_widget_get_parent (name), texts);
      for (guint j = 0; j < texts->len; j++)
        {
          const char *text = g_ptr_array_index (texts, j);

          if (g_str_equal (text, searched_line))
            found_searched = TRUE;
          if (g_str_has_prefix (text, aliases_prefix))
            continue;
          if (has_english_run (text) || has_raw_date (text))
            g_string_append_printf (problems, "%s: actor %s: “%s”\n", lang,
                                    lt_record_get_slug (LT_RECORD (actor)), text);
        }
    }

  if (problems->len > 0)
    g_error ("English or raw dates in the graph's details pane:\n%s", problems->str);
  g_assert_cmpuint (n_checked, >, 50);
  g_assert_true (found_searched);

  gtk_window_destroy (GTK_WINDOW (window));
  setlocale (LC_ALL, "en_US.UTF-8");
}

static void
test_details_language (void)
{
  check_details_language ("uk_UA.UTF-8", "uk", "Обшук: Правозахисний центр «Вясна»");
  check_details_language ("be_BY.UTF-8", "be", "Ператрус: Праваабарончы цэнтр «Вясна»");
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("LETAPIS_LOCALEDIR");

  g_unsetenv ("LANGUAGE");
  gtk_test_init (&argc, &argv, NULL);
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = adw_application_new ("io.github.letapis.Letapis.TestGraph", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);

  g_test_add_func ("/Letapis/Graph/page/click-node", test_click_node);
  g_test_add_func ("/Letapis/Graph/page/toolbar-fits", test_toolbar_fits);
  g_test_add_func ("/Letapis/Graph/page/follow-timeline", test_follow_timeline);
  g_test_add_func ("/Letapis/Graph/page/big-graph-metrics", test_big_graph_metrics);
  g_test_add_func ("/Letapis/Graph/page/details-language", test_details_language);
  g_test_add_func ("/Letapis/Graph/page/switch-store", test_switch_store);
  g_test_add_func ("/Letapis/Graph/page/screenshots", test_screenshots);

  return g_test_run ();
}
