/* test-graph-painter.c
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A big graph's edges are drawn into a raster layer that a thread redraws while frames move
 * the old one: what the user must see is the right picture once the thread is done, the old
 * one moved in the meantime, and no crash when the view goes away mid-redraw. A small graph's
 * knots are spread until every label shows. */

#include "config.h"

#include <gtk/gtk.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <unistd.h>

#include "lt-graph-model.h"
#include "lt-graph-painter.h"
#include "widget-test-util.h"

#define WIDTH  640
#define HEIGHT 400

static PangoContext *context;

/* A deterministic graph big enough (over 3,000 edges) for the raster layer: nodes on a
 * spiral, each tied to two earlier ones. */
static LtGraph *
make_big_graph (void)
{
  const char * const *kinds = lt_graph_node_kind_list_keys ();
  LtGraph *graph = lt_graph_new ();
  GRand *rand = g_rand_new_with_seed (11);
  const guint n = 2000;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Actor %u", i);
      guint index = lt_graph_add_node (graph, i + 1, NULL, name, kinds[i % 7], 1 + i % 5);
      LtGraphNode *node = lt_graph_get_node (graph, index);
      double a = i * 0.37;
      double r = 10 * sqrt (i);

      node->x = r * cos (a);
      node->y = r * sin (a);
    }
  for (guint i = 1; i < n; i++)
    for (guint k = 0; k < 2; k++)
      lt_graph_add_edge (graph, i, g_rand_int_range (rand, 0, i),
                         lt_graph_edge_type_list_keys ()[(i + k) % 4], TRUE, G_MININT32, G_MAXINT32);
  g_rand_free (rand);

  g_assert_cmpuint (lt_graph_get_n_edges (graph), >=, 3000);
  return graph;
}

static cairo_surface_t *
draw_sized (LtGraphPainter *painter,
            int             width,
            int             height)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  GskRenderNode *node;
  cairo_t *cr;

  lt_graph_painter_paint (painter, snapshot, context, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  cr = cairo_create (surface);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  gsk_render_node_unref (node);
  cairo_surface_flush (surface);

  return surface;
}

static cairo_surface_t *
draw (LtGraphPainter *painter)
{
  return draw_sized (painter, WIDTH, HEIGHT);
}

/* the share of pixels whose colour differs by more than a few levels in some channel */
static double
difference_sized (cairo_surface_t *a,
                  cairo_surface_t *b,
                  int              width,
                  int              height)
{
  const guint8 *pa = cairo_image_surface_get_data (a);
  const guint8 *pb = cairo_image_surface_get_data (b);
  int stride = cairo_image_surface_get_stride (a);
  guint differing = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      for (int c = 0; c < 4; c++)
        if (ABS (pa[y * stride + 4 * x + c] - pb[y * stride + 4 * x + c]) > 24)
          {
            differing++;
            break;
          }

  return (double) differing / (width * height);
}

static double
difference (cairo_surface_t *a,
            cairo_surface_t *b)
{
  return difference_sized (a, b, WIDTH, HEIGHT);
}

/* mean of the three colour channels over the drawing: lower is darker, i.e. more ink */
static double
lightness (cairo_surface_t *surface)
{
  const guint8 *p = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  double sum = 0;

  for (int y = 0; y < HEIGHT; y++)
    for (int x = 0; x < WIDTH; x++)
      sum += p[y * stride + 4 * x] + p[y * stride + 4 * x + 1] + p[y * stride + 4 * x + 2];

  return sum / (3.0 * WIDTH * HEIGHT);
}

static void
count_ready (gpointer user_data)
{
  (*(guint *) user_data)++;
}

static void
wait_for_ready (guint *ready,
                guint  before)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (*ready == before && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (*ready, >, before);
}

static LtGraphPainter *
make_painter (LtGraph *graph)
{
  LtGraphPainter *painter = lt_graph_painter_new ();

  lt_graph_painter_set_graph (painter, graph);
  lt_graph_painter_set_show_legend (painter, FALSE);
  lt_graph_painter_fit (painter, WIDTH, HEIGHT);
  return painter;
}

