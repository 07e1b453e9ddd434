/* lt-event-editor.c: LtEventEditor, a window to write or change one event: its texts in each
 * language, date, place and category, checked as they are typed, then saved in one step
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-event-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "lt-event-editor-private.h"

G_DEFINE_FINAL_TYPE (LtEventEditor, lt_event_editor, LT_TYPE_EDITOR_WINDOW)

static void
participant_free (gpointer data)
{
  Participant *p = data;

  g_free (p->name);
  g_free (p->new_kind);
  g_free (p);
}

static void
citation_free (gpointer data)
{
  Citation *c = data;

  g_free (c->new_title);
  g_clear_pointer (&c->suggestions, g_ptr_array_unref);
  g_free (c);
}

static char *
dup_summary_text (LtEventEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->summary_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
update_placeholders (LtEventEditor *self)
{
  GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (self->title_row));
  const char *title = lt_editor_fallback_text (self->titles, self->records_lang, self->lang);
  const char *summary = lt_editor_fallback_text (self->summaries, self->records_lang, self->lang);

  if (GTK_IS_TEXT (delegate))
    gtk_text_set_placeholder_text (GTK_TEXT (delegate), title);

  gtk_label_set_text (self->summary_placeholder,
                      summary != NULL ? summary : _("What happened, in a few sentences"));
  gtk_widget_set_visible (GTK_WIDGET (self->summary_placeholder),
                          _lt_event_editor_is_empty (self->summaries[self->lang]));
}

static void
show_language (LtEventEditor *self,
               guint          lang)
{
  self->loading = TRUE;
  self->lang = lang;
  gtk_editable_set_text (GTK_EDITABLE (self->title_row),
                         self->titles[lang] != NULL ? self->titles[lang] : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->summary_view),
                            self->summaries[lang] != NULL ? self->summaries[lang] : "", -1);
  for (guint i = 0; i < LT_EDITOR_N_LANGUAGES; i++)
    gtk_toggle_button_set_active (self->language_buttons[i], i == lang);
  self->loading = FALSE;

  update_placeholders (self);
}

static void
language_toggled_cb (GtkToggleButton *button,
                     LtEventEditor   *self)
{
  guint lang = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "lang"));

  if (!self->loading && gtk_toggle_button_get_active (button) && lang != self->lang)
    show_language (self, lang);
}

static void
title_changed_cb (LtEventEditor *self)
{
  if (self->loading)
    return;

  g_free (self->titles[self->lang]);
  self->titles[self->lang] = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  _lt_event_editor_mark_dirty (self);
  update_placeholders (self);
  _lt_event_editor_validate (self);
}

static void
summary_changed_cb (LtEventEditor *self)
{
  if (self->loading)
    return;

  g_free (self->summaries[self->lang]);
  self->summaries[self->lang] = dup_summary_text (self);
  _lt_event_editor_mark_dirty (self);
  update_placeholders (self);
}

static void
field_changed_cb (LtEventEditor *self)
{
  _lt_event_editor_mark_dirty (self);
  _lt_event_editor_validate (self);
}

static void
date_changed_cb (LtEventEditor *self)
{
  _lt_event_editor_mark_dirty (self);
  _lt_event_editor_validate (self);
}

/* Validation: every field that keeps the event from being saved says why */

static gboolean
validate_date (LtEventEditor *self)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  g_autofree char *formatted = NULL;

  self->range_valid = FALSE;
  if (_lt_event_editor_is_empty (text))
    {
      lt_editor_set_message (self->date_message_row,
                   _("An event needs a date: a year, a month or a day, such as 2021, 2021-07, "
                     "2021-07-14, ~2020-11 or 2021-07-01/2021-07-14"),
                   TRUE);
    }
  else if (!lt_date_range_parse (text, &self->range, &error))
    {
      lt_editor_set_message (self->date_message_row, error->message, TRUE);
    }
  else
    {
      formatted = lt_date_range_format (&self->range);
      lt_editor_set_message (self->date_message_row, formatted, FALSE);
      self->range_valid = TRUE;
    }

  gtk_image_set_from_icon_name (self->date_message_icon,
                                self->range_valid ? "x-office-calendar-symbolic"
                                                  : "dialog-error-symbolic");
  if (self->range_valid)
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");

  return self->range_valid;
}

