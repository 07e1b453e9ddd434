/* lt-graph-export.h: the graph written as GraphML and GEXF, for Gephi, Cytoscape,
 * yEd and igraph
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lt-graph-model.h"

G_BEGIN_DECLS

char     *lt_graph_to_graphml    (LtGraph  *graph);
char     *lt_graph_to_gexf       (LtGraph  *graph);
gboolean  lt_graph_write_graphml (LtGraph  *graph,
                                  GFile    *file,
                                  GError  **error);
gboolean  lt_graph_write_gexf    (LtGraph  *graph,
                                  GFile    *file,
                                  GError  **error);

G_END_DECLS
