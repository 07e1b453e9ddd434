/* test-chronicle.c: the first run, other databases, and files that cannot be used
 *
 * Copyright 2026 The Letapis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "lt-chronicle-file.h"
#include "../fs-test-util.h"

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

static void
write_reserve (const char *path,
               gsize       size)
{
  g_autofree char *zeros = g_malloc0 (size);

  g_assert_true (g_file_set_contents (path, zeros, size, NULL));
}

/* The first start on a nearly full disk: whatever moment the disk fills up,
 * it leaves either nothing or a chronicle that opens, never a file cut short
 * nor scratch files. */
static void
test_full_disk (void)
{
  g_autofree char *dir = g_build_filename (data_home, "full", NULL);
  g_autofree char *folder = g_build_filename (dir, "letapis", NULL);
  g_autofree char *path = g_build_filename (folder, "chronicle.db", NULL);
  g_autofree char *reserve = g_build_filename (dir, "reserve", NULL);
  g_autofree char *filler = g_build_filename (dir, "filler", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  static const gsize free_kib[] = { 16, 128, 400, 700, 900, 1200, 1600, 2400 };
  guint n_failed = 0;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  if (!fs_test_mount_tmpfs (dir, 6 * 1024))
    return;
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (free_kib); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LtStore) store = NULL;

      g_unlink (path);
      g_unlink (filler);
      write_reserve (reserve, free_kib[i] * 1024);
      fs_test_fill (dir);
      g_assert_cmpint (g_unlink (reserve), ==, 0);

      store = lt_chronicle_create (file, TRUE, &error);
      if (store == NULL)
        {
          g_test_message ("%" G_GSIZE_FORMAT " KiB free: %s", free_kib[i], error->message);
          n_failed++;
          g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
        }
      else
        {
          g_autoptr(LtStore) again = NULL;

          g_assert_no_error (error);
          g_clear_object (&store);
          again = lt_chronicle_open (file, &error);
          g_assert_no_error (error);
          g_assert_false (lt_store_is_empty (again));
        }
      /* No scratch database or journal is left beside it. */
      g_assert_cmpuint (fs_test_count_files (folder), <=, 1);
    }
  g_assert_cmpuint (n_failed, >, 0);

  fs_test_unmount (dir);
}

/* A creation killed half-way left its scratch files; the next one clears them. */
static void
test_leftovers_are_removed (void)
{
  g_autofree char *folder = g_build_filename (data_home, "leftovers", NULL);
  g_autofree char *path = g_build_filename (folder, "chronicle.db", NULL);
  g_autofree char *other = g_build_filename (folder, "notes.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LtStore) store = NULL;
  static const char * const names[] = {
    "chronicle.db.new-12345", "chronicle.db.new-12345-wal", "chronicle.db.new-12345-shm",
    "chronicle.db.new-678-wal",
  };

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *name = g_build_filename (folder, names[i], NULL);

      g_assert_true (g_file_set_contents (name, "half", -1, NULL));
    }
  g_assert_true (g_file_set_contents (other, "mine", -1, NULL));

  store = lt_chronicle_create (file, FALSE, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  /* The chronicle and the user's own file, nothing else */
  g_assert_cmpuint (fs_test_count_files (folder), ==, 2);
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
}

/* The chronicle holds sensitive records: only its owner can read it. */
static void
test_created_private (void)
{
  g_autofree char *path = g_build_filename (data_home, "private", "chronicle.db", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LtStore) store = NULL;
  GStatBuf st;

  store = lt_chronicle_create (file, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

/* Opening is not creating: an empty file stays empty and is refused. */
static void
test_empty_file_is_refused (void)
{
  g_autofree char *path = g_build_filename (data_home, "empty.db", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LtStore) store = NULL;
  GStatBuf st;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));

  store = lt_chronicle_open (file, &error);
  g_assert_null (store);
  g_assert_error (error, LT_STORE_ERROR, LT_STORE_ERROR_NOT_DATABASE);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  fs_test_init ();

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
  g_test_add_func ("/Letapis/Chronicle/full-disk", test_full_disk);
  g_test_add_func ("/Letapis/Chronicle/leftovers", test_leftovers_are_removed);
  g_test_add_func ("/Letapis/Chronicle/created-private", test_created_private);
  g_test_add_func ("/Letapis/Chronicle/empty-file", test_empty_file_is_refused);

  ret = g_test_run ();

  g_free (data_home);

  return ret;
}
