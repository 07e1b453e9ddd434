/* test-export-dialog.c: the export dialog under Xvfb
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "lt-export-dialog.h"
#include "export-test-util.h"
#include "widget-test-util.h"

static GtkWidget *
find_row (GtkWidget  *widget,
          const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *hit = find_row (child, title);

      if (hit != NULL)
        return hit;
    }

  return NULL;
}

static void
test_dialog (void)
{
  g_autofree char *chronicle = export_test_source_path ("data", "chronicle", NULL);
  g_autoptr(LtStore) store = export_test_open_chronicle (chronicle, NULL);
  g_autoptr(LtExportOptions) options = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("letapis-dialog-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "from-dialog", NULL);
  g_autofree char *written = g_build_filename (dir, "from-dialog.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = NULL;
  LtExportDialog *dialog;
  GtkWidget *preview;
  const char *artifacts = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *shot = g_build_filename (artifacts != NULL ? artifacts : ".",
                                            "export-dialog.png", NULL);

  dialog = lt_export_dialog_present (NULL, store, "timeline");
  lt_export_dialog_set_view_window (dialog, lt_days_from_ymd (2021, 7, 1),
                                    lt_days_from_ymd (2021, 8, 1));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 1100, 720);

  /* The defaults: PDF of the view, restricted records left out */
  options = lt_export_dialog_dup_options (dialog, &error);
  g_assert_no_error (error);
  g_assert_cmpint (options->format, ==, LT_EXPORT_FORMAT_PDF);
  g_assert_false (options->include_restricted);
  g_assert_true (options->has_window);
  g_assert_cmpint (options->from_day, ==, lt_days_from_ymd (2021, 7, 1));
  g_assert_cmpint (options->to_day, ==, lt_days_from_ymd (2021, 7, 31));

  /* The event key is on for paper, off for an image, and the switch says so */
  g_assert_true (options->key);
  {
    GtkWidget *format = find_row (GTK_WIDGET (dialog), "_Format");
    GtkWidget *key_row = find_row (GTK_WIDGET (dialog), "Event _Key");
    GtkSwitch *key_switch;
    g_autoptr(LtExportOptions) png = NULL;

    g_assert_nonnull (format);
    g_assert_nonnull (key_row);
    key_switch = GTK_SWITCH (find_type (key_row, GTK_TYPE_SWITCH));
    g_assert_true (gtk_switch_get_active (key_switch));
    adw_combo_row_set_selected (ADW_COMBO_ROW (format), 0);   /* PNG */
    png = lt_export_dialog_dup_options (dialog, &error);
    g_assert_no_error (error);
    g_assert_cmpint (png->format, ==, LT_EXPORT_FORMAT_PNG);
    g_assert_false (png->key);
    g_assert_false (gtk_switch_get_active (key_switch));
    adw_combo_row_set_selected (ADW_COMBO_ROW (format), 2);   /* back to PDF */
    g_assert_true (gtk_switch_get_active (key_switch));
  }

  /* The preview draws the document's first page */
  preview = find_type (GTK_WIDGET (dialog), g_type_from_name ("LtExportPreview"));
  g_assert_nonnull (preview);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (preview), GTK_ACCESSIBLE_ROLE_IMG);
  WAIT_UNTIL (gtk_widget_get_width (preview) > 100, 5000);
  {
    gint64 end = g_get_monotonic_time () + 500 * 1000;

    while (g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, FALSE);
  }
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  save_png (GTK_WIDGET (dialog), shot);
  g_test_message ("screenshot: %s", shot);

  /* Exporting writes in a thread, with the extension of the format */
  lt_export_dialog_export_to_file (dialog, file);
  WAIT_UNTIL (g_file_test (written, G_FILE_TEST_EXISTS), 10000);
  WAIT_UNTIL (lt_export_dialog_get_last_file (dialog) != NULL, 1000);
  {
    char *contents = NULL;
    gsize len = 0;

    /* the rename is atomic: once the name exists, the file is whole */
    g_file_get_contents (written, &contents, &len, &error);
    g_assert_no_error (error);
    bytes = g_bytes_new_take (contents, len);
  }
  g_assert_true (g_str_has_prefix (g_bytes_get_data (bytes, NULL), "%PDF-"));
  if (export_test_have_program ("pdftotext"))
    {
      g_autofree char *raw = export_test_pdf_text (bytes);
      g_autofree char *text = export_test_squash (raw);

      g_assert_nonnull (strstr (text, "July 2021"));
    }

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_unlink (written);
  g_rmdir (dir);
}

/* Pixels of saturated colour in the left half of @widget, where the dialog shows its preview */
static guint
count_coloured_preview (GtkWidget *widget)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guint8 *data = NULL;
  guint n = 0;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return G_MAXUINT;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  data = g_malloc ((gsize) width * height * 4);
  gdk_texture_download (texture, data, width * 4);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width / 2; x++)
      {
        const guint8 *px = data + ((gsize) y * width + x) * 4;

        n += MAX (px[0], MAX (px[1], px[2])) - MIN (px[0], MIN (px[1], px[2])) > 40;
      }

  return n;
}


