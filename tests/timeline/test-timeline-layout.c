/* test-timeline-layout.c: the timeline's geometry and the data it shows, without a display
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "lt-language.h"
#include "lt-timeline-data.h"
#include "lt-timeline-layout.h"

static gboolean
use_locale (const char *name)
{
  g_unsetenv ("LANGUAGE");
  if (setlocale (LC_ALL, name) == NULL)
    {
      g_test_skip_printf ("locale %s is not generated", name);
      return FALSE;
    }
  lt_timeline_reset_locale_cache ();
  return TRUE;
}

static gint64
ymd (int y,
     int m,
     int d)
{
  return lt_days_from_ymd (y, m, d);
}

/* Time scale */

static void
test_scale_mapping (void)
{
  LtTimeScale s = { 0, 1, 1000 };
  double before;

  lt_time_scale_set_window (&s, ymd (2020, 1, 1), ymd (2025, 1, 1));
  g_assert_cmpfloat_with_epsilon (lt_time_scale_day_to_x (&s, ymd (2020, 1, 1)), 0.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (lt_time_scale_day_to_x (&s, ymd (2025, 1, 1)), 1000.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (lt_time_scale_x_to_day (&s, 500.0),
                                  (ymd (2020, 1, 1) + ymd (2025, 1, 1)) / 2.0, 1e-6);

  /* zooming keeps the day under the pointer in place */
  before = lt_time_scale_x_to_day (&s, 300.0);
  lt_time_scale_zoom_at (&s, 4.0, 300.0);
  g_assert_cmpfloat_with_epsilon (lt_time_scale_x_to_day (&s, 300.0), before, 1e-6);
  g_assert_cmpfloat_with_epsilon (lt_time_scale_get_end (&s) - s.start,
                                  (ymd (2025, 1, 1) - ymd (2020, 1, 1)) / 4.0, 1e-6);
}

static void
test_scale_bounds (void)
{
  LtTimeScale s = { 0, 1, 1200 };
  double first = ymd (2020, 1, 1);
  double end = ymd (2025, 1, 1);

  /* no closer than a minute per 100 pixels */
  lt_time_scale_set_window (&s, ymd (2021, 7, 14), ymd (2021, 7, 15));
  for (guint i = 0; i < 100; i++)
    lt_time_scale_zoom_at (&s, 2.0, 600);
  g_assert_cmpfloat (s.px_per_day, <=, LT_TIME_SCALE_MAX_PX_PER_DAY);
  g_assert_cmpfloat_with_epsilon ((lt_time_scale_get_end (&s) - s.start) * 24 * 60, 12.0, 1e-6);

  lt_time_scale_set_window (&s, ymd (2021, 7, 14), ymd (2021, 7, 14) + 1e-6);
  g_assert_cmpfloat (s.px_per_day, <=, LT_TIME_SCALE_MAX_PX_PER_DAY);

  /* nothing from a broken event gets in */
  {
    LtTimeScale before = s;

    lt_time_scale_zoom_at (&s, 2.0, NAN);
    lt_time_scale_zoom_at (&s, NAN, 100);
    lt_time_scale_set_window (&s, NAN, 10);
    g_assert_cmpfloat (s.start, ==, before.start);
    g_assert_cmpfloat (s.px_per_day, ==, before.px_per_day);
  }

  /* not out beyond the data by far */
  lt_time_scale_set_window (&s, ymd (1900, 1, 1), ymd (2100, 1, 1));
  g_assert_true (lt_time_scale_clamp (&s, first, end));
  g_assert_cmpfloat (lt_time_scale_get_end (&s) - s.start, <=, (end - first) * 1.5 + 1e-6);
  g_assert_cmpfloat (s.start + (lt_time_scale_get_end (&s) - s.start) / 2, >=, first);
  g_assert_false (lt_time_scale_clamp (&s, first, end));

  /* nor panned away from it */
  lt_time_scale_set_window (&s, ymd (2030, 1, 1), ymd (2031, 1, 1));
  lt_time_scale_clamp (&s, first, end);
  g_assert_cmpfloat_with_epsilon (s.start + (lt_time_scale_get_end (&s) - s.start) / 2, end, 1e-6);
}

/* Ticks */

static GPtrArray *
tick_labels (GArray   *ticks,
             gboolean  major)
{
  GPtrArray *labels = g_ptr_array_new ();

  for (guint i = 0; i < ticks->len; i++)
    {
      LtTimelineTick *t = &g_array_index (ticks, LtTimelineTick, i);

      if (t->major == major && t->label != NULL)
        g_ptr_array_add (labels, t->label);
    }
  g_ptr_array_add (labels, NULL);

  return labels;
}

static gboolean
labels_contain (GPtrArray  *labels,
                const char *label)
{
  return g_strv_contains ((const char * const *) labels->pdata, label);
}

static GArray *
ticks_for (double      start,
           double      end,
           double      width,
           LtTickStep *minor,
           LtTickStep *major)
{
  return lt_timeline_ticks_compute (start, end, width / (end - start), NULL, NULL, minor, major);
}

static void
check_ticks_decade (void)
{
  LtTickStep minor, major;
  g_autoptr(GArray) ticks = ticks_for (ymd (1990, 1, 1), ymd (2030, 1, 1), 1200, &minor, &major);
  g_autoptr(GPtrArray) labels = tick_labels (ticks, FALSE);

  g_assert_cmpint (minor.unit, ==, LT_TICK_UNIT_YEAR);
  g_assert_cmpuint (minor.step, ==, 2);
  g_assert_true (labels_contain (labels, "2020"));
  g_assert_false (labels_contain (labels, "2021"));
  g_assert_cmpint (major.unit, ==, LT_TICK_UNIT_NONE);
}

static void
check_ticks_months (const char *july,
                    const char *year_label)
{
  LtTickStep minor, major;
  g_autoptr(GArray) ticks = ticks_for (ymd (2021, 1, 1), ymd (2022, 1, 1), 1200, &minor, &major);
  g_autoptr(GPtrArray) labels = tick_labels (ticks, FALSE);
  g_autoptr(GPtrArray) majors = tick_labels (ticks, TRUE);

  g_assert_cmpint (minor.unit, ==, LT_TICK_UNIT_MONTH);
  g_assert_cmpuint (minor.step, ==, 1);
  g_assert_true (labels_contain (labels, july));
  g_assert_cmpint (major.unit, ==, LT_TICK_UNIT_YEAR);
  g_assert_true (labels_contain (majors, year_label));

  for (guint i = 0; i < ticks->len; i++)
    {
      LtTimelineTick *t = &g_array_index (ticks, LtTimelineTick, i);
      gint32 y;
      guint m, d;

      lt_days_to_ymd ((gint64) t->day, &y, &m, &d);
      g_assert_cmpuint (d, ==, 1);
      if (t->major)
        g_assert_cmpuint (m, ==, 1);
    }
}

static void
check_ticks_days (const char *month_label)
{
  LtTickStep minor, major;
  g_autoptr(GArray) ticks = ticks_for (ymd (2021, 7, 1), ymd (2021, 7, 21), 1200, &minor, &major);
  g_autoptr(GPtrArray) labels = tick_labels (ticks, FALSE);
  g_autoptr(GPtrArray) majors = tick_labels (ticks, TRUE);

  g_assert_cmpint (minor.unit, ==, LT_TICK_UNIT_DAY);
  g_assert_true (labels_contain (labels, "14"));
  g_assert_cmpint (major.unit, ==, LT_TICK_UNIT_MONTH);
  g_assert_true (labels_contain (majors, month_label));
}

static void
check_ticks_weeks (GDateWeekday first)
{
  LtTickStep minor, major;
  /* 8 px per day: too tight for a label a day, room for one a week */
  g_autoptr(GArray) ticks = lt_timeline_ticks_compute (ymd (2021, 6, 1), ymd (2021, 8, 31), 8.0,
                                                       NULL, NULL, &minor, &major);

  g_assert_cmpint (minor.unit, ==, LT_TICK_UNIT_WEEK);
  g_assert_cmpint (lt_timeline_get_first_weekday (), ==, first);
  for (guint i = 0; i < ticks->len; i++)
    {
      LtTimelineTick *t = &g_array_index (ticks, LtTimelineTick, i);
      gint32 y;
      guint m, d;
      g_autoptr(GDate) date = NULL;

      if (t->major)
        continue;
      lt_days_to_ymd ((gint64) t->day, &y, &m, &d);
      date = g_date_new_dmy (d, m, y);
      g_assert_cmpint (g_date_get_weekday (date), ==, first);
    }
}

static void
check_ticks_hours (const char *day_label)
{
  LtTickStep minor, major;
  double day = ymd (2021, 7, 14);
  g_autoptr(GArray) ticks = ticks_for (day, day + 1, 1200, &minor, &major);
  g_autoptr(GPtrArray) labels = tick_labels (ticks, FALSE);
  g_autoptr(GPtrArray) majors = tick_labels (ticks, TRUE);

  g_assert_cmpint (minor.unit, ==, LT_TICK_UNIT_HOUR);
  g_assert_true (labels_contain (labels, "12:00"));
  g_assert_cmpint (major.unit, ==, LT_TICK_UNIT_DAY);
  g_assert_true (labels_contain (majors, day_label));
}

static void
check_ticks_minutes (void)
{
  LtTickStep minor, major;
  double day = ymd (2021, 7, 14) + 14.0 / 24.0;
  g_autoptr(GArray) ticks = ticks_for (day, day + 12.0 / 1440.0, 1200, &minor, &major);
  g_autoptr(GPtrArray) labels = tick_labels (ticks, FALSE);

  g_assert_cmpint (minor.unit, ==, LT_TICK_UNIT_MINUTE);
  g_assert_cmpuint (minor.step, ==, 1);
  g_assert_true (labels_contain (labels, "14:05"));
}

static void
test_ticks_en (void)
{
  if (!use_locale ("en_US.UTF-8"))
    return;
  g_assert_cmpstr (lt_get_ui_language (), ==, "en");
  check_ticks_decade ();
  check_ticks_months ("July", "2021");
  check_ticks_days ("July 2021");
  check_ticks_weeks (G_DATE_SUNDAY);
  check_ticks_hours ("July 14, 2021");
  check_ticks_minutes ();
}

static void
test_ticks_uk (void)
{
  if (!use_locale ("uk_UA.UTF-8"))
    return;
  g_assert_cmpstr (lt_get_ui_language (), ==, "uk");
  check_ticks_decade ();
  /* standalone forms on the axis: "липень", not the genitive "липня" */
  check_ticks_months ("Липень", "2021");
  check_ticks_days ("Липень 2021");
  check_ticks_weeks (G_DATE_MONDAY);
  check_ticks_hours ("14 липня 2021");
  check_ticks_minutes ();
}

static void
test_ticks_be (void)
{
  if (!use_locale ("be_BY.UTF-8"))
    return;
  g_assert_cmpstr (lt_get_ui_language (), ==, "be");
  check_ticks_decade ();
  check_ticks_months ("Ліпень", "2021");
  check_ticks_days ("Ліпень 2021");
  check_ticks_weeks (G_DATE_MONDAY);
  check_ticks_hours ("14 ліпеня 2021");
  check_ticks_minutes ();
}

static void
test_ticks_language_over_locale (void)
{
  g_autofree char *july = NULL;

  /* LANGUAGE=uk over an English locale: months follow the UI language, like the labels */
  if (!use_locale ("en_US.UTF-8"))
    return;
  g_setenv ("LANGUAGE", "uk", TRUE);
  lt_timeline_reset_locale_cache ();
  g_assert_cmpstr (lt_get_ui_language (), ==, "uk");
  july = lt_timeline_format_day (ymd (2021, 7, 14), "%OB");
  g_assert_cmpstr (july, ==, "липень");
  g_unsetenv ("LANGUAGE");
  lt_timeline_reset_locale_cache ();
}

static void
test_ticks_narrow_month_names (void)
{
  LtTickStep minor, major;
  g_autoptr(GArray) ticks = NULL;
  g_autoptr(GPtrArray) labels = NULL;

  if (!use_locale ("uk_UA.UTF-8"))
    return;

  /* a year over 700 px: full names ("листопад") do not fit, abbreviations do */
  ticks = ticks_for (ymd (2021, 1, 1), ymd (2022, 1, 1), 700, &minor, &major);
  labels = tick_labels (ticks, FALSE);
  g_assert_cmpint (minor.unit, ==, LT_TICK_UNIT_MONTH);
  g_assert_cmpuint (minor.step, ==, 1);
  g_assert_false (labels_contain (labels, "Липень"));
  for (guint i = 0; i + 1 < labels->len; i++)
    g_assert_cmpuint (g_utf8_strlen (labels->pdata[i], -1), <=, 5);
  /* our own abbreviations, not the C library's three letters ("кві", "чер") */
  g_assert_true (labels_contain (labels, "Квіт"));
  g_assert_true (labels_contain (labels, "Черв"));
  g_assert_false (labels_contain (labels, "кві"));
  g_clear_pointer (&ticks, g_array_unref);
  g_clear_pointer (&labels, g_ptr_array_unref);

  if (!use_locale ("be_BY.UTF-8"))
    return;
  ticks = ticks_for (ymd (2021, 1, 1), ymd (2022, 1, 1), 700, &minor, &major);
  labels = tick_labels (ticks, FALSE);
  g_assert_cmpint (minor.unit, ==, LT_TICK_UNIT_MONTH);
  g_assert_true (labels_contain (labels, "Студз"));
  g_assert_true (labels_contain (labels, "Крас"));
  g_assert_false (labels_contain (labels, "кра"));
}

/* Index */

static int
compare_start (gconstpointer a,
               gconstpointer b)
{
  const LtEventSpan *sa = a;
  const LtEventSpan *sb = b;

  if (sa->start_day != sb->start_day)
    return sa->start_day < sb->start_day ? -1 : 1;

  return sa->id < sb->id ? -1 : sa->id > sb->id;
}

static GArray *
make_spans (guint   n,
            gint64  first_day,
            guint   n_days,
            guint32 seed)
{
  GArray *spans = g_array_new (FALSE, TRUE, sizeof (LtEventSpan));
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint n_categories = g_strv_length ((char **) lt_category_list_keys ());

  for (guint i = 0; i < n; i++)
    {
      LtEventSpan s = { 0 };

      s.id = i + 1;
      s.start_day = (gint32) (first_day + g_rand_int_range (rand, 0, n_days));
      s.end_day = s.start_day;
      if (g_rand_int_range (rand, 0, 10) == 0)
        {
          s.end_day += g_rand_int_range (rand, 1, 200);
          s.flags |= LT_SPAN_RANGE;
        }
      s.category = g_rand_int_range (rand, 0, n_categories);
      s.precision = LT_PRECISION_DAY;
      s.place = g_rand_int_range (rand, 0, 30);
      g_array_append_val (spans, s);
    }

  /* as the store gives them: by start day */
  g_array_sort (spans, compare_start);

  return spans;
}

static void
test_index_counts (void)
{
  g_autoptr(GArray) spans = make_spans (2000, ymd (2020, 1, 1), 365 * 4, 7);
  g_autoptr(LtTimelineIndex) index = lt_timeline_index_new (spans, LT_LANE_MODE_CATEGORY, NULL, 0, 12);
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  guint total = 0;
  gint64 first, last;

  g_assert_true (lt_timeline_index_get_extent (index, &first, &last));
  g_assert_cmpint (first, >=, ymd (2020, 1, 1));

  for (guint lane = 0; lane < lt_timeline_index_get_n_lanes (index); lane++)
    {
      const LtTimelineItem *items = lt_timeline_index_get_lane_items (index, lane);
      guint n = lt_timeline_index_get_lane_n_items (index, lane);
      gint64 key = lt_timeline_index_get_lane_key (index, lane);

      total += n;
      for (guint i = 0; i < n; i++)
        {
          double a = lt_timeline_index_item_anchor (index, lane, i);

          g_assert_cmpint (g_array_index (spans, LtEventSpan, items[i].span).category, ==, key);
          /* anchors lie within their day and increase */
          g_assert_cmpfloat (a, >, items[i].start_day);
          g_assert_cmpfloat (a, <, items[i].start_day + 1);
          if (i > 0)
            g_assert_cmpfloat (a, >, lt_timeline_index_item_anchor (index, lane, i - 1));
        }

      /* constant-time counts agree with counting by hand */
      for (guint t = 0; t < 200; t++)
        {
          double from = ymd (2019, 12, 1) + g_rand_double_range (rand, 0, 365 * 4 + 60);
          double to = from + g_rand_double_range (rand, 0, 40);
          guint expected = 0;

          for (guint i = 0; i < n; i++)
            {
              double a = lt_timeline_index_item_anchor (index, lane, i);
              expected += a >= from && a < to;
            }
          g_assert_cmpuint (lt_timeline_index_count (index, lane, from, to, FALSE), ==, expected);
        }
    }
  g_assert_cmpuint (total, ==, spans->len);
}

static void
test_index_lanes_by_place_and_actor (void)
{
  g_autoptr(GArray) spans = make_spans (500, ymd (2020, 1, 1), 365, 11);
  g_autoptr(LtTimelineIndex) by_place = lt_timeline_index_new (spans, LT_LANE_MODE_PLACE, NULL, 0, 5);
  g_autoptr(LtTimelineIndex) by_actor = NULL;
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (LtTimelinePair));
  guint total = 0;
  guint lane;
  guint item;

  /* four lanes for the busiest places, then "Other" with the rest and the place-less */
  g_assert_cmpuint (lt_timeline_index_get_n_lanes (by_place), ==, 5);
  g_assert_cmpint (lt_timeline_index_get_lane_key (by_place, 4), ==, LT_TIMELINE_LANE_OTHER);
  for (guint l = 0; l < 5; l++)
    total += lt_timeline_index_get_lane_n_items (by_place, l);
  g_assert_cmpuint (total, ==, 500);
  for (guint l = 1; l < 4; l++)
    g_assert_cmpuint (lt_timeline_index_get_lane_n_items (by_place, l - 1), >=,
                      lt_timeline_index_get_lane_n_items (by_place, l));

  /* actor 100 takes part in every event, 200 in every other; 300 in one */
  for (guint i = 0; i < spans->len; i++)
    {
      LtTimelinePair p = { g_array_index (spans, LtEventSpan, i).id, 100 };

      g_array_append_val (pairs, p);
      if (p.event_id % 2 == 0)
        {
          p.actor_id = 200;
          g_array_append_val (pairs, p);
        }
      if (p.event_id == 7)
        {
          p.actor_id = 300;
          g_array_append_val (pairs, p);
        }
    }
  by_actor = lt_timeline_index_new (spans, LT_LANE_MODE_ACTOR, (LtTimelinePair *) (gpointer) pairs->data,
                                    pairs->len, 3);
  g_assert_cmpuint (lt_timeline_index_get_n_lanes (by_actor), ==, 2);
  g_assert_cmpint (lt_timeline_index_get_lane_key (by_actor, 0), ==, 100);
  g_assert_cmpint (lt_timeline_index_get_lane_key (by_actor, 1), ==, 200);
  g_assert_cmpuint (lt_timeline_index_get_lane_n_items (by_actor, 0), ==, 500);
  g_assert_cmpuint (lt_timeline_index_get_lane_n_items (by_actor, 1), ==, 250);

  g_assert_true (lt_timeline_index_find_event (by_actor, 8, &lane, &item));
  g_assert_cmpint (g_array_index (spans, LtEventSpan,
                                  lt_timeline_index_get_lane_items (by_actor, lane)[item].span).id, ==, 8);
  g_assert_false (lt_timeline_index_find_event (by_actor, 100000, &lane, &item));

  /* links of events that are not drawn (restricted, in a public export) decide no lane:
   * actor 400 took part in many such events, none of them here */
  g_clear_pointer (&by_actor, lt_timeline_index_unref);
  for (guint i = 0; i < 600; i++)
    {
      LtTimelinePair p = { 100000 + i, 400 };

      g_array_append_val (pairs, p);
    }
  by_actor = lt_timeline_index_new (spans, LT_LANE_MODE_ACTOR, (LtTimelinePair *) (gpointer) pairs->data,
                                    pairs->len, 3);
  g_assert_cmpuint (lt_timeline_index_get_n_lanes (by_actor), ==, 2);
  g_assert_cmpint (lt_timeline_index_get_lane_key (by_actor, 0), ==, 100);
  g_assert_cmpint (lt_timeline_index_get_lane_key (by_actor, 1), ==, 200);
}

static void
test_index_matches_and_next (void)
{
  g_autoptr(GArray) spans = make_spans (300, ymd (2021, 1, 1), 100, 5);
  g_autoptr(LtTimelineIndex) index = lt_timeline_index_new (spans, LT_LANE_MODE_CATEGORY, NULL, 0, 12);
  gint64 ids[] = { 5, 10, 15, 20, 999999 };
  guint matched = 0;
  guint lane, item;
  double day = ymd (2020, 12, 1);
  guint steps = 0;

  g_assert_cmpuint (lt_timeline_index_get_n_matched (index), ==, 300);
  lt_timeline_index_set_matches (index, ids, G_N_ELEMENTS (ids));
  g_assert_true (lt_timeline_index_has_filter (index));
  g_assert_cmpuint (lt_timeline_index_get_n_matched (index), ==, 4);
  for (guint l = 0; l < lt_timeline_index_get_n_lanes (index); l++)
    matched += lt_timeline_index_count (index, l, ymd (2020, 1, 1), ymd (2022, 1, 1), TRUE);
  g_assert_cmpuint (matched, ==, 4);
  g_assert_true (lt_timeline_index_is_matched (index, 10));
  g_assert_false (lt_timeline_index_is_matched (index, 11));

  /* stepping through matched events visits exactly the four, in date order */
  while (lt_timeline_index_next_event (index, day, 1, TRUE, &lane, &item))
    {
      double next = lt_timeline_index_item_anchor (index, lane, item);

      g_assert_cmpfloat (next, >, day);
      day = next;
      steps++;
    }
  g_assert_cmpuint (steps, ==, 4);
  g_assert_true (lt_timeline_index_next_event (index, day + 1, -1, TRUE, &lane, &item));
  g_assert_cmpfloat (lt_timeline_index_item_anchor (index, lane, item), ==, day);

  lt_timeline_index_set_matches (index, NULL, 0);
  g_assert_false (lt_timeline_index_has_filter (index));
  g_assert_cmpuint (lt_timeline_index_get_n_matched (index), ==, 300);
}

static void
test_index_sparse_ids (void)
{
  g_autoptr(GArray) spans = make_spans (300, ymd (2021, 1, 1), 100, 8);
  g_autoptr(LtTimelineIndex) index = NULL;
  gint64 ids[] = { 7 * 1000003, 150 * 1000003 };
  guint lane, item;

  /* ids far apart are looked up through a sorted array instead of a table */
  for (guint i = 0; i < spans->len; i++)
    g_array_index (spans, LtEventSpan, i).id *= 1000003;
  index = lt_timeline_index_new (spans, LT_LANE_MODE_CATEGORY, NULL, 0, 12);

  for (guint i = 0; i < spans->len; i += 17)
    {
      gint64 id = g_array_index (spans, LtEventSpan, i).id;

      g_assert_true (lt_timeline_index_find_event (index, id, &lane, &item));
      g_assert_cmpint (g_array_index (spans, LtEventSpan, lt_timeline_index_get_lane_items (index, lane)[item].span).id,
                       ==, id);
    }
  g_assert_false (lt_timeline_index_find_event (index, 5, &lane, &item));
  lt_timeline_index_set_matches (index, ids, G_N_ELEMENTS (ids));
  g_assert_cmpuint (lt_timeline_index_get_n_matched (index), ==, 2);
}

/* Placement */

static void
test_place_boxes (void)
{
  LtLabelBox boxes[] = {
    { 0, 10, 200, 5 },
    { 50, 10, 100, 1 },      /* more important: placed first, labelled */
    { 100, 10, 100, 9 },
    { 120, 10, 10, 9 },      /* no label (w_label <= w_min) */
    { 300, 10, 100, 9 },
  };
  guint n = G_N_ELEMENTS (boxes);

  lt_timeline_place_boxes (boxes, n, 2, 3.0);

  g_assert_cmpint (boxes[1].row, ==, 0);
  g_assert_true (boxes[1].labelled);
  g_assert_cmpint (boxes[0].row, ==, 1);   /* its label would cover box 1 in row 0 */
  g_assert_true (boxes[0].labelled);
  g_assert_cmpint (boxes[4].row, ==, 0);
  g_assert_true (boxes[4].labelled);

  /* nothing placed overlaps */
  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < n; j++)
      {
        double ri, rj;

        if (i == j || boxes[i].row < 0 || boxes[i].row != boxes[j].row)
          continue;
        ri = boxes[i].x + (boxes[i].labelled ? MAX (boxes[i].w_label, boxes[i].w_min) : boxes[i].w_min);
        rj = boxes[j].x + (boxes[j].labelled ? MAX (boxes[j].w_label, boxes[j].w_min) : boxes[j].w_min);
        g_assert_true (ri <= boxes[j].x || rj <= boxes[i].x);
      }
}

