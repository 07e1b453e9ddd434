/* test-timeline-page.c: the Timeline page in the real window, under Xvfb
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "lt-application.h"
#include "lt-item-button.h"
#include "lt-timeline-page.h"
#include "lt-timeline-view.h"
#include "lt-window.h"
#include "widget-test-util.h"

static LtApplication *app;

static LtStore *
open_chronicle (const char *lang)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) dir = g_file_new_build_filename (g_getenv ("LETAPIS_SOURCE_ROOT"), "data", "chronicle", NULL);
  LtStore *store = lt_store_open (":memory:", &error);

  g_assert_no_error (error);
  lt_store_set_language (store, lang);
  lt_store_import_chronicle (store, dir, &error);
  g_assert_no_error (error);

  return store;
}

/* The widget in the view that has the keyboard focus, as the window says: the view's own
 * focus child can be unset while another test's window is the active one on the display */
static GtkWidget *
focus_in (LtTimelineView *view)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (view)));

  return focus != NULL && gtk_widget_get_parent (focus) == GTK_WIDGET (view) ? focus : NULL;
}

/* Whether the details pane has ended its slide, in or out */
static gboolean
flap_at_rest (LtTimelinePage *page)
{
  AdwFlap *flap = ADW_FLAP (find_type (GTK_WIDGET (page), ADW_TYPE_FLAP));

  return adw_flap_get_reveal_progress (flap) == (adw_flap_get_reveal_flap (flap) ? 1.0 : 0.0);
}

/* Whether @id is drawn in the middle half of the view */
static gboolean
event_centred (LtTimelineView *view,
               gint64          id)
{
  double width = gtk_widget_get_width (GTK_WIDGET (view));
  double x, y;

  return lt_timeline_view_get_event_point (view, id, &x, &y) && x > width * 0.25 && x < width * 0.75;
}

static void
settle (LtTimelineView *view)
{
  LtTimelinePainter *painter = lt_timeline_view_get_painter (view);

  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  /* labels come in over a few frames, fewer per frame on a busy machine (each frame measures
   * what its time allows): let them all arrive, or the clusters are not yet the final ones */
  while (g_get_monotonic_time () < deadline)
    {
      gtk_widget_queue_draw (GTK_WIDGET (view));
      gtk_test_widget_wait_for_draw (GTK_WIDGET (view));
      if (!lt_timeline_painter_needs_more_frames (painter))
        break;
    }
  gtk_test_widget_wait_for_draw (GTK_WIDGET (view));
}

typedef struct
{
  LtWindow       *window;
  LtTimelinePage *page;
  LtTimelineView *view;
  LtStore        *store;
} Fixture;

static gboolean
open_window (Fixture    *f,
             const char *locale,
             const char *lang)
{
  if (setlocale (LC_ALL, locale) == NULL)
    {
      g_test_skip_printf ("locale %s is not generated", locale);
      return FALSE;
    }
  lt_timeline_reset_locale_cache ();

  f->store = open_chronicle (lang);
  f->window = lt_window_new (app);
  lt_window_set_store (f->window, f->store);
  /* the window picks the records' language from the environment; the test switched locale */
  lt_store_set_language (f->store, lang);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "timeline");
  gtk_window_present (GTK_WINDOW (f->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));

  f->page = LT_TIMELINE_PAGE (find_type (GTK_WIDGET (f->window), LT_TYPE_TIMELINE_PAGE));
  g_assert_nonnull (f->page);
  f->view = LT_TIMELINE_VIEW (lt_timeline_page_get_view (f->page));
  g_assert_nonnull (f->view);

  return TRUE;
}

static void
close_window (Fixture *f)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->store);
  setlocale (LC_ALL, "en_US.UTF-8");
  lt_timeline_reset_locale_cache ();
}

/* an event of that very day, with sources */
static gint64
first_cited_event (Fixture *f,
                   gint64   day)
{
  g_autoptr(GArray) visible = lt_timeline_painter_list_visible_events (lt_timeline_view_get_painter (f->view));

  for (guint i = 0; i < visible->len; i++)
    {
      g_autoptr(LtEvent) event = lt_store_lookup_event (f->store, g_array_index (visible, gint64, i));
      GPtrArray *citations = lt_event_get_citations (event);

      if (citations != NULL && citations->len > 0 && lt_event_get_start_day (event) == day &&
          lt_event_get_end_day (event) == day)
        return lt_record_get_id (LT_RECORD (event));
    }

  return 0;
}

