/* lt-importer.c: bringing spreadsheets and other chronicles in
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-importer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "lt-csv.h"
#include "lt-importer.h"
#include "lt-model-private.h"

/* An import runs in two steps that share one planning pass: preview()
 * plans against the store and only counts; apply() plans again inside one
 * transaction (the store may have changed since the preview) and writes,
 * as one undo step. Rows that cannot be read are listed with their row
 * number and left out; anything that fails while writing rolls all of it
 * back.
 *
 * Re-importing adds nothing: an event from a CSV is the stored event with
 * the same title and date; an actor is found by name or alias; a source by
 * its URL, or its title when it has none; a chronicle's records by id. */

/* Above this many rows the search index is rebuilt once at the end. */
#define BULK_ROWS 200
#define DEFAULT_CATEGORY "protest"

typedef enum
{
  TJS_YEAR,
  TJS_MONTH,
  TJS_DAY,
  TJS_END_YEAR,
  TJS_END_MONTH,
  TJS_END_DAY,
  TJS_HEADLINE,
  TJS_TEXT,
  TJS_MEDIA,
  TJS_MEDIA_CREDIT,
  TJS_MEDIA_CAPTION,
  TJS_TYPE,
  TJS_GROUP,
  N_TJS,
} TjsColumn;

static const char * const tjs_names[N_TJS] = {
  "year", "month", "day", "end year", "end month", "end day", "headline", "text",
  "media", "media credit", "media caption", "type", "group",
};

typedef struct
{
  guint  row;
  char  *message;
  guint  skips : 1;
} Issue;

typedef struct
{
  LtRecordKind        kind;
  char               *slug;
  char               *label;
  LtImportResolution  resolution;
} Conflict;

struct _LtImporter
{
  GObject       parent_instance;

  GFile        *file;
  char         *name;
  LtImportFormat format;
  const char   *encoding;   /* interned */

  /* CSV */
  LtCsv        *csv;
  char        **columns;
  int           fields[LT_IMPORT_N_FIELDS];
  int           tjs[N_TJS];

  /* Chronicle JSON */
  JsonNode     *root;
  guint         n_records;

  /* Results of the last plan */
  guint         counts[4][3];
  GArray       *issues;     /* of Issue */
  GPtrArray    *conflicts;  /* of Conflict */
  GHashTable   *resolutions; /* "kind/slug" -> resolution + 1 */

  gint          progress;   /* per mille, atomic: read from the main thread */
  GPtrArray    *category_labels; /* casefolded, in lt_category_list_keys() order */
};

G_DEFINE_FINAL_TYPE (LtImporter, lt_importer, G_TYPE_OBJECT)

static void
issue_clear (gpointer data)
{
  g_free (((Issue *) data)->message);
}

static void
conflict_free (gpointer data)
{
  Conflict *c = data;

  g_free (c->slug);
  g_free (c->label);
  g_free (c);
}

static void
add_issue (LtImporter *self,
           guint       row,
           gboolean    skips,
           const char *message)
{
  Issue issue = { row, NULL, skips };

  /* Translators: one bad row of a spreadsheet: "row 14: month 13 does not exist" */
  issue.message = row > 0 ? g_strdup_printf (_("row %1$u: %2$s"), row, message) : g_strdup (message);
  g_array_append_val (self->issues, issue);
}

static void
reset_results (LtImporter *self)
{
  memset (self->counts, 0, sizeof self->counts);
  g_array_set_size (self->issues, 0);
  g_ptr_array_set_size (self->conflicts, 0);
  g_atomic_int_set (&self->progress, 0);
}

static void
set_progress (LtImporter *self,
              guint       done,
              guint       total)
{
  g_atomic_int_set (&self->progress, total > 0 ? (int) ((guint64) done * 1000 / total) : 1000);
}

/* Loading */

static char *
normalize_header (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  return g_utf8_strdown (stripped, -1);
}

static int
find_column (char       **columns,
             const char  *name)
{
  for (guint i = 0; columns[i] != NULL; i++)
    {
      g_autofree char *header = normalize_header (columns[i]);

      if (g_str_equal (header, name))
        return (int) i;
    }
  return -1;
}

/* Headers people give these columns, in English, Ukrainian and Belarusian. */
static void
guess_fields (LtImporter *self)
{
  static const char * const guesses[LT_IMPORT_N_FIELDS][10] = {
    { "date", "start date", "start", "дата", "дата початку", "дата пачатку", "year", NULL },
    { "end date", "end", "дата завершення", "дата заканчэння", "кінець", "канец", NULL },
    { "title", "headline", "event", "name", "назва", "заголовок", "подія", "падзея", NULL },
    { "summary", "description", "text", "опис", "апісанне", "текст", NULL },
    { "category", "group", "type", "категорія", "катэгорыя", NULL },
    { "place", "location", "city", "місце", "месца", "місто", "горад", NULL },
    { "actors", "people", "participants", "учасники", "удзельнікі", "особи", "асобы", NULL },
    { "source", "source title", "джерело", "крыніца", NULL },
    { "url", "source url", "link", "посилання", "спасылка", NULL },
    { "locator", "page", "сторінка", "старонка", NULL },
  };

  for (guint f = 0; f < LT_IMPORT_N_FIELDS; f++)
    {
      self->fields[f] = -1;
      for (guint g = 0; guesses[f][g] != NULL && self->fields[f] < 0; g++)
        self->fields[f] = find_column (self->columns, guesses[f][g]);
    }
}

static gboolean
load_chronicle (LtImporter  *self,
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

static gboolean
load_csv (LtImporter  *self,
          const char  *contents,
          gsize        length,
          GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;

  if (!(text = lt_csv_decode (contents, length, NULL, &self->encoding, &local_error)) ||
      !(self->csv = lt_csv_parse (text, &local_error)))
    {
      g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_INVALID, "%s: %s",
                   self->name, local_error->message);
      return FALSE;
    }

  if (self->csv->rows->len == 0)
    {
      g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_INVALID, _("%s: the file is empty"),
                   self->name);
      return FALSE;
    }

  self->columns = g_strdupv (g_ptr_array_index (self->csv->rows, 0));
  for (guint i = 0; self->columns[i] != NULL; i++)
    g_strstrip (self->columns[i]);

  for (guint i = 0; i < N_TJS; i++)
    self->tjs[i] = find_column (self->columns, tjs_names[i]);

  self->format = self->tjs[TJS_YEAR] >= 0 && self->tjs[TJS_HEADLINE] >= 0
                   ? LT_IMPORT_FORMAT_TIMELINEJS : LT_IMPORT_FORMAT_CSV;
  guess_fields (self);
  return TRUE;
}

