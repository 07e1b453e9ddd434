/* test-export-cli.c: the real letapis binary exporting with no display
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <sqlite3.h>

#include "export-test-util.h"
#include "../fs-test-util.h"

static char *data_home;   /* the user database is created here on the first run */

/* Runs letapis with @args (NULL-terminated) and "NAME=value" strings in @env_extra */
static void
run_letapis (ExportTestRun      *run,
             const char * const *env_extra,
             const char         *first_arg,
             ...)
{
  va_list args;

  va_start (args, first_arg);
  export_test_run_letapis_v (run, data_home, env_extra, first_arg, args);
  va_end (args);
}

static GBytes *
load (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, len);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (listing != NULL && g_dir_read_name (listing) != NULL)
    n++;

  return n;
}

static void
test_timeline_pdf (void)
{
  g_autofree char *dir = g_dir_make_tmp ("letapis-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "timeline.pdf", NULL);
  g_autofree char *arg = g_strdup_printf ("--export-timeline=%s", path);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_auto(ExportTestRun) run;

  run_letapis (&run, NULL, arg, "--from=2020", "--to=2024", "--title=Belarus 2020–2024", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (export_test_exit_status (&run), ==, 0);

  bytes = load (path);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (bytes, NULL), "%PDF-"));
  if (!export_test_have_program ("pdftotext"))
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      export_test_remove_dir (dir);
      return;
    }
  raw = export_test_pdf_text (bytes);
  text = export_test_squash (raw);
  g_assert_nonnull (strstr (text, "Belarus 2020–2024"));
  g_assert_nonnull (strstr (text, "2020 – 2024"));
  for (int year = 2020; year <= 2024; year++)
    {
      g_autofree char *label = g_strdup_printf (" %d ", year);

      g_assert_nonnull (strstr (text, label));
    }
  g_assert_nonnull (strstr (text, "Sources"));
  g_assert_nonnull (strstr (text, "ZMINA"));

  /* The document says whose it is: the chronicle it was exported from */
  info = export_test_pdf_info (bytes);
  g_assert_nonnull (strstr (info, "Author:          chronicle\n"));

  /* A PDF keys every mark and cluster on a page of its own, unless told not to: then only
   * the events whose titles found no room get numbers, and clusters keep their counts */
  g_assert_nonnull (strstr (text, "Key to the events"));
  g_assert_nonnull (strstr (text, "events:"));
  g_assert_nonnull (strstr (info, "Pages:           2\n"));
  {
    g_autoptr(GBytes) plain = NULL;
    g_autofree char *plain_raw = NULL;
    g_autofree char *plain_text = NULL;
    g_auto(ExportTestRun) again;

    run_letapis (&again, NULL, arg, "--from=2020", "--to=2024", "--no-key", NULL);
    g_assert_cmpint (export_test_exit_status (&again), ==, 0);
    plain = load (path);
    plain_raw = export_test_pdf_text (plain);
    plain_text = export_test_squash (plain_raw);
    g_assert_null (strstr (plain_text, "events:"));
    g_assert_nonnull (strstr (plain_text, " events "));   /* beside the count badges */
    g_assert_cmpuint (strlen (plain_text), <, strlen (text));
  }

  export_test_remove_dir (dir);
}

