/* bench-editor.c: what saving an edit costs at a million events
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens a synthetic chronicle (1,000,000 events by default; made once and kept in the temp
 * directory, and copied for the edits), shows it in a timeline painter set up as LtTimelineView sets it up, then saves
 * 30 edits as the event editor does (a copy of the event, through
 * lt_store_update_event), half of them a new title, half also a new day, and times each from
 * Save until the timeline's next frame is built with the change in it. Prints the median and
 * the worst. Not a test:
 * `build-aux/bench editor [N_EVENTS]`.
 *
 * With --window (needs a display: `xvfb-run -a build-bench/tests/editor/bench-editor 1000000
 * --window`), the edits go to the chronicle shown in the real window, and each is timed until
 * the timeline view has painted a frame with it, then until the main loop is idle again (the
 * pages' own updates, the graph's rebuild).
 */

#include "config.h"

#include <unistd.h>

#include <glib/gstdio.h>
#include <locale.h>
#include <pango/pangocairo.h>

#include <adwaita.h>

#include "lt-application.h"
#include "lt-timeline-page.h"
#include "lt-timeline-painter.h"
#include "lt-timeline-view.h"
#include "lt-window.h"

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

/* the time the store's "changed" handlers take: the painter's, between these two */
static gint64 signal_start;
static double signal_ms;

static void
changed_first_cb (void)
{
  signal_start = g_get_monotonic_time ();
}

static void
changed_last_cb (void)
{
  signal_ms += (g_get_monotonic_time () - signal_start) / 1000.0;
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

/* Frames until the painter has the store's change (@complete: and every label measured, which
 * a view spreads over the next frames) */
static void
settle (LtTimelinePainter *painter,
        PangoContext      *pango,
        gboolean           complete)
{
  do
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      if (lt_timeline_data_is_loading (lt_timeline_painter_get_data (painter)))
        g_usleep (1000);
      frame (painter, pango);
    }
  while (lt_timeline_data_is_loading (lt_timeline_painter_get_data (painter)) ||
         (complete && lt_timeline_painter_needs_more_frames (painter)));
}

