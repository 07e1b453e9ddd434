/* test-damaged.c: damaged and foreign files are refused and left as they were
 *
 * Copyright 2024 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include <glib/gstdio.h>

#include "test-helpers.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = make_temp_dir ();
  f->path = g_build_filename (f->dir, "chronicle.letapis", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* A real chronicle file of a few hundred pages, in rollback-journal mode
 * so that everything is in the main file. */
static void
write_chronicle (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  LtSyntheticParams params = { 3000, 2, 50, 100, 3, 0 };
  LtStore *store = lt_store_open (f->path, &error);
  sqlite3 *db = NULL;

  g_assert_no_error (error);
  g_assert_true (lt_store_generate_synthetic (store, &params, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
assert_refused (Fixture    *f,
                int         code,
                const char *mentions)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = file_checksum (f->path);
  g_autofree char *after = NULL;
  LtStore *store;

  store = lt_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, LT_STORE_ERROR, code);
  if (mentions != NULL && strstr (error->message, mentions) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, mentions);
  /* The message names the file. */
  g_assert_nonnull (strstr (error->message, "letapis"));

  after = file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_not_sqlite (Fixture       *f,
                 gconstpointer  data)
{
  g_assert_true (g_file_set_contents (f->path, "These are my notes, not a database.\n", -1, NULL));
  assert_refused (f, LT_STORE_ERROR_NOT_DATABASE, "not a database");
}

static void
test_short_garbage (Fixture       *f,
                    gconstpointer  data)
{
  g_assert_true (g_file_set_contents (f->path, "SQLite format 3\0abc", 19, NULL));
  assert_refused (f, LT_STORE_ERROR_DAMAGED, "cut short");
}

static void
test_foreign_sqlite (Fixture       *f,
                     gconstpointer  data)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_refused (f, LT_STORE_ERROR_NOT_DATABASE, "another program");
}

static void
test_truncated (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *contents = NULL;
  gsize length;

  write_chronicle (f);
  g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 16 * 4096);
  /* Cut at a page boundary, so only the header's page count tells. */
  g_assert_true (g_file_set_contents (f->path, contents, (length / 2) & ~(gsize) 4095, NULL));
  assert_refused (f, LT_STORE_ERROR_DAMAGED, "cut short");

  /* Cut in the middle of a page */
  g_assert_true (g_file_set_contents (f->path, contents, length / 2 + 100, NULL));
  assert_refused (f, LT_STORE_ERROR_DAMAGED, NULL);
}

static void
test_corrupt_pages (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *contents = NULL;
  gsize length;

  write_chronicle (f);
  g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));

  /* Scribble over pages in the middle: the checks must notice. */
  for (gsize i = length / 3; i < length / 3 + 3 * 4096; i++)
    contents[i] = (char) (i * 7 + 13);
  g_assert_true (g_file_set_contents (f->path, contents, length, NULL));
  assert_refused (f, LT_STORE_ERROR_DAMAGED, "damaged");
}

static void
test_bad_header (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *contents = NULL;
  gsize length;

  write_chronicle (f);
  g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
  contents[16] = 0x03;  /* page size 0x03xx: not a power of two */
  contents[17] = 0x01;
  g_assert_true (g_file_set_contents (f->path, contents, length, NULL));
  assert_refused (f, LT_STORE_ERROR_DAMAGED, "damaged");
}

static void
test_intact_opens (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LtStore *store;

  write_chronicle (f);
  store = lt_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_false (lt_store_is_empty (store));
  g_assert_finalize_object (store);
}

/* A worker's second connection skips the page check, but a file that is not
 * a chronicle is still refused, and a sound one opens. */
static void
test_no_check_still_refuses_foreign (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LtStore *store;

  g_assert_true (g_file_set_contents (f->path, "These are my notes, not a database.\n", -1, NULL));
  store = lt_store_open_full (f->path, LT_STORE_OPEN_NO_CHECK, &error);
  g_assert_null (store);
  g_assert_error (error, LT_STORE_ERROR, LT_STORE_ERROR_NOT_DATABASE);
  g_clear_error (&error);

  g_assert_cmpint (g_unlink (f->path), ==, 0);
  write_chronicle (f);
  store = lt_store_open_full (f->path, LT_STORE_OPEN_NO_CHECK, &error);
  g_assert_no_error (error);
  g_assert_false (lt_store_is_empty (store));
  g_assert_finalize_object (store);
}

int
main (int   argc,
      char *argv[])
{
  test_setup_locale ();
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/Letapis/Damaged/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("not-sqlite", test_not_sqlite);
  ADD ("short-garbage", test_short_garbage);
  ADD ("foreign-sqlite", test_foreign_sqlite);
  ADD ("truncated", test_truncated);
  ADD ("corrupt-pages", test_corrupt_pages);
  ADD ("bad-header", test_bad_header);
  ADD ("intact-opens", test_intact_opens);
  ADD ("no-check-refuses-foreign", test_no_check_still_refuses_foreign);
#undef ADD

  return g_test_run ();
}
