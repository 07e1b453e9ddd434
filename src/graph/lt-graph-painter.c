/* lt-graph-painter.c: LtGraphPainter, the one drawing path of the organization graph: its
 * state, the view and fit, the hit test, and a frame put together from the parts
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The widget paints through the painter on every frame and the export paints through it into a
 * snapshot that is rendered to PNG, SVG or PDF with no display; nothing here touches a
 * GtkWidget.
 *
 * Edges and node shapes go into one cairo node, batched by style (lt-graph-shapes.c), so that a
 * graph of a few thousand edges is a few dozen strokes and fills. Bigger graphs draw them into
 * a raster layer (Wu's lines by hand in lt-graph-raster.c, cairo for the big shapes); the
 * widget's frames paint the layer moved and scaled while a thread draws it again for the new
 * view (lt-graph-layer.c), so a frame of 10,000 nodes costs a few milliseconds whatever the
 * number of edges. Labels are Pango text nodes, shaped once per node, so they stay text in a
 * PDF; they are placed greedily by importance on a grid of occupied cells (lt-graph-labels.c):
 * zoomed out only the important ones find room, zoomed in all of them do. Colours and shapes
 * come from lt-graph-palette.c, the legend from lt-graph-legend.c.
 */

#define G_LOG_DOMAIN "lt-graph-painter"

#include "config.h"

#include <math.h>

#include "lt-graph-painter-private.h"

#define RASTER_EDGES  3000   /* from here on, edges and small nodes are rasterized by hand */

static int
compare_importance (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  const float *importance = user_data;
  guint ia = *(const guint *) a;
  guint ib = *(const guint *) b;

  if (importance[ia] != importance[ib])
    return importance[ia] > importance[ib] ? -1 : 1;
  return ia < ib ? -1 : (ia > ib);
}

static void
rebuild_importance (LtGraphPainter *self)
{
  guint n = self->graph != NULL ? lt_graph_get_n_nodes (self->graph) : 0;
  double max = 0;

  g_clear_pointer (&self->importance, g_free);
  g_clear_pointer (&self->order, g_free);
  if (n == 0)
    return;

  self->importance = g_new (float, n);
  self->order = g_new (guint, n);
  for (guint i = 0; i < n; i++)
    {
      const LtGraphNode *node = lt_graph_get_node (self->graph, i);
      double value;

      switch (self->size_mode)
        {
        case LT_NODE_SIZE_DEGREE:
          value = node->degree;
          break;
        case LT_NODE_SIZE_BETWEENNESS:
          value = node->betweenness;
          break;
        case LT_NODE_SIZE_EVENTS:
        default:
          value = node->weight;
          break;
        }
      self->importance[i] = value;
      max = MAX (max, value);
      self->order[i] = i;
    }
  for (guint i = 0; i < n; i++)
    self->importance[i] = max > 0 ? sqrt (self->importance[i] / max) : 0;
  g_qsort_with_data (self->order, n, sizeof (guint), compare_importance, self->importance);
}

static void
rebuild_bends (LtGraphPainter *self)
{
  g_autoptr(GHashTable) count = NULL;
  guint n_edges = self->graph != NULL ? lt_graph_get_n_edges (self->graph) : 0;

  g_clear_pointer (&self->edge_bend, g_free);
  g_clear_pointer (&self->edge_family, g_free);
  g_clear_pointer (&self->edge_bucket, g_free);
  if (n_edges == 0)
    return;

  self->edge_family = g_new (guint8, n_edges);
  self->edge_bucket = g_new (guint8, n_edges);
  for (guint e = 0; e < n_edges; e++)
    {
      const LtGraphEdge *edge = lt_graph_get_edge (self->graph, e);

      self->edge_family[e] = lt_graph_edge_type_get_family (edge->type);
      self->edge_bucket[e] = MIN (3, (int) log2 (MAX (edge->weight, 1)));
    }

  /* Several edges between one pair (a relation and a shared event, or both directions) are
   * drawn as a fan of arcs instead of on top of each other. */
  self->edge_bend = g_new0 (float, n_edges);
  count = g_hash_table_new (g_int64_hash, g_int64_equal);
  {
    g_autofree gint64 *keys = g_new (gint64, n_edges);
    g_autofree guint *slot = g_new (guint, n_edges);

    for (guint e = 0; e < n_edges; e++)
      {
        const LtGraphEdge *edge = lt_graph_get_edge (self->graph, e);
        guint a = MIN (edge->source, edge->target);
        guint b = MAX (edge->source, edge->target);

        keys[e] = ((gint64) a << 32) | b;
        slot[e] = GPOINTER_TO_UINT (g_hash_table_lookup (count, &keys[e]));
        g_hash_table_insert (count, &keys[e], GUINT_TO_POINTER (slot[e] + 1));
      }
    for (guint e = 0; e < n_edges; e++)
      {
        const LtGraphEdge *edge = lt_graph_get_edge (self->graph, e);
        guint total = GPOINTER_TO_UINT (g_hash_table_lookup (count, &keys[e]));
        float bend = slot[e] - (total - 1) / 2.0f;

        /* bends are measured from the lower node index to the higher one */
        self->edge_bend[e] = edge->source <= edge->target ? bend : -bend;
      }
  }
}

