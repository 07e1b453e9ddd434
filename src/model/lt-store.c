/* lt-store.c
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

#include "lt-event-list.h"
#include "lt-language.h"
#include "lt-model-private.h"
#include "lt-store.h"

/* Files up to this size get a full PRAGMA integrity_check when opened;
 * larger ones a quick_check, which skips the index/table cross-check but
 * still reads every page (a full check of a million-event file takes
 * seconds). */
#define FULL_CHECK_MAX_SIZE (64 * 1024 * 1024)

/* How many of the newest matching events lt_store_search() ranks. */
#define LT_SEARCH_EVENT_CANDIDATES 2000

typedef struct
{
  LtRecordKind kind;
  gint64       id;
  LtChange     change;
} PendingChange;

typedef struct
{
  gint64  event_id;
  gint64  position;
  char   *role;
} Participation;

typedef struct
{
  LtRecordKind  kind;
  LtChange      change;
  gint64        id;
  GObject      *before;       /* state before the change (NULL when added) */
  GObject      *after;        /* state after it (NULL when removed) */
  GPtrArray    *relations;    /* actor deletion: the relations that went with it */
  GArray       *participations; /* actor deletion: its event_actors rows */
  GPtrArray    *children;     /* an import: its entries, in the order applied */
  char         *label;
} UndoEntry;

struct _LtStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  const char *language;   /* interned */

  GHashTable *statements; /* SQL text -> sqlite3_stmt */
  GArray     *pending;    /* of PendingChange, emitted on commit */
  GPtrArray  *places;     /* cache for lt_store_get_places() */

  GPtrArray  *undo_stack; /* of UndoEntry */
  GPtrArray  *redo_stack;

  guint       in_transaction : 1;
  guint       read_only : 1;
  /* Imports: no per-record search rows or change signals; the search
   * index is rebuilt and one RELOADED change queued at the end. */
  guint       bulk : 1;
};

enum {
  PROP_0,
  PROP_PATH,
  PROP_LANGUAGE,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (LtStore, lt_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (lt-store-error-quark, lt_store_error)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean write_event      (LtStore *self, LtEvent *event, gboolean update, GError **error);
static gboolean write_actor      (LtStore *self, LtActor *actor, gboolean update, GError **error);
static gboolean write_source     (LtStore *self, LtSource *source, gboolean update, GError **error);
static gboolean write_relation   (LtStore *self, LtRelation *relation, gboolean update, GError **error);
static gboolean remove_record    (LtStore *self, LtRecordKind kind, gint64 id, GError **error);
static gboolean write_record     (LtStore *self, GObject *record, gboolean update, GError **error);

/* Statements and errors */

sqlite3 *
_lt_store_get_db (LtStore *self)
{
  g_assert (LT_IS_STORE (self));

  return self->db;
}

gboolean
_lt_store_set_sql_error (LtStore  *self,
                         GError  **error)
{
  int code = sqlite3_errcode (self->db);

  if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
    g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_DAMAGED,
                 _("The chronicle file is damaged: %s"), sqlite3_errmsg (self->db));
  else if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
    g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_BUSY,
                 _("The chronicle is in use by another program; close it there and try again"));
  else if (code == SQLITE_FULL || code == SQLITE_IOERR || code == SQLITE_READONLY ||
           code == SQLITE_CANTOPEN)
    g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_IO,
                 _("Could not write the chronicle file: %s"), sqlite3_errmsg (self->db));
  else
    g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_SQL,
                 _("Database error: %s"), sqlite3_errmsg (self->db));

  return FALSE;
}

/**
 * _lt_store_prepare:
 * @self: a store
 * @sql: SQL text; statements are cached by their text
 * @error: return location for an error
 *
 * Returns: (transfer none) (nullable): a reset statement with cleared bindings
 */
