/* test-graph-model.c: the graph built from a fixture chronicle, filters, layout, exports
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "lt-force-layout.h"
#include "lt-graph-export.h"
#include "lt-graph-layout-worker.h"
#include "lt-graph-model.h"
#include "lt-igraph.h"
#include "lt-model.h"

static LtStore *
open_fixture (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (GRAPH_FIXTURE_DIR);
  LtStore *store = lt_store_open (":memory:", &error);

  g_assert_no_error (error);
  lt_store_set_language (store, "en");
  lt_store_import_chronicle (store, file, &error);
  g_assert_no_error (error);
  return store;
}

static const LtGraphNode *
node_of (LtGraph    *graph,
         LtStore    *store,
         const char *slug)
{
  int index = lt_graph_find_node (graph, lt_store_find_actor (store, slug));

  return index >= 0 ? lt_graph_get_node (graph, index) : NULL;
}

static const LtGraphEdge *
edge_of (LtGraph    *graph,
         LtStore    *store,
         const char *from,
         const char *to,
         const char *type)
{
  int index = lt_graph_find_edge (graph, lt_store_find_actor (store, from),
                                  lt_store_find_actor (store, to), type);

  return index >= 0 ? lt_graph_get_edge (graph, index) : NULL;
}

static void
test_build (void)
{
  g_autoptr(LtStore) store = open_fixture ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LtGraph) graph = lt_graph_new_from_store (store, NULL, &error);
  const LtGraphEdge *edge;

  g_assert_no_error (error);
  /* the restricted actor is left out */
  g_assert_cmpuint (lt_graph_get_n_nodes (graph), ==, 9);
  g_assert_null (node_of (graph, store, "secret"));
  g_assert_cmpuint (lt_graph_get_n_edges (graph), ==, 13);

  /* weight: events involved, restricted events not counted */
  g_assert_cmpuint (node_of (graph, store, "viasna")->weight, ==, 3);
  g_assert_cmpuint (node_of (graph, store, "ales")->weight, ==, 2);
  g_assert_cmpuint (node_of (graph, store, "kgb")->weight, ==, 1);
  g_assert_cmpuint (node_of (graph, store, "belsat")->weight, ==, 0);
  g_assert_cmpstr (node_of (graph, store, "kgb")->kind, ==, "state-body");

  /* co-signatories of two statements */
  edge = edge_of (graph, store, "pen", "viasna", "signed-with");
  g_assert_nonnull (edge);
  g_assert_false (edge->directed);
  g_assert_cmpuint (edge->weight, ==, 2);
  g_assert_cmpuint (edge->n_events, ==, 2);
  g_assert_cmpint (edge->first_day, ==, lt_days_from_ymd (2021, 7, 20));
  g_assert_cmpint (edge->last_day, ==, lt_days_from_ymd (2022, 3, 1));
  g_assert_cmpuint (edge_of (graph, store, "bhc", "pen", "signed-with")->weight, ==, 1);

  /* searched in the same wave, and by whom */
  g_assert_nonnull (edge_of (graph, store, "viasna", "bhc", "targeted-together"));
  edge = edge_of (graph, store, "kgb", "viasna", "targeted");
  g_assert_nonnull (edge);
  g_assert_true (edge->directed);
  g_assert_null (edge_of (graph, store, "viasna", "kgb", "targeted"));
  g_assert_nonnull (edge_of (graph, store, "gubopik", "ales", "targeted"));

  /* relations, typed and directed */
  edge = edge_of (graph, store, "ales", "viasna", "member-of");
  g_assert_nonnull (edge);
  g_assert_cmpuint (edge->n_relations, ==, 1);
  g_assert_nonnull (edge_of (graph, store, "lukashenko", "kgb", "leads"));
  g_assert_nonnull (edge_of (graph, store, "kgb", "belsat", "targeted"));
  g_assert_cmpuint (edge_of (graph, store, "kgb", "belsat", "targeted")->weight, ==, 1);
  g_assert_cmpuint (node_of (graph, store, "lonely")->degree, ==, 0);
}