static void
rebuild_neighbours (LtGraphPainter *self)
{
  guint n = self->graph != NULL ? lt_graph_get_n_nodes (self->graph) : 0;
  const guint *incident;
  guint n_incident;

  g_clear_pointer (&self->neighbour, g_free);
  if (self->hover < 0 || (guint) self->hover >= n)
    return;

  self->neighbour = g_new0 (guint8, n);
  self->neighbour[self->hover] = TRUE;
  incident = lt_graph_get_incident_edges (self->graph, self->hover, &n_incident);
  for (guint k = 0; k < n_incident; k++)
    self->neighbour[lt_graph_get_other_end (self->graph, incident[k], self->hover)] = TRUE;
}

/**
 * lt_graph_painter_new:
 *
 * Creates a painter with the light palette, node size by events and colour by kind.
 *
 * Returns: (transfer full): a new painter
 */
LtGraphPainter *
lt_graph_painter_new (void)
{
  LtGraphPainter *self = g_new0 (LtGraphPainter, 1);

  self->hover = -1;
  self->selected = -1;
  self->focus = -1;
  self->scale = 1;
  self->show_legend = TRUE;
  self->show_background = TRUE;

  return self;
}

void
lt_graph_painter_free (LtGraphPainter *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->graph, lt_graph_unref);
  g_free (self->importance);
  g_free (self->order);
  g_free (self->edge_bend);
  g_free (self->edge_family);
  g_free (self->edge_bucket);
  g_free (self->neighbour);
  g_free (self->sx);
  g_free (self->sy);
  g_free (self->sr);
  g_free (self->colors);
  g_free (self->label_w);
  g_free (self->label_h);
  g_clear_pointer (&self->whole, g_array_unref);
  g_clear_pointer (&self->key, g_array_unref);
  _lt_graph_painter_clear_label_nodes (self);
  _lt_graph_occupancy_clear (&self->occ);
  _lt_graph_occupancy_clear (&self->labels_occ);
  _lt_graph_painter_clear_layer (self);
  g_free (self);
}

/**
 * lt_graph_painter_set_graph:
 * @self: a painter
 * @graph: (nullable): the graph to draw
 *
 * Sets the graph. Positions come from the nodes unless [method@GraphPainter.set_positions]
 * gives an array; hover, selection and focus are cleared.
 */
void
lt_graph_painter_set_graph (LtGraphPainter *self,
                            LtGraph        *graph)
{
  g_return_if_fail (self != NULL);

  if (graph != NULL)
    lt_graph_ref (graph);
  g_clear_pointer (&self->graph, lt_graph_unref);
  self->graph = graph;
  self->xy = NULL;
  self->hover = self->selected = self->focus = -1;
  _lt_graph_painter_drop_layer (self);
  g_clear_pointer (&self->label_w, g_free);
  g_clear_pointer (&self->label_h, g_free);
  g_clear_pointer (&self->whole, g_array_unref);
  g_clear_pointer (&self->key, g_array_unref);
  self->key_width = self->key_height = 0;
  _lt_graph_painter_clear_label_nodes (self);
  rebuild_importance (self);
  rebuild_bends (self);
  rebuild_neighbours (self);
}

