/* test-chronicle.c: validation of the bundled chronicle (data/chronicle/)
 *
 * Copyright 2025 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * This test reads the four JSON files itself with json-glib, independent of
 * the store, and checks what a reader of the chronicle relies on: every
 * record is well formed and translated, every fact is cited, and, where the
 * seed articles are present, every citation points at a paragraph that
 * actually carries the figures and names the record states.
 *
 * The chronicle directory comes from --chronicle-dir=DIR, else
 * $LETAPIS_CHRONICLE_DIR, else $LETAPIS_SOURCE_ROOT/data/chronicle; the seed
 * articles from --seeds-dir=DIR, else $LETAPIS_SEEDS_DIR.
 *
 * For editors: test-chronicle --paragraphs=ARTICLE.txt prints an article's
 * paragraphs numbered as the "¶N" locators count them.
 */

#define G_LOG_DOMAIN "test-chronicle"

#include <locale.h>
#include <string.h>

#include <glib.h>
#include <json-glib/json-glib.h>

/* Length of the word sequences that may not be copied from the articles into
 * the chronicle's own texts (titles, summaries, descriptions, notes). Names of
 * institutions run up to seven words ("Secretary of the National Security and
 * Defense Council"), so eight keeps names legal and catches copied clauses. */
#define COPY_NGRAM 8

/* The shared vocabulary (COMMON.md); keys are stable ASCII. */
static const char * const categories[] = {
  "protest", "violence", "detention", "prosecution", "statement", "diplomacy", "sanctions", "war", NULL
};
static const char * const actor_kinds[] = {
  "person", "organization", "state-body", "media", "military-unit", "company", "country", NULL
};
static const char * const roles[] = {
  "perpetrator", "target", "victim", "author", "signatory", "addressee", "sanctioning-party",
  "sanctioned", "participant", "speaker", "mentioned", NULL
};
static const char * const relation_types[] = {
  "member-of", "leads", "part-of", "works-for", "signed-with", "targeted", "detained", "searched",
  "sanctioned", "allied-with", "addressed", "supported", NULL
};
static const char * const figure_kinds[] = {
  "detained", "prosecuted", "political-prisoners", "victims", "killed", "persecuted", "fighters",
  "searched", NULL
};
static const char * const qualifiers[] = { "exact", "about", "more than", "at least", NULL };
static const char * const visibilities[] = { "public", "restricted", NULL };
static const char * const translations[] = { "uk", "be", NULL };

typedef struct
{
  char       *chronicle_dir;
  char       *seeds_dir;          /* NULL when the articles are absent */
  JsonParser *parsers[4];
  JsonArray  *sources;
  JsonArray  *actors;
  JsonArray  *events;
  JsonArray  *relations;
  GHashTable *source_by_id;       /* id -> JsonObject (borrowed) */
  GHashTable *actor_by_id;        /* id -> JsonObject (borrowed) */
  GHashTable *paragraphs;         /* source id -> GPtrArray of char* */
  char       *load_error;
} Chronicle;

static Chronicle chronicle;

/* ------------------------------------------------------------------------ */
/* Problem collection: each test gathers every problem it finds, so one run  */
/* lists them all, then fails once with the whole list.                      */

typedef struct
{
  GString *text;
  guint    count;
} Problems;

static void
problems_init (Problems *p)
{
  p->text = g_string_new (NULL);
  p->count = 0;
}

G_GNUC_PRINTF (2, 3)
static void
problem (Problems   *p,
         const char *format,
         ...)
{
  va_list args;

  va_start (args, format);
  g_string_append (p->text, "\n  ");
  g_string_append_vprintf (p->text, format, args);
  va_end (args);
  p->count++;
}

static void
problems_finish (Problems *p)
{
  if (p->count > 0)
    g_test_fail_printf ("%u problem(s) in the chronicle:%s", p->count, p->text->str);
  g_string_free (p->text, TRUE);
}

/* ------------------------------------------------------------------------ */
/* Small helpers                                                             */

static gboolean
in_list (const char * const *list,
         const char         *key)
{
  return key != NULL && g_strv_contains (list, key);
}

/* A string member, or NULL when missing, null or not a string. */
static const char *
get_str (JsonObject *object,
         const char *member)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, member))
    return NULL;
  node = json_object_get_member (object, member);
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  return NULL;
}

static gboolean
is_null_or_missing (JsonObject *object,
                    const char *member)
{
  return !json_object_has_member (object, member) ||
         JSON_NODE_HOLDS_NULL (json_object_get_member (object, member));
}

static JsonObject *
get_obj (JsonObject *object,
         const char *member)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, member))
    return NULL;
  node = json_object_get_member (object, member);
  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
get_arr (JsonObject *object,
         const char *member)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, member))
    return NULL;
  node = json_object_get_member (object, member);
  return JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static JsonObject *
