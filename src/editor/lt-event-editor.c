/* lt-event-editor.c
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-event-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "lt-editor-dialogs.h"
#include "lt-event-editor.h"
#include "lt-record-index.h"
#include "lt-source-editor.h"

/* The languages the chronicle's texts are written in; English is the text
 * the others fall back to. Language names stay in their own language. */
static const char * const languages[] = { "en", "uk", "be" };
static const char * const language_names[] = { "English", "Українська", "Беларуская" };
#define N_LANGUAGES G_N_ELEMENTS (languages)

#define N_SUGGESTIONS 6

typedef struct
{
  gint64        actor_id;
  char         *name;
  char         *new_kind;     /* set for an actor created when the event is saved */
  GtkWidget    *row;
  GtkDropDown  *role;
} Participant;

typedef struct
{
  GtkWidget     *row;
  GtkDropDown   *qualifier;
  GtkSpinButton *value;
  GtkDropDown   *kind;
} Figure;

typedef struct
{
  LtEventEditor *self;
  gint64         source_id;
  char          *new_title;   /* set for a source created when the event is saved */
  GtkListBox    *list;
  AdwEntryRow   *source_row;
  GtkWidget     *edit_source_button;
  AdwActionRow  *message_row;
  AdwEntryRow   *url_row;
  AdwEntryRow   *locator_row;
  AdwEntryRow   *quote_row;
  GPtrArray     *suggestions;
} Citation;

struct _LtEventEditor
{
  AdwWindow       parent_instance;

  LtStore        *store;
  LtEvent        *original;         /* NULL for a new event */
  gint64          saved_id;
  LtRecordIndex  *actor_index;
  LtRecordIndex  *source_index;

  char           *titles[N_LANGUAGES];
  char           *summaries[N_LANGUAGES];
  guint           lang;             /* index into languages[] shown in the fields */
  guint           records_lang;     /* the store's language */

  GPtrArray      *participants;     /* of Participant */
  GPtrArray      *figures;          /* of Figure */
  GPtrArray      *citations;        /* of Citation */
  GPtrArray      *actor_suggestions;
  GtkToggleButton *language_buttons[N_LANGUAGES];

  LtDateRange     range;
  gboolean        range_valid;

  guint           loading : 1;
  guint           dirty : 1;
  guint           participants_dirty : 1;
  guint           figures_dirty : 1;
  guint           citations_dirty : 1;

  /* template */
  AdwWindowTitle *window_title;
  GtkWidget      *save_button;
  AdwPreferencesPage *page;
  GtkBox         *language_box;
  AdwEntryRow    *title_row;
  AdwActionRow   *title_message_row;
  GtkTextView    *summary_view;
  GtkLabel       *summary_placeholder;
  AdwEntryRow    *date_row;
  AdwActionRow   *date_message_row;
  GtkImage       *date_message_icon;
  AdwEntryRow    *place_row;
  AdwComboRow    *category_row;
  GtkListBox     *actors_list;
  AdwEntryRow    *actor_entry;
  GtkListBox     *figures_list;
  GtkBox         *citations_box;
  AdwActionRow   *restricted_row;
  GtkSwitch      *restricted_switch;
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

G_DEFINE_FINAL_TYPE (LtEventEditor, lt_event_editor, ADW_TYPE_WINDOW)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void validate (LtEventEditor *self);

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

static gboolean
is_empty (const char *text)
{
  return text == NULL || text[0] == '\0';
}

static guint
language_index (const char *lang)
{
  for (guint i = 0; i < N_LANGUAGES; i++)
    if (g_strcmp0 (lang, languages[i]) == 0)
      return i;

  return 0;
}

static void
mark_dirty (LtEventEditor *self)
{
  if (!self->loading)
    self->dirty = TRUE;
}

/* A text shown greyed where a language has none: what a reader of that language sees
 * instead, the records' language first, then English */
static const char *
fallback_text (LtEventEditor *self,
               char         **texts,
               guint          lang)
{
  guint order[] = { self->records_lang, 0, 1, 2 };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (order[i] != lang && !is_empty (texts[order[i]]))
      return texts[order[i]];

  return NULL;
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
  const char *title = fallback_text (self, self->titles, self->lang);
  const char *summary = fallback_text (self, self->summaries, self->lang);

  if (GTK_IS_TEXT (delegate))
    gtk_text_set_placeholder_text (GTK_TEXT (delegate), title);

  gtk_label_set_text (self->summary_placeholder,
                      summary != NULL ? summary : _("What happened, in a few sentences"));
  gtk_widget_set_visible (GTK_WIDGET (self->summary_placeholder),
                          is_empty (self->summaries[self->lang]));
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
  for (guint i = 0; i < N_LANGUAGES; i++)
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
  mark_dirty (self);
  update_placeholders (self);
  validate (self);
}

static void
summary_changed_cb (LtEventEditor *self)
{
  if (self->loading)
    return;

  g_free (self->summaries[self->lang]);
  self->summaries[self->lang] = dup_summary_text (self);
  mark_dirty (self);
  update_placeholders (self);
}

static void
field_changed_cb (LtEventEditor *self)
{
  mark_dirty (self);
  validate (self);
}

static void
date_changed_cb (LtEventEditor *self)
{
  mark_dirty (self);
  validate (self);
}

/* Validation: every field that keeps the event from being saved says why */

static void
set_message (AdwActionRow *row,
             const char   *text,
             gboolean      error)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (row), text != NULL);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static gboolean
