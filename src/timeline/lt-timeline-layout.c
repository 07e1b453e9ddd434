/* lt-timeline-layout.c
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-timeline-layout"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <langinfo.h>
#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "lt-timeline-layout.h"

/* The geometry of the timeline lives here, apart from any widget, so that the tests reach it
 * without a display and the export draws exactly what the view draws. */

#define N_CLASSES       24
#define MAX_PREFIX_DAYS (1 << 21)
#define MAX_LONG_RANGES 48
#define CAPTION_HEIGHT  18.0

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

/* Ticks */

static const LtTickStep tick_steps[] = {
  { LT_TICK_UNIT_MINUTE, 1 },
  { LT_TICK_UNIT_MINUTE, 5 },
  { LT_TICK_UNIT_MINUTE, 15 },
  { LT_TICK_UNIT_MINUTE, 30 },
  { LT_TICK_UNIT_HOUR, 1 },
  { LT_TICK_UNIT_HOUR, 3 },
  { LT_TICK_UNIT_HOUR, 6 },
  { LT_TICK_UNIT_HOUR, 12 },
  { LT_TICK_UNIT_DAY, 1 },
  { LT_TICK_UNIT_WEEK, 1 },
  { LT_TICK_UNIT_MONTH, 1 },
  { LT_TICK_UNIT_MONTH, 3 },
  { LT_TICK_UNIT_MONTH, 6 },
  { LT_TICK_UNIT_YEAR, 1 },
  { LT_TICK_UNIT_YEAR, 2 },
  { LT_TICK_UNIT_YEAR, 5 },
  { LT_TICK_UNIT_YEAR, 10 },
  { LT_TICK_UNIT_YEAR, 20 },
  { LT_TICK_UNIT_YEAR, 50 },
  { LT_TICK_UNIT_YEAR, 100 },
  { LT_TICK_UNIT_YEAR, 200 },
  { LT_TICK_UNIT_YEAR, 500 },
  { LT_TICK_UNIT_YEAR, 1000 },
};

/**
 * lt_tick_step_get_days:
 * @step: a tick step
 *
 * Returns: the shortest distance between two ticks of @step, in days
 */
double
lt_tick_step_get_days (const LtTickStep *step)
{
  switch (step->unit)
    {
    case LT_TICK_UNIT_MINUTE:
      return step->step / 1440.0;
    case LT_TICK_UNIT_HOUR:
      return step->step / 24.0;
    case LT_TICK_UNIT_DAY:
      return step->step;
    case LT_TICK_UNIT_WEEK:
      return step->step * 7.0;
    case LT_TICK_UNIT_MONTH:
      return step->step == 1 ? 28.0 : step->step * 30.4;
    case LT_TICK_UNIT_YEAR:
      return step->step * 365.0;
    case LT_TICK_UNIT_NONE:
    default:
      return 0.0;
    }
}

static int
weekday_of_day (gint64 day)
{
  /* 1970-01-01 was a Thursday; 1 is Monday, 7 is Sunday */
  gint64 w = (day + 3) % 7;

  if (w < 0)
    w += 7;

  return (int) w + 1;
}

static gint64
floor_div (gint64 a,
           gint64 b)
{
  gint64 q = a / b;

  if ((a % b != 0) && ((a < 0) != (b < 0)))
    q--;

  return q;
}

/* Calls @func for each tick of @step from the last one at or before @start to the first one at
 * or after @end. */
static void
enumerate_ticks (const LtTickStep *step,
                 double            start,
                 double            end,
                 GArray           *days)
{
  double d;
  gint64 k;
  gint32 y;
  guint m;
  guint dd;

  g_array_set_size (days, 0);

  switch (step->unit)
    {
    case LT_TICK_UNIT_MINUTE:
    case LT_TICK_UNIT_HOUR:
    case LT_TICK_UNIT_DAY:
      {
        double size = lt_tick_step_get_days (step);

        k = (gint64) floor (start / size);
        do
          {
            d = k * size;
            g_array_append_val (days, d);
            k++;
          }
        while (d < end && days->len < 100000);
      }
      break;

    case LT_TICK_UNIT_WEEK:
      {
        gint64 first = (gint64) floor (start);
        int wd = weekday_of_day (first);
        int fw = lt_timeline_get_first_weekday ();

        first -= (wd - fw + 7) % 7;
        do
          {
            d = (double) first;
            g_array_append_val (days, d);
            first += 7 * step->step;
          }
        while (d < end && days->len < 100000);
      }
      break;

    case LT_TICK_UNIT_MONTH:
      {
        gint64 month;

        lt_days_to_ymd ((gint64) floor (start), &y, &m, &dd);
        month = (gint64) y * 12 + (m - 1);
        month = floor_div (month, step->step) * step->step;
        do
          {
            d = (double) lt_days_from_ymd ((gint32) floor_div (month, 12),
                                           (guint) (month - floor_div (month, 12) * 12) + 1, 1);
            g_array_append_val (days, d);
            month += step->step;
          }
        while (d < end && days->len < 100000);
      }
      break;

    case LT_TICK_UNIT_YEAR:
      {
        gint64 year;

        lt_days_to_ymd ((gint64) floor (start), &y, &m, &dd);
        year = floor_div (y, step->step) * step->step;
        do
          {
            d = (double) lt_days_from_ymd ((gint32) year, 1, 1);
            g_array_append_val (days, d);
            year += step->step;
          }
        while (d < end && days->len < 100000);
      }
      break;

    case LT_TICK_UNIT_NONE:
    default:
      break;
    }
}

/* Month names begin an axis label, so they begin with a capital even where the
 * language writes them in lower case inside a sentence ("липень" → "Липень"). */
static char *
capitalise (char *text)
{
  gunichar first;
  char buf[8];
  int len;
  char *result;

  if (text == NULL || *text == '\0' || !g_utf8_validate (text, -1, NULL))
    return text;

  first = g_utf8_get_char (text);
  len = g_unichar_to_utf8 (g_unichar_totitle (first), buf);
  result = g_strdup_printf ("%.*s%s", len, buf, g_utf8_next_char (text));
  g_free (text);
  return result;
}

/* Our own short month names: the C library's ("кві", "сту", "кас") are cut at
 * three letters wherever that falls, which reads badly on an axis. */
static const char * const month_abbreviations[] = {
  /* Translators: short month names on the timeline's axis, when the full
   * standalone names do not fit; at most 5 letters, a full stop only where
   * the language abbreviates with one */
  NC_("abbreviated month name", "Jan"),
  NC_("abbreviated month name", "Feb"),
  NC_("abbreviated month name", "Mar"),
  NC_("abbreviated month name", "Apr"),
  NC_("abbreviated month name", "May"),
  NC_("abbreviated month name", "Jun"),
  NC_("abbreviated month name", "Jul"),
  NC_("abbreviated month name", "Aug"),
  NC_("abbreviated month name", "Sep"),
  NC_("abbreviated month name", "Oct"),
  NC_("abbreviated month name", "Nov"),
  NC_("abbreviated month name", "Dec"),
};

static char *
minor_label (const LtTickStep *step,
             double            day,
             gboolean          abbreviated)
{
  gint32 y;
  guint m, d;

  switch (step->unit)
    {
    case LT_TICK_UNIT_MINUTE:
    case LT_TICK_UNIT_HOUR:
      return lt_timeline_format_day (day, "%H:%M");
    case LT_TICK_UNIT_DAY:
    case LT_TICK_UNIT_WEEK:
      return lt_timeline_format_day (day, "%-d");
    case LT_TICK_UNIT_MONTH:
      if (!abbreviated)
        /* Standalone month names: "липень", not the genitive "липня" */
        return capitalise (lt_timeline_format_day (day, "%OB"));
      lt_days_to_ymd ((gint64) floor (day), &y, &m, &d);
      return capitalise (g_strdup (g_dpgettext2 (GETTEXT_PACKAGE, "abbreviated month name",
                                                 month_abbreviations[CLAMP (m, 1, 12) - 1])));
    case LT_TICK_UNIT_YEAR:
      return lt_timeline_format_day (day, "%Y");
    case LT_TICK_UNIT_NONE:
    default:
      return NULL;
    }
}

static double
default_measure (const char *text,
                 gpointer    user_data)
{
  return g_utf8_strlen (text, -1) * 7.0;
}