static void
test_restricted_and_language (void)
{
  g_autoptr(LtStore) store = open_fixture ();
  LtGraphOptions options = { .include_restricted = TRUE };
  g_autoptr(LtGraph) graph = lt_graph_new_from_store (store, &options, NULL);
  g_autoptr(LtGraph) be = NULL;

  g_assert_cmpuint (lt_graph_get_n_nodes (graph), ==, 10);
  g_assert_cmpuint (edge_of (graph, store, "kgb", "belsat", "targeted")->weight, ==, 2);
  g_assert_nonnull (edge_of (graph, store, "belsat", "secret", "targeted-together"));

  lt_store_set_language (store, "be");
  be = lt_graph_new_from_store (store, NULL, NULL);
  g_assert_cmpstr (node_of (be, store, "viasna")->name, ==, "Вясна");
  /* no Belarusian name: English */
  g_assert_cmpstr (node_of (be, store, "pen")->name, ==, "PEN Belarus");
}

static void
test_window (void)
{
  g_autoptr(LtStore) store = open_fixture ();
  LtGraphOptions options = { TRUE, lt_days_from_ymd (2022, 1, 1), lt_days_from_ymd (2023, 12, 31), FALSE };
  g_autoptr(LtGraph) graph = lt_graph_new_from_store (store, &options, NULL);

  /* e3 and e4 fall in the window; undated relations hold throughout */
  g_assert_cmpuint (lt_graph_get_n_nodes (graph), ==, 6);
  g_assert_null (node_of (graph, store, "bhc"));
  g_assert_null (node_of (graph, store, "belsat"));
  g_assert_null (node_of (graph, store, "lonely"));
  g_assert_cmpuint (node_of (graph, store, "viasna")->weight, ==, 1);
  g_assert_cmpuint (edge_of (graph, store, "viasna", "pen", "signed-with")->weight, ==, 1);
  g_assert_null (edge_of (graph, store, "kgb", "viasna", "targeted"));
  g_assert_nonnull (edge_of (graph, store, "gubopik", "ales", "targeted"));
  g_assert_nonnull (edge_of (graph, store, "ales", "viasna", "member-of"));
  g_assert_cmpuint (lt_graph_get_n_edges (graph), ==, 4);

  /* a window in 2021 keeps the dated relation of that year */
  options.start_day = lt_days_from_ymd (2021, 1, 1);
  options.end_day = lt_days_from_ymd (2021, 7, 15);
  {
    g_autoptr(LtGraph) early = lt_graph_new_from_store (store, &options, NULL);

    g_assert_nonnull (edge_of (early, store, "kgb", "belsat", "targeted"));
    g_assert_nonnull (edge_of (early, store, "kgb", "bhc", "targeted"));
    g_assert_null (edge_of (early, store, "viasna", "pen", "signed-with"));
  }
}

static void
test_filters (void)
{
  g_autoptr(LtStore) store = open_fixture ();
  g_autoptr(LtGraph) graph = lt_graph_new_from_store (store, NULL, NULL);
  LtGraphFilter filter = { 0 };
  g_autoptr(LtGraph) one = NULL;
  g_autoptr(LtGraph) two = NULL;
  g_autoptr(LtGraph) no_state = NULL;
  g_autoptr(LtGraph) no_signing = NULL;
  g_autoptr(LtGraph) connected = NULL;

  filter.focus_actor = lt_store_find_actor (store, "viasna");
  filter.depth = 1;
  one = lt_graph_filter (graph, &filter);
  g_assert_cmpuint (lt_graph_get_n_nodes (one), ==, 5);
  g_assert_nonnull (node_of (one, store, "kgb"));
  g_assert_null (node_of (one, store, "gubopik"));

  filter.depth = 2;
  two = lt_graph_filter (graph, &filter);
  g_assert_cmpuint (lt_graph_get_n_nodes (two), ==, 8);
  g_assert_nonnull (node_of (two, store, "gubopik"));
  g_assert_null (node_of (two, store, "lonely"));

  memset (&filter, 0, sizeof filter);
  filter.hidden_kinds = 1u << lt_graph_node_kind_get_index ("state-body");
  no_state = lt_graph_filter (graph, &filter);
  g_assert_cmpuint (lt_graph_get_n_nodes (no_state), ==, 7);
  g_assert_null (node_of (no_state, store, "kgb"));
  g_assert_null (edge_of (no_state, store, "kgb", "viasna", "targeted"));

  memset (&filter, 0, sizeof filter);
  filter.hidden_edge_types = 1u << lt_graph_edge_type_get_index ("signed-with");
  no_signing = lt_graph_filter (graph, &filter);
  g_assert_cmpuint (lt_graph_get_n_edges (no_signing), ==, 10);
  g_assert_cmpuint (lt_graph_get_n_nodes (no_signing), ==, 9);

  /* hiding signing and isolated actors drops PEN, which only signed */
  filter.hide_isolated = TRUE;
  connected = lt_graph_filter (graph, &filter);
  g_assert_null (node_of (connected, store, "pen"));
  g_assert_null (node_of (connected, store, "lonely"));
  g_assert_nonnull (node_of (connected, store, "viasna"));
}

