/* lt-graph-raster.c: a big graph's edges and small nodes drawn into pixels by hand
 * (Wu's antialiased lines and discs)
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A big graph is tens of thousands of short, overlapping edges: cairo takes most of a second to
 * stroke them, so they are drawn here with Wu's antialiased lines into one premultiplied
 * buffer, with the small nodes as discs, and the buffer becomes one texture node. */

#define G_LOG_DOMAIN "lt-graph-painter"

#include "config.h"

#include <math.h>

#include "lt-graph-painter-private.h"

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
void
_lt_graph_painter_rasterize (LtGraphPainter       *self,
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

      if (r >= LT_GRAPH_RASTER_RADIUS)
        continue;
      x0 = MAX (0, (int) floor (self->sx[i] - r - 1));
      x1 = MIN (width - 1, (int) ceil (self->sx[i] + r + 1));
      y0 = MAX (0, (int) floor (self->sy[i] - r - 1));
      y1 = MIN (height - 1, (int) ceil (self->sy[i] + r + 1));
      if (x0 > x1 || y0 > y1)
        continue;
      color = pack_color (_lt_graph_painter_node_color (self, palette, i), 1);
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