/* Frames */

static double
measure_span_cb (guint32  span,
                 gpointer user_data)
{
  return 90.0;
}

static LtFrameParams
frame_params (double start,
              double end)
{
  LtFrameParams p = { { 0 } };

  p.scale.width = 1200;
  lt_time_scale_set_window (&p.scale, start, end);
  p.top = 30;
  p.height = 480;
  p.row_height = 20;
  p.cell_width = 28;
  p.mark_size = 12;
  p.max_label_width = 220;
  p.measure_span = measure_span_cb;

  return p;
}

static gboolean
spans_overlap (double a0,
               double a1,
               double b0,
               double b1)
{
  return a0 < b1 && b0 < a1;
}

/* Marks may cover marks where there is no room, but nothing covers a label */
static void
assert_labels_do_not_overlap (LtTimelineFrame *frame)
{
  for (guint i = 0; i < frame->items->len; i++)
    for (guint j = 0; j < frame->items->len; j++)
      {
        const LtFrameItem *a = &g_array_index (frame->items, LtFrameItem, i);
        const LtFrameItem *b = &g_array_index (frame->items, LtFrameItem, j);

        if (i == j || !(b->frame_flags & LT_FRAME_ITEM_LABELLED) || b->label_w <= 0)
          continue;
        if (a->lane != b->lane || fabs ((a->y + a->h / 2) - (b->y + b->h / 2)) > 1)
          continue;
        /* a bar's label may sit inside its own bar */
        g_assert_false (spans_overlap (a->x, a->x + a->w, b->label_x, b->label_x + b->label_w) &&
                        !(a->kind == LT_FRAME_ITEM_BAR && i == j));
        if (a->frame_flags & LT_FRAME_ITEM_LABELLED && a->label_w > 0)
          g_assert_false (spans_overlap (a->label_x, a->label_x + a->label_w, b->label_x, b->label_x + b->label_w));
      }
}

