/* lt-graph-export.c: the graph written as GraphML and GEXF, for Gephi, Cytoscape,
 * yEd and igraph
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* GraphML (Cytoscape, yEd, igraph) and GEXF 1.3 (Gephi) writers. Both carry the node kind,
 * label, weight, centrality, community and position, and the edge type, direction, weight and
 * time span. Files are written with lt_atomic_file_write(), so a failed write leaves the old
 * file alone. */

#define G_LOG_DOMAIN "lt-graph-export"

#include "config.h"

#include <string.h>

#include "lt-atomic-file.h"
#include "lt-graph-export.h"
#include "lt-xml.h"

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = lt_xml_escape_text (text);

  g_string_append (out, escaped);
}

static char *
format_day (gint32 day)
{
  gint32 y;
  guint m;
  guint d;

  lt_days_to_ymd (day, &y, &m, &d);
  return g_strdup_printf ("%04d-%02u-%02u", y, m, d);
}

/**
 * lt_graph_to_graphml:
 * @graph: a graph
 *
 * Returns: (transfer full): the graph as a GraphML document
 */
char *
lt_graph_to_graphml (LtGraph *graph)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (graph != NULL, NULL);

  g_string_append (out,
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
    "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
    "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
    "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
    "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
    "  <key id=\"slug\" for=\"node\" attr.name=\"slug\" attr.type=\"string\"/>\n"
    "  <key id=\"kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n"
    "  <key id=\"events\" for=\"node\" attr.name=\"events\" attr.type=\"int\"/>\n"
    "  <key id=\"betweenness\" for=\"node\" attr.name=\"betweenness\" attr.type=\"double\"/>\n"
    "  <key id=\"community\" for=\"node\" attr.name=\"community\" attr.type=\"int\"/>\n"
    "  <key id=\"x\" for=\"node\" attr.name=\"x\" attr.type=\"double\"/>\n"
    "  <key id=\"y\" for=\"node\" attr.name=\"y\" attr.type=\"double\"/>\n"
    "  <key id=\"type\" for=\"edge\" attr.name=\"type\" attr.type=\"string\"/>\n"
    "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
    "  <key id=\"relations\" for=\"edge\" attr.name=\"relations\" attr.type=\"int\"/>\n"
    "  <key id=\"events\" for=\"edge\" attr.name=\"shared_events\" attr.type=\"int\"/>\n"
    "  <key id=\"start\" for=\"edge\" attr.name=\"start\" attr.type=\"string\"/>\n"
    "  <key id=\"end\" for=\"edge\" attr.name=\"end\" attr.type=\"string\"/>\n"
    "  <graph id=\"letapis\" edgedefault=\"undirected\">\n");

  for (guint i = 0; i < lt_graph_get_n_nodes (graph); i++)
    {
      const LtGraphNode *node = lt_graph_get_node (graph, i);

      g_string_append_printf (out, "    <node id=\"n%" G_GINT64_FORMAT "\">\n", node->actor_id);
      g_string_append (out, "      <data key=\"label\">");
      append_escaped (out, node->name);
      g_string_append (out, "</data>\n      <data key=\"slug\">");
      append_escaped (out, node->slug);
      g_string_append (out, "</data>\n      <data key=\"kind\">");
      append_escaped (out, node->kind);
      g_string_append_printf (out, "</data>\n      <data key=\"events\">%u</data>\n", node->weight);
      g_string_append_printf (out, "      <data key=\"betweenness\">%s</data>\n",
                              g_ascii_dtostr (buf, sizeof buf, node->betweenness));
      g_string_append_printf (out, "      <data key=\"community\">%d</data>\n", node->community);
      g_string_append_printf (out, "      <data key=\"x\">%s</data>\n",
                              g_ascii_dtostr (buf, sizeof buf, node->x));
      g_string_append_printf (out, "      <data key=\"y\">%s</data>\n    </node>\n",
                              g_ascii_dtostr (buf, sizeof buf, node->y));
    }

  for (guint e = 0; e < lt_graph_get_n_edges (graph); e++)
    {
      const LtGraphEdge *edge = lt_graph_get_edge (graph, e);

      g_string_append_printf (out,
                              "    <edge id=\"e%u\" source=\"n%" G_GINT64_FORMAT "\" target=\"n%"
                              G_GINT64_FORMAT "\" directed=\"%s\">\n",
                              e, lt_graph_get_node (graph, edge->source)->actor_id,
                              lt_graph_get_node (graph, edge->target)->actor_id,
                              edge->directed ? "true" : "false");
      g_string_append_printf (out, "      <data key=\"type\">%s</data>\n", edge->type);
      g_string_append_printf (out, "      <data key=\"weight\">%u</data>\n", edge->weight);
      g_string_append_printf (out, "      <data key=\"relations\">%u</data>\n", edge->n_relations);
      g_string_append_printf (out, "      <data key=\"events\">%u</data>\n", edge->n_events);
      if (edge->first_day != G_MAXINT32)
        {
          g_autofree char *start = format_day (edge->first_day);
          g_autofree char *end = format_day (edge->last_day);

          g_string_append_printf (out, "      <data key=\"start\">%s</data>\n", start);
          g_string_append_printf (out, "      <data key=\"end\">%s</data>\n", end);
        }
      g_string_append (out, "    </edge>\n");
    }

  g_string_append (out, "  </graph>\n</graphml>\n");
  return g_string_free (out, FALSE);
}

