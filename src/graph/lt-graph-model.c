/* lt-graph-model.c: LtGraph, the organization graph as plain data: its nodes and merged
 * edges, lookups, incidence, filtered subgraphs and positions
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The organization graph: actors as nodes, and two kinds of edges merged by (ends, type):
 *
 * - the store's relations, typed and directed where the type has a direction;
 * - what the events imply: two actors in the same role group of one event are linked (two
 *   signatories "signed with" each other, two targets of one wave of searches were "targeted
 *   together"), and a perpetrator is linked to the targets of its event ("targeted").
 *
 * A time window keeps what holds in it. The graph is plain data built in one pass
 * (lt-graph-build.c); filters and neighbourhoods make new, smaller graphs that keep the actor
 * ids, positions and metrics (lt-graph-metrics.c). The node kinds and edge types are in
 * lt-graph-vocabulary.c.
 */

#define G_LOG_DOMAIN "lt-graph-model"

#include "config.h"

#include <math.h>
#include <string.h>

#include "lt-force-layout.h"
#include "lt-graph-model-private.h"

typedef struct
{
  guint source;
  guint target;
  int   type_index;
} EdgeKey;

static guint
edge_key_hash (gconstpointer data)
{
  const EdgeKey *key = data;

  return (key->source * 2654435761u) ^ (key->target * 40503u) ^ (guint) key->type_index;
}

static gboolean
edge_key_equal (gconstpointer a,
                gconstpointer b)
{
  const EdgeKey *ka = a;
  const EdgeKey *kb = b;

  return ka->source == kb->source && ka->target == kb->target && ka->type_index == kb->type_index;
}

static void
node_clear (gpointer data)
{
  LtGraphNode *node = data;

  g_clear_pointer (&node->slug, g_free);
  g_clear_pointer (&node->name, g_free);
}

static void
invalidate_incidence (LtGraph *self)
{
  g_clear_pointer (&self->incident_offsets, g_free);
  g_clear_pointer (&self->incident, g_free);
}

static void
ensure_incidence (LtGraph *self)
{
  guint n = self->nodes->len;
  g_autofree guint *fill = NULL;

  if (self->incident_offsets != NULL)
    return;

  self->incident_offsets = g_new0 (guint, n + 1);
  for (guint e = 0; e < self->edges->len; e++)
    {
      const LtGraphEdge *edge = &g_array_index (self->edges, LtGraphEdge, e);

      self->incident_offsets[edge->source + 1]++;
      if (edge->target != edge->source)
        self->incident_offsets[edge->target + 1]++;
    }
  for (guint i = 0; i < n; i++)
    self->incident_offsets[i + 1] += self->incident_offsets[i];

  self->incident = g_new (guint, MAX (self->incident_offsets[n], 1));
  fill = g_memdup2 (self->incident_offsets, sizeof (guint) * MAX (n, 1));
  for (guint e = 0; e < self->edges->len; e++)
    {
      const LtGraphEdge *edge = &g_array_index (self->edges, LtGraphEdge, e);

      self->incident[fill[edge->source]++] = e;
      if (edge->target != edge->source)
        self->incident[fill[edge->target]++] = e;
    }
}

G_DEFINE_BOXED_TYPE (LtGraph, lt_graph, lt_graph_ref, lt_graph_unref)

/**
 * lt_graph_new:
 *
 * Creates an empty graph, to be filled with [method@Graph.add_node] and
 * [method@Graph.add_edge] (tests and the benchmark build graphs without a store).
 *
 * Returns: (transfer full): a new graph
 */
LtGraph *
lt_graph_new (void)
{
  LtGraph *self = g_atomic_rc_box_new0 (LtGraph);

  self->nodes = g_array_new (FALSE, TRUE, sizeof (LtGraphNode));
  g_array_set_clear_func (self->nodes, node_clear);
  self->edges = g_array_new (FALSE, TRUE, sizeof (LtGraphEdge));
  self->node_by_actor = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->edge_by_key = g_hash_table_new_full (edge_key_hash, edge_key_equal, g_free, NULL);

  return self;
}

