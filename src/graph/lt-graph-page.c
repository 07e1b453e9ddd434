/* lt-graph-page.c: LtGraphPage, the Organizations page: the graph built for a period and
 * filtered for the view, its list form, and the page's state
 *
 * Copyright 2026 The Letapis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Organizations page: the graph canvas or its list form, a toolbar to search, filter,
 * restrict to a period or to an actor's neighbourhood, and the details of the selected actor.
 *
 * The page keeps the full graph of the period; filters make a subgraph for the view. Positions
 * found by the layout go back into the full graph and into the store, so the picture does not
 * jump between sessions.
 */

#define G_LOG_DOMAIN "lt-graph-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "lt-graph-page-private.h"

#define LAYOUT_NAME "graph"

/* Rows of the list form */

#define LT_TYPE_GRAPH_ROW (lt_graph_row_get_type ())
G_DECLARE_FINAL_TYPE (LtGraphRow, lt_graph_row, LT, GRAPH_ROW, GObject)

struct _LtGraphRow
{
  GObject  parent_instance;
  gint64   actor_id;
  char    *cells[5];
};

G_DEFINE_FINAL_TYPE (LtGraphRow, lt_graph_row, G_TYPE_OBJECT)

static void
lt_graph_row_finalize (GObject *object)
{
  LtGraphRow *self = LT_GRAPH_ROW (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->cells); i++)
    g_free (self->cells[i]);

  G_OBJECT_CLASS (lt_graph_row_parent_class)->finalize (object);
}

static void
lt_graph_row_class_init (LtGraphRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lt_graph_row_finalize;
}

static void
lt_graph_row_init (LtGraphRow *self)
{
}

/* The page */

enum {
  PROP_0,
  PROP_STORE,
  PROP_FOLLOW_TIMELINE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (LtGraphPage, lt_graph_page, GTK_TYPE_WIDGET)

static GParamSpec *properties[N_PROPS];

void
_lt_graph_page_notify_follow_timeline (LtGraphPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLLOW_TIMELINE]);
}

static GListModel *
make_node_rows (LtGraph *graph)
{
  GListStore *store = g_list_store_new (LT_TYPE_GRAPH_ROW);
  char buf[32];

  for (guint i = 0; graph != NULL && i < lt_graph_get_n_nodes (graph); i++)
    {
      const LtGraphNode *node = lt_graph_get_node (graph, i);
      g_autoptr(LtGraphRow) row = g_object_new (LT_TYPE_GRAPH_ROW, NULL);

      row->actor_id = node->actor_id;
      row->cells[0] = g_strdup (node->name);
      row->cells[1] = g_strdup (lt_graph_node_kind_get_label (node->kind));
      row->cells[2] = g_strdup_printf ("%u", node->weight);
      row->cells[3] = g_strdup_printf ("%u", node->degree);
      if (lt_graph_get_betweenness_estimated (graph))
        {
          g_autofree char *about = lt_format_number (node->betweenness);

          g_snprintf (buf, sizeof buf, "≈ %s", about);
        }
      else
        g_snprintf (buf, sizeof buf, "%.1f", node->betweenness);
      row->cells[4] = g_strdup (buf);
      g_list_store_append (store, row);
    }
  return G_LIST_MODEL (store);
}

static GListModel *
make_edge_rows (LtGraph *graph)
{
  GListStore *store = g_list_store_new (LT_TYPE_GRAPH_ROW);

  for (guint e = 0; graph != NULL && e < lt_graph_get_n_edges (graph); e++)
    {
      const LtGraphEdge *edge = lt_graph_get_edge (graph, e);
      g_autoptr(LtGraphRow) row = g_object_new (LT_TYPE_GRAPH_ROW, NULL);

      row->actor_id = lt_graph_get_node (graph, edge->source)->actor_id;
      row->cells[0] = g_strdup (lt_graph_get_node (graph, edge->source)->name);
      row->cells[1] = g_strdup (lt_graph_edge_type_get_label (edge->type));
      row->cells[2] = g_strdup (lt_graph_get_node (graph, edge->target)->name);
      row->cells[3] = g_strdup_printf ("%u", edge->weight);
      if (edge->first_day != G_MAXINT32)
        {
          gint32 y0;
          gint32 y1;
          guint m;
          guint d;

          lt_days_to_ymd (edge->first_day, &y0, &m, &d);
          lt_days_to_ymd (edge->last_day, &y1, &m, &d);
          row->cells[4] = y0 == y1 ? g_strdup_printf ("%d", y0) : g_strdup_printf ("%d–%d", y0, y1);
        }
      g_list_store_append (store, row);
    }
  return G_LIST_MODEL (store);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  LtGraphRow *row = gtk_list_item_get_item (item);
  guint column = GPOINTER_TO_UINT (user_data);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), row->cells[column]);
}