/* Planning CSV rows */

typedef struct
{
  LtStore     *store;
  LtUndoGroup *group;     /* NULL in a preview */
  GHashTable  *events;    /* "title\x1fdate" -> stored id (0: added by this import) */
  GHashTable  *actors;    /* name -> id (0: to add) */
  GHashTable  *sources;   /* "u:url" / "t:title" -> id (0: to add) */
  GHashTable  *cited;     /* keys of stored sources already counted */
  GHashTable  *slugs;     /* event slugs this import gave */
} Plan;

static void
plan_clear (Plan *plan)
{
  g_clear_pointer (&plan->events, g_hash_table_unref);
  g_clear_pointer (&plan->actors, g_hash_table_unref);
  g_clear_pointer (&plan->sources, g_hash_table_unref);
  g_clear_pointer (&plan->cited, g_hash_table_unref);
  g_clear_pointer (&plan->slugs, g_hash_table_unref);
}

static void
remember (GHashTable *table,
          const char *key,
          gint64      id)
{
  g_hash_table_replace (table, g_strdup (key), g_memdup2 (&id, sizeof id));
}

static gboolean
recall (GHashTable *table,
        const char *key,
        gint64     *id)
{
  gint64 *value = g_hash_table_lookup (table, key);

  if (value == NULL)
    return FALSE;
  *id = *value;
  return TRUE;
}

static gboolean
load_keys (Plan    *plan,
           GError **error)
{
  sqlite3_stmt *stmt;

  plan->events = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  plan->actors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  plan->sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  plan->cited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  plan->slugs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!(stmt = _lt_store_prepare (plan->store, "SELECT id, title, date FROM events", error)))
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *key = g_strdup_printf ("%s\x1f%s", sqlite3_column_text (stmt, 1),
                                              sqlite3_column_text (stmt, 2));

      remember (plan->events, key, sqlite3_column_int64 (stmt, 0));
    }
  sqlite3_reset (stmt);

  if (!(stmt = _lt_store_prepare (plan->store, "SELECT id, title, url FROM sources", error)))
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *url = (const char *) sqlite3_column_text (stmt, 2);
      g_autofree char *key = url != NULL && *url != '\0'
                               ? g_strconcat ("u:", url, NULL)
                               : g_strconcat ("t:", sqlite3_column_text (stmt, 1), NULL);

      remember (plan->sources, key, sqlite3_column_int64 (stmt, 0));
    }
  sqlite3_reset (stmt);

  return TRUE;
}

static const char *
cell (LtImporter *self,
      char      **row,
      int         column)
{
  if (column < 0 || column >= (int) g_strv_length (row))
    return "";
  return row[column];
}

static char *
cell_dup (LtImporter *self,
          char      **row,
          int         column)
{
  char *text = g_strstrip (g_strdup (cell (self, row, column)));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static gboolean
parse_int (const char *text,
           gint64     *out)
{
  char *end;

  if (*text == '\0')
    return FALSE;
  *out = g_ascii_strtoll (text, &end, 10);
  /* Spreadsheets write whole numbers as "2021.0" now and then. */
  if (g_str_equal (end, ".0"))
    return TRUE;
  return *end == '\0';
}

/* Year, Month, Day columns: Year alone is a year-precision date. */
static gboolean
parse_ymd (const char  *year_text,
           const char  *month_text,
           const char  *day_text,
           LtDate      *out,
           char       **reason)
{
  g_autofree char *y = g_strstrip (g_strdup (year_text));
  g_autofree char *m = g_strstrip (g_strdup (month_text));
  g_autofree char *d = g_strstrip (g_strdup (day_text));
  gint64 year, month = 0, day = 0;

  if (*y == '\0')
    {
      *reason = g_strdup (_("the year is empty"));
      return FALSE;
    }
  if (!parse_int (y, &year) || year < -9999 || year > 9999)
    {
      *reason = g_strdup_printf (_("year “%s” is not a number"), y);
      return FALSE;
    }
  if (*m != '\0' && (!parse_int (m, &month) || month < 1 || month > 12))
    {
      *reason = g_strdup_printf (_("month %s does not exist"), m);
      return FALSE;
    }
  if (*d != '\0' && month == 0)
    {
      *reason = g_strdup (_("a day is given without a month"));
      return FALSE;
    }
  if (*d != '\0' && (!parse_int (d, &day) || day < 1 ||
                     day > lt_days_in_month ((gint32) year, (guint) month)))
    {
      /* Translators: "day 31 does not exist in 2021-04" */
      *reason = g_strdup_printf (_("day %1$s does not exist in %2$04d-%3$02d"), d,
                                 (int) year, (int) month);
      return FALSE;
    }

  lt_date_init_ymd (out, (gint32) year, (guint) month, (guint) day);
  return TRUE;
}

/* A date cell of a CSV with the user's own columns: what LtDate parses
 * (2021, 2021-07, 2021-07-14, ~2020-11) or the day-first 14.07.2021 and
 * 07.2021 that spreadsheets in Belarus and Ukraine show. */
static gboolean
parse_date_cell (const char  *text,
                 LtDate      *out,
                 char       **reason)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) parts = NULL;

  if (strchr (text, '.') != NULL && (parts = g_strsplit (text, ".", 3)) != NULL)
    {
      guint n = g_strv_length (parts);

      if (n == 3)
        return parse_ymd (parts[2], parts[1], parts[0], out, reason);
      if (n == 2)
        return parse_ymd (parts[1], parts[0], "", out, reason);
    }

  if (!lt_date_parse (text, out, &error))
    {
      /* Translators: %1$s is the date as written, %2$s why it is not one */
      *reason = g_strdup_printf (_("date “%1$s”: %2$s"), text, error->message);
      return FALSE;
    }

  return TRUE;
}

/* A category's key or its label in the interface language */
static const char *
match_category (LtImporter *self,
                const char *text)
{
  const char * const *keys = lt_category_list_keys ();
  g_autofree char *folded = g_utf8_casefold (text, -1);

  if (self->category_labels == NULL)
    {
      self->category_labels = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; keys[i] != NULL; i++)
        g_ptr_array_add (self->category_labels, g_utf8_casefold (lt_category_get_label (keys[i]), -1));
    }

  for (guint i = 0; keys[i] != NULL; i++)
    if (g_ascii_strcasecmp (text, keys[i]) == 0 ||
        g_str_equal (folded, g_ptr_array_index (self->category_labels, i)))
      return keys[i];
  return NULL;
}

typedef struct
{
  char     *source_title;
  char     *source_url;
  char     *locator;
  char     *note;
  GStrv     actors;
  gboolean  has_category;  /* the row names one; otherwise the default was used */
} RowExtras;

