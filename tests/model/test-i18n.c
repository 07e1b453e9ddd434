/* test-i18n.c: the Ukrainian and Belarusian a reader sees, from the code and the catalogues
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "lt-model.h"

#define NBSP "\u00a0"

static gboolean
use_locale (const char *name)
{
  if (setlocale (LC_ALL, name) == NULL)
    {
      g_test_skip_printf ("locale %s is not generated", name);
      return FALSE;
    }
  return TRUE;
}

static void
assert_date (const char *iso,
             const char *expected)
{
  g_autofree char *text = lt_date_range_format_text (iso);

  g_assert_cmpstr (text, ==, expected);
}

/* "c. %s" around a nominative month gave "каля лістапад 2020": each precision has its own
 * format, so the words agree */
static void
test_approximate_dates (void)
{
  if (!use_locale ("uk_UA.UTF-8"))
    return;
  assert_date ("2020-11~", "листопад 2020 (приблизно)");
  assert_date ("2021~", "близько 2021 року");
  assert_date ("2025-10-14~", "близько 14 жовтня 2025");
  assert_date ("2021-07-14", "14 липня 2021");

  if (!use_locale ("be_BY.UTF-8"))
    return;
  assert_date ("2020-11~", "лістапад 2020 (прыблізна)");
  assert_date ("2021~", "каля 2021 года");
  assert_date ("2025-10-14~", "каля 14 кастрычніка 2025");

  setlocale (LC_ALL, "C.UTF-8");
  assert_date ("2020-11~", "c. November 2020");
  assert_date ("2021~", "c. 2021");
  assert_date ("2025-10-14~", "c. 14 October 2025");
  /* what is not a date stays as the user wrote it */
  assert_date ("spring 2020", "spring 2020");
  g_assert_null (lt_date_range_format_text (""));
}

/* be_BY groups digits with a full stop ("40.000", "1.405"); the titles say "40 000" */
static void
test_numbers (void)
{
  g_autofree char *big = NULL;
  g_autofree char *small = NULL;
  g_autofree char *tiny = NULL;
  g_autofree char *million = NULL;

  if (!use_locale ("be_BY.UTF-8"))
    return;
  big = lt_format_number (40000);
  small = lt_format_number (1405);
  tiny = lt_format_number (88);
  million = lt_format_number (1234567);
  g_assert_cmpstr (big, ==, "40" NBSP "000");
  g_assert_cmpstr (small, ==, "1" NBSP "405");
  g_assert_cmpstr (tiny, ==, "88");
  g_assert_cmpstr (million, ==, "1" NBSP "234" NBSP "567");
  g_clear_pointer (&big, g_free);

  if (!use_locale ("uk_UA.UTF-8"))
    return;
  big = lt_format_number (40000);
  g_assert_cmpstr (big, ==, "40" NBSP "000");
  g_clear_pointer (&big, g_free);

  setlocale (LC_ALL, "C.UTF-8");
  big = lt_format_number (40000);
  g_assert_cmpstr (big, ==, "40,000");
}

static void
assert_relation (const char *type,
                 gboolean    from_side,
                 const char *other,
                 const char *expected)
{
  g_autofree char *text = lt_relation_type_describe (type, from_side, other);

  g_assert_cmpstr (text, ==, expected);
}

/* "%s %s %s" gave "Беларускія сілавікі Вобшукаў Алесь Бяляцкі": now one sentence per type
 * and direction, the other actor's name after a colon */
static void
test_relation_sentences (void)
{
  if (!use_locale ("be_BY.UTF-8"))
    return;
  assert_relation ("searched", TRUE, "Алесь Бяляцкі", "Ператрус: Алесь Бяляцкі");
  assert_relation ("searched", FALSE, "Беларускія сілавікі", "Хто правёў ператрус: Беларускія сілавікі");
  assert_relation ("member-of", FALSE, "Алесь Бяляцкі", "Сябра: Алесь Бяляцкі");
  assert_relation ("member-of", TRUE, "Вясна", "Сяброўства: Вясна");

  if (!use_locale ("uk_UA.UTF-8"))
    return;
  assert_relation ("searched", TRUE, "Алесь Біляцький", "Обшук: Алесь Біляцький");
  assert_relation ("detained", FALSE, "КДБ", "Хто затримав: КДБ");
  assert_relation ("signed-with", FALSE, "Центр прав людини ZMINA", "Співпідписант: Центр прав людини ZMINA");

  setlocale (LC_ALL, "C.UTF-8");
  assert_relation ("searched", FALSE, "KGB", "Searched by: KGB");
  assert_relation ("married-to", TRUE, "X", "married-to: X");
}

