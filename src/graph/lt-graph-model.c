/* lt-graph-model.c
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
 * A time window keeps what holds in it. The graph is plain data built in one pass; filters and
 * neighbourhoods make new, smaller graphs that keep the actor ids, positions and metrics.
 */

#define G_LOG_DOMAIN "lt-graph-model"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "lt-force-layout.h"
#include "lt-graph-model.h"
#include "lt-igraph.h"

struct _LtGraph
{
  GArray     *nodes;        /* of LtGraphNode */
  GArray     *edges;        /* of LtGraphEdge */
  GHashTable *node_by_actor;
  GHashTable *edge_by_key;
  guint      *incident_offsets;
  guint      *incident;
  guint       n_communities;
  gboolean    betweenness_estimated;
};

typedef struct
{
  guint source;
  guint target;
  int   type_index;
} EdgeKey;

static const char * const node_kinds[] = {
  "person", "organization", "state-body", "media", "military-unit", "company", "country", NULL
};

static const struct
{
  const char   *key;
  gboolean      directed;
  LtEdgeFamily  family;
  const char   *label;   /* only for the types the store does not know */
} edge_types[] = {
  { "member-of", TRUE, LT_EDGE_FAMILY_STRUCTURE, NULL },
  { "leads", TRUE, LT_EDGE_FAMILY_STRUCTURE, NULL },
  { "part-of", TRUE, LT_EDGE_FAMILY_STRUCTURE, NULL },
  { "works-for", TRUE, LT_EDGE_FAMILY_STRUCTURE, NULL },
  { "signed-with", FALSE, LT_EDGE_FAMILY_COOPERATION, NULL },
  { "allied-with", FALSE, LT_EDGE_FAMILY_COOPERATION, NULL },
  { "supported", TRUE, LT_EDGE_FAMILY_COOPERATION, NULL },
  { "addressed", TRUE, LT_EDGE_FAMILY_COOPERATION, NULL },
  { "targeted", TRUE, LT_EDGE_FAMILY_HOSTILITY, NULL },
  { "detained", TRUE, LT_EDGE_FAMILY_HOSTILITY, NULL },
  { "searched", TRUE, LT_EDGE_FAMILY_HOSTILITY, NULL },
  { "sanctioned", TRUE, LT_EDGE_FAMILY_HOSTILITY, NULL },
  { "targeted-together", FALSE, LT_EDGE_FAMILY_TOGETHER, N_("Targeted together") },
  { "acted-together", FALSE, LT_EDGE_FAMILY_TOGETHER, N_("Acted together") },
  { "took-part-together", FALSE, LT_EDGE_FAMILY_TOGETHER, N_("Took part together") },
};

static const char *edge_type_keys[G_N_ELEMENTS (edge_types) + 1];

/* Roles fall into groups; two actors of one group in one event are linked with the group's
 * edge type; a few groups are linked to another one with a directed type. */
typedef enum
{
  ROLE_NONE,
  ROLE_SIGNER,
  ROLE_HIT,
  ROLE_SANCTIONED,
  ROLE_ACTOR,
  ROLE_SANCTIONER,
  ROLE_TOOK_PART,
  ROLE_ADDRESSEE,
} RoleGroup;

static RoleGroup
role_group (const char *role)
{
  static const struct { const char *role; RoleGroup group; } groups[] = {
    { "signatory", ROLE_SIGNER },
    { "author", ROLE_SIGNER },
    { "target", ROLE_HIT },
    { "victim", ROLE_HIT },
    { "sanctioned", ROLE_SANCTIONED },
    { "perpetrator", ROLE_ACTOR },
    { "sanctioning-party", ROLE_SANCTIONER },
    { "participant", ROLE_TOOK_PART },
    { "speaker", ROLE_TOOK_PART },
    { "addressee", ROLE_ADDRESSEE },
  };

  if (role == NULL)
    return ROLE_NONE;
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    if (g_str_equal (groups[i].role, role))
      return groups[i].group;
  return ROLE_NONE;
}

static const char *
together_type (RoleGroup group)
{
  switch (group)
    {
    case ROLE_SIGNER:
      return "signed-with";
    case ROLE_HIT:
    case ROLE_SANCTIONED:
      return "targeted-together";
    case ROLE_ACTOR:
    case ROLE_SANCTIONER:
      return "acted-together";
    case ROLE_TOOK_PART:
      return "took-part-together";
    case ROLE_ADDRESSEE:
    case ROLE_NONE:
    default:
      return NULL;
    }
}

static const char *
directed_type (RoleGroup from,
               RoleGroup to)
{
  if (from == ROLE_ACTOR && to == ROLE_HIT)
    return "targeted";
  if (from == ROLE_SANCTIONER && to == ROLE_SANCTIONED)
    return "sanctioned";
  if (from == ROLE_SIGNER && to == ROLE_ADDRESSEE)
    return "addressed";
  return NULL;
}

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

