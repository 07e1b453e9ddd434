/* lt-store-json.c: the chronicle JSON format, in and out
 *
 * Copyright 2024 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lt-atomic-file.h"
#include "lt-model-private.h"

/* The format is docs/chronicle-format.md (sources, actors, events,
 * relations; ids are slugs; dates are partial ISO strings; "i18n" holds
 * translations). An import runs in one transaction: a single bad field
 * leaves the database as it was, and the error names the file, the record
 * and the field. */

typedef struct
{
  LtStore    *store;
  const char *file;      /* for messages: "events.json" */
  const char *what;      /* "event" */
  const char *record;    /* the record's id, or NULL */
  guint       index;     /* its position in the array, from 1 */
  GHashTable *actors;    /* slug -> id */
  GHashTable *sources;   /* slug -> id */
  /* Set by _lt_store_merge_json(): decides, and writes, each record. */
  LtJsonMergeFunc merge;
  gpointer        merge_data;
} Ctx;

static gboolean
write_parsed (Ctx      *ctx,
              GObject  *record,
              GError  **error)
{
  if (ctx->merge != NULL)
    return ctx->merge (record, ctx->merge_data, error);
  return _lt_store_write_record (ctx->store, record, error);
}

static gboolean
fail (Ctx         *ctx,
      GError     **error,
      const char  *field,
      const char  *format,
      ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail (Ctx         *ctx,
      GError     **error,
      const char  *field,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (ctx->record != NULL && field != NULL)
    /* Translators: "events.json: event “minsk-march”, field “date”: <what is wrong>" */
    g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_INVALID, _("%s: %s “%s”, field “%s”: %s"),
                 ctx->file, ctx->what, ctx->record, field, message);
  else if (ctx->record != NULL)
    g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_INVALID, _("%s: %s “%s”: %s"),
                 ctx->file, ctx->what, ctx->record, message);
  else if (field != NULL)
    /* Translators: "events.json: event 3, field “id”: <what is wrong>" */
    g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_INVALID, _("%s: %s %u, field “%s”: %s"),
                 ctx->file, ctx->what, ctx->index, field, message);
  else
    g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_INVALID, _("%s: %s"), ctx->file, message);

  return FALSE;
}

/* Reads an optional string member; NULL and absent are the same. */
static gboolean
get_string (Ctx          *ctx,
            JsonObject   *object,
            const char   *member,
            gboolean      required,
            const char  **out,
            GError      **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        return fail (ctx, error, member, _("the field is missing"));
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (ctx, error, member, _("expected a text"));

  *out = json_node_get_string (node);
  if (required && **out == '\0')
    return fail (ctx, error, member, _("the field is empty"));

  return TRUE;
}

static gboolean
get_array (Ctx          *ctx,
           JsonObject   *object,
           const char   *member,
           JsonArray   **out,
           GError      **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (ctx, error, member, _("expected a list"));

  *out = json_node_get_array (node);
  return TRUE;
}

static gboolean
check_slug (Ctx         *ctx,
            const char  *slug,
            GError     **error)
{
  for (const char *p = slug; *p != '\0'; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-'))
      return fail (ctx, error, "id",
                   _("“%s” is not a valid id: use lowercase letters, digits and “-”"), slug);
  return TRUE;
}

static gboolean
get_visibility (Ctx         *ctx,
                JsonObject  *object,
                gboolean    *restricted,
                GError     **error)
{
  const char *visibility;

  if (!get_string (ctx, object, "visibility", FALSE, &visibility, error))
    return FALSE;

  if (visibility == NULL || g_str_equal (visibility, "public"))
    *restricted = FALSE;
  else if (g_str_equal (visibility, "restricted"))
    *restricted = TRUE;
  else
    return fail (ctx, error, "visibility", _("“%s” is neither “public” nor “restricted”"), visibility);

  return TRUE;
}

static gboolean
read_i18n (Ctx                 *ctx,
           JsonObject          *object,
           const char * const  *fields,
           LtRecord            *record,
           GError             **error)
{
  JsonNode *node = json_object_get_member (object, "i18n");
  JsonObject *i18n;
  g_autoptr(GList) langs = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (ctx, error, "i18n", _("expected an object of languages"));

  i18n = json_node_get_object (node);
  langs = json_object_get_members (i18n);
  for (const GList *l = langs; l != NULL; l = l->next)
    {
      const char *lang = l->data;
      JsonNode *lang_node = json_object_get_member (i18n, lang);
      JsonObject *texts;
      g_autoptr(GList) members = NULL;
      g_autofree char *where = g_strdup_printf ("i18n.%s", lang);

      if (!JSON_NODE_HOLDS_OBJECT (lang_node))
        return fail (ctx, error, where, _("expected an object of texts"));

      texts = json_node_get_object (lang_node);
      members = json_object_get_members (texts);
      for (const GList *m = members; m != NULL; m = m->next)
        {
          const char *field = m->data;
          g_autofree char *where_field = g_strdup_printf ("i18n.%s.%s", lang, field);
          JsonNode *text = json_object_get_member (texts, field);

          if (!g_strv_contains (fields, field))
            return fail (ctx, error, where_field, _("this field cannot be translated"));
          if (JSON_NODE_HOLDS_NULL (text))
            continue;
          if (!JSON_NODE_HOLDS_VALUE (text) || json_node_get_value_type (text) != G_TYPE_STRING)
            return fail (ctx, error, where_field, _("expected a text"));

          lt_record_set_translation (record, lang, field, json_node_get_string (text));
        }
    }

  return TRUE;
}

static gboolean
read_date_range (Ctx          *ctx,
                 const char   *field,
                 const char   *text,
                 LtDateRange  *out,
                 GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!lt_date_range_parse (text, out, &local_error))
    return fail (ctx, error, field, "%s", local_error->message);

  return TRUE;
}