static void
test_metrics (void)
{
  g_autoptr(LtStore) store = open_fixture ();
  g_autoptr(LtGraph) graph = lt_graph_new_from_store (store, NULL, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (lt_graph_compute_metrics (graph, &error));
  g_assert_no_error (error);
  g_assert_false (lt_graph_get_betweenness_estimated (graph));
  /* KGB links the Lukashenka and Belsat leaves to the rest */
  g_assert_cmpfloat (node_of (graph, store, "kgb")->betweenness, >, node_of (graph, store, "pen")->betweenness);
  g_assert_cmpfloat (node_of (graph, store, "lonely")->betweenness, ==, 0);
  g_assert_cmpuint (lt_graph_get_n_communities (graph), >=, 2);
  g_assert_cmpint (node_of (graph, store, "viasna")->community, >=, 0);
}

/* Big graphs estimate betweenness from a sample of paths: the brokers must still come out on
 * top. A hub joins ten brokers, each with a fan of 499 members. */
static int
compare_betweenness (gconstpointer a,
                     gconstpointer b,
                     gpointer      graph)
{
  double ba = lt_graph_get_node (graph, *(const guint *) a)->betweenness;
  double bb = lt_graph_get_node (graph, *(const guint *) b)->betweenness;

  return ba > bb ? -1 : ba < bb;
}

static void
test_metrics_sampled (void)
{
  g_autoptr(LtGraph) graph = lt_graph_new ();
  g_autoptr(GError) error = NULL;
  g_autofree guint *order = NULL;
  const guint n_brokers = 10;
  const guint tree = 500;
  guint n;

  lt_graph_add_node (graph, 1, NULL, "Hub", "organization", 1);
  for (guint b = 0; b < n_brokers; b++)
    {
      guint broker = lt_graph_add_node (graph, 2 + b, NULL, "Broker", "organization", 1);

      lt_graph_add_edge (graph, 0, broker, "allied-with", FALSE, G_MININT32, G_MAXINT32);
      for (guint k = 1; k < tree; k++)
        {
          guint id = 100 + b * tree + k;
          guint node = lt_graph_add_node (graph, id, NULL, "Member", "person", 1);

          /* each member tied to its broker and to the member before: a fan, whose paths out
           * all pass the broker */
          lt_graph_add_edge (graph, broker, node, "leads", TRUE, G_MININT32, G_MAXINT32);
          if (k > 1)
            lt_graph_add_edge (graph, node - 1, node, "signed-with", FALSE, G_MININT32, G_MAXINT32);
        }
    }
  n = lt_graph_get_n_nodes (graph);
  g_assert_cmpuint (n, >, 2000);   /* past the exact computation */

  g_assert_true (lt_graph_compute_metrics (graph, &error));
  g_assert_no_error (error);
  g_assert_true (lt_graph_get_betweenness_estimated (graph));   /* the details say "about" */

  order = g_new (guint, n);
  for (guint i = 0; i < n; i++)
    order[i] = i;
  g_qsort_with_data (order, n, sizeof (guint), compare_betweenness, graph);
  g_assert_cmpuint (order[0], ==, 0);
  for (guint k = 1; k <= n_brokers; k++)
    g_assert_cmpstr (lt_graph_get_node (graph, order[k])->name, ==, "Broker");
  /* the hub lies on the paths between any two fans: 45 × 500² of them */
  g_assert_cmpfloat (lt_graph_get_node (graph, 0)->betweenness, >, 0.7 * 45 * tree * tree);
  g_assert_cmpfloat (lt_graph_get_node (graph, 0)->betweenness, <, 1.3 * 45 * tree * tree);
}

/* igraph's own handler aborts the process: a bad call must come back as an error instead. */
static void
test_igraph_error (void)
{
  g_autoptr(GError) error = NULL;
  igraph_vector_int_t edges;
  igraph_t graph;
  igraph_error_t status;
  GMutexLocker *locker = lt_igraph_lock ();

  g_assert_cmpint (igraph_vector_int_init (&edges, 2), ==, IGRAPH_SUCCESS);
  VECTOR (edges)[0] = 0;
  VECTOR (edges)[1] = -1;   /* no such vertex */
  status = igraph_create (&graph, &edges, 2, IGRAPH_UNDIRECTED);
  igraph_vector_int_destroy (&edges);
  g_assert_cmpint (status, !=, IGRAPH_SUCCESS);
  g_assert_false (lt_igraph_check (status, &error));
  g_mutex_locker_free (locker);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "igraph"));
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "vertex"));
}

