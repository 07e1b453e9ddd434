/* test-migrations.c: older files upgrade, newer files are refused untouched
 *
 * Copyright 2024 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lt-model-private.h"
#include "test-helpers.h"

static void
exec_or_die (sqlite3    *db,
             const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static gint64
query_int (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

/* A version-1 file as an older Letapis left it: schema 1 through the real
 * migration step, and rows written with plain SQL of that version. */
static char *
make_v1_fixture (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "old.letapis", NULL);
  LtStore *store;
  sqlite3 *db = NULL;

  store = _lt_store_open_at_version (path, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lt_store_get_schema_version (store), ==, 1);
  g_object_unref (store);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  exec_or_die (db,
               "BEGIN;"
               "INSERT INTO actors (id, slug, name, kind) VALUES (1, 'viasna', 'Viasna', 'organization');"
               "INSERT INTO actor_aliases VALUES (1, 0, 'Вясна');"
               "INSERT INTO places (id, name) VALUES (1, 'Minsk');"
               "INSERT INTO events (id, slug, title, summary, date, start_day, end_day, precision,"
               "  place, place_id, category) VALUES"
               "  (1, 'searches', 'Searches', 'Offices searched', '2021-07-14', 18822, 18822, 3, 'Minsk', 1, 'detention'),"
               "  (2, 'sanctions', 'Sanctions', '', '2021-06~', 18779, 18808, 2, NULL, NULL, 'sanctions'),"
               "  (3, 'statement', 'Statement', '', '2022', 18993, 19357, 1, NULL, NULL, 'statement');"
               "INSERT INTO event_actors VALUES (1, 0, 1, 'target');"
               "INSERT INTO search (rowid, name, body) VALUES (4, 'searches', 'offices searched minsk');"
               "INSERT INTO search_records (rowid, name, body) VALUES (5, 'viasna viasna', '');"
               "COMMIT;");
  sqlite3_close (db);

  return g_steal_pointer (&path);
}

static void
test_upgrade_v1 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = make_v1_fixture (dir);
  g_autoptr(LtStore) store = NULL;
  g_autoptr(LtEventFilter) filter = lt_event_filter_new ();
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GArray) counts = NULL;
  g_autoptr(GArray) hits = NULL;
  g_autoptr(LtEvent) event = NULL;

  g_assert_cmpint (query_int (path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM pragma_table_info('events') WHERE name = 'cat'"), ==, 0);

  store = lt_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lt_store_get_schema_version (store), ==, LT_SCHEMA_VERSION);

  /* The data is there, with what version 2 added filled in. */
  event = lt_store_lookup_event (store, 1);
  g_assert_cmpstr (lt_event_get_title (event), ==, "Searches");
  spans = lt_store_dup_event_spans (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (spans->len, ==, 3);
  g_assert_cmpstr (lt_category_list_keys ()[g_array_index (spans, LtEventSpan, 1).category], ==, "detention");
  g_assert_cmpstr (lt_category_list_keys ()[g_array_index (spans, LtEventSpan, 0).category], ==, "sanctions");

  counts = lt_store_dup_event_counts (store, NULL, LT_BUCKET_YEAR, &error);
  g_assert_cmpuint (counts->len, ==, 3);

  /* The year event is long: the partial index built by the migration finds it. */
  lt_event_filter_set_window (filter, 19100, 19110);
  g_clear_pointer (&spans, g_array_unref);
  spans = lt_store_dup_event_spans (store, filter, &error);
  g_assert_cmpuint (spans->len, ==, 1);
  g_assert_cmpint (g_array_index (spans, LtEventSpan, 0).id, ==, 3);

  hits = lt_store_search (store, "Вясна", 5, &error);
  g_assert_cmpuint (hits->len, ==, 1);

  /* Writing works with the new triggers. */
  g_assert_true (lt_store_delete_event (store, 1, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_cmpint (query_int (path, "PRAGMA user_version"), ==, LT_SCHEMA_VERSION);
  g_assert_cmpint (query_int (path, "SELECT sum(n) FROM event_counts"), ==, 2);
  g_assert_cmpint (query_int (path, "PRAGMA application_id"), ==, 0x4c544150);

  rm_rf (dir);
}

static void
test_refuse_newer (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "new.letapis", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  LtStore *store;
  sqlite3 *db = NULL;

  store = lt_store_open (path, &error);
  g_assert_no_error (error);
  g_object_unref (store);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  exec_or_die (db, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99;");
  sqlite3_close (db);

  before = file_checksum (path);
  store = lt_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, LT_STORE_ERROR, LT_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "99"));
  g_assert_nonnull (strstr (error->message, "newer"));
  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (query_int (path, "PRAGMA user_version"), ==, 99);

  rm_rf (dir);
}

static void
test_fresh_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "fresh.letapis", NULL);
  LtStore *store;

  store = lt_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (lt_store_is_empty (store));
  g_assert_cmpstr (lt_store_get_path (store), ==, path);
  g_assert_finalize_object (store);

  g_assert_cmpint (query_int (path, "PRAGMA user_version"), ==, LT_SCHEMA_VERSION);
  g_assert_cmpint (query_int (path, "PRAGMA foreign_keys"), ==, 0);  /* per connection */
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'"), ==, 1);

  /* Reopening is a no-op migration. */
  store = lt_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lt_store_get_schema_version (store), ==, LT_SCHEMA_VERSION);
  g_assert_finalize_object (store);

  rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  test_setup_locale ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Letapis/Migrations/upgrade-v1", test_upgrade_v1);
  g_test_add_func ("/Letapis/Migrations/refuse-newer", test_refuse_newer);
  g_test_add_func ("/Letapis/Migrations/fresh-file", test_fresh_file);

  return g_test_run ();
}