static void
test_layer_follows_view (void)
{
  g_autoptr(LtGraph) graph = make_big_graph ();
  g_autoptr(LtGraphPainter) threaded = make_painter (graph);
  g_autoptr(LtGraphPainter) direct = make_painter (graph);
  cairo_surface_t *first;
  cairo_surface_t *stale;
  cairo_surface_t *fresh;
  cairo_surface_t *expected;
  guint ready = 0;
  double scale;
  double ox;
  double oy;

  lt_graph_painter_set_ready_func (threaded, count_ready, &ready);

  /* the first frame draws its layer itself, so it is right at once */
  first = draw (threaded);
  expected = draw (direct);
  g_assert_cmpfloat (difference (first, expected), <, 0.002);
  cairo_surface_destroy (expected);

  /* zoom in about a point off centre: the frame comes at once, from the old layer scaled */
  lt_graph_painter_get_view (threaded, &scale, &ox, &oy);
  lt_graph_painter_set_view (threaded, scale * 1.6, ox * 1.6 - 250, oy * 1.6 - 120);
  lt_graph_painter_set_view (direct, scale * 1.6, ox * 1.6 - 250, oy * 1.6 - 120);
  stale = draw (threaded);
  expected = draw (direct);
  g_assert_cmpuint (ready, ==, 0);

  /* and once the thread is done, the next frame is the one drawn directly */
  wait_for_ready (&ready, 0);
  fresh = draw (threaded);
  g_test_message ("differing pixels: first %.4f, scaled old layer %.4f, redrawn %.4f",
                  difference (first, expected), difference (stale, expected), difference (fresh, expected));
  g_assert_cmpfloat (difference (stale, expected), >, 0.01);   /* the scaled layer is blurred */
  g_assert_cmpfloat (difference (fresh, expected), <, 0.0005);

  /* a pan within the margins needs a redraw too (the layer is not moved by whole pixels), and
   * positions that change (the layout moving on) make the layer stale */
  lt_graph_painter_set_view (threaded, scale * 1.6, ox * 1.6 - 200.5, oy * 1.6 - 100.5);
  lt_graph_painter_set_view (direct, scale * 1.6, ox * 1.6 - 200.5, oy * 1.6 - 100.5);
  cairo_surface_destroy (draw (threaded));
  wait_for_ready (&ready, 1);
  cairo_surface_destroy (fresh);
  cairo_surface_destroy (expected);
  fresh = draw (threaded);
  expected = draw (direct);
  g_assert_cmpfloat (difference (fresh, expected), <, 0.0005);

  /* a window made smaller shows the last layer at once, then the one drawn for its size */
  cairo_surface_destroy (draw_sized (threaded, WIDTH - 100, HEIGHT - 60));
  wait_for_ready (&ready, 2);
  cairo_surface_destroy (fresh);
  cairo_surface_destroy (expected);
  fresh = draw_sized (threaded, WIDTH - 100, HEIGHT - 60);
  expected = draw_sized (direct, WIDTH - 100, HEIGHT - 60);
  g_assert_cmpfloat (difference_sized (fresh, expected, WIDTH - 100, HEIGHT - 60), <, 0.0005);

  cairo_surface_destroy (first);
  cairo_surface_destroy (stale);
  cairo_surface_destroy (fresh);
  cairo_surface_destroy (expected);
}

