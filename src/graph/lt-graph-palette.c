/* lt-graph-palette.c: the graph's look: the light and dark colours, a shape for
 * each node kind and a dash for each edge family
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Node kinds are told apart by shape as well as by colour. The frame, the raster layer and the
 * legend all draw from here, so that the legend shows what the graph does. */

#define G_LOG_DOMAIN "lt-graph-painter"

#include "config.h"

#include <math.h>

#include "lt-graph-painter-private.h"

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

/* Grays spread from dark to light, so that neighbouring kinds and communities stay apart on
 * paper printed in black and white; the kinds keep their shapes and the edge families their
 * dashes, which tell them apart without any colour. */
static void
set_grays (GdkRGBA *colors,
           guint    n,
           double   darkest,
           double   lightest)
{
  for (guint i = 0; i < n; i++)
    {
      /* every other step from each end, so that adjacent entries differ most */
      guint rank = i % 2 == 0 ? i / 2 : n - 1 - i / 2;
      double v = darkest + (lightest - darkest) * rank / MAX (n - 1, 1);

      colors[i].red = colors[i].green = colors[i].blue = v;
    }
}

static gpointer
make_grayscale (gpointer data)
{
  static LtGraphPalette gray;

  gray = light_palette;
  gray.selection = gray.text;
  set_grays (gray.kinds, G_N_ELEMENTS (gray.kinds), 0.12, 0.70);
  set_grays (gray.communities, G_N_ELEMENTS (gray.communities), 0.12, 0.72);
  for (guint i = 0; i < G_N_ELEMENTS (gray.edges); i++)
    {
      double v = 0.10 + 0.12 * i;

      gray.edges[i].red = gray.edges[i].green = gray.edges[i].blue = v;
    }

  return &gray;
}

/**
 * lt_graph_palette_get_grayscale:
 *
 * Returns: (transfer none): the light palette in grays, for printing in black and white
 */
const LtGraphPalette *
lt_graph_palette_get_grayscale (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, make_grayscale, NULL);
}

const LtGraphPalette *
_lt_graph_painter_palette (LtGraphPainter *self)
{
  return self->grayscale ? lt_graph_palette_get_grayscale () : lt_graph_palette_get (self->dark);
}

/* Shapes by kind, so that the kinds are told apart without colour: person ●, organization ■,
 * state body ◆, media ▲, military unit ⬟, company ⬢, country ⯃. */
void
_lt_graph_shape_path (cairo_t *cr,
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

void
_lt_graph_set_edge_style (cairo_t *cr,
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