validate_date (LtEventEditor *self)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  g_autofree char *formatted = NULL;

  self->range_valid = FALSE;
  if (is_empty (text))
    {
      set_message (self->date_message_row,
                   _("An event needs a date: a year, a month or a day, such as 2021, 2021-07, "
                     "2021-07-14, ~2020-11 or 2021-07-01/2021-07-14"),
                   TRUE);
    }
  else if (!lt_date_range_parse (text, &self->range, &error))
    {
      set_message (self->date_message_row, error->message, TRUE);
    }
  else
    {
      formatted = lt_date_range_format (&self->range);
      set_message (self->date_message_row, formatted, FALSE);
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

static gboolean
validate_citation (Citation *c)
{
  gboolean valid = c->source_id != 0 || c->new_title != NULL;

  if (c->source_id != 0)
    set_message (c->message_row, NULL, FALSE);
  else if (c->new_title != NULL)
    set_message (c->message_row, _("A new source, added to the chronicle when you save"), FALSE);
  else
    set_message (c->message_row, _("Pick a source from the list or create one"), TRUE);

  gtk_widget_set_visible (GTK_WIDGET (c->url_row), c->new_title != NULL);
  gtk_widget_set_visible (c->edit_source_button, c->source_id != 0);
  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (c->source_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (c->source_row), "error");

  return valid;
}

static void
validate (LtEventEditor *self)
{
  gboolean valid = TRUE;
  gboolean has_title = FALSE;

  for (guint i = 0; i < N_LANGUAGES; i++)
    has_title |= !is_empty (self->titles[i]);
  set_message (self->title_message_row,
               has_title ? NULL : _("An event needs a title in at least one language"), TRUE);
  if (has_title)
    gtk_widget_remove_css_class (GTK_WIDGET (self->title_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->title_row), "error");
  valid &= has_title;

  valid &= validate_date (self);

  for (guint i = 0; i < self->citations->len; i++)
    valid &= validate_citation (g_ptr_array_index (self->citations, i));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", valid);

  /* a restricted event says so at the top too, not only in the switch at the bottom */
  adw_window_title_set_subtitle (self->window_title,
                                 gtk_switch_get_active (self->restricted_switch) ? _("Restricted")
                                                                                 : NULL);
}

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
  mark_dirty (self);
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
  mark_dirty (self);
}

static void
add_participant (LtEventEditor *self,
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

  add_participant (self, id, name, kind, NULL);
  self->participants_dirty = TRUE;
  mark_dirty (self);

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
  if (is_empty (name))
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
  mark_dirty (self);
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
  mark_dirty (self);
}

static Figure *
add_figure (LtEventEditor *self,
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
  Figure *f = add_figure (self, 0, NULL, NULL);

  self->figures_dirty = TRUE;
  mark_dirty (self);
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
  mark_dirty (self);
  validate (self);
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
  mark_dirty (self);

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  if (!is_empty (text))
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

  validate (self);
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
  mark_dirty (self);
}

static void
source_saved_cb (LtSourceEditor *editor,
                 gint64          id,
                 Citation       *c)
{
  LtEventEditor *self = c->self;
  g_autoptr(LtSource) source = lt_store_lookup_source (self->store, id);

  /* the searches of the other citations find it under its new title too */
  g_clear_pointer (&self->source_index, lt_record_index_free);
  self->source_index = lt_record_index_new_sources (self->store);

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
  self->source_index = lt_record_index_new_sources (self->store);
  validate (self);
}