static void
clear_tick (gpointer data)
{
  LtTimelineTick *tick = data;

  g_clear_pointer (&tick->label, g_free);
}

static char *
major_label (LtTickUnit unit,
             double     day)
{
  switch (unit)
    {
    case LT_TICK_UNIT_DAY:
      return lt_timeline_format_long_day ((gint64) floor (day));
    case LT_TICK_UNIT_MONTH:
      return capitalise (lt_timeline_format_day (day, "%OB %Y"));
    case LT_TICK_UNIT_YEAR:
      return lt_timeline_format_day (day, "%Y");
    case LT_TICK_UNIT_MINUTE:
    case LT_TICK_UNIT_HOUR:
    case LT_TICK_UNIT_WEEK:
    case LT_TICK_UNIT_NONE:
    default:
      return NULL;
    }
}

/**
 * lt_timeline_ticks_compute:
 * @start: the first visible day
 * @end: the last visible day
 * @px_per_day: the zoom
 * @measure: (nullable): measures a label in pixels
 * @user_data: data for @measure
 * @minor_step: (out) (optional): the step chosen for the labelled ticks
 * @major_step: (out) (optional): the step of the context ticks ("July 2021" over days)
 *
 * Chooses the finest step, from minutes to millennia, whose labels fit between its ticks,
 * and makes the ticks with labels in the UI language. Major ticks give the context of the
 * minor ones; the one at or before @start is included so a view can keep it at its left edge.
 *
 * Returns: (transfer full) (element-type LtTimelineTick): the ticks, minor then major
 */
GArray *
lt_timeline_ticks_compute (double             start,
                           double             end,
                           double             px_per_day,
                           LtMeasureTextFunc  measure,
                           gpointer           user_data,
                           LtTickStep        *minor_step,
                           LtTickStep        *major_step)
{
  GArray *ticks = g_array_new (FALSE, TRUE, sizeof (LtTimelineTick));
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  LtTickStep chosen = { LT_TICK_UNIT_NONE, 0 };
  LtTickStep major = { LT_TICK_UNIT_NONE, 0 };

  g_array_set_clear_func (ticks, clear_tick);

  if (measure == NULL)
    measure = default_measure;

  if (!(px_per_day > 0.0) || !(end > start))
    goto out;

  for (guint i = 0; i < G_N_ELEMENTS (tick_steps) && chosen.unit == LT_TICK_UNIT_NONE; i++)
    {
      const LtTickStep *step = &tick_steps[i];
      double spacing = lt_tick_step_get_days (step) * px_per_day;

      if (spacing < 24.0)
        continue;

      enumerate_ticks (step, start, end, days);

      for (guint pass = 0; pass < 2; pass++)
        {
          gboolean abbr = pass == 1;
          double widest = 0.0;

          if (abbr && step->unit != LT_TICK_UNIT_MONTH)
            break;

          g_ptr_array_set_size (labels, 0);
          for (guint j = 0; j < days->len; j++)
            {
              char *label = minor_label (step, g_array_index (days, double, j), abbr);

              widest = MAX (widest, measure (label, user_data));
              g_ptr_array_add (labels, label);
            }

          if (widest + 16.0 <= spacing)
            {
              chosen = *step;
              break;
            }
        }
    }

  if (chosen.unit == LT_TICK_UNIT_NONE)
    goto out;

  for (guint j = 0; j < days->len; j++)
    {
      LtTimelineTick tick = { 0 };

      tick.day = g_array_index (days, double, j);
      tick.label = g_strdup (g_ptr_array_index (labels, j));
      g_array_append_val (ticks, tick);
    }

  switch (chosen.unit)
    {
    case LT_TICK_UNIT_MINUTE:
    case LT_TICK_UNIT_HOUR:
      major.unit = LT_TICK_UNIT_DAY;
      major.step = 1;
      break;
    case LT_TICK_UNIT_DAY:
    case LT_TICK_UNIT_WEEK:
      major.unit = LT_TICK_UNIT_MONTH;
      major.step = 1;
      break;
    case LT_TICK_UNIT_MONTH:
      major.unit = LT_TICK_UNIT_YEAR;
      major.step = 1;
      break;
    case LT_TICK_UNIT_YEAR:
    case LT_TICK_UNIT_NONE:
    default:
      break;
    }

  if (major.unit != LT_TICK_UNIT_NONE)
    {
      enumerate_ticks (&major, start, end, days);
      for (guint j = 0; j < days->len; j++)
        {
          LtTimelineTick tick = { 0 };

          tick.day = g_array_index (days, double, j);
          tick.major = TRUE;
          tick.label = major_label (major.unit, tick.day);
          g_array_append_val (ticks, tick);
        }
    }

out:
  if (minor_step != NULL)
    *minor_step = chosen;
  if (major_step != NULL)
    *major_step = major;

  return ticks;
}

/* The index */

typedef struct
{
  gint64   key;
  GArray  *items;      /* LtTimelineItem sorted by start day */
  guint32 *prefix;     /* n_days + 1: first item starting on or after day0 + i */
  guint32 *matched;    /* n_items + 1: matched items before i */
  GArray  *classes[N_CLASSES];  /* guint32 item indices of ranges by log2 of their length */
} Lane;

struct _LtTimelineIndex
{
  gatomicrefcount  ref_count;
  GArray          *spans;
  LtLaneMode       mode;
  GPtrArray       *lanes;
  guint32         *by_id;     /* span indices sorted by event id (sparse ids) */
  guint32         *id_table;  /* id - min_id -> span index + 1, 0 for none (dense ids) */
  gint64           min_id;
  gsize            id_range;
  gboolean         ids_indexed;
  gint32           day0;
  guint            n_days;
  gint64           first_day;
  gint64           last_day;
  gboolean         has_filter;
  guint            n_matched;
};

static void
lane_free (gpointer data)
{
  Lane *lane = data;

  g_clear_pointer (&lane->items, g_array_unref);
  g_clear_pointer (&lane->prefix, g_free);
  g_clear_pointer (&lane->matched, g_free);
  for (guint i = 0; i < N_CLASSES; i++)
    g_clear_pointer (&lane->classes[i], g_array_unref);
  g_free (lane);
}

/* Lanes are sized up front: growing a million-item array by doubling cost more, in
 * copies and page faults, than filling it */
static Lane *
lane_new (gint64 key,
          guint  reserve)
{
  Lane *lane = g_new0 (Lane, 1);

  lane->key = key;
  lane->items = g_array_sized_new (FALSE, FALSE, sizeof (LtTimelineItem), reserve);

  return lane;
}

static inline const LtEventSpan *
get_span (LtTimelineIndex *self,
          guint32          i)
{
  return &g_array_index (self->spans, LtEventSpan, i);
}

static int
compare_by_id (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  LtTimelineIndex *self = user_data;
  gint64 ia = get_span (self, *(const guint32 *) a)->id;
  gint64 ib = get_span (self, *(const guint32 *) b)->id;

  return ia < ib ? -1 : ia > ib ? 1 : 0;
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const LtTimelineItem *ia = a;
  const LtTimelineItem *ib = b;

  if (ia->start_day != ib->start_day)
    return ia->start_day < ib->start_day ? -1 : 1;

  return ia->span < ib->span ? -1 : ia->span > ib->span ? 1 : 0;
}

static int
compare_pairs (gconstpointer a,
               gconstpointer b)
{
  const LtTimelinePair *pa = a;
  const LtTimelinePair *pb = b;

  if (pa->event_id != pb->event_id)
    return pa->event_id < pb->event_id ? -1 : 1;

  return pa->actor_id < pb->actor_id ? -1 : pa->actor_id > pb->actor_id ? 1 : 0;
}

/* Whether the same event and actor came earlier in the event's run (once per role) */
static gboolean
pair_seen_in_run (const LtTimelinePair *pairs,
                  guint                 i)
{
  for (guint j = i; j > 0 && pairs[j - 1].event_id == pairs[i].event_id; j--)
    if (pairs[j - 1].actor_id == pairs[i].actor_id)
      return TRUE;

  return FALSE;
}

typedef struct
{
  gint64 key;
  guint  count;
} KeyCount;

