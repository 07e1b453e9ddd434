/* lt-editor-window.c: LtEditorWindow, the base of the record editors (store, Save, Cancel, the
 * unsaved-changes question, "saved"), and the parts of their fields that several show
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The four editors close the same way: nothing is written until Save, so Cancel (or Escape, or
 * the window's close) with changes asks first; a store that refuses a save says why in a
 * message over the editor, which stays open with the user's text. Each editor says how it
 * validates, saves and names what is unsaved through the class's virtual functions. */

#define G_LOG_DOMAIN "lt-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "lt-editor-window.h"

typedef struct
{
  LtStore  *store;
  gint64    saved_id;
  gboolean  dirty;
  gboolean  can_save;
  gboolean  closing;    /* closes on purpose (saved, deleted, discarded): asks no more */
} LtEditorWindowPrivate;

/* language names stay in their own language */
const char * const lt_editor_languages[LT_EDITOR_N_LANGUAGES] = { "en", "uk", "be" };
const char * const lt_editor_language_names[LT_EDITOR_N_LANGUAGES] = {
  "English", "Українська", "Беларуская"
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (LtEditorWindow, lt_editor_window, ADW_TYPE_WINDOW)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
destroy_idle_cb (gpointer user_data)
{
  g_autoptr(GtkWindow) editor = user_data;

  gtk_window_destroy (editor);

  return G_SOURCE_REMOVE;
}

static void
discard_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     LtEditorWindow   *self)
{
  if (g_strcmp0 (response, "discard") == 0)
    lt_editor_window_close_later (self);
}

static void
ask_to_discard (LtEditorWindow *self)
{
  LtEditorWindowClass *klass = LT_EDITOR_WINDOW_GET_CLASS (self);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Discard Changes?"),
                                              klass->describe_unsaved != NULL
                                                ? klass->describe_unsaved (self)
                                                : NULL);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Save: the editor checks its fields once more and writes the record; a refusal is shown
 * over the editor, which stays open */
static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  LtEditorWindow *self = LT_EDITOR_WINDOW (widget);
  LtEditorWindowPrivate *priv = lt_editor_window_get_instance_private (self);
  LtEditorWindowClass *klass = LT_EDITOR_WINDOW_GET_CLASS (self);
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert (klass->save != NULL);

  if (klass->validate != NULL)
    klass->validate (self);
  if (!priv->can_save)
    return;

  if ((id = klass->save (self, &error)) == 0)
    {
      if (error != NULL)
        lt_editor_window_show_error (self, _(klass->save_error_heading), error->message);
      return;
    }

  priv->saved_id = id;
  g_signal_emit (self, signals[SAVED], 0, id);
  lt_editor_window_close (self);
}

/* Cancel and Escape: closes, after asking whether to discard the changes if there are any;
 * Keep Editing (the default) leaves the editor as it is */
static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  LtEditorWindow *self = LT_EDITOR_WINDOW (widget);
  LtEditorWindowPrivate *priv = lt_editor_window_get_instance_private (self);

  if (priv->dirty)
    ask_to_discard (self);
  else
    lt_editor_window_close (self);
}

