/* lt-timeline-time.c: days to pixels and back (LtTimeScale), and days written
 * out in the UI language, whose LC_TIME may differ from LANGUAGE
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-timeline-layout"

#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <math.h>

#include "lt-model.h"
#include "lt-timeline-time.h"

/* Time scale */

/**
 * lt_time_scale_day_to_x:
 * @scale: a time scale
 * @day: days since 1970-01-01
 *
 * Returns: the x coordinate of @day
 */
double
lt_time_scale_day_to_x (const LtTimeScale *scale,
                        double             day)
{
  return (day - scale->start) * scale->px_per_day;
}

/**
 * lt_time_scale_x_to_day:
 * @scale: a time scale
 * @x: a coordinate
 *
 * Returns: the day at @x
 */
double
lt_time_scale_x_to_day (const LtTimeScale *scale,
                        double             x)
{
  return scale->start + x / scale->px_per_day;
}

/**
 * lt_time_scale_get_end:
 * @scale: a time scale
 *
 * Returns: the day at the right edge
 */
double
lt_time_scale_get_end (const LtTimeScale *scale)
{
  return scale->start + scale->width / scale->px_per_day;
}

/**
 * lt_time_scale_set_window:
 * @scale: a time scale with its width set
 * @start: the first day to show
 * @end: the day at the right edge
 *
 * Shows the days from @start to @end, no closer than a minute per 100 pixels.
 */
void
lt_time_scale_set_window (LtTimeScale *scale,
                          double       start,
                          double       end)
{
  double width = MAX (scale->width, 1.0);
  double centre = (start + end) / 2.0;

  if (!isfinite (start) || !isfinite (end))
    return;

  if (!(end - start > width / LT_TIME_SCALE_MAX_PX_PER_DAY))
    {
      scale->px_per_day = LT_TIME_SCALE_MAX_PX_PER_DAY;
      scale->start = centre - width / LT_TIME_SCALE_MAX_PX_PER_DAY / 2.0;
      return;
    }

  scale->px_per_day = MIN (width / (end - start), LT_TIME_SCALE_MAX_PX_PER_DAY);
  scale->start = start;
}

/**
 * lt_time_scale_zoom_at:
 * @scale: a time scale
 * @factor: > 1 zooms in
 * @x: the coordinate that stays in place
 *
 * Zooms around @x, no closer than a minute per 100 pixels.
 */
void
lt_time_scale_zoom_at (LtTimeScale *scale,
                       double       factor,
                       double       x)
{
  double day;
  double ppd;

  /* a NaN here would poison every transform of the frame */
  if (!isfinite (factor) || !isfinite (x) || factor <= 0.0)
    return;

  day = lt_time_scale_x_to_day (scale, x);
  ppd = scale->px_per_day * factor;

  ppd = CLAMP (ppd, 1e-6, LT_TIME_SCALE_MAX_PX_PER_DAY);
  scale->px_per_day = ppd;
  scale->start = day - x / ppd;
}

/**
 * lt_time_scale_clamp:
 * @scale: a time scale
 * @data_first: the first day of the data
 * @data_end: the day after the last day of the data
 *
 * Keeps the window near the data: it shows at most one and a half times the span of the data
 * (at least a year), and its centre stays within the data.
 *
 * Returns: %TRUE if @scale changed
 */
gboolean
lt_time_scale_clamp (LtTimeScale *scale,
                     double       data_first,
                     double       data_end)
{
  double width = MAX (scale->width, 1.0);
  double span = MAX (data_end - data_first, 1.0);
  double min_ppd = width / MAX (span * 1.5, 366.0);
  double old_start = scale->start;
  double old_ppd = scale->px_per_day;
  double half;
  double centre;

  if (scale->px_per_day < min_ppd)
    {
      centre = scale->start + width / scale->px_per_day / 2.0;
      scale->px_per_day = min_ppd;
      scale->start = centre - width / min_ppd / 2.0;
    }
  if (scale->px_per_day > LT_TIME_SCALE_MAX_PX_PER_DAY)
    {
      centre = scale->start + width / scale->px_per_day / 2.0;
      scale->px_per_day = LT_TIME_SCALE_MAX_PX_PER_DAY;
      scale->start = centre - width / scale->px_per_day / 2.0;
    }

  half = width / scale->px_per_day / 2.0;
  centre = scale->start + half;
  if (centre < data_first)
    scale->start = data_first - half;
  else if (centre > data_end)
    scale->start = data_end - half;

  return scale->start != old_start || scale->px_per_day != old_ppd;
}

/* Dates in the UI language */

static struct
{
  char     *key;
  locale_t  locale;
} time_locale_cache;

/**
 * lt_timeline_reset_locale_cache:
 *
 * Forgets the cached time locale, after the program changed its locale.
 */
void
lt_timeline_reset_locale_cache (void)
{
  g_clear_pointer (&time_locale_cache.key, g_free);
  if (time_locale_cache.locale != (locale_t) 0)
    freelocale (time_locale_cache.locale);
  time_locale_cache.locale = (locale_t) 0;
}

/* Returns a locale for LC_TIME in the UI language when the process's LC_TIME is in another
 * language (LANGUAGE=uk over an English locale), or 0 to use the current locale. */
