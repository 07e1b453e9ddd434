/* bench-model.c: the store at a million events
 *
 * Copyright 2024 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run with `build-aux/bench model`. Creates (or reuses) a synthetic
 * chronicle of 1,000,000 events in $TMPDIR and prints one line per figure:
 *   (a) loading a window through the model layer vs a bare sqlite3_step loop
 *   (b) window queries of a month, a year, ten years (by aggregation)
 *   (c) full-text search over the million events
 *   (d) peak memory with the chronicle open
 * The last line is "model/bare ratio: X.XX".
 *
 * The database is generated in a child process so that the generator's
 * cache does not count towards the peak memory of this one.
 */

#include "config.h"

#include <unistd.h>

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <time.h>

#include "lt-model.h"

#define N_EVENTS    1000000
#define N_YEARS     5
#define N_ACTORS    5000
#define N_RELATIONS 20000
#define SEED        1
#define REPEAT      9

typedef struct
{
  gint64  id;
  gint32  start_day;
  gint32  end_day;
  int     category;
  int     restricted;
  char   *slug;
  char   *title;
  char   *summary;
  char   *place;
  char   *date;
} BareEvent;

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* CPU time of this thread: the machine is shared, and wall time would
 * measure the other processes too. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_double);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static glong
status_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *p;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      !(p = strstr (status, field)))
    return -1;
  return strtol (p + strlen (field) + 1, NULL, 10);
}

static void
bare_clear (BareEvent *e)
{
  g_free (e->slug);
  g_free (e->title);
  g_free (e->summary);
  g_free (e->place);
  g_free (e->date);
}

static void
bare_run (sqlite3_stmt *stmt,
          GArray       *out)
{
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      BareEvent e = {
        sqlite3_column_int64 (stmt, 0),
        0, 0,
        0,
        sqlite3_column_int (stmt, 7),
        g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
        g_strdup ((const char *) sqlite3_column_text (stmt, 2)),
        g_strdup ((const char *) sqlite3_column_text (stmt, 3)),
        g_strdup ((const char *) sqlite3_column_text (stmt, 4)),
        g_strdup ((const char *) sqlite3_column_text (stmt, 6)),
      };

      /* The same work the model does per event: parse the date, look up the category. */
      LtDateRange range;

      if (lt_date_range_parse (e.date, &range, NULL))
        {
          e.start_day = (gint32) lt_date_range_first_day (&range);
          e.end_day = (gint32) lt_date_range_last_day (&range);
        }
      e.category = lt_category_get_index ((const char *) sqlite3_column_text (stmt, 5));
      g_array_append_val (out, e);
    }
  sqlite3_reset (stmt);
}

/* The same rows as lt_store_list_events() for a window, read with a plain
 * sqlite3_step loop into a C array: short events from the span index,
 * long ones from their partial index. */
static guint
bare_load (sqlite3 *db,
           gint64   first,
           gint64   last)
{
  static sqlite3_stmt *shorts, *longs;
  g_autoptr(GArray) out = g_array_new (FALSE, FALSE, sizeof (BareEvent));
  guint n;

  g_array_set_clear_func (out, (GDestroyNotify) bare_clear);

  if (shorts == NULL)
    {
      g_assert (sqlite3_prepare_v2 (db,
                                    "SELECT id, slug, title, summary, place, category, date, restricted"
                                    " FROM events WHERE start_day BETWEEN ?1 - 62 AND ?2 AND end_day >= ?1"
                                    " AND end_day - start_day <= 62 AND restricted = 0 ORDER BY start_day",
                                    -1, &shorts, NULL) == SQLITE_OK);
      g_assert (sqlite3_prepare_v2 (db,
                                    "SELECT id, slug, title, summary, place, category, date, restricted"
                                    " FROM events WHERE end_day - start_day > 62 AND start_day <= ?2"
                                    " AND end_day >= ?1 AND restricted = 0 ORDER BY start_day",
                                    -1, &longs, NULL) == SQLITE_OK);
    }

  sqlite3_bind_int64 (shorts, 1, first);
  sqlite3_bind_int64 (shorts, 2, last);
  bare_run (shorts, out);
  sqlite3_bind_int64 (longs, 1, first);
  sqlite3_bind_int64 (longs, 2, last);
  bare_run (longs, out);

  n = out->len;
  return n;
}

static guint
model_load (LtStore *store,
            gint64   first,
            gint64   last)
{
  g_autoptr(LtEventFilter) filter = lt_event_filter_new ();
  g_autoptr(GListModel) list = NULL;
  guint n;
  gsize chars = 0;

  lt_event_filter_set_window (filter, first, last);
  list = lt_store_list_events (store, filter);
  n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LtEvent) event = g_list_model_get_item (list, i);

      chars += strlen (lt_event_get_title (event));
    }

  g_assert (n == 0 || chars > 0);
  return n;
}

