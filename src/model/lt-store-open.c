/* lt-store-open.c: opening a chronicle
 *
 * Checks the file before anything writes to it (header, a read-only look,
 * integrity or quick check), creates new files private to their owner and
 * migrates older schemas; lt_store_open() and its variants.
 *
 * Copyright 2024 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "lt-model-private.h"
#include "lt-store-private.h"

/* Opening */

static gboolean
check_header (const char  *path,
              GError     **error)
{
  g_autofree char *display = g_filename_display_basename (path);
  guint8 header[100];
  GStatBuf st;
  FILE *fp;
  gsize n;
  guint page_size;
  guint32 n_pages;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_IO,
                   _("Could not open “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  if (st.st_size == 0)
    return TRUE;

  if ((fp = g_fopen (path, "rb")) == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_IO,
                   _("Could not open “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }
  n = fread (header, 1, sizeof header, fp);
  fclose (fp);

  if (n < 16 || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is not a Letapis chronicle: it is not a database file"), display);
      return FALSE;
    }

  if (n < sizeof header)
    {
      g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_DAMAGED,
                   _("“%s” is damaged: the file is cut short"), display);
      return FALSE;
    }

  page_size = (header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  n_pages = ((guint32) header[28] << 24) | (header[29] << 16) | (header[30] << 8) | header[31];

  if (page_size < 512 || (page_size & (page_size - 1)) != 0)
    {
      g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_DAMAGED,
                   _("“%s” is damaged: its header is invalid"), display);
      return FALSE;
    }

  /* A truncated file is shorter than the page count its header promises. */
  if (st.st_size % page_size != 0 || (n_pages != 0 && (guint64) st.st_size < (guint64) n_pages * page_size))
    {
      g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_DAMAGED,
                   _("“%s” is damaged: the file is cut short"), display);
      return FALSE;
    }

  return TRUE;
}

gboolean
_lt_store_query_int (sqlite3    *db,
                     const char *sql,
                     gint64     *out)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ret = FALSE;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      *out = sqlite3_column_int64 (stmt, 0);
      ret = TRUE;
    }
  sqlite3_finalize (stmt);

  return ret;
}

/* The file and the folder it is in can be written: a WAL-mode database
 * needs both (the -wal and -shm files go beside it). */
static gboolean
is_writable (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  return g_access (path, W_OK) == 0 && g_access (dir, W_OK) == 0;
}

/* Bytes 18 and 19 of the header are 2 in a WAL-mode database. */
static gboolean
header_says_wal (const char *path)
{
  guint8 header[20];
  FILE *fp;
  gsize n;

  if ((fp = g_fopen (path, "rb")) == NULL)
    return FALSE;
  n = fread (header, 1, sizeof header, fp);
  fclose (fp);

  return n == sizeof header && header[18] == 2 && header[19] == 2;
}

/* A read-only connection to a WAL-mode database creates the -wal and -shm
 * files beside it and leaves them behind, and cannot create them in a
 * read-only folder at all. When there is no -wal file, nobody has the
 * database open and nothing waits in a log: the main file is all there is,
 * and it is read as an immutable file that needs nothing beside it. */
int
_lt_store_open_reader (const char  *path,
                       sqlite3    **db)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  int rc;

  if (header_says_wal (path) && !g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      g_autofree char *absolute = g_canonicalize_filename (path, NULL);
      g_autofree char *uri = g_filename_to_uri (absolute, NULL, NULL);
      g_autofree char *immutable = g_strconcat (uri, "?immutable=1", NULL);

      if (uri != NULL)
        {
          rc = sqlite3_open_v2 (immutable, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
          sqlite3_busy_timeout (*db, 5000);
          return rc;
        }
    }

  rc = sqlite3_open_v2 (path, db, SQLITE_OPEN_READONLY, NULL);
  /* Another program may hold a lock for a moment (a write in progress). */
  sqlite3_busy_timeout (*db, 5000);

  return rc;
}

/* Says why @path cannot be used in words that do not blame the file for a
 * lock or for permissions. */
void
_lt_store_set_open_error (GError     **error,
                          const char  *path,
                          int          rc,
                          const char  *detail)
{
  g_autofree char *display = g_filename_display_basename (path);

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_BUSY,
                   _("“%s” is in use by another program; close it there and try again"),
                   display);
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_READ_ONLY,
                   _("“%s” is read-only: Letapis cannot save changes to it"), display);
      break;

    case SQLITE_NOTADB:
      g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is not a Letapis chronicle: it is not a database file"), display);
      break;

    case SQLITE_CORRUPT:
      g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_DAMAGED,
                   _("“%s” is damaged: %s"), display, detail);
      break;

    case SQLITE_CANTOPEN:
      if (g_file_test (path, G_FILE_TEST_EXISTS) && !is_writable (path))
        {
          g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_READ_ONLY,
                       _("“%s” is read-only: Letapis cannot save changes to it"), display);
          break;
        }
      G_GNUC_FALLTHROUGH;

    default:
      g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_IO,
                   _("Could not open “%s”: %s"), display, detail);
      break;
    }
}

