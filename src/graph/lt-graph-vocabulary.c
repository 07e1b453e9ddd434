/* lt-graph-vocabulary.c: the graph's node kinds and edge types: their keys, labels,
 * directions and families
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The store's relation types, and the few types only shared events give, with what the graph
 * needs to know of each: whether it points one way, and which family draws it. */

#define G_LOG_DOMAIN "lt-graph-model"

#include "config.h"

#include <glib/gi18n.h>

#include "lt-graph-model-private.h"

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

/* The table by index, for the graph's own bookkeeping: no lookup by key */
const char *
_lt_graph_edge_type_get_key (int index)
{
  g_assert (index >= 0 && index < (int) G_N_ELEMENTS (edge_types));

  return edge_types[index].key;
}

gboolean
_lt_graph_edge_type_get_directed (int index)
{
  g_assert (index >= 0 && index < (int) G_N_ELEMENTS (edge_types));

  return edge_types[index].directed;
}
