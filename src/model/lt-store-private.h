/* lt-store-private.h: the store's state and the functions its files share
 *
 * Copyright 2024 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lt-model-private.h"
#include "lt-store.h"

G_BEGIN_DECLS

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
  /* Opened with LT_STORE_OPEN_CHECK_LATER: a reader until lt_store_check_async() is done */
  guint       check_pending : 1;
  guint       quick_check : 1;
  GPtrArray  *check_waiters;  /* of GTask, while the check runs */
  GError     *check_error;    /* the check's failure: the store stays a reader */
  /* Imports: no per-record search rows or change signals; the search
   * index is rebuilt and one RELOADED change queued at the end. */
  guint       bulk : 1;
};

/* lt-store.c */
gboolean      _lt_store_exec_sql            (LtStore          *self,
                                             const char       *sql,
                                             GError          **error);
void          _lt_store_emit_changed        (LtStore          *self,
                                             const char       *table,
                                             gint64            id,
                                             LtChange          change);
void          _lt_store_notify_writable     (LtStore          *self);
void          _lt_store_notify_history      (LtStore          *self,
                                             gboolean          could_undo,
                                             gboolean          could_redo);

/* lt-store-open.c */
gboolean      _lt_store_query_int           (sqlite3          *db,
                                             const char       *sql,
                                             gint64           *out);
int           _lt_store_open_reader         (const char       *path,
                                             sqlite3         **db);
void          _lt_store_set_open_error      (GError          **error,
                                             const char       *path,
                                             int               rc,
                                             const char       *detail);
gboolean      _lt_store_connect             (LtStore          *self,
                                             gboolean          writer,
                                             gboolean          plain_reader,
                                             int               version,
                                             GError          **error);

/* lt-store-check.c */
gboolean      _lt_store_wants_quick_check   (const char       *path,
                                             LtStoreOpenFlags  flags);
gboolean      _lt_store_run_page_check      (sqlite3          *db,
                                             const char       *path,
                                             gboolean          quick,
                                             GError          **error);
gboolean      _lt_store_ensure_writable     (LtStore          *self,
                                             GError          **error);

/* lt-store-load.c */
extern const LtRecordLoader _lt_store_record_loader;
gint64        _lt_store_find_by_slug        (LtStore          *self,
                                             const char       *sql,
                                             const char       *slug);

/* lt-store-search.c */
const char   *_lt_store_delete_search_sql   (LtRecordKind      kind);

/* lt-store-write.c */
gboolean      _lt_store_put_record          (LtStore          *self,
                                             GObject          *record,
                                             gboolean          update,
                                             GError          **error);
gboolean      _lt_store_remove_record       (LtStore          *self,
                                             LtRecordKind      kind,
                                             gint64            id,
                                             GError          **error);
gboolean      _lt_store_collect_ids         (LtStore          *self,
                                             const char       *sql,
                                             gint64            id,
                                             GArray           *ids,
                                             GError          **error);

/* lt-store-undo.c */
void          _lt_store_undo_entry_free     (gpointer          data);

/* Small helpers every file uses, inline for the loops over many rows. */

/* Runs a prepared statement that returns no rows. */
static inline gboolean
_lt_store_step_done (LtStore       *self,
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

static inline void
_lt_store_bind_text0 (sqlite3_stmt *stmt,
                      int           index,
                      const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

static inline char *
_lt_store_dup_column_text (sqlite3_stmt *stmt,
                           int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

G_END_DECLS
