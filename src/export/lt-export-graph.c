/* lt-export-graph.c: the graph painter on an export page
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-export"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "lt-export-views.h"
#include "lt-force-layout.h"
#include "lt-graph-model.h"
#include "lt-graph-painter.h"

/* The layout the graph page keeps in the database, so that an export shows the
 * picture the user arranged. */
#define LAYOUT_NAME          "graph"
#define LAYOUT_MAX_ITERATIONS 3000
#define MAX_DESCRIBED_NODES  400

typedef struct
{
  LtStore        *store;
  LtExportOptions *options;
  LtGraph        *graph;
  float          *xy;
  LtGraphPainter *painter;
  int             spread_width;   /* the size the labels were made room for */
  int             spread_height;
  GArray         *key_pages;      /* guint: the first key entry of each page of its own */
} GraphData;

static void
graph_data_free (gpointer data)
{
  GraphData *gd = data;

  g_clear_pointer (&gd->painter, lt_graph_painter_free);
  g_clear_pointer (&gd->key_pages, g_array_unref);
  g_clear_pointer (&gd->graph, lt_graph_unref);
  g_clear_pointer (&gd->options, lt_export_options_free);
  g_clear_object (&gd->store);
  g_free (gd->xy);
  g_free (gd);
}

static void
graph_paint (gpointer               data,
             GtkSnapshot           *snapshot,
             PangoContext          *context,
             const graphene_rect_t *area,
             const LtExportSlice   *slice)
{
  GraphData *gd = data;
  int w = MAX ((int) floor (area->size.width), 1);
  int h = MAX ((int) floor (area->size.height), 1);
  g_autofree float *spread = NULL;

  /* make room for every label at this page's size, as the view does for its window; once,
   * so that drawing the page again draws the same */
  if (w != gd->spread_width || h != gd->spread_height)
    {
      spread = lt_graph_painter_spread_labels (gd->painter, context, w, h);
      if (spread != NULL)
        {
          memcpy (gd->xy, spread, 2 * lt_graph_get_n_nodes (gd->graph) * sizeof (float));
          lt_graph_painter_set_positions (gd->painter, gd->xy);
        }
      gd->spread_width = w;
      gd->spread_height = h;
    }

  /* every name whole, or numbered in the key: paper has no hover to reveal a cut one. A key
   * that finds no free corner goes on pages of its own in a PDF. */
  lt_graph_painter_set_key_elsewhere (gd->painter, gd->options->format == LT_EXPORT_FORMAT_PDF);
  lt_graph_painter_fit_labels (gd->painter, context, w, h);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &area->origin);
  lt_graph_painter_paint (gd->painter, snapshot, context, w, h);
  gtk_snapshot_restore (snapshot);
}

static guint
graph_get_n_extra_pages (gpointer               data,
                         PangoContext          *context,
                         const graphene_rect_t *area)
{
  GraphData *gd = data;
  guint n = lt_graph_painter_get_n_key_entries (gd->painter);
  int w = MAX ((int) floor (area->size.width), 1);
  int h = MAX ((int) floor (area->size.height), 1);
  int key_w;
  int key_h;
  guint first = 0;

  g_clear_pointer (&gd->key_pages, g_array_unref);
  gd->key_pages = g_array_new (FALSE, FALSE, sizeof (guint));
  lt_graph_painter_get_key_size (gd->painter, &key_w, &key_h);
  if (key_h > 0)
    return 0;   /* in the drawing */

  while (first < n)
    {
      guint drawn = lt_graph_painter_paint_key_page (gd->painter, NULL, context, w, h, first);

      if (drawn == 0)
        break;
      g_array_append_val (gd->key_pages, first);
      first += drawn;
    }

  return gd->key_pages->len;
}

static void
graph_paint_extra_page (gpointer               data,
                        guint                  index,
                        GtkSnapshot           *snapshot,
                        PangoContext          *context,
                        const graphene_rect_t *area)
{
  GraphData *gd = data;

  if (gd->key_pages == NULL || index >= gd->key_pages->len)
    return;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &area->origin);
  lt_graph_painter_paint_key_page (gd->painter, snapshot, context,
                                   MAX ((int) floor (area->size.width), 1),
                                   MAX ((int) floor (area->size.height), 1),
                                   g_array_index (gd->key_pages, guint, index));
  gtk_snapshot_restore (snapshot);
}

static void
add_citations (GPtrArray  *citations,
               GHashTable *seen,
               GArray     *ids)
{
  for (guint c = 0; citations != NULL && c < citations->len; c++)
    {
      const LtCitation *citation = g_ptr_array_index (citations, c);
      gint64 id = citation->source_id;

      if (g_hash_table_add (seen, g_memdup2 (&id, sizeof id)))
        g_array_append_val (ids, id);
    }
}

