/* bench-graph.c: our force layout against graphviz sfdp on Barabási-Albert graphs
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* For each size the same graph (igraph_barabasi_game, m = 2, fixed seed) is laid out by
 * LtForceLayout (in process, single thread) and by `sfdp -Tplain` (a child process; its time
 * includes reading the DOT file and writing the result, which is small next to the layout).
 * Quality is the normalized stress over all pairs (s, v) for 64 fixed BFS sources s:
 *   S = min_a Σ ((a·|x_s − x_v| − d_sv) / d_sv)² / P  =  1 − (Σ e/d)² / (P · Σ e²/d²)
 * which is 0 for a drawing whose distances are proportional to graph distances.
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <time.h>
#include <stdio.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

/* igraph 0.10.2's headers test an undefined macro */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wundef"
#include <igraph.h>
#pragma GCC diagnostic pop

#include <gtk/gtk.h>
#include <pango/pangocairo.h>

#include "lt-force-layout.h"
#include "lt-graph-model.h"
#include "lt-graph-painter.h"
#include "lt-model.h"

#define N_SOURCES 64

typedef struct
{
  guint        n;
  guint        n_edges;
  LtForceEdge *edges;
  guint       *offsets;
  guint       *adj;
} Graph;

static void
graph_clear (Graph *g)
{
  g_free (g->edges);
  g_free (g->offsets);
  g_free (g->adj);
}

static void
make_barabasi (Graph *g,
               guint  n,
               guint  seed)
{
  igraph_t ig;
  igraph_vector_int_t el;
  guint *fill;

  igraph_rng_seed (igraph_rng_default (), seed);
  igraph_barabasi_game (&ig, n, 1.0, 2, NULL, TRUE, 1.0, FALSE, IGRAPH_BARABASI_PSUMTREE, NULL);
  igraph_vector_int_init (&el, 0);
  igraph_get_edgelist (&ig, &el, FALSE);

  g->n = n;
  g->n_edges = igraph_vector_int_size (&el) / 2;
  g->edges = g_new (LtForceEdge, g->n_edges);
  for (guint i = 0; i < g->n_edges; i++)
    {
      g->edges[i].source = VECTOR (el)[2 * i];
      g->edges[i].target = VECTOR (el)[2 * i + 1];
      g->edges[i].weight = 1;
    }
  igraph_vector_int_destroy (&el);
  igraph_destroy (&ig);

  g->offsets = g_new0 (guint, n + 1);
  for (guint i = 0; i < g->n_edges; i++)
    {
      g->offsets[g->edges[i].source + 1]++;
      g->offsets[g->edges[i].target + 1]++;
    }
  for (guint i = 0; i < n; i++)
    g->offsets[i + 1] += g->offsets[i];
  g->adj = g_new (guint, g->offsets[n]);
  fill = g_memdup2 (g->offsets, sizeof (guint) * n);
  for (guint i = 0; i < g->n_edges; i++)
    {
      g->adj[fill[g->edges[i].source]++] = g->edges[i].target;
      g->adj[fill[g->edges[i].target]++] = g->edges[i].source;
    }
  g_free (fill);
}

static double
normalized_stress (const Graph *g,
                   const float *xy)
{
  g_autofree int *dist = g_new (int, g->n);
  g_autofree guint *queue = g_new (guint, g->n);
  GRand *rand = g_rand_new_with_seed (4242);
  double sum_ed = 0;
  double sum_e2d2 = 0;
  double pairs = 0;

  for (guint k = 0; k < N_SOURCES; k++)
    {
      guint s = g_rand_int_range (rand, 0, g->n);
      guint head = 0;
      guint tail = 0;

      for (guint v = 0; v < g->n; v++)
        dist[v] = -1;
      dist[s] = 0;
      queue[tail++] = s;
      while (head < tail)
        {
          guint v = queue[head++];

          for (guint e = g->offsets[v]; e < g->offsets[v + 1]; e++)
            if (dist[g->adj[e]] < 0)
              {
                dist[g->adj[e]] = dist[v] + 1;
                queue[tail++] = g->adj[e];
              }
        }

      for (guint v = 0; v < g->n; v++)
        {
          double dx;
          double dy;
          double e;

          if (dist[v] <= 0)
            continue;
          dx = xy[2 * v] - xy[2 * s];
          dy = xy[2 * v + 1] - xy[2 * s + 1];
          e = sqrt (dx * dx + dy * dy);
          sum_ed += e / dist[v];
          sum_e2d2 += e * e / ((double) dist[v] * dist[v]);
          pairs++;
        }
    }
  g_rand_free (rand);

  if (pairs == 0 || sum_e2d2 == 0)
    return 1;
  return 1 - (sum_ed * sum_ed) / (pairs * sum_e2d2);
}

