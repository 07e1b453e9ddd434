/* lt-relation-editor.c: a new relation from an actor to another
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-relation-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "lt-record-index.h"
#include "lt-relation-editor.h"

#define N_SUGGESTIONS 6

struct _LtRelationEditor
{
  LtEditorWindow parent_instance;

  LtRecordIndex *actor_index;
  gint64         from_id;
  gint64         to_id;
  GPtrArray     *suggestions;
  LtDateRange    range;
  gboolean       has_range;
  gboolean       loading;

  AdwActionRow  *from_row;
  AdwComboRow   *type_row;
  GtkListBox    *list;
  AdwEntryRow   *to_row;
  AdwActionRow  *to_message_row;
  AdwEntryRow   *date_row;
  AdwActionRow  *date_message_row;
  AdwEntryRow   *note_row;
  GtkSwitch     *restricted_switch;
};

G_DEFINE_FINAL_TYPE (LtRelationEditor, lt_relation_editor, LT_TYPE_EDITOR_WINDOW)

static void
validate (LtRelationEditor *self)
{
  g_autoptr(GError) error = NULL;
  const char *date = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  gboolean valid = TRUE;

  if (self->to_id == 0)
    {
      lt_editor_set_message (self->to_message_row, _("Pick the other actor from the list"), TRUE);
      valid = FALSE;
    }
  else if (self->to_id == self->from_id)
    {
      lt_editor_set_message (self->to_message_row, _("An actor cannot be related to itself"), TRUE);
      valid = FALSE;
    }
  else
    lt_editor_set_message (self->to_message_row, NULL, FALSE);

  self->has_range = FALSE;
  if (date[0] == '\0')
    lt_editor_set_message (self->date_message_row, NULL, FALSE);
  else if (!lt_date_range_parse (date, &self->range, &error))
    {
      lt_editor_set_message (self->date_message_row, error->message, TRUE);
      valid = FALSE;
    }
  else
    {
      g_autofree char *formatted = lt_date_range_format (&self->range);

      lt_editor_set_message (self->date_message_row, formatted, FALSE);
      self->has_range = TRUE;
    }

  lt_editor_window_set_can_save (LT_EDITOR_WINDOW (self), valid);
}

static void
field_changed_cb (LtRelationEditor *self)
{
  if (!self->loading)
    lt_editor_window_set_dirty (LT_EDITOR_WINDOW (self), TRUE);
  validate (self);
}

static void
clear_suggestions (LtRelationEditor *self)
{
  for (guint i = 0; i < self->suggestions->len; i++)
    gtk_list_box_remove (self->list, g_ptr_array_index (self->suggestions, i));
  g_ptr_array_set_size (self->suggestions, 0);
}

static void
suggestion_activated_cb (AdwActionRow     *row,
                         LtRelationEditor *self)
{
  self->to_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "id"));
  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->to_row),
                         adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  self->loading = FALSE;
  clear_suggestions (self);
  lt_editor_window_set_dirty (LT_EDITOR_WINDOW (self), TRUE);
  validate (self);
}

static void
to_changed_cb (LtRelationEditor *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GArray) hits = NULL;
  int position;

  if (self->loading)
    return;

  self->to_id = 0;
  lt_editor_window_set_dirty (LT_EDITOR_WINDOW (self), TRUE);
  clear_suggestions (self);

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->to_row))));
  position = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (self->to_row)) + 1;
  hits = lt_record_index_search (self->actor_index, text, N_SUGGESTIONS + 1);
  for (guint i = 0; i < hits->len && self->suggestions->len < N_SUGGESTIONS; i++)
    {
      const LtRecordMatch *m = &g_array_index (hits, LtRecordMatch, i);
      GtkWidget *row;

      if (m->id == self->from_id)
        continue;

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), m->label);
      if (m->matched != NULL || m->detail != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), m->matched != NULL ? m->matched : m->detail);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("avatar-default-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "id", GSIZE_TO_POINTER (m->id));
      g_signal_connect (row, "activated", G_CALLBACK (suggestion_activated_cb), self);
      gtk_list_box_insert (self->list, row, position++);
      g_ptr_array_add (self->suggestions, row);
    }

  validate (self);
}

static void
to_activated_cb (LtRelationEditor *self)
{
  if (self->suggestions->len > 0)
    suggestion_activated_cb (g_ptr_array_index (self->suggestions, 0), self);
}

static void
lt_relation_editor_validate (LtEditorWindow *window)
{
  validate (LT_RELATION_EDITOR (window));
}

static gint64
lt_relation_editor_save (LtEditorWindow  *window,
                         GError         **error)
{
  LtRelationEditor *self = LT_RELATION_EDITOR (window);
  g_autoptr(LtRelation) relation = lt_relation_new ();
  const char * const *types = lt_relation_type_list_keys ();
  g_autofree char *note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row))));

  lt_relation_set_from_id (relation, self->from_id);
  lt_relation_set_to_id (relation, self->to_id);
  lt_relation_set_relation_type (relation, types[adw_combo_row_get_selected (self->type_row)]);
  if (self->has_range)
    lt_relation_set_date_range (relation, &self->range);
  if (note[0] != '\0')
    lt_relation_set_note (relation, note);
  lt_record_set_restricted (LT_RECORD (relation), gtk_switch_get_active (self->restricted_switch));

  return lt_store_add_relation (lt_editor_window_get_store (window), relation, error);
}

/* What Cancel would lose, for the question it asks */
static const char *
lt_relation_editor_describe_unsaved (LtEditorWindow *window)
{
  return _("The new relation has not been saved.");
}