static gboolean
relation_in_window (LtRelation            *relation,
                    const LtExportOptions *options)
{
  const LtDateRange *range = lt_relation_get_date_range (relation);

  if (!options->has_window || range == NULL || !lt_date_is_valid (&range->start))
    return TRUE;

  return lt_date_range_first_day (range) <= options->to_day &&
         lt_date_range_last_day (range) >= options->from_day;
}

/* The sources of the events the shown actors take part in (in the window) and
 * of the relations between shown actors: what the nodes' sizes and the edges
 * rest on. */
static GArray *
graph_dup_cited_sources (gpointer             data,
                         const LtExportSlice *slice)
{
  GraphData *gd = data;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) shown_events = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(LtEventFilter) filter = lt_event_filter_new ();
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GArray) pairs = NULL;
  g_autoptr(GListModel) relations = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (gd->options->has_window)
    lt_event_filter_set_window (filter, gd->options->from_day, gd->options->to_day);
  lt_event_filter_set_include_restricted (filter, gd->options->include_restricted);

  spans = lt_store_dup_event_spans (gd->store, filter, NULL);
  pairs = lt_store_dup_event_actor_pairs (gd->store, filter, NULL);
  if (spans != NULL && pairs != NULL)
    {
      g_autoptr(GHashTable) in_window = g_hash_table_new (g_int64_hash, g_int64_equal);

      for (guint i = 0; i < spans->len; i++)
        g_hash_table_add (in_window, &g_array_index (spans, LtEventSpan, i).id);

      /* in chronological order, so the numbers follow time */
      for (guint i = 0; i < spans->len; i++)
        {
          gint64 event_id = g_array_index (spans, LtEventSpan, i).id;

          for (guint p = 0; p < pairs->len; p++)
            {
              const LtEventActorPair *pair = &g_array_index (pairs, LtEventActorPair, p);

              if (pair->event_id != event_id || lt_graph_find_node (gd->graph, pair->actor_id) < 0)
                continue;

              if (g_hash_table_add (shown_events, g_memdup2 (&event_id, sizeof event_id)))
                {
                  g_autoptr(LtEvent) event = lt_store_lookup_event (gd->store, event_id);

                  if (event != NULL)
                    add_citations (lt_event_get_citations (event), seen, ids);
                }
              break;
            }
        }
    }

  relations = lt_store_list_relations (gd->store, 0);
  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(LtRelation) relation = g_list_model_get_item (relations, i);

      if (!lt_store_is_visible (gd->store, LT_RECORD_RELATION,
                                lt_record_get_id (LT_RECORD (relation)),
                                gd->options->include_restricted))
        continue;
      if (lt_graph_find_node (gd->graph, lt_relation_get_from_id (relation)) < 0 ||
          lt_graph_find_node (gd->graph, lt_relation_get_to_id (relation)) < 0)
        continue;
      if (!relation_in_window (relation, gd->options))
        continue;

      add_citations (lt_relation_get_citations (relation), seen, ids);
    }

  return ids;
}

static void
graph_describe (gpointer             data,
                const LtExportSlice *slice,
                GString             *text)
{
  GraphData *gd = data;
  guint n = lt_graph_get_n_nodes (gd->graph);

  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                             "%u actor, ", "%u actors, ", n), n);
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                             "%u connection\n", "%u connections\n",
                                             lt_graph_get_n_edges (gd->graph)),
                          lt_graph_get_n_edges (gd->graph));

  for (guint i = 0; i < n && i < MAX_DESCRIBED_NODES; i++)
    {
      const LtGraphNode *node = lt_graph_get_node (gd->graph, i);
      const char *kind = node->kind != NULL ? lt_graph_node_kind_get_label (node->kind) : NULL;

      if (kind != NULL)
        g_string_append_printf (text, "%s (%s)\n", node->name, kind);
      else
        g_string_append_printf (text, "%s\n", node->name);
    }
  if (n > MAX_DESCRIBED_NODES)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                               "And %u more actor\n",
                                               "And %u more actors\n",
                                               n - MAX_DESCRIBED_NODES),
                            n - MAX_DESCRIBED_NODES);
}

/* Saved positions where the user has them; the force layout, seeded, for the
 * rest. Returns the positions, interleaved x and y, and sets them on the nodes. */
