/* lt-actor-editor.h: the window that adds or edits an actor
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lt-editor-window.h"

G_BEGIN_DECLS

#define LT_TYPE_ACTOR_EDITOR (lt_actor_editor_get_type ())

G_DECLARE_FINAL_TYPE (LtActorEditor, lt_actor_editor, LT, ACTOR_EDITOR, LtEditorWindow)

LtActorEditor *lt_actor_editor_new    (GtkWindow     *parent,
                                       LtStore       *store,
                                       LtActor       *actor);
gint64         lt_actor_editor_get_id (LtActorEditor *self);

G_END_DECLS