/**
 * lt_graph_to_gexf:
 * @graph: a graph
 *
 * Returns: (transfer full): the graph as a GEXF 1.3 document, with positions in viz:position
 */
char *
lt_graph_to_gexf (LtGraph *graph)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  char bx[G_ASCII_DTOSTR_BUF_SIZE];
  char by[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (graph != NULL, NULL);

  g_string_append (out,
    "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" version=\"1.3\">\n"
    "  <meta>\n    <creator>Letapis</creator>\n  </meta>\n"
    "  <graph mode=\"static\" defaultedgetype=\"undirected\">\n"
    "    <attributes class=\"node\">\n"
    "      <attribute id=\"kind\" title=\"kind\" type=\"string\"/>\n"
    "      <attribute id=\"slug\" title=\"slug\" type=\"string\"/>\n"
    "      <attribute id=\"events\" title=\"events\" type=\"integer\"/>\n"
    "      <attribute id=\"betweenness\" title=\"betweenness\" type=\"double\"/>\n"
    "      <attribute id=\"community\" title=\"community\" type=\"integer\"/>\n"
    "    </attributes>\n"
    "    <attributes class=\"edge\">\n"
    "      <attribute id=\"type\" title=\"type\" type=\"string\"/>\n"
    "      <attribute id=\"relations\" title=\"relations\" type=\"integer\"/>\n"
    "      <attribute id=\"shared_events\" title=\"shared events\" type=\"integer\"/>\n"
    "      <attribute id=\"start\" title=\"start\" type=\"string\"/>\n"
    "      <attribute id=\"end\" title=\"end\" type=\"string\"/>\n"
    "    </attributes>\n"
    "    <nodes>\n");

  for (guint i = 0; i < lt_graph_get_n_nodes (graph); i++)
    {
      const LtGraphNode *node = lt_graph_get_node (graph, i);

      g_string_append_printf (out, "      <node id=\"n%" G_GINT64_FORMAT "\" label=\"", node->actor_id);
      append_escaped (out, node->name);
      g_string_append (out, "\">\n        <attvalues>\n          <attvalue for=\"kind\" value=\"");
      append_escaped (out, node->kind);
      g_string_append (out, "\"/>\n          <attvalue for=\"slug\" value=\"");
      append_escaped (out, node->slug);
      g_string_append_printf (out, "\"/>\n          <attvalue for=\"events\" value=\"%u\"/>\n",
                              node->weight);
      g_string_append_printf (out, "          <attvalue for=\"betweenness\" value=\"%s\"/>\n",
                              g_ascii_dtostr (bx, sizeof bx, node->betweenness));
      g_string_append_printf (out, "          <attvalue for=\"community\" value=\"%d\"/>\n"
                                   "        </attvalues>\n", node->community);
      g_string_append_printf (out, "        <viz:position x=\"%s\" y=\"%s\" z=\"0.0\"/>\n      </node>\n",
                              g_ascii_dtostr (bx, sizeof bx, node->x),
                              g_ascii_dtostr (by, sizeof by, -node->y));
    }
  g_string_append (out, "    </nodes>\n    <edges>\n");

  for (guint e = 0; e < lt_graph_get_n_edges (graph); e++)
    {
      const LtGraphEdge *edge = lt_graph_get_edge (graph, e);

      g_string_append_printf (out,
                              "      <edge id=\"e%u\" source=\"n%" G_GINT64_FORMAT "\" target=\"n%"
                              G_GINT64_FORMAT "\" type=\"%s\" weight=\"%u\" label=\"",
                              e, lt_graph_get_node (graph, edge->source)->actor_id,
                              lt_graph_get_node (graph, edge->target)->actor_id,
                              edge->directed ? "directed" : "undirected", edge->weight);
      append_escaped (out, lt_graph_edge_type_get_label (edge->type));
      g_string_append_printf (out, "\">\n        <attvalues>\n"
                                   "          <attvalue for=\"type\" value=\"%s\"/>\n"
                                   "          <attvalue for=\"relations\" value=\"%u\"/>\n"
                                   "          <attvalue for=\"shared_events\" value=\"%u\"/>\n",
                              edge->type, edge->n_relations, edge->n_events);
      if (edge->first_day != G_MAXINT32)
        {
          g_autofree char *start = format_day (edge->first_day);
          g_autofree char *end = format_day (edge->last_day);

          g_string_append_printf (out, "          <attvalue for=\"start\" value=\"%s\"/>\n"
                                       "          <attvalue for=\"end\" value=\"%s\"/>\n", start, end);
        }
      g_string_append (out, "        </attvalues>\n      </edge>\n");
    }

  g_string_append (out, "    </edges>\n  </graph>\n</gexf>\n");
  return g_string_free (out, FALSE);
}

