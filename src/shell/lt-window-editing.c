/* lt-window-editing.c: the window's actions that change the chronicle
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * New, edit and delete for the selected record, and undo/redo through the
 * store's history, with the change's name in the main menu. The pages only
 * show records; they reach these through "win." actions and key bindings.
 */

#define G_LOG_DOMAIN "lt-window"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "lt-actor-editor.h"
#include "lt-event-editor.h"
#include "lt-graph-page.h"
#include "lt-graph-view.h"
#include "lt-relation-editor.h"
#include "lt-timeline-page.h"
#include "lt-timeline-view.h"
#include "lt-window-editing.h"

/* long titles would make the menu as wide as the window */
#define MAX_LABEL_CHARS 40

typedef struct
{
  LtWindow     *window;   /* unowned: the state lives on the window */
  GSignalGroup *store_signals;
  guint         update_id;
} Editing;

static void
editing_free (gpointer data)
{
  Editing *editing = data;

  g_clear_handle_id (&editing->update_id, g_source_remove);
  g_clear_object (&editing->store_signals);
  g_free (editing);
}

static LtTimelinePage *
get_timeline_page (LtWindow *self)
{
  return LT_TIMELINE_PAGE (gtk_widget_get_template_child (GTK_WIDGET (self), LT_TYPE_WINDOW,
                                                          "timeline_page"));
}

static gint64
selected_event (LtWindow *self)
{
  LtTimelinePage *page = get_timeline_page (self);

  /* the timeline's selection is hidden on the graph page: keys there must not touch it */
  if (!g_str_equal (lt_window_get_visible_page (self), "timeline"))
    return 0;

  return lt_timeline_view_get_selected_event (LT_TIMELINE_VIEW (lt_timeline_page_get_view (page)));
}

static void
show_error_toast (LtWindow *self,
                  GError   *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  lt_window_add_toast (self, toast);
}

/* What changes the chronicle, besides undo and redo */
static const char * const writing_actions[] = {
  "win.new-event", "win.edit-event", "win.delete-event", "win.new-actor", "win.edit-actor",
  "win.add-relation", "win.delete-actor", "win.delete-relation", "win.new-record",
  "win.edit-selected", "win.delete-selected", "win.import",
};

/* The history in the menu */

static char *
shorten (const char *change)
{
  g_autofree char *head = NULL;

  if (g_utf8_strlen (change, -1) <= MAX_LABEL_CHARS)
    return g_strdup (change);

  head = g_utf8_substring (change, 0, MAX_LABEL_CHARS - 1);
  return g_strconcat (head, "…", NULL);
}

static void
update_history (LtWindow *self)
{
  LtStore *store = lt_window_get_store (self);
  GMenu *section = G_MENU (gtk_widget_get_template_child (GTK_WIDGET (self), LT_TYPE_WINDOW,
                                                          "edit_section"));
  /* a chronicle just opened is checked first; meanwhile it is only shown */
  gboolean writable = store != NULL && lt_store_get_writable (store);
  gboolean can_undo = store != NULL && lt_store_get_can_undo (store);
  gboolean can_redo = store != NULL && lt_store_get_can_redo (store);
  g_autofree char *undo = NULL;
  g_autofree char *redo = NULL;
  g_autoptr(GMenuItem) undo_item = NULL;
  g_autoptr(GMenuItem) redo_item = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", can_undo && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", can_redo && writable);
  for (guint i = 0; i < G_N_ELEMENTS (writing_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), writing_actions[i], writable);

  if (can_undo && lt_store_get_undo_label (store) != NULL)
    {
      g_autofree char *change = shorten (lt_store_get_undo_label (store));

      /* TRANSLATORS: %s is a change, as the history names it: Edit “Protest in Minsk” */
      undo = g_strdup_printf (_("_Undo %s"), change);
    }
  if (can_redo && lt_store_get_redo_label (store) != NULL)
    {
      g_autofree char *change = shorten (lt_store_get_redo_label (store));

      /* TRANSLATORS: %s is a change, as the history names it: Edit “Protest in Minsk” */
      redo = g_strdup_printf (_("_Redo %s"), change);
    }

  if (section == NULL)
    return;

  undo_item = g_menu_item_new (undo != NULL ? undo : _("_Undo"), "win.undo");
  g_menu_item_set_attribute (undo_item, "accel", "s", "<Control>z");
  redo_item = g_menu_item_new (redo != NULL ? redo : _("_Redo"), "win.redo");
  g_menu_item_set_attribute (redo_item, "accel", "s", "<Control><Shift>z");

  g_menu_remove_all (section);
  g_menu_append_item (section, undo_item);
  g_menu_append_item (section, redo_item);
}