array_obj (JsonArray *array,
           guint      i)
{
  JsonNode *node = json_array_get_element (array, i);

  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static gboolean
is_nonempty (const char *s)
{
  if (s == NULL)
    return FALSE;
  for (; *s; s = g_utf8_next_char (s))
    if (!g_unichar_isspace (g_utf8_get_char (s)))
      return TRUE;
  return FALSE;
}

static gboolean
is_slug (const char *s)
{
  if (s == NULL || *s == '\0')
    return FALSE;
  for (; *s; s++)
    if (!(g_ascii_islower (*s) || g_ascii_isdigit (*s) || *s == '-'))
      return FALSE;
  return TRUE;
}

/* NFKC, then case folded: the form all name and word comparisons use. */
static char *
fold (const char *s)
{
  g_autofree char *norm = g_utf8_normalize (s, -1, G_NORMALIZE_ALL_COMPOSE);

  return g_utf8_casefold (norm != NULL ? norm : s, -1);
}

/* Folded words: maximal runs of letters and digits. */
static GPtrArray *
tokenize (const char *s)
{
  g_autofree char *folded = fold (s);
  GPtrArray *tokens = g_ptr_array_new_with_free_func (g_free);
  const char *p = folded;
  const char *start = NULL;

  for (;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean word = c != 0 && (g_unichar_isalnum (c) || g_unichar_ismark (c));

      if (word && start == NULL)
        start = p;
      else if (!word && start != NULL)
        {
          g_ptr_array_add (tokens, g_strndup (start, p - start));
          start = NULL;
        }
      if (c == 0)
        break;
    }
  return tokens;
}

/* ------------------------------------------------------------------------ */
/* Dates: a strict parser, independent of the store's.                        */

typedef struct
{
  int      year, month, day;   /* month/day 0 when not given */
  gboolean approximate;
} TDate;

static gboolean
parse_digits (const char *s,
              gsize       n,
              int        *out)
{
  int v = 0;

  for (gsize i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
      v = v * 10 + (s[i] - '0');
    }
  *out = v;
  return TRUE;
}

/* "YYYY", "YYYY-MM" or "YYYY-MM-DD", optionally followed by "~". */
static gboolean
tdate_parse (const char  *text,
             gsize        len,
             TDate       *out,
             const char **why)
{
  memset (out, 0, sizeof *out);
  if (len > 0 && text[len - 1] == '~')
    {
      out->approximate = TRUE;
      len--;
    }
  if (len != 4 && len != 7 && len != 10)
    return (*why = "expected YYYY, YYYY-MM or YYYY-MM-DD with an optional trailing ~", FALSE);
  if (!parse_digits (text, 4, &out->year) || out->year < 1)
    return (*why = "the year must be four digits", FALSE);
  if (len >= 7)
    {
      if (text[4] != '-' || !parse_digits (text + 5, 2, &out->month))
        return (*why = "the month must be two digits after a dash", FALSE);
      if (out->month < 1 || out->month > 12)
        return (*why = "the month must be 01 to 12", FALSE);
    }
  if (len == 10)
    {
      if (text[7] != '-' || !parse_digits (text + 8, 2, &out->day))
        return (*why = "the day must be two digits after a dash", FALSE);
      if (out->day < 1 || out->day > g_date_get_days_in_month (out->month, out->year))
        return (*why = "no such day in that month", FALSE);
    }
  return TRUE;
}

static guint32
julian (int year,
        int month,
        int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

/* First and last day a date covers (a month-precision date spans its month). */
static guint32
tdate_first (const TDate *d)
{
  return julian (d->year, d->month ? d->month : 1, d->day ? d->day : 1);
}

static guint32
tdate_last (const TDate *d)
{
  int month = d->month ? d->month : 12;

  return julian (d->year, month, d->day ? d->day : g_date_get_days_in_month (month, d->year));
}

/* "A" or "A/B" with A not after B. */
static gboolean
trange_parse (const char  *text,
              const char **why)
{
  const char *slash;
  TDate a, b;

  if (text == NULL || *text == '\0')
    return (*why = "empty date", FALSE);
  slash = strchr (text, '/');
  if (slash == NULL)
    return tdate_parse (text, strlen (text), &a, why);
  if (strchr (slash + 1, '/') != NULL)
    return (*why = "a range has exactly one slash", FALSE);
  if (!tdate_parse (text, slash - text, &a, why) ||
      !tdate_parse (slash + 1, strlen (slash + 1), &b, why))
    return FALSE;
  if (tdate_first (&a) > tdate_first (&b) || tdate_last (&a) > tdate_last (&b))
    return (*why = "the range ends before it starts", FALSE);
  return TRUE;
}

static void
check_date (Problems   *p,
            const char *what,
            const char *id,
            const char *date)
{
  const char *why = NULL;

  if (!trange_parse (date, &why))
    problem (p, "%s %s: bad date \"%s\": %s", what, id, date ? date : "(none)", why);
}

/* ------------------------------------------------------------------------ */
/* Seed articles: paragraphs are blocks separated by blank lines (lines of    */
/* whitespace only count as blank), numbered from 1, stripped.               */

static gboolean
is_blank_line (const char *line)
{
  return !is_nonempty (line);
}

static GPtrArray *
split_paragraphs (const char *text)
{
  GPtrArray *paragraphs = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) current = g_string_new (NULL);
  g_autofree char *unix_text = NULL;
  g_autoptr(GRegex) cr = g_regex_new ("\r\n?", 0, 0, NULL);

  unix_text = g_regex_replace_literal (cr, text, -1, 0, "\n", 0, NULL);
  lines = g_strsplit (unix_text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (is_blank_line (lines[i]))
        {
          if (current->len > 0)
            {
              g_ptr_array_add (paragraphs, g_strdup (g_strstrip (current->str)));
              g_string_truncate (current, 0);
            }
          continue;
        }
      if (current->len > 0)
        g_string_append_c (current, '\n');
      g_string_append (current, lines[i]);
    }
  if (current->len > 0)
    g_ptr_array_add (paragraphs, g_strdup (g_strstrip (current->str)));
  return paragraphs;
}

/* The cited paragraph, or NULL (with a problem) when it does not exist. */
static const char *
cited_paragraph (Problems   *p,
                 const char *what,
                 const char *id,
                 JsonObject *citation)
{
  const char *source = get_str (citation, "source");
  const char *locator = get_str (citation, "locator");
  GPtrArray *paragraphs;
  guint64 n = 0;

  if (source == NULL || locator == NULL || !g_str_has_prefix (locator, "¶"))
    return NULL;
  paragraphs = g_hash_table_lookup (chronicle.paragraphs, source);
  if (paragraphs == NULL)
    return NULL;
  if (!g_ascii_string_to_unsigned (locator + strlen ("¶"), 10, 1, G_MAXUINT, &n, NULL) ||
      n > paragraphs->len)
    {
      problem (p, "%s %s: %s has no paragraph %" G_GUINT64_FORMAT " (it has %u)", what, id,
               source, n, paragraphs->len);
      return NULL;
    }
  return g_ptr_array_index (paragraphs, n - 1);
}

/* ------------------------------------------------------------------------ */
/* Matching names and figures in a paragraph                                  */

/* An alias is named in a paragraph when its words occur there in order; an
 * alias word of five or more letters also matches a longer word it begins
 * ("Belarus" in "Belarusian", "Łukašenka" in "Łukašenka’s"), shorter ones must
 * match a whole word ("MART", "BAJ"). */
static gboolean
alias_named_in (const char *alias,
                GPtrArray  *paragraph_tokens)
{
  g_autoptr(GPtrArray) words = tokenize (alias);
  guint i = 0;

  if (words->len == 0)
    return FALSE;
  for (guint j = 0; j < paragraph_tokens->len; j++)
    {
      const char *want = g_ptr_array_index (words, i);
      const char *have = g_ptr_array_index (paragraph_tokens, j);

      if (g_str_equal (want, have) ||
          (g_utf8_strlen (want, -1) >= 5 && g_str_has_prefix (have, want)))
        {
          if (++i == words->len)
            return TRUE;
        }
    }
  return FALSE;
}

static gboolean
actor_named_in (JsonObject *actor,
                GPtrArray  *paragraph_tokens)
{
  JsonArray *aliases = get_arr (actor, "aliases");

  if (alias_named_in (get_str (actor, "name"), paragraph_tokens))
    return TRUE;
  for (guint i = 0; aliases != NULL && i < json_array_get_length (aliases); i++)
    {
      const char *alias = json_array_get_string_element (aliases, i);

      if (alias != NULL && alias_named_in (alias, paragraph_tokens))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_group_separator (const char *p)
{
  gunichar c = g_utf8_get_char (p);

  /* "20,000", "20 000", "20 000" (no-break), "20 000" (narrow no-break) */
  return c == ',' || c == ' ' || c == 0x00A0 || c == 0x202F || c == 0x2009;
}

/* Whether the digits at [start, end) in text stand alone as a number: no
 * digit, and no group separator followed or preceded by a digit, around them. */
static gboolean
stands_alone (const char *text,
              const char *start,
              const char *end)
{
  if (start > text)
    {
      const char *prev = g_utf8_prev_char (start);

      if (g_ascii_isdigit (*prev) || *prev == '.')
        return FALSE;
      if (is_group_separator (prev) && prev > text && g_ascii_isdigit (*g_utf8_prev_char (prev)))
        return FALSE;
    }
  if (g_ascii_isdigit (*end))
    return FALSE;
  if (*end != '\0' && (is_group_separator (end) || *end == '.') &&
      g_ascii_isdigit (*g_utf8_next_char (end)))
    return FALSE;
  return TRUE;
}

static const char * const number_words[] = {
  "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
  "eleven", "twelve", NULL
};

/* Whether a paragraph states the number, as "20000", "20,000", "20 000" (any
 * space), or for small numbers as an English word ("seven"). */
static gboolean
figure_in (gint64      value,
           const char *text,
           GPtrArray  *tokens)
{
  g_autofree char *plain = g_strdup_printf ("%" G_GINT64_FORMAT, value);
  g_autoptr(GString) grouped = g_string_new (plain);
  const char *seps[] = { ",", " ", "\u00a0", "\u202f", "\u2009" };

  for (const char *hit = strstr (text, plain); hit != NULL; hit = strstr (hit + 1, plain))
    if (stands_alone (text, hit, hit + strlen (plain)))
      return TRUE;

  if (value >= 1000)
    {
      for (gssize pos = (gssize) grouped->len - 3; pos > 0; pos -= 3)
        g_string_insert_c (grouped, pos, ',');
      for (guint s = 0; s < G_N_ELEMENTS (seps); s++)
        {
          g_autofree char *form = NULL;
          g_auto(GStrv) parts = g_strsplit (grouped->str, ",", -1);

          form = g_strjoinv (seps[s], parts);
          for (const char *hit = strstr (text, form); hit != NULL; hit = strstr (hit + 1, form))
            if (stands_alone (text, hit, hit + strlen (form)))
              return TRUE;
        }
    }

  if (value >= 0 && value < (gint64) G_N_ELEMENTS (number_words) - 1)
    {
      for (guint i = 0; i < tokens->len; i++)
        if (g_str_equal (g_ptr_array_index (tokens, i), number_words[value]))
          return TRUE;
    }
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Loading                                                                    */

static JsonArray *
load_file (guint       slot,
           const char *file,
           const char *member,
           GError    **error)
{
  g_autofree char *path = g_build_filename (chronicle.chronicle_dir, file, NULL);
  JsonParser *parser = json_parser_new ();
  JsonNode *root;
  JsonObject *object;

  chronicle.parsers[slot] = parser;
  if (!json_parser_load_from_file (parser, path, error))
    {
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: the top level must be an object", path);
      return NULL;
    }
  object = json_node_get_object (root);
  if (get_arr (object, member) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: expected an array member \"%s\"", path, member);
      return NULL;
    }
  return get_arr (object, member);
}

static void
index_by_id (JsonArray  *array,
             GHashTable *table)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *record = array_obj (array, i);
      const char *id = get_str (record, "id");

      if (id != NULL && !g_hash_table_contains (table, id))
        g_hash_table_insert (table, (gpointer) id, record);
    }
}

static gboolean
chronicle_load (GError **error)
{
  chronicle.source_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  chronicle.actor_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  chronicle.paragraphs = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                (GDestroyNotify) g_ptr_array_unref);

  if (!(chronicle.sources = load_file (0, "sources.json", "sources", error)) ||
      !(chronicle.actors = load_file (1, "actors.json", "actors", error)) ||
      !(chronicle.events = load_file (2, "events.json", "events", error)) ||
      !(chronicle.relations = load_file (3, "relations.json", "relations", error)))
    return FALSE;

  index_by_id (chronicle.sources, chronicle.source_by_id);
  index_by_id (chronicle.actors, chronicle.actor_by_id);

  if (chronicle.seeds_dir == NULL)
    return TRUE;

  for (guint i = 0; i < json_array_get_length (chronicle.sources); i++)
    {
      JsonObject *source = array_obj (chronicle.sources, i);
      const char *id = get_str (source, "id");
      const char *file = get_str (source, "file");
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;

      if (id == NULL || file == NULL || strchr (file, '/') != NULL)
        continue;  /* reported by the tests */
      path = g_build_filename (chronicle.seeds_dir, file, NULL);
      if (g_file_get_contents (path, &text, NULL, NULL) && g_utf8_validate (text, -1, NULL))
        g_hash_table_insert (chronicle.paragraphs, (gpointer) id, split_paragraphs (text));
    }
  return TRUE;
}