static int
compare_key_counts (gconstpointer a,
                    gconstpointer b)
{
  const KeyCount *ka = a;
  const KeyCount *kb = b;

  if (ka->count != kb->count)
    return ka->count > kb->count ? -1 : 1;

  return ka->key < kb->key ? -1 : ka->key > kb->key ? 1 : 0;
}

static void
item_for_span (const LtEventSpan *span,
               guint32            i,
               LtTimelineItem    *item)
{
  item->start_day = span->start_day;
  item->end_day = MAX (span->end_day, span->start_day);
  item->span = i;
  item->flags = span->flags & 0x3f;
  item->precision = span->precision;
}

static int
class_of_length (gint64 days)
{
  int k = 0;

  while (days > 1 && k < N_CLASSES - 1)
    {
      days >>= 1;
      k++;
    }

  return k;
}

static void
lane_finish (LtTimelineIndex *self,
             Lane            *lane)
{
  LtTimelineItem *items = (LtTimelineItem *) (gpointer) lane->items->data;
  guint n = lane->items->len;
  gboolean sorted = TRUE;

  for (guint i = 1; i < n && sorted; i++)
    sorted = compare_items (&items[i - 1], &items[i]) <= 0;
  if (!sorted)
    g_array_sort (lane->items, compare_items);

  if (self->n_days > 0)
    {
      guint j = 0;

      lane->prefix = g_new (guint32, self->n_days + 1);
      for (guint d = 0; d <= self->n_days; d++)
        {
          while (j < n && items[j].start_day < self->day0 + (gint64) d)
            j++;
          lane->prefix[d] = j;
        }
    }

  for (guint i = 0; i < n; i++)
    {
      gint64 length = (gint64) items[i].end_day - items[i].start_day + 1;
      int k;

      if (length < 2)
        continue;

      k = class_of_length (length);
      if (lane->classes[k] == NULL)
        lane->classes[k] = g_array_new (FALSE, FALSE, sizeof (guint32));
      g_array_append_val (lane->classes[k], i);
    }
}

/* Sorted on first use: the first frame does not need it */
static void
ensure_by_id (LtTimelineIndex *self)
{
  guint n = self->spans->len;
  gboolean sorted = TRUE;

  if (self->by_id != NULL)
    return;

  self->by_id = g_new (guint32, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      self->by_id[i] = i;
      sorted = sorted && (i == 0 || get_span (self, i - 1)->id <= get_span (self, i)->id);
    }
  if (!sorted)
    g_qsort_with_data (self->by_id, n, sizeof (guint32), compare_by_id, self);
}

/* Row ids are dense in practice: a table from id to span is built in one pass, where sorting
 * a million spans by id took 150 ms. Sparse ids fall back to the sorted array. */
static void
ensure_id_lookup (LtTimelineIndex *self)
{
  guint n = self->spans->len;
  gint64 min_id = G_MAXINT64;
  gint64 max_id = G_MININT64;

  if (self->ids_indexed)
    return;
  self->ids_indexed = TRUE;

  for (guint i = 0; i < n; i++)
    {
      min_id = MIN (min_id, get_span (self, i)->id);
      max_id = MAX (max_id, get_span (self, i)->id);
    }

  if (n > 0 && max_id - min_id < (gint64) n * 4 + 1024)
    {
      self->min_id = min_id;
      self->id_range = (gsize) (max_id - min_id + 1);
      self->id_table = g_new0 (guint32, self->id_range);
      for (guint i = 0; i < n; i++)
        self->id_table[get_span (self, i)->id - min_id] = i + 1;
    }
  else
    ensure_by_id (self);
}

static guint32
lookup_span_by_id (LtTimelineIndex *self,
                   gint64           id,
                   gboolean        *found)
{
  guint lo = 0;
  guint hi = self->spans->len;

  ensure_id_lookup (self);
  if (self->id_table != NULL)
    {
      guint32 v = id >= self->min_id && (gsize) (id - self->min_id) < self->id_range
                  ? self->id_table[id - self->min_id] : 0;

      *found = v != 0;
      return v != 0 ? v - 1 : 0;
    }

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (get_span (self, self->by_id[mid])->id < id)
        lo = mid + 1;
      else
        hi = mid;
    }

  *found = lo < self->spans->len && get_span (self, self->by_id[lo])->id == id;

  return *found ? self->by_id[lo] : 0;
}

/**
 * lt_timeline_index_new:
 * @spans: (element-type LtEventSpan): the events, as [method@Store.dup_event_spans] gives them
 * @mode: how events are split into lanes
 * @pairs: (array length=n_pairs) (nullable): events and their actors, for actor lanes
 * @n_pairs: the length of @pairs
 * @max_lanes: for actor and place lanes, how many lanes at most (the last is "Other")
 *
 * Builds the lanes and the count index that lets a frame count the events under any pixel
 * range in constant time, so zoomed-out frames draw aggregates instead of every event.
 *
 * Returns: (transfer full): a new index
 */
