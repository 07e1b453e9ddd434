/* test-record.c: what LtRecord gives every kind of record
 *
 * Copyright 2024 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-helpers.h"

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* The shared properties answer on every subclass, and notify only on change. */
static void
test_properties (void)
{
  g_autoptr(LtEvent) event = lt_event_new ();
  g_autoptr(LtActor) actor = lt_actor_new ();
  g_autoptr(LtSource) source = lt_source_new ();
  g_autoptr(LtRelation) relation = lt_relation_new ();
  g_autofree char *slug = NULL;
  gboolean restricted = FALSE;
  guint n_restricted = 0, n_slug = 0;
  gint64 id = -1;

  g_assert_cmpint (lt_record_get_kind (LT_RECORD (event)), ==, LT_RECORD_EVENT);
  g_assert_cmpint (lt_record_get_kind (LT_RECORD (actor)), ==, LT_RECORD_ACTOR);
  g_assert_cmpint (lt_record_get_kind (LT_RECORD (source)), ==, LT_RECORD_SOURCE);
  g_assert_cmpint (lt_record_get_kind (LT_RECORD (relation)), ==, LT_RECORD_RELATION);

  g_signal_connect (event, "notify::restricted", G_CALLBACK (count_notify_cb), &n_restricted);
  g_signal_connect (event, "notify::slug", G_CALLBACK (count_notify_cb), &n_slug);
  g_object_set (event, "slug", "minsk-march", "restricted", TRUE, NULL);
  lt_record_set_restricted (LT_RECORD (event), TRUE);
  lt_record_set_slug (LT_RECORD (event), "minsk-march");
  g_assert_cmpuint (n_restricted, ==, 1);
  g_assert_cmpuint (n_slug, ==, 1);

  g_object_get (event, "id", &id, "slug", &slug, "restricted", &restricted, NULL);
  g_assert_cmpint (id, ==, 0);
  g_assert_cmpstr (slug, ==, "minsk-march");
  g_assert_true (restricted);
  g_assert_cmpstr (lt_record_get_visibility (LT_RECORD (event)), ==, "restricted");
  g_assert_cmpstr (lt_record_get_visibility (LT_RECORD (actor)), ==, "public");

  /* An empty slug is none: the store makes one. */
  lt_record_set_slug (LT_RECORD (event), "");
  g_assert_null (lt_record_get_slug (LT_RECORD (event)));
}

/* "en" is the English text where the record keeps it, a translation like
 * the others where it does not (a source's publisher, a relation's note). */
static void
test_translations (void)
{
  g_autoptr(LtEvent) event = lt_event_new ();
  g_autoptr(LtSource) source = lt_source_new ();
  g_autoptr(LtRelation) relation = lt_relation_new ();
  guint n_title = 0;

  g_signal_connect (event, "notify::title", G_CALLBACK (count_notify_cb), &n_title);
  lt_record_set_translation (LT_RECORD (event), "en", "title", "Protest in Minsk");
  g_assert_cmpuint (n_title, ==, 1);
  g_assert_cmpstr (lt_event_get_title (event), ==, "Protest in Minsk");
  lt_record_set_translation (LT_RECORD (event), "uk", "title", "Протест у Мінську");
  g_assert_cmpstr (lt_record_get_translation (LT_RECORD (event), "uk", "title"), ==,
                   "Протест у Мінську");
  g_assert_cmpstr (lt_record_get_translation (LT_RECORD (event), "en", "title"), ==,
                   "Protest in Minsk");
  /* a draft has no display language: the English text shows */
  g_assert_cmpstr (lt_event_get_title (event), ==, "Protest in Minsk");
  g_assert_cmpuint (n_title, ==, 1);

  lt_source_set_publisher (source, "Viasna");
  lt_record_set_translation (LT_RECORD (source), "en", "publisher", "Other");
  g_assert_null (lt_record_get_translation (LT_RECORD (source), "en", "publisher"));
  g_assert_cmpstr (lt_source_get_publisher (source), ==, "Viasna");
  lt_record_set_translation (LT_RECORD (source), "en", "note", "A report");
  g_assert_cmpstr (lt_source_get_note (source), ==, "A report");

  lt_record_set_translation (LT_RECORD (relation), "en", "note", "Founder");
  g_assert_cmpstr (lt_record_get_translation (LT_RECORD (relation), "en", "note"), ==, "Founder");
  g_assert_null (lt_relation_get_note (relation));
}

/* A copy has the type, the fields and the translations of its original,
 * and changing it leaves the original as it was. */
