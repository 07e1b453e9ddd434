/* lt-timeline-data.c: LtTimelineData, what a timeline shows: the store it follows, the
 * filter and lanes, the lane index with its matches; the painters draw it
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-timeline-data"

#include "config.h"

#include <stdlib.h>

#include "lt-timeline-data-private.h"

/* The page, its view and the export each show the events of a store the same way: one
 * object holds what is shown (the store, the filter, the lanes, the figures) and what was
 * read for it, so that the painter only draws. It needs no display: the span loader's
 * thread lives in lt-timeline-data-load.c. Nothing is read until a painter or a caller asks
 * for it. */

G_DEFINE_FINAL_TYPE (LtTimelineData, lt_timeline_data, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_INCLUDE_RESTRICTED,
  PROP_HIDE_UNMATCHED,
  PROP_LOAD_ASYNC,
  N_PROPS
};

enum {
  CHANGED,
  SPAN_CHANGED,
  LOADED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

void
_lt_timeline_data_changed (LtTimelineData *self)
{
  self->serial++;
  g_signal_emit (self, signals[CHANGED], 0);
}

void
_lt_timeline_data_emit_span_changed (LtTimelineData *self,
                                     guint           span)
{
  g_signal_emit (self, signals[SPAN_CHANGED], 0, span);
}

void
_lt_timeline_data_emit_loaded (LtTimelineData *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
  g_signal_emit (self, signals[LOADED], 0);
}

static void
store_changed_cb (LtTimelineData *self,
                  const char     *table,
                  gint64          id,
                  int             change,
                  LtStore        *store)
{
  g_assert (LT_IS_TIMELINE_DATA (self));

  if (table != NULL && g_strcmp0 (table, "sources") == 0)
    return;

  if (g_strcmp0 (table, "events") != 0 || !_lt_timeline_data_patch_span (self, id, change))
    self->model_dirty = TRUE;
  _lt_timeline_data_changed (self);
}

/* The lanes and their matches */

static void
ensure_pairs (LtTimelineData *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) pairs = NULL;
  g_autoptr(LtEventFilter) filter = lt_event_filter_new ();

  if (self->pairs != NULL || self->store == NULL)
    return;

  /* the links the reader may see: a restricted actor gets no lane */
  filter->include_restricted = self->include_restricted;
  self->pairs = g_array_new (FALSE, FALSE, sizeof (LtTimelinePair));
  pairs = lt_store_dup_event_actor_pairs (self->store, filter, &error);
  if (pairs == NULL)
    {
      g_warning ("Could not read the actors of events: %s", error->message);
      return;
    }

  g_array_set_size (self->pairs, pairs->len);
  for (guint i = 0; i < pairs->len; i++)
    {
      const LtEventActorPair *p = &g_array_index (pairs, LtEventActorPair, i);
      LtTimelinePair *q = &g_array_index (self->pairs, LtTimelinePair, i);

      q->event_id = p->event_id;
      q->actor_id = p->actor_id;
    }
}

static int
compare_ids (const void *a,
             const void *b)
{
  gint64 ia = *(const gint64 *) a;
  gint64 ib = *(const gint64 *) b;

  return ia < ib ? -1 : ia > ib;
}

/* An empty set of matches is a filter that matches nothing, not "no filter": the index reads
 * a NULL array as the latter, and an empty GArray's data is NULL. */
static void
set_index_matches (LtTimelineData *self,
                   GArray         *ids)
{
  static const gint64 none = 0;

  lt_timeline_index_set_matches (self->index,
                                 ids->len > 0 ? (const gint64 *) (gpointer) ids->data : &none,
                                 ids->len);
}