static gboolean
update_history_idle_cb (gpointer user_data)
{
  Editing *editing = user_data;

  editing->update_id = 0;
  update_history (editing->window);

  return G_SOURCE_REMOVE;
}

/* The store says "changed" before it moves the entry between its stacks: read the labels once
 * it is done */
static void
history_changed_cb (Editing *editing)
{
  if (editing->update_id == 0)
    editing->update_id = g_idle_add (update_history_idle_cb, editing);
}

/* Whether the chronicle can be written decides at once what the keys may do. */
static void
writable_changed_cb (Editing *editing)
{
  g_clear_handle_id (&editing->update_id, g_source_remove);
  update_history (editing->window);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  LtWindow *self = LT_WINDOW (widget);
  LtStore *store = lt_window_get_store (self);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (store == NULL)
    return;

  if (g_str_equal (action_name, "win.undo"))
    ok = !lt_store_get_can_undo (store) || lt_store_undo (store, &error);
  else
    ok = !lt_store_get_can_redo (store) || lt_store_redo (store, &error);

  if (!ok)
    show_error_toast (self, error);
  update_history (self);
}

/* Events */

static void
event_saved_cb (LtEventEditor *editor,
                gint64         id,
                LtWindow      *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-event", "x", id);
  update_history (self);
}

static void
present_editor (LtWindow     *self,
                LtEvent      *event,
                const LtDate *date)
{
  LtEventEditor *editor;

  editor = lt_event_editor_new (GTK_WINDOW (self), lt_window_get_store (self), event, date);
  g_signal_connect_object (editor, "saved", G_CALLBACK (event_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
new_event_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  LtWindow *self = LT_WINDOW (widget);
  double start_day = 0, end_day = 0;
  gint32 year;
  guint month, day;
  LtDate date;

  if (lt_window_get_store (self) == NULL)
    return;

  /* a new event starts in the middle of what the timeline shows */
  lt_timeline_page_get_visible_window (get_timeline_page (self), &start_day, &end_day);
  lt_days_to_ymd ((gint64) floor ((start_day + end_day) / 2), &year, &month, &day);
  lt_date_init_ymd (&date, year, month, day);

  present_editor (self, NULL, &date);
}

static void
edit_event_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  LtWindow *self = LT_WINDOW (widget);
  LtStore *store = lt_window_get_store (self);
  g_autoptr(LtEvent) event = NULL;
  gint64 id = selected_event (self);

  if (store == NULL || id == 0 || (event = lt_store_lookup_event (store, id)) == NULL)
    return;

  present_editor (self, event, NULL);
}

/* Deleting asks nothing: the toast takes it back, as Ctrl+Z does. */
static void
delete_with_undo (LtWindow   *self,
                  gboolean  (*delete_record) (LtStore *store, gint64 id, GError **error),
                  gint64      id,
                  const char *deleted)
{
  LtStore *store = lt_window_get_store (self);
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (store == NULL || id == 0)
    return;

  if (!delete_record (store, id, &error))
    {
      show_error_toast (self, error);
      return;
    }

  toast = adw_toast_new (deleted);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  lt_window_add_toast (self, toast);
  update_history (self);
}

static void
delete_event_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  LtWindow *self = LT_WINDOW (widget);

  delete_with_undo (self, lt_store_delete_event, selected_event (self), _("Event deleted"));
}

/* Actors and relations */

static void
actor_saved_cb (GtkWindow *editor,
                gint64     id,
                LtWindow  *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-actor-in-graph", "x", id);
  update_history (self);
}

