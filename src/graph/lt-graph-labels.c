/* lt-graph-labels.c: the nodes' names: measured and shaped once, placed greedily by
 * importance where they hide nothing, and spread apart in a small graph
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-graph-painter"

#include "config.h"

#include <math.h>
#include <string.h>

#include "lt-force-layout.h"
#include "lt-graph-painter-private.h"

#define CELL             48
#define MAX_LABELS       600
#define LABEL_WIDTH      170
#define SPREAD_MAX_NODES 200   /* beyond this, labels are chosen by importance, not made room for */
#define NUMBER_WIDTH     16    /* about two digits, the number a node gets on paper */
#define KEY_MAX_NODES    400   /* beyond this, a key of numbers would be a book: names that do
                                * not fit are left out, never cut */

void
_lt_graph_occupancy_clear (LtGraphOccupancy *occ)
{
  for (int k = 0; k < occ->cols * occ->rows; k++)
    g_clear_pointer (&occ->cells[k], g_array_unref);
  g_clear_pointer (&occ->cells, g_free);
  occ->cols = occ->rows = 0;
}

static void
occupancy_reset (LtGraphOccupancy *occ,
                 int               width,
                 int               height)
{
  int cols = width / CELL + 3;
  int rows = height / CELL + 3;

  if (cols != occ->cols || rows != occ->rows)
    {
      _lt_graph_occupancy_clear (occ);
      occ->cols = cols;
      occ->rows = rows;
      occ->cells = g_new0 (GArray *, cols * rows);
    }
  for (int k = 0; k < cols * rows; k++)
    if (occ->cells[k] != NULL)
      g_array_set_size (occ->cells[k], 0);
}

/* the cells a rectangle touches, clamped to the grid */
static gboolean
occupancy_span (LtGraphOccupancy      *occ,
                const graphene_rect_t *rect,
                int                   *x0,
                int                   *y0,
                int                   *x1,
                int                   *y1)
{
  *x0 = MAX ((int) floor (rect->origin.x / CELL) + 1, 0);
  *y0 = MAX ((int) floor (rect->origin.y / CELL) + 1, 0);
  *x1 = MIN ((int) floor ((rect->origin.x + rect->size.width) / CELL) + 1, occ->cols - 1);
  *y1 = MIN ((int) floor ((rect->origin.y + rect->size.height) / CELL) + 1, occ->rows - 1);

  return *x0 <= *x1 && *y0 <= *y1;
}

static gboolean
occupancy_test (LtGraphOccupancy      *occ,
                const graphene_rect_t *rect)
{
  int x0;
  int y0;
  int x1;
  int y1;

  if (!occupancy_span (occ, rect, &x0, &y0, &x1, &y1))
    return TRUE;
  for (int cy = y0; cy <= y1; cy++)
    for (int cx = x0; cx <= x1; cx++)
      {
        GArray *rects = occ->cells[cy * occ->cols + cx];

        if (rects == NULL)
          continue;
        for (guint k = 0; k < rects->len; k++)
          if (graphene_rect_intersection (rect, &g_array_index (rects, graphene_rect_t, k), NULL))
            return FALSE;
      }
  return TRUE;
}

static void
occupancy_add (LtGraphOccupancy      *occ,
               const graphene_rect_t *rect)
{
  int x0;
  int y0;
  int x1;
  int y1;

  if (!occupancy_span (occ, rect, &x0, &y0, &x1, &y1))
    return;
  for (int cy = y0; cy <= y1; cy++)
    for (int cx = x0; cx <= x1; cx++)
      {
        GArray **rects = &occ->cells[cy * occ->cols + cx];

        if (*rects == NULL)
          *rects = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
        g_array_append_val (*rects, *rect);
      }
}

void
_lt_graph_painter_clear_label_nodes (LtGraphPainter *self)
{
  for (guint i = 0; i < self->n_label_nodes; i++)
    g_clear_pointer (&self->label_nodes[i], gsk_render_node_unref);
  g_clear_pointer (&self->label_nodes, g_free);
  self->n_label_nodes = 0;
}

/* A layout in the labels' font, a little smaller than the context's */
PangoLayout *
_lt_graph_label_layout_new (PangoContext *context)
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

