/* lt-importer-chronicle.c: merging another chronicle
 *
 * Loads a chronicle exported as JSON and merges its records by id: the
 * same record again is left alone, a different one under a taken id is a
 * conflict the user resolves.
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-importer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lt-importer-private.h"
#include "lt-model-private.h"

gboolean
_lt_importer_load_chronicle (LtImporter  *self,
                             const char  *contents,
                             gsize        length,
                             GError     **error)
{
  static const char * const lists[] = { "sources", "actors", "events", "relations" };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  JsonObject *object;
  gboolean any = FALSE;

  if (!g_utf8_validate_len (contents, length, NULL) ||
      !json_parser_load_from_data (parser, contents, (gssize) length, &local_error))
    {
      g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_INVALID,
                   _("%s: not valid JSON: %s"), self->name,
                   local_error != NULL ? local_error->message : _("The file is not UTF-8 text"));
      return FALSE;
    }

  self->n_records = 0;
  if (json_parser_get_root (parser) != NULL && JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      object = json_node_get_object (json_parser_get_root (parser));
      for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
        {
          JsonNode *node = json_object_get_member (object, lists[i]);

          if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
            {
              any = TRUE;
              self->n_records += json_array_get_length (json_node_get_array (node));
            }
        }
    }

  if (!any)
    {
      g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_INVALID,
                   _("%s is not a Letapis chronicle: it has none of the lists “sources”, “actors”, "
                     "“events” and “relations”"), self->name);
      return FALSE;
    }

  self->root = json_node_copy (json_parser_get_root (parser));
  self->format = LT_IMPORT_FORMAT_CHRONICLE;
  self->encoding = g_intern_static_string ("UTF-8");
  return TRUE;
}

/* Merging a chronicle */

