/* lt-store-write.c: writing records
 *
 * Validates and writes events, actors, sources and relations with their
 * translations and citations, makes slugs, and deletes records with
 * what depends on them. The undo stack (lt-store-undo.c) calls these.
 *
 * Copyright 2024 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lt-model-private.h"
#include "lt-store-private.h"

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
  for (guint n = 2; _lt_store_find_by_slug (self, sql, candidate) != 0; n++)
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
  if (!_lt_store_step_done (w->self, stmt, w->error))
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
  if (!_lt_store_step_done (self, stmt, error))
    return FALSE;

  _lt_i18n_foreach (i18n, write_translation_cb, &w);
  return !w.failed;
}

/* Runs @sql, a statement with one id for ?1 and no result, such as a DELETE of a record's
 * rows before they are written anew */
static gboolean
exec_with_id (LtStore     *self,
              const char  *sql,
              gint64       id,
              GError     **error)
{
  sqlite3_stmt *stmt = _lt_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  return _lt_store_step_done (self, stmt, error);
}

/* The rows a record owns in other tables, written in order: ?1 is the
 * record's id, ?2 the position. */
typedef enum
{
  OWNED_PARTICIPANTS,  /* a GPtrArray of LtParticipant */
  OWNED_FIGURES,       /* a GPtrArray of LtFigure */
  OWNED_ALIASES,       /* a strv */
  OWNED_EVENT_CITATIONS,     /* a GPtrArray of LtCitation */
  OWNED_RELATION_CITATIONS,  /* the same */
} Owned;

static const struct
{
  const char *delete_sql;
  const char *insert_sql;
} owned_sql[] = {
  [OWNED_PARTICIPANTS] = {
    "DELETE FROM event_actors WHERE event_id = ?1",
    "INSERT INTO event_actors (event_id, position, actor_id, role) VALUES (?1, ?2, ?3, ?4)",
  },
  [OWNED_FIGURES] = {
    "DELETE FROM figures WHERE event_id = ?1",
    "INSERT INTO figures (event_id, position, value, counts, qualifier)"
    " VALUES (?1, ?2, ?3, ?4, ?5)",
  },
  [OWNED_ALIASES] = {
    "DELETE FROM actor_aliases WHERE actor_id = ?1",
    "INSERT INTO actor_aliases (actor_id, position, alias) VALUES (?1, ?2, ?3)",
  },
  [OWNED_EVENT_CITATIONS] = {
    "DELETE FROM citations WHERE event_id = ?1",
    "INSERT INTO citations (event_id, position, source_id, locator, note, i18n)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
  },
  [OWNED_RELATION_CITATIONS] = {
    "DELETE FROM citations WHERE relation_id = ?1",
    "INSERT INTO citations (relation_id, position, source_id, locator, note, i18n)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
  },
};

static void
bind_owned (sqlite3_stmt  *stmt,
            Owned          what,
            gconstpointer  items,
            guint          i)
{
  const LtParticipant *p;
  const LtFigure *f;
  const LtCitation *c;

  switch (what)
    {
    case OWNED_PARTICIPANTS:
      p = g_ptr_array_index ((GPtrArray *) items, i);
      sqlite3_bind_int64 (stmt, 3, p->actor_id);
      sqlite3_bind_text (stmt, 4, p->role, -1, SQLITE_TRANSIENT);
      break;
    case OWNED_FIGURES:
      f = g_ptr_array_index ((GPtrArray *) items, i);
      sqlite3_bind_double (stmt, 3, f->value);
      sqlite3_bind_text (stmt, 4, f->counts, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, f->qualifier, -1, SQLITE_TRANSIENT);
      break;
    case OWNED_EVENT_CITATIONS:
    case OWNED_RELATION_CITATIONS:
      c = g_ptr_array_index ((GPtrArray *) items, i);
      sqlite3_bind_int64 (stmt, 3, c->source_id);
      _lt_store_bind_text0 (stmt, 4, c->locator);
      _lt_store_bind_text0 (stmt, 5, c->note);
      _lt_store_bind_text0 (stmt, 6, c->i18n);
      break;
    case OWNED_ALIASES:
    default:
      sqlite3_bind_text (stmt, 3, ((const char * const *) items)[i], -1, SQLITE_TRANSIENT);
      break;
    }
}

