/* lt-graph-painter.c
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The one drawing path of the organization graph. The widget paints through it on every frame
 * and the export paints through it into a snapshot that is rendered to PNG, SVG or PDF with no
 * display; nothing here touches a GtkWidget.
 *
 * Edges and node shapes go into one cairo node, batched by style, so that a graph of a few
 * thousand edges is a few dozen strokes and fills. Bigger graphs draw them into a raster layer
 * (Wu's lines by hand, cairo for the big shapes); the widget's frames paint the layer moved and
 * scaled while a thread draws it again for the new view, so a frame of 10,000 nodes costs a few
 * milliseconds whatever the number of edges. Labels are Pango text nodes, shaped once per node,
 * so they stay text in a PDF. Labels are placed greedily by importance on a grid of occupied cells: zoomed out only the
 * important ones find room, zoomed in all of them do.
 */

#define G_LOG_DOMAIN "lt-graph-painter"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>
#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif
#include <pango/pangocairo.h>

#include "lt-force-layout.h"
#include "lt-graph-painter.h"

#define CELL          48
#define MAX_LABELS    600
#define LABEL_WIDTH   170
#define RASTER_EDGES  3000   /* from here on, edges and small nodes are rasterized by hand */
#define RASTER_RADIUS 6.0
#define SPREAD_MAX_NODES 200     /* beyond this, labels are chosen by importance, not made room for */
#define COMMUNITY_ROW (-100)     /* legend row of the community colours */

/* which nodes a pass draws */
enum
{
  NODES_ALL,       /* a small graph: all of them, dimmed under a hover */
  NODES_LAYER,     /* into a big graph's raster layer: the shapes too big to rasterize by hand */
  NODES_OVERLAY,   /* over the layer: the hovered neighbourhood, the selection and the focus */
};

/* Rectangles taken on the drawing, in a grid of CELL-sized cells covering it (with one cell
 * around); what lies further out cannot hide a label. The cells' arrays are kept between
 * frames, so placing labels allocates nothing. */
typedef struct
{
  int      cols;
  int      rows;
  GArray **cells;
} Occupancy;

static void
occupancy_clear (Occupancy *occ)
{
  for (int k = 0; k < occ->cols * occ->rows; k++)
    g_clear_pointer (&occ->cells[k], g_array_unref);
  g_clear_pointer (&occ->cells, g_free);
  occ->cols = occ->rows = 0;
}

static void
occupancy_reset (Occupancy *occ,
                 int        width,
                 int        height)
{
  int cols = width / CELL + 3;
  int rows = height / CELL + 3;

  if (cols != occ->cols || rows != occ->rows)
    {
      occupancy_clear (occ);
      occ->cols = cols;
      occ->rows = rows;
      occ->cells = g_new0 (GArray *, cols * rows);
    }
  for (int k = 0; k < cols * rows; k++)
    if (occ->cells[k] != NULL)
      g_array_set_size (occ->cells[k], 0);
}

/* the cells a rectangle touches, clamped to the grid */
static gboolean
occupancy_span (Occupancy             *occ,
                const graphene_rect_t *rect,
                int                   *x0,
                int                   *y0,
                int                   *x1,
                int                   *y1)
{
  *x0 = MAX ((int) floor (rect->origin.x / CELL) + 1, 0);
  *y0 = MAX ((int) floor (rect->origin.y / CELL) + 1, 0);
  *x1 = MIN ((int) floor ((rect->origin.x + rect->size.width) / CELL) + 1, occ->cols - 1);
  *y1 = MIN ((int) floor ((rect->origin.y + rect->size.height) / CELL) + 1, occ->rows - 1);

  return *x0 <= *x1 && *y0 <= *y1;
}

static gboolean
occupancy_test (Occupancy             *occ,
                const graphene_rect_t *rect)
{
  int x0;
  int y0;
  int x1;
  int y1;

  if (!occupancy_span (occ, rect, &x0, &y0, &x1, &y1))
    return TRUE;
  for (int cy = y0; cy <= y1; cy++)
    for (int cx = x0; cx <= x1; cx++)
      {
        GArray *rects = occ->cells[cy * occ->cols + cx];

        if (rects == NULL)
          continue;
        for (guint k = 0; k < rects->len; k++)
          if (graphene_rect_intersection (rect, &g_array_index (rects, graphene_rect_t, k), NULL))
            return FALSE;
      }
  return TRUE;
}

static void
occupancy_add (Occupancy             *occ,
               const graphene_rect_t *rect)
{
  int x0;
  int y0;
  int x1;
  int y1;

  if (!occupancy_span (occ, rect, &x0, &y0, &x1, &y1))
    return;
  for (int cy = y0; cy <= y1; cy++)
    for (int cx = x0; cx <= x1; cx++)
      {
        GArray **rects = &occ->cells[cy * occ->cols + cx];

        if (*rects == NULL)
          *rects = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
        g_array_append_val (*rects, *rect);
      }
}

typedef struct
{
  cairo_surface_t *surface;     /* the view plus a margin on every side */
  GdkTexture      *texture;     /* the same pixels, made once for a GPU renderer */
  int              margin_x;
  int              margin_y;
  int              width;       /* of the view it was drawn for */
  int              height;
  double           scale;       /* the view it was drawn for */
  double           offset_x;
  double           offset_y;
  guint            stamp;
  guint            generation;
} Layer;

static void
layer_free (Layer *layer)
{
  g_clear_object (&layer->texture);
  g_clear_pointer (&layer->surface, cairo_surface_destroy);
  g_free (layer);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Layer, layer_free)

struct _LtGraphPainter
{
  LtGraph         *graph;
  const float     *xy;
  gboolean         dark;
  LtNodeSizeMode   size_mode;
  LtNodeColorMode  color_mode;
  gboolean         show_legend;
  gboolean         show_background;
  int              hover;
  int              selected;
  int              focus;

  double           scale;
  double           offset_x;
  double           offset_y;
  double           fit_scale;
  double           radius_cap;    /* at the fit scale: crowded graphs get smaller nodes */

  /* per node, rebuilt when the graph or the size mode changes */
  float           *importance;   /* 0..1 */
  guint           *order;        /* nodes by decreasing importance */
  float           *edge_bend;    /* per edge, in multiples of the bend step */
  guint8          *edge_family;
  guint8          *edge_bucket;  /* width class, from the weight */
  guint8          *neighbour;    /* of the hovered node */

  /* per frame scratch */
  float           *sx;
  float           *sy;
  float           *sr;
  guint            scratch_len;
  gboolean         raster;

  /* The raster layer of a big graph: its edges and node shapes, drawn for one view. Frames
   * draw it moved and scaled; with a ready func set, a thread redraws it while frames go on. */
  Layer           *layer;
  Layer           *overview;          /* the whole graph, for what a fast move uncovers */
  guint            layer_stamp;       /* bumped when positions change: older layers are stale */
  guint            layer_generation;  /* bumped when the look changes: older layers are wrong */
  GCancellable    *layer_job;         /* of the redraw in flight */
  LtGraphPainterReadyFunc layer_ready_func;
  gpointer         layer_ready_data;
  gboolean         layer_textures;    /* the renderer is a GPU's: hand it textures */
  /* in the copy a layer is drawn from: the nodes' colours, the view and the margins around it */
  const GdkRGBA  **colors;
  int              layer_width;
  int              layer_height;
  int              layer_margin_x;
  int              layer_margin_y;

  /* label sizes, measured once per graph and font */
  float           *label_w;
  float           *label_h;
  GskRenderNode  **label_nodes;   /* the text, shaped once: shaping is most of a label's cost */
  guint            n_label_nodes;
  Occupancy        occ;
  Occupancy        labels_occ;
  guint            label_font_hash;
};

static const LtGraphPalette light_palette = {
  .background = { 1, 1, 1, 1 },
  .text = { 0.141, 0.122, 0.192, 1 },
  .halo = { 1, 1, 1, 0.82 },
  .outline = { 1, 1, 1, 1 },
  .selection = { 0.208, 0.518, 0.894, 1 },
  .legend_background = { 0.98, 0.98, 0.98, 0.92 },
  .edges = {
    { 0.467, 0.463, 0.482, 0.85 },   /* structure: grey */
    { 0.110, 0.443, 0.847, 0.75 },   /* cooperation: blue */
    { 0.753, 0.110, 0.157, 0.75 },   /* hostility: red */
    { 0.569, 0.255, 0.675, 0.55 },   /* together: purple */
  },
  .kinds = {
    { 0.149, 0.635, 0.412, 1 },      /* person */
    { 0.208, 0.518, 0.894, 1 },      /* organization */
    { 0.878, 0.106, 0.141, 1 },      /* state body */
    { 1.000, 0.471, 0.000, 1 },      /* media */
    { 0.525, 0.369, 0.235, 1 },      /* military unit */
    { 0.569, 0.255, 0.675, 1 },      /* company */
    { 0.369, 0.361, 0.392, 1 },      /* country */
    { 0.604, 0.600, 0.588, 1 },
  },
  .communities = {
    { 0.208, 0.518, 0.894, 1 }, { 0.902, 0.380, 0.000, 1 }, { 0.149, 0.635, 0.412, 1 },
    { 0.753, 0.110, 0.157, 1 }, { 0.569, 0.255, 0.675, 1 }, { 0.596, 0.416, 0.267, 1 },
    { 0.898, 0.647, 0.039, 1 }, { 0.129, 0.565, 0.643, 1 }, { 0.863, 0.541, 0.867, 1 },
    { 0.369, 0.361, 0.392, 1 },
  },
};