static void
row_extras_clear (RowExtras *x)
{
  g_free (x->source_title);
  g_free (x->source_url);
  g_free (x->locator);
  g_free (x->note);
  g_strfreev (x->actors);
}

/* Reads one data row into @event; FALSE (with an issue) when it cannot be
 * imported, and for rows that are not events (TimelineJS's title slide). */
static gboolean
read_row (LtImporter *self,
          char      **row,
          guint       number,
          LtEvent    *event,
          RowExtras  *extras)
{
  g_autofree char *reason = NULL;
  g_autofree char *title = NULL;
  g_autofree char *category = NULL;
  LtDateRange range = { { 0, }, { 0, }, FALSE };

  if (self->format == LT_IMPORT_FORMAT_TIMELINEJS)
    {
      g_autofree char *type = cell_dup (self, row, self->tjs[TJS_TYPE]);
      g_autofree char *end_year = NULL;

      if (type != NULL && g_ascii_strcasecmp (type, "title") == 0)
        return FALSE;
      if (type != NULL && g_ascii_strcasecmp (type, "era") == 0)
        {
          add_issue (self, number, TRUE, _("eras are not imported"));
          return FALSE;
        }

      if (!parse_ymd (cell (self, row, self->tjs[TJS_YEAR]), cell (self, row, self->tjs[TJS_MONTH]),
                      cell (self, row, self->tjs[TJS_DAY]), &range.start, &reason))
        goto bad;
      end_year = cell_dup (self, row, self->tjs[TJS_END_YEAR]);
      if (end_year != NULL)
        {
          if (!parse_ymd (cell (self, row, self->tjs[TJS_END_YEAR]),
                          cell (self, row, self->tjs[TJS_END_MONTH]),
                          cell (self, row, self->tjs[TJS_END_DAY]), &range.end, &reason))
            {
              g_autofree char *inner = g_steal_pointer (&reason);

              /* Translators: %s says what is wrong with the end date */
              reason = g_strdup_printf (_("end: %s"), inner);
              goto bad;
            }
          range.has_end = TRUE;
        }

      title = cell_dup (self, row, self->tjs[TJS_HEADLINE]);
      if (title == NULL)
        {
          reason = g_strdup (_("the headline is empty"));
          goto bad;
        }
      lt_event_set_summary (event, cell (self, row, self->tjs[TJS_TEXT]));
      category = cell_dup (self, row, self->tjs[TJS_GROUP]);
      extras->source_url = cell_dup (self, row, self->tjs[TJS_MEDIA]);
      extras->source_title = cell_dup (self, row, self->tjs[TJS_MEDIA_CREDIT]);
      extras->note = cell_dup (self, row, self->tjs[TJS_MEDIA_CAPTION]);
    }
  else
    {
      g_autofree char *date = cell_dup (self, row, self->fields[LT_IMPORT_FIELD_DATE]);
      g_autofree char *end = cell_dup (self, row, self->fields[LT_IMPORT_FIELD_END_DATE]);
      g_autofree char *actors = cell_dup (self, row, self->fields[LT_IMPORT_FIELD_ACTORS]);
      g_autofree char *summary = cell_dup (self, row, self->fields[LT_IMPORT_FIELD_SUMMARY]);
      g_autofree char *place = cell_dup (self, row, self->fields[LT_IMPORT_FIELD_PLACE]);

      if (date == NULL)
        {
          reason = g_strdup (_("the date is empty"));
          goto bad;
        }
      if (strchr (date, '/') != NULL && end == NULL)
        {
          g_autoptr(GError) error = NULL;

          if (!lt_date_range_parse (date, &range, &error))
            {
              reason = g_strdup_printf (_("date “%1$s”: %2$s"), date, error->message);
              goto bad;
            }
        }
      else if (!parse_date_cell (date, &range.start, &reason))
        goto bad;
      if (end != NULL)
        {
          if (!parse_date_cell (end, &range.end, &reason))
            {
              g_autofree char *inner = g_steal_pointer (&reason);

              reason = g_strdup_printf (_("end: %s"), inner);
              goto bad;
            }
          range.has_end = TRUE;
        }

      title = cell_dup (self, row, self->fields[LT_IMPORT_FIELD_TITLE]);
      if (title == NULL)
        {
          reason = g_strdup (_("the title is empty"));
          goto bad;
        }
      lt_event_set_summary (event, summary);
      lt_event_set_place (event, place);
      category = cell_dup (self, row, self->fields[LT_IMPORT_FIELD_CATEGORY]);
      extras->source_title = cell_dup (self, row, self->fields[LT_IMPORT_FIELD_SOURCE_TITLE]);
      extras->source_url = cell_dup (self, row, self->fields[LT_IMPORT_FIELD_SOURCE_URL]);
      extras->locator = cell_dup (self, row, self->fields[LT_IMPORT_FIELD_LOCATOR]);

      if (actors != NULL)
        {
          g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
          g_auto(GStrv) names = g_strsplit (actors, ";", -1);

          for (guint i = 0; names[i] != NULL; i++)
            if (*g_strstrip (names[i]) != '\0')
              g_strv_builder_add (builder, names[i]);
          extras->actors = g_strv_builder_end (builder);
        }
    }

  if (range.has_end && lt_date_last_day (&range.end) < lt_date_first_day (&range.start))
    {
      reason = g_strdup (_("the end is before the start"));
      goto bad;
    }

  lt_event_set_title (event, title);
  lt_event_set_date_range (event, &range);
  extras->has_category = category != NULL && match_category (self, category) != NULL;
  if (category == NULL)
    lt_event_set_category (event, DEFAULT_CATEGORY);
  else if (extras->has_category)
    lt_event_set_category (event, match_category (self, category));
  else
    {
      g_autofree char *note = NULL;

      /* Translators: %1$s is the group or category written in the file, %2$s the category used */
      note = g_strdup_printf (_("“%1$s” is not an event category; imported as “%2$s”"), category,
                              lt_category_get_label (DEFAULT_CATEGORY));
      add_issue (self, number, FALSE, note);
      lt_event_set_category (event, DEFAULT_CATEGORY);
    }

  return TRUE;

bad:
  add_issue (self, number, TRUE, reason);
  return FALSE;
}

