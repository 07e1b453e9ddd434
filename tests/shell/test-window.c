/* test-window.c: the real application under Xvfb, in three languages
 *
 * Copyright 2026 The Letapis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "lt-application.h"
#include "lt-export-dialog.h"
#include "lt-graph-page.h"
#include "lt-graph-view.h"
#include "lt-print-operation.h"
#include "lt-model.h"
#include "lt-timeline-page.h"
#include "lt-timeline-view.h"
#include "lt-window.h"
#include "chronicle-test-util.h"
#include "widget-test-util.h"

static LtApplication *app;

static void
check_window_in (const char *locale,
                 const char *timeline_title,
                 const char *graph_title,
                 const char *menu_tooltip)
{
  g_autofree char *png = NULL;
  LtWindow *window;
  AdwViewStack *stack;
  GtkWidget *menu_button;

  if (setlocale (LC_ALL, locale) == NULL)
    {
      g_test_skip_printf ("locale %s is not generated", locale);
      return;
    }

  window = lt_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* Both pages are there and reachable by name. */
  stack = ADW_VIEW_STACK (find_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  g_assert_nonnull (stack);
  g_assert_nonnull (adw_view_stack_get_child_by_name (stack, "timeline"));
  g_assert_nonnull (adw_view_stack_get_child_by_name (stack, "graph"));

  /* The view switcher shows the page titles in the UI language. */
  g_assert_nonnull (find_label (GTK_WIDGET (window), timeline_title));
  g_assert_nonnull (find_label (GTK_WIDGET (window), graph_title));

  menu_button = find_type (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (menu_button);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (menu_button), ==, menu_tooltip);

  /* Switching pages by action works and is remembered by the window. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "graph");
  g_assert_cmpstr (lt_window_get_visible_page (window), ==, "graph");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "timeline");
  g_assert_cmpstr (lt_window_get_visible_page (window), ==, "timeline");

  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  png = g_strdup_printf ("%s/window-%.2s.png", g_getenv ("G_TEST_BUILDDIR"), locale);
  save_png (GTK_WIDGET (window), png);
  g_test_message ("screenshot: %s", png);

  gtk_window_destroy (GTK_WINDOW (window));
  setlocale (LC_ALL, "en_US.UTF-8");
}

static void
test_window_en (void)
{
  check_window_in ("en_US.UTF-8", "Timeline", "Organizations", "Main Menu");
}

static void
test_window_uk (void)
{
  check_window_in ("uk_UA.UTF-8", "Часова шкала", "Організації", "Головне меню");
}

static void
test_window_be (void)
{
  check_window_in ("be_BY.UTF-8", "Часавая шкала", "Арганізацыі", "Галоўнае меню");
}

static void
test_window_size_is_kept (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.letapis.Letapis");
  g_autofree char *last_page = NULL;
  LtWindow *window;
  int width, height;

  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 600);
  g_settings_set_string (settings, "last-page", "graph");

  window = lt_window_new (app);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 600);
  g_assert_cmpstr (lt_window_get_visible_page (window), ==, "graph");

  /* Closing saves the size and the page the user was on. */
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "timeline");
  gtk_window_close (GTK_WINDOW (window));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  last_page = g_settings_get_string (settings, "last-page");
  g_assert_cmpstr (last_page, ==, "timeline");
}