static const LtGraphPalette dark_palette = {
  .background = { 0.118, 0.118, 0.118, 1 },
  .text = { 1, 1, 1, 1 },
  .halo = { 0.118, 0.118, 0.118, 0.82 },
  .outline = { 0.118, 0.118, 0.118, 1 },
  .selection = { 0.471, 0.682, 0.929, 1 },
  .legend_background = { 0.188, 0.188, 0.188, 0.92 },
  .edges = {
    { 0.604, 0.600, 0.588, 0.85 },
    { 0.384, 0.627, 0.918, 0.8 },
    { 0.965, 0.380, 0.318, 0.8 },
    { 0.753, 0.380, 0.796, 0.6 },
  },
  .kinds = {
    { 0.341, 0.890, 0.537, 1 },
    { 0.384, 0.627, 0.918, 1 },
    { 0.965, 0.380, 0.318, 1 },
    { 1.000, 0.639, 0.282, 1 },
    { 0.710, 0.514, 0.353, 1 },
    { 0.753, 0.380, 0.796, 1 },
    { 0.753, 0.749, 0.737, 1 },
    { 0.604, 0.600, 0.588, 1 },
  },
  .communities = {
    { 0.384, 0.627, 0.918, 1 }, { 1.000, 0.639, 0.282, 1 }, { 0.341, 0.890, 0.537, 1 },
    { 0.965, 0.380, 0.318, 1 }, { 0.753, 0.380, 0.796, 1 }, { 0.710, 0.514, 0.353, 1 },
    { 0.973, 0.894, 0.361, 1 }, { 0.345, 0.757, 0.831, 1 }, { 0.863, 0.541, 0.867, 1 },
    { 0.753, 0.749, 0.737, 1 },
  },
};

/**
 * lt_graph_palette_get:
 * @dark: whether the dark style is in use
 *
 * Returns: (transfer none): the colours of the graph; the export always uses the light ones
 */
const LtGraphPalette *
lt_graph_palette_get (gboolean dark)
{
  return dark ? &dark_palette : &light_palette;
}