static LtGraph *
new_fan_graph (guint n_fans,
               guint fan_size)
{
  LtGraph *graph = lt_graph_new ();

  lt_graph_add_node (graph, 1, NULL, "Hub", "organization", 1);
  for (guint b = 0; b < n_fans; b++)
    {
      guint broker = lt_graph_add_node (graph, 2 + b, NULL, "Broker", "organization", 1);

      lt_graph_add_edge (graph, 0, broker, "allied-with", FALSE, G_MININT32, G_MAXINT32);
      for (guint k = 1; k < fan_size; k++)
        {
          guint node = lt_graph_add_node (graph, 100 + b * fan_size + k, NULL, "Member", "person", 1);

          lt_graph_add_edge (graph, broker, node, "leads", TRUE, G_MININT32, G_MAXINT32);
          if (k > 1)
            lt_graph_add_edge (graph, node - 1, node, "signed-with", FALSE, G_MININT32, G_MAXINT32);
        }
    }
  return graph;
}

static gpointer
compute_metrics_thread (gpointer data)
{
  return GINT_TO_POINTER (lt_graph_metrics_compute (data, NULL));
}

/* The graph page computes a big graph's metrics in a worker while the UI thread may compute a
 * small one's: both at once must give what each gives alone (igraph is not thread-safe here). */
static void
test_metrics_concurrent (void)
{
  g_autoptr(LtGraph) big = new_fan_graph (6, 400);
  g_autoptr(LtGraph) small = new_fan_graph (12, 40);
  g_autoptr(LtGraph) big_alone = new_fan_graph (6, 400);
  g_autoptr(LtGraph) small_alone = new_fan_graph (12, 40);
  g_autoptr(GError) error = NULL;

  g_assert_true (lt_graph_compute_metrics (big_alone, &error));
  g_assert_true (lt_graph_compute_metrics (small_alone, &error));
  g_assert_no_error (error);

  for (guint round = 0; round < 3; round++)
    {
      LtGraphMetrics *big_metrics = lt_graph_metrics_new (big);
      LtGraphMetrics *small_metrics = lt_graph_metrics_new (small);
      GThread *worker = g_thread_new ("metrics", compute_metrics_thread, big_metrics);

      for (guint k = 0; k < 20; k++)
        g_assert_true (lt_graph_metrics_compute (small_metrics, NULL));
      g_assert_true (GPOINTER_TO_INT (g_thread_join (worker)));
      lt_graph_metrics_apply (big_metrics, big);
      lt_graph_metrics_apply (small_metrics, small);
      lt_graph_metrics_free (big_metrics);
      lt_graph_metrics_free (small_metrics);

      for (guint i = 0; i < lt_graph_get_n_nodes (big); i++)
        g_assert_cmpfloat_with_epsilon (lt_graph_get_node (big, i)->betweenness,
                                        lt_graph_get_node (big_alone, i)->betweenness, 1e-6);
      for (guint i = 0; i < lt_graph_get_n_nodes (small); i++)
        g_assert_cmpfloat_with_epsilon (lt_graph_get_node (small, i)->betweenness,
                                        lt_graph_get_node (small_alone, i)->betweenness, 1e-6);
    }
}

