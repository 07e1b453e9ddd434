/* lt-date.c: dates as chronicles give them: a day, a month or a year, parsed and shown
 *
 * Copyright 2024 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-date"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lt-date.h"

/* Years outside this range would overflow the day arithmetic of callers
 * storing days in 32 bits; it is far beyond anything a chronicle needs. */
#define MIN_YEAR (-99999)
#define MAX_YEAR 99999

G_DEFINE_QUARK (lt-date-error-quark, lt_date_error)
G_DEFINE_BOXED_TYPE (LtDate, lt_date, lt_date_copy, lt_date_free)
G_DEFINE_BOXED_TYPE (LtDateRange, lt_date_range, lt_date_range_copy, lt_date_range_free)

static gboolean
is_leap (gint64 y)
{
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/**
 * lt_days_in_month:
 * @y: a year
 * @m: a month, 1..12
 *
 * Returns: the number of days of month @m in year @y, 0 for an invalid month
 */
guint
lt_days_in_month (gint32 y,
                  guint  m)
{
  static const guint8 days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  if (m < 1 || m > 12)
    return 0;
  if (m == 2 && is_leap (y))
    return 29;
  return days[m - 1];
}

/**
 * lt_days_from_ymd:
 * @y: a year (proleptic Gregorian; year 0 is 1 BCE)
 * @m: a month, 1..12
 * @d: a day of the month, 1..31
 *
 * Returns: the number of days since 1970-01-01 (negative before)
 */
gint64
lt_days_from_ymd (gint32 y,
                  guint  m,
                  guint  d)
{
  /* Howard Hinnant's days_from_civil, with floor division for negative years. */
  gint64 yy = (gint64) y - (m <= 2 ? 1 : 0);
  gint64 era = (yy >= 0 ? yy : yy - 399) / 400;
  gint64 yoe = yy - era * 400;
  gint64 mp = (m + 9) % 12;
  gint64 doy = (153 * mp + 2) / 5 + (gint64) d - 1;
  gint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468;
}

/**
 * lt_days_to_ymd:
 * @day: days since 1970-01-01
 * @y: (out) (optional): the year
 * @m: (out) (optional): the month
 * @d: (out) (optional): the day of the month
 *
 * The inverse of lt_days_from_ymd().
 */
void
lt_days_to_ymd (gint64  day,
                gint32 *y,
                guint  *m,
                guint  *d)
{
  gint64 z = day + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;
  gint64 dd = doy - (153 * mp + 2) / 5 + 1;
  gint64 mm = mp < 10 ? mp + 3 : mp - 9;
  gint64 yy = yoe + era * 400 + (mm <= 2 ? 1 : 0);

  if (y != NULL)
    *y = (gint32) yy;
  if (m != NULL)
    *m = (guint) mm;
  if (d != NULL)
    *d = (guint) dd;
}

LtDate *
lt_date_copy (const LtDate *d)
{
  return d != NULL ? g_memdup2 (d, sizeof *d) : NULL;
}

void
lt_date_free (LtDate *d)
{
  g_free (d);
}

LtDateRange *
lt_date_range_copy (const LtDateRange *r)
{
  return r != NULL ? g_memdup2 (r, sizeof *r) : NULL;
}

void
lt_date_range_free (LtDateRange *r)
{
  g_free (r);
}

/**
 * lt_date_init_ymd:
 * @d: a date to fill
 * @year: the year
 * @month: the month, or 0 for year precision
 * @day: the day, or 0 for month (or year) precision
 *
 * Fills @d with a date of the precision given by the non-zero parts.
 */
void
lt_date_init_ymd (LtDate *d,
                  gint32  year,
                  guint   month,
                  guint   day)
{
  g_return_if_fail (d != NULL);

  d->year = year;
  d->month = month;
  d->day = month != 0 ? day : 0;
  d->approximate = FALSE;
  if (month == 0)
    d->precision = LT_PRECISION_YEAR;
  else if (day == 0)
    d->precision = LT_PRECISION_MONTH;
  else
    d->precision = LT_PRECISION_DAY;
}

/**
 * lt_date_is_valid:
 * @d: a date
 *
 * Returns: whether @d is a real date of its precision
 */
gboolean
lt_date_is_valid (const LtDate *d)
{
  g_return_val_if_fail (d != NULL, FALSE);

  if (d->year < MIN_YEAR || d->year > MAX_YEAR)
    return FALSE;

  switch ((LtPrecision) d->precision)
    {
    case LT_PRECISION_YEAR:
      return d->month == 0 && d->day == 0;
    case LT_PRECISION_MONTH:
      return d->month >= 1 && d->month <= 12 && d->day == 0;
    case LT_PRECISION_DAY:
      return d->month >= 1 && d->month <= 12 &&
             d->day >= 1 && d->day <= lt_days_in_month (d->year, d->month);
    default:
      return FALSE;
    }
}

/* Says which character at @p is unexpected: the whole of a multibyte
 * character (an em dash, a Cyrillic letter) rather than its first byte,
 * and its position counted in characters, as a person counts. */
static void
set_unexpected_error (GError     **error,
                      const char  *text,
                      const char  *p)
{
  gunichar c = g_utf8_get_char_validated (p, -1);
  g_autofree char *shown = g_utf8_make_valid (text, -1);
  char bad[16];
  guint position;

  if (c == (gunichar) -1 || c == (gunichar) -2 || !g_utf8_validate (text, p - text, NULL))
    {
      g_snprintf (bad, sizeof bad, "\\x%02x", (guint) (guchar) *p);
      position = (guint) (p - text) + 1;
    }
  else
    {
      bad[g_unichar_to_utf8 (c, bad)] = '\0';
      position = (guint) g_utf8_pointer_to_offset (text, p) + 1;
    }

  g_set_error (error, LT_DATE_ERROR, LT_DATE_ERROR_SYNTAX,
               /* Translators: the first %s is the date text, the second the bad
                * character, %u its position */
               _("“%s” is not a date: unexpected “%s” at position %u"),
               shown, bad, position);
}

static gboolean
parse_number (const char  *text,
              const char **pos,
              guint        min_digits,
              guint        max_digits,
              gint64      *out,
              const char  *what,
              GError     **error)
{
  const char *p = *pos;
  gint64 value = 0;
  guint n = 0;

  while (g_ascii_isdigit (*p) && n < max_digits)
    {
      value = value * 10 + (*p - '0');
      p++;
      n++;
    }

  if (n < min_digits || (g_ascii_isdigit (*p) && n == max_digits))
    {
      if (*p == '\0' || g_ascii_isdigit (*p))
        g_set_error (error, LT_DATE_ERROR, LT_DATE_ERROR_SYNTAX,
                     /* Translators: the first %s is the date text, the second the part
                      * that is wrong ("the year", "the month"), %u a number of digits */
                     ngettext ("“%s” is not a date: %s must have %u digit",
                               "“%s” is not a date: %s must have %u digits", min_digits),
                     text, what, min_digits);
      else
        set_unexpected_error (error, text, p);
      return FALSE;
    }

  *out = value;
  *pos = p;
  return TRUE;
}

static gboolean
parse_date_part (const char  *text,
                 const char  *start,
                 const char  *end,
                 LtDate      *out,
                 GError     **error)
{
  g_autofree char *part = g_strndup (start, end - start);
  const char *p = part;
  gboolean negative = FALSE;
  gint64 year = 0;
  gint64 month = 0;
  gint64 day = 0;
  LtDate d = { 0 };

  if (*p == '\0')
    {
      g_set_error (error, LT_DATE_ERROR, LT_DATE_ERROR_SYNTAX,
                   _("“%s” is not a date: it is empty"), text);
      return FALSE;
    }

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }

  if (!parse_number (part, &p, 4, 5, &year, _("the year"), error))
    goto fail;

  d.precision = LT_PRECISION_YEAR;

  if (*p == '-')
    {
      p++;
      if (!parse_number (part, &p, 2, 2, &month, _("the month"), error))
        goto fail;
      d.precision = LT_PRECISION_MONTH;

      if (*p == '-')
        {
          p++;
          if (!parse_number (part, &p, 2, 2, &day, _("the day"), error))
            goto fail;
          d.precision = LT_PRECISION_DAY;
        }
    }

  if (*p == '~')
    {
      d.approximate = TRUE;
      p++;
    }

  if (*p != '\0')
    {
      set_unexpected_error (error, part, p);
      goto fail;
    }

  d.year = (gint32) (negative ? -year : year);
  d.month = (guint8) month;
  d.day = (guint8) day;

  if (d.precision >= LT_PRECISION_MONTH && (month < 1 || month > 12))
    {
      g_set_error (error, LT_DATE_ERROR, LT_DATE_ERROR_INVALID,
                   _("“%s” is not a date: there is no month %d"),
                   part, (int) month);
      goto fail;
    }

  if (d.precision == LT_PRECISION_DAY &&
      (day < 1 || day > lt_days_in_month (d.year, d.month)))
    {
      g_set_error (error, LT_DATE_ERROR, LT_DATE_ERROR_INVALID,
                   _("“%s” is not a date: month %d of %d has no day %d"),
                   part, (int) month, (int) d.year, (int) day);
      goto fail;
    }

  *out = d;
  return TRUE;

fail:
  return FALSE;
}

