/* chronicle-test-util.h: chronicle files for the tests of opening them, sound or damaged
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "lt-model.h"

/* A real chronicle file of a few hundred pages, in rollback-journal mode so that everything
 * is in the main file. */
static inline void
chronicle_test_write (const char *path)
{
  g_autoptr(GError) error = NULL;
  LtSyntheticParams params = { 3000, 2, 50, 100, 3, 0 };
  LtStore *store = lt_store_open (path, &error);
  sqlite3 *db = NULL;

  g_assert_no_error (error);
  g_assert_true (lt_store_generate_synthetic (store, &params, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);
}

/* Scribbles over @n_bytes of the file from @offset, or from the end when @offset is
 * negative: damage the page check finds. */
static inline void
chronicle_test_scribble (const char *path,
                         gssize      offset,
                         gsize       n_bytes)
{
  g_autofree char *contents = NULL;
  gsize length;
  gsize start;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  start = offset >= 0 ? (gsize) offset : length - (gsize) -offset;
  g_assert_cmpuint (start + n_bytes, <=, length);
  for (gsize i = start; i < start + n_bytes; i++)
    contents[i] = (char) (i * 7 + 13);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
}

/* The size of the file at @path */
static inline gsize
chronicle_test_size (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return (gsize) st.st_size;
}