gboolean
_lt_event_editor_validate_citation (Citation *c)
{
  gboolean valid = c->source_id != 0 || c->new_title != NULL;

  if (c->source_id != 0)
    lt_editor_set_message (c->message_row, NULL, FALSE);
  else if (c->new_title != NULL)
    lt_editor_set_message (c->message_row, _("A new source, added to the chronicle when you save"), FALSE);
  else
    lt_editor_set_message (c->message_row, _("Pick a source from the list or create one"), TRUE);

  gtk_widget_set_visible (GTK_WIDGET (c->url_row), c->new_title != NULL);
  gtk_widget_set_visible (c->edit_source_button, c->source_id != 0);
  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (c->source_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (c->source_row), "error");

  return valid;
}

void
_lt_event_editor_validate (LtEventEditor *self)
{
  gboolean valid = TRUE;
  gboolean has_title = FALSE;

  for (guint i = 0; i < LT_EDITOR_N_LANGUAGES; i++)
    has_title |= !_lt_event_editor_is_empty (self->titles[i]);
  lt_editor_set_message (self->title_message_row,
               has_title ? NULL : _("An event needs a title in at least one language"), TRUE);
  if (has_title)
    gtk_widget_remove_css_class (GTK_WIDGET (self->title_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->title_row), "error");
  valid &= has_title;

  valid &= validate_date (self);

  for (guint i = 0; i < self->citations->len; i++)
    valid &= _lt_event_editor_validate_citation (g_ptr_array_index (self->citations, i));

  lt_editor_window_set_can_save (LT_EDITOR_WINDOW (self), valid);

  /* a restricted event says so at the top too, not only in the switch at the bottom */
  adw_window_title_set_subtitle (self->window_title,
                                 gtk_switch_get_active (self->restricted_switch) ? _("Restricted")
                                                                                 : NULL);
}

/* Loading and saving */

static void
load_event (LtEventEditor *self,
            LtEvent       *event,
            const LtDate  *date)
{
  const char * const *keys = lt_category_list_keys ();
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);

  self->loading = TRUE;

  for (guint i = 0; keys[i] != NULL; i++)
    gtk_string_list_append (categories, lt_category_get_label (keys[i]));
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (categories));

  if (event != NULL)
    {
      const char *category = lt_event_get_category (event);
      g_autofree char *iso = lt_date_range_to_iso (lt_event_get_date_range (event));
      g_autoptr(GPtrArray) participants = lt_event_list_participants (event);
      GPtrArray *figures = lt_event_get_figures (event);
      GPtrArray *citations = lt_event_get_citations (event);

      for (guint i = 0; i < LT_EDITOR_N_LANGUAGES; i++)
        {
          self->titles[i] = g_strdup (lt_record_get_translation (LT_RECORD (event),
                                                                 lt_editor_languages[i], "title"));
          self->summaries[i] = g_strdup (lt_record_get_translation (LT_RECORD (event),
                                                                    lt_editor_languages[i], "summary"));
        }

      /* An event written in one language keeps that text as its English fallback too
       * (the chronicle needs one); it is no English translation, so it shows greyed */
      if (self->records_lang != 0)
        {
          if (g_strcmp0 (self->titles[0], self->titles[self->records_lang]) == 0)
            g_clear_pointer (&self->titles[0], g_free);
          if (g_strcmp0 (self->summaries[0], self->summaries[self->records_lang]) == 0)
            g_clear_pointer (&self->summaries[0], g_free);
        }

      gtk_editable_set_text (GTK_EDITABLE (self->date_row), iso);
      gtk_editable_set_text (GTK_EDITABLE (self->place_row),
                             lt_event_get_place (event) != NULL ? lt_event_get_place (event) : "");
      if (category != NULL && lt_category_get_index (category) >= 0)
        adw_combo_row_set_selected (self->category_row, (guint) lt_category_get_index (category));
      gtk_switch_set_active (self->restricted_switch, lt_record_is_restricted (LT_RECORD (event)));

      for (guint i = 0; participants != NULL && i < participants->len; i++)
        {
          const LtParticipant *p = g_ptr_array_index (participants, i);

          _lt_event_editor_add_participant (self, p->actor_id,
                                            p->actor_name != NULL ? p->actor_name : "", NULL,
                                            p->role);
        }
      for (guint i = 0; figures != NULL && i < figures->len; i++)
        {
          const LtFigure *f = g_ptr_array_index (figures, i);

          _lt_event_editor_add_figure (self, f->value, f->counts, f->qualifier);
        }
      for (guint i = 0; citations != NULL && i < citations->len; i++)
        _lt_event_editor_add_citation (self, g_ptr_array_index (citations, i));

      adw_window_title_set_title (self->window_title, _("Edit Event"));
    }
  else
    {
      if (date != NULL)
        {
          g_autofree char *iso = lt_date_to_iso (date);

          gtk_editable_set_text (GTK_EDITABLE (self->date_row), iso);
        }
      adw_window_title_set_title (self->window_title, _("New Event"));
    }

  self->loading = FALSE;

  show_language (self, self->records_lang);
  _lt_event_editor_validate (self);
  lt_editor_window_set_dirty (LT_EDITOR_WINDOW (self), FALSE);
  self->participants_dirty = self->figures_dirty = self->citations_dirty = FALSE;
}