static void
set_source (cairo_t       *cr,
            const GdkRGBA *color,
            double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static void
get_xy (LtGraphPainter *self,
        guint           i,
        float          *x,
        float          *y)
{
  if (self->xy != NULL)
    {
      *x = self->xy[2 * i];
      *y = self->xy[2 * i + 1];
    }
  else
    {
      const LtGraphNode *node = lt_graph_get_node (self->graph, i);

      *x = node->x;
      *y = node->y;
    }
}

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

static void
clear_label_nodes (LtGraphPainter *self)
{
  for (guint i = 0; i < self->n_label_nodes; i++)
    g_clear_pointer (&self->label_nodes[i], gsk_render_node_unref);
  g_clear_pointer (&self->label_nodes, g_free);
  self->n_label_nodes = 0;
}

/* The look has changed: the layer is wrong, not just stale, and a redraw in flight too. */
static void
drop_layer (LtGraphPainter *self)
{
  self->layer_generation++;
  g_clear_pointer (&self->layer, layer_free);
  g_clear_pointer (&self->overview, layer_free);
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
  clear_label_nodes (self);
  occupancy_clear (&self->occ);
  occupancy_clear (&self->labels_occ);
  /* a redraw in flight finds its painter gone through the cancellable */
  if (self->layer_job != NULL)
    g_cancellable_cancel (self->layer_job);
  g_clear_object (&self->layer_job);
  g_clear_pointer (&self->layer, layer_free);
  g_clear_pointer (&self->overview, layer_free);
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
  drop_layer (self);
  g_clear_pointer (&self->label_w, g_free);
  g_clear_pointer (&self->label_h, g_free);
  clear_label_nodes (self);
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
  drop_layer (self);
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
  drop_layer (self);
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
  drop_layer (self);
  clear_label_nodes (self);
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
  drop_layer (self);
}

void
lt_graph_painter_set_color_mode (LtGraphPainter  *self,
                                 LtNodeColorMode  mode)
{
  g_return_if_fail (self != NULL);

  if (self->color_mode == mode)
    return;
  self->color_mode = mode;
  drop_layer (self);
}

void
lt_graph_painter_set_show_legend (LtGraphPainter *self,
                                  gboolean        show_legend)
{
  g_return_if_fail (self != NULL);

  self->show_legend = !!show_legend;
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

      get_xy (self, i, &x, &y);
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

static void
legend_size (LtGraphPainter *self,
             int            *width,
             int            *height);

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
    legend_size (self, &legend_w, &legend_h);

  /* keep the legend, in the lower left corner, out of the graph's way: take the side that
   * costs less area */
  avail_w = width - 2 * margin;
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
  self->offset_y = margin + avail_h / 2 - (bounds.origin.y + bounds.size.height / 2) * scale;
}

double
lt_graph_painter_get_fit_scale (LtGraphPainter *self)
{
  g_return_val_if_fail (self != NULL, 1);

  return self->fit_scale > 0 ? self->fit_scale : self->scale;
}

static double
zoom_factor (LtGraphPainter *self)
{
  double fit = self->fit_scale > 0 ? self->fit_scale : self->scale;

  return CLAMP (sqrt (self->scale / fit), 0.75, 2.5);
}

static double
node_radius (LtGraphPainter *self,
             guint           i)
{
  double small = lt_graph_get_n_nodes (self->graph) > 2000 ? 2.0 : 4.5;
  double r = (small + 11.0 * self->importance[i]) * zoom_factor (self);

  /* the room grows with the zoom faster than the nodes do, so zoomed in they get their size */
  if (self->radius_cap > 0 && self->fit_scale > 0)
    r = MIN (r, self->radius_cap * self->scale / self->fit_scale);
  return r;
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

  get_xy (self, node, &wx, &wy);
  if (x)
    *x = wx * self->scale + self->offset_x;
  if (y)
    *y = wy * self->scale + self->offset_y;
  if (radius)
    *radius = node_radius (self, node);
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

/* Shapes by kind, so that the kinds are told apart without colour: person ●, organization ■,
 * state body ◆, media ▲, military unit ⬟, company ⬢, country ⯃. */
static void
shape_path (cairo_t *cr,
            int      kind,
            double   x,
            double   y,
            double   r)
{
  int sides = 0;
  double rotation = 0;

  switch (kind)
    {
    case 0:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      cairo_close_path (cr);
      return;
    case 1:
      {
        double h = r * 0.9;
        double c = h * 0.3;

        cairo_new_sub_path (cr);
        cairo_arc (cr, x + h - c, y - h + c, c, -G_PI / 2, 0);
        cairo_arc (cr, x + h - c, y + h - c, c, 0, G_PI / 2);
        cairo_arc (cr, x - h + c, y + h - c, c, G_PI / 2, G_PI);
        cairo_arc (cr, x - h + c, y - h + c, c, G_PI, 3 * G_PI / 2);
        cairo_close_path (cr);
        return;
      }
    case 2:
      sides = 4;
      r *= 1.2;
      break;
    case 3:
      sides = 3;
      r *= 1.25;
      rotation = -G_PI / 2;
      break;
    case 4:
      sides = 5;
      r *= 1.1;
      rotation = -G_PI / 2;
      break;
    case 5:
      sides = 6;
      r *= 1.05;
      break;
    case 6:
      sides = 8;
      rotation = G_PI / 8;
      break;
    default:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r * 0.8, 0, 2 * G_PI);
      cairo_close_path (cr);
      return;
    }

  cairo_move_to (cr, x + r * cos (rotation), y + r * sin (rotation));
  for (int k = 1; k < sides; k++)
    {
      double a = rotation + 2 * G_PI * k / sides;

      cairo_line_to (cr, x + r * cos (a), y + r * sin (a));
    }
  cairo_close_path (cr);
}

static const GdkRGBA *
node_color (LtGraphPainter       *self,
            const LtGraphPalette *palette,
            guint                 i)
{
  const LtGraphNode *node;

  if (self->colors != NULL)
    return self->colors[i];   /* a layer's copy: the metrics may change while a thread draws */
  node = lt_graph_get_node (self->graph, i);
  if (self->color_mode == LT_NODE_COLOR_COMMUNITY && node->community >= 0)
    return &palette->communities[MIN (node->community, (int) G_N_ELEMENTS (palette->communities) - 1)];
  return &palette->kinds[node->kind_index >= 0 ? MIN (node->kind_index, 7) : 7];
}

static void
set_edge_style (cairo_t *cr,
                int      family,
                double   width)
{
  static const double dashed[] = { 7, 4 };
  static const double dotted[] = { 0.1, 4 };

  cairo_set_line_width (cr, width);
  switch (family)
    {
    case LT_EDGE_FAMILY_STRUCTURE:
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      cairo_set_dash (cr, dashed, 2, 0);
      break;
    case LT_EDGE_FAMILY_TOGETHER:
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_dash (cr, dotted, 2, 0);
      break;
    default:
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      cairo_set_dash (cr, NULL, 0, 0);
      break;
    }
}

static double
edge_width (LtGraphPainter *self,
            guint           weight)
{
  double w = 1.0 + 0.7 * log2 (MAX (weight, 1));

  return MIN (w, 4.0) * MIN (zoom_factor (self), 1.6);
}

/* Computes the control point of an edge and the point where the arrow meets the target. */
static void
edge_geometry (LtGraphPainter *self,
               guint           e,
               double         *cx,
               double         *cy,
               double         *tip_x,
               double         *tip_y,
               double         *dir_x,
               double         *dir_y)
{
  const LtGraphEdge *edge = lt_graph_get_edge (self->graph, e);
  double x0 = self->sx[edge->source];
  double y0 = self->sy[edge->source];
  double x1 = self->sx[edge->target];
  double y1 = self->sy[edge->target];
  double dx = x1 - x0;
  double dy = y1 - y0;
  double len = sqrt (dx * dx + dy * dy);
  double bend = self->edge_bend != NULL ? self->edge_bend[e] : 0;
  double off = bend * MIN (14.0, len * 0.15);
  double tx;
  double ty;
  double tl;

  if (len < 1e-6)
    len = 1e-6;
  *cx = (x0 + x1) / 2 - dy / len * off;
  *cy = (y0 + y1) / 2 + dx / len * off;

  /* the arrow arrives along the line from the control point */
  tx = x1 - *cx;
  ty = y1 - *cy;
  tl = sqrt (tx * tx + ty * ty);
  if (tl < 1e-6)
    tl = 1e-6;
  *dir_x = tx / tl;
  *dir_y = ty / tl;
  *tip_x = x1 - *dir_x * (self->sr[edge->target] + 1.5);
  *tip_y = y1 - *dir_y * (self->sr[edge->target] + 1.5);
}

static void
paint_edges (LtGraphPainter       *self,
             cairo_t              *cr,
             const LtGraphPalette *palette,
             int                   width,
             int                   height)
{
  guint n_edges = lt_graph_get_n_edges (self->graph);
  gboolean dim = self->neighbour != NULL;
  gboolean few = n_edges < 3000;
  const guint *hovered_edges = NULL;
  guint n_list = n_edges;

  /* over a raster layer only the hovered node's own edges are drawn: go through those alone */
  if (self->raster)
    {
      if (!dim)
        return;
      hovered_edges = lt_graph_get_incident_edges (self->graph, self->hover, &n_list);
    }

  /* pass 0: everything (dimmed under a hover), pass 1: the hovered node's edges on top */
  for (int pass = 0; pass < (dim ? 2 : 1); pass++)
    for (int family = 0; family < 4; family++)
      for (int bucket = 0; bucket < 4; bucket++)
        {
          gboolean any = FALSE;
          double w = 0;

          if (self->raster && pass == 0)
            continue;   /* in the raster layer */

          for (guint k = 0; k < n_list; k++)
            {
              guint e = hovered_edges != NULL ? hovered_edges[k] : k;
              const LtGraphEdge *edge = lt_graph_get_edge (self->graph, e);
              double x0 = self->sx[edge->source];
              double y0 = self->sy[edge->source];
              double x1 = self->sx[edge->target];
              double y1 = self->sy[edge->target];
              double cx;
              double cy;
              double tx;
              double ty;
              double ux;
              double uy;
              gboolean incident;

              if (self->edge_family[e] != family || self->edge_bucket[e] != bucket)
                continue;
              incident = dim && ((int) edge->source == self->hover || (int) edge->target == self->hover);
              if (dim && incident != (pass == 1))
                continue;
              if ((x0 < 0 && x1 < 0) || (y0 < 0 && y1 < 0)
                  || (x0 > width && x1 > width) || (y0 > height && y1 > height))
                continue;

              w = edge_width (self, edge->weight) + (pass == 1 ? 1 : 0);
              if (few)
                {
                  edge_geometry (self, e, &cx, &cy, &tx, &ty, &ux, &uy);
                  cairo_move_to (cr, x0, y0);
                  if (edge->directed)
                    {
                      /* stop short of the arrowhead */
                      tx -= ux * (3 + 2.2 * w);
                      ty -= uy * (3 + 2.2 * w);
                    }
                  else
                    {
                      tx = x1;
                      ty = y1;
                    }
                  cairo_curve_to (cr, (x0 + 2 * cx) / 3, (y0 + 2 * cy) / 3,
                                  (tx + 2 * cx) / 3, (ty + 2 * cy) / 3, tx, ty);
                }
              else
                {
                  cairo_move_to (cr, x0, y0);
                  cairo_line_to (cr, x1, y1);
                }
              any = TRUE;
            }

          if (!any)
            continue;
          set_edge_style (cr, family, w);
          set_source (cr, &palette->edges[family], dim && pass == 0 ? 0.18 : (pass == 1 ? 1.3 : 1));
          cairo_stroke (cr);
        }

  if (!few)
    return;

  /* arrowheads, one fill per family */
  cairo_set_dash (cr, NULL, 0, 0);
  for (int pass = 0; pass < (dim ? 2 : 1); pass++)
    for (int family = 0; family < 4; family++)
      {
        gboolean any = FALSE;

        for (guint e = 0; e < n_edges; e++)
          {
            const LtGraphEdge *edge = lt_graph_get_edge (self->graph, e);
            double cx;
            double cy;
            double tx;
            double ty;
            double ux;
            double uy;
            double w;
            double size;
            gboolean incident;

            if (!edge->directed || self->edge_family[e] != family)
              continue;
            incident = dim && ((int) edge->source == self->hover || (int) edge->target == self->hover);
            if (dim && incident != (pass == 1))
              continue;
            edge_geometry (self, e, &cx, &cy, &tx, &ty, &ux, &uy);
            if (tx < -20 || ty < -20 || tx > width + 20 || ty > height + 20)
              continue;
            w = edge_width (self, edge->weight);
            size = 4 + 2.2 * w;
            cairo_move_to (cr, tx, ty);
            cairo_line_to (cr, tx - ux * size - uy * size * 0.5, ty - uy * size + ux * size * 0.5);
            cairo_line_to (cr, tx - ux * size + uy * size * 0.5, ty - uy * size - ux * size * 0.5);
            cairo_close_path (cr);
            any = TRUE;
          }
        if (any)
          {
            set_source (cr, &palette->edges[family], dim && pass == 0 ? 0.18 : 1.3);
            cairo_fill (cr);
          }
      }
}

static void
nodes_pass (LtGraphPainter       *self,
            cairo_t              *cr,
            const LtGraphPalette *palette,
            int                   width,
            int                   height,
            int                   which)
{
  guint n = lt_graph_get_n_nodes (self->graph);
  gboolean dim = self->neighbour != NULL;
  gboolean outline = n <= 3000;
  int n_colors = G_N_ELEMENTS (palette->kinds) + G_N_ELEMENTS (palette->communities);

  /* one fill per colour (and per dimmed/lit), drawn small to big so that hubs stay on top is
   * not needed: shapes are outlined in the background colour, which separates them */
  for (int pass = 0; pass < (dim ? 2 : 1); pass++)
    for (int c = 0; c < n_colors; c++)
      {
        const GdkRGBA *color = NULL;
        gboolean any = FALSE;

        if (which == NODES_OVERLAY && pass == 0)
          break;   /* all in the layer */

        for (guint i = 0; i < n; i++)
          {
            const GdkRGBA *nc;

            if (self->sx[i] < -self->sr[i] * 2 || self->sy[i] < -self->sr[i] * 2
                || self->sx[i] > width + self->sr[i] * 2 || self->sy[i] > height + self->sr[i] * 2)
              continue;
            if (dim && (!!self->neighbour[i]) != (pass == 1))
              continue;
            if (which == NODES_LAYER && self->sr[i] < RASTER_RADIUS)
              continue;   /* rasterized by hand */
            if (which == NODES_OVERLAY && !(dim && self->neighbour[i]))
              continue;   /* in the layer */
            nc = node_color (self, palette, i);
            /* batched by colour: the kinds' first, then the communities' */
            if (nc != (c < (int) G_N_ELEMENTS (palette->kinds) ? &palette->kinds[c]
                       : &palette->communities[c - G_N_ELEMENTS (palette->kinds)]))
              continue;
            color = nc;
            shape_path (cr, lt_graph_get_node (self->graph, i)->kind_index, self->sx[i], self->sy[i],
                        self->sr[i]);
            any = TRUE;
          }
        if (!any)
          continue;
        set_source (cr, color, dim && pass == 0 ? 0.25 : 1);
        if (outline)
          {
            cairo_fill_preserve (cr);
            cairo_set_line_width (cr, 1.5);
            cairo_set_dash (cr, NULL, 0, 0);
            set_source (cr, &palette->outline, dim && pass == 0 ? 0.5 : 1);
            cairo_stroke (cr);
          }
        else
          {
            cairo_fill (cr);
          }
      }

  if (which == NODES_LAYER)
    return;

  if (self->selected >= 0 && (guint) self->selected < n)
    {
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_set_line_width (cr, 3);
      set_source (cr, &palette->selection, 1);
      shape_path (cr, lt_graph_get_node (self->graph, self->selected)->kind_index,
                  self->sx[self->selected], self->sy[self->selected], self->sr[self->selected] + 4);
      cairo_stroke (cr);
    }

  if (self->focus >= 0 && (guint) self->focus < n)
    {
      static const double dash[] = { 3, 3 };

      cairo_set_dash (cr, dash, 2, 0);
      cairo_set_line_width (cr, 2);
      set_source (cr, &palette->text, 1);
      cairo_new_sub_path (cr);
      cairo_arc (cr, self->sx[self->focus], self->sy[self->focus], self->sr[self->focus] + 8, 0, 2 * G_PI);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
}

/* A big graph is tens of thousands of short, overlapping edges: cairo takes most of a second to
 * stroke them, so they are drawn here with Wu's antialiased lines into one premultiplied
 * buffer, with the small nodes as discs, and the buffer becomes one texture node. */
/* Premultiplied "over" of a straight colour (rb = 0x00RR00BB, g = 0x0000GG00) with an 8-bit
 * coverage already multiplied by the colour's alpha. */
static inline void
blend_over (guint32 *pixel,
            guint32  rb,
            guint32  g,
            guint32  a)
{
  guint32 d = *pixel;
  guint32 inv = 256 - a;
  guint32 out_rb = ((rb * a + (d & 0x00FF00FF) * inv) >> 8) & 0x00FF00FF;
  guint32 out_g = ((g * a + (d & 0x0000FF00) * inv) >> 8) & 0x0000FF00;
  guint32 out_a = a + (((d >> 24) * inv) >> 8);

  *pixel = (MIN (out_a, 255) << 24) | out_rb | out_g;
}

/* Wu's antialiased line in 16.16 fixed point, blended straight into the buffer. */
static void
wu_line (guint32 *buf,
         int      width,
         int      height,
         double   x0,
         double   y0,
         double   x1,
         double   y1,
         guint32  color)
{
  gboolean steep = fabs (y1 - y0) > fabs (x1 - x0);
  guint32 rb = color & 0x00FF00FF;
  guint32 g = color & 0x0000FF00;
  guint32 alpha = color >> 24;
  int major;
  int minor;
  double gradient;
  gint64 yfix;
  gint64 step;

  if (steep)
    {
      double t;

      t = x0; x0 = y0; y0 = t;
      t = x1; x1 = y1; y1 = t;
    }
  if (x0 > x1)
    {
      double t;

      t = x0; x0 = x1; x1 = t;
      t = y0; y0 = y1; y1 = t;
    }
  gradient = x1 - x0 > 1e-9 ? (y1 - y0) / (x1 - x0) : 0;
  major = steep ? height : width;
  minor = steep ? width : height;

  /* clip to the drawing along the major axis */
  if (x1 < 0 || x0 > major - 1)
    return;
  if (x0 < 0)
    {
      y0 += gradient * (0 - x0);
      x0 = 0;
    }
  if (x1 > major - 1)
    x1 = major - 1;

  /* and along the minor axis */
  if (gradient != 0)
    {
      double xa = x0 + (-1 - y0) / gradient;
      double xb = x0 + (minor - y0) / gradient;
      double lo = MIN (xa, xb);
      double hi = MAX (xa, xb);

      if (lo > x0)
        {
          y0 += gradient * (lo - x0);
          x0 = lo;
        }
      x1 = MIN (x1, hi);
      if (x0 > x1)
        return;
    }
  else if (y0 < -1 || y0 > minor)
    {
      return;
    }

  /* the line's height at each whole x, not at x0 plus whole steps: then a line comes out the
   * same wherever it was clipped, and a layer drawn with margins matches one drawn without */
  yfix = (gint64) floor ((y0 + gradient * (floor (x0) - x0)) * 65536.0);
  step = (gint64) (gradient * 65536.0);
  for (int x = (int) floor (x0); x <= (int) x1; x++, yfix += step)
    {
      int yi = (int) (yfix >> 16);
      guint32 f = (guint32) (yfix >> 8) & 0xFF;
      guint32 a0 = (alpha * (256 - f)) >> 8;
      guint32 a1 = (alpha * f) >> 8;

      if (steep)
        {
          guint32 *row = buf + (gsize) x * width;

          if (yi >= 0 && yi < minor && a0)
            blend_over (&row[yi], rb, g, a0);
          if (yi + 1 >= 0 && yi + 1 < minor && a1)
            blend_over (&row[yi + 1], rb, g, a1);
        }
      else
        {
          if (yi >= 0 && yi < minor && a0)
            blend_over (&buf[(gsize) yi * width + x], rb, g, a0);
          if (yi + 1 >= 0 && yi + 1 < minor && a1)
            blend_over (&buf[(gsize) (yi + 1) * width + x], rb, g, a1);
        }
    }
}

static guint32
pack_color (const GdkRGBA *c,
            double         alpha)
{
  guint32 a = CLAMP (c->alpha * alpha, 0, 1) * 255;

  return (a << 24) | ((guint32) (c->red * 255) << 16) | ((guint32) (c->green * 255) << 8)
         | (guint32) (c->blue * 255);
}

/* Rasterizes the edges and the small nodes of a layer, never dimmed: a hover dims the whole
 * layer from above. */
static void
rasterize_layer (LtGraphPainter       *self,
                 guint32              *buf,
                 const LtGraphPalette *palette,
                 int                   width,
                 int                   height)
{
  static const int family_order[] = {
    LT_EDGE_FAMILY_TOGETHER, LT_EDGE_FAMILY_STRUCTURE, LT_EDGE_FAMILY_COOPERATION, LT_EDGE_FAMILY_HOSTILITY,
  };

  /* family by family, so that repression is drawn over the rest */
  for (int k = 0; k < 4; k++)
    {
      guint32 color = pack_color (&palette->edges[family_order[k]], 0.85);

      for (guint e = 0; e < lt_graph_get_n_edges (self->graph); e++)
        {
          const LtGraphEdge *edge;
          double x0;
          double y0;
          double x1;
          double y1;

          if (self->edge_family[e] != family_order[k])
            continue;
          edge = lt_graph_get_edge (self->graph, e);
          x0 = self->sx[edge->source];
          y0 = self->sy[edge->source];
          x1 = self->sx[edge->target];
          y1 = self->sy[edge->target];
          if ((x0 < 0 && x1 < 0) || (y0 < 0 && y1 < 0)
              || (x0 > width && x1 > width) || (y0 > height && y1 > height))
            continue;
          wu_line (buf, width, height, x0, y0, x1, y1, color);
        }
    }

  for (guint i = 0; i < lt_graph_get_n_nodes (self->graph); i++)
    {
      double r = self->sr[i];
      guint32 color;
      int x0;
      int x1;
      int y0;
      int y1;

      if (r >= RASTER_RADIUS)
        continue;
      x0 = MAX (0, (int) floor (self->sx[i] - r - 1));
      x1 = MIN (width - 1, (int) ceil (self->sx[i] + r + 1));
      y0 = MAX (0, (int) floor (self->sy[i] - r - 1));
      y1 = MIN (height - 1, (int) ceil (self->sy[i] + r + 1));
      if (x0 > x1 || y0 > y1)
        continue;
      color = pack_color (node_color (self, palette, i), 1);
      for (int y = y0; y <= y1; y++)
        for (int x = x0; x <= x1; x++)
          {
            float dx = x + 0.5f - self->sx[i];
            float dy = y + 0.5f - self->sy[i];
            float coverage = CLAMP (r + 0.5f - sqrtf (dx * dx + dy * dy), 0, 1);

            if (coverage > 0)
              blend_over (&buf[y * width + x], color & 0x00FF00FF, color & 0x0000FF00,
                          (guint32) ((color >> 24) * coverage));
          }
    }
}

/* What a layer is drawn from, copied so that a thread can draw it while the painter goes on:
 * a painter of its own, with the positions on the layer for its view, @scale and @offset_x,
 * @offset_y, and the nodes' sizes scaled from the current frame's. */
static LtGraphPainter *
layer_painter_new (LtGraphPainter *self,
                   int             width,
                   int             height,
                   int             margin_x,
                   int             margin_y,
                   double          scale,
                   double          offset_x,
                   double          offset_y)
{
  LtGraphPainter *copy = lt_graph_painter_new ();
  guint n = lt_graph_get_n_nodes (self->graph);
  guint n_edges = lt_graph_get_n_edges (self->graph);
  double k = scale / self->scale;

  copy->graph = lt_graph_ref (self->graph);
  copy->dark = self->dark;
  copy->color_mode = self->color_mode;
  copy->size_mode = self->size_mode;
  copy->scale = scale;
  copy->offset_x = offset_x;
  copy->offset_y = offset_y;
  copy->fit_scale = self->fit_scale;
  copy->radius_cap = self->radius_cap;
  copy->raster = TRUE;
  copy->show_legend = FALSE;
  copy->show_background = FALSE;
  copy->layer_stamp = self->layer_stamp;
  copy->layer_generation = self->layer_generation;
  copy->layer_textures = self->layer_textures;
  copy->layer_width = width;
  copy->layer_height = height;
  copy->layer_margin_x = margin_x;
  copy->layer_margin_y = margin_y;
  copy->edge_family = g_memdup2 (self->edge_family, MAX (n_edges, 1));
  copy->sx = g_new (float, n);
  copy->sy = g_new (float, n);
  copy->sr = g_new (float, n);
  copy->colors = g_new (const GdkRGBA *, MAX (n, 1));
  copy->scratch_len = n;
  for (guint i = 0; i < n; i++)
    {
      float x;
      float y;

      get_xy (self, i, &x, &y);
      copy->sx[i] = x * scale + offset_x + margin_x;
      copy->sy[i] = y * scale + offset_y + margin_y;
      copy->sr[i] = MAX (self->sr[i] * k, 0.6);
      copy->colors[i] = node_color (self, lt_graph_palette_get (self->dark), i);
    }

  return copy;
}

static void nodes_pass (LtGraphPainter       *self,
                        cairo_t              *cr,
                        const LtGraphPalette *palette,
                        int                   width,
                        int                   height,
                        int                   which);

/* Where a layer drawn for another view lies in this one, shrunk to whole pixels: the part of
 * the screen it covers, outside which the overview shows */
static void
layer_inner_rect (LtGraphPainter  *self,
                  Layer           *layer,
                  graphene_rect_t *rect)
{
  double k = self->scale / layer->scale;
  double x0 = ceil ((-layer->margin_x - layer->offset_x) * k + self->offset_x);
  double y0 = ceil ((-layer->margin_y - layer->offset_y) * k + self->offset_y);
  double x1 = floor ((-layer->margin_x - layer->offset_x) * k + self->offset_x
                     + (layer->width + 2 * layer->margin_x) * k);
  double y1 = floor ((-layer->margin_y - layer->offset_y) * k + self->offset_y
                     + (layer->height + 2 * layer->margin_y) * k);

  graphene_rect_init (rect, x0, y0, MAX (x1 - x0, 0), MAX (y1 - y0, 0));
}

/* The layer's pixels as a texture, without a copy: the bytes keep the surface, which nothing
 * draws on any more, alive. */
static void
layer_make_texture (Layer *layer)
{
  g_autoptr(GBytes) bytes = NULL;
  int stride = cairo_image_surface_get_stride (layer->surface);
  int height = cairo_image_surface_get_height (layer->surface);

  cairo_surface_flush (layer->surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (layer->surface),
                                      (gsize) stride * height,
                                      (GDestroyNotify) cairo_surface_destroy,
                                      cairo_surface_reference (layer->surface));
  layer->texture = gdk_memory_texture_new (cairo_image_surface_get_width (layer->surface), height,
                                           GDK_MEMORY_B8G8R8A8_PREMULTIPLIED, bytes, stride);
}

/* Draws a layer from a layer painter; runs in a thread or, for the first frame and the export,
 * in the frame itself. */
static Layer *
render_layer (LtGraphPainter *copy)
{
  const LtGraphPalette *palette = lt_graph_palette_get (copy->dark);
  g_autoptr(Layer) layer = g_new0 (Layer, 1);
  int margin_x = copy->layer_margin_x;
  int margin_y = copy->layer_margin_y;
  int width = copy->layer_width + 2 * margin_x;
  int height = copy->layer_height + 2 * margin_y;
  cairo_t *cr;

  layer->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  if (cairo_surface_status (layer->surface) != CAIRO_STATUS_SUCCESS)
    return NULL;
  layer->margin_x = margin_x;
  layer->margin_y = margin_y;
  layer->width = copy->layer_width;
  layer->height = copy->layer_height;
  layer->scale = copy->scale;
  layer->offset_x = copy->offset_x;
  layer->offset_y = copy->offset_y;
  layer->stamp = copy->layer_stamp;
  layer->generation = copy->layer_generation;

  /* Wu's lines straight into the pixels, then cairo for the big node shapes */
  cairo_surface_flush (layer->surface);
  rasterize_layer (copy, (guint32 *) cairo_image_surface_get_data (layer->surface), palette, width, height);
  cairo_surface_mark_dirty (layer->surface);
  cr = cairo_create (layer->surface);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  nodes_pass (copy, cr, palette, width, height, NODES_LAYER);
  cairo_destroy (cr);
  cairo_surface_flush (layer->surface);
  if (copy->layer_textures)
    layer_make_texture (layer);

  return g_steal_pointer (&layer);
}

/* A thread's work: the layer for the view, and the whole graph when the overview is out of date */
typedef struct
{
  LtGraphPainter *detail;
  LtGraphPainter *overview;
  Layer          *detail_layer;
  Layer          *overview_layer;
} LayerJob;

static void
layer_job_free (LayerJob *job)
{
  g_clear_pointer (&job->detail, lt_graph_painter_free);
  g_clear_pointer (&job->overview, lt_graph_painter_free);
  g_clear_pointer (&job->detail_layer, layer_free);
  g_clear_pointer (&job->overview_layer, layer_free);
  g_free (job);
}

/* Runs on a thread of its own rather than in GIO's pool, because it lowers its own priority:
 * a redraw is worth less than the frames it stands behind, so on a busy machine the scheduler
 * should take its time from this thread, not from the UI's. */
static gpointer
render_layer_thread (gpointer data)
{
  g_autoptr(GTask) task = data;
  LayerJob *job = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

#ifdef __linux__
  setpriority (PRIO_PROCESS, syscall (SYS_gettid), 10);
#endif

  job->detail_layer = render_layer (job->detail);
  if (job->overview != NULL && !g_cancellable_is_cancelled (cancellable))
    job->overview_layer = render_layer (job->overview);
  g_task_return_boolean (task, job->detail_layer != NULL);

  return NULL;
}

static void
take_layer (LtGraphPainter  *self,
            Layer          **slot,
            Layer          **layer)
{
  if (*layer == NULL || (*layer)->generation != self->layer_generation)
    return;
  g_clear_pointer (slot, layer_free);
  *slot = g_steal_pointer (layer);
}

static void
render_layer_done (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  LayerJob *job = g_task_get_task_data (G_TASK (result));
  LtGraphPainter *self = user_data;

  /* cancelled means the painter is gone: do not touch it */
  if (!g_task_propagate_boolean (G_TASK (result), &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->layer_job);
  take_layer (self, &self->layer, &job->detail_layer);
  take_layer (self, &self->overview, &job->overview_layer);
  if (self->layer_ready_func != NULL)
    self->layer_ready_func (self->layer_ready_data);
}

/* Whether the layer shows the current frame exactly: the same size, positions, scale and offset. */
static gboolean
layer_is_current (LtGraphPainter *self,
                  int             width,
                  int             height)
{
  Layer *layer = self->layer;

  return layer->width == width && layer->height == height
         && layer->stamp == self->layer_stamp
         && layer->scale == self->scale
         && layer->offset_x == self->offset_x
         && layer->offset_y == self->offset_y;
}

/* Paints a layer drawn for another view where it is in this one: a point drawn at p is now at
 * (p - the layer's offset) × k + offset. */
static void
paint_layer_surface (LtGraphPainter *self,
                     cairo_t        *cr,
                     Layer          *layer)
{
  double k = self->scale / layer->scale;

  cairo_save (cr);
  cairo_translate (cr, self->offset_x - layer->offset_x * k, self->offset_y - layer->offset_y * k);
  cairo_scale (cr, k, k);
  cairo_set_source_surface (cr, layer->surface, -layer->margin_x, -layer->margin_y);
  /* cairo's default filter turns into a convolution when shrinking: 20 ms a frame */
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_BILINEAR);
  cairo_paint (cr);
  cairo_restore (cr);
}

/* A layer as a texture node where it was drawn for another view. The texture is made once per
 * layer, so a GPU renderer uploads it once and then only moves it. */
static void
append_layer_texture (LtGraphPainter        *self,
                      GtkSnapshot           *snapshot,
                      Layer                 *layer,
                      const graphene_rect_t *clip)
{
  double k = self->scale / layer->scale;
  int w = cairo_image_surface_get_width (layer->surface);
  int h = cairo_image_surface_get_height (layer->surface);

  if (clip->size.width <= 0 || clip->size.height <= 0)
    return;
  if (layer->texture == NULL)
    layer_make_texture (layer);

  gtk_snapshot_push_clip (snapshot, clip);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (self->offset_x - layer->offset_x * k,
                                                          self->offset_y - layer->offset_y * k));
  gtk_snapshot_scale (snapshot, k, k);
  gtk_snapshot_append_texture (snapshot, layer->texture,
                               &GRAPHENE_RECT_INIT (-layer->margin_x, -layer->margin_y, w, h));
  gtk_snapshot_restore (snapshot);
  gtk_snapshot_pop (snapshot);
}

static void
append_layer (LtGraphPainter *self,
              GtkSnapshot    *snapshot,
              int             width,
              int             height)
{
  Layer *layer = self->layer;
  cairo_t *cr;

  if (self->layer_textures)
    {
      graphene_rect_t all = GRAPHENE_RECT_INIT (0, 0, width, height);

      /* the overview in the four bands around the layer's rectangle, then the layer */
      if (self->overview != NULL && self->overview->generation == self->layer_generation)
        {
          graphene_rect_t inner;
          double x0;
          double y0;
          double x1;
          double y1;
          graphene_rect_t bands[4];

          layer_inner_rect (self, layer, &inner);
          x0 = CLAMP (inner.origin.x, 0, width);
          y0 = CLAMP (inner.origin.y, 0, height);
          x1 = CLAMP (inner.origin.x + inner.size.width, x0, width);
          y1 = CLAMP (inner.origin.y + inner.size.height, y0, height);
          bands[0] = GRAPHENE_RECT_INIT (0, 0, width, y0);
          bands[1] = GRAPHENE_RECT_INIT (0, y1, width, height - y1);
          bands[2] = GRAPHENE_RECT_INIT (0, y0, x0, y1 - y0);
          bands[3] = GRAPHENE_RECT_INIT (x1, y0, width - x1, y1 - y0);

          for (guint b = 0; b < G_N_ELEMENTS (bands); b++)
            append_layer_texture (self, snapshot, self->overview, &bands[b]);
        }
      append_layer_texture (self, snapshot, layer, &all);
      return;
    }

  /* A cairo node, not a texture: GTK 4.8's cairo renderer converts a whole texture on every
   * frame (15 ms at this size) where painting a surface costs about one. */
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* Where a fast zoom out or pan has gone past what the layer covers, the overview of the
   * whole graph stands in until the thread has drawn the new view. */
  if (self->overview != NULL && self->overview->generation == self->layer_generation)
    {
      graphene_rect_t inner;

      /* whole pixels and no antialiasing make the clip a region, not a mask: a masked blit
       * costs twice as much, and the layer covers the pixel it would have shared anyway */
      layer_inner_rect (self, layer, &inner);
      cairo_save (cr);
      cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_rectangle (cr, inner.origin.x, inner.origin.y, inner.size.width, inner.size.height);
      cairo_clip (cr);
      cairo_set_antialias (cr, CAIRO_ANTIALIAS_DEFAULT);
      paint_layer_surface (self, cr, self->overview);
      cairo_restore (cr);
    }

  paint_layer_surface (self, cr, layer);
  cairo_destroy (cr);
}

static void
paint_layer (LtGraphPainter *self,
             GtkSnapshot    *snapshot,
             int             width,
             int             height)
{
  gboolean threaded = self->layer_ready_func != NULL;
  /* while the window is resized, the last layer still shows where it was drawn */
  gboolean usable = self->layer != NULL
                    && self->layer->generation == self->layer_generation
                    && (threaded || (self->layer->width == width && self->layer->height == height));

  /* The first frame, a new look, and every frame of the export draw the layer now */
  if (!usable || (!threaded && !layer_is_current (self, width, height)))
    {
      g_autoptr(LtGraphPainter) copy = layer_painter_new (self, width, height, 0, 0, self->scale,
                                                          self->offset_x, self->offset_y);

      g_clear_pointer (&self->layer, layer_free);
      self->layer = render_layer (copy);
      if (self->layer == NULL)
        return;
    }

  append_layer (self, snapshot, width, height);

  /* Anything else a thread redraws, one at a time, with margins so that a pan is covered */
  if (threaded && self->layer_job == NULL && !layer_is_current (self, width, height))
    {
      g_autoptr(GTask) task = NULL;
      LayerJob *job = g_new0 (LayerJob, 1);

      job->detail = layer_painter_new (self, width, height, width / 4, height / 4, self->scale,
                                       self->offset_x, self->offset_y);
      if (self->overview == NULL || self->overview->generation != self->layer_generation
          || self->overview->stamp != self->layer_stamp
          || self->overview->width != width || self->overview->height != height)
        {
          graphene_rect_t bounds;
          double scale;

          lt_graph_painter_get_bounds (self, &bounds);
          scale = 0.9 * MIN (width / MAX (bounds.size.width, 1e-3), height / MAX (bounds.size.height, 1e-3));
          job->overview = layer_painter_new (self, width, height, 0, 0, scale,
                                             width / 2.0 - (bounds.origin.x + bounds.size.width / 2) * scale,
                                             height / 2.0 - (bounds.origin.y + bounds.size.height / 2) * scale);
        }

      self->layer_job = g_cancellable_new ();
      task = g_task_new (NULL, self->layer_job, render_layer_done, self);
      g_task_set_source_tag (task, paint_layer);
      g_task_set_task_data (task, job, (GDestroyNotify) layer_job_free);
      g_thread_unref (g_thread_new ("lt-graph-layer", render_layer_thread, g_steal_pointer (&task)));
    }
}

/* The labels' layout, and the per-node caches that depend on its font: sizes and text nodes */
static PangoLayout *
label_layout_new (LtGraphPainter *self,
                  PangoContext   *context)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_copy (pango_context_get_font_description (context));
  int size = pango_font_description_get_size (font);
  guint n = lt_graph_get_n_nodes (self->graph);

  if (size <= 0)
    size = 10 * PANGO_SCALE;
  pango_font_description_set_size (font, MAX (size * 0.85, 7 * PANGO_SCALE));
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, LABEL_WIDTH * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);

  /* measuring a label costs more than placing it: keep the sizes */
  if (self->label_w == NULL || self->label_font_hash != pango_font_description_hash (font))
    {
      g_free (self->label_w);
      g_free (self->label_h);
      self->label_w = g_new (float, MAX (n, 1));
      self->label_h = g_new (float, MAX (n, 1));
      for (guint i = 0; i < n; i++)
        self->label_w[i] = -1;
      clear_label_nodes (self);
      self->label_nodes = g_new0 (GskRenderNode *, MAX (n, 1));
      self->n_label_nodes = n;
      self->label_font_hash = pango_font_description_hash (font);
    }
  pango_font_description_free (font);

  return layout;
}

