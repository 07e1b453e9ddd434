/* lt-export-dialog.c: the export dialog, with a live preview of the page being exported
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-export"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "lt-export-dialog.h"
#include "lt-export-document.h"
#include "lt-print-operation.h"

#define PREVIEW_DELAY_MS 150

/* LtExportPreview: the first page of the document, scaled to fit, on a
 * shadowed sheet. It draws the very render node the file is made from. */

#define LT_TYPE_EXPORT_PREVIEW (lt_export_preview_get_type ())

G_DECLARE_FINAL_TYPE (LtExportPreview, lt_export_preview, LT, EXPORT_PREVIEW, GtkWidget)

struct _LtExportPreview
{
  GtkWidget      parent_instance;

  GskRenderNode *node;
  double         page_width;
  double         page_height;
};

G_DEFINE_FINAL_TYPE (LtExportPreview, lt_export_preview, GTK_TYPE_WIDGET)

static void
lt_export_preview_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  LtExportPreview *self = LT_EXPORT_PREVIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double pad = 24;
  double scale, w, h, x, y;
  GskRoundedRect sheet;

  if (self->node == NULL || width <= 2 * pad || height <= 2 * pad)
    return;

  scale = MIN ((width - 2 * pad) / self->page_width, (height - 2 * pad) / self->page_height);
  w = self->page_width * scale;
  h = self->page_height * scale;
  x = round ((width - w) / 2);
  y = round ((height - h) / 2);

  gsk_rounded_rect_init_from_rect (&sheet, &GRAPHENE_RECT_INIT (x, y, w, h), 0);
  gtk_snapshot_append_outset_shadow (snapshot, &sheet, &(GdkRGBA) { 0, 0, 0, 0.25 }, 0, 1, 0, 6);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (x, y, w, h));
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_scale (snapshot, scale, scale);
  gtk_snapshot_append_node (snapshot, self->node);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_restore (snapshot);
}

static void
lt_export_preview_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 240 : 180;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 600 : 420;
}

static void
lt_export_preview_finalize (GObject *object)
{
  LtExportPreview *self = LT_EXPORT_PREVIEW (object);

  g_clear_pointer (&self->node, gsk_render_node_unref);

  G_OBJECT_CLASS (lt_export_preview_parent_class)->finalize (object);
}