static gboolean
run_sfdp (const Graph *g,
          float       *xy,
          double      *seconds)
{
  g_autofree char *dir = g_dir_make_tmp ("bench-graph-XXXXXX", NULL);
  g_autofree char *dot_path = g_build_filename (dir, "graph.dot", NULL);
  g_autoptr(GString) dot = g_string_new ("graph G {\n");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  const char *argv[] = { "sfdp", "-Tplain", dot_path, NULL };
  int status = 0;
  gint64 t0;

  for (guint i = 0; i < g->n; i++)
    g_string_append_printf (dot, "%u;\n", i);
  for (guint i = 0; i < g->n_edges; i++)
    g_string_append_printf (dot, "%u -- %u;\n", g->edges[i].source, g->edges[i].target);
  g_string_append (dot, "}\n");
  g_file_set_contents (dot_path, dot->str, dot->len, NULL);

  t0 = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, &error))
    {
      g_printerr ("sfdp: %s\n", error->message);
      return FALSE;
    }
  *seconds = (g_get_monotonic_time () - t0) / 1e6;

  g_unlink (dot_path);
  g_rmdir (dir);

  if (!g_spawn_check_wait_status (status, NULL))
    return FALSE;

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      guint id;
      float x;
      float y;

      if (sscanf (lines[i], "node %u %f %f", &id, &x, &y) == 3 && id < g->n)
        {
          xy[2 * id] = x;
          xy[2 * id + 1] = y;
        }
    }

  return TRUE;
}

/* Thread CPU time, in µs: the machine is shared, and wall time counts the other processes */
static gint64
cpu_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * G_GINT64_CONSTANT (1000000) + ts.tv_nsec / 1000;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return da < db ? -1 : (da > db);
}

static double
percentile (GArray *values,
            double  p)
{
  g_array_sort (values, compare_double);
  return g_array_index (values, double, MIN (values->len - 1, (guint) (p * values->len)));
}

/* a thread has redrawn the layer: the view would queue a draw */
static void
layer_ready (gpointer user_data)
{
  (*(guint *) user_data)++;
}

/* Frames of the 10,000-node graph through the painter while the user pans and zooms: building
 * the snapshot (what the UI thread does per frame) and rasterizing it with cairo at 1280 × 800
 * (what GSK_RENDERER=cairo does; the GL renderer would do this part on the GPU). @threaded is
 * the view's way, with the layer of edges and shapes redrawn by a thread; without it every
 * frame draws everything, as the export does. */