static void
test_png_size (void)
{
  g_autofree char *dir = g_dir_make_tmp ("letapis-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "timeline.png", NULL);
  g_autofree char *arg = g_strdup_printf ("--export-timeline=%s", path);
  g_autoptr(GBytes) bytes = NULL;
  g_auto(ExportTestRun) run;
  PngInfo info;

  run_letapis (&run, NULL, arg, "--width=1000", "--height=600", "--dpi=200", "--from=2021-07",
               "--to=2021-07", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (export_test_exit_status (&run), ==, 0);

  bytes = load (path);
  g_assert_true (export_test_read_png (bytes, &info));
  g_assert_cmpint (info.width, ==, 1000);
  g_assert_cmpint (info.height, ==, 600);
  g_assert_cmpfloat_with_epsilon (info.dpi, 200, 0.5);
  g_assert_cmpuint (info.n_colors, >, 50);
  export_test_clear_png (&info);

  export_test_remove_dir (dir);
}

static void
test_svg (void)
{
  g_autofree char *dir = g_dir_make_tmp ("letapis-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "graph.svg", NULL);
  g_autofree char *arg = g_strdup_printf ("--export-graph=%s", path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *desc = NULL;
  g_auto(ExportTestRun) run;

  run_letapis (&run, NULL, arg, "--focus=Viasna", "--depth=2", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (export_test_exit_status (&run), ==, 0);

  bytes = load (path);
  g_assert_true (export_test_svg_is_well_formed (bytes, &error));
  g_assert_no_error (error);
  desc = export_test_svg_desc (bytes);
  g_assert_nonnull (strstr (desc, "neighbourhood of Viasna Human Rights Centre, 2 steps"));

  export_test_remove_dir (dir);
}

/* --grayscale prints in shades of gray: the page has no colour a black-and-white printer
 * would lose, on the timeline and on the graph */
static void
test_grayscale (gconstpointer data)
{
  const char *page = data;
  g_autofree char *dir = g_dir_make_tmp ("letapis-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "gray.png", NULL);
  g_autofree char *arg = g_strdup_printf ("--export-%s=%s", page, path);
  cairo_surface_t *surface;
  const guint8 *pixels;
  guint n_coloured = 0;
  int stride;
  g_auto(ExportTestRun) run;

  if (g_str_equal (page, "timeline"))
    run_letapis (&run, NULL, arg, "--from=2020", "--to=2024", "--size=1920x1080", "--grayscale",
                 NULL);
  else
    run_letapis (&run, NULL, arg, "--size=1920x1080", "--grayscale", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (export_test_exit_status (&run), ==, 0);

  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  pixels = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      {
        const guint8 *px = pixels + y * stride + x * 4;

        n_coloured += MAX (px[0], MAX (px[1], px[2])) - MIN (px[0], MIN (px[1], px[2])) > 24;
      }
  cairo_surface_destroy (surface);
  g_assert_cmpuint (n_coloured, ==, 0);

  export_test_remove_dir (dir);
}

static void
test_ukrainian (void)
{
  static const char * const env[] = { "LANGUAGE=uk", "LC_ALL=C.UTF-8", NULL };
  g_autofree char *dir = g_dir_make_tmp ("letapis-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "липень.pdf", NULL);
  g_autofree char *arg = g_strdup_printf ("--export-timeline=%s", path);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_auto(ExportTestRun) run;

  if (!export_test_have_program ("pdftotext"))
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  run_letapis (&run, env, arg, "--from=2021-07", "--to=2021-07", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (export_test_exit_status (&run), ==, 0);

  bytes = load (path);
  raw = export_test_pdf_text (bytes);
  text = export_test_squash (raw);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Хроніка подій"));
  g_assert_nonnull (strstr (text, "Часова шкала · липень 2021"));
  g_assert_nonnull (strstr (text, "Джерела"));
  g_assert_nonnull (strstr (text, "Експортовано"));

  export_test_remove_dir (dir);
}

/* A Belarusian reader's export: the footnotes name the publisher as it names itself in
 * Belarusian, and give the source's approximate date as a date ("лістапад 2020 (прыблізна)",
 * not "2020-11~") */
static void
test_belarusian (void)
{
  static const char * const env[] = { "LANGUAGE=be", "LC_ALL=be_BY.UTF-8", NULL };
  g_autofree char *dir = g_dir_make_tmp ("letapis-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "лістапад.pdf", NULL);
  g_autofree char *arg = g_strdup_printf ("--export-timeline=%s", path);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_auto(ExportTestRun) run;

  if (!export_test_have_program ("pdftotext"))
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  run_letapis (&run, env, arg, "--from=2020-11", "--to=2020-11", NULL);
  g_assert_cmpint (export_test_exit_status (&run), ==, 0);

  bytes = load (path);
  raw = export_test_pdf_text (bytes);
  text = export_test_squash (raw);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Хроніка падзей"));
  g_assert_nonnull (strstr (text, "Цэнтр правоў чалавека ZMINA, «Грамадзянская супольнасць"));
  g_assert_nonnull (strstr (text, "лістапад 2020 (прыблізна)"));
  g_assert_null (strstr (text, "ZMINA Human Rights Centre"));
  g_assert_null (strstr (text, "2020-11~"));

  if (g_getenv ("LETAPIS_EXPORT_KEEP") != NULL)
    {
      g_autofree char *copy = g_build_filename (g_getenv ("LETAPIS_EXPORT_KEEP"), "export-be.pdf", NULL);

      g_assert_true (g_file_set_contents (copy, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
    }

  export_test_remove_dir (dir);
}

typedef struct
{
  const char *name;
  const char *option;     /* "@" stands for the output folder */
  const char *extra[3];
  const char *message;    /* part of the one line on stderr */
  const char *folder;     /* a folder made in the output folder first */
} ErrorCase;

static const ErrorCase error_cases[] = {
  { "bad-month", "--export-timeline=@/out.pdf", { "--from=2021-13" }, "Invalid date for --from “2021-13”" },
  { "bad-date", "--export-timeline=@/out.png", { "--to=20x1" }, "Invalid date for --to “20x1”" },
  { "february-30", "--export-timeline=@/out.svg", { "--from=2021-02-30" }, "Invalid date" },
  { "reversed", "--export-timeline=@/out.pdf", { "--from=2022", "--to=2021" }, "The start date is after the end date" },
  { "category", "--export-timeline=@/out.pdf", { "--category=protest", "--category=riots" }, "Unknown category “riots”" },
  { "no-folder", "--export-timeline=@/no/such/folder/out.pdf", { NULL }, "the folder does not exist" },
  { "folder", "--export-timeline=@/report.pdf", { NULL }, "it is a folder", "report.pdf" },
  { "extension", "--export-timeline=@/out.jpg", { NULL }, "Unknown file type “.jpg”" },
  { "graph-extension", "--export-graph=@/out.txt", { NULL }, "Unknown file type “.txt”" },
  { "timeline-graphml", "--export-timeline=@/out.graphml", { NULL }, "Unknown file type “.graphml”" },
  { "dpi", "--export-timeline=@/out.png", { "--dpi=1200" }, "between 96 and 600 dpi" },
  { "pages-png", "--export-timeline=@/out.png", { "--pages=3" }, "Only a PDF can be split" },
  { "actor", "--export-graph=@/out.pdf", { "--focus=Nobody Atall" }, "Unknown actor “Nobody Atall”" },
  { "orphan-option", "--from=2020", { NULL }, "need --export-timeline" },
};

/* Under the C locale gettext ignores LANGUAGE: the whole picture is then English, never English
 * labels around Ukrainian months under an xml:lang of "uk". */
static void
test_language_without_locale (void)
{
  static const char * const env[] = { "LANGUAGE=uk", "LC_ALL=C", NULL };
  g_autofree char *dir = g_dir_make_tmp ("letapis-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "july.svg", NULL);
  g_autofree char *arg = g_strdup_printf ("--export-timeline=%s", path);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *svg = NULL;
  g_autofree char *desc = NULL;
  g_auto(ExportTestRun) run;

  run_letapis (&run, env, arg, "--from=2021-07", "--to=2021-07", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (export_test_exit_status (&run), ==, 0);

  bytes = load (path);
  svg = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  desc = export_test_svg_desc (bytes);
  g_assert_nonnull (strstr (svg, "xml:lang=\"en\""));
  g_assert_nonnull (strstr (desc, "Chronicle of Events"));
  g_assert_nonnull (strstr (desc, "July 2021"));
  g_assert_null (strstr (desc, "липень"));
  g_assert_null (strstr (desc, "липня"));

  export_test_remove_dir (dir);
}

static void
test_error (gconstpointer data)
{
  const ErrorCase *ec = data;
  g_autofree char *dir = g_dir_make_tmp ("letapis-cli-XXXXXX", NULL);
  g_autoptr(GString) option = g_string_new (ec->option);
  g_auto(ExportTestRun) run;

  g_string_replace (option, "@", dir, 0);
  if (ec->folder != NULL)
    {
      g_autofree char *folder = g_build_filename (dir, ec->folder, NULL);

      g_mkdir (folder, 0700);
    }
  run_letapis (&run, NULL, option->str, ec->extra[0], ec->extra[1], ec->extra[2], NULL);

  g_test_message ("stderr: %s", run.err);
  g_assert_cmpint (export_test_exit_status (&run), ==, 2);
  /* one line, that says what is wrong */
  g_assert_true (g_str_has_prefix (run.err, "letapis: "));
  g_assert_true (g_str_has_suffix (run.err, "\n"));
  g_assert_true (strchr (run.err, '\n') == run.err + strlen (run.err) - 1);
  g_assert_nonnull (strstr (run.err, ec->message));
  g_assert_cmpstr (run.out, ==, "");
  /* and no partial file */
  g_assert_cmpuint (count_files (dir), ==, ec->folder != NULL ? 1 : 0);

  if (ec->folder != NULL)
    {
      g_autofree char *folder = g_build_filename (dir, ec->folder, NULL);

      g_rmdir (folder);
    }
  export_test_remove_dir (dir);
}

static void
test_error_translated (void)
{
  static const char * const env[] = { "LANGUAGE=uk", "LC_ALL=C.UTF-8", NULL };
  g_autofree char *dir = g_dir_make_tmp ("letapis-cli-XXXXXX", NULL);
  g_autofree char *option = g_strdup_printf ("--export-timeline=%s/out.pdf", dir);
  g_auto(ExportTestRun) run;

  run_letapis (&run, env, option, "--category=riots", NULL);
  g_assert_cmpint (export_test_exit_status (&run), ==, 2);
  g_assert_nonnull (strstr (run.err, "Невідома категорія «riots»"));

  export_test_remove_dir (dir);
}

static char *
make_fixture_database (const char *dir)
{
  g_autofree char *fixture = export_test_source_path ("tests", "export", "restricted", NULL);
  char *db = g_build_filename (dir, "fixture.db", NULL);
  g_autoptr(LtStore) store = export_test_open_chronicle (fixture, db);

  return db;
}

static void
test_restricted (void)
{
  g_autofree char *dir = g_dir_make_tmp ("letapis-cli-XXXXXX", NULL);
  g_autofree char *db = make_fixture_database (dir);
  g_autofree char *database = g_strdup_printf ("--database=%s", db);
  g_autofree char *pdf = g_build_filename (dir, "out.pdf", NULL);
  g_autofree char *json = g_build_filename (dir, "out.json", NULL);
  g_autofree char *pdf_arg = g_strdup_printf ("--export-graph=%s", pdf);
  g_autofree char *json_arg = g_strdup_printf ("--export-data=%s", json);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_auto(ExportTestRun) run;

  if (!export_test_have_program ("pdftotext"))
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      export_test_remove_dir (dir);
      return;
    }

  run_letapis (&run, NULL, database, pdf_arg, NULL);
  g_assert_cmpint (export_test_exit_status (&run), ==, 0);
  bytes = load (pdf);
  raw = export_test_pdf_text (bytes);
  g_assert_null (strstr (raw, "Brightwater"));
  g_assert_null (strstr (raw, "Quillfeather"));
  g_assert_nonnull (strstr (raw, "Public Monitor Group"));
  export_test_run_clear (&run);
  g_clear_pointer (&bytes, g_bytes_unref);
  g_clear_pointer (&raw, g_free);

  /* Naming a restricted actor does not reveal it either */
  run_letapis (&run, NULL, database, pdf_arg, "--focus=Ksenia Vetrogon", NULL);
  g_assert_cmpint (export_test_exit_status (&run), ==, 2);
  g_assert_nonnull (strstr (run.err, "Unknown actor"));
  export_test_run_clear (&run);

  run_letapis (&run, NULL, database, pdf_arg, "--include-restricted", NULL);
  g_assert_cmpint (export_test_exit_status (&run), ==, 0);
  bytes = load (pdf);
  raw = export_test_pdf_text (bytes);
  text = export_test_squash (raw);
  g_assert_nonnull (strstr (text, "Oksana Brightwater"));
  g_assert_nonnull (strstr (text, "Quillfeather memorandum"));
  export_test_run_clear (&run);
  g_clear_pointer (&bytes, g_bytes_unref);

  /* so does GraphML */
  {
    g_autofree char *graphml = g_build_filename (dir, "out.graphml", NULL);
    g_autofree char *graphml_arg = g_strdup_printf ("--export-graph=%s", graphml);
    g_autoptr(GBytes) xml = NULL;

    run_letapis (&run, NULL, database, graphml_arg, NULL);
    g_assert_cmpint (export_test_exit_status (&run), ==, 0);
    xml = load (graphml);
    g_assert_null (g_strstr_len (g_bytes_get_data (xml, NULL), g_bytes_get_size (xml), "Brightwater"));
    g_assert_nonnull (g_strstr_len (g_bytes_get_data (xml, NULL), g_bytes_get_size (xml), "Public Monitor Group"));
    export_test_run_clear (&run);
  }

  /* --export-data leaves them out too, unless asked */
  run_letapis (&run, NULL, database, json_arg, NULL);
  g_assert_cmpint (export_test_exit_status (&run), ==, 0);
  bytes = load (json);
  g_assert_null (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "Brightwater"));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "Public Monitor Group"));

  export_test_remove_dir (dir);
}

/* Adds restricted events to the fixture: two more of the police in July 2021 (enough to
 * lead the lanes, were they counted) and one in June 2026, long after every public event. */
static void
add_restricted_events (const char *db)
{
  static const char * const dates[] = { "2021-07-20", "2021-07-22", "2026-06-01" };
  g_autoptr(GError) error = NULL;
  g_autoptr(LtStore) store = lt_store_open (db, &error);
  gint64 police;

  g_assert_no_error (error);
  police = lt_store_find_actor (store, "city-police");
  g_assert_cmpint (police, !=, 0);
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(LtEvent) event = lt_event_new ();
      LtDateRange range;

      g_assert_true (lt_date_range_parse (dates[i], &range, NULL));
      lt_event_set_title (event, "Sealed raid of the Nightjar unit");
      lt_event_set_date_range (event, &range);
      lt_event_set_category (event, "detention");
      lt_record_set_restricted (LT_RECORD (event), TRUE);
      lt_event_add_participant (event, police, "perpetrator");
      lt_event_add_participant (event, lt_store_find_actor (store, "hidden-witness"), "victim");
      lt_store_add_event (store, event, &error);
      g_assert_no_error (error);
    }
}

/* Lanes by actor name only public actors, ordered by public events; the window's open end
 * is the last public day. */
static void
test_restricted_lanes (void)
{
  g_autofree char *dir = g_dir_make_tmp ("letapis-cli-XXXXXX", NULL);
  g_autofree char *db = make_fixture_database (dir);
  g_autofree char *database = g_strdup_printf ("--database=%s", db);
  g_autofree char *pdf = g_build_filename (dir, "out.pdf", NULL);
  g_autofree char *pdf_arg = g_strdup_printf ("--export-timeline=%s", pdf);
  g_auto(ExportTestRun) run;

  if (!export_test_have_program ("pdftotext"))
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      export_test_remove_dir (dir);
      return;
    }
  add_restricted_events (db);

  {
    g_autoptr(GBytes) bytes = NULL;
    g_autofree char *raw = NULL;
    g_autofree char *text = NULL;
    const char *monitor, *police;

    run_letapis (&run, NULL, database, pdf_arg, "--lanes=actor", "--from=2021-07", "--no-date",
                 NULL);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_cmpint (export_test_exit_status (&run), ==, 0);
    bytes = load (pdf);
    raw = export_test_pdf_text (bytes);
    text = export_test_squash (raw);
    g_assert_null (strstr (text, "Brightwater"));
    g_assert_null (strstr (text, "Nightjar"));
    g_assert_null (strstr (text, "Marigold"));
    /* the open end is the last public event's month, not 2026 */
    g_assert_null (strstr (text, "2026"));
    g_assert_nonnull (strstr (text, "July 2021 – August 2021"));
    /* the monitor took part in more public events than the police */
    monitor = strstr (text, "Public Monitor Group");
    police = strstr (text, "Riverside City Police");
    g_assert_nonnull (monitor);
    g_assert_nonnull (police);
    g_assert_true (monitor < police);
    export_test_run_clear (&run);
  }

  export_test_remove_dir (dir);
}

/* A search that finds nothing draws no event and says so, in the picture and on stderr;
 * text without a searchable word ("-", an emoji) is such a search, not an SQL error. */
static void
test_no_matches (void)
{
  static const char * const searches[] = { "--search=zzzzqqqq", "--search=\"", "--search=-",
                                           "--search=*", "--search=\xf0\x9f\x99\x82" };
  g_autofree char *dir = g_dir_make_tmp ("letapis-cli-XXXXXX", NULL);
  g_autofree char *db = make_fixture_database (dir);
  g_autofree char *database = g_strdup_printf ("--database=%s", db);
  g_autofree char *pdf = g_build_filename (dir, "out.pdf", NULL);
  g_autofree char *pdf_arg = g_strdup_printf ("--export-timeline=%s", pdf);
  g_auto(ExportTestRun) run;

  if (!export_test_have_program ("pdftotext"))
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      export_test_remove_dir (dir);
      return;
    }
  add_restricted_events (db);

  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *raw = NULL;
      g_autofree char *text = NULL;

      run_letapis (&run, NULL, database, pdf_arg, "--lanes=actor", searches[i], NULL);
      g_assert_cmpint (export_test_exit_status (&run), ==, 0);
      /* one line that says so, and no SQL error */
      g_assert_cmpstr (run.err, ==, "letapis: Warning: no events match, the export shows none\n");
      bytes = load (pdf);
      raw = export_test_pdf_text (bytes);
      text = export_test_squash (raw);
      g_assert_nonnull (strstr (text, "No events match"));
      g_assert_null (strstr (text, "Detentions reported"));
      g_assert_null (strstr (text, "Monitor publishes"));
      g_assert_null (strstr (text, "Brightwater"));
      g_assert_null (strstr (text, "Sources"));
      export_test_run_clear (&run);
    }

  export_test_remove_dir (dir);
}

/* A query that fails while the painters draw is only logged there: the command must not
 * then exit 0 as if the picture were whole. The index the window queries use is gone here. */
static void
test_error_while_exporting (void)
{
  g_autofree char *dir = g_dir_make_tmp ("letapis-cli-XXXXXX", NULL);
  g_autofree char *db = make_fixture_database (dir);
  g_autofree char *database = g_strdup_printf ("--database=%s", db);
  g_autofree char *pdf_arg = g_strdup_printf ("--export-timeline=%s/out.pdf", dir);
  g_auto(ExportTestRun) run;
  sqlite3 *sdb = NULL;

  g_assert_cmpint (sqlite3_open (db, &sdb), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (sdb, "DROP INDEX events_long", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (sdb);

  run_letapis (&run, NULL, database, pdf_arg, NULL);
  g_assert_cmpint (export_test_exit_status (&run), !=, 0);
  g_assert_cmpstr (run.err, !=, "");

  export_test_remove_dir (dir);
}

static void
test_export_data (void)
{
  g_autofree char *dir = g_dir_make_tmp ("letapis-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "chronicle.json", NULL);
  g_autofree char *arg = g_strdup_printf ("--export-data=%s", path);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  g_auto(ExportTestRun) run;

  run_letapis (&run, NULL, arg, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (export_test_exit_status (&run), ==, 0);

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_has_member (root, "events"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "events")), >, 20);
  g_assert_cmpuint (count_files (dir), ==, 1);

  export_test_remove_dir (dir);
}

static void
test_graph_data (gconstpointer data)
{
  const char *extension = data;
  g_autofree char *dir = g_dir_make_tmp ("letapis-cli-XXXXXX", NULL);
  g_autofree char *name = g_strdup_printf ("graph.%s", extension);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *arg = g_strdup_printf ("--export-graph=%s", path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(ExportTestRun) run;

  run_letapis (&run, NULL, arg, "--from=2021", "--to=2021", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (export_test_exit_status (&run), ==, 0);

  bytes = load (path);
  g_assert_true (export_test_svg_is_well_formed (bytes, &error));
  g_assert_no_error (error);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  g_str_equal (extension, "gexf") ? "<gexf" : "<graphml"));
  /* with the positions of the picture, for Gephi and Cytoscape */
  if (g_str_equal (extension, "gexf"))
    g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    "<viz:position"));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  "Viasna"));

  export_test_remove_dir (dir);
}

static char *
checksum_of (const char *path)
{
  g_autoptr(GBytes) bytes = load (path);

  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

/* On a full disk an export fails, says why, and leaves the file it would
 * have replaced as it was, with nothing half-written beside it. */
static void
test_full_disk (gconstpointer data)
{
  const char *name = data;
  g_autofree char *dir = g_dir_make_tmp ("letapis-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *filler = g_build_filename (dir, "filler", NULL);
  g_autofree char *option = g_str_has_suffix (name, ".json")
                            ? g_strdup_printf ("--export-data=%s", path)
                            : g_strdup_printf ("--export-graph=%s", path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(ExportTestRun) first = { 0 };
  g_auto(ExportTestRun) second = { 0 };

  if (!fs_test_mount_tmpfs (dir, 2 * 1024))
    {
      g_rmdir (dir);
      return;
    }

  run_letapis (&first, NULL, option, NULL);
  g_assert_cmpstr (first.err, ==, "");
  g_assert_cmpint (export_test_exit_status (&first), ==, 0);
  before = checksum_of (path);

  fs_test_fill (dir);
  /* Different content: the restricted records, or a shorter time window */
  if (g_str_has_suffix (name, ".json"))
    run_letapis (&second, NULL, option, "--include-restricted", NULL);
  else
    run_letapis (&second, NULL, option, "--from=2020", "--to=2021", NULL);
  g_assert_cmpint (export_test_exit_status (&second), !=, 0);
  g_assert_nonnull (strstr (second.err, "disk is full"));

  after = checksum_of (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (count_files (dir), ==, 2);  /* the export and the filler */

  fs_test_unmount (dir);
  export_test_remove_dir (dir);
}

/* The data export writes beside its target only: no plaintext copy goes
 * to the temporary folder (where it would outlive a kill -9). */
static void
test_export_data_no_tmp (void)
{
  g_autofree char *dir = g_dir_make_tmp ("letapis-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "chronicle.json", NULL);
  g_autofree char *arg = g_strdup_printf ("--export-data=%s", path);
  g_autofree char *tmp = g_build_filename (dir, "no-such-tmp", NULL);
  g_autofree char *tmpdir = g_strdup_printf ("TMPDIR=%s", tmp);
  const char * const env[] = { tmpdir, NULL };
  GStatBuf st;
  g_auto(ExportTestRun) run;

  run_letapis (&run, env, arg, "--include-restricted", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (export_test_exit_status (&run), ==, 0);
  g_assert_cmpuint (count_files (dir), ==, 1);

  /* Sensitive: for the owner only */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  export_test_remove_dir (dir);
}

/* A file the user already shared with a group stays shared. */
static void
test_export_keeps_mode (gconstpointer data)
{
  const char *name = data;
  g_autofree char *dir = g_dir_make_tmp ("letapis-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *arg = g_str_has_suffix (name, ".json")
                         ? g_strdup_printf ("--export-data=%s", path)
                         : g_str_has_suffix (name, ".png")
                         ? g_strdup_printf ("--export-timeline=%s", path)
                         : g_strdup_printf ("--export-graph=%s", path);
  GStatBuf st;
  g_auto(ExportTestRun) first;
  g_auto(ExportTestRun) second;

  run_letapis (&first, NULL, arg, NULL);
  g_assert_cmpint (export_test_exit_status (&first), ==, 0);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  run_letapis (&second, NULL, arg, NULL);
  g_assert_cmpint (export_test_exit_status (&second), ==, 0);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);

  export_test_remove_dir (dir);
}

static gboolean
xmllint_accepts (const char *path,
                 char      **complaint)
{
  const char *argv[] = { "xmllint", "--noout", path, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, complaint, &status, &error);
  g_assert_no_error (error);

  return g_spawn_check_wait_status (status, NULL);
}

/* A name with control characters in it (pasted from a terminal, say) still
 * makes GraphML, GEXF and SVG that an XML parser reads. */
static void
test_control_characters (void)
{
  g_autofree char *dir = g_dir_make_tmp ("letapis-cli-XXXXXX", NULL);
  g_autofree char *source = g_build_filename (data_home, "letapis", "chronicle.db", NULL);
  g_autofree char *db_path = g_build_filename (dir, "chronicle.db", NULL);
  g_autofree char *database = g_strdup_printf ("--database=%s", db_path);
  g_autoptr(GFile) from = g_file_new_for_path (source);
  g_autoptr(GFile) to = g_file_new_for_path (db_path);
  g_autoptr(GError) error = NULL;
  static const char * const names[] = { "graph.graphml", "graph.gexf", "graph.svg" };
  sqlite3 *db = NULL;

  if (!export_test_have_program ("xmllint"))
    {
      g_test_skip ("xmllint (libxml2-utils) is not installed");
      g_rmdir (dir);
      return;
    }

  /* The user's chronicle exists once any earlier export has run. */
  if (!g_file_test (source, G_FILE_TEST_EXISTS))
    {
      g_auto(ExportTestRun) first;
      g_autofree char *out = g_build_filename (dir, "first.json", NULL);
      g_autofree char *arg = g_strdup_printf ("--export-data=%s", out);

      run_letapis (&first, NULL, arg, NULL);
      g_assert_cmpint (export_test_exit_status (&first), ==, 0);
      g_unlink (out);
    }
  g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE actors SET name = 'Via' || char(1) || 'sna' || "
                                 "char(27) || '[31m' || char(11) WHERE slug = 'viasna'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  sqlite3_close (db);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autofree char *arg = g_strdup_printf ("--export-graph=%s", path);
      g_autofree char *complaint = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_auto(ExportTestRun) run;

      run_letapis (&run, NULL, arg, database, "--title=Report\x01 \x1b[1m2021", NULL);
      g_assert_cmpstr (run.err, ==, "");
      g_assert_cmpint (export_test_exit_status (&run), ==, 0);

      if (!xmllint_accepts (path, &complaint))
        g_error ("%s is not valid XML: %s", names[i], complaint);
      bytes = load (path);
      if (!g_str_has_suffix (names[i], ".svg"))
        g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                        "Viasna[31m"));
      g_unlink (path);
    }

  g_unlink (db_path);
  g_rmdir (dir);
}

/* An export only reads: from a read-only folder (a read-only mount here,
 * which stops root too) it works, and a rollback-journal chronicle keeps
 * its mode and its bytes, with nothing put beside it. */
static void
test_export_reads_only (gconstpointer data)
{
  gboolean read_only_folder = GPOINTER_TO_INT (data);
  g_autofree char *dir = g_dir_make_tmp ("letapis-cli-XXXXXX", NULL);
  g_autofree char *out_dir = g_dir_make_tmp ("letapis-cli-XXXXXX", NULL);
  g_autofree char *source = g_build_filename (data_home, "letapis", "chronicle.db", NULL);
  g_autofree char *db_path = g_build_filename (dir, "chronicle.db", NULL);
  g_autofree char *database = g_strdup_printf ("--database=%s", db_path);
  g_autofree char *out = g_build_filename (out_dir, "chronicle.json", NULL);
  g_autofree char *arg = g_strdup_printf ("--export-data=%s", out);
  g_autofree char *timeline = g_build_filename (out_dir, "timeline.png", NULL);
  g_autofree char *timeline_arg = g_strdup_printf ("--export-timeline=%s", timeline);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GFile) from = g_file_new_for_path (source);
  g_autoptr(GFile) to = g_file_new_for_path (db_path);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  g_auto(ExportTestRun) run = { 0 };
  g_auto(ExportTestRun) second = { 0 };

  if (read_only_folder && !fs_test_mount_tmpfs (dir, 8 * 1024))
    {
      g_rmdir (dir);
      g_rmdir (out_dir);
      return;
    }
  if (!g_file_test (source, G_FILE_TEST_EXISTS))
    {
      g_auto(ExportTestRun) first;

      run_letapis (&first, NULL, arg, NULL);
      g_assert_cmpint (export_test_exit_status (&first), ==, 0);
    }
  g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  if (!read_only_folder)
    {
      g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==,
                       SQLITE_OK);
      sqlite3_close (db);
    }
  else
    g_assert_true (fs_test_remount_read_only (dir));
  before = checksum_of (db_path);

  run_letapis (&run, NULL, arg, database, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (export_test_exit_status (&run), ==, 0);
  run_letapis (&second, NULL, timeline_arg, database, NULL);
  g_assert_cmpstr (second.err, ==, "");
  g_assert_cmpint (export_test_exit_status (&second), ==, 0);

  after = checksum_of (db_path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (count_files (dir), ==, 1);

  if (read_only_folder)
    fs_test_unmount (dir);
  export_test_remove_dir (dir);
  export_test_remove_dir (out_dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  fs_test_init ();
  setlocale (LC_ALL, "en_US.UTF-8");
  g_test_init (&argc, &argv, NULL);

  data_home = g_dir_make_tmp ("letapis-cli-data-XXXXXX", NULL);

  g_test_add_func ("/Letapis/ExportCli/timeline-pdf", test_timeline_pdf);
  g_test_add_func ("/Letapis/ExportCli/png-size", test_png_size);
  g_test_add_func ("/Letapis/ExportCli/graph-svg", test_svg);
  g_test_add_data_func ("/Letapis/ExportCli/grayscale", "timeline", test_grayscale);
  g_test_add_data_func ("/Letapis/ExportCli/grayscale-graph", "graph", test_grayscale);
  g_test_add_func ("/Letapis/ExportCli/ukrainian", test_ukrainian);
  g_test_add_func ("/Letapis/ExportCli/language-without-locale", test_language_without_locale);
  g_test_add_func ("/Letapis/ExportCli/belarusian", test_belarusian);
  g_test_add_func ("/Letapis/ExportCli/export-data", test_export_data);
  g_test_add_data_func ("/Letapis/ExportCli/graph-data/graphml", "graphml", test_graph_data);
  g_test_add_data_func ("/Letapis/ExportCli/graph-data/gexf", "gexf", test_graph_data);
  g_test_add_func ("/Letapis/ExportCli/restricted", test_restricted);
  g_test_add_func ("/Letapis/ExportCli/restricted-lanes", test_restricted_lanes);
  g_test_add_func ("/Letapis/ExportCli/no-matches", test_no_matches);
  g_test_add_func ("/Letapis/ExportCli/error-while-exporting", test_error_while_exporting);
  g_test_add_data_func ("/Letapis/ExportCli/full-disk/graphml", "graph.graphml", test_full_disk);
  g_test_add_data_func ("/Letapis/ExportCli/full-disk/gexf", "graph.gexf", test_full_disk);
  g_test_add_data_func ("/Letapis/ExportCli/full-disk/json", "chronicle.json", test_full_disk);
  g_test_add_data_func ("/Letapis/ExportCli/full-disk/pdf", "graph.pdf", test_full_disk);
  g_test_add_func ("/Letapis/ExportCli/export-data-no-tmp", test_export_data_no_tmp);
  g_test_add_func ("/Letapis/ExportCli/control-characters", test_control_characters);
  g_test_add_data_func ("/Letapis/ExportCli/reads-only/journal", GINT_TO_POINTER (FALSE),
                        test_export_reads_only);
  g_test_add_data_func ("/Letapis/ExportCli/reads-only/read-only-folder", GINT_TO_POINTER (TRUE),
                        test_export_reads_only);
  g_test_add_data_func ("/Letapis/ExportCli/keeps-mode/json", "chronicle.json", test_export_keeps_mode);
  g_test_add_data_func ("/Letapis/ExportCli/keeps-mode/graphml", "graph.graphml", test_export_keeps_mode);
  g_test_add_data_func ("/Letapis/ExportCli/keeps-mode/png", "timeline.png", test_export_keeps_mode);
  g_test_add_func ("/Letapis/ExportCli/error-translated", test_error_translated);
  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/Letapis/ExportCli/error/%s", error_cases[i].name);

      g_test_add_data_func (path, &error_cases[i], test_error);
    }

  status = g_test_run ();

  {
    g_autofree char *db_dir = g_build_filename (data_home, "letapis", NULL);

    export_test_remove_dir (db_dir);
    g_rmdir (data_home);
  }

  return status;
}