LtTimelineIndex *
lt_timeline_index_new (GArray               *spans,
                       LtLaneMode            mode,
                       const LtTimelinePair *pairs,
                       guint                 n_pairs,
                       guint                 max_lanes)
{
  LtTimelineIndex *self;
  guint n;

  g_return_val_if_fail (spans != NULL, NULL);
  g_return_val_if_fail (g_array_get_element_size (spans) == sizeof (LtEventSpan), NULL);

  self = g_new0 (LtTimelineIndex, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->spans = g_array_ref (spans);
  self->mode = mode;
  self->lanes = g_ptr_array_new_with_free_func (lane_free);
  max_lanes = MAX (max_lanes, 2);
  n = spans->len;

  self->first_day = G_MAXINT64;
  self->last_day = G_MININT64;
  for (guint i = 0; i < n; i++)
    {
      const LtEventSpan *span = get_span (self, i);

      self->first_day = MIN (self->first_day, span->start_day);
      self->last_day = MAX (self->last_day, MAX (span->end_day, span->start_day));
    }

  if (n > 0 && self->last_day - self->first_day + 1 < MAX_PREFIX_DAYS)
    {
      self->day0 = (gint32) self->first_day;
      self->n_days = (guint) (self->last_day - self->first_day + 1);
    }

  switch (mode)
    {
    case LT_LANE_MODE_CATEGORY:
      {
        guint n_keys = g_strv_length ((char **) lt_category_list_keys ());
        g_autofree Lane **by_category = g_new0 (Lane *, n_keys + 1);
        g_autofree guint *sizes = g_new0 (guint, n_keys + 1);

        for (guint i = 0; i < n; i++)
          {
            const LtEventSpan *span = get_span (self, i);

            sizes[span->category < n_keys ? span->category : n_keys]++;
          }
        for (guint c = 0; c <= n_keys; c++)
          if (sizes[c] > 0)
            by_category[c] = lane_new (c < n_keys ? (gint64) c : LT_TIMELINE_LANE_OTHER, sizes[c]);
        for (guint c = 0; c <= n_keys; c++)
          if (by_category[c] != NULL)
            g_ptr_array_add (self->lanes, by_category[c]);
        for (guint i = 0; i < n; i++)
          {
            const LtEventSpan *span = get_span (self, i);
            guint c = span->category < n_keys ? span->category : n_keys;
            LtTimelineItem item;

            item_for_span (span, i, &item);
            g_array_append_val (by_category[c]->items, item);
          }
      }
      break;

    case LT_LANE_MODE_PLACE:
      {
        g_autoptr(GHashTable) counts = g_hash_table_new (g_int64_hash, g_int64_equal);
        g_autoptr(GHashTable) lane_of = g_hash_table_new (g_int64_hash, g_int64_equal);
        g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (KeyCount));
        g_autofree gint64 *keys = g_new (gint64, n + 1);
        Lane *other = NULL;

        for (guint i = 0; i < n; i++)
          {
            gint64 place = get_span (self, i)->place;

            keys[i] = place;
            if (place > 0)   /* 0 is "no place" */
              g_hash_table_insert (counts, &keys[i],
                                   GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, &keys[i])) + 1));
          }
        {
          GHashTableIter iter;
          gpointer k, v;

          g_hash_table_iter_init (&iter, counts);
          while (g_hash_table_iter_next (&iter, &k, &v))
            {
              KeyCount kc = { *(gint64 *) k, GPOINTER_TO_UINT (v) };
              g_array_append_val (sorted, kc);
            }
        }
        g_array_sort (sorted, compare_key_counts);
        for (guint i = 0; i < sorted->len && i < max_lanes - 1; i++)
          {
            Lane *lane = lane_new (g_array_index (sorted, KeyCount, i).key, g_array_index (sorted, KeyCount, i).count);

            g_ptr_array_add (self->lanes, lane);
            g_hash_table_insert (lane_of, &lane->key, lane);
          }
        for (guint i = 0; i < n; i++)
          {
            Lane *lane = g_hash_table_lookup (lane_of, &keys[i]);
            LtTimelineItem item;

            if (lane == NULL)
              {
                if (other == NULL)
                  other = lane_new (LT_TIMELINE_LANE_OTHER, 1024);
                lane = other;
              }
            item_for_span (get_span (self, i), i, &item);
            g_array_append_val (lane->items, item);
          }
        if (other != NULL)
          g_ptr_array_add (self->lanes, other);
      }
      break;

    case LT_LANE_MODE_ACTOR:
      {
        g_autoptr(GHashTable) counts = g_hash_table_new (g_int64_hash, g_int64_equal);
        g_autoptr(GHashTable) lane_of = g_hash_table_new (g_int64_hash, g_int64_equal);
        g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (KeyCount));
        g_autofree LtTimelinePair *by_event = g_memdup2 (pairs,
                                                         sizeof (LtTimelinePair) * MAX (n_pairs, 1));
        g_autofree guint32 *first_pair = g_new (guint32, MAX (n, 1));
        Lane *other = NULL;

        if (pairs == NULL)
          n_pairs = 0;
        /* the store gives them by event already; sort only if not */
        for (guint i = 1; i < n_pairs; i++)
          if (by_event[i - 1].event_id > by_event[i].event_id)
            {
              qsort (by_event, n_pairs, sizeof (LtTimelinePair), compare_pairs);
              break;
            }
        for (guint i = 0; i < n_pairs; i++)
          {
            gint64 *key = &by_event[i].actor_id;
            gboolean found;

            if (pair_seen_in_run (by_event, i))
              continue;
            /* Only the events drawn decide the lanes: a link to an event left out (restricted
             * in an export) would otherwise show in which lanes there are, and their order. */
            lookup_span_by_id (self, by_event[i].event_id, &found);
            if (!found)
              continue;
            g_hash_table_insert (counts, key,
                                 GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1));
          }
        {
          GHashTableIter iter;
          gpointer k, v;

          g_hash_table_iter_init (&iter, counts);
          while (g_hash_table_iter_next (&iter, &k, &v))
            {
              KeyCount kc = { *(gint64 *) k, GPOINTER_TO_UINT (v) };
              g_array_append_val (sorted, kc);
            }
        }
        g_array_sort (sorted, compare_key_counts);
        for (guint i = 0; i < sorted->len && i < max_lanes - 1; i++)
          {
            Lane *lane = lane_new (g_array_index (sorted, KeyCount, i).key, g_array_index (sorted, KeyCount, i).count);

            g_ptr_array_add (self->lanes, lane);
            g_hash_table_insert (lane_of, &lane->key, lane);
          }

        /* Where each event's pairs start */
        for (guint i = 0; i < n; i++)
          first_pair[i] = n_pairs;
        for (guint j = 0; j < n_pairs; j++)
          {
            gboolean found;
            guint32 sp;

            if (j > 0 && by_event[j].event_id == by_event[j - 1].event_id)
              continue;
            sp = lookup_span_by_id (self, by_event[j].event_id, &found);
            if (found)
              first_pair[sp] = j;
          }

        /* Walk the events in date order so every lane comes out sorted. An event shows in the
         * lane of each of its actors that has a lane, else in "Other". */
        for (guint i = 0; i < n; i++)
          {
            const LtEventSpan *span = get_span (self, i);
            gboolean placed = FALSE;
            LtTimelineItem item;

            item_for_span (span, i, &item);
            for (guint j = first_pair[i]; j < n_pairs && by_event[j].event_id == span->id; j++)
              {
                Lane *lane;

                if (pair_seen_in_run (by_event, j))
                  continue;
                lane = g_hash_table_lookup (lane_of, &by_event[j].actor_id);
                if (lane != NULL)
                  {
                    g_array_append_val (lane->items, item);
                    placed = TRUE;
                  }
              }
            if (!placed)
              {
                if (other == NULL)
                  other = lane_new (LT_TIMELINE_LANE_OTHER, 1024);
                g_array_append_val (other->items, item);
              }
          }
        if (other != NULL)
          g_ptr_array_add (self->lanes, other);

        /* The hash table keys point into by_event and the lanes: keep lanes' own keys */
        g_hash_table_remove_all (counts);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  for (guint i = 0; i < self->lanes->len; i++)
    lane_finish (self, g_ptr_array_index (self->lanes, i));

  return self;
}

/**
 * lt_timeline_index_ref:
 * @index: an index
 *
 * Returns: (transfer full): @index
 */
LtTimelineIndex *
lt_timeline_index_ref (LtTimelineIndex *index)
{
  g_return_val_if_fail (index != NULL, NULL);

  g_atomic_ref_count_inc (&index->ref_count);

  return index;
}

/**
 * lt_timeline_index_unref:
 * @index: (transfer full): an index
 */
void
lt_timeline_index_unref (LtTimelineIndex *index)
{
  g_return_if_fail (index != NULL);

  if (g_atomic_ref_count_dec (&index->ref_count))
    {
      g_clear_pointer (&index->lanes, g_ptr_array_unref);
      g_clear_pointer (&index->spans, g_array_unref);
      g_clear_pointer (&index->by_id, g_free);
      g_clear_pointer (&index->id_table, g_free);
      g_free (index);
    }
}

/**
 * lt_timeline_index_get_spans:
 * @index: an index
 *
 * Returns: (transfer none) (element-type LtEventSpan): the spans it was built from
 */
GArray *
lt_timeline_index_get_spans (LtTimelineIndex *index)
{
  return index->spans;
}

/**
 * lt_timeline_index_get_mode:
 * @index: an index
 *
 * Returns: how the events are split into lanes
 */
LtLaneMode
lt_timeline_index_get_mode (LtTimelineIndex *index)
{
  return index->mode;
}

/**
 * lt_timeline_index_get_n_lanes:
 * @index: an index
 *
 * Returns: the number of lanes
 */
guint
lt_timeline_index_get_n_lanes (LtTimelineIndex *index)
{
  return index->lanes->len;
}

/**
 * lt_timeline_index_get_lane_key:
 * @index: an index
 * @lane: a lane
 *
 * Returns: the category index, actor id or place index of @lane, or
 *   %LT_TIMELINE_LANE_OTHER
 */
gint64
lt_timeline_index_get_lane_key (LtTimelineIndex *index,
                                guint            lane)
{
  g_return_val_if_fail (lane < index->lanes->len, LT_TIMELINE_LANE_OTHER);

  return ((Lane *) g_ptr_array_index (index->lanes, lane))->key;
}

/**
 * lt_timeline_index_get_lane_n_items:
 * @index: an index
 * @lane: a lane
 *
 * Returns: the number of items in @lane
 */
guint
lt_timeline_index_get_lane_n_items (LtTimelineIndex *index,
                                    guint            lane)
{
  g_return_val_if_fail (lane < index->lanes->len, 0);

  return ((Lane *) g_ptr_array_index (index->lanes, lane))->items->len;
}

/**
 * lt_timeline_index_get_lane_items:
 * @index: an index
 * @lane: a lane
 *
 * Returns: (transfer none): the items of @lane, sorted by start day
 */
const LtTimelineItem *
lt_timeline_index_get_lane_items (LtTimelineIndex *index,
                                  guint            lane)
{
  Lane *l;

  g_return_val_if_fail (lane < index->lanes->len, NULL);

  l = g_ptr_array_index (index->lanes, lane);

  return (const LtTimelineItem *) (gpointer) l->items->data;
}

/**
 * lt_timeline_index_get_extent:
 * @index: an index
 * @first_day: (out): the first day of the data
 * @last_day: (out): the last day of the data, inclusive
 *
 * Returns: %FALSE if there are no events
 */