LtGraph *
lt_graph_painter_get_graph (LtGraphPainter *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->graph;
}

/**
 * lt_graph_painter_set_ready_func:
 * @self: a painter
 * @func: (nullable): called on the main context when a redrawn raster layer is ready
 * @user_data: data for @func
 *
 * A big graph's edges and node shapes are drawn into a raster layer, which frames draw moved
 * and scaled while only the view changes. With a ready func, the layer is redrawn by a thread
 * once the view or the positions have changed, and @func is called (the widget queues a draw)
 * when it is ready: a frame never waits for it except the first one. Without one (the export),
 * every frame draws what it shows.
 */
void
lt_graph_painter_set_ready_func (LtGraphPainter          *self,
                                 LtGraphPainterReadyFunc  func,
                                 gpointer                 user_data)
{
  g_return_if_fail (self != NULL);

  self->layer_ready_func = func;
  self->layer_ready_data = user_data;
  _lt_graph_painter_drop_layer (self);
}

/**
 * lt_graph_painter_metrics_changed:
 * @self: a painter
 *
 * Says that the nodes' betweenness and communities have been (re)computed: sizes and colours
 * that depend on them are drawn again.
 */
void
lt_graph_painter_metrics_changed (LtGraphPainter *self)
{
  g_return_if_fail (self != NULL);

  rebuild_importance (self);
  _lt_graph_painter_drop_layer (self);
}

/**
 * lt_graph_painter_set_layer_textures:
 * @self: a painter
 * @textures: whether to hand the raster layer to the renderer as a texture
 *
 * GTK 4.8's cairo renderer converts a whole texture on every frame, so by default a big
 * graph's layer is painted from a cairo node (about 1 ms). A GPU renderer does better with a
 * texture it uploads once per layer; the widget turns this on when it has one.
 */
void
lt_graph_painter_set_layer_textures (LtGraphPainter *self,
                                     gboolean        textures)
{
  g_return_if_fail (self != NULL);

  self->layer_textures = !!textures;
}

/**
 * lt_graph_painter_invalidate:
 * @self: a painter
 *
 * Says that the positions have changed: the raster layer is drawn again (by a thread, if there
 * is a ready func; until then frames show the last one).
 */
void
lt_graph_painter_invalidate (LtGraphPainter *self)
{
  g_return_if_fail (self != NULL);

  self->layer_stamp++;
}

/**
 * lt_graph_painter_set_positions:
 * @self: a painter
 * @xy: (nullable): 2 × n floats, borrowed until the next call
 *
 * Draws the nodes at these positions instead of the nodes' own (the view passes the layout's
 * latest frame).
 */
void
lt_graph_painter_set_positions (LtGraphPainter *self,
                                const float    *xy)
{
  g_return_if_fail (self != NULL);

  self->xy = xy;
  self->layer_stamp++;
}

void
lt_graph_painter_set_dark (LtGraphPainter *self,
                           gboolean        dark)
{
  g_return_if_fail (self != NULL);

  if (self->dark == !!dark)
    return;
  self->dark = !!dark;
  _lt_graph_painter_drop_layer (self);
  _lt_graph_painter_clear_label_nodes (self);
}

/**
 * lt_graph_painter_set_grayscale:
 * @self: a painter
 * @grayscale: whether to draw in grays only, for printing in black and white
 */
void
lt_graph_painter_set_grayscale (LtGraphPainter *self,
                                gboolean        grayscale)
{
  g_return_if_fail (self != NULL);

  if (self->grayscale == !!grayscale)
    return;
  self->grayscale = !!grayscale;
  _lt_graph_painter_drop_layer (self);
  _lt_graph_painter_clear_label_nodes (self);
}

void
lt_graph_painter_set_size_mode (LtGraphPainter *self,
                                LtNodeSizeMode  mode)
{
  g_return_if_fail (self != NULL);

  if (self->size_mode == mode)
    return;
  self->size_mode = mode;
  rebuild_importance (self);
  _lt_graph_painter_drop_layer (self);
}

void
lt_graph_painter_set_color_mode (LtGraphPainter  *self,
                                 LtNodeColorMode  mode)
{
  g_return_if_fail (self != NULL);

  if (self->color_mode == mode)
    return;
  self->color_mode = mode;
  _lt_graph_painter_drop_layer (self);
}

