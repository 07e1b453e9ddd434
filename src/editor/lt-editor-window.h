/* lt-editor-window.h: LtEditorWindow, the base of the record editors (store, Save, Cancel, the
 * unsaved-changes question, "saved"), and the parts of their fields that several show
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lt-model.h"

G_BEGIN_DECLS

#define LT_TYPE_EDITOR_WINDOW (lt_editor_window_get_type ())

G_DECLARE_DERIVABLE_TYPE (LtEditorWindow, lt_editor_window, LT, EDITOR_WINDOW, AdwWindow)

/**
 * LtEditorWindowClass:
 * @parent_class: the parent class
 * @save_error_heading: what failed when the store refuses a save, e.g. "Could Not Save the
 *   Event", marked with N_() and translated when it is shown
 * @validate: (nullable): shows what keeps the record from being saved, and calls
 *   lt_editor_window_set_can_save(); run again just before a save
 * @save: writes the record; returns its row id, or 0 with @error set when the store refuses
 *   (0 without an error saves nothing and says nothing)
 * @describe_unsaved: what Cancel would lose, for the question it asks, e.g. "The new event
 *   has not been saved."
 */
struct _LtEditorWindowClass
{
  AdwWindowClass parent_class;

  const char    *save_error_heading;

  void         (*validate)         (LtEditorWindow  *self);
  gint64       (*save)             (LtEditorWindow  *self,
                                    GError         **error);
  const char * (*describe_unsaved) (LtEditorWindow  *self);
};

LtStore  *lt_editor_window_get_store    (LtEditorWindow *self);
gint64    lt_editor_window_get_saved_id (LtEditorWindow *self);
gboolean  lt_editor_window_get_dirty    (LtEditorWindow *self);
void      lt_editor_window_set_dirty    (LtEditorWindow *self,
                                         gboolean        dirty);
void      lt_editor_window_set_can_save (LtEditorWindow *self,
                                         gboolean        can_save);
void      lt_editor_window_close        (LtEditorWindow *self);
void      lt_editor_window_close_later  (LtEditorWindow *self);
void      lt_editor_window_show_error   (LtEditorWindow *self,
                                         const char     *heading,
                                         const char     *message);

/* The languages a record's texts are written in, in this order; English comes first, the
 * text the chronicle needs and the others fall back to */
#define LT_EDITOR_N_LANGUAGES 3

extern const char * const lt_editor_languages[LT_EDITOR_N_LANGUAGES];
extern const char * const lt_editor_language_names[LT_EDITOR_N_LANGUAGES];

guint         lt_editor_language_index        (const char     *lang);
const char   *lt_editor_fallback_text         (char * const   *texts,
                                               guint           records_lang,
                                               guint           lang);
void          lt_editor_add_language_buttons  (GtkBox         *box,
                                               GtkToggleButton **buttons,
                                               GCallback       toggled,
                                               gpointer        user_data);

/* Parts of the editors' fields that more than one of them shows */
GtkWidget    *lt_editor_window_new_header_bar (void);
GtkWidget    *lt_editor_restricted_group_new  (GtkSwitch     **restricted_switch);
AdwActionRow *lt_editor_message_row_new       (void);
void          lt_editor_set_message           (AdwActionRow   *row,
                                               const char     *text,
                                               gboolean        error);

G_END_DECLS
