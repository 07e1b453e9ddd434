/* lt-importer.c: bringing spreadsheets and other chronicles in
 *
 * The LtImporter type, its issues and conflicts, and running a plan:
 * preview or apply. Rows are in lt-importer-csv.c, chronicles in
 * lt-importer-chronicle.c.
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-importer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "lt-csv.h"
#include "lt-importer-private.h"
#include "lt-importer.h"
#include "lt-model-private.h"

/* An import runs in two steps that share one planning pass: preview()
 * plans against the store and only counts; apply() plans again inside one
 * transaction (the store may have changed since the preview) and writes,
 * as one undo step. Rows that cannot be read are listed with their row
 * number and left out; anything that fails while writing rolls all of it
 * back.
 *
 * Re-importing adds nothing: an event from a CSV is the stored event with
 * the same title and date; an actor is found by name or alias; a source by
 * its URL, or its title when it has none; a chronicle's records by id. */

/* Above this many rows the search index is rebuilt once at the end. */
#define BULK_ROWS 200

G_DEFINE_FINAL_TYPE (LtImporter, lt_importer, G_TYPE_OBJECT)

static void
issue_clear (gpointer data)
{
  g_free (((Issue *) data)->message);
}

static void
conflict_free (gpointer data)
{
  Conflict *c = data;

  g_free (c->slug);
  g_free (c->label);
  g_free (c);
}

void
_lt_importer_add_issue (LtImporter *self,
                        guint       row,
                        gboolean    skips,
                        const char *message)
{
  Issue issue = { row, NULL, skips };

  /* Translators: one bad row of a spreadsheet: "row 14: month 13 does not exist" */
  issue.message = row > 0 ? g_strdup_printf (_("row %1$u: %2$s"), row, message) : g_strdup (message);
  g_array_append_val (self->issues, issue);
}

static void
reset_results (LtImporter *self)
{
  memset (self->counts, 0, sizeof self->counts);
  g_array_set_size (self->issues, 0);
  g_ptr_array_set_size (self->conflicts, 0);
  g_atomic_int_set (&self->progress, 0);
}

void
_lt_importer_set_progress (LtImporter *self,
                           guint       done,
                           guint       total)
{
  g_atomic_int_set (&self->progress, total > 0 ? (int) ((guint64) done * 1000 / total) : 1000);
}

/* Running a plan */

static gboolean
run (LtImporter    *self,
     LtStore       *store,
     gboolean       apply,
     GCancellable  *cancellable,
     GError       **error)
{
  Plan plan = { store, NULL, NULL, NULL, NULL, NULL, NULL };
  gboolean bulk;
  gboolean ok;

  g_return_val_if_fail (LT_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (LT_IS_STORE (store), FALSE);
  g_return_val_if_fail (self->format != LT_IMPORT_FORMAT_NONE, FALSE);

  reset_results (self);

  if (self->format != LT_IMPORT_FORMAT_CHRONICLE && !apply)
    {
      ok = _lt_importer_plan_csv (self, &plan, cancellable, error);
      _lt_importer_plan_clear (&plan);
      _lt_importer_set_progress (self, 1, 1);
      return ok;
    }

  /* A big import touches more pages than SQLite's default 2 MiB cache
   * holds; spilling them to the WAL mid-transaction doubles the writes. */
  sqlite3_exec (_lt_store_get_db (store), "PRAGMA cache_size = -65536", NULL, NULL, NULL);

  if (!_lt_store_begin (store, error))
    return FALSE;

  bulk = (self->csv != NULL ? self->csv->rows->len : self->n_records) > BULK_ROWS;
  if (bulk)
    _lt_store_set_bulk (store, TRUE);
  if (apply)
    plan.group = _lt_undo_group_new ();

  if (self->format == LT_IMPORT_FORMAT_CHRONICLE)
    {
      Merge m = { self, &plan, 0, cancellable };

      ok = _lt_store_merge_json (store, self->root, self->name, _lt_importer_merge_cb, &m, error);
    }
  else
    ok = _lt_importer_plan_csv (self, &plan, cancellable, error);
  _lt_importer_plan_clear (&plan);

  /* Cancelling at the last moment still adds nothing. */
  if (ok && g_cancellable_set_error_if_cancelled (cancellable, error))
    ok = FALSE;

  if (ok && apply && bulk)
    {
      ok = _lt_store_rebuild_search (store, error);
      _lt_store_queue_change (store, LT_RECORD_EVENT, 0, LT_CHANGE_RELOADED);
    }

  if (!ok || !apply)
    {
      _lt_store_rollback (store);
      _lt_undo_group_free (plan.group);
      _lt_importer_set_progress (self, 1, 1);
      return ok;
    }

  if (!_lt_store_commit (store, error))
    {
      _lt_undo_group_free (plan.group);
      return FALSE;
    }

  {
    /* Translators: an undoable change, shown as "Undo Import “events.csv”" */
    g_autofree char *label = g_strdup_printf (_("Import “%s”"), self->name);

    _lt_store_push_group (store, g_steal_pointer (&plan.group), label);
  }
  _lt_importer_set_progress (self, 1, 1);
  return TRUE;
}

/* GObject */

static void
lt_importer_finalize (GObject *object)
{
  LtImporter *self = (LtImporter *)object;

  g_clear_object (&self->file);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->csv, lt_csv_free);
  g_clear_pointer (&self->columns, g_strfreev);
  g_clear_pointer (&self->root, json_node_unref);
  g_clear_pointer (&self->issues, g_array_unref);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  g_clear_pointer (&self->resolutions, g_hash_table_unref);
  g_clear_pointer (&self->category_labels, g_ptr_array_unref);

  G_OBJECT_CLASS (lt_importer_parent_class)->finalize (object);
}

