/* test-helpers.h: shared by the model tests
 *
 * Copyright 2024 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib/gstdio.h>
#include <locale.h>

#include "lt-model.h"

static inline GFile *
mini_fixture_dir (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "mini", NULL);

  return g_file_new_for_path (path);
}

static inline LtStore *
open_mini_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) dir = mini_fixture_dir ();
  LtStore *store = lt_store_open (":memory:", &error);

  g_assert_no_error (error);
  lt_store_set_language (store, "en");
  lt_store_import_chronicle (store, dir, &error);
  g_assert_no_error (error);

  return store;
}

/* A fresh temporary directory, removed with its files by rm_rf(). */
static inline char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("letapis-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static inline void
rm_rf (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR))
            rm_rf (child);
          else
            g_unlink (child);
        }
      g_dir_close (dir);
    }
  g_rmdir (path);
}

static inline char *
file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return g_strdup ("missing");
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static inline void
test_setup_locale (void)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
}
