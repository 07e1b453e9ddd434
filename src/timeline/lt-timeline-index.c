/* lt-timeline-index.c: LtTimelineIndex, the events sorted into lanes with the
 * per-day prefix counts that answer "how many here" and "which ones match" at any zoom
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-timeline-layout"

#include "config.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "lt-timeline-index-private.h"

#define MAX_PREFIX_DAYS (1 << 21)

static void
lane_free (gpointer data)
{
  LtTimelineLane *lane = data;

  g_clear_pointer (&lane->items, g_array_unref);
  g_clear_pointer (&lane->prefix, g_free);
  g_clear_pointer (&lane->matched, g_free);
  for (guint i = 0; i < N_CLASSES; i++)
    g_clear_pointer (&lane->classes[i], g_array_unref);
  g_free (lane);
}

/* Lanes are sized up front: growing a million-item array by doubling cost more, in
 * copies and page faults, than filling it */
static LtTimelineLane *
lane_new (gint64 key,
          guint  reserve)
{
  LtTimelineLane *lane = g_new0 (LtTimelineLane, 1);

  lane->key = key;
  lane->items = g_array_sized_new (FALSE, FALSE, sizeof (LtTimelineItem), reserve);

  return lane;
}

static int
compare_by_id (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  LtTimelineIndex *self = user_data;
  gint64 ia = _lt_timeline_index_get_span (self, *(const guint32 *) a)->id;
  gint64 ib = _lt_timeline_index_get_span (self, *(const guint32 *) b)->id;

  return ia < ib ? -1 : ia > ib ? 1 : 0;
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const LtTimelineItem *ia = a;
  const LtTimelineItem *ib = b;

  if (ia->start_day != ib->start_day)
    return ia->start_day < ib->start_day ? -1 : 1;

  return ia->span < ib->span ? -1 : ia->span > ib->span ? 1 : 0;
}

static int
compare_pairs (gconstpointer a,
               gconstpointer b)
{
  const LtTimelinePair *pa = a;
  const LtTimelinePair *pb = b;

  if (pa->event_id != pb->event_id)
    return pa->event_id < pb->event_id ? -1 : 1;

  return pa->actor_id < pb->actor_id ? -1 : pa->actor_id > pb->actor_id ? 1 : 0;
}

/* Whether the same event and actor came earlier in the event's run (once per role) */
static gboolean
pair_seen_in_run (const LtTimelinePair *pairs,
                  guint                 i)
{
  for (guint j = i; j > 0 && pairs[j - 1].event_id == pairs[i].event_id; j--)
    if (pairs[j - 1].actor_id == pairs[i].actor_id)
      return TRUE;

  return FALSE;
}

typedef struct
{
  gint64 key;
  guint  count;
} KeyCount;

static int
compare_key_counts (gconstpointer a,
                    gconstpointer b)
{
  const KeyCount *ka = a;
  const KeyCount *kb = b;

  if (ka->count != kb->count)
    return ka->count > kb->count ? -1 : 1;

  return ka->key < kb->key ? -1 : ka->key > kb->key ? 1 : 0;
}

static void
item_for_span (const LtEventSpan *span,
               guint32            i,
               LtTimelineItem    *item)
{
  item->start_day = span->start_day;
  item->end_day = MAX (span->end_day, span->start_day);
  item->span = i;
  item->flags = span->flags & 0x3f;
  item->precision = span->precision;
}