static void
edit_source_cb (GtkButton *button,
                Citation  *c)
{
  LtEventEditor *self = c->self;
  g_autoptr(LtSource) source = lt_store_lookup_source (self->store, c->source_id);
  LtSourceEditor *editor;

  if (source == NULL)
    return;

  /* the source is its own record: its editor saves it by itself, with its own undo */
  editor = lt_source_editor_new (GTK_WINDOW (self), self->store, source);
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
  mark_dirty (self);
  validate (self);
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

static Citation *
add_citation (LtEventEditor    *self,
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

  c->message_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (c->message_row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (c->message_row), FALSE);
  gtk_list_box_append (c->list, GTK_WIDGET (c->message_row));

  c->url_row = citation_entry (c, _("Web Address of the New Source"), NULL);
  c->locator_row = citation_entry (c, _("Where in the Source, e.g. ¶4 or p. 12"),
                                   from != NULL ? from->locator : NULL);
  c->quote_row = citation_entry (c, _("Quote (optional)"), from != NULL ? from->note : NULL);

  self->loading = FALSE;

  gtk_box_append (self->citations_box, GTK_WIDGET (c->list));
  g_ptr_array_add (self->citations, c);
  validate_citation (c);

  return c;
}

static void
add_citation_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  LtEventEditor *self = LT_EVENT_EDITOR (widget);
  Citation *c = add_citation (self, NULL);

  self->citations_dirty = TRUE;
  mark_dirty (self);
  validate (self);
  gtk_widget_grab_focus (GTK_WIDGET (c->source_row));
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

      for (guint i = 0; i < N_LANGUAGES; i++)
        {
          self->titles[i] = g_strdup (lt_record_get_translation (LT_RECORD (event), languages[i],
                                                                 "title"));
          self->summaries[i] = g_strdup (lt_record_get_translation (LT_RECORD (event),
                                                                    languages[i], "summary"));
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

          add_participant (self, p->actor_id, p->actor_name != NULL ? p->actor_name : "", NULL,
                           p->role);
        }
      for (guint i = 0; figures != NULL && i < figures->len; i++)
        {
          const LtFigure *f = g_ptr_array_index (figures, i);

          add_figure (self, f->value, f->counts, f->qualifier);
        }
      for (guint i = 0; citations != NULL && i < citations->len; i++)
        add_citation (self, g_ptr_array_index (citations, i));

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
  validate (self);
  self->dirty = FALSE;
  self->participants_dirty = self->figures_dirty = self->citations_dirty = FALSE;
}

static void
show_error (LtEventEditor *self,
            GError        *error)
{
  lt_editor_show_error (GTK_WINDOW (self), _("Could Not Save the Event"), error->message);
}

static char *
dup_entry_text (gpointer editable)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));

  return is_empty (text) ? NULL : g_steal_pointer (&text);
}

/* Writes the texts of every language; the English field, which the chronicle
 * needs, takes another language's text when there is no English one */
static void
write_texts (LtEventEditor *self,
             LtEvent       *event,
             const char    *field,
             char         **texts)
{
  for (guint i = 1; i < N_LANGUAGES; i++)
    lt_record_set_translation (LT_RECORD (event), languages[i], field, is_empty (texts[i])
                               ? NULL : texts[i]);

  lt_record_set_translation (LT_RECORD (event), "en", field,
                             !is_empty (texts[0]) ? texts[0] : fallback_text (self, texts, 0));
}

