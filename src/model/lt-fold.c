/* lt-fold.c: the search key shared by the index and the queries
 *
 * Copyright 2024 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-fold"

#include "config.h"

#include "lt-model-private.h"

/* Names in this chronicle are written in Belarusian and Ukrainian/Russian
 * Cyrillic, in Łacinka and in English transliterations. The key maps all of
 * them onto lowercase ASCII: Cyrillic is transliterated, Latin letters with a
 * caron become their English digraph (š -> sh, like ш), other diacritics are
 * dropped, and the letters the transliterations disagree on are merged
 * (y/j -> i, w -> v, doubled letters once). "Лукашэнка", "Łukašenka" and
 * "Lukashenka" all fold to "lukashenka"; the Russian "Лукашенко" folds to
 * "lukashenko" like "Lukashenko", so an actor listing both spellings as
 * aliases is found by either. */

static const char *
fold_special (gunichar c)
{
  switch (c)
    {
    /* Cyrillic (Belarusian, Ukrainian, Russian) */
    case 0x0430: return "a";    /* а */
    case 0x0431: return "b";    /* б */
    case 0x0432: return "v";    /* в */
    case 0x0433: return "h";    /* г: h in be/uk */
    case 0x0491: return "g";    /* ґ */
    case 0x0434: return "d";    /* д */
    case 0x0435: return "e";    /* е */
    case 0x0454: return "ie";   /* є */
    case 0x0451: return "io";   /* ё */
    case 0x0436: return "zh";   /* ж */
    case 0x0437: return "z";    /* з */
    case 0x0438: return "y";    /* и */
    case 0x0456: return "i";    /* і */
    case 0x0457: return "i";    /* ї */
    case 0x0439: return "i";    /* й */
    case 0x043a: return "k";    /* к */
    case 0x043b: return "l";    /* л */
    case 0x043c: return "m";    /* м */
    case 0x043d: return "n";    /* н */
    case 0x043e: return "o";    /* о */
    case 0x043f: return "p";    /* п */
    case 0x0440: return "r";    /* р */
    case 0x0441: return "s";    /* с */
    case 0x0442: return "t";    /* т */
    case 0x0443: return "u";    /* у */
    case 0x045e: return "u";    /* ў */
    case 0x0444: return "f";    /* ф */
    case 0x0445: return "kh";   /* х */
    case 0x0446: return "ts";   /* ц */
    case 0x0447: return "ch";   /* ч */
    case 0x0448: return "sh";   /* ш */
    case 0x0449: return "shch"; /* щ */
    case 0x044a: return "";     /* ъ */
    case 0x044b: return "y";    /* ы */
    case 0x044c: return "";     /* ь */
    case 0x044d: return "e";    /* э */
    case 0x044e: return "iu";   /* ю */
    case 0x044f: return "ia";   /* я */
    case 0x0453: return "g";    /* ѓ */
    case 0x045c: return "k";    /* ќ */
    case 0x0458: return "j";    /* ј */

    /* Latin letters that do not decompose, or whose English spelling is a digraph */
    case 0x0161: return "sh";   /* š */
    case 0x010d: return "ch";   /* č */
    case 0x017e: return "zh";   /* ž */
    case 0x015b: return "sh";   /* ś */
    case 0x0107: return "ch";   /* ć */
    case 0x017a: return "zh";   /* ź */
    case 0x0142: return "l";    /* ł */
    case 0x00df: return "ss";   /* ß */
    case 0x00e6: return "ae";   /* æ */
    case 0x0153: return "oe";   /* œ */
    case 0x00f8: return "o";    /* ø */
    case 0x0111: return "d";    /* đ */
    case 0x00f0: return "d";    /* ð */
    case 0x00fe: return "th";   /* þ */
    case 0x0131: return "i";    /* ı */

    /* Apostrophes inside words (Ukrainian ʼ, Belarusian ') vanish. */
    case '\'':
    case 0x2019:                /* ’ */
    case 0x02bc:                /* ʼ */
    case 0x02b9:                /* ʹ */
    case '`':
      return "";

    default:
      return NULL;
    }
}

static void
append_folded (GString  *out,
               gunichar  c)
{
  const char *special;
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n;

  c = g_unichar_tolower (c);

  if ((special = fold_special (c)))
    {
      g_string_append (out, special);
      return;
    }

  if (c < 0x80)
    {
      if (g_ascii_isalnum (c))
        g_string_append_c (out, (char) c);
      else
        g_string_append_c (out, ' ');
      return;
    }

  n = g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed));
  for (gsize i = 0; i < n; i++)
    {
      gunichar d = decomposed[i];

      if (g_unichar_ismark (d))
        continue;

      if (i > 0 && (special = fold_special (g_unichar_tolower (d))))
        g_string_append (out, special);
      else if (g_unichar_isalnum (d))
        g_string_append_unichar (out, g_unichar_tolower (d));
      else
        g_string_append_c (out, ' ');
    }
}

/**
 * _lt_fold:
 * @text: (nullable): any text
 *
 * Returns: (transfer full): the search key of @text: words of lowercase
 *   ASCII (other scripts lowercased) separated by single spaces
 */
char *
_lt_fold (const char *text)
{
  g_autoptr(GString) raw = NULL;
  GString *out;
  char prev = ' ';

  if (text == NULL)
    return g_strdup ("");

  raw = g_string_sized_new (strlen (text) + 8);

  for (const char *p = text; *p != '\0'; )
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* Invalid UTF-8: treat the byte as a separator. */
          g_string_append_c (raw, ' ');
          p++;
          continue;
        }

      append_folded (raw, c);
      p = g_utf8_next_char (p);
    }

  /* Merge what transliterations disagree on, squeeze repeats and spaces. */
  out = g_string_sized_new (raw->len);
  for (gsize i = 0; i < raw->len; i++)
    {
      char c = raw->str[i];

      if (c == 'y' || c == 'j')
        c = 'i';
      else if (c == 'w')
        c = 'v';

      if (c == prev && (c == ' ' || g_ascii_isalpha (c)))
        continue;

      g_string_append_c (out, c);
      prev = c;
    }

  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  if (out->len > 0 && out->str[0] == ' ')
    g_string_erase (out, 0, 1);

  return g_string_free (out, FALSE);
}

/**
 * _lt_fold_query:
 * @query: what a person typed
 *
 * Turns @query into an FTS5 query over folded text: every word must occur,
 * the words as prefixes ("luk" finds "lukashenka"). No FTS5 syntax from
 * @query survives, so any input is safe.
 *
 * Returns: (transfer full) (nullable): the FTS5 query, %NULL if @query has no words
 */
char *
_lt_fold_query (const char *query)
{
  g_autofree char *folded = _lt_fold (query);
  g_auto(GStrv) words = NULL;
  GString *out;

  if (folded[0] == '\0')
    return NULL;

  words = g_strsplit (folded, " ", -1);
  out = g_string_new (NULL);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_printf (out, "\"%s\"*", words[i]);
    }

  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }

  return g_string_free (out, FALSE);
}

/**
 * lt_store_fold_text:
 * @text: (nullable): any text
 *
 * The folded search key of @text (see the comment at the top of lt-fold.c).
 *
 * Returns: (transfer full): the key
 */
char *
lt_store_fold_text (const char *text)
{
  return _lt_fold (text);
}