static LtForceLayout *
layout_of (LtGraph *graph,
           guint64  seed)
{
  g_autofree LtForceEdge *edges = g_new (LtForceEdge, lt_graph_get_n_edges (graph));

  for (guint e = 0; e < lt_graph_get_n_edges (graph); e++)
    {
      edges[e].source = lt_graph_get_edge (graph, e)->source;
      edges[e].target = lt_graph_get_edge (graph, e)->target;
      edges[e].weight = 1;
    }
  return lt_force_layout_new (lt_graph_get_n_nodes (graph), edges, lt_graph_get_n_edges (graph), seed);
}

static void
test_layout (void)
{
  g_autoptr(LtStore) store = open_fixture ();
  g_autoptr(LtGraph) graph = lt_graph_new_from_store (store, NULL, NULL);
  g_autoptr(LtForceLayout) a = layout_of (graph, 42);
  g_autoptr(LtForceLayout) b = layout_of (graph, 42);
  g_autoptr(LtForceLayout) c = layout_of (graph, 43);
  guint n = lt_graph_get_n_nodes (graph);
  guint iterations;
  double edge_len = 0;
  double pair_len = 0;
  guint pairs = 0;

  iterations = lt_force_layout_run (a, 5000, NULL);
  lt_force_layout_run (b, 5000, NULL);
  lt_force_layout_run (c, 5000, NULL);
  g_assert_true (lt_force_layout_is_converged (a));
  g_assert_cmpuint (iterations, <, 5000);

  /* the same seed gives the same picture, another seed another one */
  g_assert_cmpmem (lt_force_layout_get_positions (a), 8 * n, lt_force_layout_get_positions (b), 8 * n);
  g_assert_true (memcmp (lt_force_layout_get_positions (a), lt_force_layout_get_positions (c), 8 * n) != 0);

  /* connected nodes end up closer than the average pair */
  {
    const float *xy = lt_force_layout_get_positions (a);

    for (guint e = 0; e < lt_graph_get_n_edges (graph); e++)
      {
        const LtGraphEdge *edge = lt_graph_get_edge (graph, e);

        edge_len += hypot (xy[2 * edge->source] - xy[2 * edge->target],
                           xy[2 * edge->source + 1] - xy[2 * edge->target + 1]);
      }
    edge_len /= lt_graph_get_n_edges (graph);
    for (guint i = 0; i < n; i++)
      for (guint j = i + 1; j < n; j++, pairs++)
        pair_len += hypot (xy[2 * i] - xy[2 * j], xy[2 * i + 1] - xy[2 * j + 1]);
    pair_len /= pairs;
    g_assert_cmpfloat (edge_len, <, pair_len);
  }

  /* a pinned node stays where it was put */
  lt_force_layout_set_position (a, 0, 10, -10);
  lt_force_layout_set_pinned (a, 0, TRUE);
  lt_force_layout_reheat (a, 1.0);
  g_assert_false (lt_force_layout_is_converged (a));
  lt_force_layout_run (a, 5000, NULL);
  g_assert_true (lt_force_layout_is_converged (a));
  g_assert_cmpfloat (lt_force_layout_get_positions (a)[0], ==, 10);
  g_assert_cmpfloat (lt_force_layout_get_positions (a)[1], ==, -10);
}

static gboolean
boxes_overlap (const float *xy,
               const float *boxes,
               guint        i,
               guint        j)
{
  return MIN (xy[2 * i] + boxes[4 * i + 2], xy[2 * j] + boxes[4 * j + 2])
           > MAX (xy[2 * i] + boxes[4 * i], xy[2 * j] + boxes[4 * j])
         && MIN (xy[2 * i + 1] + boxes[4 * i + 3], xy[2 * j + 1] + boxes[4 * j + 3])
           > MAX (xy[2 * i + 1] + boxes[4 * i + 1], xy[2 * j + 1] + boxes[4 * j + 1]);
}

