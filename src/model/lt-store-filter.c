/* lt-store-filter.c: an LtEventFilter as SQL with bound parameters, and the visibility rule
 *
 * Copyright 2024 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-store"

#include "config.h"

#include "lt-model-private.h"

typedef struct
{
  gboolean  is_text;
  gint64    number;
  char     *text;
} FilterBind;

static void
filter_bind_clear (gpointer data)
{
  FilterBind *bind = data;

  g_free (bind->text);
}

static void
add_number (LtFilterSql *sql,
            gint64       number)
{
  FilterBind bind = { FALSE, number, NULL };

  g_array_append_val (sql->binds, bind);
}

static void
add_text (LtFilterSql *sql,
          char        *text)
{
  FilterBind bind = { TRUE, 0, text };

  g_array_append_val (sql->binds, bind);
}

/**
 * _lt_visible_sql:
 * @what: the kind of row @alias names
 * @alias: the alias of that row's table in the query
 * @include_restricted: whether restricted records may show
 *
 * The visibility rule, in one place: every query that feeds a view or an
 * export takes its condition from here, so none can forget a part of it. A
 * restricted record is hidden. So is whatever points at one: a link between an
 * event and an actor when either is restricted (a public event that only a
 * restricted actor took part in shows as an event with no actors), a relation
 * when either actor is. An events row stands for itself (figures, places and
 * counts are those of visible events); event_counts rows carry the same flag.
 *
 * Returns: (transfer full): " AND ..." to append to a WHERE clause, or ""
 *   when @include_restricted
 */
char *
_lt_visible_sql (LtVisible   what,
                 const char *alias,
                 gboolean    include_restricted)
{
  g_return_val_if_fail (alias != NULL, NULL);

  if (include_restricted)
    return g_strdup ("");

  switch (what)
    {
    /* Restricted records are few: their ids make a small list built once per query, cheaper
     * to test two million links against than a look-up of each link's event and actor. */
    case LT_VISIBLE_PARTICIPANT:
      return g_strdup_printf (" AND %s.event_id NOT IN (SELECT vx.id FROM events vx"
                              " WHERE vx.restricted <> 0)"
                              " AND %s.actor_id NOT IN (SELECT vx.id FROM actors vx"
                              " WHERE vx.restricted <> 0)",
                              alias, alias);

    /* A relation's two actors are looked up by their keys: the list of restricted actors
     * would be built again for every relation lt_store_is_visible() asks about (20,000
     * relations over 10,000 actors took 49 s), and relations are far fewer than links. */
    case LT_VISIBLE_RELATION:
      return g_strdup_printf (" AND %s.restricted = 0"
                              " AND NOT EXISTS (SELECT 1 FROM actors vx"
                              " WHERE vx.id IN (%s.from_id, %s.to_id) AND vx.restricted <> 0)",
                              alias, alias, alias);

    case LT_VISIBLE_EVENT:
    case LT_VISIBLE_ACTOR:
    case LT_VISIBLE_SOURCE:
    default:
      return g_strdup_printf (" AND %s.restricted = 0", alias);
    }
}

/**
 * _lt_filter_sql_init:
 * @sql: the SQL to fill
 * @filter: (nullable): a filter
 * @with_window: whether to add the window as a plain condition (callers
 *   that use the span indexes handle the window themselves)
 *
 * Builds " AND ..." conditions on the events table aliased "e", with
 * anonymous "?" parameters that _lt_filter_sql_bind() fills.
 */
