/* test-models.c: list models emit items-changed for what changed, only
 *
 * Copyright 2024 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-helpers.h"

typedef struct
{
  guint emissions;
  guint position;
  guint removed;
  guint added;
  guint n_notify;
} ItemsChanged;

static void
items_changed_cb (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *r)
{
  r->emissions++;
  r->position = position;
  r->removed = removed;
  r->added = added;
}

static void
notify_n_items_cb (GObject      *object,
                   GParamSpec   *pspec,
                   ItemsChanged *r)
{
  r->n_notify++;
}

static void
watch (GListModel   *model,
       ItemsChanged *r)
{
  memset (r, 0, sizeof *r);
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), r);
  g_signal_connect (model, "notify::n-items", G_CALLBACK (notify_n_items_cb), r);
}

static void
assert_changed (ItemsChanged *r,
                guint         position,
                guint         removed,
                guint         added)
{
  g_assert_cmpuint (r->emissions, ==, 1);
  g_assert_cmpuint (r->position, ==, position);
  g_assert_cmpuint (r->removed, ==, removed);
  g_assert_cmpuint (r->added, ==, added);
  memset (r, 0, sizeof *r);
}

static const char *
title_at (GListModel *model,
          guint       position)
{
  g_autoptr(LtEvent) event = g_list_model_get_item (model, position);

  /* The store keeps no reference; the string lives in the interned title
   * of the chunk cache, which holds the item. */
  return event != NULL ? g_intern_string (lt_event_get_title (event)) : NULL;
}

static LtEvent *
make_event (const char *title,
            const char *date,
            const char *category)
{
  LtEvent *event = lt_event_new ();
  LtDateRange range;

  g_assert_true (lt_date_range_parse (date, &range, NULL));
  lt_event_set_title (event, title);
  lt_event_set_date_range (event, &range);
  lt_event_set_category (event, category);
  return event;
}

static void
test_event_list (void)
{
  g_autoptr(GError) error = NULL;
  LtStore *store = open_mini_store ();
  GListModel *list = lt_store_list_events (store, NULL);
  g_autoptr(LtEvent) draft = make_event ("Vigil in Hrodna", "2021-06-20", "protest");
  g_autoptr(LtEvent) edit = NULL;
  ItemsChanged r;
  gint64 id;
  guint pos;

  g_assert_true (g_list_model_get_item_type (list) == LT_TYPE_EVENT);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 6);
  g_assert_cmpstr (title_at (list, 0), ==, "Protests after the presidential election");
  g_assert_cmpstr (title_at (list, 1), ==, "TUT.BY blocked and its editors detained");
  g_assert_cmpstr (title_at (list, 2), ==, "European Union sanctions Lukashenko");
  g_assert_cmpstr (title_at (list, 5), ==, "Bialiatski sentenced");
  g_assert_null (g_list_model_get_item (list, 6));
  watch (list, &r);

  /* Add between June 2021 (month, first day 1 June) and July 2021 */
  id = lt_store_add_event (store, draft, &error);
  g_assert_no_error (error);
  assert_changed (&r, 3, 0, 1);
  g_assert_cmpstr (title_at (list, 3), ==, "Vigil in Hrodna");
  g_assert_true (lt_record_list_find (LT_RECORD_LIST (list), id, &pos));
  g_assert_cmpuint (pos, ==, 3);
  g_assert_cmpint (lt_event_list_get_id_at (LT_EVENT_LIST (list), 3), ==, id);

  /* Edit in place */
  edit = lt_store_lookup_event (store, id);
  lt_event_set_title (edit, "Vigil in central Hrodna");
  g_assert_true (lt_store_update_event (store, edit, &error));
  assert_changed (&r, 3, 1, 1);
  g_assert_cmpstr (title_at (list, 3), ==, "Vigil in central Hrodna");

  /* Move it to 2019: the rows from 0 to 3 change, nothing else. */
  {
    LtDateRange range;

    lt_date_range_parse ("2019-05-01", &range, NULL);
    lt_event_set_date_range (edit, &range);
  }
  g_assert_true (lt_store_update_event (store, edit, &error));
  assert_changed (&r, 0, 4, 4);
  g_assert_cmpstr (title_at (list, 0), ==, "Vigil in central Hrodna");

  /* Restricted: not in this (public) list, no signal */
  lt_record_set_restricted (LT_RECORD (edit), TRUE);
  g_assert_true (lt_store_update_event (store, edit, &error));
  assert_changed (&r, 0, 1, 0);
  lt_event_set_title (edit, "Still restricted");
  g_assert_true (lt_store_update_event (store, edit, &error));
  g_assert_cmpuint (r.emissions, ==, 0);

  /* Undo twice: public again, back at 0 */
  g_assert_true (lt_store_undo (store, &error));
  g_assert_cmpuint (r.emissions, ==, 0);
  g_assert_true (lt_store_undo (store, &error));
  assert_changed (&r, 0, 0, 1);

  /* Delete, then undo */
  g_assert_true (lt_store_delete_event (store, id, &error));
  assert_changed (&r, 0, 1, 0);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 6);
  g_assert_true (lt_store_undo (store, &error));
  assert_changed (&r, 0, 0, 1);

  /* Changes to actors or sources do not touch this list unless they touch its events. */
  {
    g_autoptr(LtActor) actor = lt_actor_new ();

    lt_actor_set_name (actor, "Nobody");
    lt_actor_set_kind (actor, "person");
    lt_store_add_actor (store, actor, &error);
    g_assert_cmpuint (r.emissions, ==, 0);
  }

  /* A language switch reloads everything at once. */
  lt_store_set_language (store, "be");
  assert_changed (&r, 0, 7, 7);
  g_assert_cmpstr (title_at (list, 1), ==, "Пратэсты пасля прэзідэнцкіх выбараў");

  g_signal_handlers_disconnect_by_data (list, &r);
  g_clear_object (&edit);
  g_clear_object (&draft);
  g_assert_finalize_object (list);
  g_assert_finalize_object (store);
}