static LtGraph *subgraph (LtGraph      *self,
                          const guint8 *keep,
                          guint32       hidden_edge_types);

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
  if (!edge_types[type_index].directed && source > target)
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
      new_edge.type = g_intern_static_string (edge_types[type_index].key);
      new_edge.type_index = type_index;
      new_edge.directed = edge_types[type_index].directed;
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

static int
compare_pairs (gconstpointer a,
               gconstpointer b)
{
  const LtEventActorPair *pa = a;
  const LtEventActorPair *pb = b;

  if (pa->event_id != pb->event_id)
    return pa->event_id < pb->event_id ? -1 : 1;
  if (pa->actor_id != pb->actor_id)
    return pa->actor_id < pb->actor_id ? -1 : 1;
  return (int) pa->role - (int) pb->role;
}

static gboolean
relation_holds (LtRelation *relation,
                const LtGraphOptions *options,
                gint32               *first_day,
                gint32               *last_day)
{
  const LtDateRange *range = lt_relation_get_date_range (relation);
  LtEdgeFamily family = lt_graph_edge_type_get_family (lt_relation_get_relation_type (relation));
  gint64 first = G_MININT64;
  gint64 last = G_MAXINT64;

  *first_day = G_MAXINT32;
  *last_day = G_MININT32;

  if (range != NULL && lt_date_is_valid (&range->start))
    {
      first = lt_date_range_first_day (range);
      /* A dated membership or alliance holds from its date on; a dated act (signing,
       * targeting) holds for the date or range given. */
      if (range->has_end || family == LT_EDGE_FAMILY_HOSTILITY
          || g_strcmp0 (lt_relation_get_relation_type (relation), "signed-with") == 0
          || g_strcmp0 (lt_relation_get_relation_type (relation), "addressed") == 0)
        last = lt_date_range_last_day (range);
      *first_day = CLAMP (first, G_MININT32 + 1, G_MAXINT32 - 1);
      *last_day = last == G_MAXINT64 ? *first_day : CLAMP (last, G_MININT32 + 1, G_MAXINT32 - 1);
    }

  if (!options->has_window)
    return TRUE;
  return first <= options->end_day && last >= options->start_day;
}

/**
 * lt_graph_new_from_store:
 * @store: a store
 * @options: (nullable): the time window and whether restricted records are included
 * @error: return location for an error
 *
 * Builds the graph of the store's actors. Without a window every public actor is a node; with
 * one, only the actors with an event or a relation in the window.
 *
 * Returns: (transfer full): the graph, or %NULL with @error set
 */
