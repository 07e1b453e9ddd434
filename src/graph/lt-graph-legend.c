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
#include <string.h>

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

/* The key of numbered names, at the legend's right: a heading, then "number  name (kind)" in
 * as few columns as keep it low */

#define KEY_COLUMN_WIDTH 300
#define KEY_GAP          14

typedef struct
{
  int n_columns;
  int per_column;
  int column_width;
  int number_width;
  int heading_height;
} KeyGeometry;

static char *
key_entry_text (LtGraphPainter *self,
                guint           number)
{
  const LtGraphNode *node = lt_graph_get_node (self->graph, lt_graph_painter_get_key_entry (self, number));
  const char *kind = node->kind != NULL ? lt_graph_node_kind_get_label (node->kind) : NULL;
  const char *name = node->name != NULL ? node->name : "";

  if (kind == NULL)
    return g_strdup (name);
  /* TRANSLATORS: an entry in the graph's key of numbered actors: the actor's name and its kind */
  return g_strdup_printf (C_("graph key", "%1$s (%2$s)"), name, kind);
}

static int
key_x (LtGraphPainter *self)
{
  int legend_w = 0;
  int legend_h = 0;

  if (self->show_legend)
    _lt_graph_painter_legend_size (self, &legend_w, &legend_h);

  return legend_w > 0 ? 12 + legend_w + 12 : 12;
}

static PangoLayout *
key_heading_layout (PangoContext *context)
{
  PangoLayout *layout = _lt_graph_label_layout_new (context);
  PangoFontDescription *font = pango_font_description_copy (pango_layout_get_font_description (layout));

  pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, _("Numbered actors"), -1);

  return layout;
}

/* The height of the column of entries @first … @last - 1 */
static int
key_column_height (LtGraphPainter *self,
                   PangoLayout    *layout,
                   guint           first,
                   guint           last)
{
  int total = 0;

  for (guint k = first; k < last; k++)
    {
      g_autofree char *text = key_entry_text (self, k + 1);
      int h;

      pango_layout_set_text (layout, text, -1);
      pango_layout_get_pixel_size (layout, NULL, &h);
      total += h + 2;
    }

  return total;
}

/* Lays the key out for a drawing of @width × @height; returns its size */
static void
key_geometry (LtGraphPainter *self,
              PangoContext   *context,
              int             width,
              int             height,
              KeyGeometry    *geometry,
              int            *key_width,
              int            *key_height)
{
  guint n = lt_graph_painter_get_n_key_entries (self);
  g_autoptr(PangoLayout) layout = _lt_graph_label_layout_new (context);
  g_autoptr(PangoLayout) heading = key_heading_layout (context);
  g_autofree char *widest_number = NULL;
  /* beside the legend, or as tall columns at the right in room of its own */
  int avail = self->key_reserved ? width / 2 : width - key_x (self) - 12;
  int max_height = self->key_reserved ? height - 24 : height / 3;
  int natural = 0;
  int max_columns;
  guint digits = 1;

  *key_width = *key_height = 0;
  memset (geometry, 0, sizeof *geometry);
  if (n == 0)
    return;

  for (guint k = n; k >= 10; k /= 10)
    digits++;
  widest_number = g_strnfill (digits, '8');
  pango_layout_set_text (layout, widest_number, -1);
  pango_layout_get_pixel_size (layout, &geometry->number_width, NULL);
  pango_layout_get_pixel_size (heading, &natural, &geometry->heading_height);

  for (guint k = 0; k < n; k++)
    {
      g_autofree char *text = key_entry_text (self, k + 1);
      int w;

      pango_layout_set_text (layout, text, -1);
      pango_layout_get_pixel_size (layout, &w, NULL);
      natural = MAX (natural, geometry->number_width + 6 + w);
    }
  geometry->column_width = MIN (MIN (natural, KEY_COLUMN_WIDTH), MAX (avail - 2 * LEGEND_PAD, 60));
  pango_layout_set_width (layout, (geometry->column_width - geometry->number_width - 6) * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);

  /* as few columns as keep the key within a third of the drawing's height, or as many as fit */
  max_columns = MAX (1, (avail - 2 * LEGEND_PAD + KEY_GAP) / (geometry->column_width + KEY_GAP));
  for (int c = 1; c <= max_columns; c++)
    {
      guint per_column = (n + c - 1) / c;
      int tallest = 0;

      for (guint first = 0; first < n; first += per_column)
        tallest = MAX (tallest, key_column_height (self, layout, first, MIN (first + per_column, n)));
      geometry->n_columns = c;
      geometry->per_column = per_column;
      *key_height = 2 * LEGEND_PAD + geometry->heading_height + 4 + tallest;
      if (*key_height <= max_height || per_column == 1)
        break;
    }
  geometry->n_columns = (n + geometry->per_column - 1) / geometry->per_column;
  *key_width = 2 * LEGEND_PAD + geometry->n_columns * geometry->column_width
               + (geometry->n_columns - 1) * KEY_GAP;
}

