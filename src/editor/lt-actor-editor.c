/* lt-actor-editor.c: the window that adds or edits an actor
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-actor-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "lt-actor-editor.h"

struct _LtActorEditor
{
  LtEditorWindow   parent_instance;

  LtActor         *original;        /* NULL for a new actor */

  char            *names[LT_EDITOR_N_LANGUAGES];
  guint            lang;
  guint            records_lang;
  GPtrArray       *aliases;         /* of GtkWidget rows, each with its "alias" */
  GtkToggleButton *language_buttons[LT_EDITOR_N_LANGUAGES];

  gboolean         loading;

  /* template */
  AdwWindowTitle  *window_title;
  GtkBox          *language_box;
  AdwEntryRow     *name_row;
  AdwActionRow    *name_message_row;
  AdwComboRow     *kind_row;
  GtkListBox      *aliases_list;
  AdwEntryRow     *alias_entry;
  GtkSwitch       *restricted_switch;
};

G_DEFINE_FINAL_TYPE (LtActorEditor, lt_actor_editor, LT_TYPE_EDITOR_WINDOW)

static gboolean
is_empty (const char *text)
{
  return text == NULL || text[0] == '\0';
}

static void
validate (LtActorEditor *self)
{
  gboolean has_name = FALSE;

  for (guint i = 0; i < LT_EDITOR_N_LANGUAGES; i++)
    has_name |= !is_empty (self->names[i]);

  gtk_widget_set_visible (GTK_WIDGET (self->name_message_row), !has_name);
  if (has_name)
    gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");

  lt_editor_window_set_can_save (LT_EDITOR_WINDOW (self), has_name);
  adw_window_title_set_subtitle (self->window_title,
                                 gtk_switch_get_active (self->restricted_switch) ? _("Restricted")
                                                                                 : NULL);
}

static void
show_language (LtActorEditor *self,
               guint          lang)
{
  GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (self->name_row));

  self->loading = TRUE;
  self->lang = lang;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row),
                         self->names[lang] != NULL ? self->names[lang] : "");
  for (guint i = 0; i < LT_EDITOR_N_LANGUAGES; i++)
    gtk_toggle_button_set_active (self->language_buttons[i], i == lang);
  self->loading = FALSE;

  if (GTK_IS_TEXT (delegate))
    gtk_text_set_placeholder_text (GTK_TEXT (delegate),
                                   lt_editor_fallback_text (self->names, self->records_lang, lang));
}

static void
language_toggled_cb (GtkToggleButton *button,
                     LtActorEditor   *self)
{
  guint lang = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "lang"));

  if (!self->loading && gtk_toggle_button_get_active (button) && lang != self->lang)
    show_language (self, lang);
}

static void
name_changed_cb (LtActorEditor *self)
{
  if (self->loading)
    return;

  g_free (self->names[self->lang]);
  self->names[self->lang] = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  lt_editor_window_set_dirty (LT_EDITOR_WINDOW (self), TRUE);
  validate (self);
}

static void
field_changed_cb (LtActorEditor *self)
{
  if (!self->loading)
    lt_editor_window_set_dirty (LT_EDITOR_WINDOW (self), TRUE);
  validate (self);
}

static void
remove_alias_cb (GtkButton     *button,
                 LtActorEditor *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "row");

  gtk_list_box_remove (self->aliases_list, row);
  g_ptr_array_remove (self->aliases, row);
  lt_editor_window_set_dirty (LT_EDITOR_WINDOW (self), TRUE);
}

