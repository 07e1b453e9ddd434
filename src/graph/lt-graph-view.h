/* lt-graph-view.h: LtGraphView, the graph canvas: pan, zoom, hover, drag and select,
 * with the important nodes as focusable child widgets
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "lt-graph-model.h"
#include "lt-graph-painter.h"

G_BEGIN_DECLS

#define LT_TYPE_GRAPH_VIEW (lt_graph_view_get_type ())

G_DECLARE_FINAL_TYPE (LtGraphView, lt_graph_view, LT, GRAPH_VIEW, GtkWidget)

GtkWidget      *lt_graph_view_new                 (void);
void            lt_graph_view_set_graph           (LtGraphView     *self,
                                                   LtGraph         *graph);
LtGraph        *lt_graph_view_get_graph           (LtGraphView     *self);
LtGraphPainter *lt_graph_view_get_painter         (LtGraphView     *self);
gint64          lt_graph_view_get_selected_actor  (LtGraphView     *self);
void            lt_graph_view_set_selected_actor  (LtGraphView     *self,
                                                   gint64           actor_id);
void            lt_graph_view_set_size_mode       (LtGraphView     *self,
                                                   LtNodeSizeMode   mode);
void            lt_graph_view_set_color_mode      (LtGraphView     *self,
                                                   LtNodeColorMode  mode);
void            lt_graph_view_zoom_to_fit         (LtGraphView     *self);
void            lt_graph_view_metrics_changed     (LtGraphView     *self);
void            lt_graph_view_center_on_actor     (LtGraphView     *self,
                                                   gint64           actor_id);
gboolean        lt_graph_view_get_layout_settled  (LtGraphView     *self);
void            lt_graph_view_settle_layout       (LtGraphView     *self);
gboolean        lt_graph_view_get_node_position   (LtGraphView     *self,
                                                   gint64           actor_id,
                                                   double          *x,
                                                   double          *y);

G_END_DECLS