static void
test_click_shows_sources (void)
{
  Fixture f = { 0 };
  gint64 day = lt_days_from_ymd (2021, 7, 14);
  g_autoptr(LtEvent) event = NULL;
  GPtrArray *citations;
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;
  g_autofree char *name = NULL;
  gint64 id;
  double x, y;

  if (!open_window (&f, "en_US.UTF-8", "en"))
    return;

  lt_timeline_view_set_window (f.view, day, day + 1, FALSE);
  settle (f.view);

  id = first_cited_event (&f, day);
  g_assert_cmpint (id, !=, 0);
  event = lt_store_lookup_event (f.store, id);
  citations = lt_event_get_citations (event);

  /* click it where the hit test says it is drawn */
  g_assert_true (lt_timeline_view_get_event_point (f.view, id, &x, &y));
  g_assert_true (lt_timeline_view_click (f.view, x, y, 1));
  g_assert_cmpint (lt_timeline_view_get_selected_event (f.view), ==, id);

  /* the details pane shows its title and every source it cites */
  WAIT_UNTIL (find_label (GTK_WIDGET (f.window), lt_event_get_title (event)) != NULL, 3000);
  for (guint i = 0; i < citations->len; i++)
    {
      const LtCitation *c = g_ptr_array_index (citations, i);

      WAIT_UNTIL (find_label (GTK_WIDGET (f.window), c->source_title) != NULL, 3000);
    }

  /* the events are accessible children: buttons named "title, date" */
  g_assert_true (lt_timeline_painter_describe_event (lt_timeline_view_get_painter (f.view), id, &title, &date));
  name = g_strdup_printf ("%s, %s", title, date);
  g_assert_nonnull (find_by_role (GTK_WIDGET (f.view), GTK_ACCESSIBLE_ROLE_BUTTON, name));

  settle (f.view);
  save_png (GTK_WIDGET (f.window), "timeline-click.png");

  /* a double click zooms to the event: its day fills most of the view */
  {
    LtTimelinePainter *painter = lt_timeline_view_get_painter (f.view);
    double start, end;

    g_object_set (gtk_widget_get_settings (GTK_WIDGET (f.view)), "gtk-enable-animations", FALSE, NULL);
    lt_timeline_view_set_window (f.view, day - 60, day + 60, FALSE);
    settle (f.view);
    g_assert_true (lt_timeline_view_get_event_point (f.view, id, &x, &y));
    g_assert_true (lt_timeline_view_click (f.view, x, y, 2));
    lt_timeline_painter_get_window (painter, &start, &end);
    g_assert_cmpfloat (start, <=, day);
    g_assert_cmpfloat (end, >=, day + 1);
    g_assert_cmpfloat (end - start, <, 5);
    g_object_set (gtk_widget_get_settings (GTK_WIDGET (f.view)), "gtk-enable-animations", TRUE, NULL);
  }

  close_window (&f);
}