static void
lt_importer_class_init (LtImporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lt_importer_finalize;
}

static void
lt_importer_init (LtImporter *self)
{
  self->issues = g_array_new (FALSE, FALSE, sizeof (Issue));
  g_array_set_clear_func (self->issues, issue_clear);
  self->conflicts = g_ptr_array_new_with_free_func (conflict_free);
  self->resolutions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < LT_IMPORT_N_FIELDS; i++)
    self->fields[i] = -1;
  for (guint i = 0; i < N_TJS; i++)
    self->tjs[i] = -1;
}

/* Public API */

/**
 * lt_importer_new:
 * @file: a CSV file or a chronicle JSON
 *
 * Returns: (transfer full): an importer; call [method@Importer.load] next
 */
LtImporter *
lt_importer_new (GFile *file)
{
  LtImporter *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (LT_TYPE_IMPORTER, NULL);
  self->file = g_object_ref (file);
  self->name = g_file_get_basename (file);
  return self;
}

/**
 * lt_importer_get_file:
 * @self: an importer
 *
 * Returns: (transfer none): the file
 */
GFile *
lt_importer_get_file (LtImporter *self)
{
  g_return_val_if_fail (LT_IS_IMPORTER (self), NULL);

  return self->file;
}

/**
 * lt_importer_load:
 * @self: an importer
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Reads the file and finds out what it is: a chronicle JSON, TimelineJS's
 * sheet, or a CSV whose columns are guessed from their headers. Safe to
 * call from a worker thread.
 *
 * Returns: %TRUE on success
 */
gboolean
lt_importer_load (LtImporter    *self,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  const char *p;
  gsize length;

  g_return_val_if_fail (LT_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (self->format == LT_IMPORT_FORMAT_NONE, FALSE);

  if (!g_file_load_contents (self->file, cancellable, &contents, &length, NULL, &local_error))
    {
      g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_IO,
                   _("Could not read %s: %s"), self->name, local_error->message);
      return FALSE;
    }

  for (p = contents; p < contents + length && g_ascii_isspace (*p); p++)
    ;
  if (g_str_has_prefix (p, "\xef\xbb\xbf"))
    p += 3;

  if (p < contents + length && (*p == '{' || *p == '['))
    return _lt_importer_load_chronicle (self, p, length - (gsize) (p - contents), error);

  return _lt_importer_load_csv (self, contents, length, error);
}

LtImportFormat
lt_importer_get_format (LtImporter *self)
{
  g_return_val_if_fail (LT_IS_IMPORTER (self), LT_IMPORT_FORMAT_NONE);

  return self->format;
}

/**
 * lt_importer_get_encoding:
 * @self: an importer
 *
 * Returns: (nullable): the encoding the file was read in, e.g. "WINDOWS-1251"
 */
const char *
lt_importer_get_encoding (LtImporter *self)
{
  g_return_val_if_fail (LT_IS_IMPORTER (self), NULL);

  return self->encoding;
}

/**
 * lt_importer_get_columns:
 * @self: an importer
 *
 * Returns: (transfer none) (nullable): the headers of a CSV's columns
 */
const char * const *
lt_importer_get_columns (LtImporter *self)
{
  g_return_val_if_fail (LT_IS_IMPORTER (self), NULL);

  return (const char * const *) self->columns;
}

/**
 * lt_importer_get_column:
 * @self: an importer
 * @field: what the column holds
 *
 * Returns: the column of a CSV with the user's columns that holds @field, or -1
 */
