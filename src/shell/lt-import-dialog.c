/* lt-import-dialog.c: the preview of an import, and the import
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-import"

#include "config.h"

#include <glib/gi18n.h>

#include "lt-import-dialog.h"
#include "lt-window.h"

/* Reading, previewing and importing run in a GTask thread on a second
 * connection to the chronicle's file, so a big spreadsheet never stalls
 * the window; the window's store then adopts the import as its undo step
 * and its views reload. */

/* Showing thousands of rows would not help anyone read them. */
#define MAX_ISSUE_ROWS 200

struct _LtImportDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkButton           *cancel_button;
  GtkButton           *import_button;
  GtkStack            *stack;
  GtkLabel            *busy_label;
  GtkProgressBar      *progress_bar;
  AdwStatusPage       *error_page;
  AdwPreferencesGroup *counts_group;
  AdwPreferencesGroup *columns_group;
  AdwPreferencesGroup *conflicts_group;
  AdwPreferencesGroup *issues_group;

  LtStore             *store;
  LtImporter          *importer;
  GCancellable        *cancellable;
  GPtrArray           *rows;        /* of GtkWidget, each inside one of the groups */
  guint                progress_id;
  guint                loaded : 1;
  guint                busy : 1;
  guint                applying : 1;
  guint                closed : 1;
};

G_DEFINE_FINAL_TYPE (LtImportDialog, lt_import_dialog, ADW_TYPE_WINDOW)

typedef struct
{
  LtImporter *importer;
  char       *path;
  char       *language;
  gboolean    load;
  gboolean    apply;
  LtStore    *worker;
} Work;

static void
work_free (gpointer data)
{
  Work *work = data;

  g_clear_object (&work->importer);
  g_clear_object (&work->worker);
  g_free (work->path);
  g_free (work->language);
  g_free (work);
}

static void
work_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Work *work = task_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (work->load && !lt_importer_load (work->importer, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* This thread's own connection; the window's stays with the window. */
  work->worker = lt_store_open_full (work->path, LT_STORE_OPEN_NO_CHECK, &error);
  if (work->worker == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  lt_store_set_language (work->worker, work->language);

  if (work->apply)
    ok = lt_importer_apply (work->importer, work->worker, cancellable, &error);
  else
    ok = lt_importer_preview (work->importer, work->worker, cancellable, &error);

  if (!ok)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
clear_rows (LtImportDialog *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static void
add_row (LtImportDialog      *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

static void
add_count_row (LtImportDialog *self,
               const char     *title,
               LtRecordKind    kind)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;

  /* Translators: what an import would do to one kind of record */
  subtitle = g_strdup_printf (_("%1$u added, %2$u updated, %3$u skipped"),
                              lt_importer_get_count (self->importer, kind, LT_IMPORT_ADDED),
                              lt_importer_get_count (self->importer, kind, LT_IMPORT_UPDATED),
                              lt_importer_get_count (self->importer, kind, LT_IMPORT_SKIPPED));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  add_row (self, self->counts_group, row);
}

static void start (LtImportDialog *self,
                   gboolean        apply);

static void
column_selected_cb (AdwComboRow    *row,
                    GParamSpec     *pspec,
                    LtImportDialog *self)
{
  LtImportField field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "field"));

  g_assert (LT_IS_IMPORT_DIALOG (self));

  if (self->busy)
    return;
  lt_importer_set_column (self->importer, field, (int) adw_combo_row_get_selected (row) - 1);
  start (self, FALSE);
}

static void
resolution_selected_cb (AdwComboRow    *row,
                        GParamSpec     *pspec,
                        LtImportDialog *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "conflict"));

  if (self->busy)
    return;
  lt_importer_set_resolution (self->importer, index, adw_combo_row_get_selected (row));
  start (self, FALSE);
}

static const char *
format_label (LtImportFormat format)
{
  switch (format)
    {
    case LT_IMPORT_FORMAT_TIMELINEJS:
      return _("A TimelineJS spreadsheet");
    case LT_IMPORT_FORMAT_CSV:
      return _("A spreadsheet with its own columns");
    case LT_IMPORT_FORMAT_CHRONICLE:
      return _("A Letapis chronicle");
    case LT_IMPORT_FORMAT_NONE:
    default:
      return "";
    }
}

