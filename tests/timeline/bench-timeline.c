/* bench-timeline.c: a frame of a million events, offscreen
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens a 1,000,000-event synthetic chronicle, times the first frame after opening (drawn from
 * the per-day counts while a thread reads the events, as the view does) and the time until all
 * the events are in and drawn, then a
 * scripted sweep of pans and zooms from ten years to one hour, each frame built by the
 * painter the view's snapshot() calls, over a GtkSnapshot with no display. Prints the median
 * and p99 frame-build time and the peak RSS. Run with `build-aux/bench timeline [N_EVENTS]`.
 */

#include "config.h"

#include <unistd.h>

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <sys/resource.h>
#include <time.h>

#include <adwaita.h>

#include "lt-timeline-painter.h"
#include "lt-timeline-view.h"

#define WIDTH  1280
#define HEIGHT 720

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return da < db ? -1 : da > db;
}

static double last_layout_ms;
static double last_cpu_ms;

static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);

  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}
static GtkWidget *view;   /* --widget: the real LtTimelineView in a window (needs a display) */

static double
frame (LtTimelinePainter *painter,
       PangoContext      *pango,
       guint             *n_nodes)
{
  gint64 t0 = g_get_monotonic_time ();
  double c0 = thread_cpu_ms ();
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;
  double ms;

  if (view != NULL)
    {
      int min, nat;

      /* let the view's own timeouts run between frames (they make the marker widgets) */
      while (g_main_context_iteration (NULL, FALSE))
        ;
      t0 = g_get_monotonic_time ();
      c0 = thread_cpu_ms ();

      /* what a frame of the widget costs: allocation (the markers) and its snapshot() vfunc,
       * called directly: a GtkWidgetPaintable would hand back the image of the last frame */
      gtk_widget_measure (view, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      gtk_widget_measure (view, GTK_ORIENTATION_VERTICAL, WIDTH, &min, &nat, NULL, NULL);
      gtk_widget_size_allocate (view, &(GtkAllocation) { 0, 0, WIDTH, HEIGHT }, -1);
      GTK_WIDGET_GET_CLASS (view)->snapshot (view, snapshot);
      node = gtk_snapshot_free_to_node (snapshot);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      last_cpu_ms = thread_cpu_ms () - c0;
      if (n_nodes != NULL)
        *n_nodes = lt_timeline_painter_get_frame (painter)->items->len;
      g_clear_pointer (&node, gsk_render_node_unref);
      return ms;
    }

  if (g_getenv ("BENCH_VERBOSE"))
    {
      lt_timeline_painter_layout (painter, pango, WIDTH, HEIGHT);
      last_layout_ms = (g_get_monotonic_time () - t0) / 1000.0;
    }
  lt_timeline_painter_paint (painter, snapshot, pango, WIDTH, HEIGHT);
  node = gtk_snapshot_free_to_node (snapshot);
  ms = (g_get_monotonic_time () - t0) / 1000.0;
  last_cpu_ms = thread_cpu_ms () - c0;

  if (n_nodes != NULL)
    *n_nodes = lt_timeline_painter_get_frame (painter)->items->len;
  g_clear_pointer (&node, gsk_render_node_unref);

  return ms;
}

static double
percentile (GArray *sorted,
            double  p)
{
  guint i = (guint) ceil (p * sorted->len) - 1;

  return g_array_index (sorted, double, MIN (i, sorted->len - 1));
}

static void
check_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!lt_store_check_finish (LT_STORE (object), result, &error))
    g_error ("the check failed: %s", error->message);
  *(gint64 *) user_data = g_get_monotonic_time ();
}