static gint64
lookup_slug (GHashTable *table,
             const char *slug)
{
  gpointer value = g_hash_table_lookup (table, slug);

  return value != NULL ? *(gint64 *) value : 0;
}

static void
remember_slug (GHashTable *table,
               const char *slug,
               gint64      id)
{
  g_hash_table_insert (table, g_strdup (slug), g_memdup2 (&id, sizeof id));
}

/* References in a chronicle are ids (slugs), never names: a typo must not
 * link to another actor through an alias. */
static gint64
resolve_actor (Ctx        *ctx,
               const char *slug)
{
  sqlite3_stmt *stmt;
  gint64 id = lookup_slug (ctx->actors, slug);

  if (id != 0 || !(stmt = _lt_store_prepare (ctx->store, "SELECT id FROM actors WHERE slug = ?1", NULL)))
    return id;

  sqlite3_bind_text (stmt, 1, slug, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return id;
}

static gboolean
read_citations (Ctx          *ctx,
                JsonObject   *object,
                GPtrArray    *out,
                GError      **error)
{
  JsonArray *array;

  if (!get_array (ctx, object, "citations", &array, error))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *where = g_strdup_printf ("citations[%u]", i + 1);
      JsonObject *c;
      JsonNode *i18n;
      const char *source, *locator, *note;
      LtCitation *citation;
      gint64 source_id;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return fail (ctx, error, where, _("expected an object"));
      c = json_node_get_object (node);

      if (!get_string (ctx, c, "source", TRUE, &source, error) ||
          !get_string (ctx, c, "locator", FALSE, &locator, error) ||
          !get_string (ctx, c, "note", FALSE, &note, error))
        {
          g_prefix_error (error, "%s: ", where);
          return FALSE;
        }

      if ((source_id = lookup_slug (ctx->sources, source)) == 0 &&
          (source_id = lt_store_find_source (ctx->store, source)) == 0)
        return fail (ctx, error, where, _("there is no source “%s”"), source);

      citation = lt_citation_new (source_id, locator, note);
      i18n = json_object_get_member (c, "i18n");
      if (i18n != NULL && JSON_NODE_HOLDS_OBJECT (i18n))
        citation->i18n = json_to_string (i18n, FALSE);
      else if (i18n != NULL && !JSON_NODE_HOLDS_NULL (i18n))
        {
          lt_citation_free (citation);
          return fail (ctx, error, where, _("“i18n” must be an object of languages"));
        }

      g_ptr_array_add (out, citation);
    }

  return TRUE;
}

static gboolean
import_source (Ctx         *ctx,
               JsonObject  *o,
               GError     **error)
{
  static const char * const fields[] = { "title", "publisher", "note", NULL };
  g_autoptr(LtSource) source = lt_source_new ();
  const char *title, *publisher, *author, *date, *url, *language, *file, *note;
  gboolean restricted;

  if (!get_string (ctx, o, "title", TRUE, &title, error) ||
      !get_string (ctx, o, "publisher", FALSE, &publisher, error) ||
      !get_string (ctx, o, "author", FALSE, &author, error) ||
      !get_string (ctx, o, "date", FALSE, &date, error) ||
      !get_string (ctx, o, "url", FALSE, &url, error) ||
      !get_string (ctx, o, "language", FALSE, &language, error) ||
      !get_string (ctx, o, "file", FALSE, &file, error) ||
      !get_string (ctx, o, "note", FALSE, &note, error) ||
      !get_visibility (ctx, o, &restricted, error))
    return FALSE;

  if (date != NULL)
    {
      LtDate d;
      g_autoptr(GError) local_error = NULL;

      if (!lt_date_parse (date, &d, &local_error))
        return fail (ctx, error, "date", "%s", local_error->message);
    }

  lt_record_set_slug (LT_RECORD (source), ctx->record);
  lt_source_set_title (source, title);
  lt_source_set_publisher (source, publisher);
  lt_source_set_author (source, author);
  lt_source_set_date (source, date);
  lt_source_set_url (source, url);
  lt_source_set_language (source, language);
  lt_source_set_file (source, file);
  lt_source_set_note (source, note);
  lt_record_set_restricted (LT_RECORD (source), restricted);

  if (!read_i18n (ctx, o, fields, LT_RECORD (source), error))
    return FALSE;

  if (!write_parsed (ctx, G_OBJECT (source), error))
    {
      g_prefix_error (error, "%s: %s “%s”: ", ctx->file, ctx->what, ctx->record);
      return FALSE;
    }

  remember_slug (ctx->sources, ctx->record, lt_record_get_id (LT_RECORD (source)));
  return TRUE;
}

