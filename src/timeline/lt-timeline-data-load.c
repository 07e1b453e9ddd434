/* lt-timeline-data-load.c: where the timeline's events come from: the span loader thread,
 * spans made from per-day counts meanwhile, the figures, and one edited event put in place
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-timeline-data"

#include "config.h"

#include "lt-timeline-data-private.h"

#include <string.h>

/* Reading a million spans takes ~0.5 s: a file store's are read by a thread over its own
 * connection, while the first frames draw spans made from the per-day counts (~10 ms). The
 * main thread can wait for the job when it needs the real events (a click, a search). */
struct _LtTimelineLoadJob
{
  gatomicrefcount ref_count;
  GMutex          mutex;
  GCond           cond;
  gboolean        done;
  gboolean        adopted;        /* main thread only */
  char           *path;
  gboolean        include_restricted;
  GArray         *spans;
  GError         *error;
};

static LtTimelineLoadJob *
load_job_ref (LtTimelineLoadJob *job)
{
  g_atomic_ref_count_inc (&job->ref_count);
  return job;
}

void
_lt_timeline_load_job_unref (gpointer data)
{
  LtTimelineLoadJob *job = data;

  if (!g_atomic_ref_count_dec (&job->ref_count))
    return;
  g_mutex_clear (&job->mutex);
  g_cond_clear (&job->cond);
  g_free (job->path);
  g_clear_pointer (&job->spans, g_array_unref);
  g_clear_error (&job->error);
  g_free (job);
}

static void
load_job_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  LtTimelineLoadJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LtStore) store = NULL;
  g_autoptr(GArray) spans = NULL;

  /* Thread workers own their SQLite connection. The page's own connection checks the
   * file (perhaps still, in a thread of its own): this one only reads. */
  store = lt_store_open_full (job->path, LT_STORE_OPEN_NO_CHECK | LT_STORE_OPEN_READ_ONLY,
                              &error);
  if (store != NULL)
    {
      g_autoptr(LtEventFilter) filter = lt_event_filter_new ();

      filter->include_restricted = job->include_restricted;
      spans = lt_store_dup_event_spans (store, filter, &error);
    }

  g_mutex_lock (&job->mutex);
  job->spans = g_steal_pointer (&spans);
  job->error = g_steal_pointer (&error);
  job->done = TRUE;
  g_cond_signal (&job->cond);
  g_mutex_unlock (&job->mutex);

  g_task_return_boolean (task, TRUE);
}

/* Spans standing for the events counted on each day, one point per event: what the lanes,
 * their density and the count badges of a zoomed-out frame need. Never labelled or clicked. */
static GArray *
dup_provisional_spans (LtTimelineData *self)
{
  g_autoptr(LtEventFilter) filter = lt_event_filter_new ();
  g_autoptr(GArray) counts = NULL;
  GArray *spans;
  guint n = 0;

  filter->include_restricted = self->include_restricted;
  counts = lt_store_dup_event_counts (self->store, filter, LT_BUCKET_DAY, NULL);
  if (counts == NULL)
    return NULL;

  for (guint i = 0; i < counts->len; i++)
    n += g_array_index (counts, LtBucketCount, i).count;
  spans = g_array_sized_new (FALSE, FALSE, sizeof (LtEventSpan), n);
  g_array_set_size (spans, n);
  n = 0;
  for (guint i = 0; i < counts->len; i++)
    {
      const LtBucketCount *bc = &g_array_index (counts, LtBucketCount, i);
      LtEventSpan span = { 0 };

      span.start_day = span.end_day = (gint32) bc->start_day;
      span.category = (guint16) bc->category;
      span.precision = LT_PRECISION_DAY;
      for (guint k = 0; k < bc->count; k++, n++)
        {
          span.id = -(gint64) n - 1;
          g_array_index (spans, LtEventSpan, n) = span;
        }
    }
  /* the counts come by day, then category: so do the spans, as the index wants them */

  return spans;
}

static void
adopt_spans (LtTimelineData    *self,
             LtTimelineLoadJob *job)
{
  job->adopted = TRUE;
  g_clear_pointer (&self->job, _lt_timeline_load_job_unref);
  self->provisional = FALSE;
  /* a painter's last frame and labels point into the made-up spans */
  self->spans_serial++;
  g_clear_pointer (&self->spans, g_array_unref);
  if (job->spans != NULL)
    self->spans = g_array_ref (job->spans);
  else
    {
      g_warning ("Could not read the events: %s", job->error ? job->error->message : "?");
      self->spans = g_array_new (FALSE, FALSE, sizeof (LtEventSpan));
    }
  self->index_dirty = TRUE;
  self->matches_dirty = TRUE;
  self->figures_pending = self->figures_kind != NULL;
}