gboolean
lt_timeline_index_get_extent (LtTimelineIndex *index,
                              gint64          *first_day,
                              gint64          *last_day)
{
  if (index->spans->len == 0)
    return FALSE;

  *first_day = index->first_day;
  *last_day = index->last_day;

  return TRUE;
}

static guint
day_position (LtTimelineIndex *self,
              Lane            *lane,
              gint64           day)
{
  const LtTimelineItem *items = (const LtTimelineItem *) (gpointer) lane->items->data;
  guint lo = 0;
  guint hi = lane->items->len;

  if (lane->prefix != NULL)
    {
      if (day <= self->day0)
        return 0;
      if (day > self->day0 + (gint64) self->n_days)
        return lane->items->len;
      return lane->prefix[day - self->day0];
    }

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (items[mid].start_day < day)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/**
 * lt_timeline_index_position:
 * @index: an index
 * @lane: a lane
 * @day: a day, with a fraction
 *
 * Items of the same day are spread evenly over it, the i-th of k anchored at
 * day + (i + 0.5) / k, so that zooming into a day splits its events.
 *
 * Returns: the first item of @lane anchored at or after @day
 */
guint
lt_timeline_index_position (LtTimelineIndex *index,
                            guint            lane,
                            double           day)
{
  Lane *l = g_ptr_array_index (index->lanes, lane);
  double whole = floor (day);
  gint64 d;
  guint base;
  guint k;
  double r;

  if (whole < -1e12)
    return 0;
  if (whole > 1e12)
    return l->items->len;

  d = (gint64) whole;
  base = day_position (index, l, d);
  k = day_position (index, l, d + 1) - base;
  r = ceil ((day - whole) * k - 0.5);

  return base + (guint) CLAMP (r, 0.0, (double) k);
}

/**
 * lt_timeline_index_item_anchor:
 * @index: an index
 * @lane: a lane
 * @item: an item of @lane
 *
 * Returns: the day where @item is drawn (see [method@TimelineIndex.position])
 */
double
lt_timeline_index_item_anchor (LtTimelineIndex *index,
                               guint            lane,
                               guint            item)
{
  Lane *l = g_ptr_array_index (index->lanes, lane);
  const LtTimelineItem *it = &g_array_index (l->items, LtTimelineItem, item);
  guint base = day_position (index, l, it->start_day);
  guint k = day_position (index, l, (gint64) it->start_day + 1) - base;

  return it->start_day + (item - base + 0.5) / MAX (k, 1);
}

/**
 * lt_timeline_index_count_matched_items:
 * @index: an index
 * @lane: a lane
 * @from_item: the first item
 * @to_item: the item after the last
 *
 * Returns: how many items in the range match the filter (all if there is none)
 */
guint
lt_timeline_index_count_matched_items (LtTimelineIndex *index,
                                       guint            lane,
                                       guint            from_item,
                                       guint            to_item)
{
  Lane *l = g_ptr_array_index (index->lanes, lane);

  if (to_item <= from_item)
    return 0;
  if (l->matched == NULL)
    return to_item - from_item;

  return l->matched[to_item] - l->matched[from_item];
}

/**
 * lt_timeline_index_count:
 * @index: an index
 * @lane: a lane
 * @from_day: the start, with a fraction
 * @to_day: the end, exclusive
 * @matched_only: count only what matches the filter
 *
 * Counts in constant time the items anchored in a range of days.
 *
 * Returns: the count
 */
guint
lt_timeline_index_count (LtTimelineIndex *index,
                         guint            lane,
                         double           from_day,
                         double           to_day,
                         gboolean         matched_only)
{
  guint a = lt_timeline_index_position (index, lane, from_day);
  guint b = lt_timeline_index_position (index, lane, to_day);

  if (matched_only)
    return lt_timeline_index_count_matched_items (index, lane, a, b);

  return b > a ? b - a : 0;
}

/**
 * lt_timeline_index_density:
 * @index: an index
 * @start: the first day
 * @end: the last day
 * @n_bins: the number of bins
 * @matched_only: count only what matches the filter
 * @out_counts: (array length=n_bins): the counts over all lanes
 *
 * Counts the events of all lanes in @n_bins equal bins (for the overview strip).
 */
void
lt_timeline_index_density (LtTimelineIndex *index,
                           double           start,
                           double           end,
                           guint            n_bins,
                           gboolean         matched_only,
                           guint           *out_counts)
{
  memset (out_counts, 0, sizeof (guint) * n_bins);

  for (guint lane = 0; lane < index->lanes->len; lane++)
    {
      guint prev = lt_timeline_index_position (index, lane, start);

      for (guint b = 0; b < n_bins; b++)
        {
          guint next = lt_timeline_index_position (index, lane,
                                                   start + (end - start) * (b + 1) / n_bins);

          if (matched_only)
            out_counts[b] += lt_timeline_index_count_matched_items (index, lane, prev, next);
          else
            out_counts[b] += next - prev;
          prev = next;
        }
    }
}

/**
 * lt_timeline_index_set_matches:
 * @index: an index
 * @ids: (array length=n_ids) (nullable): the events that match, or %NULL for no filter
 * @n_ids: the length of @ids
 *
 * Marks the events that match the filter in force.
 */
void
lt_timeline_index_set_matches (LtTimelineIndex *index,
                               const gint64    *ids,
                               guint            n_ids)
{
  g_autofree guint8 *matched = NULL;

  index->has_filter = ids != NULL;
  index->n_matched = 0;

  if (ids != NULL)
    {
      matched = g_malloc0 (MAX (index->spans->len, 1));
      for (guint i = 0; i < n_ids; i++)
        {
          gboolean found;
          guint32 s = lookup_span_by_id (index, ids[i], &found);

          if (found && !matched[s])
            {
              matched[s] = 1;
              index->n_matched++;
            }
        }
    }
  else
    index->n_matched = index->spans->len;

  for (guint i = 0; i < index->lanes->len; i++)
    {
      Lane *lane = g_ptr_array_index (index->lanes, i);
      LtTimelineItem *items = (LtTimelineItem *) (gpointer) lane->items->data;

      g_clear_pointer (&lane->matched, g_free);
      if (matched == NULL)
        {
          for (guint j = 0; j < lane->items->len; j++)
            items[j].flags |= LT_ITEM_MATCHED;
          continue;
        }

      lane->matched = g_new (guint32, lane->items->len + 1);
      lane->matched[0] = 0;
      for (guint j = 0; j < lane->items->len; j++)
        {
          if (matched[items[j].span])
            items[j].flags |= LT_ITEM_MATCHED;
          else
            items[j].flags &= ~LT_ITEM_MATCHED;
          lane->matched[j + 1] = lane->matched[j] + (matched[items[j].span] ? 1 : 0);
        }
    }
}

/**
 * lt_timeline_index_has_filter:
 * @index: an index
 *
 * Returns: %TRUE if a filter is in force
 */
gboolean
lt_timeline_index_has_filter (LtTimelineIndex *index)
{
  return index->has_filter;
}

/**
 * lt_timeline_index_get_n_matched:
 * @index: an index
 *
 * Returns: how many events match the filter (all without one)
 */
guint
lt_timeline_index_get_n_matched (LtTimelineIndex *index)
{
  return index->has_filter ? index->n_matched : index->spans->len;
}

/**
 * lt_timeline_index_is_matched:
 * @index: an index
 * @event_id: an event
 *
 * Returns: %TRUE if the event exists and matches the filter
 */
gboolean
lt_timeline_index_is_matched (LtTimelineIndex *index,
                              gint64           event_id)
{
  guint lane;
  guint item;

  if (!lt_timeline_index_find_event (index, event_id, &lane, &item))
    return FALSE;

  return (lt_timeline_index_get_lane_items (index, lane)[item].flags & LT_ITEM_MATCHED) != 0
         || !index->has_filter;
}

/**
 * lt_timeline_index_find_event:
 * @index: an index
 * @event_id: an event
 * @lane: (out): its (first) lane
 * @item: (out): its item in that lane
 *
 * Returns: %TRUE if the event is in the index
 */
gboolean
lt_timeline_index_find_event (LtTimelineIndex *index,
                              gint64           event_id,
                              guint           *lane,
                              guint           *item)
{
  gboolean found;
  guint32 s = lookup_span_by_id (index, event_id, &found);
  const LtEventSpan *span;

  if (!found)
    return FALSE;

  span = get_span (index, s);
  for (guint l = 0; l < index->lanes->len; l++)
    {
      Lane *ln = g_ptr_array_index (index->lanes, l);
      const LtTimelineItem *items = (const LtTimelineItem *) (gpointer) ln->items->data;

      for (guint j = day_position (index, ln, span->start_day);
           j < ln->items->len && items[j].start_day == span->start_day;
           j++)
        {
          if (items[j].span == s)
            {
              *lane = l;
              *item = j;
              return TRUE;
            }
        }
    }

  return FALSE;
}

/**
 * lt_timeline_index_next_event:
 * @index: an index
 * @after_day: where to start
 * @direction: 1 for the next event, -1 for the previous one
 * @matched_only: skip events that do not match the filter
 * @lane: (out): the lane of the event found
 * @item: (out): its item
 *
 * Finds the nearest event anchored after (or before) @after_day over all lanes.
 *
 * Returns: %TRUE if there is one
 */
gboolean
lt_timeline_index_next_event (LtTimelineIndex *index,
                              double           after_day,
                              int              direction,
                              gboolean         matched_only,
                              guint           *lane,
                              guint           *item)
{
  double best = direction > 0 ? G_MAXDOUBLE : -G_MAXDOUBLE;
  gboolean found = FALSE;

  for (guint l = 0; l < index->lanes->len; l++)
    {
      Lane *ln = g_ptr_array_index (index->lanes, l);
      const LtTimelineItem *items = (const LtTimelineItem *) (gpointer) ln->items->data;
      guint n = ln->items->len;
      guint p = lt_timeline_index_position (index, l, after_day);
      gint64 j;
      double anchor;

      if (direction > 0)
        {
          /* the anchor at p may equal after_day: step over it */
          j = p;
          while (j < n && lt_timeline_index_item_anchor (index, l, (guint) j) <= after_day + 1e-9)
            j++;
          while (j < n && matched_only && index->has_filter && !(items[j].flags & LT_ITEM_MATCHED))
            j++;
          if (j >= n)
            continue;
        }
      else
        {
          j = (gint64) p - 1;
          while (j >= 0 && matched_only && index->has_filter && !(items[j].flags & LT_ITEM_MATCHED))
            j--;
          if (j < 0)
            continue;
        }

      anchor = lt_timeline_index_item_anchor (index, l, (guint) j);
      if (direction > 0 ? anchor < best : anchor > best)
        {
          best = anchor;
          *lane = l;
          *item = (guint) j;
          found = TRUE;
        }
    }

  return found;
}

/* Placement */

typedef struct
{
  double l;
  double r;
} Interval;

static int
compare_box_order (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const LtLabelBox *boxes = user_data;
  const LtLabelBox *ba = &boxes[*(const guint *) a];
  const LtLabelBox *bb = &boxes[*(const guint *) b];

  if (ba->priority != bb->priority)
    return ba->priority < bb->priority ? -1 : 1;
  if (ba->x != bb->x)
    return ba->x < bb->x ? -1 : 1;

  return 0;
}

static gboolean
row_try_insert_full (GArray   *row,
                     double    l,
                     double    r,
                     double    gap,
                     gboolean  insert)
{
  const Interval *iv = (const Interval *) (gpointer) row->data;
  guint lo = 0;
  guint hi = row->len;
  Interval ins = { l, r };

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (iv[mid].l < l)
        lo = mid + 1;
      else
        hi = mid;
    }

  if (lo > 0 && iv[lo - 1].r + gap > l)
    return FALSE;
  if (lo < row->len && iv[lo].l < r + gap)
    return FALSE;

  if (insert)
    g_array_insert_val (row, lo, ins);

  return TRUE;
}