static void
test_filtered_lists (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LtStore) store = open_mini_store ();
  g_autoptr(LtEventFilter) filter = lt_event_filter_new ();
  g_autoptr(GListModel) detentions = NULL;
  g_autoptr(GListModel) august = NULL;
  g_autoptr(GListModel) of_viasna = NULL;
  g_autoptr(LtEvent) protest = make_event ("March", "2020-08-16", "protest");
  g_autoptr(LtEvent) detention = make_event ("Arrests", "2020-08-16", "detention");
  ItemsChanged rd, ra, rv;
  gint64 viasna = lt_store_find_actor (store, "viasna");

  lt_event_filter_set_categories (filter, (const char *[]) { "detention", NULL });
  detentions = lt_store_list_events (store, filter);
  g_assert_cmpuint (g_list_model_get_n_items (detentions), ==, 2);

  lt_event_filter_set_categories (filter, NULL);
  lt_event_filter_set_window (filter, lt_days_from_ymd (2020, 8, 1), lt_days_from_ymd (2020, 8, 31));
  lt_event_filter_set_include_restricted (filter, TRUE);
  august = lt_store_list_events (store, filter);
  g_assert_cmpuint (g_list_model_get_n_items (august), ==, 2);

  of_viasna = lt_store_list_events_of_actor (store, viasna);
  g_assert_cmpuint (g_list_model_get_n_items (of_viasna), ==, 3);

  watch (detentions, &rd);
  watch (august, &ra);
  watch (of_viasna, &rv);

  lt_store_add_event (store, protest, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rd.emissions, ==, 0);
  assert_changed (&ra, 2, 0, 1);
  g_assert_cmpuint (rv.emissions, ==, 0);

  lt_event_add_participant (detention, viasna, "target");
  lt_store_add_event (store, detention, &error);
  assert_changed (&rd, 0, 0, 1);
  g_assert_cmpuint (rd.n_notify, ==, 0);  /* reset by assert_changed */
  assert_changed (&ra, 3, 0, 1);
  assert_changed (&rv, 0, 0, 1);

  /* Removing Viasna from the event drops it from Viasna's list only. */
  lt_event_clear_participants (detention);
  lt_store_update_event (store, detention, &error);
  assert_changed (&rv, 0, 1, 0);
  assert_changed (&rd, 0, 1, 1);
  assert_changed (&ra, 3, 1, 1);

  /* Deleting the actor empties the list of its events. */
  g_assert_true (lt_store_delete_actor (store, viasna, &error));
  g_assert_cmpuint (g_list_model_get_n_items (of_viasna), ==, 0);
  g_assert_cmpuint (rv.emissions, ==, 3);

  /* Changing the filter replaces everything in one signal. */
  memset (&ra, 0, sizeof ra);
  lt_event_filter_clear_window (filter);
  lt_event_list_set_filter (LT_EVENT_LIST (august), filter);
  assert_changed (&ra, 0, 4, 9);
  g_signal_handlers_disconnect_by_data (detentions, &rd);
  g_signal_handlers_disconnect_by_data (august, &ra);
  g_signal_handlers_disconnect_by_data (of_viasna, &rv);
}

