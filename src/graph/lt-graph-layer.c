/* lt-graph-layer.c: a big graph's raster layer, redrawn by a thread of its own
 * while frames paint the last one moved and scaled
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The layer thread owns a copy of what it draws from (a painter of its own with the positions,
 * sizes and colours of the moment, see layer_painter_new()) and hands back the finished
 * pixels through a GTask, whose callback runs on the UI thread; nothing else crosses. The
 * overview, the whole graph drawn small, stands in where a fast move has left the layer. */

#define G_LOG_DOMAIN "lt-graph-painter"

#include "config.h"

#include <math.h>
#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "lt-graph-painter-private.h"

struct _LtGraphLayer
{
  cairo_surface_t *surface;     /* the view plus a margin on every side */
  GdkTexture      *texture;     /* the same pixels, made once for a GPU renderer */
  int              margin_x;
  int              margin_y;
  int              width;       /* of the view it was drawn for */
  int              height;
  double           scale;       /* the view it was drawn for */
  double           offset_x;
  double           offset_y;
  guint            stamp;
  guint            generation;
};

static void
layer_free (LtGraphLayer *layer)
{
  g_clear_object (&layer->texture);
  g_clear_pointer (&layer->surface, cairo_surface_destroy);
  g_free (layer);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LtGraphLayer, layer_free)

/* The look has changed: the layer is wrong, not just stale, and a redraw in flight too. */
void
_lt_graph_painter_drop_layer (LtGraphPainter *self)
{
  self->layer_generation++;
  g_clear_pointer (&self->layer, layer_free);
  g_clear_pointer (&self->overview, layer_free);
}

/* The painter is going: a redraw in flight finds it gone through the cancellable. */
void
_lt_graph_painter_clear_layer (LtGraphPainter *self)
{
  if (self->layer_job != NULL)
    g_cancellable_cancel (self->layer_job);
  g_clear_object (&self->layer_job);
  g_clear_pointer (&self->layer, layer_free);
  g_clear_pointer (&self->overview, layer_free);
}

/* What a layer is drawn from, copied so that a thread can draw it while the painter goes on:
 * a painter of its own, with the positions on the layer for its view, @scale and @offset_x,
 * @offset_y, and the nodes' sizes scaled from the current frame's. */
static LtGraphPainter *
layer_painter_new (LtGraphPainter *self,
                   int             width,
                   int             height,
                   int             margin_x,
                   int             margin_y,
                   double          scale,
                   double          offset_x,
                   double          offset_y)
{
  LtGraphPainter *copy = lt_graph_painter_new ();
  guint n = lt_graph_get_n_nodes (self->graph);
  guint n_edges = lt_graph_get_n_edges (self->graph);
  double k = scale / self->scale;

  copy->graph = lt_graph_ref (self->graph);
  copy->dark = self->dark;
  copy->grayscale = self->grayscale;
  copy->color_mode = self->color_mode;
  copy->size_mode = self->size_mode;
  copy->scale = scale;
  copy->offset_x = offset_x;
  copy->offset_y = offset_y;
  copy->fit_scale = self->fit_scale;
  copy->radius_cap = self->radius_cap;
  copy->raster = TRUE;
  copy->show_legend = FALSE;
  copy->show_background = FALSE;
  copy->layer_stamp = self->layer_stamp;
  copy->layer_generation = self->layer_generation;
  copy->layer_textures = self->layer_textures;
  copy->layer_width = width;
  copy->layer_height = height;
  copy->layer_margin_x = margin_x;
  copy->layer_margin_y = margin_y;
  copy->edge_family = g_memdup2 (self->edge_family, MAX (n_edges, 1));
  copy->sx = g_new (float, n);
  copy->sy = g_new (float, n);
  copy->sr = g_new (float, n);
  copy->colors = g_new (const GdkRGBA *, MAX (n, 1));
  copy->scratch_len = n;
  for (guint i = 0; i < n; i++)
    {
      float x;
      float y;

      _lt_graph_painter_get_xy (self, i, &x, &y);
      copy->sx[i] = x * scale + offset_x + margin_x;
      copy->sy[i] = y * scale + offset_y + margin_y;
      copy->sr[i] = MAX (self->sr[i] * k, 0.6);
      copy->colors[i] = _lt_graph_painter_node_color (self, _lt_graph_painter_palette (self), i);
    }

  return copy;
}