/* The labels' layout, and the per-node caches that depend on its font: sizes and text nodes */
static PangoLayout *
label_layout_new (LtGraphPainter *self,
                  PangoContext   *context)
{
  PangoLayout *layout = _lt_graph_label_layout_new (context);
  const PangoFontDescription *font = pango_layout_get_font_description (layout);
  guint n = lt_graph_get_n_nodes (self->graph);

  pango_layout_set_width (layout, LABEL_WIDTH * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);

  /* measuring a label costs more than placing it: keep the sizes */
  if (self->label_w == NULL || self->label_font_hash != pango_font_description_hash (font))
    {
      g_free (self->label_w);
      g_free (self->label_h);
      self->label_w = g_new (float, MAX (n, 1));
      self->label_h = g_new (float, MAX (n, 1));
      for (guint i = 0; i < n; i++)
        self->label_w[i] = -1;
      _lt_graph_painter_clear_label_nodes (self);
      self->label_nodes = g_new0 (GskRenderNode *, MAX (n, 1));
      self->n_label_nodes = n;
      self->label_font_hash = pango_font_description_hash (font);
    }

  return layout;
}

static void
measure_label (LtGraphPainter *self,
               PangoLayout    *layout,
               guint           i)
{
  const LtGraphNode *node = lt_graph_get_node (self->graph, i);
  PangoRectangle logical;

  if (self->label_w[i] >= 0)
    return;
  pango_layout_set_text (layout, node->name != NULL ? node->name : "", -1);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  self->label_w[i] = logical.width;
  self->label_h[i] = logical.height;
}

/* Whole labels, for paper */

/* Whether the layout's lines break only between words: Pango breaks a word too long for the
 * width inside it, and half a surname is no better than a cut one */
static gboolean
breaks_between_words (PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  gboolean ok = TRUE;

  while (ok && pango_layout_iter_next_line (iter))
    {
      int start = pango_layout_iter_get_line_readonly (iter)->start_index;
      const char *before = g_utf8_find_prev_char (text, text + start);
      gunichar c = before != NULL ? g_utf8_get_char (before) : ' ';

      ok = g_unichar_isspace (c) || c == '-' || c == 0x2010 || c == 0x2013 || c == '/';
    }
  pango_layout_iter_free (iter);

  return ok;
}

/* The layout set for a name on one line (@wrap -1) or wrapped at @wrap pixels */
static void
set_whole_text (PangoLayout *layout,
                const char  *text,
                int          wrap)
{
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, wrap > 0 ? wrap * PANGO_SCALE : -1);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
}

/* Tries the box of @w × @h around node @i: beside, below, above and, for the small boxes of
 * numbers, at the corners. Returns whether a free place was found, in @box. */
static gboolean
find_free_place (LtGraphPainter   *self,
                 LtGraphOccupancy *occ,
                 guint             i,
                 double            w,
                 double            h,
                 int               n_sides,
                 double            gap,
                 int               width,
                 int               height,
                 graphene_rect_t  *box)
{
  double x0 = self->sx[i];
  double y0 = self->sy[i];
  double r = self->sr[i] + gap;

  for (int side = 0; side < n_sides; side++)
    {
      double x;
      double y;

      switch (side)
        {
        case 0: x = x0 + r + 3;         y = y0 - h / 2;         break;
        case 1: x = x0 - r - 3 - w;     y = y0 - h / 2;         break;
        case 2: x = x0 - w / 2;         y = y0 + r + 2;         break;
        case 3: x = x0 - w / 2;         y = y0 - r - 2 - h;     break;
        case 4: x = x0 + r * 0.7 + 1;   y = y0 - r * 0.7 - h;   break;
        case 5: x = x0 - r * 0.7 - 1 - w; y = y0 - r * 0.7 - h; break;
        case 6: x = x0 + r * 0.7 + 1;   y = y0 + r * 0.7;       break;
        case 7:
        default: x = x0 - r * 0.7 - 1 - w; y = y0 + r * 0.7;    break;
        }
      graphene_rect_init (box, x - 2, y, w + 4, h);
      if (box->origin.x < 2 || box->origin.y < 2 || box->origin.x + box->size.width > width - 2
          || box->origin.y + box->size.height > height - 2)
        continue;
      {
        graphene_rect_t own = GRAPHENE_RECT_INIT (x0 - self->sr[i], y0 - self->sr[i],
                                                  2 * self->sr[i], 2 * self->sr[i]);
        graphene_rect_t shrunk;

        if (graphene_rect_intersection (box, &own, &shrunk)
            && shrunk.size.width * shrunk.size.height > 4)
          continue;
      }
      if (occupancy_test (occ, box))
        return TRUE;
    }

  return FALSE;
}