/* Every event of the window is drawn, alone or counted in a badge */
static guint
count_drawn_events (LtTimelineFrame *frame)
{
  guint n = 0;

  for (guint i = 0; i < frame->items->len; i++)
    {
      const LtFrameItem *item = &g_array_index (frame->items, LtFrameItem, i);

      n += item->kind == LT_FRAME_ITEM_BADGE ? item->count : 1;
    }

  return n;
}

/* No label crosses the right edge; an export draws every event and cuts no title */
static void
test_frame_edge_and_keep_all (void)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, TRUE, sizeof (LtEventSpan));
  g_autoptr(LtTimelineIndex) index = NULL;
  g_autoptr(LtTimelineFrame) screen = NULL;
  g_autoptr(LtTimelineFrame) export = NULL;
  LtFrameParams params;
  gboolean any_left = FALSE;

  /* in one lane, one row: a crowd of events a few days apart, and one at the very end */
  for (guint i = 0; i < 12; i++)
    {
      LtEventSpan s = { 0 };

      s.id = i + 1;
      s.start_day = s.end_day = (gint32) (i < 11 ? ymd (2021, 3, 1) + 9 * i : ymd (2021, 12, 30));
      s.category = 1;
      s.precision = LT_PRECISION_DAY;
      g_array_append_val (spans, s);
    }
  index = lt_timeline_index_new (spans, LT_LANE_MODE_CATEGORY, NULL, 0, 12);
  params = frame_params (ymd (2021, 1, 1), ymd (2022, 1, 1));
  params.height = 40;   /* one row */

  screen = lt_timeline_frame_build (index, &params);
  for (guint i = 0; i < screen->items->len; i++)
    {
      const LtFrameItem *item = &g_array_index (screen->items, LtFrameItem, i);

      if (!(item->frame_flags & LT_FRAME_ITEM_LABELLED) || item->label_w <= 0)
        continue;
      g_assert_cmpfloat (item->label_x + item->label_w, <=, params.scale.width);
      g_assert_cmpfloat (item->label_x, >=, 0);
      any_left = any_left || item->label_x < item->x;
    }
  /* the last event's label went left of its mark */
  g_assert_true (any_left);
  assert_labels_do_not_overlap (screen);
  /* on screen what finds no room may be left out ... */
  g_assert_cmpuint (count_drawn_events (screen), <, 12);

  /* ... an export keeps it, over its neighbours, with a key number's room */
  params.keep_all = TRUE;
  params.number_width = 14;
  export = lt_timeline_frame_build (index, &params);
  g_assert_cmpuint (count_drawn_events (export), ==, 12);
  assert_labels_do_not_overlap (export);
}