static void
bench_frames (const Graph *g,
              const float *xy,
              gboolean     threaded)
{
  const char * const *kinds = lt_graph_node_kind_list_keys ();
  g_autoptr(LtGraph) graph = lt_graph_new ();
  g_autoptr(LtGraphPainter) painter = lt_graph_painter_new ();
  g_autoptr(GArray) build = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) raster = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) total = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1280, 800);
  const int n_frames = 300;
  guint n_ready = 0;
  double fit;
  double ox;
  double oy;

  g_type_ensure (GSK_TYPE_COLOR_NODE);

  for (guint i = 0; i < g->n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Actor %u", i);
      guint index = lt_graph_add_node (graph, i + 1, NULL, name, kinds[(i * 7919) % 7],
                                       g->offsets[i + 1] - g->offsets[i]);
      LtGraphNode *node = lt_graph_get_node (graph, index);

      node->x = xy[2 * i];
      node->y = xy[2 * i + 1];
    }
  for (guint e = 0; e < g->n_edges; e++)
    lt_graph_add_edge (graph, g->edges[e].source, g->edges[e].target,
                       lt_graph_edge_type_list_keys ()[(e * 31) % 15], TRUE, G_MAXINT32, G_MININT32);

  lt_graph_painter_set_graph (painter, graph);
  if (threaded)
    lt_graph_painter_set_ready_func (painter, layer_ready, &n_ready);
  lt_graph_painter_fit (painter, 1280, 800);
  lt_graph_painter_get_view (painter, &fit, &ox, &oy);

  for (int f = 0; f < n_frames + 5; f++)
    {
      double zoom = 1 + 3 * (0.5 - 0.5 * cos (f * 0.1));
      GtkSnapshot *snapshot = gtk_snapshot_new ();
      GskRenderNode *node;
      cairo_t *cr;
      gint64 t0;
      gint64 t1;
      gint64 t2;
      gint64 c0;
      double ms;

      /* zoom about the centre while panning in a circle */
      lt_graph_painter_set_view (painter, fit * zoom,
                                 640 - (640 - ox) * zoom + 200 * sin (f * 0.05),
                                 400 - (400 - oy) * zoom + 120 * cos (f * 0.05));
      lt_graph_painter_set_hover (painter, f % 10 == 0 ? (int) (f * 37 % g->n) : -1);
      /* the view's main loop: a layer a thread has finished is taken in here */
      while (g_main_context_iteration (NULL, FALSE))
        ;

      c0 = cpu_now ();
      t0 = g_get_monotonic_time ();
      lt_graph_painter_paint (painter, snapshot, context, 1280, 800);
      node = gtk_snapshot_free_to_node (snapshot);
      t1 = g_get_monotonic_time ();
      cr = cairo_create (surface);
      gsk_render_node_draw (node, cr);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      t2 = g_get_monotonic_time ();
      gsk_render_node_unref (node);

      if (f < 5)
        continue;   /* warm-up: font caches */
      ms = (t1 - t0) / 1e3;
      g_array_append_val (build, ms);
      ms = (t2 - t1) / 1e3;
      g_array_append_val (raster, ms);
      ms = (t2 - t0) / 1e3;
      g_array_append_val (total, ms);
      ms = (cpu_now () - c0) / 1e3;
      g_array_append_val (cpu, ms);
    }

  if (threaded)
    g_print ("frame of 10,000 nodes / %u edges at 1280x800, as the view draws it (%d frames, pan+zoom, hover every 10th;\n"
             "  edges and shapes redrawn by a thread, %u layers taken in):\n",
             lt_graph_get_n_edges (graph), n_frames, n_ready);
  else
    g_print ("frame of 10,000 nodes / %u edges at 1280x800, as the export draws it (%d frames, pan+zoom, hover every 10th;\n"
             "  everything redrawn in the frame):\n",
             lt_graph_get_n_edges (graph), n_frames);
  g_print ("  snapshot build p50 %.2f ms, p99 %.2f ms; cairo raster p50 %.2f ms, p99 %.2f ms; "
           "total p50 %.2f ms, p99 %.2f ms; total CPU time p50 %.2f ms, p99 %.2f ms\n",
           percentile (build, 0.5), percentile (build, 0.99),
           percentile (raster, 0.5), percentile (raster, 0.99),
           percentile (total, 0.5), percentile (total, 0.99),
           percentile (cpu, 0.5), percentile (cpu, 0.99));

  {
    /* the last frame, to look at; beside the other benchmark files, not in the checkout */
    g_autofree char *png = g_build_filename (g_get_tmp_dir (), "bench-graph-frame.png", NULL);

    cairo_surface_write_to_png (surface, png);
    g_print ("  last frame: %s\n", png);
  }
  cairo_surface_destroy (surface);
  g_object_unref (context);
}

/* What opening the Organizations page costs the UI thread on a big chronicle: reading the
 * graph from the store and computing its metrics (the layout then runs in a thread). */