void
lt_graph_painter_set_show_legend (LtGraphPainter *self,
                                  gboolean        show_legend)
{
  g_return_if_fail (self != NULL);

  self->show_legend = !!show_legend;
}

/**
 * lt_graph_painter_set_whole_labels:
 * @self: a painter
 * @whole_labels: whether every name is shown whole
 *
 * On screen a name cut with "…" is revealed by hovering or zooming; on paper nothing reveals
 * it. With @whole_labels, every node gets its name on one or two lines or, where that cannot
 * be placed without hiding another, a small number and an entry in a key of the numbered
 * actors beside the legend. [method@GraphPainter.fit_labels] places them; exports use it.
 */
void
lt_graph_painter_set_whole_labels (LtGraphPainter *self,
                                   gboolean        whole_labels)
{
  g_return_if_fail (self != NULL);

  self->whole_labels = !!whole_labels;
  g_clear_pointer (&self->whole, g_array_unref);
  g_clear_pointer (&self->key, g_array_unref);
  self->key_width = self->key_height = 0;
}

/**
 * lt_graph_painter_set_key_elsewhere:
 * @self: a painter
 * @elsewhere: whether the key goes on pages of its own
 *
 * With @elsewhere, a key that finds no free corner of the drawing goes on pages of its own
 * ([method@GraphPainter.paint_key_page]) rather than taking room from the graph.
 */
void
lt_graph_painter_set_key_elsewhere (LtGraphPainter *self,
                                    gboolean        elsewhere)
{
  g_return_if_fail (self != NULL);

  self->key_elsewhere = !!elsewhere;
}

/**
 * lt_graph_painter_get_key_size:
 * @self: a painter
 * @width: (out): the key's width in the drawing, 0 when there is none
 * @height: (out): its height
 *
 * The key's size in the drawing, as the last [method@GraphPainter.fit_labels] placed it:
 * 0 × 0 when there is no key or it goes on pages of its own.
 */
void
lt_graph_painter_get_key_size (LtGraphPainter *self,
                               int            *width,
                               int            *height)
{
  g_return_if_fail (self != NULL);

  *width = self->key_in_drawing ? self->key_width : 0;
  *height = self->key_in_drawing ? self->key_height : 0;
}

/**
 * lt_graph_painter_get_n_key_entries:
 * @self: a painter
 *
 * Returns: how many nodes the last [method@GraphPainter.fit_labels] numbered in the key
 */
guint
lt_graph_painter_get_n_key_entries (LtGraphPainter *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->key != NULL ? self->key->len : 0;
}

/**
 * lt_graph_painter_get_key_entry:
 * @self: a painter
 * @number: a number in the key, from 1
 *
 * Returns: the node numbered @number in the key
 */
guint
lt_graph_painter_get_key_entry (LtGraphPainter *self,
                                guint           number)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (number >= 1 && number <= lt_graph_painter_get_n_key_entries (self), 0);

  return g_array_index (self->key, guint, number - 1);
}

void
lt_graph_painter_set_show_background (LtGraphPainter *self,
                                      gboolean        show_background)
{
  g_return_if_fail (self != NULL);

  self->show_background = !!show_background;
}

/**
 * lt_graph_painter_set_hover:
 * @self: a painter
 * @node: a node index, or -1
 *
 * Highlights a node and its neighbours; the rest is dimmed.
 */
void
lt_graph_painter_set_hover (LtGraphPainter *self,
                            int             node)
{
  g_return_if_fail (self != NULL);

  if (self->hover == node)
    return;
  self->hover = node;
  rebuild_neighbours (self);
}

void
lt_graph_painter_set_selected (LtGraphPainter *self,
                               int             node)
{
  g_return_if_fail (self != NULL);

  self->selected = node;
}

void
lt_graph_painter_set_focus_ring (LtGraphPainter *self,
                                 int             node)
{
  g_return_if_fail (self != NULL);

  self->focus = node;
}

/**
 * lt_graph_painter_set_view:
 * @self: a painter
 * @scale: pixels per layout unit
 * @offset_x: screen x of the layout's origin
 * @offset_y: screen y of the layout's origin
 *
 * Sets the transform from layout to screen: screen = layout × scale + offset.
 */