static void
test_dup (void)
{
  g_autoptr(LtEvent) event = lt_event_new ();
  g_autoptr(LtEvent) copy = NULL;
  g_autoptr(LtActor) actor = lt_actor_new ();
  g_autoptr(LtActor) actor_copy = NULL;
  static const char * const aliases[] = { "Вясна", NULL };

  lt_event_set_title (event, "Protest in Minsk");
  lt_event_set_category (event, "protest");
  lt_record_set_slug (LT_RECORD (event), "minsk-march");
  lt_record_set_restricted (LT_RECORD (event), TRUE);
  lt_record_set_translation (LT_RECORD (event), "be", "title", "Пратэст у Мінску");
  lt_event_add_participant (event, 7, "organizer");
  lt_event_add_figure (event, 12, "detained", "exact");
  lt_event_add_citation (event, 3, "¶2", NULL);

  copy = LT_EVENT (lt_record_dup (LT_RECORD (event)));
  g_assert_true (LT_IS_EVENT (copy));
  g_assert_cmpstr (lt_event_get_title (copy), ==, "Protest in Minsk");
  g_assert_cmpstr (lt_event_get_category (copy), ==, "protest");
  g_assert_cmpstr (lt_record_get_slug (LT_RECORD (copy)), ==, "minsk-march");
  g_assert_true (lt_record_is_restricted (LT_RECORD (copy)));
  g_assert_cmpstr (lt_record_get_translation (LT_RECORD (copy), "be", "title"), ==,
                   "Пратэст у Мінску");
  g_assert_cmpuint (lt_event_get_figures (copy)->len, ==, 1);
  g_assert_cmpuint (lt_event_get_citations (copy)->len, ==, 1);

  lt_event_clear_figures (copy);
  lt_record_set_translation (LT_RECORD (copy), "be", "title", NULL);
  g_assert_cmpuint (lt_event_get_figures (event)->len, ==, 1);
  g_assert_cmpstr (lt_record_get_translation (LT_RECORD (event), "be", "title"), ==,
                   "Пратэст у Мінску");

  lt_actor_set_name (actor, "Viasna");
  lt_actor_set_aliases (actor, aliases);
  actor_copy = LT_ACTOR (lt_record_dup (LT_RECORD (actor)));
  g_assert_cmpstr (lt_actor_get_name (actor_copy), ==, "Viasna");
  g_assert_cmpstr (lt_actor_get_aliases (actor_copy)[0], ==, "Вясна");

  g_assert_finalize_object (g_steal_pointer (&copy));
  g_assert_finalize_object (g_steal_pointer (&actor_copy));
}

/* Every list of records is an LtRecordList of its kind. */
static void
test_lists (void)
{
  g_autoptr(LtStore) store = open_mini_store ();
  g_autoptr(GListModel) events = lt_store_list_events (store, NULL);
  g_autoptr(GListModel) actors = lt_store_list_actors (store, NULL);
  g_autoptr(GListModel) sources = lt_store_list_sources (store);
  g_autoptr(GListModel) relations = lt_store_list_relations (store, 0);
  GListModel *lists[] = { events, actors, sources, relations };
  GType types[] = { LT_TYPE_EVENT, LT_TYPE_ACTOR, LT_TYPE_SOURCE, LT_TYPE_RELATION };

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_autoptr(LtRecord) first = g_list_model_get_item (lists[i], 0);
      GType item_type = G_TYPE_INVALID;
      guint pos = G_MAXUINT;

      g_assert_true (LT_IS_RECORD_LIST (lists[i]));
      g_assert_true (lt_record_list_get_store (LT_RECORD_LIST (lists[i])) == store);
      g_assert_true (g_list_model_get_item_type (lists[i]) == types[i]);
      g_object_get (lists[i], "item-type", &item_type, NULL);
      g_assert_true (item_type == types[i]);

      g_assert_nonnull (first);
      g_assert_true (lt_record_list_find (LT_RECORD_LIST (lists[i]),
                                          lt_record_get_id (first), &pos));
      g_assert_cmpuint (pos, ==, 0);
      g_assert_false (lt_record_list_find (LT_RECORD_LIST (lists[i]), G_MAXINT64, NULL));
    }
}

int
main (int   argc,
      char *argv[])
{
  test_setup_locale ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Letapis/Record/properties", test_properties);
  g_test_add_func ("/Letapis/Record/translations", test_translations);
  g_test_add_func ("/Letapis/Record/dup", test_dup);
  g_test_add_func ("/Letapis/Record/lists", test_lists);

  return g_test_run ();
}
