/* lt-source-editor.c: what a source is and where to find it
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-source-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "lt-source-editor.h"

struct _LtSourceEditor
{
  LtEditorWindow parent_instance;

  LtSource      *original;      /* NULL for a new source */
  gboolean       loading;

  AdwWindowTitle *window_title;
  AdwEntryRow   *title_row;
  AdwActionRow  *title_message_row;
  AdwEntryRow   *publisher_row;
  AdwEntryRow   *author_row;
  AdwEntryRow   *date_row;
  AdwActionRow  *date_message_row;
  AdwEntryRow   *url_row;
  GtkSwitch     *restricted_switch;
  GtkWidget     *delete_group;
};

enum {
  DELETED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (LtSourceEditor, lt_source_editor, LT_TYPE_EDITOR_WINDOW)

static guint signals[N_SIGNALS];

static char *
dup_entry_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  return text[0] == '\0' ? NULL : g_steal_pointer (&text);
}

static void
validate (LtSourceEditor *self)
{
  g_autofree char *title = dup_entry_text (self->title_row);
  g_autofree char *date = dup_entry_text (self->date_row);
  g_autoptr(GError) error = NULL;
  gboolean valid = TRUE;
  LtDate d;

  lt_editor_set_message (self->title_message_row, title == NULL ? _("A source needs a title") : NULL, TRUE);
  valid &= title != NULL;

  if (date == NULL)
    lt_editor_set_message (self->date_message_row, NULL, FALSE);
  else if (!lt_date_parse (date, &d, &error))
    {
      lt_editor_set_message (self->date_message_row, error->message, TRUE);
      valid = FALSE;
    }
  else
    {
      g_autofree char *formatted = lt_date_format (&d);

      lt_editor_set_message (self->date_message_row, formatted, FALSE);
    }

  lt_editor_window_set_can_save (LT_EDITOR_WINDOW (self), valid);
  adw_window_title_set_subtitle (self->window_title,
                                 gtk_switch_get_active (self->restricted_switch) ? _("Restricted")
                                                                                 : NULL);
}

static void
field_changed_cb (LtSourceEditor *self)
{
  if (!self->loading)
    lt_editor_window_set_dirty (LT_EDITOR_WINDOW (self), TRUE);
  validate (self);
}

static void
lt_source_editor_validate (LtEditorWindow *window)
{
  validate (LT_SOURCE_EDITOR (window));
}

static gint64
lt_source_editor_save (LtEditorWindow  *window,
                       GError         **error)
{
  LtSourceEditor *self = LT_SOURCE_EDITOR (window);
  LtStore *store = lt_editor_window_get_store (window);
  g_autoptr(LtSource) source = NULL;
  g_autofree char *title = dup_entry_text (self->title_row);
  g_autofree char *publisher = dup_entry_text (self->publisher_row);
  g_autofree char *author = dup_entry_text (self->author_row);
  g_autofree char *date = dup_entry_text (self->date_row);
  g_autofree char *url = dup_entry_text (self->url_row);

  source = self->original != NULL ? LT_SOURCE (lt_record_dup (LT_RECORD (self->original)))
                                  : lt_source_new ();
  lt_record_set_translation (LT_RECORD (source), "en", "title", title);
  lt_source_set_publisher (source, publisher);
  lt_source_set_author (source, author);
  lt_source_set_date (source, date);
  lt_source_set_url (source, url);
  lt_record_set_restricted (LT_RECORD (source), gtk_switch_get_active (self->restricted_switch));

  if (self->original != NULL)
    return lt_store_update_source (store, source, error) ? lt_record_get_id (LT_RECORD (source)) : 0;

  return lt_store_add_source (store, source, error);
}

/* What Cancel would lose, for the question it asks */
static const char *
lt_source_editor_describe_unsaved (LtEditorWindow *window)
{
  LtSourceEditor *self = LT_SOURCE_EDITOR (window);

  return self->original != NULL ? _("The changes to this source have not been saved.")
                                : _("The new source has not been saved.");
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    LtSourceEditor   *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (g_strcmp0 (response, "delete") != 0 || self->original == NULL)
    return;

  id = lt_record_get_id (LT_RECORD (self->original));
  if (!lt_store_delete_source_and_citations (lt_editor_window_get_store (LT_EDITOR_WINDOW (self)),
                                             id, &error))
    {
      lt_editor_window_show_error (LT_EDITOR_WINDOW (self), _("Could Not Delete the Source"),
                                   error->message);
      return;
    }

  g_signal_emit (self, signals[DELETED], 0, id);
  lt_editor_window_close_later (LT_EDITOR_WINDOW (self));
}

/* A source goes with every citation of it, after a question: it may be cited by events the
 * user is not looking at. One undo brings it all back. */