static void
test_actor_and_relation_lists (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LtStore) store = open_mini_store ();
  g_autoptr(GListModel) people = lt_store_list_actors (store, "person");
  g_autoptr(GListModel) all = lt_store_list_actors (store, NULL);
  g_autoptr(GListModel) relations = NULL;
  g_autoptr(GListModel) sources = lt_store_list_sources (store);
  g_autoptr(LtActor) draft = lt_actor_new ();
  g_autoptr(LtRelation) relation = lt_relation_new ();
  g_autoptr(LtActor) first = NULL;
  ItemsChanged rp, ra, rr;
  gint64 viasna = lt_store_find_actor (store, "viasna");
  gint64 id;

  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 9);
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 2);
  first = g_list_model_get_item (people, 0);
  g_assert_cmpstr (lt_actor_get_name (first), ==, "Ales Bialiatski");

  relations = lt_store_list_relations (store, viasna);
  g_assert_cmpuint (g_list_model_get_n_items (relations), ==, 1);

  watch (people, &rp);
  watch (all, &ra);
  watch (relations, &rr);

  lt_actor_set_name (draft, "Maria Kalesnikava");
  lt_actor_set_kind (draft, "person");
  id = lt_store_add_actor (store, draft, &error);
  g_assert_no_error (error);
  assert_changed (&rp, 2, 0, 1);   /* Ales, Alexander, Maria, Witness */
  assert_changed (&ra, 4, 0, 1);

  /* Renaming moves it */
  lt_actor_set_name (draft, "Aaron Aaronson");
  g_assert_true (lt_store_update_actor (store, draft, &error));
  assert_changed (&rp, 0, 3, 3);
  assert_changed (&ra, 0, 5, 5);

  /* A state body does not enter the list of people */
  {
    g_autoptr(LtActor) body = lt_actor_new ();

    lt_actor_set_name (body, "Investigative Committee");
    lt_actor_set_kind (body, "state-body");
    lt_store_add_actor (store, body, &error);
    g_assert_cmpuint (rp.emissions, ==, 0);
    g_assert_cmpuint (ra.emissions, ==, 1);
    memset (&ra, 0, sizeof ra);
  }

  lt_relation_set_from_id (relation, id);
  lt_relation_set_to_id (relation, viasna);
  lt_relation_set_relation_type (relation, "member-of");
  g_assert_cmpint (lt_store_add_relation (store, relation, &error), >, 0);
  g_assert_no_error (error);
  assert_changed (&rr, 1, 0, 1);

  /* Deleting the actor removes its relation from Viasna's list too. */
  g_assert_true (lt_store_delete_actor (store, id, &error));
  assert_changed (&rr, 1, 1, 0);
  assert_changed (&rp, 0, 1, 0);
  g_assert_true (lt_store_undo (store, &error));
  assert_changed (&rr, 1, 0, 1);
  assert_changed (&rp, 0, 0, 1);

  g_signal_handlers_disconnect_by_data (people, &rp);
  g_signal_handlers_disconnect_by_data (all, &ra);
  g_signal_handlers_disconnect_by_data (relations, &rr);
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const LtEventSpan *x = a, *y = b;

  if (x->start_day != y->start_day)
    return x->start_day < y->start_day ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

static void
test_large_lazy_list (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LtStore) store = lt_store_open (":memory:", &error);
  g_autoptr(LtEventFilter) filter = lt_event_filter_new ();
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GArray) spans = NULL;
  LtSyntheticParams params = { 20000, 2, 300, 500, 11, 0 };

  g_assert_true (lt_store_generate_synthetic (store, &params, &error));
  lt_event_filter_set_window (filter, lt_days_from_ymd (2020, 3, 1), lt_days_from_ymd (2020, 5, 31));
  list = lt_store_list_events (store, filter);
  spans = lt_store_dup_event_spans (store, filter, &error);
  /* Spans come by day; the list orders each day by id. */
  for (guint i = 1; i < spans->len; i++)
    g_assert_cmpint (g_array_index (spans, LtEventSpan, i - 1).start_day, <=,
                     g_array_index (spans, LtEventSpan, i).start_day);
  g_array_sort (spans, compare_spans);

  /* The list and the span array agree, item by item. */
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, spans->len);
  g_assert_cmpuint (spans->len, >, 2000);
  for (guint i = 0; i < spans->len; i += 37)
    {
      g_autoptr(LtEvent) event = g_list_model_get_item (list, i);

      g_assert_nonnull (event);
      g_assert_cmpint (lt_record_get_id (LT_RECORD (event)), ==,
                       g_array_index (spans, LtEventSpan, i).id);
      g_assert_cmpint (lt_event_get_start_day (event), ==, g_array_index (spans, LtEventSpan, i).start_day);
      g_assert_nonnull (lt_event_get_title (event));
    }
  /* Backwards through chunks evicted from the cache */
  for (guint i = spans->len; i-- > 0; )
    {
      g_autoptr(LtEvent) event = g_list_model_get_item (list, i);

      g_assert_cmpint (lt_record_get_id (LT_RECORD (event)), ==,
                       g_array_index (spans, LtEventSpan, i).id);
    }
}

int
main (int   argc,
      char *argv[])
{
  test_setup_locale ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Letapis/Models/event-list", test_event_list);
  g_test_add_func ("/Letapis/Models/filtered-lists", test_filtered_lists);
  g_test_add_func ("/Letapis/Models/actor-and-relation-lists", test_actor_and_relation_lists);
  g_test_add_func ("/Letapis/Models/large-lazy-list", test_large_lazy_list);

  return g_test_run ();
}
