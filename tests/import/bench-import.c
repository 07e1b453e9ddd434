/* bench-import.c: importing a big spreadsheet
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run with `build-aux/bench import [ROWS]`. Writes a TimelineJS-layout CSV
 * of 100,000 rows (200 sources, 2,000 actors named in a custom-column CSV
 * of the same size) in $TMPDIR and prints one line per figure:
 *   (a) load: reading, decoding and splitting the file
 *   (b) preview: planning against an empty chronicle
 *   (c) import: the one transaction into a new chronicle (target <= 5 s)
 *   (d) the same for the CSV with its own columns and actors
 *   (e) undo of the whole import, and peak memory
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sys/resource.h>

#include "lt-model.h"

static const char * const groups[] = { "Protest", "Detention", "Prosecution", "Statement" };

static char *
write_timelinejs (const char *dir,
                  guint       rows)
{
  g_autoptr(GString) out = g_string_new ("Year,Month,Day,Time,End Year,End Month,End Day,End Time,"
                                         "Display Date,Headline,Text,Media,Media Credit,"
                                         "Media Caption,Media Thumbnail,Type,Group,Background\r\n");
  char *path = g_build_filename (dir, "bench-timelinejs.csv", NULL);

  for (guint i = 0; i < rows; i++)
    g_string_append_printf (out, "%u,%u,%u,,,,,,,Event number %u,\"Summary of event %u, "
                            "with a comma\",https://example.org/%u,Source %u,,,,%s,\r\n",
                            2000 + i % 25, 1 + i % 12, 1 + i % 28, i, i, i % 200, i % 200,
                            groups[i % 4]);
  g_assert_true (g_file_set_contents (path, out->str, (gssize) out->len, NULL));
  return path;
}

static char *
write_custom (const char *dir,
              guint       rows)
{
  g_autoptr(GString) out = g_string_new ("Date;Title;Summary;Category;Place;Actors;Source;URL;Page\r\n");
  char *path = g_build_filename (dir, "bench-custom.csv", NULL);

  for (guint i = 0; i < rows; i++)
    g_string_append_printf (out, "%02u.%02u.%u;Подія %u;Опис %u;%s;Місто %u;Особа %u; Особа %u;"
                            "Джерело %u;https://example.org/%u;с. %u\r\n",
                            1 + i % 28, 1 + i % 12, 2000 + i % 25, i, i, groups[i % 4], i % 50,
                            i % 2000, (i * 7) % 2000, i % 200, i % 200, i % 40);
  g_assert_true (g_file_set_contents (path, out->str, (gssize) out->len, NULL));
  return path;
}

static double
seconds_since (gint64 t0)
{
  return (g_get_monotonic_time () - t0) / 1e6;
}

static void
run (const char *dir,
     const char *csv,
     const char *label)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = g_build_filename (dir, "bench-import.letapis", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(LtImporter) importer = lt_importer_new (file);
  g_autoptr(LtStore) store = NULL;
  gint64 t0;

  g_unlink (db);
  store = lt_store_open (db, &error);
  g_assert_no_error (error);

  t0 = g_get_monotonic_time ();
  g_assert_true (lt_importer_load (importer, NULL, &error));
  g_print ("%s load: %.2f s\n", label, seconds_since (t0));

  t0 = g_get_monotonic_time ();
  g_assert_true (lt_importer_preview (importer, store, NULL, &error));
  g_print ("%s preview: %.2f s\n", label, seconds_since (t0));

  t0 = g_get_monotonic_time ();
  g_assert_true (lt_importer_apply (importer, store, NULL, &error));
  g_assert_no_error (error);
  g_print ("%s import into a new chronicle: %.2f s (%u events, %u actors, %u sources added)\n",
           label, seconds_since (t0),
           lt_importer_get_count (importer, LT_RECORD_EVENT, LT_IMPORT_ADDED),
           lt_importer_get_count (importer, LT_RECORD_ACTOR, LT_IMPORT_ADDED),
           lt_importer_get_count (importer, LT_RECORD_SOURCE, LT_IMPORT_ADDED));

  t0 = g_get_monotonic_time ();
  g_assert_true (lt_store_undo (store, &error));
  g_assert_no_error (error);
  g_print ("%s undo of the import: %.2f s\n", label, seconds_since (t0));

  g_clear_object (&store);
  g_unlink (db);
}

int
main (int   argc,
      char *argv[])
{
  guint rows = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 100000;
  g_autofree char *dir = g_dir_make_tmp ("letapis-bench-XXXXXX", NULL);
  g_autofree char *timelinejs = NULL;
  g_autofree char *custom = NULL;
  struct rusage ru;

  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);

  timelinejs = write_timelinejs (dir, rows);
  custom = write_custom (dir, rows);
  g_print ("rows: %u\n", rows);

  run (dir, timelinejs, "TimelineJS CSV");
  run (dir, custom, "own-columns CSV");

  getrusage (RUSAGE_SELF, &ru);
  g_print ("peak memory: %ld MiB\n", ru.ru_maxrss / 1024);

  g_unlink (timelinejs);
  g_unlink (custom);
  g_rmdir (dir);
  return 0;
}
