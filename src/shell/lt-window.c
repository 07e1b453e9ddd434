/* lt-window.c: LtWindow: the two pages, opening chronicles, export, print and import
 *
 * Copyright 2026 The Letapis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-window"

#include "config.h"

#include <glib/gi18n.h>

#include "lt-chronicle-file.h"
#include "lt-export-dialog.h"
#include "lt-graph-page.h"
#include "lt-print-operation.h"
#include "lt-import-dialog.h"
#include "lt-timeline-page.h"
#include "lt-timeline-painter.h"
#include "lt-timeline-view.h"
#include "lt-window.h"
#include "lt-window-editing.h"

struct _LtWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  LtStore              *store;

  /* While a chronicle just opened is checked: what the window showed before, to go back
   * to if the check fails */
  LtStore              *previous_store;
  GCancellable         *check_cancellable;
  gboolean              remember_when_checked;
  /* says why the editing actions wait, if the check takes a while */
  AdwToast             *check_toast;
  guint                 check_toast_id;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *stack;
  AdwViewSwitcherTitle *switcher_title;
  LtTimelinePage       *timeline_page;
  LtGraphPage          *graph_page;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (LtWindow, lt_window, ADW_TYPE_APPLICATION_WINDOW)

static GParamSpec *properties[N_PROPS];

static void
apply_chronicle_language (LtWindow *self)
{
  g_autofree char *lang = NULL;

  if (self->store == NULL)
    return;

  /* An empty setting follows the interface language, which the store
   * derives from the locale. */
  lang = g_settings_get_string (self->settings, "chronicle-language");
  lt_store_set_language (self->store, lang[0] != '\0' ? lang : NULL);
}

static void
chronicle_language_changed_cb (LtWindow   *self,
                               const char *key,
                               GSettings  *settings)
{
  g_assert (LT_IS_WINDOW (self));

  /* The store announces a new language as a reload, which the pages
   * already follow. */
  apply_chronicle_language (self);
}

/* The graph can follow the period the timeline shows; the pages do not know each other. */
static void
timeline_window_changed_cb (LtWindow       *self,
                            double          start_day,
                            double          end_day,
                            LtTimelinePage *page)
{
  lt_graph_page_set_timeline_window (self->graph_page, start_day, end_day);
}

static void
show_error (LtWindow   *self,
            const char *heading,
            GError     *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
update_subtitle (LtWindow *self)
{
  g_autoptr(GFile) default_file = lt_chronicle_dup_default_file ();
  g_autoptr(GFile) file = NULL;
  g_autofree char *basename = NULL;

  if (self->store != NULL && lt_store_get_path (self->store) != NULL)
    file = g_file_new_for_path (lt_store_get_path (self->store));

  /* The user's own chronicle needs no name; another database does, so that
   * nobody mistakes one for the other. */
  if (file != NULL && !g_file_equal (file, default_file))
    basename = g_file_get_basename (file);

  adw_view_switcher_title_set_subtitle (self->switcher_title, basename);
}

static void
remember_database (LtWindow *self)
{
  g_autoptr(GFile) default_file = lt_chronicle_dup_default_file ();
  g_autoptr(GFile) file = g_file_new_for_path (lt_store_get_path (self->store));

  g_settings_set_string (self->settings, "last-database",
                         g_file_equal (file, default_file) ? "" : lt_store_get_path (self->store));
}

static void
end_check_toast (LtWindow *self)
{
  g_clear_handle_id (&self->check_toast_id, g_source_remove);
  if (self->check_toast != NULL)
    adw_toast_dismiss (self->check_toast);
  g_clear_object (&self->check_toast);
}

/* A small chronicle is checked before anyone could reach for the keys; a large one takes
 * seconds, and the greyed-out buttons need a reason. */
static gboolean
show_check_toast_cb (gpointer user_data)
{
  LtWindow *self = user_data;
  g_autoptr(GFile) default_file = lt_chronicle_dup_default_file ();
  g_autoptr(GFile) file = g_file_new_for_path (lt_store_get_path (self->store));
  g_autofree char *text = NULL;

  self->check_toast_id = 0;

  if (g_file_equal (file, default_file))
    text = g_strdup (_("Checking the chronicle…"));
  else
    {
      g_autofree char *basename = g_file_get_basename (file);

      /* TRANSLATORS: while a chronicle just opened is checked, before it can be changed;
       * %s is its file name */
      text = g_strdup_printf (_("Checking “%s”…"), basename);
    }

  self->check_toast = g_object_ref (adw_toast_new (text));
  adw_toast_set_timeout (self->check_toast, 0);
  lt_window_add_toast (self, self->check_toast);

  return G_SOURCE_REMOVE;
}

static void
check_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(LtWindow) self = user_data;
  LtStore *store = LT_STORE (object);
  g_autoptr(LtStore) previous = NULL;
  g_autoptr(GFile) default_file = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (lt_store_check_finish (store, result, &error))
    {
      if (store == self->store)
        {
          end_check_toast (self);
          g_clear_object (&self->previous_store);
          if (self->remember_when_checked)
            remember_database (self);
        }
      return;
    }

  /* A window that closed, or that has opened another chronicle since, is done with it. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || store != self->store)
    return;

  end_check_toast (self);

  show_error (self, _("Could Not Open Chronicle"), error);

  /* The window goes back to what it showed; a first start falls back to the user's own
   * chronicle, as when the file could not be opened at all. */
  previous = g_steal_pointer (&self->previous_store);
  default_file = lt_chronicle_dup_default_file ();
  file = g_file_new_for_path (lt_store_get_path (store));
  if (previous != NULL)
    lt_window_set_store (self, previous);
  else if (!g_file_equal (file, default_file))
    lt_window_open_database (self, NULL);
  else
    lt_window_set_store (self, NULL);
}