static void
add_column (GtkColumnView *view,
            const char    *title,
            guint          column,
            gboolean       expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) col = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GUINT_TO_POINTER (column));
  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (col, expand);
  gtk_column_view_column_set_resizable (col, TRUE);
  gtk_column_view_append_column (view, col);
}

static void
update_lists (LtGraphPage *self)
{
  g_autoptr(GtkSingleSelection) nodes = gtk_single_selection_new (make_node_rows (self->shown));
  g_autoptr(GtkNoSelection) edges = gtk_no_selection_new (make_edge_rows (self->shown));

  gtk_single_selection_set_autoselect (nodes, FALSE);
  gtk_single_selection_set_can_unselect (nodes, TRUE);
  gtk_column_view_set_model (self->node_list, GTK_SELECTION_MODEL (nodes));
  gtk_column_view_set_model (self->edge_list, GTK_SELECTION_MODEL (edges));
}

static void update_stack (LtGraphPage *self);

void
_lt_graph_page_refilter (LtGraphPage *self)
{
  LtGraphFilter filter = { 0 };
  g_autofree char *summary = NULL;

  g_clear_pointer (&self->shown, lt_graph_unref);
  if (self->full == NULL)
    {
      lt_graph_view_set_graph (self->view, NULL);
      update_lists (self);
      _lt_graph_page_update_details (self);
      return;
    }

  filter.hidden_kinds = self->hidden_kinds;
  filter.hidden_edge_types = self->hidden_edge_types;
  filter.hide_isolated = self->hide_isolated;
  if (gtk_toggle_button_get_active (self->neighbourhood_button) && self->focus_actor != 0)
    {
      filter.focus_actor = self->focus_actor;
      filter.depth = gtk_spin_button_get_value_as_int (self->depth_spin);
    }
  self->shown = lt_graph_filter (self->full, &filter);

  lt_graph_view_set_graph (self->view, self->shown);
  if (self->focus_actor != 0)
    lt_graph_view_set_selected_actor (self->view, self->focus_actor);
  update_lists (self);

  summary = g_strdup_printf (_("Actors: %u, connections: %u"),
                             lt_graph_get_n_nodes (self->shown), lt_graph_get_n_edges (self->shown));
  gtk_label_set_label (self->summary_label, summary);
  update_stack (self);
}

/* Betweenness and communities. A small graph gets them at once; a big one's take a thread
 * half a second or more, and the page must not freeze while, say, it follows the timeline:
 * it shows the graph at once and sizes and colours it by them when they come. */
#define METRICS_IN_THREAD_FROM 2000

static void
metrics_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;

  if (lt_graph_metrics_compute (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
metrics_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  LtGraphPage *self = LT_GRAPH_PAGE (object);
  LtGraphMetrics *metrics = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not compute centrality and communities: %s", error->message);
      return;
    }
  if (GPOINTER_TO_UINT (user_data) != self->metrics_serial || self->full == NULL)
    return;   /* a graph built since has its own */

  lt_graph_metrics_apply (metrics, self->full);
  if (self->shown != NULL)
    lt_graph_metrics_apply (metrics, self->shown);
  lt_graph_view_metrics_changed (self->view);
  update_lists (self);
  _lt_graph_page_update_details (self);
  g_clear_object (&self->metrics_cancellable);
}

static void
start_metrics (LtGraphPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;

  self->metrics_serial++;
  if (self->metrics_cancellable != NULL)
    g_cancellable_cancel (self->metrics_cancellable);
  g_clear_object (&self->metrics_cancellable);

  if (lt_graph_get_n_nodes (self->full) < METRICS_IN_THREAD_FROM)
    {
      if (!lt_graph_compute_metrics (self->full, &error))
        g_warning ("Could not compute centrality and communities: %s", error->message);
      return;
    }

  self->metrics_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->metrics_cancellable, metrics_done_cb,
                     GUINT_TO_POINTER (self->metrics_serial));
  g_task_set_source_tag (task, start_metrics);
  g_task_set_task_data (task, lt_graph_metrics_new (self->full), (GDestroyNotify) lt_graph_metrics_free);
  g_task_run_in_thread (task, metrics_thread);
}