/* Runs at the start of every test: a chronicle that does not load fails all
 * of them with the reason. */
static gboolean
require_chronicle (void)
{
  if (chronicle.load_error != NULL)
    {
      g_test_fail_printf ("the chronicle does not load: %s", chronicle.load_error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
require_seeds (void)
{
  if (!require_chronicle ())
    return FALSE;
  if (chronicle.seeds_dir == NULL)
    {
      g_test_skip ("the seed articles are absent (no --seeds-dir / $LETAPIS_SEEDS_DIR, or the "
                   "directory does not exist): citations are not checked against their text");
      return FALSE;
    }
  return TRUE;
}

/* Calls func on every citation of every event and relation. */
typedef void (*CitationFunc) (Problems   *p,
                              const char *what,
                              const char *id,
                              JsonObject *citation);

static void
foreach_citation (Problems     *p,
                  CitationFunc  func)
{
  JsonArray *arrays[] = { chronicle.events, chronicle.relations };
  const char *whats[] = { "event", "relation" };

  for (guint k = 0; k < G_N_ELEMENTS (arrays); k++)
    for (guint i = 0; i < json_array_get_length (arrays[k]); i++)
      {
        JsonObject *record = array_obj (arrays[k], i);
        JsonArray *citations = get_arr (record, "citations");

        for (guint c = 0; citations != NULL && c < json_array_get_length (citations); c++)
          func (p, whats[k], get_str (record, "id"), array_obj (citations, c));
      }
}

/* ------------------------------------------------------------------------ */
/* Tests                                                                      */

static void
test_date_parser (void)
{
  const char *good[] = {
    "2020", "2020-08", "2020-08-09", "2021-04~", "2020-02-29", "2024-03-04~", "1899-12-31",
    "2020-08-09/2020-11-15", "2020-08~/2020-11~", "2020/2024-03-04", "2024-11/2025-02-17",
    "2021-07-14/2021-07-14",
  };
  const char *bad[] = {
    "", "20x1", "2021-02-30", "2021-02-29", "2021-13", "2021-00", "2021-1", "2021-01-1",
    "2021-01-32", "~2021", "2021~~", " 2021", "2021 ", "2021/", "/2021", "2021/2020",
    "2021-05-02/2021-05-01", "2020-05/2020", "2020/2021/2022", "02021", "2021-04-01T00",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      const char *why = NULL;

      if (!trange_parse (good[i], &why))
        g_test_fail_printf ("\"%s\" should parse but: %s", good[i], why);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      const char *why = NULL;

      if (trange_parse (bad[i], &why))
        g_test_fail_printf ("\"%s\" should be rejected", bad[i]);
      else
        g_assert_nonnull (why);
    }
}

static void
test_matching_helpers (void)
{
  g_autoptr(GPtrArray) t1 = tokenize ("Canada, the European Union and United States sanctioned "
                                      "Interior Minister Ivan Kubrakoŭ for involvement.");
  g_autoptr(GPtrArray) t2 = tokenize ("Alaksandar Łukašenka’s congratulatory message; the "
                                      "Government and the Parliament of Ukraine; Belarusian MARTyrs");
  g_autoptr(GPtrArray) t3 = tokenize ("More than 20,000 people; at least 1,405 political "
                                      "prisoners; like seven more; almost 40 000; 4,500.");

  g_assert_true (alias_named_in ("European Union", t1));
  g_assert_true (alias_named_in ("Ivan Kubrakoŭ", t1));
  g_assert_false (alias_named_in ("Ivan Kubrakov", t1));
  g_assert_true (alias_named_in ("Łukašenka", t2));
  g_assert_true (alias_named_in ("Government of Ukraine", t2));
  g_assert_true (alias_named_in ("Belarus", t2));
  g_assert_false (alias_named_in ("MART", t2));
  g_assert_false (alias_named_in ("Ministry of Internal Affairs", t1));

  g_assert_true (figure_in (20000, "More than 20,000 people; at least 1,405 political prisoners; "
                                   "like seven more; almost 40 000; 4,500.", t3));
  g_assert_true (figure_in (1405, "at least 1,405 political prisoners", t3));
  g_assert_true (figure_in (40000, "almost 40 000 people", t3));
  g_assert_true (figure_in (40000, "almost 40\u00a0000 people", t3));
  g_assert_true (figure_in (7, "like seven more", t3));
  g_assert_false (figure_in (405, "at least 1,405 political prisoners", t3));
  g_assert_false (figure_in (500, "at least 1,500 people", t3));
  g_assert_false (figure_in (140, "at least 1,405", t3));
  g_assert_false (figure_in (2000, "more than 20,000", t3));
}

static void
test_records (void)
{
  Problems p;
  JsonArray *arrays[] = { chronicle.sources, chronicle.actors, chronicle.events, chronicle.relations };
  const char *whats[] = { "source", "actor", "event", "relation" };

  if (!require_chronicle ())
    return;
  problems_init (&p);

  for (guint k = 0; k < G_N_ELEMENTS (arrays); k++)
    {
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      if (json_array_get_length (arrays[k]) == 0)
        problem (&p, "no %s records", whats[k]);
      for (guint i = 0; i < json_array_get_length (arrays[k]); i++)
        {
          JsonObject *record = array_obj (arrays[k], i);
          const char *id = get_str (record, "id");
          const char *visibility = get_str (record, "visibility");

          if (record == NULL)
            {
              problem (&p, "%s #%u is not an object", whats[k], i);
              continue;
            }
          if (!is_slug (id))
            problem (&p, "%s #%u: id \"%s\" is not a slug [a-z0-9-]+", whats[k], i, id ? id : "(none)");
          else if (!g_hash_table_add (seen, (gpointer) id))
            problem (&p, "%s id \"%s\" is used twice", whats[k], id);
          if (!is_null_or_missing (record, "visibility") && !in_list (visibilities, visibility))
            problem (&p, "%s %s: visibility must be public or restricted", whats[k], id);
        }
    }

  /* sources */
  for (guint i = 0; i < json_array_get_length (chronicle.sources); i++)
    {
      JsonObject *s = array_obj (chronicle.sources, i);
      const char *id = get_str (s, "id");
      const char *required[] = { "title", "publisher", "date", "language", "file", "note" };
      const char *file = get_str (s, "file");

      for (guint f = 0; f < G_N_ELEMENTS (required); f++)
        if (!is_nonempty (get_str (s, required[f])))
          problem (&p, "source %s: \"%s\" is missing or empty", id, required[f]);
      if (!is_null_or_missing (s, "author") && get_str (s, "author") == NULL)
        problem (&p, "source %s: author must be a string or null", id);
      if (!is_null_or_missing (s, "url") && !g_str_has_prefix (get_str (s, "url") ? get_str (s, "url") : "", "https://"))
        problem (&p, "source %s: url must be an https:// address or null", id);
      if (file != NULL && (strchr (file, '/') != NULL || !g_str_has_suffix (file, ".txt")))
        problem (&p, "source %s: file must be the seed article's file name, not a path", id);
      if (json_object_has_member (s, "text") || json_object_has_member (s, "full_text"))
        problem (&p, "source %s: the articles' text must not be bundled", id);
      check_date (&p, "source", id, get_str (s, "date"));
    }

  /* actors */
  for (guint i = 0; i < json_array_get_length (chronicle.actors); i++)
    {
      JsonObject *a = array_obj (chronicle.actors, i);
      const char *id = get_str (a, "id");
      const char *country = get_str (a, "country");
      JsonArray *aliases = get_arr (a, "aliases");

      if (!is_nonempty (get_str (a, "name")) || !is_nonempty (get_str (a, "description")))
        problem (&p, "actor %s: name and description are required", id);
      if (!in_list (actor_kinds, get_str (a, "kind")))
        problem (&p, "actor %s: unknown kind \"%s\"", id, get_str (a, "kind"));
      if (!is_null_or_missing (a, "country") &&
          (country == NULL || strlen (country) != 2 ||
           !g_ascii_isupper (country[0]) || !g_ascii_isupper (country[1])))
        problem (&p, "actor %s: country must be a two-letter ISO code or null", id);
      if (aliases == NULL)
        problem (&p, "actor %s: aliases must be an array", id);
      for (guint j = 0; aliases != NULL && j < json_array_get_length (aliases); j++)
        {
          JsonNode *node = json_array_get_element (aliases, j);

          if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
              !is_nonempty (json_node_get_string (node)))
            problem (&p, "actor %s: alias #%u is not a non-empty string", id, j);
        }
    }

  /* events */
  for (guint i = 0; i < json_array_get_length (chronicle.events); i++)
    {
      JsonObject *e = array_obj (chronicle.events, i);
      const char *id = get_str (e, "id");
      JsonArray *participants = get_arr (e, "actors");
      JsonArray *figures = get_arr (e, "figures");

      if (!is_nonempty (get_str (e, "title")) || !is_nonempty (get_str (e, "summary")))
        problem (&p, "event %s: title and summary are required", id);
      if (!is_null_or_missing (e, "place") && !is_nonempty (get_str (e, "place")))
        problem (&p, "event %s: place must be a non-empty string or null", id);
      if (!in_list (categories, get_str (e, "category")))
        problem (&p, "event %s: unknown category \"%s\"", id, get_str (e, "category"));
      check_date (&p, "event", id, get_str (e, "date"));
      if (participants == NULL)
        problem (&p, "event %s: actors must be an array", id);
      for (guint j = 0; participants != NULL && j < json_array_get_length (participants); j++)
        {
          JsonObject *part = array_obj (participants, j);

          if (!in_list (roles, get_str (part, "role")))
            problem (&p, "event %s: unknown role \"%s\"", id, get_str (part, "role"));
        }
      if (!is_null_or_missing (e, "figures") && figures == NULL)
        problem (&p, "event %s: figures must be an array", id);
      for (guint j = 0; figures != NULL && j < json_array_get_length (figures); j++)
        {
          JsonObject *fig = array_obj (figures, j);
          JsonNode *value = fig ? json_object_get_member (fig, "value") : NULL;

          if (value == NULL || !JSON_NODE_HOLDS_VALUE (value) ||
              (json_node_get_value_type (value) != G_TYPE_INT64 &&
               json_node_get_value_type (value) != G_TYPE_DOUBLE) ||
              json_node_get_double (value) <= 0)
            problem (&p, "event %s: figure #%u needs a positive number \"value\"", id, j);
          if (!in_list (figure_kinds, get_str (fig, "counts")))
            problem (&p, "event %s: figure #%u counts unknown \"%s\"", id, j, get_str (fig, "counts"));
          if (!in_list (qualifiers, get_str (fig, "qualifier")))
            problem (&p, "event %s: figure #%u has qualifier \"%s\"", id, j, get_str (fig, "qualifier"));
        }
    }

  /* relations */
  for (guint i = 0; i < json_array_get_length (chronicle.relations); i++)
    {
      JsonObject *r = array_obj (chronicle.relations, i);
      const char *id = get_str (r, "id");

      if (!in_list (relation_types, get_str (r, "type")))
        problem (&p, "relation %s: unknown type \"%s\"", id, get_str (r, "type"));
      if (!is_null_or_missing (r, "date"))
        check_date (&p, "relation", id, get_str (r, "date"));
      if (g_strcmp0 (get_str (r, "from"), get_str (r, "to")) == 0)
        problem (&p, "relation %s: from and to are the same actor", id);
    }

  problems_finish (&p);
}

static void
check_citations_of (Problems   *p,
                    const char *what,
                    JsonObject *record)
{
  const char *id = get_str (record, "id");
  JsonArray *citations = get_arr (record, "citations");

  if (citations == NULL || json_array_get_length (citations) == 0)
    {
      problem (p, "%s %s cites no source", what, id);
      return;
    }
  for (guint c = 0; c < json_array_get_length (citations); c++)
    {
      JsonObject *cit = array_obj (citations, c);
      const char *source = get_str (cit, "source");
      const char *locator = get_str (cit, "locator");
      guint64 n;

      if (source == NULL || !g_hash_table_contains (chronicle.source_by_id, source))
        problem (p, "%s %s cites an unknown source \"%s\"", what, id, source ? source : "(none)");
      if (locator == NULL || !g_str_has_prefix (locator, "¶") ||
          !g_ascii_string_to_unsigned (locator + strlen ("¶"), 10, 1, G_MAXUINT, &n, NULL))
        problem (p, "%s %s: locator \"%s\" is not ¶N", what, id, locator ? locator : "(none)");
      if (!is_null_or_missing (cit, "note") && !is_nonempty (get_str (cit, "note")))
        problem (p, "%s %s: citation note must be a non-empty string", what, id);
    }
}

static void
test_references (void)
{
  Problems p;
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);

  if (!require_chronicle ())
    return;
  problems_init (&p);

  for (guint i = 0; i < json_array_get_length (chronicle.events); i++)
    {
      JsonObject *e = array_obj (chronicle.events, i);
      const char *id = get_str (e, "id");
      JsonArray *participants = get_arr (e, "actors");
      g_autoptr(GHashTable) once = g_hash_table_new (g_str_hash, g_str_equal);

      check_citations_of (&p, "event", e);
      for (guint j = 0; participants != NULL && j < json_array_get_length (participants); j++)
        {
          const char *actor = get_str (array_obj (participants, j), "actor");

          if (actor == NULL || !g_hash_table_contains (chronicle.actor_by_id, actor))
            problem (&p, "event %s names an unknown actor \"%s\"", id, actor ? actor : "(none)");
          else if (!g_hash_table_add (once, (gpointer) actor))
            problem (&p, "event %s lists actor %s twice", id, actor);
          else
            g_hash_table_add (used, (gpointer) actor);
        }
    }

  for (guint i = 0; i < json_array_get_length (chronicle.relations); i++)
    {
      JsonObject *r = array_obj (chronicle.relations, i);
      const char *ends[] = { get_str (r, "from"), get_str (r, "to") };

      check_citations_of (&p, "relation", r);
      for (guint k = 0; k < G_N_ELEMENTS (ends); k++)
        {
          if (ends[k] == NULL || !g_hash_table_contains (chronicle.actor_by_id, ends[k]))
            problem (&p, "relation %s names an unknown actor \"%s\"", get_str (r, "id"),
                     ends[k] ? ends[k] : "(none)");
          else
            g_hash_table_add (used, (gpointer) ends[k]);
        }
    }

  for (guint i = 0; i < json_array_get_length (chronicle.actors); i++)
    {
      const char *id = get_str (array_obj (chronicle.actors, i), "id");

      if (id != NULL && !g_hash_table_contains (used, id))
        problem (&p, "actor %s is an orphan: no event or relation names it", id);
    }

  problems_finish (&p);
}

/* Whether the text contains a Cyrillic letter, and which of the given
 * letters it contains (to tell Ukrainian from Belarusian texts apart). */
static gboolean
has_cyrillic (const char *text)
{
  for (const char *s = text; *s; s = g_utf8_next_char (s))
    if (g_unichar_get_script (g_utf8_get_char (s)) == G_UNICODE_SCRIPT_CYRILLIC)
      return TRUE;
  return FALSE;
}

static gunichar
has_any_of (const char *text,
            const char *letters)
{
  for (const char *s = text; *s; s = g_utf8_next_char (s))
    {
      gunichar c = g_unichar_tolower (g_utf8_get_char (s));

      if (g_utf8_strchr (letters, -1, c) != NULL)
        return c;
    }
  return 0;
}

static void
check_translation (Problems   *p,
                   const char *what,
                   const char *id,
                   JsonObject *record,
                   const char *field,
                   gboolean    is_name)
{
  JsonObject *i18n = get_obj (record, "i18n");
  const char *english = get_str (record, field);

  for (guint l = 0; translations[l] != NULL; l++)
    {
      const char *lang = translations[l];
      const char *text = get_str (get_obj (i18n, lang), field);
      gunichar wrong;
      char letter[8] = { 0 };

      if (!is_nonempty (text))
        {
          problem (p, "%s %s: no %s translation of \"%s\"", what, id, lang, field);
          continue;
        }
      /* Names may stay in Latin script (Truth Hounds, NEXTA); running text
       * must be Cyrillic, and in the right language: Belarusian has no и, ї,
       * є, ґ; Ukrainian has no ы, э, ў, ё. */
      if (is_name)
        continue;
      if (!has_cyrillic (text) || g_strcmp0 (text, english) == 0)
        problem (p, "%s %s: the %s \"%s\" is not translated", what, id, lang, field);
      else if ((g_str_equal (lang, "be") && (wrong = has_any_of (text, "иїєґ"))) ||
               (g_str_equal (lang, "uk") && (wrong = has_any_of (text, "ыэўё"))))
        {
          g_unichar_to_utf8 (wrong, letter);
          problem (p, "%s %s: the %s \"%s\" has the letter %s, which the language does not use",
                   what, id, lang, field, letter);
        }
    }
}

static void
check_citation_translations (Problems   *p,
                             const char *what,
                             const char *id,
                             JsonObject *citation)
{
  if (!is_null_or_missing (citation, "note"))
    check_translation (p, what, id, citation, "note", FALSE);
}

static void
test_translations (void)
{
  Problems p;

  if (!require_chronicle ())
    return;
  problems_init (&p);

  for (guint i = 0; i < json_array_get_length (chronicle.sources); i++)
    {
      JsonObject *s = array_obj (chronicle.sources, i);

      check_translation (&p, "source", get_str (s, "id"), s, "title", FALSE);
      check_translation (&p, "source", get_str (s, "id"), s, "publisher", TRUE);
      check_translation (&p, "source", get_str (s, "id"), s, "note", FALSE);
    }
  for (guint i = 0; i < json_array_get_length (chronicle.actors); i++)
    {
      JsonObject *a = array_obj (chronicle.actors, i);

      check_translation (&p, "actor", get_str (a, "id"), a, "name", TRUE);
      check_translation (&p, "actor", get_str (a, "id"), a, "description", FALSE);
    }
  for (guint i = 0; i < json_array_get_length (chronicle.events); i++)
    {
      JsonObject *e = array_obj (chronicle.events, i);

      check_translation (&p, "event", get_str (e, "id"), e, "title", FALSE);
      check_translation (&p, "event", get_str (e, "id"), e, "summary", FALSE);
      if (!is_null_or_missing (e, "place"))
        check_translation (&p, "event", get_str (e, "id"), e, "place", TRUE);
    }
  for (guint i = 0; i < json_array_get_length (chronicle.relations); i++)
    {
      JsonObject *r = array_obj (chronicle.relations, i);

      if (!is_null_or_missing (r, "note"))
        check_translation (&p, "relation", get_str (r, "id"), r, "note", FALSE);
    }
  foreach_citation (&p, check_citation_translations);

  problems_finish (&p);
}

/* No two actors share a name or alias (case-insensitive, NFKC), counting the
 * English name, the aliases and the uk/be names: a name must find one actor. */
static void
test_aliases (void)
{
  Problems p;
  g_autoptr(GHashTable) owner = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!require_chronicle ())
    return;
  problems_init (&p);

  for (guint i = 0; i < json_array_get_length (chronicle.actors); i++)
    {
      JsonObject *a = array_obj (chronicle.actors, i);
      const char *id = get_str (a, "id");
      JsonArray *aliases = get_arr (a, "aliases");
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      g_autoptr(GHashTable) own = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      g_ptr_array_add (names, (gpointer) get_str (a, "name"));
      for (guint l = 0; translations[l] != NULL; l++)
        g_ptr_array_add (names, (gpointer) get_str (get_obj (get_obj (a, "i18n"), translations[l]), "name"));
      for (guint j = 0; aliases != NULL && j < json_array_get_length (aliases); j++)
        {
          const char *alias = json_array_get_string_element (aliases, j);
          g_autofree char *key = alias ? fold (alias) : NULL;

          if (key == NULL)
            continue;
          if (g_hash_table_contains (own, key))
            problem (&p, "actor %s lists \"%s\" twice (or as its own name)", id, alias);
          g_hash_table_add (own, g_strdup (key));
          g_ptr_array_add (names, (gpointer) alias);
        }

      for (guint j = 0; j < names->len; j++)
        {
          const char *name = g_ptr_array_index (names, j);
          char *key;
          const char *other;

          if (name == NULL)
            continue;
          key = fold (name);
          other = g_hash_table_lookup (owner, key);
          if (other != NULL && g_strcmp0 (other, id) != 0)
            problem (&p, "\"%s\" names both %s and %s", name, other, id);
          if (other == NULL)
            g_hash_table_insert (owner, key, (gpointer) id);
          else
            g_free (key);
        }
    }

  problems_finish (&p);
}

