/* test-date.c: partial dates
 *
 * Copyright 2024 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "lt-model.h"

static LtDate
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  LtDate d = { 0 };

  g_assert_true (lt_date_parse (text, &d, &error));
  g_assert_no_error (error);
  return d;
}

static void
test_parse_precision (void)
{
  LtDate d;

  d = parse_ok ("2020");
  g_assert_cmpint (d.year, ==, 2020);
  g_assert_cmpint (d.precision, ==, LT_PRECISION_YEAR);
  g_assert_false (d.approximate);

  d = parse_ok ("2020-08");
  g_assert_cmpint (d.month, ==, 8);
  g_assert_cmpint (d.precision, ==, LT_PRECISION_MONTH);

  d = parse_ok ("2020-08-09");
  g_assert_cmpint (d.day, ==, 9);
  g_assert_cmpint (d.precision, ==, LT_PRECISION_DAY);

  d = parse_ok ("2021-04~");
  g_assert_true (d.approximate);
  g_assert_cmpint (d.precision, ==, LT_PRECISION_MONTH);

  /* Outside 1900..2100 */
  d = parse_ok ("1863-01-22");
  g_assert_cmpint (d.year, ==, 1863);
  d = parse_ok ("2150-12-31");
  g_assert_cmpint (d.year, ==, 2150);
  d = parse_ok ("-0044-03-15");
  g_assert_cmpint (d.year, ==, -44);

  /* Leap years */
  parse_ok ("2020-02-29");
  parse_ok ("2000-02-29");
  parse_ok ("1600-02-29");
}

static void
assert_parse_error (const char *text,
                    int         code,
                    const char *mentions)
{
  g_autoptr(GError) error = NULL;
  LtDate d = { 0 };

  g_assert_false (lt_date_parse (text, &d, &error));
  g_assert_error (error, LT_DATE_ERROR, code);
  /* The message names the problem. */
  if (strstr (error->message, mentions) == NULL)
    g_error ("“%s”: message “%s” does not mention “%s”", text, error->message, mentions);
}

static void
test_parse_invalid (void)
{
  assert_parse_error ("2021-02-30", LT_DATE_ERROR_INVALID, "no day 30");
  assert_parse_error ("2100-02-29", LT_DATE_ERROR_INVALID, "no day 29");
  assert_parse_error ("2019-02-29", LT_DATE_ERROR_INVALID, "no day 29");
  assert_parse_error ("20x1", LT_DATE_ERROR_SYNTAX, "“x”");
  assert_parse_error ("2020-13", LT_DATE_ERROR_INVALID, "month 13");
  assert_parse_error ("2020-00-10", LT_DATE_ERROR_INVALID, "month 0");
  assert_parse_error ("2020-08-00", LT_DATE_ERROR_INVALID, "no day 0");
  assert_parse_error ("2020-8", LT_DATE_ERROR_SYNTAX, "month");
  assert_parse_error ("202", LT_DATE_ERROR_SYNTAX, "year");
  assert_parse_error ("", LT_DATE_ERROR_SYNTAX, "empty");
  assert_parse_error ("2020-08-09 ", LT_DATE_ERROR_SYNTAX, "position 11");
  assert_parse_error ("2020~~", LT_DATE_ERROR_SYNTAX, "“~”");
  /* A multibyte character is named whole, its position counted in characters. */
  assert_parse_error ("2020—2021", LT_DATE_ERROR_SYNTAX, "“—” at position 5");
  assert_parse_error ("2020-0ж", LT_DATE_ERROR_SYNTAX, "“ж” at position 7");
}

/* Even a message about bytes that are not UTF-8 is valid UTF-8. */
static void
test_parse_error_is_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  LtDate d = { 0 };

  g_assert_false (lt_date_parse ("2020\xe2", &d, &error));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_nonnull (strstr (error->message, "\\xe2"));
}

