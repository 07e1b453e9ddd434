/* lt-graph-view.c: LtGraphView, the graph canvas: pan, zoom, hover, drag and select, with
 * the important nodes as focusable child widgets for the keyboard and screen readers
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The graph canvas. Drawing goes through LtGraphPainter; the layout runs in a thread
 * (LtGraphLayoutWorker, lt-graph-layout-worker.c) that steps LtForceLayout and publishes
 * positions, which a tick callback reads on the frame clock. Dragging a node pins it (the worker
 * gets the move as a command); double-clicking a pinned node lets it go.
 *
 * GTK 4.8 has no virtual accessible children, so the most important nodes (all of them in the
 * bundled chronicle) are small focusable child widgets (an LtItemPool of LtItemButtons) with the
 * BUTTON role and a label "name, kind", placed over the drawn shapes: Tab and the arrow keys
 * move between them, Enter selects.
 */

#define G_LOG_DOMAIN "lt-graph-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "lt-force-layout.h"
#include "lt-graph-layout-worker.h"
#include "lt-graph-view.h"
#include "lt-item-pool.h"

#define MAX_NODE_WIDGETS 400

struct _LtGraphView
{
  GtkWidget        parent_instance;

  LtGraph         *graph;
  LtGraphPainter  *painter;
  float           *xy;
  LtGraphLayoutWorker *worker;
  guint            tick_id;
  gboolean         settled;
  gboolean         auto_fit;
  gboolean         spread_pending;   /* settled before it had a size */
  int              last_width;
  int              last_height;

  LtItemPool      *node_widgets;   /* ids are node indices */
  int              selected;
  int              focused;

  /* gestures */
  int              drag_node;
  double           drag_start_x;
  double           drag_start_y;
  double           drag_offset_x;
  double           drag_offset_y;
  double           zoom_start_scale;
  double           pointer_x;
  double           pointer_y;
};

enum {
  PROP_0,
  PROP_SELECTED_ACTOR,
  PROP_LAYOUT_SETTLED,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (LtGraphView, lt_graph_view, GTK_TYPE_WIDGET)

static GParamSpec *properties[N_PROPS];

static void
stop_worker (LtGraphView *self)
{
  g_clear_pointer (&self->worker, lt_graph_layout_worker_stop);
}

static void
set_settled (LtGraphView *self,
             gboolean     settled)
{
  if (self->settled == settled)
    return;
  self->settled = settled;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYOUT_SETTLED]);
}

static void
store_positions_in_graph (LtGraphView *self)
{
  guint n = lt_graph_get_n_nodes (self->graph);

  for (guint i = 0; i < n; i++)
    {
      LtGraphNode *node = lt_graph_get_node (self->graph, i);

      node->x = self->xy[2 * i];
      node->y = self->xy[2 * i + 1];
      node->has_position = TRUE;
    }
}

/* The layout has settled: a small graph's nodes move apart on screen until their labels are
 * clear of each other, and the worker learns where they went. The graph (and the store) keep
 * the layout's own positions: room made for one window's labels is not the picture's shape. */