LtGraph *
lt_graph_ref (LtGraph *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

static void
graph_clear (gpointer data)
{
  LtGraph *self = data;

  g_array_unref (self->nodes);
  g_array_unref (self->edges);
  g_hash_table_unref (self->node_by_actor);
  g_hash_table_unref (self->edge_by_key);
  invalidate_incidence (self);
}

void
lt_graph_unref (LtGraph *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, graph_clear);
}

/**
 * lt_graph_add_node:
 * @self: a graph
 * @actor_id: the actor's id in the store (unique in the graph)
 * @slug: (nullable): the actor's slug
 * @name: the name shown
 * @kind: an actor kind key
 * @weight: events the actor is involved in
 *
 * Adds a node, or returns the existing node of @actor_id.
 *
 * Returns: the node's index
 */
guint
lt_graph_add_node (LtGraph    *self,
                   gint64      actor_id,
                   const char *slug,
                   const char *name,
                   const char *kind,
                   guint       weight)
{
  LtGraphNode node = { 0 };
  gpointer existing;

  g_return_val_if_fail (self != NULL, 0);

  if (g_hash_table_lookup_extended (self->node_by_actor, &actor_id, NULL, &existing))
    return GPOINTER_TO_UINT (existing);

  node.actor_id = actor_id;
  node.slug = g_strdup (slug);
  node.name = g_strdup (name != NULL ? name : slug);
  node.kind = g_intern_string (kind != NULL ? kind : "");
  node.kind_index = lt_graph_node_kind_get_index (kind);
  node.weight = weight;
  node.community = -1;
  g_array_append_val (self->nodes, node);
  g_hash_table_insert (self->node_by_actor, g_memdup2 (&actor_id, sizeof actor_id),
                       GUINT_TO_POINTER (self->nodes->len - 1));
  invalidate_incidence (self);

  return self->nodes->len - 1;
}

/**
 * lt_graph_add_edge:
 * @self: a graph
 * @source: a node index
 * @target: a node index
 * @type: an edge type key (see [func@graph_edge_type_list_keys])
 * @from_event: whether the edge comes from a shared event (or else a relation)
 * @first_day: first day the edge holds, or %G_MAXINT32 if undated
 * @last_day: last day, or %G_MININT32 if undated
 *
 * Adds one relation or shared event to the edge of (@source, @target, @type), creating it if
 * needed; undirected types ignore the order of the ends.
 *
 * Returns: the edge's index
 */
guint
lt_graph_add_edge (LtGraph    *self,
                   guint       source,
                   guint       target,
                   const char *type,
                   gboolean    from_event,
                   gint32      first_day,
                   gint32      last_day)
{
  EdgeKey key;
  LtGraphEdge *edge;
  gpointer existing;
  int type_index;
  guint index;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (source < self->nodes->len, 0);
  g_return_val_if_fail (target < self->nodes->len, 0);

  type_index = lt_graph_edge_type_get_index (type);
  g_return_val_if_fail (type_index >= 0, 0);

  key.source = source;
  key.target = target;
  key.type_index = type_index;
  if (!_lt_graph_edge_type_get_directed (type_index) && source > target)
    {
      key.source = target;
      key.target = source;
    }

  if (g_hash_table_lookup_extended (self->edge_by_key, &key, NULL, &existing))
    {
      index = GPOINTER_TO_UINT (existing);
    }
  else
    {
      LtGraphEdge new_edge = { 0 };

      new_edge.source = key.source;
      new_edge.target = key.target;
      new_edge.type = g_intern_static_string (_lt_graph_edge_type_get_key (type_index));
      new_edge.type_index = type_index;
      new_edge.directed = _lt_graph_edge_type_get_directed (type_index);
      new_edge.first_day = G_MAXINT32;
      new_edge.last_day = G_MININT32;
      g_array_append_val (self->edges, new_edge);
      index = self->edges->len - 1;
      g_hash_table_insert (self->edge_by_key, g_memdup2 (&key, sizeof key), GUINT_TO_POINTER (index));
      g_array_index (self->nodes, LtGraphNode, key.source).degree++;
      if (key.target != key.source)
        g_array_index (self->nodes, LtGraphNode, key.target).degree++;
      invalidate_incidence (self);
    }

  edge = &g_array_index (self->edges, LtGraphEdge, index);
  edge->weight++;
  if (from_event)
    edge->n_events++;
  else
    edge->n_relations++;
  if (first_day != G_MAXINT32)
    edge->first_day = MIN (edge->first_day, first_day);
  if (last_day != G_MININT32)
    edge->last_day = MAX (edge->last_day, last_day);

  return index;
}

