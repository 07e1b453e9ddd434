/* lt-timeline-palette.c: the timeline's colours for the light and dark styles,
 * the mark shape of each category and its lane name
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-timeline-painter"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "lt-model.h"
#include "lt-timeline-palette.h"

static void
rgba_from_hex (GdkRGBA    *rgba,
               const char *hex)
{
  gdk_rgba_parse (rgba, hex);
}

/**
 * lt_timeline_palette_init:
 * @palette: (out caller-allocates): the palette
 * @dark: for the dark style
 *
 * Fills in the timeline colours, from the GNOME palette, for the light or dark style.
 */
void
lt_timeline_palette_init (LtTimelinePalette *palette,
                          gboolean           dark)
{
  /* the sanctions yellow is darkened in light mode: #f5c211 cannot be read on white */
  static const char *light_categories[] = {
    "#1c71d8", "#c01c28", "#c64600", "#813d9c", "#26a269", "#865e3c", "#9c6e03", "#3d3846",
  };
  static const char *dark_categories[] = {
    "#62a0ea", "#f66151", "#ffa348", "#c061cb", "#57e389", "#cdab8f", "#f8e45c", "#c0bfbc",
  };

  memset (palette, 0, sizeof *palette);
  palette->dark = dark;

  if (!dark)
    {
      rgba_from_hex (&palette->background, "#ffffff");
      rgba_from_hex (&palette->lane_alt, "#f6f5f4");
      rgba_from_hex (&palette->axis_background, "#fafafa");
      palette->separator = (GdkRGBA) { 0, 0, 0, 0.10 };
      palette->grid = (GdkRGBA) { 0, 0, 0, 0.05 };
      palette->grid_major = (GdkRGBA) { 0, 0, 0, 0.14 };
      palette->text = (GdkRGBA) { 0, 0, 0, 0.80 };
      palette->dim_text = (GdkRGBA) { 0, 0, 0, 0.42 };
      rgba_from_hex (&palette->accent, "#1c71d8");
      rgba_from_hex (&palette->badge_text, "#ffffff");
      rgba_from_hex (&palette->neutral, "#5e5c64");
      for (guint i = 0; i < LT_TIMELINE_N_CATEGORY_STYLES; i++)
        rgba_from_hex (&palette->categories[i], light_categories[i]);
    }
  else
    {
      rgba_from_hex (&palette->background, "#1e1e1e");
      rgba_from_hex (&palette->lane_alt, "#242424");
      rgba_from_hex (&palette->axis_background, "#2a2a2a");
      palette->separator = (GdkRGBA) { 1, 1, 1, 0.10 };
      palette->grid = (GdkRGBA) { 1, 1, 1, 0.05 };
      palette->grid_major = (GdkRGBA) { 1, 1, 1, 0.15 };
      palette->text = (GdkRGBA) { 1, 1, 1, 0.90 };
      palette->dim_text = (GdkRGBA) { 1, 1, 1, 0.42 };
      rgba_from_hex (&palette->accent, "#78aeed");
      rgba_from_hex (&palette->badge_text, "#1e1e1e");
      rgba_from_hex (&palette->neutral, "#c0bfbc");
      for (guint i = 0; i < LT_TIMELINE_N_CATEGORY_STYLES; i++)
        rgba_from_hex (&palette->categories[i], dark_categories[i]);
    }
}

static void
to_gray (GdkRGBA *rgba)
{
  /* Rec. 709 luma, what a black-and-white printer or copier keeps */
  float y = 0.2126f * rgba->red + 0.7152f * rgba->green + 0.0722f * rgba->blue;

  rgba->red = rgba->green = rgba->blue = y;
}

/**
 * lt_timeline_palette_make_grayscale:
 * @palette: a light palette
 *
 * Turns @palette into shades of gray for printing in black and white. Neighbouring
 * categories get grays far apart, and bars get a pattern each
 * (lt_timeline_palette_add_pattern()); marks keep their shapes.
 */
void
lt_timeline_palette_make_grayscale (LtTimelinePalette *palette)
{
  /* dark enough for the white numbers of badges, and never two alike side by side */
  static const char *grays[] = {
    "#1a1a1a", "#6e6e6e", "#3a3a3a", "#7d7d7d", "#2a2a2a", "#5a5a5a", "#747474", "#4a4a4a",
  };

  g_return_if_fail (palette != NULL);

  palette->grayscale = TRUE;
  to_gray (&palette->background);
  to_gray (&palette->lane_alt);
  to_gray (&palette->separator);
  to_gray (&palette->grid);
  to_gray (&palette->grid_major);
  to_gray (&palette->axis_background);
  to_gray (&palette->text);
  to_gray (&palette->dim_text);
  rgba_from_hex (&palette->accent, "#303030");
  to_gray (&palette->badge_text);
  to_gray (&palette->neutral);
  for (guint i = 0; i < LT_TIMELINE_N_CATEGORY_STYLES; i++)
    rgba_from_hex (&palette->categories[i], grays[i]);
}