/**
 * lt_date_parse:
 * @text: "2020", "2020-08", "2020-08-09", optionally followed by "~"
 * @out: (out): the date
 * @error: return location for an error naming what is wrong
 *
 * Returns: %TRUE if @text is a valid partial date
 */
gboolean
lt_date_parse (const char  *text,
               LtDate      *out,
               GError     **error)
{
  LtDate d;

  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (text == NULL)
    text = "";

  if (!parse_date_part (text, text, text + strlen (text), &d, error))
    return FALSE;

  *out = d;
  return TRUE;
}

/**
 * lt_date_range_parse:
 * @text: a date, or two dates separated by "/"
 * @out: (out): the range
 * @error: return location for an error
 *
 * Returns: %TRUE if @text is a valid date or range whose end is not before its start
 */
gboolean
lt_date_range_parse (const char   *text,
                     LtDateRange  *out,
                     GError      **error)
{
  const char *slash;
  LtDateRange r = { 0 };

  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (text == NULL)
    text = "";

  slash = strchr (text, '/');
  if (slash == NULL)
    {
      if (!parse_date_part (text, text, text + strlen (text), &r.start, error))
        return FALSE;
      *out = r;
      return TRUE;
    }

  if (strchr (slash + 1, '/') != NULL)
    {
      g_set_error (error, LT_DATE_ERROR, LT_DATE_ERROR_SYNTAX,
                   _("“%s” is not a date range: it has more than one “/”"), text);
      return FALSE;
    }

  if (!parse_date_part (text, text, slash, &r.start, error) ||
      !parse_date_part (text, slash + 1, slash + strlen (slash), &r.end, error))
    return FALSE;

  r.has_end = TRUE;

  if (lt_date_last_day (&r.end) < lt_date_first_day (&r.start))
    {
      g_set_error (error, LT_DATE_ERROR, LT_DATE_ERROR_ORDER,
                   _("“%s” is not a date range: it ends before it starts"), text);
      return FALSE;
    }

  *out = r;
  return TRUE;
}