/* Looks at an existing file through a read-only connection, so that a
 * damaged or foreign file is never written to, nor anything put beside it. */
static gboolean
check_existing_file (const char        *path,
                     LtStoreOpenFlags   flags,
                     gboolean          *check_deferred,
                     GError           **error)
{
  g_autofree char *display = g_filename_display_basename (path);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 app_id = 0;
  gint64 version = 0;
  gint64 n_tables = 0;
  GStatBuf st;
  gboolean ret = FALSE;
  int rc;

  if (!check_header (path, error))
    return FALSE;

  if (g_stat (path, &st) == 0 && st.st_size == 0)
    {
      /* Reading an empty file gives nothing to read; writing one makes it a
       * chronicle, which only a deliberate creation may do. */
      if ((flags & LT_STORE_OPEN_READ_ONLY) == 0)
        return TRUE;
      g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is not a Letapis chronicle: the file is empty"), display);
      return FALSE;
    }

  rc = _lt_store_open_reader (path, &db);
  if (rc != SQLITE_OK)
    {
      _lt_store_set_open_error (error, path, rc, sqlite3_errstr (rc));
      goto out;
    }

  if (!_lt_store_query_int (db, "PRAGMA application_id", &app_id) ||
      !_lt_store_query_int (db, "PRAGMA user_version", &version) ||
      !_lt_store_query_int (db, "SELECT count(*) FROM sqlite_schema", &n_tables))
    {
      rc = sqlite3_errcode (db);
      if (rc == SQLITE_NOTADB || rc == SQLITE_BUSY || rc == SQLITE_LOCKED ||
          rc == SQLITE_CANTOPEN || rc == SQLITE_READONLY)
        _lt_store_set_open_error (error, path, rc, sqlite3_errmsg (db));
      else
        g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_DAMAGED,
                     _("“%s” is damaged: %s"), display, sqlite3_errmsg (db));
      goto out;
    }

  if (app_id != LT_APPLICATION_ID && !(app_id == 0 && version == 0 && n_tables == 0))
    {
      g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is not a Letapis chronicle: it is a database of another program"),
                   display);
      goto out;
    }

  if (version > LT_SCHEMA_VERSION)
    {
      g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_TOO_NEW,
                   _("“%s” was saved by a newer version of Letapis (database version %d; "
                     "this version reads up to %d). Update Letapis to open it."),
                   display, (int) version, LT_SCHEMA_VERSION);
      goto out;
    }

  if ((flags & LT_STORE_OPEN_READ_ONLY) != 0 && version == 0)
    {
      g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is not a Letapis chronicle: the file is empty"), display);
      goto out;
    }

  /* Reading only, an older file cannot be brought up to date. */
  if ((flags & LT_STORE_OPEN_READ_ONLY) != 0 && version < LT_SCHEMA_VERSION)
    {
      g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_READ_ONLY,
                   _("“%s” was saved by an older version of Letapis: open it in Letapis "
                     "once to update it, then try again"),
                   display);
      goto out;
    }

  /* Before anything is written: a file missing a table must stay as it is. */
  if (version == LT_SCHEMA_VERSION)
    {
      g_autofree char *missing = NULL;

      if (!_lt_schema_check (db, &missing))
        {
          /* Translators: %1$s is a file name, %2$s names what is missing, e.g. "table events" */
          g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_DAMAGED,
                       _("“%1$s” is damaged: part of the chronicle is missing (%2$s)"),
                       display, missing);
          goto out;
        }
    }

  if ((flags & LT_STORE_OPEN_NO_CHECK) != 0)
    {
      ret = TRUE;
      goto out;
    }

  /* A current file can be shown at once and checked meanwhile (writing waits for the check);
   * an older one is checked now, because bringing it up to date writes to it. */
  if ((flags & LT_STORE_OPEN_CHECK_LATER) != 0 && version == LT_SCHEMA_VERSION)
    {
      *check_deferred = TRUE;
      ret = TRUE;
      goto out;
    }

  if (!_lt_store_run_page_check (db, path, _lt_store_wants_quick_check (path, flags), error))
    goto out;

  ret = TRUE;

out:
  sqlite3_finalize (stmt);
  sqlite3_close_v2 (db);

  return ret;
}

/* A new chronicle holds sensitive records: only its owner may read it.
 * SQLite gives the -wal and -shm files the database's own mode. */
