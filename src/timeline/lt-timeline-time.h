/* lt-timeline-time.h: days to pixels and back, and days as text in the UI language
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Time is measured in days since 1970-01-01 as a double: the fraction is the time of day. */

/**
 * LT_TIME_SCALE_MAX_PX_PER_DAY:
 *
 * The closest zoom: 100 pixels per minute.
 */
#define LT_TIME_SCALE_MAX_PX_PER_DAY (100.0 * 24.0 * 60.0)

typedef struct
{
  double start;       /* day at x = 0 */
  double px_per_day;
  double width;       /* pixels */
} LtTimeScale;

double   lt_time_scale_day_to_x        (const LtTimeScale *scale,
                                        double             day);
double   lt_time_scale_x_to_day        (const LtTimeScale *scale,
                                        double             x);
double   lt_time_scale_get_end         (const LtTimeScale *scale);
void     lt_time_scale_set_window      (LtTimeScale       *scale,
                                        double             start,
                                        double             end);
void     lt_time_scale_zoom_at         (LtTimeScale       *scale,
                                        double             factor,
                                        double             x);
gboolean lt_time_scale_clamp           (LtTimeScale       *scale,
                                        double             data_first,
                                        double             data_end);

/* Dates in the UI language (LC_TIME may differ from LANGUAGE) */

char      *lt_timeline_format_day      (double             day,
                                        const char        *format);
char      *lt_timeline_format_long_day (gint64             day);
GDateWeekday lt_timeline_get_first_weekday (void);
gboolean   lt_timeline_locale_day_first (void);
void       lt_timeline_reset_locale_cache (void);

G_END_DECLS