/**
 * lt_date_to_iso:
 * @d: a date
 *
 * Returns: (transfer full): "2020-08-09", "2020-08~", ...; parses back to @d
 */
char *
lt_date_to_iso (const LtDate *d)
{
  GString *s;

  g_return_val_if_fail (d != NULL, NULL);

  s = g_string_new (NULL);
  if (d->year < 0)
    g_string_append_printf (s, "-%04d", -d->year);
  else
    g_string_append_printf (s, "%04d", d->year);
  if (d->precision >= LT_PRECISION_MONTH)
    g_string_append_printf (s, "-%02u", d->month);
  if (d->precision >= LT_PRECISION_DAY)
    g_string_append_printf (s, "-%02u", d->day);
  if (d->approximate)
    g_string_append_c (s, '~');

  return g_string_free (s, FALSE);
}

/**
 * lt_date_range_to_iso:
 * @r: a range
 *
 * Returns: (transfer full): "A" or "A/B"
 */
char *
lt_date_range_to_iso (const LtDateRange *r)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  g_return_val_if_fail (r != NULL, NULL);

  start = lt_date_to_iso (&r->start);
  if (!r->has_end)
    return g_steal_pointer (&start);

  end = lt_date_to_iso (&r->end);
  return g_strdup_printf ("%s/%s", start, end);
}

