/* lt-event-editor-rows.c: the event editor's lists: the actors taking part with their roles,
 * the figures, and the citations of sources, each found as you type or made new
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-event-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "lt-event-editor-private.h"

/* Drop-downs of the shared vocabularies, labelled in the interface language */

static GtkDropDown *
vocabulary_drop_down (const char * const *keys,
                      const char *      (*get_label) (const char *),
                      const char         *selected,
                      const char         *accessible_label)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkDropDown *drop_down;
  guint position = 0;

  for (guint i = 0; keys[i] != NULL; i++)
    {
      gtk_string_list_append (labels, get_label (keys[i]));
      if (g_strcmp0 (keys[i], selected) == 0)
        position = i;
    }

  drop_down = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL));
  gtk_drop_down_set_selected (drop_down, position);
  gtk_widget_set_valign (GTK_WIDGET (drop_down), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (drop_down), "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label, -1);

  return drop_down;
}

static GtkWidget *
remove_button (const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tooltip, -1);

  return button;
}

static GtkWidget *
suggestion_row (const char *title,
                const char *subtitle,
                const char *icon_name)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icon_name));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  return row;
}

static void
clear_suggestions (GtkListBox *list,
                   GPtrArray  *rows)
{
  for (guint i = 0; i < rows->len; i++)
    gtk_list_box_remove (list, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

/* Actors */

static void
participant_role_changed_cb (LtEventEditor *self)
{
  self->participants_dirty = TRUE;
  _lt_event_editor_mark_dirty (self);
}

static void
remove_participant_cb (GtkButton     *button,
                       LtEventEditor *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "row");

  for (guint i = 0; i < self->participants->len; i++)
    {
      Participant *p = g_ptr_array_index (self->participants, i);

      if (p->row == row)
        {
          gtk_list_box_remove (self->actors_list, row);
          g_ptr_array_remove_index (self->participants, i);
          break;
        }
    }

  self->participants_dirty = TRUE;
  _lt_event_editor_mark_dirty (self);
}

void
_lt_event_editor_add_participant (LtEventEditor *self,
                                  gint64         actor_id,
                                  const char    *name,
                                  const char    *new_kind,
                                  const char    *role)
{
  Participant *p = g_new0 (Participant, 1);
  GtkWidget *remove;
  const char *subtitle;

  p->actor_id = actor_id;
  p->name = g_strdup (name);
  p->new_kind = g_strdup (new_kind);
  p->row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (p->row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (p->row), name);
  if (new_kind != NULL)
    subtitle = new_kind[0] == 'p' ? _("New person, added when you save")
                                  : _("New organization, added when you save");
  else
    subtitle = lt_record_index_get_detail (self->actor_index, actor_id);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (p->row), subtitle);

  p->role = vocabulary_drop_down (lt_role_list_keys (), lt_role_get_label,
                                  role != NULL ? role : "participant", _("Role"));
  g_signal_connect_swapped (p->role, "notify::selected",
                            G_CALLBACK (participant_role_changed_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (p->row), GTK_WIDGET (p->role));

  remove = remove_button (_("Remove Actor"));
  g_object_set_data (G_OBJECT (remove), "row", p->row);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_participant_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (p->row), remove);

  /* the search field stays last */
  gtk_list_box_insert (self->actors_list, p->row, (int) self->participants->len);
  g_ptr_array_add (self->participants, p);
}

static void
actor_suggestion_activated_cb (AdwActionRow  *row,
                               LtEventEditor *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "id"));
  const char *kind = g_object_get_data (G_OBJECT (row), "new-kind");
  g_autofree char *name = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));

  _lt_event_editor_add_participant (self, id, name, kind, NULL);
  self->participants_dirty = TRUE;
  _lt_event_editor_mark_dirty (self);

  gtk_editable_set_text (GTK_EDITABLE (self->actor_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->actor_entry));
}