LtGraph *
lt_graph_new_from_store (LtStore              *store,
                         const LtGraphOptions *options,
                         GError              **error)
{
  static const LtGraphOptions no_options = { 0 };
  g_autoptr(LtGraph) self = NULL;
  g_autoptr(LtEventFilter) filter = NULL;
  g_autoptr(GListModel) actors = NULL;
  g_autoptr(GListModel) relations = NULL;
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GArray) pairs = NULL;
  g_autoptr(GHashTable) span_of_event = NULL;
  g_autofree guint8 *active = NULL;
  const char * const *role_keys = lt_role_list_keys ();
  guint n_roles = g_strv_length ((char **) role_keys);
  guint n_actors;

  g_return_val_if_fail (LT_IS_STORE (store), NULL);

  if (options == NULL)
    options = &no_options;

  self = lt_graph_new ();

  actors = lt_store_list_actors (store, NULL);
  n_actors = g_list_model_get_n_items (actors);
  for (guint i = 0; i < n_actors; i++)
    {
      g_autoptr(LtActor) actor = g_list_model_get_item (actors, i);
      guint index;

      if (!lt_store_is_visible (store, LT_RECORD_ACTOR, lt_actor_get_id (actor),
                                options->include_restricted))
        continue;
      index = lt_graph_add_node (self, lt_actor_get_id (actor), lt_actor_get_slug (actor),
                                 lt_actor_get_name (actor), lt_actor_get_kind (actor), 0);
      lt_graph_get_node (self, index)->restricted = lt_actor_is_restricted (actor);
    }

  filter = lt_event_filter_new ();
  if (options->has_window)
    lt_event_filter_set_window (filter, options->start_day, options->end_day);
  lt_event_filter_set_include_restricted (filter, options->include_restricted);
  spans = lt_store_dup_event_spans (store, filter, error);
  if (spans == NULL)
    return NULL;
  span_of_event = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < spans->len; i++)
    {
      LtEventSpan *span = &g_array_index (spans, LtEventSpan, i);

      g_hash_table_insert (span_of_event, &span->id, span);
    }

  pairs = lt_store_dup_event_actor_pairs (store, filter, error);
  if (pairs == NULL)
    return NULL;
  g_array_sort (pairs, compare_pairs);

  active = g_new0 (guint8, MAX (self->nodes->len, 1));

  for (guint start = 0; start < pairs->len;)
    {
      const LtEventActorPair *first = &g_array_index (pairs, LtEventActorPair, start);
      const LtEventSpan *span = g_hash_table_lookup (span_of_event, &first->event_id);
      guint stop = start;
      gint64 last_actor = 0;

      while (stop < pairs->len
             && g_array_index (pairs, LtEventActorPair, stop).event_id == first->event_id)
        stop++;

      if (span != NULL)
        {
          for (guint a = start; a < stop; a++)
            {
              const LtEventActorPair *pa = &g_array_index (pairs, LtEventActorPair, a);
              int na = lt_graph_find_node (self, pa->actor_id);
              RoleGroup ga;

              if (na < 0)
                continue;
              /* weight counts events, not roles: pairs are sorted by actor within an event */
              if (a == start || pa->actor_id != last_actor)
                g_array_index (self->nodes, LtGraphNode, na).weight++;
              last_actor = pa->actor_id;
              active[na] = TRUE;

              ga = role_group (pa->role < n_roles ? role_keys[pa->role] : NULL);
              for (guint b = start; b < stop; b++)
                {
                  const LtEventActorPair *pb = &g_array_index (pairs, LtEventActorPair, b);
                  int nb;
                  RoleGroup gb;
                  const char *type;

                  if (pb->actor_id == pa->actor_id)
                    continue;
                  nb = lt_graph_find_node (self, pb->actor_id);
                  if (nb < 0)
                    continue;
                  gb = role_group (pb->role < n_roles ? role_keys[pb->role] : NULL);

                  if (ga == gb && b > a && (type = together_type (ga)) != NULL)
                    lt_graph_add_edge (self, na, nb, type, TRUE, span->start_day, span->end_day);
                  else if ((type = directed_type (ga, gb)) != NULL)
                    lt_graph_add_edge (self, na, nb, type, TRUE, span->start_day, span->end_day);
                }
            }
        }

      start = stop;
    }

  relations = lt_store_list_relations (store, 0);
  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(LtRelation) relation = g_list_model_get_item (relations, i);
      int from = lt_graph_find_node (self, lt_relation_get_from_id (relation));
      int to = lt_graph_find_node (self, lt_relation_get_to_id (relation));
      gint32 first_day;
      gint32 last_day;

      if (from < 0 || to < 0 || from == to)
        continue;
      if (!lt_store_is_visible (store, LT_RECORD_RELATION, lt_relation_get_id (relation),
                                options->include_restricted))
        continue;
      if (lt_graph_edge_type_get_index (lt_relation_get_relation_type (relation)) < 0)
        continue;
      if (!relation_holds (relation, options, &first_day, &last_day))
        continue;

      lt_graph_add_edge (self, from, to, lt_relation_get_relation_type (relation), FALSE,
                         first_day, last_day);
      active[from] = active[to] = TRUE;
    }

  /* with a window, the actors with nothing in it go */
  if (options->has_window)
    return subgraph (self, active, 0);

  return g_steal_pointer (&self);
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
  if (!edge_types[key.type_index].directed && from > to)
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

static LtGraph *
subgraph (LtGraph      *self,
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

  return subgraph (self, keep, filter->hidden_edge_types);
}

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
 * lt_graph_node_kind_list_keys:
 *
 * Returns: (transfer none): the node kinds in legend order
 */
const char * const *
lt_graph_node_kind_list_keys (void)
{
  return node_kinds;
}

int
lt_graph_node_kind_get_index (const char *key)
{
  if (key == NULL)
    return -1;
  for (guint i = 0; node_kinds[i] != NULL; i++)
    if (g_str_equal (node_kinds[i], key))
      return i;
  return -1;
}

const char *
lt_graph_node_kind_get_label (const char *key)
{
  const char *label = lt_actor_kind_get_label (key);

  return label != NULL ? label : key;
}

/**
 * lt_graph_edge_type_list_keys:
 *
 * The store's relation types, then the types only shared events give.
 *
 * Returns: (transfer none): the edge types
 */
const char * const *
lt_graph_edge_type_list_keys (void)
{
  if (edge_type_keys[0] == NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (edge_types); i++)
        edge_type_keys[i] = edge_types[i].key;
    }
  return edge_type_keys;
}

int
lt_graph_edge_type_get_index (const char *key)
{
  if (key == NULL)
    return -1;
  for (guint i = 0; i < G_N_ELEMENTS (edge_types); i++)
    if (g_str_equal (edge_types[i].key, key))
      return i;
  return -1;
}

const char *
lt_graph_edge_type_get_label (const char *key)
{
  int index = lt_graph_edge_type_get_index (key);
  const char *label;

  if (index < 0)
    return key;
  if (edge_types[index].label != NULL)
    return _(edge_types[index].label);
  label = lt_relation_type_get_label (key);
  return label != NULL ? label : key;
}

gboolean
lt_graph_edge_type_is_directed (const char *key)
{
  int index = lt_graph_edge_type_get_index (key);

  return index >= 0 && edge_types[index].directed;
}

LtEdgeFamily
lt_graph_edge_type_get_family (const char *key)
{
  int index = lt_graph_edge_type_get_index (key);

  return index >= 0 ? edge_types[index].family : LT_EDGE_FAMILY_TOGETHER;
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