void
lt_graph_painter_set_view (LtGraphPainter *self,
                           double          scale,
                           double          offset_x,
                           double          offset_y)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (scale > 0);

  self->scale = scale;
  self->offset_x = offset_x;
  self->offset_y = offset_y;
}

void
lt_graph_painter_get_view (LtGraphPainter *self,
                           double         *scale,
                           double         *offset_x,
                           double         *offset_y)
{
  g_return_if_fail (self != NULL);

  if (scale)
    *scale = self->scale;
  if (offset_x)
    *offset_x = self->offset_x;
  if (offset_y)
    *offset_y = self->offset_y;
}

/**
 * lt_graph_painter_get_bounds:
 * @self: a painter
 * @bounds: (out): the bounding box of the node positions, in layout units
 *
 * Returns: %FALSE if there is no node
 */
gboolean
lt_graph_painter_get_bounds (LtGraphPainter  *self,
                             graphene_rect_t *bounds)
{
  float min_x = G_MAXFLOAT;
  float min_y = G_MAXFLOAT;
  float max_x = -G_MAXFLOAT;
  float max_y = -G_MAXFLOAT;
  guint n;

  g_return_val_if_fail (self != NULL, FALSE);

  n = self->graph != NULL ? lt_graph_get_n_nodes (self->graph) : 0;
  for (guint i = 0; i < n; i++)
    {
      float x;
      float y;

      _lt_graph_painter_get_xy (self, i, &x, &y);
      min_x = MIN (min_x, x);
      max_x = MAX (max_x, x);
      min_y = MIN (min_y, y);
      max_y = MAX (max_y, y);
    }
  if (n == 0)
    return FALSE;
  graphene_rect_init (bounds, min_x, min_y, max_x - min_x, max_y - min_y);
  return TRUE;
}

/**
 * lt_graph_painter_fit:
 * @self: a painter
 * @width: width of the drawing
 * @height: height of the drawing
 *
 * Sets the view so that the whole graph fits, with room for labels and the legend. The export
 * calls this before [method@GraphPainter.paint].
 */
void
lt_graph_painter_fit (LtGraphPainter *self,
                      int             width,
                      int             height)
{
  graphene_rect_t bounds;
  double margin = 48;
  double avail_w;
  double avail_h;
  double scale;
  int legend_w = 0;
  int legend_h = 0;

  g_return_if_fail (self != NULL);

  if (!lt_graph_painter_get_bounds (self, &bounds))
    {
      self->scale = self->fit_scale = 1;
      self->offset_x = width / 2.0;
      self->offset_y = height / 2.0;
      return;
    }

  if (self->show_legend)
    _lt_graph_painter_legend_size (self, &legend_w, &legend_h);
  /* keep the legend, in the lower left corner, out of the graph's way: take the side that
   * costs less area; a key given room of its own takes the right side, as tall columns */
  avail_w = width - 2 * margin;
  if (self->whole_labels && self->key_reserved)
    avail_w -= self->key_width + 12;
  avail_h = height - 2 * margin;
  if (legend_w > 0)
    {
      if ((avail_w - legend_w) * avail_h > avail_w * (avail_h - legend_h))
        avail_w -= legend_w;
      else
        avail_h -= legend_h;
    }
  avail_w = MAX (avail_w, 40);
  avail_h = MAX (avail_h, 40);

  scale = MIN (avail_w / MAX (bounds.size.width, 1e-3), avail_h / MAX (bounds.size.height, 1e-3));
  if (lt_graph_get_n_nodes (self->graph) == 1)
    scale = 40;
  self->scale = scale;
  self->fit_scale = scale;
  /* Ten thousand nodes fitted into a page leave each a few pixels: drawn at their usual size
   * they would hide each other and every edge, so no node is wider than the room it has */
  self->radius_cap = MAX (1.5, 0.45 * sqrt (bounds.size.width * bounds.size.height * scale * scale
                                           / lt_graph_get_n_nodes (self->graph)));
  self->offset_x = width - margin - avail_w / 2 - (bounds.origin.x + bounds.size.width / 2) * scale;
  if (self->whole_labels && self->key_reserved)
    self->offset_x -= self->key_width + 12;
  self->offset_y = margin + avail_h / 2 - (bounds.origin.y + bounds.size.height / 2) * scale;
}