static void
show_preview (LtImportDialog *self)
{
  LtImportFormat format = lt_importer_get_format (self->importer);
  guint n_issues = lt_importer_get_n_issues (self->importer);
  guint n_conflicts = lt_importer_get_n_conflicts (self->importer);
  GtkWidget *row;

  clear_rows (self);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), format_label (format));
  if (format != LT_IMPORT_FORMAT_CHRONICLE)
    {
      /* Translators: %s is an encoding such as UTF-8 or WINDOWS-1251 */
      g_autofree char *encoding = g_strdup_printf (_("Text encoding: %s"),
                                                   lt_importer_get_encoding (self->importer));

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), encoding);
    }
  add_row (self, self->counts_group, row);

  add_count_row (self, _("Events"), LT_RECORD_EVENT);
  add_count_row (self, _("Actors"), LT_RECORD_ACTOR);
  add_count_row (self, _("Sources"), LT_RECORD_SOURCE);
  if (format == LT_IMPORT_FORMAT_CHRONICLE)
    add_count_row (self, _("Relations"), LT_RECORD_RELATION);

  gtk_widget_set_visible (GTK_WIDGET (self->columns_group), format == LT_IMPORT_FORMAT_CSV);
  if (format == LT_IMPORT_FORMAT_CSV)
    {
      const char * const *columns = lt_importer_get_columns (self->importer);

      for (guint f = 0; f < LT_IMPORT_N_FIELDS; f++)
        {
          g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

          /* Translators: a column choice: the field is not in the file */
          gtk_string_list_append (names, _("None"));
          for (guint c = 0; columns[c] != NULL; c++)
            gtk_string_list_append (names, columns[c]);

          row = adw_combo_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lt_import_field_get_label (f));
          adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
          adw_combo_row_set_selected (ADW_COMBO_ROW (row),
                                      (guint) (lt_importer_get_column (self->importer, f) + 1));
          g_object_set_data (G_OBJECT (row), "field", GUINT_TO_POINTER (f));
          g_signal_connect (row, "notify::selected", G_CALLBACK (column_selected_cb), self);
          add_row (self, self->columns_group, row);
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_group), n_conflicts > 0);
  for (guint i = 0; i < n_conflicts; i++)
    {
      g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);

      gtk_string_list_append (choices, _("Keep Mine"));
      gtk_string_list_append (choices, _("Take Theirs"));
      gtk_string_list_append (choices, _("Keep Both"));

      row = adw_combo_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     lt_importer_get_conflict_label (self->importer, i));
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (choices));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), lt_importer_get_resolution (self->importer, i));
      g_object_set_data (G_OBJECT (row), "conflict", GUINT_TO_POINTER (i));
      g_signal_connect (row, "notify::selected", G_CALLBACK (resolution_selected_cb), self);
      add_row (self, self->conflicts_group, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->issues_group), n_issues > 0);
  for (guint i = 0; i < MIN (n_issues, MAX_ISSUE_ROWS); i++)
    {
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     lt_importer_get_issue (self->importer, i));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   lt_importer_get_issue_skips (self->importer, i)
                                     ? _("This row is left out") : _("This row is imported"));
      add_row (self, self->issues_group, row);
    }
  if (n_issues > MAX_ISSUE_ROWS)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "And %u more row",
                                                            "And %u more rows",
                                                            n_issues - MAX_ISSUE_ROWS),
                                               n_issues - MAX_ISSUE_ROWS);

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
      add_row (self, self->issues_group, row);
    }

  gtk_stack_set_visible_child_name (self->stack, "preview");
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), TRUE);
}

static void
show_error (LtImportDialog *self,
            const GError   *error)
{
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->stack, "error");
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
}

static gboolean
update_progress_cb (gpointer user_data)
{
  LtImportDialog *self = user_data;

  gtk_progress_bar_set_fraction (self->progress_bar, lt_importer_get_fraction (self->importer));
  return G_SOURCE_CONTINUE;
}

static void
undo_clicked_cb (AdwToast *toast,
                 LtStore  *store)
{
  g_autoptr(GError) error = NULL;

  if (!lt_store_undo (store, &error))
    g_warning ("Could not undo the import: %s", error->message);
}

static void
announce (LtImportDialog *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  guint n = lt_importer_get_count (self->importer, LT_RECORD_EVENT, LT_IMPORT_ADDED);
  AdwToast *toast;

  if (!LT_IS_WINDOW (parent))
    return;

  toast = adw_toast_new_format (g_dngettext (GETTEXT_PACKAGE, "%u event imported",
                                             "%u events imported", n), n);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_clicked_cb),
                         g_object_ref (self->store), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  lt_window_add_toast (LT_WINDOW (parent), toast);
}

static void
work_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(LtImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  Work *work = g_task_get_task_data (G_TASK (result));

  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  g_clear_handle_id (&self->progress_id, g_source_remove);
  self->busy = FALSE;
  self->applying = FALSE;
  self->loaded = TRUE;

  /* A committed import belongs to the chronicle even if the dialog is gone. */
  if (ok && work->apply)
    lt_importer_hand_over (self->importer, work->worker, self->store);
  if (self->closed)
    return;

  if (!ok)
    {
      if (work->apply && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* Nothing was written: back to the preview. */
          g_clear_object (&self->cancellable);
          start (self, FALSE);
          return;
        }
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error);
      return;
    }

  if (!work->apply)
    {
      show_preview (self);
      return;
    }

  announce (self);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
