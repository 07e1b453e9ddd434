/* lt-graph-metrics.c: the nodes' betweenness and communities, computed through
 * igraph on any thread from a copy of the graph
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-graph-model"

#include "config.h"

#include <string.h>

#include "lt-graph-model-private.h"
#include "lt-igraph.h"

/* Exact betweenness costs a breadth-first search from every node: seconds at ten thousand
 * nodes, on the thread that opens the graph. Beyond a few thousand, the paths from a fixed
 * sample of sources, scaled up, rank the brokers the same way (the biggest few within about
 * 15% of their exact values on a Barabási-Albert graph of 3,000) in a fraction of the time. */
#define EXACT_BETWEENNESS_MAX 2000
#define BETWEENNESS_SOURCES   256

static igraph_error_t
compute_betweenness (const igraph_t  *graph,
                     guint            n,
                     igraph_vector_t *result)
{
  igraph_vector_int_t sources;
  g_autofree guint *order = NULL;
  g_autoptr(GRand) rand = NULL;
  igraph_error_t status;

  if (n <= EXACT_BETWEENNESS_MAX)
    return igraph_betweenness (graph, result, igraph_vss_all (), FALSE, NULL);

  /* the first BETWEENNESS_SOURCES of a seeded shuffle: the same sizes every time */
  rand = g_rand_new_with_seed (20200809);
  order = g_new (guint, n);
  for (guint i = 0; i < n; i++)
    order[i] = i;
  status = igraph_vector_int_init (&sources, BETWEENNESS_SOURCES);
  if (status != IGRAPH_SUCCESS)
    return status;
  for (guint k = 0; k < BETWEENNESS_SOURCES; k++)
    {
      guint pick = g_rand_int_range (rand, k, n);
      guint swap = order[k];

      order[k] = order[pick];
      order[pick] = swap;
      VECTOR (sources)[k] = order[k];
    }

  status = igraph_betweenness_subset (graph, result, igraph_vss_all (), FALSE,
                                      igraph_vss_vector (&sources), igraph_vss_all (), NULL);
  if (status == IGRAPH_SUCCESS)
    igraph_vector_scale (result, (double) n / BETWEENNESS_SOURCES);
  igraph_vector_int_destroy (&sources);

  return status;
}

struct _LtGraphMetrics
{
  /* what the computation reads, copied from the graph */
  guint     n;
  gint64   *actor_ids;
  guint     n_edges;
  guint32  *ends;          /* source, target per edge */
  double   *weights;
  /* what it finds */
  double   *betweenness;
  int      *community;
  guint     n_communities;
  gboolean  estimated;
  gboolean  computed;
};

/**
 * lt_graph_metrics_new:
 * @graph: a graph
 *
 * Copies what computing the graph's betweenness and communities needs, so that a thread can
 * compute them while the graph is shown: [method@GraphMetrics.compute] anywhere, then
 * [method@GraphMetrics.apply] where the graph lives.
 *
 * Returns: (transfer full): the metrics to compute
 */
LtGraphMetrics *
lt_graph_metrics_new (LtGraph *graph)
{
  LtGraphMetrics *self;

  g_return_val_if_fail (graph != NULL, NULL);

  self = g_new0 (LtGraphMetrics, 1);
  self->n = graph->nodes->len;
  self->actor_ids = g_new (gint64, MAX (self->n, 1));
  for (guint i = 0; i < self->n; i++)
    self->actor_ids[i] = g_array_index (graph->nodes, LtGraphNode, i).actor_id;
  self->n_edges = graph->edges->len;
  self->ends = g_new (guint32, 2 * MAX (self->n_edges, 1));
  self->weights = g_new (double, MAX (self->n_edges, 1));
  for (guint e = 0; e < self->n_edges; e++)
    {
      const LtGraphEdge *edge = &g_array_index (graph->edges, LtGraphEdge, e);

      self->ends[2 * e] = edge->source;
      self->ends[2 * e + 1] = edge->target;
      self->weights[e] = MAX (edge->weight, 1);
    }

  return self;
}

void
lt_graph_metrics_free (LtGraphMetrics *self)
{
  if (self == NULL)
    return;

  g_free (self->actor_ids);
  g_free (self->ends);
  g_free (self->weights);
  g_free (self->betweenness);
  g_free (self->community);
  g_free (self);
}

/**
 * lt_graph_metrics_compute:
 * @self: metrics
 * @error: return location for a #GError
 *
 * Computes betweenness (estimated past 2,000 nodes) and Louvain communities, ranked by size so
 * that the big ones keep their colours. Touches nothing but @self, and igraph only under
 * lt_igraph_lock(): any thread may call it, and two threads may at once.
 *
 * Returns: %FALSE if igraph failed
 */