static void
test_filters_and_actions (void)
{
  Fixture f = { 0 };
  LtTimelinePainter *painter;
  LtTimelineData *data;
  gint64 viasna;
  gint64 day = lt_days_from_ymd (2021, 7, 14);
  GtkWidget *entry;
  guint total;
  double start, end, start2, end2;

  if (!open_window (&f, "en_US.UTF-8", "en"))
    return;
  painter = lt_timeline_view_get_painter (f.view);
  data = lt_timeline_view_get_data (f.view);
  total = lt_timeline_data_get_n_events (data);
  g_assert_cmpuint (total, >, 20);
  g_assert_nonnull (find_label (GTK_WIDGET (f.window), "33 events"));

  /* an actor filter counts its events in the toolbar */
  viasna = lt_store_find_actor (f.store, "viasna");
  g_assert_cmpint (viasna, !=, 0);
  lt_timeline_page_filter_actor (f.page, viasna);
  g_assert_cmpuint (lt_timeline_data_get_n_matched (data), <, total);
  g_assert_cmpuint (lt_timeline_data_get_n_matched (data), >, 0);
  lt_timeline_page_filter_actor (f.page, 0);
  g_assert_cmpuint (lt_timeline_data_get_n_matched (data), ==, total);

  /* unticking a category dims its events, counted in the toolbar */
  {
    GtkWidget *check = find_type (GTK_WIDGET (f.page), GTK_TYPE_CHECK_BUTTON);
    g_autofree char *label = NULL;

    g_assert_nonnull (check);
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
    g_assert_cmpuint (lt_timeline_data_get_n_matched (data), <, total);
    label = g_strdup_printf ("%u of %u events match", lt_timeline_data_get_n_matched (data), total);
    g_assert_nonnull (find_label (GTK_WIDGET (f.window), label));
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
    g_assert_cmpuint (lt_timeline_data_get_n_matched (data), ==, total);
  }

  /* the toolbar's zoom buttons reach the view's actions */
  {
    GtkWidget *zoom_in = find_action_button (GTK_WIDGET (f.page), "timeline.zoom-in");

    g_assert_nonnull (zoom_in);
    g_assert_true (gtk_widget_is_sensitive (zoom_in));
    g_object_set (gtk_widget_get_settings (GTK_WIDGET (f.view)), "gtk-enable-animations", FALSE, NULL);
    lt_timeline_painter_get_window (painter, &start, &end);
    g_signal_emit_by_name (zoom_in, "clicked");
    lt_timeline_painter_get_window (painter, &start2, &end2);
    g_assert_cmpfloat (end2 - start2, <, (end - start) * 0.8);
  }

  /* zoom actions, and zoom to fit shows the whole chronicle */
  g_object_set (gtk_widget_get_settings (GTK_WIDGET (f.view)), "gtk-enable-animations", FALSE, NULL);
  lt_timeline_painter_get_window (painter, &start, &end);
  gtk_widget_activate_action (GTK_WIDGET (f.view), "timeline.zoom-in", NULL);
  lt_timeline_painter_get_window (painter, &start2, &end2);
  g_assert_cmpfloat (end2 - start2, <, (end - start) * 0.8);
  gtk_widget_activate_action (GTK_WIDGET (f.view), "timeline.zoom-to-fit", NULL);
  lt_timeline_painter_get_window (painter, &start2, &end2);
  g_assert_cmpfloat (start2, <=, lt_days_from_ymd (2020, 8, 9));
  g_assert_cmpfloat (end2, >=, lt_days_from_ymd (2024, 3, 4));

  /* the search bar opens on request; what it finds is counted, the rest dims */
  lt_timeline_page_start_search (f.page);
  entry = find_type (GTK_WIDGET (f.page), GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (entry);
  WAIT_UNTIL (gtk_widget_has_focus (entry) || gtk_widget_is_focus (entry) ||
              gtk_widget_get_focus_child (entry) != NULL, 2000);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Viasna");
  WAIT_UNTIL (lt_timeline_data_get_n_matched (data) < total, 3000);
  g_assert_cmpuint (lt_timeline_data_get_n_matched (data), >, 0);
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  WAIT_UNTIL (lt_timeline_data_get_n_matched (data) == total, 3000);
  /* done searching: the bar closes, and the focus it held must not come back later */
  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (find_type (GTK_WIDGET (f.page), GTK_TYPE_SEARCH_BAR)), FALSE);
  settle (f.view);

  /* a focused cluster keeps its focus as frames go by */
  lt_timeline_view_set_window (f.view, lt_days_from_ymd (2021, 6, 1), lt_days_from_ymd (2021, 9, 1), FALSE);
  settle (f.view);
  {
    GtkWidget *cluster = NULL;

    for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (f.view)); c && !cluster; c = gtk_widget_get_next_sibling (c))
      if (LT_IS_ITEM_BUTTON (c) && gtk_widget_get_child_visible (c) &&
          lt_item_button_is_group (LT_ITEM_BUTTON (c)))
        cluster = c;
    g_assert_nonnull (cluster);
    g_assert_true (gtk_widget_grab_focus (cluster));
    lt_timeline_painter_pan (painter, 3);
    settle (f.view);
    /* on a loaded machine the frames come late: give them time, not a pass */
    WAIT_UNTIL (focus_in (f.view) == cluster, 2000);
    g_assert_true (focus_in (f.view) == cluster);
    g_assert_true (lt_item_button_is_group (LT_ITEM_BUTTON (cluster)));

    /* Enter zooms into it */
    lt_timeline_painter_get_window (painter, &start, &end);
    gtk_widget_activate_action (GTK_WIDGET (f.view), "timeline.activate-focused", NULL);
    lt_timeline_painter_get_window (painter, &start2, &end2);
    g_assert_cmpfloat (end2 - start2, <, (end - start) / 4);
  }

  /* the keyboard: focus steps from event to event forward in time, Enter selects */
  lt_timeline_view_set_window (f.view, day, day + 1, FALSE);
  settle (f.view);
  {
    GtkWidget *first = NULL;
    GtkWidget *next;
    graphene_rect_t a = GRAPHENE_RECT_INIT (0, 0, 0, 0);
    graphene_rect_t b;

    for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (f.view)); c; c = gtk_widget_get_next_sibling (c))
      {
        graphene_rect_t r;

        if (!LT_IS_ITEM_BUTTON (c) || !gtk_widget_get_child_visible (c) ||
            !gtk_widget_compute_bounds (c, GTK_WIDGET (f.view), &r))
          continue;
        if (first == NULL || r.origin.x < a.origin.x)
          {
            first = c;
            a = r;
          }
      }
    g_assert_nonnull (first);
    g_assert_true (gtk_widget_get_focusable (first));
    g_assert_true (gtk_widget_grab_focus (first));
    gtk_widget_activate_action (GTK_WIDGET (f.view), "timeline.focus-next", NULL);
    next = focus_in (f.view);
    g_assert_true (LT_IS_ITEM_BUTTON (next));
    g_assert_true (next != first);
    g_assert_true (gtk_widget_compute_bounds (next, GTK_WIDGET (f.view), &b));
    g_assert_cmpfloat (b.origin.x, >=, a.origin.x);
    gtk_widget_activate_action (GTK_WIDGET (f.view), "timeline.activate-focused", NULL);
    g_assert_cmpint (lt_timeline_view_get_selected_event (f.view), ==,
                     lt_item_button_get_id (LT_ITEM_BUTTON (next)));
  }

  g_object_set (gtk_widget_get_settings (GTK_WIDGET (f.view)), "gtk-enable-animations", TRUE, NULL);
  close_window (&f);
}

