/* test-fold.c: search folds case, diacritics and script
 *
 * Copyright 2024 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-helpers.h"

static void
assert_same_key (const char *a,
                 const char *b)
{
  g_autofree char *fa = lt_store_fold_text (a);
  g_autofree char *fb = lt_store_fold_text (b);

  if (g_strcmp0 (fa, fb) != 0)
    g_error ("“%s” folds to “%s” but “%s” to “%s”", a, fa, b, fb);
}

static void
test_fold_keys (void)
{
  g_autofree char *key = lt_store_fold_text ("Łukašenka");

  g_assert_cmpstr (key, ==, "lukashenka");

  /* Belarusian Cyrillic, Łacinka and the English spelling meet. */
  assert_same_key ("Лукашэнка", "Łukašenka");
  assert_same_key ("Лукашэнка", "lukashenka");
  assert_same_key ("ЛУКАШЭНКА", "Lukashenka");
  /* Russian/Ukrainian Cyrillic meets the English -ko spelling. */
  assert_same_key ("Лукашенко", "Lukashenko");
  assert_same_key ("Вясна", "Viasna");
  assert_same_key ("Ціханоўская", "Tsikhanouskaya");
  assert_same_key ("Тихановская", "Tikhanovskaya");
  assert_same_key ("Зеленський", "Zelenskyy");
  assert_same_key ("Зеленський", "Zelensky");
  assert_same_key ("Мінск", "Минск");
  assert_same_key ("Мінск", "Minsk");
  assert_same_key ("Ґродно", "Grodno");
  assert_same_key ("Юрый", "Yuryi");
  assert_same_key ("п’ять", "пʼять");
  assert_same_key ("Bialacki", "Białacki");
  assert_same_key ("Čarnyšoŭ", "Charnyshou");
  assert_same_key ("ÉCOLE Öffentlich", "ecole offentlich");

  g_free (key);
  key = lt_store_fold_text ("  Hello,   World!  ");
  g_assert_cmpstr (key, ==, "helo vorld");  /* w and v merge */
  g_free (key);
  key = lt_store_fold_text ("2020 — 2021");
  g_assert_cmpstr (key, ==, "2020 2021");
  g_free (key);
  key = lt_store_fold_text (NULL);
  g_assert_cmpstr (key, ==, "");
}

static gint64
first_hit (LtStore      *store,
           const char   *query,
           LtRecordKind *kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) hits = lt_store_search (store, query, 10, &error);

  g_assert_no_error (error);
  if (hits->len == 0)
    return 0;
  *kind = g_array_index (hits, LtSearchHit, 0).kind;
  return g_array_index (hits, LtSearchHit, 0).id;
}

static gboolean
hits_contain (LtStore      *store,
              const char   *query,
              LtRecordKind  kind,
              gint64        id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) hits = lt_store_search (store, query, 50, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < hits->len; i++)
    if (g_array_index (hits, LtSearchHit, i).kind == kind &&
        g_array_index (hits, LtSearchHit, i).id == id)
      return TRUE;
  return FALSE;
}