/**
 * lt_graph_page_get_metrics_pending:
 * @self: a graph page
 *
 * Returns: whether a big graph's betweenness and communities are still being computed
 */
gboolean
lt_graph_page_get_metrics_pending (LtGraphPage *self)
{
  g_return_val_if_fail (LT_IS_GRAPH_PAGE (self), FALSE);

  return self->metrics_cancellable != NULL;
}

static void
rebuild (LtGraphPage *self)
{
  LtGraphOptions options = { 0 };
  g_autoptr(GError) error = NULL;
  gboolean valid_from;
  gboolean valid_to;

  g_clear_pointer (&self->full, lt_graph_unref);
  g_clear_pointer (&self->applied_from, g_free);
  g_clear_pointer (&self->applied_to, g_free);

  options.has_window = _lt_graph_page_parse_day (self->from_entry, FALSE, &options.start_day,
                                                 &valid_from);
  if (options.has_window)
    self->applied_from = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->from_entry)));
  if (_lt_graph_page_parse_day (self->to_entry, TRUE, &options.end_day, &valid_to))
    {
      self->applied_to = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->to_entry)));
      if (!options.has_window)
        options.start_day = G_MININT32;
      options.has_window = TRUE;
    }
  else if (options.has_window)
    {
      options.end_day = G_MAXINT32;
    }
  _lt_graph_page_update_period_button (self);

  if (self->store == NULL)
    {
      _lt_graph_page_refilter (self);
      return;
    }

  self->full = lt_graph_new_from_store (self->store, &options, &error);
  if (self->full == NULL)
    {
      g_warning ("Could not build the graph: %s", error->message);
      _lt_graph_page_refilter (self);
      return;
    }
  if (!lt_graph_load_positions (self->full, self->store, LAYOUT_NAME, &error))
    {
      g_debug ("No saved positions: %s", error->message);
      g_clear_error (&error);
    }
  start_metrics (self);

  _lt_graph_page_refilter (self);
}

static void
layout_settled_cb (LtGraphPage *self)
{
  g_autoptr(GArray) positions = NULL;
  g_autoptr(GError) error = NULL;

  if (!lt_graph_view_get_layout_settled (self->view) || self->shown == NULL || self->full == NULL)
    return;

  positions = lt_graph_dup_positions (self->shown);
  lt_graph_apply_positions (self->full, positions);
  /* a chronicle still being checked is only read: the layout is made again next time */
  if (self->store != NULL && lt_store_get_writable (self->store) &&
      !lt_graph_save_positions (self->full, self->store, LAYOUT_NAME, &error))
    g_warning ("Could not save the graph's positions: %s", error->message);
}

static void
selection_changed_cb (LtGraphPage *self)
{
  gint64 id = lt_graph_view_get_selected_actor (self->view);

  if (self->rebuilding)
    return;
  if (id != 0 && id != self->focus_actor)
    {
      self->focus_actor = id;
      /* in neighbourhood mode the neighbourhood follows the selection */
      if (gtk_toggle_button_get_active (self->neighbourhood_button))
        {
          self->rebuilding = TRUE;
          _lt_graph_page_refilter (self);
          self->rebuilding = FALSE;
        }
    }
  _lt_graph_page_update_details (self);
}

static void
rebuild_now (LtGraphPage *self)
{
  self->rebuild_on_map = FALSE;
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  self->rebuilding = TRUE;
  rebuild (self);
  self->rebuilding = FALSE;
  _lt_graph_page_update_details (self);
}

/* A hidden page builds its graph when it shows, or when someone asks for its view: at a
 * million events a build takes seconds, which opening a chronicle on the timeline, or
 * panning it with the graph following, would otherwise wait for. */
static gboolean
defer_rebuild (LtGraphPage *self)
{
  if (self->store == NULL || gtk_widget_get_mapped (GTK_WIDGET (self)))
    return FALSE;

  self->rebuild_on_map = TRUE;
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  return TRUE;
}

void
_lt_graph_page_ensure_built (LtGraphPage *self)
{
  if (self->rebuild_on_map)
    rebuild_now (self);
}

void
_lt_graph_page_window_changed (LtGraphPage *self)
{
  if (!defer_rebuild (self))
    rebuild_now (self);
}

static void
size_changed_cb (LtGraphPage *self)
{
  lt_graph_view_set_size_mode (self->view, gtk_drop_down_get_selected (self->size_dropdown));
}