static char *
dup_entry_text (gpointer editable)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));

  return _lt_event_editor_is_empty (text) ? NULL : g_steal_pointer (&text);
}

/* Writes the texts of every language; the English field, which the chronicle
 * needs, takes another language's text when there is no English one */
static void
write_texts (LtEventEditor *self,
             LtEvent       *event,
             const char    *field,
             char         **texts)
{
  for (guint i = 1; i < LT_EDITOR_N_LANGUAGES; i++)
    lt_record_set_translation (LT_RECORD (event), lt_editor_languages[i], field,
                               _lt_event_editor_is_empty (texts[i]) ? NULL : texts[i]);

  lt_record_set_translation (LT_RECORD (event), "en", field,
                             !_lt_event_editor_is_empty (texts[0])
                               ? texts[0]
                               : lt_editor_fallback_text (texts, self->records_lang, 0));
}

static gboolean
create_new_records (LtEventEditor  *self,
                    GError        **error)
{
  LtStore *store = lt_editor_window_get_store (LT_EDITOR_WINDOW (self));

  for (guint i = 0; i < self->participants->len; i++)
    {
      Participant *p = g_ptr_array_index (self->participants, i);
      g_autoptr(LtActor) actor = NULL;

      if (p->new_kind == NULL || p->actor_id != 0)
        continue;

      actor = lt_actor_new ();
      lt_actor_set_name (actor, p->name);
      lt_actor_set_kind (actor, p->new_kind);
      if ((p->actor_id = lt_store_add_actor (store, actor, error)) == 0)
        return FALSE;
    }

  for (guint i = 0; i < self->citations->len; i++)
    {
      Citation *c = g_ptr_array_index (self->citations, i);
      g_autoptr(LtSource) source = NULL;
      g_autofree char *url = NULL;

      if (c->new_title == NULL || c->source_id != 0)
        continue;

      source = lt_source_new ();
      lt_source_set_title (source, c->new_title);
      if ((url = dup_entry_text (c->url_row)) != NULL)
        lt_source_set_url (source, url);
      if ((c->source_id = lt_store_add_source (store, source, error)) == 0)
        return FALSE;
    }

  return TRUE;
}

static LtEvent *
build_event (LtEventEditor *self)
{
  LtEvent *event = self->original != NULL ? LT_EVENT (lt_record_dup (LT_RECORD (self->original)))
                                          : lt_event_new ();
  const char * const *keys = lt_category_list_keys ();
  const char * const *roles = lt_role_list_keys ();
  const char * const *kinds = lt_figure_kind_list_keys ();
  const char * const *qualifiers = lt_qualifier_list_keys ();
  const char *records_lang = lt_editor_languages[self->records_lang];
  g_autofree char *place = dup_entry_text (self->place_row);
  guint category = adw_combo_row_get_selected (self->category_row);

  write_texts (self, event, "title", self->titles);
  write_texts (self, event, "summary", self->summaries);

  /* the place is written in the records' language, and is the fallback if there was none */
  if (g_strcmp0 (place, lt_event_get_place (event)) != 0)
    {
      lt_record_set_translation (LT_RECORD (event), records_lang, "place", place);
      if (_lt_event_editor_is_empty (lt_record_get_translation (LT_RECORD (event), "en", "place")))
        lt_event_set_place (event, place);
    }

  lt_event_set_date_range (event, &self->range);
  if (category < g_strv_length ((char **) keys))
    lt_event_set_category (event, keys[category]);
  lt_record_set_restricted (LT_RECORD (event), gtk_switch_get_active (self->restricted_switch));

  /* Lists are rewritten only when they were edited, so what the editor does not show
   * (translated notes of citations) stays as it was */
  if (self->participants_dirty || self->original == NULL)
    {
      lt_event_clear_participants (event);
      for (guint i = 0; i < self->participants->len; i++)
        {
          Participant *p = g_ptr_array_index (self->participants, i);

          lt_event_add_participant (event, p->actor_id, roles[gtk_drop_down_get_selected (p->role)]);
        }
    }

  if (self->figures_dirty || self->original == NULL)
    {
      lt_event_clear_figures (event);
      for (guint i = 0; i < self->figures->len; i++)
        {
          Figure *f = g_ptr_array_index (self->figures, i);

          lt_event_add_figure (event, gtk_spin_button_get_value (f->value),
                               kinds[gtk_drop_down_get_selected (f->kind)],
                               qualifiers[gtk_drop_down_get_selected (f->qualifier)]);
        }
    }

  if (self->citations_dirty || self->original == NULL)
    {
      lt_event_clear_citations (event);
      for (guint i = 0; i < self->citations->len; i++)
        {
          Citation *c = g_ptr_array_index (self->citations, i);
          g_autofree char *locator = dup_entry_text (c->locator_row);
          g_autofree char *quote = dup_entry_text (c->quote_row);

          lt_event_add_citation (event, c->source_id, locator, quote);
        }
    }

  return event;
}

