/* test-chronicle.c: the first run, other databases, and files that cannot be used
 *
 * Copyright 2026 The Letapis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "lt-chronicle.h"

static char *data_home;

static void
test_first_run_loads_bundled_chronicle (void)
{
  g_autoptr(GFile) file = lt_chronicle_dup_default_file ();
  g_autoptr(LtStore) store = NULL;
  g_autoptr(LtStore) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = g_build_filename (data_home, "letapis", "chronicle.db", NULL);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GListModel) events = NULL;
  guint n_events;

  g_assert_cmpstr (path, ==, expected);
  g_assert_false (g_file_query_exists (file, NULL));

  store = lt_chronicle_open_default (&error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_true (g_file_query_exists (file, NULL));
  g_assert_false (lt_store_is_empty (store));

  events = lt_store_list_events (store, NULL);
  n_events = g_list_model_get_n_items (events);
  g_assert_cmpuint (n_events, >=, 15);

  /* The second start opens the same database rather than importing again. */
  g_clear_object (&events);
  g_clear_object (&store);
  again = lt_chronicle_open_default (&error);
  g_assert_no_error (error);
  events = lt_store_list_events (again, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, n_events);
}

static void
test_new_empty_chronicle (void)
{
  g_autofree char *path = g_build_filename (data_home, "reports", "empty.db", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LtStore) store = NULL;

  store = lt_chronicle_create (file, FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_true (lt_store_is_empty (store));
  g_assert_cmpstr (lt_store_get_path (store), ==, path);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (listing) != NULL)
    n++;

  return n;
}

static void
test_unwritable_place_leaves_nothing (void)
{
  /* A regular file where a folder should be makes the place unwritable even
   * for root, who can write anywhere else. */
  g_autofree char *blocker = g_build_filename (data_home, "blocker", NULL);
  g_autofree char *path = g_build_filename (blocker, "sub", "chronicle.db", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LtStore) store = NULL;
  guint before;

  g_assert_true (g_file_set_contents (blocker, "", 0, NULL));
  before = count_files (data_home);

  store = lt_chronicle_create (file, TRUE, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_cmpuint (count_files (data_home), ==, before);
}

static void
test_foreign_file_is_refused_and_untouched (void)
{
  static const char garbage[] = "This is a letter, not a chronicle.\n";
  g_autofree char *path = g_build_filename (data_home, "letter.db", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LtStore) store = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_set_contents (path, garbage, -1, NULL));

  store = lt_chronicle_open (file, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, !=, "");

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpstr (contents, ==, garbage);
}

static void
test_missing_file_is_named (void)
{
  g_autofree char *path = g_build_filename (data_home, "nowhere.db", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LtStore) store = NULL;

  store = lt_chronicle_open (file, &error);
  g_assert_null (store);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  /* GLib caches the user data dir on first use, so point it at a scratch
   * folder before anything asks. */
  data_home = g_dir_make_tmp ("letapis-test-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Letapis/Chronicle/first-run", test_first_run_loads_bundled_chronicle);
  g_test_add_func ("/Letapis/Chronicle/new-empty", test_new_empty_chronicle);
  g_test_add_func ("/Letapis/Chronicle/unwritable", test_unwritable_place_leaves_nothing);
  g_test_add_func ("/Letapis/Chronicle/foreign-file", test_foreign_file_is_refused_and_untouched);
  g_test_add_func ("/Letapis/Chronicle/missing-file", test_missing_file_is_named);

  ret = g_test_run ();

  g_free (data_home);

  return ret;
}