static double
measure_long_cb (guint32  span,
                 gpointer user_data)
{
  return 400.0;   /* wider than a label may be */
}

static double
measure_wrapped_cb (guint32  span,
                    gpointer user_data)
{
  return span == 0 ? 200.0 : -1.0;   /* the first fits in two lines, the second does not */
}

/* An export wraps a long title to two lines, or leaves it to the key: never "…" */
static void
test_frame_two_lines (void)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, TRUE, sizeof (LtEventSpan));
  g_autoptr(LtTimelineIndex) index = NULL;
  g_autoptr(LtTimelineFrame) frame = NULL;
  LtFrameParams params;

  for (guint i = 0; i < 2; i++)
    {
      LtEventSpan s = { 0 };

      s.id = i + 1;
      s.start_day = s.end_day = (gint32) ymd (2021, 4 + 4 * i, 1);
      s.category = 1;
      s.precision = LT_PRECISION_DAY;
      g_array_append_val (spans, s);
    }
  index = lt_timeline_index_new (spans, LT_LANE_MODE_CATEGORY, NULL, 0, 12);
  params = frame_params (ymd (2021, 1, 1), ymd (2022, 1, 1));
  params.height = 40;
  params.keep_all = TRUE;
  params.measure_span = measure_long_cb;
  params.measure_span_wrapped = measure_wrapped_cb;
  frame = lt_timeline_frame_build (index, &params);

  g_assert_cmpuint (frame->items->len, ==, 2);
  for (guint i = 0; i < frame->items->len; i++)
    {
      const LtFrameItem *item = &g_array_index (frame->items, LtFrameItem, i);

      if (item->span == 0)
        {
          g_assert_true (item->frame_flags & LT_FRAME_ITEM_TALL);
          g_assert_true (item->frame_flags & LT_FRAME_ITEM_LABELLED);
          g_assert_cmpfloat (item->label_w, ==, 200.0);
        }
      else
        g_assert_false (item->frame_flags & LT_FRAME_ITEM_LABELLED);
    }
}