static gboolean
create_new_records (LtEventEditor  *self,
                    GError        **error)
{
  for (guint i = 0; i < self->participants->len; i++)
    {
      Participant *p = g_ptr_array_index (self->participants, i);
      g_autoptr(LtActor) actor = NULL;

      if (p->new_kind == NULL || p->actor_id != 0)
        continue;

      actor = lt_actor_new ();
      lt_actor_set_name (actor, p->name);
      lt_actor_set_kind (actor, p->new_kind);
      if ((p->actor_id = lt_store_add_actor (self->store, actor, error)) == 0)
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
      if ((c->source_id = lt_store_add_source (self->store, source, error)) == 0)
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
  const char *records_lang = languages[self->records_lang];
  g_autofree char *place = dup_entry_text (self->place_row);
  guint category = adw_combo_row_get_selected (self->category_row);

  write_texts (self, event, "title", self->titles);
  write_texts (self, event, "summary", self->summaries);

  /* the place is written in the records' language, and is the fallback if there was none */
  if (g_strcmp0 (place, lt_event_get_place (event)) != 0)
    {
      lt_record_set_translation (LT_RECORD (event), records_lang, "place", place);
      if (is_empty (lt_record_get_translation (LT_RECORD (event), "en", "place")))
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
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  LtEventEditor *self = LT_EVENT_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(LtEvent) event = NULL;
  gint64 id;

  validate (self);
  if (!gtk_widget_get_sensitive (self->save_button))
    return;

  if (!create_new_records (self, &error))
    {
      show_error (self, error);
      return;
    }

  event = build_event (self);
  if (self->original != NULL)
    id = lt_store_update_event (self->store, event, &error) ? lt_record_get_id (LT_RECORD (event))
                                                            : 0;
  else
    id = lt_store_add_event (self->store, event, &error);

  if (id == 0)
    {
      show_error (self, error);
      return;
    }

  self->saved_id = id;
  g_signal_emit (self, signals[SAVED], 0, id);
  lt_editor_close (GTK_WINDOW (self));
}

/* What Cancel would lose, for the question it asks */
static const char *
unsaved (LtEventEditor *self)
{
  return self->original != NULL ? _("The changes to this event have not been saved.")
                                : _("The new event has not been saved.");
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  LtEventEditor *self = LT_EVENT_EDITOR (widget);

  lt_editor_cancel (GTK_WINDOW (self), self->dirty, unsaved (self));
}

static gboolean
lt_event_editor_close_request (GtkWindow *window)
{
  LtEventEditor *self = LT_EVENT_EDITOR (window);

  if (lt_editor_keep_open (window, self->dirty, unsaved (self)))
    return TRUE;

  return GTK_WINDOW_CLASS (lt_event_editor_parent_class)->close_request (window);
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
  g_clear_object (&self->store);

  G_OBJECT_CLASS (lt_event_editor_parent_class)->dispose (object);
}

static void
lt_event_editor_finalize (GObject *object)
{
  LtEventEditor *self = LT_EVENT_EDITOR (object);

  for (guint i = 0; i < N_LANGUAGES; i++)
    {
      g_free (self->titles[i]);
      g_free (self->summaries[i]);
    }

  G_OBJECT_CLASS (lt_event_editor_parent_class)->finalize (object);
}

static void
lt_event_editor_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LtEventEditor *self = LT_EVENT_EDITOR (object);

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
lt_event_editor_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LtEventEditor *self = LT_EVENT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lt_event_editor_class_init (LtEventEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = lt_event_editor_dispose;
  object_class->finalize = lt_event_editor_finalize;
  object_class->get_property = lt_event_editor_get_property;
  object_class->set_property = lt_event_editor_set_property;
  window_class->close_request = lt_event_editor_close_request;

  /**
   * LtEventEditor:store:
   *
   * The chronicle the event is saved to.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         LT_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LtEventEditor::saved:
   * @self: the editor
   * @id: the event's row id
   *
   * Emitted when the event has been written to the store, just before the editor closes.
   */
  signals[SAVED] = g_signal_new ("saved",
                                 G_TYPE_FROM_CLASS (klass),
                                 G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/letapis/Letapis/editor/lt-event-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LtEventEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, LtEventEditor, save_button);
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
  gtk_widget_class_bind_template_callback (widget_class, actor_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, actor_entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "editor.add-figure", NULL, add_figure_action);
  gtk_widget_class_install_action (widget_class, "editor.add-citation", NULL,
                                   add_citation_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save",
                                       NULL);
}

static void
lt_event_editor_init (LtEventEditor *self)
{
  GtkToggleButton *group = NULL;

  self->participants = g_ptr_array_new_with_free_func (participant_free);
  self->figures = g_ptr_array_new_with_free_func (g_free);
  self->citations = g_ptr_array_new_with_free_func (citation_free);
  self->actor_suggestions = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < N_LANGUAGES; i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (language_names[i]);
      g_autofree char *tooltip = g_strdup_printf (_("Title and summary in %s"), language_names[i]);

      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_widget_add_css_class (button, "small");
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      else
        group = GTK_TOGGLE_BUTTON (button);
      g_object_set_data (G_OBJECT (button), "lang", GUINT_TO_POINTER (i));
      g_signal_connect (button, "toggled", G_CALLBACK (language_toggled_cb), self);
      gtk_box_append (self->language_box, button);
      self->language_buttons[i] = GTK_TOGGLE_BUTTON (button);
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

  self->records_lang = language_index (lt_store_get_language (store));
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

  return self->store;
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

  if (self->saved_id != 0)
    return self->saved_id;

  return self->original != NULL ? lt_record_get_id (LT_RECORD (self->original)) : 0;
}