void
_lt_timeline_data_ensure_index (LtTimelineData *self)
{
  if (self->model_dirty || self->spans == NULL)
    _lt_timeline_data_load_model (self);

  /* made-up spans match no search, and have no actors or places for other lanes */
  if (self->provisional &&
      (self->filter != NULL || self->match_ids != NULL || self->lane_mode != LT_LANE_MODE_CATEGORY))
    _lt_timeline_data_wait_for_events (self);

  if (self->index_dirty || self->index == NULL)
    {
      /* a painter's last frame points into the old lanes */
      self->index_serial++;
      g_clear_pointer (&self->index, lt_timeline_index_unref);
      if (self->lane_mode == LT_LANE_MODE_ACTOR)
        ensure_pairs (self);
      self->index = lt_timeline_index_new (self->spans, self->lane_mode,
                                           self->pairs ? (const LtTimelinePair *) (gpointer) self->pairs->data : NULL,
                                           self->pairs ? self->pairs->len : 0,
                                           self->lane_mode == LT_LANE_MODE_CATEGORY ? 16 : 10);
      self->index_dirty = FALSE;
      self->matches_dirty = TRUE;
    }

  if (self->matches_dirty)
    {
      if (self->match_ids == NULL && self->filter != NULL)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(LtEventFilter) filter = lt_event_filter_copy (self->filter);
          g_autoptr(GArray) matched = NULL;

          filter->include_restricted = self->include_restricted;
          matched = lt_store_dup_event_spans (self->store, filter, &error);
          self->match_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
          if (matched == NULL)
            g_warning ("Could not filter the events: %s", error->message);
          else
            for (guint i = 0; i < matched->len; i++)
              g_array_append_val (self->match_ids, g_array_index (matched, LtEventSpan, i).id);
        }

      if (self->category_mask != G_MAXUINT32)
        {
          /* Categories are in the spans already: no query, a pass over them */
          g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
          g_autoptr(GArray) sorted = NULL;

          if (self->match_ids != NULL)
            {
              sorted = g_array_copy (self->match_ids);
              g_array_sort (sorted, compare_ids);
            }
          for (guint i = 0; i < self->spans->len; i++)
            {
              const LtEventSpan *span = _lt_timeline_data_get_span (self, i);

              if (span->category < 32 && !(self->category_mask & (1u << span->category)))
                continue;
              if (sorted != NULL &&
                  !bsearch (&span->id, sorted->data, sorted->len, sizeof (gint64), compare_ids))
                continue;
              g_array_append_val (ids, span->id);
            }
          set_index_matches (self, ids);
        }
      else if (self->match_ids != NULL)
        set_index_matches (self, self->match_ids);
      else
        lt_timeline_index_set_matches (self->index, NULL, 0);
      self->matches_dirty = FALSE;
    }
}

/* Read with the events: deferring it to the second frame saved the first frame ~80 ms at a
 * million events, but made the second one hitch as long */
gboolean
_lt_timeline_data_load_pending_figures (LtTimelineData *self)
{
  if (!self->figures_pending || self->provisional)
    return FALSE;

  _lt_timeline_data_load_figures (self);

  return TRUE;
}

/* GObject */

static void
lt_timeline_data_dispose (GObject *object)
{
  LtTimelineData *self = (LtTimelineData *) object;

  g_clear_object (&self->store_signals);
  g_clear_object (&self->store);
  g_clear_pointer (&self->job, _lt_timeline_load_job_unref);

  G_OBJECT_CLASS (lt_timeline_data_parent_class)->dispose (object);
}

static void
lt_timeline_data_finalize (GObject *object)
{
  LtTimelineData *self = (LtTimelineData *) object;

  g_clear_pointer (&self->index, lt_timeline_index_unref);
  g_clear_pointer (&self->spans, g_array_unref);
  g_clear_pointer (&self->pairs, g_array_unref);
  g_clear_pointer (&self->figures, g_array_unref);
  g_clear_pointer (&self->match_ids, g_array_unref);
  g_clear_pointer (&self->filter, lt_event_filter_free);
  g_clear_pointer (&self->figures_kind, g_free);
  g_clear_pointer (&self->lane_names, g_hash_table_unref);

  G_OBJECT_CLASS (lt_timeline_data_parent_class)->finalize (object);
}