static void
measure_label (LtGraphPainter *self,
               PangoLayout    *layout,
               guint           i)
{
  const LtGraphNode *node = lt_graph_get_node (self->graph, i);
  PangoRectangle logical;

  if (self->label_w[i] >= 0)
    return;
  pango_layout_set_text (layout, node->name != NULL ? node->name : "", -1);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  self->label_w[i] = logical.width;
  self->label_h[i] = logical.height;
}

static void
paint_labels (LtGraphPainter       *self,
              GtkSnapshot          *snapshot,
              PangoContext         *context,
              const LtGraphPalette *palette,
              int                   width,
              int                   height)
{
  g_autoptr(PangoLayout) layout = label_layout_new (self, context);
  Occupancy *occ = &self->occ;                /* nodes, labels and the legend */
  Occupancy *labels_occ = &self->labels_occ;  /* labels and the legend only */
  guint n = lt_graph_get_n_nodes (self->graph);
  g_autofree guint *candidates = g_new (guint, n + 3);
  g_autofree guint8 *seen = g_new0 (guint8, n);
  guint n_candidates = 0;
  guint placed = 0;
  guint tried = 0;
  /* about one label per 3,000 px² at most: more is unreadable anyway */
  guint max_labels = CLAMP ((guint) ((double) width * height / 3000), 20, MAX_LABELS);

  occupancy_reset (occ, width, height);
  occupancy_reset (labels_occ, width, height);

  /* Nodes are obstacles for labels: the important ones at least */
  for (guint k = 0; k < MIN (n, 2000); k++)
    {
      guint i = self->order[k];
      graphene_rect_t r = GRAPHENE_RECT_INIT (self->sx[i] - self->sr[i], self->sy[i] - self->sr[i],
                                              2 * self->sr[i], 2 * self->sr[i]);

      occupancy_add (occ, &r);
    }

  /* labels stay off the legend */
  if (self->show_legend)
    {
      int legend_w;
      int legend_h;
      graphene_rect_t box;

      legend_size (self, &legend_w, &legend_h);
      graphene_rect_init (&box, 12, height - 12 - legend_h, legend_w, legend_h);
      occupancy_add (occ, &box);
      occupancy_add (labels_occ, &box);
    }

  if (self->selected >= 0)
    candidates[n_candidates++] = self->selected;
  if (self->hover >= 0)
    candidates[n_candidates++] = self->hover;
  if (self->focus >= 0)
    candidates[n_candidates++] = self->focus;
  for (guint k = 0; k < n; k++)
    {
      guint i = self->order[k];

      if (self->neighbour != NULL && self->neighbour[i])
        candidates[n_candidates++] = i;
    }
  for (guint k = 0; k < n && n_candidates < n + 3; k++)
    {
      guint i = self->order[k];

      if (self->neighbour == NULL || !self->neighbour[i])
        candidates[n_candidates++] = i;
    }

  for (guint k = 0; k < n_candidates && placed < max_labels && tried < 4 * max_labels; k++)
    {
      guint i = candidates[k];
      const LtGraphNode *node = lt_graph_get_node (self->graph, i);
      /* the few busiest actors keep their names even in a crowd: the halo keeps them legible */
      gboolean forced = (int) i == self->selected || (int) i == self->hover || (int) i == self->focus
                        || (self->neighbour == NULL && n <= 2000 && k < 6);
      graphene_rect_t rect;
      gboolean ok = FALSE;
      double lw;
      double lh;

      if (seen[i])
        continue;   /* the selected, hovered and focused nodes come first and again in order */
      seen[i] = TRUE;
      if (self->sx[i] < -LABEL_WIDTH || self->sy[i] < -20 || self->sx[i] > width + 10 || self->sy[i] > height + 20)
        continue;
      if (self->neighbour != NULL && !self->neighbour[i] && !forced)
        continue;

      tried++;
      measure_label (self, layout, i);
      lw = self->label_w[i];
      lh = self->label_h[i];

      /* right of the node, then left, then below, then above */
      for (int side = 0; side < 4 && !ok; side++)
        {
          double x;
          double y;

          switch (side)
            {
            case 0:
              x = self->sx[i] + self->sr[i] + 3;
              y = self->sy[i] - lh / 2;
              break;
            case 1:
              x = self->sx[i] - self->sr[i] - 3 - lw;
              y = self->sy[i] - lh / 2;
              break;
            case 2:
              x = self->sx[i] - lw / 2;
              y = self->sy[i] + self->sr[i] + 2;
              break;
            case 3:
            default:
              x = self->sx[i] - lw / 2;
              y = self->sy[i] - self->sr[i] - 2 - lh;
              break;
            }
          graphene_rect_init (&rect, x - 2, y, lw + 4, lh);
          if (rect.origin.x < 2 || rect.origin.y < 2 || rect.origin.x + rect.size.width > width - 2
              || rect.origin.y + rect.size.height > height - 2)
            continue;
          /* the node's own shape is in the way of every side: test without it */
          {
            graphene_rect_t own = GRAPHENE_RECT_INIT (self->sx[i] - self->sr[i], self->sy[i] - self->sr[i],
                                                      2 * self->sr[i], 2 * self->sr[i]);
            graphene_rect_t shrunk;

            if (graphene_rect_intersection (&rect, &own, &shrunk)
                && shrunk.size.width * shrunk.size.height > 4)
              continue;
          }
          /* a forced label may cover nodes, never another label */
          ok = occupancy_test (occ, &rect) || (forced && occupancy_test (labels_occ, &rect));
        }
      if (!ok)
        continue;

      occupancy_add (occ, &rect);
      occupancy_add (labels_occ, &rect);
      placed++;

      gtk_snapshot_append_color (snapshot, &palette->halo, &rect);
      if (self->label_nodes[i] == NULL)
        {
          GtkSnapshot *text = gtk_snapshot_new ();

          pango_layout_set_text (layout, node->name != NULL ? node->name : "", -1);
          gtk_snapshot_append_layout (text, layout, &palette->text);
          self->label_nodes[i] = gtk_snapshot_free_to_node (text);
        }
      if (self->label_nodes[i] != NULL)
        {
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (rect.origin.x + 2, rect.origin.y));
          gtk_snapshot_append_node (snapshot, self->label_nodes[i]);
          gtk_snapshot_restore (snapshot);
        }
    }
}