static void
test_record_language_follows_setting (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.letapis.Letapis");
  g_autoptr(GError) error = NULL;
  g_autoptr(LtStore) store = lt_store_open (":memory:", &error);
  LtWindow *window;

  g_assert_no_error (error);
  g_settings_set_string (settings, "chronicle-language", "uk");
  window = lt_window_new (app);
  lt_window_set_store (window, store);
  g_assert_cmpstr (lt_store_get_language (store), ==, "uk");

  /* Changing the preference reaches the open chronicle at once. */
  g_settings_set_string (settings, "chronicle-language", "be");
  g_assert_cmpstr (lt_store_get_language (store), ==, "be");

  g_settings_reset (settings, "chronicle-language");
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
graph_has (LtGraphPage *page,
           gint64       actor_id)
{
  LtGraph *graph = lt_graph_view_get_graph (lt_graph_page_get_view (page));

  return graph != NULL && lt_graph_find_node (graph, actor_id) >= 0;
}

static void
test_graph_follow_is_kept (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.letapis.Letapis");
  g_autoptr(GFile) fixture = g_file_new_build_filename (g_getenv ("G_TEST_SRCDIR"),
                                                       "graph", "fixture", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LtStore) store = lt_store_open (":memory:", &error);
  LtWindow *window;
  LtGraphPage *page;
  LtTimelinePage *timeline;
  GtkWidget *follow;
  gint64 gubopik;
  gint64 viasna;

  g_assert_no_error (error);
  lt_store_import_chronicle (store, fixture, &error);
  g_assert_no_error (error);
  gubopik = lt_store_find_actor (store, "gubopik");
  viasna = lt_store_find_actor (store, "viasna");

  /* A window opened after a session that followed the timeline follows it too. */
  g_settings_set_boolean (settings, "graph-follow-timeline", TRUE);
  window = lt_window_new (app);
  page = LT_GRAPH_PAGE (find_type (GTK_WIDGET (window), LT_TYPE_GRAPH_PAGE));
  timeline = LT_TIMELINE_PAGE (find_type (GTK_WIDGET (window), LT_TYPE_TIMELINE_PAGE));
  follow = find_by_role (GTK_WIDGET (page), GTK_ACCESSIBLE_ROLE_BUTTON, _("Follow Timeline"));
  g_assert_nonnull (follow);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (follow)));
  g_assert_true (lt_graph_page_get_follow_timeline (page));

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "timeline");
  gtk_window_present (GTK_WINDOW (window));
  lt_window_set_store (window, store);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* ...and so the graph shows July 2021 once the timeline does: GUBOPiK acted only at the
   * 2023 trial. */
  lt_timeline_view_set_window (LT_TIMELINE_VIEW (lt_timeline_page_get_view (timeline)),
                               lt_days_from_ymd (2021, 7, 1), lt_days_from_ymd (2021, 8, 1), FALSE);
  WAIT_UNTIL (!graph_has (page, gubopik), 3000);
  g_assert_true (graph_has (page, viasna));

  /* Switching it off with the button is remembered, and the whole chronicle is back. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (follow), FALSE);
  g_assert_false (g_settings_get_boolean (settings, "graph-follow-timeline"));
  g_assert_true (graph_has (page, gubopik));

  /* So is switching it on, and a change of the setting reaches the page. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (follow), TRUE);
  g_assert_true (g_settings_get_boolean (settings, "graph-follow-timeline"));
  g_settings_set_boolean (settings, "graph-follow-timeline", FALSE);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (follow)));

  g_settings_reset (settings, "graph-follow-timeline");
  gtk_window_destroy (GTK_WINDOW (window));
}

static LtStore *
open_graph_fixture (void)
{
  g_autoptr(GFile) fixture = g_file_new_build_filename (g_getenv ("G_TEST_SRCDIR"),
                                                       "graph", "fixture", NULL);
  g_autoptr(GError) error = NULL;
  LtStore *store = lt_store_open (":memory:", &error);

  g_assert_no_error (error);
  lt_store_import_chronicle (store, fixture, &error);
  g_assert_no_error (error);

  return store;
}

/* Ctrl+E on a page opens the export dialog of that page, with what the page shows */
static LtExportDialog *
press_export (LtWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (LT_IS_EXPORT_DIALOG (item))
        return LT_EXPORT_DIALOG (item);
    }

  g_assert_not_reached ();
}

static void
test_export_takes_timeline_filter (void)
{
  g_autoptr(LtStore) store = open_graph_fixture ();
  g_autoptr(LtExportOptions) options = NULL;
  g_autoptr(GError) error = NULL;
  gint64 viasna = lt_store_find_actor (store, "viasna");
  LtWindow *window = lt_window_new (app);
  LtTimelinePage *timeline = LT_TIMELINE_PAGE (find_type (GTK_WIDGET (window), LT_TYPE_TIMELINE_PAGE));
  LtExportDialog *dialog;

  g_assert_cmpint (viasna, >, 0);
  lt_window_set_store (window, store);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "timeline");
  lt_timeline_page_filter_actor (timeline, viasna);

  dialog = press_export (window);
  options = lt_export_dialog_dup_options (dialog, &error);
  g_assert_no_error (error);
  g_assert_cmpint (options->page, ==, LT_EXPORT_PAGE_TIMELINE);
  g_assert_cmpint (options->actor_id, ==, viasna);
  g_assert_null (options->categories);   /* all shown */
  g_assert_null (options->search);
  g_assert_cmpint (options->lanes, ==, LT_EXPORT_LANES_CATEGORY);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* With the Viasna neighbourhood and July 2021 on the Organizations page, the export is of that
 * neighbourhood in July 2021, not of the whole graph for all time. */