static void
spread_labels (LtGraphView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autofree float *xy = NULL;
  guint n;

  if (self->graph == NULL)
    return;
  n = lt_graph_get_n_nodes (self->graph);

  /* before the first allocation there is no size to make room in: wait for it */
  self->spread_pending = self->last_width <= 0;
  if (self->spread_pending)
    return;
  xy = lt_graph_painter_spread_labels (self->painter, gtk_widget_get_pango_context (widget),
                                       self->last_width, self->last_height);
  if (xy == NULL)
    return;

  memcpy (self->xy, xy, 2 * n * sizeof (float));
  if (self->worker != NULL)
    lt_graph_layout_worker_place (self->worker, xy, n);

  lt_graph_painter_invalidate (self->painter);
  if (self->auto_fit)
    lt_graph_painter_fit (self->painter, self->last_width, self->last_height);
  gtk_widget_queue_draw (widget);
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  LtGraphView *self = LT_GRAPH_VIEW (widget);
  gboolean converged = FALSE;

  if (self->worker == NULL || self->graph == NULL)
    {
      self->tick_id = 0;
      return G_SOURCE_REMOVE;
    }

  if (lt_graph_layout_worker_read (self->worker, self->xy, &converged))
    {
      /* the node being dragged follows the pointer, not the worker's last frame */
      if (self->drag_node >= 0)
        {
          double wx;
          double wy;

          lt_graph_painter_screen_to_world (self->painter, self->pointer_x, self->pointer_y, &wx, &wy);
          self->xy[2 * self->drag_node] = wx;
          self->xy[2 * self->drag_node + 1] = wy;
        }
      lt_graph_painter_invalidate (self->painter);
      if (self->auto_fit)
        lt_graph_painter_fit (self->painter, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
      gtk_widget_queue_allocate (widget);
      gtk_widget_queue_draw (widget);
    }

  if (converged && self->drag_node < 0)
    {
      store_positions_in_graph (self);
      spread_labels (self);
      gtk_widget_queue_allocate (widget);
      set_settled (self, TRUE);
      self->tick_id = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static void
ensure_tick (LtGraphView *self)
{
  if (self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), tick_cb, NULL, NULL);
}

static void
start_worker (LtGraphView *self)
{
  stop_worker (self);
  self->worker = lt_graph_layout_worker_new (self->graph);

  set_settled (self, FALSE);
  ensure_tick (self);
}

static LtGraphLayoutWorker *
ensure_worker (LtGraphView *self)
{
  if (self->worker == NULL)
    start_worker (self);

  return self->worker;
}

/* The user has moved or let go a node: the layout runs again, and the frames show it moving
 * until it settles */
static void
layout_restarted (LtGraphView *self)
{
  set_settled (self, FALSE);
  ensure_tick (self);
}

static const char *
node_kind_label (const LtGraphNode *node)
{
  return lt_graph_node_kind_get_label (node->kind);
}

static void
rebuild_node_widgets (LtGraphView *self)
{
  guint n = self->graph != NULL ? lt_graph_get_n_nodes (self->graph) : 0;
  g_autofree guint *order = NULL;
  guint count = MIN (n, lt_item_pool_get_max_items (self->node_widgets));

  /* the pool keeps its widgets; only labels and node indices change */
  lt_item_pool_set_count (self->node_widgets, count);

  if (count == 0)
    return;

  /* with more nodes than widgets, the busiest actors get them */
  order = g_new (guint, n);
  for (guint i = 0; i < n; i++)
    order[i] = i;
  if (n > count)
    {
      for (guint i = 0; i < count; i++)
        for (guint j = i + 1; j < n; j++)
          if (lt_graph_get_node (self->graph, order[j])->weight > lt_graph_get_node (self->graph, order[i])->weight)
            {
              guint t = order[i];

              order[i] = order[j];
              order[j] = t;
            }
    }

  for (guint k = 0; k < count; k++)
    {
      const LtGraphNode *node = lt_graph_get_node (self->graph, order[k]);
      g_autofree char *label = g_strdup_printf (C_("graph node, for screen readers", "%s, %s"),
                                                node->name, node_kind_label (node));

      lt_item_button_set_item (lt_item_pool_get_item (self->node_widgets, k), order[k], label);
    }
  lt_item_pool_set_pressed (self->node_widgets, self->selected);
}

static void
select_node (LtGraphView *self,
             int          node)
{
  if (self->selected == node)
    return;
  self->selected = node;
  lt_graph_painter_set_selected (self->painter, node);
  lt_item_pool_set_pressed (self->node_widgets, node);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ACTOR]);
}

/* gtk_widget_activate() on a node's widget, as a screen reader's click: Enter and Space are
 * the view's keys (key_pressed_cb) */
static void
node_widget_activated_cb (LtGraphView  *self,
                          LtItemButton *button)
{
  select_node (self, (int) lt_item_button_get_id (button));
}

/* Gestures */

/* a thread has drawn the big graph's edges for the view that moved meanwhile */
static void
layer_ready_cb (gpointer user_data)
{
  gtk_widget_queue_draw (GTK_WIDGET (user_data));
}