/* A knot of labelled nodes opens up: no two boxes overlap and a pinned node stays. */
static void
test_remove_overlaps (void)
{
  const guint n = 12;
  float xy[24];
  float start[24];
  float boxes[48];
  gboolean pinned[12] = { FALSE };

  for (guint i = 0; i < n; i++)
    {
      /* a ring of radius 3 around a pinned centre: every label box overlaps many others */
      xy[2 * i] = i == 0 ? 0 : 3 * cos (i * 2 * G_PI / (n - 1));
      xy[2 * i + 1] = i == 0 ? 0 : 3 * sin (i * 2 * G_PI / (n - 1));
      boxes[4 * i] = -2;        /* the node */
      boxes[4 * i + 1] = -5;
      boxes[4 * i + 2] = 40;    /* and its label, to its right */
      boxes[4 * i + 3] = 5;
    }
  pinned[0] = TRUE;
  memcpy (start, xy, sizeof xy);

  g_assert_cmpuint (lt_layout_remove_overlaps (xy, n, boxes, pinned, 500), ==, 0);
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      g_assert_false (boxes_overlap (xy, boxes, i, j));
  g_assert_cmpfloat (xy[0], ==, 0);
  g_assert_cmpfloat (xy[1], ==, 0);
  /* nothing to do leaves the positions alone */
  memcpy (start, xy, sizeof xy);
  g_assert_cmpuint (lt_layout_remove_overlaps (xy, n, boxes, pinned, 500), ==, 0);
  g_assert_cmpmem (start, sizeof start, xy, sizeof xy);
}

static void
test_layout_buffer (void)
{
  g_autoptr(LtLayoutBuffer) buffer = lt_layout_buffer_new (2);
  const float first[] = { 1, 2, 3, 4 };
  float out[4] = { 0 };
  guint64 generation = 0;
  gboolean converged = TRUE;

  g_assert_false (lt_layout_buffer_read (buffer, out, &generation, NULL));
  lt_layout_buffer_publish (buffer, first, FALSE);
  g_assert_true (lt_layout_buffer_read (buffer, out, &generation, &converged));
  g_assert_false (converged);
  g_assert_cmpmem (out, sizeof out, first, sizeof first);
  g_assert_false (lt_layout_buffer_read (buffer, out, &generation, NULL));
}

static void
test_positions (void)
{
  g_autoptr(LtStore) store = open_fixture ();
  g_autoptr(LtGraph) graph = lt_graph_new_from_store (store, NULL, NULL);
  g_autoptr(LtGraph) again = lt_graph_new_from_store (store, NULL, NULL);
  g_autoptr(GError) error = NULL;
  LtGraphNode *node;

  for (guint i = 0; i < lt_graph_get_n_nodes (graph); i++)
    {
      node = lt_graph_get_node (graph, i);
      node->x = i * 1.5f;
      node->y = -(float) i;
      node->has_position = TRUE;
      node->pinned = i == 2;
    }
  g_assert_true (lt_graph_save_positions (graph, store, "graph", &error));
  g_assert_no_error (error);
  g_assert_true (lt_graph_load_positions (again, store, "graph", &error));
  g_assert_no_error (error);
  for (guint i = 0; i < lt_graph_get_n_nodes (again); i++)
    {
      node = lt_graph_get_node (again, i);
      g_assert_true (node->has_position);
      g_assert_cmpfloat_with_epsilon (node->x, i * 1.5f, 1e-5);
      g_assert_cmpfloat_with_epsilon (node->y, -(float) i, 1e-5);
      g_assert_cmpint (node->pinned, ==, i == 2);
    }
}

static void
start_element_cb (GMarkupParseContext  *context,
                  const char           *element_name,
                  const char          **attribute_names,
                  const char          **attribute_values,
                  gpointer              user_data,
                  GError              **error)
{
  guint *count = user_data;

  if (g_str_equal (element_name, "node"))
    count[0]++;
  else if (g_str_equal (element_name, "edge"))
    count[1]++;
}