/**
 * lt_graph_painter_fit_labels:
 * @self: a painter
 * @context: the Pango context the labels will be drawn with
 * @width: width of the drawing
 * @height: height of the drawing
 *
 * Like [method@GraphPainter.fit], and with whole labels (see
 * [method@GraphPainter.set_whole_labels]) places them and makes room for the key, which the
 * placement decides: a few rounds, since the room the key takes changes the fit.
 */
void
lt_graph_painter_fit_labels (LtGraphPainter *self,
                             PangoContext   *context,
                             int             width,
                             int             height)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (PANGO_IS_CONTEXT (context));

  self->key_width = self->key_height = 0;
  self->key_in_drawing = self->key_reserved = FALSE;
  lt_graph_painter_fit (self, width, height);
  if (!self->whole_labels || self->graph == NULL || lt_graph_get_n_nodes (self->graph) == 0)
    return;

  for (int round = 0; ; round++)
    {
      int key_w;
      int key_h;

      _lt_graph_painter_update_screen (self);
      _lt_graph_painter_place_whole_labels (self, context, width, height);
      _lt_graph_painter_key_size (self, context, width, height, &key_w, &key_h);
      if (key_w == 0)
        break;
      /* A corner the graph leaves free keeps the graph its size; room made for the key
       * shrinks the graph, and more names need numbers: a PDF takes a page instead. */
      if (round == 0 && _lt_graph_painter_find_key_place (self, width, height, key_w, key_h))
        {
          self->key_width = key_w;
          self->key_height = key_h;
          self->key_in_drawing = TRUE;
          break;
        }
      if (round == 0 && self->key_elsewhere)
        break;
      self->key_in_drawing = TRUE;
      /* the last placement always matches the view; a key still larger runs longer */
      if (round > 0 && ((key_w <= self->key_width && key_h <= self->key_height) || round == 3))
        break;
      if (!self->key_reserved)
        {
          /* room of its own at the right, where the key's columns take the drawing's height */
          self->key_reserved = TRUE;
          _lt_graph_painter_key_size (self, context, width, height, &key_w, &key_h);
        }
      /* only ever more room, so that the rounds settle */
      self->key_width = MAX (self->key_width, key_w);
      self->key_height = MAX (self->key_height, key_h);
      lt_graph_painter_fit (self, width, height);
    }
}

double
lt_graph_painter_get_fit_scale (LtGraphPainter *self)
{
  g_return_val_if_fail (self != NULL, 1);

  return self->fit_scale > 0 ? self->fit_scale : self->scale;
}

double
_lt_graph_painter_node_radius (LtGraphPainter *self,
                               guint           i)
{
  double small = lt_graph_get_n_nodes (self->graph) > 2000 ? 2.0 : 4.5;
  double r = (small + 11.0 * self->importance[i]) * _lt_graph_painter_zoom_factor (self);

  /* the room grows with the zoom faster than the nodes do, so zoomed in they get their size */
  if (self->radius_cap > 0 && self->fit_scale > 0)
    r = MIN (r, self->radius_cap * self->scale / self->fit_scale);
  return r;
}

/* the nodes' places and sizes on the drawing, for the current view */
void
_lt_graph_painter_update_screen (LtGraphPainter *self)
{
  guint n = lt_graph_get_n_nodes (self->graph);

  if (self->scratch_len < n)
    {
      self->sx = g_renew (float, self->sx, n);
      self->sy = g_renew (float, self->sy, n);
      self->sr = g_renew (float, self->sr, n);
      self->scratch_len = n;
    }
  for (guint i = 0; i < n; i++)
    {
      float x;
      float y;

      _lt_graph_painter_get_xy (self, i, &x, &y);
      self->sx[i] = x * self->scale + self->offset_x;
      self->sy[i] = y * self->scale + self->offset_y;
      self->sr[i] = _lt_graph_painter_node_radius (self, i);
    }
}