static void
stop_auto_fit (LtGraphView *self)
{
  self->auto_fit = FALSE;
}

static void
zoom_at (LtGraphView *self,
         double       factor,
         double       x,
         double       y)
{
  double scale;
  double ox;
  double oy;
  double fit = lt_graph_painter_get_fit_scale (self->painter);
  double new_scale;

  lt_graph_painter_get_view (self->painter, &scale, &ox, &oy);
  new_scale = CLAMP (scale * factor, fit * 0.25, fit * 40);
  factor = new_scale / scale;
  lt_graph_painter_set_view (self->painter, new_scale, x - (x - ox) * factor, y - (y - oy) * factor);
  stop_auto_fit (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           LtGraphView              *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (state & GDK_SHIFT_MASK)
    {
      double scale;
      double ox;
      double oy;

      /* Shift+scroll pans, like a map */
      lt_graph_painter_get_view (self->painter, &scale, &ox, &oy);
      lt_graph_painter_set_view (self->painter, scale, ox - dy * 40, oy - dx * 40);
      stop_auto_fit (self);
      gtk_widget_queue_allocate (GTK_WIDGET (self));
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return TRUE;
    }

  zoom_at (self, exp (-dy * 0.15), self->pointer_x, self->pointer_y);
  return TRUE;
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           LtGraphView              *self)
{
  int hit;

  self->pointer_x = x;
  self->pointer_y = y;
  if (self->graph == NULL)
    return;
  hit = lt_graph_painter_hit_test (self->painter, x, y);
  lt_graph_painter_set_hover (self->painter, hit);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), hit >= 0 ? "pointer" : "grab");
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
leave_cb (GtkEventControllerMotion *controller,
          LtGraphView              *self)
{
  lt_graph_painter_set_hover (self->painter, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               LtGraphView    *self)
{
  double scale;

  self->drag_start_x = x;
  self->drag_start_y = y;
  self->drag_node = self->graph != NULL ? lt_graph_painter_hit_test (self->painter, x, y) : -1;
  lt_graph_painter_get_view (self->painter, &scale, &self->drag_offset_x, &self->drag_offset_y);
  if (self->drag_node < 0)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                LtGraphView    *self)
{
  double scale;
  double ox;
  double oy;

  lt_graph_painter_get_view (self->painter, &scale, &ox, &oy);

  if (self->drag_node >= 0)
    {
      double wx;
      double wy;

      if (fabs (dx) + fabs (dy) < 3)
        return;
      self->pointer_x = self->drag_start_x + dx;
      self->pointer_y = self->drag_start_y + dy;
      lt_graph_painter_screen_to_world (self->painter, self->pointer_x, self->pointer_y, &wx, &wy);
      self->xy[2 * self->drag_node] = wx;
      self->xy[2 * self->drag_node + 1] = wy;
      lt_graph_get_node (self->graph, self->drag_node)->pinned = TRUE;
      lt_graph_painter_invalidate (self->painter);
      stop_auto_fit (self);
      lt_graph_layout_worker_move (ensure_worker (self), self->drag_node, wx, wy);
      layout_restarted (self);
    }
  else
    {
      lt_graph_painter_set_view (self->painter, scale, self->drag_offset_x + dx, self->drag_offset_y + dy);
      stop_auto_fit (self);
    }
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             LtGraphView    *self)
{
  self->drag_node = -1;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grab");
}

static void
click_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  LtGraphView     *self)
{
  int hit = self->graph != NULL ? lt_graph_painter_hit_test (self->painter, x, y) : -1;

  if (n_press == 2 && hit >= 0 && lt_graph_get_node (self->graph, hit)->pinned)
    {
      /* double-click lets a pinned node go */
      lt_graph_get_node (self->graph, hit)->pinned = FALSE;
      lt_graph_layout_worker_unpin (ensure_worker (self), hit);
      layout_restarted (self);
      return;
    }
  select_node (self, hit);
  if (hit >= 0)
    {
      LtItemButton *button = lt_item_pool_find (self->node_widgets, hit);

      if (button != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (button));
    }
}