sqlite3_stmt *
_lt_store_prepare (LtStore     *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt;

  g_assert (LT_IS_STORE (self));
  g_assert (sql != NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      _lt_store_set_sql_error (self, error);
      g_critical ("Failed to prepare “%s”: %s", sql, sqlite3_errmsg (self->db));
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

static gboolean
exec_sql (LtStore     *self,
          const char  *sql,
          GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return _lt_store_set_sql_error (self, error);
  return TRUE;
}

/* Runs a prepared statement that returns no rows. */
static gboolean
step_done (LtStore       *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _lt_store_set_sql_error (self, error);
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

static void
bind_text0 (sqlite3_stmt *stmt,
            int           index,
            const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

static char *
dup_column_text (sqlite3_stmt *stmt,
                 int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* Transactions */

gboolean
_lt_store_begin (LtStore  *self,
                 GError  **error)
{
  g_assert (!self->in_transaction);

  if (!exec_sql (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  self->in_transaction = TRUE;
  g_array_set_size (self->pending, 0);
  return TRUE;
}

static void
emit_pending (LtStore *self)
{
  g_autoptr(GArray) pending = self->pending;

  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingChange));

  for (guint i = 0; i < pending->len; i++)
    {
      const PendingChange *c = &g_array_index (pending, PendingChange, i);

      g_signal_emit (self, signals[CHANGED], 0,
                     c->change == LT_CHANGE_RELOADED ? "*" : lt_record_kind_to_table (c->kind),
                     c->id, (int) c->change);
    }
}

gboolean
_lt_store_commit (LtStore  *self,
                  GError  **error)
{
  g_assert (self->in_transaction);

  if (!exec_sql (self, "COMMIT", error))
    {
      _lt_store_rollback (self);
      return FALSE;
    }

  self->in_transaction = FALSE;
  self->bulk = FALSE;
  emit_pending (self);
  return TRUE;
}

void
_lt_store_rollback (LtStore *self)
{
  g_assert (self->in_transaction);

  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  self->in_transaction = FALSE;
  self->bulk = FALSE;
  g_array_set_size (self->pending, 0);
  _lt_store_invalidate_places (self);
}

void
_lt_store_queue_change (LtStore      *self,
                        LtRecordKind  kind,
                        gint64        id,
                        LtChange      change)
{
  PendingChange c = { kind, id, change };

  if (self->bulk && change != LT_CHANGE_RELOADED)
    return;

  /* A record added and changed again in one transaction is still "added". */
  for (guint i = 0; i < self->pending->len; i++)
    {
      PendingChange *p = &g_array_index (self->pending, PendingChange, i);

      if (p->kind == kind && p->id == id && change == LT_CHANGE_UPDATED &&
          (p->change == LT_CHANGE_ADDED || p->change == LT_CHANGE_UPDATED))
        return;
    }

  g_array_append_val (self->pending, c);
}

/* Undo entries */

static void
participation_clear (gpointer data)
{
  Participation *p = data;

  g_free (p->role);
}

static void
undo_entry_free (gpointer data)
{
  UndoEntry *entry = data;

  g_clear_object (&entry->before);
  g_clear_object (&entry->after);
  g_clear_pointer (&entry->relations, g_ptr_array_unref);
  g_clear_pointer (&entry->participations, g_array_unref);
  g_clear_pointer (&entry->children, g_ptr_array_unref);
  g_free (entry->label);
  g_free (entry);
}

/* GObject */

static void
lt_store_finalize (GObject *object)
{
  LtStore *self = (LtStore *)object;

  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->places, g_ptr_array_unref);
  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (lt_store_parent_class)->finalize (object);
}

static void
lt_store_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  LtStore *self = LT_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, lt_store_get_path (self));
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, lt_store_get_language (self));
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, lt_store_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, lt_store_get_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lt_store_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  LtStore *self = LT_STORE (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      lt_store_set_language (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lt_store_class_init (LtStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lt_store_finalize;
  object_class->get_property = lt_store_get_property;
  object_class->set_property = lt_store_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, "en",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LtStore::changed:
   * @self: the store
   * @table: "events", "actors", "sources", "relations", or "*" with %LT_CHANGE_RELOADED
   * @id: the record's row id (0 with %LT_CHANGE_RELOADED)
   * @change: an #LtChange
   *
   * Emitted after a write is committed, once per record it touched.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_INT64, G_TYPE_INT);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
lt_store_init (LtStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingChange));
  self->undo_stack = g_ptr_array_new_with_free_func (undo_entry_free);
  self->redo_stack = g_ptr_array_new_with_free_func (undo_entry_free);
  self->language = g_intern_static_string (lt_get_ui_language ());
}

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

static gboolean
query_int (sqlite3    *db,
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
static int
open_reader (const char  *path,
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
static void
set_open_error (GError     **error,
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
                     GError           **error)
{
  g_autofree char *display = g_filename_display_basename (path);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 app_id = 0;
  gint64 version = 0;
  gint64 n_tables = 0;
  GStatBuf st;
  const char *check_sql;
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

  rc = open_reader (path, &db);
  if (rc != SQLITE_OK)
    {
      set_open_error (error, path, rc, sqlite3_errstr (rc));
      goto out;
    }

  if (!query_int (db, "PRAGMA application_id", &app_id) ||
      !query_int (db, "PRAGMA user_version", &version) ||
      !query_int (db, "SELECT count(*) FROM sqlite_schema", &n_tables))
    {
      rc = sqlite3_errcode (db);
      if (rc == SQLITE_NOTADB || rc == SQLITE_BUSY || rc == SQLITE_LOCKED ||
          rc == SQLITE_CANTOPEN || rc == SQLITE_READONLY)
        set_open_error (error, path, rc, sqlite3_errmsg (db));
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

  if ((flags & LT_STORE_OPEN_QUICK_CHECK) != 0 || st.st_size > FULL_CHECK_MAX_SIZE)
    check_sql = "PRAGMA quick_check(1)";
  else
    check_sql = "PRAGMA integrity_check(1)";

  if (sqlite3_prepare_v2 (db, check_sql, -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    {
      rc = sqlite3_errcode (db);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        set_open_error (error, path, rc, sqlite3_errmsg (db));
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

static LtStore *
open_store (const char        *path,
            LtStoreOpenFlags   flags,
            int                version,
            GError           **error)
{
  g_autoptr(LtStore) self = NULL;
  gboolean memory;
  gboolean read_only;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  memory = g_str_equal (path, ":memory:");
  read_only = !memory && (flags & LT_STORE_OPEN_READ_ONLY) != 0;

  if (!memory && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!check_existing_file (path, flags, error))
        return NULL;
      if (!read_only && !is_writable (path))
        {
          set_open_error (error, path, SQLITE_READONLY, NULL);
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
  self->read_only = read_only;

  /* Read-only work on a file that could be written still uses a read-write
   * connection with query_only set: it takes part in locking like any
   * other, and the last connection to close removes the -wal and -shm
   * files. A file that cannot be written gets a plain reader. */
  if (read_only && !is_writable (path))
    rc = open_reader (path, &self->db);
  else
    rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      set_open_error (error, path, rc,
                      self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, FALSE);
  sqlite3_busy_timeout (self->db, 5000);
  _lt_schema_register_functions (self->db);

  if (read_only)
    {
      if (sqlite3_exec (self->db,
                        "PRAGMA query_only = ON;"
                        "PRAGMA temp_store = MEMORY;"
                        "PRAGMA cache_size = -32768;",
                        NULL, NULL, NULL) != SQLITE_OK)
        {
          set_open_error (error, path, sqlite3_errcode (self->db), sqlite3_errmsg (self->db));
          return NULL;
        }
    }
  else
    {
      if (sqlite3_exec (self->db,
                        "PRAGMA foreign_keys = ON;"
                        "PRAGMA journal_mode = WAL;"
                        "PRAGMA synchronous = NORMAL;"
                        "PRAGMA temp_store = MEMORY;"
                        "PRAGMA cache_size = -32768;",
                        NULL, NULL, NULL) != SQLITE_OK)
        {
          set_open_error (error, path, sqlite3_errcode (self->db), sqlite3_errmsg (self->db));
          return NULL;
        }

      if (!_lt_schema_migrate (self->db, version, error))
        return NULL;
    }

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
 * Like [func@Store.open].
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

const char *
lt_store_get_path (LtStore *self)
{
  g_return_val_if_fail (LT_IS_STORE (self), NULL);

  return self->path;
}

/**
 * lt_store_is_read_only:
 * @self: a store
 *
 * Returns: %TRUE if the store was opened with %LT_STORE_OPEN_READ_ONLY;
 *   other connections to its file (workers) must be opened the same way
 */
gboolean
lt_store_is_read_only (LtStore *self)
{
  g_return_val_if_fail (LT_IS_STORE (self), FALSE);

  return self->read_only;
}

/**
 * lt_store_checkpoint:
 * @self: a store
 * @error: return location for an error
 *
 * Moves everything in the write-ahead log into the database file and
 * empties the log, so that the database file alone holds the chronicle,
 * for instance before it is moved or copied. Closing the store does the
 * same but cannot say that it failed (on a full disk, say).
 *
 * Returns: %TRUE if the database file is complete
 */
gboolean
lt_store_checkpoint (LtStore  *self,
                     GError  **error)
{
  int n_log = -1;
  int n_done = -1;
  int rc;

  g_return_val_if_fail (LT_IS_STORE (self), FALSE);

  if (self->read_only)
    return TRUE;

  rc = sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, &n_log, &n_done);
  if (rc != SQLITE_OK)
    return _lt_store_set_sql_error (self, error);

  /* Someone else still reading an older snapshot keeps frames in the log. */
  if (n_log > 0 && n_done < n_log)
    {
      g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_BUSY,
                   _("The chronicle is in use by another program; close it there and try again"));
      return FALSE;
    }

  return TRUE;
}

/**
 * lt_store_get_schema_version:
 * @self: a store
 *
 * Returns: the database's PRAGMA user_version
 */
int
lt_store_get_schema_version (LtStore *self)
{
  gint64 version = -1;

  g_return_val_if_fail (LT_IS_STORE (self), -1);

  query_int (self->db, "PRAGMA user_version", &version);
  return (int) version;
}

/**
 * lt_store_set_language:
 * @self: a store
 * @lang: (nullable): "en", "uk" or "be"; %NULL picks from the locale
 *
 * Sets the language records loaded from now on show their text in. Lists
 * reload their items.
 */
void
lt_store_set_language (LtStore    *self,
                       const char *lang)
{
  const char *interned;

  g_return_if_fail (LT_IS_STORE (self));

  interned = g_intern_string (lang != NULL && *lang != '\0' ? lang : lt_get_ui_language ());
  if (interned == self->language)
    return;

  self->language = interned;
  g_clear_pointer (&self->places, g_ptr_array_unref);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
  g_signal_emit (self, signals[CHANGED], 0, "*", (gint64) 0, (int) LT_CHANGE_RELOADED);
}

const char *
lt_store_get_language (LtStore *self)
{
  g_return_val_if_fail (LT_IS_STORE (self), NULL);

  return self->language;
}

/**
 * lt_store_is_empty:
 * @self: a store
 *
 * Returns: %TRUE if the store holds no events, actors or sources
 */
gboolean
lt_store_is_empty (LtStore *self)
{
  gint64 n = 0;

  g_return_val_if_fail (LT_IS_STORE (self), TRUE);

  query_int (self->db,
             "SELECT EXISTS (SELECT 1 FROM events) OR EXISTS (SELECT 1 FROM actors)"
             " OR EXISTS (SELECT 1 FROM sources)",
             &n);
  return n == 0;
}

/* Loading records */

void
_lt_store_load_i18n (LtStore      *self,
                     LtRecordKind  kind,
                     gint64        id,
                     LtI18n       *i18n)
{
  sqlite3_stmt *stmt;

  stmt = _lt_store_prepare (self,
                            "SELECT lang, field, text FROM translations"
                            " WHERE kind = ?1 AND record_id = ?2",
                            NULL);
  if (stmt == NULL)
    return;

  sqlite3_bind_int (stmt, 1, kind);
  sqlite3_bind_int64 (stmt, 2, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    _lt_i18n_set (i18n,
                  (const char *) sqlite3_column_text (stmt, 0),
                  (const char *) sqlite3_column_text (stmt, 1),
                  (const char *) sqlite3_column_text (stmt, 2));
  sqlite3_reset (stmt);
}

/* Builds an event from a row of LT_EVENT_COLUMNS. */
LtEvent *
_lt_store_event_from_row (LtStore      *self,
                          sqlite3_stmt *stmt)
{
  LtEvent *event = g_object_new (LT_TYPE_EVENT, NULL);

  _lt_record_set_store (G_OBJECT (event), &event->store, self);
  event->lang = self->language;
  event->id = sqlite3_column_int64 (stmt, 0);
  event->slug = dup_column_text (stmt, 1);
  event->title = dup_column_text (stmt, 2);
  event->summary = dup_column_text (stmt, 3);
  event->place = dup_column_text (stmt, 4);
  event->category = dup_column_text (stmt, 5);
  if (!lt_date_range_parse ((const char *) sqlite3_column_text (stmt, 6), &event->range, NULL))
    lt_date_init_ymd (&event->range.start, 1970, 0, 0);
  event->start_day = (gint32) lt_date_range_first_day (&event->range);
  event->end_day = (gint32) lt_date_range_last_day (&event->range);
  event->restricted = sqlite3_column_int (stmt, 7) != 0;

  return event;
}

/**
 * lt_store_lookup_event:
 * @self: a store
 * @id: a row id
 *
 * Returns: (transfer full) (nullable): the event, %NULL if there is none
 */
LtEvent *
lt_store_lookup_event (LtStore *self,
                       gint64   id)
{
  sqlite3_stmt *stmt;
  LtEvent *event = NULL;

  g_return_val_if_fail (LT_IS_STORE (self), NULL);

  stmt = _lt_store_prepare (self, "SELECT " LT_EVENT_COLUMNS " FROM events e WHERE e.id = ?1", NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    event = _lt_store_event_from_row (self, stmt);
  sqlite3_reset (stmt);

  if (event != NULL)
    {
      _lt_store_load_i18n (self, LT_RECORD_EVENT, id, &event->i18n);
      event->i18n_complete = TRUE;
    }

  return event;
}

static GPtrArray *
load_citations (LtStore    *self,
                const char *owner_column,
                gint64      owner_id)
{
  GPtrArray *citations = g_ptr_array_new_with_free_func ((GDestroyNotify) lt_citation_free);
  sqlite3_stmt *stmt;
  g_autofree char *sql = NULL;

  sql = g_strdup_printf ("SELECT c.source_id, c.locator, c.note, s.date,"
                         "  coalesce ((SELECT text FROM translations"
                         "    WHERE kind = 2 AND record_id = s.id AND lang = ?2 AND field = 'publisher'),"
                         "   s.publisher),"
                         "  coalesce ((SELECT text FROM translations"
                         "    WHERE kind = 2 AND record_id = s.id AND lang = ?2 AND field = 'title'),"
                         "   s.title),"
                         "  c.i18n,"
                         "  coalesce (CASE WHEN json_valid (c.i18n)"
                         "    THEN json_extract (c.i18n, '$.' || ?2 || '.note') END, c.note)"
                         " FROM citations c JOIN sources s ON s.id = c.source_id"
                         " WHERE c.%s = ?1 ORDER BY c.position",
                         owner_column);
  stmt = _lt_store_prepare (self, sql, NULL);
  if (stmt == NULL)
    return citations;

  sqlite3_bind_int64 (stmt, 1, owner_id);
  sqlite3_bind_text (stmt, 2, self->language, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      LtCitation *c = lt_citation_new (sqlite3_column_int64 (stmt, 0),
                                       (const char *) sqlite3_column_text (stmt, 1),
                                       (const char *) sqlite3_column_text (stmt, 2));

      c->source_date = dup_column_text (stmt, 3);
      c->publisher = dup_column_text (stmt, 4);
      c->source_title = dup_column_text (stmt, 5);
      c->i18n = dup_column_text (stmt, 6);
      c->display_note = dup_column_text (stmt, 7);
      g_ptr_array_add (citations, c);
    }
  sqlite3_reset (stmt);

  return citations;
}

void
_lt_store_load_event_details (LtStore *self,
                              LtEvent *event)
{
  sqlite3_stmt *stmt;

  g_clear_pointer (&event->participants, g_ptr_array_unref);
  g_clear_pointer (&event->figures, g_ptr_array_unref);
  g_clear_pointer (&event->citations, g_ptr_array_unref);

  event->participants = g_ptr_array_new_with_free_func ((GDestroyNotify) lt_participant_free);
  stmt = _lt_store_prepare (self,
                            "SELECT ea.actor_id, ea.role,"
                            "  coalesce ((SELECT text FROM translations"
                            "    WHERE kind = 1 AND record_id = a.id AND lang = ?2 AND field = 'name'),"
                            "   a.name)"
                            " FROM event_actors ea JOIN actors a ON a.id = ea.actor_id"
                            " WHERE ea.event_id = ?1 ORDER BY ea.position",
                            NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, event->id);
      sqlite3_bind_text (stmt, 2, self->language, -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          LtParticipant *p = lt_participant_new (sqlite3_column_int64 (stmt, 0),
                                                 (const char *) sqlite3_column_text (stmt, 1));

          p->actor_name = dup_column_text (stmt, 2);
          g_ptr_array_add (event->participants, p);
        }
      sqlite3_reset (stmt);
    }

  event->figures = g_ptr_array_new_with_free_func ((GDestroyNotify) lt_figure_free);
  stmt = _lt_store_prepare (self,
                            "SELECT value, counts, qualifier FROM figures"
                            " WHERE event_id = ?1 ORDER BY position",
                            NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, event->id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (event->figures,
                         lt_figure_new (sqlite3_column_double (stmt, 0),
                                        (const char *) sqlite3_column_text (stmt, 1),
                                        (const char *) sqlite3_column_text (stmt, 2)));
      sqlite3_reset (stmt);
    }

  event->citations = load_citations (self, "event_id", event->id);
  event->details_loaded = TRUE;
}

#define ACTOR_COLUMNS "a.id, a.slug, a.name, a.kind, a.country, a.description, a.restricted"

static LtActor *
actor_from_row (LtStore      *self,
                sqlite3_stmt *stmt)
{
  LtActor *actor = g_object_new (LT_TYPE_ACTOR, NULL);

  _lt_record_set_store (G_OBJECT (actor), &actor->store, self);
  actor->lang = self->language;
  actor->id = sqlite3_column_int64 (stmt, 0);
  actor->slug = dup_column_text (stmt, 1);
  actor->name = dup_column_text (stmt, 2);
  actor->kind = dup_column_text (stmt, 3);
  actor->country = dup_column_text (stmt, 4);
  actor->description = dup_column_text (stmt, 5);
  actor->restricted = sqlite3_column_int (stmt, 6) != 0;

  return actor;
}

static void
load_actor_extras (LtStore *self,
                   LtActor *actor)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;

  stmt = _lt_store_prepare (self,
                            "SELECT alias FROM actor_aliases WHERE actor_id = ?1 ORDER BY position",
                            NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, actor->id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }

  g_strfreev (actor->aliases);
  actor->aliases = g_strv_builder_end (builder);
  if (actor->aliases[0] == NULL)
    g_clear_pointer (&actor->aliases, g_strfreev);

  _lt_store_load_i18n (self, LT_RECORD_ACTOR, actor->id, &actor->i18n);
  actor->i18n_complete = TRUE;
}

/**
 * lt_store_lookup_actor:
 * @self: a store
 * @id: a row id
 *
 * Returns: (transfer full) (nullable): the actor, %NULL if there is none
 */
LtActor *
lt_store_lookup_actor (LtStore *self,
                       gint64   id)
{
  sqlite3_stmt *stmt;
  LtActor *actor = NULL;

  g_return_val_if_fail (LT_IS_STORE (self), NULL);

  stmt = _lt_store_prepare (self, "SELECT " ACTOR_COLUMNS " FROM actors a WHERE a.id = ?1", NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    actor = actor_from_row (self, stmt);
  sqlite3_reset (stmt);

  if (actor != NULL)
    load_actor_extras (self, actor);

  return actor;
}

#define SOURCE_COLUMNS \
  "s.id, s.slug, s.title, s.publisher, s.author, s.date, s.url, s.language, s.file," \
  " s.note, s.full_text, s.restricted"

static LtSource *
source_from_row (LtStore      *self,
                 sqlite3_stmt *stmt)
{
  LtSource *source = g_object_new (LT_TYPE_SOURCE, NULL);

  _lt_record_set_store (G_OBJECT (source), &source->store, self);
  source->lang = self->language;
  source->id = sqlite3_column_int64 (stmt, 0);
  source->slug = dup_column_text (stmt, 1);
  source->title = dup_column_text (stmt, 2);
  source->publisher = dup_column_text (stmt, 3);
  source->author = dup_column_text (stmt, 4);
  source->date = dup_column_text (stmt, 5);
  source->url = dup_column_text (stmt, 6);
  source->language = dup_column_text (stmt, 7);
  source->file = dup_column_text (stmt, 8);
  source->note = dup_column_text (stmt, 9);
  source->full_text = dup_column_text (stmt, 10);
  source->restricted = sqlite3_column_int (stmt, 11) != 0;

  _lt_store_load_i18n (self, LT_RECORD_SOURCE, source->id, &source->i18n);
  source->i18n_complete = TRUE;

  return source;
}

/**
 * lt_store_lookup_source:
 * @self: a store
 * @id: a row id
 *
 * Returns: (transfer full) (nullable): the source, %NULL if there is none
 */
LtSource *
lt_store_lookup_source (LtStore *self,
                        gint64   id)
{
  sqlite3_stmt *stmt;
  LtSource *source = NULL;
  gboolean found;

  g_return_val_if_fail (LT_IS_STORE (self), NULL);

  stmt = _lt_store_prepare (self, "SELECT " SOURCE_COLUMNS " FROM sources s WHERE s.id = ?1", NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  if (found)
    source = source_from_row (self, stmt);
  sqlite3_reset (stmt);

  return source;
}

#define RELATION_COLUMNS \
  "r.id, r.slug, r.from_id, r.to_id, r.type, r.date, r.note, r.restricted," \
  " coalesce ((SELECT text FROM translations" \
  "   WHERE kind = 1 AND record_id = r.from_id AND lang = ?9 AND field = 'name')," \
  "  (SELECT name FROM actors WHERE id = r.from_id))," \
  " coalesce ((SELECT text FROM translations" \
  "   WHERE kind = 1 AND record_id = r.to_id AND lang = ?9 AND field = 'name')," \
  "  (SELECT name FROM actors WHERE id = r.to_id))"

static LtRelation *
relation_from_row (LtStore      *self,
                   sqlite3_stmt *stmt)
{
  LtRelation *relation = g_object_new (LT_TYPE_RELATION, NULL);
  const char *date;

  _lt_record_set_store (G_OBJECT (relation), &relation->store, self);
  relation->lang = self->language;
  relation->id = sqlite3_column_int64 (stmt, 0);
  relation->slug = dup_column_text (stmt, 1);
  relation->from_id = sqlite3_column_int64 (stmt, 2);
  relation->to_id = sqlite3_column_int64 (stmt, 3);
  relation->relation_type = dup_column_text (stmt, 4);
  date = (const char *) sqlite3_column_text (stmt, 5);
  relation->has_range = date != NULL && lt_date_range_parse (date, &relation->range, NULL);
  relation->note = dup_column_text (stmt, 6);
  relation->restricted = sqlite3_column_int (stmt, 7) != 0;
  relation->from_name = dup_column_text (stmt, 8);
  relation->to_name = dup_column_text (stmt, 9);

  return relation;
}

void
_lt_store_load_relation_details (LtStore    *self,
                                 LtRelation *relation)
{
  g_clear_pointer (&relation->citations, g_ptr_array_unref);
  relation->citations = load_citations (self, "relation_id", relation->id);
  relation->details_loaded = TRUE;
}

/**
 * lt_store_lookup_relation:
 * @self: a store
 * @id: a row id
 *
 * Returns: (transfer full) (nullable): the relation, %NULL if there is none
 */
LtRelation *
lt_store_lookup_relation (LtStore *self,
                          gint64   id)
{
  sqlite3_stmt *stmt;
  LtRelation *relation = NULL;

  g_return_val_if_fail (LT_IS_STORE (self), NULL);

  stmt = _lt_store_prepare (self,
                            "SELECT " RELATION_COLUMNS " FROM relations r WHERE r.id = ?1",
                            NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 9, self->language, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    relation = relation_from_row (self, stmt);
  sqlite3_reset (stmt);

  if (relation != NULL)
    {
      _lt_store_load_i18n (self, LT_RECORD_RELATION, id, &relation->i18n);
      relation->i18n_complete = TRUE;
    }

  return relation;
}

/* Used by the list models: all records of a kind. */
GPtrArray *
_lt_store_load_actors (LtStore    *self,
                       const char *kind)
{
  GPtrArray *actors = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;

  stmt = _lt_store_prepare (self,
                            "SELECT " ACTOR_COLUMNS " FROM actors a"
                            " WHERE ?1 IS NULL OR a.kind = ?1",
                            NULL);
  if (stmt == NULL)
    return actors;

  bind_text0 (stmt, 1, kind);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (actors, actor_from_row (self, stmt));
  sqlite3_reset (stmt);

  for (guint i = 0; i < actors->len; i++)
    load_actor_extras (self, g_ptr_array_index (actors, i));

  return actors;
}

GPtrArray *
_lt_store_load_relations (LtStore *self,
                          gint64   actor_id)
{
  GPtrArray *relations = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;

  stmt = _lt_store_prepare (self,
                            "SELECT " RELATION_COLUMNS " FROM relations r"
                            " WHERE ?1 = 0 OR r.from_id = ?1 OR r.to_id = ?1 ORDER BY r.id",
                            NULL);
  if (stmt == NULL)
    return relations;

  sqlite3_bind_int64 (stmt, 1, actor_id);
  sqlite3_bind_text (stmt, 9, self->language, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (relations, relation_from_row (self, stmt));
  sqlite3_reset (stmt);

  return relations;
}

GPtrArray *
_lt_store_load_sources (LtStore *self)
{
  GPtrArray *sources = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  stmt = _lt_store_prepare (self, "SELECT id FROM sources", NULL);
  if (stmt == NULL)
    return sources;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < ids->len; i++)
    {
      LtSource *source = lt_store_lookup_source (self, g_array_index (ids, gint64, i));

      if (source != NULL)
        g_ptr_array_add (sources, source);
    }

  return sources;
}

static gint64
find_by_slug (LtStore    *self,
              const char *sql,
              const char *slug)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  if (slug == NULL || (stmt = _lt_store_prepare (self, sql, NULL)) == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, slug, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return id;
}

/**
 * lt_store_find_actor:
 * @self: a store
 * @name_or_alias_or_slug: a slug ("viasna"), a name or alias in any script
 *
 * Looks for an exact slug, name, translated name or alias first, then for
 * the best search match on names and aliases (folded, so "Лукашенко" finds
 * the actor listed as "Alexander Lukashenko").
 *
 * Returns: the actor's row id, 0 if none
 */
gint64
lt_store_find_actor (LtStore    *self,
                     const char *name_or_alias_or_slug)
{
  g_autofree char *folded = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (LT_IS_STORE (self), 0);

  if (name_or_alias_or_slug == NULL || *name_or_alias_or_slug == '\0')
    return 0;

  id = find_by_slug (self,
                     "SELECT id FROM actors WHERE slug = ?1"
                     " UNION ALL SELECT id FROM actors WHERE name = ?1 COLLATE NOCASE"
                     " UNION ALL SELECT actor_id FROM actor_aliases WHERE alias = ?1 COLLATE NOCASE"
                     " UNION ALL SELECT record_id FROM translations"
                     "   WHERE kind = 1 AND field = 'name' AND text = ?1"
                     " LIMIT 1",
                     name_or_alias_or_slug);
  if (id != 0)
    return id;

  /* The whole folded name as a phrase in the name column of an actor. */
  folded = _lt_fold (name_or_alias_or_slug);
  if (*folded == '\0')
    return 0;

  stmt = _lt_store_prepare (self,
                            "SELECT rowid FROM search_records"
                            " WHERE search_records MATCH ?1 AND (rowid & 3) = 1"
                            " ORDER BY rank LIMIT 1",
                            NULL);
  if (stmt == NULL)
    return 0;

  {
    g_autofree char *query = g_strdup_printf ("name : \"%s\"", folded);

    sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
    if (sqlite3_step (stmt) == SQLITE_ROW)
      id = sqlite3_column_int64 (stmt, 0) >> 2;
    sqlite3_reset (stmt);
  }

  return id;
}

gint64
lt_store_find_event (LtStore    *self,
                     const char *slug)
{
  g_return_val_if_fail (LT_IS_STORE (self), 0);

  return find_by_slug (self, "SELECT id FROM events WHERE slug = ?1", slug);
}

gint64
lt_store_find_source (LtStore    *self,
                      const char *slug)
{
  g_return_val_if_fail (LT_IS_STORE (self), 0);

  return find_by_slug (self, "SELECT id FROM sources WHERE slug = ?1", slug);
}

gint64
lt_store_find_relation (LtStore    *self,
                        const char *slug)
{
  g_return_val_if_fail (LT_IS_STORE (self), 0);

  return find_by_slug (self, "SELECT id FROM relations WHERE slug = ?1", slug);
}

/* Lists */

/**
 * lt_store_list_events:
 * @self: a store
 * @filter: (nullable): which events; %NULL for all public events
 *
 * Returns: (transfer full): a [class@EventList] of [class@Event]
 */
GListModel *
lt_store_list_events (LtStore             *self,
                      const LtEventFilter *filter)
{
  g_return_val_if_fail (LT_IS_STORE (self), NULL);

  return g_object_new (LT_TYPE_EVENT_LIST,
                       "store", self,
                       "filter", filter,
                       NULL);
}

/**
 * lt_store_list_events_of_actor:
 * @self: a store
 * @actor_id: an actor
 *
 * Returns: (transfer full): the events @actor_id takes part in, restricted ones included
 */
GListModel *
lt_store_list_events_of_actor (LtStore *self,
                               gint64   actor_id)
{
  g_autoptr(LtEventFilter) filter = lt_event_filter_new ();

  g_return_val_if_fail (LT_IS_STORE (self), NULL);

  lt_event_filter_set_actor (filter, actor_id);
  lt_event_filter_set_include_restricted (filter, TRUE);
  return lt_store_list_events (self, filter);
}

/**
 * lt_store_list_actors:
 * @self: a store
 * @kind: (nullable): an actor kind key, %NULL for all
 *
 * Returns: (transfer full): a [class@ActorList]
 */
GListModel *
lt_store_list_actors (LtStore    *self,
                      const char *kind)
{
  g_return_val_if_fail (LT_IS_STORE (self), NULL);

  return g_object_new (LT_TYPE_ACTOR_LIST, "store", self, "kind", kind, NULL);
}

/**
 * lt_store_list_relations:
 * @self: a store
 * @actor_id: an actor, 0 for all relations
 *
 * Returns: (transfer full): a [class@RelationList]
 */
GListModel *
lt_store_list_relations (LtStore *self,
                         gint64   actor_id)
{
  g_return_val_if_fail (LT_IS_STORE (self), NULL);

  return g_object_new (LT_TYPE_RELATION_LIST, "store", self, "actor-id", actor_id, NULL);
}

/**
 * lt_store_list_sources:
 * @self: a store
 *
 * Returns: (transfer full): a [class@SourceList]
 */
GListModel *
lt_store_list_sources (LtStore *self)
{
  g_return_val_if_fail (LT_IS_STORE (self), NULL);

  return g_object_new (LT_TYPE_SOURCE_LIST, "store", self, NULL);
}

/* Search */

#define SEARCH_INDEX_SQL(where_event, where_actor, where_source, where_relation) \
  { \
    "INSERT INTO search (rowid, name, body)" \
    " SELECT e.id * 4," \
    "  lt_fold (e.title, (SELECT group_concat (text, ' ') FROM translations t" \
    "    WHERE t.kind = 0 AND t.record_id = e.id AND t.field = 'title'))," \
    "  lt_fold (e.summary, e.place, (SELECT group_concat (text, ' ') FROM translations t" \
    "    WHERE t.kind = 0 AND t.record_id = e.id AND t.field <> 'title'))" \
    " FROM events e" where_event, \
    "INSERT INTO search_records (rowid, name, body)" \
    " SELECT a.id * 4 + 1," \
    "  lt_fold (a.name," \
    "   (SELECT group_concat (alias, ' ') FROM actor_aliases WHERE actor_id = a.id)," \
    "   (SELECT group_concat (text, ' ') FROM translations t" \
    "    WHERE t.kind = 1 AND t.record_id = a.id AND t.field = 'name'))," \
    "  lt_fold (a.description, (SELECT group_concat (text, ' ') FROM translations t" \
    "    WHERE t.kind = 1 AND t.record_id = a.id AND t.field <> 'name'))" \
    " FROM actors a" where_actor, \
    "INSERT INTO search_records (rowid, name, body)" \
    " SELECT s.id * 4 + 2," \
    "  lt_fold (s.title, (SELECT group_concat (text, ' ') FROM translations t" \
    "    WHERE t.kind = 2 AND t.record_id = s.id AND t.field = 'title'))," \
    "  lt_fold (s.publisher, s.author, s.note, s.full_text," \
    "   (SELECT group_concat (text, ' ') FROM translations t" \
    "    WHERE t.kind = 2 AND t.record_id = s.id AND t.field <> 'title'))" \
    " FROM sources s" where_source, \
    "INSERT INTO search_records (rowid, name, body)" \
    " SELECT r.id * 4 + 3, ''," \
    "  lt_fold (r.note, (SELECT group_concat (text, ' ') FROM translations t" \
    "    WHERE t.kind = 3 AND t.record_id = r.id))" \
    " FROM relations r" where_relation, \
  }

static const char * const index_one_sql[] =
  SEARCH_INDEX_SQL (" WHERE e.id = ?1", " WHERE a.id = ?1", " WHERE s.id = ?1", " WHERE r.id = ?1");
static const char * const index_all_sql[] =
  SEARCH_INDEX_SQL ("", "", "", "");

static const char *
delete_search_sql (LtRecordKind kind)
{
  return kind == LT_RECORD_EVENT
    ? "DELETE FROM search WHERE rowid = ?1"
    : "DELETE FROM search_records WHERE rowid = ?1";
}

/**
 * _lt_store_reindex:
 * @self: a store, in a transaction
 * @kind: the record kind
 * @id: its row id
 * @error: return location for an error
 *
 * Replaces the search row of one record (removes it if the record is gone).
 */
gboolean
_lt_store_reindex (LtStore       *self,
                   LtRecordKind   kind,
                   gint64         id,
                   GError       **error)
{
  sqlite3_stmt *stmt;

  if (self->bulk)
    return TRUE;

  if (!(stmt = _lt_store_prepare (self, delete_search_sql (kind), error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id * 4 + kind);
  if (!step_done (self, stmt, error))
    return FALSE;

  if (!(stmt = _lt_store_prepare (self, index_one_sql[kind], error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return step_done (self, stmt, error);
}

/**
 * _lt_store_rebuild_search:
 * @self: a store, in a transaction
 * @error: return location for an error
 *
 * Rebuilds the whole search index in one pass (after imports).
 */
gboolean
_lt_store_rebuild_search (LtStore  *self,
                          GError  **error)
{
  if (!exec_sql (self, "DELETE FROM search; DELETE FROM search_records;", error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (index_all_sql); i++)
    if (!exec_sql (self, index_all_sql[i], error))
      return FALSE;

  return TRUE;
}

static int
compare_hits (gconstpointer a,
              gconstpointer b)
{
  const LtSearchHit *x = a, *y = b;

  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;
  if (x->kind != y->kind)
    return x->kind > y->kind ? -1 : 1;  /* records before events at equal rank */
  return x->id < y->id ? -1 : x->id > y->id;
}

static gboolean
collect_hits (LtStore     *self,
              const char  *sql,
              const char  *fts,
              guint        limit,
              GArray      *hits,
              GError     **error)
{
  sqlite3_stmt *stmt = _lt_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, fts, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, (int) limit);
  sqlite3_bind_int (stmt, 3, LT_SEARCH_EVENT_CANDIDATES);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);
      LtSearchHit hit = { (LtRecordKind) (rowid & 3), rowid >> 2, sqlite3_column_double (stmt, 1) };

      g_array_append_val (hits, hit);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return _lt_store_set_sql_error (self, error);

  return TRUE;
}

/**
 * lt_store_search:
 * @self: a store
 * @query: words as a person types them, in any script
 * @limit: at most this many hits (0 = 100)
 * @error: return location for an error
 *
 * Full-text search over titles, summaries, names, aliases, descriptions,
 * notes, translations and source texts. Case, diacritics and script are
 * folded ("Лукашенко" finds "Lukashenko"); each word matches as a prefix.
 * Names and titles weigh more than other text (bm25).
 *
 * Actors, sources and relations are ranked in full. Events are ranked among
 * the 2,000 most recently added that match: a word found in tens of thousands of events
 * (a town, a common word) would otherwise cost a bm25 score for each of
 * them; use an event filter with text to list all matching events.
 *
 * Returns: (transfer full) (element-type LtSearchHit): hits, best first
 */
GArray *
lt_store_search (LtStore     *self,
                 const char  *query,
                 guint        limit,
                 GError     **error)
{
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (LtSearchHit));
  g_autofree char *fts = NULL;

  g_return_val_if_fail (LT_IS_STORE (self), NULL);

  if (limit == 0)
    limit = 100;
  limit = MIN (limit, G_MAXINT / 2);

  fts = _lt_fold_query (query);
  if (fts == NULL)
    return g_steal_pointer (&hits);

  if (!collect_hits (self,
                     "SELECT rowid, bm25 (search_records, 10.0, 1.0) AS score FROM search_records"
                     " WHERE search_records MATCH ?1 AND ?3 > 0 ORDER BY score LIMIT ?2",
                     fts, limit, hits, error) ||
      !collect_hits (self,
                     "SELECT rowid, score FROM"
                     " (SELECT rowid, bm25 (search, 10.0, 1.0) AS score FROM search"
                     "  WHERE search MATCH ?1 ORDER BY rowid DESC LIMIT ?3)"
                     " ORDER BY score LIMIT ?2",
                     fts, limit, hits, error))
    return NULL;

  g_array_sort (hits, compare_hits);
  if (hits->len > limit)
    g_array_set_size (hits, limit);

  return g_steal_pointer (&hits);
}

/* Compact indexes */

typedef void (*FillFunc) (sqlite3_stmt *stmt,
                          gpointer      element);

/* Elements of all compact arrays begin with an (id, start_day) pair
 * or are compared through these offsets. */
static int
compare_day_then_id (const void *a,
                     const void *b,
                     gsize       id_offset,
                     gsize       day_offset)
{
  gint32 da = *(const gint32 *) ((const char *) a + day_offset);
  gint32 db = *(const gint32 *) ((const char *) b + day_offset);
  gint64 ia, ib;

  if (da != db)
    return da < db ? -1 : 1;

  ia = *(const gint64 *) ((const char *) a + id_offset);
  ib = *(const gint64 *) ((const char *) b + id_offset);
  return ia < ib ? -1 : ia > ib;
}

typedef struct
{
  gsize id_offset;
  gsize day_offset;
} SortOffsets;

static int
compare_day_then_id_cb (gconstpointer a,
                        gconstpointer b,
                        gpointer      data)
{
  const SortOffsets *o = data;

  return compare_day_then_id (a, b, o->id_offset, o->day_offset);
}

/* Rows arrive sorted by day (index order); order the rows of each day by
 * id. A day holds hundreds of rows at a million events, so each run is
 * sorted on its own rather than by insertion. */
static void
sort_day_runs (GArray *array,
               gsize   id_offset,
               gsize   day_offset)
{
  SortOffsets offsets = { id_offset, day_offset };
  guint elt = g_array_get_element_size (array);
  char *data = array->data;
  guint start = 0;

  while (start < array->len)
    {
      gint32 day = *(gint32 *) (gpointer) (data + (gsize) start * elt + day_offset);
      guint end = start + 1;
      gboolean sorted = TRUE;

      while (end < array->len &&
             *(gint32 *) (gpointer) (data + (gsize) end * elt + day_offset) == day)
        {
          if (sorted && compare_day_then_id (data + (gsize) (end - 1) * elt, data + (gsize) end * elt,
                                             id_offset, day_offset) > 0)
            sorted = FALSE;
          end++;
        }

      if (!sorted)
        g_qsort_with_data (data + (gsize) start * elt, (gint) (end - start), elt,
                           compare_day_then_id_cb, &offsets);
      start = end;
    }
}

static GArray *
merge_sorted (GArray *a,
              GArray *b,
              gsize   id_offset,
              gsize   day_offset)
{
  guint elt = g_array_get_element_size (a);
  GArray *out = g_array_sized_new (FALSE, FALSE, elt, a->len + b->len);
  guint i = 0, j = 0;

  g_array_set_size (out, a->len + b->len);

  for (guint k = 0; k < out->len; k++)
    {
      const char *src;

      if (j >= b->len ||
          (i < a->len && compare_day_then_id (a->data + (gsize) i * elt, b->data + (gsize) j * elt,
                                              id_offset, day_offset) <= 0))
        src = a->data + (gsize) i++ * elt;
      else
        src = b->data + (gsize) j++ * elt;

      memcpy (out->data + (gsize) k * elt, src, elt);
    }

  return out;
}

static gboolean
run_fill (LtStore       *self,
          sqlite3_stmt  *stmt,
          GArray        *out,
          FillFunc       fill,
          GError       **error)
{
  guint elt = g_array_get_element_size (out);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_array_set_size (out, out->len + 1);
      fill (stmt, out->data + (gsize) (out->len - 1) * elt);
    }

  if (rc != SQLITE_DONE)
    {
      _lt_store_set_sql_error (self, error);
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

/* Collects events matching @filter into @out (sorted by day, then id),
 * one element per event filled by @fill from the columns in @columns
 * (table alias "e"). Windows are answered through two index ranges: short
 * events starting at most LT_LONG_SPAN days before the window, and the few
 * long ones through their partial index. */
static gboolean
query_events (LtStore             *self,
              const LtEventFilter *filter,
              const char          *columns,
              FillFunc             fill,
              gsize                id_offset,
              gsize                day_offset,
              gboolean             sort_ids,
              GArray              *out,
              GError             **error)
{
  LtFilterSql fsql;
  g_autofree char *sql_short = NULL;
  g_autofree char *sql_long = NULL;
  sqlite3_stmt *stmt;
  gboolean ret = FALSE;

  _lt_filter_sql_init (&fsql, filter, FALSE);

  if (filter == NULL || !filter->has_window)
    {
      sql_short = g_strdup_printf ("SELECT %s FROM events e"
                                   " WHERE ?1 IS NULL"
                                   " AND ?2 IS NULL AND ?3 IS NULL%s"
                                   " ORDER BY e.start_day",
                                   columns, fsql.where->str);
      if (!(stmt = _lt_store_prepare (self, sql_short, error)) ||
          !_lt_filter_sql_bind (&fsql, stmt, 4) ||
          !run_fill (self, stmt, out, fill, error))
        goto out;
    }
  else
    {
      g_autoptr(GArray) longs = g_array_new (FALSE, FALSE, g_array_get_element_size (out));
      gint64 first = filter->start_day;
      gint64 last = filter->end_day;

      sql_short = g_strdup_printf ("SELECT %s FROM events e"
                                   " WHERE e.start_day BETWEEN ?1 AND ?2 AND e.end_day >= ?3"
                                   " AND e.end_day - e.start_day <= %d%s"
                                   " ORDER BY e.start_day",
                                   columns, LT_LONG_SPAN, fsql.where->str);
      if (!(stmt = _lt_store_prepare (self, sql_short, error)))
        goto out;
      sqlite3_bind_int64 (stmt, 1, first - LT_LONG_SPAN);
      sqlite3_bind_int64 (stmt, 2, last);
      sqlite3_bind_int64 (stmt, 3, first);
      if (!_lt_filter_sql_bind (&fsql, stmt, 4) || !run_fill (self, stmt, out, fill, error))
        goto out;

      sql_long = g_strdup_printf ("SELECT %s FROM events e INDEXED BY events_long"
                                  " WHERE e.end_day - e.start_day > %d AND ?1 IS NOT NULL"
                                  " AND e.start_day <= ?2 AND e.end_day >= ?3%s"
                                  " ORDER BY e.start_day",
                                  columns, LT_LONG_SPAN, fsql.where->str);
      if (!(stmt = _lt_store_prepare (self, sql_long, error)))
        goto out;
      sqlite3_bind_int64 (stmt, 1, first);
      sqlite3_bind_int64 (stmt, 2, last);
      sqlite3_bind_int64 (stmt, 3, first);
      if (!_lt_filter_sql_bind (&fsql, stmt, 4) || !run_fill (self, stmt, longs, fill, error))
        goto out;

      if (longs->len > 0)
        {
          g_autoptr(GArray) merged = NULL;

          if (sort_ids)
            {
              sort_day_runs (out, id_offset, day_offset);
              sort_day_runs (longs, id_offset, day_offset);
            }
          merged = merge_sorted (out, longs, id_offset, day_offset);
          g_array_set_size (out, 0);
          g_array_append_vals (out, merged->data, merged->len);
        }
    }

  if (sort_ids)
    sort_day_runs (out, id_offset, day_offset);
  ret = TRUE;

out:
  _lt_filter_sql_clear (&fsql);
  return ret;
}

/* The hot loop of a million spans: one covering-index row each. */
static void
fill_span (sqlite3_stmt *stmt,
           gpointer      element)
{
  LtEventSpan *span = element;

  span->id = sqlite3_column_int64 (stmt, 0);
  span->start_day = sqlite3_column_int (stmt, 1);
  span->end_day = sqlite3_column_int (stmt, 2);
  span->category = (guint16) sqlite3_column_int (stmt, 3);
  span->precision = (guint8) sqlite3_column_int (stmt, 4);
  span->flags = (guint8) (sqlite3_column_int (stmt, 5) |
                          (sqlite3_column_int (stmt, 7) ? LT_SPAN_RESTRICTED : 0));
  span->place = sqlite3_column_int (stmt, 6);
}

/**
 * lt_store_dup_event_spans:
 * @self: a store
 * @filter: (nullable): which events
 * @error: return location for an error
 *
 * The compact form of events for drawing: no objects, no strings.
 *
 * Returns: (transfer full) (element-type LtEventSpan): spans sorted by
 *   start day (within a day, in index order: by end day, category, ...)
 */
GArray *
lt_store_dup_event_spans (LtStore              *self,
                          const LtEventFilter  *filter,
                          GError              **error)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (LtEventSpan));

  g_return_val_if_fail (LT_IS_STORE (self), NULL);

  if (!query_events (self, filter,
                     "e.id, e.start_day, e.end_day, e.cat, e.precision, e.flags,"
                     " coalesce (e.place_id, 0), e.restricted",
                     fill_span,
                     G_STRUCT_OFFSET (LtEventSpan, id), G_STRUCT_OFFSET (LtEventSpan, start_day),
                     FALSE, spans, error))
    return NULL;

  return g_steal_pointer (&spans);
}

static void
fill_day_key (sqlite3_stmt *stmt,
              gpointer      element)
{
  LtDayKey *key = element;

  key->id = sqlite3_column_int64 (stmt, 0);
  key->start_day = sqlite3_column_int (stmt, 1);
}

/* For LtEventList: (id, start_day) of the matching events, sorted. */

GArray *
_lt_store_dup_event_keys (LtStore              *self,
                          const LtEventFilter  *filter,
                          GError              **error)
{
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (LtDayKey));

  if (!query_events (self, filter, "e.id, e.start_day", fill_day_key,
                     G_STRUCT_OFFSET (LtDayKey, id), G_STRUCT_OFFSET (LtDayKey, start_day),
                     TRUE, keys, error))
    return NULL;

  return g_steal_pointer (&keys);
}

/* For LtEventList: whether one event matches, and its start day. */

gboolean
_lt_store_event_matches (LtStore             *self,
                         const LtEventFilter *filter,
                         gint64               id,
                         gint32              *start_day)
{
  LtFilterSql fsql;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gboolean ret = FALSE;

  _lt_filter_sql_init (&fsql, filter, TRUE);
  sql = g_strdup_printf ("SELECT e.start_day FROM events e WHERE e.id = ?1%s", fsql.where->str);
  if ((stmt = _lt_store_prepare (self, sql, NULL)) != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      if (_lt_filter_sql_bind (&fsql, stmt, 2) && sqlite3_step (stmt) == SQLITE_ROW)
        {
          *start_day = sqlite3_column_int (stmt, 0);
          ret = TRUE;
        }
      sqlite3_reset (stmt);
    }
  _lt_filter_sql_clear (&fsql);

  return ret;
}

/**
 * lt_store_count_events:
 * @self: a store
 * @filter: (nullable): which events
 * @error: return location for an error
 *
 * Returns: the number of matching events
 */
guint
lt_store_count_events (LtStore              *self,
                       const LtEventFilter  *filter,
                       GError              **error)
{
  LtFilterSql fsql;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  guint n = 0;

  g_return_val_if_fail (LT_IS_STORE (self), 0);

  _lt_filter_sql_init (&fsql, filter, TRUE);
  sql = g_strdup_printf ("SELECT count(*) FROM events e WHERE 1%s", fsql.where->str);
  if ((stmt = _lt_store_prepare (self, sql, error)) != NULL)
    {
      if (_lt_filter_sql_bind (&fsql, stmt, 1) && sqlite3_step (stmt) == SQLITE_ROW)
        n = (guint) sqlite3_column_int64 (stmt, 0);
      else
        _lt_store_set_sql_error (self, error);
      sqlite3_reset (stmt);
    }
  _lt_filter_sql_clear (&fsql);

  return n;
}

static gint32
bucket_start (gint32   day,
              LtBucket bucket)
{
  gint32 y;
  guint m;

  switch (bucket)
    {
    case LT_BUCKET_MONTH:
      lt_days_to_ymd (day, &y, &m, NULL);
      return (gint32) lt_days_from_ymd (y, m, 1);
    case LT_BUCKET_YEAR:
      lt_days_to_ymd (day, &y, NULL, NULL);
      return (gint32) lt_days_from_ymd (y, 1, 1);
    case LT_BUCKET_DAY:
    default:
      return day;
    }
}

/**
 * lt_store_dup_event_counts:
 * @self: a store
 * @filter: (nullable): which events; the window selects by start day
 * @bucket: per day, month or year
 * @error: return location for an error
 *
 * Counts events per bucket and category, for zoom levels too wide to draw
 * events one by one. Without an actor or text filter the counts come from a
 * per-day table kept up to date by triggers, so ten years take a few
 * thousand rows, whatever the number of events.
 *
 * Returns: (transfer full) (element-type LtBucketCount): counts sorted by
 *   bucket, then category; empty buckets are left out
 */
GArray *
lt_store_dup_event_counts (LtStore              *self,
                           const LtEventFilter  *filter,
                           LtBucket              bucket,
                           GError              **error)
{
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (LtBucketCount));
  g_autoptr(LtEventFilter) rest = NULL;
  g_autofree char *sql = NULL;
  LtFilterSql fsql;
  sqlite3_stmt *stmt;
  guint32 acc[64] = { 0 };
  gint32 current = G_MININT32;
  guint n_categories = g_strv_length ((char **) lt_category_list_keys ());
  gboolean ok;
  int rc;

  g_return_val_if_fail (LT_IS_STORE (self), NULL);

  /* The window selects by start day here, the rest of the filter as usual. */
  rest = filter != NULL ? lt_event_filter_copy (filter) : lt_event_filter_new ();
  lt_event_filter_clear_window (rest);

  if (rest->actor_id == 0 && rest->text == NULL)
    {
      GString *where = g_string_new (NULL);
      g_autofree char *visible = _lt_visible_sql (LT_VISIBLE_EVENT, "c", rest->include_restricted);

      if (filter != NULL && filter->has_window)
        g_string_append (where, " AND day BETWEEN ?1 AND ?2");
      else
        g_string_append (where, " AND ?1 IS NULL AND ?2 IS NULL");
      g_string_append (where, visible);
      /* Category indices come from the vocabulary, not from the caller. */
      if (rest->categories != NULL)
        {
          g_string_append (where, " AND cat IN (-1");
          for (guint i = 0; rest->categories[i] != NULL; i++)
            g_string_append_printf (where, ", %d", lt_category_get_index (rest->categories[i]));
          g_string_append (where, ")");
        }
      sql = g_strdup_printf ("SELECT day, cat, sum(n) FROM event_counts c WHERE 1%s"
                             " GROUP BY day, cat ORDER BY day, cat", where->str);
      g_string_free (where, TRUE);
      memset (&fsql, 0, sizeof fsql);
    }
  else
    {
      _lt_filter_sql_init (&fsql, rest, FALSE);
      sql = g_strdup_printf ("SELECT e.start_day, e.cat, count(*) FROM events e"
                             " WHERE %s%s GROUP BY e.start_day, e.cat ORDER BY e.start_day, e.cat",
                             (filter != NULL && filter->has_window)
                               ? "e.start_day BETWEEN ?1 AND ?2"
                               : "?1 IS NULL AND ?2 IS NULL",
                             fsql.where->str);
    }

  stmt = _lt_store_prepare (self, sql, error);
  ok = stmt != NULL;
  if (ok && filter != NULL && filter->has_window)
    {
      sqlite3_bind_int64 (stmt, 1, filter->start_day);
      sqlite3_bind_int64 (stmt, 2, filter->end_day);
    }
  if (ok && fsql.where != NULL)
    ok = _lt_filter_sql_bind (&fsql, stmt, 3);
  if (fsql.where != NULL)
    _lt_filter_sql_clear (&fsql);
  if (!ok)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint32 start = bucket_start (sqlite3_column_int (stmt, 0), bucket);
      int cat = sqlite3_column_int (stmt, 1);

      if (start != current)
        {
          for (guint c = 0; current != G_MININT32 && c < n_categories; c++)
            if (acc[c] > 0)
              {
                LtBucketCount bc = { current, (guint16) c, acc[c] };

                g_array_append_val (counts, bc);
              }
          memset (acc, 0, sizeof acc);
          current = start;
        }

      if (cat >= 0 && cat < (int) n_categories)
        acc[cat] += (guint32) sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _lt_store_set_sql_error (self, error);
      return NULL;
    }

  for (guint c = 0; current != G_MININT32 && c < n_categories; c++)
    if (acc[c] > 0)
      {
        LtBucketCount bc = { current, (guint16) c, acc[c] };

        g_array_append_val (counts, bc);
      }

  return g_steal_pointer (&counts);
}

/**
 * lt_store_get_day_bounds:
 * @self: a store
 * @filter: (nullable): which events; its window is ignored
 * @first_day: (out) (optional): the first day a matching event covers
 * @last_day: (out) (optional): the last day a matching event covers
 *
 * The stretch of time the events cover, to fill the end of a window that was
 * given only one: an export without restricted records must not reach out to
 * the date of a restricted event.
 *
 * Returns: %FALSE if no event matches
 */
gboolean
lt_store_get_day_bounds (LtStore             *self,
                         const LtEventFilter *filter,
                         gint64              *first_day,
                         gint64              *last_day)
{
  g_autoptr(LtEventFilter) rest = NULL;
  g_autofree char *sql = NULL;
  LtFilterSql fsql;
  sqlite3_stmt *stmt;
  gboolean ret = FALSE;

  g_return_val_if_fail (LT_IS_STORE (self), FALSE);

  rest = filter != NULL ? lt_event_filter_copy (filter) : lt_event_filter_new ();
  lt_event_filter_clear_window (rest);
  _lt_filter_sql_init (&fsql, rest, FALSE);

  /* The last day: short events end near the last start; long ones come from their index. */
  sql = g_strdup_printf ("SELECT (SELECT min(e.start_day) FROM events e WHERE 1%1$s),"
                         " max ((SELECT max(e.end_day) FROM events e WHERE e.start_day >="
                         "        (SELECT max(e.start_day) FROM events e WHERE 1%1$s) - %2$d%1$s),"
                         "      coalesce ((SELECT max(e.end_day) FROM events e"
                         "        INDEXED BY events_long"
                         "        WHERE e.end_day - e.start_day > %2$d%1$s), -2147483648))",
                         fsql.where->str, LT_LONG_SPAN);
  stmt = _lt_store_prepare (self, sql, NULL);
  if (stmt != NULL)
    {
      guint n = fsql.binds->len;

      /* the conditions appear four times, each with its own copy of the parameters */
      for (guint i = 0; i < 4; i++)
        _lt_filter_sql_bind (&fsql, stmt, 1 + (int) (i * n));

      if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        {
          if (first_day != NULL)
            *first_day = sqlite3_column_int64 (stmt, 0);
          if (last_day != NULL)
            *last_day = sqlite3_column_int64 (stmt, 1);
          ret = TRUE;
        }
      sqlite3_reset (stmt);
    }
  _lt_filter_sql_clear (&fsql);

  return ret;
}

void
_lt_store_invalidate_places (LtStore *self)
{
  g_clear_pointer (&self->places, g_ptr_array_unref);
}

/**
 * lt_store_get_places:
 * @self: a store
 *
 * The place names that [struct@EventSpan] place indices point into; index 0
 * is the empty string (no place). Names are in the records' language where an
 * event gives its place in it, in English otherwise.
 *
 * Returns: (transfer none) (element-type utf8): the places
 */
GPtrArray *
lt_store_get_places (LtStore *self)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LT_IS_STORE (self), NULL);

  if (self->places != NULL)
    return self->places;

  self->places = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->places, g_strdup (""));

  stmt = _lt_store_prepare (self, "SELECT id, name FROM places ORDER BY id", NULL);
  if (stmt == NULL)
    return self->places;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (id <= 0 || id > G_MAXINT32)
        continue;
      while (self->places->len < id)
        g_ptr_array_add (self->places, g_strdup (""));
      g_ptr_array_add (self->places, dup_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);

  /* A place's name in the records' language is what its events call it there: one pass over
   * the events' translated places, not a look-up per place (place_id has no index). */
  if (g_strcmp0 (self->language, "en") == 0)
    return self->places;
  /* Only a public event names a place: the list serves exports too. */
  {
    g_autofree char *visible = _lt_visible_sql (LT_VISIBLE_EVENT, "e", FALSE);
    g_autofree char *sql = g_strdup_printf ("SELECT e.place_id, t.text FROM translations t"
                                            " JOIN events e ON e.id = t.record_id"
                                            " WHERE t.kind = 0 AND t.lang = ?1"
                                            "  AND t.field = 'place'"
                                            "  AND e.place_id > 0 AND t.text <> ''%s"
                                            " GROUP BY e.place_id", visible);

    stmt = _lt_store_prepare (self, sql, NULL);
  }
  if (stmt == NULL)
    return self->places;
  sqlite3_bind_text (stmt, 1, self->language, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (id > 0 && id < self->places->len)
        {
          g_free (g_ptr_array_index (self->places, id));
          g_ptr_array_index (self->places, id) = dup_column_text (stmt, 1);
        }
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return self->places;
}

gint64
_lt_store_intern_place (LtStore     *self,
                        const char  *place,
                        GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  if (place == NULL || *place == '\0')
    return 0;

  if (!(stmt = _lt_store_prepare (self, "SELECT id FROM places WHERE name = ?1", error)))
    return -1;
  sqlite3_bind_text (stmt, 1, place, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id != 0)
    return id;

  if (!(stmt = _lt_store_prepare (self, "INSERT INTO places (name) VALUES (?1)", error)))
    return -1;
  sqlite3_bind_text (stmt, 1, place, -1, SQLITE_TRANSIENT);
  if (!step_done (self, stmt, error))
    return -1;

  _lt_store_invalidate_places (self);
  return sqlite3_last_insert_rowid (self->db);
}

/**
 * lt_store_dup_event_actor_pairs:
 * @self: a store
 * @filter: (nullable): the events whose links to give; %NULL = all public events
 * @error: return location for an error
 *
 * The (event, actor, role) links, for actor lanes and the graph. Unless
 * @filter includes restricted records, a link is left out when its event or
 * its actor is restricted: a restricted actor gets no lane and no weight.
 *
 * Returns: (transfer full) (element-type LtEventActorPair): pairs sorted by event
 */
GArray *
lt_store_dup_event_actor_pairs (LtStore              *self,
                                const LtEventFilter  *filter,
                                GError              **error)
{
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (LtEventActorPair));
  g_autofree char *visible = NULL;
  g_autofree char *sql = NULL;
  LtFilterSql fsql;
  sqlite3_stmt *stmt;
  gboolean by_event;
  gboolean bound;
  int rc;

  g_return_val_if_fail (LT_IS_STORE (self), NULL);

  visible = _lt_visible_sql (LT_VISIBLE_PARTICIPANT, "p",
                             filter != NULL && filter->include_restricted);
  by_event = filter != NULL && (filter->has_window || filter->categories != NULL ||
                                filter->actor_id != 0 || filter->text != NULL);
  _lt_filter_sql_init (&fsql, by_event ? filter : NULL, TRUE);
  /* Without conditions on the events, the links need not be joined to them (two million rows
   * take a third of the time): the link's own rule covers its event's visibility. */
  if (!by_event)
    g_string_truncate (fsql.where, 0);
  sql = g_strdup_printf ("SELECT p.event_id, p.actor_id, p.role FROM event_actors p%s WHERE 1%s%s"
                         " ORDER BY p.event_id, p.position",
                         fsql.where->len > 0 ? " JOIN events e ON e.id = p.event_id" : "",
                         visible, fsql.where->str);
  stmt = _lt_store_prepare (self, sql, error);
  bound = stmt != NULL && _lt_filter_sql_bind (&fsql, stmt, 1);
  _lt_filter_sql_clear (&fsql);
  if (!bound)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int role = lt_role_get_index ((const char *) sqlite3_column_text (stmt, 2));
      LtEventActorPair pair = {
        sqlite3_column_int64 (stmt, 0),
        sqlite3_column_int64 (stmt, 1),
        (guint8) MAX (role, 0),
      };

      g_array_append_val (pairs, pair);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _lt_store_set_sql_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&pairs);
}

/**
 * lt_store_has_figures:
 * @self: a store
 * @counts: a figure kind ("political-prisoners")
 *
 * Whether a public event carries a figure of this kind: a look-up in the figures' index, for
 * a view that must make room for them before it has read them.
 *
 * Returns: %TRUE if there is one
 */
gboolean
lt_store_has_figures (LtStore    *self,
                      const char *counts)
{
  sqlite3_stmt *stmt;
  gboolean found;

  g_return_val_if_fail (LT_IS_STORE (self), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  {
    g_autofree char *visible = _lt_visible_sql (LT_VISIBLE_EVENT, "e", FALSE);
    g_autofree char *sql = g_strdup_printf ("SELECT EXISTS (SELECT 1 FROM figures f"
                                            " JOIN events e ON e.id = f.event_id"
                                            " WHERE f.counts = ?1%s)", visible);

    stmt = _lt_store_prepare (self, sql, NULL);
  }
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, counts, -1, SQLITE_TRANSIENT);
  found = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return found;
}

/**
 * lt_store_dup_figures:
 * @self: a store
 * @counts: (nullable): a figure kind key, %NULL for all
 * @error: return location for an error
 *
 * Figures of public events, for charts over time.
 *
 * Returns: (transfer full) (element-type LtFigurePoint): points sorted by day
 */
GArray *
lt_store_dup_figures (LtStore     *self,
                      const char  *counts,
                      GError     **error)
{
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (LtFigurePoint));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LT_IS_STORE (self), NULL);

  {
    g_autofree char *visible = _lt_visible_sql (LT_VISIBLE_EVENT, "e", FALSE);
    g_autofree char *sql = g_strdup_printf ("SELECT f.event_id, e.start_day, f.value FROM figures f"
                                            " JOIN events e ON e.id = f.event_id"
                                            " WHERE %s%s"
                                            " ORDER BY e.start_day, f.event_id, f.position",
                                            counts != NULL ? "f.counts = ?1" : "1", visible);

    stmt = _lt_store_prepare (self, sql, error);
  }
  if (stmt == NULL)
    return NULL;

  if (counts != NULL)
    sqlite3_bind_text (stmt, 1, counts, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LtFigurePoint point = {
        sqlite3_column_int64 (stmt, 0),
        sqlite3_column_int (stmt, 1),
        sqlite3_column_double (stmt, 2),
      };

      g_array_append_val (points, point);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _lt_store_set_sql_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&points);
}

/* Writing */

static gboolean
invalid (GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError     **error,
         const char  *format,
         ...)
{
  va_list args;
  char *message;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, LT_STORE_ERROR, LT_STORE_ERROR_INVALID, message);
  g_free (message);

  return FALSE;
}

static gboolean
record_exists (LtStore    *self,
               const char *sql,
               gint64      id)
{
  sqlite3_stmt *stmt = _lt_store_prepare (self, sql, NULL);
  gboolean ret;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  ret = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  return ret;
}

/* A unique slug from a name: folded to ASCII, words joined by "-". */
static char *
make_slug (LtStore    *self,
           const char *table,
           const char *name)
{
  g_autofree char *folded = _lt_fold (name);
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE slug = ?1", table);
  GString *base = g_string_new (NULL);
  g_autofree char *candidate = NULL;

  for (const char *p = folded; *p != '\0' && base->len < 48; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (base, *p);
      else if (base->len > 0 && base->str[base->len - 1] != '-')
        g_string_append_c (base, '-');
    }
  while (base->len > 0 && base->str[base->len - 1] == '-')
    g_string_truncate (base, base->len - 1);
  if (base->len == 0)
    g_string_append (base, table);

  candidate = g_strdup (base->str);
  for (guint n = 2; find_by_slug (self, sql, candidate) != 0; n++)
    {
      g_free (candidate);
      candidate = g_strdup_printf ("%s-%u", base->str, n);
    }

  g_string_free (base, TRUE);
  return g_steal_pointer (&candidate);
}

static gboolean
valid_slug (const char *slug)
{
  if (slug == NULL || *slug == '\0')
    return FALSE;
  for (const char *p = slug; *p; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-'))
      return FALSE;
  return TRUE;
}

static gboolean
check_slug (const char  *slug,
            GError     **error)
{
  if (slug != NULL && !valid_slug (slug))
    return invalid (error, _("“%s” is not a valid id: use lowercase letters, digits and “-”"),
                    slug);
  return TRUE;
}

typedef struct
{
  LtStore       *self;
  LtRecordKind   kind;
  gint64         id;
  GError       **error;
  gboolean       failed;
} I18nWrite;

static void
write_translation_cb (const char *lang,
                      const char *field,
                      const char *text,
                      gpointer    data)
{
  I18nWrite *w = data;
  sqlite3_stmt *stmt;

  if (w->failed)
    return;

  stmt = _lt_store_prepare (w->self,
                            "INSERT INTO translations (kind, record_id, lang, field, text)"
                            " VALUES (?1, ?2, ?3, ?4, ?5)",
                            w->error);
  if (stmt == NULL)
    {
      w->failed = TRUE;
      return;
    }

  sqlite3_bind_int (stmt, 1, w->kind);
  sqlite3_bind_int64 (stmt, 2, w->id);
  sqlite3_bind_text (stmt, 3, lang, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, field, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, text, -1, SQLITE_TRANSIENT);
  if (!step_done (w->self, stmt, w->error))
    w->failed = TRUE;
}

static gboolean
write_translations (LtStore       *self,
                    LtRecordKind   kind,
                    gint64         id,
                    LtI18n        *i18n,
                    GError       **error)
{
  I18nWrite w = { self, kind, id, error, FALSE };
  sqlite3_stmt *stmt;

  stmt = _lt_store_prepare (self, "DELETE FROM translations WHERE kind = ?1 AND record_id = ?2",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, kind);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!step_done (self, stmt, error))
    return FALSE;

  _lt_i18n_foreach (i18n, write_translation_cb, &w);
  return !w.failed;
}

static gboolean
write_citations (LtStore    *self,
                 const char *owner_column,
                 gint64      owner_id,
                 GPtrArray  *citations,
                 GError    **error)
{
  g_autofree char *delete_sql = g_strdup_printf ("DELETE FROM citations WHERE %s = ?1", owner_column);
  g_autofree char *insert_sql =
    g_strdup_printf ("INSERT INTO citations (%s, position, source_id, locator, note, i18n)"
                     " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", owner_column);
  sqlite3_stmt *stmt;

  if (!(stmt = _lt_store_prepare (self, delete_sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, owner_id);
  if (!step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; citations != NULL && i < citations->len; i++)
    {
      const LtCitation *c = g_ptr_array_index (citations, i);

      if (!record_exists (self, "SELECT 1 FROM sources WHERE id = ?1", c->source_id))
        {
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, c->source_id);

          return invalid (error, _("The citation refers to a source that does not exist (id %s)"), id);
        }

      if (!(stmt = _lt_store_prepare (self, insert_sql, error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, owner_id);
      sqlite3_bind_int (stmt, 2, (int) i);
      sqlite3_bind_int64 (stmt, 3, c->source_id);
      bind_text0 (stmt, 4, c->locator);
      bind_text0 (stmt, 5, c->note);
      bind_text0 (stmt, 6, c->i18n);
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
set_constraint_error (LtStore     *self,
                      const char  *slug,
                      GError     **error)
{
  if (sqlite3_errcode (self->db) == SQLITE_CONSTRAINT &&
      strstr (sqlite3_errmsg (self->db), ".slug") != NULL)
    {
      g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_CONFLICT,
                   _("A record with the id “%s” already exists"), slug);
      return FALSE;
    }

  return _lt_store_set_sql_error (self, error);
}

static gboolean
validate_event (LtStore  *self,
                LtEvent  *event,
                GError  **error)
{
  GPtrArray *figures;

  if (event->title == NULL || *event->title == '\0')
    return invalid (error, _("The event has no title"));
  if (lt_category_get_index (event->category) < 0)
    return invalid (error, _("“%s” is not an event category"),
                    event->category != NULL ? event->category : "");
  if (!lt_date_is_valid (&event->range.start) ||
      (event->range.has_end && !lt_date_is_valid (&event->range.end)))
    return invalid (error, _("The event’s date is not valid"));
  if (event->range.has_end &&
      lt_date_last_day (&event->range.end) < lt_date_first_day (&event->range.start))
    return invalid (error, _("The event ends before it starts"));
  if (!check_slug (event->slug, error))
    return FALSE;

  for (guint i = 0; event->participants != NULL && i < event->participants->len; i++)
    {
      const LtParticipant *p = g_ptr_array_index (event->participants, i);

      if (lt_role_get_index (p->role) < 0)
        return invalid (error, _("“%s” is not a role"), p->role != NULL ? p->role : "");
      if (!record_exists (self, "SELECT 1 FROM actors WHERE id = ?1", p->actor_id))
        {
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, p->actor_id);

          return invalid (error, _("The event refers to an actor that does not exist (id %s)"), id);
        }
    }

  figures = event->figures;
  for (guint i = 0; figures != NULL && i < figures->len; i++)
    {
      const LtFigure *f = g_ptr_array_index (figures, i);

      if (lt_figure_kind_get_index (f->counts) < 0)
        return invalid (error, _("“%s” is not a kind of figure"), f->counts != NULL ? f->counts : "");
      if (lt_qualifier_get_index (f->qualifier) < 0)
        return invalid (error, _("“%s” is not a figure qualifier"),
                        f->qualifier != NULL ? f->qualifier : "");
      if (!_lt_figure_value_is_valid (f->value))
        return invalid (error, _("A figure must be a number from 0 to 10 000 000 000"));
    }

  return TRUE;
}

/* Inserts (update = FALSE; keeps event->id if set, as undo needs) or
 * updates an event with all its rows. Runs inside a transaction. */
static gboolean
write_event (LtStore   *self,
             LtEvent   *event,
             gboolean   update,
             GError   **error)
{
  g_autofree char *date = NULL;
  g_autofree char *slug = NULL;
  sqlite3_stmt *stmt;
  gint64 place_id;
  int flags;

  /* Details of a stored event must be loaded before they are rewritten. */
  if (!event->details_loaded && event->store != NULL && event->id != 0)
    _lt_store_load_event_details (event->store, event);
  if (!event->i18n_complete && event->store != NULL && event->id != 0)
    {
      _lt_store_load_i18n (event->store, LT_RECORD_EVENT, event->id, &event->i18n);
      event->i18n_complete = TRUE;
    }

  if (!validate_event (self, event, error))
    return FALSE;

  if ((place_id = _lt_store_intern_place (self, event->place, error)) < 0)
    return FALSE;

  date = lt_date_range_to_iso (&event->range);
  slug = event->slug != NULL ? g_strdup (event->slug) : make_slug (self, "events", event->title);
  flags = (lt_date_range_is_approximate (&event->range) ? LT_SPAN_APPROXIMATE : 0) |
          (event->range.has_end ? LT_SPAN_RANGE : 0);

  stmt = _lt_store_prepare (self,
                            update
                              ? "UPDATE events SET slug = ?2, title = ?3, summary = ?4, date = ?5,"
                                " start_day = ?6, end_day = ?7, precision = ?8, flags = ?9,"
                                " place = ?10, place_id = ?11, category = ?12, cat = ?13,"
                                " restricted = ?14 WHERE id = ?1"
                              : "INSERT INTO events (id, slug, title, summary, date, start_day,"
                                " end_day, precision, flags, place, place_id, category, cat, restricted)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                            error);
  if (stmt == NULL)
    return FALSE;

  if (event->id != 0)
    sqlite3_bind_int64 (stmt, 1, event->id);
  sqlite3_bind_text (stmt, 2, slug, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, event->title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, event->summary != NULL ? event->summary : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, lt_date_range_first_day (&event->range));
  sqlite3_bind_int64 (stmt, 7, lt_date_range_last_day (&event->range));
  sqlite3_bind_int (stmt, 8, event->range.start.precision);
  sqlite3_bind_int (stmt, 9, flags);
  bind_text0 (stmt, 10, event->place);
  if (place_id > 0)
    sqlite3_bind_int64 (stmt, 11, place_id);
  sqlite3_bind_text (stmt, 12, event->category, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 13, lt_category_get_index (event->category));
  sqlite3_bind_int (stmt, 14, event->restricted ? 1 : 0);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      set_constraint_error (self, slug, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  if (update && sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_NOT_FOUND,
                   _("The event no longer exists"));
      return FALSE;
    }

  if (!update)
    event->id = sqlite3_last_insert_rowid (self->db);
  _lt_set_str (&event->slug, slug);
  event->start_day = (gint32) lt_date_range_first_day (&event->range);
  event->end_day = (gint32) lt_date_range_last_day (&event->range);

  /* Participants and figures; a new row has none yet (imports write many). */
  if (update && !(stmt = _lt_store_prepare (self, "DELETE FROM event_actors WHERE event_id = ?1", error)))
    return FALSE;
  if (update)
    sqlite3_bind_int64 (stmt, 1, event->id);
  if (update && !step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; event->participants != NULL && i < event->participants->len; i++)
    {
      const LtParticipant *p = g_ptr_array_index (event->participants, i);

      if (!(stmt = _lt_store_prepare (self,
                                      "INSERT INTO event_actors (event_id, position, actor_id, role)"
                                      " VALUES (?1, ?2, ?3, ?4)",
                                      error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, event->id);
      sqlite3_bind_int (stmt, 2, (int) i);
      sqlite3_bind_int64 (stmt, 3, p->actor_id);
      sqlite3_bind_text (stmt, 4, p->role, -1, SQLITE_TRANSIENT);
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  if (update && !(stmt = _lt_store_prepare (self, "DELETE FROM figures WHERE event_id = ?1", error)))
    return FALSE;
  if (update)
    sqlite3_bind_int64 (stmt, 1, event->id);
  if (update && !step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; event->figures != NULL && i < event->figures->len; i++)
    {
      const LtFigure *f = g_ptr_array_index (event->figures, i);

      if (!(stmt = _lt_store_prepare (self,
                                      "INSERT INTO figures (event_id, position, value, counts, qualifier)"
                                      " VALUES (?1, ?2, ?3, ?4, ?5)",
                                      error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, event->id);
      sqlite3_bind_int (stmt, 2, (int) i);
      sqlite3_bind_double (stmt, 3, f->value);
      sqlite3_bind_text (stmt, 4, f->counts, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, f->qualifier, -1, SQLITE_TRANSIENT);
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  if (!write_citations (self, "event_id", event->id, event->citations, error) ||
      !write_translations (self, LT_RECORD_EVENT, event->id, &event->i18n, error) ||
      !_lt_store_reindex (self, LT_RECORD_EVENT, event->id, error))
    return FALSE;

  _lt_store_queue_change (self, LT_RECORD_EVENT, event->id,
                          update ? LT_CHANGE_UPDATED : LT_CHANGE_ADDED);
  return TRUE;
}

static gboolean
write_actor (LtStore   *self,
             LtActor   *actor,
             gboolean   update,
             GError   **error)
{
  g_autofree char *slug = NULL;
  sqlite3_stmt *stmt;

  if (!actor->i18n_complete && actor->store != NULL && actor->id != 0)
    {
      _lt_store_load_i18n (actor->store, LT_RECORD_ACTOR, actor->id, &actor->i18n);
      actor->i18n_complete = TRUE;
    }

  if (actor->name == NULL || *actor->name == '\0')
    return invalid (error, _("The actor has no name"));
  if (lt_actor_kind_get_index (actor->kind) < 0)
    return invalid (error, _("“%s” is not a kind of actor"), actor->kind != NULL ? actor->kind : "");
  if (!check_slug (actor->slug, error))
    return FALSE;

  slug = actor->slug != NULL ? g_strdup (actor->slug) : make_slug (self, "actors", actor->name);

  stmt = _lt_store_prepare (self,
                            update
                              ? "UPDATE actors SET slug = ?2, name = ?3, kind = ?4, country = ?5,"
                                " description = ?6, restricted = ?7 WHERE id = ?1"
                              : "INSERT INTO actors (id, slug, name, kind, country, description, restricted)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                            error);
  if (stmt == NULL)
    return FALSE;

  if (actor->id != 0)
    sqlite3_bind_int64 (stmt, 1, actor->id);
  sqlite3_bind_text (stmt, 2, slug, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, actor->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, actor->kind, -1, SQLITE_TRANSIENT);
  bind_text0 (stmt, 5, actor->country);
  bind_text0 (stmt, 6, actor->description);
  sqlite3_bind_int (stmt, 7, actor->restricted ? 1 : 0);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      set_constraint_error (self, slug, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  if (update && sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_NOT_FOUND, _("The actor no longer exists"));
      return FALSE;
    }

  if (!update)
    actor->id = sqlite3_last_insert_rowid (self->db);
  _lt_set_str (&actor->slug, slug);

  if (!(stmt = _lt_store_prepare (self, "DELETE FROM actor_aliases WHERE actor_id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, actor->id);
  if (!step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; actor->aliases != NULL && actor->aliases[i] != NULL; i++)
    {
      if (!(stmt = _lt_store_prepare (self,
                                      "INSERT INTO actor_aliases (actor_id, position, alias)"
                                      " VALUES (?1, ?2, ?3)",
                                      error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, actor->id);
      sqlite3_bind_int (stmt, 2, (int) i);
      sqlite3_bind_text (stmt, 3, actor->aliases[i], -1, SQLITE_TRANSIENT);
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  if (!write_translations (self, LT_RECORD_ACTOR, actor->id, &actor->i18n, error) ||
      !_lt_store_reindex (self, LT_RECORD_ACTOR, actor->id, error))
    return FALSE;

  _lt_store_queue_change (self, LT_RECORD_ACTOR, actor->id,
                          update ? LT_CHANGE_UPDATED : LT_CHANGE_ADDED);

  /* Events and relations show the actor's name. */
  if (update)
    {
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      if (!(stmt = _lt_store_prepare (self,
                                      "SELECT DISTINCT event_id FROM event_actors WHERE actor_id = ?1",
                                      error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, actor->id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          g_array_append_val (ids, id);
        }
      sqlite3_reset (stmt);
      for (guint i = 0; i < ids->len; i++)
        _lt_store_queue_change (self, LT_RECORD_EVENT, g_array_index (ids, gint64, i),
                                LT_CHANGE_UPDATED);

      g_array_set_size (ids, 0);
      if (!(stmt = _lt_store_prepare (self,
                                      "SELECT id FROM relations WHERE from_id = ?1 OR to_id = ?1",
                                      error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, actor->id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          g_array_append_val (ids, id);
        }
      sqlite3_reset (stmt);
      for (guint i = 0; i < ids->len; i++)
        _lt_store_queue_change (self, LT_RECORD_RELATION, g_array_index (ids, gint64, i),
                                LT_CHANGE_UPDATED);
    }

  return TRUE;
}

static gboolean
write_source (LtStore   *self,
              LtSource  *source,
              gboolean   update,
              GError   **error)
{
  g_autofree char *slug = NULL;
  sqlite3_stmt *stmt;

  if (!source->i18n_complete && source->store != NULL && source->id != 0)
    {
      _lt_store_load_i18n (source->store, LT_RECORD_SOURCE, source->id, &source->i18n);
      source->i18n_complete = TRUE;
    }

  if (source->title == NULL || *source->title == '\0')
    return invalid (error, _("The source has no title"));
  if (!check_slug (source->slug, error))
    return FALSE;
  if (source->date != NULL)
    {
      LtDate d;
      g_autoptr(GError) date_error = NULL;

      if (!lt_date_parse (source->date, &d, &date_error))
        return invalid (error, "%s", date_error->message);
    }

  slug = source->slug != NULL ? g_strdup (source->slug) : make_slug (self, "sources", source->title);

  stmt = _lt_store_prepare (self,
                            update
                              ? "UPDATE sources SET slug = ?2, title = ?3, publisher = ?4, author = ?5,"
                                " date = ?6, url = ?7, language = ?8, file = ?9, note = ?10,"
                                " full_text = ?11, restricted = ?12 WHERE id = ?1"
                              : "INSERT INTO sources (id, slug, title, publisher, author, date, url,"
                                " language, file, note, full_text, restricted)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                            error);
  if (stmt == NULL)
    return FALSE;

  if (source->id != 0)
    sqlite3_bind_int64 (stmt, 1, source->id);
  sqlite3_bind_text (stmt, 2, slug, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, source->title, -1, SQLITE_TRANSIENT);
  bind_text0 (stmt, 4, source->publisher);
  bind_text0 (stmt, 5, source->author);
  bind_text0 (stmt, 6, source->date);
  bind_text0 (stmt, 7, source->url);
  bind_text0 (stmt, 8, source->language);
  bind_text0 (stmt, 9, source->file);
  bind_text0 (stmt, 10, source->note);
  bind_text0 (stmt, 11, source->full_text);
  sqlite3_bind_int (stmt, 12, source->restricted ? 1 : 0);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      set_constraint_error (self, slug, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  if (update && sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_NOT_FOUND, _("The source no longer exists"));
      return FALSE;
    }

  if (!update)
    source->id = sqlite3_last_insert_rowid (self->db);
  _lt_set_str (&source->slug, slug);

  if (!write_translations (self, LT_RECORD_SOURCE, source->id, &source->i18n, error) ||
      !_lt_store_reindex (self, LT_RECORD_SOURCE, source->id, error))
    return FALSE;

  _lt_store_queue_change (self, LT_RECORD_SOURCE, source->id,
                          update ? LT_CHANGE_UPDATED : LT_CHANGE_ADDED);
  return TRUE;
}

static gboolean
write_relation (LtStore     *self,
                LtRelation  *relation,
                gboolean     update,
                GError     **error)
{
  g_autofree char *slug = NULL;
  g_autofree char *date = NULL;
  sqlite3_stmt *stmt;

  if (!relation->details_loaded && relation->store != NULL && relation->id != 0)
    _lt_store_load_relation_details (relation->store, relation);
  if (!relation->i18n_complete && relation->store != NULL && relation->id != 0)
    {
      _lt_store_load_i18n (relation->store, LT_RECORD_RELATION, relation->id, &relation->i18n);
      relation->i18n_complete = TRUE;
    }

  if (lt_relation_type_get_index (relation->relation_type) < 0)
    return invalid (error, _("“%s” is not a type of relation"),
                    relation->relation_type != NULL ? relation->relation_type : "");
  if (!record_exists (self, "SELECT 1 FROM actors WHERE id = ?1", relation->from_id) ||
      !record_exists (self, "SELECT 1 FROM actors WHERE id = ?1", relation->to_id))
    return invalid (error, _("The relation refers to an actor that does not exist"));
  if (!check_slug (relation->slug, error))
    return FALSE;

  if (relation->slug != NULL)
    slug = g_strdup (relation->slug);
  else
    {
      g_autofree char *base = g_strdup_printf ("%" G_GINT64_FORMAT " %s %" G_GINT64_FORMAT,
                                               relation->from_id, relation->relation_type,
                                               relation->to_id);

      slug = make_slug (self, "relations", base);
    }
  if (relation->has_range)
    date = lt_date_range_to_iso (&relation->range);

  stmt = _lt_store_prepare (self,
                            update
                              ? "UPDATE relations SET slug = ?2, from_id = ?3, to_id = ?4, type = ?5,"
                                " date = ?6, start_day = ?7, end_day = ?8, note = ?9, restricted = ?10"
                                " WHERE id = ?1"
                              : "INSERT INTO relations (id, slug, from_id, to_id, type, date,"
                                " start_day, end_day, note, restricted)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                            error);
  if (stmt == NULL)
    return FALSE;

  if (relation->id != 0)
    sqlite3_bind_int64 (stmt, 1, relation->id);
  sqlite3_bind_text (stmt, 2, slug, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, relation->from_id);
  sqlite3_bind_int64 (stmt, 4, relation->to_id);
  sqlite3_bind_text (stmt, 5, relation->relation_type, -1, SQLITE_TRANSIENT);
  bind_text0 (stmt, 6, date);
  if (relation->has_range)
    {
      sqlite3_bind_int64 (stmt, 7, lt_date_range_first_day (&relation->range));
      sqlite3_bind_int64 (stmt, 8, lt_date_range_last_day (&relation->range));
    }
  bind_text0 (stmt, 9, relation->note);
  sqlite3_bind_int (stmt, 10, relation->restricted ? 1 : 0);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      set_constraint_error (self, slug, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  if (update && sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_NOT_FOUND,
                   _("The relation no longer exists"));
      return FALSE;
    }

  if (!update)
    relation->id = sqlite3_last_insert_rowid (self->db);
  _lt_set_str (&relation->slug, slug);

  if (!write_citations (self, "relation_id", relation->id, relation->citations, error) ||
      !write_translations (self, LT_RECORD_RELATION, relation->id, &relation->i18n, error) ||
      !_lt_store_reindex (self, LT_RECORD_RELATION, relation->id, error))
    return FALSE;

  _lt_store_queue_change (self, LT_RECORD_RELATION, relation->id,
                          update ? LT_CHANGE_UPDATED : LT_CHANGE_ADDED);
  return TRUE;
}

static gboolean
collect_ids (LtStore     *self,
             const char  *sql,
             gint64       id,
             GArray      *out,
             GError     **error)
{
  sqlite3_stmt *stmt = _lt_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 v = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (out, v);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return _lt_store_set_sql_error (self, error);

  return TRUE;
}

/* Deletes a record inside a transaction and queues the changes it causes. */
static gboolean
remove_record (LtStore       *self,
               LtRecordKind   kind,
               gint64         id,
               GError       **error)
{
  static const char * const delete_sql[] = {
    "DELETE FROM events WHERE id = ?1",
    "DELETE FROM actors WHERE id = ?1",
    "DELETE FROM sources WHERE id = ?1",
    "DELETE FROM relations WHERE id = ?1",
  };
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) relations = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  if (kind == LT_RECORD_SOURCE)
    {
      gint64 n = 0;

      stmt = _lt_store_prepare (self, "SELECT count(*) FROM citations WHERE source_id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        n = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);

      if (n > 0)
        {
          g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_CONFLICT,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "The source is cited %d time; remove the citation first",
                                    "The source is cited %d times; remove the citations first",
                                    (gulong) n),
                       (int) n);
          return FALSE;
        }
    }

  if (kind == LT_RECORD_ACTOR)
    {
      if (!collect_ids (self, "SELECT DISTINCT event_id FROM event_actors WHERE actor_id = ?1",
                        id, events, error) ||
          !collect_ids (self, "SELECT id FROM relations WHERE from_id = ?1 OR to_id = ?1",
                        id, relations, error))
        return FALSE;
    }

  if (!(stmt = _lt_store_prepare (self, delete_sql[kind], error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_NOT_FOUND,
                   _("The record no longer exists"));
      return FALSE;
    }

  /* In bulk (undoing an import) the index is rebuilt once at the end. */
  if (self->bulk)
    return TRUE;

  if (!(stmt = _lt_store_prepare (self, delete_search_sql (kind), error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id * 4 + kind);
  if (!step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; i < relations->len; i++)
    {
      gint64 rid = g_array_index (relations, gint64, i);

      if (!(stmt = _lt_store_prepare (self, delete_search_sql (LT_RECORD_RELATION), error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, rid * 4 + LT_RECORD_RELATION);
      if (!step_done (self, stmt, error))
        return FALSE;
      _lt_store_queue_change (self, LT_RECORD_RELATION, rid, LT_CHANGE_REMOVED);
    }

  for (guint i = 0; i < events->len; i++)
    _lt_store_queue_change (self, LT_RECORD_EVENT, g_array_index (events, gint64, i),
                            LT_CHANGE_UPDATED);

  _lt_store_queue_change (self, kind, id, LT_CHANGE_REMOVED);
  return TRUE;
}

void
_lt_store_set_bulk (LtStore  *self,
                    gboolean  bulk)
{
  g_assert (self->in_transaction);

  self->bulk = !!bulk;
}

gboolean
_lt_store_write_record (LtStore   *self,
                        GObject   *record,
                        GError   **error)
{
  return write_record (self, record, FALSE, error);
}

/* Undo */

/* Above this many records, undoing an import rebuilds the search index
 * once instead of updating it record by record. */
#define LT_UNDO_BULK_THRESHOLD 200

static const char *
record_label (GObject *record)
{
  if (LT_IS_EVENT (record))
    return lt_event_get_title (LT_EVENT (record));
  if (LT_IS_ACTOR (record))
    return lt_actor_get_name (LT_ACTOR (record));
  if (LT_IS_SOURCE (record))
    return lt_source_get_title (LT_SOURCE (record));
  if (LT_IS_RELATION (record))
    return lt_relation_type_get_label (lt_relation_get_relation_type (LT_RELATION (record)));
  return "";
}

static void
notify_history (LtStore  *self,
                gboolean  could_undo,
                gboolean  could_redo)
{
  if (could_undo != lt_store_get_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != lt_store_get_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void
push_undo (LtStore      *self,
           LtRecordKind  kind,
           LtChange      change,
           gint64        id,
           GObject      *before,
           GObject      *after)
{
  gboolean could_undo = lt_store_get_can_undo (self);
  gboolean could_redo = lt_store_get_can_redo (self);
  UndoEntry *entry = g_new0 (UndoEntry, 1);
  const char *name = record_label (after != NULL ? after : before);

  entry->kind = kind;
  entry->change = change;
  entry->id = id;
  entry->before = before != NULL ? g_object_ref (before) : NULL;
  entry->after = after != NULL ? g_object_ref (after) : NULL;

  switch (change)
    {
    case LT_CHANGE_ADDED:
      /* Translators: an undoable change, shown as "Undo Add “Protest in Minsk”" */
      entry->label = g_strdup_printf (_("Add “%s”"), name);
      break;
    case LT_CHANGE_REMOVED:
      entry->label = g_strdup_printf (_("Delete “%s”"), name);
      break;
    case LT_CHANGE_UPDATED:
    case LT_CHANGE_RELOADED:
    default:
      entry->label = g_strdup_printf (_("Edit “%s”"), name);
      break;
    }

  g_ptr_array_add (self->undo_stack, entry);
  g_ptr_array_set_size (self->redo_stack, 0);
  notify_history (self, could_undo, could_redo);
}

/* A complete, store-less copy of a record for the undo stack. */
static GObject *
snapshot (LtStore      *self,
          LtRecordKind  kind,
          gint64        id)
{
  switch (kind)
    {
    case LT_RECORD_EVENT:
      {
        g_autoptr(LtEvent) e = lt_store_lookup_event (self, id);
        LtEvent *copy = e != NULL ? lt_event_dup (e) : NULL;

        if (copy != NULL)
          g_clear_object (&copy->store);
        return (GObject *) copy;
      }
    case LT_RECORD_ACTOR:
      {
        g_autoptr(LtActor) a = lt_store_lookup_actor (self, id);
        LtActor *copy = a != NULL ? lt_actor_dup (a) : NULL;

        if (copy != NULL)
          g_clear_object (&copy->store);
        return (GObject *) copy;
      }
    case LT_RECORD_SOURCE:
      {
        g_autoptr(LtSource) s = lt_store_lookup_source (self, id);
        LtSource *copy = s != NULL ? lt_source_dup (s) : NULL;

        if (copy != NULL)
          g_clear_object (&copy->store);
        return (GObject *) copy;
      }
    case LT_RECORD_RELATION:
      {
        g_autoptr(LtRelation) r = lt_store_lookup_relation (self, id);
        LtRelation *copy = r != NULL ? lt_relation_dup (r) : NULL;

        if (copy != NULL)
          g_clear_object (&copy->store);
        return (GObject *) copy;
      }
    default:
      return NULL;
    }
}

static gboolean
write_record (LtStore   *self,
              GObject   *record,
              gboolean   update,
              GError   **error)
{
  if (LT_IS_EVENT (record))
    return write_event (self, LT_EVENT (record), update, error);
  if (LT_IS_ACTOR (record))
    return write_actor (self, LT_ACTOR (record), update, error);
  if (LT_IS_SOURCE (record))
    return write_source (self, LT_SOURCE (record), update, error);
  if (LT_IS_RELATION (record))
    return write_relation (self, LT_RELATION (record), update, error);
  g_return_val_if_reached (FALSE);
}

/* Records what an actor deletion will take with it, to bring it back. */
static gboolean
capture_actor_dependents (LtStore    *self,
                          gint64      actor_id,
                          UndoEntry  *entry,
                          GError    **error)
{
  g_autoptr(GArray) relation_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  entry->participations = g_array_new (FALSE, FALSE, sizeof (Participation));
  g_array_set_clear_func (entry->participations, participation_clear);

  if (!(stmt = _lt_store_prepare (self,
                                  "SELECT event_id, position, role FROM event_actors WHERE actor_id = ?1",
                                  error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, actor_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Participation p = {
        sqlite3_column_int64 (stmt, 0),
        sqlite3_column_int64 (stmt, 1),
        dup_column_text (stmt, 2),
      };

      g_array_append_val (entry->participations, p);
    }
  sqlite3_reset (stmt);

  if (!collect_ids (self, "SELECT id FROM relations WHERE from_id = ?1 OR to_id = ?1",
                    actor_id, relation_ids, error))
    return FALSE;

  entry->relations = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < relation_ids->len; i++)
    {
      GObject *r = snapshot (self, LT_RECORD_RELATION, g_array_index (relation_ids, gint64, i));

      if (r != NULL)
        g_ptr_array_add (entry->relations, r);
    }

  return TRUE;
}

static gboolean
restore_actor_dependents (LtStore    *self,
                          UndoEntry  *entry,
                          GError    **error)
{
  for (guint i = 0; entry->relations != NULL && i < entry->relations->len; i++)
    if (!write_relation (self, g_ptr_array_index (entry->relations, i), FALSE, error))
      return FALSE;

  for (guint i = 0; entry->participations != NULL && i < entry->participations->len; i++)
    {
      const Participation *p = &g_array_index (entry->participations, Participation, i);
      sqlite3_stmt *stmt;

      if (!(stmt = _lt_store_prepare (self,
                                      "INSERT INTO event_actors (event_id, position, actor_id, role)"
                                      " VALUES (?1, ?2, ?3, ?4)",
                                      error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, p->event_id);
      sqlite3_bind_int64 (stmt, 2, p->position);
      sqlite3_bind_int64 (stmt, 3, entry->id);
      sqlite3_bind_text (stmt, 4, p->role, -1, SQLITE_TRANSIENT);
      if (!step_done (self, stmt, error))
        return FALSE;
      _lt_store_queue_change (self, LT_RECORD_EVENT, p->event_id, LT_CHANGE_UPDATED);
    }

  return TRUE;
}

static gint64
add_record (LtStore      *self,
            LtRecordKind  kind,
            GObject      *draft,
            gint64       *id_field,
            GError      **error)
{
  g_autoptr(GObject) after = NULL;
  gint64 saved_id = *id_field;

  /* A draft is always a new record, even if it was copied from one. */
  *id_field = 0;

  if (!_lt_store_begin (self, error))
    {
      *id_field = saved_id;
      return 0;
    }

  if (!write_record (self, draft, FALSE, error))
    {
      _lt_store_rollback (self);
      *id_field = saved_id;
      return 0;
    }

  after = snapshot (self, kind, *id_field);
  if (!_lt_store_commit (self, error))
    {
      *id_field = saved_id;
      return 0;
    }

  _lt_record_set_store (draft, kind == LT_RECORD_EVENT ? &LT_EVENT (draft)->store
                               : kind == LT_RECORD_ACTOR ? &LT_ACTOR (draft)->store
                               : kind == LT_RECORD_SOURCE ? &LT_SOURCE (draft)->store
                               : &LT_RELATION (draft)->store, self);
  push_undo (self, kind, LT_CHANGE_ADDED, *id_field, NULL, after);
  return *id_field;
}

static gboolean
update_record (LtStore      *self,
               LtRecordKind  kind,
               GObject      *record,
               gint64        id,
               GError      **error)
{
  g_autoptr(GObject) before = NULL;
  g_autoptr(GObject) after = NULL;

  if (id == 0)
    {
      g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_NOT_FOUND,
                   _("The record has not been added to the chronicle yet"));
      return FALSE;
    }

  if (!(before = snapshot (self, kind, id)))
    {
      g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_NOT_FOUND,
                   _("The record no longer exists"));
      return FALSE;
    }

  if (!_lt_store_begin (self, error))
    return FALSE;

  if (!write_record (self, record, TRUE, error))
    {
      _lt_store_rollback (self);
      return FALSE;
    }

  after = snapshot (self, kind, id);
  if (!_lt_store_commit (self, error))
    return FALSE;

  push_undo (self, kind, LT_CHANGE_UPDATED, id, before, after);
  return TRUE;
}

static gboolean
delete_record (LtStore       *self,
               LtRecordKind   kind,
               gint64         id,
               GError       **error)
{
  g_autoptr(GObject) before = NULL;
  UndoEntry *entry;
  gboolean could_undo = lt_store_get_can_undo (self);
  gboolean could_redo = lt_store_get_can_redo (self);

  if (!(before = snapshot (self, kind, id)))
    {
      g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_NOT_FOUND,
                   _("The record no longer exists"));
      return FALSE;
    }

  entry = g_new0 (UndoEntry, 1);
  entry->kind = kind;
  entry->change = LT_CHANGE_REMOVED;
  entry->id = id;
  entry->before = g_steal_pointer (&before);
  /* Translators: an undoable change, shown as "Undo Delete “Viasna”" */
  entry->label = g_strdup_printf (_("Delete “%s”"), record_label (entry->before));

  if (!_lt_store_begin (self, error))
    {
      undo_entry_free (entry);
      return FALSE;
    }

  if ((kind == LT_RECORD_ACTOR && !capture_actor_dependents (self, id, entry, error)) ||
      !remove_record (self, kind, id, error))
    {
      _lt_store_rollback (self);
      undo_entry_free (entry);
      return FALSE;
    }

  if (!_lt_store_commit (self, error))
    {
      undo_entry_free (entry);
      return FALSE;
    }

  g_ptr_array_add (self->undo_stack, entry);
  g_ptr_array_set_size (self->redo_stack, 0);
  notify_history (self, could_undo, could_redo);
  return TRUE;
}

/* Imports: one undo step for many records, written in the caller's
 * transaction. The records are kept as written (store-less, with their row
 * ids), so redo writes them back with the same ids. */

struct _LtUndoGroup
{
  GPtrArray *entries;
};

LtUndoGroup *
_lt_undo_group_new (void)
{
  LtUndoGroup *group = g_new0 (LtUndoGroup, 1);

  group->entries = g_ptr_array_new_with_free_func (undo_entry_free);
  return group;
}

void
_lt_undo_group_free (LtUndoGroup *group)
{
  if (group == NULL)
    return;
  g_ptr_array_unref (group->entries);
  g_free (group);
}

static LtRecordKind
record_kind (GObject *record)
{
  if (LT_IS_EVENT (record))
    return LT_RECORD_EVENT;
  if (LT_IS_ACTOR (record))
    return LT_RECORD_ACTOR;
  if (LT_IS_SOURCE (record))
    return LT_RECORD_SOURCE;
  return LT_RECORD_RELATION;
}

static gint64
record_id (GObject *record)
{
  if (LT_IS_EVENT (record))
    return LT_EVENT (record)->id;
  if (LT_IS_ACTOR (record))
    return LT_ACTOR (record)->id;
  if (LT_IS_SOURCE (record))
    return LT_SOURCE (record)->id;
  return LT_RELATION (record)->id;
}

/**
 * _lt_store_group_write:
 * @self: a store, in a transaction
 * @group: the import's undo group
 * @record: a store-less record; with a row id it replaces that record
 * @error: return location for an error
 *
 * Writes @record and remembers how to take it back. The group keeps a
 * reference to @record.
 */
gboolean
_lt_store_group_write (LtStore      *self,
                       LtUndoGroup  *group,
                       GObject      *record,
                       GError      **error)
{
  LtRecordKind kind = record_kind (record);
  gint64 id = record_id (record);
  g_autoptr(GObject) before = NULL;
  UndoEntry *entry;

  g_assert (self->in_transaction);

  if (id != 0 && !(before = snapshot (self, kind, id)))
    {
      g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_NOT_FOUND,
                   _("The record no longer exists"));
      return FALSE;
    }

  if (!write_record (self, record, id != 0, error))
    return FALSE;

  entry = g_new0 (UndoEntry, 1);
  entry->kind = kind;
  entry->change = id != 0 ? LT_CHANGE_UPDATED : LT_CHANGE_ADDED;
  entry->id = record_id (record);
  entry->before = g_steal_pointer (&before);
  entry->after = g_object_ref (record);
  g_ptr_array_add (group->entries, entry);
  return TRUE;
}

/**
 * _lt_store_push_group:
 * @self: a store, after the import's transaction committed
 * @group: (transfer full): the import's undo group
 * @label: what undo would revert, e.g. "Import “events.csv”"
 *
 * Makes the whole import one undo step (nothing when it wrote nothing).
 */
void
_lt_store_push_group (LtStore     *self,
                      LtUndoGroup *group,
                      const char  *label)
{
  gboolean could_undo = lt_store_get_can_undo (self);
  gboolean could_redo = lt_store_get_can_redo (self);
  UndoEntry *entry;

  if (group->entries->len == 0)
    {
      _lt_undo_group_free (group);
      return;
    }

  entry = g_new0 (UndoEntry, 1);
  entry->change = LT_CHANGE_RELOADED;
  entry->children = g_steal_pointer (&group->entries);
  entry->label = g_strdup (label);
  g_free (group);

  g_ptr_array_add (self->undo_stack, entry);
  g_ptr_array_set_size (self->redo_stack, 0);
  notify_history (self, could_undo, could_redo);
}

/**
 * _lt_store_adopt_history:
 * @self: the window's store
 * @other: a worker's store on the same file, which just committed a change
 *
 * Moves @other's last undo step to @self and tells @self's models that
 * the file changed under them.
 */
void
_lt_store_adopt_history (LtStore *self,
                         LtStore *other)
{
  gboolean could_undo = lt_store_get_can_undo (self);
  gboolean could_redo = lt_store_get_can_redo (self);

  g_assert (!self->in_transaction);

  if (other->undo_stack->len > 0)
    {
      g_ptr_array_add (self->undo_stack,
                       g_ptr_array_steal_index (other->undo_stack, other->undo_stack->len - 1));
      g_ptr_array_set_size (self->redo_stack, 0);
    }

  _lt_store_invalidate_places (self);
  g_signal_emit (self, signals[CHANGED], 0, "*", (gint64) 0, (int) LT_CHANGE_RELOADED);
  notify_history (self, could_undo, could_redo);
}

/**
 * lt_store_add_event:
 * @self: a store
 * @draft: an event made with [ctor@Event.new] (or a copy)
 * @error: return location for an error
 *
 * Adds @draft as a new event; on success @draft gets its row id and slug.
 *
 * Returns: the new row id, 0 on error
 */
gint64
lt_store_add_event (LtStore  *self,
                    LtEvent  *draft,
                    GError  **error)
{
  g_return_val_if_fail (LT_IS_STORE (self), 0);
  g_return_val_if_fail (LT_IS_EVENT (draft), 0);

  return add_record (self, LT_RECORD_EVENT, G_OBJECT (draft), &draft->id, error);
}

/**
 * lt_store_update_event:
 * @self: a store
 * @event: a stored event with changes (see [method@Event.dup])
 * @error: return location for an error
 *
 * Returns: %TRUE on success
 */
gboolean
lt_store_update_event (LtStore  *self,
                       LtEvent  *event,
                       GError  **error)
{
  g_return_val_if_fail (LT_IS_STORE (self), FALSE);
  g_return_val_if_fail (LT_IS_EVENT (event), FALSE);

  return update_record (self, LT_RECORD_EVENT, G_OBJECT (event), event->id, error);
}

gboolean
lt_store_delete_event (LtStore  *self,
                       gint64    id,
                       GError  **error)
{
  g_return_val_if_fail (LT_IS_STORE (self), FALSE);

  return delete_record (self, LT_RECORD_EVENT, id, error);
}

gint64
lt_store_add_actor (LtStore  *self,
                    LtActor  *draft,
                    GError  **error)
{
  g_return_val_if_fail (LT_IS_STORE (self), 0);
  g_return_val_if_fail (LT_IS_ACTOR (draft), 0);

  return add_record (self, LT_RECORD_ACTOR, G_OBJECT (draft), &draft->id, error);
}

gboolean
lt_store_update_actor (LtStore  *self,
                       LtActor  *actor,
                       GError  **error)
{
  g_return_val_if_fail (LT_IS_STORE (self), FALSE);
  g_return_val_if_fail (LT_IS_ACTOR (actor), FALSE);

  return update_record (self, LT_RECORD_ACTOR, G_OBJECT (actor), actor->id, error);
}

/**
 * lt_store_delete_actor:
 * @self: a store
 * @id: an actor
 * @error: return location for an error
 *
 * Deletes the actor, its relations and its participation in events
 * (the events stay). Undo brings all of it back.
 *
 * Returns: %TRUE on success
 */
gboolean
lt_store_delete_actor (LtStore  *self,
                       gint64    id,
                       GError  **error)
{
  g_return_val_if_fail (LT_IS_STORE (self), FALSE);

  return delete_record (self, LT_RECORD_ACTOR, id, error);
}

gint64
lt_store_add_relation (LtStore     *self,
                       LtRelation  *draft,
                       GError     **error)
{
  g_return_val_if_fail (LT_IS_STORE (self), 0);
  g_return_val_if_fail (LT_IS_RELATION (draft), 0);

  return add_record (self, LT_RECORD_RELATION, G_OBJECT (draft), &draft->id, error);
}

gboolean
lt_store_update_relation (LtStore     *self,
                          LtRelation  *relation,
                          GError     **error)
{
  g_return_val_if_fail (LT_IS_STORE (self), FALSE);
  g_return_val_if_fail (LT_IS_RELATION (relation), FALSE);

  return update_record (self, LT_RECORD_RELATION, G_OBJECT (relation), relation->id, error);
}

gboolean
lt_store_delete_relation (LtStore  *self,
                          gint64    id,
                          GError  **error)
{
  g_return_val_if_fail (LT_IS_STORE (self), FALSE);

  return delete_record (self, LT_RECORD_RELATION, id, error);
}

gint64
lt_store_add_source (LtStore   *self,
                     LtSource  *draft,
                     GError   **error)
{
  g_return_val_if_fail (LT_IS_STORE (self), 0);
  g_return_val_if_fail (LT_IS_SOURCE (draft), 0);

  return add_record (self, LT_RECORD_SOURCE, G_OBJECT (draft), &draft->id, error);
}

gboolean
lt_store_update_source (LtStore   *self,
                        LtSource  *source,
                        GError   **error)
{
  g_return_val_if_fail (LT_IS_STORE (self), FALSE);
  g_return_val_if_fail (LT_IS_SOURCE (source), FALSE);

  return update_record (self, LT_RECORD_SOURCE, G_OBJECT (source), source->id, error);
}

/**
 * lt_store_delete_source:
 * @self: a store
 * @id: a source
 * @error: return location for an error
 *
 * Deletes a source that nothing cites (%LT_STORE_ERROR_CONFLICT otherwise).
 *
 * Returns: %TRUE on success
 */
gboolean
lt_store_delete_source (LtStore  *self,
                        gint64    id,
                        GError  **error)
{
  g_return_val_if_fail (LT_IS_STORE (self), FALSE);

  return delete_record (self, LT_RECORD_SOURCE, id, error);
}

/* Drops @source_id's citations from a store-less copy of an event or relation. */
static void
drop_citations_of (GPtrArray *citations,
                   gint64     source_id)
{
  for (guint i = citations->len; i > 0; i--)
    if (((LtCitation *) g_ptr_array_index (citations, i - 1))->source_id == source_id)
      g_ptr_array_remove_index (citations, i - 1);
}

/**
 * lt_store_delete_source_and_citations:
 * @self: a store
 * @id: a source
 * @error: return location for an error
 *
 * Deletes a source with every citation of it: the events and relations that cite it stay,
 * without that citation. One undo step brings the source and all its citations back.
 *
 * Returns: %TRUE on success
 */
gboolean
lt_store_delete_source_and_citations (LtStore  *self,
                                      gint64    id,
                                      GError  **error)
{
  g_autoptr(GArray) event_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) relation_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GObject) source = NULL;
  gboolean could_undo = lt_store_get_can_undo (self);
  gboolean could_redo = lt_store_get_can_redo (self);
  UndoEntry *group;
  UndoEntry *removal;

  g_return_val_if_fail (LT_IS_STORE (self), FALSE);

  if (!(source = snapshot (self, LT_RECORD_SOURCE, id)))
    {
      g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_NOT_FOUND,
                   _("The record no longer exists"));
      return FALSE;
    }
  if (!collect_ids (self, "SELECT DISTINCT event_id FROM citations WHERE source_id = ?1 AND event_id IS NOT NULL",
                    id, event_ids, error) ||
      !collect_ids (self, "SELECT DISTINCT relation_id FROM citations WHERE source_id = ?1 AND relation_id IS NOT NULL",
                    id, relation_ids, error))
    return FALSE;

  group = g_new0 (UndoEntry, 1);
  group->change = LT_CHANGE_RELOADED;
  group->children = g_ptr_array_new_with_free_func (undo_entry_free);
  group->label = g_strdup_printf (_("Delete “%s”"), record_label (source));

  if (!_lt_store_begin (self, error))
    {
      undo_entry_free (group);
      return FALSE;
    }

  /* the citing records first, so that undo puts the source back before them */
  for (guint k = 0; k < 2; k++)
    {
      GArray *ids = k == 0 ? event_ids : relation_ids;
      LtRecordKind kind = k == 0 ? LT_RECORD_EVENT : LT_RECORD_RELATION;

      for (guint i = 0; i < ids->len; i++)
        {
          gint64 citing = g_array_index (ids, gint64, i);
          UndoEntry *entry = g_new0 (UndoEntry, 1);

          entry->kind = kind;
          entry->change = LT_CHANGE_UPDATED;
          entry->id = citing;
          entry->before = snapshot (self, kind, citing);
          entry->after = snapshot (self, kind, citing);
          g_ptr_array_add (group->children, entry);
          if (entry->before == NULL)
            goto fail;
          drop_citations_of (kind == LT_RECORD_EVENT ? lt_event_get_citations (LT_EVENT (entry->after))
                                                     : lt_relation_get_citations (LT_RELATION (entry->after)),
                             id);
          if (!write_record (self, entry->after, TRUE, error))
            goto fail;
        }
    }

  removal = g_new0 (UndoEntry, 1);
  removal->kind = LT_RECORD_SOURCE;
  removal->change = LT_CHANGE_REMOVED;
  removal->id = id;
  removal->before = g_steal_pointer (&source);
  g_ptr_array_add (group->children, removal);
  if (!remove_record (self, LT_RECORD_SOURCE, id, error) || !_lt_store_commit (self, error))
    goto fail;

  g_ptr_array_add (self->undo_stack, group);
  g_ptr_array_set_size (self->redo_stack, 0);
  notify_history (self, could_undo, could_redo);
  return TRUE;

fail:
  if (error != NULL && *error == NULL)
    g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_NOT_FOUND, _("The record no longer exists"));
  if (self->in_transaction)
    _lt_store_rollback (self);
  undo_entry_free (group);
  return FALSE;
}

/* Applies one side of an entry: forward = redo, !forward = undo. */
static gboolean
apply_entry (LtStore    *self,
             UndoEntry  *entry,
             gboolean    forward,
             GError    **error)
{
  LtChange change = entry->change;

  /* An import goes back in reverse: its updates before the records they
   * may point at are removed. */
  if (entry->children != NULL)
    {
      for (guint i = 0; i < entry->children->len; i++)
        {
          guint k = forward ? i : entry->children->len - 1 - i;

          if (!apply_entry (self, g_ptr_array_index (entry->children, k), forward, error))
            return FALSE;
        }
      return TRUE;
    }

  switch (change)
    {
    case LT_CHANGE_ADDED:
      if (forward)
        return write_record (self, entry->after, FALSE, error);
      return remove_record (self, entry->kind, entry->id, error);

    case LT_CHANGE_REMOVED:
      if (forward)
        return remove_record (self, entry->kind, entry->id, error);
      if (!write_record (self, entry->before, FALSE, error))
        return FALSE;
      return entry->kind != LT_RECORD_ACTOR || restore_actor_dependents (self, entry, error);

    case LT_CHANGE_UPDATED:
      return write_record (self, forward ? entry->after : entry->before, TRUE, error);

    case LT_CHANGE_RELOADED:
    default:
      g_return_val_if_reached (FALSE);
    }
}

static gboolean
step_history (LtStore   *self,
              gboolean   forward,
              GError   **error)
{
  GPtrArray *from = forward ? self->redo_stack : self->undo_stack;
  GPtrArray *to = forward ? self->undo_stack : self->redo_stack;
  gboolean could_undo = lt_store_get_can_undo (self);
  gboolean could_redo = lt_store_get_can_redo (self);
  UndoEntry *entry;

  if (from->len == 0)
    {
      g_set_error_literal (error, LT_STORE_ERROR, LT_STORE_ERROR_NOTHING_TO_UNDO,
                           forward ? _("There is nothing to redo") : _("There is nothing to undo"));
      return FALSE;
    }

  entry = g_ptr_array_index (from, from->len - 1);

  if (!_lt_store_begin (self, error))
    return FALSE;

  /* A big import is taken back like it came in: no per-record signals,
   * one search rebuild and one RELOADED. */
  if (entry->children != NULL && entry->children->len > LT_UNDO_BULK_THRESHOLD)
    _lt_store_set_bulk (self, TRUE);

  if (!apply_entry (self, entry, forward, error) ||
      (self->bulk && !_lt_store_rebuild_search (self, error)))
    {
      _lt_store_rollback (self);
      return FALSE;
    }
  if (self->bulk)
    _lt_store_queue_change (self, LT_RECORD_EVENT, 0, LT_CHANGE_RELOADED);

  if (!_lt_store_commit (self, error))
    return FALSE;

  g_ptr_array_add (to, g_ptr_array_steal_index (from, from->len - 1));
  notify_history (self, could_undo, could_redo);
  return TRUE;
}

/**
 * lt_store_undo:
 * @self: a store
 * @error: return location for an error
 *
 * Reverts the last change made through the store.
 *
 * Returns: %TRUE on success
 */
gboolean
lt_store_undo (LtStore  *self,
               GError  **error)
{
  g_return_val_if_fail (LT_IS_STORE (self), FALSE);

  return step_history (self, FALSE, error);
}

/**
 * lt_store_redo:
 * @self: a store
 * @error: return location for an error
 *
 * Applies the last undone change again.
 *
 * Returns: %TRUE on success
 */
gboolean
lt_store_redo (LtStore  *self,
               GError  **error)
{
  g_return_val_if_fail (LT_IS_STORE (self), FALSE);

  return step_history (self, TRUE, error);
}

gboolean
lt_store_get_can_undo (LtStore *self)
{
  g_return_val_if_fail (LT_IS_STORE (self), FALSE);

  return self->undo_stack->len > 0;
}

gboolean
lt_store_get_can_redo (LtStore *self)
{
  g_return_val_if_fail (LT_IS_STORE (self), FALSE);

  return self->redo_stack->len > 0;
}

/**
 * lt_store_get_undo_label:
 * @self: a store
 *
 * Returns: (nullable): what undo would revert, e.g. "Delete “Viasna”"
 */
const char *
lt_store_get_undo_label (LtStore *self)
{
  UndoEntry *entry;

  g_return_val_if_fail (LT_IS_STORE (self), NULL);

  if (self->undo_stack->len == 0)
    return NULL;
  entry = g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1);
  return entry->label;
}

const char *
lt_store_get_redo_label (LtStore *self)
{
  UndoEntry *entry;

  g_return_val_if_fail (LT_IS_STORE (self), NULL);

  if (self->redo_stack->len == 0)
    return NULL;
  entry = g_ptr_array_index (self->redo_stack, self->redo_stack->len - 1);
  return entry->label;
}

void
lt_store_clear_history (LtStore *self)
{
  gboolean could_undo, could_redo;

  g_return_if_fail (LT_IS_STORE (self));

  could_undo = lt_store_get_can_undo (self);
  could_redo = lt_store_get_can_redo (self);
  g_ptr_array_set_size (self->undo_stack, 0);
  g_ptr_array_set_size (self->redo_stack, 0);
  notify_history (self, could_undo, could_redo);
}

/* Layouts */

/**
 * lt_store_save_positions:
 * @self: a store
 * @layout_name: a name for the layout, e.g. "default"
 * @positions: (element-type LtActorPosition): node positions
 * @error: return location for an error
 *
 * Replaces the saved layout @layout_name. Not part of undo.
 *
 * Returns: %TRUE on success
 */
gboolean
lt_store_save_positions (LtStore     *self,
                         const char  *layout_name,
                         GArray      *positions,
                         GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LT_IS_STORE (self), FALSE);
  g_return_val_if_fail (layout_name != NULL, FALSE);
  g_return_val_if_fail (positions != NULL, FALSE);

  if (!_lt_store_begin (self, error))
    return FALSE;

  if (!(stmt = _lt_store_prepare (self, "DELETE FROM layouts WHERE name = ?1", error)))
    goto fail;
  sqlite3_bind_text (stmt, 1, layout_name, -1, SQLITE_TRANSIENT);
  if (!step_done (self, stmt, error))
    goto fail;

  for (guint i = 0; i < positions->len; i++)
    {
      const LtActorPosition *p = &g_array_index (positions, LtActorPosition, i);

      if (!(stmt = _lt_store_prepare (self,
                                      "INSERT OR REPLACE INTO layouts (name, actor_id, x, y, pinned)"
                                      " SELECT ?1, ?2, ?3, ?4, ?5 WHERE EXISTS"
                                      " (SELECT 1 FROM actors WHERE id = ?2)",
                                      error)))
        goto fail;
      sqlite3_bind_text (stmt, 1, layout_name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, p->actor_id);
      sqlite3_bind_double (stmt, 3, p->x);
      sqlite3_bind_double (stmt, 4, p->y);
      sqlite3_bind_int (stmt, 5, p->pinned ? 1 : 0);
      if (!step_done (self, stmt, error))
        goto fail;
    }

  return _lt_store_commit (self, error);

fail:
  _lt_store_rollback (self);
  return FALSE;
}

/**
 * lt_store_load_positions:
 * @self: a store
 * @layout_name: a layout name
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type LtActorPosition): the saved
 *   positions, empty if there are none
 */
GArray *
lt_store_load_positions (LtStore     *self,
                         const char  *layout_name,
                         GError     **error)
{
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (LtActorPosition));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LT_IS_STORE (self), NULL);
  g_return_val_if_fail (layout_name != NULL, NULL);

  stmt = _lt_store_prepare (self,
                            "SELECT actor_id, x, y, pinned FROM layouts WHERE name = ?1"
                            " ORDER BY actor_id",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, layout_name, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LtActorPosition p = {
        sqlite3_column_int64 (stmt, 0),
        (float) sqlite3_column_double (stmt, 1),
        (float) sqlite3_column_double (stmt, 2),
        sqlite3_column_int (stmt, 3) != 0,
      };

      g_array_append_val (positions, p);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _lt_store_set_sql_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&positions);
}