static gboolean
check_columns (LtImporter  *self,
               GError     **error)
{
  static const LtImportField required[] = { LT_IMPORT_FIELD_DATE, LT_IMPORT_FIELD_TITLE };

  if (self->format != LT_IMPORT_FORMAT_CSV)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (self->fields[required[i]] < 0)
      {
        g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_INVALID,
                     /* Translators: %1$s is the file, %2$s a column such as “Date” */
                     _("%1$s: no column holds “%2$s”; name the columns in the first row "
                       "(Date, Title, …) or use the TimelineJS layout"),
                     self->name, lt_import_field_get_label (required[i]));
        return FALSE;
      }

  return TRUE;
}

static gint64
resolve_actor (LtImporter  *self,
               Plan        *plan,
               const char  *name,
               GError     **error)
{
  gint64 id;

  if (recall (plan->actors, name, &id))
    {
      if (id == 0 && plan->group == NULL)
        return -1;
      return id;
    }

  id = lt_store_find_actor (plan->store, name);
  if (id != 0)
    self->counts[LT_RECORD_ACTOR][LT_IMPORT_SKIPPED]++;
  else
    {
      self->counts[LT_RECORD_ACTOR][LT_IMPORT_ADDED]++;
      if (plan->group != NULL)
        {
          g_autoptr(LtActor) actor = lt_actor_new ();

          /* A name alone does not say what the actor is; a person is the
           * common case in these spreadsheets, and the editor can change it. */
          lt_actor_set_name (actor, name);
          lt_actor_set_kind (actor, "person");
          if (!_lt_store_group_write (plan->store, plan->group, G_OBJECT (actor), error))
            return 0;
          id = lt_actor_get_id (actor);
        }
    }

  remember (plan->actors, name, id);
  return id != 0 ? id : -1;
}

static gint64
resolve_source (LtImporter  *self,
                Plan        *plan,
                RowExtras   *x,
                GError     **error)
{
  g_autofree char *key = NULL;
  gint64 id;

  if (x->source_url == NULL && x->source_title == NULL)
    return -1;

  key = x->source_url != NULL ? g_strconcat ("u:", x->source_url, NULL)
                              : g_strconcat ("t:", x->source_title, NULL);
  if (recall (plan->sources, key, &id))
    {
      /* A stored source the file cites is counted once, as skipped. */
      if (id != 0 && g_hash_table_add (plan->cited, g_strdup (key)))
        self->counts[LT_RECORD_SOURCE][LT_IMPORT_SKIPPED]++;
      return id != 0 ? id : (plan->group == NULL ? -2 : 0);
    }

  self->counts[LT_RECORD_SOURCE][LT_IMPORT_ADDED]++;
  g_hash_table_add (plan->cited, g_strdup (key));
  id = 0;
  if (plan->group != NULL)
    {
      g_autoptr(LtSource) source = lt_source_new ();

      lt_source_set_title (source, x->source_title != NULL ? x->source_title : x->source_url);
      lt_source_set_url (source, x->source_url);
      if (!_lt_store_group_write (plan->store, plan->group, G_OBJECT (source), error))
        return 0;
      id = lt_source_get_id (source);
    }

  remember (plan->sources, key, id);
  return id != 0 ? id : -2;
}

static gboolean
has_participant (LtEvent *event,
                 gint64   actor_id)
{
  for (guint i = 0; event->participants != NULL && i < event->participants->len; i++)
    if (((LtParticipant *) g_ptr_array_index (event->participants, i))->actor_id == actor_id)
      return TRUE;
  return FALSE;
}

