/* lt-store-load.c: records built from rows
 *
 * The store builds every record here, from lookups and for the list
 * models, and fills in the details records load lazily; finding records by slug.
 *
 * Copyright 2024 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-store"

#include "config.h"

#include "lt-model-private.h"
#include "lt-store-private.h"

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

/* A text column of a row and the field of the record it fills. */
typedef struct
{
  int    column;
  gssize offset;
} TextColumn;

#define TEXT_COLUMN(column, Type, field) { column, G_STRUCT_OFFSET (Type, field) }

/* The text columns of each kind's row, up to a column 0. */
static const TextColumn text_columns[][10] = {
  [LT_RECORD_EVENT] = { TEXT_COLUMN (2, LtEvent, title), TEXT_COLUMN (3, LtEvent, summary),
                        TEXT_COLUMN (4, LtEvent, place), TEXT_COLUMN (5, LtEvent, category) },
  [LT_RECORD_ACTOR] = { TEXT_COLUMN (2, LtActor, name), TEXT_COLUMN (3, LtActor, kind),
                        TEXT_COLUMN (4, LtActor, country), TEXT_COLUMN (5, LtActor, description) },
  [LT_RECORD_SOURCE] = { TEXT_COLUMN (2, LtSource, title), TEXT_COLUMN (3, LtSource, publisher),
                         TEXT_COLUMN (4, LtSource, author), TEXT_COLUMN (5, LtSource, date),
                         TEXT_COLUMN (6, LtSource, url), TEXT_COLUMN (7, LtSource, language),
                         TEXT_COLUMN (8, LtSource, file), TEXT_COLUMN (9, LtSource, note),
                         TEXT_COLUMN (10, LtSource, full_text) },
  /* from_id, to_id and the date are not texts */
  [LT_RECORD_RELATION] = { TEXT_COLUMN (4, LtRelation, relation_type),
                           TEXT_COLUMN (6, LtRelation, note),
                           TEXT_COLUMN (8, LtRelation, from_name),
                           TEXT_COLUMN (9, LtRelation, to_name) },
};

/* Builds a record of @type from a row whose first two columns are the id
 * and the slug, with its @texts (ending with column 0); the record loads
 * the rest lazily from the store. */
static gpointer
record_from_row (LtStore          *self,
                 GType             type,
                 sqlite3_stmt     *stmt,
                 int               restricted_column,
                 const TextColumn *texts)
{
  gpointer record = g_object_new (type, NULL);
  LtRecordPrivate *priv = _lt_record_init_stored (record, self, self->language);

  priv->id = sqlite3_column_int64 (stmt, 0);
  priv->slug = _lt_store_dup_column_text (stmt, 1);
  priv->restricted = sqlite3_column_int (stmt, restricted_column) != 0;
  for (const TextColumn *t = texts; t->column != 0; t++)
    G_STRUCT_MEMBER (char *, record, t->offset) = _lt_store_dup_column_text (stmt, t->column);

  return record;
}

/* Builds an event from a row of LT_EVENT_COLUMNS. */
LtEvent *
_lt_store_event_from_row (LtStore      *self,
                          sqlite3_stmt *stmt)
{
  LtEvent *event = record_from_row (self, LT_TYPE_EVENT, stmt, 7, text_columns[LT_RECORD_EVENT]);

  if (!lt_date_range_parse ((const char *) sqlite3_column_text (stmt, 6), &event->range, NULL))
    lt_date_init_ymd (&event->range.start, 1970, 0, 0);
  event->start_day = (gint32) lt_date_range_first_day (&event->range);
  event->end_day = (gint32) lt_date_range_last_day (&event->range);

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

      c->source_date = _lt_store_dup_column_text (stmt, 3);
      c->publisher = _lt_store_dup_column_text (stmt, 4);
      c->source_title = _lt_store_dup_column_text (stmt, 5);
      c->i18n = _lt_store_dup_column_text (stmt, 6);
      c->display_note = _lt_store_dup_column_text (stmt, 7);
      g_ptr_array_add (citations, c);
    }
  sqlite3_reset (stmt);

  return citations;
}

void
_lt_store_load_event_details (LtStore *self,
                              LtEvent *event)
{
  gint64 id = lt_record_get_id (LT_RECORD (event));
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
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, self->language, -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          LtParticipant *p = lt_participant_new (sqlite3_column_int64 (stmt, 0),
                                                 (const char *) sqlite3_column_text (stmt, 1));

          p->actor_name = _lt_store_dup_column_text (stmt, 2);
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
      sqlite3_bind_int64 (stmt, 1, id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (event->figures,
                         lt_figure_new (sqlite3_column_double (stmt, 0),
                                        (const char *) sqlite3_column_text (stmt, 1),
                                        (const char *) sqlite3_column_text (stmt, 2)));
      sqlite3_reset (stmt);
    }

  event->citations = load_citations (self, "event_id", id);
  _lt_record_get_private (event)->details_loaded = TRUE;
}

