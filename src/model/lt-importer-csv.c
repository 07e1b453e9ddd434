/* lt-importer-csv.c: spreadsheet rows (CSV and TimelineJS)
 *
 * Reads a CSV, guesses which column holds which field (headers in English,
 * Ukrainian and Belarusian, or the TimelineJS layout), reads each row into
 * an event and plans it against the store: new, merged or left out.
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
#include "lt-importer-private.h"
#include "lt-model-private.h"

#define DEFAULT_CATEGORY "protest"

static const char * const tjs_names[N_TJS] = {
  "year", "month", "day", "end year", "end month", "end day", "headline", "text",
  "media", "media credit", "media caption", "type", "group",
};

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

gboolean
_lt_importer_load_csv (LtImporter  *self,
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

void
_lt_importer_plan_clear (Plan *plan)
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
          _lt_importer_add_issue (self, number, TRUE, _("eras are not imported"));
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
      _lt_importer_add_issue (self, number, FALSE, note);
      lt_event_set_category (event, DEFAULT_CATEGORY);
    }

  return TRUE;

bad:
  _lt_importer_add_issue (self, number, TRUE, reason);
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
          id = lt_record_get_id (LT_RECORD (actor));
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
      id = lt_record_get_id (LT_RECORD (source));
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

  merged = LT_EVENT (lt_record_dup (LT_RECORD (stored)));
  _lt_record_set_store (merged, NULL);

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
       _lt_importer_find_slug (plan->store, LT_RECORD_EVENT, candidate) != 0;
       n++)
    {
      g_free (candidate);
      candidate = g_strdup_printf ("%s-%u", base->str, n);
    }

  g_hash_table_add (plan->slugs, g_strdup (candidate));
  return candidate;
}

gboolean
_lt_importer_plan_csv (LtImporter    *self,
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
          _lt_importer_set_progress (self, r, rows->len);
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

                lt_record_set_slug (LT_RECORD (event), slug);
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