static gboolean
lt_editor_window_close_request (GtkWindow *window)
{
  LtEditorWindow *self = LT_EDITOR_WINDOW (window);
  LtEditorWindowPrivate *priv = lt_editor_window_get_instance_private (self);

  if (priv->dirty && !priv->closing)
    {
      ask_to_discard (self);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (lt_editor_window_parent_class)->close_request (window);
}

static void
lt_editor_window_dispose (GObject *object)
{
  LtEditorWindowPrivate *priv = lt_editor_window_get_instance_private (LT_EDITOR_WINDOW (object));

  g_clear_object (&priv->store);

  G_OBJECT_CLASS (lt_editor_window_parent_class)->dispose (object);
}

static void
lt_editor_window_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LtEditorWindow *self = LT_EDITOR_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, lt_editor_window_get_store (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lt_editor_window_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LtEditorWindowPrivate *priv = lt_editor_window_get_instance_private (LT_EDITOR_WINDOW (object));

  switch (prop_id)
    {
    case PROP_STORE:
      priv->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lt_editor_window_class_init (LtEditorWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = lt_editor_window_dispose;
  object_class->get_property = lt_editor_window_get_property;
  object_class->set_property = lt_editor_window_set_property;
  window_class->close_request = lt_editor_window_close_request;

  /**
   * LtEditorWindow:store:
   *
   * The chronicle the record is saved to.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         LT_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LtEditorWindow::saved:
   * @self: the editor
   * @id: the record's row id
   *
   * Emitted when the record has been written to the store, just before the editor closes.
   */
  signals[SAVED] = g_signal_new ("saved",
                                 G_TYPE_FROM_CLASS (klass),
                                 G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
}

static void
lt_editor_window_init (LtEditorWindow *self)
{
  LtEditorWindowPrivate *priv = lt_editor_window_get_instance_private (self);

  priv->can_save = TRUE;
}

/**
 * lt_editor_window_get_store:
 * @self: an editor
 *
 * Returns: (transfer none): the chronicle the record is saved to
 */
LtStore *
lt_editor_window_get_store (LtEditorWindow *self)
{
  LtEditorWindowPrivate *priv = lt_editor_window_get_instance_private (self);

  g_return_val_if_fail (LT_IS_EDITOR_WINDOW (self), NULL);

  return priv->store;
}

/**
 * lt_editor_window_get_saved_id:
 * @self: an editor
 *
 * Returns: the row id of the record it saved, or 0 before a save
 */
gint64
lt_editor_window_get_saved_id (LtEditorWindow *self)
{
  LtEditorWindowPrivate *priv = lt_editor_window_get_instance_private (self);

  g_return_val_if_fail (LT_IS_EDITOR_WINDOW (self), 0);

  return priv->saved_id;
}

/**
 * lt_editor_window_get_dirty:
 * @self: an editor
 *
 * Returns: whether it has changes not saved
 */
gboolean
lt_editor_window_get_dirty (LtEditorWindow *self)
{
  LtEditorWindowPrivate *priv = lt_editor_window_get_instance_private (self);

  g_return_val_if_fail (LT_IS_EDITOR_WINDOW (self), FALSE);

  return priv->dirty;
}

/**
 * lt_editor_window_set_dirty:
 * @self: an editor
 * @dirty: whether it has changes not saved
 *
 * Cancel and closing the window ask first while @self is dirty.
 */
void
lt_editor_window_set_dirty (LtEditorWindow *self,
                            gboolean        dirty)
{
  LtEditorWindowPrivate *priv = lt_editor_window_get_instance_private (self);

  g_return_if_fail (LT_IS_EDITOR_WINDOW (self));

  priv->dirty = !!dirty;
}

/**
 * lt_editor_window_set_can_save:
 * @self: an editor
 * @can_save: whether its fields hold a record that can be saved
 *
 * Enables or disables editor.save, and with it the Save button.
 */
void
lt_editor_window_set_can_save (LtEditorWindow *self,
                               gboolean        can_save)
{
  LtEditorWindowPrivate *priv = lt_editor_window_get_instance_private (self);

  g_return_if_fail (LT_IS_EDITOR_WINDOW (self));

  priv->can_save = !!can_save;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", priv->can_save);
}

/**
 * lt_editor_window_close:
 * @self: an editor whose record was saved or deleted
 *
 * Closes @self without asking.
 */
void
lt_editor_window_close (LtEditorWindow *self)
{
  LtEditorWindowPrivate *priv = lt_editor_window_get_instance_private (self);

  g_return_if_fail (LT_IS_EDITOR_WINDOW (self));

  priv->closing = TRUE;
  gtk_window_destroy (GTK_WINDOW (self));
}

/**
 * lt_editor_window_close_later:
 * @self: an editor
 *
 * Closes @self without asking, once the main loop is idle: a message dialog over it is
 * still finishing its response when it asks, and goes with its parent.
 */
void
lt_editor_window_close_later (LtEditorWindow *self)
{
  LtEditorWindowPrivate *priv = lt_editor_window_get_instance_private (self);

  g_return_if_fail (LT_IS_EDITOR_WINDOW (self));

  priv->closing = TRUE;
  g_idle_add (destroy_idle_cb, g_object_ref (self));
}

/**
 * lt_editor_window_show_error:
 * @self: an editor
 * @heading: what failed, e.g. "Could Not Save the Event"
 * @message: why, in words a person understands
 *
 * Shows why something failed over @self, which stays open.
 */
void
lt_editor_window_show_error (LtEditorWindow *self,
                             const char     *heading,
                             const char     *message)
{
  GtkWidget *dialog;

  g_return_if_fail (LT_IS_EDITOR_WINDOW (self));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * lt_editor_window_new_header_bar:
 *
 * The header of an editor built in code: Cancel at the start, Save at the end, on
 * editor.cancel and editor.save, and no window buttons.
 *
 * Returns: (transfer floating): a new #AdwHeaderBar
 */
GtkWidget *
lt_editor_window_new_header_bar (void)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel_button = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *save_button = gtk_button_new_with_mnemonic (_("_Save"));

  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel_button), "editor.cancel");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel_button);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (save_button), "editor.save");
  gtk_widget_add_css_class (save_button, "suggested-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save_button);

  return header;
}

/**
 * lt_editor_restricted_group_new:
 * @restricted_switch: (out) (transfer none): where to put the group's switch
 *
 * The Visibility group with its Restricted row, for an editor built in code.
 *
 * Returns: (transfer floating): a new #AdwPreferencesGroup
 */
GtkWidget *
lt_editor_restricted_group_new (GtkSwitch **restricted_switch)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  g_return_val_if_fail (restricted_switch != NULL, NULL);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Visibility"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Restricted"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("Only people with this chronicle see it; public exports and "
                                 "reports leave it out"));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("changes-prevent-symbolic"));
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  *restricted_switch = GTK_SWITCH (toggle);
  return group;
}