static void
color_changed_cb (LtGraphPage *self)
{
  lt_graph_view_set_color_mode (self->view, gtk_drop_down_get_selected (self->color_dropdown));
}

static void
fit_clicked_cb (LtGraphPage *self)
{
  gtk_toggle_button_set_active (self->list_button, FALSE);
  lt_graph_view_zoom_to_fit (self->view);
}

/* The graph, or why there is none to show: a period in which the focused actor, or anyone,
 * has no connection, or filters that hide every actor. The list form lists what there is. */
static void
update_stack (LtGraphPage *self)
{
  gboolean has_period = self->applied_from != NULL || self->applied_to != NULL;
  gboolean empty = self->full != NULL && self->shown != NULL && lt_graph_get_n_nodes (self->shown) == 0;

  if (gtk_toggle_button_get_active (self->list_button))
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }
  if (!empty)
    {
      gtk_stack_set_visible_child_name (self->stack, "graph");
      return;
    }

  if (gtk_toggle_button_get_active (self->neighbourhood_button) && self->focus_actor != 0 && has_period)
    {
      g_autoptr(LtActor) actor = self->store != NULL ? lt_store_lookup_actor (self->store, self->focus_actor) : NULL;
      g_autofree char *description = NULL;

      /* Translators: %s is an actor's name */
      description = g_strdup_printf (_("%s has no connections with others in this period."),
                                     actor != NULL ? lt_actor_get_name (actor) : "");
      adw_status_page_set_title (self->empty_page, _("No Connections in This Period"));
      adw_status_page_set_description (self->empty_page, description);
    }
  else if (has_period)
    {
      adw_status_page_set_title (self->empty_page, _("No Connections in This Period"));
      adw_status_page_set_description (self->empty_page,
                                       _("Nothing in the chronicle ties actors together between these dates."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Actors to Show"));
      adw_status_page_set_description (self->empty_page, _("The filters hide every actor."));
    }
  adw_status_page_set_icon_name (self->empty_page, has_period ? "x-office-calendar-symbolic" : "edit-find-symbolic");
  gtk_widget_set_visible (self->all_time_button, has_period);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
list_toggled_cb (LtGraphPage *self)
{
  update_stack (self);
}

static void
all_time_clicked_cb (LtGraphPage *self)
{
  gtk_toggle_button_set_active (self->follow_button, FALSE);
  lt_graph_page_set_period (self, G_MININT64, G_MAXINT64);
}

static void
node_row_activated_cb (LtGraphPage *self,
                       guint        position)
{
  g_autoptr(LtGraphRow) row = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (self->node_list)),
                                                     position);

  if (row != NULL)
    lt_graph_page_focus_actor (self, row->actor_id);
}

static gboolean
rebuild_idle_cb (gpointer user_data)
{
  LtGraphPage *self = user_data;

  self->rebuild_id = 0;
  _lt_graph_page_window_changed (self);
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (LtGraphPage *self,
                  const char  *table,
                  gint64       id,
                  int          change)
{
  /* an edit, an undo or an import: rebuild once the burst of signals is over */
  if (g_strcmp0 (table, "sources") == 0)
    return;
  /* a hidden page waits until it shows: each save on the timeline would cost a rebuild */
  if (defer_rebuild (self))
    return;
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_idle_cb, self);
}

static void
page_mapped_cb (LtGraphPage *self)
{
  _lt_graph_page_ensure_built (self);
}