static void
zoom_begin_cb (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               LtGraphView      *self)
{
  lt_graph_painter_get_view (self->painter, &self->zoom_start_scale, NULL, NULL);
}

static void
zoom_scale_changed_cb (GtkGestureZoom *gesture,
                       double          scale,
                       LtGraphView    *self)
{
  double x;
  double y;
  double current;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    return;
  lt_graph_painter_get_view (self->painter, &current, NULL, NULL);
  zoom_at (self, self->zoom_start_scale * scale / current, x, y);
}

typedef struct
{
  LtGraphView *self;
  double       fx;
  double       fy;
  double       dir_x;
  double       dir_y;
} FocusMove;

/* the nearest node in that direction, preferring ones straight ahead */
static double
score_node_widget (LtItemButton *button,
                   gpointer      user_data)
{
  FocusMove *move = user_data;
  double x;
  double y;
  double along;
  double across;

  if (lt_item_button_get_id (button) == move->self->focused)
    return -1;
  lt_graph_painter_node_to_screen (move->self->painter, lt_item_button_get_id (button), &x, &y, NULL);
  along = (x - move->fx) * move->dir_x + (y - move->fy) * move->dir_y;
  across = fabs ((x - move->fx) * move->dir_y - (y - move->fy) * move->dir_x);
  if (along <= 0)
    return -1;
  return along + 2 * across;
}