/* With a GPU renderer the layer goes over as a texture: the same picture */
static void
test_layer_as_texture (void)
{
  g_autoptr(LtGraph) graph = make_big_graph ();
  g_autoptr(LtGraphPainter) textured = make_painter (graph);
  g_autoptr(LtGraphPainter) direct = make_painter (graph);
  cairo_surface_t *a;
  cairo_surface_t *b;
  guint ready = 0;
  double scale;
  double ox;
  double oy;

  lt_graph_painter_set_layer_textures (textured, TRUE);
  lt_graph_painter_set_ready_func (textured, count_ready, &ready);
  cairo_surface_destroy (draw (textured));
  lt_graph_painter_get_view (textured, &scale, &ox, &oy);
  lt_graph_painter_set_view (textured, scale * 1.3, ox - 40, oy - 30);
  lt_graph_painter_set_view (direct, scale * 1.3, ox - 40, oy - 30);
  cairo_surface_destroy (draw (textured));
  wait_for_ready (&ready, 0);

  a = draw (textured);
  b = draw (direct);
  g_assert_cmpfloat (difference (a, b), <, 0.0005);
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

static void
test_hover_dims_layer (void)
{
  g_autoptr(LtGraph) graph = make_big_graph ();
  g_autoptr(LtGraphPainter) painter = make_painter (graph);
  cairo_surface_t *plain;
  cairo_surface_t *hovered;
  double x;
  double y;

  plain = draw (painter);
  lt_graph_painter_set_hover (painter, 0);
  hovered = draw (painter);

  /* the rest fades towards the background, and the hovered node is still drawn in full */
  g_assert_cmpfloat (lightness (hovered), >, lightness (plain) + 3);
  lt_graph_painter_node_to_screen (painter, 0, &x, &y, NULL);
  {
    const guint8 *p = cairo_image_surface_get_data (hovered);
    int stride = cairo_image_surface_get_stride (hovered);
    const guint8 *px = p + (int) y * stride + 4 * (int) x;

    g_assert_cmpint (px[0] + px[1] + px[2], <, 3 * 200);
  }

  cairo_surface_destroy (plain);
  cairo_surface_destroy (hovered);
}

/* Whether a thread of this process other than the main one is named @name, or has not named
 * itself yet (it still carries the main thread's name then): the layer thread is reached only
 * through its name. Off Linux, says no. */
static gboolean
thread_running (const char *name)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/task", 0, NULL);
  g_autofree char *main_path = g_strdup_printf ("/proc/self/task/%d/comm", (int) getpid ());
  g_autofree char *main_comm = NULL;
  const char *tid;

  if (dir == NULL || !g_file_get_contents (main_path, &main_comm, NULL, NULL))
    return FALSE;
  g_strchomp (main_comm);
  while ((tid = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename ("/proc/self/task", tid, "comm", NULL);
      g_autofree char *comm = NULL;

      if (atoi (tid) == (int) getpid () || !g_file_get_contents (path, &comm, NULL, NULL))
        continue;
      g_strchomp (comm);
      if (g_str_equal (comm, name) || g_str_equal (comm, main_comm))
        return TRUE;
    }
  return FALSE;
}

static void
test_freed_mid_redraw (void)
{
  g_autoptr(LtGraph) graph = make_big_graph ();
  LtGraphPainter *painter = make_painter (graph);
  guint ready = 0;
  double scale;
  double ox;
  double oy;

  lt_graph_painter_set_ready_func (painter, count_ready, &ready);
  cairo_surface_destroy (draw (painter));
  lt_graph_painter_get_view (painter, &scale, &ox, &oy);
  lt_graph_painter_set_view (painter, scale * 2, ox, oy);
  cairo_surface_destroy (draw (painter));   /* starts a redraw */
  lt_graph_painter_free (painter);

  /* the redraw finishes into nothing: once its thread has ended and what it handed back has
   * run, the ready func has not been called for a freed painter */
  WAIT_UNTIL (!thread_running ("lt-graph-layer"), 20000);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (ready, ==, 0);
}

/* The painter's own label placement, observed: how many labels it shows */
static guint
count_text_nodes (GskRenderNode *node)
{
  guint count = 0;

  GskRenderNodeType type = gsk_render_node_get_node_type (node);

  if (type == GSK_TEXT_NODE)
    return 1;
  if (type == GSK_CONTAINER_NODE)
    for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
      count += count_text_nodes (gsk_container_node_get_child (node, i));
  else if (type == GSK_TRANSFORM_NODE)
    count = count_text_nodes (gsk_transform_node_get_child (node));
  else if (type == GSK_CLIP_NODE)
    count = count_text_nodes (gsk_clip_node_get_child (node));
  return count;
}

static guint
count_labels (LtGraphPainter *painter)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;
  guint count;

  lt_graph_painter_fit (painter, WIDTH, HEIGHT);
  lt_graph_painter_paint (painter, snapshot, context, WIDTH, HEIGHT);
  node = gtk_snapshot_free_to_node (snapshot);
  count = node != NULL ? count_text_nodes (node) : 0;
  g_clear_pointer (&node, gsk_render_node_unref);
  return count;
}