static gboolean
has_citation (LtEvent    *event,
              gint64      source_id,
              const char *locator)
{
  for (guint i = 0; event->citations != NULL && i < event->citations->len; i++)
    {
      const LtCitation *c = g_ptr_array_index (event->citations, i);

      if (c->source_id == source_id && g_strcmp0 (c->locator, locator) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
same_text (const char *a,
           const char *b)
{
  return g_strcmp0 (a != NULL ? a : "", b != NULL ? b : "") == 0;
}

/* Merges a row into the stored event @id: new texts replace, actors and
 * the citation are added when missing. Returns whether anything changed. */
static gboolean
merge_into (LtImporter  *self,
            Plan        *plan,
            gint64       id,
            LtEvent     *row,
            GArray      *actor_ids,
            gint64       source_id,
            RowExtras   *x,
            LtEvent    **out)
{
  g_autoptr(LtEvent) stored = lt_store_lookup_event (plan->store, id);
  g_autoptr(LtEvent) merged = NULL;
  gboolean changed = FALSE;

  if (stored == NULL)
    return FALSE;

  merged = lt_event_dup (stored);
  if (!merged->details_loaded)
    _lt_store_load_event_details (plan->store, merged);
  if (!merged->i18n_complete)
    {
      _lt_store_load_i18n (plan->store, LT_RECORD_EVENT, id, &merged->i18n);
      merged->i18n_complete = TRUE;
    }
  g_clear_object (&merged->store);

  if (row->summary != NULL && *row->summary != '\0' && !same_text (row->summary, merged->summary))
    {
      lt_event_set_summary (merged, row->summary);
      changed = TRUE;
    }
  if (row->place != NULL && !same_text (row->place, merged->place))
    {
      lt_event_set_place (merged, row->place);
      changed = TRUE;
    }
  if (x->has_category && !same_text (row->category, merged->category))
    {
      lt_event_set_category (merged, row->category);
      changed = TRUE;
    }
  for (guint i = 0; i < actor_ids->len; i++)
    {
      gint64 actor_id = g_array_index (actor_ids, gint64, i);

      if (actor_id < 0 || !has_participant (merged, actor_id))
        {
          if (actor_id > 0)
            lt_event_add_participant (merged, actor_id, "participant");
          changed = TRUE;
        }
    }
  if (source_id != -1 && (source_id < 0 || !has_citation (merged, source_id, x->locator)))
    {
      if (source_id > 0)
        lt_event_add_citation (merged, source_id, x->locator, x->note);
      changed = TRUE;
    }

  *out = g_steal_pointer (&merged);
  return changed;
}

static gint64 find_slug (LtStore      *store,
                         LtRecordKind  kind,
                         const char   *slug);

/* Spreadsheets repeat titles ("Detention", "Search") on many dates; the
 * store's own slugs would then count up through every earlier one. The
 * title and the day make a key that is nearly always free already. */
static char *
event_slug (Plan       *plan,
            const char *title,
            const char *date)
{
  g_autofree char *folded = _lt_fold (title);
  g_autoptr(GString) base = g_string_new (NULL);
  char *candidate;

  for (const char *p = folded; *p != '\0' && base->len < 48; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (base, g_ascii_tolower (*p));
      else if (base->len > 0 && base->str[base->len - 1] != '-')
        g_string_append_c (base, '-');
    }
  while (base->len > 0 && base->str[base->len - 1] == '-')
    g_string_truncate (base, base->len - 1);
  if (base->len == 0)
    g_string_append (base, "event");

  g_string_append_c (base, '-');
  for (const char *p = date; *p != '\0' && *p != '/'; p++)
    if (g_ascii_isdigit (*p) || *p == '-')
      g_string_append_c (base, *p);

  candidate = g_strdup (base->str);
  for (guint n = 2;
       g_hash_table_contains (plan->slugs, candidate) ||
       find_slug (plan->store, LT_RECORD_EVENT, candidate) != 0;
       n++)
    {
      g_free (candidate);
      candidate = g_strdup_printf ("%s-%u", base->str, n);
    }

  g_hash_table_add (plan->slugs, g_strdup (candidate));
  return candidate;
}

static gboolean
plan_csv (LtImporter    *self,
          Plan          *plan,
          GCancellable  *cancellable,
          GError       **error)
{
  GPtrArray *rows = self->csv->rows;

  if (!check_columns (self, error) || !load_keys (plan, error))
    return FALSE;

  for (guint r = 1; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);
      guint number = g_array_index (self->csv->row_numbers, guint, r);
      g_autoptr(LtEvent) event = lt_event_new ();
      g_autoptr(GArray) actor_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autofree char *date = NULL;
      g_autofree char *key = NULL;
      RowExtras x = { NULL, };
      gint64 source_id = -1, existing;
      gboolean ok = TRUE;

      if (r % 1000 == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          set_progress (self, r, rows->len);
        }

      if (!read_row (self, row, number, event, &x))
        {
          row_extras_clear (&x);
          continue;
        }

      for (guint i = 0; x.actors != NULL && x.actors[i] != NULL && ok; i++)
        {
          gint64 id = resolve_actor (self, plan, x.actors[i], error);

          ok = id != 0;
          g_array_append_val (actor_ids, id);
        }
      if (ok && (x.source_url != NULL || x.source_title != NULL))
        ok = (source_id = resolve_source (self, plan, &x, error)) != 0;
      if (!ok)
        {
          row_extras_clear (&x);
          return FALSE;
        }

      date = lt_date_range_to_iso (lt_event_get_date_range (event));
      key = g_strdup_printf ("%s\x1f%s", lt_event_get_title (event), date);

      if (recall (plan->events, key, &existing) && existing != 0)
        {
          g_autoptr(LtEvent) merged = NULL;

          if (merge_into (self, plan, existing, event, actor_ids, source_id, &x, &merged))
            {
              self->counts[LT_RECORD_EVENT][LT_IMPORT_UPDATED]++;
              if (plan->group != NULL &&
                  !_lt_store_group_write (plan->store, plan->group, G_OBJECT (merged), error))
                ok = FALSE;
            }
          else
            self->counts[LT_RECORD_EVENT][LT_IMPORT_SKIPPED]++;
        }
      else if (recall (plan->events, key, &existing))
        /* The same event twice in the file */
        self->counts[LT_RECORD_EVENT][LT_IMPORT_SKIPPED]++;
      else
        {
          self->counts[LT_RECORD_EVENT][LT_IMPORT_ADDED]++;
          remember (plan->events, key, 0);
          if (plan->group != NULL)
            {
              for (guint i = 0; i < actor_ids->len; i++)
                if (!has_participant (event, g_array_index (actor_ids, gint64, i)))
                  lt_event_add_participant (event, g_array_index (actor_ids, gint64, i), "participant");
              if (source_id > 0)
                lt_event_add_citation (event, source_id, x.locator, x.note);
              {
                g_autofree char *slug = event_slug (plan, lt_event_get_title (event), date);

                lt_event_set_slug (event, slug);
              }
              ok = _lt_store_group_write (plan->store, plan->group, G_OBJECT (event), error);
            }
        }

      row_extras_clear (&x);
      if (!ok)
        {
          g_prefix_error (error, _("row %u: "), number);
          return FALSE;
        }
    }

  return TRUE;
}

/* Merging a chronicle */

typedef struct
{
  LtImporter  *self;
  Plan        *plan;
  guint        done;
  GCancellable *cancellable;
} Merge;

static LtRecordKind
kind_of (GObject *record)
{
  if (LT_IS_EVENT (record))
    return LT_RECORD_EVENT;
  if (LT_IS_ACTOR (record))
    return LT_RECORD_ACTOR;
  if (LT_IS_SOURCE (record))
    return LT_RECORD_SOURCE;
  return LT_RECORD_RELATION;
}

static char **
slug_field (GObject *record)
{
  switch (kind_of (record))
    {
    case LT_RECORD_EVENT: return &LT_EVENT (record)->slug;
    case LT_RECORD_ACTOR: return &LT_ACTOR (record)->slug;
    case LT_RECORD_SOURCE: return &LT_SOURCE (record)->slug;
    case LT_RECORD_RELATION:
    default: return &LT_RELATION (record)->slug;
    }
}

static gint64 *
id_field (GObject *record)
{
  switch (kind_of (record))
    {
    case LT_RECORD_EVENT: return &LT_EVENT (record)->id;
    case LT_RECORD_ACTOR: return &LT_ACTOR (record)->id;
    case LT_RECORD_SOURCE: return &LT_SOURCE (record)->id;
    case LT_RECORD_RELATION:
    default: return &LT_RELATION (record)->id;
    }
}

static gint64
find_slug (LtStore      *store,
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
  LtI18n *i18n;

  if (LT_IS_EVENT (record))
    {
      LtEvent *e = LT_EVENT (record);
      g_autofree char *date = lt_date_range_to_iso (&e->range);

      g_string_append_printf (out, "%s|%s|%s|%s|%s|%d", T (e->title), T (e->summary), date,
                              T (e->place), T (e->category), e->restricted);
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
      i18n = &e->i18n;
    }
  else if (LT_IS_ACTOR (record))
    {
      LtActor *a = LT_ACTOR (record);

      g_string_append_printf (out, "%s|%s|%s|%s|%d", T (a->name), T (a->kind), T (a->country),
                              T (a->description), a->restricted);
      for (guint i = 0; a->aliases != NULL && a->aliases[i] != NULL; i++)
        g_string_append_printf (out, "|%s", a->aliases[i]);
      i18n = &a->i18n;
    }
  else if (LT_IS_SOURCE (record))
    {
      LtSource *s = LT_SOURCE (record);

      g_string_append_printf (out, "%s|%s|%s|%s|%s|%s|%s|%s|%d", T (s->title), T (s->publisher),
                              T (s->author), T (s->date), T (s->url), T (s->language), T (s->file),
                              T (s->note), s->restricted);
      i18n = &s->i18n;
    }
  else
    {
      LtRelation *r = LT_RELATION (record);
      g_autofree char *date = r->has_range ? lt_date_range_to_iso (&r->range) : NULL;

      g_string_append_printf (out, "%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|%s|%s|%s|%d",
                              r->from_id, r->to_id, T (r->relation_type), T (date), T (r->note),
                              r->restricted);
      print_citations (out, r->citations);
      i18n = &r->i18n;
    }

  _lt_i18n_foreach (i18n, print_i18n_cb, out);
  return g_string_free (out, FALSE);
}

#undef T

static GObject *
lookup_complete (LtStore      *store,
                 LtRecordKind  kind,
                 gint64        id)
{
  GObject *record = NULL;

  switch (kind)
    {
    case LT_RECORD_EVENT:
      {
        LtEvent *e = lt_store_lookup_event (store, id);

        if (e != NULL && !e->details_loaded)
          _lt_store_load_event_details (store, e);
        if (e != NULL && !e->i18n_complete)
          {
            _lt_store_load_i18n (store, kind, id, &e->i18n);
            e->i18n_complete = TRUE;
          }
        record = (GObject *) e;
        break;
      }
    case LT_RECORD_RELATION:
      {
        LtRelation *r = lt_store_lookup_relation (store, id);

        if (r != NULL && !r->details_loaded)
          _lt_store_load_relation_details (store, r);
        if (r != NULL && !r->i18n_complete)
          {
            _lt_store_load_i18n (store, kind, id, &r->i18n);
            r->i18n_complete = TRUE;
          }
        record = (GObject *) r;
        break;
      }
    case LT_RECORD_ACTOR:
      {
        LtActor *a = lt_store_lookup_actor (store, id);

        if (a != NULL && !a->i18n_complete)
          {
            _lt_store_load_i18n (store, kind, id, &a->i18n);
            a->i18n_complete = TRUE;
          }
        record = (GObject *) a;
        break;
      }
    case LT_RECORD_SOURCE:
    default:
      {
        LtSource *s = lt_store_lookup_source (store, id);

        if (s != NULL && !s->i18n_complete)
          {
            _lt_store_load_i18n (store, kind, id, &s->i18n);
            s->i18n_complete = TRUE;
          }
        record = (GObject *) s;
        break;
      }
    }

  return record;
}

static const char *
label_of (GObject *record)
{
  if (LT_IS_EVENT (record))
    return lt_event_get_title (LT_EVENT (record));
  if (LT_IS_ACTOR (record))
    return lt_actor_get_name (LT_ACTOR (record));
  if (LT_IS_SOURCE (record))
    return lt_source_get_title (LT_SOURCE (record));
  return LT_RELATION (record)->slug;
}

static char *
free_slug (LtStore      *store,
           LtRecordKind  kind,
           const char   *slug)
{
  for (guint n = 2; ; n++)
    {
      g_autofree char *candidate = g_strdup_printf ("%s-%u", slug, n);

      if (find_slug (store, kind, candidate) == 0)
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
  if (*id_field (record) == 0)
    return _lt_store_write_record (m->plan->store, record, error);
  return TRUE;
}

static gboolean
merge_cb (GObject  *record,
          gpointer  data,
          GError  **error)
{
  Merge *m = data;
  LtImporter *self = m->self;
  LtRecordKind kind = kind_of (record);
  char **slug = slug_field (record);
  gint64 existing = find_slug (m->plan->store, kind, *slug);
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
      set_progress (self, m->done, self->n_records);
    }

  if (existing == 0)
    {
      self->counts[kind][LT_IMPORT_ADDED]++;
      return write_merged (m, record, error);
    }

  stored = lookup_complete (m->plan->store, kind, existing);
  mine = stored != NULL ? fingerprint (stored) : NULL;
  theirs = fingerprint (record);
  *id_field (record) = existing;

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
      *id_field (record) = 0;
      g_free (*slug);
      *slug = free_slug (m->plan->store, kind, conflict->slug);
      return write_merged (m, record, error);

    case LT_IMPORT_KEEP_MINE:
    default:
      self->counts[kind][LT_IMPORT_SKIPPED]++;
      return TRUE;
    }
}

/* Running a plan */

static gboolean
run (LtImporter    *self,
     LtStore       *store,
     gboolean       apply,
     GCancellable  *cancellable,
     GError       **error)
{
  Plan plan = { store, NULL, NULL, NULL, NULL, NULL, NULL };
  gboolean bulk;
  gboolean ok;

  g_return_val_if_fail (LT_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (LT_IS_STORE (store), FALSE);
  g_return_val_if_fail (self->format != LT_IMPORT_FORMAT_NONE, FALSE);

  reset_results (self);

  if (self->format != LT_IMPORT_FORMAT_CHRONICLE && !apply)
    {
      ok = plan_csv (self, &plan, cancellable, error);
      plan_clear (&plan);
      set_progress (self, 1, 1);
      return ok;
    }

  /* A big import touches more pages than SQLite's default 2 MiB cache
   * holds; spilling them to the WAL mid-transaction doubles the writes. */
  sqlite3_exec (_lt_store_get_db (store), "PRAGMA cache_size = -65536", NULL, NULL, NULL);

  if (!_lt_store_begin (store, error))
    return FALSE;

  bulk = (self->csv != NULL ? self->csv->rows->len : self->n_records) > BULK_ROWS;
  if (bulk)
    _lt_store_set_bulk (store, TRUE);
  if (apply)
    plan.group = _lt_undo_group_new ();

  if (self->format == LT_IMPORT_FORMAT_CHRONICLE)
    {
      Merge m = { self, &plan, 0, cancellable };

      ok = _lt_store_merge_json (store, self->root, self->name, merge_cb, &m, error);
    }
  else
    ok = plan_csv (self, &plan, cancellable, error);
  plan_clear (&plan);

  /* Cancelling at the last moment still adds nothing. */
  if (ok && g_cancellable_set_error_if_cancelled (cancellable, error))
    ok = FALSE;

  if (ok && apply && bulk)
    {
      ok = _lt_store_rebuild_search (store, error);
      _lt_store_queue_change (store, LT_RECORD_EVENT, 0, LT_CHANGE_RELOADED);
    }

  if (!ok || !apply)
    {
      _lt_store_rollback (store);
      _lt_undo_group_free (plan.group);
      set_progress (self, 1, 1);
      return ok;
    }

  if (!_lt_store_commit (store, error))
    {
      _lt_undo_group_free (plan.group);
      return FALSE;
    }

  {
    /* Translators: an undoable change, shown as "Undo Import “events.csv”" */
    g_autofree char *label = g_strdup_printf (_("Import “%s”"), self->name);

    _lt_store_push_group (store, g_steal_pointer (&plan.group), label);
  }
  set_progress (self, 1, 1);
  return TRUE;
}

/* GObject */

static void
lt_importer_finalize (GObject *object)
{
  LtImporter *self = (LtImporter *)object;

  g_clear_object (&self->file);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->csv, lt_csv_free);
  g_clear_pointer (&self->columns, g_strfreev);
  g_clear_pointer (&self->root, json_node_unref);
  g_clear_pointer (&self->issues, g_array_unref);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  g_clear_pointer (&self->resolutions, g_hash_table_unref);
  g_clear_pointer (&self->category_labels, g_ptr_array_unref);

  G_OBJECT_CLASS (lt_importer_parent_class)->finalize (object);
}

static void
lt_importer_class_init (LtImporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lt_importer_finalize;
}

static void
lt_importer_init (LtImporter *self)
{
  self->issues = g_array_new (FALSE, FALSE, sizeof (Issue));
  g_array_set_clear_func (self->issues, issue_clear);
  self->conflicts = g_ptr_array_new_with_free_func (conflict_free);
  self->resolutions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < LT_IMPORT_N_FIELDS; i++)
    self->fields[i] = -1;
  for (guint i = 0; i < N_TJS; i++)
    self->tjs[i] = -1;
}