static void
lane_finish (LtTimelineIndex *self,
             LtTimelineLane  *lane)
{
  LtTimelineItem *items = (LtTimelineItem *) (gpointer) lane->items->data;
  guint n = lane->items->len;
  gboolean sorted = TRUE;

  for (guint i = 1; i < n && sorted; i++)
    sorted = compare_items (&items[i - 1], &items[i]) <= 0;
  if (!sorted)
    g_array_sort (lane->items, compare_items);

  if (self->n_days > 0)
    {
      guint j = 0;

      lane->prefix = g_new (guint32, self->n_days + 1);
      for (guint d = 0; d <= self->n_days; d++)
        {
          while (j < n && items[j].start_day < self->day0 + (gint64) d)
            j++;
          lane->prefix[d] = j;
        }
    }

  for (guint i = 0; i < n; i++)
    {
      gint64 length = (gint64) items[i].end_day - items[i].start_day + 1;
      int k;

      if (length < 2)
        continue;

      k = _lt_timeline_index_class_of_length (length);
      if (lane->classes[k] == NULL)
        lane->classes[k] = g_array_new (FALSE, FALSE, sizeof (guint32));
      g_array_append_val (lane->classes[k], i);
    }
}

/* Sorted on first use: the first frame does not need it */
static void
ensure_by_id (LtTimelineIndex *self)
{
  guint n = self->spans->len;
  gboolean sorted = TRUE;

  if (self->by_id != NULL)
    return;

  self->by_id = g_new (guint32, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      self->by_id[i] = i;
      sorted = sorted && (i == 0 || _lt_timeline_index_get_span (self, i - 1)->id <=
                                    _lt_timeline_index_get_span (self, i)->id);
    }
  if (!sorted)
    g_qsort_with_data (self->by_id, n, sizeof (guint32), compare_by_id, self);
}

/* Row ids are dense in practice: a table from id to span is built in one pass, where sorting
 * a million spans by id took 150 ms. Sparse ids fall back to the sorted array. */
static void
ensure_id_lookup (LtTimelineIndex *self)
{
  guint n = self->spans->len;
  gint64 min_id = G_MAXINT64;
  gint64 max_id = G_MININT64;

  if (self->ids_indexed)
    return;
  self->ids_indexed = TRUE;

  for (guint i = 0; i < n; i++)
    {
      min_id = MIN (min_id, _lt_timeline_index_get_span (self, i)->id);
      max_id = MAX (max_id, _lt_timeline_index_get_span (self, i)->id);
    }

  if (n > 0 && max_id - min_id < (gint64) n * 4 + 1024)
    {
      self->min_id = min_id;
      self->id_range = (gsize) (max_id - min_id + 1);
      self->id_table = g_new0 (guint32, self->id_range);
      for (guint i = 0; i < n; i++)
        self->id_table[_lt_timeline_index_get_span (self, i)->id - min_id] = i + 1;
    }
  else
    ensure_by_id (self);
}

static guint32
lookup_span_by_id (LtTimelineIndex *self,
                   gint64           id,
                   gboolean        *found)
{
  guint lo = 0;
  guint hi = self->spans->len;

  ensure_id_lookup (self);
  if (self->id_table != NULL)
    {
      guint32 v = id >= self->min_id && (gsize) (id - self->min_id) < self->id_range
                  ? self->id_table[id - self->min_id] : 0;

      *found = v != 0;
      return v != 0 ? v - 1 : 0;
    }

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (_lt_timeline_index_get_span (self, self->by_id[mid])->id < id)
        lo = mid + 1;
      else
        hi = mid;
    }

  *found = lo < self->spans->len && _lt_timeline_index_get_span (self, self->by_id[lo])->id == id;

  return *found ? self->by_id[lo] : 0;
}

/**
 * lt_timeline_index_new:
 * @spans: (element-type LtEventSpan): the events, as [method@Store.dup_event_spans] gives them
 * @mode: how events are split into lanes
 * @pairs: (array length=n_pairs) (nullable): events and their actors, for actor lanes
 * @n_pairs: the length of @pairs
 * @max_lanes: for actor and place lanes, how many lanes at most (the last is "Other")
 *
 * Builds the lanes and the count index that lets a frame count the events under any pixel
 * range in constant time, so zoomed-out frames draw aggregates instead of every event.
 *
 * Returns: (transfer full): a new index
 */