static locale_t
get_time_locale (void)
{
  const char *lang = lt_get_ui_language ();
  const char *current = setlocale (LC_TIME, NULL);
  g_autofree char *key = g_strconcat (lang, "|", current ? current : "", NULL);
  const char *candidates[3] = { NULL, NULL, NULL };

  if (g_strcmp0 (key, time_locale_cache.key) == 0)
    return time_locale_cache.locale;

  lt_timeline_reset_locale_cache ();
  time_locale_cache.key = g_steal_pointer (&key);

  if (current == NULL || g_str_has_prefix (current, lang))
    return (locale_t) 0;

  if (g_str_equal (lang, "en"))
    {
      if (g_str_has_prefix (current, "C") || g_str_has_prefix (current, "POSIX"))
        return (locale_t) 0;
      candidates[0] = "en_US.UTF-8";
      candidates[1] = "C.UTF-8";
    }
  else if (g_str_equal (lang, "uk"))
    candidates[0] = "uk_UA.UTF-8";
  else
    candidates[0] = "be_BY.UTF-8";

  for (guint i = 0; candidates[i] != NULL; i++)
    {
      time_locale_cache.locale = newlocale (LC_TIME_MASK | LC_CTYPE_MASK, candidates[i],
                                            (locale_t) 0);
      if (time_locale_cache.locale != (locale_t) 0)
        break;
    }

  return time_locale_cache.locale;
}

static const char *
time_langinfo (nl_item item)
{
  locale_t locale = get_time_locale ();

  if (locale != (locale_t) 0)
    return nl_langinfo_l (item, locale);

  return nl_langinfo (item);
}

/**
 * lt_timeline_format_day:
 * @day: days since 1970-01-01, the fraction being the time of day
 * @format: a g_date_time_format() format
 *
 * Formats a day in the UI language, e.g. "%OB" gives the standalone month name ("липень").
 *
 * Returns: (transfer full): the text
 */
char *
lt_timeline_format_day (double      day,
                        const char *format)
{
  g_autoptr(GDateTime) dt = NULL;
  double whole;
  gint64 seconds;
  locale_t locale;
  locale_t old = (locale_t) 0;
  char *text;

  g_return_val_if_fail (format != NULL, NULL);

  day = CLAMP (day, -719162.0, 2932896.0);   /* 0001-01-01 to 9999-12-31 */
  whole = floor (day);
  seconds = (gint64) whole * 86400 + (gint64) floor ((day - whole) * 86400.0 + 0.5);
  dt = g_date_time_new_from_unix_utc (seconds);
  if (dt == NULL)
    return g_strdup ("");

  locale = get_time_locale ();
  if (locale != (locale_t) 0)
    old = uselocale (locale);
  text = g_date_time_format (dt, format);
  if (locale != (locale_t) 0)
    uselocale (old);

  return text != NULL ? text : g_strdup ("");
}

/**
 * lt_timeline_locale_day_first:
 *
 * Returns: %TRUE if the locale writes the day before the month ("14.07.2021")
 */
gboolean
lt_timeline_locale_day_first (void)
{
  const char *fmt = time_langinfo (D_FMT);
  const char *d = NULL;
  const char *m = NULL;

  for (const char *p = fmt; p != NULL && *p != '\0'; p++)
    {
      if (*p != '%' || p[1] == '\0')
        continue;
      p++;
      while (*p == '-' || *p == '_' || *p == '0' || *p == 'E' || *p == 'O')
        p++;
      if ((*p == 'd' || *p == 'e') && d == NULL)
        d = p;
      else if ((*p == 'm' || *p == 'b' || *p == 'B') && m == NULL)
        m = p;
      else if (*p == 'D' && m == NULL)   /* %D is %m/%d/%y */
        m = p;
    }

  if (d == NULL || m == NULL)
    return TRUE;

  return d < m;
}

/**
 * lt_timeline_format_long_day:
 * @day: days since 1970-01-01
 *
 * Formats a whole date in the locale's order: "14 July 2021", "July 14, 2021", "14 липня 2021".
 *
 * Returns: (transfer full): the text
 */
char *
lt_timeline_format_long_day (gint64 day)
{
  if (lt_timeline_locale_day_first ())
    return lt_timeline_format_day ((double) day, "%-d %B %Y");
  else
    return lt_timeline_format_day ((double) day, "%B %-d, %Y");
}

/**
 * lt_timeline_get_first_weekday:
 *
 * Returns: the first day of the week in the locale of the UI language
 */
GDateWeekday
lt_timeline_get_first_weekday (void)
{
  union { unsigned int word; const char *string; } langinfo;
  int week_origin;
  int first;
  int week_1stday = 0;

  langinfo.string = time_langinfo (_NL_TIME_FIRST_WEEKDAY);
  first = langinfo.string[0];
  langinfo.string = time_langinfo (_NL_TIME_WEEK_1STDAY);
  week_origin = langinfo.word;

  if (week_origin == 19971130)       /* a Sunday */
    week_1stday = 0;
  else if (week_origin == 19971201)  /* a Monday */
    week_1stday = 1;

  first = (week_1stday + first - 1) % 7;   /* 0 is Sunday */
  if (first < 0)
    first += 7;

  return first == 0 ? G_DATE_SUNDAY : (GDateWeekday) first;
}