gint64
_lt_importer_find_slug (LtStore      *store,
                        LtRecordKind  kind,
                        const char   *slug)
{
  static const char * const sql[] = {
    "SELECT id FROM events WHERE slug = ?1",
    "SELECT id FROM actors WHERE slug = ?1",
    "SELECT id FROM sources WHERE slug = ?1",
    "SELECT id FROM relations WHERE slug = ?1",
  };
  sqlite3_stmt *stmt = _lt_store_prepare (store, sql[kind], NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, slug, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

static void
print_i18n_cb (const char *lang,
               const char *field,
               const char *text,
               gpointer    data)
{
  if (text != NULL)
    g_string_append_printf (data, "|%s.%s=%s", lang, field, text);
}

static void
print_citations (GString   *out,
                 GPtrArray *citations)
{
  for (guint i = 0; citations != NULL && i < citations->len; i++)
    {
      const LtCitation *c = g_ptr_array_index (citations, i);

      g_string_append_printf (out, "|c%" G_GINT64_FORMAT ":%s:%s:%s", c->source_id,
                              c->locator ? c->locator : "", c->note ? c->note : "",
                              c->i18n ? c->i18n : "");
    }
}

#define T(s) ((s) != NULL ? (s) : "")

/* Everything an export writes of a record, as one string: two records
 * are the same when their strings are. */
static char *
fingerprint (GObject *record)
{
  GString *out = g_string_new (NULL);
  LtRecordPrivate *priv = _lt_record_get_private (record);

  if (LT_IS_EVENT (record))
    {
      LtEvent *e = LT_EVENT (record);
      g_autofree char *date = lt_date_range_to_iso (&e->range);

      g_string_append_printf (out, "%s|%s|%s|%s|%s|%d", T (e->title), T (e->summary), date,
                              T (e->place), T (e->category), priv->restricted);
      for (guint i = 0; e->participants != NULL && i < e->participants->len; i++)
        {
          const LtParticipant *p = g_ptr_array_index (e->participants, i);

          g_string_append_printf (out, "|a%" G_GINT64_FORMAT ":%s", p->actor_id, T (p->role));
        }
      for (guint i = 0; e->figures != NULL && i < e->figures->len; i++)
        {
          const LtFigure *f = g_ptr_array_index (e->figures, i);

          g_string_append_printf (out, "|f%g:%s:%s", f->value, T (f->counts), T (f->qualifier));
        }
      print_citations (out, e->citations);
    }
  else if (LT_IS_ACTOR (record))
    {
      LtActor *a = LT_ACTOR (record);

      g_string_append_printf (out, "%s|%s|%s|%s|%d", T (a->name), T (a->kind), T (a->country),
                              T (a->description), priv->restricted);
      for (guint i = 0; a->aliases != NULL && a->aliases[i] != NULL; i++)
        g_string_append_printf (out, "|%s", a->aliases[i]);
    }
  else if (LT_IS_SOURCE (record))
    {
      LtSource *s = LT_SOURCE (record);

      g_string_append_printf (out, "%s|%s|%s|%s|%s|%s|%s|%s|%d", T (s->title), T (s->publisher),
                              T (s->author), T (s->date), T (s->url), T (s->language), T (s->file),
                              T (s->note), priv->restricted);
    }
  else
    {
      LtRelation *r = LT_RELATION (record);
      g_autofree char *date = r->has_range ? lt_date_range_to_iso (&r->range) : NULL;

      g_string_append_printf (out, "%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|%s|%s|%s|%d",
                              r->from_id, r->to_id, T (r->relation_type), T (date), T (r->note),
                              priv->restricted);
      print_citations (out, r->citations);
    }

  _lt_i18n_foreach (&priv->i18n, print_i18n_cb, out);
  return g_string_free (out, FALSE);
}

#undef T

static GObject *
lookup_complete (LtStore      *store,
                 LtRecordKind  kind,
                 gint64        id)
{
  LtRecord *record = _lt_store_lookup_record (store, kind, id);

  if (record != NULL)
    _lt_record_ensure_complete (record);
  return (GObject *) record;
}

static const char *
label_of (GObject *record)
{
  if (LT_IS_RELATION (record))
    return lt_record_get_slug (LT_RECORD (record));
  return _lt_record_get_title (LT_RECORD (record));
}

static char *
free_slug (LtStore      *store,
           LtRecordKind  kind,
           const char   *slug)
{
  for (guint n = 2; ; n++)
    {
      g_autofree char *candidate = g_strdup_printf ("%s-%u", slug, n);

      if (_lt_importer_find_slug (store, kind, candidate) == 0)
        return g_steal_pointer (&candidate);
    }
}

static gboolean
write_merged (Merge    *m,
              GObject  *record,
              GError  **error)
{
  if (m->plan->group != NULL)
    return _lt_store_group_write (m->plan->store, m->plan->group, record, error);
  /* A preview writes new records too, so that what refers to them
   * resolves; its transaction is rolled back. */
  if (_lt_record_get_private (record)->id == 0)
    return _lt_store_write_record (m->plan->store, record, error);
  return TRUE;
}

gboolean
_lt_importer_merge_cb (GObject  *record,
                       gpointer  data,
                       GError  **error)
{
  Merge *m = data;
  LtImporter *self = m->self;
  LtRecordKind kind = lt_record_get_kind (LT_RECORD (record));
  char **slug = &_lt_record_get_private (record)->slug;
  gint64 existing = _lt_importer_find_slug (m->plan->store, kind, *slug);
  g_autoptr(GObject) stored = NULL;
  g_autofree char *mine = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *key = NULL;
  gpointer value;
  Conflict *conflict;

  if (++m->done % 200 == 0)
    {
      if (g_cancellable_set_error_if_cancelled (m->cancellable, error))
        return FALSE;
      _lt_importer_set_progress (self, m->done, self->n_records);
    }

  if (existing == 0)
    {
      self->counts[kind][LT_IMPORT_ADDED]++;
      return write_merged (m, record, error);
    }

  stored = lookup_complete (m->plan->store, kind, existing);
  mine = stored != NULL ? fingerprint (stored) : NULL;
  theirs = fingerprint (record);
  _lt_record_get_private (record)->id = existing;

  if (g_strcmp0 (mine, theirs) == 0)
    {
      self->counts[kind][LT_IMPORT_SKIPPED]++;
      return TRUE;
    }

  conflict = g_new0 (Conflict, 1);
  conflict->kind = kind;
  conflict->slug = g_strdup (*slug);
  conflict->label = g_strdup (label_of (record));
  key = g_strdup_printf ("%d/%s", kind, *slug);
  value = g_hash_table_lookup (self->resolutions, key);
  conflict->resolution = value != NULL ? GPOINTER_TO_INT (value) - 1 : LT_IMPORT_KEEP_MINE;
  g_ptr_array_add (self->conflicts, conflict);

  switch (conflict->resolution)
    {
    case LT_IMPORT_TAKE_THEIRS:
      self->counts[kind][LT_IMPORT_UPDATED]++;
      return write_merged (m, record, error);

    case LT_IMPORT_KEEP_BOTH:
      self->counts[kind][LT_IMPORT_ADDED]++;
      _lt_record_get_private (record)->id = 0;
      g_free (*slug);
      *slug = free_slug (m->plan->store, kind, conflict->slug);
      return write_merged (m, record, error);

    case LT_IMPORT_KEEP_MINE:
    default:
      self->counts[kind][LT_IMPORT_SKIPPED]++;
      return TRUE;
    }
}

