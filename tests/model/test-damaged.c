/* test-damaged.c: damaged and foreign files are refused and left as they were
 *
 * Copyright 2024 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include <glib/gstdio.h>

#include "test-helpers.h"
#include "../chronicle-test-util.h"
#include "../fs-test-util.h"

typedef struct
{
  char     *dir;
  char     *path;
  gboolean  mounted;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = make_temp_dir ();
  f->path = g_build_filename (f->dir, "chronicle.letapis", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->mounted)
    fs_test_unmount (f->dir);
  g_chmod (f->dir, 0755);
  g_chmod (f->path, 0644);
  rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
write_chronicle (Fixture *f)
{
  chronicle_test_write (f->path);
}

static void
assert_refused (Fixture    *f,
                int         code,
                const char *mentions)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = file_checksum (f->path);
  g_autofree char *after = NULL;
  LtStore *store;

  store = lt_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, LT_STORE_ERROR, code);
  if (mentions != NULL && strstr (error->message, mentions) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, mentions);
  /* The message names the file. */
  g_assert_nonnull (strstr (error->message, "letapis"));

  after = file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_not_sqlite (Fixture       *f,
                 gconstpointer  data)
{
  g_assert_true (g_file_set_contents (f->path, "These are my notes, not a database.\n", -1, NULL));
  assert_refused (f, LT_STORE_ERROR_NOT_DATABASE, "not a database");
}

static void
test_short_garbage (Fixture       *f,
                    gconstpointer  data)
{
  g_assert_true (g_file_set_contents (f->path, "SQLite format 3\0abc", 19, NULL));
  assert_refused (f, LT_STORE_ERROR_DAMAGED, "cut short");
}

static void
test_foreign_sqlite (Fixture       *f,
                     gconstpointer  data)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_refused (f, LT_STORE_ERROR_NOT_DATABASE, "another program");
}

static void
test_truncated (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *contents = NULL;
  gsize length;

  write_chronicle (f);
  g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 16 * 4096);
  /* Cut at a page boundary, so only the header's page count tells. */
  g_assert_true (g_file_set_contents (f->path, contents, (length / 2) & ~(gsize) 4095, NULL));
  assert_refused (f, LT_STORE_ERROR_DAMAGED, "cut short");

  /* Cut in the middle of a page */
  g_assert_true (g_file_set_contents (f->path, contents, length / 2 + 100, NULL));
  assert_refused (f, LT_STORE_ERROR_DAMAGED, NULL);
}

static void
test_corrupt_pages (Fixture       *f,
                    gconstpointer  data)
{
  write_chronicle (f);

  /* Scribble over pages in the middle: the checks must notice. */
  chronicle_test_scribble (f->path, chronicle_test_size (f->path) / 3, 3 * 4096);
  assert_refused (f, LT_STORE_ERROR_DAMAGED, "damaged");
}

static void
test_bad_header (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *contents = NULL;
  gsize length;

  write_chronicle (f);
  g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
  contents[16] = 0x03;  /* page size 0x03xx: not a power of two */
  contents[17] = 0x01;
  g_assert_true (g_file_set_contents (f->path, contents, length, NULL));
  assert_refused (f, LT_STORE_ERROR_DAMAGED, "damaged");
}

static void
test_intact_opens (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LtStore *store;

  write_chronicle (f);
  store = lt_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_false (lt_store_is_empty (store));
  g_assert_finalize_object (store);
}

/* A worker's second connection skips the page check, but a file that is not
 * a chronicle is still refused, and a sound one opens. */
static void
test_no_check_still_refuses_foreign (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LtStore *store;

  g_assert_true (g_file_set_contents (f->path, "These are my notes, not a database.\n", -1, NULL));
  store = lt_store_open_full (f->path, LT_STORE_OPEN_NO_CHECK, &error);
  g_assert_null (store);
  g_assert_error (error, LT_STORE_ERROR, LT_STORE_ERROR_NOT_DATABASE);
  g_clear_error (&error);

  g_assert_cmpint (g_unlink (f->path), ==, 0);
  write_chronicle (f);
  store = lt_store_open_full (f->path, LT_STORE_OPEN_NO_CHECK, &error);
  g_assert_no_error (error);
  g_assert_false (lt_store_is_empty (store));
  g_assert_finalize_object (store);
}