static void
load_job_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  LtTimelineData *self = LT_TIMELINE_DATA (source);
  LtTimelineLoadJob *job = g_task_get_task_data (G_TASK (result));

  /* a job that was waited for, or replaced, is already dealt with */
  if (job->adopted || self->job != job)
    return;

  adopt_spans (self, job);
  self->serial++;
  _lt_timeline_data_emit_loaded (self);
}

static gboolean
emit_loaded_idle (gpointer data)
{
  LtTimelineData *self = data;

  _lt_timeline_data_emit_loaded (self);

  return G_SOURCE_REMOVE;
}

/* Waits for the thread, for what needs the real events */
void
_lt_timeline_data_wait_for_events (LtTimelineData *self)
{
  LtTimelineLoadJob *job = self->job;

  if (job == NULL)
    return;

  g_mutex_lock (&job->mutex);
  while (!job->done)
    g_cond_wait (&job->cond, &job->mutex);
  g_mutex_unlock (&job->mutex);

  load_job_ref (job);
  adopt_spans (self, job);
  _lt_timeline_load_job_unref (job);
  /* this may be in the middle of a painter's frame: it sees the serials at its next one, and
   * the owners are told when this one is over */
  self->serial++;
  g_idle_add_full (G_PRIORITY_DEFAULT, emit_loaded_idle, g_object_ref (self), g_object_unref);
}

static gboolean
start_loading (LtTimelineData *self)
{
  const char *path = lt_store_get_path (self->store);
  g_autoptr(GTask) task = NULL;
  g_autoptr(GArray) provisional = NULL;
  LtTimelineLoadJob *job;

  if (!self->load_async || self->lane_mode != LT_LANE_MODE_CATEGORY ||
      path == NULL || path[0] == '\0' || g_str_equal (path, ":memory:") ||
      g_str_has_prefix (path, "file:"))
    return FALSE;

  provisional = dup_provisional_spans (self);
  if (provisional == NULL)
    return FALSE;

  job = g_new0 (LtTimelineLoadJob, 1);
  g_atomic_ref_count_init (&job->ref_count);
  g_mutex_init (&job->mutex);
  g_cond_init (&job->cond);
  job->path = g_strdup (path);
  job->include_restricted = self->include_restricted;
  self->job = job;
  self->spans = g_steal_pointer (&provisional);
  self->provisional = TRUE;
  self->figures_expected = self->figures_kind != NULL && lt_store_has_figures (self->store, self->figures_kind);

  task = g_task_new (self, NULL, load_job_done_cb, NULL);
  g_task_set_source_tag (task, start_loading);
  g_task_set_task_data (task, load_job_ref (job), _lt_timeline_load_job_unref);
  g_task_run_in_thread (task, load_job_thread);

  return TRUE;
}

void
_lt_timeline_data_load_model (LtTimelineData *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LtEventFilter) filter = lt_event_filter_new ();

  self->model_dirty = FALSE;
  self->index_dirty = TRUE;
  self->matches_dirty = TRUE;
  g_clear_pointer (&self->spans, g_array_unref);
  g_clear_pointer (&self->pairs, g_array_unref);
  g_clear_pointer (&self->figures, g_array_unref);
  self->spans_serial++;
  g_hash_table_remove_all (self->lane_names);
  /* an older job's events are out of date: its result is dropped when it ends */
  g_clear_pointer (&self->job, _lt_timeline_load_job_unref);
  self->provisional = FALSE;

  if (self->store == NULL)
    {
      self->spans = g_array_new (FALSE, FALSE, sizeof (LtEventSpan));
      return;
    }

  if (start_loading (self))
    return;

  filter->include_restricted = self->include_restricted;
  self->spans = lt_store_dup_event_spans (self->store, filter, &error);
  if (self->spans == NULL)
    {
      g_warning ("Could not read the events: %s", error->message);
      self->spans = g_array_new (FALSE, FALSE, sizeof (LtEventSpan));
      g_clear_error (&error);
    }

  self->figures_pending = self->figures_kind != NULL;
}

void
_lt_timeline_data_load_figures (LtTimelineData *self)
{
  g_autoptr(GError) error = NULL;

  self->figures_pending = FALSE;
  self->figures_max = 0.0;
  g_clear_pointer (&self->figures, g_array_unref);
  self->figures_serial++;

  if (self->figures_kind == NULL || self->store == NULL)
    return;

  self->figures = lt_store_dup_figures (self->store, self->figures_kind, &error);
  if (self->figures == NULL)
    {
      g_warning ("Could not read the figures: %s", error->message);
      return;
    }
  g_debug ("%u figures of %s", self->figures->len, self->figures_kind);

  /* Restricted events' figures stay out when their events do */
  if (!self->include_restricted)
    {
      guint lane, item;

      for (guint i = self->figures->len; i > 0; i--)
        if (!lt_timeline_index_find_event (self->index,
                                           g_array_index (self->figures, LtFigurePoint, i - 1).event_id,
                                           &lane, &item))
          g_array_remove_index (self->figures, i - 1);
    }

  for (guint i = 0; i < self->figures->len; i++)
    self->figures_max = MAX (self->figures_max,
                             g_array_index (self->figures, LtFigurePoint, i).value);
}