static void
lt_export_preview_class_init (LtExportPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = lt_export_preview_finalize;
  widget_class->snapshot = lt_export_preview_snapshot;
  widget_class->measure = lt_export_preview_measure;

  gtk_widget_class_set_css_name (widget_class, "export-preview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
lt_export_preview_init (LtExportPreview *self)
{
}

static void
lt_export_preview_set_page (LtExportPreview *self,
                            GskRenderNode   *node,
                            double           width,
                            double           height)
{
  g_clear_pointer (&self->node, gsk_render_node_unref);
  if (node != NULL)
    self->node = gsk_render_node_ref (node);
  self->page_width = width;
  self->page_height = height;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* LtExportDialog */

enum {
  WINDOW_VIEW,
  WINDOW_ALL,
  WINDOW_DATES,
};

struct _LtExportDialog
{
  AdwWindow             parent_instance;

  LtStore              *store;
  LtExportPage          page;
  gboolean              has_view;
  double                view_from;
  double                view_to;
  char                **categories;
  char                 *search;
  gint64                actor_id;
  gint64                focus_actor;
  guint                 depth;

  GFile                *last_file;
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;
  guint                 preview_source;
  gboolean              exporting;
  LtExportSize          last_size;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  LtExportPreview      *preview;
  GtkLabel             *preview_error;
  GtkButton            *export_button;
  AdwComboRow          *format_row;
  AdwComboRow          *size_row;
  AdwActionRow         *width_row;
  AdwActionRow         *height_row;
  AdwActionRow         *dpi_row;
  AdwActionRow         *pages_row;
  GtkSpinButton        *width_spin;
  GtkSpinButton        *height_spin;
  GtkSpinButton        *dpi_spin;
  GtkSpinButton        *pages_spin;
  AdwComboRow          *window_row;
  AdwComboRow          *lanes_row;
  AdwEntryRow          *from_row;
  AdwEntryRow          *to_row;
  AdwEntryRow          *title_row;
  AdwEntryRow          *subtitle_row;
  GtkSwitch            *legend_switch;
  AdwActionRow         *grayscale_row;
  GtkSwitch            *grayscale_switch;
  GtkSwitch            *filter_switch;
  GtkSwitch            *date_switch;
  GtkSwitch            *sources_switch;
  GtkSwitch            *key_switch;
  GtkSwitch            *restricted_switch;
};

G_DEFINE_FINAL_TYPE (LtExportDialog, lt_export_dialog, ADW_TYPE_WINDOW)

static const LtExportFormat formats[] = {
  LT_EXPORT_FORMAT_PNG,
  LT_EXPORT_FORMAT_SVG,
  LT_EXPORT_FORMAT_PDF,
};

static const LtExportSize sizes[] = {
  LT_EXPORT_SIZE_A4_LANDSCAPE,
  LT_EXPORT_SIZE_A4_PORTRAIT,
  LT_EXPORT_SIZE_LETTER_LANDSCAPE,
  LT_EXPORT_SIZE_LETTER_PORTRAIT,
  LT_EXPORT_SIZE_HD,
  LT_EXPORT_SIZE_CUSTOM_PX,
  LT_EXPORT_SIZE_CUSTOM_MM,
};

static LtExportFormat
get_format (LtExportDialog *self)
{
  guint i = adw_combo_row_get_selected (self->format_row);

  return formats[MIN (i, G_N_ELEMENTS (formats) - 1)];
}

static LtExportSize
get_size (LtExportDialog *self)
{
  guint i = adw_combo_row_get_selected (self->size_row);

  return sizes[MIN (i, G_N_ELEMENTS (sizes) - 1)];
}

static void
set_row_error (AdwEntryRow *row,
               gboolean     error)
{
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static gboolean
parse_entry_date (AdwEntryRow  *row,
                  gboolean      is_end,
                  gint64       *day,
                  GError      **error)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(GError) local_error = NULL;
  LtDate date;

  if (!lt_date_parse (text, &date, &local_error))
    {
      set_row_error (row, TRUE);
      g_set_error (error, LT_EXPORT_ERROR, LT_EXPORT_ERROR_INVALID,
                   /* Translators: %1$s is what was typed, %2$s why it is not a date */
                   _("“%1$s” is not a date: %2$s"), text, local_error->message);
      return FALSE;
    }

  set_row_error (row, FALSE);
  *day = is_end ? lt_date_last_day (&date) : lt_date_first_day (&date);
  return TRUE;
}

/**
 * lt_export_dialog_dup_options:
 * @self: a dialog
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the options the controls describe, or %NULL
 *   with @error set when a date does not parse
 */
LtExportOptions *
lt_export_dialog_dup_options (LtExportDialog  *self,
                              GError         **error)
{
  g_autoptr(LtExportOptions) options = NULL;
  const char *text;

  g_return_val_if_fail (LT_IS_EXPORT_DIALOG (self), NULL);

  options = lt_export_options_new (self->page);
  options->format = get_format (self);
  options->size = get_size (self);
  options->dpi = gtk_spin_button_get_value_as_int (self->dpi_spin);
  if (options->size == LT_EXPORT_SIZE_CUSTOM_PX || options->size == LT_EXPORT_SIZE_CUSTOM_MM)
    {
      options->width = gtk_spin_button_get_value (self->width_spin);
      options->height = gtk_spin_button_get_value (self->height_spin);
    }
  if (options->format == LT_EXPORT_FORMAT_PDF && self->page == LT_EXPORT_PAGE_TIMELINE)
    options->n_pages = gtk_spin_button_get_value_as_int (self->pages_spin);

  switch (adw_combo_row_get_selected (self->window_row))
    {
    case WINDOW_VIEW:
      if (self->has_view)
        {
          options->has_window = TRUE;
          options->from_day = (gint64) floor (self->view_from);
          options->to_day = MAX ((gint64) ceil (self->view_to) - 1, options->from_day);
        }
      break;

    case WINDOW_DATES:
      if (!parse_entry_date (self->from_row, FALSE, &options->from_day, error) ||
          !parse_entry_date (self->to_row, TRUE, &options->to_day, error))
        return NULL;
      options->has_window = TRUE;
      break;

    case WINDOW_ALL:
    default:
      break;
    }

  text = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  if (text != NULL && *text != '\0')
    options->title = g_strdup (text);
  text = gtk_editable_get_text (GTK_EDITABLE (self->subtitle_row));
  if (text != NULL && *text != '\0')
    options->subtitle = g_strdup (text);

  options->legend = gtk_switch_get_active (self->legend_switch);
  options->grayscale = gtk_switch_get_active (self->grayscale_switch);
  options->show_filter = gtk_switch_get_active (self->filter_switch);
  options->show_date = gtk_switch_get_active (self->date_switch);
  options->sources = gtk_switch_get_active (self->sources_switch);
  options->key = gtk_switch_get_active (self->key_switch);
  options->include_restricted = gtk_switch_get_active (self->restricted_switch);

  options->lanes = MIN (adw_combo_row_get_selected (self->lanes_row), LT_EXPORT_LANES_ACTOR);
  options->categories = g_strdupv (self->categories);
  options->search = g_strdup (self->search);
  options->actor_id = self->actor_id;
  if (self->page == LT_EXPORT_PAGE_GRAPH)
    {
      options->focus_actor = self->focus_actor;
      options->depth = MAX (self->depth, 1);
      options->actor_id = 0;
    }

  if (!lt_export_options_validate (options, error))
    return NULL;

  return g_steal_pointer (&options);
}

static void
update_rows (LtExportDialog *self)
{
  LtExportFormat format = get_format (self);
  LtExportSize size = get_size (self);
  gboolean custom = size == LT_EXPORT_SIZE_CUSTOM_PX || size == LT_EXPORT_SIZE_CUSTOM_MM;
  guint window = adw_combo_row_get_selected (self->window_row);

  gtk_widget_set_visible (GTK_WIDGET (self->width_row), custom);
  gtk_widget_set_visible (GTK_WIDGET (self->height_row), custom);
  gtk_widget_set_visible (GTK_WIDGET (self->dpi_row), format == LT_EXPORT_FORMAT_PNG);
  gtk_widget_set_visible (GTK_WIDGET (self->pages_row),
                          format == LT_EXPORT_FORMAT_PDF && self->page == LT_EXPORT_PAGE_TIMELINE);
  gtk_widget_set_visible (GTK_WIDGET (self->from_row), window == WINDOW_DATES);
  gtk_widget_set_visible (GTK_WIDGET (self->to_row), window == WINDOW_DATES);

  /* Switching units gives sizes that mean something in them. */
  if (size != self->last_size && custom)
    {
      if (size == LT_EXPORT_SIZE_CUSTOM_MM)
        {
          gtk_spin_button_set_range (self->width_spin, 50, 2000);
          gtk_spin_button_set_range (self->height_spin, 40, 2000);
          gtk_spin_button_set_value (self->width_spin, 297);
          gtk_spin_button_set_value (self->height_spin, 210);
        }
      else
        {
          gtk_spin_button_set_range (self->width_spin, 200, LT_EXPORT_PX_MAX);
          gtk_spin_button_set_range (self->height_spin, 150, LT_EXPORT_PX_MAX);
          gtk_spin_button_set_value (self->width_spin, 1920);
          gtk_spin_button_set_value (self->height_spin, 1080);
        }
    }
  self->last_size = size;
}

static void
show_error (LtExportDialog *self,
            const char     *message)
{
  gtk_label_set_text (self->preview_error, message);
  gtk_widget_set_visible (GTK_WIDGET (self->preview_error), message != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), message == NULL && !self->exporting);
}

static gboolean
update_preview_cb (gpointer user_data)
{
  LtExportDialog *self = user_data;
  g_autoptr(LtExportOptions) options = NULL;
  g_autoptr(LtExportDocument) document = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GError) error = NULL;
  double width, height;

  self->preview_source = 0;

  if (self->store == NULL)
    return G_SOURCE_REMOVE;

  options = lt_export_dialog_dup_options (self, &error);
  if (options != NULL)
    document = lt_export_document_new (self->store, options, &error);
  if (document == NULL)
    {
      show_error (self, error->message);
      return G_SOURCE_REMOVE;
    }

  show_error (self, NULL);
  node = lt_export_document_dup_page (document, 0);
  lt_export_document_get_page_size (document, &width, &height);
  lt_export_preview_set_page (self->preview, node, width, height);

  return G_SOURCE_REMOVE;
}

static void
schedule_preview (LtExportDialog *self)
{
  update_rows (self);

  g_clear_handle_id (&self->preview_source, g_source_remove);
  self->preview_source = g_timeout_add (PREVIEW_DELAY_MS, update_preview_cb, self);
}

static void
changed_cb (LtExportDialog *self)
{
  g_assert (LT_IS_EXPORT_DIALOG (self));

  schedule_preview (self);
}

/* Paper cannot open a cluster: the key is on for PDF, and off for the images by default */
static void
format_changed_cb (LtExportDialog *self)
{
  g_assert (LT_IS_EXPORT_DIALOG (self));

  gtk_switch_set_active (self->key_switch, get_format (self) == LT_EXPORT_FORMAT_PDF);
}

static char *
suggest_name (LtExportDialog        *self,
              const LtExportOptions *options)
{
  const char *what = self->page == LT_EXPORT_PAGE_GRAPH ? "graph" : "timeline";
  const char *extension = lt_export_format_get_extension (options->format);

  if (options->has_window)
    {
      gint32 y1, y2;
      guint m, d;

      lt_days_to_ymd (options->from_day, &y1, &m, &d);
      lt_days_to_ymd (options->to_day, &y2, &m, &d);
      if (y1 == y2)
        return g_strdup_printf ("letapis-%s-%d.%s", what, y1, extension);
      return g_strdup_printf ("letapis-%s-%d-%d.%s", what, y1, y2, extension);
    }

  return g_strdup_printf ("letapis-%s.%s", what, extension);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  LtExportDialog *self = LT_EXPORT_DIALOG (widget);
  g_autoptr(LtExportOptions) options = NULL;
  g_autoptr(GError) error = NULL;

  options = lt_export_dialog_dup_options (self, &error);
  if (options == NULL || !lt_print_run (GTK_WINDOW (self), self->store, options, &error))
    {
      /* Translators: %s says why, e.g. that a date is wrong or the printer failed */
      g_autofree char *message = g_strdup_printf (_("Could not print: %s"), error->message);

      show_error (self, message);
    }
}

static void
open_file_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  LtExportDialog *self = LT_EXPORT_DIALOG (widget);
  g_autofree char *uri = NULL;
  g_autoptr(GError) error = NULL;

  if (self->last_file == NULL)
    return;

  uri = g_file_get_uri (self->last_file);
  if (!g_app_info_launch_default_for_uri (uri, NULL, &error))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

static void
show_items_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GFile) file = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (reply == NULL)
    {
      /* No file manager on the bus: open the folder itself. */
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *uri = parent != NULL ? g_file_get_uri (parent) : NULL;

      if (uri != NULL)
        g_app_info_launch_default_for_uri (uri, NULL, NULL);
    }
}

