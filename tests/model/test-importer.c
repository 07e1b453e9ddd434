/* test-importer.c: CSV and chronicle imports with a preview
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lt-csv.h"
#include "test-helpers.h"

static GFile *
fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "import", name, NULL);

  return g_file_new_for_path (path);
}

static LtImporter *
load (GFile *file)
{
  g_autoptr(GError) error = NULL;
  LtImporter *importer = lt_importer_new (file);

  lt_importer_load (importer, NULL, &error);
  g_assert_no_error (error);
  return importer;
}

static guint
count_all_events (LtStore *store)
{
  g_autoptr(LtEventFilter) all = lt_event_filter_new ();

  lt_event_filter_set_include_restricted (all, TRUE);
  return lt_store_count_events (store, all, NULL);
}

static guint
n_items (GListModel *model)
{
  g_autoptr(GListModel) owned = model;

  return g_list_model_get_n_items (owned);
}

static void
test_csv_parse (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LtCsv) csv = NULL;
  g_autofree char *text = NULL;
  const char *encoding;
  char **row;

  /* A BOM, CRLF, quotes with separators, doubled quotes and a newline,
   * a blank line, and the last record without a line end. */
  static const char data[] = "\xef\xbb\xbf" "a;b;c\r\n1;\"x; y\";\"say \"\"hi\"\"\r\nagain\"\r\n\r\n2;;3";

  text = lt_csv_decode (data, strlen (data), NULL, &encoding, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (encoding, ==, "UTF-8");
  csv = lt_csv_parse (text, &error);
  g_assert_no_error (error);

  g_assert_cmpint (csv->delimiter, ==, ';');
  g_assert_cmpuint (csv->rows->len, ==, 3);
  row = g_ptr_array_index (csv->rows, 0);
  g_assert_cmpstr (row[0], ==, "a");
  row = g_ptr_array_index (csv->rows, 1);
  g_assert_cmpuint (g_strv_length (row), ==, 3);
  g_assert_cmpstr (row[1], ==, "x; y");
  g_assert_cmpstr (row[2], ==, "say \"hi\"\nagain");
  row = g_ptr_array_index (csv->rows, 2);
  g_assert_cmpstr (row[1], ==, "");
  g_assert_cmpstr (row[2], ==, "3");
  /* Spreadsheet rows: the blank one counts, the newline inside a cell does not. */
  g_assert_cmpuint (g_array_index (csv->row_numbers, guint, 2), ==, 4);

  g_clear_pointer (&csv, lt_csv_free);
  g_assert_null (lt_csv_parse ("a,b\n1,\"open", &error));
  g_assert_error (error, LT_STORE_ERROR, LT_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2"));
}

static void
test_timelinejs (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LtStore) store = lt_store_open (":memory:", &error);
  g_autoptr(GFile) file = fixture ("timelinejs.csv");
  g_autoptr(LtImporter) importer = load (file);
  g_autoptr(LtImporter) again = NULL;
  g_autoptr(LtEvent) event = NULL;
  GPtrArray *citations;
  const LtDateRange *range;

  g_assert_no_error (error);
  lt_store_set_language (store, "en");
  g_assert_cmpint (lt_importer_get_format (importer), ==, LT_IMPORT_FORMAT_TIMELINEJS);

  g_assert_true (lt_importer_preview (importer, store, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lt_importer_get_count (importer, LT_RECORD_EVENT, LT_IMPORT_ADDED), ==, 28);
  g_assert_cmpuint (lt_importer_get_count (importer, LT_RECORD_SOURCE, LT_IMPORT_ADDED), ==, 5);
  g_assert_cmpuint (lt_importer_get_n_issues (importer), ==, 2);
  g_assert_cmpuint (lt_importer_get_issue_row (importer, 0), ==, 14);
  g_assert_cmpstr (lt_importer_get_issue (importer, 0), ==, "row 14: month 13 does not exist");
  g_assert_true (lt_importer_get_issue_skips (importer, 0));
  g_assert_cmpuint (lt_importer_get_issue_row (importer, 1), ==, 27);
  g_assert_cmpstr (lt_importer_get_issue (importer, 1), ==, "row 27: the headline is empty");
  /* A preview writes nothing. */
  g_assert_cmpuint (count_all_events (store), ==, 0);

  g_assert_true (lt_importer_apply (importer, store, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_all_events (store), ==, 28);
  g_assert_cmpuint (n_items (lt_store_list_sources (store)), ==, 5);

  event = lt_store_lookup_event (store, lt_store_find_event (store, "event-05-in-homiel-2023-04-04"));
  g_assert_nonnull (event);
  g_assert_cmpstr (lt_event_get_summary (event), ==, "Two lines:\nfirst \"quoted\" and second");
  g_assert_cmpstr (lt_event_get_category (event), ==, "statement");
  range = lt_event_get_date_range (event);
  g_assert_true (range->has_end);
  g_assert_cmpint (range->end.day, ==, 5);
  citations = lt_event_get_citations (event);
  g_assert_cmpuint (citations->len, ==, 1);
  g_assert_cmpstr (((LtCitation *) citations->pdata[0])->source_title, ==, "Viasna");
  g_clear_object (&event);

  /* Year alone: a year-precision date */
  event = lt_store_lookup_event (store, lt_store_find_event (store, "event-07-in-mahiliou-2021"));
  g_assert_nonnull (event);
  g_assert_cmpint (lt_event_get_date_range (event)->start.precision, ==, LT_PRECISION_YEAR);

  /* The same file again adds nothing. */
  again = load (file);
  g_assert_true (lt_importer_preview (again, store, NULL, &error));
  g_assert_cmpuint (lt_importer_get_count (again, LT_RECORD_EVENT, LT_IMPORT_ADDED), ==, 0);
  g_assert_cmpuint (lt_importer_get_count (again, LT_RECORD_EVENT, LT_IMPORT_UPDATED), ==, 0);
  g_assert_cmpuint (lt_importer_get_count (again, LT_RECORD_EVENT, LT_IMPORT_SKIPPED), ==, 28);
  g_assert_cmpuint (lt_importer_get_count (again, LT_RECORD_SOURCE, LT_IMPORT_ADDED), ==, 0);
  g_assert_true (lt_importer_apply (again, store, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_all_events (store), ==, 28);
  g_assert_cmpuint (n_items (lt_store_list_sources (store)), ==, 5);
}

static void
test_windows_1251 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LtStore) store = lt_store_open (":memory:", &error);
  g_autoptr(GFile) file = fixture ("windows-1251.csv");
  g_autoptr(LtImporter) importer = load (file);
  g_autoptr(LtEvent) event = NULL;
  g_autoptr(GPtrArray) participants = NULL;
  GPtrArray *citations;
  gint64 id;

  lt_store_set_language (store, "en");
  g_assert_cmpint (lt_importer_get_format (importer), ==, LT_IMPORT_FORMAT_CSV);
  g_assert_cmpstr (lt_importer_get_encoding (importer), ==, "WINDOWS-1251");
  g_assert_cmpstr (lt_importer_get_columns (importer)[1], ==, "Назва");
  g_assert_cmpint (lt_importer_get_column (importer, LT_IMPORT_FIELD_TITLE), ==, 1);
  g_assert_cmpint (lt_importer_get_column (importer, LT_IMPORT_FIELD_ACTORS), ==, 5);
  g_assert_cmpint (lt_importer_get_column (importer, LT_IMPORT_FIELD_LOCATOR), ==, 8);

  g_assert_true (lt_importer_apply (importer, store, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lt_importer_get_n_issues (importer), ==, 0);
  g_assert_cmpuint (lt_importer_get_count (importer, LT_RECORD_EVENT, LT_IMPORT_ADDED), ==, 3);
  g_assert_cmpuint (lt_importer_get_count (importer, LT_RECORD_ACTOR, LT_IMPORT_ADDED), ==, 2);
  g_assert_cmpuint (lt_importer_get_count (importer, LT_RECORD_SOURCE, LT_IMPORT_ADDED), ==, 1);

  id = lt_store_find_actor (store, "Іван Петренко");
  g_assert_cmpint (id, !=, 0);
  g_assert_cmpuint (n_items (lt_store_list_events_of_actor (store, id)), ==, 2);

  {
    g_autoptr(GArray) hits = lt_store_search (store, "Мінську", 10, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 1);
    event = lt_store_lookup_event (store, g_array_index (hits, LtSearchHit, 0).id);
  }
  g_assert_cmpstr (lt_event_get_title (event), ==, "Протест у Мінську");
  g_assert_cmpstr (lt_event_get_place (event), ==, "Мінськ");
  g_assert_cmpint (lt_event_get_date_range (event)->start.day, ==, 9);
  g_assert_cmpint (lt_event_get_date_range (event)->start.month, ==, 8);
  participants = lt_event_list_participants (event);
  g_assert_cmpuint (participants->len, ==, 2);
  citations = lt_event_get_citations (event);
  g_assert_cmpuint (citations->len, ==, 1);
  g_assert_cmpstr (((LtCitation *) citations->pdata[0])->locator, ==, "с. 2");
}

static void
test_missing_columns (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LtStore) store = lt_store_open (":memory:", &error);
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "people.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LtImporter) importer = NULL;

  g_assert_true (g_file_set_contents (path, "Name,When\nAnna,2021-03\n", -1, NULL));
  importer = load (file);
  g_assert_false (lt_importer_preview (importer, store, NULL, &error));
  g_assert_error (error, LT_STORE_ERROR, LT_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“Date”"));
  g_clear_error (&error);

  /* Choosing the columns in the preview fixes it. */
  lt_importer_set_column (importer, LT_IMPORT_FIELD_DATE, 1);
  lt_importer_set_column (importer, LT_IMPORT_FIELD_TITLE, 0);
  g_assert_true (lt_importer_preview (importer, store, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lt_importer_get_count (importer, LT_RECORD_EVENT, LT_IMPORT_ADDED), ==, 1);
  g_assert_true (lt_importer_apply (importer, store, NULL, &error));
  g_clear_object (&importer);

  /* The same event with a summary and a category: updated, not added */
  g_assert_true (g_file_set_contents (path, "Title,Date,Summary,Category\nAnna,2021-03,New text,detention\n",
                                      -1, NULL));
  importer = load (file);
  g_assert_true (lt_importer_apply (importer, store, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lt_importer_get_count (importer, LT_RECORD_EVENT, LT_IMPORT_ADDED), ==, 0);
  g_assert_cmpuint (lt_importer_get_count (importer, LT_RECORD_EVENT, LT_IMPORT_UPDATED), ==, 1);
  g_assert_cmpuint (count_all_events (store), ==, 1);
  {
    g_autoptr(GListModel) events = lt_store_list_events (store, NULL);
    g_autoptr(LtEvent) event = g_list_model_get_item (events, 0);

    g_assert_cmpstr (lt_event_get_title (event), ==, "Anna");

    g_assert_cmpstr (lt_event_get_summary (event), ==, "New text");
    g_assert_cmpstr (lt_event_get_category (event), ==, "detention");
  }

  rm_rf (dir);
}

static void
test_repeated_titles (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LtStore) store = lt_store_open (":memory:", &error);
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "arrests.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LtImporter) importer = NULL;

  /* The same title on two days is two events; the same title on the same
   * day twice in the file is one. */
  g_assert_true (g_file_set_contents (path, "Date,Title\n2021-01-01,Detention\n2021-01-01,Detention\n"
                                      "2021-01-02,Detention\n", -1, NULL));
  importer = load (file);
  g_assert_true (lt_importer_apply (importer, store, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lt_importer_get_count (importer, LT_RECORD_EVENT, LT_IMPORT_ADDED), ==, 2);
  g_assert_cmpuint (lt_importer_get_count (importer, LT_RECORD_EVENT, LT_IMPORT_SKIPPED), ==, 1);
  g_assert_cmpint (lt_store_find_event (store, "detention-2021-01-01"), !=, 0);
  g_assert_cmpint (lt_store_find_event (store, "detention-2021-01-02"), !=, 0);

  rm_rf (dir);
}

static void
test_not_a_chronicle (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "map.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LtImporter) importer = lt_importer_new (file);

  g_assert_true (g_file_set_contents (path, "{\"type\": \"FeatureCollection\", \"features\": []}", -1, NULL));
  g_assert_false (lt_importer_load (importer, NULL, &error));
  g_assert_error (error, LT_STORE_ERROR, LT_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "map.json is not a Letapis chronicle"));
  rm_rf (dir);
}

static void
test_chronicle_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LtStore) store = open_mini_store ();
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "chronicle.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LtImporter) importer = NULL;
  g_autoptr(LtEvent) event = NULL;
  guint before = count_all_events (store);
  gint64 id;

  g_assert_true (lt_store_export_json (store, file, &error));
  importer = load (file);
  g_assert_cmpint (lt_importer_get_format (importer), ==, LT_IMPORT_FORMAT_CHRONICLE);

  /* Everything is already there, exactly so: no conflict. */
  g_assert_true (lt_importer_preview (importer, store, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lt_importer_get_n_conflicts (importer), ==, 0);
  g_assert_cmpuint (lt_importer_get_count (importer, LT_RECORD_EVENT, LT_IMPORT_ADDED), ==, 0);
  g_assert_cmpuint (lt_importer_get_count (importer, LT_RECORD_EVENT, LT_IMPORT_SKIPPED), ==, before);
  g_assert_cmpuint (lt_importer_get_count (importer, LT_RECORD_ACTOR, LT_IMPORT_SKIPPED), ==, 9);
  g_assert_cmpuint (lt_importer_get_count (importer, LT_RECORD_RELATION, LT_IMPORT_SKIPPED), ==, 3);

  /* Edit one event here: the file's version is now a conflict. */
  id = lt_store_find_event (store, "mini-eu-sanctions");
  event = lt_store_lookup_event (store, id);
  lt_event_set_place (event, "Luxembourg");
  g_assert_true (lt_store_update_event (store, event, &error));
  g_clear_object (&event);

  g_assert_true (lt_importer_preview (importer, store, NULL, &error));
  g_assert_cmpuint (lt_importer_get_n_conflicts (importer), ==, 1);
  g_assert_cmpint (lt_importer_get_conflict_kind (importer, 0), ==, LT_RECORD_EVENT);
  g_assert_cmpint (lt_importer_get_resolution (importer, 0), ==, LT_IMPORT_KEEP_MINE);

  /* Keep both: a copy under a new id */
  lt_importer_set_resolution (importer, 0, LT_IMPORT_KEEP_BOTH);
  g_assert_true (lt_importer_preview (importer, store, NULL, &error));
  g_assert_cmpuint (lt_importer_get_count (importer, LT_RECORD_EVENT, LT_IMPORT_ADDED), ==, 1);
  g_assert_cmpuint (count_all_events (store), ==, before);

  /* Take theirs: the place comes back */
  lt_importer_set_resolution (importer, 0, LT_IMPORT_TAKE_THEIRS);
  g_assert_true (lt_importer_apply (importer, store, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lt_importer_get_count (importer, LT_RECORD_EVENT, LT_IMPORT_UPDATED), ==, 1);
  event = lt_store_lookup_event (store, id);
  g_assert_cmpstr (lt_event_get_place (event), ==, "Brussels");
  g_assert_cmpuint (count_all_events (store), ==, before);

  rm_rf (dir);
}

static void
test_failure_writes_nothing (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *db = g_build_filename (dir, "chronicle.letapis", NULL);
  g_autofree char *json = g_build_filename (dir, "broken.json", NULL);
  g_autoptr(GFile) json_file = g_file_new_for_path (json);
  g_autoptr(GFile) csv_file = fixture ("timelinejs.csv");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  {
    g_autoptr(LtStore) store = lt_store_open (db, &error);
    g_autoptr(GFile) mini = mini_fixture_dir ();

    g_assert_no_error (error);
    g_assert_true (lt_store_import_chronicle (store, mini, &error));
  }
  before = file_checksum (db);

  /* Three new sources and an event; the event, last, names a missing actor. */
  g_assert_true (g_file_set_contents (json,
    "{\"sources\": [{\"id\": \"s-1\", \"title\": \"One\"}, {\"id\": \"s-2\", \"title\": \"Two\"},"
    " {\"id\": \"s-3\", \"title\": \"Three\"}],"
    " \"events\": [{\"id\": \"e-1\", \"title\": \"Last\", \"date\": \"2021\", \"category\": \"protest\","
    " \"actors\": [{\"actor\": \"nobody\", \"role\": \"target\"}]}]}", -1, NULL));

  {
    g_autoptr(LtStore) store = lt_store_open (db, &error);
    g_autoptr(LtImporter) importer = load (json_file);
    g_autoptr(LtImporter) csv = load (csv_file);
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();

    g_assert_false (lt_importer_apply (importer, store, NULL, &error));
    g_assert_error (error, LT_STORE_ERROR, LT_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "nobody"));
    g_clear_error (&error);
    g_assert_cmpint (lt_store_find_source (store, "s-1"), ==, 0);
    g_assert_false (lt_store_get_can_undo (store));

    /* Cancelled after its last row: nothing either */
    g_cancellable_cancel (cancellable);
    g_assert_false (lt_importer_apply (csv, store, cancellable, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  }

  after = file_checksum (db);
  g_assert_cmpstr (before, ==, after);
  rm_rf (dir);
}

static void
test_undo (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LtStore) store = open_mini_store ();
  g_autoptr(GFile) file = fixture ("timelinejs.csv");
  g_autoptr(LtImporter) importer = load (file);
  guint before = count_all_events (store);
  guint sources = n_items (lt_store_list_sources (store));

  g_assert_true (lt_importer_apply (importer, store, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_all_events (store), ==, before + 28);
  g_assert_cmpstr (lt_store_get_undo_label (store), ==, "Import “timelinejs.csv”");

  /* One step takes the whole import back, sources included. */
  g_assert_true (lt_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_all_events (store), ==, before);
  g_assert_cmpuint (n_items (lt_store_list_sources (store)), ==, sources);
  g_assert_false (lt_store_get_can_undo (store));

  g_assert_true (lt_store_redo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_all_events (store), ==, before + 28);
  g_assert_cmpuint (n_items (lt_store_list_sources (store)), ==, sources + 5);
  {
    g_autoptr(GArray) hits = lt_store_search (store, "Hrodna", 50, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, >=, 4);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  test_setup_locale ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Letapis/Importer/csv-parse", test_csv_parse);
  g_test_add_func ("/Letapis/Importer/timelinejs", test_timelinejs);
  g_test_add_func ("/Letapis/Importer/windows-1251", test_windows_1251);
  g_test_add_func ("/Letapis/Importer/missing-columns", test_missing_columns);
  g_test_add_func ("/Letapis/Importer/repeated-titles", test_repeated_titles);
  g_test_add_func ("/Letapis/Importer/not-a-chronicle", test_not_a_chronicle);
  g_test_add_func ("/Letapis/Importer/chronicle-round-trip", test_chronicle_round_trip);
  g_test_add_func ("/Letapis/Importer/failure-writes-nothing", test_failure_writes_nothing);
  g_test_add_func ("/Letapis/Importer/undo", test_undo);

  return g_test_run ();
}