/* Public API */

/**
 * lt_importer_new:
 * @file: a CSV file or a chronicle JSON
 *
 * Returns: (transfer full): an importer; call [method@Importer.load] next
 */
LtImporter *
lt_importer_new (GFile *file)
{
  LtImporter *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (LT_TYPE_IMPORTER, NULL);
  self->file = g_object_ref (file);
  self->name = g_file_get_basename (file);
  return self;
}

/**
 * lt_importer_get_file:
 * @self: an importer
 *
 * Returns: (transfer none): the file
 */
GFile *
lt_importer_get_file (LtImporter *self)
{
  g_return_val_if_fail (LT_IS_IMPORTER (self), NULL);

  return self->file;
}

/**
 * lt_importer_load:
 * @self: an importer
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Reads the file and finds out what it is: a chronicle JSON, TimelineJS's
 * sheet, or a CSV whose columns are guessed from their headers. Safe to
 * call from a worker thread.
 *
 * Returns: %TRUE on success
 */
gboolean
lt_importer_load (LtImporter    *self,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  const char *p;
  gsize length;

  g_return_val_if_fail (LT_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (self->format == LT_IMPORT_FORMAT_NONE, FALSE);

  if (!g_file_load_contents (self->file, cancellable, &contents, &length, NULL, &local_error))
    {
      g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_IO,
                   _("Could not read %s: %s"), self->name, local_error->message);
      return FALSE;
    }

  for (p = contents; p < contents + length && g_ascii_isspace (*p); p++)
    ;
  if (g_str_has_prefix (p, "\xef\xbb\xbf"))
    p += 3;

  if (p < contents + length && (*p == '{' || *p == '['))
    return load_chronicle (self, p, length - (gsize) (p - contents), error);

  return load_csv (self, contents, length, error);
}