static void
test_frame_clusters_split_with_zoom (void)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, TRUE, sizeof (LtEventSpan));
  g_autoptr(LtTimelineIndex) index = NULL;
  g_autoptr(LtTimelineFrame) far = NULL;
  g_autoptr(LtTimelineFrame) near = NULL;
  LtFrameParams params;
  guint badges = 0;
  guint clustered = 0;
  guint marks = 0;
  gint64 day = ymd (2021, 7, 14);

  /* forty events on one day in one category, one a month before */
  for (guint i = 0; i < 41; i++)
    {
      LtEventSpan s = { 0 };

      s.id = i + 1;
      s.start_day = s.end_day = (gint32) (i == 0 ? day - 30 : day);
      s.category = 2;
      s.precision = LT_PRECISION_DAY;
      g_array_append_val (spans, s);
    }
  index = lt_timeline_index_new (spans, LT_LANE_MODE_CATEGORY, NULL, 0, 12);
  g_assert_cmpuint (lt_timeline_index_get_n_lanes (index), ==, 1);

  /* zoomed out to years: the day is one badge of 40, the lone event a labelled mark */
  params = frame_params (ymd (2020, 1, 1), ymd (2025, 1, 1));
  far = lt_timeline_frame_build (index, &params);
  for (guint i = 0; i < far->items->len; i++)
    {
      const LtFrameItem *it = &g_array_index (far->items, LtFrameItem, i);

      if (it->kind == LT_FRAME_ITEM_BADGE)
        {
          badges++;
          clustered += it->count;
        }
      else
        marks++;
    }
  g_assert_cmpuint (badges, ==, 1);
  g_assert_cmpuint (clustered, ==, 40);
  g_assert_cmpuint (marks, ==, 1);

  /* selecting one of them takes it out of the badge */
  {
    g_autoptr(LtTimelineFrame) selected = NULL;
    guint in_badges = 0;
    gboolean shown = FALSE;

    params.selected_id = 20;
    selected = lt_timeline_frame_build (index, &params);
    for (guint i = 0; i < selected->items->len; i++)
      {
        const LtFrameItem *it = &g_array_index (selected->items, LtFrameItem, i);

        if (it->kind == LT_FRAME_ITEM_BADGE)
          in_badges += it->count;
        else if (g_array_index (spans, LtEventSpan, it->span).id == 20)
          shown = (it->frame_flags & LT_FRAME_ITEM_SELECTED) != 0;
      }
    g_assert_true (shown);
    g_assert_cmpuint (in_badges, ==, 39);
    params.selected_id = 0;
  }

  /* zoomed into the day, the events spread over it and the badge splits */
  params = frame_params (day, day + 1);
  near = lt_timeline_frame_build (index, &params);
  badges = marks = 0;
  for (guint i = 0; i < near->items->len; i++)
    {
      const LtFrameItem *it = &g_array_index (near->items, LtFrameItem, i);

      badges += it->kind == LT_FRAME_ITEM_BADGE;
      marks += it->kind == LT_FRAME_ITEM_MARK;
    }
  g_assert_cmpuint (badges, ==, 0);
  g_assert_cmpuint (marks, ==, 40);
  assert_labels_do_not_overlap (near);
}