void
_lt_graph_painter_key_size (LtGraphPainter *self,
                            PangoContext   *context,
                            int             width,
                            int             height,
                            int            *key_width,
                            int            *key_height)
{
  KeyGeometry geometry;

  key_geometry (self, context, width, height, &geometry, key_width, key_height);
}

/* where the key is: where the fit keeps room for it, at the right, or in the free corner
 * found for it */
void
_lt_graph_painter_key_rect (LtGraphPainter  *self,
                            int              width,
                            int              height,
                            graphene_rect_t *rect)
{
  if (self->key_reserved)
    graphene_rect_init (rect, width - 12 - self->key_width, 12, self->key_width, self->key_height);
  else
    graphene_rect_init (rect, self->key_x, self->key_y, self->key_width, self->key_height);
}

void
_lt_graph_painter_paint_key (LtGraphPainter       *self,
                             GtkSnapshot          *snapshot,
                             PangoContext         *context,
                             const LtGraphPalette *palette,
                             int                   width,
                             int                   height)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(PangoLayout) number = NULL;
  g_autoptr(PangoLayout) heading = NULL;
  guint n = lt_graph_painter_get_n_key_entries (self);
  KeyGeometry geometry;
  graphene_rect_t box;
  GskRoundedRect rounded;
  int key_w;
  int key_h;
  double fit = 1.0;

  if (n == 0)
    return;

  key_geometry (self, context, width, height, &geometry, &key_w, &key_h);
  /* An image has no page to continue on: a key taller than the room kept for it at the right
   * shrinks until every entry shows, rather than losing the names at its end. */
  if (self->key_reserved && key_h > height - 24)
    fit = MAX ((double) (height - 24) / key_h, 0.5);
  /* at the right where the fit kept room, or in the free corner found for it */
  gtk_snapshot_save (snapshot);
  if (self->key_reserved)
    gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (width - 12 - key_w * fit, 12));
  else
    gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (self->key_x, self->key_y));
  gtk_snapshot_scale (snapshot, fit, fit);
  graphene_rect_init (&box, 0, 0, key_w, key_h);

  gsk_rounded_rect_init_from_rect (&rounded, &box, 6);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, &palette->legend_background, &box);
  gtk_snapshot_pop (snapshot);

  heading = key_heading_layout (context);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (box.origin.x + LEGEND_PAD, box.origin.y + LEGEND_PAD));
  gtk_snapshot_append_layout (snapshot, heading, &palette->text);
  gtk_snapshot_restore (snapshot);

  layout = _lt_graph_label_layout_new (context);
  pango_layout_set_width (layout, (geometry.column_width - geometry.number_width - 6) * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  number = _lt_graph_label_layout_new (context);
  pango_layout_set_width (number, geometry.number_width * PANGO_SCALE);
  pango_layout_set_alignment (number, PANGO_ALIGN_RIGHT);

  for (int c = 0; c < geometry.n_columns; c++)
    {
      double x = box.origin.x + LEGEND_PAD + c * (geometry.column_width + KEY_GAP);
      double y = box.origin.y + LEGEND_PAD + geometry.heading_height + 4;

      for (guint k = c * geometry.per_column; k < MIN ((c + 1) * geometry.per_column, n); k++)
        {
          g_autofree char *text = key_entry_text (self, k + 1);
          g_autofree char *digits = g_strdup_printf ("%u", k + 1);
          int h;

          pango_layout_set_text (number, digits, -1);
          pango_layout_set_text (layout, text, -1);
          pango_layout_get_pixel_size (layout, NULL, &h);

          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
          gtk_snapshot_append_layout (snapshot, number, &palette->text);
          gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (geometry.number_width + 6, 0));
          gtk_snapshot_append_layout (snapshot, layout, &palette->text);
          gtk_snapshot_restore (snapshot);
          y += h + 2;
        }
    }
  gtk_snapshot_restore (snapshot);
}