/* Shows a chronicle opened with lt_chronicle_open_to_show() at once, and checks it in a
 * thread meanwhile: the editing actions wait for the store to become writable. */
static void
show_chronicle (LtWindow *self,
                LtStore  *store,
                gboolean  remember)
{
  g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
  self->check_cancellable = g_cancellable_new ();

  if (self->previous_store == NULL)
    g_set_object (&self->previous_store, self->store);
  self->remember_when_checked = remember;

  end_check_toast (self);
  if (!lt_store_get_writable (store))
    self->check_toast_id = g_timeout_add_seconds (1, show_check_toast_cb, self);

  lt_window_set_store (self, store);
  lt_store_check_async (store, self->check_cancellable, check_done_cb, g_object_ref (self));
}

static void
file_chooser_response_cb (GtkNativeDialog *native,
                          int              response,
                          gpointer         user_data)
{
  g_autoptr(LtWindow) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LtStore) store = NULL;
  gboolean creating;

  creating = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (native)) == GTK_FILE_CHOOSER_ACTION_SAVE;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

  g_object_unref (native);

  if (file == NULL)
    return;

  if (creating)
    store = lt_chronicle_create (file, FALSE, &error);
  else
    store = lt_chronicle_open_to_show (file, &error);

  if (store == NULL)
    {
      show_error (self,
                  creating ? _("Could Not Create Chronicle") : _("Could Not Open Chronicle"),
                  error);
      return;
    }

  show_chronicle (self, store, TRUE);
}

static void
choose_database (LtWindow             *self,
                 GtkFileChooserAction  action)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *native;

  if (action == GTK_FILE_CHOOSER_ACTION_SAVE)
    native = gtk_file_chooser_native_new (_("New Chronicle"), GTK_WINDOW (self), action,
                                          _("_Create"), _("_Cancel"));
  else
    native = gtk_file_chooser_native_new (_("Open Chronicle"), GTK_WINDOW (self), action,
                                          _("_Open"), _("_Cancel"));

  gtk_file_filter_set_name (filter, _("Letapis Chronicles"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_filter_add_pattern (filter, "*.sqlite");
  gtk_file_filter_add_mime_type (filter, "application/vnd.sqlite3");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);

  if (action == GTK_FILE_CHOOSER_ACTION_SAVE)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _("Chronicle.db"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (file_chooser_response_cb),
                    g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
new_database_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  choose_database (LT_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_SAVE);
}

static void
open_database_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  choose_database (LT_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN);
}

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

