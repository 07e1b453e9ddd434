/* lt-timeline-index-private.h: the lanes of an index, for the frame that reads them
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lt-timeline-index.h"

G_BEGIN_DECLS

#define N_CLASSES       24

typedef struct
{
  gint64   key;
  GArray  *items;      /* LtTimelineItem sorted by start day */
  guint32 *prefix;     /* n_days + 1: first item starting on or after day0 + i */
  guint32 *matched;    /* n_items + 1: matched items before i */
  GArray  *classes[N_CLASSES];  /* guint32 item indices of ranges by log2 of their length */
} LtTimelineLane;

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

static inline const LtEventSpan *
_lt_timeline_index_get_span (LtTimelineIndex *self,
                             guint32          i)
{
  return &g_array_index (self->spans, LtEventSpan, i);
}

/* Ranges are kept in classes by the log2 of their length */
static inline int
_lt_timeline_index_class_of_length (gint64 days)
{
  int k = 0;

  while (days > 1 && k < N_CLASSES - 1)
    {
      days >>= 1;
      k++;
    }

  return k;
}

G_END_DECLS