/* Tries the name of node @i on one line and wrapped to two, the shorter form first for a long
 * name. Returns the wrap width (-1: one line, 0: no place) and the box. */
static int
place_name (LtGraphPainter   *self,
            PangoLayout      *layout,
            guint             i,
            int               width,
            int               height,
            graphene_rect_t  *box)
{
  const LtGraphNode *node = lt_graph_get_node (self->graph, i);
  const char *name = node->name != NULL ? node->name : "";
  int wraps[4];
  int n_wraps = 0;
  PangoRectangle logical;
  int one_w;

  set_whole_text (layout, name, -1);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  one_w = logical.width;

  if (one_w <= LABEL_WIDTH)
    wraps[n_wraps++] = -1;
  /* two lines about as wide as each other, or as wide as a label may be */
  wraps[n_wraps++] = (int) ceil (one_w * 0.55);
  wraps[n_wraps++] = MAX ((int) ceil (one_w * 0.7), LABEL_WIDTH);
  if (one_w > LABEL_WIDTH)
    wraps[n_wraps++] = -1;

  for (int k = 0; k < n_wraps; k++)
    {
      set_whole_text (layout, name, wraps[k]);
      if (pango_layout_get_line_count (layout) > 2 || !breaks_between_words (layout))
        continue;
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      if (find_free_place (self, &self->occ, i, logical.width, logical.height, 4, 0, width, height, box))
        return wraps[k];
    }

  return 0;
}

/* A number's place: beside its node where it hides nothing, else where it covers only nodes,
 * a little further out each time */
static gboolean
place_number (LtGraphPainter  *self,
              guint            i,
              double           w,
              double           h,
              int              width,
              int              height,
              graphene_rect_t *box)
{
  static const double gaps[] = { 0, 3, 7, 12 };

  if (find_free_place (self, &self->occ, i, w, h, 8, 0, width, height, box))
    return TRUE;
  for (guint g = 0; g < G_N_ELEMENTS (gaps); g++)
    if (find_free_place (self, &self->labels_occ, i, w, h, 8, gaps[g], width, height, box))
      return TRUE;

  return FALSE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  LtGraph *graph = user_data;
  const LtGraphNode *na = lt_graph_get_node (graph, *(const guint *) a);
  const LtGraphNode *nb = lt_graph_get_node (graph, *(const guint *) b);
  int cmp = g_utf8_collate (na->name != NULL ? na->name : "", nb->name != NULL ? nb->name : "");

  return cmp != 0 ? cmp : (int) *(const guint *) a - (int) *(const guint *) b;
}

/* The layout of a number on a node: the labels' font, bold */
static PangoLayout *
number_layout_new (PangoContext *context)
{
  PangoLayout *layout = _lt_graph_label_layout_new (context);
  PangoFontDescription *font = pango_font_description_copy (pango_layout_get_font_description (layout));

  pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  return layout;
}

/**
 * _lt_graph_painter_place_whole_labels:
 *
 * Places every node's name whole, by importance, where it hides no node and no other label;
 * a node whose name has no such place gets a number, which may cover an edge but no label, and
 * the numbers go to the key in the order of the names. The view must be set and the nodes'
 * screen places up to date.
 */