/* Twenty people searched on one day, tied to each other and to the body that searched them,
 * sit in a knot next to one far-off ally: before spreading most of their names are hidden,
 * after it every one shows. */
static void
test_spread_labels (void)
{
  g_autoptr(LtGraph) graph = lt_graph_new ();
  g_autoptr(LtGraphPainter) painter = NULL;
  g_autofree float *xy = NULL;
  guint before;
  guint after;

  lt_graph_add_node (graph, 1, NULL, "Security forces", "state-body", 20);
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *name = g_strdup_printf ("Defender %u", i + 1);

      lt_graph_add_node (graph, i + 2, NULL, name, "person", 1);
      lt_graph_add_edge (graph, 0, i + 1, "searched", TRUE, G_MININT32, G_MAXINT32);
      if (i > 0)
        lt_graph_add_edge (graph, i, i + 1, "signed-with", FALSE, G_MININT32, G_MAXINT32);
    }
  lt_graph_add_node (graph, 30, NULL, "A far-off ally", "organization", 1);
  lt_graph_add_edge (graph, 1, 21, "allied-with", FALSE, G_MININT32, G_MAXINT32);
  for (guint i = 0; i < 22; i++)
    {
      LtGraphNode *node = lt_graph_get_node (graph, i);

      node->x = i == 21 ? 100 : 2 * cos (i);
      node->y = i == 21 ? -100 : 2 * sin (i);
    }
  lt_graph_get_node (graph, 21)->pinned = TRUE;

  painter = make_painter (graph);
  before = count_labels (painter);
  xy = lt_graph_painter_spread_labels (painter, context, WIDTH, HEIGHT);
  g_assert_nonnull (xy);
  g_assert_cmpfloat (xy[2 * 21], ==, 100);   /* pinned */
  g_assert_cmpfloat (xy[2 * 21 + 1], ==, -100);
  lt_graph_painter_set_positions (painter, xy);
  after = count_labels (painter);
  g_test_message ("labels shown: %u before spreading, %u after", before, after);
  g_assert_cmpuint (before, <, 12);
  g_assert_cmpuint (after, ==, 22);

  /* once spread, there is nothing more to do */
  g_assert_null (lt_graph_painter_spread_labels (painter, context, WIDTH, HEIGHT));
}

/* A crowd too big for all its labels is left to the label selection. */
static void
test_spread_labels_crowd (void)
{
  g_autoptr(LtGraph) graph = make_big_graph ();
  g_autoptr(LtGraphPainter) painter = make_painter (graph);

  g_assert_null (lt_graph_painter_spread_labels (painter, context, WIDTH, HEIGHT));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* render nodes without a display: their types are registered by GTK's init otherwise */
  g_type_ensure (GSK_TYPE_COLOR_NODE);
  context = pango_font_map_create_context (pango_cairo_font_map_get_default ());

  g_test_add_func ("/Letapis/Graph/painter/layer-follows-view", test_layer_follows_view);
  g_test_add_func ("/Letapis/Graph/painter/layer-as-texture", test_layer_as_texture);
  g_test_add_func ("/Letapis/Graph/painter/hover-dims-layer", test_hover_dims_layer);
  g_test_add_func ("/Letapis/Graph/painter/freed-mid-redraw", test_freed_mid_redraw);
  g_test_add_func ("/Letapis/Graph/painter/spread-labels", test_spread_labels);
  g_test_add_func ("/Letapis/Graph/painter/spread-labels-crowd", test_spread_labels_crowd);

  return g_test_run ();
}
