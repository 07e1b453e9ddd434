/* lt-relation-editor.h: the window that adds or edits a relation between two actors
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lt-editor-window.h"

G_BEGIN_DECLS

#define LT_TYPE_RELATION_EDITOR (lt_relation_editor_get_type ())

G_DECLARE_FINAL_TYPE (LtRelationEditor, lt_relation_editor, LT, RELATION_EDITOR, LtEditorWindow)

LtRelationEditor *lt_relation_editor_new (GtkWindow *parent,
                                          LtStore   *store,
                                          gint64     from_actor_id);

G_END_DECLS