static gboolean
import_actor (Ctx         *ctx,
              JsonObject  *o,
              GError     **error)
{
  static const char * const fields[] = { "name", "description", NULL };
  g_autoptr(LtActor) actor = lt_actor_new ();
  g_autoptr(GStrvBuilder) aliases = g_strv_builder_new ();
  g_auto(GStrv) alias_strv = NULL;
  const char *name, *kind, *country, *description;
  JsonArray *array;
  gboolean restricted;

  if (!get_string (ctx, o, "name", TRUE, &name, error) ||
      !get_string (ctx, o, "kind", TRUE, &kind, error) ||
      !get_string (ctx, o, "country", FALSE, &country, error) ||
      !get_string (ctx, o, "description", FALSE, &description, error) ||
      !get_array (ctx, o, "aliases", &array, error) ||
      !get_visibility (ctx, o, &restricted, error))
    return FALSE;

  if (lt_actor_kind_get_index (kind) < 0)
    return fail (ctx, error, "kind", _("“%s” is not a kind of actor"), kind);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        return fail (ctx, error, "aliases", _("expected a list of texts"));
      g_strv_builder_add (aliases, json_node_get_string (node));
    }
  alias_strv = g_strv_builder_end (aliases);

  lt_record_set_slug (LT_RECORD (actor), ctx->record);
  lt_actor_set_name (actor, name);
  lt_actor_set_kind (actor, kind);
  lt_actor_set_country (actor, country);
  lt_actor_set_description (actor, description);
  lt_actor_set_aliases (actor, (const char * const *) alias_strv);
  lt_record_set_restricted (LT_RECORD (actor), restricted);

  if (!read_i18n (ctx, o, fields, LT_RECORD (actor), error))
    return FALSE;

  if (!write_parsed (ctx, G_OBJECT (actor), error))
    {
      g_prefix_error (error, "%s: %s “%s”: ", ctx->file, ctx->what, ctx->record);
      return FALSE;
    }

  remember_slug (ctx->actors, ctx->record, lt_record_get_id (LT_RECORD (actor)));
  return TRUE;
}

static gboolean
import_event (Ctx         *ctx,
              JsonObject  *o,
              GError     **error)
{
  static const char * const fields[] = { "title", "summary", "place", NULL };
  g_autoptr(LtEvent) event = lt_event_new ();
  const char *title, *summary, *date, *place, *category;
  JsonArray *array;
  LtDateRange range;
  gboolean restricted;

  if (!get_string (ctx, o, "title", TRUE, &title, error) ||
      !get_string (ctx, o, "summary", FALSE, &summary, error) ||
      !get_string (ctx, o, "date", TRUE, &date, error) ||
      !get_string (ctx, o, "place", FALSE, &place, error) ||
      !get_string (ctx, o, "category", TRUE, &category, error) ||
      !get_visibility (ctx, o, &restricted, error))
    return FALSE;

  if (!read_date_range (ctx, "date", date, &range, error))
    return FALSE;
  if (lt_category_get_index (category) < 0)
    return fail (ctx, error, "category", _("“%s” is not an event category"), category);

  lt_record_set_slug (LT_RECORD (event), ctx->record);
  lt_event_set_title (event, title);
  lt_event_set_summary (event, summary);
  lt_event_set_date_range (event, &range);
  lt_event_set_place (event, place);
  lt_event_set_category (event, category);
  lt_record_set_restricted (LT_RECORD (event), restricted);

  if (!get_array (ctx, o, "actors", &array, error))
    return FALSE;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *where = g_strdup_printf ("actors[%u]", i + 1);
      const char *actor, *role;
      gint64 actor_id;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return fail (ctx, error, where, _("expected an object"));
      if (!get_string (ctx, json_node_get_object (node), "actor", TRUE, &actor, error) ||
          !get_string (ctx, json_node_get_object (node), "role", TRUE, &role, error))
        {
          g_prefix_error (error, "%s: ", where);
          return FALSE;
        }
      if ((actor_id = resolve_actor (ctx, actor)) == 0)
        return fail (ctx, error, where, _("there is no actor “%s”"), actor);
      if (lt_role_get_index (role) < 0)
        return fail (ctx, error, where, _("“%s” is not a role"), role);

      lt_event_add_participant (event, actor_id, role);
    }

  if (!get_array (ctx, o, "figures", &array, error))
    return FALSE;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *where = g_strdup_printf ("figures[%u]", i + 1);
      JsonObject *f;
      JsonNode *value;
      const char *counts, *qualifier;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return fail (ctx, error, where, _("expected an object"));
      f = json_node_get_object (node);
      value = json_object_get_member (f, "value");
      if (value == NULL || !JSON_NODE_HOLDS_VALUE (value) ||
          (json_node_get_value_type (value) != G_TYPE_INT64 &&
           json_node_get_value_type (value) != G_TYPE_DOUBLE))
        return fail (ctx, error, where, _("“value” must be a number"));
      /* 1e400 parses as infinity, which JSON cannot write back */
      if (!_lt_figure_value_is_valid (json_node_get_double (value)))
        return fail (ctx, error, where, _("“value” must be a number from 0 to 10 000 000 000"));
      if (!get_string (ctx, f, "counts", TRUE, &counts, error) ||
          !get_string (ctx, f, "qualifier", FALSE, &qualifier, error))
        {
          g_prefix_error (error, "%s: ", where);
          return FALSE;
        }
      if (lt_figure_kind_get_index (counts) < 0)
        return fail (ctx, error, where, _("“%s” is not a kind of figure"), counts);
      if (qualifier != NULL && lt_qualifier_get_index (qualifier) < 0)
        return fail (ctx, error, where, _("“%s” is not a figure qualifier"), qualifier);

      lt_event_add_figure (event, json_node_get_double (value), counts, qualifier);
    }

  if (!read_citations (ctx, o, lt_event_get_citations (event), error) ||
      !read_i18n (ctx, o, fields, LT_RECORD (event), error))
    return FALSE;

  if (!write_parsed (ctx, G_OBJECT (event), error))
    {
      g_prefix_error (error, "%s: %s “%s”: ", ctx->file, ctx->what, ctx->record);
      return FALSE;
    }

  return TRUE;
}