/**
 * lt_store_lookup_event:
 * @self: a store
 * @id: a row id
 *
 * Its participants, figures and citations are read when first asked for.
 *
 * Returns: (transfer full) (nullable): the event, %NULL if there is none
 */
LtEvent *
lt_store_lookup_event (LtStore *self,
                       gint64   id)
{
  return LT_EVENT (_lt_store_lookup_record (self, LT_RECORD_EVENT, id));
}

#define ACTOR_COLUMNS "a.id, a.slug, a.name, a.kind, a.country, a.description, a.restricted"

static void
load_aliases (LtStore *self,
              LtActor *actor)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;

  stmt = _lt_store_prepare (self,
                            "SELECT alias FROM actor_aliases WHERE actor_id = ?1 ORDER BY position",
                            NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, lt_record_get_id (LT_RECORD (actor)));
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }

  g_strfreev (actor->aliases);
  actor->aliases = g_strv_builder_end (builder);
  if (actor->aliases[0] == NULL)
    g_clear_pointer (&actor->aliases, g_strfreev);
}

/**
 * lt_store_lookup_actor:
 * @self: a store
 * @id: a row id
 *
 * Returns: (transfer full) (nullable): the actor with its aliases and
 *   translations, %NULL if there is none
 */
LtActor *
lt_store_lookup_actor (LtStore *self,
                       gint64   id)
{
  return LT_ACTOR (_lt_store_lookup_record (self, LT_RECORD_ACTOR, id));
}

#define SOURCE_COLUMNS \
  "s.id, s.slug, s.title, s.publisher, s.author, s.date, s.url, s.language, s.file," \
  " s.note, s.full_text, s.restricted"

/**
 * lt_store_lookup_source:
 * @self: a store
 * @id: a row id
 *
 * Returns: (transfer full) (nullable): the source with its translations, or %NULL
 */
LtSource *
lt_store_lookup_source (LtStore *self,
                        gint64   id)
{
  return LT_SOURCE (_lt_store_lookup_record (self, LT_RECORD_SOURCE, id));
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
  LtRelation *relation = record_from_row (self, LT_TYPE_RELATION, stmt, 7,
                                          text_columns[LT_RECORD_RELATION]);
  const char *date = (const char *) sqlite3_column_text (stmt, 5);

  relation->from_id = sqlite3_column_int64 (stmt, 2);
  relation->to_id = sqlite3_column_int64 (stmt, 3);
  relation->has_range = date != NULL && lt_date_range_parse (date, &relation->range, NULL);

  return relation;
}

void
_lt_store_load_relation_details (LtStore    *self,
                                 LtRelation *relation)
{
  g_clear_pointer (&relation->citations, g_ptr_array_unref);
  relation->citations = load_citations (self, "relation_id",
                                        lt_record_get_id (LT_RECORD (relation)));
  _lt_record_get_private (relation)->details_loaded = TRUE;
}

/**
 * lt_store_lookup_relation:
 * @self: a store
 * @id: a row id
 *
 * The names of both actors come in the store's language; the citations
 * are read when first asked for.
 *
 * Returns: (transfer full) (nullable): the relation, %NULL if there is none
 */
LtRelation *
lt_store_lookup_relation (LtStore *self,
                          gint64   id)
{
  return LT_RELATION (_lt_store_lookup_record (self, LT_RECORD_RELATION, id));
}

/* Lookups */

static LtRecord *
record_of_row (LtStore      *self,
               LtRecordKind  kind,
               sqlite3_stmt *stmt)
{
  switch (kind)
    {
    case LT_RECORD_EVENT:
      return LT_RECORD (_lt_store_event_from_row (self, stmt));
    case LT_RECORD_ACTOR:
      return record_from_row (self, LT_TYPE_ACTOR, stmt, 6, text_columns[LT_RECORD_ACTOR]);
    case LT_RECORD_SOURCE:
      return record_from_row (self, LT_TYPE_SOURCE, stmt, 11, text_columns[LT_RECORD_SOURCE]);
    case LT_RECORD_RELATION:
    default:
      return LT_RECORD (relation_from_row (self, stmt));
    }
}

/* The records of @kind in the rows of @stmt (bound; %NULL for none). An
 * actor comes with its aliases and translations; the others load theirs
 * when first asked. */
