/* test-store.c: editing with undo and redo, compact indexes
 *
 * Copyright 2024 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-helpers.h"

typedef struct
{
  guint n_changed;
  char  table[32];
  gint64 id;
  int   change;
  guint n_can_undo;
  guint n_can_redo;
} Recorder;

static void
changed_cb (LtStore    *store,
            const char *table,
            gint64      id,
            int         change,
            Recorder   *r)
{
  r->n_changed++;
  g_strlcpy (r->table, table, sizeof r->table);
  r->id = id;
  r->change = change;
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           Recorder   *r)
{
  if (g_str_equal (pspec->name, "can-undo"))
    r->n_can_undo++;
  else if (g_str_equal (pspec->name, "can-redo"))
    r->n_can_redo++;
}

static LtStore *
new_store (Recorder *r)
{
  g_autoptr(GError) error = NULL;
  LtStore *store = lt_store_open (":memory:", &error);

  g_assert_no_error (error);
  lt_store_set_language (store, "en");
  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), r);
  g_signal_connect (store, "notify", G_CALLBACK (notify_cb), r);
  return store;
}

static gint64
add_actor (LtStore    *store,
           const char *name,
           const char *kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LtActor) actor = lt_actor_new ();
  gint64 id;

  lt_actor_set_name (actor, name);
  lt_actor_set_kind (actor, kind);
  id = lt_store_add_actor (store, actor, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
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
test_event_crud_undo (void)
{
  g_autoptr(GError) error = NULL;
  Recorder r = { 0 };
  LtStore *store = new_store (&r);
  g_autoptr(LtEvent) draft = make_event ("Protest in Minsk", "2020-08-09", "protest");
  g_autoptr(LtEvent) loaded = NULL;
  g_autoptr(LtEvent) edit = NULL;
  g_autoptr(LtSource) source = lt_source_new ();
  g_autoptr(GPtrArray) participants = NULL;
  gint64 omon = add_actor (store, "Minsk OMON", "military-unit");
  gint64 source_id, id;

  lt_source_set_title (source, "A report");
  source_id = lt_store_add_source (store, source, &error);
  g_assert_no_error (error);

  lt_event_set_summary (draft, "Many people");
  lt_event_set_place (draft, "Minsk");
  lt_record_set_translation (LT_RECORD (draft), "uk", "title", "Протест у Мінську");
  lt_event_add_participant (draft, omon, "perpetrator");
  lt_event_add_figure (draft, 3000, "detained", "more than");
  lt_event_add_citation (draft, source_id, "¶2", "a note");

  r.n_changed = 0;
  id = lt_store_add_event (store, draft, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (lt_record_get_id (LT_RECORD (draft)), ==, id);
  g_assert_cmpstr (lt_record_get_slug (LT_RECORD (draft)), ==, "protest-in-minsk");
  g_assert_cmpuint (r.n_changed, ==, 1);
  g_assert_cmpstr (r.table, ==, "events");
  g_assert_cmpint (r.change, ==, LT_CHANGE_ADDED);
  g_assert_true (lt_store_get_can_undo (store));
  g_assert_cmpstr (lt_store_get_undo_label (store), ==, "Add “Protest in Minsk”");

  loaded = lt_store_lookup_event (store, id);
  g_assert_nonnull (loaded);
  g_assert_cmpstr (lt_event_get_title (loaded), ==, "Protest in Minsk");
  g_assert_cmpstr (lt_event_get_place (loaded), ==, "Minsk");
  g_assert_cmpstr (lt_record_get_translation (LT_RECORD (loaded), "uk", "title"), ==,
                   "Протест у Мінську");
  g_assert_cmpint (lt_event_get_start_day (loaded), ==, lt_days_from_ymd (2020, 8, 9));
  participants = lt_event_list_participants (loaded);
  g_assert_cmpuint (participants->len, ==, 1);
  g_assert_cmpstr (((LtParticipant *) participants->pdata[0])->actor_name, ==, "Minsk OMON");
  g_assert_cmpstr (((LtParticipant *) participants->pdata[0])->role, ==, "perpetrator");
  g_assert_cmpuint (lt_event_get_figures (loaded)->len, ==, 1);
  g_assert_cmpfloat (((LtFigure *) lt_event_get_figures (loaded)->pdata[0])->value, ==, 3000);
  g_assert_cmpuint (lt_event_get_citations (loaded)->len, ==, 1);
  g_assert_cmpstr (((LtCitation *) lt_event_get_citations (loaded)->pdata[0])->source_title, ==, "A report");

  /* The same title again gets a new slug; the same slug is refused. */
  {
    g_autoptr(LtEvent) twin = make_event ("Protest in Minsk", "2020-08-10", "protest");
    g_autoptr(LtEvent) clash = make_event ("Other", "2020-08-10", "protest");

    g_assert_cmpint (lt_store_add_event (store, twin, &error), >, 0);
    g_assert_no_error (error);
    g_assert_cmpstr (lt_record_get_slug (LT_RECORD (twin)), ==, "protest-in-minsk-2");
    lt_record_set_slug (LT_RECORD (clash), "protest-in-minsk");
    g_assert_cmpint (lt_store_add_event (store, clash, &error), ==, 0);
    g_assert_error (error, LT_STORE_ERROR, LT_STORE_ERROR_CONFLICT);
    g_clear_error (&error);
    g_assert_true (lt_store_undo (store, &error));
  }

  /* Update */
  edit = LT_EVENT (lt_record_dup (LT_RECORD (loaded)));
  lt_event_set_title (edit, "Protest in central Minsk");
  lt_event_clear_participants (edit);
  r.n_changed = 0;
  g_assert_true (lt_store_update_event (store, edit, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (r.n_changed, ==, 1);
  g_assert_cmpint (r.change, ==, LT_CHANGE_UPDATED);
  g_clear_object (&loaded);
  loaded = lt_store_lookup_event (store, id);
  g_assert_cmpstr (lt_event_get_title (loaded), ==, "Protest in central Minsk");
  g_clear_pointer (&participants, g_ptr_array_unref);
  participants = lt_event_list_participants (loaded);
  g_assert_cmpuint (participants->len, ==, 0);
  /* Translations survive an update that did not touch them. */
  g_assert_cmpstr (lt_record_get_translation (LT_RECORD (loaded), "uk", "title"), ==,
                   "Протест у Мінську");

  /* Undo the update: title and participant come back. */
  g_assert_true (lt_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_true (lt_store_get_can_redo (store));
  g_clear_object (&loaded);
  loaded = lt_store_lookup_event (store, id);
  g_assert_cmpstr (lt_event_get_title (loaded), ==, "Protest in Minsk");
  g_clear_pointer (&participants, g_ptr_array_unref);
  participants = lt_event_list_participants (loaded);
  g_assert_cmpuint (participants->len, ==, 1);

  g_assert_true (lt_store_redo (store, &error));
  g_clear_object (&loaded);
  loaded = lt_store_lookup_event (store, id);
  g_assert_cmpstr (lt_event_get_title (loaded), ==, "Protest in central Minsk");

  /* Delete, undo, redo */
  g_assert_true (lt_store_delete_event (store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (r.change, ==, LT_CHANGE_REMOVED);
  g_assert_null (lt_store_lookup_event (store, id));
  g_assert_true (lt_store_undo (store, &error));
  g_clear_object (&loaded);
  loaded = lt_store_lookup_event (store, id);
  g_assert_nonnull (loaded);
  g_assert_cmpint (r.change, ==, LT_CHANGE_ADDED);
  g_assert_cmpuint (lt_event_get_figures (loaded)->len, ==, 1);
  g_assert_cmpstr (lt_record_get_translation (LT_RECORD (loaded), "uk", "title"), ==,
                   "Протест у Мінську");
  g_assert_true (lt_store_redo (store, &error));
  g_assert_null (lt_store_lookup_event (store, id));
  g_assert_false (lt_store_redo (store, &error));
  g_assert_error (error, LT_STORE_ERROR, LT_STORE_ERROR_NOTHING_TO_UNDO);
  g_clear_error (&error);

  /* Undo everything: back to an empty store (the source, the actor). */
  while (lt_store_get_can_undo (store))
    g_assert_true (lt_store_undo (store, NULL));
  g_assert_true (lt_store_is_empty (store));
  g_assert_false (lt_store_undo (store, &error));
  g_clear_error (&error);

  /* A new change after undo clears redo. */
  g_assert_true (lt_store_get_can_redo (store));
  add_actor (store, "Someone", "person");
  g_assert_false (lt_store_get_can_redo (store));
  g_assert_cmpuint (r.n_can_undo, >, 0);
  g_assert_cmpuint (r.n_can_redo, >, 0);

  /* Records hold the store they come from; once they are gone, so is it. */
  g_clear_object (&loaded);
  g_clear_object (&edit);
  g_clear_object (&draft);
  g_clear_object (&source);
  g_signal_handlers_disconnect_by_data (store, &r);
  g_assert_finalize_object (store);
}

static void
test_invalid_drafts (void)
{
  g_autoptr(GError) error = NULL;
  Recorder r = { 0 };
  g_autoptr(LtStore) store = new_store (&r);
  g_autoptr(LtEvent) no_title = make_event ("", "2020", "protest");
  g_autoptr(LtEvent) bad_category = make_event ("x", "2020", "picnic");
  g_autoptr(LtEvent) bad_actor = make_event ("x", "2020", "protest");
  g_autoptr(LtEvent) bad_role = make_event ("x", "2020", "protest");
  g_autoptr(LtEvent) bad_slug = make_event ("x", "2020", "protest");
  g_autoptr(LtActor) bad_kind = lt_actor_new ();
  gint64 actor = add_actor (store, "Somebody", "person");

  g_assert_cmpint (lt_store_add_event (store, no_title, &error), ==, 0);
  g_assert_error (error, LT_STORE_ERROR, LT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (lt_store_add_event (store, bad_category, &error), ==, 0);
  g_assert_error (error, LT_STORE_ERROR, LT_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "picnic"));
  g_clear_error (&error);

  lt_event_add_participant (bad_actor, 9999, "target");
  g_assert_cmpint (lt_store_add_event (store, bad_actor, &error), ==, 0);
  g_assert_error (error, LT_STORE_ERROR, LT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  lt_event_add_participant (bad_role, actor, "bystander");
  g_assert_cmpint (lt_store_add_event (store, bad_role, &error), ==, 0);
  g_assert_error (error, LT_STORE_ERROR, LT_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "bystander"));
  g_clear_error (&error);

  lt_record_set_slug (LT_RECORD (bad_slug), "Not A Slug");
  g_assert_cmpint (lt_store_add_event (store, bad_slug, &error), ==, 0);
  g_assert_error (error, LT_STORE_ERROR, LT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  lt_actor_set_name (bad_kind, "X");
  lt_actor_set_kind (bad_kind, "alien");
  g_assert_cmpint (lt_store_add_actor (store, bad_kind, &error), ==, 0);
  g_assert_error (error, LT_STORE_ERROR, LT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Nothing of it was written, and only the one actor can be undone. */
  {
    g_autoptr(GArray) spans = lt_store_dup_event_spans (store, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (spans->len, ==, 0);
  }
  g_assert_true (lt_store_undo (store, &error));
  g_assert_false (lt_store_get_can_undo (store));
  g_assert_true (lt_store_is_empty (store));
}

static void
test_actor_delete_cascade_undo (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LtStore) store = open_mini_store ();
  gint64 bialiatski = lt_store_find_actor (store, "bialiatski");
  gint64 viasna = lt_store_find_actor (store, "viasna");
  gint64 searches = lt_store_find_event (store, "mini-viasna-searches");
  gint64 leads = lt_store_find_relation (store, "bialiatski-leads-viasna");
  g_autoptr(LtEvent) event = NULL;
  g_autoptr(GPtrArray) participants = NULL;
  g_autoptr(LtRelation) relation = NULL;
  g_autoptr(LtSource) source = NULL;

  g_assert_cmpint (bialiatski * viasna * searches * leads, !=, 0);

  g_assert_true (lt_store_delete_actor (store, bialiatski, &error));
  g_assert_no_error (error);
  g_assert_null (lt_store_lookup_actor (store, bialiatski));
  g_assert_null (lt_store_lookup_relation (store, leads));
  event = lt_store_lookup_event (store, searches);
  participants = lt_event_list_participants (event);
  g_assert_cmpuint (participants->len, ==, 2);
  g_clear_pointer (&participants, g_ptr_array_unref);
  g_clear_object (&event);

  /* Undo brings back the actor, the relation and the participation, in place. */
  g_assert_true (lt_store_undo (store, &error));
  g_assert_no_error (error);
  event = lt_store_lookup_event (store, searches);
  participants = lt_event_list_participants (event);
  g_assert_cmpuint (participants->len, ==, 3);
  g_assert_cmpint (((LtParticipant *) participants->pdata[2])->actor_id, ==, bialiatski);
  g_assert_cmpstr (((LtParticipant *) participants->pdata[2])->role, ==, "victim");
  relation = lt_store_lookup_relation (store, leads);
  g_assert_nonnull (relation);
  g_assert_cmpuint (lt_relation_get_citations (relation)->len, ==, 1);
  g_assert_cmpstr (lt_relation_get_from_name (relation), ==, "Ales Bialiatski");
  g_assert_cmpint (lt_store_find_actor (store, "Алесь Бяляцкі"), ==, bialiatski);

  /* A cited source cannot go. */
  g_assert_false (lt_store_delete_source (store, lt_store_find_source (store, "src-mini-news"), &error));
  g_assert_error (error, LT_STORE_ERROR, LT_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  source = lt_store_lookup_source (store, lt_store_find_source (store, "src-mini-news"));
  g_assert_nonnull (source);

  g_assert_false (lt_store_delete_event (store, 424242, &error));
  g_assert_error (error, LT_STORE_ERROR, LT_STORE_ERROR_NOT_FOUND);
}

/* A cited source goes with its citations in one step; the events and relations that cited it
 * stay, and one undo puts every citation back */
static void
test_source_delete_with_citations (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LtStore) store = open_mini_store ();
  gint64 news = lt_store_find_source (store, "src-mini-news");
  gint64 searches = lt_store_find_event (store, "mini-viasna-searches");
  gint64 leads = lt_store_find_relation (store, "bialiatski-leads-viasna");
  g_autoptr(LtEvent) event = NULL;
  g_autoptr(LtRelation) relation = NULL;
  g_autoptr(LtSource) source = NULL;
  guint event_citations, relation_citations;

  g_assert_cmpint (news * searches * leads, !=, 0);
  event = lt_store_lookup_event (store, searches);
  relation = lt_store_lookup_relation (store, leads);
  event_citations = lt_event_get_citations (event)->len;
  relation_citations = lt_relation_get_citations (relation)->len;
  g_assert_cmpuint (relation_citations, ==, 1);   /* the news report's ¶5 */
  g_clear_object (&event);
  g_clear_object (&relation);

  g_assert_true (lt_store_delete_source_and_citations (store, news, &error));
  g_assert_no_error (error);
  g_assert_null (lt_store_lookup_source (store, news));
  event = lt_store_lookup_event (store, searches);
  g_assert_nonnull (event);
  for (guint i = 0; i < lt_event_get_citations (event)->len; i++)
    g_assert_cmpint (((LtCitation *) lt_event_get_citations (event)->pdata[i])->source_id, !=, news);
  g_assert_cmpuint (lt_event_get_citations (event)->len, ==, event_citations);   /* cites another */
  relation = lt_store_lookup_relation (store, leads);
  g_assert_nonnull (relation);
  g_assert_cmpuint (lt_relation_get_citations (relation)->len, ==, relation_citations - 1);
  g_assert_cmpstr (lt_store_get_undo_label (store), ==, "Delete “Mini news digest”");
  g_clear_object (&event);
  g_clear_object (&relation);

  g_assert_true (lt_store_undo (store, &error));
  g_assert_no_error (error);
  source = lt_store_lookup_source (store, news);
  g_assert_nonnull (source);
  g_clear_object (&source);
  event = lt_store_lookup_event (store, searches);
  relation = lt_store_lookup_relation (store, leads);
  g_assert_cmpuint (lt_event_get_citations (event)->len, ==, event_citations);
  g_assert_cmpuint (lt_relation_get_citations (relation)->len, ==, relation_citations);
  g_clear_object (&event);

  /* and redo takes it all away again */
  g_assert_true (lt_store_redo (store, &error));
  g_assert_no_error (error);
  g_assert_null (lt_store_lookup_source (store, news));
}

static void
test_language (void)
{
  g_autoptr(LtStore) store = open_mini_store ();
  gint64 id = lt_store_find_event (store, "mini-viasna-searches");
  g_autoptr(LtEvent) en = lt_store_lookup_event (store, id);
  g_autoptr(LtEvent) be = NULL;
  g_autoptr(LtEvent) uk = NULL;
  LtCitation *c;

  g_assert_cmpstr (lt_event_get_title (en), ==, "Searches at Viasna offices");
  lt_store_set_language (store, "be");
  be = lt_store_lookup_event (store, id);
  g_assert_cmpstr (lt_event_get_title (be), ==, "Вобшукі ў офісах «Вясны»");
  c = g_ptr_array_index (lt_event_get_citations (be), 0);
  g_assert_cmpstr (c->display_note, ==, "вобшукі");
  /* a relation as the graph's details list it, not looked up one by one */
  {
    g_autoptr(GListModel) relations = lt_store_list_relations (store, lt_store_find_actor (store, "bialiatski"));
    g_autoptr(LtRelation) leads = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (relations), >=, 1);
    leads = g_list_model_get_item (relations, 0);
    g_assert_cmpstr (lt_relation_get_note (leads), ==, "Заснавальнік і кіраўнік");
  }
  g_assert_cmpstr (c->note, ==, "the searches");
  g_assert_cmpstr (c->source_title, ==, "Міні-справаздача маніторынгу");
  lt_store_set_language (store, "uk");
  uk = lt_store_lookup_event (store, id);
  g_assert_cmpstr (lt_event_get_place (uk), ==, "Мінськ");
  /* the timeline's lanes by place take their names from here */
  g_assert_true (g_ptr_array_find_with_equal_func (lt_store_get_places (store), "Мінськ", g_str_equal, NULL));
  g_assert_false (g_ptr_array_find_with_equal_func (lt_store_get_places (store), "Minsk", g_str_equal, NULL));
  /* No translation: English */
  lt_store_set_language (store, "de");
  g_clear_object (&uk);
  uk = lt_store_lookup_event (store, id);
  g_assert_cmpstr (lt_event_get_title (uk), ==, "Searches at Viasna offices");
  g_assert_true (g_ptr_array_find_with_equal_func (lt_store_get_places (store), "Minsk", g_str_equal, NULL));
}

static void
test_compact_indexes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LtStore) store = open_mini_store ();
  g_autoptr(LtEventFilter) filter = lt_event_filter_new ();
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GArray) counts = NULL;
  g_autoptr(GArray) pairs = NULL;
  g_autoptr(GArray) figures = NULL;
  GPtrArray *places;
  gint64 first = 0, last = 0;

  /* Public events, sorted by day */
  spans = lt_store_dup_event_spans (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (spans->len, ==, 6);
  for (guint i = 1; i < spans->len; i++)
    g_assert_cmpint (g_array_index (spans, LtEventSpan, i - 1).start_day, <=,
                     g_array_index (spans, LtEventSpan, i).start_day);
  g_clear_pointer (&spans, g_array_unref);

  lt_event_filter_set_include_restricted (filter, TRUE);
  spans = lt_store_dup_event_spans (store, filter, &error);
  g_assert_cmpuint (spans->len, ==, 7);
  g_clear_pointer (&spans, g_array_unref);

  /* August 2020 overlaps the protests (range) and the restricted beating. */
  lt_event_filter_set_window (filter, lt_days_from_ymd (2020, 8, 10), lt_days_from_ymd (2020, 8, 31));
  spans = lt_store_dup_event_spans (store, filter, &error);
  g_assert_cmpuint (spans->len, ==, 2);
  {
    LtEventSpan *s = &g_array_index (spans, LtEventSpan, 0);
    GPtrArray *p = lt_store_get_places (store);

    g_assert_cmpint (s->start_day, ==, lt_days_from_ymd (2020, 8, 9));
    g_assert_cmpint (s->end_day, ==, lt_days_from_ymd (2020, 8, 12));
    g_assert_true (s->flags & LT_SPAN_RANGE);
    g_assert_cmpstr (lt_category_list_keys ()[s->category], ==, "protest");
    g_assert_cmpstr (g_ptr_array_index (p, s->place), ==, "Minsk");
    g_assert_true (g_array_index (spans, LtEventSpan, 1).flags & LT_SPAN_RESTRICTED);
  }
  g_clear_pointer (&spans, g_array_unref);

  /* The year 2022 event is long: found by a window in the middle of the year. */
  lt_event_filter_set_window (filter, lt_days_from_ymd (2022, 6, 1), lt_days_from_ymd (2022, 6, 30));
  spans = lt_store_dup_event_spans (store, filter, &error);
  g_assert_cmpuint (spans->len, ==, 1);
  g_assert_cmpint (g_array_index (spans, LtEventSpan, 0).precision, ==, LT_PRECISION_YEAR);
  g_assert_cmpuint (lt_store_count_events (store, filter, &error), ==, 1);
  g_clear_pointer (&spans, g_array_unref);

  /* Categories, actor, text */
  lt_event_filter_clear_window (filter);
  lt_event_filter_set_categories (filter, (const char *[]) { "detention", NULL });
  g_assert_cmpuint (lt_store_count_events (store, filter, &error), ==, 2);
  lt_event_filter_set_categories (filter, NULL);
  lt_event_filter_set_actor (filter, lt_store_find_actor (store, "viasna"));
  g_assert_cmpuint (lt_store_count_events (store, filter, &error), ==, 3);
  lt_event_filter_set_actor (filter, 0);
  lt_event_filter_set_text (filter, "Вясны");
  g_assert_cmpuint (lt_store_count_events (store, filter, &error), ==, 2);
  lt_event_filter_set_text (filter, NULL);

  /* Per-year counts from the aggregate table */
  counts = lt_store_dup_event_counts (store, NULL, LT_BUCKET_YEAR, &error);
  g_assert_no_error (error);
  {
    guint total = 0;

    for (guint i = 0; i < counts->len; i++)
      total += g_array_index (counts, LtBucketCount, i).count;
    g_assert_cmpuint (total, ==, 6);
    g_assert_cmpint (g_array_index (counts, LtBucketCount, 0).start_day, ==, lt_days_from_ymd (2020, 1, 1));
  }
  g_clear_pointer (&counts, g_array_unref);
  counts = lt_store_dup_event_counts (store, filter, LT_BUCKET_MONTH, &error);
  g_assert_cmpuint (counts->len, ==, 7);
  g_clear_pointer (&counts, g_array_unref);

  g_assert_true (lt_store_get_day_bounds (store, NULL, &first, &last));
  g_assert_cmpint (first, ==, lt_days_from_ymd (2020, 8, 9));
  g_assert_cmpint (last, ==, lt_days_from_ymd (2023, 3, 3));

  /* the restricted event's two links are left out (see test_visibility) */
  pairs = lt_store_dup_event_actor_pairs (store, NULL, &error);
  g_assert_cmpuint (pairs->len, ==, 12);
  figures = lt_store_dup_figures (store, "detained", &error);
  g_assert_cmpuint (figures->len, ==, 1);
  g_assert_cmpfloat (g_array_index (figures, LtFigurePoint, 0).value, ==, 6700);

  places = lt_store_get_places (store);
  g_assert_cmpstr (g_ptr_array_index (places, 0), ==, "");
  g_assert_cmpuint (places->len, ==, 3);
}

static gboolean
has_pair (GArray *pairs,
          gint64  event_id,
          gint64  actor_id)
{
  for (guint i = 0; i < pairs->len; i++)
    {
      const LtEventActorPair *p = &g_array_index (pairs, LtEventActorPair, i);

      if ((event_id == 0 || p->event_id == event_id) && (actor_id == 0 || p->actor_id == actor_id))
        return TRUE;
    }

  return FALSE;
}

/* What a public export reads from the store: no restricted record, nothing that points at one
 * (issue 16). The witness is restricted; so is the event of the beating. */
static void
test_visibility (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LtStore) store = open_mini_store ();
  g_autoptr(LtEventFilter) everything = lt_event_filter_new ();
  g_autoptr(LtEvent) late = make_event ("Witness A questioned again", "2026-06-01", "statement");
  g_autoptr(LtEvent) alone = make_event ("A witness speaks", "2021-06-01", "statement");
  g_autoptr(LtEvent) tut = NULL;
  g_autoptr(GArray) pairs = NULL;
  g_autoptr(GArray) counts = NULL;
  g_autoptr(GArray) figures = NULL;
  gint64 witness = lt_store_find_actor (store, "witness-a");
  gint64 omon = lt_store_find_actor (store, "omon-minsk");
  gint64 beating = lt_store_find_event (store, "mini-witness-beating");
  gint64 tut_id = lt_store_find_event (store, "mini-tut-by-blocked");
  gint64 late_id, alone_id;
  gint64 first = 0, last = 0;
  guint n_public;

  g_assert_cmpint (witness, !=, 0);
  g_assert_cmpint (beating, !=, 0);
  lt_event_filter_set_include_restricted (everything, TRUE);
  n_public = lt_store_count_events (store, NULL, &error);

  /* A restricted event long after the public ones, with a figure */
  lt_record_set_restricted (LT_RECORD (late), TRUE);
  lt_event_add_participant (late, omon, "perpetrator");
  lt_event_add_figure (late, 99, "detained", NULL);
  late_id = lt_store_add_event (store, late, &error);
  g_assert_no_error (error);
  /* a public event the witness took part in too, and one that only the witness did */
  tut = lt_store_lookup_event (store, tut_id);
  lt_event_add_participant (tut, witness, "victim");
  lt_store_update_event (store, tut, &error);
  g_assert_no_error (error);
  lt_event_add_participant (alone, witness, "victim");
  alone_id = lt_store_add_event (store, alone, &error);
  g_assert_no_error (error);
  n_public++;

  /* the end of a public export's window is the last public day */
  g_assert_true (lt_store_get_day_bounds (store, NULL, &first, &last));
  g_assert_cmpint (last, ==, lt_days_from_ymd (2023, 3, 3));
  g_assert_true (lt_store_get_day_bounds (store, everything, &first, &last));
  g_assert_cmpint (last, ==, lt_days_from_ymd (2026, 6, 1));

  /* links: none to a restricted actor or of a restricted event */
  pairs = lt_store_dup_event_actor_pairs (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (has_pair (pairs, 0, witness));
  g_assert_false (has_pair (pairs, beating, 0));
  g_assert_false (has_pair (pairs, late_id, 0));
  g_assert_true (has_pair (pairs, tut_id, 0));   /* the public event keeps its public actors */
  g_assert_false (has_pair (pairs, alone_id, 0));  /* and this one shows with none */
  g_clear_pointer (&pairs, g_array_unref);
  pairs = lt_store_dup_event_actor_pairs (store, everything, &error);
  g_assert_true (has_pair (pairs, tut_id, witness));
  g_assert_true (has_pair (pairs, alone_id, witness));
  g_assert_true (has_pair (pairs, beating, witness));
  g_assert_true (has_pair (pairs, late_id, omon));
  g_clear_pointer (&pairs, g_array_unref);

  /* counts per year, and figures */
  counts = lt_store_dup_event_counts (store, NULL, LT_BUCKET_YEAR, &error);
  for (guint i = 0; i < counts->len; i++)
    g_assert_cmpint (g_array_index (counts, LtBucketCount, i).start_day, <,
                     lt_days_from_ymd (2026, 1, 1));
  g_assert_cmpuint (lt_store_count_events (store, NULL, &error), ==, n_public);
  g_assert_cmpuint (lt_store_count_events (store, everything, &error), ==, n_public + 2);
  figures = lt_store_dup_figures (store, "detained", &error);
  for (guint i = 0; i < figures->len; i++)
    g_assert_cmpint (g_array_index (figures, LtFigurePoint, i).event_id, !=, late_id);

  /* records held rather than queried go by the same rule: a public relation to the hidden
   * actor is hidden too */
  {
    g_autoptr(LtRelation) relation = lt_relation_new ();
    gint64 relation_id;

    lt_relation_set_from_id (relation, witness);
    lt_relation_set_to_id (relation, omon);
    lt_relation_set_relation_type (relation, "member-of");
    relation_id = lt_store_add_relation (store, relation, &error);
    g_assert_no_error (error);
    g_assert_false (lt_store_is_visible (store, LT_RECORD_RELATION, relation_id, FALSE));
    g_assert_true (lt_store_is_visible (store, LT_RECORD_RELATION, relation_id, TRUE));
    g_assert_false (lt_store_is_visible (store, LT_RECORD_ACTOR, witness, FALSE));
    g_assert_true (lt_store_is_visible (store, LT_RECORD_ACTOR, witness, TRUE));
    g_assert_true (lt_store_is_visible (store, LT_RECORD_ACTOR, omon, FALSE));
    g_assert_false (lt_store_is_visible (store, LT_RECORD_EVENT, beating, FALSE));
    g_assert_true (lt_store_is_visible (store, LT_RECORD_EVENT, alone_id, FALSE));
    g_assert_false (lt_store_is_visible (store, LT_RECORD_ACTOR, 999999, TRUE));
  }

  /* naming the hidden actor finds none of its events, public ones included */
  {
    g_autoptr(LtEventFilter) filter = lt_event_filter_new ();

    lt_event_filter_set_actor (filter, witness);
    g_assert_cmpuint (lt_store_count_events (store, filter, &error), ==, 0);
    lt_event_filter_set_include_restricted (filter, TRUE);
    g_assert_cmpuint (lt_store_count_events (store, filter, &error), ==, 3);
  }
}

/* Text with no searchable word ("-", an emoji) matches nothing, without an SQL error: the
 * queries through the long-span index had no plan for a constant false. */
static void
test_text_without_words (void)
{
  static const char * const queries[] = { "\"", "-", "*", "\xf0\x9f\x99\x82", "()" };
  g_autoptr(GError) error = NULL;
  g_autoptr(LtStore) store = open_mini_store ();

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(LtEventFilter) filter = lt_event_filter_new ();
      g_autoptr(GArray) spans = NULL;
      g_autoptr(GListModel) events = NULL;
      g_autoptr(GArray) hits = NULL;

      lt_event_filter_set_text (filter, queries[i]);
      g_assert_nonnull (filter->text);
      lt_event_filter_set_window (filter, lt_days_from_ymd (2020, 1, 1),
                                  lt_days_from_ymd (2024, 1, 1));
      spans = lt_store_dup_event_spans (store, filter, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (spans->len, ==, 0);
      g_assert_cmpuint (lt_store_count_events (store, filter, &error), ==, 0);
      g_assert_no_error (error);
      events = lt_store_list_events (store, filter);
      g_assert_cmpuint (g_list_model_get_n_items (events), ==, 0);
      hits = lt_store_search (store, queries[i], 10, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (hits->len, ==, 0);
    }
}

static void
test_positions (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LtStore) store = open_mini_store ();
  g_autoptr(GArray) in = g_array_new (FALSE, FALSE, sizeof (LtActorPosition));
  g_autoptr(GArray) out = NULL;
  LtActorPosition a = { lt_store_find_actor (store, "viasna"), 1.5f, -2.0f, TRUE };
  LtActorPosition b = { lt_store_find_actor (store, "kgb-by"), 10.0f, 20.0f, FALSE };
  LtActorPosition ghost = { 99999, 0, 0, FALSE };

  g_array_append_val (in, a);
  g_array_append_val (in, b);
  g_array_append_val (in, ghost);
  g_assert_true (lt_store_save_positions (store, "default", in, &error));
  g_assert_no_error (error);
  out = lt_store_load_positions (store, "default", &error);
  g_assert_cmpuint (out->len, ==, 2);
  g_assert_cmpfloat (g_array_index (out, LtActorPosition, 0).y + g_array_index (out, LtActorPosition, 1).y, ==, 18.0f);
  g_clear_pointer (&out, g_array_unref);
  out = lt_store_load_positions (store, "other", &error);
  g_assert_cmpuint (out->len, ==, 0);
}

static void
test_generate (void)
{
  g_autoptr(GError) error = NULL;
  LtSyntheticParams params = { 2000, 3, 100, 300, 7, 0 };
  g_autoptr(LtStore) a = lt_store_open (":memory:", &error);
  g_autoptr(LtStore) b = lt_store_open (":memory:", &error);
  g_autoptr(GArray) sa = NULL;
  g_autoptr(GArray) sb = NULL;
  g_autoptr(GArray) hits = NULL;

  g_assert_true (lt_store_generate_synthetic (a, &params, &error));
  g_assert_no_error (error);
  g_assert_true (lt_store_generate_synthetic (b, &params, &error));
  sa = lt_store_dup_event_spans (a, NULL, &error);
  sb = lt_store_dup_event_spans (b, NULL, &error);
  /* Deterministic from the seed */
  g_assert_cmpuint (sa->len, ==, sb->len);
  g_assert_cmpmem (sa->data, sa->len * sizeof (LtEventSpan), sb->data, sb->len * sizeof (LtEventSpan));
  g_assert_cmpuint (sa->len, >, 1900);  /* about 1% restricted */
  g_assert_cmpint (g_array_index (sa, LtEventSpan, 0).start_day, >=, lt_days_from_ymd (2020, 1, 1));
  g_assert_cmpint (g_array_index (sa, LtEventSpan, sa->len - 1).start_day, <, lt_days_from_ymd (2023, 1, 1));
  hits = lt_store_search (a, "minsk", 10, &error);
  g_assert_cmpuint (hits->len, ==, 10);

  /* Only into an empty store */
  g_assert_false (lt_store_generate_synthetic (a, &params, &error));
  g_assert_error (error, LT_STORE_ERROR, LT_STORE_ERROR_CONFLICT);
}

static gboolean
change_hook_cb (GSignalInvocationHint *hint,
                guint                  n_params,
                const GValue          *params,
                gpointer               data)
{
  GPtrArray *nicks = data;

  g_assert_cmpuint (n_params, ==, 4);
  g_assert_true (G_VALUE_HOLDS (&params[3], LT_TYPE_CHANGE));
  g_ptr_array_add (nicks, g_strdup (g_enum_get_value (g_type_class_peek (LT_TYPE_CHANGE),
                                                      g_value_get_enum (&params[3]))->value_nick));
  return TRUE;
}

/* What a change is reaches bindings and generic handlers as an LtChange
 * enum with names, not as a bare number. */
static void
test_change_is_an_enum (void)
{
  Recorder r = { 0 };
  g_autoptr(LtStore) store = new_store (&r);
  g_autoptr(GPtrArray) nicks = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GEnumClass) klass = g_type_class_ref (LT_TYPE_CHANGE);
  g_autoptr(GError) error = NULL;
  guint signal_id = g_signal_lookup ("changed", LT_TYPE_STORE);
  gulong hook;
  GSignalQuery query;

  g_signal_query (signal_id, &query);
  g_assert_cmpuint (query.n_params, ==, 3);
  g_assert_true (query.param_types[2] == LT_TYPE_CHANGE);

  hook = g_signal_add_emission_hook (signal_id, 0, change_hook_cb, nicks, NULL);
  add_actor (store, "Viasna", "organization");
  g_assert_true (lt_store_undo (store, &error));
  g_assert_no_error (error);
  g_signal_remove_emission_hook (signal_id, hook);

  g_assert_cmpuint (nicks->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (nicks, 0), ==, "added");
  g_assert_cmpstr (g_ptr_array_index (nicks, 1), ==, "removed");
}

int
main (int   argc,
      char *argv[])
{
  test_setup_locale ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Letapis/Store/event-crud-undo", test_event_crud_undo);
  g_test_add_func ("/Letapis/Store/invalid-drafts", test_invalid_drafts);
  g_test_add_func ("/Letapis/Store/actor-delete-cascade-undo", test_actor_delete_cascade_undo);
  g_test_add_func ("/Letapis/Store/source-delete-with-citations", test_source_delete_with_citations);
  g_test_add_func ("/Letapis/Store/language", test_language);
  g_test_add_func ("/Letapis/Store/compact-indexes", test_compact_indexes);
  g_test_add_func ("/Letapis/Store/visibility", test_visibility);
  g_test_add_func ("/Letapis/Store/text-without-words", test_text_without_words);
  g_test_add_func ("/Letapis/Store/positions", test_positions);
  g_test_add_func ("/Letapis/Store/generate", test_generate);
  g_test_add_func ("/Letapis/Store/change-is-an-enum", test_change_is_an_enum);

  return g_test_run ();
}