static void
test_frame_hit_test_and_labels (void)
{
  g_autoptr(GArray) spans = make_spans (400, ymd (2021, 6, 1), 92, 21);
  g_autoptr(LtTimelineIndex) index = lt_timeline_index_new (spans, LT_LANE_MODE_CATEGORY, NULL, 0, 12);
  LtFrameParams params = frame_params (ymd (2021, 6, 1), ymd (2021, 9, 1));
  g_autoptr(LtTimelineFrame) frame = NULL;
  guint n_marks = 0;

  params.selected_id = g_array_index (spans, LtEventSpan, 200).id;
  frame = lt_timeline_frame_build (index, &params);
  g_assert_cmpuint (frame->lanes->len, ==, lt_timeline_index_get_n_lanes (index));
  assert_labels_do_not_overlap (frame);

  for (guint i = 0; i < frame->items->len; i++)
    {
      const LtFrameItem *it = &g_array_index (frame->items, LtFrameItem, i);
      const LtFrameItem *hit;
      const LtFrameLane *lane = &g_array_index (frame->lanes, LtFrameLane, it->lane);

      /* everything sits inside its lane */
      g_assert_cmpfloat (it->y, >=, lane->y);
      g_assert_cmpfloat (it->y + it->h, <=, lane->y + lane->height + 0.01);

      if (it->kind != LT_FRAME_ITEM_MARK)
        continue;
      n_marks++;
      hit = lt_timeline_frame_hit_test (frame, it->x + it->w / 2, it->y + it->h / 2);
      g_assert_nonnull (hit);
      /* a mark drawn over a neighbour may win, but it is an event at the same place */
      g_assert_cmpfloat (fabs (hit->anchor_x - it->anchor_x), <=, it->w);
    }
  g_assert_cmpuint (n_marks, >, 0);
  g_assert_null (lt_timeline_frame_hit_test (frame, 600, 5));

  /* the selected event is labelled whenever it is drawn on its own */
  {
    const LtFrameItem *sel = lt_timeline_frame_find_event (frame, index, params.selected_id);

    if (sel != NULL)
      {
        g_assert_true (sel->frame_flags & LT_FRAME_ITEM_SELECTED);
        g_assert_true (sel->frame_flags & LT_FRAME_ITEM_LABELLED);
      }
  }
}