/* ------------------------------------------------------------------------ */
/* Checks against the seed articles                                           */

static void
test_seed_files (void)
{
  Problems p;

  if (!require_seeds ())
    return;
  problems_init (&p);

  for (guint i = 0; i < json_array_get_length (chronicle.sources); i++)
    {
      JsonObject *s = array_obj (chronicle.sources, i);
      const char *id = get_str (s, "id");

      if (id != NULL && !g_hash_table_contains (chronicle.paragraphs, id))
        problem (&p, "source %s: seed article \"%s\" is missing or not UTF-8 in %s", id,
                 get_str (s, "file"), chronicle.seeds_dir);
    }

  problems_finish (&p);
}

static void
check_locator_exists (Problems   *p,
                      const char *what,
                      const char *id,
                      JsonObject *citation)
{
  cited_paragraph (p, what, id, citation);
}

static void
test_seed_locators (void)
{
  Problems p;

  if (!require_seeds ())
    return;
  problems_init (&p);
  foreach_citation (&p, check_locator_exists);
  problems_finish (&p);
}

/* The cited paragraphs of a record, with their words. */
typedef struct
{
  GPtrArray *texts;   /* const char*, borrowed */
  GPtrArray *tokens;  /* GPtrArray* of words */
} Cited;

static void
cited_collect (Cited      *cited,
               Problems   *p,
               const char *what,
               JsonObject *record)
{
  JsonArray *citations = get_arr (record, "citations");

  cited->texts = g_ptr_array_new ();
  cited->tokens = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint c = 0; citations != NULL && c < json_array_get_length (citations); c++)
    {
      const char *text = cited_paragraph (p, what, get_str (record, "id"), array_obj (citations, c));

      if (text == NULL)
        continue;
      g_ptr_array_add (cited->texts, (gpointer) text);
      g_ptr_array_add (cited->tokens, tokenize (text));
    }
}