LtImportFormat
lt_importer_get_format (LtImporter *self)
{
  g_return_val_if_fail (LT_IS_IMPORTER (self), LT_IMPORT_FORMAT_NONE);

  return self->format;
}

/**
 * lt_importer_get_encoding:
 * @self: an importer
 *
 * Returns: (nullable): the encoding the file was read in, e.g. "WINDOWS-1251"
 */
const char *
lt_importer_get_encoding (LtImporter *self)
{
  g_return_val_if_fail (LT_IS_IMPORTER (self), NULL);

  return self->encoding;
}

/**
 * lt_importer_get_columns:
 * @self: an importer
 *
 * Returns: (transfer none) (nullable): the headers of a CSV's columns
 */
const char * const *
lt_importer_get_columns (LtImporter *self)
{
  g_return_val_if_fail (LT_IS_IMPORTER (self), NULL);

  return (const char * const *) self->columns;
}

/**
 * lt_importer_get_column:
 * @self: an importer
 * @field: what the column holds
 *
 * Returns: the column of a CSV with the user's columns that holds @field, or -1
 */
int
lt_importer_get_column (LtImporter    *self,
                        LtImportField  field)
{
  g_return_val_if_fail (LT_IS_IMPORTER (self), -1);
  g_return_val_if_fail (field < LT_IMPORT_N_FIELDS, -1);

  return self->fields[field];
}

void
lt_importer_set_column (LtImporter    *self,
                        LtImportField  field,
                        int            column)
{
  g_return_if_fail (LT_IS_IMPORTER (self));
  g_return_if_fail (field < LT_IMPORT_N_FIELDS);
  g_return_if_fail (self->columns != NULL);
  g_return_if_fail (column < (int) g_strv_length (self->columns));

  self->fields[field] = MAX (column, -1);
}

/**
 * lt_import_field_get_label:
 * @field: a field
 *
 * Returns: its name, translated
 */
const char *
lt_import_field_get_label (LtImportField field)
{
  static const char * const labels[LT_IMPORT_N_FIELDS] = {
    N_("Date"), N_("End date"), N_("Title"), N_("Summary"), N_("Category"), N_("Place"),
    N_("Actors"), N_("Source title"), N_("Source URL"), N_("Locator"),
  };

  g_return_val_if_fail (field < LT_IMPORT_N_FIELDS, NULL);

  return g_dgettext (GETTEXT_PACKAGE, labels[field]);
}

/**
 * lt_importer_preview:
 * @self: a loaded importer
 * @store: the chronicle to import into
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Works out what [method@Importer.apply] would do, and writes nothing:
 * the counts, the bad rows and the conflicts. Runs in the thread that owns
 * @store.
 *
 * Returns: %TRUE on success
 */
gboolean
lt_importer_preview (LtImporter    *self,
                     LtStore       *store,
                     GCancellable  *cancellable,
                     GError       **error)
{
  return run (self, store, FALSE, cancellable, error);
}

/**
 * lt_importer_apply:
 * @self: a loaded importer
 * @store: the chronicle to import into
 * @cancellable: (nullable): a cancellable; cancelling adds nothing
 * @error: return location for an error
 *
 * Imports in one transaction, as one undo step ("Import “file.csv”").
 * Rows that cannot be read are left out and listed; any other failure
 * leaves @store as it was. The counts then say what was done.
 *
 * Returns: %TRUE on success
 */
gboolean
lt_importer_apply (LtImporter    *self,
                   LtStore       *store,
                   GCancellable  *cancellable,
                   GError       **error)
{
  return run (self, store, TRUE, cancellable, error);
}

