/* bench-export.c: how long exports take and how large they get
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run with build-aux/bench export. Targets (issue 8): the bundled chronicle
 * to each format under 1 s; 100,000 synthetic events to a 3840-px-wide PNG
 * under 2 s, to SVG and PDF under 3 s, at a bounded size; with the event key (issue
 * 15), the bundled chronicle under 1 s and 100,000 events on 5 PDF pages under 3 s and 5 MB.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sys/resource.h>
#include <unistd.h>

#include "lt-export-document.h"
#include "export-test-util.h"

static gboolean all_met = TRUE;

static void
bench (const char            *what,
       LtStore               *store,
       const LtExportOptions *options,
       double                 target_ms,
       double                 max_kib)
{
  g_autoptr(LtExportDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  gint64 t0, t1, t2;
  double ms;
  int fd;

  /* LETAPIS_BENCH_OUT=folder keeps the files, to look at them */
  if (g_getenv ("LETAPIS_BENCH_OUT") != NULL)
    {
      g_autofree char *name = g_strdup_printf ("%s.%s", what,
                                               lt_export_format_get_extension (options->format));

      g_strdelimit (name, " >", '_');
      path = g_build_filename (g_getenv ("LETAPIS_BENCH_OUT"), name, NULL);
    }
  else
    {
      fd = g_file_open_tmp ("letapis-bench-XXXXXX", &path, &error);
      g_assert_no_error (error);
      close (fd);
    }
  file = g_file_new_for_path (path);

  /* Everything a user waits for: reading the store, laying out, drawing,
   * encoding, writing the file. */
  t0 = g_get_monotonic_time ();
  document = lt_export_document_new (store, options, &error);
  g_assert_no_error (error);
  t1 = g_get_monotonic_time ();
  bytes = lt_export_document_render (document, &error);
  g_assert_no_error (error);
  lt_export_write_bytes (file, bytes, NULL, &error);
  g_assert_no_error (error);
  t2 = g_get_monotonic_time ();

  ms = (t2 - t0) / 1000.0;
  if (ms > target_ms || (max_kib > 0 && g_bytes_get_size (bytes) / 1024.0 > max_kib))
    all_met = FALSE;
  g_print ("%-48s %8.1f ms (document %6.1f ms, render+write %6.1f ms)  %9.1f KiB  target < %.0f ms %s",
           what, ms, (t1 - t0) / 1000.0, (t2 - t1) / 1000.0,
           g_bytes_get_size (bytes) / 1024.0, target_ms, ms <= target_ms ? "ok" : "MISSED");
  if (max_kib > 0)
    g_print (", < %.0f KiB %s", max_kib, g_bytes_get_size (bytes) / 1024.0 <= max_kib ? "ok" : "MISSED");
  g_print ("\n");

  if (g_getenv ("LETAPIS_BENCH_OUT") == NULL)
    g_file_delete (file, NULL, NULL);
}

static LtExportOptions *
options_for (LtExportFormat format,
             int            width_px)
{
  LtExportOptions *options = lt_export_options_new (LT_EXPORT_PAGE_TIMELINE);

  options->format = format;
  options->size = lt_export_size_default_for (format);
  if (width_px > 0)
    {
      options->size = LT_EXPORT_SIZE_CUSTOM_PX;
      options->width = width_px;
    }

  return options;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *chronicle = export_test_source_path ("data", "chronicle", NULL);
  g_autoptr(LtStore) bundled = NULL;
  g_autoptr(LtStore) synthetic = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("letapis-bench-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "synthetic.db", NULL);
  LtSyntheticParams params = { 0 };
  struct rusage ru;
  gint64 t0;
  guint n_events = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 100000;

  setlocale (LC_ALL, "");
  g_unsetenv ("DISPLAY");
  g_unsetenv ("WAYLAND_DISPLAY");

  bundled = export_test_open_chronicle (chronicle, NULL);
  g_print ("bundled chronicle: %u events\n", lt_store_count_events (bundled, NULL, NULL));

  for (int round = 0; round < 2; round++)
    {
      g_autoptr(LtExportOptions) png = options_for (LT_EXPORT_FORMAT_PNG, 0);
      g_autoptr(LtExportOptions) svg = options_for (LT_EXPORT_FORMAT_SVG, 0);
      g_autoptr(LtExportOptions) pdf = options_for (LT_EXPORT_FORMAT_PDF, 0);

      /* the first round warms fontconfig's caches; the second is what a user sees */
      if (round == 0)
        g_print ("-- first round (cold fonts) --\n");
      else
        g_print ("-- second round --\n");
      /* with the event key, on by default */
      bench ("bundled -> PNG 1920x1080, key", bundled, png, 1000, 0);
      bench ("bundled -> SVG A4 landscape, key", bundled, svg, 1000, 0);
      bench ("bundled -> PDF A4 landscape, key", bundled, pdf, 1000, 0);
      pdf->key = FALSE;
      bench ("bundled -> PDF A4 landscape, no key", bundled, pdf, 1000, 0);
    }

  params.n_events = n_events;
  params.years = 10;
  params.n_actors = 2000;
  params.n_relations = 5000;
  params.seed = 42;
  t0 = g_get_monotonic_time ();
  synthetic = lt_store_open (db, &error);
  g_assert_no_error (error);
  lt_store_generate_synthetic (synthetic, &params, &error);
  g_assert_no_error (error);
  g_print ("synthetic chronicle: %u events over %u years, generated in %.0f ms\n",
           lt_store_count_events (synthetic, NULL, NULL), params.years,
           (g_get_monotonic_time () - t0) / 1000.0);

  {
    g_autoptr(LtExportOptions) png = options_for (LT_EXPORT_FORMAT_PNG, 3840);
    g_autoptr(LtExportOptions) png2 = options_for (LT_EXPORT_FORMAT_PNG, 3840);
    g_autoptr(LtExportOptions) svg = options_for (LT_EXPORT_FORMAT_SVG, 0);
    g_autoptr(LtExportOptions) pdf = options_for (LT_EXPORT_FORMAT_PDF, 0);
    g_autoptr(LtExportOptions) pdf5 = options_for (LT_EXPORT_FORMAT_PDF, 0);
    g_autofree char *what = g_strdup_printf ("%uk events -> PNG 3840x2160", n_events / 1000);
    g_autofree char *what2 = g_strdup_printf ("%uk events -> PNG 3840x2160 at 192 dpi", n_events / 1000);
    g_autofree char *what_svg = g_strdup_printf ("%uk events -> SVG A4 landscape", n_events / 1000);
    g_autofree char *what_pdf = g_strdup_printf ("%uk events -> PDF A4 landscape", n_events / 1000);
    g_autofree char *what_pdf5 = g_strdup_printf ("%uk events -> PDF, 5 pages, key", n_events / 1000);

    png2->dpi = 192;
    pdf5->n_pages = 5;
    bench (what, synthetic, png, 2000, 0);
    bench (what2, synthetic, png2, 2000, 0);
    bench (what_svg, synthetic, svg, 3000, 0);
    bench (what_pdf, synthetic, pdf, 3000, 0);
    /* the key lists clusters, not every event */
    bench (what_pdf5, synthetic, pdf5, 3000, 5 * 1024);
  }

  getrusage (RUSAGE_SELF, &ru);
  g_print ("peak memory: %ld MiB\n", ru.ru_maxrss / 1024);
  g_print ("targets: %s\n", all_met ? "all met" : "some MISSED");

  g_clear_object (&synthetic);
  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (listing)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        g_unlink (path);
      }
    g_rmdir (dir);
  }

  return 0;
}