static void
test_search_scripts (void)
{
  g_autoptr(LtStore) store = open_mini_store ();
  gint64 lukashenko = lt_store_find_actor (store, "lukashenko");
  gint64 viasna = lt_store_find_actor (store, "viasna");
  LtRecordKind kind = LT_RECORD_EVENT;
  const char *spellings[] = { "lukashenka", "Лукашенко", "Łukašenka", "Лукашэнка", "LUKASHENKO" };

  g_assert_cmpint (lukashenko, >, 0);
  g_assert_cmpint (viasna, >, 0);

  for (guint i = 0; i < G_N_ELEMENTS (spellings); i++)
    {
      g_assert_cmpint (first_hit (store, spellings[i], &kind), ==, lukashenko);
      g_assert_cmpint (kind, ==, LT_RECORD_ACTOR);
    }

  g_assert_cmpint (first_hit (store, "Вясна", &kind), ==, viasna);
  g_assert_cmpint (kind, ==, LT_RECORD_ACTOR);
  g_assert_cmpint (first_hit (store, "viasna", &kind), ==, viasna);
  g_assert_cmpint (first_hit (store, "Весна", &kind), ==, viasna);
  /* Prefixes */
  g_assert_true (hits_contain (store, "luka", LT_RECORD_ACTOR, lukashenko));
  /* A translation: the Belarusian title of an event */
  g_assert_true (hits_contain (store, "вобшукі", LT_RECORD_EVENT,
                               lt_store_find_event (store, "mini-viasna-searches")));
  /* ... also found when typed in Latin */
  g_assert_true (hits_contain (store, "vobshuki", LT_RECORD_EVENT,
                               lt_store_find_event (store, "mini-viasna-searches")));
  /* Nonsense finds nothing, and FTS syntax in the query is only text. */
  g_assert_cmpint (first_hit (store, "zzzzqqq", &kind), ==, 0);
  g_assert_cmpint (first_hit (store, "\"NEAR( OR AND * -^", &kind), ==, 0);
  g_assert_cmpint (first_hit (store, "   ", &kind), ==, 0);

  /* find_actor: slug, alias, folded name in another script */
  g_assert_cmpint (lt_store_find_actor (store, "Лукашэнка"), ==, lukashenko);
  g_assert_cmpint (lt_store_find_actor (store, "Łukašenka"), ==, lukashenko);
  g_assert_cmpint (lt_store_find_actor (store, "Вясна"), ==, viasna);
  g_assert_cmpint (lt_store_find_actor (store, "nobody at all"), ==, 0);
}

static void
test_search_without_alias (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LtStore) store = open_mini_store ();
  g_autoptr(LtActor) draft = lt_actor_new ();
  LtRecordKind kind = LT_RECORD_EVENT;
  gint64 id;

  /* Transliteration alone, no alias: Belarusian Cyrillic finds a Latin name. */
  lt_actor_set_name (draft, "Siarhei Tsikhanouski");
  lt_actor_set_kind (draft, "person");
  id = lt_store_add_actor (store, draft, &error);
  g_assert_no_error (error);

  g_assert_cmpint (first_hit (store, "Ціханоўскі", &kind), ==, id);
  g_assert_cmpint (first_hit (store, "Сяргей", &kind), ==, id);
  g_assert_cmpint (kind, ==, LT_RECORD_ACTOR);

  /* After a rename, the old name no longer finds it. */
  lt_actor_set_name (draft, "Siarhei Tikhanovsky");
  g_assert_true (lt_store_update_actor (store, draft, &error));
  g_assert_no_error (error);
  g_assert_cmpint (first_hit (store, "Ціханоўскі", &kind), ==, 0);
  g_assert_cmpint (first_hit (store, "Тихановский", &kind), ==, id);
}

static void
test_search_source_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LtStore) store = open_mini_store ();
  g_autoptr(GFile) dir = mini_fixture_dir ();
  g_autoptr(GFile) texts = g_file_get_child (dir, "texts");
  gint64 source = lt_store_find_source (store, "src-mini-report");
  LtRecordKind kind = LT_RECORD_EVENT;

  g_assert_cmpint (first_hit (store, "pseudonym", &kind), ==, 0);
  g_assert_true (lt_store_import_source_texts (store, texts, &error));
  g_assert_no_error (error);
  g_assert_cmpint (first_hit (store, "pseudonym", &kind), ==, source);
  g_assert_cmpint (kind, ==, LT_RECORD_SOURCE);
}

int
main (int   argc,
      char *argv[])
{
  test_setup_locale ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Letapis/Fold/keys", test_fold_keys);
  g_test_add_func ("/Letapis/Fold/search-scripts", test_search_scripts);
  g_test_add_func ("/Letapis/Fold/search-without-alias", test_search_without_alias);
  g_test_add_func ("/Letapis/Fold/search-source-text", test_search_source_text);

  return g_test_run ();
}