LtTimelineIndex *
lt_timeline_index_new (GArray               *spans,
                       LtLaneMode            mode,
                       const LtTimelinePair *pairs,
                       guint                 n_pairs,
                       guint                 max_lanes)
{
  LtTimelineIndex *self;
  guint n;

  g_return_val_if_fail (spans != NULL, NULL);
  g_return_val_if_fail (g_array_get_element_size (spans) == sizeof (LtEventSpan), NULL);

  self = g_new0 (LtTimelineIndex, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->spans = g_array_ref (spans);
  self->mode = mode;
  self->lanes = g_ptr_array_new_with_free_func (lane_free);
  max_lanes = MAX (max_lanes, 2);
  n = spans->len;

  self->first_day = G_MAXINT64;
  self->last_day = G_MININT64;
  for (guint i = 0; i < n; i++)
    {
      const LtEventSpan *span = _lt_timeline_index_get_span (self, i);

      self->first_day = MIN (self->first_day, span->start_day);
      self->last_day = MAX (self->last_day, MAX (span->end_day, span->start_day));
    }

  if (n > 0 && self->last_day - self->first_day + 1 < MAX_PREFIX_DAYS)
    {
      self->day0 = (gint32) self->first_day;
      self->n_days = (guint) (self->last_day - self->first_day + 1);
    }

  switch (mode)
    {
    case LT_LANE_MODE_CATEGORY:
      {
        guint n_keys = g_strv_length ((char **) lt_category_list_keys ());
        g_autofree LtTimelineLane **by_category = g_new0 (LtTimelineLane *, n_keys + 1);
        g_autofree guint *sizes = g_new0 (guint, n_keys + 1);

        for (guint i = 0; i < n; i++)
          {
            const LtEventSpan *span = _lt_timeline_index_get_span (self, i);

            sizes[span->category < n_keys ? span->category : n_keys]++;
          }
        for (guint c = 0; c <= n_keys; c++)
          if (sizes[c] > 0)
            by_category[c] = lane_new (c < n_keys ? (gint64) c : LT_TIMELINE_LANE_OTHER, sizes[c]);
        for (guint c = 0; c <= n_keys; c++)
          if (by_category[c] != NULL)
            g_ptr_array_add (self->lanes, by_category[c]);
        for (guint i = 0; i < n; i++)
          {
            const LtEventSpan *span = _lt_timeline_index_get_span (self, i);
            guint c = span->category < n_keys ? span->category : n_keys;
            LtTimelineItem item;

            item_for_span (span, i, &item);
            g_array_append_val (by_category[c]->items, item);
          }
      }
      break;

    case LT_LANE_MODE_PLACE:
      {
        g_autoptr(GHashTable) counts = g_hash_table_new (g_int64_hash, g_int64_equal);
        g_autoptr(GHashTable) lane_of = g_hash_table_new (g_int64_hash, g_int64_equal);
        g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (KeyCount));
        g_autofree gint64 *keys = g_new (gint64, n + 1);
        LtTimelineLane *other = NULL;

        for (guint i = 0; i < n; i++)
          {
            gint64 place = _lt_timeline_index_get_span (self, i)->place;

            keys[i] = place;
            if (place > 0)   /* 0 is "no place" */
              g_hash_table_insert (counts, &keys[i],
                                   GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, &keys[i])) + 1));
          }
        {
          GHashTableIter iter;
          gpointer k, v;

          g_hash_table_iter_init (&iter, counts);
          while (g_hash_table_iter_next (&iter, &k, &v))
            {
              KeyCount kc = { *(gint64 *) k, GPOINTER_TO_UINT (v) };
              g_array_append_val (sorted, kc);
            }
        }
        g_array_sort (sorted, compare_key_counts);
        for (guint i = 0; i < sorted->len && i < max_lanes - 1; i++)
          {
            LtTimelineLane *lane = lane_new (g_array_index (sorted, KeyCount, i).key, g_array_index (sorted, KeyCount, i).count);

            g_ptr_array_add (self->lanes, lane);
            g_hash_table_insert (lane_of, &lane->key, lane);
          }
        for (guint i = 0; i < n; i++)
          {
            LtTimelineLane *lane = g_hash_table_lookup (lane_of, &keys[i]);
            LtTimelineItem item;

            if (lane == NULL)
              {
                if (other == NULL)
                  other = lane_new (LT_TIMELINE_LANE_OTHER, 1024);
                lane = other;
              }
            item_for_span (_lt_timeline_index_get_span (self, i), i, &item);
            g_array_append_val (lane->items, item);
          }
        if (other != NULL)
          g_ptr_array_add (self->lanes, other);
      }
      break;

    case LT_LANE_MODE_ACTOR:
      {
        g_autoptr(GHashTable) counts = g_hash_table_new (g_int64_hash, g_int64_equal);
        g_autoptr(GHashTable) lane_of = g_hash_table_new (g_int64_hash, g_int64_equal);
        g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (KeyCount));
        g_autofree LtTimelinePair *by_event = g_memdup2 (pairs,
                                                         sizeof (LtTimelinePair) * MAX (n_pairs, 1));
        g_autofree guint32 *first_pair = g_new (guint32, MAX (n, 1));
        LtTimelineLane *other = NULL;

        if (pairs == NULL)
          n_pairs = 0;
        /* the store gives them by event already; sort only if not */
        for (guint i = 1; i < n_pairs; i++)
          if (by_event[i - 1].event_id > by_event[i].event_id)
            {
              qsort (by_event, n_pairs, sizeof (LtTimelinePair), compare_pairs);
              break;
            }
        for (guint i = 0; i < n_pairs; i++)
          {
            gint64 *key = &by_event[i].actor_id;
            gboolean found;

            if (pair_seen_in_run (by_event, i))
              continue;
            /* Only the events drawn decide the lanes: a link to an event left out (restricted
             * in an export) would otherwise show in which lanes there are, and their order. */
            lookup_span_by_id (self, by_event[i].event_id, &found);
            if (!found)
              continue;
            g_hash_table_insert (counts, key,
                                 GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1));
          }
        {
          GHashTableIter iter;
          gpointer k, v;

          g_hash_table_iter_init (&iter, counts);
          while (g_hash_table_iter_next (&iter, &k, &v))
            {
              KeyCount kc = { *(gint64 *) k, GPOINTER_TO_UINT (v) };
              g_array_append_val (sorted, kc);
            }
        }
        g_array_sort (sorted, compare_key_counts);
        for (guint i = 0; i < sorted->len && i < max_lanes - 1; i++)
          {
            LtTimelineLane *lane = lane_new (g_array_index (sorted, KeyCount, i).key, g_array_index (sorted, KeyCount, i).count);

            g_ptr_array_add (self->lanes, lane);
            g_hash_table_insert (lane_of, &lane->key, lane);
          }

        /* Where each event's pairs start */
        for (guint i = 0; i < n; i++)
          first_pair[i] = n_pairs;
        for (guint j = 0; j < n_pairs; j++)
          {
            gboolean found;
            guint32 sp;

            if (j > 0 && by_event[j].event_id == by_event[j - 1].event_id)
              continue;
            sp = lookup_span_by_id (self, by_event[j].event_id, &found);
            if (found)
              first_pair[sp] = j;
          }

        /* Walk the events in date order so every lane comes out sorted. An event shows in the
         * lane of each of its actors that has a lane, else in "Other". */
        for (guint i = 0; i < n; i++)
          {
            const LtEventSpan *span = _lt_timeline_index_get_span (self, i);
            gboolean placed = FALSE;
            LtTimelineItem item;

            item_for_span (span, i, &item);
            for (guint j = first_pair[i]; j < n_pairs && by_event[j].event_id == span->id; j++)
              {
                LtTimelineLane *lane;

                if (pair_seen_in_run (by_event, j))
                  continue;
                lane = g_hash_table_lookup (lane_of, &by_event[j].actor_id);
                if (lane != NULL)
                  {
                    g_array_append_val (lane->items, item);
                    placed = TRUE;
                  }
              }
            if (!placed)
              {
                if (other == NULL)
                  other = lane_new (LT_TIMELINE_LANE_OTHER, 1024);
                g_array_append_val (other->items, item);
              }
          }
        if (other != NULL)
          g_ptr_array_add (self->lanes, other);

        /* The hash table keys point into by_event and the lanes: keep lanes' own keys */
        g_hash_table_remove_all (counts);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  for (guint i = 0; i < self->lanes->len; i++)
    lane_finish (self, g_ptr_array_index (self->lanes, i));

  return self;
}