typedef struct
{
  int          kind;     /* >= 0: a node kind; < 0: -(family + 1) */
  const char  *label;
} LegendRow;

static guint
legend_rows (LtGraphPainter *self,
             LegendRow      *rows)
{
  const char * const *kinds = lt_graph_node_kind_list_keys ();
  gboolean kind_present[8] = { FALSE };
  gboolean family_present[4] = { FALSE };
  guint n_rows = 0;
  static const char *family_labels[] = {
    N_("Membership and command"),
    N_("Cooperation"),
    N_("Repression"),
    N_("Together in an event"),
  };

  if (self->graph == NULL)
    return 0;

  for (guint i = 0; i < lt_graph_get_n_nodes (self->graph); i++)
    {
      int k = lt_graph_get_node (self->graph, i)->kind_index;

      if (k >= 0 && k < 8)
        kind_present[k] = TRUE;
    }
  for (guint e = 0; e < lt_graph_get_n_edges (self->graph); e++)
    family_present[self->edge_family[e]] = TRUE;

  for (int k = 0; kinds[k] != NULL; k++)
    if (kind_present[k])
      {
        rows[n_rows].kind = k;
        rows[n_rows++].label = lt_graph_node_kind_get_label (kinds[k]);
      }
  for (int f = 0; f < 4; f++)
    if (family_present[f])
      {
        rows[n_rows].kind = -(f + 1);
        rows[n_rows++].label = _(family_labels[f]);
      }
  if (self->color_mode == LT_NODE_COLOR_COMMUNITY)
    {
      rows[n_rows].kind = COMMUNITY_ROW;
      rows[n_rows++].label = _("Colour: community (Louvain)");
    }

  return n_rows;
}