/* A chronicle as Letapis leaves it: WAL mode, nothing beside it. */
static void
write_wal_chronicle (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  LtSyntheticParams params = { 300, 2, 20, 30, 5, 0 };
  LtStore *store = lt_store_open (f->path, &error);

  g_assert_no_error (error);
  g_assert_true (lt_store_generate_synthetic (store, &params, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (store);
  g_assert_cmpuint (fs_test_count_files (f->dir), ==, 1);
}

/* Root writes through any permission, so for root the folder becomes a
 * small file system that is then remounted read-only. */
static gboolean
prepare_read_only_dir (Fixture *f)
{
  if (geteuid () != 0)
    return TRUE;
  if (!fs_test_mount_tmpfs (f->dir, 16 * 1024))
    return FALSE;
  f->mounted = TRUE;
  return TRUE;
}

static void
make_read_only (Fixture *f,
                gboolean folder_too)
{
  if (f->mounted)
    g_assert_true (fs_test_remount_read_only (f->dir));
  else
    {
      g_assert_cmpint (g_chmod (f->path, 0444), ==, 0);
      if (folder_too)
        g_assert_cmpint (g_chmod (f->dir, 0555), ==, 0);
    }
}

static void
assert_reads (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = file_checksum (f->path);
  g_autofree char *after = NULL;
  g_autoptr(GArray) spans = NULL;
  LtStore *store;

  store = lt_store_open_full (f->path, LT_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (lt_store_is_read_only (store));
  spans = lt_store_dup_event_spans (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (spans->len, >, 200);
  g_assert_finalize_object (store);

  /* Nothing changed, nothing was put beside it. */
  after = file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (fs_test_count_files (f->dir), ==, 1);
}

static void
test_read_only_file (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LtStore *store;

  if (!prepare_read_only_dir (f))
    return;
  write_wal_chronicle (f);
  make_read_only (f, FALSE);

  assert_reads (f);

  /* Opening to edit says what is wrong, not that the file is damaged. */
  store = lt_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, LT_STORE_ERROR, LT_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "read-only"));
  g_assert_cmpuint (fs_test_count_files (f->dir), ==, 1);
}

static void
test_read_only_folder (Fixture       *f,
                       gconstpointer  data)
{
  if (!prepare_read_only_dir (f))
    return;
  write_wal_chronicle (f);
  make_read_only (f, TRUE);

  assert_reads (f);
}

/* An export of a rollback-journal file leaves it in that mode, unchanged. */
static void
test_read_only_keeps_journal_mode (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  LtStore *store;

  write_chronicle (f);
  before = file_checksum (f->path);

  store = lt_store_open_full (f->path, LT_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_false (lt_store_is_empty (store));
  g_assert_finalize_object (store);

  after = file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
  g_assert_cmpint (contents[18], ==, 1);  /* still rollback journal, not WAL */
  g_assert_cmpuint (fs_test_count_files (f->dir), ==, 1);
}

static void
test_empty_file_is_not_a_chronicle (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LtStore *store;
  GStatBuf st;

  g_assert_true (g_file_set_contents (f->path, "", 0, NULL));

  store = lt_store_open_full (f->path, LT_STORE_OPEN_READ_ONLY, &error);
  g_assert_null (store);
  g_assert_error (error, LT_STORE_ERROR, LT_STORE_ERROR_NOT_DATABASE);
  g_assert_nonnull (strstr (error->message, "empty"));
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, 0);
  g_assert_cmpuint (fs_test_count_files (f->dir), ==, 1);
}

/* A foreign WAL-mode database is refused without -wal and -shm files
 * appearing beside it. */
static void
test_refused_leaves_nothing_beside (Fixture       *f,
                                    gconstpointer  data)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = WAL;"
                                 "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpuint (fs_test_count_files (f->dir), ==, 1);

  assert_refused (f, LT_STORE_ERROR_NOT_DATABASE, "another program");
  g_assert_cmpuint (fs_test_count_files (f->dir), ==, 1);
}

static void
test_missing_table (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  LtStore *store;

  write_chronicle (f);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DROP TABLE layouts", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_refused (f, LT_STORE_ERROR_DAMAGED, "missing");

  store = lt_store_open_full (f->path, LT_STORE_OPEN_READ_ONLY, &error);
  g_assert_null (store);
  g_assert_error (error, LT_STORE_ERROR, LT_STORE_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "layouts"));
}

typedef struct
{
  sqlite3 *db;
  gint64   release_after_ms;
} Locker;

static gpointer
release_lock_thread (gpointer data)
{
  Locker *locker = data;

  g_usleep (locker->release_after_ms * 1000);
  sqlite3_exec (locker->db, "COMMIT", NULL, NULL, NULL);
  return NULL;
}

/* Another program writing holds an exclusive lock: the open waits for it
 * (the busy timeout), and says "in use" if it never ends. */