static void
remove_database (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

static guint n_paints;

static void
after_paint_cb (void)
{
  n_paints++;
}

static void
run_window (LtStore *store,
            double   centre)
{
  g_autoptr(LtApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) painted = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) idle = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ids = NULL;
  LtWindow *window;
  LtTimelineView *view;
  LtTimelinePainter *painter;

  app = lt_application_new ("io.github.letapis.Letapis.Bench", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = lt_window_new (app);
  lt_window_set_store (window, store);
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT + 80);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "timeline");
  gtk_window_present (GTK_WINDOW (window));
  view = LT_TIMELINE_VIEW (lt_timeline_page_get_view (
    LT_TIMELINE_PAGE (gtk_widget_get_template_child (GTK_WIDGET (window), LT_TYPE_WINDOW, "timeline_page"))));
  painter = lt_timeline_view_get_painter (view);
  while (!gtk_widget_get_mapped (GTK_WIDGET (view)))
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect_swapped (gtk_widget_get_frame_clock (GTK_WIDGET (view)), "after-paint",
                            G_CALLBACK (after_paint_cb), NULL);

  lt_timeline_view_set_window (view, centre - 3.5, centre + 3.5, FALSE);
  /* everything in: the spans, the graph, the labels */
  for (gint64 end = g_get_monotonic_time () + 120 * G_USEC_PER_SEC; g_get_monotonic_time () < end;)
    {
      g_main_context_iteration (NULL, TRUE);
      if (!lt_timeline_data_is_loading (lt_timeline_painter_get_data (painter)) && !g_main_context_pending (NULL))
        break;
    }

  {
    g_autoptr(GArray) spans = lt_store_dup_event_spans (store, NULL, &error);

    ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    for (guint i = 0; i < spans->len && ids->len < N_EDITS; i++)
      if (g_array_index (spans, LtEventSpan, i).start_day == (gint32) centre)
        g_array_append_val (ids, g_array_index (spans, LtEventSpan, i).id);
  }

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(LtEvent) edited = lt_store_lookup_event (store, g_array_index (ids, gint64, i));
      g_autofree char *title = g_strdup_printf ("Edited in the window %u", i);
      guint paints;
      gint64 t0;
      double ms;

      lt_event_set_title (edited, title);
      t0 = g_get_monotonic_time ();
      if (!lt_store_update_event (store, edited, &error))
        g_error ("%s", error->message);
      gtk_widget_queue_draw (GTK_WIDGET (view));
      paints = n_paints;
      while (n_paints == paints || lt_timeline_data_is_loading (lt_timeline_painter_get_data (painter)))
        g_main_context_iteration (NULL, TRUE);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (painted, ms);
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (idle, ms);
    }

  g_array_sort (painted, compare_doubles);
  g_array_sort (idle, compare_doubles);
  g_print ("in the window, a new title, save until the timeline has painted it: median %.1f ms, "
           "worst %.1f ms (%u edits)\n",
           g_array_index (painted, double, painted->len / 2),
           g_array_index (painted, double, painted->len - 1), painted->len);
  g_print ("in the window, save until the main loop is idle again: median %.1f ms, worst %.1f ms\n",
           g_array_index (idle, double, idle->len / 2),
           g_array_index (idle, double, idle->len - 1));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gboolean window_mode = argc > 1 && g_str_equal (argv[argc - 1], "--window");
  guint n_events = argc > (window_mode ? 2 : 1) ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 1000000;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LtStore) store = NULL;
  g_autoptr(LtTimelineData) data = NULL;
  g_autoptr(LtTimelinePainter) painter = NULL;
  g_autoptr(GArray) save_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) total_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) title_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) signal_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) layout_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) settled_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) visible = NULL;
  PangoContext *pango;
  double centre = lt_days_from_ymd (2021, 7, 14);

  setlocale (LC_ALL, "");
  g_setenv ("TZ", "UTC", TRUE);
  if (!window_mode)
    {
      g_unsetenv ("DISPLAY");
      g_unsetenv ("WAYLAND_DISPLAY");
    }
  g_type_ensure (GSK_TYPE_COLOR_NODE);

  /* a database of its own: another benchmark may hold bench-timeline's open, its last
   * writes still in the WAL file, and a copy of the main file alone would be damaged */
  path = g_strdup_printf ("%s/bench-editor-base-%u.db", g_get_tmp_dir (), n_events);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      /* a name of this run's own: two runs at once must not delete each other's file */
      g_autofree char *partial = g_strdup_printf ("%s.%d.part", path, (int) getpid ());
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

    /* a run that died leaves its WAL beside the copy: applied to a fresh copy, it damages it */
    for (guint k = 0; k < 2; k++)
      {
        g_autofree char *side = g_strconcat (copy, k == 0 ? "-wal" : "-shm", NULL);

        g_unlink (side);
      }
    if (!g_file_get_contents (path, &contents, &length, &error) ||
        !g_file_set_contents (copy, contents, (gssize) length, &error))
      g_error ("%s", error->message);
    g_free (path);
    path = g_steal_pointer (&copy);
  }

  store = lt_store_open_full (path, LT_STORE_OPEN_QUICK_CHECK, &error);
  g_assert_no_error (error);
  if (window_mode)
    {
      run_window (store, centre);
      g_clear_object (&store);
      remove_database (path);
      return 0;
    }

  pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());

  g_signal_connect (store, "changed", G_CALLBACK (changed_first_cb), NULL);
  data = lt_timeline_data_new ();
  lt_timeline_data_set_load_async (data, TRUE);
  /* BENCH_NO_FIGURES=1: without the figures band, to see what it costs */
  if (g_getenv ("BENCH_NO_FIGURES") == NULL)
    lt_timeline_data_set_figures (data, "political-prisoners");
  painter = lt_timeline_painter_new (data);
  lt_timeline_painter_set_progressive (painter, TRUE);
  lt_timeline_data_set_store (data, store);
  g_signal_connect_after (store, "changed", G_CALLBACK (changed_last_cb), NULL);
  /* a week: the events are drawn one by one, so an edit must show as itself */
  lt_timeline_painter_set_window (painter, centre - 3.5, centre + 3.5);
  settle (painter, pango, TRUE);
  g_print ("events: %u\n", lt_timeline_data_get_n_events (data));

  /* events inside the window: at this density the timeline draws them as clusters */
  {
    g_autoptr(GArray) spans = lt_store_dup_event_spans (store, NULL, &error);

    g_assert_no_error (error);
    visible = g_array_new (FALSE, FALSE, sizeof (gint64));
    for (guint i = 0; i < spans->len && visible->len < N_EDITS; i++)
      {
        const LtEventSpan *span = &g_array_index (spans, LtEventSpan, i);

        if (span->start_day == (gint32) centre)
          g_array_append_val (visible, span->id);
      }
    g_assert_cmpuint (visible->len, >, 0);
  }

  for (guint i = 0; i < N_EDITS; i++)
    {
      gint64 id = g_array_index (visible, gint64, i % visible->len);
      g_autoptr(LtEvent) stored = lt_store_lookup_event (store, id);
      g_autoptr(LtEvent) edited = LT_EVENT (lt_record_dup (LT_RECORD (stored)));
      g_autofree char *title = g_strdup_printf ("Edited event %u", i);
      LtDateRange range = { 0 };
      gint64 t0, t1;
      gint32 y;
      guint m, d;
      double ms;

      /* even edits change the title, odd ones also the day: the timeline must move the event */
      lt_event_set_title (edited, title);
      if (i % 2 == 1)
        {
          lt_days_to_ymd (lt_event_get_start_day (stored) + 1, &y, &m, &d);
          lt_date_init_ymd (&range.start, y, m, d);
          lt_event_set_date_range (edited, &range);
        }

      signal_ms = 0;
      t0 = g_get_monotonic_time ();
      if (!lt_store_update_event (store, edited, &error))
        g_error ("%s", error->message);
      t1 = g_get_monotonic_time ();
      g_array_append_val (signal_times, signal_ms);
      lt_timeline_painter_layout (painter, pango, WIDTH, HEIGHT);
      ms = (g_get_monotonic_time () - t1) / 1000.0;
      g_array_append_val (layout_times, ms);
      settle (painter, pango, FALSE);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (i % 2 == 0 ? title_times : total_times, ms);
      settle (painter, pango, TRUE);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (settled_times, ms);

      ms = (t1 - t0) / 1000.0;
      g_array_append_val (save_times, ms);
    }

  g_array_sort (save_times, compare_doubles);
  g_array_sort (total_times, compare_doubles);
  g_print ("lt_store_update_event (write, commit, change signal): median %.1f ms, worst %.1f ms\n",
           g_array_index (save_times, double, N_EDITS / 2),
           g_array_index (save_times, double, N_EDITS - 1));
  g_array_sort (settled_times, compare_doubles);
  g_array_sort (signal_times, compare_doubles);
  g_array_sort (layout_times, compare_doubles);
  g_print ("  of which the timeline's own \"changed\" handler: median %.1f ms, worst %.1f ms\n",
           g_array_index (signal_times, double, N_EDITS / 2),
           g_array_index (signal_times, double, N_EDITS - 1));
  g_print ("then the timeline's layout (index, frame): median %.1f ms, worst %.1f ms\n",
           g_array_index (layout_times, double, N_EDITS / 2),
           g_array_index (layout_times, double, N_EDITS - 1));
  g_array_sort (title_times, compare_doubles);
  g_print ("save until the timeline's next frame shows the edit, a new title: median %.1f ms, "
           "worst %.1f ms (%u edits)\n",
           g_array_index (title_times, double, title_times->len / 2),
           g_array_index (title_times, double, title_times->len - 1), title_times->len);
  g_print ("save until the timeline's next frame shows the edit, a new day: median %.1f ms, "
           "worst %.1f ms (%u edits)\n",
           g_array_index (total_times, double, total_times->len / 2),
           g_array_index (total_times, double, total_times->len - 1), total_times->len);
  g_print ("save until every label is measured again: median %.1f ms, worst %.1f ms\n",
           g_array_index (settled_times, double, N_EDITS / 2),
           g_array_index (settled_times, double, N_EDITS - 1));

  g_object_unref (pango);
  g_clear_object (&painter);
  g_clear_object (&data);
  g_clear_object (&store);
  remove_database (path);

  return 0;
}