/* The export shows what the page shows. The timeline: its visible window as "Current View",
 * and its categories, search, actor and lanes. */
static void
hand_timeline_to_dialog (LtTimelinePage *page,
                         LtExportDialog *dialog)
{
  GtkWidget *view = lt_timeline_page_get_view (page);
  g_auto(GStrv) categories = NULL;
  g_autofree char *search = NULL;
  gint64 actor_id = 0;
  LtLaneMode lanes = LT_LANE_MODE_CATEGORY;

  if (view != NULL && LT_IS_TIMELINE_VIEW (view))
    {
      double from = 0, to = 0;

      lt_timeline_painter_get_window (lt_timeline_view_get_painter (LT_TIMELINE_VIEW (view)),
                                      &from, &to);
      lt_export_dialog_set_view_window (dialog, from, to);
    }

  lt_timeline_page_get_filter (page, &categories, &search, &actor_id, &lanes);
  lt_export_dialog_set_filter (dialog, (const char * const *) categories, search, actor_id);
  lt_export_dialog_set_lanes (dialog,
                              lanes == LT_LANE_MODE_PLACE ? LT_EXPORT_LANES_PLACE
                              : lanes == LT_LANE_MODE_ACTOR ? LT_EXPORT_LANES_ACTOR
                              : LT_EXPORT_LANES_CATEGORY);
}

/* The graph: its period as "Current View", and the neighbourhood it shows. */
static void
hand_graph_to_dialog (LtGraphPage    *page,
                      LtStore        *store,
                      LtExportDialog *dialog)
{
  gint64 start_day, end_day;
  gint64 focus;
  guint depth = 0;

  if (lt_graph_page_get_period (page, &start_day, &end_day))
    {
      gint64 first, last;

      /* an open end is the chronicle's own */
      if (!lt_store_get_day_bounds (store, NULL, &first, &last))
        first = last = 0;
      if (start_day == G_MININT64)
        start_day = first;
      if (end_day == G_MAXINT64)
        end_day = MAX (last, start_day);
      lt_export_dialog_set_view_window (dialog, start_day, end_day + 1);
    }

  focus = lt_graph_page_get_neighbourhood (page, &depth);
  lt_export_dialog_set_focus (dialog, focus, depth);
}

/* The export dialog of the visible page, with what that page shows */
static LtExportDialog *
new_export_dialog (LtWindow *self)
{
  const char *page = lt_window_get_visible_page (self);
  LtExportDialog *dialog;

  dialog = lt_export_dialog_new (GTK_WINDOW (self), self->store,
                                 g_str_equal (page, "graph") ? LT_EXPORT_PAGE_GRAPH
                                                             : LT_EXPORT_PAGE_TIMELINE);
  if (g_str_equal (page, "graph"))
    hand_graph_to_dialog (self->graph_page, self->store, dialog);
  else
    hand_timeline_to_dialog (self->timeline_page, dialog);

  return dialog;
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  LtWindow *self = LT_WINDOW (widget);

  if (self->store == NULL)
    return;

  gtk_window_present (GTK_WINDOW (new_export_dialog (self)));
}

/* Ctrl+P prints what Ctrl+E would export as a PDF, with the export's defaults, straight to
 * the print dialog. */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  LtWindow *self = LT_WINDOW (widget);
  g_autoptr(LtExportOptions) options = NULL;
  g_autoptr(GError) error = NULL;
  LtExportDialog *dialog;

  if (self->store == NULL)
    return;

  dialog = new_export_dialog (self);
  options = lt_export_dialog_dup_options (dialog, &error);
  gtk_window_destroy (GTK_WINDOW (dialog));
  if (options == NULL || !lt_print_run (GTK_WINDOW (self), self->store, options, &error))
    show_error (self, _("Could Not Print"), error);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  LtWindow *self = LT_WINDOW (widget);

  /* The import works on a second connection to the file; an in-memory
   * chronicle (tests) has none to share. */
  if (self->store != NULL && g_strcmp0 (lt_store_get_path (self->store), ":memory:") != 0)
    lt_import_dialog_choose (GTK_WINDOW (self), self->store);
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

  g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
  end_check_toast (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LT_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_object (&self->previous_store);

  G_OBJECT_CLASS (lt_window_parent_class)->dispose (object);
}

