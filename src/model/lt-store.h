/* lt-store.h: LtStore, the chronicle in its SQLite file: opening, reading, writing, undo
 *
 * Copyright 2024 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lt-actor.h"
#include "lt-date.h"
#include "lt-event.h"
#include "lt-event-filter.h"
#include "lt-relation.h"
#include "lt-source.h"
#include "lt-types.h"

G_BEGIN_DECLS

#define LT_STORE_ERROR (lt_store_error_quark ())

typedef enum
{
  LT_STORE_ERROR_NOT_DATABASE,  /* not SQLite, or SQLite but not a Letapis chronicle */
  LT_STORE_ERROR_DAMAGED,       /* truncated or failing the integrity check */
  LT_STORE_ERROR_TOO_NEW,       /* written by a newer Letapis */
  LT_STORE_ERROR_IO,            /* cannot read/write the file */
  LT_STORE_ERROR_SQL,           /* unexpected SQLite failure */
  LT_STORE_ERROR_INVALID,       /* bad data (import, drafts): names the file, record and field */
  LT_STORE_ERROR_NOT_FOUND,     /* no record with that id */
  LT_STORE_ERROR_CONFLICT,      /* duplicate slug, record still referenced, ... */
  LT_STORE_ERROR_NOTHING_TO_UNDO,
  LT_STORE_ERROR_READ_ONLY,     /* the file or its folder cannot be written */
  LT_STORE_ERROR_BUSY,          /* another program holds a lock on the file */
} LtStoreError;

typedef enum
{
  LT_STORE_OPEN_NONE = 0,
  /* Skip PRAGMA integrity_check on files above 64 MiB (quick_check still runs). */
  LT_STORE_OPEN_QUICK_CHECK = 1 << 0,
  /* A second connection (a worker's own) to a file this process has already
   * opened and checked: skip the page check, still refuse foreign files. */
  LT_STORE_OPEN_NO_CHECK    = 1 << 1,
  /* Read-only work (exports): nothing is written, not even the journal mode
   * or a migration, and a read-only file or folder can be read. */
  LT_STORE_OPEN_READ_ONLY   = 1 << 2,
  /* The window's open: a current chronicle opens at once as a reader, without its page
   * check; lt_store_check_async() checks it in a thread and makes it writable. */
  LT_STORE_OPEN_CHECK_LATER = 1 << 3,
} LtStoreOpenFlags;

typedef enum
{
  LT_EXPORT_NONE = 0,
  /* Leave out restricted records and anything pointing at them. */
  LT_EXPORT_PUBLIC_ONLY = 1 << 0,
} LtExportFlags;

/* Span flags */
#define LT_SPAN_APPROXIMATE 1
#define LT_SPAN_RANGE       2
#define LT_SPAN_RESTRICTED  4

/**
 * LtEventSpan:
 * @id: the event's row id
 * @start_day: first day covered (days since 1970-01-01)
 * @end_day: last day covered, inclusive
 * @category: index into lt_category_list_keys()
 * @precision: #LtPrecision of the start date
 * @flags: LT_SPAN_APPROXIMATE, LT_SPAN_RANGE, LT_SPAN_RESTRICTED
 * @place: index into lt_store_get_places(); 0 = no place
 */
typedef struct
{
  gint64  id;
  gint32  start_day;
  gint32  end_day;
  guint16 category;
  guint8  precision;
  guint8  flags;
  gint32  place;
} LtEventSpan;

/**
 * LtEventActorPair:
 * @event_id: the event
 * @actor_id: an actor taking part
 * @role: index into lt_role_list_keys()
 */
typedef struct
{
  gint64 event_id;
  gint64 actor_id;
  guint8 role;
} LtEventActorPair;

/**
 * LtFigurePoint:
 * @event_id: the event the figure belongs to
 * @day: the event's first day
 * @value: the number
 */
typedef struct
{
  gint64 event_id;
  gint32 day;
  double value;
} LtFigurePoint;

/**
 * LtSearchHit:
 * @kind: what was found
 * @id: its row id
 * @rank: bm25 rank, lower is better (results come sorted by it)
 */
typedef struct
{
  LtRecordKind kind;
  gint64       id;
  double       rank;
} LtSearchHit;

typedef enum
{
  LT_BUCKET_DAY,
  LT_BUCKET_MONTH,
  LT_BUCKET_YEAR,
} LtBucket;

