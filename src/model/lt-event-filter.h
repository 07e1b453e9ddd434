/* lt-event-filter.h: what a view asks of the events: a period, categories, an actor, a search text
 *
 * Copyright 2024 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LT_TYPE_EVENT_FILTER (lt_event_filter_get_type ())

/**
 * LtEventFilter:
 * @has_window: whether @start_day and @end_day apply; %FALSE = unbounded
 * @start_day: first day of the window (days since 1970-01-01), inclusive
 * @end_day: last day of the window, inclusive
 * @categories: (nullable): category keys to keep, %NULL = all
 * @actor_id: keep events this actor takes part in, 0 = any
 * @text: (nullable): search text (folded like [method@Store.search]), %NULL = any
 * @include_restricted: whether restricted events are kept
 *
 * Which events a list, a span array or a count shows. An event is in the window
 * when its day span overlaps [@start_day, @end_day].
 * A %NULL filter everywhere means "all public events".
 */
typedef struct
{
  gboolean   has_window;
  gint64     start_day;
  gint64     end_day;
  char     **categories;
  gint64     actor_id;
  char      *text;
  gboolean   include_restricted;
} LtEventFilter;

GType          lt_event_filter_get_type               (void) G_GNUC_CONST;
LtEventFilter *lt_event_filter_new                    (void);
LtEventFilter *lt_event_filter_copy                   (const LtEventFilter *self);
void           lt_event_filter_free                   (LtEventFilter       *self);
gboolean       lt_event_filter_equal                  (const LtEventFilter *a,
                                                       const LtEventFilter *b);
void           lt_event_filter_set_window             (LtEventFilter       *self,
                                                       gint64               start_day,
                                                       gint64               end_day);
void           lt_event_filter_clear_window           (LtEventFilter       *self);
void           lt_event_filter_set_categories         (LtEventFilter       *self,
                                                       const char * const  *categories);
void           lt_event_filter_set_actor              (LtEventFilter       *self,
                                                       gint64               actor_id);
void           lt_event_filter_set_text               (LtEventFilter       *self,
                                                       const char          *text);
void           lt_event_filter_set_include_restricted (LtEventFilter       *self,
                                                       gboolean             include_restricted);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LtEventFilter, lt_event_filter_free)

G_END_DECLS