static GPtrArray *
collect_records (LtStore      *self,
                 LtRecordKind  kind,
                 sqlite3_stmt *stmt)
{
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);

  if (stmt == NULL)
    return records;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (records, record_of_row (self, kind, stmt));
  sqlite3_reset (stmt);

  /* Once @stmt is reset: these run statements of their own. */
  for (guint i = 0; kind == LT_RECORD_ACTOR && i < records->len; i++)
    {
      load_aliases (self, g_ptr_array_index (records, i));
      _lt_record_ensure_i18n (g_ptr_array_index (records, i));
    }

  return records;
}

/**
 * _lt_store_lookup_record:
 * @self: a store
 * @kind: what the record is
 * @id: its row id
 *
 * A record by id, complete but for the details it loads lazily.
 *
 * Returns: (transfer full) (nullable): the record, %NULL if there is none
 */
LtRecord *
_lt_store_lookup_record (LtStore      *self,
                         LtRecordKind  kind,
                         gint64        id)
{
  static const char * const sql[] = {
    [LT_RECORD_EVENT] = "SELECT " LT_EVENT_COLUMNS " FROM events e WHERE e.id = ?1",
    [LT_RECORD_ACTOR] = "SELECT " ACTOR_COLUMNS " FROM actors a WHERE a.id = ?1",
    [LT_RECORD_SOURCE] = "SELECT " SOURCE_COLUMNS " FROM sources s WHERE s.id = ?1",
    [LT_RECORD_RELATION] = "SELECT " RELATION_COLUMNS " FROM relations r WHERE r.id = ?1",
  };
  g_autoptr(GPtrArray) records = NULL;
  LtRecord *record;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LT_IS_STORE (self), NULL);
  g_return_val_if_fail (kind <= LT_RECORD_RELATION, NULL);

  if (!(stmt = _lt_store_prepare (self, sql[kind], NULL)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (kind == LT_RECORD_RELATION)
    sqlite3_bind_text (stmt, 9, self->language, -1, SQLITE_STATIC);
  records = collect_records (self, kind, stmt);
  if (records->len == 0)
    return NULL;

  record = g_ptr_array_steal_index (records, 0);
  _lt_record_ensure_i18n (record);

  return record;
}

/* Used by the list models: all records of a kind. */
GPtrArray *
_lt_store_load_actors (LtStore    *self,
                       const char *kind)
{
  sqlite3_stmt *stmt = _lt_store_prepare (self,
                                          "SELECT " ACTOR_COLUMNS " FROM actors a"
                                          " WHERE ?1 IS NULL OR a.kind = ?1",
                                          NULL);

  if (stmt != NULL)
    _lt_store_bind_text0 (stmt, 1, kind);
  return collect_records (self, LT_RECORD_ACTOR, stmt);
}

/* Relations from a list read their translations when first asked. */
GPtrArray *
_lt_store_load_relations (LtStore *self,
                          gint64   actor_id)
{
  sqlite3_stmt *stmt = _lt_store_prepare (self,
                                          "SELECT " RELATION_COLUMNS " FROM relations r"
                                          " WHERE ?1 = 0 OR r.from_id = ?1 OR r.to_id = ?1"
                                          " ORDER BY r.id",
                                          NULL);

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, actor_id);
      sqlite3_bind_text (stmt, 9, self->language, -1, SQLITE_STATIC);
    }
  return collect_records (self, LT_RECORD_RELATION, stmt);
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

gint64
_lt_store_find_by_slug (LtStore    *self,
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

  id = _lt_store_find_by_slug (self,
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

  return _lt_store_find_by_slug (self, "SELECT id FROM events WHERE slug = ?1", slug);
}

gint64
lt_store_find_source (LtStore    *self,
                      const char *slug)
{
  g_return_val_if_fail (LT_IS_STORE (self), 0);

  return _lt_store_find_by_slug (self, "SELECT id FROM sources WHERE slug = ?1", slug);
}

gint64
lt_store_find_relation (LtStore    *self,
                        const char *slug)
{
  g_return_val_if_fail (LT_IS_STORE (self), 0);

  return _lt_store_find_by_slug (self, "SELECT id FROM relations WHERE slug = ?1", slug);
}

static void
load_details (LtStore  *self,
              LtRecord *record)
{
  if (LT_IS_EVENT (record))
    _lt_store_load_event_details (self, LT_EVENT (record));
  else if (LT_IS_RELATION (record))
    _lt_store_load_relation_details (self, LT_RELATION (record));
}

/* How the records built here fill in their lazy parts. */
const LtRecordLoader _lt_store_record_loader = {
  _lt_store_load_i18n,
  load_details,
};
