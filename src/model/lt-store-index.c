/* lt-store-index.c: compact indexes and counts for the views
 *
 * Spans and keys of matching events, per-day and per-bucket counts, day
 * bounds, the places cache, event-actor pairs and figures: plain arrays,
 * no objects, for the timeline and the graph.
 *
 * Copyright 2024 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-store"

#include "config.h"

#include "lt-model-private.h"
#include "lt-store-private.h"

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
      g_ptr_array_add (self->places, _lt_store_dup_column_text (stmt, 1));
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
          g_ptr_array_index (self->places, id) = _lt_store_dup_column_text (stmt, 1);
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
  if (!_lt_store_step_done (self, stmt, error))
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