static void
actor_search_changed_cb (LtEventEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->actor_entry));
  g_autofree char *name = g_strstrip (g_strdup (text));
  g_autoptr(GArray) hits = NULL;
  int position;
  GtkWidget *row;

  clear_suggestions (self->actors_list, self->actor_suggestions);
  if (_lt_event_editor_is_empty (name))
    return;

  position = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (self->actor_entry)) + 1;
  hits = lt_record_index_search (self->actor_index, name, N_SUGGESTIONS);
  for (guint i = 0; i < hits->len; i++)
    {
      const LtRecordMatch *m = &g_array_index (hits, LtRecordMatch, i);

      row = suggestion_row (m->label, m->matched != NULL ? m->matched : m->detail,
                            "avatar-default-symbolic");
      g_object_set_data (G_OBJECT (row), "id", GSIZE_TO_POINTER (m->id));
      g_signal_connect (row, "activated", G_CALLBACK (actor_suggestion_activated_cb), self);
      gtk_list_box_insert (self->actors_list, row, position++);
      g_ptr_array_add (self->actor_suggestions, row);
    }

  /* a name nobody has yet can become a new actor from the same field */
  row = suggestion_row (name, _("Create a new person"), "list-add-symbolic");
  g_object_set_data (G_OBJECT (row), "new-kind", (gpointer) "person");
  g_signal_connect (row, "activated", G_CALLBACK (actor_suggestion_activated_cb), self);
  gtk_list_box_insert (self->actors_list, row, position++);
  g_ptr_array_add (self->actor_suggestions, row);

  row = suggestion_row (name, _("Create a new organization"), "list-add-symbolic");
  g_object_set_data (G_OBJECT (row), "new-kind", (gpointer) "organization");
  g_signal_connect (row, "activated", G_CALLBACK (actor_suggestion_activated_cb), self);
  gtk_list_box_insert (self->actors_list, row, position++);
  g_ptr_array_add (self->actor_suggestions, row);
}

static void
actor_entry_activated_cb (LtEventEditor *self)
{
  /* Enter takes the best match, as in a search */
  if (self->actor_suggestions->len > 0)
    actor_suggestion_activated_cb (g_ptr_array_index (self->actor_suggestions, 0), self);
}

/* Figures */

static void
figure_changed_cb (LtEventEditor *self)
{
  self->figures_dirty = TRUE;
  _lt_event_editor_mark_dirty (self);
}

static void
remove_figure_cb (GtkButton     *button,
                  LtEventEditor *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "row");

  for (guint i = 0; i < self->figures->len; i++)
    {
      Figure *f = g_ptr_array_index (self->figures, i);

      if (f->row == row)
        {
          gtk_list_box_remove (self->figures_list, row);
          g_ptr_array_remove_index (self->figures, i);
          break;
        }
    }

  self->figures_dirty = TRUE;
  _lt_event_editor_mark_dirty (self);
}

Figure *
_lt_event_editor_add_figure (LtEventEditor *self,
                             double         value,
                             const char    *counts,
                             const char    *qualifier)
{
  Figure *f = g_new0 (Figure, 1);
  GtkWidget *remove;

  f->row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (f->row), "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (f->row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Figure"), -1);

  f->qualifier = vocabulary_drop_down (lt_qualifier_list_keys (), lt_qualifier_get_label,
                                       qualifier != NULL ? qualifier : "exact", _("Precision"));
  f->value = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 1e9, 1));
  gtk_spin_button_set_value (f->value, value);
  gtk_spin_button_set_numeric (f->value, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (f->value), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (f->value), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Number"), -1);
  f->kind = vocabulary_drop_down (lt_figure_kind_list_keys (), lt_figure_kind_get_label,
                                  counts, _("What It Counts"));
  gtk_widget_set_hexpand (GTK_WIDGET (f->kind), TRUE);
  gtk_widget_set_halign (GTK_WIDGET (f->kind), GTK_ALIGN_START);

  adw_action_row_add_prefix (ADW_ACTION_ROW (f->row), GTK_WIDGET (f->qualifier));
  adw_action_row_add_prefix (ADW_ACTION_ROW (f->row), GTK_WIDGET (f->value));
  adw_action_row_add_prefix (ADW_ACTION_ROW (f->row), GTK_WIDGET (f->kind));
  g_signal_connect_swapped (f->qualifier, "notify::selected", G_CALLBACK (figure_changed_cb), self);
  g_signal_connect_swapped (f->value, "value-changed", G_CALLBACK (figure_changed_cb), self);
  g_signal_connect_swapped (f->kind, "notify::selected", G_CALLBACK (figure_changed_cb), self);

  remove = remove_button (_("Remove Figure"));
  g_object_set_data (G_OBJECT (remove), "row", f->row);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_figure_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (f->row), remove);

  gtk_list_box_append (self->figures_list, f->row);
  g_ptr_array_add (self->figures, f);

  return f;
}