static void
bench_open (void)
{
  LtSyntheticParams params = { .n_events = 20000, .years = 5, .n_actors = 10000,
                               .n_relations = 20000, .seed = 3 };
  g_autoptr(LtStore) store = NULL;
  g_autoptr(LtGraph) graph = NULL;
  g_autoptr(GError) error = NULL;
  gint64 t0;
  gint64 t1;
  gint64 t2;

  store = lt_store_open (":memory:", &error);
  if (store == NULL || !lt_store_generate_synthetic (store, &params, &error))
    {
      g_printerr ("Could not make the synthetic chronicle: %s\n", error->message);
      return;
    }

  t0 = g_get_monotonic_time ();
  graph = lt_graph_new_from_store (store, NULL, &error);
  t1 = g_get_monotonic_time ();
  if (graph == NULL || !lt_graph_compute_metrics (graph, &error))
    {
      g_printerr ("Could not build the graph: %s\n", error->message);
      return;
    }
  t2 = g_get_monotonic_time ();

  g_print ("opening a chronicle of %u actors, %u relations, %u events: graph of %u nodes / %u edges "
           "read in %.0f ms, metrics (betweenness%s, Louvain) in %.0f ms\n",
           params.n_actors, params.n_relations, params.n_events,
           lt_graph_get_n_nodes (graph), lt_graph_get_n_edges (graph), (t1 - t0) / 1e3,
           lt_graph_get_betweenness_estimated (graph) ? " from 256 sampled sources" : "",
           (t2 - t1) / 1e3);
}

int
main (int   argc,
      char *argv[])
{
  static const guint sizes[] = { 1000, 10000, 50000 };
  gboolean skip_sfdp = g_getenv ("BENCH_NO_SFDP") != NULL;
  guint max_size = argc > 1 ? (guint) atoi (argv[1]) : 50000;

  setlocale (LC_ALL, "");

  igraph_set_error_handler (igraph_error_handler_printignore);

  g_print ("Barabási-Albert graphs, m = 2, seed 7; stress: normalized, %d BFS sources, lower is better\n",
           N_SOURCES);
  g_print ("%7s %7s | %9s %6s %7s | %9s %7s | %6s\n",
           "nodes", "edges", "ours s", "iters", "stress", "sfdp s", "stress", "ratio");

  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      Graph g = { 0 };
      g_autoptr(LtForceLayout) layout = NULL;
      g_autofree float *sfdp_xy = NULL;
      double ours;
      double theirs = 0;
      double stress_ours;
      double stress_theirs = NAN;
      guint iterations;
      gint64 t0;

      if (sizes[k] > max_size)
        break;

      make_barabasi (&g, sizes[k], 7);

      t0 = g_get_monotonic_time ();
      layout = lt_force_layout_new (g.n, g.edges, g.n_edges, 7);
      lt_force_layout_prepare (layout);
      iterations = lt_force_layout_run (layout, 100000, NULL);
      ours = (g_get_monotonic_time () - t0) / 1e6;
      stress_ours = normalized_stress (&g, lt_force_layout_get_positions (layout));

      sfdp_xy = g_new0 (float, 2 * g.n);
      if (!skip_sfdp && run_sfdp (&g, sfdp_xy, &theirs))
        stress_theirs = normalized_stress (&g, sfdp_xy);

      g_print ("%7u %7u | %9.3f %6u %7.4f | %9.3f %7.4f | %6.3f\n",
               g.n, g.n_edges, ours, iterations, stress_ours,
               theirs, stress_theirs, theirs > 0 ? ours / theirs : NAN);

      if (g.n == 10000)
        {
          double total = 0;
          double worst = 0;

          /* An interactive step: a converged layout after the user dropped a node */
          lt_force_layout_set_pinned (layout, 0, TRUE);
          lt_force_layout_reheat (layout, 1.0);
          for (guint i = 0; i < 50; i++)
            {
              double ms;

              t0 = g_get_monotonic_time ();
              lt_force_layout_step (layout, 1);
              ms = (g_get_monotonic_time () - t0) / 1e3;
              total += ms;
              worst = MAX (worst, ms);
            }
          g_print ("interactive step at 10,000 nodes: mean %.2f ms, max %.2f ms (50 steps)\n",
                   total / 50, worst);
          bench_frames (&g, lt_force_layout_get_positions (layout), FALSE);
          bench_frames (&g, lt_force_layout_get_positions (layout), TRUE);
        }

      graph_clear (&g);
    }

  if (max_size >= 10000)
    bench_open ();

  return 0;
}
