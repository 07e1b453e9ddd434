/* lt-store-check.c: checking a chronicle's pages, at once or in a thread
 *
 * A damaged file is never written to: a store opened with LT_STORE_OPEN_CHECK_LATER reads
 * at once and writes only after lt_store_check_async() has found every page sound.
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "lt-model-private.h"
#include "lt-store-private.h"

/* Files up to this size get a full PRAGMA integrity_check; larger ones a quick_check,
 * which skips the index/table cross-check but still reads every page (a full check of
 * a million-event file takes seconds). */
#define FULL_CHECK_MAX_SIZE (64 * 1024 * 1024)

gboolean
_lt_store_wants_quick_check (const char       *path,
                             LtStoreOpenFlags  flags)
{
  GStatBuf st;

  if ((flags & LT_STORE_OPEN_QUICK_CHECK) != 0)
    return TRUE;

  return g_stat (path, &st) == 0 && st.st_size > FULL_CHECK_MAX_SIZE;
}

/**
 * _lt_store_run_page_check:
 * @db: a connection to @path
 * @path: the file, for the message
 * @quick: a quick_check instead of an integrity_check
 * @error: return location for an error
 *
 * Returns: whether SQLite found the file sound; a damaged one gives
 *   %LT_STORE_ERROR_DAMAGED with a message that names it
 */
gboolean
_lt_store_run_page_check (sqlite3     *db,
                          const char  *path,
                          gboolean     quick,
                          GError     **error)
{
  g_autofree char *display = g_filename_display_basename (path);
  sqlite3_stmt *stmt = NULL;
  gboolean ret = FALSE;
  int rc;

  if (sqlite3_prepare_v2 (db, quick ? "PRAGMA quick_check(1)" : "PRAGMA integrity_check(1)",
                          -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    {
      rc = sqlite3_errcode (db);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        _lt_store_set_open_error (error, path, rc, sqlite3_errmsg (db));
      else
        g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_DAMAGED,
                     _("“%s” is damaged: %s"), display, sqlite3_errmsg (db));
      goto out;
    }

  if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    {
      g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_DAMAGED,
                   _("“%s” is damaged and cannot be opened safely (%s)"),
                   display, (const char *) sqlite3_column_text (stmt, 0));
      goto out;
    }

  ret = TRUE;

out:
  sqlite3_finalize (stmt);

  return ret;
}

/* The check in a thread */

typedef struct
{
  char     *path;
  gboolean  quick;
} CheckJob;

static void
check_job_free (gpointer data)
{
  CheckJob *job = data;

  g_free (job->path);
  g_free (job);
}

/* Runs in a worker over a connection of its own: SQLite connections are not shared
 * between threads, and the store's own keeps serving the views meanwhile. */
static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CheckJob *job = task_data;
  GError *error = NULL;
  sqlite3 *db = NULL;
  int rc;

  rc = _lt_store_open_reader (job->path, &db);
  if (rc != SQLITE_OK)
    _lt_store_set_open_error (&error, job->path, rc, sqlite3_errstr (rc));
  else
    _lt_store_run_page_check (db, job->path, job->quick, &error);
  sqlite3_close_v2 (db);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* Back on the UI thread: a sound file gets a writer in place of the reader, which keeps
 * serving the views if the writer cannot be had. The cached statements belong to the
 * reader; nothing holds one between calls. */
static gboolean
become_writable (LtStore  *self,
                 GError  **error)
{
  sqlite3 *reader = g_steal_pointer (&self->db);

  if (!_lt_store_connect (self, TRUE, FALSE, LT_SCHEMA_VERSION, error))
    {
      g_clear_pointer (&self->db, sqlite3_close_v2);
      self->db = reader;
      return FALSE;
    }

  g_hash_table_remove_all (self->statements);
  sqlite3_close_v2 (reader);
  self->read_only = FALSE;
  return TRUE;
}

static void
check_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(LtStore) self = user_data;
  g_autoptr(GPtrArray) waiters = g_steal_pointer (&self->check_waiters);
  g_autoptr(GError) error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    become_writable (self, &error);

  self->check_pending = FALSE;
  self->check_error = error != NULL ? g_error_copy (error) : NULL;
  if (error == NULL)
    _lt_store_notify_writable (self);

  for (guint i = 0; i < waiters->len; i++)
    {
      GTask *task = g_ptr_array_index (waiters, i);

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_boolean (task, TRUE);
    }
}

/**
 * lt_store_check_async:
 * @self: a store
 * @cancellable: (nullable): stops waiting (the check itself runs to its end)
 * @callback: called on this thread when the check is done
 * @user_data: for @callback
 *
 * Checks every page of a chronicle opened with %LT_STORE_OPEN_CHECK_LATER, in a thread,
 * and lets the store write if it is sound ([property@Store:writable] becomes %TRUE). The
 * check runs once per open: later calls, or calls while it runs, get its result. A store
 * opened otherwise was checked when it opened and completes at once.
 */
void
lt_store_check_async (LtStore             *self,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  gboolean start;

  g_return_if_fail (LT_IS_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lt_store_check_async);

  if (!self->check_pending)
    {
      if (self->check_error != NULL)
        g_task_return_error (task, g_error_copy (self->check_error));
      else
        g_task_return_boolean (task, TRUE);
      return;
    }

  start = self->check_waiters == NULL;
  if (start)
    self->check_waiters = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (self->check_waiters, g_steal_pointer (&task));

  if (start)
    {
      /* The worker's task does not hold the store: the thread may drop the task's last
       * reference, and a store is finalized on the UI thread, here or in the callback. */
      g_autoptr(GTask) worker = g_task_new (NULL, NULL, check_done_cb, g_object_ref (self));
      CheckJob *job = g_new0 (CheckJob, 1);

      job->path = g_strdup (self->path);
      job->quick = self->quick_check;
      g_task_set_source_tag (worker, check_thread);
      g_task_set_task_data (worker, job, check_job_free);
      g_task_run_in_thread (worker, check_thread);
    }
}

/**
 * lt_store_check_finish:
 * @self: a store
 * @result: the result given to the callback
 * @error: return location for an error: %LT_STORE_ERROR_DAMAGED for a damaged file,
 *   which stays as it was, %LT_STORE_ERROR_BUSY for one locked by another program
 *
 * Returns: whether the chronicle is sound and can be written
 */
gboolean
lt_store_check_finish (LtStore       *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (LT_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * lt_store_get_writable:
 * @self: a store
 *
 * Returns: whether the store can save changes now: %FALSE for a store opened read-only,
 *   and for one opened with %LT_STORE_OPEN_CHECK_LATER until its check has passed
 */
gboolean
lt_store_get_writable (LtStore *self)
{
  g_return_val_if_fail (LT_IS_STORE (self), FALSE);

  return !self->read_only;
}

/* Writing to a store whose check has not passed, or failed, is refused before SQLite is
 * asked; a store opened read-only is refused by SQLite itself. */
gboolean
_lt_store_ensure_writable (LtStore  *self,
                           GError  **error)
{
  g_autofree char *display = NULL;

  if (self->check_error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->check_error));
      return FALSE;
    }

  if (!self->check_pending)
    return TRUE;

  display = g_filename_display_basename (self->path);
  g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_READ_ONLY,
               _("“%s” is still being checked; changes can be saved in a moment"), display);

  return FALSE;
}