static void
check_well_formed (const char *path,
                   guint       n_nodes,
                   guint       n_edges)
{
  static const GMarkupParser parser = { start_element_cb, NULL, NULL, NULL, NULL };
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  guint count[2] = { 0 };

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  context = g_markup_parse_context_new (&parser, 0, count, NULL);
  g_assert_true (g_markup_parse_context_parse (context, text, -1, &error));
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count[0], ==, n_nodes);
  g_assert_cmpuint (count[1], ==, n_edges);
}

static void
test_export (void)
{
  g_autoptr(LtStore) store = open_fixture ();
  g_autoptr(LtGraph) graph = lt_graph_new_from_store (store, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-graph-XXXXXX", &error);
  g_autofree char *graphml_path = g_build_filename (dir, "graph.graphml", NULL);
  g_autofree char *gexf_path = g_build_filename (dir, "graph.gexf", NULL);
  g_autoptr(GFile) graphml = g_file_new_for_path (graphml_path);
  g_autoptr(GFile) gexf = g_file_new_for_path (gexf_path);
  g_autoptr(GFile) bad = g_file_new_for_path ("/nonexistent/dir/graph.gexf");
  g_autofree char *text = NULL;
  g_autofree char *expect = NULL;
  LtGraphNode *kgb = (LtGraphNode *) node_of (graph, store, "kgb");

  kgb->x = 12.5f;
  kgb->y = -3.25f;
  kgb->has_position = TRUE;

  g_assert_true (lt_graph_write_graphml (graph, graphml, &error));
  g_assert_no_error (error);
  check_well_formed (graphml_path, 9, 13);
  g_assert_true (g_file_get_contents (graphml_path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "<data key=\"kind\">state-body</data>"));
  g_assert_nonnull (strstr (text, "<data key=\"label\">Belarusian Helsinki Committee</data>"));
  g_assert_nonnull (strstr (text, "<data key=\"x\">12.5</data>"));
  g_assert_nonnull (strstr (text, "<data key=\"type\">signed-with</data>\n      <data key=\"weight\">2</data>"));
  g_assert_nonnull (strstr (text, "<data key=\"start\">2021-07-20</data>"));
  expect = g_strdup_printf ("source=\"n%" G_GINT64_FORMAT "\" target=\"n%" G_GINT64_FORMAT "\" directed=\"true\"",
                            lt_store_find_actor (store, "kgb"), lt_store_find_actor (store, "viasna"));
  g_assert_nonnull (strstr (text, expect));
  g_clear_pointer (&text, g_free);

  g_assert_true (lt_graph_export_gexf (graph, NULL, gexf, &error));
  g_assert_no_error (error);
  check_well_formed (gexf_path, 9, 13);
  g_assert_true (g_file_get_contents (gexf_path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "<viz:position x=\"12.5\" y=\"3.25\""));
  g_assert_nonnull (strstr (text, "type=\"directed\""));
  g_assert_nonnull (strstr (text, "<attvalue for=\"kind\" value=\"organization\"/>"));

  /* an unwritable path is an error, not a crash */
  g_assert_false (lt_graph_write_gexf (graph, bad, &error));
  g_assert_nonnull (error);

  g_unlink (graphml_path);
  g_unlink (gexf_path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Letapis/Graph/build", test_build);
  g_test_add_func ("/Letapis/Graph/restricted-and-language", test_restricted_and_language);
  g_test_add_func ("/Letapis/Graph/window", test_window);
  g_test_add_func ("/Letapis/Graph/filters", test_filters);
  g_test_add_func ("/Letapis/Graph/metrics", test_metrics);
  g_test_add_func ("/Letapis/Graph/metrics-sampled", test_metrics_sampled);
  g_test_add_func ("/Letapis/Graph/igraph-error", test_igraph_error);
  g_test_add_func ("/Letapis/Graph/metrics-concurrent", test_metrics_concurrent);
  g_test_add_func ("/Letapis/Graph/layout", test_layout);
  g_test_add_func ("/Letapis/Graph/layout-buffer", test_layout_buffer);
  g_test_add_func ("/Letapis/Graph/remove-overlaps", test_remove_overlaps);
  g_test_add_func ("/Letapis/Graph/positions", test_positions);
  g_test_add_func ("/Letapis/Graph/export", test_export);

  return g_test_run ();
}
