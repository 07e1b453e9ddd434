/* test-import-dialog.c: the import preview under Xvfb, as a user runs it
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "lt-application.h"
#include "lt-import-dialog.h"
#include "lt-model.h"
#include "lt-window.h"
#include "widget-test-util.h"

static LtApplication *app;
/* Removed at exit: the views' worker threads may still be reading a
 * chronicle right after its window is destroyed. */
static GPtrArray *dirs;

static void
rm_dir (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static GFile *
fixture (const char *name)
{
  return g_file_new_build_filename (g_getenv ("G_TEST_SRCDIR"), "fixtures", "import", name, NULL);
}

static guint
count_events (LtStore *store)
{
  g_autoptr(LtEventFilter) all = lt_event_filter_new ();

  lt_event_filter_set_include_restricted (all, TRUE);
  return lt_store_count_events (store, all, NULL);
}

/* A chronicle in a file: the dialog's worker opens its own connection. */
static LtStore *
open_mini (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "chronicle.letapis", NULL);
  g_autoptr(GFile) mini = g_file_new_build_filename (g_getenv ("G_TEST_SRCDIR"), "fixtures", "mini", NULL);
  g_autoptr(GError) error = NULL;
  LtStore *store = lt_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (lt_store_import_chronicle (store, mini, &error));
  return store;
}

static LtImportDialog *
open_dialog (LtWindow   *window,
             LtStore    *store,
             const char *name)
{
  g_autoptr(GFile) file = fixture (name);
  LtImportDialog *dialog = lt_import_dialog_new (GTK_WINDOW (window), store, file);

  gtk_window_present (GTK_WINDOW (dialog));
  WAIT_UNTIL (!lt_import_dialog_is_busy (dialog), 10000);
  WAIT_UNTIL (!gtk_stack_get_transition_running (GTK_STACK (find_type (GTK_WIDGET (dialog), GTK_TYPE_STACK))),
              5000);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  return dialog;
}

static void
test_import_en (void)
{
  g_autofree char *dir = g_dir_make_tmp ("letapis-import-XXXXXX", NULL);
  g_autoptr(LtStore) store = open_mini (dir);
  LtWindow *window = lt_window_new (app);
  LtImportDialog *dialog;
  guint before = count_events (store);

  setlocale (LC_ALL, "en_US.UTF-8");
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
  lt_window_set_store (window, store);

  dialog = open_dialog (window, store, "timelinejs.csv");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);

  /* What a user reads before importing */
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "A TimelineJS spreadsheet"));
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "28 added, 0 updated, 0 skipped"));
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "row 14: month 13 does not exist"));
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "row 27: the headline is empty"));
  g_assert_cmpuint (count_events (store), ==, before);
  save_png (GTK_WIDGET (dialog), "import-dialog-en.png");

  /* Import: the dialog closes, the events are there, and a toast offers Undo. */
  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Import"), "clicked");
  WAIT_UNTIL (dialog == NULL, 10000);
  g_assert_cmpuint (count_events (store), ==, before + 28);
  g_assert_cmpstr (lt_store_get_undo_label (store), ==, "Import “timelinejs.csv”");
  WAIT_UNTIL (find_label (GTK_WIDGET (window), "28 events imported") != NULL, 5000);
  g_signal_emit_by_name (find_button (GTK_WIDGET (window), "_Undo"), "clicked");
  g_assert_cmpuint (count_events (store), ==, before);

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  g_ptr_array_add (dirs, g_steal_pointer (&dir));
}

