/* lt-event-filter.c: what a view asks of the events: a period, categories, an actor, a search text
 *
 * Copyright 2024 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-event-filter"

#include "config.h"

#include "lt-event-filter.h"

G_DEFINE_BOXED_TYPE (LtEventFilter, lt_event_filter, lt_event_filter_copy, lt_event_filter_free)

/**
 * lt_event_filter_new:
 *
 * Returns: (transfer full): a filter keeping all public events
 */
LtEventFilter *
lt_event_filter_new (void)
{
  return g_new0 (LtEventFilter, 1);
}

LtEventFilter *
lt_event_filter_copy (const LtEventFilter *self)
{
  LtEventFilter *copy;

  if (self == NULL)
    return NULL;

  copy = g_memdup2 (self, sizeof *self);
  copy->categories = g_strdupv (self->categories);
  copy->text = g_strdup (self->text);

  return copy;
}

void
lt_event_filter_free (LtEventFilter *self)
{
  if (self == NULL)
    return;

  g_strfreev (self->categories);
  g_free (self->text);
  g_free (self);
}

static gboolean
strv_equal0 (char **a,
             char **b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strv_equal ((const char * const *) a, (const char * const *) b);
}

gboolean
lt_event_filter_equal (const LtEventFilter *a,
                       const LtEventFilter *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  if (!!a->has_window != !!b->has_window)
    return FALSE;
  if (a->has_window && (a->start_day != b->start_day || a->end_day != b->end_day))
    return FALSE;

  return strv_equal0 (a->categories, b->categories) &&
         a->actor_id == b->actor_id &&
         g_strcmp0 (a->text, b->text) == 0 &&
         !!a->include_restricted == !!b->include_restricted;
}

void
lt_event_filter_set_window (LtEventFilter *self,
                            gint64         start_day,
                            gint64         end_day)
{
  g_return_if_fail (self != NULL);

  self->has_window = TRUE;
  self->start_day = MIN (start_day, end_day);
  self->end_day = MAX (start_day, end_day);
}

void
lt_event_filter_clear_window (LtEventFilter *self)
{
  g_return_if_fail (self != NULL);

  self->has_window = FALSE;
  self->start_day = 0;
  self->end_day = 0;
}

void
lt_event_filter_set_categories (LtEventFilter      *self,
                                const char * const *categories)
{
  g_return_if_fail (self != NULL);

  g_strfreev (self->categories);
  self->categories = g_strdupv ((char **) categories);
}

void
lt_event_filter_set_actor (LtEventFilter *self,
                           gint64         actor_id)
{
  g_return_if_fail (self != NULL);

  self->actor_id = actor_id;
}

void
lt_event_filter_set_text (LtEventFilter *self,
                          const char    *text)
{
  g_return_if_fail (self != NULL);

  g_free (self->text);
  self->text = (text != NULL && *text != '\0') ? g_strdup (text) : NULL;
}

void
lt_event_filter_set_include_restricted (LtEventFilter *self,
                                        gboolean       include_restricted)
{
  g_return_if_fail (self != NULL);

  self->include_restricted = !!include_restricted;
}