/* Replaces the @what rows of @owner_id by @items; a new record (@update
 * FALSE) has none to delete. */
static gboolean
write_rows (LtStore        *self,
            Owned           what,
            gint64          owner_id,
            gboolean        update,
            gconstpointer   items,
            GError        **error)
{
  guint n;

  if (items == NULL)
    n = 0;
  else if (what == OWNED_ALIASES)
    n = g_strv_length ((char **) items);
  else
    n = ((const GPtrArray *) items)->len;

  if (update && !exec_with_id (self, owned_sql[what].delete_sql, owner_id, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      sqlite3_stmt *stmt = _lt_store_prepare (self, owned_sql[what].insert_sql, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, owner_id);
      sqlite3_bind_int (stmt, 2, (int) i);
      bind_owned (stmt, what, items, i);
      if (!_lt_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Citations must cite sources that exist. */
static gboolean
write_citations (LtStore    *self,
                 Owned       what,
                 gint64      owner_id,
                 GPtrArray  *citations,
                 GError    **error)
{
  for (guint i = 0; citations != NULL && i < citations->len; i++)
    {
      const LtCitation *c = g_ptr_array_index (citations, i);

      if (!record_exists (self, "SELECT 1 FROM sources WHERE id = ?1", c->source_id))
        {
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, c->source_id);

          return invalid (error, _("The citation refers to a source that does not exist (id %s)"), id);
        }
    }

  return write_rows (self, what, owner_id, TRUE, citations, error);
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

/* Prepares a record's UPDATE (@update) or INSERT with ?1 its id (kept when set, as undo
 * needs) and ?2 its slug bound. */
static sqlite3_stmt *
prepare_row (LtStore          *self,
             LtRecordPrivate  *priv,
             gboolean          update,
             const char       *update_sql,
             const char       *insert_sql,
             const char       *slug,
             GError          **error)
{
  sqlite3_stmt *stmt = _lt_store_prepare (self, update ? update_sql : insert_sql, error);

  if (stmt == NULL)
    return NULL;

  if (priv->id != 0)
    sqlite3_bind_int64 (stmt, 1, priv->id);
  sqlite3_bind_text (stmt, 2, slug, -1, SQLITE_TRANSIENT);
  return stmt;
}

/* Runs the statement of prepare_row(): a clash of ids says which, an update of a record
 * that is gone says @gone; the record takes its new row's id and its slug. */
static gboolean
step_row (LtStore          *self,
          sqlite3_stmt     *stmt,
          LtRecordPrivate  *priv,
          const char       *slug,
          gboolean          update,
          const char       *gone,
          GError          **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      set_constraint_error (self, slug, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  if (update && sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, LT_STORE_ERROR, LT_STORE_ERROR_NOT_FOUND, gone);
      return FALSE;
    }

  if (!update)
    priv->id = sqlite3_last_insert_rowid (self->db);
  _lt_set_str (&priv->slug, slug);
  return TRUE;
}

static gboolean
validate_event (LtStore  *self,
                LtEvent  *event,
                GError  **error)
{
  LtRecordPrivate *priv = _lt_record_get_private (event);
  GPtrArray *figures;

  if (lt_category_get_index (event->category) < 0)
    return invalid (error, _("“%s” is not an event category"),
                    event->category != NULL ? event->category : "");
  if (!lt_date_is_valid (&event->range.start) ||
      (event->range.has_end && !lt_date_is_valid (&event->range.end)))
    return invalid (error, _("The event’s date is not valid"));
  if (event->range.has_end &&
      lt_date_last_day (&event->range.end) < lt_date_first_day (&event->range.start))
    return invalid (error, _("The event ends before it starts"));
  if (!check_slug (priv->slug, error))
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
  LtRecordPrivate *priv = _lt_record_get_private (event);
  g_autofree char *date = NULL;
  g_autofree char *slug = NULL;
  sqlite3_stmt *stmt;
  gint64 place_id;
  int flags;

  if (!validate_event (self, event, error))
    return FALSE;

  if ((place_id = _lt_store_intern_place (self, event->place, error)) < 0)
    return FALSE;

  date = lt_date_range_to_iso (&event->range);
  slug = priv->slug != NULL ? g_strdup (priv->slug) : make_slug (self, "events", event->title);
  flags = (lt_date_range_is_approximate (&event->range) ? LT_SPAN_APPROXIMATE : 0) |
          (event->range.has_end ? LT_SPAN_RANGE : 0);

  stmt = prepare_row (self, priv, update,
                     "UPDATE events SET slug = ?2, title = ?3, summary = ?4, date = ?5,"
                     " start_day = ?6, end_day = ?7, precision = ?8, flags = ?9,"
                     " place = ?10, place_id = ?11, category = ?12, cat = ?13,"
                     " restricted = ?14 WHERE id = ?1",
                     "INSERT INTO events (id, slug, title, summary, date, start_day,"
                     " end_day, precision, flags, place, place_id, category, cat, restricted)"
                     " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                     slug, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 3, event->title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, event->summary != NULL ? event->summary : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, lt_date_range_first_day (&event->range));
  sqlite3_bind_int64 (stmt, 7, lt_date_range_last_day (&event->range));
  sqlite3_bind_int (stmt, 8, event->range.start.precision);
  sqlite3_bind_int (stmt, 9, flags);
  _lt_store_bind_text0 (stmt, 10, event->place);
  if (place_id > 0)
    sqlite3_bind_int64 (stmt, 11, place_id);
  sqlite3_bind_text (stmt, 12, event->category, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 13, lt_category_get_index (event->category));
  sqlite3_bind_int (stmt, 14, priv->restricted ? 1 : 0);

  if (!step_row (self, stmt, priv, slug, update, _("The event no longer exists"), error))
    return FALSE;
  event->start_day = (gint32) lt_date_range_first_day (&event->range);
  event->end_day = (gint32) lt_date_range_last_day (&event->range);

  /* Participants and figures; a new row has none yet (imports write many). */
  if (!write_rows (self, OWNED_PARTICIPANTS, priv->id, update, event->participants, error) ||
      !write_rows (self, OWNED_FIGURES, priv->id, update, event->figures, error))
    return FALSE;

  return write_citations (self, OWNED_EVENT_CITATIONS, priv->id, event->citations, error);
}

static gboolean
write_actor (LtStore   *self,
             LtActor   *actor,
             gboolean   update,
             GError   **error)
{
  LtRecordPrivate *priv = _lt_record_get_private (actor);
  g_autofree char *slug = NULL;
  sqlite3_stmt *stmt;

  if (lt_actor_kind_get_index (actor->kind) < 0)
    return invalid (error, _("“%s” is not a kind of actor"), actor->kind != NULL ? actor->kind : "");
  if (!check_slug (priv->slug, error))
    return FALSE;

  slug = priv->slug != NULL ? g_strdup (priv->slug) : make_slug (self, "actors", actor->name);

  stmt = prepare_row (self, priv, update,
                     "UPDATE actors SET slug = ?2, name = ?3, kind = ?4, country = ?5,"
                     " description = ?6, restricted = ?7 WHERE id = ?1",
                     "INSERT INTO actors (id, slug, name, kind, country, description, restricted)"
                     " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                     slug, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 3, actor->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, actor->kind, -1, SQLITE_TRANSIENT);
  _lt_store_bind_text0 (stmt, 5, actor->country);
  _lt_store_bind_text0 (stmt, 6, actor->description);
  sqlite3_bind_int (stmt, 7, priv->restricted ? 1 : 0);

  if (!step_row (self, stmt, priv, slug, update, _("The actor no longer exists"), error))
    return FALSE;

  return write_rows (self, OWNED_ALIASES, priv->id, TRUE, actor->aliases, error);
}

static gboolean
write_source (LtStore   *self,
              LtSource  *source,
              gboolean   update,
              GError   **error)
{
  LtRecordPrivate *priv = _lt_record_get_private (source);
  g_autofree char *slug = NULL;
  sqlite3_stmt *stmt;

  if (!check_slug (priv->slug, error))
    return FALSE;
  if (source->date != NULL)
    {
      LtDate d;
      g_autoptr(GError) date_error = NULL;

      if (!lt_date_parse (source->date, &d, &date_error))
        return invalid (error, "%s", date_error->message);
    }

  slug = priv->slug != NULL ? g_strdup (priv->slug) : make_slug (self, "sources", source->title);

  stmt = prepare_row (self, priv, update,
                     "UPDATE sources SET slug = ?2, title = ?3, publisher = ?4, author = ?5,"
                     " date = ?6, url = ?7, language = ?8, file = ?9, note = ?10,"
                     " full_text = ?11, restricted = ?12 WHERE id = ?1",
                     "INSERT INTO sources (id, slug, title, publisher, author, date, url,"
                     " language, file, note, full_text, restricted)"
                     " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                     slug, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 3, source->title, -1, SQLITE_TRANSIENT);
  _lt_store_bind_text0 (stmt, 4, source->publisher);
  _lt_store_bind_text0 (stmt, 5, source->author);
  _lt_store_bind_text0 (stmt, 6, source->date);
  _lt_store_bind_text0 (stmt, 7, source->url);
  _lt_store_bind_text0 (stmt, 8, source->language);
  _lt_store_bind_text0 (stmt, 9, source->file);
  _lt_store_bind_text0 (stmt, 10, source->note);
  _lt_store_bind_text0 (stmt, 11, source->full_text);
  sqlite3_bind_int (stmt, 12, priv->restricted ? 1 : 0);

  if (!step_row (self, stmt, priv, slug, update, _("The source no longer exists"), error))
    return FALSE;
  return TRUE;
}

static gboolean
write_relation (LtStore     *self,
                LtRelation  *relation,
                gboolean     update,
                GError     **error)
{
  LtRecordPrivate *priv = _lt_record_get_private (relation);
  g_autofree char *slug = NULL;
  g_autofree char *date = NULL;
  sqlite3_stmt *stmt;

  if (lt_relation_type_get_index (relation->relation_type) < 0)
    return invalid (error, _("“%s” is not a type of relation"),
                    relation->relation_type != NULL ? relation->relation_type : "");
  if (!record_exists (self, "SELECT 1 FROM actors WHERE id = ?1", relation->from_id) ||
      !record_exists (self, "SELECT 1 FROM actors WHERE id = ?1", relation->to_id))
    return invalid (error, _("The relation refers to an actor that does not exist"));
  if (!check_slug (priv->slug, error))
    return FALSE;

  if (priv->slug != NULL)
    slug = g_strdup (priv->slug);
  else
    {
      g_autofree char *base = g_strdup_printf ("%" G_GINT64_FORMAT " %s %" G_GINT64_FORMAT,
                                               relation->from_id, relation->relation_type,
                                               relation->to_id);

      slug = make_slug (self, "relations", base);
    }
  if (relation->has_range)
    date = lt_date_range_to_iso (&relation->range);

  stmt = prepare_row (self, priv, update,
                     "UPDATE relations SET slug = ?2, from_id = ?3, to_id = ?4, type = ?5,"
                     " date = ?6, start_day = ?7, end_day = ?8, note = ?9, restricted = ?10"
                     " WHERE id = ?1",
                     "INSERT INTO relations (id, slug, from_id, to_id, type, date,"
                     " start_day, end_day, note, restricted)"
                     " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                     slug, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 3, relation->from_id);
  sqlite3_bind_int64 (stmt, 4, relation->to_id);
  sqlite3_bind_text (stmt, 5, relation->relation_type, -1, SQLITE_TRANSIENT);
  _lt_store_bind_text0 (stmt, 6, date);
  if (relation->has_range)
    {
      sqlite3_bind_int64 (stmt, 7, lt_date_range_first_day (&relation->range));
      sqlite3_bind_int64 (stmt, 8, lt_date_range_last_day (&relation->range));
    }
  _lt_store_bind_text0 (stmt, 9, relation->note);
  sqlite3_bind_int (stmt, 10, priv->restricted ? 1 : 0);

  if (!step_row (self, stmt, priv, slug, update, _("The relation no longer exists"), error))
    return FALSE;

  return write_citations (self, OWNED_RELATION_CITATIONS, priv->id, relation->citations, error);
}

/* Events and relations show an actor's name: they change with it. */
static gboolean
queue_actor_dependents (LtStore  *self,
                        gint64    id,
                        GError  **error)
{
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) relations = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (!_lt_store_collect_ids (self,
                              "SELECT DISTINCT event_id FROM event_actors WHERE actor_id = ?1",
                              id, events, error) ||
      !_lt_store_collect_ids (self, "SELECT id FROM relations WHERE from_id = ?1 OR to_id = ?1",
                              id, relations, error))
    return FALSE;
  for (guint i = 0; i < events->len; i++)
    _lt_store_queue_change (self, LT_RECORD_EVENT, g_array_index (events, gint64, i),
                            LT_CHANGE_UPDATED);
  for (guint i = 0; i < relations->len; i++)
    _lt_store_queue_change (self, LT_RECORD_RELATION, g_array_index (relations, gint64, i),
                            LT_CHANGE_UPDATED);

  return TRUE;
}

gboolean
_lt_store_collect_ids (LtStore     *self,
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
gboolean
_lt_store_remove_record (LtStore       *self,
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
      if (!_lt_store_collect_ids (self, "SELECT DISTINCT event_id FROM event_actors WHERE actor_id = ?1",
                                  id, events, error) ||
          !_lt_store_collect_ids (self, "SELECT id FROM relations WHERE from_id = ?1 OR to_id = ?1",
                                  id, relations, error))
        return FALSE;
    }

  if (!(stmt = _lt_store_prepare (self, delete_sql[kind], error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_lt_store_step_done (self, stmt, error))
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

  if (!(stmt = _lt_store_prepare (self, _lt_store_delete_search_sql (kind), error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id * 4 + kind);
  if (!_lt_store_step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; i < relations->len; i++)
    {
      gint64 rid = g_array_index (relations, gint64, i);

      if (!(stmt = _lt_store_prepare (self, _lt_store_delete_search_sql (LT_RECORD_RELATION), error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, rid * 4 + LT_RECORD_RELATION);
      if (!_lt_store_step_done (self, stmt, error))
        return FALSE;
      _lt_store_queue_change (self, LT_RECORD_RELATION, rid, LT_CHANGE_REMOVED);
    }

  for (guint i = 0; i < events->len; i++)
    _lt_store_queue_change (self, LT_RECORD_EVENT, g_array_index (events, gint64, i),
                            LT_CHANGE_UPDATED);

  _lt_store_queue_change (self, kind, id, LT_CHANGE_REMOVED);
  return TRUE;
}

/* Validates and writes @record with all its rows inside a transaction, and
 * queues the changes it causes. */
gboolean
_lt_store_put_record (LtStore   *self,
                      GObject   *record,
                      gboolean   update,
                      GError   **error)
{
  /* Events, actors and sources need their English title or name. */
  static const char * const untitled[] = {
    [LT_RECORD_EVENT] = N_("The event has no title"),
    [LT_RECORD_ACTOR] = N_("The actor has no name"),
    [LT_RECORD_SOURCE] = N_("The source has no title"),
    [LT_RECORD_RELATION] = NULL,
  };
  LtRecordPrivate *priv = _lt_record_get_private (record);
  LtRecordKind kind = lt_record_get_kind (LT_RECORD (record));
  const char *name;
  gboolean written;

  /* Details of a stored record must be loaded before they are rewritten. */
  _lt_record_ensure_complete (LT_RECORD (record));

  name = lt_record_get_translation (LT_RECORD (record), "en",
                                    LT_RECORD_GET_CLASS (record)->texts[0].name);
  if (untitled[kind] != NULL && (name == NULL || *name == '\0'))
    return invalid (error, "%s", _(untitled[kind]));

  switch (kind)
    {
    case LT_RECORD_EVENT:
      written = write_event (self, LT_EVENT (record), update, error);
      break;
    case LT_RECORD_ACTOR:
      written = write_actor (self, LT_ACTOR (record), update, error);
      break;
    case LT_RECORD_SOURCE:
      written = write_source (self, LT_SOURCE (record), update, error);
      break;
    case LT_RECORD_RELATION:
    default:
      written = write_relation (self, LT_RELATION (record), update, error);
      break;
    }

  if (!written ||
      !write_translations (self, kind, priv->id, &priv->i18n, error) ||
      !_lt_store_reindex (self, kind, priv->id, error))
    return FALSE;

  _lt_store_queue_change (self, kind, priv->id, update ? LT_CHANGE_UPDATED : LT_CHANGE_ADDED);
  if (kind == LT_RECORD_ACTOR && update)
    return queue_actor_dependents (self, priv->id, error);
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
  return _lt_store_put_record (self, record, FALSE, error);
}