static gboolean
write_text (GFile      *file,
            const char *text,
            GError    **error)
{
  return lt_atomic_file_write (file, text, strlen (text), error);
}

/**
 * lt_graph_write_graphml:
 * @graph: a graph
 * @file: where to write
 * @error: return location for an error
 *
 * Writes the graph as GraphML, atomically.
 *
 * Returns: %TRUE on success
 */
gboolean
lt_graph_write_graphml (LtGraph  *graph,
                        GFile    *file,
                        GError  **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (graph != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  text = lt_graph_to_graphml (graph);
  return write_text (file, text, error);
}

/**
 * lt_graph_write_gexf:
 * @graph: a graph
 * @file: where to write
 * @error: return location for an error
 *
 * Writes the graph as GEXF 1.3, atomically.
 *
 * Returns: %TRUE on success
 */
gboolean
lt_graph_write_gexf (LtGraph  *graph,
                     GFile    *file,
                     GError  **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (graph != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  text = lt_graph_to_gexf (graph);
  return write_text (file, text, error);
}

static void
fill_positions (LtGraph *graph,
                LtStore *store)
{
  g_autoptr(GArray) positions = NULL;
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();

  if (store == NULL)
    return;
  for (guint i = 0; i < lt_graph_get_n_nodes (graph); i++)
    if (!lt_graph_get_node (graph, i)->has_position)
      g_ptr_array_add (missing, lt_graph_get_node (graph, i));
  if (missing->len == 0)
    return;
  positions = lt_store_load_positions (store, "graph", NULL);
  if (positions == NULL)
    return;
  /* only the unplaced nodes take the saved positions */
  for (guint k = 0; k < positions->len; k++)
    {
      const LtActorPosition *p = &g_array_index (positions, LtActorPosition, k);
      int index = lt_graph_find_node (graph, p->actor_id);
      LtGraphNode *node;

      if (index < 0 || (node = lt_graph_get_node (graph, index))->has_position)
        continue;
      node->x = p->x;
      node->y = p->y;
      node->has_position = TRUE;
    }
}

/**
 * lt_graph_export_graphml:
 * @self: a graph
 * @store: (nullable): a store whose saved positions fill in unplaced nodes
 * @file: where to write
 * @error: return location for an error
 *
 * Returns: %TRUE on success
 */
gboolean
lt_graph_export_graphml (LtGraph  *self,
                         LtStore  *store,
                         GFile    *file,
                         GError  **error)
{
  fill_positions (self, store);
  return lt_graph_write_graphml (self, file, error);
}

/**
 * lt_graph_export_gexf:
 * @self: a graph
 * @store: (nullable): a store whose saved positions fill in unplaced nodes
 * @file: where to write
 * @error: return location for an error
 *
 * Returns: %TRUE on success
 */
gboolean
lt_graph_export_gexf (LtGraph  *self,
                      LtStore  *store,
                      GFile    *file,
                      GError  **error)
{
  fill_positions (self, store);
  return lt_graph_write_gexf (self, file, error);
}