typedef enum
{
  PATTERN_SOLID,
  PATTERN_RISING,     /* diagonal lines rising to the right */
  PATTERN_FALLING,    /* diagonal lines falling to the right */
  PATTERN_CROSS,      /* both */
  PATTERN_DOTS,
} Pattern;

/**
 * lt_timeline_palette_add_pattern:
 * @palette: the palette
 * @cr: a context whose current path is a filled shape, such as a bar
 * @category: an index into lt_category_list_keys()
 * @color: the shape's colour
 *
 * In a grayscale palette, draws the category's pattern over the current path, which it
 * leaves in place (to be stroked); in a colour palette, does nothing.
 */
void
lt_timeline_palette_add_pattern (const LtTimelinePalette *palette,
                                 cairo_t                 *cr,
                                 guint                    category,
                                 const GdkRGBA           *color)
{
  static const struct { Pattern pattern; double spacing; } patterns[] = {
    { PATTERN_SOLID, 0 },     /* protest */
    { PATTERN_RISING, 4 },    /* violence */
    { PATTERN_DOTS, 4 },      /* detention */
    { PATTERN_FALLING, 4 },   /* prosecution */
    { PATTERN_CROSS, 5 },     /* statement */
    { PATTERN_RISING, 8 },    /* diplomacy */
    { PATTERN_CROSS, 9 },     /* sanctions */
    { PATTERN_FALLING, 8 },   /* war */
  };
  Pattern pattern;
  double spacing;
  double x1, y1, x2, y2;
  cairo_path_t *path;

  g_return_if_fail (palette != NULL);
  g_return_if_fail (cr != NULL);

  if (!palette->grayscale)
    return;

  pattern = patterns[category % G_N_ELEMENTS (patterns)].pattern;
  spacing = patterns[category % G_N_ELEMENTS (patterns)].spacing;
  if (pattern == PATTERN_SOLID)
    return;

  /* the clip and the lines replace the path, which the caller still needs */
  path = cairo_copy_path (cr);
  cairo_fill_extents (cr, &x1, &y1, &x2, &y2);
  cairo_save (cr);
  cairo_clip (cr);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_set_line_width (cr, 1.0);
  cairo_set_dash (cr, NULL, 0, 0);

  if (pattern == PATTERN_DOTS)
    {
      for (double y = floor (y1 / spacing) * spacing; y < y2 + spacing; y += spacing)
        for (double x = floor (x1 / spacing) * spacing; x < x2 + spacing; x += spacing)
          {
            cairo_new_sub_path (cr);
            cairo_arc (cr, x + spacing / 2, y + spacing / 2, 0.9, 0, 2 * G_PI);
          }
      cairo_fill (cr);
    }
  else
    {
      double h = y2 - y1;

      /* lines at 45°, anchored to the page so that neighbouring bars line up */
      for (double x = floor ((x1 - h) / spacing) * spacing; x < x2 + h; x += spacing)
        {
          if (pattern == PATTERN_RISING || pattern == PATTERN_CROSS)
            {
              cairo_move_to (cr, x, y2);
              cairo_line_to (cr, x + h, y1);
            }
          if (pattern == PATTERN_FALLING || pattern == PATTERN_CROSS)
            {
              cairo_move_to (cr, x, y1);
              cairo_line_to (cr, x + h, y2);
            }
        }
      cairo_stroke (cr);
    }

  cairo_restore (cr);
  cairo_new_path (cr);
  cairo_append_path (cr, path);
  cairo_path_destroy (path);
}

/**
 * lt_timeline_category_get_shape:
 * @category: an index into lt_category_list_keys()
 *
 * Categories are told apart by shape as well as colour.
 *
 * Returns: the shape of the category's marks
 */
LtMarkShape
lt_timeline_category_get_shape (guint category)
{
  static const LtMarkShape shapes[] = {
    LT_MARK_SHAPE_CIRCLE,         /* protest */
    LT_MARK_SHAPE_TRIANGLE,       /* violence */
    LT_MARK_SHAPE_SQUARE,         /* detention */
    LT_MARK_SHAPE_DIAMOND,        /* prosecution */
    LT_MARK_SHAPE_HEXAGON,        /* statement */
    LT_MARK_SHAPE_TRIANGLE_DOWN,  /* diplomacy */
    LT_MARK_SHAPE_CROSS,          /* sanctions */
    LT_MARK_SHAPE_STAR,           /* war */
  };

  return shapes[category % G_N_ELEMENTS (shapes)];
}