/* Month names from the C library for the current LC_TIME: "%B" is the form
 * used with a day ("9 серпня"), "%OB" the standalone form ("серпень 2020"). */
static char *
dup_month_name (guint    month,
                gboolean standalone)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (2000, month, 15, 0, 0, 0);

  return g_date_time_format (dt, standalone ? "%OB" : "%B");
}

static char *
format_year (gint32 year)
{
  if (year <= 0)
    /* Translators: a year before the common era; %d is the year number, e.g. "44 BCE" */
    return g_strdup_printf (_("%d BCE"), 1 - year);
  return g_strdup_printf ("%d", year);
}

/**
 * lt_date_format:
 * @d: a date
 *
 * Formats @d for people, in the current locale: "9 August 2020",
 * "August 2020", "2020", "c. 2021".
 *
 * Returns: (transfer full): the text
 */
char *
lt_date_format (const LtDate *d)
{
  g_autofree char *year = NULL;
  g_autofree char *month = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (d != NULL, NULL);

  if (!lt_date_is_valid (d))
    return lt_date_to_iso (d);

  year = format_year (d->year);

  /* An approximate date has formats of its own: "circa" governs a case in
   * Ukrainian and Belarusian (близько листопада), so it cannot be wrapped
   * around the nominative "листопад 2020". Years before the common era keep
   * the plain wrapper: their year text is not a bare number. */
  switch ((LtPrecision) d->precision)
    {
    case LT_PRECISION_DAY:
      month = dup_month_name (d->month, FALSE);
      if (d->approximate && d->year > 0)
        /* Translators: an approximate full date ("circa 9 August 2020"): %1$u
         * is the day, %2$s the month name as used with a day (genitive in
         * uk/be: "серпня"), %3$s the year */
        return g_strdup_printf (C_("approximate full date", "c. %1$u %2$s %3$s"),
                                d->day, month, year);
      /* Translators: a full date: %1$u is the day, %2$s the month name as
       * used with a day (genitive in uk/be: "серпня"), %3$s the year */
      text = g_strdup_printf (C_("full date", "%1$u %2$s %3$s"), d->day, month, year);
      break;

    case LT_PRECISION_MONTH:
      month = dup_month_name (d->month, TRUE);
      if (d->approximate && d->year > 0)
        /* Translators: an approximate month ("circa August 2020"): %1$s is the
         * standalone month name ("серпень", nominative), %2$s the year; put
         * the "approximately" where the nominative reads right, e.g.
         * "серпень 2020 (приблизно)" */
        return g_strdup_printf (C_("approximate month date", "c. %1$s %2$s"), month, year);
      /* Translators: a month of a year: %1$s the standalone month name ("серпень"), %2$s the year */
      text = g_strdup_printf (C_("month date", "%1$s %2$s"), month, year);
      break;

    case LT_PRECISION_YEAR:
    default:
      if (d->approximate && d->year > 0)
        /* Translators: an approximate year ("circa 2021"); %d is the year:
         * "близько %d року" */
        return g_strdup_printf (C_("approximate year", "c. %d"), (int) d->year);
      text = g_steal_pointer (&year);
      break;
    }

  if (d->approximate)
    /* Translators: an approximate date, "circa"; %s is the date */
    return g_strdup_printf (_("c. %s"), text);

  return g_steal_pointer (&text);
}

/**
 * lt_date_range_format:
 * @r: a range
 *
 * Returns: (transfer full): "9 August 2020 – 15 November 2020" or the start date alone
 */
char *
lt_date_range_format (const LtDateRange *r)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  g_return_val_if_fail (r != NULL, NULL);

  start = lt_date_format (&r->start);
  if (!r->has_end)
    return g_steal_pointer (&start);

  end = lt_date_format (&r->end);
  /* Translators: a date range, from the first date to the second */
  return g_strdup_printf (_("%s – %s"), start, end);
}

/**
 * lt_date_range_format_text:
 * @text: (nullable): a date or a range in the chronicle's form ("2020-11~")
 *
 * Formats a date that a record keeps as text, such as a source's date, like
 * every other date: "c. November 2020". Text that is not a date is returned
 * as it is, so nothing the user entered is lost.
 *
 * Returns: (transfer full) (nullable): the text, %NULL for %NULL or ""
 */
