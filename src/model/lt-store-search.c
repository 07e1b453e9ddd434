/* lt-store-search.c: the list models and full-text search
 *
 * The list models over the store, and the FTS5 index of folded text:
 * keeping it up to date and ranking what lt_store_search() finds.
 *
 * Copyright 2024 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-store"

#include "config.h"

#include "lt-event-list.h"
#include "lt-record-lists.h"
#include "lt-model-private.h"
#include "lt-store-private.h"

/* How many of the newest matching events lt_store_search() ranks. */
#define LT_SEARCH_EVENT_CANDIDATES 2000

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

const char *
_lt_store_delete_search_sql (LtRecordKind kind)
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

  if (!(stmt = _lt_store_prepare (self, _lt_store_delete_search_sql (kind), error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id * 4 + kind);
  if (!_lt_store_step_done (self, stmt, error))
    return FALSE;

  if (!(stmt = _lt_store_prepare (self, index_one_sql[kind], error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return _lt_store_step_done (self, stmt, error);
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
  if (!_lt_store_exec_sql (self, "DELETE FROM search; DELETE FROM search_records;", error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (index_all_sql); i++)
    if (!_lt_store_exec_sql (self, index_all_sql[i], error))
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