static gboolean
import_relation (Ctx         *ctx,
                 JsonObject  *o,
                 GError     **error)
{
  static const char * const fields[] = { "note", NULL };
  g_autoptr(LtRelation) relation = lt_relation_new ();
  const char *from, *to, *type, *date, *note;
  gint64 from_id, to_id;
  gboolean restricted;

  if (!get_string (ctx, o, "from", TRUE, &from, error) ||
      !get_string (ctx, o, "to", TRUE, &to, error) ||
      !get_string (ctx, o, "type", TRUE, &type, error) ||
      !get_string (ctx, o, "date", FALSE, &date, error) ||
      !get_string (ctx, o, "note", FALSE, &note, error) ||
      !get_visibility (ctx, o, &restricted, error))
    return FALSE;

  if ((from_id = resolve_actor (ctx, from)) == 0)
    return fail (ctx, error, "from", _("there is no actor “%s”"), from);
  if ((to_id = resolve_actor (ctx, to)) == 0)
    return fail (ctx, error, "to", _("there is no actor “%s”"), to);
  if (lt_relation_type_get_index (type) < 0)
    return fail (ctx, error, "type", _("“%s” is not a type of relation"), type);

  if (date != NULL)
    {
      LtDateRange range;

      if (!read_date_range (ctx, "date", date, &range, error))
        return FALSE;
      lt_relation_set_date_range (relation, &range);
    }

  lt_record_set_slug (LT_RECORD (relation), ctx->record);
  lt_relation_set_from_id (relation, from_id);
  lt_relation_set_to_id (relation, to_id);
  lt_relation_set_relation_type (relation, type);
  lt_relation_set_note (relation, note);
  lt_record_set_restricted (LT_RECORD (relation), restricted);

  if (!read_citations (ctx, o, lt_relation_get_citations (relation), error) ||
      !read_i18n (ctx, o, fields, LT_RECORD (relation), error))
    return FALSE;

  if (!write_parsed (ctx, G_OBJECT (relation), error))
    {
      g_prefix_error (error, "%s: %s “%s”: ", ctx->file, ctx->what, ctx->record);
      return FALSE;
    }

  return TRUE;
}

typedef gboolean (*ImportFunc) (Ctx        *ctx,
                                JsonObject *object,
                                GError    **error);

static gboolean
import_array (Ctx         *ctx,
              JsonNode    *root,
              const char  *member,
              ImportFunc   func,
              GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonNode *node;
  JsonArray *array;

  ctx->record = NULL;
  ctx->index = 0;

  if (root == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return fail (ctx, error, NULL, _("expected an object with a “%s” list"), member);

  node = json_object_get_member (json_node_get_object (root), member);
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (ctx, error, NULL, _("“%s” must be a list"), member);

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *object;
      const char *slug;

      ctx->record = NULL;
      ctx->index = i + 1;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return fail (ctx, error, NULL, _("item %u of “%s” is not an object"), i + 1, member);
      object = json_node_get_object (element);

      if (!get_string (ctx, object, "id", TRUE, &slug, error) ||
          !check_slug (ctx, slug, error))
        return FALSE;
      ctx->record = slug;

      if (g_hash_table_contains (seen, slug))
        return fail (ctx, error, "id", _("the id is used twice"));
      g_hash_table_add (seen, (gpointer) slug);

      if (!func (ctx, object, error))
        return FALSE;
    }

  ctx->record = NULL;
  return TRUE;
}