void
lt_graph_painter_node_to_screen (LtGraphPainter *self,
                                 guint           node,
                                 double         *x,
                                 double         *y,
                                 double         *radius)
{
  float wx;
  float wy;

  g_return_if_fail (self != NULL && self->graph != NULL);
  g_return_if_fail (node < lt_graph_get_n_nodes (self->graph));

  _lt_graph_painter_get_xy (self, node, &wx, &wy);
  if (x)
    *x = wx * self->scale + self->offset_x;
  if (y)
    *y = wy * self->scale + self->offset_y;
  if (radius)
    *radius = _lt_graph_painter_node_radius (self, node);
}

void
lt_graph_painter_screen_to_world (LtGraphPainter *self,
                                  double          x,
                                  double          y,
                                  double         *world_x,
                                  double         *world_y)
{
  g_return_if_fail (self != NULL);

  *world_x = (x - self->offset_x) / self->scale;
  *world_y = (y - self->offset_y) / self->scale;
}

/**
 * lt_graph_painter_hit_test:
 * @self: a painter
 * @x: screen x
 * @y: screen y
 *
 * Finds the node under a point; hover, clicks, tooltips and tests all go through this.
 *
 * Returns: the index of the nearest node whose shape (plus 3 px) contains the point, or -1
 */
int
lt_graph_painter_hit_test (LtGraphPainter *self,
                           double          x,
                           double          y)
{
  double best = G_MAXDOUBLE;
  int hit = -1;
  guint n;

  g_return_val_if_fail (self != NULL, -1);

  n = self->graph != NULL ? lt_graph_get_n_nodes (self->graph) : 0;
  for (guint i = 0; i < n; i++)
    {
      double sx;
      double sy;
      double r;
      double d2;

      lt_graph_painter_node_to_screen (self, i, &sx, &sy, &r);
      d2 = (sx - x) * (sx - x) + (sy - y) * (sy - y);
      if (d2 <= (r + 3) * (r + 3) && d2 < best)
        {
          best = d2;
          hit = i;
        }
    }

  return hit;
}

/**
 * lt_graph_painter_paint:
 * @self: a painter
 * @snapshot: where to draw
 * @context: the Pango context of the labels (the widget's, or one from
 *   pango_font_map_create_context() when exporting)
 * @width: width of the drawing
 * @height: height of the drawing
 *
 * Draws the graph with the current view (see [method@GraphPainter.fit]): background, edges,
 * nodes, labels and legend.
 */
void
lt_graph_painter_paint (LtGraphPainter *self,
                        GtkSnapshot    *snapshot,
                        PangoContext   *context,
                        int             width,
                        int             height)
{
  const LtGraphPalette *palette;
  cairo_t *cr;
  guint n;

  g_return_if_fail (self != NULL);
  g_return_if_fail (snapshot != NULL);
  g_return_if_fail (PANGO_IS_CONTEXT (context));

  if (width <= 0 || height <= 0)
    return;

  palette = _lt_graph_painter_palette (self);
  if (self->show_background)
    gtk_snapshot_append_color (snapshot, &palette->background, &GRAPHENE_RECT_INIT (0, 0, width, height));

  n = self->graph != NULL ? lt_graph_get_n_nodes (self->graph) : 0;
  if (n == 0)
    return;

  _lt_graph_painter_update_screen (self);

  self->raster = lt_graph_get_n_edges (self->graph) >= RASTER_EDGES;
  if (self->raster)
    {
      _lt_graph_painter_paint_layer (self, snapshot, width, height);
      /* a hover dims the layer from above, and its neighbourhood is drawn again on top */
      if (self->neighbour != NULL)
        {
          GdkRGBA veil = palette->background;

          veil.alpha = 0.7;
          gtk_snapshot_append_color (snapshot, &veil, &GRAPHENE_RECT_INIT (0, 0, width, height));
        }
    }

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  _lt_graph_painter_paint_edges (self, cr, palette, width, height);
  _lt_graph_painter_paint_nodes (self, cr, palette, width, height,
                                 self->raster ? LT_GRAPH_NODES_OVERLAY : LT_GRAPH_NODES_ALL);
  cairo_destroy (cr);

  _lt_graph_painter_paint_labels (self, snapshot, context, palette, width, height);

  if (self->show_legend)
    _lt_graph_painter_paint_legend (self, snapshot, context, palette, width, height);
  if (self->whole_labels && self->key_in_drawing)
    _lt_graph_painter_paint_key (self, snapshot, context, palette, width, height);
}