int
lt_importer_get_column (LtImporter    *self,
                        LtImportField  field)
{
  g_return_val_if_fail (LT_IS_IMPORTER (self), -1);
  g_return_val_if_fail (field < LT_IMPORT_N_FIELDS, -1);

  return self->fields[field];
}

void
lt_importer_set_column (LtImporter    *self,
                        LtImportField  field,
                        int            column)
{
  g_return_if_fail (LT_IS_IMPORTER (self));
  g_return_if_fail (field < LT_IMPORT_N_FIELDS);
  g_return_if_fail (self->columns != NULL);
  g_return_if_fail (column < (int) g_strv_length (self->columns));

  self->fields[field] = MAX (column, -1);
}

/**
 * lt_import_field_get_label:
 * @field: a field
 *
 * Returns: its name, translated
 */
const char *
lt_import_field_get_label (LtImportField field)
{
  static const char * const labels[LT_IMPORT_N_FIELDS] = {
    N_("Date"), N_("End date"), N_("Title"), N_("Summary"), N_("Category"), N_("Place"),
    N_("Actors"), N_("Source title"), N_("Source URL"), N_("Locator"),
  };

  g_return_val_if_fail (field < LT_IMPORT_N_FIELDS, NULL);

  return g_dgettext (GETTEXT_PACKAGE, labels[field]);
}

/**
 * lt_importer_preview:
 * @self: a loaded importer
 * @store: the chronicle to import into
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Works out what [method@Importer.apply] would do, and writes nothing:
 * the counts, the bad rows and the conflicts. Runs in the thread that owns
 * @store.
 *
 * Returns: %TRUE on success
 */
gboolean
lt_importer_preview (LtImporter    *self,
                     LtStore       *store,
                     GCancellable  *cancellable,
                     GError       **error)
{
  return run (self, store, FALSE, cancellable, error);
}

/**
 * lt_importer_apply:
 * @self: a loaded importer
 * @store: the chronicle to import into
 * @cancellable: (nullable): a cancellable; cancelling adds nothing
 * @error: return location for an error
 *
 * Imports in one transaction, as one undo step ("Import “file.csv”").
 * Rows that cannot be read are left out and listed; any other failure
 * leaves @store as it was. The counts then say what was done.
 *
 * Returns: %TRUE on success
 */
gboolean
lt_importer_apply (LtImporter    *self,
                   LtStore       *store,
                   GCancellable  *cancellable,
                   GError       **error)
{
  return run (self, store, TRUE, cancellable, error);
}

/**
 * lt_importer_get_fraction:
 * @self: an importer
 *
 * May be called from any thread while a preview or an import runs.
 *
 * Returns: how much of the running preview or import is done, 0 to 1
 */
double
lt_importer_get_fraction (LtImporter *self)
{
  g_return_val_if_fail (LT_IS_IMPORTER (self), 0);

  return g_atomic_int_get (&self->progress) / 1000.0;
}

guint
lt_importer_get_count (LtImporter     *self,
                       LtRecordKind    kind,
                       LtImportAction  action)
{
  g_return_val_if_fail (LT_IS_IMPORTER (self), 0);
  g_return_val_if_fail (kind <= LT_RECORD_RELATION && action <= LT_IMPORT_SKIPPED, 0);

  return self->counts[kind][action];
}

guint
lt_importer_get_n_issues (LtImporter *self)
{
  g_return_val_if_fail (LT_IS_IMPORTER (self), 0);

  return self->issues->len;
}

/**
 * lt_importer_get_issue_row:
 * @self: an importer
 * @index: an issue
 *
 * Returns: the spreadsheet row the issue is about (the header is row 1)
 */
guint
lt_importer_get_issue_row (LtImporter *self,
                           guint       index)
{
  g_return_val_if_fail (LT_IS_IMPORTER (self), 0);
  g_return_val_if_fail (index < self->issues->len, 0);

  return g_array_index (self->issues, Issue, index).row;
}

/**
 * lt_importer_get_issue:
 * @self: an importer
 * @index: an issue
 *
 * Returns: the issue, translated: "row 14: month 13 does not exist"
 */