/**
 * lt_importer_get_fraction:
 * @self: an importer
 *
 * May be called from any thread while a preview or an import runs.
 *
 * Returns: how much of the running preview or import is done, 0 to 1
 */
double
lt_importer_get_fraction (LtImporter *self)
{
  g_return_val_if_fail (LT_IS_IMPORTER (self), 0);

  return g_atomic_int_get (&self->progress) / 1000.0;
}

guint
lt_importer_get_count (LtImporter     *self,
                       LtRecordKind    kind,
                       LtImportAction  action)
{
  g_return_val_if_fail (LT_IS_IMPORTER (self), 0);
  g_return_val_if_fail (kind <= LT_RECORD_RELATION && action <= LT_IMPORT_SKIPPED, 0);

  return self->counts[kind][action];
}

guint
lt_importer_get_n_issues (LtImporter *self)
{
  g_return_val_if_fail (LT_IS_IMPORTER (self), 0);

  return self->issues->len;
}

/**
 * lt_importer_get_issue_row:
 * @self: an importer
 * @index: an issue
 *
 * Returns: the spreadsheet row the issue is about (the header is row 1)
 */
guint
lt_importer_get_issue_row (LtImporter *self,
                           guint       index)
{
  g_return_val_if_fail (LT_IS_IMPORTER (self), 0);
  g_return_val_if_fail (index < self->issues->len, 0);

  return g_array_index (self->issues, Issue, index).row;
}

/**
 * lt_importer_get_issue:
 * @self: an importer
 * @index: an issue
 *
 * Returns: the issue, translated: "row 14: month 13 does not exist"
 */
const char *
lt_importer_get_issue (LtImporter *self,
                       guint       index)
{
  g_return_val_if_fail (LT_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (index < self->issues->len, NULL);

  return g_array_index (self->issues, Issue, index).message;
}

/**
 * lt_importer_get_issue_skips:
 * @self: an importer
 * @index: an issue
 *
 * Returns: %TRUE if the row is left out, %FALSE if it is imported anyway
 */
gboolean
lt_importer_get_issue_skips (LtImporter *self,
                             guint       index)
{
  g_return_val_if_fail (LT_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (index < self->issues->len, FALSE);

  return g_array_index (self->issues, Issue, index).skips;
}

guint
lt_importer_get_n_conflicts (LtImporter *self)
{
  g_return_val_if_fail (LT_IS_IMPORTER (self), 0);

  return self->conflicts->len;
}

LtRecordKind
lt_importer_get_conflict_kind (LtImporter *self,
                               guint       index)
{
  g_return_val_if_fail (LT_IS_IMPORTER (self), 0);
  g_return_val_if_fail (index < self->conflicts->len, 0);

  return ((Conflict *) g_ptr_array_index (self->conflicts, index))->kind;
}

/**
 * lt_importer_get_conflict_label:
 * @self: an importer
 * @index: a conflict
 *
 * Returns: the imported record's title or name
 */
const char *
lt_importer_get_conflict_label (LtImporter *self,
                                guint       index)
{
  g_return_val_if_fail (LT_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (index < self->conflicts->len, NULL);

  return ((Conflict *) g_ptr_array_index (self->conflicts, index))->label;
}

LtImportResolution
lt_importer_get_resolution (LtImporter *self,
                            guint       index)
{
  g_return_val_if_fail (LT_IS_IMPORTER (self), LT_IMPORT_KEEP_MINE);
  g_return_val_if_fail (index < self->conflicts->len, LT_IMPORT_KEEP_MINE);

  return ((Conflict *) g_ptr_array_index (self->conflicts, index))->resolution;
}

/**
 * lt_importer_set_resolution:
 * @self: an importer
 * @index: a conflict of the last preview
 * @resolution: what to do with it
 *
 * Takes effect in the next [method@Importer.apply] (or preview).
 */
void
lt_importer_set_resolution (LtImporter         *self,
                            guint               index,
                            LtImportResolution  resolution)
{
  Conflict *c;

  g_return_if_fail (LT_IS_IMPORTER (self));
  g_return_if_fail (index < self->conflicts->len);
  g_return_if_fail (resolution <= LT_IMPORT_KEEP_BOTH);

  c = g_ptr_array_index (self->conflicts, index);
  c->resolution = resolution;
  g_hash_table_replace (self->resolutions, g_strdup_printf ("%d/%s", c->kind, c->slug),
                        GINT_TO_POINTER (resolution + 1));
}

/**
 * lt_importer_dup_summary:
 * @self: an importer after a preview or an import
 *
 * Returns: (transfer full): the counts, one line per kind of record, and
 *   the issues, one per line
 */
char *
lt_importer_dup_summary (LtImporter *self)
{
  static const char * const kinds[] = { N_("Events"), N_("Actors"), N_("Sources"), N_("Relations") };
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (LT_IS_IMPORTER (self), NULL);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      if (k == LT_RECORD_RELATION && self->format != LT_IMPORT_FORMAT_CHRONICLE)
        continue;
      /* Translators: "Events: 28 added, 0 updated, 0 skipped" */
      g_string_append_printf (out, _("%1$s: %2$u added, %3$u updated, %4$u skipped"),
                              g_dgettext (GETTEXT_PACKAGE, kinds[k]), self->counts[k][LT_IMPORT_ADDED],
                              self->counts[k][LT_IMPORT_UPDATED], self->counts[k][LT_IMPORT_SKIPPED]);
      g_string_append_c (out, '\n');
    }

  if (self->conflicts->len > 0)
    {
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                                "%u record differs from the stored one",
                                                "%u records differ from the stored ones",
                                                self->conflicts->len),
                              self->conflicts->len);
      g_string_append_c (out, '\n');
    }

  for (guint i = 0; i < self->issues->len; i++)
    {
      g_string_append (out, g_array_index (self->issues, Issue, i).message);
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

/**
 * lt_importer_hand_over:
 * @self: an importer whose [method@Importer.apply] ran on @worker
 * @worker: a second connection to @store's file, owned by a worker thread
 * @store: the window's store
 *
 * Makes the import that @worker committed @store's last undo step, and
 * tells @store's models to reload. Call it in @store's thread.
 */
void
lt_importer_hand_over (LtImporter *self,
                       LtStore    *worker,
                       LtStore    *store)
{
  g_return_if_fail (LT_IS_IMPORTER (self));
  g_return_if_fail (LT_IS_STORE (worker));
  g_return_if_fail (LT_IS_STORE (store));

  _lt_store_adopt_history (store, worker);
}