void
_lt_graph_painter_place_whole_labels (LtGraphPainter *self,
                                      PangoContext   *context,
                                      int             width,
                                      int             height)
{
  g_autoptr(PangoLayout) layout = _lt_graph_label_layout_new (context);
  g_autoptr(PangoLayout) number = number_layout_new (context);
  g_autoptr(GArray) numbered = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *widest_number = NULL;
  g_autofree guint *candidates = NULL;
  g_autofree guint8 *seen = NULL;
  guint n = lt_graph_get_n_nodes (self->graph);
  gboolean keyed = n <= KEY_MAX_NODES;
  guint n_candidates = 0;
  guint tried = 0;
  PangoRectangle number_size;
  guint digits = 1;

  g_clear_pointer (&self->whole, g_array_unref);
  g_clear_pointer (&self->key, g_array_unref);
  self->whole = g_array_new (FALSE, FALSE, sizeof (LtGraphWholeLabel));
  self->key = g_array_new (FALSE, FALSE, sizeof (guint));

  occupancy_reset (&self->occ, width, height);
  occupancy_reset (&self->labels_occ, width, height);
  for (guint i = 0; i < n; i++)
    {
      graphene_rect_t r = GRAPHENE_RECT_INIT (self->sx[i] - self->sr[i], self->sy[i] - self->sr[i],
                                              2 * self->sr[i], 2 * self->sr[i]);

      occupancy_add (&self->occ, &r);
    }
  if (self->show_legend)
    {
      int legend_w;
      int legend_h;
      graphene_rect_t box;

      _lt_graph_painter_legend_size (self, &legend_w, &legend_h);
      graphene_rect_init (&box, 12, height - 12 - legend_h, legend_w, legend_h);
      occupancy_add (&self->occ, &box);
      occupancy_add (&self->labels_occ, &box);
    }
  if (self->key_reserved)
    {
      graphene_rect_t box;

      _lt_graph_painter_key_rect (self, width, height, &box);
      occupancy_add (&self->occ, &box);
      occupancy_add (&self->labels_occ, &box);
    }

  /* room for the widest number there could be */
  for (guint k = n; k >= 10; k /= 10)
    digits++;
  widest_number = g_strnfill (digits, '8');
  pango_layout_set_text (number, widest_number, -1);
  pango_layout_get_pixel_extents (number, NULL, &number_size);

  candidates = g_new (guint, n + 1);
  seen = g_new0 (guint8, n);
  if (self->selected >= 0)
    candidates[n_candidates++] = self->selected;
  for (guint k = 0; k < n; k++)
    candidates[n_candidates++] = self->order[k];

  for (guint k = 0; k < n_candidates; k++)
    {
      guint i = candidates[k];
      LtGraphWholeLabel label = { .node = i, .wrap = -1, .number = 0 };

      if (seen[i])
        continue;
      seen[i] = TRUE;
      if (self->sx[i] < 0 || self->sy[i] < 0 || self->sx[i] > width || self->sy[i] > height)
        continue;   /* not on the drawing: nothing to name */
      /* a crowd too big for a key shows its most important names, as on screen */
      if (!keyed && (self->whole->len >= MAX_LABELS || ++tried > 4 * MAX_LABELS))
        break;

      label.wrap = place_name (self, layout, i, width, height, &label.box);
      if (label.wrap == 0)
        {
          if (!keyed)
            continue;
          label.number = G_MAXUINT;   /* numbered below, once all are known */
          if (!place_number (self, i, number_size.width, number_size.height, width, height, &label.box))
            {
              /* nowhere clear: at the node's right, on the drawing */
              graphene_rect_init (&label.box,
                                  CLAMP (self->sx[i] + self->sr[i] + 1, 2, width - 6 - number_size.width),
                                  CLAMP (self->sy[i] - number_size.height / 2.0, 2, height - 2 - number_size.height),
                                  number_size.width + 4, number_size.height);
            }
          g_array_append_val (numbered, i);
        }
      occupancy_add (&self->occ, &label.box);
      occupancy_add (&self->labels_occ, &label.box);
      g_array_append_val (self->whole, label);
    }

  /* numbers in the order of the names: the key reads as an index */
  g_array_sort_with_data (numbered, compare_names, self->graph);
  g_array_append_vals (self->key, numbered->data, numbered->len);
  for (guint l = 0; l < self->whole->len; l++)
    {
      LtGraphWholeLabel *label = &g_array_index (self->whole, LtGraphWholeLabel, l);

      if (label->number == 0)
        continue;
      for (guint k = 0; k < numbered->len; k++)
        if (g_array_index (numbered, guint, k) == label->node)
          label->number = k + 1;
    }
}

/* A place for the key where it hides no node and no label: beside the legend, above it, or in
 * another corner */
