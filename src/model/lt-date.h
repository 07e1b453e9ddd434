/* lt-date.h: dates as chronicles give them: a day, a month or a year, parsed and shown
 *
 * Copyright 2024 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * LtPrecision:
 * @LT_PRECISION_YEAR: only the year is known
 * @LT_PRECISION_MONTH: the year and the month are known
 * @LT_PRECISION_DAY: the full date is known
 *
 * How much of a [struct@Date] is known.
 */
typedef enum
{
  LT_PRECISION_YEAR = 1,
  LT_PRECISION_MONTH,
  LT_PRECISION_DAY,
} LtPrecision;

/**
 * LtDate:
 * @year: the year (proleptic Gregorian, may be before 1900 or after 2100)
 * @month: 1..12, or 0 with year precision
 * @day: 1..31, or 0 with year or month precision
 * @precision: a #LtPrecision
 * @approximate: %TRUE for "circa" dates (written with a trailing "~")
 *
 * A partial date: known to the year, the month or the day.
 */
typedef struct
{
  gint32   year;
  guint8   month;
  guint8   day;
  guint8   precision;
  gboolean approximate;
} LtDate;

/**
 * LtDateRange:
 * @start: the first date
 * @end: the last date, meaningful only if @has_end
 * @has_end: whether this is a range ("A/B") or a single date
 */
typedef struct
{
  LtDate   start;
  LtDate   end;
  gboolean has_end;
} LtDateRange;

#define LT_DATE_ERROR (lt_date_error_quark ())

typedef enum
{
  LT_DATE_ERROR_SYNTAX,
  LT_DATE_ERROR_INVALID,
  LT_DATE_ERROR_ORDER,
} LtDateError;

#define LT_TYPE_DATE       (lt_date_get_type ())
#define LT_TYPE_DATE_RANGE (lt_date_range_get_type ())

GQuark       lt_date_error_quark       (void);
GType        lt_date_get_type          (void) G_GNUC_CONST;
GType        lt_date_range_get_type    (void) G_GNUC_CONST;

LtDate      *lt_date_copy              (const LtDate      *d);
void         lt_date_free              (LtDate            *d);
void         lt_date_init_ymd          (LtDate            *d,
                                        gint32             year,
                                        guint              month,
                                        guint              day);
gboolean     lt_date_is_valid          (const LtDate      *d);
gboolean     lt_date_parse             (const char        *text,
                                        LtDate            *out,
                                        GError           **error);
char        *lt_date_to_iso            (const LtDate      *d);
char        *lt_date_format            (const LtDate      *d);
int          lt_date_compare           (const LtDate      *a,
                                        const LtDate      *b);
gboolean     lt_date_equal             (const LtDate      *a,
                                        const LtDate      *b);
gint64       lt_date_first_day         (const LtDate      *d);
gint64       lt_date_last_day          (const LtDate      *d);

LtDateRange *lt_date_range_copy        (const LtDateRange *r);
void         lt_date_range_free        (LtDateRange       *r);
gboolean     lt_date_range_parse       (const char        *text,
                                        LtDateRange       *out,
                                        GError           **error);
char        *lt_date_range_to_iso      (const LtDateRange *r);
char        *lt_date_range_format      (const LtDateRange *r);
char        *lt_date_range_format_text (const char        *text);
int          lt_date_range_compare     (const LtDateRange *a,
                                        const LtDateRange *b);
gboolean     lt_date_range_equal       (const LtDateRange *a,
                                        const LtDateRange *b);
gint64       lt_date_range_first_day   (const LtDateRange *r);
gint64       lt_date_range_last_day    (const LtDateRange *r);
gboolean     lt_date_range_is_approximate (const LtDateRange *r);

gint64       lt_days_from_ymd          (gint32             y,
                                        guint              m,
                                        guint              d);
void         lt_days_to_ymd            (gint64             day,
                                        gint32            *y,
                                        guint             *m,
                                        guint             *d);
guint        lt_days_in_month          (gint32             y,
                                        guint              m);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LtDate, lt_date_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LtDateRange, lt_date_range_free)

G_END_DECLS