static void
lt_timeline_data_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LtTimelineData *self = LT_TIMELINE_DATA (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, lt_timeline_data_get_store (self));
      break;

    case PROP_INCLUDE_RESTRICTED:
      g_value_set_boolean (value, lt_timeline_data_get_include_restricted (self));
      break;

    case PROP_HIDE_UNMATCHED:
      g_value_set_boolean (value, lt_timeline_data_get_hide_unmatched (self));
      break;

    case PROP_LOAD_ASYNC:
      g_value_set_boolean (value, lt_timeline_data_get_load_async (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lt_timeline_data_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LtTimelineData *self = LT_TIMELINE_DATA (object);

  switch (prop_id)
    {
    case PROP_STORE:
      lt_timeline_data_set_store (self, g_value_get_object (value));
      break;

    case PROP_INCLUDE_RESTRICTED:
      lt_timeline_data_set_include_restricted (self, g_value_get_boolean (value));
      break;

    case PROP_HIDE_UNMATCHED:
      lt_timeline_data_set_hide_unmatched (self, g_value_get_boolean (value));
      break;

    case PROP_LOAD_ASYNC:
      lt_timeline_data_set_load_async (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lt_timeline_data_class_init (LtTimelineDataClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lt_timeline_data_dispose;
  object_class->finalize = lt_timeline_data_finalize;
  object_class->get_property = lt_timeline_data_get_property;
  object_class->set_property = lt_timeline_data_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         LT_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_INCLUDE_RESTRICTED] =
    g_param_spec_boolean ("include-restricted", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_HIDE_UNMATCHED] =
    g_param_spec_boolean ("hide-unmatched", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LOAD_ASYNC] =
    g_param_spec_boolean ("load-async", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LtTimelineData::changed:
   *
   * Emitted when what is shown changed: the store, its events, the filter, the lanes or the
   * figures. Painters draw again. Not emitted while a caller asks for the index, which may
   * read the events then (the serials say what changed).
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);

  /**
   * LtTimelineData::span-changed:
   * @span: the span's position
   *
   * Emitted before #LtTimelineData::changed when an edited event was read again and its
   * span stayed where it was: only its title, summary, actors or sources may be new.
   */
  signals[SPAN_CHANGED] = g_signal_new ("span-changed",
                                        G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_UINT);

  /**
   * LtTimelineData::loaded:
   *
   * Emitted, after #LtTimelineData::changed, when the events read in a thread replaced the
   * counts the first frames were drawn from (see [method@TimelineData.set_load_async]).
   */
  signals[LOADED] = g_signal_new ("loaded",
                                  G_TYPE_FROM_CLASS (klass),
                                  G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 0);
}

static void
lt_timeline_data_init (LtTimelineData *self)
{
  self->store_signals = g_signal_group_new (LT_TYPE_STORE);
  g_signal_group_connect_swapped (self->store_signals, "changed", G_CALLBACK (store_changed_cb), self);
  self->lane_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->include_restricted = TRUE;
  self->category_mask = G_MAXUINT32;
  self->model_dirty = TRUE;
}

/* Public API */

/**
 * lt_timeline_data_new:
 *
 * Returns: (transfer full): timeline data with no store
 */
LtTimelineData *
lt_timeline_data_new (void)
{
  return g_object_new (LT_TYPE_TIMELINE_DATA, NULL);
}

/**
 * lt_timeline_data_set_store:
 * @self: timeline data
 * @store: (nullable): the store to show
 *
 * Shows the events of @store, and follows its changes.
 */
void
lt_timeline_data_set_store (LtTimelineData *self,
                            LtStore        *store)
{
  g_return_if_fail (LT_IS_TIMELINE_DATA (self));
  g_return_if_fail (store == NULL || LT_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  g_signal_group_set_target (self->store_signals, store);
  g_clear_pointer (&self->match_ids, g_array_unref);
  self->model_dirty = TRUE;
  _lt_timeline_data_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * lt_timeline_data_get_store:
 * @self: timeline data
 *
 * Returns: (transfer none) (nullable): the store
 */
LtStore *
lt_timeline_data_get_store (LtTimelineData *self)
{
  g_return_val_if_fail (LT_IS_TIMELINE_DATA (self), NULL);

  return self->store;
}

/**
 * lt_timeline_data_set_include_restricted:
 * @self: timeline data
 * @include_restricted: whether restricted records are shown
 *
 * Exports leave restricted records out unless asked; the window shows them.
 */
void
lt_timeline_data_set_include_restricted (LtTimelineData *self,
                                         gboolean        include_restricted)
{
  g_return_if_fail (LT_IS_TIMELINE_DATA (self));

  include_restricted = !!include_restricted;
  if (self->include_restricted == include_restricted)
    return;

  self->include_restricted = include_restricted;
  g_clear_pointer (&self->match_ids, g_array_unref);
  self->model_dirty = TRUE;
  _lt_timeline_data_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCLUDE_RESTRICTED]);
}

/**
 * lt_timeline_data_get_include_restricted:
 * @self: timeline data
 *
 * Returns: whether restricted records are shown
 */
gboolean
lt_timeline_data_get_include_restricted (LtTimelineData *self)
{
  g_return_val_if_fail (LT_IS_TIMELINE_DATA (self), FALSE);

  return self->include_restricted;
}

/**
 * lt_timeline_data_set_filter:
 * @self: timeline data
 * @filter: (nullable): the filter, or %NULL for none
 *
 * Events that do not match are dimmed, or hidden (see
 * [method@TimelineData.set_hide_unmatched]). The filter's window is ignored.
 */
void
lt_timeline_data_set_filter (LtTimelineData      *self,
                             const LtEventFilter *filter)
{
  g_return_if_fail (LT_IS_TIMELINE_DATA (self));

  g_clear_pointer (&self->filter, lt_event_filter_free);
  g_clear_pointer (&self->match_ids, g_array_unref);
  if (filter != NULL)
    {
      self->filter = lt_event_filter_copy (filter);
      self->filter->has_window = FALSE;
    }
  self->matches_dirty = TRUE;
  _lt_timeline_data_changed (self);
}

/**
 * lt_timeline_data_set_matches:
 * @self: timeline data
 * @event_ids: (nullable) (element-type gint64): the events that match, or %NULL
 *
 * Sets the matching events directly (e.g. from a search ranked elsewhere).
 */
void
lt_timeline_data_set_matches (LtTimelineData *self,
                              GArray         *event_ids)
{
  g_return_if_fail (LT_IS_TIMELINE_DATA (self));

  g_clear_pointer (&self->filter, lt_event_filter_free);
  g_clear_pointer (&self->match_ids, g_array_unref);
  if (event_ids != NULL)
    {
      self->match_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), event_ids->len);
      g_array_append_vals (self->match_ids, event_ids->data, event_ids->len);
    }
  self->matches_dirty = TRUE;
  _lt_timeline_data_changed (self);
}

/**
 * lt_timeline_data_set_categories:
 * @self: timeline data
 * @keys: (nullable) (array zero-terminated=1): the category keys that match, or %NULL for all
 *
 * Filters by category without asking the store: the categories are in the spans. Combines
 * with [method@TimelineData.set_matches] (an event must pass both).
 */
void
lt_timeline_data_set_categories (LtTimelineData     *self,
                                 const char * const *keys)
{
  guint32 mask = G_MAXUINT32;

  g_return_if_fail (LT_IS_TIMELINE_DATA (self));

  if (keys != NULL)
    {
      mask = 0;
      for (guint i = 0; keys[i] != NULL; i++)
        {
          int c = lt_category_get_index (keys[i]);

          if (c >= 0 && c < 32)
            mask |= 1u << c;
        }
    }

  if (mask == self->category_mask)
    return;

  self->category_mask = mask;
  self->matches_dirty = TRUE;
  _lt_timeline_data_changed (self);
}

/**
 * lt_timeline_data_set_hide_unmatched:
 * @self: timeline data
 * @hide_unmatched: hide rather than dim what does not match
 */
void
lt_timeline_data_set_hide_unmatched (LtTimelineData *self,
                                     gboolean        hide_unmatched)
{
  g_return_if_fail (LT_IS_TIMELINE_DATA (self));

  if (self->hide_unmatched == !!hide_unmatched)
    return;

  self->hide_unmatched = !!hide_unmatched;
  _lt_timeline_data_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIDE_UNMATCHED]);
}