static void
lt_relation_editor_dispose (GObject *object)
{
  LtRelationEditor *self = LT_RELATION_EDITOR (object);

  g_clear_pointer (&self->suggestions, g_ptr_array_unref);
  g_clear_pointer (&self->actor_index, lt_record_index_free);

  G_OBJECT_CLASS (lt_relation_editor_parent_class)->dispose (object);
}

static void
lt_relation_editor_class_init (LtRelationEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LtEditorWindowClass *editor_class = LT_EDITOR_WINDOW_CLASS (klass);

  object_class->dispose = lt_relation_editor_dispose;
  editor_class->save_error_heading = N_("Could Not Save the Relation");
  editor_class->validate = lt_relation_editor_validate;
  editor_class->save = lt_relation_editor_save;
  editor_class->describe_unsaved = lt_relation_editor_describe_unsaved;
}

static void
lt_relation_editor_init (LtRelationEditor *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();

  self->suggestions = g_ptr_array_new ();

  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 520, 560);
  gtk_window_set_title (GTK_WINDOW (self), _("New Relation"));

  gtk_box_append (GTK_BOX (box), lt_editor_window_new_header_bar ());

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Relation"));
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->list));

  /* the actor whose pane the relation was drawn from */
  self->from_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->from_row), _("From"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->from_row), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->from_row), "property");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->from_row), FALSE);
  gtk_list_box_append (self->list, GTK_WIDGET (self->from_row));

  self->type_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->type_row), _("Type"));
  gtk_list_box_append (self->list, GTK_WIDGET (self->type_row));

  self->to_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->to_row), _("Other Actor"));
  adw_entry_row_add_prefix (self->to_row, gtk_image_new_from_icon_name ("system-search-symbolic"));
  g_signal_connect_swapped (self->to_row, "changed", G_CALLBACK (to_changed_cb), self);
  g_signal_connect_swapped (self->to_row, "entry-activated", G_CALLBACK (to_activated_cb), self);
  gtk_list_box_append (self->list, GTK_WIDGET (self->to_row));
  self->to_message_row = lt_editor_message_row_new ();
  gtk_list_box_append (self->list, GTK_WIDGET (self->to_message_row));

  self->date_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row), _("Since (optional)"));
  g_signal_connect_swapped (self->date_row, "changed", G_CALLBACK (field_changed_cb), self);
  gtk_list_box_append (self->list, GTK_WIDGET (self->date_row));
  self->date_message_row = lt_editor_message_row_new ();
  gtk_list_box_append (self->list, GTK_WIDGET (self->date_message_row));

  self->note_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->note_row), _("Note (optional)"));
  g_signal_connect_swapped (self->note_row, "changed", G_CALLBACK (field_changed_cb), self);
  gtk_list_box_append (self->list, GTK_WIDGET (self->note_row));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page),
                            ADW_PREFERENCES_GROUP (lt_editor_restricted_group_new (&self->restricted_switch)));

  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);
}

/**
 * lt_relation_editor_new:
 * @parent: (nullable): the window the editor belongs to
 * @store: the chronicle
 * @from_actor_id: the actor the relation starts from
 *
 * Creates an editor for a new relation; nothing is written until the user saves.
 *
 * Returns: (transfer none): the editor, owned by GTK until it closes
 */
LtRelationEditor *
lt_relation_editor_new (GtkWindow *parent,
                        LtStore   *store,
                        gint64     from_actor_id)
{
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);
  const char * const *keys = lt_relation_type_list_keys ();
  g_autoptr(LtActor) from = NULL;
  LtRelationEditor *self;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LT_IS_STORE (store), NULL);

  self = g_object_new (LT_TYPE_RELATION_EDITOR,
                       "store", store,
                       "transient-for", parent,
                       NULL);
  self->from_id = from_actor_id;
  self->actor_index = lt_record_index_new_actors (store);

  self->loading = TRUE;
  from = lt_store_lookup_actor (store, from_actor_id);
  if (from != NULL)
    adw_action_row_set_subtitle (self->from_row, lt_actor_get_name (from));
  for (guint i = 0; keys[i] != NULL; i++)
    gtk_string_list_append (types, lt_relation_type_get_label (keys[i]));
  adw_combo_row_set_model (self->type_row, G_LIST_MODEL (types));
  g_signal_connect_swapped (self->type_row, "notify::selected", G_CALLBACK (field_changed_cb), self);
  self->loading = FALSE;

  validate (self);
  lt_editor_window_set_dirty (LT_EDITOR_WINDOW (self), FALSE);

  return self;
}