static void
test_export_takes_graph_neighbourhood (void)
{
  g_autoptr(LtStore) store = open_graph_fixture ();
  g_autoptr(LtExportOptions) options = NULL;
  g_autoptr(GError) error = NULL;
  gint64 viasna = lt_store_find_actor (store, "viasna");
  LtWindow *window = lt_window_new (app);
  LtGraphPage *page = LT_GRAPH_PAGE (find_type (GTK_WIDGET (window), LT_TYPE_GRAPH_PAGE));
  LtExportDialog *dialog;

  lt_window_set_store (window, store);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "graph");
  lt_graph_page_set_follow_timeline (page, FALSE);
  lt_graph_page_set_period (page, lt_days_from_ymd (2021, 7, 1), lt_days_from_ymd (2021, 7, 31));
  lt_graph_page_set_neighbourhood (page, viasna, 2);

  dialog = press_export (window);
  options = lt_export_dialog_dup_options (dialog, &error);
  g_assert_no_error (error);
  g_assert_cmpint (options->page, ==, LT_EXPORT_PAGE_GRAPH);
  g_assert_cmpint (options->focus_actor, ==, viasna);
  g_assert_cmpuint (options->depth, ==, 2);
  g_assert_true (options->has_window);
  g_assert_cmpint (options->from_day, ==, lt_days_from_ymd (2021, 7, 1));
  g_assert_cmpint (options->to_day, ==, lt_days_from_ymd (2021, 7, 31));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_pointer (&options, lt_export_options_free);

  /* and the whole graph for all time once the page shows that */
  lt_graph_page_set_neighbourhood (page, 0, 1);
  lt_graph_page_set_period (page, G_MININT64, G_MAXINT64);
  dialog = press_export (window);
  options = lt_export_dialog_dup_options (dialog, &error);
  g_assert_no_error (error);
  g_assert_cmpint (options->focus_actor, ==, 0);
  g_assert_false (options->has_window);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Printing goes through a GtkPrintOperation onto GTK's PDF output: the same pages as the PDF
 * export, with the same text. */
static void
test_print_to_file (void)
{
  g_autoptr(LtStore) store = open_graph_fixture ();
  g_autoptr(LtExportOptions) options = lt_export_options_new (LT_EXPORT_PAGE_TIMELINE);
  g_autoptr(LtPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("letapis-print-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *info_command = g_strdup_printf ("pdfinfo %s", path);
  g_autofree char *text_command = g_strdup_printf ("pdftotext %s -", path);
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected_pages = NULL;
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  GtkPrintOperationResult result;
  guint n_pages;

  if (pdfinfo == NULL)
    {
      g_test_skip ("pdfinfo (poppler-utils) is not installed");
      return;
    }

  options->has_window = TRUE;
  options->from_day = lt_days_from_ymd (2021, 7, 1);
  options->to_day = lt_days_from_ymd (2021, 9, 30);
  options->n_pages = 3;
  operation = lt_print_operation_new (store, options, &error);
  g_assert_no_error (error);
  /* three pages of the drawing, then those of the event key */
  n_pages = lt_print_operation_get_n_pages (operation);
  g_assert_cmpuint (n_pages, >, 3);
  expected_pages = g_strdup_printf ("Pages:           %u\n", n_pages);

  /* GTK's own PDF output, as its "Print to File" printer writes it: the pages go through the
   * print context of a real GtkPrintOperation, as on paper */
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                    NULL, &error);
  g_assert_no_error (error);
  /* a synchronous export has written every page when it returns (GTK 4.8 leaves the status
   * at "generating data" for exports, so the result is what tells) */
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  g_assert_true (g_spawn_command_line_sync (info_command, &info, NULL, NULL, &error));
  g_assert_nonnull (strstr (info, expected_pages));
  g_assert_true (g_spawn_command_line_sync (text_command, &text, NULL, NULL, &error));
  g_assert_nonnull (strstr (text, "Chronicle of Events"));
  g_assert_nonnull (strstr (text, "part 2 of 3"));
  g_assert_nonnull (strstr (text, "Sources"));

  g_unlink (path);
  g_rmdir (dir);
}

/* A chronicle of a few hundred pages; @damaged scribbles over pages near its end, where the search index is,
 * which the pages do not read to show the chronicle: only the check finds them. */
static char *
write_chronicle_file (const char *dir,
                      const char *name,
                      gboolean    damaged)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  chronicle_test_write (path);
  if (damaged)
    chronicle_test_scribble (path, -4 * 4096, 3 * 4096);

  return g_steal_pointer (&path);
}