/**
 * lt_timeline_index_ref:
 * @index: an index
 *
 * Returns: (transfer full): @index
 */
LtTimelineIndex *
lt_timeline_index_ref (LtTimelineIndex *index)
{
  g_return_val_if_fail (index != NULL, NULL);

  g_atomic_ref_count_inc (&index->ref_count);

  return index;
}

/**
 * lt_timeline_index_unref:
 * @index: (transfer full): an index
 */
void
lt_timeline_index_unref (LtTimelineIndex *index)
{
  g_return_if_fail (index != NULL);

  if (g_atomic_ref_count_dec (&index->ref_count))
    {
      g_clear_pointer (&index->lanes, g_ptr_array_unref);
      g_clear_pointer (&index->spans, g_array_unref);
      g_clear_pointer (&index->by_id, g_free);
      g_clear_pointer (&index->id_table, g_free);
      g_free (index);
    }
}

/**
 * lt_timeline_index_get_spans:
 * @index: an index
 *
 * Returns: (transfer none) (element-type LtEventSpan): the spans it was built from
 */
GArray *
lt_timeline_index_get_spans (LtTimelineIndex *index)
{
  return index->spans;
}

/**
 * lt_timeline_index_get_mode:
 * @index: an index
 *
 * Returns: how the events are split into lanes
 */