/* Where a layer drawn for another view lies in this one, shrunk to whole pixels: the part of
 * the screen it covers, outside which the overview shows */
static void
layer_inner_rect (LtGraphPainter  *self,
                  LtGraphLayer    *layer,
                  graphene_rect_t *rect)
{
  double k = self->scale / layer->scale;
  double x0 = ceil ((-layer->margin_x - layer->offset_x) * k + self->offset_x);
  double y0 = ceil ((-layer->margin_y - layer->offset_y) * k + self->offset_y);
  double x1 = floor ((-layer->margin_x - layer->offset_x) * k + self->offset_x
                     + (layer->width + 2 * layer->margin_x) * k);
  double y1 = floor ((-layer->margin_y - layer->offset_y) * k + self->offset_y
                     + (layer->height + 2 * layer->margin_y) * k);

  graphene_rect_init (rect, x0, y0, MAX (x1 - x0, 0), MAX (y1 - y0, 0));
}

/* The layer's pixels as a texture, without a copy: the bytes keep the surface, which nothing
 * draws on any more, alive. */
static void
layer_make_texture (LtGraphLayer *layer)
{
  g_autoptr(GBytes) bytes = NULL;
  int stride = cairo_image_surface_get_stride (layer->surface);
  int height = cairo_image_surface_get_height (layer->surface);

  cairo_surface_flush (layer->surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (layer->surface),
                                      (gsize) stride * height,
                                      (GDestroyNotify) cairo_surface_destroy,
                                      cairo_surface_reference (layer->surface));
  layer->texture = gdk_memory_texture_new (cairo_image_surface_get_width (layer->surface), height,
                                           GDK_MEMORY_B8G8R8A8_PREMULTIPLIED, bytes, stride);
}

/* Draws a layer from a layer painter; runs in a thread or, for the first frame and the export,
 * in the frame itself. */
static LtGraphLayer *
render_layer (LtGraphPainter *copy)
{
  const LtGraphPalette *palette = _lt_graph_painter_palette (copy);
  g_autoptr(LtGraphLayer) layer = g_new0 (LtGraphLayer, 1);
  int margin_x = copy->layer_margin_x;
  int margin_y = copy->layer_margin_y;
  int width = copy->layer_width + 2 * margin_x;
  int height = copy->layer_height + 2 * margin_y;
  cairo_t *cr;

  layer->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  if (cairo_surface_status (layer->surface) != CAIRO_STATUS_SUCCESS)
    return NULL;
  layer->margin_x = margin_x;
  layer->margin_y = margin_y;
  layer->width = copy->layer_width;
  layer->height = copy->layer_height;
  layer->scale = copy->scale;
  layer->offset_x = copy->offset_x;
  layer->offset_y = copy->offset_y;
  layer->stamp = copy->layer_stamp;
  layer->generation = copy->layer_generation;

  /* Wu's lines straight into the pixels, then cairo for the big node shapes */
  cairo_surface_flush (layer->surface);
  _lt_graph_painter_rasterize (copy, (guint32 *) cairo_image_surface_get_data (layer->surface),
                               palette, width, height);
  cairo_surface_mark_dirty (layer->surface);
  cr = cairo_create (layer->surface);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  _lt_graph_painter_paint_nodes (copy, cr, palette, width, height, LT_GRAPH_NODES_LAYER);
  cairo_destroy (cr);
  cairo_surface_flush (layer->surface);
  if (copy->layer_textures)
    layer_make_texture (layer);

  return g_steal_pointer (&layer);
}

/* A thread's work: the layer for the view, and the whole graph when the overview is out of date */
typedef struct
{
  LtGraphPainter *detail;
  LtGraphPainter *overview;
  LtGraphLayer   *detail_layer;
  LtGraphLayer   *overview_layer;
} LayerJob;

static void
layer_job_free (LayerJob *job)
{
  g_clear_pointer (&job->detail, lt_graph_painter_free);
  g_clear_pointer (&job->overview, lt_graph_painter_free);
  g_clear_pointer (&job->detail_layer, layer_free);
  g_clear_pointer (&job->overview_layer, layer_free);
  g_free (job);
}

/* Runs on a thread of its own rather than in GIO's pool, because it lowers its own priority:
 * a redraw is worth less than the frames it stands behind, so on a busy machine the scheduler
 * should take its time from this thread, not from the UI's. */