/**
 * lt_graph_painter_paint_key_page:
 * @self: a painter
 * @snapshot: (nullable): where to draw, or %NULL to measure only
 * @context: the Pango context of the labels
 * @width: width of the page's area
 * @height: height of the page's area
 * @first: the first entry to draw, from 0
 *
 * Draws the key's entries from @first on, under its heading, in as many columns as the
 * width holds, as far as the height goes: a page of a key too long for the drawing (see
 * [method@GraphPainter.set_key_elsewhere]).
 *
 * Returns: how many entries it drew, 0 when none are left
 */
guint
lt_graph_painter_paint_key_page (LtGraphPainter *self,
                                 GtkSnapshot    *snapshot,
                                 PangoContext   *context,
                                 int             width,
                                 int             height,
                                 guint           first)
{
  const LtGraphPalette *palette;
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(PangoLayout) number = NULL;
  g_autoptr(PangoLayout) heading = NULL;
  g_autofree char *widest_number = NULL;
  guint n;
  guint k;
  guint digits = 1;
  int number_w;
  int heading_h;
  int n_columns;
  int column_w;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), 0);

  n = lt_graph_painter_get_n_key_entries (self);
  if (first >= n || width <= 0 || height <= 0)
    return 0;

  palette = _lt_graph_painter_palette (self);
  heading = key_heading_layout (context);
  pango_layout_get_pixel_size (heading, NULL, &heading_h);
  if (snapshot != NULL)
    gtk_snapshot_append_layout (snapshot, heading, &palette->text);

  for (guint d = n; d >= 10; d /= 10)
    digits++;
  widest_number = g_strnfill (digits, '8');
  number = _lt_graph_label_layout_new (context);
  pango_layout_set_text (number, widest_number, -1);
  pango_layout_get_pixel_size (number, &number_w, NULL);
  pango_layout_set_width (number, number_w * PANGO_SCALE);
  pango_layout_set_alignment (number, PANGO_ALIGN_RIGHT);

  n_columns = MAX (1, (width + KEY_GAP) / (KEY_COLUMN_WIDTH + KEY_GAP));
  column_w = (width - (n_columns - 1) * KEY_GAP) / n_columns;
  layout = _lt_graph_label_layout_new (context);
  pango_layout_set_width (layout, MAX (column_w - number_w - 6, 40) * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);

  k = first;
  for (int c = 0; c < n_columns && k < n; c++)
    {
      double x = c * (column_w + KEY_GAP);
      double top = heading_h + 6;
      double y = top;

      for (; k < n; k++)
        {
          g_autofree char *text = key_entry_text (self, k + 1);
          g_autofree char *digits_text = g_strdup_printf ("%u", k + 1);
          int h;

          pango_layout_set_text (layout, text, -1);
          pango_layout_get_pixel_size (layout, NULL, &h);
          if (y + h > height && y > top)
            break;   /* the next column, or the next page */
          if (snapshot != NULL)
            {
              pango_layout_set_text (number, digits_text, -1);
              gtk_snapshot_save (snapshot);
              gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
              gtk_snapshot_append_layout (snapshot, number, &palette->text);
              gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (number_w + 6, 0));
              gtk_snapshot_append_layout (snapshot, layout, &palette->text);
              gtk_snapshot_restore (snapshot);
            }
          y += h + 2;
        }
    }

  return k - first;
}
