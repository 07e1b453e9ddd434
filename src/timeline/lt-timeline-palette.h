/* lt-timeline-palette.h: the timeline's colours, and the shapes that tell categories apart
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LT_TIMELINE_N_CATEGORY_STYLES 8

typedef enum
{
  LT_MARK_SHAPE_CIRCLE,
  LT_MARK_SHAPE_TRIANGLE,
  LT_MARK_SHAPE_SQUARE,
  LT_MARK_SHAPE_DIAMOND,
  LT_MARK_SHAPE_HEXAGON,
  LT_MARK_SHAPE_TRIANGLE_DOWN,
  LT_MARK_SHAPE_CROSS,
  LT_MARK_SHAPE_STAR,
} LtMarkShape;

/**
 * LtTimelinePalette:
 *
 * The colours of a timeline. The view follows the style manager; the export always uses
 * the light palette.
 */
typedef struct
{
  gboolean dark;
  gboolean grayscale;      /* categories told apart by gray, shape and pattern */
  GdkRGBA  background;
  GdkRGBA  lane_alt;       /* every other lane */
  GdkRGBA  separator;
  GdkRGBA  grid;
  GdkRGBA  grid_major;
  GdkRGBA  axis_background;
  GdkRGBA  text;
  GdkRGBA  dim_text;
  GdkRGBA  accent;
  GdkRGBA  badge_text;
  GdkRGBA  neutral;        /* lanes that are not categories */
  GdkRGBA  categories[LT_TIMELINE_N_CATEGORY_STYLES];
} LtTimelinePalette;

void        lt_timeline_palette_init          (LtTimelinePalette *palette,
                                               gboolean           dark);
void        lt_timeline_palette_make_grayscale (LtTimelinePalette *palette);
void        lt_timeline_palette_add_pattern   (const LtTimelinePalette *palette,
                                               cairo_t           *cr,
                                               guint              category,
                                               const GdkRGBA     *color);
LtMarkShape lt_timeline_category_get_shape    (guint              category);
const char *lt_timeline_category_get_label    (guint              category);
void        lt_timeline_draw_shape            (cairo_t           *cr,
                                               LtMarkShape        shape,
                                               double             cx,
                                               double             cy,
                                               double             size);

G_END_DECLS