static void
lt_event_editor_validate (LtEditorWindow *window)
{
  _lt_event_editor_validate (LT_EVENT_EDITOR (window));
}

static gint64
lt_event_editor_save (LtEditorWindow  *window,
                      GError         **error)
{
  LtEventEditor *self = LT_EVENT_EDITOR (window);
  LtStore *store = lt_editor_window_get_store (window);
  g_autoptr(LtEvent) event = NULL;

  if (!create_new_records (self, error))
    return 0;

  event = build_event (self);
  if (self->original != NULL)
    return lt_store_update_event (store, event, error) ? lt_record_get_id (LT_RECORD (event)) : 0;

  return lt_store_add_event (store, event, error);
}

/* What Cancel would lose, for the question it asks */
static const char *
lt_event_editor_describe_unsaved (LtEditorWindow *window)
{
  LtEventEditor *self = LT_EVENT_EDITOR (window);

  return self->original != NULL ? _("The changes to this event have not been saved.")
                                : _("The new event has not been saved.");
}

static void
lt_event_editor_dispose (GObject *object)
{
  LtEventEditor *self = LT_EVENT_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LT_TYPE_EVENT_EDITOR);
  g_clear_pointer (&self->participants, g_ptr_array_unref);
  g_clear_pointer (&self->figures, g_ptr_array_unref);
  g_clear_pointer (&self->citations, g_ptr_array_unref);
  g_clear_pointer (&self->actor_suggestions, g_ptr_array_unref);
  g_clear_pointer (&self->actor_index, lt_record_index_free);
  g_clear_pointer (&self->source_index, lt_record_index_free);
  g_clear_object (&self->original);

  G_OBJECT_CLASS (lt_event_editor_parent_class)->dispose (object);
}

static void
lt_event_editor_finalize (GObject *object)
{
  LtEventEditor *self = LT_EVENT_EDITOR (object);

  for (guint i = 0; i < LT_EDITOR_N_LANGUAGES; i++)
    {
      g_free (self->titles[i]);
      g_free (self->summaries[i]);
    }

  G_OBJECT_CLASS (lt_event_editor_parent_class)->finalize (object);
}