static GtkWindow *
find_message_dialog (const char *heading)
{
  GtkWindow *dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  if (dialog == NULL || g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)),
                                   heading) != 0)
    return NULL;

  return dialog;
}

/* A chronicle shows at once and is checked meanwhile: adding waits for the check, and a
 * file the check finds damaged is reported, left as it was, and the window goes back to
 * what it showed. */
static void
test_open_checks_in_background (void)
{
  g_autofree char *dir = g_dir_make_tmp ("letapis-window-XXXXXX", NULL);
  g_autofree char *sound = write_chronicle_file (dir, "sound.db", FALSE);
  g_autofree char *damaged = write_chronicle_file (dir, "damaged.db", TRUE);
  g_autoptr(GFile) sound_file = g_file_new_for_path (sound);
  g_autoptr(GFile) damaged_file = g_file_new_for_path (damaged);
  g_autofree char *damaged_wal = g_strconcat (damaged, "-wal", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  LtStore *shown;
  LtWindow *window = lt_window_new (app);
  GtkWidget *add_button;
  GtkWindow *dialog;

  gtk_window_present (GTK_WINDOW (window));
  add_button = find_action_button (GTK_WIDGET (window), "win.new-event");
  g_assert_nonnull (add_button);

  g_assert_true (lt_window_open_database (window, sound_file));
  shown = lt_window_get_store (window);
  g_assert_cmpstr (lt_store_get_path (shown), ==, sound);
  g_assert_false (lt_store_is_empty (shown));
  g_assert_false (gtk_widget_get_sensitive (add_button));
  WAIT_UNTIL (lt_store_get_writable (shown), 10000);
  WAIT_UNTIL (gtk_widget_get_sensitive (add_button), 1000);

  before = g_file_load_bytes (damaged_file, NULL, NULL, NULL);
  g_assert_true (lt_window_open_database (window, damaged_file));
  g_assert_cmpstr (lt_store_get_path (lt_window_get_store (window)), ==, damaged);
  g_assert_false (gtk_widget_get_sensitive (add_button));

  WAIT_UNTIL ((dialog = find_message_dialog (_("Could Not Open Chronicle"))) != NULL, 10000);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "damaged"));
  g_assert_true (lt_window_get_store (window) == shown);
  WAIT_UNTIL (gtk_widget_get_sensitive (add_button), 1000);
  gtk_window_destroy (dialog);

  after = g_file_load_bytes (damaged_file, NULL, NULL, NULL);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (damaged_wal, G_FILE_TEST_EXISTS));

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_unlink (sound);
  g_unlink (damaged);
  g_rmdir (dir);
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

  g_test_add_func ("/Letapis/Window/size-is-kept", test_window_size_is_kept);
  g_test_add_func ("/Letapis/Window/open-checks-in-background", test_open_checks_in_background);
  g_test_add_func ("/Letapis/Window/record-language", test_record_language_follows_setting);
  g_test_add_func ("/Letapis/Window/graph-follow", test_graph_follow_is_kept);
  g_test_add_func ("/Letapis/Window/export-timeline-filter", test_export_takes_timeline_filter);
  g_test_add_func ("/Letapis/Window/export-graph-neighbourhood", test_export_takes_graph_neighbourhood);
  g_test_add_func ("/Letapis/Window/print-to-file", test_print_to_file);
  g_test_add_func ("/Letapis/Window/en", test_window_en);
  g_test_add_func ("/Letapis/Window/uk", test_window_uk);
  g_test_add_func ("/Letapis/Window/be", test_window_be);

  ret = g_test_run ();
  g_clear_object (&app);

  return ret;
}