static void
cited_clear (Cited *cited)
{
  g_clear_pointer (&cited->texts, g_ptr_array_unref);
  g_clear_pointer (&cited->tokens, g_ptr_array_unref);
}

static gboolean
cited_names_actor (Cited      *cited,
                   const char *actor_id)
{
  JsonObject *actor = g_hash_table_lookup (chronicle.actor_by_id, actor_id);

  if (actor == NULL)
    return TRUE;  /* reported by /references */
  for (guint i = 0; i < cited->tokens->len; i++)
    if (actor_named_in (actor, g_ptr_array_index (cited->tokens, i)))
      return TRUE;
  return FALSE;
}

/* Every figure an event states is in one of its cited paragraphs. */
static void
test_seed_figures (void)
{
  Problems p;

  if (!require_seeds ())
    return;
  problems_init (&p);

  for (guint i = 0; i < json_array_get_length (chronicle.events); i++)
    {
      JsonObject *e = array_obj (chronicle.events, i);
      JsonArray *figures = get_arr (e, "figures");
      Cited cited;

      if (figures == NULL || json_array_get_length (figures) == 0)
        continue;
      cited_collect (&cited, &p, "event", e);
      for (guint j = 0; j < json_array_get_length (figures); j++)
        {
          JsonNode *value = json_object_get_member (array_obj (figures, j), "value");
          gint64 v = value ? (gint64) json_node_get_double (value) : -1;
          gboolean found = FALSE;

          for (guint t = 0; t < cited.texts->len && !found; t++)
            found = figure_in (v, g_ptr_array_index (cited.texts, t), g_ptr_array_index (cited.tokens, t));
          if (!found)
            problem (&p, "event %s: the figure %" G_GINT64_FORMAT " is in none of its cited paragraphs",
                     get_str (e, "id"), v);
        }
      cited_clear (&cited);
    }

  problems_finish (&p);
}