static void
show_in_folder_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  LtExportDialog *self = LT_EXPORT_DIALOG (widget);
  g_autoptr(GDBusConnection) bus = NULL;
  g_autofree char *uri = NULL;
  const char *uris[2] = { NULL, NULL };

  if (self->last_file == NULL)
    return;

  uri = g_file_get_uri (self->last_file);
  uris[0] = uri;
  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  if (bus == NULL)
    {
      show_items_cb (NULL, NULL, g_object_ref (self->last_file));
      return;
    }

  /* The file manager selects the file in its folder (Nautilus, Dolphin, …). */
  g_dbus_connection_call (bus,
                          "org.freedesktop.FileManager1",
                          "/org/freedesktop/FileManager1",
                          "org.freedesktop.FileManager1",
                          "ShowItems",
                          g_variant_new ("(^ass)", uris, ""),
                          NULL,
                          G_DBUS_CALL_FLAGS_NONE,
                          5000,
                          NULL,
                          show_items_cb,
                          g_object_ref (self->last_file));
}

static void
write_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  LtExportDocument *document = LT_EXPORT_DOCUMENT (object);
  g_autoptr(LtExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  self->exporting = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), TRUE);

  if (!lt_export_document_write_finish (document, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          toast = adw_toast_new (error->message);
          adw_toast_set_timeout (toast, 0);
          adw_toast_overlay_add_toast (self->toast_overlay, toast);
        }
      return;
    }

  {
    g_autofree char *name = g_file_get_basename (self->last_file);
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
    GtkWidget *label;
    GtkWidget *button;
    g_autofree char *title = NULL;

    /* Translators: %s is a file name */
    title = g_strdup_printf (_("Exported “%s”"), name);
    label = gtk_label_new (title);
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
    gtk_widget_set_hexpand (label, TRUE);
    gtk_box_append (GTK_BOX (box), label);
    button = gtk_button_new_with_mnemonic (_("Show in _Folder"));
    gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "export.show-in-folder");
    gtk_widget_add_css_class (button, "flat");
    gtk_box_append (GTK_BOX (box), button);

    toast = adw_toast_new (title);
    adw_toast_set_custom_title (toast, box);
    adw_toast_set_button_label (toast, _("_Open"));
    adw_toast_set_action_name (toast, "export.open-file");
    adw_toast_overlay_add_toast (self->toast_overlay, toast);
  }
}

