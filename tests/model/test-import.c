/* test-import.c: the chronicle JSON format in and out
 *
 * Copyright 2024 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-helpers.h"

static void
test_import_mini (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LtStore) store = open_mini_store ();
  g_autoptr(LtEventFilter) all = lt_event_filter_new ();
  g_autoptr(GListModel) actors = lt_store_list_actors (store, NULL);
  g_autoptr(GListModel) relations = lt_store_list_relations (store, 0);
  g_autoptr(GListModel) sources = lt_store_list_sources (store);
  g_autoptr(LtEvent) event = NULL;
  g_autoptr(LtActor) witness = NULL;
  g_autoptr(LtRelation) relation = NULL;
  g_autoptr(GPtrArray) participants = NULL;
  const LtDateRange *range;

  lt_event_filter_set_include_restricted (all, TRUE);
  g_assert_cmpuint (lt_store_count_events (store, all, &error), ==, 7);
  g_assert_cmpuint (lt_store_count_events (store, NULL, &error), ==, 6);
  g_assert_cmpuint (g_list_model_get_n_items (actors), ==, 9);
  g_assert_cmpuint (g_list_model_get_n_items (relations), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 2);

  event = lt_store_lookup_event (store, lt_store_find_event (store, "mini-eu-sanctions"));
  range = lt_event_get_date_range (event);
  g_assert_cmpint (range->start.precision, ==, LT_PRECISION_MONTH);
  g_assert_true (range->start.approximate);
  g_assert_cmpstr (lt_event_get_place (event), ==, "Brussels");
  g_assert_cmpstr (lt_record_get_translation (LT_RECORD (event), "be", "place"), ==, "Брусэль");
  participants = lt_event_list_participants (event);
  g_assert_cmpuint (participants->len, ==, 2);
  g_assert_cmpstr (((LtParticipant *) participants->pdata[0])->actor_name, ==, "European Union");
  g_assert_cmpstr (((LtParticipant *) participants->pdata[0])->role, ==, "sanctioning-party");

  witness = lt_store_lookup_actor (store, lt_store_find_actor (store, "witness-a"));
  g_assert_true (lt_record_is_restricted (LT_RECORD (witness)));
  g_assert_cmpstr (lt_record_get_visibility (LT_RECORD (witness)), ==, "restricted");

  relation = lt_store_lookup_relation (store, lt_store_find_relation (store, "bialiatski-leads-viasna"));
  g_assert_cmpstr (lt_relation_get_relation_type (relation), ==, "leads");
  g_assert_nonnull (lt_relation_get_date_range (relation));
  g_assert_cmpstr (lt_relation_get_to_name (relation), ==, "Viasna Human Rights Centre");
  g_assert_cmpstr (lt_record_get_translation (LT_RECORD (relation), "uk", "note"), ==,
                   "Засновник і голова");

  /* Importing the same chronicle again conflicts and changes nothing. */
  {
    g_autoptr(GFile) dir = mini_fixture_dir ();

    g_assert_false (lt_store_import_chronicle (store, dir, &error));
    g_assert_error (error, LT_STORE_ERROR, LT_STORE_ERROR_CONFLICT);
    g_assert_nonnull (strstr (error->message, "sources.json"));
    g_clear_error (&error);
    g_assert_cmpuint (lt_store_count_events (store, all, &error), ==, 7);
  }
}

/* Copies the mini fixture into a temporary folder, replacing one
 * string in one file. */
static char *
broken_copy (const char *file,
             const char *from,
             const char *to)
{
  g_autoptr(GFile) src = mini_fixture_dir ();
  char *dir = make_temp_dir ();
  const char *names[] = { "sources.json", "actors.json", "events.json", "relations.json" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GFile) in = g_file_get_child (src, names[i]);
      g_autofree char *in_path = g_file_get_path (in);
      g_autofree char *out_path = g_build_filename (dir, names[i], NULL);
      g_autofree char *contents = NULL;

      g_assert_true (g_file_get_contents (in_path, &contents, NULL, NULL));
      if (g_str_equal (names[i], file))
        {
          g_autoptr(GString) s = g_string_new (contents);

          g_assert_nonnull (strstr (s->str, from));
          g_string_replace (s, from, to, 1);
          g_assert_true (g_file_set_contents (out_path, s->str, s->len, NULL));
        }
      else
        g_assert_true (g_file_set_contents (out_path, contents, -1, NULL));
    }

  return dir;
}

static void
assert_import_fails (const char *file,
                     const char *from,
                     const char *to,
                     const char * const *mentions)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = broken_copy (file, from, to);
  g_autoptr(GFile) gdir = g_file_new_for_path (dir);
  g_autoptr(LtStore) store = lt_store_open (":memory:", &error);

  g_assert_no_error (error);
  g_test_message ("%s: %s -> %s", file, from, to);
  g_assert_false (lt_store_import_chronicle (store, gdir, &error));
  g_assert_nonnull (error);
  for (guint i = 0; mentions[i] != NULL; i++)
    if (strstr (error->message, mentions[i]) == NULL)
      g_error ("“%s” does not mention “%s”", error->message, mentions[i]);

  /* All or nothing */
  g_assert_true (lt_store_is_empty (store));

  rm_rf (dir);
}

