/* lt-export-document-write.c: a document's metadata and its pages rendered to bytes and
 * written to a file, at once or in a worker thread
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-export"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "lt-export-document-private.h"

/* A chronicle has no name of its own but its file's: "chronicle.db" is "chronicle". */
static char *
dup_chronicle_name (LtExportDocument *self)
{
  const char *path = lt_store_get_path (self->store);
  g_autofree char *base = NULL;
  char *dot;

  if (path == NULL || *path == '\0' || g_str_equal (path, ":memory:"))
    return NULL;
  base = g_path_get_basename (path);
  dot = strrchr (base, '.');
  if (dot != NULL && dot != base)
    *dot = '\0';

  return g_steal_pointer (&base);
}

/* What the drawing shows, as a PDF's keywords: its kind and its legend's entries. The
 * legend names only what is drawn, so nothing restricted gets in. */
static char *
dup_keywords (LtExportDocument *self)
{
  g_autoptr(GString) keywords = g_string_new (self->kind_label);
  guint n = lt_export_painter_get_n_legend_items (self->painter);

  for (guint i = 0; i < n; i++)
    {
      const char *label = lt_export_painter_get_legend_label (self->painter, i);

      if (label != NULL && *label != '\0')
        g_string_append_printf (keywords, ", %s", label);
    }

  return g_string_free (g_steal_pointer (&keywords), FALSE);
}

/**
 * lt_export_document_dup_metadata:
 * @self: a document
 * @meta: (out caller-allocates): filled; free with lt_export_metadata_clear()
 *
 * What the file says about itself: the title, what it shows, and (for SVG,
 * whose text cairo turns into outlines) a plain-text description of the page:
 * the axis labels, what is shown, the filter and the sources.
 */
void
lt_export_document_dup_metadata (LtExportDocument *self,
                                 LtExportMetadata *meta)
{
  g_autoptr(GString) desc = g_string_new (NULL);
  g_autoptr(GString) subject = g_string_new (NULL);

  g_return_if_fail (LT_IS_EXPORT_DOCUMENT (self));
  g_return_if_fail (meta != NULL);

  if (self->options->subtitle != NULL && *self->options->subtitle != '\0')
    {
      g_string_append (subject, self->options->subtitle);
      g_string_append (subject, C_("meta separator", " · "));
    }
  g_string_append (subject, self->kind_label);
  if (self->has_window)
    {
      g_autofree char *window = _lt_export_format_window ((gint64) self->from_day,
                                                          (gint64) ceil (self->to_day) - 1);

      g_string_append (subject, C_("meta separator", " · "));
      g_string_append (subject, window);
    }

  g_string_append_printf (desc, "%s\n%s\n", self->title, subject->str);
  if (self->options->show_filter)
    g_string_append_printf (desc, "%s\n", self->filter_text);

  for (guint page = 0; page < self->n_slices; page++)
    {
      LtExportSlice slice;

      _lt_export_get_slice (self, page, &slice);
      lt_export_painter_describe (self->painter, &slice, desc);
    }

  if (self->options->sources && self->source_ids->len > 0)
    {
      g_string_append_printf (desc, "%s\n", _("Sources"));
      for (guint i = 0; i < self->source_texts->len; i++)
        g_string_append_printf (desc, "%u. %s\n", i + 1,
                                (const char *) g_ptr_array_index (self->source_texts, i));
    }
  if (self->options->show_date)
    g_string_append_printf (desc, "%s\n", self->export_date_text);

  meta->title = g_strdup (self->title);
  meta->subject = g_string_free (g_steal_pointer (&subject), FALSE);
  meta->description = g_string_free (g_steal_pointer (&desc), FALSE);
  meta->creator = g_strdup ("Letapis " PACKAGE_VERSION);
  meta->author = dup_chronicle_name (self);
  meta->keywords = dup_keywords (self);
  meta->time = self->options->export_time;
  meta->language = g_strdup (lt_get_ui_language ());
}

/* The pages' drawings, and what each holds besides for @meta's PDF outline and links */
static GPtrArray *
dup_pages (LtExportDocument *self,
           LtExportMetadata *meta)
{
  GPtrArray *nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) gsk_render_node_unref);

  g_clear_pointer (&meta->pages, g_ptr_array_unref);
  meta->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) lt_export_page_info_free);
  for (guint page = 0; page < self->n_pages; page++)
    {
      LtExportPageInfo *info = lt_export_page_info_new ();

      g_ptr_array_add (nodes, _lt_export_build_page (self, page, info));
      g_ptr_array_add (meta->pages, info);
    }

  return nodes;
}

/**
 * lt_export_document_render:
 * @self: a document
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the file's bytes, or %NULL with @error set
 */
GBytes *
lt_export_document_render (LtExportDocument  *self,
                           GError           **error)
{
  g_autoptr(GPtrArray) nodes = NULL;
  LtExportMetadata meta = { 0 };
  GBytes *bytes;

  g_return_val_if_fail (LT_IS_EXPORT_DOCUMENT (self), NULL);

  lt_export_document_dup_metadata (self, &meta);
  nodes = dup_pages (self, &meta);
  bytes = lt_export_render_pages (self->options->format, nodes, self->width, self->height,
                                  self->options->dpi, &meta, error);
  lt_export_metadata_clear (&meta);

  return bytes;
}

/**
 * lt_export_document_write:
 * @self: a document
 * @file: where to write
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Renders and replaces @file atomically; on failure nothing is left behind.
 *
 * Returns: %TRUE on success
 */
gboolean
lt_export_document_write (LtExportDocument  *self,
                          GFile             *file,
                          GCancellable      *cancellable,
                          GError           **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (LT_IS_EXPORT_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = lt_export_document_render (self, error);
  if (bytes == NULL)
    return FALSE;

  return lt_export_write_bytes (file, bytes, cancellable, error);
}

typedef struct
{
  GPtrArray        *nodes;
  LtExportMetadata  meta;
  LtExportFormat    format;
  double            width;
  double            height;
  guint             dpi;
  GFile            *file;
} WriteData;

static void
write_data_free (gpointer data)
{
  WriteData *wd = data;

  g_clear_pointer (&wd->nodes, g_ptr_array_unref);
  lt_export_metadata_clear (&wd->meta);
  g_clear_object (&wd->file);
  g_free (wd);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteData *wd = task_data;
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;

  bytes = lt_export_render_pages (wd->format, wd->nodes, wd->width, wd->height, wd->dpi,
                                  &wd->meta, &error);
  if (bytes == NULL || !lt_export_write_bytes (wd->file, bytes, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * lt_export_document_write_async:
 * @self: a document
 * @file: where to write
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written
 * @user_data: for @callback
 *
 * Builds the pages here (the painters read the store), then draws, encodes
 * and writes them in a worker thread.
 */
void
lt_export_document_write_async (LtExportDocument    *self,
                                GFile               *file,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteData *wd;

  g_return_if_fail (LT_IS_EXPORT_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lt_export_document_write_async);

  wd = g_new0 (WriteData, 1);
  lt_export_document_dup_metadata (self, &wd->meta);
  wd->nodes = dup_pages (self, &wd->meta);
  wd->format = self->options->format;
  wd->width = self->width;
  wd->height = self->height;
  wd->dpi = self->options->dpi;
  wd->file = g_object_ref (file);
  g_task_set_task_data (task, wd, write_data_free);

  g_task_run_in_thread (task, write_thread);
}

gboolean
lt_export_document_write_finish (LtExportDocument  *self,
                                 GAsyncResult      *result,
                                 GError           **error)
{
  g_return_val_if_fail (LT_IS_EXPORT_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