static float *
place_nodes (LtGraph *graph,
             LtStore *store)
{
  guint n = lt_graph_get_n_nodes (graph);
  g_autoptr(LtForceLayout) layout = NULL;
  gboolean all_placed = n > 0;
  float *xy;

  lt_graph_load_positions (graph, store, LAYOUT_NAME, NULL);

  xy = g_new0 (float, 2 * MAX (n, 1));
  for (guint i = 0; i < n; i++)
    if (!lt_graph_get_node (graph, i)->has_position)
      all_placed = FALSE;

  if (!all_placed && n > 0)
    {
      layout = lt_graph_new_force_layout (graph);
      lt_force_layout_run (layout, LAYOUT_MAX_ITERATIONS, NULL);
      memcpy (xy, lt_force_layout_get_positions (layout), 2 * n * sizeof (float));
    }
  else
    for (guint i = 0; i < n; i++)
      {
        xy[2 * i] = lt_graph_get_node (graph, i)->x;
        xy[2 * i + 1] = lt_graph_get_node (graph, i)->y;
      }

  for (guint i = 0; i < n; i++)
    {
      LtGraphNode *node = lt_graph_get_node (graph, i);

      node->x = xy[2 * i];
      node->y = xy[2 * i + 1];
      node->has_position = TRUE;
    }

  return xy;
}

/**
 * lt_export_graph_build:
 * @store: the chronicle
 * @options: the time window, the focus actor and depth, whether restricted records show
 * @xy: (out) (optional) (transfer full): the nodes' positions, interleaved x and y
 * @error: return location for a #GError
 *
 * The graph an export shows: built from the store for the window, narrowed to
 * the focus actor's neighbourhood, with centralities, communities and
 * positions (the user's saved ones, the force layout's for the rest).
 *
 * Returns: (transfer full): the graph, or %NULL with @error set
 */
LtGraph *
lt_export_graph_build (LtStore                *store,
                       const LtExportOptions  *options,
                       float                 **xy,
                       GError                **error)
{
  LtGraphOptions graph_options = { 0 };
  LtGraphFilter filter = { 0 };
  g_autoptr(LtGraph) full = NULL;
  g_autoptr(LtGraph) graph = NULL;
  float *positions;

  g_return_val_if_fail (LT_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  graph_options.has_window = options->has_window;
  graph_options.start_day = options->from_day;
  graph_options.end_day = options->to_day;
  graph_options.include_restricted = options->include_restricted;

  full = lt_graph_new_from_store (store, &graph_options, error);
  if (full == NULL)
    return NULL;

  if (options->focus_actor != 0 && lt_graph_find_node (full, options->focus_actor) < 0)
    {
      g_set_error_literal (error, LT_EXPORT_ERROR, LT_EXPORT_ERROR_INVALID,
                           _("The chosen actor has no connections in this time window"));
      return NULL;
    }

  filter.focus_actor = options->focus_actor;
  filter.depth = options->depth;
  graph = lt_graph_filter (full, &filter);
  lt_graph_compute_metrics (graph, NULL);

  positions = place_nodes (graph, store);
  if (xy != NULL)
    *xy = positions;
  else
    g_free (positions);

  return g_steal_pointer (&graph);
}

static const LtExportPainterVTable graph_vtable = {
  .paint = graph_paint,
  .dup_cited_sources = graph_dup_cited_sources,
  .describe = graph_describe,
  .get_n_extra_pages = graph_get_n_extra_pages,
  .paint_extra_page = graph_paint_extra_page,
  .free = graph_data_free,
};

/**
 * lt_export_graph_painter_new:
 * @store: the chronicle
 * @options: the time window, the focus actor and depth, whether restricted records show
 * @error: return location for a #GError
 *
 * The graph's own painter ([struct@GraphPainter]) in the light palette. It
 * draws its legend itself, in the drawing's corner, as on screen.
 *
 * Returns: (transfer full): a painter, or %NULL with @error set
 */
LtExportPainter *
lt_export_graph_painter_new (LtStore                *store,
                             const LtExportOptions  *options,
                             GError                **error)
{
  g_autoptr(LtGraph) graph = NULL;
  float *xy = NULL;
  GraphData *gd;

  g_return_val_if_fail (LT_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  graph = lt_export_graph_build (store, options, &xy, error);
  if (graph == NULL)
    return NULL;

  gd = g_new0 (GraphData, 1);
  gd->store = g_object_ref (store);
  gd->options = lt_export_options_copy (options);
  gd->graph = g_steal_pointer (&graph);
  gd->xy = xy;

  gd->painter = lt_graph_painter_new ();
  lt_graph_painter_set_graph (gd->painter, gd->graph);
  lt_graph_painter_set_positions (gd->painter, gd->xy);
  lt_graph_painter_set_dark (gd->painter, FALSE);
  lt_graph_painter_set_grayscale (gd->painter, options->grayscale);
  lt_graph_painter_set_show_legend (gd->painter, options->legend);
  lt_graph_painter_set_show_background (gd->painter, FALSE);
  lt_graph_painter_set_whole_labels (gd->painter, TRUE);
  if (options->focus_actor != 0)
    lt_graph_painter_set_selected (gd->painter, lt_graph_find_node (gd->graph, options->focus_actor));

  return lt_export_painter_new (&graph_vtable, gd);
}