gboolean
_lt_graph_painter_find_key_place (LtGraphPainter *self,
                                  int             width,
                                  int             height,
                                  int             key_width,
                                  int             key_height)
{
  int legend_w = 0;
  int legend_h = 0;
  double beside;

  if (self->show_legend)
    _lt_graph_painter_legend_size (self, &legend_w, &legend_h);
  beside = legend_w > 0 ? 12 + legend_w + 12 : 12;

  {
    const graphene_point_t corners[] = {
      GRAPHENE_POINT_INIT (beside, height - 12 - key_height),
      GRAPHENE_POINT_INIT (12, height - 12 - legend_h - 12 - key_height),
      GRAPHENE_POINT_INIT (width - 12 - key_width, height - 12 - key_height),
      GRAPHENE_POINT_INIT (12, 12),
      GRAPHENE_POINT_INIT (width - 12 - key_width, 12),
    };

    for (guint c = 0; c < G_N_ELEMENTS (corners); c++)
      {
        graphene_rect_t box = GRAPHENE_RECT_INIT (corners[c].x, corners[c].y, key_width, key_height);

        if (box.origin.x < 2 || box.origin.y < 2 || box.origin.x + key_width > width - 2
            || box.origin.y + key_height > height - 2 || !occupancy_test (&self->occ, &box))
          continue;
        self->key_x = box.origin.x;
        self->key_y = box.origin.y;
        return TRUE;
      }
  }

  return FALSE;
}

static void
paint_whole_labels (LtGraphPainter       *self,
                    GtkSnapshot          *snapshot,
                    PangoContext         *context,
                    const LtGraphPalette *palette,
                    int                   width,
                    int                   height)
{
  g_autoptr(PangoLayout) layout = _lt_graph_label_layout_new (context);
  g_autoptr(PangoLayout) number = number_layout_new (context);

  if (self->whole == NULL)
    _lt_graph_painter_place_whole_labels (self, context, width, height);

  for (guint l = 0; l < self->whole->len; l++)
    {
      const LtGraphWholeLabel *label = &g_array_index (self->whole, LtGraphWholeLabel, l);
      const LtGraphNode *node = lt_graph_get_node (self->graph, label->node);
      PangoLayout *text = layout;

      if (label->number > 0)
        {
          g_autofree char *digits = g_strdup_printf ("%u", label->number);

          pango_layout_set_text (number, digits, -1);
          text = number;
        }
      else
        set_whole_text (layout, node->name != NULL ? node->name : "", label->wrap);

      gtk_snapshot_append_color (snapshot, &palette->halo, &label->box);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (label->box.origin.x + 2, label->box.origin.y));
      gtk_snapshot_append_layout (snapshot, text, &palette->text);
      gtk_snapshot_restore (snapshot);
    }
}