/* Imports up to four documents (sources, actors, events, relations: any
 * may be NULL) in one transaction. */
static gboolean
import_documents (LtStore     *self,
                  JsonNode   **roots,
                  const char **files,
                  GError     **error)
{
  g_autoptr(GHashTable) actors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  Ctx ctx = { self, NULL, NULL, NULL, 0, actors, sources, NULL, NULL };

  if (!_lt_store_begin (self, error))
    return FALSE;

  _lt_store_set_bulk (self, TRUE);

  ctx.file = files[0];
  /* Translators: the kind of record in import errors: "sources.json: source “src-1”: ..." */
  ctx.what = C_("record kind", "source");
  if (!import_array (&ctx, roots[0], "sources", import_source, error))
    goto fail;

  ctx.file = files[1];
  ctx.what = C_("record kind", "actor");
  if (!import_array (&ctx, roots[1], "actors", import_actor, error))
    goto fail;

  ctx.file = files[2];
  ctx.what = C_("record kind", "event");
  if (!import_array (&ctx, roots[2], "events", import_event, error))
    goto fail;

  ctx.file = files[3];
  ctx.what = C_("record kind", "relation");
  if (!import_array (&ctx, roots[3], "relations", import_relation, error))
    goto fail;

  if (!_lt_store_rebuild_search (self, error))
    goto fail;

  _lt_store_queue_change (self, LT_RECORD_EVENT, 0, LT_CHANGE_RELOADED);
  if (!_lt_store_commit (self, error))
    return FALSE;

  lt_store_clear_history (self);
  return TRUE;

fail:
  _lt_store_rollback (self);
  return FALSE;
}

/* json-glib parses nested arrays and objects by recursion: 200,000 opening
 * brackets overflow the stack. A chronicle is a few levels deep; anything
 * deeper is refused by a scan before the parser sees it. */
#define LT_JSON_MAX_DEPTH 32

static gboolean
nesting_is_shallow (const char *text,
                    gsize       length)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > LT_JSON_MAX_DEPTH)
            return FALSE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  return TRUE;
}

/**
 * _lt_store_merge_json:
 * @self: a store, in a transaction
 * @root: a document as [method@Store.export_json] writes
 * @name: the file's name, for messages
 * @merge: called with each record read, in order (sources, actors, events,
 *   relations); it writes the record or not, and leaves in its id the row
 *   that later references to it should point at
 * @data: for @merge
 * @error: return location for an error
 *
 * Reads @root with the checks of [method@Store.import_json], but leaves
 * writing, and the transaction, to the caller.
 */
gboolean
_lt_store_merge_json (LtStore          *self,
                      JsonNode         *root,
                      const char       *name,
                      LtJsonMergeFunc   merge,
                      gpointer          data,
                      GError          **error)
{
  g_autoptr(GHashTable) actors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  Ctx ctx = { self, name, NULL, NULL, 0, actors, sources, merge, data };

  ctx.what = C_("record kind", "source");
  if (!import_array (&ctx, root, "sources", import_source, error))
    return FALSE;
  ctx.what = C_("record kind", "actor");
  if (!import_array (&ctx, root, "actors", import_actor, error))
    return FALSE;
  ctx.what = C_("record kind", "event");
  if (!import_array (&ctx, root, "events", import_event, error))
    return FALSE;
  ctx.what = C_("record kind", "relation");
  return import_array (&ctx, root, "relations", import_relation, error);
}

static JsonNode *
load_json (GFile    *file,
           gboolean  optional,
           GError  **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = g_file_get_basename (file);
  gsize length;

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &local_error))
    {
      if (optional && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return NULL;
      g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_IO,
                   _("Could not read %s: %s"), name, local_error->message);
      return NULL;
    }

  if (!g_utf8_validate (contents, length, NULL))
    {
      g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_INVALID,
                   _("%s: the file is not valid UTF-8 text"), name);
      return NULL;
    }

  if (!nesting_is_shallow (contents, length))
    {
      g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_INVALID,
                   _("%s: not valid chronicle data: arrays and objects are nested more than "
                     "%d levels deep"),
                   name, LT_JSON_MAX_DEPTH);
      return NULL;
    }

  if (!json_parser_load_from_data (parser, contents, length, &local_error))
    {
      g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_INVALID,
                   _("%s: not valid JSON: %s"), name, local_error->message);
      return NULL;
    }

  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_INVALID, _("%s: the file is empty"), name);
      return NULL;
    }

  return json_node_copy (json_parser_get_root (parser));
}