char *
lt_date_range_format_text (const char *text)
{
  LtDateRange range;

  if (text == NULL || *text == '\0')
    return NULL;
  if (!lt_date_range_parse (text, &range, NULL))
    return g_strdup (text);
  return lt_date_range_format (&range);
}

/**
 * lt_date_compare:
 * @a: a date
 * @b: another date
 *
 * Orders by first day; at the same first day the less precise date comes
 * first ("2020" < "2020-01" < "2020-01-01"), then exact before approximate.
 *
 * Returns: negative, 0 or positive
 */
int
lt_date_compare (const LtDate *a,
                 const LtDate *b)
{
  gint64 da, db;

  g_return_val_if_fail (a != NULL && b != NULL, 0);

  da = lt_date_first_day (a);
  db = lt_date_first_day (b);
  if (da != db)
    return da < db ? -1 : 1;
  if (a->precision != b->precision)
    return a->precision < b->precision ? -1 : 1;
  if (!!a->approximate != !!b->approximate)
    return a->approximate ? 1 : -1;
  return 0;
}

gboolean
lt_date_equal (const LtDate *a,
               const LtDate *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return a->year == b->year && a->month == b->month && a->day == b->day &&
         a->precision == b->precision && !!a->approximate == !!b->approximate;
}

/**
 * lt_date_first_day:
 * @d: a date
 *
 * Returns: the first day @d covers (1 January for a year, the 1st for a month)
 */
gint64
lt_date_first_day (const LtDate *d)
{
  g_return_val_if_fail (d != NULL, 0);

  switch ((LtPrecision) d->precision)
    {
    case LT_PRECISION_DAY:
      return lt_days_from_ymd (d->year, d->month, d->day);
    case LT_PRECISION_MONTH:
      return lt_days_from_ymd (d->year, d->month, 1);
    case LT_PRECISION_YEAR:
    default:
      return lt_days_from_ymd (d->year, 1, 1);
    }
}

/**
 * lt_date_last_day:
 * @d: a date
 *
 * Returns: the last day @d covers, inclusive
 */
gint64
lt_date_last_day (const LtDate *d)
{
  g_return_val_if_fail (d != NULL, 0);

  switch ((LtPrecision) d->precision)
    {
    case LT_PRECISION_DAY:
      return lt_days_from_ymd (d->year, d->month, d->day);
    case LT_PRECISION_MONTH:
      return lt_days_from_ymd (d->year, d->month, lt_days_in_month (d->year, d->month));
    case LT_PRECISION_YEAR:
    default:
      return lt_days_from_ymd (d->year, 12, 31);
    }
}

int
lt_date_range_compare (const LtDateRange *a,
                       const LtDateRange *b)
{
  int cmp;
  gint64 ea, eb;

  g_return_val_if_fail (a != NULL && b != NULL, 0);

  cmp = lt_date_compare (&a->start, &b->start);
  if (cmp != 0)
    return cmp;

  ea = lt_date_range_last_day (a);
  eb = lt_date_range_last_day (b);
  if (ea != eb)
    return ea < eb ? -1 : 1;
  if (!!a->has_end != !!b->has_end)
    return a->has_end ? 1 : -1;
  return 0;
}

gboolean
lt_date_range_equal (const LtDateRange *a,
                     const LtDateRange *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (!lt_date_equal (&a->start, &b->start) || !!a->has_end != !!b->has_end)
    return FALSE;
  return !a->has_end || lt_date_equal (&a->end, &b->end);
}

gint64
lt_date_range_first_day (const LtDateRange *r)
{
  g_return_val_if_fail (r != NULL, 0);

  return lt_date_first_day (&r->start);
}

gint64
lt_date_range_last_day (const LtDateRange *r)
{
  g_return_val_if_fail (r != NULL, 0);

  return lt_date_last_day (r->has_end ? &r->end : &r->start);
}

gboolean
lt_date_range_is_approximate (const LtDateRange *r)
{
  g_return_val_if_fail (r != NULL, FALSE);

  return r->start.approximate || (r->has_end && r->end.approximate);
}
