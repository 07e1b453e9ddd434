/* lt-graph-model-private.h: the graph's fields and the internals shared by the files that
 * build it, filter it, compute its metrics and name its kinds and types
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lt-graph-model.h"

G_BEGIN_DECLS

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

/* lt-graph-model.c */
LtGraph    *_lt_graph_subgraph               (LtGraph      *self,
                                              const guint8 *keep,
                                              guint32       hidden_edge_types);

/* lt-graph-vocabulary.c */
const char *_lt_graph_edge_type_get_key      (int           index);
gboolean    _lt_graph_edge_type_get_directed (int           index);

G_END_DECLS