LtLaneMode
lt_timeline_index_get_mode (LtTimelineIndex *index)
{
  return index->mode;
}

/**
 * lt_timeline_index_get_n_lanes:
 * @index: an index
 *
 * Returns: the number of lanes
 */
guint
lt_timeline_index_get_n_lanes (LtTimelineIndex *index)
{
  return index->lanes->len;
}

/**
 * lt_timeline_index_get_lane_key:
 * @index: an index
 * @lane: a lane
 *
 * Returns: the category index, actor id or place index of @lane, or
 *   %LT_TIMELINE_LANE_OTHER
 */
gint64
lt_timeline_index_get_lane_key (LtTimelineIndex *index,
                                guint            lane)
{
  g_return_val_if_fail (lane < index->lanes->len, LT_TIMELINE_LANE_OTHER);

  return ((LtTimelineLane *) g_ptr_array_index (index->lanes, lane))->key;
}

/**
 * lt_timeline_index_get_lane_n_items:
 * @index: an index
 * @lane: a lane
 *
 * Returns: the number of items in @lane
 */
guint
lt_timeline_index_get_lane_n_items (LtTimelineIndex *index,
                                    guint            lane)
{
  g_return_val_if_fail (lane < index->lanes->len, 0);

  return ((LtTimelineLane *) g_ptr_array_index (index->lanes, lane))->items->len;
}

/**
 * lt_timeline_index_get_lane_items:
 * @index: an index
 * @lane: a lane
 *
 * Returns: (transfer none): the items of @lane, sorted by start day
 */
