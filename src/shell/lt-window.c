/* lt-window.c
 *
 * Copyright 2026 The Letapis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-window"

#include "config.h"

#include <glib/gi18n.h>

#include "lt-graph-page.h"
#include "lt-timeline-page.h"
#include "lt-window.h"

struct _LtWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *stack;
  AdwViewSwitcherTitle *switcher_title;
  LtTimelinePage       *timeline_page;
  LtGraphPage          *graph_page;
};

G_DEFINE_FINAL_TYPE (LtWindow, lt_window, ADW_TYPE_APPLICATION_WINDOW)

static void
save_window_state (LtWindow *self)
{
  int width;
  int height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_set_string (self->settings, "last-page", lt_window_get_visible_page (self));
  g_settings_apply (self->settings);
}

static void
restore_window_state (LtWindow *self)
{
  g_autofree char *page = NULL;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  page = g_settings_get_string (self->settings, "last-page");
  if (adw_view_stack_get_child_by_name (self->stack, page) != NULL)
    adw_view_stack_set_visible_child_name (self->stack, page);
}

static gboolean
lt_window_close_request (GtkWindow *window)
{
  save_window_state (LT_WINDOW (window));

  return GTK_WINDOW_CLASS (lt_window_parent_class)->close_request (window);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  LtWindow *self = LT_WINDOW (widget);
  const char *name = g_variant_get_string (param, NULL);

  if (adw_view_stack_get_child_by_name (self->stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->stack, name);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  LtWindow *self = LT_WINDOW (widget);

  if (g_str_equal (lt_window_get_visible_page (self), "graph"))
    lt_graph_page_start_search (self->graph_page);
  else
    lt_timeline_page_start_search (self->timeline_page);
}

static void
show_event_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  LtWindow *self = LT_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->stack, "timeline");
  lt_timeline_page_select_event (self->timeline_page, g_variant_get_int64 (param));
}

static void
show_actor_on_timeline_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *param)
{
  LtWindow *self = LT_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->stack, "timeline");
  lt_timeline_page_filter_actor (self->timeline_page, g_variant_get_int64 (param));
}

static void
show_actor_in_graph_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  LtWindow *self = LT_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->stack, "graph");
  lt_graph_page_focus_actor (self->graph_page, g_variant_get_int64 (param));
}

static void
lt_window_dispose (GObject *object)
{
  LtWindow *self = (LtWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), LT_TYPE_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (lt_window_parent_class)->dispose (object);
}

static void
lt_window_class_init (LtWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = lt_window_dispose;

  window_class->close_request = lt_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/letapis/Letapis/shell/lt-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LtWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LtWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, LtWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, LtWindow, timeline_page);
  gtk_widget_class_bind_template_child (widget_class, LtWindow, graph_page);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.show-event", "x", show_event_action);
  gtk_widget_class_install_action (widget_class, "win.show-actor-on-timeline", "x",
                                   show_actor_on_timeline_action);
  gtk_widget_class_install_action (widget_class, "win.show-actor-in-graph", "x",
                                   show_actor_in_graph_action);

  g_type_ensure (LT_TYPE_TIMELINE_PAGE);
  g_type_ensure (LT_TYPE_GRAPH_PAGE);
}

static void
lt_window_init (LtWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new ("io.github.letapis.Letapis");

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  restore_window_state (self);
}

/**
 * lt_window_new:
 * @application: the application
 *
 * Creates a main window.
 *
 * Returns: (transfer full): a new window
 */
LtWindow *
lt_window_new (LtApplication *application)
{
  g_return_val_if_fail (LT_IS_APPLICATION (application), NULL);

  return g_object_new (LT_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/**
 * lt_window_get_visible_page:
 * @self: a window
 *
 * Returns: the name of the visible page, "timeline" or "graph"
 */
const char *
lt_window_get_visible_page (LtWindow *self)
{
  const char *name;

  g_return_val_if_fail (LT_IS_WINDOW (self), NULL);

  name = adw_view_stack_get_visible_child_name (self->stack);

  return name != NULL ? name : "timeline";
}

/**
 * lt_window_add_toast:
 * @self: a window
 * @toast: (transfer full): a toast
 *
 * Shows @toast over the window's content.
 */
void
lt_window_add_toast (LtWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (LT_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