/* The catalogues */

typedef struct
{
  char *context;
  char *id;
  char *str;    /* msgstr, or all msgstr[n] joined by "\n" */
  guint line;
} PoEntry;

static void
po_entry_free (PoEntry *e)
{
  g_free (e->context);
  g_free (e->id);
  g_free (e->str);
  g_free (e);
}

static char *
unquote (const char *line)
{
  const char *start = strchr (line, '"');
  const char *end = strrchr (line, '"');
  g_autofree char *inner = NULL;

  if (start == NULL || end == start)
    return g_strdup ("");
  inner = g_strndup (start + 1, end - start - 1);
  return g_strcompress (inner);
}

/* A reader of the few forms our catalogues use: msgctxt, msgid, msgid_plural, msgstr and
 * msgstr[n], each possibly continued over "…" lines. */
static GPtrArray *
read_po (const char *lang)
{
  g_autofree char *path = g_build_filename (g_getenv ("LETAPIS_SOURCE_ROOT"), "po", NULL);
  g_autofree char *file = g_strdup_printf ("%s/%s.po", path, lang);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) po_entry_free);
  GString **field = NULL;
  g_autoptr(GString) ctx = g_string_new (NULL);
  g_autoptr(GString) id = g_string_new (NULL);
  g_autoptr(GString) str = g_string_new (NULL);
  gboolean has_ctx = FALSE;
  gboolean seen_str = FALSE;
  guint start = 0;

  g_file_get_contents (file, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);

  for (guint i = 0; ; i++)
    {
      const char *l = lines[i];

      /* an entry ends where the next begins, at a blank line or at the end */
      if (seen_str && (l == NULL || l[0] == '\0' || l[0] == '#' || g_str_has_prefix (l, "msgctxt ") ||
                       g_str_has_prefix (l, "msgid ")))
        {
          PoEntry *e = g_new0 (PoEntry, 1);

          e->context = has_ctx ? g_strdup (ctx->str) : NULL;
          e->id = g_strdup (id->str);
          e->str = g_strdup (str->str);
          e->line = start;
          g_ptr_array_add (entries, e);
          g_string_truncate (ctx, 0);
          g_string_truncate (id, 0);
          g_string_truncate (str, 0);
          has_ctx = seen_str = FALSE;
          field = NULL;
        }
      if (l == NULL)
        break;

      if (g_str_has_prefix (l, "msgctxt "))
        {
          field = &ctx;
          has_ctx = TRUE;
          start = i + 1;
        }
      else if (g_str_has_prefix (l, "msgid "))
        {
          field = &id;
          if (!has_ctx)
            start = i + 1;
        }
      else if (g_str_has_prefix (l, "msgid_plural "))
        field = NULL;
      else if (g_str_has_prefix (l, "msgstr"))
        {
          field = &str;
          if (seen_str)
            g_string_append_c (str, '\n');
          seen_str = TRUE;
        }
      else if (l[0] != '"')
        continue;

      if (field != NULL)
        {
          g_autofree char *text = unquote (l);

          g_string_append (*field, text);
        }
    }

  return entries;
}

static guint
count (const char *text,
       const char *mark)
{
  guint n = 0;

  for (const char *p = strstr (text, mark); p != NULL; p = strstr (p + strlen (mark), mark))
    n++;
  return n;
}

/* Quotation marks: «…» with „…“ inside; never the English “…” or straight "…" */
static void
test_po_quotes (void)
{
  static const char * const langs[] = { "uk", "be" };
  g_autoptr(GString) problems = g_string_new (NULL);

  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      g_autoptr(GPtrArray) entries = read_po (langs[l]);

      for (guint i = 0; i < entries->len; i++)
        {
          const PoEntry *e = g_ptr_array_index (entries, i);

          if (e->id[0] == '\0')
            continue;   /* the header */
          /* „…“ nests inside «…», and its closing mark is the English opening one: a “ is
           * right only as the end of a „ */
          if (strstr (e->str, "”") != NULL || strchr (e->str, '"') != NULL ||
              count (e->str, "“") != count (e->str, "„"))
            g_string_append_printf (problems, "%s.po:%u: English quotes in “%s”\n",
                                    langs[l], e->line, e->str);
          if (count (e->str, "„") > 0 && count (e->str, "«") == 0)
            g_string_append_printf (problems, "%s.po:%u: „…“ outside «…» in “%s”\n",
                                    langs[l], e->line, e->str);
          if (strchr (e->str, '\'') != NULL)
            g_string_append_printf (problems, "%s.po:%u: a typewriter apostrophe in “%s”: write ’\n",
                                    langs[l], e->line, e->str);
        }
    }

  if (problems->len > 0)
    g_error ("%s", problems->str);
}