void
_lt_graph_painter_paint_labels (LtGraphPainter       *self,
                                GtkSnapshot          *snapshot,
                                PangoContext         *context,
                                const LtGraphPalette *palette,
                                int                   width,
                                int                   height)
{
  g_autoptr(PangoLayout) layout = label_layout_new (self, context);
  LtGraphOccupancy *occ = &self->occ;                /* nodes, labels and the legend */
  LtGraphOccupancy *labels_occ = &self->labels_occ;  /* labels and the legend only */
  guint n = lt_graph_get_n_nodes (self->graph);
  g_autofree guint *candidates = g_new (guint, n + 3);
  g_autofree guint8 *seen = g_new0 (guint8, n);
  guint n_candidates = 0;
  guint placed = 0;
  guint tried = 0;
  /* about one label per 3,000 px² at most: more is unreadable anyway */
  guint max_labels = CLAMP ((guint) ((double) width * height / 3000), 20, MAX_LABELS);

  if (self->whole_labels)
    {
      paint_whole_labels (self, snapshot, context, palette, width, height);
      return;
    }

  occupancy_reset (occ, width, height);
  occupancy_reset (labels_occ, width, height);

  /* Nodes are obstacles for labels: the important ones at least */
  for (guint k = 0; k < MIN (n, 2000); k++)
    {
      guint i = self->order[k];
      graphene_rect_t r = GRAPHENE_RECT_INIT (self->sx[i] - self->sr[i], self->sy[i] - self->sr[i],
                                              2 * self->sr[i], 2 * self->sr[i]);

      occupancy_add (occ, &r);
    }

  /* labels stay off the legend */
  if (self->show_legend)
    {
      int legend_w;
      int legend_h;
      graphene_rect_t box;

      _lt_graph_painter_legend_size (self, &legend_w, &legend_h);
      graphene_rect_init (&box, 12, height - 12 - legend_h, legend_w, legend_h);
      occupancy_add (occ, &box);
      occupancy_add (labels_occ, &box);
    }

  if (self->selected >= 0)
    candidates[n_candidates++] = self->selected;
  if (self->hover >= 0)
    candidates[n_candidates++] = self->hover;
  if (self->focus >= 0)
    candidates[n_candidates++] = self->focus;
  for (guint k = 0; k < n; k++)
    {
      guint i = self->order[k];

      if (self->neighbour != NULL && self->neighbour[i])
        candidates[n_candidates++] = i;
    }
  for (guint k = 0; k < n && n_candidates < n + 3; k++)
    {
      guint i = self->order[k];

      if (self->neighbour == NULL || !self->neighbour[i])
        candidates[n_candidates++] = i;
    }

  for (guint k = 0; k < n_candidates && placed < max_labels && tried < 4 * max_labels; k++)
    {
      guint i = candidates[k];
      const LtGraphNode *node = lt_graph_get_node (self->graph, i);
      /* the few busiest actors keep their names even in a crowd: the halo keeps them legible */
      gboolean forced = (int) i == self->selected || (int) i == self->hover || (int) i == self->focus
                        || (self->neighbour == NULL && n <= 2000 && k < 6);
      graphene_rect_t rect;
      gboolean ok = FALSE;
      double lw;
      double lh;

      if (seen[i])
        continue;   /* the selected, hovered and focused nodes come first and again in order */
      seen[i] = TRUE;
      if (self->sx[i] < -LABEL_WIDTH || self->sy[i] < -20 || self->sx[i] > width + 10 || self->sy[i] > height + 20)
        continue;
      if (self->neighbour != NULL && !self->neighbour[i] && !forced)
        continue;

      tried++;
      measure_label (self, layout, i);
      lw = self->label_w[i];
      lh = self->label_h[i];

      /* right of the node, then left, then below, then above */
      for (int side = 0; side < 4 && !ok; side++)
        {
          double x;
          double y;

          switch (side)
            {
            case 0:
              x = self->sx[i] + self->sr[i] + 3;
              y = self->sy[i] - lh / 2;
              break;
            case 1:
              x = self->sx[i] - self->sr[i] - 3 - lw;
              y = self->sy[i] - lh / 2;
              break;
            case 2:
              x = self->sx[i] - lw / 2;
              y = self->sy[i] + self->sr[i] + 2;
              break;
            case 3:
            default:
              x = self->sx[i] - lw / 2;
              y = self->sy[i] - self->sr[i] - 2 - lh;
              break;
            }
          graphene_rect_init (&rect, x - 2, y, lw + 4, lh);
          if (rect.origin.x < 2 || rect.origin.y < 2 || rect.origin.x + rect.size.width > width - 2
              || rect.origin.y + rect.size.height > height - 2)
            continue;
          /* the node's own shape is in the way of every side: test without it */
          {
            graphene_rect_t own = GRAPHENE_RECT_INIT (self->sx[i] - self->sr[i], self->sy[i] - self->sr[i],
                                                      2 * self->sr[i], 2 * self->sr[i]);
            graphene_rect_t shrunk;

            if (graphene_rect_intersection (&rect, &own, &shrunk)
                && shrunk.size.width * shrunk.size.height > 4)
              continue;
          }
          /* a forced label may cover nodes, never another label */
          ok = occupancy_test (occ, &rect) || (forced && occupancy_test (labels_occ, &rect));
        }
      if (!ok)
        continue;

      occupancy_add (occ, &rect);
      occupancy_add (labels_occ, &rect);
      placed++;

      gtk_snapshot_append_color (snapshot, &palette->halo, &rect);
      if (self->label_nodes[i] == NULL)
        {
          GtkSnapshot *text = gtk_snapshot_new ();

          pango_layout_set_text (layout, node->name != NULL ? node->name : "", -1);
          gtk_snapshot_append_layout (text, layout, &palette->text);
          self->label_nodes[i] = gtk_snapshot_free_to_node (text);
        }
      if (self->label_nodes[i] != NULL)
        {
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (rect.origin.x + 2, rect.origin.y));
          gtk_snapshot_append_node (snapshot, self->label_nodes[i]);
          gtk_snapshot_restore (snapshot);
        }
    }
}