static void
test_import_uk (void)
{
  g_autofree char *dir = g_dir_make_tmp ("letapis-import-XXXXXX", NULL);
  g_autoptr(LtStore) store = open_mini (dir);
  LtWindow *window = lt_window_new (app);
  LtImportDialog *dialog;

  g_assert_nonnull (setlocale (LC_ALL, "uk_UA.UTF-8"));
  gtk_window_present (GTK_WINDOW (window));
  lt_window_set_store (window, store);

  dialog = open_dialog (window, store, "timelinejs.csv");
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "рядок 14: місяця 13 не існує"));
  save_png (GTK_WIDGET (dialog), "import-dialog-uk.png");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* A Windows-1251 spreadsheet with its own columns: they can be chosen. */
  dialog = open_dialog (window, store, "windows-1251.csv");
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "Кодування тексту: WINDOWS-1251"));
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "Стовпці"));
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "Назва"));
  save_png (GTK_WIDGET (dialog), "import-dialog-uk-columns.png");
  gtk_window_destroy (GTK_WINDOW (dialog));

  setlocale (LC_ALL, "en_US.UTF-8");
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  g_ptr_array_add (dirs, g_steal_pointer (&dir));
}

static GtkWidget *
find_combo_row (GtkWidget  *widget,
                const char *title)
{
  if (ADW_IS_COMBO_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *hit = find_combo_row (child, title);

      if (hit != NULL)
        return hit;
    }
  return NULL;
}

static void
test_conflict (void)
{
  g_autofree char *dir = g_dir_make_tmp ("letapis-import-XXXXXX", NULL);
  g_autofree char *json = g_build_filename (dir, "colleague.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (json);
  g_autoptr(LtStore) store = open_mini (dir);
  g_autoptr(LtEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  LtWindow *window = lt_window_new (app);
  LtImportDialog *dialog;
  GtkWidget *row;
  gint64 id;

  setlocale (LC_ALL, "en_US.UTF-8");
  g_assert_true (lt_store_export_json (store, file, &error));
  id = lt_store_find_event (store, "mini-eu-sanctions");
  event = lt_store_lookup_event (store, id);
  lt_event_set_place (event, "Luxembourg");
  g_assert_true (lt_store_update_event (store, event, &error));
  g_clear_object (&event);

  gtk_window_present (GTK_WINDOW (window));
  lt_window_set_store (window, store);
  dialog = lt_import_dialog_new (GTK_WINDOW (window), store, file);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  WAIT_UNTIL (!lt_import_dialog_is_busy (dialog), 10000);

  /* The colleague's version of the edited event is offered as a choice. */
  g_assert_cmpuint (lt_importer_get_n_conflicts (lt_import_dialog_get_importer (dialog)), ==, 1);
  row = find_combo_row (GTK_WIDGET (dialog),
                        lt_importer_get_conflict_label (lt_import_dialog_get_importer (dialog), 0));
  g_assert_nonnull (row);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, LT_IMPORT_KEEP_MINE);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), LT_IMPORT_TAKE_THEIRS);
  WAIT_UNTIL (!lt_import_dialog_is_busy (dialog), 10000);
  WAIT_UNTIL (!gtk_stack_get_transition_running (GTK_STACK (find_type (GTK_WIDGET (dialog), GTK_TYPE_STACK))),
              5000);
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "0 added, 1 updated, 6 skipped"));
  save_png (GTK_WIDGET (dialog), "import-dialog-conflict-en.png");

  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Import"), "clicked");
  WAIT_UNTIL (dialog == NULL, 10000);
  event = lt_store_lookup_event (store, id);
  g_assert_cmpstr (lt_event_get_place (event), ==, "Brussels");

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  g_ptr_array_add (dirs, g_steal_pointer (&dir));
}

static void
test_import_be (void)
{
  g_autofree char *dir = g_dir_make_tmp ("letapis-import-XXXXXX", NULL);
  g_autoptr(LtStore) store = open_mini (dir);
  LtWindow *window = lt_window_new (app);
  LtImportDialog *dialog;

  g_assert_nonnull (setlocale (LC_ALL, "be_BY.UTF-8"));
  gtk_window_present (GTK_WINDOW (window));
  lt_window_set_store (window, store);

  dialog = open_dialog (window, store, "timelinejs.csv");
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "радок 14: месяца 13 не існуе"));
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "Дададзена — 28, абноўлена — 0, прапушчана — 0"));
  save_png (GTK_WIDGET (dialog), "import-dialog-be.png");
  gtk_window_destroy (GTK_WINDOW (dialog));

  setlocale (LC_ALL, "en_US.UTF-8");
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  g_ptr_array_add (dirs, g_steal_pointer (&dir));
}