/* The figures of one event, put in place of what it had: the figures of a million events
 * are a query of their own (~0.1 s) */
static void
patch_figures (LtTimelineData *self,
               gint64          id,
               LtEvent        *event)
{
  GPtrArray *figures = event != NULL ? lt_event_get_figures (event) : NULL;
  gint32 day = event != NULL ? lt_event_get_start_day (event) : 0;

  if (self->figures == NULL || self->figures_pending || self->figures_kind == NULL)
    return;

  for (guint i = self->figures->len; i > 0; i--)
    if (g_array_index (self->figures, LtFigurePoint, i - 1).event_id == id)
      g_array_remove_index (self->figures, i - 1);

  /* the store's rule: a restricted event's figures never show */
  for (guint k = 0; figures != NULL && !lt_record_is_restricted (LT_RECORD (event)) &&
       k < figures->len; k++)
    {
      const LtFigure *f = g_ptr_array_index (figures, k);
      LtFigurePoint point = { id, day, f->value };
      guint lo = 0, hi = self->figures->len;

      if (g_strcmp0 (f->counts, self->figures_kind) != 0)
        continue;

      /* ordered by day, then event, then the event's own order */
      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;
          const LtFigurePoint *m = &g_array_index (self->figures, LtFigurePoint, mid);

          if (m->day < day || (m->day == day && m->event_id <= id))
            lo = mid + 1;
          else
            hi = mid;
        }
      g_array_insert_val (self->figures, lo, point);
    }

  self->figures_max = 0.0;
  for (guint i = 0; i < self->figures->len; i++)
    self->figures_max = MAX (self->figures_max, g_array_index (self->figures, LtFigurePoint, i).value);
  self->figures_serial++;
}

/* Saving one event of a million must not read the million again (~0.5 s in a thread): its
 * span is read alone and put in place. Only category lanes: the others hang on actors and
 * places, which an edit may change. */
gboolean
_lt_timeline_data_patch_span (LtTimelineData *self,
                              gint64          id,
                              int             change)
{
  g_autoptr(LtEvent) event = NULL;
  g_autoptr(GArray) day = NULL;
  LtEventSpan span = { 0 };
  gboolean shown = FALSE;
  guint lo, hi;

  if (self->spans == NULL || self->model_dirty || self->provisional || self->job != NULL ||
      self->lane_mode != LT_LANE_MODE_CATEGORY ||
      (change != LT_CHANGE_ADDED && change != LT_CHANGE_UPDATED && change != LT_CHANGE_REMOVED))
    return FALSE;

  if (change != LT_CHANGE_REMOVED)
    {
      g_autoptr(LtEventFilter) filter = lt_event_filter_new ();

      if ((event = lt_store_lookup_event (self->store, id)) == NULL)
        return FALSE;
      /* the spans of its first day, with the store's own rules on what is shown */
      filter->include_restricted = self->include_restricted;
      lt_event_filter_set_window (filter, lt_event_get_start_day (event), lt_event_get_start_day (event));
      if ((day = lt_store_dup_event_spans (self->store, filter, NULL)) == NULL)
        return FALSE;
      for (guint i = 0; i < day->len && !shown; i++)
        if (g_array_index (day, LtEventSpan, i).id == id)
          {
            span = g_array_index (day, LtEventSpan, i);
            shown = TRUE;
          }
    }

  for (guint i = 0; i < self->spans->len; i++)
    if (g_array_index (self->spans, LtEventSpan, i).id == id)
      {
        LtEventSpan *old = &g_array_index (self->spans, LtEventSpan, i);

        /* a new title, summary, actors or sources: the same span, only its label is new */
        if (shown && memcmp (old, &span, sizeof span) == 0)
          {
            _lt_timeline_data_emit_span_changed (self, i);
            patch_figures (self, id, event);
            return TRUE;
          }

        g_array_remove_index (self->spans, i);
        break;
      }

  if (shown)
    {
      /* after the spans of the same day, as the store orders them: by start day alone */
      lo = 0;
      hi = self->spans->len;
      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;

          if (g_array_index (self->spans, LtEventSpan, mid).start_day <= span.start_day)
            lo = mid + 1;
          else
            hi = mid;
        }
      g_array_insert_val (self->spans, lo, span);
    }

  /* the index, a painter's last frame and its labels point into the spans by position */
  self->spans_serial++;
  g_clear_pointer (&self->index, lt_timeline_index_unref);
  self->index_dirty = TRUE;
  self->matches_dirty = TRUE;
  patch_figures (self, id, shown ? event : NULL);

  return TRUE;
}