static void
add_alias (LtActorEditor *self,
           const char    *alias)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), alias);
  g_object_set_data_full (G_OBJECT (row), "alias", g_strdup (alias), g_free);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove Name"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove Name"), -1);
  g_object_set_data (G_OBJECT (button), "row", row);
  g_signal_connect (button, "clicked", G_CALLBACK (remove_alias_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  /* the entry stays last */
  gtk_list_box_insert (self->aliases_list, row, (int) self->aliases->len);
  g_ptr_array_add (self->aliases, row);
}

static void
alias_apply_cb (LtActorEditor *self)
{
  g_autofree char *alias = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->alias_entry))));

  if (is_empty (alias))
    return;

  for (guint i = 0; i < self->aliases->len; i++)
    if (g_str_equal (g_object_get_data (g_ptr_array_index (self->aliases, i), "alias"), alias))
      {
        gtk_editable_set_text (GTK_EDITABLE (self->alias_entry), "");
        return;
      }

  add_alias (self, alias);
  gtk_editable_set_text (GTK_EDITABLE (self->alias_entry), "");
  lt_editor_window_set_dirty (LT_EDITOR_WINDOW (self), TRUE);
}

static void
lt_actor_editor_validate (LtEditorWindow *window)
{
  validate (LT_ACTOR_EDITOR (window));
}

static gint64
lt_actor_editor_save (LtEditorWindow  *window,
                      GError         **error)
{
  LtActorEditor *self = LT_ACTOR_EDITOR (window);
  LtStore *store = lt_editor_window_get_store (window);
  g_autoptr(LtActor) actor = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) aliases = NULL;
  const char * const *kinds = lt_actor_kind_list_keys ();
  guint kind = adw_combo_row_get_selected (self->kind_row);

  actor = self->original != NULL ? LT_ACTOR (lt_record_dup (LT_RECORD (self->original)))
                                 : lt_actor_new ();

  /* the English name, which the chronicle needs, is another language's when there is none */
  for (guint i = 1; i < LT_EDITOR_N_LANGUAGES; i++)
    lt_record_set_translation (LT_RECORD (actor), lt_editor_languages[i], "name",
                               is_empty (self->names[i]) ? NULL : self->names[i]);
  lt_actor_set_name (actor, !is_empty (self->names[0])
                              ? self->names[0]
                              : lt_editor_fallback_text (self->names, self->records_lang, 0));

  if (kind < g_strv_length ((char **) kinds))
    lt_actor_set_kind (actor, kinds[kind]);
  for (guint i = 0; i < self->aliases->len; i++)
    g_strv_builder_add (builder, g_object_get_data (g_ptr_array_index (self->aliases, i), "alias"));
  aliases = g_strv_builder_end (builder);
  lt_actor_set_aliases (actor, (const char * const *) aliases);
  lt_record_set_restricted (LT_RECORD (actor), gtk_switch_get_active (self->restricted_switch));

  if (self->original != NULL)
    return lt_store_update_actor (store, actor, error) ? lt_record_get_id (LT_RECORD (actor)) : 0;

  return lt_store_add_actor (store, actor, error);
}

/* What Cancel would lose, for the question it asks */
static const char *
lt_actor_editor_describe_unsaved (LtEditorWindow *window)
{
  LtActorEditor *self = LT_ACTOR_EDITOR (window);

  return self->original != NULL ? _("The changes to this actor have not been saved.")
                                : _("The new actor has not been saved.");
}

static void
lt_actor_editor_dispose (GObject *object)
{
  LtActorEditor *self = LT_ACTOR_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LT_TYPE_ACTOR_EDITOR);
  g_clear_pointer (&self->aliases, g_ptr_array_unref);
  g_clear_object (&self->original);

  G_OBJECT_CLASS (lt_actor_editor_parent_class)->dispose (object);
}

static void
lt_actor_editor_finalize (GObject *object)
{
  LtActorEditor *self = LT_ACTOR_EDITOR (object);

  for (guint i = 0; i < LT_EDITOR_N_LANGUAGES; i++)
    g_free (self->names[i]);

  G_OBJECT_CLASS (lt_actor_editor_parent_class)->finalize (object);
}