typedef struct
{
  gint64 last;
  gint64 longest;
} Gaps;

static gboolean
tick_cb (gpointer data)
{
  Gaps *gaps = data;
  gint64 now = g_get_monotonic_time ();

  if (gaps->last != 0)
    gaps->longest = MAX (gaps->longest, now - gaps->last);
  gaps->last = now;
  return G_SOURCE_CONTINUE;
}

static void
test_cancel_big_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("letapis-import-XXXXXX", NULL);
  g_autofree char *csv = g_build_filename (dir, "big.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(GString) text = g_string_new ("Year,Month,Day,Headline,Text,Group\r\n");
  g_autoptr(LtStore) store = open_mini (dir);
  LtWindow *window = lt_window_new (app);
  LtImportDialog *dialog;
  guint before = count_events (store);
  Gaps gaps = { 0, 0 };
  guint tick;

  setlocale (LC_ALL, "en_US.UTF-8");
  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (text, "%u,%u,%u,Big event %u,Text %u,Protest\r\n",
                            2000 + i % 20, 1 + i % 12, 1 + i % 28, i, i);
  g_assert_true (g_file_set_contents (csv, text->str, (gssize) text->len, NULL));

  gtk_window_present (GTK_WINDOW (window));
  lt_window_set_store (window, store);
  dialog = lt_import_dialog_new (GTK_WINDOW (window), store, file);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  WAIT_UNTIL (!lt_import_dialog_is_busy (dialog), 20000);

  /* Cancel while importing: nothing is added, the preview comes back. */
  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Import"), "clicked");
  g_assert_true (lt_import_dialog_is_busy (dialog));
  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Cancel"), "clicked");
  WAIT_UNTIL (!lt_import_dialog_is_busy (dialog), 20000);
  g_assert_nonnull (dialog);
  g_assert_cmpuint (count_events (store), ==, before);
  g_assert_false (lt_store_get_can_undo (store));
  g_assert_cmpuint (lt_importer_get_count (lt_import_dialog_get_importer (dialog),
                                           LT_RECORD_EVENT, LT_IMPORT_ADDED), ==, 20000);

  /* The window keeps running its main loop while the import works. */
  tick = g_timeout_add (5, tick_cb, &gaps);
  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Import"), "clicked");
  WAIT_UNTIL (dialog == NULL, 60000);
  g_source_remove (tick);
  g_assert_cmpuint (count_events (store), ==, before + 20000);
  g_test_message ("longest main-loop gap while importing 20,000 rows: %.1f ms", gaps.longest / 1e3);
  g_assert_cmpint (gaps.longest, <, G_USEC_PER_SEC);

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  g_ptr_array_add (dirs, g_steal_pointer (&dir));
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

  g_test_add_func ("/Letapis/ImportDialog/en", test_import_en);
  g_test_add_func ("/Letapis/ImportDialog/uk", test_import_uk);
  g_test_add_func ("/Letapis/ImportDialog/be", test_import_be);
  g_test_add_func ("/Letapis/ImportDialog/conflict", test_conflict);
  g_test_add_func ("/Letapis/ImportDialog/cancel-big-file", test_cancel_big_file);

  dirs = g_ptr_array_new_with_free_func (g_free);
  ret = g_test_run ();
  g_clear_object (&app);
  for (guint i = 0; i < dirs->len; i++)
    rm_dir (g_ptr_array_index (dirs, i));
  g_ptr_array_unref (dirs);
  return ret;
}