static void
test_frame_ranges_and_filter (void)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, TRUE, sizeof (LtEventSpan));
  g_autoptr(LtTimelineIndex) index = NULL;
  g_autoptr(LtTimelineFrame) frame = NULL;
  LtFrameParams params;
  LtEventSpan s = { 0 };
  gint64 only[] = { 2 };
  guint bars = 0;

  /* a long range from before the view, a month-precision event, a point */
  s.id = 1; s.start_day = (gint32) ymd (2020, 8, 9); s.end_day = (gint32) ymd (2022, 1, 1);
  s.flags = LT_SPAN_RANGE; s.precision = LT_PRECISION_DAY;
  g_array_append_val (spans, s);
  s.id = 2; s.start_day = (gint32) ymd (2021, 4, 1); s.end_day = (gint32) ymd (2021, 4, 30);
  s.flags = LT_SPAN_APPROXIMATE; s.precision = LT_PRECISION_MONTH;
  g_array_append_val (spans, s);
  s.id = 3; s.start_day = s.end_day = (gint32) ymd (2021, 5, 5); s.flags = 0; s.precision = LT_PRECISION_DAY;
  g_array_append_val (spans, s);
  index = lt_timeline_index_new (spans, LT_LANE_MODE_CATEGORY, NULL, 0, 12);

  params = frame_params (ymd (2021, 3, 1), ymd (2021, 7, 1));
  frame = lt_timeline_frame_build (index, &params);
  for (guint i = 0; i < frame->items->len; i++)
    {
      const LtFrameItem *it = &g_array_index (frame->items, LtFrameItem, i);

      if (it->kind != LT_FRAME_ITEM_BAR)
        continue;
      bars++;
      if (g_array_index (spans, LtEventSpan, it->span).id == 1)
        {
          /* clipped at both edges, labelled inside from the left edge */
          g_assert_true (it->frame_flags & LT_FRAME_ITEM_CLIPPED);
          g_assert_cmpfloat (it->x, <, 0);
          g_assert_cmpfloat (it->x + it->w, >, 1200);
          g_assert_cmpfloat (it->label_x, >=, 0);
        }
    }
  g_assert_cmpuint (bars, ==, 2);   /* the range, and April as a soft period */

  /* hiding what does not match leaves the April event alone */
  lt_timeline_index_set_matches (index, only, 1);
  params.hide_unmatched = TRUE;
  g_clear_pointer (&frame, lt_timeline_frame_free);
  frame = lt_timeline_frame_build (index, &params);
  g_assert_cmpuint (frame->items->len, ==, 1);
  g_assert_cmpint (g_array_index (spans, LtEventSpan, g_array_index (frame->items, LtFrameItem, 0).span).id, ==, 2);

  /* dimming keeps them, dimmed */
  params.hide_unmatched = FALSE;
  g_clear_pointer (&frame, lt_timeline_frame_free);
  frame = lt_timeline_frame_build (index, &params);
  g_assert_cmpuint (frame->items->len, ==, 3);
  for (guint i = 0; i < frame->items->len; i++)
    {
      const LtFrameItem *it = &g_array_index (frame->items, LtFrameItem, i);
      gboolean dimmed = (it->frame_flags & LT_FRAME_ITEM_DIMMED) != 0;

      g_assert_cmpint (dimmed, ==, g_array_index (spans, LtEventSpan, it->span).id != 2);
    }
}

static void
test_frame_bounded_for_many_events (void)
{
  g_autoptr(GArray) spans = make_spans (200000, ymd (2015, 1, 1), 365 * 10, 99);
  g_autoptr(LtTimelineIndex) index = lt_timeline_index_new (spans, LT_LANE_MODE_CATEGORY, NULL, 0, 12);
  double windows[][2] = {
    { ymd (2015, 1, 1), ymd (2025, 1, 1) },
    { ymd (2021, 6, 1), ymd (2021, 9, 1) },
    { ymd (2021, 7, 14), ymd (2021, 7, 15) },
    { ymd (2021, 7, 14) + 0.5, ymd (2021, 7, 14) + 0.5 + 1.0 / 24 },
  };

  for (guint w = 0; w < G_N_ELEMENTS (windows); w++)
    {
      LtFrameParams params = frame_params (windows[w][0], windows[w][1]);
      g_autoptr(LtTimelineFrame) frame = NULL;
      guint shown = 0;

      frame = lt_timeline_frame_build (index, &params);
      for (guint i = 0; i < frame->items->len; i++)
        shown += g_array_index (frame->items, LtFrameItem, i).count;

      /* a frame draws aggregates: its items are bounded by the screen, not the data */
      g_assert_cmpuint (frame->items->len, <=, 8 * ((1200 + 220) / 28 + 2) * 3 + 8 * 48);
      g_assert_cmpuint (frame->items->len, >, 0);
      if (w == 0)
        g_assert_cmpuint (shown, >=, 190000);
    }
}

/* One answer for the whole interface: the language gettext really translates into. Where
 * gettext ignores LANGUAGE (the C locale) or has no catalogue, that is English, and the months
 * on the axis must be English too, not Ukrainian beside English labels. */
static void
test_ui_language (void)
{
  g_autofree char *july = NULL;
  g_autofree char *saved_dir = g_strdup (bindtextdomain (GETTEXT_PACKAGE, NULL));

  if (!use_locale ("uk_UA.UTF-8"))
    return;
  g_assert_cmpstr (lt_get_ui_language (), ==, "uk");

  /* LANGUAGE picks the catalogue over an English locale */
  if (!use_locale ("en_US.UTF-8"))
    return;
  g_setenv ("LANGUAGE", "be:uk", TRUE);
  g_assert_cmpstr (lt_get_ui_language (), ==, "be");
  g_assert_cmpstr (_("Timeline"), ==, "Часавая шкала");

  /* gettext ignores LANGUAGE under the C locale */
  setlocale (LC_ALL, "C");
  g_setenv ("LANGUAGE", "uk", TRUE);
  lt_timeline_reset_locale_cache ();
  g_assert_cmpstr (lt_get_ui_language (), ==, "en");
  g_assert_cmpstr (_("Timeline"), ==, "Timeline");
  july = lt_timeline_format_day (ymd (2021, 7, 14), "%OB");
  g_assert_cmpstr (july, ==, "July");
  g_clear_pointer (&july, g_free);

  /* a Ukrainian locale without the catalogue installed: English strings, English months */
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "uk_UA.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, "/nonexistent");
  lt_timeline_reset_locale_cache ();
  g_assert_cmpstr (lt_get_ui_language (), ==, "en");
  july = lt_timeline_format_day (ymd (2021, 7, 14), "%OB");
  g_assert_cmpstr (july, ==, "July");

  bindtextdomain (GETTEXT_PACKAGE, saved_dir);
  use_locale ("en_US.UTF-8");
}