/**
 * lt_export_dialog_export_to_file:
 * @self: a dialog
 * @file: where to write
 *
 * Exports with the dialog's options; the format follows @file's extension
 * when it names one, else the chosen format's extension is added.
 */
void
lt_export_dialog_export_to_file (LtExportDialog *self,
                                 GFile          *file)
{
  g_autoptr(LtExportOptions) options = NULL;
  g_autoptr(LtExportDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) target = NULL;
  g_autofree char *basename = NULL;
  LtExportFormat format;

  g_return_if_fail (LT_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  options = lt_export_dialog_dup_options (self, &error);
  if (options == NULL)
    {
      show_error (self, error->message);
      return;
    }

  basename = g_file_get_basename (file);
  if (lt_export_format_from_path (basename, LT_EXPORT_PAGE_TIMELINE, &format, NULL))
    {
      options->format = format;
      target = g_object_ref (file);
    }
  else
    {
      g_autofree char *name = g_strdup_printf ("%s.%s", basename,
                                               lt_export_format_get_extension (options->format));
      g_autoptr(GFile) parent = g_file_get_parent (file);

      target = g_file_get_child (parent, name);
    }

  document = lt_export_document_new (self->store, options, &error);
  if (document == NULL)
    {
      show_error (self, error->message);
      return;
    }

  g_set_object (&self->last_file, target);
  self->exporting = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), FALSE);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  lt_export_document_write_async (document, target, self->cancellable, write_cb,
                                  g_object_ref (self));
}

