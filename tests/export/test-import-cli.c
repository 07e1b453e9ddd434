/* test-import-cli.c: the real letapis binary importing, and writing
 * TimelineJS JSON, with no display
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>

#include "export-test-util.h"

static char *data_home;

static void
run_letapis (ExportTestRun *run,
             const char    *first_arg,
             ...)
{
  va_list args;

  va_start (args, first_arg);
  export_test_run_letapis_v (run, data_home, NULL, first_arg, args);
  va_end (args);
}

static void
test_import_timelinejs (void)
{
  g_autofree char *dir = g_dir_make_tmp ("letapis-import-cli-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "new.letapis", NULL);
  g_autofree char *database = g_strdup_printf ("--database=%s", db);
  g_autofree char *csv = export_test_source_path ("tests", "fixtures", "import", "timelinejs.csv", NULL);
  g_autofree char *import = g_strdup_printf ("--import=%s", csv);
  g_auto(ExportTestRun) run;

  /* Into a chronicle that does not exist yet */
  run_letapis (&run, database, import, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (export_test_exit_status (&run), ==, 0);
  g_assert_nonnull (strstr (run.out, "Events: 28 added, 0 updated, 0 skipped\n"));
  g_assert_nonnull (strstr (run.out, "Sources: 5 added, 0 updated, 0 skipped\n"));
  g_assert_nonnull (strstr (run.out, "row 14: month 13 does not exist\n"));
  g_assert_nonnull (strstr (run.out, "row 27: the headline is empty\n"));
  export_test_run_clear (&run);

  /* Again: nothing new */
  run_letapis (&run, database, import, NULL);
  g_assert_cmpint (export_test_exit_status (&run), ==, 0);
  g_assert_nonnull (strstr (run.out, "Events: 0 added, 0 updated, 28 skipped\n"));
  g_assert_nonnull (strstr (run.out, "Sources: 0 added, 0 updated, 5 skipped\n"));

  export_test_remove_dir (dir);
}

static void
test_import_foreign_json (void)
{
  g_autofree char *dir = g_dir_make_tmp ("letapis-import-cli-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "new.letapis", NULL);
  g_autofree char *json = g_build_filename (dir, "package.json", NULL);
  g_autofree char *database = g_strdup_printf ("--database=%s", db);
  g_autofree char *import = g_strdup_printf ("--import=%s", json);
  g_auto(ExportTestRun) run;

  g_assert_true (g_file_set_contents (json, "{\"name\": \"left-pad\", \"version\": \"1.3.0\"}", -1, NULL));
  run_letapis (&run, database, import, NULL);
  g_assert_cmpint (export_test_exit_status (&run), ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==,
                   "letapis: package.json is not a Letapis chronicle: it has none of the lists "
                   "“sources”, “actors”, “events” and “relations”\n");
  /* Nothing written, not even a new chronicle */
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));

  export_test_remove_dir (dir);
}

static JsonArray *
load_timeline (const char *path,
               JsonParser *parser)
{
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_has_member (root, "events"));
  return json_object_get_array_member (root, "events");
}

static JsonObject *
find_event (JsonArray  *events,
            const char *headline)
{
  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *e = json_array_get_object_element (events, i);
      JsonObject *text = json_object_get_object_member (e, "text");

      if (g_strcmp0 (json_object_get_string_member (text, "headline"), headline) == 0)
        return e;
    }
  return NULL;
}

static void
test_export_timelinejs (void)
{
  g_autofree char *dir = g_dir_make_tmp ("letapis-import-cli-XXXXXX", NULL);
  g_autofree char *fixture = export_test_source_path ("tests", "export", "restricted", NULL);
  g_autofree char *db = g_build_filename (dir, "fixture.db", NULL);
  g_autofree char *database = g_strdup_printf ("--database=%s", db);
  g_autofree char *out = g_build_filename (dir, "timeline.json", NULL);
  g_autofree char *out_arg = g_strdup_printf ("--export-timeline=%s", out);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) parser2 = json_parser_new ();
  JsonArray *events;
  JsonObject *e, *start, *media;
  g_auto(ExportTestRun) run;

  g_clear_object (&(LtStore *) { export_test_open_chronicle (fixture, db) });

  run_letapis (&run, database, out_arg, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (export_test_exit_status (&run), ==, 0);
  events = load_timeline (out, parser);

  /* Every event has the TimelineJS 3 shape */
  g_assert_cmpuint (json_array_get_length (events), >, 0);
  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *text;

      e = json_array_get_object_element (events, i);
      start = json_object_get_object_member (e, "start_date");
      g_assert_nonnull (start);
      g_assert_cmpint (json_node_get_value_type (json_object_get_member (start, "year")), ==, G_TYPE_INT64);
      if (json_object_has_member (start, "month"))
        g_assert_cmpint (json_object_get_int_member (start, "month"), >=, 1);
      text = json_object_get_object_member (e, "text");
      g_assert_nonnull (text);
      g_assert_nonnull (json_object_get_string_member (text, "headline"));
      g_assert_nonnull (json_object_get_string_member (e, "group"));
    }

  e = find_event (events, "Detentions reported at the Riverside rally");
  g_assert_nonnull (e);
  media = json_object_get_object_member (e, "media");
  g_assert_nonnull (media);
  g_assert_cmpstr (json_object_get_string_member (media, "credit"), ==, "Weekly bulletin on detentions");

  /* Restricted records stay out unless asked for */
  g_assert_null (find_event (events, "Confidential interview with the Marigold witness"));
  export_test_run_clear (&run);

  run_letapis (&run, database, out_arg, "--include-restricted", NULL);
  g_assert_cmpint (export_test_exit_status (&run), ==, 0);
  events = load_timeline (out, parser2);
  e = find_event (events, "Confidential interview with the Marigold witness");
  g_assert_nonnull (e);
  media = json_object_get_object_member (e, "media");
  g_assert_cmpstr (json_object_get_string_member (media, "credit"), ==, "Quillfeather memorandum");

  export_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "en_US.UTF-8");
  g_test_init (&argc, &argv, NULL);

  data_home = g_dir_make_tmp ("letapis-cli-data-XXXXXX", NULL);

  g_test_add_func ("/Letapis/ImportCli/timelinejs", test_import_timelinejs);
  g_test_add_func ("/Letapis/ImportCli/foreign-json", test_import_foreign_json);
  g_test_add_func ("/Letapis/ImportCli/export-timelinejs", test_export_timelinejs);

  status = g_test_run ();
  export_test_remove_dir (data_home);
  g_free (data_home);
  return status;
}