/**
 * lt_graph_painter_spread_labels:
 * @self: a painter
 * @context: the Pango context the labels will be drawn with
 * @width: width of the drawing
 * @height: height of the drawing
 *
 * The force layout places nodes as points, so a group that is tied tightly together (everyone
 * searched on one day, say) comes out as a knot whose labels cover each other at any zoom. For
 * a graph small enough to show all its labels, this moves the nodes apart until each node with
 * its label, as [method@GraphPainter.fit] would show them in a drawing of this size, is clear
 * of the others; pinned nodes stay put. It takes a few rounds, since spreading changes the fit.
 *
 * Returns: (transfer full) (nullable): the new positions, 2 × n floats, or %NULL when the
 *   graph is too big for all its labels or nothing had to move
 */
float *
lt_graph_painter_spread_labels (LtGraphPainter *self,
                                PangoContext   *context,
                                int             width,
                                int             height)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree float *xy = NULL;
  g_autofree float *start = NULL;
  g_autofree float *boxes = NULL;
  g_autofree gboolean *pinned = NULL;
  const float *saved_xy;
  double saved_scale;
  double saved_x;
  double saved_y;
  double saved_fit;
  gboolean moved;
  gboolean numbers_only = FALSE;
  guint n;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);

  n = self->graph != NULL ? lt_graph_get_n_nodes (self->graph) : 0;
  if (n < 2 || n > SPREAD_MAX_NODES || width <= 0 || height <= 0)
    return NULL;

  layout = label_layout_new (self, context);
  xy = g_new (float, 2 * n);
  boxes = g_new (float, 4 * n);
  pinned = g_new (gboolean, n);
  for (guint i = 0; i < n; i++)
    {
      _lt_graph_painter_get_xy (self, i, &xy[2 * i], &xy[2 * i + 1]);
      pinned[i] = lt_graph_get_node (self->graph, i)->pinned;
      measure_label (self, layout, i);
    }

  start = g_memdup2 (xy, 2 * n * sizeof (float));

  /* the painter's own view and positions serve for fitting, and are put back after */
  saved_xy = self->xy;
  saved_scale = self->scale;
  saved_x = self->offset_x;
  saved_y = self->offset_y;
  saved_fit = self->fit_scale;
  self->xy = xy;

  /* A few rounds, since spreading shrinks the fit a little; and only while the labels would take
   * at most 40 % of the drawing: a crowd is better served by showing the important
   * labels (the painter does) than by stretching the graph until they all fit. On paper, where
   * the names that do not fit get numbers, a crowd is spread for the numbers instead. */
  for (int round = 0; round < 8; round++)
    {
      graphene_rect_t bounds;
      double scale;
      double area = 0;

      lt_graph_painter_fit (self, width, height);
      scale = self->scale;
      for (guint i = 0; i < n; i++)
        {
          /* the node, with its label at its right as the painter prefers, and a gap around; on
           * paper, once names are too many, with room for its number in the key */
          double r = _lt_graph_painter_node_radius (self, i);
          double label_w = numbers_only ? NUMBER_WIDTH : self->label_w[i];
          double half_h = MAX (r, self->label_h[i] / 2) + 3;

          boxes[4 * i] = -(r + 4) / scale;
          boxes[4 * i + 1] = -half_h / scale;
          boxes[4 * i + 2] = (r + 3 + label_w + 8) / scale;
          boxes[4 * i + 3] = half_h / scale;
          area += (boxes[4 * i + 2] - boxes[4 * i]) * (boxes[4 * i + 3] - boxes[4 * i + 1]) * scale * scale;
        }
      lt_graph_painter_get_bounds (self, &bounds);
      if (area > 0.4 * width * height && self->whole_labels && !numbers_only)
        {
          numbers_only = TRUE;
          round--;
          continue;
        }
      if (area > 0.4 * width * height)
        break;
      if (!lt_layout_has_overlap (xy, n, boxes))
        break;
      lt_layout_remove_overlaps (xy, n, boxes, pinned, 500);
    }
  moved = memcmp (start, xy, 2 * n * sizeof (float)) != 0;

  self->xy = saved_xy;
  self->scale = saved_scale;
  self->offset_x = saved_x;
  self->offset_y = saved_y;
  self->fit_scale = saved_fit;

  return moved ? g_steal_pointer (&xy) : NULL;
}