/**
 * lt_timeline_data_get_hide_unmatched:
 * @self: timeline data
 *
 * Returns: whether what does not match is hidden rather than dimmed
 */
gboolean
lt_timeline_data_get_hide_unmatched (LtTimelineData *self)
{
  g_return_val_if_fail (LT_IS_TIMELINE_DATA (self), FALSE);

  return self->hide_unmatched;
}

/**
 * lt_timeline_data_get_n_matched:
 * @self: timeline data
 *
 * Returns: how many events match the filter (all of them without one)
 */
guint
lt_timeline_data_get_n_matched (LtTimelineData *self)
{
  g_return_val_if_fail (LT_IS_TIMELINE_DATA (self), 0);

  _lt_timeline_data_ensure_index (self);

  return lt_timeline_index_get_n_matched (self->index);
}

/**
 * lt_timeline_data_get_n_events:
 * @self: timeline data
 *
 * Returns: how many events there are
 */
guint
lt_timeline_data_get_n_events (LtTimelineData *self)
{
  g_return_val_if_fail (LT_IS_TIMELINE_DATA (self), 0);

  _lt_timeline_data_ensure_index (self);

  return self->spans->len;
}

/**
 * lt_timeline_data_set_lane_mode:
 * @self: timeline data
 * @mode: lanes by category, actor or place
 */