static void
test_iso_round_trip (void)
{
  const char *texts[] = {
    "2020", "2020-08", "2020-08-09", "2021-04~", "2021~", "1863-01-22", "2150-12-31~",
    "-0044-03-15", "0001-01-01",
  };
  const char *ranges[] = {
    "2020-08-09/2020-11-15", "2020/2024-03-04", "2020-08~/2021", "2021-02-28",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      LtDate d = parse_ok (texts[i]);
      g_autofree char *iso = lt_date_to_iso (&d);

      g_assert_cmpstr (iso, ==, texts[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *iso = NULL;
      LtDateRange r;

      g_assert_true (lt_date_range_parse (ranges[i], &r, &error));
      g_assert_no_error (error);
      iso = lt_date_range_to_iso (&r);
      g_assert_cmpstr (iso, ==, ranges[i]);
    }
}

static void
test_ranges (void)
{
  g_autoptr(GError) error = NULL;
  LtDateRange r;

  g_assert_true (lt_date_range_parse ("2020/2024-03-04", &r, &error));
  g_assert_true (r.has_end);
  g_assert_cmpint (lt_date_range_first_day (&r), ==, lt_days_from_ymd (2020, 1, 1));
  g_assert_cmpint (lt_date_range_last_day (&r), ==, lt_days_from_ymd (2024, 3, 4));

  g_assert_true (lt_date_range_parse ("2021-07", &r, &error));
  g_assert_false (r.has_end);
  g_assert_cmpint (lt_date_range_last_day (&r), ==, lt_days_from_ymd (2021, 7, 31));

  g_assert_false (lt_date_range_parse ("2020-11-15/2020-08-09", &r, &error));
  g_assert_error (error, LT_DATE_ERROR, LT_DATE_ERROR_ORDER);
  g_clear_error (&error);

  /* A month-precision end that contains the start day is fine. */
  g_assert_true (lt_date_range_parse ("2020-08-09/2020-08", &r, &error));

  g_assert_false (lt_date_range_parse ("2020/2021/2022", &r, &error));
  g_assert_error (error, LT_DATE_ERROR, LT_DATE_ERROR_SYNTAX);
  g_clear_error (&error);

  g_assert_false (lt_date_range_parse ("2020/2021-02-30", &r, &error));
  g_assert_error (error, LT_DATE_ERROR, LT_DATE_ERROR_INVALID);
  g_clear_error (&error);
}

static void
test_day_axis (void)
{
  LtDate d;

  g_assert_cmpint (lt_days_from_ymd (1970, 1, 1), ==, 0);
  g_assert_cmpint (lt_days_from_ymd (1969, 12, 31), ==, -1);
  g_assert_cmpint (lt_days_from_ymd (2000, 3, 1), ==, 11017);
  g_assert_cmpint (lt_days_from_ymd (1900, 1, 1), ==, -25567);

  /* Every day from 1600 to 2400 maps there and back, and against GDate. */
  for (gint64 day = lt_days_from_ymd (1600, 1, 1); day < lt_days_from_ymd (2400, 1, 1); day += 7)
    {
      gint32 y;
      guint m, dd;

      lt_days_to_ymd (day, &y, &m, &dd);
      g_assert_cmpint (lt_days_from_ymd (y, m, dd), ==, day);
      if (y >= 1)
        {
          GDate *gd = g_date_new_dmy (dd, m, y);

          g_assert_cmpint ((gint64) g_date_get_julian (gd) - 719163, ==, day);
          g_date_free (gd);
        }
    }

  /* A month spans its month; a year its year. */
  d = parse_ok ("2020-02");
  g_assert_cmpint (lt_date_first_day (&d), ==, lt_days_from_ymd (2020, 2, 1));
  g_assert_cmpint (lt_date_last_day (&d), ==, lt_days_from_ymd (2020, 2, 29));
  d = parse_ok ("1900");
  g_assert_cmpint (lt_date_last_day (&d) - lt_date_first_day (&d), ==, 364);
  d = parse_ok ("2000");
  g_assert_cmpint (lt_date_last_day (&d) - lt_date_first_day (&d), ==, 365);
}

static void
test_order (void)
{
  const char *sorted[] = {
    "1863-01-22", "2020", "2020~", "2020-01", "2020-01-01", "2020-01-02", "2020-08", "2020-08-09",
    "2020-08-09~", "2021-04~", "2150",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sorted); i++)
    for (guint j = 0; j < G_N_ELEMENTS (sorted); j++)
      {
        LtDate a = parse_ok (sorted[i]);
        LtDate b = parse_ok (sorted[j]);
        int cmp = lt_date_compare (&a, &b);

        if (i < j)
          g_assert_cmpint (cmp, <, 0);
        else if (i > j)
          g_assert_cmpint (cmp, >, 0);
        else
          g_assert_cmpint (cmp, ==, 0);
      }
}

static void
assert_format (const char *iso,
               const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  LtDateRange r;

  g_assert_true (lt_date_range_parse (iso, &r, &error));
  text = lt_date_range_format (&r);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_format_english (void)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);

  assert_format ("2020-08-09", "9 August 2020");
  assert_format ("2020-08", "August 2020");
  assert_format ("2020", "2020");
  assert_format ("2021~", "c. 2021");
  assert_format ("2021-04~", "c. April 2021");
  assert_format ("1863-01-22", "22 January 1863");
  assert_format ("2020-08-09/2020-11-15", "9 August 2020 – 15 November 2020");
}

static void
test_format_ukrainian (void)
{
  g_autofree char *text = NULL;
  LtDate d;

  if (setlocale (LC_ALL, "uk_UA.UTF-8") == NULL)
    {
      g_test_skip ("uk_UA.UTF-8 locale not available");
      return;
    }

  /* With a day, the month takes the genitive form; alone, the nominative. */
  d = parse_ok ("2020-08-09");
  text = lt_date_format (&d);
  g_assert_nonnull (strstr (text, "9 серпня 2020"));
  g_clear_pointer (&text, g_free);

  d = parse_ok ("2020-08");
  text = lt_date_format (&d);
  g_assert_nonnull (strstr (text, "серпень 2020"));
  g_clear_pointer (&text, g_free);

  if (setlocale (LC_ALL, "be_BY.UTF-8") != NULL)
    {
      d = parse_ok ("2020-08-09");
      text = lt_date_format (&d);
      g_assert_nonnull (strstr (text, "9 жніўня 2020"));
      g_clear_pointer (&text, g_free);
    }

  setlocale (LC_ALL, "C.UTF-8");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Letapis/Date/parse-precision", test_parse_precision);
  g_test_add_func ("/Letapis/Date/parse-invalid", test_parse_invalid);
  g_test_add_func ("/Letapis/Date/parse-error-utf8", test_parse_error_is_utf8);
  g_test_add_func ("/Letapis/Date/iso-round-trip", test_iso_round_trip);
  g_test_add_func ("/Letapis/Date/ranges", test_ranges);
  g_test_add_func ("/Letapis/Date/day-axis", test_day_axis);
  g_test_add_func ("/Letapis/Date/order", test_order);
  g_test_add_func ("/Letapis/Date/format-english", test_format_english);
  g_test_add_func ("/Letapis/Date/format-ukrainian", test_format_ukrainian);

  return g_test_run ();
}