static gpointer
render_layer_thread (gpointer data)
{
  g_autoptr(GTask) task = data;
  LayerJob *job = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

#ifdef __linux__
  setpriority (PRIO_PROCESS, syscall (SYS_gettid), 10);
#endif

  job->detail_layer = render_layer (job->detail);
  if (job->overview != NULL && !g_cancellable_is_cancelled (cancellable))
    job->overview_layer = render_layer (job->overview);
  g_task_return_boolean (task, job->detail_layer != NULL);

  return NULL;
}

static void
take_layer (LtGraphPainter  *self,
            LtGraphLayer   **slot,
            LtGraphLayer   **layer)
{
  if (*layer == NULL || (*layer)->generation != self->layer_generation)
    return;
  g_clear_pointer (slot, layer_free);
  *slot = g_steal_pointer (layer);
}

static void
render_layer_done (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  LayerJob *job = g_task_get_task_data (G_TASK (result));
  LtGraphPainter *self = user_data;

  /* cancelled means the painter is gone: do not touch it */
  if (!g_task_propagate_boolean (G_TASK (result), &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->layer_job);
  take_layer (self, &self->layer, &job->detail_layer);
  take_layer (self, &self->overview, &job->overview_layer);
  if (self->layer_ready_func != NULL)
    self->layer_ready_func (self->layer_ready_data);
}

/* Whether the layer shows the current frame exactly: the same size, positions, scale and offset. */
static gboolean
layer_is_current (LtGraphPainter *self,
                  int             width,
                  int             height)
{
  LtGraphLayer *layer = self->layer;

  return layer->width == width && layer->height == height
         && layer->stamp == self->layer_stamp
         && layer->scale == self->scale
         && layer->offset_x == self->offset_x
         && layer->offset_y == self->offset_y;
}

/* Paints a layer drawn for another view where it is in this one: a point drawn at p is now at
 * (p - the layer's offset) × k + offset. */
static void
paint_layer_surface (LtGraphPainter *self,
                     cairo_t        *cr,
                     LtGraphLayer   *layer)
{
  double k = self->scale / layer->scale;

  cairo_save (cr);
  cairo_translate (cr, self->offset_x - layer->offset_x * k, self->offset_y - layer->offset_y * k);
  cairo_scale (cr, k, k);
  cairo_set_source_surface (cr, layer->surface, -layer->margin_x, -layer->margin_y);
  /* cairo's default filter turns into a convolution when shrinking: 20 ms a frame */
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_BILINEAR);
  cairo_paint (cr);
  cairo_restore (cr);
}

/* A layer as a texture node where it was drawn for another view. The texture is made once per
 * layer, so a GPU renderer uploads it once and then only moves it. */
static void
append_layer_texture (LtGraphPainter        *self,
                      GtkSnapshot           *snapshot,
                      LtGraphLayer          *layer,
                      const graphene_rect_t *clip)
{
  double k = self->scale / layer->scale;
  int w = cairo_image_surface_get_width (layer->surface);
  int h = cairo_image_surface_get_height (layer->surface);

  if (clip->size.width <= 0 || clip->size.height <= 0)
    return;
  if (layer->texture == NULL)
    layer_make_texture (layer);

  gtk_snapshot_push_clip (snapshot, clip);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (self->offset_x - layer->offset_x * k,
                                                          self->offset_y - layer->offset_y * k));
  gtk_snapshot_scale (snapshot, k, k);
  gtk_snapshot_append_texture (snapshot, layer->texture,
                               &GRAPHENE_RECT_INIT (-layer->margin_x, -layer->margin_y, w, h));
  gtk_snapshot_restore (snapshot);
  gtk_snapshot_pop (snapshot);
}