static void
add_figure_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  LtEventEditor *self = LT_EVENT_EDITOR (widget);
  Figure *f = _lt_event_editor_add_figure (self, 0, NULL, NULL);

  self->figures_dirty = TRUE;
  _lt_event_editor_mark_dirty (self);
  gtk_widget_grab_focus (GTK_WIDGET (f->value));
}

/* Citations */

static void
citation_source_activated_cb (AdwActionRow *row,
                              Citation     *c)
{
  LtEventEditor *self = c->self;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "id"));
  g_autofree char *title = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));

  g_clear_pointer (&c->new_title, g_free);
  c->source_id = id;
  if (id == 0)
    c->new_title = g_strdup (title);

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (c->source_row), title);
  self->loading = FALSE;
  clear_suggestions (c->list, c->suggestions);

  self->citations_dirty = TRUE;
  _lt_event_editor_mark_dirty (self);
  _lt_event_editor_validate (self);
  gtk_widget_grab_focus (GTK_WIDGET (c->new_title != NULL ? c->url_row : c->locator_row));
}

static void
citation_source_changed_cb (AdwEntryRow *entry,
                            Citation    *c)
{
  LtEventEditor *self = c->self;
  g_autofree char *text = NULL;
  g_autoptr(GArray) hits = NULL;
  GtkWidget *row;
  int position = 1;

  if (self->loading)
    return;

  /* typing over a chosen source unchooses it */
  c->source_id = 0;
  g_clear_pointer (&c->new_title, g_free);
  clear_suggestions (c->list, c->suggestions);
  self->citations_dirty = TRUE;
  _lt_event_editor_mark_dirty (self);

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  if (!_lt_event_editor_is_empty (text))
    {
      hits = lt_record_index_search (self->source_index, text, N_SUGGESTIONS);
      for (guint i = 0; i < hits->len; i++)
        {
          const LtRecordMatch *m = &g_array_index (hits, LtRecordMatch, i);

          row = suggestion_row (m->label, m->detail, "x-office-document-symbolic");
          g_object_set_data (G_OBJECT (row), "id", GSIZE_TO_POINTER (m->id));
          g_signal_connect (row, "activated", G_CALLBACK (citation_source_activated_cb), c);
          gtk_list_box_insert (c->list, row, position++);
          g_ptr_array_add (c->suggestions, row);
        }

      row = suggestion_row (text, _("Create a new source"), "list-add-symbolic");
      g_signal_connect (row, "activated", G_CALLBACK (citation_source_activated_cb), c);
      gtk_list_box_insert (c->list, row, position++);
      g_ptr_array_add (c->suggestions, row);
    }

  _lt_event_editor_validate (self);
}

static void
citation_source_entry_activated_cb (AdwEntryRow *entry,
                                    Citation    *c)
{
  if (c->suggestions->len > 0)
    citation_source_activated_cb (g_ptr_array_index (c->suggestions, 0), c);
}

static void
citation_field_changed_cb (LtEventEditor *self)
{
  if (self->loading)
    return;

  self->citations_dirty = TRUE;
  _lt_event_editor_mark_dirty (self);
}

static void
source_saved_cb (LtSourceEditor *editor,
                 gint64          id,
                 Citation       *c)
{
  LtEventEditor *self = c->self;
  g_autoptr(LtSource) source = lt_store_lookup_source (lt_event_editor_get_store (self), id);

  /* the searches of the other citations find it under its new title too */
  g_clear_pointer (&self->source_index, lt_record_index_free);
  self->source_index = lt_record_index_new_sources (lt_event_editor_get_store (self));

  if (source != NULL)
    {
      self->loading = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (c->source_row), lt_source_get_title (source));
      self->loading = FALSE;
    }
}

/* The source went with all its citations: this event's too, so its rows go */
static void
source_deleted_cb (LtSourceEditor *editor,
                   gint64          id,
                   Citation       *c)
{
  LtEventEditor *self = c->self;

  for (guint i = self->citations->len; i > 0; i--)
    {
      Citation *other = g_ptr_array_index (self->citations, i - 1);

      if (other->source_id == id)
        {
          gtk_box_remove (self->citations_box, GTK_WIDGET (other->list));
          g_ptr_array_remove_index (self->citations, i - 1);
        }
    }

  g_clear_pointer (&self->source_index, lt_record_index_free);
  self->source_index = lt_record_index_new_sources (lt_event_editor_get_store (self));
  _lt_event_editor_validate (self);
}