/* Every actor an event gives a role other than "mentioned", and both ends of
 * every relation, are named (by name or alias) in a cited paragraph. */
static void
test_seed_names (void)
{
  Problems p;

  if (!require_seeds ())
    return;
  problems_init (&p);

  for (guint i = 0; i < json_array_get_length (chronicle.events); i++)
    {
      JsonObject *e = array_obj (chronicle.events, i);
      JsonArray *participants = get_arr (e, "actors");
      Cited cited;

      cited_collect (&cited, &p, "event", e);
      for (guint j = 0; participants != NULL && j < json_array_get_length (participants); j++)
        {
          JsonObject *part = array_obj (participants, j);
          const char *actor = get_str (part, "actor");

          if (actor == NULL || g_strcmp0 (get_str (part, "role"), "mentioned") == 0)
            continue;
          if (!cited_names_actor (&cited, actor))
            problem (&p, "event %s: %s (%s) is named in none of its cited paragraphs",
                     get_str (e, "id"), actor, get_str (part, "role"));
        }
      cited_clear (&cited);
    }

  for (guint i = 0; i < json_array_get_length (chronicle.relations); i++)
    {
      JsonObject *r = array_obj (chronicle.relations, i);
      const char *ends[] = { get_str (r, "from"), get_str (r, "to") };
      Cited cited;

      cited_collect (&cited, &p, "relation", r);
      for (guint k = 0; k < G_N_ELEMENTS (ends); k++)
        if (ends[k] != NULL && !cited_names_actor (&cited, ends[k]))
          problem (&p, "relation %s: %s is named in none of its cited paragraphs",
                   get_str (r, "id"), ends[k]);
      cited_clear (&cited);
    }

  problems_finish (&p);
}

