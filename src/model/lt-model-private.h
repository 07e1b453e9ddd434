/* lt-model-private.h: internals shared by the files of lt-model
 *
 * Copyright 2024 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <math.h>
#include <sqlite3.h>

#include "lt-model.h"
#include "lt-record-private.h"

G_BEGIN_DECLS

#define LT_SCHEMA_VERSION 2
/* 'LTAP': marks a file as a Letapis chronicle (PRAGMA application_id). */
#define LT_APPLICATION_ID 0x4c544150

/* Events spanning more days than this are "long": they are found through
 * a partial index so that window queries only scan a short stretch. */
#define LT_LONG_SPAN 62

/* The columns _lt_store_event_from_row() reads, events aliased "e". */
#define LT_EVENT_COLUMNS \
  "e.id, e.slug, e.title, e.summary, e.place, e.category, e.date, e.restricted"

typedef struct
{
  gint64 id;
  gint32 start_day;
} LtDayKey;

/* lt-fold.c */
char         *_lt_fold                      (const char       *text);
char         *_lt_fold_query                (const char       *query);

/* The store (lt-store.c and lt-store-*.c), for the other files of lt-model;
 * what only the store's own files share is in lt-store-private.h. */
sqlite3      *_lt_store_get_db              (LtStore          *self);
sqlite3_stmt *_lt_store_prepare             (LtStore          *self,
                                             const char       *sql,
                                             GError          **error);
gboolean      _lt_store_set_sql_error       (LtStore          *self,
                                             GError          **error);
void          _lt_store_load_event_details  (LtStore          *self,
                                             LtEvent          *event);
void          _lt_store_load_relation_details (LtStore        *self,
                                               LtRelation     *relation);
void          _lt_store_load_i18n           (LtStore          *self,
                                             LtRecordKind      kind,
                                             gint64            id,
                                             LtI18n           *i18n);
gboolean      _lt_store_begin               (LtStore          *self,
                                             GError          **error);
gboolean      _lt_store_commit              (LtStore          *self,
                                             GError          **error);
void          _lt_store_rollback            (LtStore          *self);
void          _lt_store_queue_change        (LtStore          *self,
                                             LtRecordKind      kind,
                                             gint64            id,
                                             LtChange          change);
gboolean      _lt_store_reindex             (LtStore          *self,
                                             LtRecordKind      kind,
                                             gint64            id,
                                             GError          **error);
void          _lt_store_set_bulk            (LtStore          *self,
                                             gboolean          bulk);
gboolean      _lt_store_write_record        (LtStore          *self,
                                             GObject          *record,
                                             GError          **error);
gboolean      _lt_store_rebuild_search      (LtStore          *self,
                                             GError          **error);
gint64        _lt_store_intern_place        (LtStore          *self,
                                             const char       *place,
                                             GError          **error);
void          _lt_store_invalidate_places   (LtStore          *self);
typedef struct _LtUndoGroup LtUndoGroup;
LtUndoGroup  *_lt_undo_group_new           (void);
void          _lt_undo_group_free          (LtUndoGroup      *group);
gboolean      _lt_store_group_write         (LtStore          *self,
                                             LtUndoGroup      *group,
                                             GObject          *record,
                                             GError          **error);
void          _lt_store_push_group          (LtStore          *self,
                                             LtUndoGroup      *group,
                                             const char       *label);
void          _lt_store_adopt_history       (LtStore          *self,
                                             LtStore          *other);
/* For tests: create or open a file, migrating it only up to @version. */
LtStore      *_lt_store_open_at_version     (const char       *path,
                                             int               version,
                                             GError          **error);
LtEvent      *_lt_store_event_from_row      (LtStore          *self,
                                             sqlite3_stmt     *stmt);
LtRecord     *_lt_store_lookup_record       (LtStore          *self,
                                             LtRecordKind      kind,
                                             gint64            id);
GArray       *_lt_store_dup_event_keys      (LtStore             *self,
                                             const LtEventFilter *filter,
                                             GError             **error);
gboolean      _lt_store_event_matches       (LtStore             *self,
                                             const LtEventFilter *filter,
                                             gint64               id,
                                             gint32              *start_day);
GPtrArray    *_lt_store_load_actors         (LtStore          *self,
                                             const char       *kind);
GPtrArray    *_lt_store_load_relations      (LtStore          *self,
                                             gint64            actor_id);
GPtrArray    *_lt_store_load_sources        (LtStore          *self);

/* lt-record-list.c, for its subclasses */
void          _lt_record_list_items_changed (LtRecordList     *self,
                                             guint             position,
                                             guint             removed,
                                             guint             added);
guint         _lt_record_list_bisect        (guint             n,
                                             gboolean        (*before) (guint    i,
                                                                        gpointer data),
                                             gpointer          data);
void          _lt_record_list_moved         (LtRecordList     *self,
                                             gboolean          was_in,
                                             guint             old_pos,
                                             gboolean          is_in,
                                             guint             new_pos);

/* lt-store-filter.c: the visibility rule */
typedef enum
{
  LT_VISIBLE_EVENT,        /* an events (or event_counts) row */
  LT_VISIBLE_ACTOR,        /* an actors row */
  LT_VISIBLE_SOURCE,       /* a sources row */
  LT_VISIBLE_RELATION,     /* a relations row: itself and both its actors */
  LT_VISIBLE_PARTICIPANT,  /* an event_actors row: its event and its actor */
} LtVisible;

char         *_lt_visible_sql               (LtVisible            what,
                                             const char          *alias,
                                             gboolean             include_restricted);

/* lt-store-filter.c: SQL for an LtEventFilter */
typedef struct
{
  GString *where;  /* " AND ..." clauses, may be empty */
  GArray  *binds;  /* of FilterBind */
} LtFilterSql;

void          _lt_filter_sql_init           (LtFilterSql         *sql,
                                             const LtEventFilter *filter,
                                             gboolean             with_window);
void          _lt_filter_sql_clear          (LtFilterSql         *sql);
gboolean      _lt_filter_sql_bind           (LtFilterSql         *sql,
                                             sqlite3_stmt        *stmt,
                                             int                  first_index);

/* lt-store-json.c */
typedef gboolean (*LtJsonMergeFunc) (GObject  *record,
                                     gpointer  data,
                                     GError  **error);
gboolean      _lt_store_merge_json          (LtStore          *self,
                                             JsonNode         *root,
                                             const char       *name,
                                             LtJsonMergeFunc   merge,
                                             gpointer          data,
                                             GError          **error);

/* lt-store-schema.c */
gboolean      _lt_schema_migrate            (sqlite3          *db,
                                             int               target_version,
                                             GError          **error);
void          _lt_schema_register_functions (sqlite3          *db);
gboolean      _lt_schema_check              (sqlite3          *db,
                                             char            **missing);

G_END_DECLS
