/* lt-graph-painter-private.h: the painter's state, shared by the files that draw one part of
 * the graph (palette, shapes, raster, layer thread, labels, legend)
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <math.h>

#include "lt-graph-painter.h"

G_BEGIN_DECLS

#define LT_GRAPH_RASTER_RADIUS 6.0   /* smaller node shapes are rasterized by hand */

/* which nodes a pass draws */
enum
{
  LT_GRAPH_NODES_ALL,       /* a small graph: all of them, dimmed under a hover */
  LT_GRAPH_NODES_LAYER,     /* into a big graph's raster layer: the shapes too big to
                             * rasterize by hand */
  LT_GRAPH_NODES_OVERLAY,   /* over the layer: the hovered neighbourhood, the selection and
                             * the focus */
};

/* Rectangles taken on the drawing, in a grid of cells covering it (with one cell around); what
 * lies further out cannot hide a label. The cells' arrays are kept between frames, so placing
 * labels allocates nothing. */
typedef struct
{
  int      cols;
  int      rows;
  GArray **cells;
} LtGraphOccupancy;

/* A label placed whole, on paper (see lt_graph_painter_set_whole_labels()): the box it takes
 * with its halo, and whether it holds the name (wrapped at @wrap, or on one line when -1) or
 * the node's number in the key */
typedef struct
{
  guint           node;
  graphene_rect_t box;
  int             wrap;
  guint           number;   /* 0: the name is shown */
} LtGraphWholeLabel;

/* A big graph's edges and small node shapes, drawn into pixels for one view (lt-graph-layer.c) */
typedef struct _LtGraphLayer LtGraphLayer;

struct _LtGraphPainter
{
  LtGraph         *graph;
  const float     *xy;
  gboolean         dark;
  gboolean         grayscale;     /* an export for black-and-white print */
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
  LtGraphLayer    *layer;
  LtGraphLayer    *overview;          /* the whole graph, for what a fast move uncovers */
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
  LtGraphOccupancy occ;
  LtGraphOccupancy labels_occ;
  guint            label_font_hash;

  /* On paper nothing reveals a name that is cut: each is shown whole, or numbered in a key */
  gboolean         whole_labels;
  GArray          *whole;        /* of LtGraphWholeLabel, placed at the last fit */
  GArray          *key;          /* node indices, the key's entries by number - 1 */
  int              key_width;      /* the key's box in the drawing */
  int              key_height;
  double           key_x;
  double           key_y;
  gboolean         key_in_drawing; /* else on pages of its own, or none */
  gboolean         key_reserved;   /* the fit keeps room for it, beside the legend */
  gboolean         key_elsewhere;  /* it may go on pages of its own */
};

/* Inline: these run once per node in every pass of every frame. */

static inline void
_lt_graph_set_source (cairo_t       *cr,
                      const GdkRGBA *color,
                      double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static inline void
_lt_graph_painter_get_xy (LtGraphPainter *self,
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

static inline double
_lt_graph_painter_zoom_factor (LtGraphPainter *self)
{
  double fit = self->fit_scale > 0 ? self->fit_scale : self->scale;

  return CLAMP (sqrt (self->scale / fit), 0.75, 2.5);
}

static inline const GdkRGBA *
_lt_graph_painter_node_color (LtGraphPainter       *self,
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

/* lt-graph-painter.c */
double _lt_graph_painter_node_radius        (LtGraphPainter       *self,
                                             guint                 i);
void   _lt_graph_painter_update_screen      (LtGraphPainter       *self);

/* lt-graph-palette.c */
const LtGraphPalette *_lt_graph_painter_palette (LtGraphPainter *self);
void   _lt_graph_shape_path                 (cairo_t              *cr,
                                             int                   kind,
                                             double                x,
                                             double                y,
                                             double                r);
void   _lt_graph_set_edge_style             (cairo_t              *cr,
                                             int                   family,
                                             double                width);

/* lt-graph-shapes.c */
void   _lt_graph_painter_paint_edges        (LtGraphPainter       *self,
                                             cairo_t              *cr,
                                             const LtGraphPalette *palette,
                                             int                   width,
                                             int                   height);
void   _lt_graph_painter_paint_nodes        (LtGraphPainter       *self,
                                             cairo_t              *cr,
                                             const LtGraphPalette *palette,
                                             int                   width,
                                             int                   height,
                                             int                   which);

/* lt-graph-raster.c */
void   _lt_graph_painter_rasterize          (LtGraphPainter       *self,
                                             guint32              *buf,
                                             const LtGraphPalette *palette,
                                             int                   width,
                                             int                   height);

/* lt-graph-layer.c */
void   _lt_graph_painter_drop_layer         (LtGraphPainter       *self);
void   _lt_graph_painter_clear_layer        (LtGraphPainter       *self);
void   _lt_graph_painter_paint_layer        (LtGraphPainter       *self,
                                             GtkSnapshot          *snapshot,
                                             int                   width,
                                             int                   height);

/* lt-graph-labels.c */
void   _lt_graph_occupancy_clear            (LtGraphOccupancy     *occ);
void   _lt_graph_painter_clear_label_nodes  (LtGraphPainter       *self);
void   _lt_graph_painter_paint_labels       (LtGraphPainter       *self,
                                             GtkSnapshot          *snapshot,
                                             PangoContext         *context,
                                             const LtGraphPalette *palette,
                                             int                   width,
                                             int                   height);
void   _lt_graph_painter_place_whole_labels (LtGraphPainter       *self,
                                             PangoContext         *context,
                                             int                   width,
                                             int                   height);
gboolean _lt_graph_painter_find_key_place   (LtGraphPainter       *self,
                                             int                   width,
                                             int                   height,
                                             int                   key_width,
                                             int                   key_height);
PangoLayout *_lt_graph_label_layout_new     (PangoContext         *context);

/* lt-graph-legend.c */
void   _lt_graph_painter_legend_size        (LtGraphPainter       *self,
                                             int                  *width,
                                             int                  *height);
void   _lt_graph_painter_paint_legend       (LtGraphPainter       *self,
                                             GtkSnapshot          *snapshot,
                                             PangoContext         *context,
                                             const LtGraphPalette *palette,
                                             int                   width,
                                             int                   height);
void   _lt_graph_painter_key_rect           (LtGraphPainter       *self,
                                             int                   width,
                                             int                   height,
                                             graphene_rect_t      *rect);
void   _lt_graph_painter_key_size           (LtGraphPainter       *self,
                                             PangoContext         *context,
                                             int                   width,
                                             int                   height,
                                             int                  *key_width,
                                             int                  *key_height);
void   _lt_graph_painter_paint_key          (LtGraphPainter       *self,
                                             GtkSnapshot          *snapshot,
                                             PangoContext         *context,
                                             const LtGraphPalette *palette,
                                             int                   width,
                                             int                   height);

G_END_DECLS
