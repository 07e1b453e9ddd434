/* lt-event-editor-private.h: the event editor's state, shared by the window (lt-event-editor.c)
 * and its lists of actors, figures and citations (lt-event-editor-rows.c)
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lt-event-editor.h"
#include "lt-record-index.h"
#include "lt-source-editor.h"

G_BEGIN_DECLS

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
  LtEditorWindow  parent_instance;

  LtEvent        *original;         /* NULL for a new event */
  LtRecordIndex  *actor_index;
  LtRecordIndex  *source_index;

  char           *titles[LT_EDITOR_N_LANGUAGES];
  char           *summaries[LT_EDITOR_N_LANGUAGES];
  guint           lang;             /* index into lt_editor_languages[] shown in the fields */
  guint           records_lang;     /* the store's language */

  GPtrArray      *participants;     /* of Participant */
  GPtrArray      *figures;          /* of Figure */
  GPtrArray      *citations;        /* of Citation */
  GPtrArray      *actor_suggestions;
  GtkToggleButton *language_buttons[LT_EDITOR_N_LANGUAGES];

  LtDateRange     range;
  gboolean        range_valid;

  guint           loading : 1;
  guint           participants_dirty : 1;
  guint           figures_dirty : 1;
  guint           citations_dirty : 1;

  /* template */
  AdwWindowTitle *window_title;
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

static inline gboolean
_lt_event_editor_is_empty (const char *text)
{
  return text == NULL || text[0] == '\0';
}

static inline void
_lt_event_editor_mark_dirty (LtEventEditor *self)
{
  if (!self->loading)
    lt_editor_window_set_dirty (LT_EDITOR_WINDOW (self), TRUE);
}

void      _lt_event_editor_validate          (LtEventEditor    *self);
gboolean  _lt_event_editor_validate_citation (Citation         *c);

/* lt-event-editor-rows.c */
void      _lt_event_editor_rows_class_init   (GtkWidgetClass   *widget_class);
void      _lt_event_editor_add_participant   (LtEventEditor    *self,
                                              gint64            actor_id,
                                              const char       *name,
                                              const char       *new_kind,
                                              const char       *role);
Figure   *_lt_event_editor_add_figure        (LtEventEditor    *self,
                                              double            value,
                                              const char       *counts,
                                              const char       *qualifier);
Citation *_lt_event_editor_add_citation      (LtEventEditor    *self,
                                              const LtCitation *from);

G_END_DECLS