/**
 * LtBucketCount:
 * @start_day: first day of the bucket
 * @category: index into lt_category_list_keys()
 * @count: number of events starting in the bucket with that category
 *
 * Events per day/month/year and category, for views too wide to show events.
 */
typedef struct
{
  gint32  start_day;
  guint16 category;
  guint32 count;
} LtBucketCount;

/**
 * LtActorPosition:
 * @actor_id: the actor
 * @x: horizontal position
 * @y: vertical position
 * @pinned: whether the user placed it
 */
typedef struct
{
  gint64   actor_id;
  float    x;
  float    y;
  gboolean pinned;
} LtActorPosition;

/**
 * LtSyntheticParams:
 * @n_events: number of events
 * @years: the events spread over this many years from @start_year
 * @n_actors: number of actors
 * @n_relations: number of relations
 * @seed: random seed; the same parameters give the same database
 * @start_year: first year (0 = 2020)
 */
typedef struct
{
  guint   n_events;
  guint   years;
  guint   n_actors;
  guint   n_relations;
  guint64 seed;
  gint32  start_year;
} LtSyntheticParams;

#define LT_TYPE_STORE (lt_store_get_type ())

G_DECLARE_FINAL_TYPE (LtStore, lt_store, LT, STORE, GObject)

GQuark       lt_store_error_quark            (void);

/* Opening */
LtStore     *lt_store_open                   (const char              *path,
                                              GError                 **error);
LtStore     *lt_store_open_full              (const char              *path,
                                              LtStoreOpenFlags         flags,
                                              GError                 **error);
const char  *lt_store_get_path               (LtStore                 *self);
gboolean     lt_store_is_read_only           (LtStore                 *self);
void         lt_store_check_async            (LtStore                 *self,
                                              GCancellable            *cancellable,
                                              GAsyncReadyCallback      callback,
                                              gpointer                 user_data);
gboolean     lt_store_check_finish           (LtStore                 *self,
                                              GAsyncResult            *result,
                                              GError                 **error);
gboolean     lt_store_get_writable           (LtStore                 *self);
gboolean     lt_store_checkpoint             (LtStore                 *self,
                                              GError                 **error);
int          lt_store_get_schema_version     (LtStore                 *self);
void         lt_store_set_language           (LtStore                 *self,
                                              const char              *lang);
const char  *lt_store_get_language           (LtStore                 *self);
gboolean     lt_store_is_empty               (LtStore                 *self);

/* Import / export (chronicle JSON format, docs/chronicle-format.md) */
gboolean     lt_store_import_chronicle       (LtStore                 *self,
                                              GFile                   *dir,
                                              GError                 **error);
gboolean     lt_store_import_json            (LtStore                 *self,
                                              GFile                   *file,
                                              GError                 **error);
gboolean     lt_store_import_source_texts    (LtStore                 *self,
                                              GFile                   *dir,
                                              GError                 **error);
gboolean     lt_store_export_json            (LtStore                 *self,
                                              GFile                   *file,
                                              GError                 **error);
gboolean     lt_store_export_json_full       (LtStore                 *self,
                                              GFile                   *file,
                                              LtExportFlags            flags,
                                              GError                 **error);

/* Records */
LtEvent     *lt_store_lookup_event           (LtStore                 *self,
                                              gint64                   id);
LtActor     *lt_store_lookup_actor           (LtStore                 *self,
                                              gint64                   id);
LtSource    *lt_store_lookup_source          (LtStore                 *self,
                                              gint64                   id);
LtRelation  *lt_store_lookup_relation        (LtStore                 *self,
                                              gint64                   id);
gboolean     lt_store_is_visible             (LtStore                 *self,
                                              LtRecordKind             kind,
                                              gint64                   id,
                                              gboolean                 include_restricted);
gint64       lt_store_find_actor             (LtStore                 *self,
                                              const char              *name_or_alias_or_slug);
gint64       lt_store_find_event             (LtStore                 *self,
                                              const char              *slug);
gint64       lt_store_find_source            (LtStore                 *self,
                                              const char              *slug);
gint64       lt_store_find_relation          (LtStore                 *self,
                                              const char              *slug);

/* Models (transfer full) */
GListModel  *lt_store_list_events            (LtStore                 *self,
                                              const LtEventFilter     *filter);
GListModel  *lt_store_list_events_of_actor   (LtStore                 *self,
                                              gint64                   actor_id);