static void
test_import_errors (void)
{
  assert_import_fails ("events.json", "\"date\": \"2021-07-14\"", "\"date\": \"2021-02-30\"",
                       (const char *[]) { "events.json", "mini-viasna-searches", "“date”", "no day 30", NULL });
  assert_import_fails ("events.json", "\"date\": \"2022\"", "\"date\": \"20x2\"",
                       (const char *[]) { "events.json", "mini-annual-statement", "“x”", NULL });
  assert_import_fails ("events.json", "{\"actor\": \"kgb-by\", \"role\": \"perpetrator\"}",
                       "{\"actor\": \"kgb-belarus\", \"role\": \"perpetrator\"}",
                       (const char *[]) { "events.json", "mini-viasna-searches", "actors[1]", "kgb-belarus", NULL });
  assert_import_fails ("events.json", "\"category\": \"prosecution\"", "\"category\": \"trial\"",
                       (const char *[]) { "mini-bialiatski-sentenced", "“category”", "trial", NULL });
  assert_import_fails ("events.json", "\"counts\": \"searched\"", "\"counts\": \"houses\"",
                       (const char *[]) { "figures[1]", "houses", NULL });
  assert_import_fails ("events.json", "\"visibility\": \"restricted\"", "\"visibility\": \"secret\"",
                       (const char *[]) { "mini-witness-beating", "“visibility”", "secret", NULL });
  assert_import_fails ("events.json", "\"id\": \"mini-tut-by-blocked\"", "\"id\": \"mini-election-protests\"",
                       (const char *[]) { "events.json", "mini-election-protests", "twice", NULL });
  assert_import_fails ("events.json", "\"id\": \"mini-tut-by-blocked\"", "\"id\": \"Mini TUT\"",
                       (const char *[]) { "events.json", "“id”", "Mini TUT", NULL });
  assert_import_fails ("events.json", "\"title\": \"Bialiatski sentenced\",", "",
                       (const char *[]) { "mini-bialiatski-sentenced", "“title”", "missing", NULL });
  assert_import_fails ("events.json", "\"source\": \"src-mini-report\", \"locator\": \"¶3\"",
                       "\"source\": \"src-nowhere\", \"locator\": \"¶3\"",
                       (const char *[]) { "mini-witness-beating", "citations[1]", "src-nowhere", NULL });
  assert_import_fails ("actors.json", "\"kind\": \"media\"", "\"kind\": \"newspaper\"",
                       (const char *[]) { "actors.json", "tut-by", "“kind”", "newspaper", NULL });
  assert_import_fails ("actors.json", "\"aliases\": [\"Tut.by\"]", "\"aliases\": [42]",
                       (const char *[]) { "tut-by", "“aliases”", NULL });
  assert_import_fails ("relations.json", "\"to\": \"mvd-by\"", "\"to\": \"mvd\"",
                       (const char *[]) { "relations.json", "omon-part-of-mvd", "“to”", "mvd", NULL });
  assert_import_fails ("relations.json", "\"date\": \"1996/2023\"", "\"date\": \"2023/1996\"",
                       (const char *[]) { "bialiatski-leads-viasna", "“date”", "before it starts", NULL });
  assert_import_fails ("sources.json", "\"date\": \"2023-03\"", "\"date\": 2023",
                       (const char *[]) { "sources.json", "src-mini-news", "“date”", "text", NULL });
  assert_import_fails ("sources.json", "{\n  \"sources\"", "{\n  \"sources\" [",
                       (const char *[]) { "sources.json", "JSON", NULL });
  assert_import_fails ("actors.json", "\"uk\": {\"name\": \"Свідок А\"",
                       "\"uk\": {\"nickname\": \"Свідок А\"",
                       (const char *[]) { "witness-a", "i18n.uk.nickname", NULL });
}

/* Figures JSON cannot carry back (1e400 is infinity), that overflow a
 * gint64 (1e300) or that count fewer than no people are refused. */
static void
test_import_bad_figures (void)
{
  static const char * const values[] = { "1e400", "-1e400", "1e300", "-5", "-0.5", "20000000000" };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *to = g_strdup_printf ("{\"value\": %s, \"counts\": \"detained\"", values[i]);

      assert_import_fails ("events.json", "{\"value\": 6700, \"counts\": \"detained\"", to,
                           (const char *[]) { "events.json", "figures[1]", "10 000 000 000", NULL });
    }
}