const LtTimelineItem *
lt_timeline_index_get_lane_items (LtTimelineIndex *index,
                                  guint            lane)
{
  LtTimelineLane *l;

  g_return_val_if_fail (lane < index->lanes->len, NULL);

  l = g_ptr_array_index (index->lanes, lane);

  return (const LtTimelineItem *) (gpointer) l->items->data;
}

/**
 * lt_timeline_index_get_extent:
 * @index: an index
 * @first_day: (out): the first day of the data
 * @last_day: (out): the last day of the data, inclusive
 *
 * Returns: %FALSE if there are no events
 */
gboolean
lt_timeline_index_get_extent (LtTimelineIndex *index,
                              gint64          *first_day,
                              gint64          *last_day)
{
  if (index->spans->len == 0)
    return FALSE;

  *first_day = index->first_day;
  *last_day = index->last_day;

  return TRUE;
}

static guint
day_position (LtTimelineIndex *self,
              LtTimelineLane  *lane,
              gint64           day)
{
  const LtTimelineItem *items = (const LtTimelineItem *) (gpointer) lane->items->data;
  guint lo = 0;
  guint hi = lane->items->len;

  if (lane->prefix != NULL)
    {
      if (day <= self->day0)
        return 0;
      if (day > self->day0 + (gint64) self->n_days)
        return lane->items->len;
      return lane->prefix[day - self->day0];
    }

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (items[mid].start_day < day)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/**
 * lt_timeline_index_position:
 * @index: an index
 * @lane: a lane
 * @day: a day, with a fraction
 *
 * Items of the same day are spread evenly over it, the i-th of k anchored at
 * day + (i + 0.5) / k, so that zooming into a day splits its events.
 *
 * Returns: the first item of @lane anchored at or after @day
 */
guint
lt_timeline_index_position (LtTimelineIndex *index,
                            guint            lane,
                            double           day)
{
  LtTimelineLane *l = g_ptr_array_index (index->lanes, lane);
  double whole = floor (day);
  gint64 d;
  guint base;
  guint k;
  double r;

  if (whole < -1e12)
    return 0;
  if (whole > 1e12)
    return l->items->len;

  d = (gint64) whole;
  base = day_position (index, l, d);
  k = day_position (index, l, d + 1) - base;
  r = ceil ((day - whole) * k - 0.5);

  return base + (guint) CLAMP (r, 0.0, (double) k);
}

/**
 * lt_timeline_index_item_anchor:
 * @index: an index
 * @lane: a lane
 * @item: an item of @lane
 *
 * Returns: the day where @item is drawn (see [method@TimelineIndex.position])
 */
double
lt_timeline_index_item_anchor (LtTimelineIndex *index,
                               guint            lane,
                               guint            item)
{
  LtTimelineLane *l = g_ptr_array_index (index->lanes, lane);
  const LtTimelineItem *it = &g_array_index (l->items, LtTimelineItem, item);
  guint base = day_position (index, l, it->start_day);
  guint k = day_position (index, l, (gint64) it->start_day + 1) - base;

  return it->start_day + (item - base + 0.5) / MAX (k, 1);
}

/**
 * lt_timeline_index_count_matched_items:
 * @index: an index
 * @lane: a lane
 * @from_item: the first item
 * @to_item: the item after the last
 *
 * Returns: how many items in the range match the filter (all if there is none)
 */
guint
lt_timeline_index_count_matched_items (LtTimelineIndex *index,
                                       guint            lane,
                                       guint            from_item,
                                       guint            to_item)
{
  LtTimelineLane *l = g_ptr_array_index (index->lanes, lane);

  if (to_item <= from_item)
    return 0;
  if (l->matched == NULL)
    return to_item - from_item;

  return l->matched[to_item] - l->matched[from_item];
}

/**
 * lt_timeline_index_count:
 * @index: an index
 * @lane: a lane
 * @from_day: the start, with a fraction
 * @to_day: the end, exclusive
 * @matched_only: count only what matches the filter
 *
 * Counts in constant time the items anchored in a range of days.
 *
 * Returns: the count
 */
guint
lt_timeline_index_count (LtTimelineIndex *index,
                         guint            lane,
                         double           from_day,
                         double           to_day,
                         gboolean         matched_only)
{
  guint a = lt_timeline_index_position (index, lane, from_day);
  guint b = lt_timeline_index_position (index, lane, to_day);

  if (matched_only)
    return lt_timeline_index_count_matched_items (index, lane, a, b);

  return b > a ? b - a : 0;
}

/**
 * lt_timeline_index_density:
 * @index: an index
 * @start: the first day
 * @end: the last day
 * @n_bins: the number of bins
 * @matched_only: count only what matches the filter
 * @out_counts: (array length=n_bins): the counts over all lanes
 *
 * Counts the events of all lanes in @n_bins equal bins (for the overview strip).
 */
void
lt_timeline_index_density (LtTimelineIndex *index,
                           double           start,
                           double           end,
                           guint            n_bins,
                           gboolean         matched_only,
                           guint           *out_counts)
{
  memset (out_counts, 0, sizeof (guint) * n_bins);

  for (guint lane = 0; lane < index->lanes->len; lane++)
    {
      guint prev = lt_timeline_index_position (index, lane, start);

      for (guint b = 0; b < n_bins; b++)
        {
          guint next = lt_timeline_index_position (index, lane,
                                                   start + (end - start) * (b + 1) / n_bins);

          if (matched_only)
            out_counts[b] += lt_timeline_index_count_matched_items (index, lane, prev, next);
          else
            out_counts[b] += next - prev;
          prev = next;
        }
    }
}

/**
 * lt_timeline_index_set_matches:
 * @index: an index
 * @ids: (array length=n_ids) (nullable): the events that match, or %NULL for no filter
 * @n_ids: the length of @ids
 *
 * Marks the events that match the filter in force.
 */
void
lt_timeline_index_set_matches (LtTimelineIndex *index,
                               const gint64    *ids,
                               guint            n_ids)
{
  g_autofree guint8 *matched = NULL;

  index->has_filter = ids != NULL;
  index->n_matched = 0;

  if (ids != NULL)
    {
      matched = g_malloc0 (MAX (index->spans->len, 1));
      for (guint i = 0; i < n_ids; i++)
        {
          gboolean found;
          guint32 s = lookup_span_by_id (index, ids[i], &found);

          if (found && !matched[s])
            {
              matched[s] = 1;
              index->n_matched++;
            }
        }
    }
  else
    index->n_matched = index->spans->len;

  for (guint i = 0; i < index->lanes->len; i++)
    {
      LtTimelineLane *lane = g_ptr_array_index (index->lanes, i);
      LtTimelineItem *items = (LtTimelineItem *) (gpointer) lane->items->data;

      g_clear_pointer (&lane->matched, g_free);
      if (matched == NULL)
        {
          for (guint j = 0; j < lane->items->len; j++)
            items[j].flags |= LT_ITEM_MATCHED;
          continue;
        }

      lane->matched = g_new (guint32, lane->items->len + 1);
      lane->matched[0] = 0;
      for (guint j = 0; j < lane->items->len; j++)
        {
          if (matched[items[j].span])
            items[j].flags |= LT_ITEM_MATCHED;
          else
            items[j].flags &= ~LT_ITEM_MATCHED;
          lane->matched[j + 1] = lane->matched[j] + (matched[items[j].span] ? 1 : 0);
        }
    }
}

/**
 * lt_timeline_index_has_filter:
 * @index: an index
 *
 * Returns: %TRUE if a filter is in force
 */
gboolean
lt_timeline_index_has_filter (LtTimelineIndex *index)
{
  return index->has_filter;
}

/**
 * lt_timeline_index_get_n_matched:
 * @index: an index
 *
 * Returns: how many events match the filter (all without one)
 */
guint
lt_timeline_index_get_n_matched (LtTimelineIndex *index)
{
  return index->has_filter ? index->n_matched : index->spans->len;
}

/**
 * lt_timeline_index_is_matched:
 * @index: an index
 * @event_id: an event
 *
 * Returns: %TRUE if the event exists and matches the filter
 */
gboolean
lt_timeline_index_is_matched (LtTimelineIndex *index,
                              gint64           event_id)
{
  guint lane;
  guint item;

  if (!lt_timeline_index_find_event (index, event_id, &lane, &item))
    return FALSE;

  return (lt_timeline_index_get_lane_items (index, lane)[item].flags & LT_ITEM_MATCHED) != 0
         || !index->has_filter;
}

/**
 * lt_timeline_index_find_event:
 * @index: an index
 * @event_id: an event
 * @lane: (out): its (first) lane
 * @item: (out): its item in that lane
 *
 * Returns: %TRUE if the event is in the index
 */
gboolean
lt_timeline_index_find_event (LtTimelineIndex *index,
                              gint64           event_id,
                              guint           *lane,
                              guint           *item)
{
  gboolean found;
  guint32 s = lookup_span_by_id (index, event_id, &found);
  const LtEventSpan *span;

  if (!found)
    return FALSE;

  span = _lt_timeline_index_get_span (index, s);
  for (guint l = 0; l < index->lanes->len; l++)
    {
      LtTimelineLane *ln = g_ptr_array_index (index->lanes, l);
      const LtTimelineItem *items = (const LtTimelineItem *) (gpointer) ln->items->data;

      for (guint j = day_position (index, ln, span->start_day);
           j < ln->items->len && items[j].start_day == span->start_day;
           j++)
        {
          if (items[j].span == s)
            {
              *lane = l;
              *item = j;
              return TRUE;
            }
        }
    }

  return FALSE;
}

/**
 * lt_timeline_index_next_event:
 * @index: an index
 * @after_day: where to start
 * @direction: 1 for the next event, -1 for the previous one
 * @matched_only: skip events that do not match the filter
 * @lane: (out): the lane of the event found
 * @item: (out): its item
 *
 * Finds the nearest event anchored after (or before) @after_day over all lanes.
 *
 * Returns: %TRUE if there is one
 */
gboolean
lt_timeline_index_next_event (LtTimelineIndex *index,
                              double           after_day,
                              int              direction,
                              gboolean         matched_only,
                              guint           *lane,
                              guint           *item)
{
  double best = direction > 0 ? G_MAXDOUBLE : -G_MAXDOUBLE;
  gboolean found = FALSE;

  for (guint l = 0; l < index->lanes->len; l++)
    {
      LtTimelineLane *ln = g_ptr_array_index (index->lanes, l);
      const LtTimelineItem *items = (const LtTimelineItem *) (gpointer) ln->items->data;
      guint n = ln->items->len;
      guint p = lt_timeline_index_position (index, l, after_day);
      gint64 j;
      double anchor;

      if (direction > 0)
        {
          /* the anchor at p may equal after_day: step over it */
          j = p;
          while (j < n && lt_timeline_index_item_anchor (index, l, (guint) j) <= after_day + 1e-9)
            j++;
          while (j < n && matched_only && index->has_filter && !(items[j].flags & LT_ITEM_MATCHED))
            j++;
          if (j >= n)
            continue;
        }
      else
        {
          j = (gint64) p - 1;
          while (j >= 0 && matched_only && index->has_filter && !(items[j].flags & LT_ITEM_MATCHED))
            j--;
          if (j < 0)
            continue;
        }

      anchor = lt_timeline_index_item_anchor (index, l, (guint) j);
      if (direction > 0 ? anchor < best : anchor > best)
        {
          best = anchor;
          *lane = l;
          *item = (guint) j;
          found = TRUE;
        }
    }

  return found;
}