/**
 * lt_store_import_chronicle:
 * @self: a store
 * @dir: a folder with sources.json, actors.json, events.json, relations.json
 * @error: return location for an error
 *
 * Imports a chronicle in one transaction: on any error nothing is
 * imported, and the message names the file, the record and the field.
 * Ids that already exist in the store are an error. Clears undo history
 * and emits one "changed" with %LT_CHANGE_RELOADED.
 *
 * Returns: %TRUE on success
 */
gboolean
lt_store_import_chronicle (LtStore  *self,
                           GFile    *dir,
                           GError  **error)
{
  static const char *names[] = { "sources.json", "actors.json", "events.json", "relations.json" };
  JsonNode *roots[4] = { NULL, };
  gboolean ret = FALSE;

  g_return_val_if_fail (LT_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (dir), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GFile) file = g_file_get_child (dir, names[i]);

      if (!(roots[i] = load_json (file, FALSE, error)))
        goto out;
    }

  ret = import_documents (self, roots, names, error);

out:
  for (guint i = 0; i < G_N_ELEMENTS (roots); i++)
    g_clear_pointer (&roots[i], json_node_unref);

  return ret;
}

/**
 * lt_store_import_json:
 * @self: a store
 * @file: one document with any of the "sources", "actors", "events" and
 *   "relations" lists, as [method@Store.export_json] writes
 * @error: return location for an error
 *
 * Like [method@Store.import_chronicle] for a single file.
 *
 * Returns: %TRUE on success
 */
gboolean
lt_store_import_json (LtStore  *self,
                      GFile    *file,
                      GError  **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *name = NULL;
  JsonNode *roots[4];
  const char *names[4];

  g_return_val_if_fail (LT_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!(root = load_json (file, FALSE, error)))
    return FALSE;

  name = g_file_get_basename (file);
  for (guint i = 0; i < 4; i++)
    {
      roots[i] = root;
      names[i] = name;
    }

  return import_documents (self, roots, names, error);
}

/**
 * lt_store_import_source_texts:
 * @self: a store
 * @dir: a folder with the files the sources name in "file"
 * @error: return location for an error
 *
 * Reads the full text of each source whose file is in @dir, for search.
 * Sources whose file is missing are left as they are.
 *
 * Returns: %TRUE on success
 */
gboolean
lt_store_import_source_texts (LtStore  *self,
                              GFile    *dir,
                              GError  **error)
{
  g_autoptr(GListModel) sources = NULL;

  g_return_val_if_fail (LT_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (dir), FALSE);

  sources = lt_store_list_sources (self);

  if (!_lt_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(LtSource) source = g_list_model_get_item (sources, i);
      g_autoptr(GFile) file = NULL;
      g_autofree char *contents = NULL;
      gsize length;

      if (lt_source_get_file (source) == NULL)
        continue;

      file = g_file_get_child (dir, lt_source_get_file (source));
      if (!g_file_load_contents (file, NULL, &contents, &length, NULL, NULL))
        continue;
      if (!g_utf8_validate (contents, length, NULL))
        continue;

      {
        sqlite3_stmt *stmt = _lt_store_prepare (self, "UPDATE sources SET full_text = ?2 WHERE id = ?1",
                                                error);

        if (stmt == NULL)
          goto fail;
        sqlite3_bind_int64 (stmt, 1, lt_record_get_id (LT_RECORD (source)));
        sqlite3_bind_text (stmt, 2, contents, (int) length, SQLITE_TRANSIENT);
        if (sqlite3_step (stmt) != SQLITE_DONE)
          {
            _lt_store_set_sql_error (self, error);
            sqlite3_reset (stmt);
            goto fail;
          }
        sqlite3_reset (stmt);
      }

      if (!_lt_store_reindex (self, LT_RECORD_SOURCE, lt_record_get_id (LT_RECORD (source)), error))
        goto fail;
      _lt_store_queue_change (self, LT_RECORD_SOURCE, lt_record_get_id (LT_RECORD (source)),
                              LT_CHANGE_UPDATED);
    }

  return _lt_store_commit (self, error);

fail:
  _lt_store_rollback (self);
  return FALSE;
}

/* Export */

typedef struct
{
  JsonBuilder *builder;
  const char  *current_lang;
} I18nOut;

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
i18n_out_cb (const char *lang,
             const char *field,
             const char *text,
             gpointer    data)
{
  I18nOut *out = data;

  if (g_strcmp0 (out->current_lang, lang) != 0)
    {
      if (out->current_lang != NULL)
        json_builder_end_object (out->builder);
      out->current_lang = g_intern_string (lang);
      json_builder_set_member_name (out->builder, lang);
      json_builder_begin_object (out->builder);
    }

  add_string (out->builder, field, text);
}