guint
lt_graph_get_n_nodes (LtGraph *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->nodes->len;
}

guint
lt_graph_get_n_edges (LtGraph *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->edges->len;
}

/**
 * lt_graph_get_node:
 * @self: a graph
 * @index: a node index
 *
 * Returns: (transfer none): the node; positions and pins may be changed through it
 */
LtGraphNode *
lt_graph_get_node (LtGraph *self,
                   guint    index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->nodes->len, NULL);

  return &g_array_index (self->nodes, LtGraphNode, index);
}

/**
 * lt_graph_get_edge:
 * @self: a graph
 * @index: an edge index
 *
 * Returns: (transfer none): the edge
 */
LtGraphEdge *
lt_graph_get_edge (LtGraph *self,
                   guint    index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->edges->len, NULL);

  return &g_array_index (self->edges, LtGraphEdge, index);
}

/**
 * lt_graph_find_node:
 * @self: a graph
 * @actor_id: an actor id
 *
 * Returns: the index of the actor's node, or -1
 */
int
lt_graph_find_node (LtGraph *self,
                    gint64   actor_id)
{
  gpointer index;

  g_return_val_if_fail (self != NULL, -1);

  if (g_hash_table_lookup_extended (self->node_by_actor, &actor_id, NULL, &index))
    return GPOINTER_TO_INT (index);
  return -1;
}

/**
 * lt_graph_find_edge:
 * @self: a graph
 * @from_actor: an actor id
 * @to_actor: an actor id
 * @type: an edge type key
 *
 * Returns: the index of the edge, or -1
 */
int
lt_graph_find_edge (LtGraph    *self,
                    gint64      from_actor,
                    gint64      to_actor,
                    const char *type)
{
  EdgeKey key;
  gpointer index;
  int from = lt_graph_find_node (self, from_actor);
  int to = lt_graph_find_node (self, to_actor);

  g_return_val_if_fail (self != NULL, -1);

  key.type_index = lt_graph_edge_type_get_index (type);
  if (from < 0 || to < 0 || key.type_index < 0)
    return -1;
  key.source = from;
  key.target = to;
  if (!_lt_graph_edge_type_get_directed (key.type_index) && from > to)
    {
      key.source = to;
      key.target = from;
    }
  if (g_hash_table_lookup_extended (self->edge_by_key, &key, NULL, &index))
    return GPOINTER_TO_INT (index);
  return -1;
}

/**
 * lt_graph_get_incident_edges:
 * @self: a graph
 * @node: a node index
 * @n_edges: (out): number of edges
 *
 * Returns: (array length=n_edges) (transfer none): the indices of the edges at @node
 */
const guint *
lt_graph_get_incident_edges (LtGraph *self,
                             guint    node,
                             guint   *n_edges)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (node < self->nodes->len, NULL);

  ensure_incidence (self);
  *n_edges = self->incident_offsets[node + 1] - self->incident_offsets[node];
  return self->incident + self->incident_offsets[node];
}

guint
lt_graph_get_other_end (LtGraph *self,
                        guint    edge,
                        guint    node)
{
  const LtGraphEdge *e = lt_graph_get_edge (self, edge);

  return e->source == node ? e->target : e->source;
}

