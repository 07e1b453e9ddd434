/* lt-graph-build.c: the organization graph built from the store: actors, their
 * relations, and the links that shared events imply, in a time window
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-graph-model"

#include "config.h"

#include "lt-graph-model-private.h"

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

      if (!lt_store_is_visible (store, LT_RECORD_ACTOR, lt_record_get_id (LT_RECORD (actor)),
                                options->include_restricted))
        continue;
      index = lt_graph_add_node (self, lt_record_get_id (LT_RECORD (actor)),
                                 lt_record_get_slug (LT_RECORD (actor)),
                                 lt_actor_get_name (actor), lt_actor_get_kind (actor), 0);
      lt_graph_get_node (self, index)->restricted = lt_record_is_restricted (LT_RECORD (actor));
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
      if (!lt_store_is_visible (store, LT_RECORD_RELATION, lt_record_get_id (LT_RECORD (relation)),
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
    return _lt_graph_subgraph (self, active, 0);

  return g_steal_pointer (&self);
}