/* A search that finds nothing matches no event: it must not read as "no filter" and show
 * everything. Text without a searchable word ("-", an emoji) finds nothing too, quietly. */
static void
test_no_matches (void)
{
  static const char * const queries[] = { "zzzzqqqq", "\"", "-", "*", "\xf0\x9f\x99\x82" };
  Fixture f = { 0 };
  LtTimelineData *data;
  GtkWidget *entry;
  guint total;

  if (!open_window (&f, "en_US.UTF-8", "en"))
    return;
  data = lt_timeline_view_get_data (f.view);
  total = lt_timeline_data_get_n_events (data);
  g_assert_cmpuint (total, ==, 33);

  lt_timeline_page_start_search (f.page);
  entry = find_type (GTK_WIDGET (f.page), GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (entry);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      LtTimelineIndex *index;

      /* from all events to none: each query must take the filter from "everything" */
      gtk_editable_set_text (GTK_EDITABLE (entry), "");
      WAIT_UNTIL (!lt_timeline_index_has_filter (lt_timeline_data_get_index (data)), 3000);
      gtk_editable_set_text (GTK_EDITABLE (entry), queries[i]);
      WAIT_UNTIL (lt_timeline_index_has_filter (lt_timeline_data_get_index (data)), 3000);
      index = lt_timeline_data_get_index (data);
      g_assert_cmpuint (lt_timeline_index_get_n_matched (index), ==, 0);
      g_assert_cmpuint (lt_timeline_data_get_n_matched (data), ==, 0);
      g_assert_nonnull (find_label (GTK_WIDGET (f.window), "None of 33 events match"));
    }

  settle (f.view);
  save_png (GTK_WIDGET (f.window), "timeline-no-matches-en.png");

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  WAIT_UNTIL (!lt_timeline_index_has_filter (lt_timeline_data_get_index (data)), 3000);
  g_assert_nonnull (find_label (GTK_WIDGET (f.window), "33 events"));
  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (find_type (GTK_WIDGET (f.page), GTK_TYPE_SEARCH_BAR)), FALSE);
  close_window (&f);
}