static gboolean
row_try_insert (GArray *row,
                double  l,
                double  r,
                double  gap)
{
  return row_try_insert_full (row, l, r, gap, TRUE);
}

/**
 * lt_timeline_place_boxes:
 * @boxes: (array length=n_boxes): the boxes to place
 * @n_boxes: the length of @boxes
 * @n_rows: how many rows there are
 * @gap: the least space between two boxes of a row
 *
 * Places boxes into rows without overlap, in priority order: each takes the first row where
 * it fits with its label, else the first where the mark alone fits, else no row. Placing by
 * priority rather than from left to right keeps placements from changing while panning.
 */
void
lt_timeline_place_boxes (LtLabelBox *boxes,
                         guint       n_boxes,
                         guint       n_rows,
                         double      gap)
{
  g_autofree guint *order = g_new (guint, MAX (n_boxes, 1));
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  for (guint r = 0; r < n_rows; r++)
    {
      g_ptr_array_add (rows, g_array_new (FALSE, FALSE, sizeof (Interval)));
      g_ptr_array_add (labels, g_array_new (FALSE, FALSE, sizeof (Interval)));
    }

  for (guint i = 0; i < n_boxes; i++)
    {
      order[i] = i;
      boxes[i].row = -1;
      boxes[i].labelled = FALSE;
    }
  g_qsort_with_data (order, n_boxes, sizeof (guint), compare_box_order, boxes);

  for (guint i = 0; i < n_boxes; i++)
    {
      LtLabelBox *box = &boxes[order[i]];

      if (box->w_label > box->w_min)
        {
          for (guint r = 0; r < n_rows && box->row < 0; r++)
            {
              if (row_try_insert (g_ptr_array_index (rows, r), box->x, box->x + box->w_label, gap))
                {
                  box->row = r;
                  box->labelled = TRUE;
                }
            }
        }

      for (guint r = 0; r < n_rows && box->row < 0; r++)
        {
          if (row_try_insert (g_ptr_array_index (rows, r), box->x, box->x + box->w_min, gap))
            {
              box->row = r;
              box->labelled = box->w_label <= box->w_min;
            }
        }

      if (box->row >= 0 && !box->may_overlap)
        row_try_insert (g_ptr_array_index (labels, box->row), box->x, box->x + box->w_min, 0.0);
      if (box->row >= 0 && box->labelled && box->w_label > box->w_min)
        row_try_insert (g_ptr_array_index (labels, box->row), box->x + box->w_min,
                        box->x + box->w_label, 0.0);
    }

  /* What found no room may still show over other marks, but never over a label */
  for (guint i = 0; i < n_boxes; i++)
    {
      LtLabelBox *box = &boxes[order[i]];

      if (box->row >= 0 || !box->may_overlap)
        continue;
      for (guint r = 0; r < n_rows && box->row < 0; r++)
        if (row_try_insert_full (g_ptr_array_index (labels, r), box->x, box->x + box->w_min, 0.0,
                                 FALSE))
          box->row = r;
    }
}

/* Frames */

typedef struct
{
  LtFrameItem item;
  LtLabelBox  box;
} Candidate;

static guint
hash_priority (gint64 id)
{
  guint64 h = (guint64) id * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);

  return (guint) (h >> 44);   /* 20 bits */
}

static double
badge_width (guint  count,
             double row_height)
{
  guint digits = 1;

  for (guint v = count; v >= 10; v /= 10)
    digits++;

  return MAX (row_height + 2.0, 10.0 + 6.5 * digits);
}

