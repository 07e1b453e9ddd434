/* lt-event-editor.h: the window that adds or edits an event
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lt-editor-window.h"

G_BEGIN_DECLS

#define LT_TYPE_EVENT_EDITOR (lt_event_editor_get_type ())

G_DECLARE_FINAL_TYPE (LtEventEditor, lt_event_editor, LT, EVENT_EDITOR, LtEditorWindow)

LtEventEditor *lt_event_editor_new       (GtkWindow     *parent,
                                          LtStore       *store,
                                          LtEvent       *event,
                                          const LtDate  *date);
LtStore       *lt_event_editor_get_store (LtEventEditor *self);
gint64         lt_event_editor_get_id    (LtEventEditor *self);

G_END_DECLS
