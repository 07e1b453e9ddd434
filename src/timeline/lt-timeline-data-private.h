/* lt-timeline-data-private.h: the timeline data's state, for its own files and the
 * painter's, which read it (and only read it) while they draw
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lt-timeline-data.h"

G_BEGIN_DECLS

typedef struct _LtTimelineLoadJob LtTimelineLoadJob;

struct _LtTimelineData
{
  GObject            parent_instance;

  /* what is shown */
  LtStore           *store;
  GSignalGroup      *store_signals;   /* "changed" of whichever store is shown */
  LtEventFilter     *filter;
  GArray            *match_ids;       /* gint64, or NULL for no filter */
  guint32            category_mask;   /* categories shown as matching; all bits = no filter */
  char              *figures_kind;
  LtLaneMode         lane_mode;
  gboolean           include_restricted;
  gboolean           hide_unmatched;
  gboolean           load_async;      /* read the spans of a file store in a thread */

  /* what was read */
  GArray            *spans;
  LtTimelineIndex   *index;
  GArray            *pairs;           /* LtTimelinePair, for actor lanes */
  GArray            *figures;         /* LtFigurePoint */
  double             figures_max;
  GHashTable        *lane_names;      /* actor id, or -2 - place: its name */
  gboolean           model_dirty;
  gboolean           index_dirty;
  gboolean           matches_dirty;
  gboolean           figures_pending;
  gboolean           figures_expected; /* while loading: the band will come, keep its room */
  gboolean           provisional;     /* the spans are made from per-day counts: loading */
  LtTimelineLoadJob *job;             /* the thread reading the spans, or NULL */

  /* What a painter compares with what it drew: each counts the changes that make one of
   * its caches stale. They change while it asks for the index too, when no signal is
   * emitted. */
  guint              serial;          /* anything shown */
  guint              spans_serial;    /* the spans replaced or moved: labels by position */
  guint              index_serial;    /* the index rebuilt: a frame's lanes and items */
  guint              figures_serial;  /* the figures read again or patched */
};

/* lt-timeline-data.c */
void     _lt_timeline_data_changed              (LtTimelineData *self);
void     _lt_timeline_data_emit_span_changed    (LtTimelineData *self,
                                                 guint           span);
void     _lt_timeline_data_emit_loaded          (LtTimelineData *self);
void     _lt_timeline_data_ensure_index         (LtTimelineData *self);
gboolean _lt_timeline_data_load_pending_figures (LtTimelineData *self);

/* lt-timeline-data-load.c */
void     _lt_timeline_load_job_unref            (gpointer        data);
void     _lt_timeline_data_load_model           (LtTimelineData *self);
void     _lt_timeline_data_wait_for_events      (LtTimelineData *self);
void     _lt_timeline_data_load_figures         (LtTimelineData *self);
gboolean _lt_timeline_data_patch_span           (LtTimelineData *self,
                                                 gint64          id,
                                                 int             change);

static inline const LtEventSpan *
_lt_timeline_data_get_span (LtTimelineData *self,
                            guint32         i)
{
  return &g_array_index (self->spans, LtEventSpan, i);
}

G_END_DECLS