static void
add_i18n (JsonBuilder *builder,
          gpointer     record)
{
  I18nOut out = { builder, NULL };

  json_builder_set_member_name (builder, "i18n");
  json_builder_begin_object (builder);
  _lt_i18n_foreach (&_lt_record_get_private (record)->i18n, i18n_out_cb, &out);
  if (out.current_lang != NULL)
    json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static void
add_visibility (JsonBuilder *builder,
                gpointer     record)
{
  add_string (builder, "visibility", lt_record_get_visibility (record));
}

/* Whether the export leaves @record out: it is gone, or restricted in a public export. */
static gboolean
left_out (gpointer      record,
          LtExportFlags flags)
{
  return record == NULL || (lt_record_is_restricted (record) && (flags & LT_EXPORT_PUBLIC_ONLY));
}

static char *
dup_slug (LtStore      *self,
          LtRecordKind  kind,
          gint64        id,
          gboolean     *restricted)
{
  static const char * const sql[] = {
    "SELECT slug, restricted FROM events WHERE id = ?1",
    "SELECT slug, restricted FROM actors WHERE id = ?1",
    "SELECT slug, restricted FROM sources WHERE id = ?1",
    "SELECT slug, restricted FROM relations WHERE id = ?1",
  };
  sqlite3_stmt *stmt = _lt_store_prepare (self, sql[kind], NULL);
  char *slug = NULL;

  *restricted = FALSE;
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      slug = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      *restricted = sqlite3_column_int (stmt, 1) != 0;
    }
  sqlite3_reset (stmt);

  return slug;
}

