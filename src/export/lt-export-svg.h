/* lt-export-svg.h: draw render nodes onto a cairo SVG surface, keeping text as text
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

char *lt_export_svg_draw (GskRenderNode *node,
                          cairo_t       *cr);

G_END_DECLS