gboolean
lt_graph_metrics_compute (LtGraphMetrics  *self,
                          GError         **error)
{
  igraph_t graph;
  igraph_vector_int_t edges;
  igraph_vector_t weights;
  igraph_vector_t betweenness;
  igraph_vector_int_t membership;
  g_autofree guint *sizes = NULL;
  g_autofree int *rank = NULL;
  g_autofree int *membership_copy = NULL;
  GMutexLocker *locker;
  guint n;
  guint n_communities = 0;
  igraph_error_t status;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);

  n = self->n;
  g_clear_pointer (&self->betweenness, g_free);
  g_clear_pointer (&self->community, g_free);
  self->betweenness = g_new0 (double, MAX (n, 1));
  self->community = g_new0 (int, MAX (n, 1));
  self->n_communities = 0;
  self->computed = TRUE;
  if (n == 0)
    return TRUE;

  /* Every igraph object is made and destroyed under the lock: see lt-igraph.c. An object whose
   * init failed was never made, and destroying it would free what was not allocated. */
  locker = lt_igraph_lock ();
  status = igraph_vector_int_init (&edges, 2 * self->n_edges);
  if (status == IGRAPH_SUCCESS)
    {
      for (guint e = 0; e < self->n_edges; e++)
        {
          VECTOR (edges)[2 * e] = self->ends[2 * e];
          VECTOR (edges)[2 * e + 1] = self->ends[2 * e + 1];
        }
      status = igraph_create (&graph, &edges, n, IGRAPH_UNDIRECTED);
      igraph_vector_int_destroy (&edges);
    }
  if (status == IGRAPH_SUCCESS)
    {
      status = igraph_vector_init (&betweenness, 0);
      if (status == IGRAPH_SUCCESS)
        {
          status = compute_betweenness (&graph, n, &betweenness);
          if (status == IGRAPH_SUCCESS)
            for (guint i = 0; i < n; i++)
              self->betweenness[i] = VECTOR (betweenness)[i];
          igraph_vector_destroy (&betweenness);
        }
      if (status == IGRAPH_SUCCESS)
        status = igraph_vector_init (&weights, self->n_edges);
      if (status == IGRAPH_SUCCESS)
        {
          for (guint e = 0; e < self->n_edges; e++)
            VECTOR (weights)[e] = self->weights[e];
          status = igraph_vector_int_init (&membership, 0);
          if (status == IGRAPH_SUCCESS)
            {
              status = igraph_community_multilevel (&graph, &weights, 1.0, &membership, NULL, NULL);
              if (status == IGRAPH_SUCCESS)
                {
                  membership_copy = g_new (int, n);
                  for (guint i = 0; i < n; i++)
                    membership_copy[i] = VECTOR (membership)[i];
                }
              igraph_vector_int_destroy (&membership);
            }
          igraph_vector_destroy (&weights);
        }
      igraph_destroy (&graph);
    }
  ok = lt_igraph_check (status, error);
  g_clear_pointer (&locker, g_mutex_locker_free);

  if (ok)
    {
      for (guint i = 0; i < n; i++)
        n_communities = MAX (n_communities, (guint) membership_copy[i] + 1);
      sizes = g_new0 (guint, n_communities + 1);
      rank = g_new0 (int, n_communities + 1);
      for (guint i = 0; i < n; i++)
        sizes[membership_copy[i]]++;
      /* rank communities by size so that colours are stable for the big ones */
      for (guint c = 0; c < n_communities; c++)
        {
          int r = 0;

          for (guint d = 0; d < n_communities; d++)
            if (sizes[d] > sizes[c] || (sizes[d] == sizes[c] && d < c))
              r++;
          rank[c] = r;
        }
      for (guint i = 0; i < n; i++)
        self->community[i] = rank[membership_copy[i]];
      self->n_communities = n_communities;
      self->estimated = n > EXACT_BETWEENNESS_MAX;
    }
  else
    {
      self->computed = FALSE;
      memset (self->betweenness, 0, sizeof (double) * MAX (n, 1));
    }

  return ok;
}

/**
 * lt_graph_metrics_apply:
 * @self: computed metrics
 * @graph: the graph they were made from, or a filtered copy of it
 *
 * Sets the nodes' betweenness and community, matched by actor.
 */
void
lt_graph_metrics_apply (LtGraphMetrics *self,
                        LtGraph        *graph)
{
  g_autoptr(GHashTable) index = NULL;
  gboolean same;

  g_return_if_fail (self != NULL);
  g_return_if_fail (graph != NULL);

  if (!self->computed)
    return;

  same = graph->nodes->len == self->n;
  for (guint i = 0; same && i < self->n; i++)
    same = g_array_index (graph->nodes, LtGraphNode, i).actor_id == self->actor_ids[i];
  if (!same)
    {
      /* a filtered copy: find its nodes by actor */
      index = g_hash_table_new (g_int64_hash, g_int64_equal);
      for (guint k = 0; k < self->n; k++)
        g_hash_table_insert (index, &self->actor_ids[k], GUINT_TO_POINTER (k + 1));
    }

  for (guint i = 0; i < graph->nodes->len; i++)
    {
      LtGraphNode *node = &g_array_index (graph->nodes, LtGraphNode, i);
      guint k = i;

      if (index != NULL)
        {
          k = GPOINTER_TO_UINT (g_hash_table_lookup (index, &node->actor_id));
          if (k-- == 0)
            continue;
        }
      node->betweenness = self->betweenness[k];
      node->community = self->community[k];
    }
  graph->n_communities = self->n_communities;
  graph->betweenness_estimated = self->estimated;
}

/**
 * lt_graph_compute_metrics:
 * @self: a graph
 * @error: return location for an error
 *
 * Computes each node's betweenness centrality (igraph_betweenness, edges undirected and
 * unweighted) and community (igraph_community_multilevel, Louvain, weighted by the edges'
 * weights). Communities are numbered by decreasing size.
 *
 * Returns: %TRUE on success
 */
gboolean
lt_graph_compute_metrics (LtGraph *self,
                          GError **error)
{
  LtGraphMetrics *metrics;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);

  metrics = lt_graph_metrics_new (self);
  ok = lt_graph_metrics_compute (metrics, error);
  lt_graph_metrics_apply (metrics, self);
  lt_graph_metrics_free (metrics);

  return ok;
}

guint
lt_graph_get_n_communities (LtGraph *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_communities;
}

/**
 * lt_graph_get_betweenness_estimated:
 * @self: a graph
 *
 * Returns: whether [method@Graph.compute_metrics] estimated the nodes' betweenness from a
 *   sample of paths (a big graph) rather than counting every shortest path
 */
gboolean
lt_graph_get_betweenness_estimated (LtGraph *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->betweenness_estimated;
}