typedef struct
{
  const char *context;
  const char *id;
  const char *uk_word;   /* a word the translation must contain */
  const char *be_word;
} GlossaryEntry;

/* One word per concept. A msgid listed here must be translated with the word given, so a
 * synonym that creeps back (хронологія for the timeline, Мэта for a target) fails. */
static const GlossaryEntry glossary[] = {
  { NULL, "Show on _Timeline", "шкал", "шкал" },
  { NULL, "Show on the timeline", "шкал", "шкал" },
  { NULL, "Timeline", "шкала", "шкала" },
  { "event role", "Target", "Об’єкт переслідування", "Аб’ект пераследу" },
  { "event role", "Perpetrator", "Порушник", "Парушальнік" },
  { "event category", "Prosecution", "Кримінальне переслідування", "Крымінальны пераслед" },
  { "relation type", "Searched", "Обшук", "Ператрус" },
  { NULL, "Zoom In", "Збільшити", "Павялічыць" },
  { NULL, "Zoom Out", "Зменшити", "Паменшыць" },
  { "shortcut window", "Zoom In", "Збільшити", "Павялічыць" },
  { "shortcut window", "Zoom Out", "Зменшити", "Паменшыць" },
  { NULL, "Zoom to Fit", "Умістити", "Змясціць" },
  { "shortcut window", "Zoom to Fit", "Умістити", "Змясціць" },
  { "shortcut window", "Timeline", "шкала", "шкала" },
};

/* Words that stand for a concept the glossary gives another word for */
static const struct { const char *lang; const char *word; const char *instead; } banned[] = {
  { "uk", "хронологі", "часова шкала" },
  { "be", "храналогі", "часавая шкала" },
  { "uk", "літопис", "хроніка" },
  { "be", "летапіс", "хроніка" },
  { "be", "Вобшук", "ператрус" },
  { "be", "вобшукаў", "ператрус" },
  { "be", "Мэта", "Аб’ект пераследу" },
  { "uk", "Ціль", "Об’єкт переслідування" },
  { "be", "датаў", "дат" },
  { "be", "з’яўляецца", "працяжнік" },
  { "uk", "Бацькаўшчына", "Бацьківщина" },
};

static const PoEntry *
find_entry (GPtrArray  *entries,
            const char *context,
            const char *id)
{
  for (guint i = 0; i < entries->len; i++)
    {
      const PoEntry *e = g_ptr_array_index (entries, i);

      if (g_strcmp0 (e->context, context) == 0 && g_str_equal (e->id, id))
        return e;
    }
  return NULL;
}

static void
test_po_glossary (void)
{
  static const char * const langs[] = { "uk", "be" };
  g_autoptr(GString) problems = g_string_new (NULL);

  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      g_autoptr(GPtrArray) entries = read_po (langs[l]);

      for (guint i = 0; i < G_N_ELEMENTS (glossary); i++)
        {
          const GlossaryEntry *g = &glossary[i];
          const PoEntry *e = find_entry (entries, g->context, g->id);
          const char *word = l == 0 ? g->uk_word : g->be_word;

          if (e == NULL)
            g_string_append_printf (problems, "%s.po: no entry “%s”\n", langs[l], g->id);
          else if (strstr (e->str, word) == NULL)
            g_string_append_printf (problems, "%s.po:%u: “%s” is “%s”, without “%s”\n",
                                    langs[l], e->line, g->id, e->str, word);
        }

      for (guint i = 0; i < entries->len; i++)
        {
          const PoEntry *e = g_ptr_array_index (entries, i);

          for (guint b = 0; b < G_N_ELEMENTS (banned); b++)
            if (g_str_equal (banned[b].lang, langs[l]) && strstr (e->str, banned[b].word) != NULL)
              g_string_append_printf (problems, "%s.po:%u: “%s” in “%s”: write “%s”\n",
                                      langs[l], e->line, banned[b].word, e->str,
                                      banned[b].instead);
        }
    }

  if (problems->len > 0)
    g_error ("%s", problems->str);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("LETAPIS_LOCALEDIR");

  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/Letapis/I18n/approximate-dates", test_approximate_dates);
  g_test_add_func ("/Letapis/I18n/numbers", test_numbers);
  g_test_add_func ("/Letapis/I18n/relation-sentences", test_relation_sentences);
  g_test_add_func ("/Letapis/I18n/po-quotes", test_po_quotes);
  g_test_add_func ("/Letapis/I18n/po-glossary", test_po_glossary);

  return g_test_run ();
}