static void
move_focus (LtGraphView *self,
            double       dir_x,
            double       dir_y)
{
  FocusMove move = { .self = self, .dir_x = dir_x, .dir_y = dir_y };

  if (self->focused < 0 || self->graph == NULL)
    return;
  lt_graph_painter_node_to_screen (self->painter, self->focused, &move.fx, &move.fy, NULL);
  lt_item_pool_focus_nearest (self->node_widgets, lt_item_pool_find (self->node_widgets, self->focused),
                              score_node_widget, &move);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                LtGraphView           *self)
{
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      move_focus (self, -1, 0);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      move_focus (self, 1, 0);
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_focus (self, 0, -1);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_focus (self, 0, 1);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
      if (self->focused >= 0)
        {
          select_node (self, self->focused);
          return TRUE;
        }
      return FALSE;
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      zoom_at (self, 1.25, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
               gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
      return TRUE;
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      zoom_at (self, 0.8, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
               gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
set_focus_child_node (LtGraphView *self,
                      GtkWidget   *child)
{
  int node = child != NULL ? (int) lt_item_button_get_id (LT_ITEM_BUTTON (child)) : -1;

  self->focused = node;
  lt_graph_painter_set_focus_ring (self->painter, node);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
dark_changed_cb (LtGraphView *self)
{
  lt_graph_painter_set_dark (self->painter, adw_style_manager_get_dark (adw_style_manager_get_default ()));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* GtkWidget */

static void
lt_graph_view_set_focus_child (GtkWidget *widget,
                               GtkWidget *child)
{
  GTK_WIDGET_CLASS (lt_graph_view_parent_class)->set_focus_child (widget, child);
  set_focus_child_node (LT_GRAPH_VIEW (widget), child);
}

static void
lt_graph_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  *minimum = 200;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 800 : 600;
  *minimum_baseline = *natural_baseline = -1;
}

static void
lt_graph_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  LtGraphView *self = LT_GRAPH_VIEW (widget);

  if (self->graph != NULL && (self->auto_fit || self->last_width == 0))
    lt_graph_painter_fit (self->painter, width, height);
  self->last_width = width;
  self->last_height = height;
  if (self->spread_pending && self->graph != NULL && self->settled)
    spread_labels (self);

  for (guint k = 0; k < lt_item_pool_get_n_used (self->node_widgets); k++)
    {
      LtItemButton *button = lt_item_pool_get_item (self->node_widgets, k);
      double x;
      double y;
      double r;
      int size;

      lt_graph_painter_node_to_screen (self->painter, lt_item_button_get_id (button), &x, &y, &r);
      size = MAX (8, (int) (2 * r));
      lt_item_pool_allocate (self->node_widgets, k,
                             &(GtkAllocation) { x - size / 2, y - size / 2, size, size });
    }
}

/* The renderer decides how a big graph's layer is best handed over: GTK 4.8's cairo renderer
 * converts a texture on every frame, a GPU renderer uploads it once. */
static void
lt_graph_view_realize (GtkWidget *widget)
{
  LtGraphView *self = LT_GRAPH_VIEW (widget);
  GskRenderer *renderer;

  GTK_WIDGET_CLASS (lt_graph_view_parent_class)->realize (widget);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  lt_graph_painter_set_layer_textures (self->painter, renderer != NULL && !GSK_IS_CAIRO_RENDERER (renderer));
}

static void
lt_graph_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  LtGraphView *self = LT_GRAPH_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (width <= 0 || height <= 0)
    return;

  lt_graph_painter_paint (self->painter, snapshot, gtk_widget_get_pango_context (widget), width, height);
}

static void
lt_graph_view_dispose (GObject *object)
{
  LtGraphView *self = LT_GRAPH_VIEW (object);

  stop_worker (self);
  /* a layer drawn after this has no widget to show it */
  if (self->painter != NULL)
    lt_graph_painter_set_ready_func (self->painter, NULL, NULL);
  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
  g_clear_object (&self->node_widgets);   /* which unparents them */
  g_signal_handlers_disconnect_by_func (adw_style_manager_get_default (), dark_changed_cb, self);

  G_OBJECT_CLASS (lt_graph_view_parent_class)->dispose (object);
}

static void
lt_graph_view_finalize (GObject *object)
{
  LtGraphView *self = LT_GRAPH_VIEW (object);

  g_clear_pointer (&self->graph, lt_graph_unref);
  g_clear_pointer (&self->painter, lt_graph_painter_free);
  g_clear_pointer (&self->xy, g_free);

  G_OBJECT_CLASS (lt_graph_view_parent_class)->finalize (object);
}

static void
lt_graph_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LtGraphView *self = LT_GRAPH_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTED_ACTOR:
      g_value_set_int64 (value, lt_graph_view_get_selected_actor (self));
      break;
    case PROP_LAYOUT_SETTLED:
      g_value_set_boolean (value, self->settled);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lt_graph_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LtGraphView *self = LT_GRAPH_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTED_ACTOR:
      lt_graph_view_set_selected_actor (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lt_graph_view_class_init (LtGraphViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lt_graph_view_dispose;
  object_class->finalize = lt_graph_view_finalize;
  object_class->get_property = lt_graph_view_get_property;
  object_class->set_property = lt_graph_view_set_property;

  widget_class->realize = lt_graph_view_realize;
  widget_class->measure = lt_graph_view_measure;
  widget_class->size_allocate = lt_graph_view_size_allocate;
  widget_class->snapshot = lt_graph_view_snapshot;
  widget_class->set_focus_child = lt_graph_view_set_focus_child;

  /**
   * LtGraphView:selected-actor:
   *
   * The actor of the selected node, or 0.
   */
  properties[PROP_SELECTED_ACTOR] =
    g_param_spec_int64 ("selected-actor", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LtGraphView:layout-settled:
   *
   * Whether the layout has converged; positions are then stored in the graph's nodes.
   */
  properties[PROP_LAYOUT_SETTLED] =
    g_param_spec_boolean ("layout-settled", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "graphview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
lt_graph_view_init (LtGraphView *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  self->painter = lt_graph_painter_new ();
  lt_graph_painter_set_ready_func (self->painter, layer_ready_cb, self);
  /* the painter draws the focus ring around the node's own shape */
  self->node_widgets = lt_item_pool_new (GTK_WIDGET (self), MAX_NODE_WIDGETS);
  lt_item_pool_set_focus_rings (self->node_widgets, FALSE);
  g_signal_connect_object (self->node_widgets, "item-activated", G_CALLBACK (node_widget_activated_cb),
                           self, G_CONNECT_SWAPPED);
  self->selected = -1;
  self->focused = -1;
  self->drag_node = -1;
  self->auto_fit = TRUE;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grab");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Organization graph"),
                                  -1);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL
                                                | GTK_EVENT_CONTROLLER_SCROLL_HORIZONTAL);
  g_signal_connect (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_drag_new ();
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  g_signal_connect (gesture, "pressed", G_CALLBACK (click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                            G_CALLBACK (dark_changed_cb), self);
  lt_graph_painter_set_dark (self->painter, adw_style_manager_get_dark (adw_style_manager_get_default ()));
}

GtkWidget *
lt_graph_view_new (void)
{
  return g_object_new (LT_TYPE_GRAPH_VIEW, NULL);
}

/**
 * lt_graph_view_set_graph:
 * @self: a view
 * @graph: (nullable): the graph to show
 *
 * Shows a graph. Nodes with positions keep them; if any node has none, the layout runs in a
 * worker thread (the placed nodes stay near where they were).
 */
void
lt_graph_view_set_graph (LtGraphView *self,
                         LtGraph     *graph)
{
  gint64 selected;
  guint n;
  gboolean all_placed = TRUE;

  g_return_if_fail (LT_IS_GRAPH_VIEW (self));

  selected = lt_graph_view_get_selected_actor (self);
  stop_worker (self);
  if (graph != NULL)
    lt_graph_ref (graph);
  g_clear_pointer (&self->graph, lt_graph_unref);
  self->graph = graph;
  g_clear_pointer (&self->xy, g_free);
  self->selected = -1;
  self->focused = -1;
  self->drag_node = -1;
  self->auto_fit = TRUE;

  lt_graph_painter_set_graph (self->painter, graph);
  n = graph != NULL ? lt_graph_get_n_nodes (graph) : 0;
  self->xy = g_new0 (float, 2 * MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      const LtGraphNode *node = lt_graph_get_node (graph, i);

      self->xy[2 * i] = node->x;
      self->xy[2 * i + 1] = node->y;
      all_placed = all_placed && node->has_position;
    }
  lt_graph_painter_set_positions (self->painter, self->xy);

  rebuild_node_widgets (self);

  if (n > 0 && !all_placed)
    {
      start_worker (self);
    }
  else
    {
      set_settled (self, TRUE);
      spread_labels (self);
    }

  if (selected != 0)
    lt_graph_view_set_selected_actor (self, selected);
  if (self->last_width > 0)
    lt_graph_painter_fit (self->painter, self->last_width, self->last_height);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

LtGraph *
lt_graph_view_get_graph (LtGraphView *self)
{
  g_return_val_if_fail (LT_IS_GRAPH_VIEW (self), NULL);

  return self->graph;
}

/**
 * lt_graph_view_get_painter:
 * @self: a view
 *
 * Returns: (transfer none): the view's painter
 */
LtGraphPainter *
lt_graph_view_get_painter (LtGraphView *self)
{
  g_return_val_if_fail (LT_IS_GRAPH_VIEW (self), NULL);

  return self->painter;
}

gint64
lt_graph_view_get_selected_actor (LtGraphView *self)
{
  g_return_val_if_fail (LT_IS_GRAPH_VIEW (self), 0);

  if (self->graph == NULL || self->selected < 0)
    return 0;
  return lt_graph_get_node (self->graph, self->selected)->actor_id;
}

void
lt_graph_view_set_selected_actor (LtGraphView *self,
                                  gint64       actor_id)
{
  g_return_if_fail (LT_IS_GRAPH_VIEW (self));

  select_node (self, self->graph != NULL && actor_id != 0 ? lt_graph_find_node (self->graph, actor_id) : -1);
}

void
lt_graph_view_set_size_mode (LtGraphView    *self,
                             LtNodeSizeMode  mode)
{
  g_return_if_fail (LT_IS_GRAPH_VIEW (self));

  lt_graph_painter_set_size_mode (self->painter, mode);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
lt_graph_view_set_color_mode (LtGraphView     *self,
                              LtNodeColorMode  mode)
{
  g_return_if_fail (LT_IS_GRAPH_VIEW (self));

  lt_graph_painter_set_color_mode (self->painter, mode);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * lt_graph_view_metrics_changed:
 * @self: a view
 *
 * Says that the shown graph's betweenness and communities have arrived: node sizes and
 * colours that depend on them are drawn again.
 */
void
lt_graph_view_metrics_changed (LtGraphView *self)
{
  g_return_if_fail (LT_IS_GRAPH_VIEW (self));

  lt_graph_painter_metrics_changed (self->painter);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
lt_graph_view_zoom_to_fit (LtGraphView *self)
{
  g_return_if_fail (LT_IS_GRAPH_VIEW (self));

  self->auto_fit = TRUE;
  lt_graph_painter_invalidate (self->painter);
  lt_graph_painter_fit (self->painter, gtk_widget_get_width (GTK_WIDGET (self)),
                        gtk_widget_get_height (GTK_WIDGET (self)));
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * lt_graph_view_center_on_actor:
 * @self: a view
 * @actor_id: an actor
 *
 * Selects the actor's node and scrolls it to the middle of the view.
 */
void
lt_graph_view_center_on_actor (LtGraphView *self,
                               gint64       actor_id)
{
  double x;
  double y;
  double scale;
  double ox;
  double oy;
  int node;

  g_return_if_fail (LT_IS_GRAPH_VIEW (self));

  if (self->graph == NULL || (node = lt_graph_find_node (self->graph, actor_id)) < 0)
    return;
  select_node (self, node);
  lt_graph_painter_node_to_screen (self->painter, node, &x, &y, NULL);
  lt_graph_painter_get_view (self->painter, &scale, &ox, &oy);
  lt_graph_painter_set_view (self->painter, scale,
                             ox + gtk_widget_get_width (GTK_WIDGET (self)) / 2.0 - x,
                             oy + gtk_widget_get_height (GTK_WIDGET (self)) / 2.0 - y);
  stop_auto_fit (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
lt_graph_view_get_layout_settled (LtGraphView *self)
{
  g_return_val_if_fail (LT_IS_GRAPH_VIEW (self), FALSE);

  return self->settled;
}

/**
 * lt_graph_view_settle_layout:
 * @self: a view
 *
 * Runs the layout to convergence on the calling thread (same seed, same result as the worker);
 * for tests, screenshots and the export of a graph that was never shown.
 */
void
lt_graph_view_settle_layout (LtGraphView *self)
{
  g_autoptr(LtForceLayout) layout = NULL;
  guint n;

  g_return_if_fail (LT_IS_GRAPH_VIEW (self));

  if (self->graph == NULL || self->settled)
    return;

  stop_worker (self);
  layout = lt_graph_new_force_layout (self->graph);
  lt_force_layout_run (layout, 100000, NULL);
  n = lt_graph_get_n_nodes (self->graph);
  memcpy (self->xy, lt_force_layout_get_positions (layout), sizeof (float) * 2 * n);
  lt_graph_painter_invalidate (self->painter);
  store_positions_in_graph (self);
  spread_labels (self);
  if (self->auto_fit && self->last_width > 0)
    lt_graph_painter_fit (self->painter, self->last_width, self->last_height);
  set_settled (self, TRUE);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * lt_graph_view_get_node_position:
 * @self: a view
 * @actor_id: an actor
 * @x: (out): x in widget coordinates
 * @y: (out): y in widget coordinates
 *
 * Returns: %FALSE if the actor is not in the graph
 */
gboolean
lt_graph_view_get_node_position (LtGraphView *self,
                                 gint64       actor_id,
                                 double      *x,
                                 double      *y)
{
  int node;

  g_return_val_if_fail (LT_IS_GRAPH_VIEW (self), FALSE);

  if (self->graph == NULL || (node = lt_graph_find_node (self->graph, actor_id)) < 0)
    return FALSE;
  lt_graph_painter_node_to_screen (self->painter, node, x, y, NULL);
  return TRUE;
}
