/* lt-editor-dialogs.h: how every record editor closes, and the messages it shows
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void     lt_editor_close        (GtkWindow  *editor);
void     lt_editor_close_later  (GtkWindow  *editor);
void     lt_editor_cancel       (GtkWindow  *editor,
                                 gboolean    dirty,
                                 const char *unsaved);
gboolean lt_editor_keep_open    (GtkWindow  *editor,
                                 gboolean    dirty,
                                 const char *unsaved);
void     lt_editor_show_error   (GtkWindow  *editor,
                                 const char *heading,
                                 const char *message);

G_END_DECLS