static gboolean
generate (const char  *path,
          GError     **error)
{
  g_autoptr(LtStore) store = lt_store_open (path, error);
  LtSyntheticParams params = { N_EVENTS, N_YEARS, N_ACTORS, N_RELATIONS, SEED, 2020 };

  return store != NULL && lt_store_generate_synthetic (store, &params, error);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LtStore) store = NULL;
  g_autoptr(LtEventFilter) filter = lt_event_filter_new ();
  g_autofree char *path = NULL;
  sqlite3 *bare_db = NULL;
  double times[REPEAT];
  double t, model_ms, bare_ms, ratio;
  guint n_model = 0, n_bare = 0;
  gint64 month_first = lt_days_from_ymd (2022, 3, 1);
  gint64 month_last = lt_days_from_ymd (2022, 3, 31);
  gint64 year_first = lt_days_from_ymd (2022, 1, 1);
  gint64 year_last = lt_days_from_ymd (2022, 12, 31);
  gint64 decade_first = lt_days_from_ymd (2016, 1, 1);
  gint64 decade_last = lt_days_from_ymd (2025, 12, 31);
  const char *queries[] = {
    "Kavalenka", "Bialatski", "Stefanov", "Losika", "Babaryka", "Кавалэнка", "Лосік", "Знак",
    "Tsikhanouskaia", "Ціханоўская", "Hrodna", "Гродна", "Mahiliou", "Salihorsk", "Baranavichy",
    "Pinsk", "Orsha", "Lida", "Navapolatsk", "Vilnius", "Riga",
  };
  double fts[G_N_ELEMENTS (queries)];
  guint fts_hits[G_N_ELEMENTS (queries)];
  guint n_hits_total = 0;

  setlocale (LC_ALL, "C.UTF-8");

  if (argc == 3 && g_str_equal (argv[1], "--generate"))
    {
      if (!generate (argv[2], &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      return 0;
    }

  path = g_build_filename (g_get_tmp_dir (), "letapis-bench-1m-s1-v2b.letapis", NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      /* a name of this run's own: two runs at once must not delete each other's file */
      g_autofree char *tmp = g_strdup_printf ("%s.%d.part", path, (int) getpid ());
      const char *child[] = { argv[0], "--generate", tmp, NULL };
      int status = 0;

      g_print ("generating %s (once; reused afterwards)...\n", path);
      t = now_ms ();
      if (!g_spawn_sync (NULL, (char **) child, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                         NULL, NULL, &status, &error) ||
          !g_spawn_check_wait_status (status, &error))
        {
          g_printerr ("Could not generate the database: %s\n", error->message);
          return 1;
        }
      /* Checkpointed and closed by the child; move the main file into place. */
      if (g_rename (tmp, path) != 0)
        {
          g_printerr ("Could not rename %s\n", tmp);
          return 1;
        }
      g_print ("generate 1,000,000 events (lt_store_generate_synthetic, one transaction): %.1f s\n",
               (now_ms () - t) / 1000);
    }
  else
    g_print ("reusing %s\n", path);

  t = now_ms ();
  store = lt_store_open (path, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  lt_store_set_language (store, "en");
  g_print ("open (header + quick_check + schema): %.0f ms\n", now_ms () - t);

  g_assert (sqlite3_open_v2 (path, &bare_db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK);
  sqlite3_exec (bare_db, "PRAGMA cache_size = -32768", NULL, NULL, NULL);

  /* Warm both paths once: the page cache is not what we compare. */
  model_load (store, month_first, month_last);
  bare_load (bare_db, month_first, month_last);

  /* (a) model vs bare, one month; interleaved, CPU time */
  {
    double model_times[REPEAT], bare_times[REPEAT], wall_model[REPEAT], wall_bare[REPEAT];

    for (guint i = 0; i < REPEAT; i++)
      {
        double w = now_ms ();

        t = cpu_ms ();
        n_bare = bare_load (bare_db, month_first, month_last);
        bare_times[i] = cpu_ms () - t;
        wall_bare[i] = now_ms () - w;

        w = now_ms ();
        t = cpu_ms ();
        n_model = model_load (store, month_first, month_last);
        model_times[i] = cpu_ms () - t;
        wall_model[i] = now_ms () - w;
      }
    bare_ms = median (bare_times, REPEAT);
    model_ms = median (model_times, REPEAT);
    g_assert (n_model == n_bare);
    ratio = model_ms / bare_ms;
    g_print ("(a) load 1 month (%u events; every item built, title read) CPU time: model %.1f ms, "
             "bare sqlite3_step %.1f ms, ratio %.2f (median of %d; wall %.1f vs %.1f ms)\n",
             n_model, model_ms, bare_ms, ratio, REPEAT,
             median (wall_model, REPEAT), median (wall_bare, REPEAT));
  }

  /* (a') the same for a year, for scale */
  {
    double m, b;

    t = cpu_ms ();
    n_bare = bare_load (bare_db, year_first, year_last);
    b = cpu_ms () - t;
    t = cpu_ms ();
    n_model = model_load (store, year_first, year_last);
    m = cpu_ms () - t;
    g_print ("    load 1 year (%u events) CPU time: model %.0f ms, bare %.0f ms, ratio %.2f\n",
             n_model, m, b, m / b);
  }

  /* (b) window queries */
  lt_event_filter_set_window (filter, month_first, month_last);
  for (guint i = 0; i < REPEAT; i++)
    {
      g_autoptr(GArray) spans = NULL;

      t = now_ms ();
      spans = lt_store_dup_event_spans (store, filter, &error);
      times[i] = now_ms () - t;
      n_model = spans->len;
    }
  g_print ("(b) window 1 month: %u spans in %.1f ms", n_model, median (times, REPEAT));
  for (guint i = 0; i < REPEAT; i++)
    {
      g_autoptr(GListModel) list = NULL;

      t = now_ms ();
      list = lt_store_list_events (store, filter);
      times[i] = now_ms () - t;
    }
  g_print ("; as a list model (keys only, items lazily): %.1f ms\n", median (times, REPEAT));

  lt_event_filter_set_window (filter, year_first, year_last);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GArray) spans = NULL;

      t = now_ms ();
      spans = lt_store_dup_event_spans (store, filter, &error);
      times[i] = now_ms () - t;
      n_model = spans->len;
    }
  g_print ("    window 1 year: %u spans in %.1f ms", n_model, median (times, 3));
  for (guint i = 0; i < REPEAT; i++)
    {
      g_autoptr(GArray) counts = NULL;

      t = now_ms ();
      counts = lt_store_dup_event_counts (store, filter, LT_BUCKET_DAY, &error);
      times[i] = now_ms () - t;
      n_model = counts->len;
    }
  g_print ("; as per-day counts: %u rows in %.1f ms\n", n_model, median (times, REPEAT));

  lt_event_filter_set_window (filter, decade_first, decade_last);
  for (guint i = 0; i < REPEAT; i++)
    {
      g_autoptr(GArray) counts = NULL;
      guint total = 0;

      t = now_ms ();
      counts = lt_store_dup_event_counts (store, filter, LT_BUCKET_DAY, &error);
      times[i] = now_ms () - t;
      for (guint j = 0; j < counts->len; j++)
        total += g_array_index (counts, LtBucketCount, j).count;
      n_model = total;
      n_bare = counts->len;
    }
  g_print ("    window 10 years (aggregated per day and category, no objects): "
           "%u rows covering %u events in %.1f ms\n", n_bare, n_model, median (times, REPEAT));
  for (guint i = 0; i < REPEAT; i++)
    {
      g_autoptr(GArray) counts = NULL;

      t = now_ms ();
      counts = lt_store_dup_event_counts (store, filter, LT_BUCKET_MONTH, &error);
      times[i] = now_ms () - t;
      n_bare = counts->len;
    }
  g_print ("    window 10 years per month: %u rows in %.1f ms\n", n_bare, median (times, REPEAT));

  /* All spans, as the timeline loads them at start */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GArray) spans = NULL;
      g_autoptr(LtEventFilter) everything = lt_event_filter_new ();

      lt_event_filter_set_include_restricted (everything, TRUE);
      t = now_ms ();
      spans = lt_store_dup_event_spans (store, everything, &error);
      times[i] = now_ms () - t;
      n_model = spans->len;
    }
  g_print ("    all spans: %u in %.0f ms\n", n_model, median (times, 3));

  /* (c) full-text search */
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(GArray) hits = lt_store_search (store, queries[q], 50, &error);  /* warm */

      t = now_ms ();
      g_clear_pointer (&hits, g_array_unref);
      hits = lt_store_search (store, queries[q], 50, &error);
      fts[q] = now_ms () - t;
      fts_hits[q] = hits->len;
      n_hits_total += hits->len;
    }
  {
    double sorted[G_N_ELEMENTS (queries)];
    double max = 0;

    memcpy (sorted, fts, sizeof fts);
    for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
      max = MAX (max, fts[q]);
    g_print ("(c) search (FTS5, folded, bm25, top 50) over 1,000,000 events: median %.1f ms, "
             "max %.1f ms over %u queries (names in Latin and Cyrillic, places; %u hits)\n",
             median (sorted, G_N_ELEMENTS (queries)), max, (guint) G_N_ELEMENTS (queries),
             n_hits_total);
    (void) fts_hits;
  }

  /* (d) memory */
  g_print ("(d) peak RSS with the chronicle open, all spans loaded: %.0f MB (now %.0f MB)\n",
           status_kb ("VmHWM:") / 1024.0, status_kb ("VmRSS:") / 1024.0);

  sqlite3_close (bare_db);
  g_print ("model/bare ratio: %.2f\n", ratio);

  return 0;
}