static void
lt_actor_editor_class_init (LtActorEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LtEditorWindowClass *editor_class = LT_EDITOR_WINDOW_CLASS (klass);

  object_class->dispose = lt_actor_editor_dispose;
  object_class->finalize = lt_actor_editor_finalize;
  editor_class->save_error_heading = N_("Could Not Save the Actor");
  editor_class->validate = lt_actor_editor_validate;
  editor_class->save = lt_actor_editor_save;
  editor_class->describe_unsaved = lt_actor_editor_describe_unsaved;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/letapis/Letapis/editor/lt-actor-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LtActorEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, LtActorEditor, language_box);
  gtk_widget_class_bind_template_child (widget_class, LtActorEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, LtActorEditor, name_message_row);
  gtk_widget_class_bind_template_child (widget_class, LtActorEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, LtActorEditor, aliases_list);
  gtk_widget_class_bind_template_child (widget_class, LtActorEditor, alias_entry);
  gtk_widget_class_bind_template_child (widget_class, LtActorEditor, restricted_switch);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, alias_apply_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save",
                                       NULL);
}

static void
lt_actor_editor_init (LtActorEditor *self)
{
  self->aliases = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  lt_editor_add_language_buttons (self->language_box, self->language_buttons,
                                  G_CALLBACK (language_toggled_cb), self);
}

/**
 * lt_actor_editor_new:
 * @parent: (nullable): the window the editor belongs to
 * @store: the chronicle
 * @actor: (nullable): the actor to edit, or %NULL for a new one
 *
 * Creates an editor; nothing is written to @store until the user saves.
 *
 * Returns: (transfer none): the editor, owned by GTK until it closes
 */
LtActorEditor *
lt_actor_editor_new (GtkWindow *parent,
                     LtStore   *store,
                     LtActor   *actor)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  const char * const *keys = lt_actor_kind_list_keys ();
  LtActorEditor *self;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LT_IS_STORE (store), NULL);
  g_return_val_if_fail (!actor || LT_IS_ACTOR (actor), NULL);

  self = g_object_new (LT_TYPE_ACTOR_EDITOR,
                       "store", store,
                       "transient-for", parent,
                       NULL);
  self->records_lang = lt_editor_language_index (lt_store_get_language (store));

  self->loading = TRUE;
  for (guint i = 0; keys[i] != NULL; i++)
    gtk_string_list_append (kinds, lt_actor_kind_get_label (keys[i]));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  if (actor != NULL)
    {
      const char * const *aliases = lt_actor_get_aliases (actor);
      int kind = lt_actor_kind_get_index (lt_actor_get_kind (actor));

      self->original = LT_ACTOR (lt_record_dup (LT_RECORD (actor)));
      for (guint i = 0; i < LT_EDITOR_N_LANGUAGES; i++)
        self->names[i] = g_strdup (lt_record_get_translation (LT_RECORD (actor),
                                                              lt_editor_languages[i], "name"));
      /* a name kept as the English fallback of another language's is no English name */
      if (self->records_lang != 0 && g_strcmp0 (self->names[0], self->names[self->records_lang]) == 0)
        g_clear_pointer (&self->names[0], g_free);
      if (kind >= 0)
        adw_combo_row_set_selected (self->kind_row, (guint) kind);
      for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
        add_alias (self, aliases[i]);
      gtk_switch_set_active (self->restricted_switch, lt_record_is_restricted (LT_RECORD (actor)));
      adw_window_title_set_title (self->window_title, _("Edit Actor"));
    }
  else
    adw_window_title_set_title (self->window_title, _("New Actor"));
  self->loading = FALSE;

  show_language (self, self->records_lang);
  validate (self);
  lt_editor_window_set_dirty (LT_EDITOR_WINDOW (self), FALSE);

  return self;
}

/**
 * lt_actor_editor_get_id:
 * @self: an actor editor
 *
 * Returns: the actor's row id: 0 for a new actor not saved yet
 */
gint64
lt_actor_editor_get_id (LtActorEditor *self)
{
  g_return_val_if_fail (LT_IS_ACTOR_EDITOR (self), 0);

  if (lt_editor_window_get_saved_id (LT_EDITOR_WINDOW (self)) != 0)
    return lt_editor_window_get_saved_id (LT_EDITOR_WINDOW (self));

  return self->original != NULL ? lt_record_get_id (LT_RECORD (self->original)) : 0;
}