LtGraph *
_lt_graph_subgraph (LtGraph      *self,
                    const guint8 *keep,
                    guint32       hidden_edge_types)
{
  LtGraph *out;
  g_autofree int *map = g_new (int, MAX (self->nodes->len, 1));
  guint n = self->nodes->len;

  out = lt_graph_new ();
  for (guint i = 0; i < n; i++)
    {
      const LtGraphNode *node = &g_array_index (self->nodes, LtGraphNode, i);
      LtGraphNode *copy;

      map[i] = -1;
      if (!keep[i])
        continue;
      map[i] = lt_graph_add_node (out, node->actor_id, node->slug, node->name, node->kind,
                                  node->weight);
      copy = lt_graph_get_node (out, map[i]);
      copy->betweenness = node->betweenness;
      copy->community = node->community;
      copy->x = node->x;
      copy->y = node->y;
      copy->has_position = node->has_position;
      copy->pinned = node->pinned;
      copy->restricted = node->restricted;
    }
  out->n_communities = self->n_communities;
  out->betweenness_estimated = self->betweenness_estimated;

  for (guint e = 0; e < self->edges->len; e++)
    {
      const LtGraphEdge *edge = &g_array_index (self->edges, LtGraphEdge, e);
      LtGraphEdge *copy;
      guint index;

      if ((hidden_edge_types & (1u << edge->type_index))
          || map[edge->source] < 0 || map[edge->target] < 0)
        continue;
      index = lt_graph_add_edge (out, map[edge->source], map[edge->target], edge->type,
                                 edge->n_events > 0, edge->first_day, edge->last_day);
      copy = lt_graph_get_edge (out, index);
      copy->weight = edge->weight;
      copy->n_events = edge->n_events;
      copy->n_relations = edge->n_relations;
    }

  return out;
}

/**
 * lt_graph_filter:
 * @self: a graph
 * @filter: what to keep
 *
 * Makes the subgraph of the visible kinds and edge types; with a focus actor, only the nodes
 * within @filter->depth steps of it (over visible edges). Nodes keep their actor ids, positions,
 * pins and metrics.
 *
 * Returns: (transfer full): a new graph
 */
LtGraph *
lt_graph_filter (LtGraph             *self,
                 const LtGraphFilter *filter)
{
  g_autofree guint8 *keep = NULL;
  g_autofree guint8 *has_edge = NULL;
  guint n;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  n = self->nodes->len;
  keep = g_new0 (guint8, MAX (n, 1));
  has_edge = g_new0 (guint8, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      const LtGraphNode *node = &g_array_index (self->nodes, LtGraphNode, i);

      keep[i] = node->kind_index < 0 || !(filter->hidden_kinds & (1u << node->kind_index));
    }

#define EDGE_VISIBLE(e) (!(filter->hidden_edge_types & (1u << (e)->type_index)) \
                         && keep[(e)->source] && keep[(e)->target])

  if (filter->focus_actor != 0)
    {
      int focus = lt_graph_find_node (self, filter->focus_actor);
      g_autofree int *dist = g_new (int, MAX (n, 1));
      g_autofree guint *queue = g_new (guint, MAX (n, 1));
      guint head = 0;
      guint tail = 0;

      ensure_incidence (self);
      for (guint i = 0; i < n; i++)
        dist[i] = -1;
      if (focus >= 0 && keep[focus])
        {
          dist[focus] = 0;
          queue[tail++] = focus;
        }
      while (head < tail)
        {
          guint v = queue[head++];

          if ((guint) dist[v] >= filter->depth)
            continue;
          for (guint k = self->incident_offsets[v]; k < self->incident_offsets[v + 1]; k++)
            {
              const LtGraphEdge *edge = &g_array_index (self->edges, LtGraphEdge, self->incident[k]);
              guint u = edge->source == v ? edge->target : edge->source;

              if (!EDGE_VISIBLE (edge) || dist[u] >= 0)
                continue;
              dist[u] = dist[v] + 1;
              queue[tail++] = u;
            }
        }
      for (guint i = 0; i < n; i++)
        keep[i] = keep[i] && dist[i] >= 0;
    }

  if (filter->hide_isolated)
    {
      for (guint e = 0; e < self->edges->len; e++)
        {
          const LtGraphEdge *edge = &g_array_index (self->edges, LtGraphEdge, e);

          if (EDGE_VISIBLE (edge))
            has_edge[edge->source] = has_edge[edge->target] = TRUE;
        }
      for (guint i = 0; i < n; i++)
        keep[i] = keep[i] && (has_edge[i] || g_array_index (self->nodes, LtGraphNode, i).actor_id == filter->focus_actor);
    }

#undef EDGE_VISIBLE

  return _lt_graph_subgraph (self, keep, filter->hidden_edge_types);
}

guint
lt_graph_get_max_weight (LtGraph *self)
{
  guint max = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->nodes->len; i++)
    max = MAX (max, g_array_index (self->nodes, LtGraphNode, i).weight);
  return max;
}