/* The data */

static void
count_cb (guint *n)
{
  (*n)++;
}

static gint64
add_event (LtStore    *store,
           const char *date,
           const char *category)
{
  g_autoptr(LtEvent) event = lt_event_new ();
  g_autoptr(GError) error = NULL;
  LtDateRange range;
  gint64 id;

  g_assert_true (lt_date_range_parse (date, &range, NULL));
  lt_event_set_title (event, date);
  lt_event_set_category (event, category);
  lt_event_set_date_range (event, &range);
  id = lt_store_add_event (store, event, &error);
  g_assert_no_error (error);

  return id;
}

/* What a timeline shows needs no GTK: this binary links none. It says when it changed, but
 * not while it is asked for its index, which reads the events then. */
static void
test_data_headless (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LtStore) store = lt_store_open (":memory:", &error);
  LtTimelineData *data = lt_timeline_data_new ();
  const char * const war[] = { "war", NULL };
  double first, end;
  guint n_changed = 0;
  guint before;
  gint64 id;

  g_assert_no_error (error);
  add_event (store, "2021-07-14", "war");
  add_event (store, "2021-07-20", "protest");
  g_signal_connect_swapped (data, "changed", G_CALLBACK (count_cb), &n_changed);

  g_assert_false (lt_timeline_data_get_extent (data, &first, &end));
  lt_timeline_data_set_store (data, store);
  g_assert_cmpuint (n_changed, ==, 1);

  g_assert_cmpuint (lt_timeline_data_get_n_events (data), ==, 2);
  g_assert_nonnull (lt_timeline_data_get_index (data));
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_true (lt_timeline_data_get_extent (data, &first, &end));
  g_assert_cmpfloat (first, ==, lt_days_from_ymd (2021, 7, 14));
  g_assert_cmpfloat (end, ==, lt_days_from_ymd (2021, 7, 21));

  lt_timeline_data_set_categories (data, war);
  g_assert_cmpuint (n_changed, ==, 2);
  g_assert_cmpuint (lt_timeline_data_get_n_matched (data), ==, 1);
  g_assert_true (lt_timeline_index_has_filter (lt_timeline_data_get_index (data)));
  lt_timeline_data_set_categories (data, NULL);
  g_assert_cmpuint (lt_timeline_data_get_n_matched (data), ==, 2);

  /* the store's changes come through */
  before = n_changed;
  id = add_event (store, "2022-02-24", "war");
  g_assert_cmpuint (n_changed, >, before);
  g_assert_cmpuint (lt_timeline_data_get_n_events (data), ==, 3);
  g_assert_cmpint (lt_timeline_data_get_span_event (data, 2), ==, id);

  before = n_changed;
  lt_timeline_data_set_lane_mode (data, LT_LANE_MODE_PLACE);
  g_assert_cmpint (lt_timeline_data_get_lane_mode (data), ==, LT_LANE_MODE_PLACE);
  g_assert_cmpuint (n_changed, ==, before + 1);
  g_assert_cmpuint (lt_timeline_index_get_n_lanes (lt_timeline_data_get_index (data)), >, 0);

  lt_timeline_data_set_store (data, NULL);
  g_assert_cmpuint (lt_timeline_data_get_n_events (data), ==, 0);
  g_assert_finalize_object (data);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("LETAPIS_LOCALEDIR");

  g_unsetenv ("LANGUAGE");
  g_setenv ("TZ", "UTC", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  /* the short month names are ours, in the catalogues */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/Letapis/Timeline/scale/mapping", test_scale_mapping);
  g_test_add_func ("/Letapis/Timeline/scale/bounds", test_scale_bounds);
  g_test_add_func ("/Letapis/Timeline/ticks/en", test_ticks_en);
  g_test_add_func ("/Letapis/Timeline/ticks/uk", test_ticks_uk);
  g_test_add_func ("/Letapis/Timeline/ticks/be", test_ticks_be);
  g_test_add_func ("/Letapis/Timeline/ticks/language-over-locale", test_ticks_language_over_locale);
  g_test_add_func ("/Letapis/Timeline/ticks/narrow-month-names", test_ticks_narrow_month_names);
  g_test_add_func ("/Letapis/Timeline/ui-language", test_ui_language);
  g_test_add_func ("/Letapis/Timeline/index/counts", test_index_counts);
  g_test_add_func ("/Letapis/Timeline/index/lanes", test_index_lanes_by_place_and_actor);
  g_test_add_func ("/Letapis/Timeline/index/matches", test_index_matches_and_next);
  g_test_add_func ("/Letapis/Timeline/index/sparse-ids", test_index_sparse_ids);
  g_test_add_func ("/Letapis/Timeline/place-boxes", test_place_boxes);
  g_test_add_func ("/Letapis/Timeline/frame/clusters", test_frame_clusters_split_with_zoom);
  g_test_add_func ("/Letapis/Timeline/frame/hit-test", test_frame_hit_test_and_labels);
  g_test_add_func ("/Letapis/Timeline/frame/ranges-and-filter", test_frame_ranges_and_filter);
  g_test_add_func ("/Letapis/Timeline/frame/bounded", test_frame_bounded_for_many_events);
  g_test_add_func ("/Letapis/Timeline/frame/edge-and-keep-all", test_frame_edge_and_keep_all);
  g_test_add_func ("/Letapis/Timeline/frame/two-lines", test_frame_two_lines);
  g_test_add_func ("/Letapis/Timeline/data/headless", test_data_headless);

  return g_test_run ();
}
