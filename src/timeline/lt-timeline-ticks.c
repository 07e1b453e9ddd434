/* lt-timeline-ticks.c: the ticks of the time axis: a step for the zoom, and
 * the labels of minor and major ticks that fit
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-timeline-layout"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>

#include "lt-model.h"
#include "lt-timeline-ticks.h"
#include "lt-timeline-time.h"

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