static PangoLayout *
legend_layout (PangoContext *context)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_copy (pango_context_get_font_description (context));
  int size = pango_font_description_get_size (font);

  if (size <= 0)
    size = 10 * PANGO_SCALE;
  pango_font_description_set_size (font, MAX (size * 0.85, 7 * PANGO_SCALE));
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  return layout;
}

#define LEGEND_ROW    18
#define LEGEND_SWATCH 30
#define LEGEND_PAD    8

static void
legend_size (LtGraphPainter *self,
             int            *width,
             int            *height)
{
  LegendRow rows[16];
  guint n_rows = legend_rows (self, rows);
  PangoContext *context;
  g_autoptr(PangoLayout) layout = NULL;
  int max_w = 0;

  *width = *height = 0;
  if (n_rows == 0)
    return;

  /* A measuring context: the real one only changes the font a little */
  context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  layout = legend_layout (context);
  for (guint r = 0; r < n_rows; r++)
    {
      int w;

      pango_layout_set_text (layout, rows[r].label, -1);
      pango_layout_get_pixel_size (layout, &w, NULL);
      max_w = MAX (max_w, w);
    }
  g_object_unref (context);

  *width = LEGEND_PAD * 3 + LEGEND_SWATCH + max_w + 12;
  *height = LEGEND_PAD * 2 + n_rows * LEGEND_ROW + 12;
}

