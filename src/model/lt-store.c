/* lt-store.c: the LtStore type
 *
 * The object, its properties and "changed" signal, the statement cache,
 * transactions and the changes they queue. The store's other concerns
 * have their own lt-store-*.c files (see src/DESIGN.md).
 *
 * Copyright 2024 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lt-language.h"
#include "lt-model-private.h"
#include "lt-store-private.h"

enum {
  PROP_0,
  PROP_PATH,
  PROP_LANGUAGE,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_WRITABLE,
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

gboolean
_lt_store_exec_sql (LtStore     *self,
                    const char  *sql,
                    GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return _lt_store_set_sql_error (self, error);
  return TRUE;
}

/* Transactions */

gboolean
_lt_store_begin (LtStore  *self,
                 GError  **error)
{
  g_assert (!self->in_transaction);

  if (!_lt_store_ensure_writable (self, error))
    return FALSE;

  if (!_lt_store_exec_sql (self, "BEGIN IMMEDIATE", error))
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

void
_lt_store_emit_changed (LtStore    *self,
                        const char *table,
                        gint64      id,
                        LtChange    change)
{
  g_signal_emit (self, signals[CHANGED], 0, table != NULL ? table : "*", id, (int) change);
}

void
_lt_store_notify_writable (LtStore *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WRITABLE]);
}

/* Tells about can-undo and can-redo if they differ from before a change. */
void
_lt_store_notify_history (LtStore  *self,
                          gboolean  could_undo,
                          gboolean  could_redo)
{
  if (could_undo != lt_store_get_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != lt_store_get_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

gboolean
_lt_store_commit (LtStore  *self,
                  GError  **error)
{
  g_assert (self->in_transaction);

  if (!_lt_store_exec_sql (self, "COMMIT", error))
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
  g_clear_error (&self->check_error);
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
    case PROP_WRITABLE:
      g_value_set_boolean (value, lt_store_get_writable (self));
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
  /* FALSE while a chronicle opened with LT_STORE_OPEN_CHECK_LATER is being checked */
  properties[PROP_WRITABLE] =
    g_param_spec_boolean ("writable", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LtStore::changed:
   * @self: the store
   * @table: "events", "actors", "sources", "relations", or "*" with %LT_CHANGE_RELOADED
   * @id: the record's row id (0 with %LT_CHANGE_RELOADED)
   * @change: the #LtChange
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
                  G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_INT64, LT_TYPE_CHANGE);

  /* Records this store builds load their details through it. */
  _lt_record_set_loader (&_lt_store_record_loader);
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
  self->undo_stack = g_ptr_array_new_with_free_func (_lt_store_undo_entry_free);
  self->redo_stack = g_ptr_array_new_with_free_func (_lt_store_undo_entry_free);
  self->language = g_intern_static_string (lt_get_ui_language ());
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
 * Returns: %TRUE if the store was opened with %LT_STORE_OPEN_READ_ONLY, or with
 *   %LT_STORE_OPEN_CHECK_LATER and not yet found sound; other connections to its file
 *   (workers) must then be opened read-only too
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

  _lt_store_query_int (self->db, "PRAGMA user_version", &version);
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

  _lt_store_query_int (self->db,
                       "SELECT EXISTS (SELECT 1 FROM events) OR EXISTS (SELECT 1 FROM actors)"
                       " OR EXISTS (SELECT 1 FROM sources)",
                       &n);
  return n == 0;
}