void
lt_timeline_data_set_lane_mode (LtTimelineData *self,
                                LtLaneMode      mode)
{
  g_return_if_fail (LT_IS_TIMELINE_DATA (self));

  if (self->lane_mode == mode)
    return;

  self->lane_mode = mode;
  self->index_dirty = TRUE;
  _lt_timeline_data_changed (self);
}

/**
 * lt_timeline_data_get_lane_mode:
 * @self: timeline data
 *
 * Returns: the lane mode
 */
LtLaneMode
lt_timeline_data_get_lane_mode (LtTimelineData *self)
{
  g_return_val_if_fail (LT_IS_TIMELINE_DATA (self), LT_LANE_MODE_CATEGORY);

  return self->lane_mode;
}

/**
 * lt_timeline_data_set_figures:
 * @self: timeline data
 * @counts: (nullable): the figure kind to plot in a band (e.g. "political-prisoners"),
 *   or %NULL for no band
 */
void
lt_timeline_data_set_figures (LtTimelineData *self,
                              const char     *counts)
{
  g_return_if_fail (LT_IS_TIMELINE_DATA (self));

  if (g_strcmp0 (self->figures_kind, counts) == 0)
    return;

  g_free (self->figures_kind);
  self->figures_kind = g_strdup (counts);
  g_clear_pointer (&self->figures, g_array_unref);
  self->figures_pending = counts != NULL;
  self->figures_expected = counts != NULL && self->store != NULL && self->provisional
                           && lt_store_has_figures (self->store, counts);
  self->figures_serial++;
  _lt_timeline_data_changed (self);
}

/**
 * lt_timeline_data_get_figures:
 * @self: timeline data
 *
 * Returns: (nullable): the figure kind plotted in a band, or %NULL
 */
const char *
lt_timeline_data_get_figures (LtTimelineData *self)
{
  g_return_val_if_fail (LT_IS_TIMELINE_DATA (self), NULL);

  return self->figures_kind;
}

/**
 * lt_timeline_data_set_load_async:
 * @self: timeline data
 * @load_async: whether to read the events of a file store in a thread
 *
 * An interactive view draws its first frames at once from the per-day counts of events and
 * reads the events themselves in a thread, over a connection of its own; the data emits
 * #LtTimelineData::loaded when they are in. Hit-testing and the other questions about
 * events wait for them. In-memory stores are always read at once.
 */
void
lt_timeline_data_set_load_async (LtTimelineData *self,
                                 gboolean        load_async)
{
  g_return_if_fail (LT_IS_TIMELINE_DATA (self));

  if (self->load_async == !!load_async)
    return;

  self->load_async = !!load_async;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOAD_ASYNC]);
}

/**
 * lt_timeline_data_get_load_async:
 * @self: timeline data
 *
 * Returns: whether the events of a file store are read in a thread
 */
gboolean
lt_timeline_data_get_load_async (LtTimelineData *self)
{
  g_return_val_if_fail (LT_IS_TIMELINE_DATA (self), FALSE);

  return self->load_async;
}

/**
 * lt_timeline_data_is_loading:
 * @self: timeline data
 *
 * Returns: %TRUE while the spans are made from counts and the events are being read
 */
gboolean
lt_timeline_data_is_loading (LtTimelineData *self)
{
  g_return_val_if_fail (LT_IS_TIMELINE_DATA (self), FALSE);

  return self->provisional;
}

/**
 * lt_timeline_data_finish_loading:
 * @self: timeline data
 *
 * Waits for the events being read in a thread, if any, and uses them.
 */
void
lt_timeline_data_finish_loading (LtTimelineData *self)
{
  g_return_if_fail (LT_IS_TIMELINE_DATA (self));

  if (self->model_dirty || self->spans == NULL)
    _lt_timeline_data_load_model (self);
  _lt_timeline_data_wait_for_events (self);
}