/* The chronicle's own texts (titles, summaries, descriptions, notes) are
 * written in its own words: no run of COPY_NGRAM words from an article. */
static void
add_ngrams (GHashTable *set,
            const char *text)
{
  g_autoptr(GPtrArray) words = tokenize (text);

  for (guint i = 0; i + COPY_NGRAM <= words->len; i++)
    {
      g_autoptr(GString) gram = g_string_new (NULL);

      for (guint k = 0; k < COPY_NGRAM; k++)
        g_string_append_printf (gram, k ? " %s" : "%s", (char *) g_ptr_array_index (words, i + k));
      g_hash_table_add (set, g_string_free (g_steal_pointer (&gram), FALSE));
    }
}

static void
check_own_words (Problems   *p,
                 GHashTable *grams,
                 const char *what,
                 const char *id,
                 const char *field,
                 const char *text)
{
  g_autoptr(GHashTable) mine = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  const char *gram;

  if (text == NULL)
    return;
  add_ngrams (mine, text);
  g_hash_table_iter_init (&iter, mine);
  while (g_hash_table_iter_next (&iter, (gpointer *) &gram, NULL))
    if (g_hash_table_contains (grams, gram))
      {
        problem (p, "%s %s: the %s copies the article's words \"%s...\"", what, id, field, gram);
        return;
      }
}

static GHashTable *own_words_grams;