void
_lt_filter_sql_init (LtFilterSql         *sql,
                     const LtEventFilter *filter,
                     gboolean             with_window)
{
  sql->where = g_string_new (NULL);
  sql->binds = g_array_new (FALSE, FALSE, sizeof (FilterBind));
  g_array_set_clear_func (sql->binds, filter_bind_clear);

  if (filter == NULL)
    {
      g_autofree char *visible = _lt_visible_sql (LT_VISIBLE_EVENT, "e", FALSE);

      g_string_append (sql->where, visible);
      return;
    }

  if (with_window && filter->has_window)
    {
      g_string_append (sql->where, " AND e.start_day <= ? AND e.end_day >= ?");
      add_number (sql, filter->end_day);
      add_number (sql, filter->start_day);
    }

  if (filter->categories != NULL)
    {
      g_string_append (sql->where, " AND e.cat IN (-1");
      for (guint i = 0; filter->categories[i] != NULL; i++)
        {
          g_string_append (sql->where, ", ?");
          add_number (sql, lt_category_get_index (filter->categories[i]));
        }
      g_string_append (sql->where, ")");
    }

  if (filter->actor_id != 0)
    {
      /* a hidden actor's events are not shown by naming it either */
      g_autofree char *visible = _lt_visible_sql (LT_VISIBLE_PARTICIPANT, "p",
                                                  filter->include_restricted);

      g_string_append_printf (sql->where,
                              " AND e.id IN (SELECT p.event_id FROM event_actors p"
                              " WHERE p.actor_id = ?%s)", visible);
      add_number (sql, filter->actor_id);
    }

  if (filter->text != NULL)
    {
      char *query = _lt_fold_query (filter->text);

      /* Text with no words ("-", an emoji) matches nothing. A constant false
       * would leave the INDEXED BY queries without a plan: bound, the planner
       * cannot see it. */
      if (query == NULL)
        {
          g_string_append (sql->where, " AND ? <> 0");
          add_number (sql, 0);
        }
      else
        {
          g_string_append (sql->where,
                           " AND e.id IN (SELECT rowid >> 2 FROM search"
                           " WHERE search MATCH ?)");
          add_text (sql, query);
        }
    }

  {
    g_autofree char *visible = _lt_visible_sql (LT_VISIBLE_EVENT, "e", filter->include_restricted);

    g_string_append (sql->where, visible);
  }
}

void
_lt_filter_sql_clear (LtFilterSql *sql)
{
  if (sql->where != NULL)
    g_string_free (sql->where, TRUE);
  g_clear_pointer (&sql->binds, g_array_unref);
  sql->where = NULL;
}

/**
 * _lt_filter_sql_bind:
 * @sql: the filter SQL
 * @stmt: a statement whose SQL ends with @sql->where
 * @first_index: the index of the first "?" of @sql->where
 *
 * Returns: %TRUE if all values could be bound
 */
gboolean
_lt_filter_sql_bind (LtFilterSql  *sql,
                     sqlite3_stmt *stmt,
                     int           first_index)
{
  for (guint i = 0; i < sql->binds->len; i++)
    {
      const FilterBind *bind = &g_array_index (sql->binds, FilterBind, i);
      int rc;

      if (bind->is_text)
        rc = sqlite3_bind_text (stmt, first_index + (int) i, bind->text, -1, SQLITE_TRANSIENT);
      else
        rc = sqlite3_bind_int64 (stmt, first_index + (int) i, bind->number);

      if (rc != SQLITE_OK)
        return FALSE;
    }

  return TRUE;
}

/**
 * lt_store_is_visible:
 * @self: a store
 * @kind: the record kind
 * @id: its row id
 * @include_restricted: whether restricted records may show
 *
 * Whether a record may show, by the same rule as every query of the store: a
 * restricted record does not, nor does a relation one of whose actors is
 * restricted. For code that holds records (lists, graphs, documents) rather
 * than querying them.
 *
 * Returns: %TRUE if the record exists and may show
 */
gboolean
lt_store_is_visible (LtStore      *self,
                     LtRecordKind  kind,
                     gint64        id,
                     gboolean      include_restricted)
{
  static const char * const tables[] = { "events", "actors", "sources", "relations" };
  static const LtVisible rules[] = {
    LT_VISIBLE_EVENT, LT_VISIBLE_ACTOR, LT_VISIBLE_SOURCE, LT_VISIBLE_RELATION,
  };
  g_autofree char *visible = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gboolean found;

  g_return_val_if_fail (LT_IS_STORE (self), FALSE);
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (tables), FALSE);

  visible = _lt_visible_sql (rules[kind], "r", include_restricted);
  sql = g_strdup_printf ("SELECT 1 FROM %s r WHERE r.id = ?1%s", tables[kind], visible);
  if ((stmt = _lt_store_prepare (self, sql, NULL)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  return found;
}