start (LtImportDialog *self,
       gboolean        apply)
{
  g_autoptr(GTask) task = NULL;
  Work *work;

  g_assert (!self->busy);

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->busy = TRUE;
  self->applying = apply;

  work = g_new0 (Work, 1);
  work->importer = g_object_ref (self->importer);
  work->path = g_strdup (lt_store_get_path (self->store));
  work->language = g_strdup (lt_store_get_language (self->store));
  work->load = !self->loaded;
  work->apply = apply;

  gtk_label_set_label (self->busy_label, apply ? _("Importing…")
                                               : self->loaded ? _("Checking the rows…")
                                                              : _("Reading the file…"));
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_stack_set_visible_child_name (self->stack, "busy");
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
  self->progress_id = g_timeout_add (100, update_progress_cb, self);

  task = g_task_new (NULL, self->cancellable, work_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, start);
  g_task_set_task_data (task, work, work_free);
  g_task_run_in_thread (task, work_thread);
}

static void
cancel_clicked_cb (LtImportDialog *self)
{
  /* While importing, Cancel stops the import (nothing is added) and the
   * preview comes back; otherwise it closes the dialog. */
  if (self->applying && self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
import_clicked_cb (LtImportDialog *self)
{
  if (self->busy)
    return;
  start (self, TRUE);
}

static void
lt_import_dialog_dispose (GObject *object)
{
  LtImportDialog *self = (LtImportDialog *)object;

  self->closed = TRUE;
  if (self->cancellable != NULL && !self->applying)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LT_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (lt_import_dialog_parent_class)->dispose (object);
}

static void
lt_import_dialog_finalize (GObject *object)
{
  LtImportDialog *self = (LtImportDialog *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->importer);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (lt_import_dialog_parent_class)->finalize (object);
}

static void
lt_import_dialog_class_init (LtImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lt_import_dialog_dispose;
  object_class->finalize = lt_import_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/letapis/Letapis/shell/lt-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LtImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, LtImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, LtImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, LtImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, LtImportDialog, busy_label);
  gtk_widget_class_bind_template_child (widget_class, LtImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, LtImportDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, LtImportDialog, counts_group);
  gtk_widget_class_bind_template_child (widget_class, LtImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, LtImportDialog, conflicts_group);
  gtk_widget_class_bind_template_child (widget_class, LtImportDialog, issues_group);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0,
                                (GtkShortcutFunc) (void (*) (void)) cancel_clicked_cb, NULL);
}

static void
lt_import_dialog_init (LtImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

/**
 * lt_import_dialog_new:
 * @parent: the window
 * @store: the chronicle to import into (one in a file, not ":memory:")
 * @file: what to import
 *
 * Opens the preview of importing @file; it starts reading at once.
 *
 * Returns: (transfer none): the dialog, owned by GTK until it closes
 */
LtImportDialog *
lt_import_dialog_new (GtkWindow *parent,
                      LtStore   *store,
                      GFile     *file)
{
  LtImportDialog *self;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (LT_IS_STORE (store), NULL);
  g_return_val_if_fail (lt_store_get_path (store) != NULL, NULL);
  g_return_val_if_fail (!g_str_equal (lt_store_get_path (store), ":memory:"), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (LT_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->importer = lt_importer_new (file);

  name = g_file_get_basename (file);
  /* Translators: the import dialog's title, %s is the file's name */
  title = g_strdup_printf (_("Import “%s”"), name);
  adw_window_title_set_title (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);

  start (self, FALSE);
  return self;
}

static void
chooser_response_cb (GtkNativeDialog *native,
                     int              response,
                     gpointer         user_data)
{
  g_autoptr(LtStore) store = user_data;
  GtkWindow *parent = gtk_native_dialog_get_transient_for (native);
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  g_object_unref (native);

  if (file != NULL)
    gtk_window_present (GTK_WINDOW (lt_import_dialog_new (parent, store, file)));
}

/**
 * lt_import_dialog_choose:
 * @parent: the window
 * @store: the chronicle to import into
 *
 * Asks for a CSV or chronicle JSON, then previews importing it.
 */
void
lt_import_dialog_choose (GtkWindow *parent,
                         LtStore   *store)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();

  g_return_if_fail (LT_IS_STORE (store));

  native = gtk_file_chooser_native_new (_("Import"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  gtk_file_filter_set_name (all, _("Spreadsheets and chronicles"));
  gtk_file_filter_add_suffix (all, "csv");
  gtk_file_filter_add_suffix (all, "json");
  gtk_file_filter_set_name (csv, _("CSV spreadsheets"));
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_filter_set_name (json, _("Chronicle JSON"));
  gtk_file_filter_add_suffix (json, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), csv);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), json);

  g_signal_connect (native, "response", G_CALLBACK (chooser_response_cb), g_object_ref (store));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/**
 * lt_import_dialog_get_importer:
 * @self: the dialog
 *
 * Returns: (transfer none): its importer, for tests
 */
LtImporter *
lt_import_dialog_get_importer (LtImportDialog *self)
{
  g_return_val_if_fail (LT_IS_IMPORT_DIALOG (self), NULL);

  return self->importer;
}

/**
 * lt_import_dialog_is_busy:
 * @self: the dialog
 *
 * Returns: whether it is reading, checking or importing
 */
gboolean
lt_import_dialog_is_busy (LtImportDialog *self)
{
  g_return_val_if_fail (LT_IS_IMPORT_DIALOG (self), FALSE);

  return self->busy;
}