static void
polygon (cairo_t *cr,
         double   cx,
         double   cy,
         double   r,
         guint    n,
         double   rotation)
{
  for (guint i = 0; i < n; i++)
    {
      double a = rotation + 2.0 * G_PI * i / n;

      if (i == 0)
        cairo_move_to (cr, cx + r * cos (a), cy + r * sin (a));
      else
        cairo_line_to (cr, cx + r * cos (a), cy + r * sin (a));
    }
  cairo_close_path (cr);
}

/**
 * lt_timeline_draw_shape:
 * @cr: a cairo context
 * @shape: the shape
 * @cx: the centre
 * @cy: the centre
 * @size: the width of the box the shape fills
 *
 * Adds the path of a mark shape to @cr (for the timeline, its legend and the export).
 */
void
lt_timeline_draw_shape (cairo_t     *cr,
                        LtMarkShape  shape,
                        double       cx,
                        double       cy,
                        double       size)
{
  double r = size / 2.0;

  switch (shape)
    {
    case LT_MARK_SHAPE_CIRCLE:
      cairo_new_sub_path (cr);
      cairo_arc (cr, cx, cy, r * 0.92, 0, 2 * G_PI);
      break;
    case LT_MARK_SHAPE_TRIANGLE:
      polygon (cr, cx, cy + r * 0.15, r * 1.1, 3, -G_PI / 2);
      break;
    case LT_MARK_SHAPE_TRIANGLE_DOWN:
      polygon (cr, cx, cy - r * 0.15, r * 1.1, 3, G_PI / 2);
      break;
    case LT_MARK_SHAPE_SQUARE:
      cairo_rectangle (cr, cx - r * 0.82, cy - r * 0.82, r * 1.64, r * 1.64);
      break;
    case LT_MARK_SHAPE_DIAMOND:
      polygon (cr, cx, cy, r * 1.1, 4, 0);
      break;
    case LT_MARK_SHAPE_HEXAGON:
      polygon (cr, cx, cy, r, 6, 0);
      break;
    case LT_MARK_SHAPE_CROSS:
      {
        double t = r * 0.38;

        cairo_move_to (cr, cx - t, cy - r);
        /* A straight edge written as a curve: cairo 1.16 cannot replay a closed path of
         * only horizontal and vertical lines into a script (the SVG export's path) and
         * fails with "input path data not valid". */
        cairo_curve_to (cr, cx - t / 3, cy - r, cx + t / 3, cy - r, cx + t, cy - r);
        cairo_line_to (cr, cx + t, cy - t);
        cairo_line_to (cr, cx + r, cy - t);
        cairo_line_to (cr, cx + r, cy + t);
        cairo_line_to (cr, cx + t, cy + t);
        cairo_line_to (cr, cx + t, cy + r);
        cairo_line_to (cr, cx - t, cy + r);
        cairo_line_to (cr, cx - t, cy + t);
        cairo_line_to (cr, cx - r, cy + t);
        cairo_line_to (cr, cx - r, cy - t);
        cairo_line_to (cr, cx - t, cy - t);
        cairo_close_path (cr);
      }
      break;
    case LT_MARK_SHAPE_STAR:
      for (guint i = 0; i < 10; i++)
        {
          double a = -G_PI / 2 + G_PI * i / 5;
          double rr = (i % 2 == 0) ? r * 1.12 : r * 0.5;

          if (i == 0)
            cairo_move_to (cr, cx + rr * cos (a), cy + rr * sin (a) + r * 0.08);
          else
            cairo_line_to (cr, cx + rr * cos (a), cy + rr * sin (a) + r * 0.08);
        }
      cairo_close_path (cr);
      break;
    default:
      cairo_rectangle (cr, cx - r, cy - r, size, size);
      break;
    }
}

/**
 * lt_timeline_category_get_label:
 * @category: an index into lt_category_list_keys()
 *
 * Returns: the category's name in the UI language
 */
const char *
lt_timeline_category_get_label (guint category)
{
  const char * const *keys = lt_category_list_keys ();
  const char *label = NULL;

  if (category < g_strv_length ((char **) keys))
    label = lt_category_get_label (keys[category]);

  return label != NULL ? label : C_("timeline lane", "Other");
}