static void
add_event_candidate (LtTimelineIndex     *self,
                     const LtFrameParams *params,
                     LtTimelineFrame     *frame,
                     GArray              *candidates,
                     guint                lane,
                     guint                item_index,
                     gboolean             long_range)
{
  const LtTimelineItem *item = &lt_timeline_index_get_lane_items (self, lane)[item_index];
  const LtEventSpan *span = get_span (self, item->span);
  const LtTimeScale *scale = &params->scale;
  gboolean matched = !self->has_filter || (item->flags & LT_ITEM_MATCHED);
  Candidate c = { { 0 } };
  double label_w = -1.0;
  double anchor = lt_timeline_index_item_anchor (self, lane, item_index);

  c.item.lane = lane;
  c.item.span = item->span;
  c.item.item = item_index;
  c.item.count = 1;
  c.item.n_matched = matched ? 1 : 0;
  c.item.anchor_x = lt_time_scale_day_to_x (scale, anchor);
  c.item.first_day = item->start_day;
  c.item.last_day = item->end_day;
  if (!matched)
    c.item.frame_flags |= LT_FRAME_ITEM_DIMMED;
  if (span->id == params->selected_id)
    c.item.frame_flags |= LT_FRAME_ITEM_SELECTED;

  if (params->measure_span != NULL)
    label_w = params->measure_span (item->span, params->user_data);
  if (label_w < 0.0)
    frame->incomplete = frame->incomplete || params->measure_span != NULL;
  label_w = MIN (label_w, params->max_label_width);

  if (long_range)
    {
      double x0 = lt_time_scale_day_to_x (scale, item->start_day);
      double x1 = lt_time_scale_day_to_x (scale, (double) item->end_day + 1.0);

      c.item.kind = LT_FRAME_ITEM_BAR;
      if (x0 < -4.0)
        {
          x0 = -4.0;
          c.item.frame_flags |= LT_FRAME_ITEM_CLIPPED;
        }
      if (x1 > scale->width + 4.0)
        {
          x1 = scale->width + 4.0;
          c.item.frame_flags |= LT_FRAME_ITEM_CLIPPED;
        }
      c.item.x = x0;
      c.item.w = MAX (x1 - x0, params->mark_size);
      c.box.x = x0;
      c.box.w_min = c.item.w;
      if (label_w <= 0.0)
        c.box.w_label = 0.0;
      else if (label_w + 16.0 <= c.item.w - MAX (0.0, -x0))
        c.box.w_label = c.item.w + 0.5;   /* the label fits inside the bar */
      else
        c.box.w_label = c.item.w + 6.0 + label_w;
      c.box.priority = 100 + (guint) (31 - class_of_length ((gint64) item->end_day - item->start_day + 1));
      c.item.label_w = MAX (label_w, 0.0);
    }
  else
    {
      c.item.kind = LT_FRAME_ITEM_MARK;
      c.item.x = c.item.anchor_x - params->mark_size / 2.0;
      c.item.w = params->mark_size;
      c.box.x = c.item.x;
      c.box.w_min = params->mark_size;
      c.box.w_label = label_w > 0.0 ? params->mark_size + 5.0 + label_w : 0.0;
      c.box.priority = 1000 + hash_priority (span->id);
      c.box.may_overlap = TRUE;   /* a mark with no room still shows over its neighbours */
      c.item.label_w = MAX (label_w, 0.0);
    }

  if (c.item.frame_flags & LT_FRAME_ITEM_SELECTED)
    c.box.priority = 1;
  else if (!matched)
    c.box.priority += 1u << 21;

  g_array_append_val (candidates, c);
}

static void
collect_long_ranges (LtTimelineIndex     *self,
                     const LtFrameParams *params,
                     LtTimelineFrame     *frame,
                     GArray              *candidates,
                     guint                lane,
                     double               min_days,
                     GHashTable          *emitted,
                     LtFrameLane         *fl)
{
  Lane *ln = g_ptr_array_index (self->lanes, lane);
  const LtTimelineItem *items = (const LtTimelineItem *) (gpointer) ln->items->data;
  double v0 = params->scale.start;
  double v1 = lt_time_scale_get_end (&params->scale);
  guint taken = 0;
  guint max_taken = MIN (MAX_LONG_RANGES, 4 * MAX (fl->n_rows, 1));

  for (int k = N_CLASSES - 1; k >= 1; k--)
    {
      GArray *cls = ln->classes[k];
      const guint32 *idx;
      double from;
      guint lo = 0;
      guint hi;

      if (cls == NULL || ldexp (1.0, k + 1) < min_days)
        continue;

      idx = (const guint32 *) (gpointer) cls->data;
      hi = cls->len;
      from = v0 - ldexp (1.0, k + 1);
      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;

          if (items[idx[mid]].start_day < from)
            lo = mid + 1;
          else
            hi = mid;
        }

      for (guint j = lo; j < cls->len && items[idx[j]].start_day < v1; j++)
        {
          const LtTimelineItem *it = &items[idx[j]];
          double length = (double) it->end_day - it->start_day + 1.0;

          if (taken >= max_taken)
            {
              /* Enough bars for the rows; count the rest of the class without visiting it
               * (an upper bound: a few may be short or end before the view) */
              guint end_lo = j;
              guint end_hi = cls->len;

              while (end_lo < end_hi)
                {
                  guint mid = end_lo + (end_hi - end_lo) / 2;

                  if (items[idx[mid]].start_day < v1)
                    end_lo = mid + 1;
                  else
                    end_hi = mid;
                }
              fl->n_hidden_ranges += end_lo - j;
              break;
            }
          if (length < min_days || it->end_day + 1.0 <= v0)
            continue;
          if (params->hide_unmatched && self->has_filter && !(it->flags & LT_ITEM_MATCHED))
            continue;
          add_event_candidate (self, params, frame, candidates, lane, idx[j], TRUE);
          g_hash_table_add (emitted, GUINT_TO_POINTER (idx[j] + 1));
          taken++;
        }
    }
}

/**
 * lt_timeline_frame_build:
 * @index: an index
 * @params: the scale, size and options
 *
 * Lays out one frame: lane bands; bars for ranges long enough to read; marks for events that
 * have room; count badges where a cell of the screen holds more events than the lane has rows,
 * which split as the cells shrink with zoom. Cells sit on an absolute grid so badges do not
 * flicker while panning. Only the visible cells are visited, each counted in constant time.
 *
 * Returns: (transfer full): the frame
 */