/**
 * lt_editor_message_row_new:
 *
 * A row under a field that says what is wrong with it, or what it means; hidden until
 * lt_editor_set_message() gives it a text.
 *
 * Returns: (transfer floating): a new #AdwActionRow
 */
AdwActionRow *
lt_editor_message_row_new (void)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_visible (row, FALSE);

  return ADW_ACTION_ROW (row);
}

/**
 * lt_editor_set_message:
 * @row: a message row
 * @text: (nullable): what it says, or %NULL to hide it
 * @error: whether it says what keeps the record from being saved
 *
 * Shows @text in @row, marked as an error or not.
 */
void
lt_editor_set_message (AdwActionRow *row,
                       const char   *text,
                       gboolean      error)
{
  g_return_if_fail (ADW_IS_ACTION_ROW (row));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (row), text != NULL);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

/**
 * lt_editor_language_index:
 * @lang: (nullable): a language code, such as "uk"
 *
 * Returns: where @lang stands in lt_editor_languages, or 0 (English) for another language
 */
guint
lt_editor_language_index (const char *lang)
{
  for (guint i = 0; i < LT_EDITOR_N_LANGUAGES; i++)
    if (g_strcmp0 (lang, lt_editor_languages[i]) == 0)
      return i;

  return 0;
}

/**
 * lt_editor_fallback_text:
 * @texts: (array fixed-size=3): a field's text in each language, %NULL or empty where none
 * @records_lang: the index of the records' language
 * @lang: the index of the language that has no text
 *
 * What a reader of @lang sees instead of its missing text, shown greyed where it would be:
 * the records' language first, then English, then the others.
 *
 * Returns: (nullable): one of @texts, or %NULL when no other language has one
 */
const char *
lt_editor_fallback_text (char * const *texts,
                         guint         records_lang,
                         guint         lang)
{
  guint order[] = { records_lang, 0, 1, 2 };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (order[i] != lang && texts[order[i]] != NULL && texts[order[i]][0] != '\0')
      return texts[order[i]];

  return NULL;
}

/**
 * lt_editor_add_language_buttons:
 * @box: where the buttons go
 * @buttons: (array fixed-size=3) (out caller-allocates): where to put them
 * @toggled: the handler of their #GtkToggleButton::toggled
 * @user_data: its data
 *
 * Adds one toggle button for each language, in a group, each with its index in
 * lt_editor_languages as its "lang" data.
 */
void
lt_editor_add_language_buttons (GtkBox           *box,
                                GtkToggleButton **buttons,
                                GCallback         toggled,
                                gpointer          user_data)
{
  GtkToggleButton *group = NULL;

  g_return_if_fail (GTK_IS_BOX (box));
  g_return_if_fail (buttons != NULL);

  for (guint i = 0; i < LT_EDITOR_N_LANGUAGES; i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (lt_editor_language_names[i]);

      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      else
        group = GTK_TOGGLE_BUTTON (button);
      g_object_set_data (G_OBJECT (button), "lang", GUINT_TO_POINTER (i));
      g_signal_connect (button, "toggled", toggled, user_data);
      gtk_box_append (box, button);
      buttons[i] = GTK_TOGGLE_BUTTON (button);
    }
}