/**
 * lt_graph_dup_positions:
 * @self: a graph
 *
 * Returns: (transfer full) (element-type LtActorPosition): the positions of the placed nodes
 */
GArray *
lt_graph_dup_positions (LtGraph *self)
{
  GArray *positions = g_array_new (FALSE, FALSE, sizeof (LtActorPosition));

  g_return_val_if_fail (self != NULL, positions);

  for (guint i = 0; i < self->nodes->len; i++)
    {
      const LtGraphNode *node = &g_array_index (self->nodes, LtGraphNode, i);
      LtActorPosition position = { node->actor_id, node->x, node->y, node->pinned };

      if (node->has_position)
        g_array_append_val (positions, position);
    }

  return positions;
}

/**
 * lt_graph_apply_positions:
 * @self: a graph
 * @positions: (element-type LtActorPosition): positions by actor id
 *
 * Places the nodes found in @positions; the others are left as they are.
 */
void
lt_graph_apply_positions (LtGraph *self,
                          GArray  *positions)
{
  g_return_if_fail (self != NULL);

  if (positions == NULL)
    return;

  for (guint i = 0; i < positions->len; i++)
    {
      const LtActorPosition *position = &g_array_index (positions, LtActorPosition, i);
      int index = lt_graph_find_node (self, position->actor_id);
      LtGraphNode *node;

      if (index < 0)
        continue;
      node = lt_graph_get_node (self, index);
      node->x = position->x;
      node->y = position->y;
      node->pinned = position->pinned;
      node->has_position = TRUE;
    }
}

gboolean
lt_graph_load_positions (LtGraph    *self,
                         LtStore    *store,
                         const char *layout_name,
                         GError    **error)
{
  g_autoptr(GArray) positions = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (LT_IS_STORE (store), FALSE);

  positions = lt_store_load_positions (store, layout_name, error);
  if (positions == NULL)
    return FALSE;
  lt_graph_apply_positions (self, positions);
  return TRUE;
}

gboolean
lt_graph_save_positions (LtGraph    *self,
                         LtStore    *store,
                         const char *layout_name,
                         GError    **error)
{
  g_autoptr(GArray) positions = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (LT_IS_STORE (store), FALSE);

  positions = lt_graph_dup_positions (self);
  return lt_store_save_positions (store, layout_name, positions, error);
}

/**
 * lt_graph_new_force_layout:
 * @self: a graph
 *
 * The force layout of a graph as the view and the export both run it: the same seed, edge
 * weights and gravity, starting from the nodes' positions where they have one, with the
 * pinned nodes pinned, so that the same graph comes out the same in both.
 *
 * Returns: (transfer full): a prepared layout
 */
LtForceLayout *
lt_graph_new_force_layout (LtGraph *self)
{
  guint n = lt_graph_get_n_nodes (self);
  guint n_edges = lt_graph_get_n_edges (self);
  g_autofree LtForceEdge *edges = g_new (LtForceEdge, MAX (n_edges, 1));
  LtForceLayout *layout;

  for (guint e = 0; e < n_edges; e++)
    {
      const LtGraphEdge *edge = lt_graph_get_edge (self, e);
      double du = MAX (lt_graph_get_node (self, edge->source)->degree, 1);
      double dv = MAX (lt_graph_get_node (self, edge->target)->degree, 1);

      edges[e].source = edge->source;
      edges[e].target = edge->target;
      /* Many shared events pull harder; but a statement with thirty signatories is a clique of
       * hundreds of edges that would collapse into a dot, so pulls weaken with the degrees. */
      edges[e].weight = CLAMP ((1 + log2 (MAX (edge->weight, 1)) * 0.5) * 2.0 / MAX (du, dv), 0.02, 1.5);
    }
  layout = lt_force_layout_new (n, edges, n_edges, LT_GRAPH_LAYOUT_SEED);
  lt_force_layout_set_gravity (layout, 4.0);
  for (guint i = 0; i < n; i++)
    {
      const LtGraphNode *node = lt_graph_get_node (self, i);

      if (node->has_position)
        lt_force_layout_set_position (layout, i, node->x, node->y);
      if (node->pinned)
        lt_force_layout_set_pinned (layout, i, TRUE);
    }
  lt_force_layout_prepare (layout);

  return layout;
}