static void
check_citation_own_words (Problems   *p,
                          const char *what,
                          const char *id,
                          JsonObject *citation)
{
  check_own_words (p, own_words_grams, what, id, "citation note", get_str (citation, "note"));
}

static void
test_seed_own_words (void)
{
  Problems p;
  g_autoptr(GHashTable) grams = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  GPtrArray *paragraphs;

  if (!require_seeds ())
    return;
  problems_init (&p);

  g_hash_table_iter_init (&iter, chronicle.paragraphs);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &paragraphs))
    for (guint i = 0; i < paragraphs->len; i++)
      add_ngrams (grams, g_ptr_array_index (paragraphs, i));

  for (guint i = 0; i < json_array_get_length (chronicle.sources); i++)
    {
      JsonObject *s = array_obj (chronicle.sources, i);

      /* the title is the article's own headline, quoted as a reference */
      check_own_words (&p, grams, "source", get_str (s, "id"), "note", get_str (s, "note"));
    }
  for (guint i = 0; i < json_array_get_length (chronicle.actors); i++)
    {
      JsonObject *a = array_obj (chronicle.actors, i);

      check_own_words (&p, grams, "actor", get_str (a, "id"), "description", get_str (a, "description"));
    }
  for (guint i = 0; i < json_array_get_length (chronicle.events); i++)
    {
      JsonObject *e = array_obj (chronicle.events, i);

      check_own_words (&p, grams, "event", get_str (e, "id"), "title", get_str (e, "title"));
      check_own_words (&p, grams, "event", get_str (e, "id"), "summary", get_str (e, "summary"));
    }
  for (guint i = 0; i < json_array_get_length (chronicle.relations); i++)
    {
      JsonObject *r = array_obj (chronicle.relations, i);

      check_own_words (&p, grams, "relation", get_str (r, "id"), "note", get_str (r, "note"));
    }
  own_words_grams = grams;
  foreach_citation (&p, check_citation_own_words);
  own_words_grams = NULL;

  problems_finish (&p);
}

/* ------------------------------------------------------------------------ */

static char *
option_value (int         *argc,
              char      ***argv,
              const char  *name)
{
  g_autofree char *prefix = g_strconcat (name, "=", NULL);
  char *value = NULL;
  int out = 1;

  for (int i = 1; i < *argc; i++)
    {
      if (g_str_has_prefix ((*argv)[i], prefix))
        {
          g_free (value);
          value = g_strdup ((*argv)[i] + strlen (prefix));
          continue;
        }
      (*argv)[out++] = (*argv)[i];
    }
  *argc = out;
  (*argv)[out] = NULL;
  return value;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  char *chronicle_dir = option_value (&argc, &argv, "--chronicle-dir");
  char *seeds_dir = option_value (&argc, &argv, "--seeds-dir");
  g_autofree char *paragraphs_of = option_value (&argc, &argv, "--paragraphs");
  int ret;

  /* Problems quote names in Cyrillic and Łacinka: print them as UTF-8 even
   * when the test runs under the C locale. */
  setlocale (LC_ALL, "");
  if (!g_get_charset (NULL))
    setlocale (LC_ALL, "C.UTF-8");

  /* --paragraphs=FILE prints an article's paragraphs with the numbers that
   * locators use, split exactly as the checks below split them. */
  if (paragraphs_of != NULL)
    {
      g_autofree char *text = NULL;
      g_autoptr(GPtrArray) paragraphs = NULL;

      if (!g_file_get_contents (paragraphs_of, &text, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      paragraphs = split_paragraphs (text);
      for (guint i = 0; i < paragraphs->len; i++)
        g_print ("¶%u\t%s\n\n", i + 1, (char *) g_ptr_array_index (paragraphs, i));
      g_free (chronicle_dir);
      g_free (seeds_dir);
      return 0;
    }

  g_test_init (&argc, &argv, NULL);

  if (chronicle_dir == NULL && g_getenv ("LETAPIS_CHRONICLE_DIR") != NULL)
    chronicle_dir = g_strdup (g_getenv ("LETAPIS_CHRONICLE_DIR"));
  if (chronicle_dir == NULL && g_getenv ("LETAPIS_SOURCE_ROOT") != NULL)
    chronicle_dir = g_build_filename (g_getenv ("LETAPIS_SOURCE_ROOT"), "data", "chronicle", NULL);
  if (chronicle_dir == NULL)
    chronicle_dir = g_strdup ("data/chronicle");
  if (seeds_dir == NULL && g_getenv ("LETAPIS_SEEDS_DIR") != NULL)
    seeds_dir = g_strdup (g_getenv ("LETAPIS_SEEDS_DIR"));
  if (seeds_dir != NULL && !g_file_test (seeds_dir, G_FILE_TEST_IS_DIR))
    g_clear_pointer (&seeds_dir, g_free);

  chronicle.chronicle_dir = chronicle_dir;
  chronicle.seeds_dir = seeds_dir;
  if (!chronicle_load (&error))
    chronicle.load_error = g_strdup (error->message);
  g_test_message ("chronicle: %s; seed articles: %s", chronicle_dir,
                  seeds_dir ? seeds_dir : "absent");

  g_test_add_func ("/Letapis/Chronicle/date-parser", test_date_parser);
  g_test_add_func ("/Letapis/Chronicle/matching", test_matching_helpers);
  g_test_add_func ("/Letapis/Chronicle/records", test_records);
  g_test_add_func ("/Letapis/Chronicle/references", test_references);
  g_test_add_func ("/Letapis/Chronicle/translations", test_translations);
  g_test_add_func ("/Letapis/Chronicle/aliases", test_aliases);
  g_test_add_func ("/Letapis/Chronicle/seeds/files", test_seed_files);
  g_test_add_func ("/Letapis/Chronicle/seeds/locators", test_seed_locators);
  g_test_add_func ("/Letapis/Chronicle/seeds/figures", test_seed_figures);
  g_test_add_func ("/Letapis/Chronicle/seeds/names", test_seed_names);
  g_test_add_func ("/Letapis/Chronicle/seeds/own-words", test_seed_own_words);

  ret = g_test_run ();

  for (guint i = 0; i < G_N_ELEMENTS (chronicle.parsers); i++)
    g_clear_object (&chronicle.parsers[i]);
  g_clear_pointer (&chronicle.source_by_id, g_hash_table_unref);
  g_clear_pointer (&chronicle.actor_by_id, g_hash_table_unref);
  g_clear_pointer (&chronicle.paragraphs, g_hash_table_unref);
  g_free (chronicle.load_error);
  g_free (chronicle_dir);
  g_free (seeds_dir);
  return ret;
}
