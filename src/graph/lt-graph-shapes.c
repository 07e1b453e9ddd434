/* lt-graph-shapes.c: edges and node shapes as cairo paths, batched by style
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A graph of a few thousand edges is drawn here whole: edges as curves (a fan of arcs between
 * a pair with several), arrowheads, node shapes, the selection and the focus ring, one stroke
 * or fill per family, width and colour. Over a big graph's raster layer only the hovered
 * neighbourhood, the selection and the focus are drawn here. */

#define G_LOG_DOMAIN "lt-graph-painter"

#include "config.h"

#include <math.h>

#include "lt-graph-painter-private.h"

static double
edge_width (LtGraphPainter *self,
            guint           weight)
{
  double w = 1.0 + 0.7 * log2 (MAX (weight, 1));

  return MIN (w, 4.0) * MIN (_lt_graph_painter_zoom_factor (self), 1.6);
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

void
_lt_graph_painter_paint_edges (LtGraphPainter       *self,
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
          _lt_graph_set_edge_style (cr, family, w);
          _lt_graph_set_source (cr, &palette->edges[family],
                                dim && pass == 0 ? 0.18 : (pass == 1 ? 1.3 : 1));
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
            _lt_graph_set_source (cr, &palette->edges[family], dim && pass == 0 ? 0.18 : 1.3);
            cairo_fill (cr);
          }
      }
}

void
_lt_graph_painter_paint_nodes (LtGraphPainter       *self,
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

        if (which == LT_GRAPH_NODES_OVERLAY && pass == 0)
          break;   /* all in the layer */

        for (guint i = 0; i < n; i++)
          {
            const GdkRGBA *nc;

            if (self->sx[i] < -self->sr[i] * 2 || self->sy[i] < -self->sr[i] * 2
                || self->sx[i] > width + self->sr[i] * 2 || self->sy[i] > height + self->sr[i] * 2)
              continue;
            if (dim && (!!self->neighbour[i]) != (pass == 1))
              continue;
            if (which == LT_GRAPH_NODES_LAYER && self->sr[i] < LT_GRAPH_RASTER_RADIUS)
              continue;   /* rasterized by hand */
            if (which == LT_GRAPH_NODES_OVERLAY && !(dim && self->neighbour[i]))
              continue;   /* in the layer */
            nc = _lt_graph_painter_node_color (self, palette, i);
            /* batched by colour: the kinds' first, then the communities' */
            if (nc != (c < (int) G_N_ELEMENTS (palette->kinds) ? &palette->kinds[c]
                       : &palette->communities[c - G_N_ELEMENTS (palette->kinds)]))
              continue;
            color = nc;
            _lt_graph_shape_path (cr, lt_graph_get_node (self->graph, i)->kind_index,
                                  self->sx[i], self->sy[i], self->sr[i]);
            any = TRUE;
          }
        if (!any)
          continue;
        _lt_graph_set_source (cr, color, dim && pass == 0 ? 0.25 : 1);
        if (outline)
          {
            cairo_fill_preserve (cr);
            cairo_set_line_width (cr, 1.5);
            cairo_set_dash (cr, NULL, 0, 0);
            _lt_graph_set_source (cr, &palette->outline, dim && pass == 0 ? 0.5 : 1);
            cairo_stroke (cr);
          }
        else
          {
            cairo_fill (cr);
          }
      }

  if (which == LT_GRAPH_NODES_LAYER)
    return;

  if (self->selected >= 0 && (guint) self->selected < n)
    {
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_set_line_width (cr, 3);
      _lt_graph_set_source (cr, &palette->selection, 1);
      _lt_graph_shape_path (cr, lt_graph_get_node (self->graph, self->selected)->kind_index,
                            self->sx[self->selected], self->sy[self->selected],
                            self->sr[self->selected] + 4);
      cairo_stroke (cr);
    }

  if (self->focus >= 0 && (guint) self->focus < n)
    {
      static const double dash[] = { 3, 3 };

      cairo_set_dash (cr, dash, 2, 0);
      cairo_set_line_width (cr, 2);
      _lt_graph_set_source (cr, &palette->text, 1);
      cairo_new_sub_path (cr);
      cairo_arc (cr, self->sx[self->focus], self->sy[self->focus], self->sr[self->focus] + 8, 0, 2 * G_PI);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
}