int
main (int   argc,
      char *argv[])
{
  /* the first frame is measured from here, as a user waits from starting the program */
  gint64 t_main = g_get_monotonic_time ();
  gint64 t_checked = 0;
  gboolean generated = FALSE;
  gboolean widget_mode = argc > 1 && g_str_equal (argv[argc - 1], "--widget");
  guint n_events = argc > (widget_mode ? 2 : 1) ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 1000000;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LtStore) store = NULL;
  g_autoptr(LtTimelineData) data = NULL;
  g_autoptr(LtTimelinePainter) painter = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
  PangoContext *pango;
  LtSyntheticParams params = { 0 };
  double first_day = lt_days_from_ymd (2015, 1, 1);
  double end_day = lt_days_from_ymd (2025, 1, 1);
  double target = lt_days_from_ymd (2021, 7, 14) + 0.5;
  double first_frame_ms;
  double open_ms;
  double loaded_ms;
  double full_frame_ms;
  gboolean first_from_counts;
  guint n_loading_frames = 0;
  double total = 0;
  guint max_items = 0;
  gint64 t0;
  struct rusage ru;

  setlocale (LC_ALL, "");
  g_setenv ("TZ", "UTC", TRUE);
  if (widget_mode)
    {
      /* xvfb-run -a build-bench/tests/timeline/bench-timeline 1000000 --widget */
      gtk_init ();
      adw_init ();
    }
  else
    {
      g_unsetenv ("DISPLAY");
      g_unsetenv ("WAYLAND_DISPLAY");
    }

  /* The database is made once and kept: generating it is not what is measured */
  path = g_strdup_printf ("%s/bench-timeline-%u.db", g_get_tmp_dir (), n_events);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      /* a name of this run's own: two runs at once must not delete each other's file */
      g_autofree char *partial = g_strdup_printf ("%s.%d.part", path, (int) getpid ());
      g_autoptr(LtStore) gen = NULL;

      g_print ("generating %u events into %s…\n", n_events, path);
      t0 = g_get_monotonic_time ();
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
      g_print ("generated in %.1f s\n", (g_get_monotonic_time () - t0) / 1e6);
      generated = TRUE;
    }

  pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  {
    /* the fonts are loaded before a window shows: load them here too */
    g_autoptr(PangoLayout) layout = pango_layout_new (pango);
    int w;

    pango_layout_set_text (layout, "Timeline 2021 липень", -1);
    pango_layout_get_pixel_size (layout, &w, NULL);
  }

  /* First frame after opening: open, then whatever the first frame needs (the counts while a
   * thread reads the spans), lay out and draw */
  t0 = g_get_monotonic_time ();
  /* as the window opens a chronicle: at once for reading, its pages checked by a thread */
  store = lt_store_open_full (path, LT_STORE_OPEN_CHECK_LATER, &error);
  g_assert_no_error (error);
  open_ms = (g_get_monotonic_time () - t0) / 1000.0;
  lt_store_check_async (store, NULL, check_done_cb, &t_checked);
  if (widget_mode)
    {
      GtkWidget *window = gtk_window_new ();

      view = lt_timeline_view_new ();
      gtk_window_set_child (GTK_WINDOW (window), view);
      gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
      gtk_window_present (GTK_WINDOW (window));
      while (!gtk_widget_get_mapped (view))
        g_main_context_iteration (NULL, TRUE);
      g_object_unref (pango);
      pango = g_object_ref (gtk_widget_get_pango_context (view));
      painter = g_object_ref (lt_timeline_view_get_painter (LT_TIMELINE_VIEW (view)));
      data = g_object_ref (lt_timeline_view_get_data (LT_TIMELINE_VIEW (view)));
    }
  else
    {
      /* as LtTimelineView sets it up */
      data = lt_timeline_data_new ();
      lt_timeline_data_set_load_async (data, TRUE);
      lt_timeline_data_set_figures (data, "political-prisoners");
      painter = lt_timeline_painter_new (data);
      lt_timeline_painter_set_progressive (painter, TRUE);
    }
  lt_timeline_data_set_store (data, store);
  lt_timeline_painter_set_window (painter, first_day, end_day);
  frame (painter, pango, NULL);
  first_frame_ms = (g_get_monotonic_time () - t0) / 1000.0;
  first_from_counts = lt_timeline_data_is_loading (data);

  /* Until the thread's spans are in: a frame every 16 ms, as a view would draw while the
   * user looks; then the first frame of the events themselves (index, figures) */
  while (lt_timeline_data_is_loading (data))
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (16000);
      if (lt_timeline_data_is_loading (data))
        {
          frame (painter, pango, NULL);
          n_loading_frames++;
        }
    }
  loaded_ms = (g_get_monotonic_time () - t0) / 1000.0;
  while (g_main_context_iteration (NULL, FALSE))
    ;
  frame (painter, pango, NULL);
  full_frame_ms = (g_get_monotonic_time () - t0) / 1000.0;

  if (g_getenv ("BENCH_VERBOSE"))
    {
      getrusage (RUSAGE_SELF, &ru);
      g_print ("peak RSS after the first frame: %.1f MB\n", ru.ru_maxrss / 1024.0);
      frame (painter, pango, NULL);
      getrusage (RUSAGE_SELF, &ru);
      g_print ("peak RSS after the second frame: %.1f MB\n", ru.ru_maxrss / 1024.0);
    }
  g_print ("events: %u\n", lt_timeline_data_get_n_events (data));
  g_print ("lt_store_open() itself: %.1f ms\n", open_ms);
  if (generated)
    g_print ("first frame from main(): not measured this run (the file was generated first)\n");
  else
    g_print ("first frame: %.1f ms from main()\n", (t0 - t_main) / 1000.0 + first_frame_ms);
  while (t_checked == 0)
    g_main_context_iteration (NULL, TRUE);
  g_print ("page check (quick_check, in a thread): done %.1f ms after lt_store_open() returned; "
           "writable: %s\n",
           (t_checked - t0) / 1000.0 - open_ms, lt_store_get_writable (store) ? "yes" : "no");
  g_print ("first frame: %.1f ms after lt_store_open() returned (%s)\n", first_frame_ms - open_ms,
           first_from_counts ? "drawn from the per-day counts while a thread reads the spans"
                             : "drawn from all the spans, read at once");
  g_print ("all spans loaded: %.1f ms after lt_store_open() returned (%u frames drawn meanwhile); "
           "first frame of all the events: %.1f ms\n",
           loaded_ms - open_ms, n_loading_frames, full_frame_ms - open_ms);

  /* The sweep: from ten years down to one hour around 14 July 2021 and back out, panning
   * as a hand would at each zoom: small drags every frame, a flick now and then */
  {
    double span = end_day - first_day;
    double hour = 1.0 / 24.0;
    guint steps = 0;
    int direction = 1;

    lt_timeline_painter_set_window (painter, first_day, end_day);
    for (guint pass = 0; pass < 2; pass++)
      {
        gboolean in = pass == 0;

        while (in ? span > hour : span < end_day - first_day)
          {
            double start, end;
            double dx;
            guint n;

            span = in ? MAX (span / 1.12, hour) : MIN (span * 1.12, end_day - first_day);
            lt_timeline_painter_get_window (painter, &start, &end);
            /* keep the target in view while zooming, as zooming around the pointer does */
            start = target - span * 0.4;
            lt_timeline_painter_set_window (painter, start, start + span);

            for (guint k = 0; k < 6; k++)
              {
                dx = (k == 5) ? direction * WIDTH * 0.6 : direction * 23.0;
                lt_timeline_painter_pan (painter, dx);
                {
                  double ms = frame (painter, pango, &n);

                  g_array_append_val (times, ms);
                  g_array_append_val (cpu_times, last_cpu_ms);
                  if (ms > 8.0 && g_getenv ("BENCH_VERBOSE"))
                    g_print ("slow frame: %.2f ms (layout %.2f) at %.4f days span, %u items\n", ms, last_layout_ms, span, n);
                  total += ms;
                  max_items = MAX (max_items, n);
                }
                steps++;
              }
            direction = -direction;
          }
      }
  }

  g_array_sort (times, compare_doubles);
  g_array_sort (cpu_times, compare_doubles);
  getrusage (RUSAGE_SELF, &ru);

  g_print ("mode: %s\n", widget_mode ? "LtTimelineView allocation + snapshot() in a window (display)"
                                      : "LtTimelinePainter over a GtkSnapshot, no display (what snapshot() calls)");
  g_print ("frames: %u (10 years to 1 hour and back, pans at every zoom), most items in a frame: %u\n",
           times->len, max_items);
  g_print ("frame build: median %.2f ms, p99 %.2f ms, max %.2f ms, mean %.2f ms\n",
           percentile (times, 0.5), percentile (times, 0.99), g_array_index (times, double, times->len - 1),
           total / times->len);
  g_print ("frame build, CPU time of the drawing thread (other processes' load left out): "
           "median %.2f ms, p99 %.2f ms\n", percentile (cpu_times, 0.5), percentile (cpu_times, 0.99));
  g_print ("peak RSS: %.1f MB\n", ru.ru_maxrss / 1024.0);
  g_print ("targets: p99 <= 8 ms, median <= 3 ms, first frame <= 300 ms from main(), <= 300 MB\n");

  g_object_unref (pango);

  return 0;
}