static void
test_locked (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Locker locker = { NULL, 300 };
  GThread *thread;
  LtStore *store;

  write_chronicle (f);
  g_assert_cmpint (sqlite3_open (f->path, &locker.db), ==, SQLITE_OK);

  g_assert_cmpint (sqlite3_exec (locker.db, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);
  thread = g_thread_new ("release", release_lock_thread, &locker);
  store = lt_store_open_full (f->path, LT_STORE_OPEN_READ_ONLY, &error);
  g_thread_join (thread);
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  g_assert_cmpint (sqlite3_exec (locker.db, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);
  store = lt_store_open_full (f->path, LT_STORE_OPEN_READ_ONLY, &error);
  g_assert_null (store);
  g_assert_error (error, LT_STORE_ERROR, LT_STORE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "in use by another program"));
  g_assert_null (strstr (error->message, "damaged"));

  sqlite3_exec (locker.db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (locker.db);
}

/* Opening for the window: shown at once, checked in a thread */

static void
check_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GError **error = user_data;

  if (!lt_store_check_finish (LT_STORE (object), result, error) && *error == NULL)
    g_error ("a failed check gave no error");
  if (*error == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "sound");
}

/* Runs the check and waits for it; returns NULL for a sound file, else its error. */
static GError *
run_check (LtStore *store)
{
  GError *error = NULL;

  lt_store_check_async (store, NULL, check_done_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    g_clear_error (&error);

  return error;
}

static gboolean
try_write (LtStore  *store,
           GError  **error)
{
  g_autoptr(GArray) positions = g_array_new (FALSE, TRUE, sizeof (LtActorPosition));

  return lt_store_save_positions (store, "test", positions, error);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  (*(guint *) user_data)++;
}

/* A sound file reads at once, writes nothing until its check has passed, and then
 * writes; the check runs once. */
static void
test_check_later_sound (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint n_notify = 0;
  LtStore *store;

  write_wal_chronicle (f);
  before = file_checksum (f->path);

  store = lt_store_open_full (f->path, LT_STORE_OPEN_CHECK_LATER, &error);
  g_assert_no_error (error);
  g_signal_connect (store, "notify::writable", G_CALLBACK (count_notify_cb), &n_notify);
  g_assert_false (lt_store_is_empty (store));
  g_assert_false (lt_store_get_writable (store));
  g_assert_true (lt_store_is_read_only (store));

  g_assert_false (try_write (store, &error));
  g_assert_error (error, LT_STORE_ERROR, LT_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "checked"));
  g_clear_error (&error);
  /* nothing is put beside a file that is only being read */
  g_assert_cmpuint (fs_test_count_files (f->dir), ==, 1);
  after = file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);

  g_assert_null (run_check (store));
  g_assert_cmpuint (n_notify, ==, 1);
  g_assert_true (lt_store_get_writable (store));
  g_assert_false (lt_store_is_read_only (store));
  g_assert_true (try_write (store, &error));
  g_assert_no_error (error);

  /* once per open: asking again gives the same answer, and nothing changes */
  g_assert_null (run_check (store));
  g_assert_cmpuint (n_notify, ==, 1);
  g_assert_finalize_object (store);
}

/* A damaged file opens for reading, its check fails with the same message as a checked
 * open, and it is never written to, nor anything left beside it. */
static void
test_check_later_damaged (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) checked_error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  LtStore *store;

  write_chronicle (f);
  chronicle_test_scribble (f->path, chronicle_test_size (f->path) / 3, 3 * 4096);
  before = file_checksum (f->path);

  g_assert_null (lt_store_open (f->path, &checked_error));
  g_assert_error (checked_error, LT_STORE_ERROR, LT_STORE_ERROR_DAMAGED);

  store = lt_store_open_full (f->path, LT_STORE_OPEN_CHECK_LATER, &error);
  g_assert_no_error (error);
  g_assert_false (lt_store_get_writable (store));

  error = run_check (store);
  g_assert_error (error, LT_STORE_ERROR, LT_STORE_ERROR_DAMAGED);
  g_assert_cmpstr (error->message, ==, checked_error->message);
  g_clear_error (&error);
  g_assert_false (lt_store_get_writable (store));

  /* writing stays refused, with the reason */
  g_assert_false (try_write (store, &error));
  g_assert_error (error, LT_STORE_ERROR, LT_STORE_ERROR_DAMAGED);
  g_clear_error (&error);
  g_assert_finalize_object (store);

  after = file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (fs_test_count_files (f->dir), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  fs_test_init ();
  test_setup_locale ();
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/Letapis/Damaged/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("not-sqlite", test_not_sqlite);
  ADD ("short-garbage", test_short_garbage);
  ADD ("foreign-sqlite", test_foreign_sqlite);
  ADD ("truncated", test_truncated);
  ADD ("corrupt-pages", test_corrupt_pages);
  ADD ("bad-header", test_bad_header);
  ADD ("intact-opens", test_intact_opens);
  ADD ("no-check-refuses-foreign", test_no_check_still_refuses_foreign);
  ADD ("read-only-file", test_read_only_file);
  ADD ("read-only-folder", test_read_only_folder);
  ADD ("read-only-keeps-journal-mode", test_read_only_keeps_journal_mode);
  ADD ("empty-file", test_empty_file_is_not_a_chronicle);
  ADD ("refused-leaves-nothing-beside", test_refused_leaves_nothing_beside);
  ADD ("missing-table", test_missing_table);
  ADD ("locked", test_locked);
  ADD ("check-later-sound", test_check_later_sound);
  ADD ("check-later-damaged", test_check_later_damaged);
#undef ADD

  return g_test_run ();
}
