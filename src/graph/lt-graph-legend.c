/* lt-graph-legend.c: the legend in the lower left corner: the kinds and edge
 * families that the graph shows, and the community colours
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-graph-painter"

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "lt-graph-painter-private.h"

#define COMMUNITY_ROW (-100)   /* the row of the community colours */

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

static int
widest_label (PangoLayout     *layout,
              const LegendRow *rows,
              guint            n_rows)
{
  int max_w = 0;

  for (guint r = 0; r < n_rows; r++)
    {
      int w;

      pango_layout_set_text (layout, rows[r].label, -1);
      pango_layout_get_pixel_size (layout, &w, NULL);
      max_w = MAX (max_w, w);
    }

  return max_w;
}

void
_lt_graph_painter_legend_size (LtGraphPainter *self,
                               int            *width,
                               int            *height)
{
  LegendRow rows[16];
  guint n_rows = legend_rows (self, rows);
  PangoContext *context;
  g_autoptr(PangoLayout) layout = NULL;
  int max_w;

  *width = *height = 0;
  if (n_rows == 0)
    return;

  /* A measuring context: the real one only changes the font a little */
  context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  layout = legend_layout (context);
  max_w = widest_label (layout, rows, n_rows);
  g_object_unref (context);

  *width = LEGEND_PAD * 3 + LEGEND_SWATCH + max_w + 12;
  *height = LEGEND_PAD * 2 + n_rows * LEGEND_ROW + 12;
}

void
_lt_graph_painter_paint_legend (LtGraphPainter       *self,
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
  int max_w;
  int box_w;
  int box_h;

  if (n_rows == 0)
    return;

  layout = legend_layout (context);
  max_w = widest_label (layout, rows, n_rows);
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

          _lt_graph_shape_path (cr, rows[r].kind, cx, cy, 5.5);
          _lt_graph_set_source (cr, color, 1);
          cairo_fill (cr);
        }
      else if (rows[r].kind == COMMUNITY_ROW)
        {
          for (int c = 0; c < 4; c++)
            {
              cairo_new_sub_path (cr);
              cairo_arc (cr, cx - 10.5 + c * 7, cy, 3.5, 0, 2 * G_PI);
              _lt_graph_set_source (cr, &palette->communities[c], 1);
              cairo_fill (cr);
            }
        }
      else
        {
          int family = -rows[r].kind - 1;
          double x0 = cx - LEGEND_SWATCH / 2.0;
          double x1 = cx + LEGEND_SWATCH / 2.0;

          _lt_graph_set_edge_style (cr, family, 2);
          _lt_graph_set_source (cr, &palette->edges[family], 1.3);
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