static void
new_actor_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  LtWindow *self = LT_WINDOW (widget);
  LtActorEditor *editor;

  if (lt_window_get_store (self) == NULL)
    return;

  editor = lt_actor_editor_new (GTK_WINDOW (self), lt_window_get_store (self), NULL);
  g_signal_connect_object (editor, "saved", G_CALLBACK (actor_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
edit_actor_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  LtWindow *self = LT_WINDOW (widget);
  LtStore *store = lt_window_get_store (self);
  g_autoptr(LtActor) actor = NULL;
  LtActorEditor *editor;

  if (store == NULL || (actor = lt_store_lookup_actor (store, g_variant_get_int64 (param))) == NULL)
    return;

  editor = lt_actor_editor_new (GTK_WINDOW (self), store, actor);
  g_signal_connect_object (editor, "saved", G_CALLBACK (actor_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

/* An actor goes with its relations and its part in events (the events stay); undo brings all
 * of it back. */
static void
delete_actor_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  delete_with_undo (LT_WINDOW (widget), lt_store_delete_actor, g_variant_get_int64 (param),
                    _("Actor deleted"));
}

static void
delete_relation_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  delete_with_undo (LT_WINDOW (widget), lt_store_delete_relation, g_variant_get_int64 (param),
                    _("Relation deleted"));
}

static void
relation_saved_cb (GtkWindow *editor,
                   gint64     id,
                   LtWindow  *self)
{
  update_history (self);
}

static void
add_relation_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  LtWindow *self = LT_WINDOW (widget);
  LtStore *store = lt_window_get_store (self);
  LtRelationEditor *editor;

  if (store == NULL)
    return;

  editor = lt_relation_editor_new (GTK_WINDOW (self), store, g_variant_get_int64 (param));
  g_signal_connect_object (editor, "saved", G_CALLBACK (relation_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

/* Ctrl+N and F2 act on what the visible page shows: events on the timeline, actors in the
 * graph */

static gboolean
graph_visible (LtWindow *self)
{
  return g_str_equal (lt_window_get_visible_page (self), "graph");
}

static void
new_record_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  gtk_widget_activate_action (widget, graph_visible (LT_WINDOW (widget)) ? "win.new-actor"
                                                                         : "win.new-event", NULL);
}

/* F2 and Delete act on what the visible page has selected: the event on the timeline (its
 * action finds it), the actor in the graph (passed to its action) */
static void
act_on_selected (LtWindow   *self,
                 const char *event_action,
                 const char *actor_action)
{
  LtGraphPage *page;
  gint64 id;

  if (!graph_visible (self))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), event_action, NULL);
      return;
    }

  page = LT_GRAPH_PAGE (gtk_widget_get_template_child (GTK_WIDGET (self), LT_TYPE_WINDOW,
                                                       "graph_page"));
  id = lt_graph_view_get_selected_actor (lt_graph_page_get_view (page));
  if (id != 0)
    gtk_widget_activate_action (GTK_WIDGET (self), actor_action, "x", id);
}

static void
edit_selected_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  act_on_selected (LT_WINDOW (widget), "win.edit-event", "win.edit-actor");
}

static void
delete_selected_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  act_on_selected (LT_WINDOW (widget), "win.delete-event", "win.delete-actor");
}

/**
 * _lt_window_editing_class_init:
 * @widget_class: #LtWindow's class
 *
 * Installs the editing actions and their keys. The keys are the window's own bindings,
 * not application accelerators, so that a text field keeps its Ctrl+Z and Delete.
 */
void
_lt_window_editing_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child_full (widget_class, "edit_section", FALSE, 0);

  gtk_widget_class_install_action (widget_class, "win.new-event", NULL, new_event_action);
  gtk_widget_class_install_action (widget_class, "win.edit-event", NULL, edit_event_action);
  gtk_widget_class_install_action (widget_class, "win.delete-event", NULL, delete_event_action);
  gtk_widget_class_install_action (widget_class, "win.new-actor", NULL, new_actor_action);
  gtk_widget_class_install_action (widget_class, "win.edit-actor", "x", edit_actor_action);
  gtk_widget_class_install_action (widget_class, "win.add-relation", "x", add_relation_action);
  gtk_widget_class_install_action (widget_class, "win.delete-actor", "x", delete_actor_action);
  gtk_widget_class_install_action (widget_class, "win.delete-relation", "x",
                                   delete_relation_action);
  gtk_widget_class_install_action (widget_class, "win.new-record", NULL, new_record_action);
  gtk_widget_class_install_action (widget_class, "win.edit-selected", NULL, edit_selected_action);
  gtk_widget_class_install_action (widget_class, "win.delete-selected", NULL,
                                   delete_selected_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-record", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "win.edit-selected", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "win.delete-selected",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "win.delete-selected",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
}

/**
 * _lt_window_editing_init:
 * @self: a window
 *
 * Follows the history of whichever chronicle the window shows.
 */
void
_lt_window_editing_init (LtWindow *self)
{
  Editing *editing = g_new0 (Editing, 1);

  editing->window = self;
  editing->store_signals = g_signal_group_new (LT_TYPE_STORE);
  g_signal_group_connect_swapped (editing->store_signals, "changed",
                                  G_CALLBACK (history_changed_cb), editing);
  g_signal_group_connect_swapped (editing->store_signals, "notify::can-undo",
                                  G_CALLBACK (history_changed_cb), editing);
  g_signal_group_connect_swapped (editing->store_signals, "notify::can-redo",
                                  G_CALLBACK (history_changed_cb), editing);
  g_signal_group_connect_swapped (editing->store_signals, "notify::writable",
                                  G_CALLBACK (writable_changed_cb), editing);
  g_object_bind_property (self, "store", editing->store_signals, "target", G_BINDING_SYNC_CREATE);
  g_signal_connect_swapped (self, "notify::store", G_CALLBACK (writable_changed_cb), editing);
  g_object_set_data_full (G_OBJECT (self), "lt-editing", editing, editing_free);

  update_history (self);
}
