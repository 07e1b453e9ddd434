/* lt-editor-dialogs.h: the questions and messages every record editor asks and shows
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef void (*LtEditorDiscardFunc) (GtkWindow *editor);

void lt_editor_ask_to_discard (GtkWindow           *editor,
                               const char          *unsaved,
                               LtEditorDiscardFunc  discarded);
void lt_editor_show_error     (GtkWindow           *editor,
                               const char          *heading,
                               const char          *message);
void lt_editor_destroy_later  (GtkWindow           *editor);

G_END_DECLS