LtTimelineFrame *
lt_timeline_frame_build (LtTimelineIndex     *index,
                         const LtFrameParams *params)
{
  LtTimelineFrame *frame = g_new0 (LtTimelineFrame, 1);
  const LtTimeScale *scale = &params->scale;
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (LtLabelBox));
  g_autoptr(GHashTable) emitted = g_hash_table_new (NULL, NULL);
  guint n_lanes = index->lanes->len;
  double lane_h;
  double cw;
  double ppd = scale->px_per_day;
  double row_h = MAX (params->row_height, 4.0);
  gboolean has_selected = FALSE;
  guint sel_lane = 0;
  guint sel_item = 0;

  frame->params = *params;
  frame->lanes = g_array_new (FALSE, TRUE, sizeof (LtFrameLane));
  frame->items = g_array_new (FALSE, TRUE, sizeof (LtFrameItem));

  if (n_lanes == 0 || !(ppd > 0.0) || scale->width <= 0.0 || params->height <= 0.0)
    return frame;

  lane_h = params->height / n_lanes;
  if (params->selected_id != 0)
    has_selected = lt_timeline_index_find_event (index, params->selected_id, &sel_lane, &sel_item);

  for (guint lane = 0; lane < n_lanes; lane++)
    {
      LtFrameLane fl = { 0 };
      double c0;
      double c1;
      guint k;
      gboolean hide = params->hide_unmatched && index->has_filter;
      const LtTimelineItem *lane_items = lt_timeline_index_get_lane_items (index, lane);

      fl.y = params->top + lane * lane_h;
      fl.height = lane_h;
      fl.rows_y = fl.y + CAPTION_HEIGHT;
      fl.n_rows = (guint) MAX (1.0, floor ((lane_h - CAPTION_HEIGHT - 2.0) / row_h));
      k = fl.n_rows;

      g_array_set_size (candidates, 0);
      g_hash_table_remove_all (emitted);

      cw = MAX (params->cell_width, 4.0);
      collect_long_ranges (index, params, frame, candidates, lane, 3.0 * cw / ppd, emitted, &fl);

      /* Cells on an absolute grid, from a label's width left of the view to its right edge.
       * Where counts grow too wide for their badges to sit side by side in the lane's rows,
       * the cells double (still on the grid, so badges stay put while panning). */
      for (guint attempt = 0; attempt < 8; attempt++)
        {
          guint widest = 0;

          c0 = floor ((scale->start * ppd - params->max_label_width) / cw);
          c1 = floor ((lt_time_scale_get_end (scale) * ppd) / cw);
          for (double c = c0; c <= c1; c++)
            widest = MAX (widest, lt_timeline_index_count (index, lane, c * cw / ppd,
                                                           (c + 1.0) * cw / ppd, hide));
          if (widest <= k || badge_width (widest, row_h) + 3.0 <= cw * fl.n_rows)
            break;
          cw *= 2.0;
        }

      for (double c = c0; c <= c1; c++)
        {
          double from = c * cw / ppd;
          double to = (c + 1.0) * cw / ppd;
          guint i0 = lt_timeline_index_position (index, lane, from);
          guint i1 = lt_timeline_index_position (index, lane, to);
          guint n_all = i1 - i0;
          guint n_matched = lt_timeline_index_count_matched_items (index, lane, i0, i1);
          guint n;

          /* long ranges are drawn as bars already: they do not count again in a badge */
          if (g_hash_table_size (emitted) > 0)
            {
              GHashTableIter iter;
              gpointer key;

              g_hash_table_iter_init (&iter, emitted);
              while (g_hash_table_iter_next (&iter, &key, NULL))
                {
                  guint e = GPOINTER_TO_UINT (key) - 1;

                  if (e >= i0 && e < i1)
                    {
                      n_all--;
                      if (!index->has_filter || (lane_items[e].flags & LT_ITEM_MATCHED))
                        n_matched--;
                    }
                }
            }
          n = hide ? n_matched : n_all;

          if (n == 0)
            continue;

          if (n <= k)
            {
              for (guint i = i0; i < i1; i++)
                {
                  if (g_hash_table_contains (emitted, GUINT_TO_POINTER (i + 1)))
                    continue;
                  if (hide && !(lane_items[i].flags & LT_ITEM_MATCHED))
                    continue;
                  add_event_candidate (index, params, frame, candidates, lane, i, FALSE);
                }
            }
          else
            {
              Candidate cand = { { 0 } };
              double a0;
              double a1;
              double mid;
              const LtTimelineItem *items = lt_timeline_index_get_lane_items (index, lane);

              /* The selected event stands out of its cluster, so selecting an event always
               * shows it */
              if (has_selected && lane == sel_lane && sel_item >= i0 && sel_item < i1 &&
                  !g_hash_table_contains (emitted, GUINT_TO_POINTER (sel_item + 1)) &&
                  (!hide || (items[sel_item].flags & LT_ITEM_MATCHED)))
                {
                  add_event_candidate (index, params, frame, candidates, lane, sel_item, FALSE);
                  n_all--;
                  if (!index->has_filter || (items[sel_item].flags & LT_ITEM_MATCHED))
                    n_matched--;
                  n = hide ? n_matched : n_all;
                }

              a0 = lt_timeline_index_item_anchor (index, lane, i0);
              a1 = lt_timeline_index_item_anchor (index, lane, i1 - 1);
              mid = lt_time_scale_day_to_x (scale, (a0 + a1) / 2.0);

              cand.item.kind = LT_FRAME_ITEM_BADGE;
              cand.item.lane = lane;
              cand.item.item = i0;
              cand.item.span = i0;
              cand.item.count = hide ? n_matched : n_all;
              cand.item.n_matched = n_matched;
              cand.item.first_day = items[i0].start_day;
              cand.item.last_day = items[i1 - 1].start_day;
              cand.item.w = badge_width (n, row_h);
              cand.item.x = mid - cand.item.w / 2.0;
              cand.item.anchor_x = mid;
              if (index->has_filter && n_matched == 0)
                cand.item.frame_flags |= LT_FRAME_ITEM_DIMMED;
              cand.box.x = cand.item.x;
              cand.box.w_min = cand.item.w;
              cand.box.w_label = 0.0;
              if (params->measure_count != NULL)
                {
                  cand.item.label_w = params->measure_count (cand.item.count, params->user_data);
                  if (cand.item.label_w > 0.0)
                    cand.box.w_label = cand.item.w + 4.0 + cand.item.label_w;
                }
              cand.box.priority = 10;
              g_array_append_val (candidates, cand);
            }
        }

      /* Place everything of this lane into its rows */
      g_array_set_size (boxes, candidates->len);
      for (guint i = 0; i < candidates->len; i++)
        g_array_index (boxes, LtLabelBox, i) = g_array_index (candidates, Candidate, i).box;
      lt_timeline_place_boxes ((LtLabelBox *) (gpointer) boxes->data, boxes->len, fl.n_rows, 3.0);

      for (guint pass = 0; pass < 3; pass++)
        {
          for (guint i = 0; i < candidates->len; i++)
            {
              Candidate *cand = &g_array_index (candidates, Candidate, i);
              const LtLabelBox *box = &g_array_index (boxes, LtLabelBox, i);
              LtFrameItem item = cand->item;
              guint row;
              double h;

              if ((pass == 0) != (item.kind == LT_FRAME_ITEM_BAR) ||
                  (pass == 2) != (item.kind == LT_FRAME_ITEM_BADGE))
                continue;

              if (box->row < 0)
                continue;
              row = (guint) box->row;
              /* placed to keep placements stable while panning, but a label whose mark is
               * off screen would read as belonging to nothing */
              if (item.x + item.w < 0.0 || item.x > scale->width)
                continue;

              h = item.kind == LT_FRAME_ITEM_MARK ? params->mark_size
                  : item.kind == LT_FRAME_ITEM_BAR ? MIN (row_h - 6.0, params->mark_size)
                  : row_h - 2.0;
              item.y = fl.rows_y + row * row_h + (row_h - h) / 2.0;
              item.h = h;

              if (box->row >= 0 && box->labelled && item.label_w > 0.0)
                {
                  item.frame_flags |= LT_FRAME_ITEM_LABELLED;
                  if (item.kind == LT_FRAME_ITEM_BAR && box->w_label <= box->w_min + 1.0)
                    item.label_x = MAX (item.x, 0.0) + 8.0;
                  else
                    item.label_x = item.x + item.w + (item.kind == LT_FRAME_ITEM_BAR ? 6.0 :
                                                      item.kind == LT_FRAME_ITEM_BADGE ? 4.0 : 5.0);
                }
              else
                item.label_w = 0.0;

              g_array_append_val (frame->items, item);
            }
        }

      g_array_append_val (frame->lanes, fl);
    }

  return frame;
}

/**
 * lt_timeline_frame_free:
 * @frame: (transfer full): a frame
 */
void
lt_timeline_frame_free (LtTimelineFrame *frame)
{
  if (frame == NULL)
    return;

  g_clear_pointer (&frame->lanes, g_array_unref);
  g_clear_pointer (&frame->items, g_array_unref);
  g_free (frame);
}

/**
 * lt_timeline_frame_hit_test:
 * @frame: a frame
 * @x: a coordinate
 * @y: a coordinate
 *
 * Finds what is drawn at a point: the topmost mark, badge or bar, or its label. This serves
 * hover, click, tooltips and tests alike.
 *
 * Returns: (transfer none) (nullable): the item
 */
const LtFrameItem *
lt_timeline_frame_hit_test (LtTimelineFrame *frame,
                            double           x,
                            double           y)
{
  const LtFrameItem *items = (const LtFrameItem *) (gpointer) frame->items->data;
  double slop = 3.0;

  for (guint i = frame->items->len; i > 0; i--)
    {
      const LtFrameItem *item = &items[i - 1];
      double top = item->y - slop;
      double bottom = item->y + item->h + slop;
      double right = item->x + item->w + slop;

      if (item->frame_flags & LT_FRAME_ITEM_LABELLED)
        {
          double row_top = item->y + item->h / 2.0 - frame->params.row_height / 2.0;

          top = MIN (top, row_top);
          bottom = MAX (bottom, row_top + frame->params.row_height);
          right = MAX (right, item->label_x + item->label_w);
        }

      if (x >= item->x - slop && x <= right && y >= top && y <= bottom)
        return item;
    }

  return NULL;
}

/**
 * lt_timeline_frame_find_event:
 * @frame: a frame
 * @index: the index it was built from
 * @event_id: an event
 *
 * Returns: (transfer none) (nullable): the mark or bar of @event_id, if drawn
 */
const LtFrameItem *
lt_timeline_frame_find_event (LtTimelineFrame *frame,
                              LtTimelineIndex *index,
                              gint64           event_id)
{
  for (guint i = 0; i < frame->items->len; i++)
    {
      const LtFrameItem *item = &g_array_index (frame->items, LtFrameItem, i);

      if (item->kind != LT_FRAME_ITEM_BADGE && get_span (index, item->span)->id == event_id)
        return item;
    }

  return NULL;
}
