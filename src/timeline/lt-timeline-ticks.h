/* lt-timeline-ticks.h: the ticks of the time axis and their labels
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Axis ticks */

typedef enum
{
  LT_TICK_UNIT_MINUTE,
  LT_TICK_UNIT_HOUR,
  LT_TICK_UNIT_DAY,
  LT_TICK_UNIT_WEEK,
  LT_TICK_UNIT_MONTH,
  LT_TICK_UNIT_YEAR,
  LT_TICK_UNIT_NONE,
} LtTickUnit;

typedef struct
{
  LtTickUnit unit;
  guint      step;
} LtTickStep;

typedef struct
{
  double   day;
  gboolean major;
  char    *label;   /* owned, may be NULL */
} LtTimelineTick;

typedef double (*LtMeasureTextFunc) (const char *text,
                                     gpointer    user_data);

GArray  *lt_timeline_ticks_compute     (double             start,
                                        double             end,
                                        double             px_per_day,
                                        LtMeasureTextFunc  measure,
                                        gpointer           user_data,
                                        LtTickStep        *minor_step,
                                        LtTickStep        *major_step);
double   lt_tick_step_get_days         (const LtTickStep  *step);

G_END_DECLS