/* 200,000 nested brackets overflowed the stack in the JSON parser. */
static void
test_import_deep_nesting (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "deep.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LtStore) store = lt_store_open (":memory:", &error);
  GString *text = g_string_new ("{\"events\": ");

  for (guint i = 0; i < 200000; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < 200000; i++)
    g_string_append_c (text, ']');
  g_string_append_c (text, '}');
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
  g_string_free (text, TRUE);

  g_assert_false (lt_store_import_json (store, file, &error));
  g_assert_error (error, LT_STORE_ERROR, LT_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "deep.json"));
  g_assert_nonnull (strstr (error->message, "nested"));
  g_assert_true (lt_store_is_empty (store));

  rm_rf (dir);
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GFile) gdir = g_file_new_for_path (dir);
  g_autoptr(LtStore) store = lt_store_open (":memory:", &error);

  g_assert_false (lt_store_import_chronicle (store, gdir, &error));
  g_assert_error (error, LT_STORE_ERROR, LT_STORE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "sources.json"));
  rm_rf (dir);
}

static void
test_export_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LtStore) store = open_mini_store ();
  g_autoptr(LtStore) again = lt_store_open (":memory:", &error);
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *first_path = g_build_filename (dir, "first.json", NULL);
  g_autofree char *second_path = g_build_filename (dir, "second.json", NULL);
  g_autofree char *public_path = g_build_filename (dir, "public.json", NULL);
  g_autoptr(GFile) first = g_file_new_for_path (first_path);
  g_autoptr(GFile) second = g_file_new_for_path (second_path);
  g_autoptr(GFile) public = g_file_new_for_path (public_path);
  g_autofree char *first_text = NULL;
  g_autofree char *second_text = NULL;
  g_autofree char *public_text = NULL;

  g_assert_true (lt_store_export_json (store, first, &error));
  g_assert_no_error (error);
  g_assert_true (lt_store_import_json (again, first, &error));
  g_assert_no_error (error);
  g_assert_true (lt_store_export_json (again, second, &error));

  g_assert_true (g_file_get_contents (first_path, &first_text, NULL, NULL));
  g_assert_true (g_file_get_contents (second_path, &second_text, NULL, NULL));
  g_assert_cmpstr (first_text, ==, second_text);

  /* Everything is in it, restricted records and citation translations too. */
  g_assert_nonnull (strstr (first_text, "\"witness-a\""));
  g_assert_nonnull (strstr (first_text, "\"mini-witness-beating\""));
  g_assert_nonnull (strstr (first_text, "вобшукі"));
  g_assert_nonnull (strstr (first_text, "\"2021-06~\""));

  /* The public export leaves restricted records out, and links to them. */
  g_assert_true (lt_store_export_json_full (store, public, LT_EXPORT_PUBLIC_ONLY, &error));
  g_assert_true (g_file_get_contents (public_path, &public_text, NULL, NULL));
  g_assert_null (strstr (public_text, "witness-a"));
  g_assert_null (strstr (public_text, "mini-witness-beating"));
  g_assert_nonnull (strstr (public_text, "mini-viasna-searches"));

  rm_rf (dir);
}

static void
test_vocabulary (void)
{
  const char * const *keys = lt_category_list_keys ();

  g_assert_cmpuint (g_strv_length ((char **) keys), ==, 8);
  g_assert_cmpstr (keys[2], ==, "detention");
  g_assert_cmpint (lt_category_get_index ("war"), ==, 7);
  g_assert_cmpstr (lt_category_get_label ("detention"), ==, "Detention");
  g_assert_null (lt_category_get_label ("picnic"));
  g_assert_cmpstr (lt_actor_kind_get_label ("state-body"), ==, "State body");
  g_assert_cmpstr (lt_role_get_label ("sanctioning-party"), ==, "Sanctioning party");
  g_assert_cmpstr (lt_relation_type_get_label ("member-of"), ==, "Member of");
  g_assert_cmpstr (lt_figure_kind_get_label ("political-prisoners"), ==, "Political prisoners");
  g_assert_cmpstr (lt_qualifier_get_label ("more than"), ==, "more than");
  g_assert_cmpuint (g_strv_length ((char **) lt_role_list_keys ()), ==, 11);
  g_assert_cmpuint (g_strv_length ((char **) lt_relation_type_list_keys ()), ==, 12);
}

int
main (int   argc,
      char *argv[])
{
  test_setup_locale ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Letapis/Import/mini", test_import_mini);
  g_test_add_func ("/Letapis/Import/errors", test_import_errors);
  g_test_add_func ("/Letapis/Import/bad-figures", test_import_bad_figures);
  g_test_add_func ("/Letapis/Import/deep-nesting", test_import_deep_nesting);
  g_test_add_func ("/Letapis/Import/missing-file", test_missing_file);
  g_test_add_func ("/Letapis/Import/export-round-trip", test_export_round_trip);
  g_test_add_func ("/Letapis/Import/vocabulary", test_vocabulary);

  return g_test_run ();
}