static void
test_select_before_shown (void)
{
  g_autoptr(LtStore) store = NULL;
  LtWindow *window;
  LtTimelinePage *page;
  LtTimelineView *view;
  gint64 id;
  double x, y;

  if (setlocale (LC_ALL, "en_US.UTF-8") == NULL)
    {
      g_test_skip ("no en_US.UTF-8");
      return;
    }

  /* win.show-event from the other page selects an event in a view never laid out */
  store = open_chronicle ("en");
  window = lt_window_new (app);
  lt_window_set_store (window, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  page = LT_TIMELINE_PAGE (find_type (GTK_WIDGET (window), LT_TYPE_TIMELINE_PAGE));
  view = LT_TIMELINE_VIEW (lt_timeline_page_get_view (page));
  id = lt_store_find_event (store, "kubrakov-warns-fighters");
  if (id == 0)
    {
      g_autoptr(GListModel) events = lt_store_list_events (store, NULL);
      g_autoptr(LtEvent) event = g_list_model_get_item (events, g_list_model_get_n_items (events) / 2);

      id = lt_record_get_id (LT_RECORD (event));
    }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "timeline");
  lt_timeline_page_select_event (page, id);
  gtk_window_present (GTK_WINDOW (window));
  settle (view);
  WAIT_UNTIL (flap_at_rest (page) && event_centred (view, id), 5000);
  settle (view);

  g_assert_cmpint (lt_timeline_view_get_selected_event (view), ==, id);
  g_assert_true (lt_timeline_view_get_event_point (view, id, &x, &y));
  g_assert_cmpfloat (x, >, gtk_widget_get_width (GTK_WIDGET (view)) * 0.25);
  g_assert_cmpfloat (x, <, gtk_widget_get_width (GTK_WIDGET (view)) * 0.75);

  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  const char *name;
  int         y0, m0, d0;
  int         y1, m1, d1;
} Zoom;

static const Zoom zooms[] = {
  { "overview", 2020, 1, 1, 2025, 1, 1 },
  { "summer-2021", 2021, 6, 1, 2021, 9, 1 },
  { "day-2021-07-14", 2021, 7, 14, 2021, 7, 15 },
};

static void
shoot_zooms (const char *locale,
             const char *lang)
{
  Fixture f = { 0 };

  if (!open_window (&f, locale, lang))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (zooms); i++)
    {
      const Zoom *z = &zooms[i];
      g_autofree char *name = g_strdup_printf ("timeline-%s-%s.png", z->name, lang);

      lt_timeline_view_set_window (f.view, lt_days_from_ymd (z->y0, z->m0, z->d0),
                                   lt_days_from_ymd (z->y1, z->m1, z->d1), FALSE);
      settle (f.view);

      /* on the day, show an event's details the way a click does */
      if (i == G_N_ELEMENTS (zooms) - 1)
        {
          gint64 id = first_cited_event (&f, lt_days_from_ymd (z->y0, z->m0, z->d0));
          double x, y;

          g_assert_true (lt_timeline_view_get_event_point (f.view, id, &x, &y));
          lt_timeline_view_click (f.view, x, y, 1);
          settle (f.view);
          /* the sidebar slides in */
          WAIT_UNTIL (adw_flap_get_reveal_flap (ADW_FLAP (find_type (GTK_WIDGET (f.page), ADW_TYPE_FLAP))) &&
                      flap_at_rest (f.page), 5000);
          settle (f.view);
        }

      save_png (GTK_WIDGET (f.window), name);
    }

  close_window (&f);
}

static void
test_screenshots_en (void)
{
  shoot_zooms ("en_US.UTF-8", "en");
}

static void
test_screenshots_uk (void)
{
  shoot_zooms ("uk_UA.UTF-8", "uk");
}

static void
test_screenshots_be (void)
{
  shoot_zooms ("be_BY.UTF-8", "be");
}