static void
lt_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  LtWindow *self = LT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lt_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  LtWindow *self = LT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      lt_window_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lt_window_class_init (LtWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = lt_window_dispose;
  object_class->get_property = lt_window_get_property;
  object_class->set_property = lt_window_set_property;

  /**
   * LtWindow:store:
   *
   * The chronicle the window shows.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         LT_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

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
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.new-database", NULL, new_database_action);
  gtk_widget_class_install_action (widget_class, "win.open-database", NULL,
                                   open_database_action);
  gtk_widget_class_install_action (widget_class, "win.show-event", "x", show_event_action);
  gtk_widget_class_install_action (widget_class, "win.show-actor-on-timeline", "x",
                                   show_actor_on_timeline_action);
  gtk_widget_class_install_action (widget_class, "win.show-actor-in-graph", "x",
                                   show_actor_in_graph_action);

  _lt_window_editing_class_init (widget_class);

  g_type_ensure (LT_TYPE_TIMELINE_PAGE);
  g_type_ensure (LT_TYPE_GRAPH_PAGE);
}

static void
lt_window_init (LtWindow *self)
{
  double start_day, end_day;

  gtk_widget_init_template (GTK_WIDGET (self));

  lt_timeline_page_get_visible_window (self->timeline_page, &start_day, &end_day);
  lt_graph_page_set_timeline_window (self->graph_page, start_day, end_day);
  g_signal_connect_object (self->timeline_page,
                           "visible-window-changed",
                           G_CALLBACK (timeline_window_changed_cb),
                           self,
                           G_CONNECT_SWAPPED);

  self->settings = g_settings_new ("io.github.letapis.Letapis");
  g_signal_connect_object (self->settings,
                           "changed::chronicle-language",
                           G_CALLBACK (chronicle_language_changed_cb),
                           self,
                           G_CONNECT_SWAPPED);

  /* Whether the graph follows the timeline is the user's choice, kept between sessions. */
  g_settings_bind (self->settings, "graph-follow-timeline",
                   self->graph_page, "follow-timeline",
                   G_SETTINGS_BIND_DEFAULT);

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  _lt_window_editing_init (self);
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

/**
 * lt_window_get_store:
 * @self: a window
 *
 * Returns: (transfer none) (nullable): the chronicle the window shows
 */
LtStore *
lt_window_get_store (LtWindow *self)
{
  g_return_val_if_fail (LT_IS_WINDOW (self), NULL);

  return self->store;
}

/**
 * lt_window_set_store:
 * @self: a window
 * @store: (nullable): a chronicle
 *
 * Shows @store on both pages.
 */
void
lt_window_set_store (LtWindow *self,
                     LtStore  *store)
{
  g_return_if_fail (LT_IS_WINDOW (self));
  g_return_if_fail (!store || LT_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  apply_chronicle_language (self);
  lt_timeline_page_set_store (self->timeline_page, store);
  lt_graph_page_set_store (self->graph_page, store);
  update_subtitle (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * lt_window_open_database:
 * @self: a window
 * @file: (nullable): a chronicle database, or %NULL for the user's own copy
 *   of the bundled chronicle
 *
 * Opens @file in the window and shows it at once, while a thread checks it; the
 * editing actions wait for the check. A file that cannot be opened, or that the check
 * finds damaged, is reported in a dialog and the window keeps what it showed.
 *
 * Returns: whether the chronicle was opened (its check may still fail)
 */
gboolean
lt_window_open_database (LtWindow *self,
                         GFile    *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LtStore) store = NULL;

  g_return_val_if_fail (LT_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (!file || G_IS_FILE (file), FALSE);

  store = lt_chronicle_open_to_show (file, &error);
  if (store == NULL)
    {
      show_error (self, _("Could Not Open Chronicle"), error);
      return FALSE;
    }

  show_chronicle (self, store, FALSE);

  return TRUE;
}