static void
paint_legend (LtGraphPainter       *self,
              GtkSnapshot          *snapshot,
              PangoContext         *context,
              const LtGraphPalette *palette,
              int                   width,
              int                   height)
{
  LegendRow rows[16];
  guint n_rows = legend_rows (self, rows);
  g_autoptr(PangoLayout) layout = NULL;
  graphene_rect_t box;
  GskRoundedRect rounded;
  cairo_t *cr;
  int max_w = 0;
  int box_w;
  int box_h;

  if (n_rows == 0)
    return;

  layout = legend_layout (context);
  for (guint r = 0; r < n_rows; r++)
    {
      int w;

      pango_layout_set_text (layout, rows[r].label, -1);
      pango_layout_get_pixel_size (layout, &w, NULL);
      max_w = MAX (max_w, w);
    }
  box_w = LEGEND_PAD * 3 + LEGEND_SWATCH + max_w;
  box_h = LEGEND_PAD * 2 + n_rows * LEGEND_ROW;
  graphene_rect_init (&box, 12, height - 12 - box_h, box_w, box_h);

  gsk_rounded_rect_init_from_rect (&rounded, &box, 6);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, &palette->legend_background, &box);
  gtk_snapshot_pop (snapshot);

  cr = gtk_snapshot_append_cairo (snapshot, &box);
  for (guint r = 0; r < n_rows; r++)
    {
      double cx = box.origin.x + LEGEND_PAD + LEGEND_SWATCH / 2.0;
      double cy = box.origin.y + LEGEND_PAD + r * LEGEND_ROW + LEGEND_ROW / 2.0;

      if (rows[r].kind >= 0)
        {
          const GdkRGBA *color = self->color_mode == LT_NODE_COLOR_COMMUNITY
                                   ? &palette->kinds[7] : &palette->kinds[rows[r].kind];

          shape_path (cr, rows[r].kind, cx, cy, 5.5);
          set_source (cr, color, 1);
          cairo_fill (cr);
        }
      else if (rows[r].kind == COMMUNITY_ROW)
        {
          for (int c = 0; c < 4; c++)
            {
              cairo_new_sub_path (cr);
              cairo_arc (cr, cx - 10.5 + c * 7, cy, 3.5, 0, 2 * G_PI);
              set_source (cr, &palette->communities[c], 1);
              cairo_fill (cr);
            }
        }
      else
        {
          int family = -rows[r].kind - 1;
          double x0 = cx - LEGEND_SWATCH / 2.0;
          double x1 = cx + LEGEND_SWATCH / 2.0;

          set_edge_style (cr, family, 2);
          set_source (cr, &palette->edges[family], 1.3);
          cairo_move_to (cr, x0, cy);
          cairo_line_to (cr, family == LT_EDGE_FAMILY_TOGETHER ? x1 : x1 - 6, cy);
          cairo_stroke (cr);
          if (family != LT_EDGE_FAMILY_TOGETHER)
            {
              cairo_move_to (cr, x1, cy);
              cairo_line_to (cr, x1 - 8, cy - 4);
              cairo_line_to (cr, x1 - 8, cy + 4);
              cairo_close_path (cr);
              cairo_fill (cr);
            }
        }
    }
  cairo_destroy (cr);

  for (guint r = 0; r < n_rows; r++)
    {
      int h;

      pango_layout_set_text (layout, rows[r].label, -1);
      pango_layout_get_pixel_size (layout, NULL, &h);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot,
                              &GRAPHENE_POINT_INIT (box.origin.x + LEGEND_PAD * 2 + LEGEND_SWATCH,
                                                    box.origin.y + LEGEND_PAD + r * LEGEND_ROW
                                                    + (LEGEND_ROW - h) / 2.0));
      gtk_snapshot_append_layout (snapshot, layout, &palette->text);
      gtk_snapshot_restore (snapshot);
    }
}