const char *
lt_importer_get_issue (LtImporter *self,
                       guint       index)
{
  g_return_val_if_fail (LT_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (index < self->issues->len, NULL);

  return g_array_index (self->issues, Issue, index).message;
}

/**
 * lt_importer_get_issue_skips:
 * @self: an importer
 * @index: an issue
 *
 * Returns: %TRUE if the row is left out, %FALSE if it is imported anyway
 */
gboolean
lt_importer_get_issue_skips (LtImporter *self,
                             guint       index)
{
  g_return_val_if_fail (LT_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (index < self->issues->len, FALSE);

  return g_array_index (self->issues, Issue, index).skips;
}

guint
lt_importer_get_n_conflicts (LtImporter *self)
{
  g_return_val_if_fail (LT_IS_IMPORTER (self), 0);

  return self->conflicts->len;
}

LtRecordKind
lt_importer_get_conflict_kind (LtImporter *self,
                               guint       index)
{
  g_return_val_if_fail (LT_IS_IMPORTER (self), 0);
  g_return_val_if_fail (index < self->conflicts->len, 0);

  return ((Conflict *) g_ptr_array_index (self->conflicts, index))->kind;
}

/**
 * lt_importer_get_conflict_label:
 * @self: an importer
 * @index: a conflict
 *
 * Returns: the imported record's title or name
 */
const char *
lt_importer_get_conflict_label (LtImporter *self,
                                guint       index)
{
  g_return_val_if_fail (LT_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (index < self->conflicts->len, NULL);

  return ((Conflict *) g_ptr_array_index (self->conflicts, index))->label;
}

LtImportResolution
lt_importer_get_resolution (LtImporter *self,
                            guint       index)
{
  g_return_val_if_fail (LT_IS_IMPORTER (self), LT_IMPORT_KEEP_MINE);
  g_return_val_if_fail (index < self->conflicts->len, LT_IMPORT_KEEP_MINE);

  return ((Conflict *) g_ptr_array_index (self->conflicts, index))->resolution;
}

/**
 * lt_importer_set_resolution:
 * @self: an importer
 * @index: a conflict of the last preview
 * @resolution: what to do with it
 *
 * Takes effect in the next [method@Importer.apply] (or preview).
 */
void
lt_importer_set_resolution (LtImporter         *self,
                            guint               index,
                            LtImportResolution  resolution)
{
  Conflict *c;

  g_return_if_fail (LT_IS_IMPORTER (self));
  g_return_if_fail (index < self->conflicts->len);
  g_return_if_fail (resolution <= LT_IMPORT_KEEP_BOTH);

  c = g_ptr_array_index (self->conflicts, index);
  c->resolution = resolution;
  g_hash_table_replace (self->resolutions, g_strdup_printf ("%d/%s", c->kind, c->slug),
                        GINT_TO_POINTER (resolution + 1));
}

/**
 * lt_importer_dup_summary:
 * @self: an importer after a preview or an import
 *
 * Returns: (transfer full): the counts, one line per kind of record, and
 *   the issues, one per line
 */
char *
lt_importer_dup_summary (LtImporter *self)
{
  static const char * const kinds[] = { N_("Events"), N_("Actors"), N_("Sources"), N_("Relations") };
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (LT_IS_IMPORTER (self), NULL);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      if (k == LT_RECORD_RELATION && self->format != LT_IMPORT_FORMAT_CHRONICLE)
        continue;
      /* Translators: "Events: 28 added, 0 updated, 0 skipped" */
      g_string_append_printf (out, _("%1$s: %2$u added, %3$u updated, %4$u skipped"),
                              g_dgettext (GETTEXT_PACKAGE, kinds[k]), self->counts[k][LT_IMPORT_ADDED],
                              self->counts[k][LT_IMPORT_UPDATED], self->counts[k][LT_IMPORT_SKIPPED]);
      g_string_append_c (out, '\n');
    }

  if (self->conflicts->len > 0)
    {
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                                "%u record differs from the stored one",
                                                "%u records differ from the stored ones",
                                                self->conflicts->len),
                              self->conflicts->len);
      g_string_append_c (out, '\n');
    }

  for (guint i = 0; i < self->issues->len; i++)
    {
      g_string_append (out, g_array_index (self->issues, Issue, i).message);
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

/**
 * lt_importer_hand_over:
 * @self: an importer whose [method@Importer.apply] ran on @worker
 * @worker: a second connection to @store's file, owned by a worker thread
 * @store: the window's store
 *
 * Makes the import that @worker committed @store's last undo step, and
 * tells @store's models to reload. Call it in @store's thread.
 */
void
lt_importer_hand_over (LtImporter *self,
                       LtStore    *worker,
                       LtStore    *store)
{
  g_return_if_fail (LT_IS_IMPORTER (self));
  g_return_if_fail (LT_IS_STORE (worker));
  g_return_if_fail (LT_IS_STORE (store));

  _lt_store_adopt_history (store, worker);
}