GListModel  *lt_store_list_actors            (LtStore                 *self,
                                              const char              *kind);
GListModel  *lt_store_list_relations         (LtStore                 *self,
                                              gint64                   actor_id);
GListModel  *lt_store_list_sources           (LtStore                 *self);

/* Search: GArray of LtSearchHit, best first */
GArray      *lt_store_search                 (LtStore                 *self,
                                              const char              *query,
                                              guint                    limit,
                                              GError                 **error);
char        *lt_store_fold_text              (const char              *text);

/* Compact indexes (transfer full) */
GArray      *lt_store_dup_event_spans        (LtStore                 *self,
                                              const LtEventFilter     *filter,
                                              GError                 **error);
guint        lt_store_count_events           (LtStore                 *self,
                                              const LtEventFilter     *filter,
                                              GError                 **error);
GArray      *lt_store_dup_event_counts       (LtStore                 *self,
                                              const LtEventFilter     *filter,
                                              LtBucket                 bucket,
                                              GError                 **error);
gboolean     lt_store_get_day_bounds         (LtStore                 *self,
                                              const LtEventFilter     *filter,
                                              gint64                  *first_day,
                                              gint64                  *last_day);
GPtrArray   *lt_store_get_places             (LtStore                 *self);
GArray      *lt_store_dup_event_actor_pairs  (LtStore                 *self,
                                              const LtEventFilter     *filter,
                                              GError                 **error);
gboolean     lt_store_has_figures            (LtStore                 *self,
                                              const char              *counts);
GArray      *lt_store_dup_figures            (LtStore                 *self,
                                              const char              *counts,
                                              GError                 **error);

/* Editing with undo. add_* return the new row id (0 on error). */
gint64       lt_store_add_event              (LtStore                 *self,
                                              LtEvent                 *draft,
                                              GError                 **error);
gboolean     lt_store_update_event           (LtStore                 *self,
                                              LtEvent                 *event,
                                              GError                 **error);
gboolean     lt_store_delete_event           (LtStore                 *self,
                                              gint64                   id,
                                              GError                 **error);
gint64       lt_store_add_actor              (LtStore                 *self,
                                              LtActor                 *draft,
                                              GError                 **error);
gboolean     lt_store_update_actor           (LtStore                 *self,
                                              LtActor                 *actor,
                                              GError                 **error);
gboolean     lt_store_delete_actor           (LtStore                 *self,
                                              gint64                   id,
                                              GError                 **error);
gint64       lt_store_add_relation           (LtStore                 *self,
                                              LtRelation              *draft,
                                              GError                 **error);
gboolean     lt_store_update_relation        (LtStore                 *self,
                                              LtRelation              *relation,
                                              GError                 **error);
gboolean     lt_store_delete_relation        (LtStore                 *self,
                                              gint64                   id,
                                              GError                 **error);
gint64       lt_store_add_source             (LtStore                 *self,
                                              LtSource                *draft,
                                              GError                 **error);
gboolean     lt_store_update_source          (LtStore                 *self,
                                              LtSource                *source,
                                              GError                 **error);
gboolean     lt_store_delete_source          (LtStore                 *self,
                                              gint64                   id,
                                              GError                 **error);
gboolean     lt_store_delete_source_and_citations (LtStore   *self,
                                                   gint64     id,
                                                   GError   **error);
gboolean     lt_store_undo                   (LtStore                 *self,
                                              GError                 **error);
gboolean     lt_store_redo                   (LtStore                 *self,
                                              GError                 **error);
gboolean     lt_store_get_can_undo           (LtStore                 *self);
gboolean     lt_store_get_can_redo           (LtStore                 *self);
const char  *lt_store_get_undo_label         (LtStore                 *self);
const char  *lt_store_get_redo_label         (LtStore                 *self);
void         lt_store_clear_history          (LtStore                 *self);

/* Graph layouts: GArray of LtActorPosition */
gboolean     lt_store_save_positions         (LtStore                 *self,
                                              const char              *layout_name,
                                              GArray                  *positions,
                                              GError                 **error);
GArray      *lt_store_load_positions         (LtStore                 *self,
                                              const char              *layout_name,
                                              GError                 **error);

/* Synthetic chronicles for scale tests and benchmarks (one transaction) */
gboolean     lt_store_generate_synthetic     (LtStore                 *self,
                                              const LtSyntheticParams *params,
                                              GError                 **error);

G_END_DECLS