/* "Black and White" asks for the grayscale palette, on the timeline and on the graph */
static void
test_dialog_grayscale (void)
{
  g_autofree char *chronicle = export_test_source_path ("data", "chronicle", NULL);
  g_autoptr(LtStore) store = export_test_open_chronicle (chronicle, NULL);
  g_autoptr(LtExportOptions) before = NULL;
  g_autoptr(LtExportOptions) after = NULL;
  g_autoptr(GError) error = NULL;
  const char *artifacts = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *shot = g_build_filename (artifacts != NULL ? artifacts : ".",
                                            "export-dialog-grayscale.png", NULL);
  LtExportDialog *dialog;
  AdwActionRow *row;

  dialog = lt_export_dialog_present (NULL, store, "timeline");
  gtk_window_set_default_size (GTK_WINDOW (dialog), 1100, 820);
  row = ADW_ACTION_ROW (find_row (GTK_WIDGET (dialog), _("_Black and White")));
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (row)));

  before = lt_export_dialog_dup_options (dialog, &error);
  g_assert_no_error (error);
  g_assert_false (before->grayscale);
  /* the preview in colour first */
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (row)), 5000);
  WAIT_UNTIL (count_coloured_preview (GTK_WIDGET (dialog)) > 100, 5000);

  gtk_widget_activate (GTK_WIDGET (row));   /* what a click or Enter on the row does */
  /* the switch moves, then turns on */
  WAIT_UNTIL (gtk_switch_get_active (GTK_SWITCH (adw_action_row_get_activatable_widget (row))),
              5000);
  after = lt_export_dialog_dup_options (dialog, &error);
  g_assert_no_error (error);
  g_assert_true (after->grayscale);

  /* then in grays */
  WAIT_UNTIL (count_coloured_preview (GTK_WIDGET (dialog)) == 0, 5000);
  save_png (GTK_WIDGET (dialog), shot);
  g_test_message ("screenshot: %s", shot);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* the graph has its grays too */
  dialog = lt_export_dialog_present (NULL, store, "graph");
  gtk_window_set_default_size (GTK_WINDOW (dialog), 1100, 820);
  gtk_window_present (GTK_WINDOW (dialog));
  row = ADW_ACTION_ROW (find_row (GTK_WIDGET (dialog), _("_Black and White")));
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (row)));
  WAIT_UNTIL (count_coloured_preview (GTK_WIDGET (dialog)) > 0, 5000);
  gtk_switch_set_active (GTK_SWITCH (adw_action_row_get_activatable_widget (row)), TRUE);
  WAIT_UNTIL (count_coloured_preview (GTK_WIDGET (dialog)) == 0, 5000);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Ctrl+E on a timeline filtered to one actor exports that actor's events, not all of them */
/* The dialog exports with the timeline's painter: by actor, a public export names no
 * restricted actor (issue 16). */
static void
test_dialog_restricted_lanes (void)
{
  g_autofree char *fixture = export_test_source_path ("tests", "export", "restricted", NULL);
  g_autoptr(LtStore) store = export_test_open_chronicle (fixture, NULL);
  g_autoptr(LtExportOptions) options = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("letapis-dialog-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "lanes", NULL);
  g_autofree char *written = g_build_filename (dir, "lanes.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  LtExportDialog *dialog;
  char *contents = NULL;
  gsize len = 0;
  g_autoptr(GBytes) bytes = NULL;

  dialog = lt_export_dialog_present (NULL, store, "timeline");
  lt_export_dialog_set_lanes (dialog, LT_EXPORT_LANES_ACTOR);
  lt_export_dialog_set_view_window (dialog, lt_days_from_ymd (2021, 7, 1),
                                    lt_days_from_ymd (2021, 9, 1));
  options = lt_export_dialog_dup_options (dialog, &error);
  g_assert_no_error (error);
  g_assert_cmpint (options->lanes, ==, LT_EXPORT_LANES_ACTOR);
  g_assert_false (options->include_restricted);

  lt_export_dialog_export_to_file (dialog, file);
  WAIT_UNTIL (g_file_test (written, G_FILE_TEST_EXISTS), 10000);
  WAIT_UNTIL (lt_export_dialog_get_last_file (dialog) != NULL, 1000);
  g_file_get_contents (written, &contents, &len, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (contents, len);
  if (export_test_have_program ("pdftotext"))
    {
      g_autofree char *raw = export_test_pdf_text (bytes);
      g_autofree char *text = export_test_squash (raw);

      g_assert_nonnull (strstr (text, "Public Monitor Group"));
      g_assert_null (strstr (text, "Brightwater"));
      g_assert_null (strstr (text, "Marigold"));
    }

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_unlink (written);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;
  const char *localedir = g_getenv ("LETAPIS_LOCALEDIR");

  g_unsetenv ("LANGUAGE");
  gtk_test_init (&argc, &argv, NULL);
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = adw_application_new ("io.github.letapis.Letapis.TestExport", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);

  g_test_add_func ("/Letapis/ExportDialog/preview-and-export", test_dialog);
  g_test_add_func ("/Letapis/ExportDialog/restricted-lanes", test_dialog_restricted_lanes);
  g_test_add_func ("/Letapis/ExportDialog/grayscale", test_dialog_grayscale);

  return g_test_run ();
}