static void
lt_event_editor_class_init (LtEventEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LtEditorWindowClass *editor_class = LT_EDITOR_WINDOW_CLASS (klass);

  object_class->dispose = lt_event_editor_dispose;
  object_class->finalize = lt_event_editor_finalize;
  editor_class->save_error_heading = N_("Could Not Save the Event");
  editor_class->validate = lt_event_editor_validate;
  editor_class->save = lt_event_editor_save;
  editor_class->describe_unsaved = lt_event_editor_describe_unsaved;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/letapis/Letapis/editor/lt-event-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LtEventEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, LtEventEditor, page);
  gtk_widget_class_bind_template_child (widget_class, LtEventEditor, language_box);
  gtk_widget_class_bind_template_child (widget_class, LtEventEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, LtEventEditor, title_message_row);
  gtk_widget_class_bind_template_child (widget_class, LtEventEditor, summary_view);
  gtk_widget_class_bind_template_child (widget_class, LtEventEditor, summary_placeholder);
  gtk_widget_class_bind_template_child (widget_class, LtEventEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, LtEventEditor, date_message_row);
  gtk_widget_class_bind_template_child (widget_class, LtEventEditor, date_message_icon);
  gtk_widget_class_bind_template_child (widget_class, LtEventEditor, place_row);
  gtk_widget_class_bind_template_child (widget_class, LtEventEditor, category_row);
  gtk_widget_class_bind_template_child (widget_class, LtEventEditor, actors_list);
  gtk_widget_class_bind_template_child (widget_class, LtEventEditor, actor_entry);
  gtk_widget_class_bind_template_child (widget_class, LtEventEditor, figures_list);
  gtk_widget_class_bind_template_child (widget_class, LtEventEditor, citations_box);
  gtk_widget_class_bind_template_child (widget_class, LtEventEditor, restricted_row);
  gtk_widget_class_bind_template_child (widget_class, LtEventEditor, restricted_switch);
  gtk_widget_class_bind_template_callback (widget_class, title_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);

  _lt_event_editor_rows_class_init (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save",
                                       NULL);
}

static void
lt_event_editor_init (LtEventEditor *self)
{
  self->participants = g_ptr_array_new_with_free_func (participant_free);
  self->figures = g_ptr_array_new_with_free_func (g_free);
  self->citations = g_ptr_array_new_with_free_func (citation_free);
  self->actor_suggestions = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  lt_editor_add_language_buttons (self->language_box, self->language_buttons,
                                  G_CALLBACK (language_toggled_cb), self);
  for (guint i = 0; i < LT_EDITOR_N_LANGUAGES; i++)
    {
      g_autofree char *tooltip = g_strdup_printf (_("Title and summary in %s"),
                                                  lt_editor_language_names[i]);

      gtk_widget_set_tooltip_text (GTK_WIDGET (self->language_buttons[i]), tooltip);
      gtk_widget_add_css_class (GTK_WIDGET (self->language_buttons[i]), "small");
    }

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->summary_view), "changed",
                            G_CALLBACK (summary_changed_cb), self);
}

/**
 * lt_event_editor_new:
 * @parent: (nullable): the window the editor belongs to
 * @store: the chronicle
 * @event: (nullable): the event to edit, or %NULL for a new one
 * @date: (nullable): the date a new event starts with
 *
 * Creates an editor; nothing is written to @store until the user saves.
 *
 * Returns: (transfer none): the editor, owned by GTK until it closes
 */
LtEventEditor *
lt_event_editor_new (GtkWindow    *parent,
                     LtStore      *store,
                     LtEvent      *event,
                     const LtDate *date)
{
  LtEventEditor *self;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LT_IS_STORE (store), NULL);
  g_return_val_if_fail (!event || LT_IS_EVENT (event), NULL);

  self = g_object_new (LT_TYPE_EVENT_EDITOR,
                       "store", store,
                       "transient-for", parent,
                       NULL);

  self->records_lang = lt_editor_language_index (lt_store_get_language (store));
  self->actor_index = lt_record_index_new_actors (store);
  self->source_index = lt_record_index_new_sources (store);
  if (event != NULL)
    self->original = LT_EVENT (lt_record_dup (LT_RECORD (event)));
  load_event (self, self->original, date);

  return self;
}

/**
 * lt_event_editor_get_store:
 * @self: an event editor
 *
 * Returns: (transfer none): the chronicle the event is saved to
 */
LtStore *
lt_event_editor_get_store (LtEventEditor *self)
{
  g_return_val_if_fail (LT_IS_EVENT_EDITOR (self), NULL);

  return lt_editor_window_get_store (LT_EDITOR_WINDOW (self));
}

/**
 * lt_event_editor_get_id:
 * @self: an event editor
 *
 * Returns: the event's row id: 0 for a new event not saved yet
 */
gint64
lt_event_editor_get_id (LtEventEditor *self)
{
  g_return_val_if_fail (LT_IS_EVENT_EDITOR (self), 0);

  if (lt_editor_window_get_saved_id (LT_EDITOR_WINDOW (self)) != 0)
    return lt_editor_window_get_saved_id (LT_EDITOR_WINDOW (self));

  return self->original != NULL ? lt_record_get_id (LT_RECORD (self->original)) : 0;
}