/**
 * lt_graph_painter_spread_labels:
 * @self: a painter
 * @context: the Pango context the labels will be drawn with
 * @width: width of the drawing
 * @height: height of the drawing
 *
 * The force layout places nodes as points, so a group that is tied tightly together (everyone
 * searched on one day, say) comes out as a knot whose labels cover each other at any zoom. For
 * a graph small enough to show all its labels, this moves the nodes apart until each node with
 * its label, as [method@GraphPainter.fit] would show them in a drawing of this size, is clear
 * of the others; pinned nodes stay put. It takes a few rounds, since spreading changes the fit.
 *
 * Returns: (transfer full) (nullable): the new positions, 2 × n floats, or %NULL when the
 *   graph is too big for all its labels or nothing had to move
 */
float *
lt_graph_painter_spread_labels (LtGraphPainter *self,
                                PangoContext   *context,
                                int             width,
                                int             height)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree float *xy = NULL;
  g_autofree float *start = NULL;
  g_autofree float *boxes = NULL;
  g_autofree gboolean *pinned = NULL;
  const float *saved_xy;
  double saved_scale;
  double saved_x;
  double saved_y;
  double saved_fit;
  gboolean moved;
  guint n;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);

  n = self->graph != NULL ? lt_graph_get_n_nodes (self->graph) : 0;
  if (n < 2 || n > SPREAD_MAX_NODES || width <= 0 || height <= 0)
    return NULL;

  layout = label_layout_new (self, context);
  xy = g_new (float, 2 * n);
  boxes = g_new (float, 4 * n);
  pinned = g_new (gboolean, n);
  for (guint i = 0; i < n; i++)
    {
      get_xy (self, i, &xy[2 * i], &xy[2 * i + 1]);
      pinned[i] = lt_graph_get_node (self->graph, i)->pinned;
      measure_label (self, layout, i);
    }

  start = g_memdup2 (xy, 2 * n * sizeof (float));

  /* the painter's own view and positions serve for fitting, and are put back after */
  saved_xy = self->xy;
  saved_scale = self->scale;
  saved_x = self->offset_x;
  saved_y = self->offset_y;
  saved_fit = self->fit_scale;
  self->xy = xy;

  /* A few rounds, since spreading shrinks the fit a little; and only while the labels would take
   * at most 40 % of the drawing: a crowd is better served by showing the important
   * labels (the painter does) than by stretching the graph until they all fit. */
  for (int round = 0; round < 8; round++)
    {
      graphene_rect_t bounds;
      double scale;
      double area = 0;

      lt_graph_painter_fit (self, width, height);
      scale = self->scale;
      for (guint i = 0; i < n; i++)
        {
          /* the node, with its label at its right as the painter prefers, and a gap around */
          double r = node_radius (self, i);
          double half_h = MAX (r, self->label_h[i] / 2) + 3;

          boxes[4 * i] = -(r + 4) / scale;
          boxes[4 * i + 1] = -half_h / scale;
          boxes[4 * i + 2] = (r + 3 + self->label_w[i] + 8) / scale;
          boxes[4 * i + 3] = half_h / scale;
          area += (boxes[4 * i + 2] - boxes[4 * i]) * (boxes[4 * i + 3] - boxes[4 * i + 1]) * scale * scale;
        }
      lt_graph_painter_get_bounds (self, &bounds);
      if (area > 0.4 * width * height)
        break;
      if (!lt_layout_has_overlap (xy, n, boxes))
        break;
      lt_layout_remove_overlaps (xy, n, boxes, pinned, 500);
    }
  moved = memcmp (start, xy, 2 * n * sizeof (float)) != 0;

  self->xy = saved_xy;
  self->scale = saved_scale;
  self->offset_x = saved_x;
  self->offset_y = saved_y;
  self->fit_scale = saved_fit;

  return moved ? g_steal_pointer (&xy) : NULL;
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

  palette = lt_graph_palette_get (self->dark);
  if (self->show_background)
    gtk_snapshot_append_color (snapshot, &palette->background, &GRAPHENE_RECT_INIT (0, 0, width, height));

  n = self->graph != NULL ? lt_graph_get_n_nodes (self->graph) : 0;
  if (n == 0)
    return;

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

      get_xy (self, i, &x, &y);
      self->sx[i] = x * self->scale + self->offset_x;
      self->sy[i] = y * self->scale + self->offset_y;
      self->sr[i] = node_radius (self, i);
    }

  self->raster = lt_graph_get_n_edges (self->graph) >= RASTER_EDGES;
  if (self->raster)
    {
      paint_layer (self, snapshot, width, height);
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
  paint_edges (self, cr, palette, width, height);
  nodes_pass (self, cr, palette, width, height, self->raster ? NODES_OVERLAY : NODES_ALL);
  cairo_destroy (cr);

  paint_labels (self, snapshot, context, palette, width, height);

  if (self->show_legend)
    paint_legend (self, snapshot, context, palette, width, height);
}
