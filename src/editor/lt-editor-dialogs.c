/* lt-editor-dialogs.c: how every record editor closes, and the messages it shows
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The four editors close the same way: nothing is written until Save, so Cancel (or Escape, or
 * the window's close) with changes asks first; a store that refuses a save says why in a
 * message over the editor, which stays open with the user's text. */

#define G_LOG_DOMAIN "lt-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "lt-editor-dialogs.h"

/* Set once the editor closes on purpose (saved, deleted, discarded), so that its close
 * request does not ask again */
#define CLOSING_KEY "lt-editor-closing"

static gboolean
destroy_idle_cb (gpointer user_data)
{
  g_autoptr(GtkWindow) editor = user_data;

  gtk_window_destroy (editor);

  return G_SOURCE_REMOVE;
}

/**
 * lt_editor_close:
 * @editor: an editor window whose record was saved or deleted
 *
 * Closes @editor without asking.
 */
void
lt_editor_close (GtkWindow *editor)
{
  g_return_if_fail (GTK_IS_WINDOW (editor));

  g_object_set_data (G_OBJECT (editor), CLOSING_KEY, GINT_TO_POINTER (TRUE));
  gtk_window_destroy (editor);
}

/**
 * lt_editor_close_later:
 * @editor: an editor window
 *
 * Closes @editor without asking, once the main loop is idle: a message dialog over it is
 * still finishing its response when it asks, and goes with its parent.
 */
void
lt_editor_close_later (GtkWindow *editor)
{
  g_return_if_fail (GTK_IS_WINDOW (editor));

  g_object_set_data (G_OBJECT (editor), CLOSING_KEY, GINT_TO_POINTER (TRUE));
  g_idle_add (destroy_idle_cb, g_object_ref (editor));
}

static void
discard_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     GtkWindow        *editor)
{
  if (g_strcmp0 (response, "discard") == 0)
    lt_editor_close_later (editor);
}

static void
ask_to_discard (GtkWindow  *editor,
                const char *unsaved)
{
  GtkWidget *dialog = adw_message_dialog_new (editor, _("Discard Changes?"), unsaved);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), editor, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * lt_editor_cancel:
 * @editor: an editor window
 * @dirty: whether it has changes not saved
 * @unsaved: what has not been saved, e.g. "The new event has not been saved."
 *
 * Cancel and Escape: closes @editor, after asking whether to discard its changes if it has
 * any; Keep Editing (the default) leaves it as it is.
 */
void
lt_editor_cancel (GtkWindow  *editor,
                  gboolean    dirty,
                  const char *unsaved)
{
  g_return_if_fail (GTK_IS_WINDOW (editor));

  if (dirty)
    ask_to_discard (editor, unsaved);
  else
    lt_editor_close (editor);
}

/**
 * lt_editor_keep_open:
 * @editor: an editor window asked to close
 * @dirty: whether it has changes not saved
 * @unsaved: what has not been saved
 *
 * For an editor's close request: asks first when there are changes and the editor is not
 * closing on purpose.
 *
 * Returns: %TRUE if @editor stays open for now (the question is asked)
 */
gboolean
lt_editor_keep_open (GtkWindow  *editor,
                     gboolean    dirty,
                     const char *unsaved)
{
  g_return_val_if_fail (GTK_IS_WINDOW (editor), FALSE);

  if (!dirty || g_object_get_data (G_OBJECT (editor), CLOSING_KEY) != NULL)
    return FALSE;

  ask_to_discard (editor, unsaved);
  return TRUE;
}

/**
 * lt_editor_show_error:
 * @editor: an editor window
 * @heading: what failed, e.g. "Could Not Save the Event"
 * @message: why, in words a person understands
 *
 * Shows why something failed over @editor, which stays open.
 */
void
lt_editor_show_error (GtkWindow  *editor,
                      const char *heading,
                      const char *message)
{
  GtkWidget *dialog;

  g_return_if_fail (GTK_IS_WINDOW (editor));

  dialog = adw_message_dialog_new (editor, heading, message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}
