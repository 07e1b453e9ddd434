/* widget-test-util.c: what the widget tests share: waiting, finding widgets, screenshots
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "widget-test-util.h"

/* The first mapped label showing @text, or written as @text with its mnemonic ("_Export"):
 * what a user could read */
GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      (g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0 ||
       g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *hit = find_label (child, text);

      if (hit != NULL)
        return hit;
    }

  return NULL;
}

GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *hit = find_type (child, type);

      if (hit != NULL)
        return hit;
    }

  return NULL;
}

/* The first button bound to @action, mapped ones first: a user can only press what shows */
static GtkWidget *
find_action_button_mapped (GtkWidget  *widget,
                           const char *action,
                           gboolean    mapped)
{
  if (GTK_IS_BUTTON (widget) && (!mapped || gtk_widget_get_mapped (widget)) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *hit = find_action_button_mapped (child, action, mapped);

      if (hit != NULL)
        return hit;
    }

  return NULL;
}

GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action)
{
  GtkWidget *hit = find_action_button_mapped (widget, action, TRUE);

  return hit != NULL ? hit : find_action_button_mapped (widget, action, FALSE);
}

GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *hit = find_button (child, label);

      if (hit != NULL)
        return hit;
    }

  return NULL;
}

/* What a screen reader finds: a widget of @role whose accessible label is @label (any label
 * when %NULL), among those its parent shows */
GtkWidget *
find_by_role (GtkWidget         *widget,
              GtkAccessibleRole  role,
              const char        *label)
{
  if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == role &&
      gtk_widget_get_child_visible (widget))
    {
      g_autofree char *error = NULL;

      if (label != NULL)
        error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label);
      if (error == NULL)
        return widget;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *hit = find_by_role (child, role, label);

      if (hit != NULL)
        return hit;
    }

  return NULL;
}

/* The visible window of @type: a dialog the test opened by pressing a button */
GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

/**
 * save_png:
 * @widget: a drawn widget
 * @name: a file name, kept in the tests' build folder, or an absolute path
 *
 * Saves what @widget shows, for a person to look at. With LETAPIS_SCREENSHOT_DIR set (e.g.
 * to data/screenshots) a named shot is also written there, to refresh the committed ones.
 */
void
save_png (GtkWidget  *widget,
          const char *name)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  const char *builddir = g_getenv ("G_TEST_BUILDDIR");
  const char *extra = g_getenv ("LETAPIS_SCREENSHOT_DIR");
  g_autofree char *path = NULL;

  path = g_path_is_absolute (name) ? g_strdup (name)
                                   : g_build_filename (builddir != NULL ? builddir : ".", name, NULL);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);

  if (extra != NULL && !g_path_is_absolute (name))
    {
      g_autofree char *copy = g_build_filename (extra, name, NULL);

      g_assert_true (gdk_texture_save_to_png (texture, copy));
    }
}

/* Every text a reader sees in @widget: labels, and the titles and subtitles of rows */
void
collect_label_texts (GtkWidget *widget,
                     GPtrArray *texts)
{
  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (texts, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));
  if (ADW_IS_ACTION_ROW (widget))
    {
      g_ptr_array_add (texts, g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget))));
      if (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)) != NULL)
        g_ptr_array_add (texts, g_strdup (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget))));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_label_texts (child, texts);
}

/* Four Latin-script words in a row: English left in a Ukrainian or Belarusian pane. Names in
 * Latin script are one or two words; a sentence is more. */
gboolean
has_english_run (const char *text)
{
  guint run = 0;
  gboolean in_word = FALSE;
  gboolean latin_word = TRUE;

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && (g_unichar_isalpha (c) || c == '\'' || c == 0x2019))
        {
          if (!in_word)
            latin_word = TRUE;
          in_word = TRUE;
          if (g_unichar_isalpha (c) && !(c < 0x250 && c > 0x40))
            latin_word = FALSE;
          continue;
        }
      if (in_word)
        {
          run = latin_word ? run + 1 : 0;
          if (run >= 4)
            return TRUE;
        }
      else if (c != ' ' && c != 0)
        run = 0;
      in_word = FALSE;
      if (c == 0)
        return FALSE;
    }
}

/* A date as the chronicle stores it ("2021-07", "2020-11~"), not as a reader writes it */
gboolean
has_raw_date (const char *text)
{
  for (const char *p = text; p[0] != '\0'; p++)
    if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) &&
        g_ascii_isdigit (p[3]) && p[4] == '-' && g_ascii_isdigit (p[5]))
      return TRUE;
  return FALSE;
}