static void
test_screenshot_dark (void)
{
  Fixture f = { 0 };
  AdwStyleManager *style = adw_style_manager_get_default ();

  if (!open_window (&f, "en_US.UTF-8", "en"))
    return;

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  lt_timeline_view_set_window (f.view, lt_days_from_ymd (2020, 6, 1), lt_days_from_ymd (2022, 1, 1), FALSE);
  settle (f.view);
  g_assert_true (adw_style_manager_get_dark (style));
  save_png (GTK_WIDGET (f.window), "timeline-dark-en.png");

  /* lanes by actor and by place */
  {
    GtkDropDown *lanes = GTK_DROP_DOWN (find_type (GTK_WIDGET (f.page), GTK_TYPE_DROP_DOWN));
    LtTimelineData *data = lt_timeline_view_get_data (f.view);

    gtk_drop_down_set_selected (lanes, 1);
    settle (f.view);
    g_assert_cmpint (lt_timeline_data_get_lane_mode (data), ==, LT_LANE_MODE_ACTOR);
    g_assert_cmpuint (lt_timeline_index_get_n_lanes (lt_timeline_data_get_index (data)), >, 3);
    save_png (GTK_WIDGET (f.window), "timeline-actors-en.png");
    gtk_drop_down_set_selected (lanes, 2);
    settle (f.view);
    g_assert_cmpint (lt_timeline_data_get_lane_mode (data), ==, LT_LANE_MODE_PLACE);
    save_png (GTK_WIDGET (f.window), "timeline-places-en.png");
    gtk_drop_down_set_selected (lanes, 0);
  }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  close_window (&f);
}

/* Every event's pane in Ukrainian or Belarusian: the chronicle has uk and be texts for all
 * of it (titles, summaries, places, citation notes, source titles and publishers), so no
 * English sentence and no raw date may show */
static void
check_details_language (const char *locale,
                        const char *lang,
                        const char *about_40000)
{
  Fixture f = { 0 };
  g_autoptr(GListModel) events = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  gboolean found_figure = FALSE;

  if (!open_window (&f, locale, lang))
    return;

  events = lt_store_list_events (f.store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (events), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(LtEvent) event = g_list_model_get_item (events, i);
      g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
      GtkWidget *title;
      GtkWidget *pane;

      lt_timeline_page_select_event (f.page, lt_record_get_id (LT_RECORD (event)));
      WAIT_UNTIL ((title = find_label (GTK_WIDGET (f.window), lt_event_get_title (event))) != NULL, 3000);
      pane = gtk_widget_get_parent (title);
      collect_label_texts (pane, texts);
      for (guint j = 0; j < texts->len; j++)
        {
          const char *text = g_ptr_array_index (texts, j);

          if (g_str_equal (text, about_40000))
            found_figure = TRUE;
          if (has_english_run (text) || has_raw_date (text))
            g_string_append_printf (problems, "%s: event %s: “%s”\n", lang,
                                    lt_record_get_slug (LT_RECORD (event)), text);
        }
    }

  if (problems->len > 0)
    g_error ("English or raw dates in the details pane:\n%s", problems->str);
  /* grouped with a space as the titles write it, not be_BY's "40.000" */
  g_assert_true (found_figure);

  close_window (&f);
}

static void
test_details_language (void)
{
  g_assert_false (has_english_run ("Центр прав людини ZMINA · 14 липня 2021 · ¶3"));
  g_assert_false (has_english_run ("Переказ матеріалу Kyiv Post про справу"));
  g_assert_true (has_english_run ("дата: date, place and circumstances of the killing"));
  g_assert_true (has_raw_date ("Позірк · 2020-11~"));

  check_details_language ("uk_UA.UTF-8", "uk", "близько 40\u00a0000");
  check_details_language ("be_BY.UTF-8", "be", "каля 40\u00a0000");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_unsetenv ("LANGUAGE");
  gtk_test_init (&argc, &argv, NULL);
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("LETAPIS_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = lt_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);

  g_test_add_func ("/Letapis/Timeline/page/click-shows-sources", test_click_shows_sources);
  g_test_add_func ("/Letapis/Timeline/page/filters-and-actions", test_filters_and_actions);
  g_test_add_func ("/Letapis/Timeline/page/select-before-shown", test_select_before_shown);
  g_test_add_func ("/Letapis/Timeline/page/details-language", test_details_language);
  g_test_add_func ("/Letapis/Timeline/page/no-matches", test_no_matches);
  g_test_add_func ("/Letapis/Timeline/page/screenshots-en", test_screenshots_en);
  g_test_add_func ("/Letapis/Timeline/page/screenshots-uk", test_screenshots_uk);
  g_test_add_func ("/Letapis/Timeline/page/screenshots-be", test_screenshots_be);
  g_test_add_func ("/Letapis/Timeline/page/screenshot-dark", test_screenshot_dark);

  ret = g_test_run ();
  g_clear_object (&app);

  return ret;
}