static void
edit_source_cb (GtkButton *button,
                Citation  *c)
{
  LtEventEditor *self = c->self;
  g_autoptr(LtSource) source = lt_store_lookup_source (lt_event_editor_get_store (self), c->source_id);
  LtSourceEditor *editor;

  if (source == NULL)
    return;

  /* the source is its own record: its editor saves it by itself, with its own undo */
  editor = lt_source_editor_new (GTK_WINDOW (self), lt_event_editor_get_store (self), source);
  g_signal_connect (editor, "saved", G_CALLBACK (source_saved_cb), c);
  g_signal_connect (editor, "deleted", G_CALLBACK (source_deleted_cb), c);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
remove_citation_cb (GtkButton *button,
                    Citation  *c)
{
  LtEventEditor *self = c->self;

  gtk_box_remove (self->citations_box, GTK_WIDGET (c->list));
  g_ptr_array_remove (self->citations, c);

  self->citations_dirty = TRUE;
  _lt_event_editor_mark_dirty (self);
  _lt_event_editor_validate (self);
}

static AdwEntryRow *
citation_entry (Citation   *c,
                const char *title,
                const char *text)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  g_signal_connect_swapped (row, "changed", G_CALLBACK (citation_field_changed_cb), c->self);
  gtk_list_box_append (c->list, GTK_WIDGET (row));

  return row;
}

Citation *
_lt_event_editor_add_citation (LtEventEditor    *self,
                               const LtCitation *from)
{
  Citation *c = g_new0 (Citation, 1);
  GtkWidget *remove;

  c->self = self;
  c->suggestions = g_ptr_array_new ();
  c->source_id = from != NULL ? from->source_id : 0;
  c->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (c->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (c->list), "boxed-list");

  self->loading = TRUE;

  c->source_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (c->source_row), _("Source"));
  if (from != NULL && from->source_title != NULL)
    gtk_editable_set_text (GTK_EDITABLE (c->source_row), from->source_title);
  adw_entry_row_add_prefix (c->source_row, gtk_image_new_from_icon_name ("x-office-document-symbolic"));
  c->edit_source_button = gtk_button_new_from_icon_name ("document-edit-symbolic");
  gtk_widget_set_valign (c->edit_source_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (c->edit_source_button, "flat");
  gtk_widget_set_tooltip_text (c->edit_source_button, _("Edit Source"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (c->edit_source_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Edit Source"), -1);
  g_signal_connect (c->edit_source_button, "clicked", G_CALLBACK (edit_source_cb), c);
  adw_entry_row_add_suffix (c->source_row, c->edit_source_button);
  remove = remove_button (_("Remove Citation"));
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_citation_cb), c);
  adw_entry_row_add_suffix (c->source_row, remove);
  g_signal_connect (c->source_row, "changed", G_CALLBACK (citation_source_changed_cb), c);
  g_signal_connect (c->source_row, "entry-activated",
                    G_CALLBACK (citation_source_entry_activated_cb), c);
  gtk_list_box_append (c->list, GTK_WIDGET (c->source_row));

  c->message_row = lt_editor_message_row_new ();
  gtk_list_box_append (c->list, GTK_WIDGET (c->message_row));

  c->url_row = citation_entry (c, _("Web Address of the New Source"), NULL);
  c->locator_row = citation_entry (c, _("Where in the Source, e.g. ¶4 or p. 12"),
                                   from != NULL ? from->locator : NULL);
  c->quote_row = citation_entry (c, _("Quote (optional)"), from != NULL ? from->note : NULL);

  self->loading = FALSE;

  gtk_box_append (self->citations_box, GTK_WIDGET (c->list));
  g_ptr_array_add (self->citations, c);
  _lt_event_editor_validate_citation (c);

  return c;
}

static void
add_citation_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  LtEventEditor *self = LT_EVENT_EDITOR (widget);
  Citation *c = _lt_event_editor_add_citation (self, NULL);

  self->citations_dirty = TRUE;
  _lt_event_editor_mark_dirty (self);
  _lt_event_editor_validate (self);
  gtk_widget_grab_focus (GTK_WIDGET (c->source_row));
}

void
_lt_event_editor_rows_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, actor_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, actor_entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "editor.add-figure", NULL, add_figure_action);
  gtk_widget_class_install_action (widget_class, "editor.add-citation", NULL,
                                   add_citation_action);
}