static void
chooser_response_cb (LtExportDialog       *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  g_assert (LT_IS_EXPORT_DIALOG (self));

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  g_clear_object (&self->chooser);

  if (file != NULL)
    lt_export_dialog_export_to_file (self, file);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  LtExportDialog *self = LT_EXPORT_DIALOG (widget);
  g_autoptr(LtExportOptions) options = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  LtExportFormat format;

  options = lt_export_dialog_dup_options (self, &error);
  if (options == NULL)
    {
      show_error (self, error->message);
      return;
    }
  format = options->format;

  self->chooser = gtk_file_chooser_native_new (_("Export Image"),
                                               GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  gtk_file_filter_add_mime_type (filter, lt_export_format_get_mime_type (format));
  gtk_file_filter_set_name (filter,
                            format == LT_EXPORT_FORMAT_PNG ? _("PNG Images") :
                            format == LT_EXPORT_FORMAT_SVG ? _("SVG Drawings") : _("PDF Documents"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);

  name = suggest_name (self, options);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  if (self->last_file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (self->last_file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
    }

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
lt_export_dialog_dispose (GObject *object)
{
  LtExportDialog *self = (LtExportDialog *)object;

  g_clear_handle_id (&self->preview_source, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), LT_TYPE_EXPORT_DIALOG);

  g_clear_object (&self->store);
  g_clear_object (&self->last_file);

  G_OBJECT_CLASS (lt_export_dialog_parent_class)->dispose (object);
}

static void
lt_export_dialog_finalize (GObject *object)
{
  LtExportDialog *self = (LtExportDialog *)object;

  g_strfreev (self->categories);
  g_free (self->search);

  G_OBJECT_CLASS (lt_export_dialog_parent_class)->finalize (object);
}

static void
lt_export_dialog_class_init (LtExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lt_export_dialog_dispose;
  object_class->finalize = lt_export_dialog_finalize;

  g_type_ensure (LT_TYPE_EXPORT_PREVIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/letapis/Letapis/shell/lt-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LtExportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LtExportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, LtExportDialog, preview_error);
  gtk_widget_class_bind_template_child (widget_class, LtExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, LtExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, LtExportDialog, size_row);
  gtk_widget_class_bind_template_child (widget_class, LtExportDialog, width_row);
  gtk_widget_class_bind_template_child (widget_class, LtExportDialog, height_row);
  gtk_widget_class_bind_template_child (widget_class, LtExportDialog, dpi_row);
  gtk_widget_class_bind_template_child (widget_class, LtExportDialog, pages_row);
  gtk_widget_class_bind_template_child (widget_class, LtExportDialog, width_spin);
  gtk_widget_class_bind_template_child (widget_class, LtExportDialog, height_spin);
  gtk_widget_class_bind_template_child (widget_class, LtExportDialog, dpi_spin);
  gtk_widget_class_bind_template_child (widget_class, LtExportDialog, pages_spin);
  gtk_widget_class_bind_template_child (widget_class, LtExportDialog, window_row);
  gtk_widget_class_bind_template_child (widget_class, LtExportDialog, lanes_row);
  gtk_widget_class_bind_template_child (widget_class, LtExportDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, LtExportDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, LtExportDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, LtExportDialog, subtitle_row);
  gtk_widget_class_bind_template_child (widget_class, LtExportDialog, legend_switch);
  gtk_widget_class_bind_template_child (widget_class, LtExportDialog, grayscale_row);
  gtk_widget_class_bind_template_child (widget_class, LtExportDialog, grayscale_switch);
  gtk_widget_class_bind_template_child (widget_class, LtExportDialog, filter_switch);
  gtk_widget_class_bind_template_child (widget_class, LtExportDialog, date_switch);
  gtk_widget_class_bind_template_child (widget_class, LtExportDialog, sources_switch);
  gtk_widget_class_bind_template_child (widget_class, LtExportDialog, key_switch);
  gtk_widget_class_bind_template_child (widget_class, LtExportDialog, restricted_switch);

  gtk_widget_class_install_action (widget_class, "export.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "export.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "export.open-file", NULL, open_file_action);
  gtk_widget_class_install_action (widget_class, "export.show-in-folder", NULL,
                                   show_in_folder_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lt_export_dialog_init (LtExportDialog *self)
{
  GObject *notifiers[4];
  GObject *spins[4];
  GObject *entries[4];
  GObject *switches[7];

  gtk_widget_init_template (GTK_WIDGET (self));

  spins[0] = G_OBJECT (self->width_spin);
  spins[1] = G_OBJECT (self->height_spin);
  spins[2] = G_OBJECT (self->dpi_spin);
  spins[3] = G_OBJECT (self->pages_spin);
  entries[0] = G_OBJECT (self->from_row);
  entries[1] = G_OBJECT (self->to_row);
  entries[2] = G_OBJECT (self->title_row);
  entries[3] = G_OBJECT (self->subtitle_row);
  switches[0] = G_OBJECT (self->legend_switch);
  switches[1] = G_OBJECT (self->filter_switch);
  switches[2] = G_OBJECT (self->date_switch);
  switches[3] = G_OBJECT (self->sources_switch);
  switches[4] = G_OBJECT (self->restricted_switch);
  switches[5] = G_OBJECT (self->grayscale_switch);
  switches[6] = G_OBJECT (self->key_switch);

  self->last_size = LT_EXPORT_SIZE_A4_LANDSCAPE;
  adw_combo_row_set_selected (self->format_row, 2);
  adw_combo_row_set_selected (self->window_row, WINDOW_ALL);

  g_signal_connect_object (self->format_row, "notify::selected", G_CALLBACK (format_changed_cb),
                           self, G_CONNECT_SWAPPED);
  notifiers[0] = G_OBJECT (self->format_row);
  notifiers[1] = G_OBJECT (self->size_row);
  notifiers[2] = G_OBJECT (self->window_row);
  notifiers[3] = G_OBJECT (self->lanes_row);
  for (guint i = 0; i < G_N_ELEMENTS (notifiers); i++)
    g_signal_connect_object (notifiers[i], "notify::selected", G_CALLBACK (changed_cb), self,
                             G_CONNECT_SWAPPED);
  for (guint i = 0; i < G_N_ELEMENTS (spins); i++)
    g_signal_connect_object (spins[i], "value-changed", G_CALLBACK (changed_cb), self,
                             G_CONNECT_SWAPPED);
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    g_signal_connect_object (entries[i], "changed", G_CALLBACK (changed_cb), self,
                             G_CONNECT_SWAPPED);
  for (guint i = 0; i < G_N_ELEMENTS (switches); i++)
    g_signal_connect_object (switches[i], "notify::active", G_CALLBACK (changed_cb), self,
                             G_CONNECT_SWAPPED);

  update_rows (self);
}

/**
 * lt_export_dialog_new:
 * @parent: (nullable): the main window
 * @store: the chronicle
 * @page: what to export
 *
 * Returns: (transfer full): a new export dialog, modal for @parent
 */
LtExportDialog *
lt_export_dialog_new (GtkWindow    *parent,
                      LtStore      *store,
                      LtExportPage  page)
{
  LtExportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LT_IS_STORE (store), NULL);

  self = g_object_new (LT_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->store = g_object_ref (store);
  self->page = page;

  gtk_widget_set_visible (GTK_WIDGET (self->lanes_row), page == LT_EXPORT_PAGE_TIMELINE);
  if (page == LT_EXPORT_PAGE_GRAPH)
    gtk_window_set_title (GTK_WINDOW (self), _("Export Graph"));
  else
    gtk_window_set_title (GTK_WINDOW (self), _("Export Timeline"));

  schedule_preview (self);

  return self;
}

/**
 * lt_export_dialog_set_view_window:
 * @self: a dialog
 * @from_day: first day the view shows
 * @to_day: end of what the view shows, exclusive
 *
 * Offers the view's window as "Current View", and selects it.
 */
void
lt_export_dialog_set_view_window (LtExportDialog *self,
                                  double          from_day,
                                  double          to_day)
{
  g_return_if_fail (LT_IS_EXPORT_DIALOG (self));

  self->has_view = to_day > from_day;
  self->view_from = from_day;
  self->view_to = to_day;

  if (self->has_view)
    {
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;
      LtDate date;
      gint32 y;
      guint m, d;

      lt_days_to_ymd ((gint64) floor (from_day), &y, &m, &d);
      lt_date_init_ymd (&date, y, m, d);
      from = lt_date_to_iso (&date);
      lt_days_to_ymd (MAX ((gint64) ceil (to_day) - 1, (gint64) floor (from_day)), &y, &m, &d);
      lt_date_init_ymd (&date, y, m, d);
      to = lt_date_to_iso (&date);

      gtk_editable_set_text (GTK_EDITABLE (self->from_row), from);
      gtk_editable_set_text (GTK_EDITABLE (self->to_row), to);
      adw_combo_row_set_selected (self->window_row, WINDOW_VIEW);
    }

  schedule_preview (self);
}

/**
 * lt_export_dialog_set_filter:
 * @self: a dialog
 * @categories: (nullable): the categories shown, %NULL = all
 * @search: (nullable): the search in force
 * @actor_id: the actor the view is filtered to (graph: focused on), 0 = none
 *
 * The export shows what the view shows.
 */
void
lt_export_dialog_set_filter (LtExportDialog     *self,
                             const char * const *categories,
                             const char         *search,
                             gint64              actor_id)
{
  g_return_if_fail (LT_IS_EXPORT_DIALOG (self));

  g_strfreev (self->categories);
  self->categories = g_strdupv ((char **) categories);
  g_free (self->search);
  self->search = g_strdup (search);
  self->actor_id = actor_id;

  schedule_preview (self);
}

/**
 * lt_export_dialog_get_last_file:
 * @self: a dialog
 *
 * Returns: (transfer none) (nullable): the file last exported to
 */
GFile *
lt_export_dialog_get_last_file (LtExportDialog *self)
{
  g_return_val_if_fail (LT_IS_EXPORT_DIALOG (self), NULL);

  return self->last_file;
}

/**
 * lt_export_dialog_set_lanes:
 * @self: a dialog
 * @lanes: what the timeline's lanes show
 *
 * The timeline export has the lanes the view has.
 */
void
lt_export_dialog_set_lanes (LtExportDialog *self,
                            LtExportLanes   lanes)
{
  g_return_if_fail (LT_IS_EXPORT_DIALOG (self));

  adw_combo_row_set_selected (self->lanes_row, MIN (lanes, LT_EXPORT_LANES_ACTOR));
}

/**
 * lt_export_dialog_set_focus:
 * @self: a dialog
 * @actor_id: the actor whose neighbourhood the graph shows, 0 = the whole graph
 * @depth: how many steps from @actor_id
 *
 * The graph export shows the neighbourhood the graph page shows.
 */
void
lt_export_dialog_set_focus (LtExportDialog *self,
                            gint64          actor_id,
                            guint           depth)
{
  g_return_if_fail (LT_IS_EXPORT_DIALOG (self));

  self->focus_actor = actor_id;
  self->depth = depth;

  schedule_preview (self);
}

/**
 * lt_export_dialog_present:
 * @parent: the main window
 * @store: the chronicle
 * @page: "timeline" or "graph"
 *
 * Creates and shows the export dialog of a page (win.export, Ctrl+E). The caller then hands
 * it what the page shows: its window of time, filters, lanes or neighbourhood.
 *
 * Returns: (transfer none): the dialog, owned by GTK's window list
 */
LtExportDialog *
lt_export_dialog_present (GtkWindow  *parent,
                          LtStore    *store,
                          const char *page)
{
  LtExportDialog *self;

  g_return_val_if_fail (LT_IS_STORE (store), NULL);

  self = lt_export_dialog_new (parent, store,
                               g_strcmp0 (page, "graph") == 0 ? LT_EXPORT_PAGE_GRAPH
                                                              : LT_EXPORT_PAGE_TIMELINE);
  gtk_window_present (GTK_WINDOW (self));

  return self;
}
