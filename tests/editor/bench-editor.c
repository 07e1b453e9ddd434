/* bench-editor.c: what saving an edit costs at a million events
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens a synthetic chronicle (1,000,000 events by default; made once and kept in the temp
 * directory), shows it in a timeline painter set up as LtTimelineView sets it up, then saves
 * 30 edits as the event editor does (a copy of the event with a new title and date, through
 * lt_store_update_event) and times each from Save until the timeline's next frame is built
 * with the change in it. Prints the median and the worst. Not a test:
 * `build-aux/bench editor [N_EVENTS]`.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <pango/pangocairo.h>

#include <adwaita.h>

#include "lt-timeline-painter.h"

#define WIDTH  1280
#define HEIGHT 720
#define N_EDITS 30

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return da < db ? -1 : da > db;
}

static void
frame (LtTimelinePainter *painter,
       PangoContext      *pango)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;

  lt_timeline_painter_paint (painter, snapshot, pango, WIDTH, HEIGHT);
  node = gtk_snapshot_free_to_node (snapshot);
  g_clear_pointer (&node, gsk_render_node_unref);
}

static void
settle (LtTimelinePainter *painter,
        PangoContext      *pango)
{
  do
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      if (lt_timeline_painter_is_loading (painter))
        g_usleep (1000);
      frame (painter, pango);
    }
  while (lt_timeline_painter_is_loading (painter));
}

int
main (int   argc,
      char *argv[])
{
  guint n_events = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 1000000;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LtStore) store = NULL;
  g_autoptr(LtTimelinePainter) painter = NULL;
  g_autoptr(GArray) save_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) total_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) visible = NULL;
  PangoContext *pango;
  double centre = lt_days_from_ymd (2021, 7, 14);

  setlocale (LC_ALL, "");
  g_setenv ("TZ", "UTC", TRUE);
  g_unsetenv ("DISPLAY");
  g_unsetenv ("WAYLAND_DISPLAY");
  g_type_ensure (GSK_TYPE_COLOR_NODE);

  path = g_strdup_printf ("%s/bench-timeline-%u.db", g_get_tmp_dir (), n_events);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *partial = g_strconcat (path, ".part", NULL);
      g_autoptr(LtStore) gen = NULL;
      LtSyntheticParams params = { 0 };

      g_print ("generating %u events into %s…\n", n_events, path);
      g_unlink (partial);
      gen = lt_store_open (partial, &error);
      g_assert_no_error (error);
      params.n_events = n_events;
      params.years = 10;
      params.start_year = 2015;
      params.n_actors = MAX (n_events / 100, 50);
      params.n_relations = MAX (n_events / 50, 100);
      params.seed = 20200809;
      lt_store_generate_synthetic (gen, &params, &error);
      g_assert_no_error (error);
      g_clear_object (&gen);
      if (g_rename (partial, path) != 0)
        g_error ("could not rename %s", partial);
    }

  /* edits go to a copy: the kept database stays as generated for the other benchmarks */
  {
    g_autofree char *copy = g_strdup_printf ("%s/bench-editor-%u.db", g_get_tmp_dir (), n_events);
    g_autofree char *contents = NULL;
    gsize length;

    if (!g_file_get_contents (path, &contents, &length, &error) ||
        !g_file_set_contents (copy, contents, (gssize) length, &error))
      g_error ("%s", error->message);
    g_free (path);
    path = g_steal_pointer (&copy);
  }

  pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  store = lt_store_open_full (path, LT_STORE_OPEN_QUICK_CHECK, &error);
  g_assert_no_error (error);

  painter = lt_timeline_painter_new ();
  lt_timeline_painter_set_progressive (painter, TRUE);
  lt_timeline_painter_set_load_async (painter, TRUE);
  lt_timeline_painter_set_figures (painter, "political-prisoners");
  lt_timeline_painter_set_store (painter, store);
  /* a week: the events are drawn one by one, so an edit must show as itself */
  lt_timeline_painter_set_window (painter, centre - 3.5, centre + 3.5);
  settle (painter, pango);
  g_print ("events: %u\n", lt_timeline_painter_get_n_events (painter));

  visible = lt_timeline_painter_list_visible_events (painter);
  g_assert_cmpuint (visible->len, >, 0);

  for (guint i = 0; i < N_EDITS; i++)
    {
      gint64 id = g_array_index (visible, gint64, i % visible->len);
      g_autoptr(LtEvent) stored = lt_store_lookup_event (store, id);
      g_autoptr(LtEvent) edited = lt_event_dup (stored);
      g_autofree char *title = g_strdup_printf ("Edited event %u", i);
      LtDateRange range = { 0 };
      gint64 t0, t1;
      gint32 y;
      guint m, d;
      double ms;

      /* a new title, and the next day: the timeline must move the event */
      lt_days_to_ymd (lt_event_get_start_day (stored) + (i % 2 == 0 ? 1 : -1), &y, &m, &d);
      lt_date_init_ymd (&range.start, y, m, d);
      lt_event_set_title (edited, title);
      lt_event_set_date_range (edited, &range);

      t0 = g_get_monotonic_time ();
      if (!lt_store_update_event (store, edited, &error))
        g_error ("%s", error->message);
      t1 = g_get_monotonic_time ();
      settle (painter, pango);
      ms = (g_get_monotonic_time () - t0) / 1000.0;

      g_array_append_val (total_times, ms);
      ms = (t1 - t0) / 1000.0;
      g_array_append_val (save_times, ms);
    }

  g_array_sort (save_times, compare_doubles);
  g_array_sort (total_times, compare_doubles);
  g_print ("lt_store_update_event (write, commit, change signal): median %.1f ms, worst %.1f ms\n",
           g_array_index (save_times, double, N_EDITS / 2),
           g_array_index (save_times, double, N_EDITS - 1));
  g_print ("save until the timeline's frame shows the edit: median %.1f ms, worst %.1f ms "
           "(%d edits)\n",
           g_array_index (total_times, double, N_EDITS / 2),
           g_array_index (total_times, double, N_EDITS - 1), N_EDITS);

  g_object_unref (pango);
  g_clear_object (&painter);
  g_clear_object (&store);
  g_unlink (path);

  return 0;
}
