/* lt-graph-painter.h: LtGraphPainter, the one drawing path of the organization graph,
 * for the widget and the export alike
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "lt-graph-model.h"

G_BEGIN_DECLS

typedef enum
{
  LT_NODE_SIZE_EVENTS,
  LT_NODE_SIZE_DEGREE,
  LT_NODE_SIZE_BETWEENNESS,
} LtNodeSizeMode;

typedef enum
{
  LT_NODE_COLOR_KIND,
  LT_NODE_COLOR_COMMUNITY,
} LtNodeColorMode;

typedef struct
{
  GdkRGBA background;
  GdkRGBA text;
  GdkRGBA halo;
  GdkRGBA outline;
  GdkRGBA selection;
  GdkRGBA legend_background;
  GdkRGBA edges[4];      /* by LtEdgeFamily */
  GdkRGBA kinds[8];      /* by node kind index; the last one for unknown kinds */
  GdkRGBA communities[10];
} LtGraphPalette;

typedef struct _LtGraphPainter LtGraphPainter;

typedef void (*LtGraphPainterReadyFunc) (gpointer user_data);

const LtGraphPalette *lt_graph_palette_get               (gboolean               dark);
const LtGraphPalette *lt_graph_palette_get_grayscale     (void);

LtGraphPainter       *lt_graph_painter_new               (void);
void                  lt_graph_painter_free              (LtGraphPainter       *self);
void                  lt_graph_painter_set_graph         (LtGraphPainter       *self,
                                                          LtGraph              *graph);
LtGraph              *lt_graph_painter_get_graph         (LtGraphPainter       *self);
void                  lt_graph_painter_set_positions     (LtGraphPainter       *self,
                                                          const float          *xy);
void                  lt_graph_painter_set_ready_func    (LtGraphPainter       *self,
                                                          LtGraphPainterReadyFunc func,
                                                          gpointer              user_data);
void                  lt_graph_painter_invalidate        (LtGraphPainter       *self);
void                  lt_graph_painter_metrics_changed   (LtGraphPainter       *self);
void                  lt_graph_painter_set_layer_textures (LtGraphPainter      *self,
                                                          gboolean              textures);
void                  lt_graph_painter_set_dark          (LtGraphPainter       *self,
                                                          gboolean              dark);
void                  lt_graph_painter_set_grayscale     (LtGraphPainter       *self,
                                                          gboolean              grayscale);
void                  lt_graph_painter_set_size_mode     (LtGraphPainter       *self,
                                                          LtNodeSizeMode        mode);
void                  lt_graph_painter_set_color_mode    (LtGraphPainter       *self,
                                                          LtNodeColorMode       mode);
void                  lt_graph_painter_set_show_legend   (LtGraphPainter       *self,
                                                          gboolean              show_legend);
void                  lt_graph_painter_set_show_background (LtGraphPainter     *self,
                                                          gboolean              show_background);
void                  lt_graph_painter_set_whole_labels  (LtGraphPainter       *self,
                                                          gboolean              whole_labels);
void                  lt_graph_painter_set_key_elsewhere (LtGraphPainter       *self,
                                                          gboolean              elsewhere);
void                  lt_graph_painter_get_key_size      (LtGraphPainter       *self,
                                                          int                  *width,
                                                          int                  *height);
guint                 lt_graph_painter_paint_key_page    (LtGraphPainter       *self,
                                                          GtkSnapshot          *snapshot,
                                                          PangoContext         *context,
                                                          int                   width,
                                                          int                   height,
                                                          guint                 first);
guint                 lt_graph_painter_get_n_key_entries (LtGraphPainter       *self);
guint                 lt_graph_painter_get_key_entry     (LtGraphPainter       *self,
                                                          guint                 number);
void                  lt_graph_painter_set_hover         (LtGraphPainter       *self,
                                                          int                   node);
void                  lt_graph_painter_set_selected      (LtGraphPainter       *self,
                                                          int                   node);
void                  lt_graph_painter_set_focus_ring    (LtGraphPainter       *self,
                                                          int                   node);
void                  lt_graph_painter_set_view          (LtGraphPainter       *self,
                                                          double                scale,
                                                          double                offset_x,
                                                          double                offset_y);
void                  lt_graph_painter_get_view          (LtGraphPainter       *self,
                                                          double               *scale,
                                                          double               *offset_x,
                                                          double               *offset_y);
gboolean              lt_graph_painter_get_bounds        (LtGraphPainter       *self,
                                                          graphene_rect_t      *bounds);
void                  lt_graph_painter_fit               (LtGraphPainter       *self,
                                                          int                   width,
                                                          int                   height);
void                  lt_graph_painter_fit_labels        (LtGraphPainter       *self,
                                                          PangoContext         *context,
                                                          int                   width,
                                                          int                   height);
double                lt_graph_painter_get_fit_scale     (LtGraphPainter       *self);
float                *lt_graph_painter_spread_labels     (LtGraphPainter       *self,
                                                          PangoContext         *context,
                                                          int                   width,
                                                          int                   height);
void                  lt_graph_painter_paint             (LtGraphPainter       *self,
                                                          GtkSnapshot          *snapshot,
                                                          PangoContext         *context,
                                                          int                   width,
                                                          int                   height);
int                   lt_graph_painter_hit_test          (LtGraphPainter       *self,
                                                          double                x,
                                                          double                y);
void                  lt_graph_painter_node_to_screen    (LtGraphPainter       *self,
                                                          guint                 node,
                                                          double               *x,
                                                          double               *y,
                                                          double               *radius);
void                  lt_graph_painter_screen_to_world   (LtGraphPainter       *self,
                                                          double                x,
                                                          double                y,
                                                          double               *world_x,
                                                          double               *world_y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LtGraphPainter, lt_graph_painter_free)

G_END_DECLS