static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_basename (path);

      if (saved_errno == EEXIST)
        return TRUE;
      g_set_error (error, LT_STORE_ERROR,
                   saved_errno == EACCES || saved_errno == EROFS || saved_errno == EPERM
                   ? LT_STORE_ERROR_READ_ONLY : LT_STORE_ERROR_IO,
                   _("Could not open “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  return TRUE;
}

/* Opens self->db on @path: a writer in WAL mode, brought up to @version, or (@writer
 * FALSE) a reader that refuses to write; a reader of a file that could be written still
 * takes part in locking like any other connection, so the last one to close removes the
 * -wal and -shm files, and a file that cannot be written, or is not checked yet, gets a
 * plain reader that puts nothing beside it. */
gboolean
_lt_store_connect (LtStore     *self,
                   gboolean     writer,
                   gboolean     plain_reader,
                   int          version,
                   GError     **error)
{
  const char *path = self->path;
  int rc;

  g_assert (self->db == NULL);

  if (plain_reader)
    rc = _lt_store_open_reader (path, &self->db);
  else
    rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      _lt_store_set_open_error (error, path, rc,
                                self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return FALSE;
    }

  sqlite3_extended_result_codes (self->db, FALSE);
  sqlite3_busy_timeout (self->db, 5000);
  _lt_schema_register_functions (self->db);

  if (sqlite3_exec (self->db,
                    writer ? "PRAGMA foreign_keys = ON;"
                             "PRAGMA journal_mode = WAL;"
                             "PRAGMA synchronous = NORMAL;"
                             "PRAGMA temp_store = MEMORY;"
                             "PRAGMA cache_size = -32768;"
                           : "PRAGMA query_only = ON;"
                             "PRAGMA temp_store = MEMORY;"
                             "PRAGMA cache_size = -32768;",
                    NULL, NULL, NULL) != SQLITE_OK)
    {
      _lt_store_set_open_error (error, path, sqlite3_errcode (self->db), sqlite3_errmsg (self->db));
      return FALSE;
    }

  return !writer || _lt_schema_migrate (self->db, version, error);
}

static LtStore *
open_store (const char        *path,
            LtStoreOpenFlags   flags,
            int                version,
            GError           **error)
{
  g_autoptr(LtStore) self = NULL;
  gboolean memory;
  gboolean read_only;
  gboolean check_deferred = FALSE;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  memory = g_str_equal (path, ":memory:");
  read_only = !memory && (flags & LT_STORE_OPEN_READ_ONLY) != 0;

  if (!memory && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!check_existing_file (path, flags, &check_deferred, error))
        return NULL;
      if (!read_only && !is_writable (path))
        {
          _lt_store_set_open_error (error, path, SQLITE_READONLY, NULL);
          return NULL;
        }
    }
  else if (read_only)
    {
      g_autofree char *display = g_filename_display_basename (path);

      g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_IO,
                   _("Could not open “%s”: %s"), display, g_strerror (ENOENT));
      return NULL;
    }
  else if (!memory && !create_private_file (path, error))
    return NULL;

  self = g_object_new (LT_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  /* Until its check has passed, a file is only read. */
  self->read_only = read_only || check_deferred;
  self->check_pending = check_deferred;
  self->quick_check = _lt_store_wants_quick_check (path, flags);

  if (!_lt_store_connect (self, !self->read_only,
                          check_deferred || (read_only && !is_writable (path)),
                          version, error))
    return NULL;

  if (version == LT_SCHEMA_VERSION)
    {
      g_autofree char *missing = NULL;

      if (!_lt_schema_check (self->db, &missing))
        {
          g_autofree char *display = g_filename_display_basename (path);

          /* Translators: %1$s is a file name, %2$s names what is missing, e.g. "table events" */
          g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_DAMAGED,
                       _("“%1$s” is damaged: part of the chronicle is missing (%2$s)"),
                       display, missing);
          return NULL;
        }
    }

  return g_steal_pointer (&self);
}

/**
 * lt_store_open:
 * @path: a file name, or ":memory:"
 * @error: return location for an error
 *
 * Opens a chronicle, creating it if needed (readable by its owner only) and
 * upgrading an older one. A file that is not a chronicle, is damaged (also:
 * misses a table) or comes from a newer Letapis is refused with an error
 * (%LT_STORE_ERROR_NOT_DATABASE, %LT_STORE_ERROR_DAMAGED,
 * %LT_STORE_ERROR_TOO_NEW) and never written to. A file that cannot be
 * written gives %LT_STORE_ERROR_READ_ONLY (open it with
 * %LT_STORE_OPEN_READ_ONLY to read it), one another program keeps locked
 * beyond the busy timeout %LT_STORE_ERROR_BUSY.
 *
 * Returns: (transfer full) (nullable): the store
 */
LtStore *
lt_store_open (const char  *path,
               GError     **error)
{
  return open_store (path, LT_STORE_OPEN_NONE, LT_SCHEMA_VERSION, error);
}

/**
 * lt_store_open_full:
 * @path: a file name, or ":memory:"
 * @flags: %LT_STORE_OPEN_QUICK_CHECK checks only pages, not indexes
 * @error: return location for an error
 *
 * Like [func@Store.open]. With %LT_STORE_OPEN_CHECK_LATER, a chronicle of the current
 * version opens at once for reading, without its page check: call
 * [method@Store.check_async], which checks it in a thread and lets the store write only
 * when it passes.
 *
 * Returns: (transfer full) (nullable): the store
 */
LtStore *
lt_store_open_full (const char        *path,
                    LtStoreOpenFlags   flags,
                    GError           **error)
{
  return open_store (path, flags, LT_SCHEMA_VERSION, error);
}

LtStore *
_lt_store_open_at_version (const char  *path,
                           int          version,
                           GError     **error)
{
  return open_store (path, LT_STORE_OPEN_NONE, version, error);
}