static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  LtSourceEditor *self = LT_SOURCE_EDITOR (widget);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (self->original == NULL)
    return;

  /* Translators: %s is the source's title */
  heading = g_strdup_printf (_("Delete “%s”?"), lt_source_get_title (self->original));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("Every citation of this source, in every event and relation, "
                                     "goes with it. Undo in the main window brings them back."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
lt_source_editor_dispose (GObject *object)
{
  LtSourceEditor *self = LT_SOURCE_EDITOR (object);

  g_clear_object (&self->original);

  G_OBJECT_CLASS (lt_source_editor_parent_class)->dispose (object);
}

static void
lt_source_editor_class_init (LtSourceEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LtEditorWindowClass *editor_class = LT_EDITOR_WINDOW_CLASS (klass);

  object_class->dispose = lt_source_editor_dispose;
  editor_class->save_error_heading = N_("Could Not Save the Source");
  editor_class->validate = lt_source_editor_validate;
  editor_class->save = lt_source_editor_save;
  editor_class->describe_unsaved = lt_source_editor_describe_unsaved;

  /**
   * LtSourceEditor::deleted:
   * @self: the editor
   * @id: the source's row id
   *
   * Emitted when the source and its citations have been deleted, just before the editor closes.
   */
  signals[DELETED] = g_signal_new ("deleted",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_action);
}

static AdwEntryRow *
entry_row (LtSourceEditor *self,
           GtkListBox     *list,
           const char     *title)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (field_changed_cb), self);
  gtk_list_box_append (list, GTK_WIDGET (row));

  return row;
}

static AdwActionRow *
message_row (GtkListBox *list)
{
  AdwActionRow *row = lt_editor_message_row_new ();

  gtk_list_box_append (list, GTK_WIDGET (row));

  return row;
}

static void
lt_source_editor_init (LtSourceEditor *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = lt_editor_window_new_header_bar ();
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkListBox *list = GTK_LIST_BOX (gtk_list_box_new ());
  GtkWidget *row;

  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 520, 560);

  self->window_title = ADW_WINDOW_TITLE (adw_window_title_new (NULL, NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->window_title));
  gtk_box_append (GTK_BOX (box), header);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Source"));
  gtk_list_box_set_selection_mode (list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (list), "boxed-list");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (list));

  self->title_row = entry_row (self, list, _("Title"));
  self->title_message_row = message_row (list);
  self->publisher_row = entry_row (self, list, _("Publisher"));
  self->author_row = entry_row (self, list, _("Author"));
  self->date_row = entry_row (self, list, _("Date Published"));
  self->date_message_row = message_row (list);
  self->url_row = entry_row (self, list, _("Web Address"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page),
                            ADW_PREFERENCES_GROUP (lt_editor_restricted_group_new (&self->restricted_switch)));
  g_signal_connect_swapped (self->restricted_switch, "notify::active", G_CALLBACK (field_changed_cb), self);

  self->delete_group = adw_preferences_group_new ();
  row = gtk_button_new_with_mnemonic (_("_Delete Source…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "editor.delete");
  gtk_widget_add_css_class (row, "destructive-action");
  gtk_widget_set_halign (row, GTK_ALIGN_START);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->delete_group), row);
  gtk_widget_set_visible (self->delete_group, FALSE);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (self->delete_group));

  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);
}

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

/**
 * lt_source_editor_new:
 * @parent: (nullable): the window the editor belongs to
 * @store: the chronicle
 * @source: (nullable): the source to edit, or %NULL for a new one
 *
 * Creates an editor; nothing is written until the user saves.
 *
 * Returns: (transfer none): the editor, owned by GTK until it closes
 */
LtSourceEditor *
lt_source_editor_new (GtkWindow *parent,
                      LtStore   *store,
                      LtSource  *source)
{
  LtSourceEditor *self;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LT_IS_STORE (store), NULL);
  g_return_val_if_fail (!source || LT_IS_SOURCE (source), NULL);

  self = g_object_new (LT_TYPE_SOURCE_EDITOR,
                       "store", store,
                       "transient-for", parent,
                       NULL);

  self->loading = TRUE;
  if (source != NULL)
    {
      self->original = LT_SOURCE (lt_record_dup (LT_RECORD (source)));
      /* the title as the source has it, not a translation of it */
      set_text (self->title_row, lt_record_get_translation (LT_RECORD (source), "en", "title"));
      set_text (self->publisher_row, lt_source_get_publisher (source));
      set_text (self->author_row, lt_source_get_author (source));
      set_text (self->date_row, lt_source_get_date (source));
      set_text (self->url_row, lt_source_get_url (source));
      gtk_switch_set_active (self->restricted_switch, lt_record_is_restricted (LT_RECORD (source)));
      adw_window_title_set_title (self->window_title, _("Edit Source"));
      gtk_widget_set_visible (self->delete_group, TRUE);
    }
  else
    adw_window_title_set_title (self->window_title, _("New Source"));
  self->loading = FALSE;

  validate (self);
  lt_editor_window_set_dirty (LT_EDITOR_WINDOW (self), FALSE);

  return self;
}