/**
 * lt_timeline_data_get_extent:
 * @self: timeline data
 * @first_day: (out): the first day of the events
 * @end_day: (out): the day after the last day of the events
 *
 * Returns: %FALSE if there is nothing to show
 */
gboolean
lt_timeline_data_get_extent (LtTimelineData *self,
                             double         *first_day,
                             double         *end_day)
{
  gint64 first, last;

  g_return_val_if_fail (LT_IS_TIMELINE_DATA (self), FALSE);

  /* while loading, the days of the counts: the view fits again once the events are in */
  _lt_timeline_data_ensure_index (self);
  if (!lt_timeline_index_get_extent (self->index, &first, &last))
    return FALSE;

  *first_day = first;
  *end_day = last + 1;

  return TRUE;
}

/**
 * lt_timeline_data_get_index:
 * @self: timeline data
 *
 * Waits for the events if they are being read.
 *
 * Returns: (transfer none): the index of the events
 */
LtTimelineIndex *
lt_timeline_data_get_index (LtTimelineData *self)
{
  g_return_val_if_fail (LT_IS_TIMELINE_DATA (self), NULL);

  lt_timeline_data_finish_loading (self);
  _lt_timeline_data_ensure_index (self);

  return self->index;
}

/**
 * lt_timeline_data_get_span_event:
 * @self: timeline data
 * @span: an index into the spans
 *
 * Returns: the event id of @span
 */
gint64
lt_timeline_data_get_span_event (LtTimelineData *self,
                                 guint32         span)
{
  g_return_val_if_fail (LT_IS_TIMELINE_DATA (self), 0);
  g_return_val_if_fail (self->spans != NULL && span < self->spans->len, 0);

  return _lt_timeline_data_get_span (self, span)->id;
}

/**
 * lt_timeline_data_get_lane_name:
 * @self: timeline data
 * @lane: a lane of the index
 *
 * The name of an actor's or a place's lane, read once: the actor's name, or the place as
 * an event of the lane names it in the UI language (the store names places in English).
 *
 * Returns: (transfer none) (nullable): the name, or %NULL for category lanes and
 *   the lane of the others
 */
const char *
lt_timeline_data_get_lane_name (LtTimelineData *self,
                                guint           lane)
{
  gint64 key;
  gint64 cache_key;
  const char *text;
  char *name = NULL;
  gint64 *k;

  g_return_val_if_fail (LT_IS_TIMELINE_DATA (self), NULL);
  g_return_val_if_fail (self->index != NULL, NULL);

  key = lt_timeline_index_get_lane_key (self->index, lane);
  if (key == LT_TIMELINE_LANE_OTHER || self->lane_mode == LT_LANE_MODE_CATEGORY)
    return NULL;

  /* places are cached with the actors, under negative keys */
  cache_key = self->lane_mode == LT_LANE_MODE_PLACE ? -2 - key : key;
  text = g_hash_table_lookup (self->lane_names, &cache_key);
  if (text != NULL || self->store == NULL)
    return text;

  if (self->lane_mode == LT_LANE_MODE_PLACE)
    {
      GPtrArray *places = lt_store_get_places (self->store);
      const char *place = places != NULL && key >= 0 && key < places->len
                          ? g_ptr_array_index (places, key) : NULL;
      g_autoptr(LtEvent) event = NULL;

      if (lt_timeline_index_get_lane_n_items (self->index, lane) > 0)
        {
          guint32 span = lt_timeline_index_get_lane_items (self->index, lane)[0].span;

          event = lt_store_lookup_event (self->store, _lt_timeline_data_get_span (self, span)->id);
        }
      if (event != NULL && lt_event_get_place (event) != NULL && lt_event_get_place (event)[0] != '\0')
        place = lt_event_get_place (event);
      name = g_strdup (place ? place : "");
    }
  else if (self->lane_mode == LT_LANE_MODE_ACTOR)
    {
      g_autoptr(LtActor) actor = lt_store_lookup_actor (self->store, key);

      /* the store gives no lane to a hidden actor; should one come, it stays unnamed */
      if (!lt_store_is_visible (self->store, LT_RECORD_ACTOR, key, self->include_restricted))
        g_clear_object (&actor);
      name = g_strdup (actor ? lt_actor_get_name (actor) : "");
    }
  else
    return NULL;

  k = g_new (gint64, 1);
  *k = cache_key;
  g_hash_table_insert (self->lane_names, k, name);

  return name;
}