static void
append_layer (LtGraphPainter *self,
              GtkSnapshot    *snapshot,
              int             width,
              int             height)
{
  LtGraphLayer *layer = self->layer;
  cairo_t *cr;

  if (self->layer_textures)
    {
      graphene_rect_t all = GRAPHENE_RECT_INIT (0, 0, width, height);

      /* the overview in the four bands around the layer's rectangle, then the layer */
      if (self->overview != NULL && self->overview->generation == self->layer_generation)
        {
          graphene_rect_t inner;
          double x0;
          double y0;
          double x1;
          double y1;
          graphene_rect_t bands[4];

          layer_inner_rect (self, layer, &inner);
          x0 = CLAMP (inner.origin.x, 0, width);
          y0 = CLAMP (inner.origin.y, 0, height);
          x1 = CLAMP (inner.origin.x + inner.size.width, x0, width);
          y1 = CLAMP (inner.origin.y + inner.size.height, y0, height);
          bands[0] = GRAPHENE_RECT_INIT (0, 0, width, y0);
          bands[1] = GRAPHENE_RECT_INIT (0, y1, width, height - y1);
          bands[2] = GRAPHENE_RECT_INIT (0, y0, x0, y1 - y0);
          bands[3] = GRAPHENE_RECT_INIT (x1, y0, width - x1, y1 - y0);

          for (guint b = 0; b < G_N_ELEMENTS (bands); b++)
            append_layer_texture (self, snapshot, self->overview, &bands[b]);
        }
      append_layer_texture (self, snapshot, layer, &all);
      return;
    }

  /* A cairo node, not a texture: GTK 4.8's cairo renderer converts a whole texture on every
   * frame (15 ms at this size) where painting a surface costs about one. */
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* Where a fast zoom out or pan has gone past what the layer covers, the overview of the
   * whole graph stands in until the thread has drawn the new view. */
  if (self->overview != NULL && self->overview->generation == self->layer_generation)
    {
      graphene_rect_t inner;

      /* whole pixels and no antialiasing make the clip a region, not a mask: a masked blit
       * costs twice as much, and the layer covers the pixel it would have shared anyway */
      layer_inner_rect (self, layer, &inner);
      cairo_save (cr);
      cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_rectangle (cr, inner.origin.x, inner.origin.y, inner.size.width, inner.size.height);
      cairo_clip (cr);
      cairo_set_antialias (cr, CAIRO_ANTIALIAS_DEFAULT);
      paint_layer_surface (self, cr, self->overview);
      cairo_restore (cr);
    }

  paint_layer_surface (self, cr, layer);
  cairo_destroy (cr);
}

void
_lt_graph_painter_paint_layer (LtGraphPainter *self,
                               GtkSnapshot    *snapshot,
                               int             width,
                               int             height)
{
  gboolean threaded = self->layer_ready_func != NULL;
  /* while the window is resized, the last layer still shows where it was drawn */
  gboolean usable = self->layer != NULL
                    && self->layer->generation == self->layer_generation
                    && (threaded || (self->layer->width == width && self->layer->height == height));

  /* The first frame, a new look, and every frame of the export draw the layer now */
  if (!usable || (!threaded && !layer_is_current (self, width, height)))
    {
      g_autoptr(LtGraphPainter) copy = layer_painter_new (self, width, height, 0, 0, self->scale,
                                                          self->offset_x, self->offset_y);

      g_clear_pointer (&self->layer, layer_free);
      self->layer = render_layer (copy);
      if (self->layer == NULL)
        return;
    }

  append_layer (self, snapshot, width, height);

  /* Anything else a thread redraws, one at a time, with margins so that a pan is covered */
  if (threaded && self->layer_job == NULL && !layer_is_current (self, width, height))
    {
      g_autoptr(GTask) task = NULL;
      LayerJob *job = g_new0 (LayerJob, 1);

      job->detail = layer_painter_new (self, width, height, width / 4, height / 4, self->scale,
                                       self->offset_x, self->offset_y);
      if (self->overview == NULL || self->overview->generation != self->layer_generation
          || self->overview->stamp != self->layer_stamp
          || self->overview->width != width || self->overview->height != height)
        {
          graphene_rect_t bounds;
          double scale;

          lt_graph_painter_get_bounds (self, &bounds);
          scale = 0.9 * MIN (width / MAX (bounds.size.width, 1e-3), height / MAX (bounds.size.height, 1e-3));
          job->overview = layer_painter_new (self, width, height, 0, 0, scale,
                                             width / 2.0 - (bounds.origin.x + bounds.size.width / 2) * scale,
                                             height / 2.0 - (bounds.origin.y + bounds.size.height / 2) * scale);
        }

      self->layer_job = g_cancellable_new ();
      task = g_task_new (NULL, self->layer_job, render_layer_done, self);
      g_task_set_source_tag (task, _lt_graph_painter_paint_layer);
      g_task_set_task_data (task, job, (GDestroyNotify) layer_job_free);
      g_thread_unref (g_thread_new ("lt-graph-layer", render_layer_thread, g_steal_pointer (&task)));
    }
}