static void
add_citations (LtStore       *self,
               JsonBuilder   *builder,
               GPtrArray     *citations,
               LtExportFlags  flags)
{
  json_builder_set_member_name (builder, "citations");
  json_builder_begin_array (builder);
  for (guint i = 0; citations != NULL && i < citations->len; i++)
    {
      const LtCitation *c = g_ptr_array_index (citations, i);
      gboolean restricted;
      g_autofree char *source = dup_slug (self, LT_RECORD_SOURCE, c->source_id, &restricted);

      if (source == NULL || (restricted && (flags & LT_EXPORT_PUBLIC_ONLY)))
        continue;

      json_builder_begin_object (builder);
      add_string (builder, "source", source);
      add_string (builder, "locator", c->locator);
      add_string (builder, "note", c->note);
      if (c->i18n != NULL)
        {
          g_autoptr(JsonNode) node = json_from_string (c->i18n, NULL);

          if (node != NULL)
            {
              json_builder_set_member_name (builder, "i18n");
              json_builder_add_value (builder, g_steal_pointer (&node));
            }
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static GArray *
all_ids (LtStore    *self,
         const char *sql)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = _lt_store_prepare (self, sql, NULL);

  if (stmt == NULL)
    return ids;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  return ids;
}

static void
export_sources (LtStore       *self,
                JsonBuilder   *builder,
                LtExportFlags  flags)
{
  g_autoptr(GArray) ids = all_ids (self, "SELECT id FROM sources ORDER BY slug");

  json_builder_set_member_name (builder, "sources");
  json_builder_begin_array (builder);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(LtSource) s = lt_store_lookup_source (self, g_array_index (ids, gint64, i));

      if (left_out (s, flags))
        continue;

      json_builder_begin_object (builder);
      add_string (builder, "id", lt_record_get_slug (LT_RECORD (s)));
      add_string (builder, "title", s->title);
      add_string (builder, "publisher", s->publisher);
      add_string (builder, "author", s->author);
      add_string (builder, "date", s->date);
      add_string (builder, "url", s->url);
      add_string (builder, "language", s->language);
      add_string (builder, "file", s->file);
      add_string (builder, "note", s->note);
      add_i18n (builder, s);
      add_visibility (builder, s);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
export_actors (LtStore       *self,
               JsonBuilder   *builder,
               LtExportFlags  flags)
{
  g_autoptr(GArray) ids = all_ids (self, "SELECT id FROM actors ORDER BY slug");

  json_builder_set_member_name (builder, "actors");
  json_builder_begin_array (builder);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(LtActor) a = lt_store_lookup_actor (self, g_array_index (ids, gint64, i));

      if (left_out (a, flags))
        continue;

      json_builder_begin_object (builder);
      add_string (builder, "id", lt_record_get_slug (LT_RECORD (a)));
      add_string (builder, "name", a->name);
      add_string (builder, "kind", a->kind);
      add_string (builder, "country", a->country);
      add_string (builder, "description", a->description);
      json_builder_set_member_name (builder, "aliases");
      json_builder_begin_array (builder);
      for (guint j = 0; a->aliases != NULL && a->aliases[j] != NULL; j++)
        json_builder_add_string_value (builder, a->aliases[j]);
      json_builder_end_array (builder);
      add_i18n (builder, a);
      add_visibility (builder, a);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
export_events (LtStore       *self,
               JsonBuilder   *builder,
               LtExportFlags  flags)
{
  g_autoptr(GArray) ids = all_ids (self, "SELECT id FROM events ORDER BY start_day, slug");

  json_builder_set_member_name (builder, "events");
  json_builder_begin_array (builder);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(LtEvent) e = lt_store_lookup_event (self, g_array_index (ids, gint64, i));
      g_autofree char *date = NULL;
      g_autoptr(GPtrArray) participants = NULL;
      GPtrArray *figures;

      if (left_out (e, flags))
        continue;

      date = lt_date_range_to_iso (&e->range);
      participants = lt_event_list_participants (e);
      figures = lt_event_get_figures (e);

      json_builder_begin_object (builder);
      add_string (builder, "id", lt_record_get_slug (LT_RECORD (e)));
      add_string (builder, "title", e->title);
      add_string (builder, "summary", e->summary);
      add_string (builder, "date", date);
      add_string (builder, "place", e->place);
      add_string (builder, "category", e->category);

      json_builder_set_member_name (builder, "actors");
      json_builder_begin_array (builder);
      for (guint j = 0; j < participants->len; j++)
        {
          const LtParticipant *p = g_ptr_array_index (participants, j);
          gboolean restricted;
          g_autofree char *actor = dup_slug (self, LT_RECORD_ACTOR, p->actor_id, &restricted);

          if (actor == NULL || (restricted && (flags & LT_EXPORT_PUBLIC_ONLY)))
            continue;
          json_builder_begin_object (builder);
          add_string (builder, "actor", actor);
          add_string (builder, "role", p->role);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      json_builder_set_member_name (builder, "figures");
      json_builder_begin_array (builder);
      for (guint j = 0; j < figures->len; j++)
        {
          const LtFigure *f = g_ptr_array_index (figures, j);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "value");
          /* Converting a double out of gint64's range is undefined. */
          if (isfinite (f->value) && fabs (f->value) <= LT_FIGURE_MAX && f->value == floor (f->value))
            json_builder_add_int_value (builder, (gint64) f->value);
          else if (isfinite (f->value))
            json_builder_add_double_value (builder, f->value);
          else
            json_builder_add_null_value (builder);
          add_string (builder, "counts", f->counts);
          add_string (builder, "qualifier", f->qualifier);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      add_citations (self, builder, lt_event_get_citations (e), flags);
      add_i18n (builder, e);
      add_visibility (builder, e);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
export_relations (LtStore       *self,
                  JsonBuilder   *builder,
                  LtExportFlags  flags)
{
  g_autoptr(GArray) ids = all_ids (self, "SELECT id FROM relations ORDER BY slug");

  json_builder_set_member_name (builder, "relations");
  json_builder_begin_array (builder);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(LtRelation) r = lt_store_lookup_relation (self, g_array_index (ids, gint64, i));
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;
      gboolean from_restricted, to_restricted;

      if (left_out (r, flags))
        continue;

      from = dup_slug (self, LT_RECORD_ACTOR, r->from_id, &from_restricted);
      to = dup_slug (self, LT_RECORD_ACTOR, r->to_id, &to_restricted);
      if ((flags & LT_EXPORT_PUBLIC_ONLY) && (from_restricted || to_restricted))
        continue;

      json_builder_begin_object (builder);
      add_string (builder, "id", lt_record_get_slug (LT_RECORD (r)));
      add_string (builder, "from", from);
      add_string (builder, "to", to);
      add_string (builder, "type", r->relation_type);
      if (r->has_range)
        {
          g_autofree char *date = lt_date_range_to_iso (&r->range);

          add_string (builder, "date", date);
        }
      add_string (builder, "note", r->note);
      add_citations (self, builder, lt_relation_get_citations (r), flags);
      add_i18n (builder, r);
      add_visibility (builder, r);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/**
 * lt_store_export_json:
 * @self: a store
 * @file: where to write
 * @error: return location for an error
 *
 * Writes everything, restricted records included, as one document with
 * the four lists; [method@Store.import_json] reads it back. Use
 * [method@Store.export_json_full] with %LT_EXPORT_PUBLIC_ONLY to share.
 *
 * Returns: %TRUE on success
 */
gboolean
lt_store_export_json (LtStore  *self,
                      GFile    *file,
                      GError  **error)
{
  return lt_store_export_json_full (self, file, LT_EXPORT_NONE, error);
}

/**
 * lt_store_export_json_full:
 * @self: a store
 * @file: where to write (replaced atomically)
 * @flags: %LT_EXPORT_PUBLIC_ONLY leaves out restricted records, and
 *   links and citations pointing at them
 * @error: return location for an error
 *
 * Returns: %TRUE on success
 */
gboolean
lt_store_export_json_full (LtStore        *self,
                           GFile          *file,
                           LtExportFlags   flags,
                           GError        **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  gsize length;

  g_return_val_if_fail (LT_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  json_builder_begin_object (builder);
  export_sources (self, builder, flags);
  export_actors (self, builder, flags);
  export_events (self, builder, flags);
  export_relations (self, builder, flags);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, &length);

  if (!lt_atomic_file_write (file, text, length, &local_error))
    {
      g_set_error_literal (error, LT_STORE_ERROR, LT_STORE_ERROR_IO, local_error->message);
      return FALSE;
    }

  return TRUE;
}
