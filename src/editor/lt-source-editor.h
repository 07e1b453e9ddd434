/* lt-source-editor.h: the window that adds or edits a source
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lt-editor-window.h"

G_BEGIN_DECLS

#define LT_TYPE_SOURCE_EDITOR (lt_source_editor_get_type ())

G_DECLARE_FINAL_TYPE (LtSourceEditor, lt_source_editor, LT, SOURCE_EDITOR, LtEditorWindow)

LtSourceEditor *lt_source_editor_new (GtkWindow *parent,
                                      LtStore   *store,
                                      LtSource  *source);

G_END_DECLS