static void
lt_graph_page_dispose (GObject *object)
{
  LtGraphPage *self = LT_GRAPH_PAGE (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_handle_id (&self->follow_id, g_source_remove);
  if (self->metrics_cancellable != NULL)
    g_cancellable_cancel (self->metrics_cancellable);
  g_clear_object (&self->metrics_cancellable);
  g_clear_pointer (&self->saved_from, g_free);
  g_clear_pointer (&self->saved_to, g_free);
  g_clear_pointer (&self->applied_from, g_free);
  g_clear_pointer (&self->applied_to, g_free);
  g_clear_object (&self->store_signals);

  gtk_widget_dispose_template (GTK_WIDGET (object), LT_TYPE_GRAPH_PAGE);
  g_clear_object (&self->store);
  g_clear_pointer (&self->full, lt_graph_unref);
  g_clear_pointer (&self->shown, lt_graph_unref);

  G_OBJECT_CLASS (lt_graph_page_parent_class)->dispose (object);
}

static void
lt_graph_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LtGraphPage *self = LT_GRAPH_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_FOLLOW_TIMELINE:
      g_value_set_boolean (value, lt_graph_page_get_follow_timeline (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lt_graph_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LtGraphPage *self = LT_GRAPH_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      lt_graph_page_set_store (self, g_value_get_object (value));
      break;
    case PROP_FOLLOW_TIMELINE:
      lt_graph_page_set_follow_timeline (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* A paned starts at its first child's natural height, a row or two of the actors: give the
 * actors and the connections half each the first time it has a size; after that, the user's. */
static void
list_paned_sized_cb (LtGraphPage *self)
{
  int max;

  g_object_get (self->list_paned, "max-position", &max, NULL);
  if (self->list_split || max <= 0)
    return;
  self->list_split = TRUE;
  gtk_paned_set_position (self->list_paned, max / 2);
}

static void
lt_graph_page_class_init (LtGraphPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lt_graph_page_dispose;
  object_class->get_property = lt_graph_page_get_property;
  object_class->set_property = lt_graph_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, LT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LtGraphPage:follow-timeline:
   *
   * Whether the graph shows the period the timeline shows; the window keeps it in the settings.
   */
  properties[PROP_FOLLOW_TIMELINE] =
    g_param_spec_boolean ("follow-timeline", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LT_TYPE_GRAPH_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/letapis/Letapis/graph/lt-graph-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LtGraphPage, main_box);
  gtk_widget_class_bind_template_child (widget_class, LtGraphPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LtGraphPage, neighbourhood_button);
  gtk_widget_class_bind_template_child (widget_class, LtGraphPage, depth_spin);
  gtk_widget_class_bind_template_child (widget_class, LtGraphPage, filter_box);
  gtk_widget_class_bind_template_child (widget_class, LtGraphPage, period_icon);
  gtk_widget_class_bind_template_child (widget_class, LtGraphPage, period_label);
  gtk_widget_class_bind_template_child (widget_class, LtGraphPage, period_popover);
  gtk_widget_class_bind_template_child (widget_class, LtGraphPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, LtGraphPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, LtGraphPage, follow_button);
  gtk_widget_class_bind_template_child (widget_class, LtGraphPage, size_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LtGraphPage, color_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LtGraphPage, list_button);
  gtk_widget_class_bind_template_child (widget_class, LtGraphPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LtGraphPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LtGraphPage, view);
  gtk_widget_class_bind_template_child (widget_class, LtGraphPage, list_paned);
  gtk_widget_class_bind_template_child (widget_class, LtGraphPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, LtGraphPage, all_time_button);
  gtk_widget_class_bind_template_callback (widget_class, all_time_clicked_cb);
  gtk_widget_class_bind_template_child (widget_class, LtGraphPage, node_list);
  gtk_widget_class_bind_template_callback (widget_class, list_paned_sized_cb);
  gtk_widget_class_bind_template_child (widget_class, LtGraphPage, edge_list);
  gtk_widget_class_bind_template_child (widget_class, LtGraphPage, details_box);
  gtk_widget_class_bind_template_callback (widget_class, size_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, color_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, fit_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, layout_settled_cb);
  gtk_widget_class_bind_template_callback (widget_class, node_row_activated_cb);
  _lt_graph_page_filters_class_init (widget_class);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
lt_graph_page_init (LtGraphPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* lone actors say little and push the picture apart */
  self->hide_isolated = TRUE;

  self->store_signals = g_signal_group_new (LT_TYPE_STORE);
  g_signal_group_connect_swapped (self->store_signals, "changed",
                                  G_CALLBACK (store_changed_cb), self);

  add_column (self->node_list, _("Actor"), 0, TRUE);
  add_column (self->node_list, _("Kind"), 1, FALSE);
  add_column (self->node_list, _("Events"), 2, FALSE);
  add_column (self->node_list, _("Connections"), 3, FALSE);
  add_column (self->node_list, _("Betweenness"), 4, FALSE);
  add_column (self->edge_list, C_("edge", "From"), 0, TRUE);
  add_column (self->edge_list, C_("edge", "Connection"), 1, FALSE);
  add_column (self->edge_list, C_("edge", "To"), 2, TRUE);
  add_column (self->edge_list, C_("edge", "Weight"), 3, FALSE);
  add_column (self->edge_list, C_("edge", "Years"), 4, FALSE);

  _lt_graph_page_build_filter_box (self);
  _lt_graph_page_update_period_button (self);
  _lt_graph_page_update_details (self);

  g_signal_connect (self, "map", G_CALLBACK (page_mapped_cb), NULL);
}

GtkWidget *
lt_graph_page_new (void)
{
  return g_object_new (LT_TYPE_GRAPH_PAGE, NULL);
}

/**
 * lt_graph_page_set_store:
 * @self: a graph page
 * @store: (nullable): the store
 *
 * Shows the store's actors. The window calls this after construction and on database switch.
 */
void
lt_graph_page_set_store (LtGraphPage *self,
                         LtStore     *store)
{
  g_return_if_fail (LT_IS_GRAPH_PAGE (self));
  g_return_if_fail (store == NULL || LT_IS_STORE (store));

  if (self->store == store)
    return;
  g_set_object (&self->store, store);
  g_signal_group_set_target (self->store_signals, store);

  self->focus_actor = 0;
  if (defer_rebuild (self))
    {
      /* nothing of the chronicle shown before stays */
      g_clear_pointer (&self->full, lt_graph_unref);
      _lt_graph_page_refilter (self);
      _lt_graph_page_update_details (self);
    }
  else
    {
      rebuild_now (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * lt_graph_page_start_search:
 * @self: a graph page
 *
 * Moves the keyboard focus to the actor search.
 */
void
lt_graph_page_start_search (LtGraphPage *self)
{
  g_return_if_fail (LT_IS_GRAPH_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * lt_graph_page_focus_actor:
 * @self: a graph page
 * @actor_id: an actor
 *
 * Selects an actor, shows its details and brings it to the middle of the graph (in
 * neighbourhood mode, its neighbourhood).
 */
void
lt_graph_page_focus_actor (LtGraphPage *self,
                           gint64       actor_id)
{
  g_return_if_fail (LT_IS_GRAPH_PAGE (self));

  _lt_graph_page_ensure_built (self);

  self->focus_actor = actor_id;
  gtk_toggle_button_set_active (self->list_button, FALSE);
  if (self->shown == NULL || lt_graph_find_node (self->shown, actor_id) < 0
      || gtk_toggle_button_get_active (self->neighbourhood_button))
    {
      self->rebuilding = TRUE;
      _lt_graph_page_refilter (self);
      self->rebuilding = FALSE;
    }
  lt_graph_view_center_on_actor (self->view, actor_id);
  _lt_graph_page_update_details (self);
}

/**
 * lt_graph_page_set_neighbourhood:
 * @self: a graph page
 * @actor_id: an actor, or 0 to show the whole graph
 * @depth: steps from the actor
 *
 * Shows only an actor and its neighbours up to @depth steps.
 */
void
lt_graph_page_set_neighbourhood (LtGraphPage *self,
                                 gint64       actor_id,
                                 guint        depth)
{
  g_return_if_fail (LT_IS_GRAPH_PAGE (self));

  _lt_graph_page_ensure_built (self);

  self->rebuilding = TRUE;
  self->focus_actor = actor_id;
  gtk_spin_button_set_value (self->depth_spin, MAX (depth, 1));
  gtk_toggle_button_set_active (self->neighbourhood_button, actor_id != 0);
  _lt_graph_page_refilter (self);
  self->rebuilding = FALSE;
  _lt_graph_page_update_details (self);
}

/**
 * lt_graph_page_get_neighbourhood:
 * @self: a graph page
 * @depth: (out) (optional): steps from the actor
 *
 * Returns: the actor whose neighbourhood the graph shows, or 0 when it shows the whole graph
 */
gint64
lt_graph_page_get_neighbourhood (LtGraphPage *self,
                                 guint       *depth)
{
  gboolean on;

  g_return_val_if_fail (LT_IS_GRAPH_PAGE (self), 0);

  on = gtk_toggle_button_get_active (self->neighbourhood_button) && self->focus_actor != 0;
  if (depth != NULL)
    *depth = on ? (guint) gtk_spin_button_get_value_as_int (self->depth_spin) : 0;

  return on ? self->focus_actor : 0;
}

/**
 * lt_graph_page_get_view:
 * @self: a graph page
 *
 * A hidden page builds the graph it put off first, so that the view shows what the page
 * would.
 *
 * Returns: (transfer none): the graph canvas (the export draws its graph with its painter)
 */
LtGraphView *
lt_graph_page_get_view (LtGraphPage *self)
{
  g_return_val_if_fail (LT_IS_GRAPH_PAGE (self), NULL);

  _lt_graph_page_ensure_built (self);

  return self->view;
}

