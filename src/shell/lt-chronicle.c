/* lt-chronicle.c: where the user's chronicle lives and how a new one is made
 *
 * Copyright 2026 The Letapis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-chronicle"

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <glib/gstdio.h>

#include "lt-chronicle.h"

/* Plain functions over GIO and the store: the command line calls them before
 * GTK starts, so nothing here may need a display. */

/**
 * lt_chronicle_dup_default_file:
 *
 * Returns: (transfer full): the user's own chronicle database,
 *   `$XDG_DATA_HOME/letapis/chronicle.db`
 */
GFile *
lt_chronicle_dup_default_file (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "letapis", "chronicle.db",
                                            NULL);

  return g_file_new_for_path (path);
}

/**
 * lt_chronicle_dup_bundled_dir:
 *
 * Returns: (transfer full): the folder holding the bundled chronicle's JSON
 *   files, compiled into the application's resources
 */
GFile *
lt_chronicle_dup_bundled_dir (void)
{
  return g_file_new_for_uri ("resource:///io/github/letapis/Letapis/chronicle");
}

/**
 * lt_chronicle_open:
 * @file: a chronicle database
 * @error: return location for an error
 *
 * Opens an existing chronicle; a damaged or foreign file is refused with a
 * message a person understands and is left untouched.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
LtStore *
lt_chronicle_open (GFile   *file,
                   GError **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s” is not a local file; chronicles can only be opened from a disk"),
                   uri);
      return NULL;
    }

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no chronicle at “%s”"), path);
      return NULL;
    }

  return lt_store_open (path, error);
}

/**
 * lt_chronicle_create:
 * @file: where the new database goes
 * @with_bundled_chronicle: whether to fill it with the bundled chronicle
 * @error: return location for an error
 *
 * Creates a chronicle database at @file, replacing what is there. The
 * database is built beside @file under a temporary name and moved into place
 * only once it is complete, so a failure leaves @file as it was.
 *
 * Returns: (transfer full): the store, opened at @file, or %NULL
 */
LtStore *
lt_chronicle_create (GFile     *file,
                     gboolean   with_bundled_chronicle,
                     GError   **error)
{
  g_autoptr(LtStore) scratch = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autofree char *path = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *basename = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("A chronicle can only be created on a local disk"));
      return NULL;
    }

  parent = g_file_get_parent (file);
  if (parent != NULL &&
      !g_file_make_directory_with_parents (parent, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, local_error->code,
                   _("Could not create the folder for “%s”: %s"), path, local_error->message);
      return NULL;
    }
  g_clear_error (&local_error);

  basename = g_path_get_basename (path);
  tmp_path = g_strdup_printf ("%s.new-%u", path, g_random_int ());

  scratch = lt_store_open (tmp_path, error);
  if (scratch == NULL)
    return NULL;

  if (with_bundled_chronicle)
    {
      g_autoptr(GFile) bundled = lt_chronicle_dup_bundled_dir ();

      if (!lt_store_import_chronicle (scratch, bundled, &local_error))
        {
          g_clear_object (&scratch);
          g_unlink (tmp_path);
          g_set_error (error, local_error->domain, local_error->code,
                       _("Could not load the bundled chronicle: %s"), local_error->message);
          return NULL;
        }
    }

  /* Closing the connection checkpoints the write-ahead log, so the single
   * database file holds everything before it is moved into place. */
  g_clear_object (&scratch);

  if (g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp_path);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not save the chronicle as “%s”: %s"), path,
                   g_strerror (saved_errno));
      return NULL;
    }

  return lt_store_open (path, error);
}

/**
 * lt_chronicle_open_default:
 * @error: return location for an error
 *
 * Opens the user's own chronicle; on the first run, creates it from the
 * bundled chronicle.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
LtStore *
lt_chronicle_open_default (GError **error)
{
  g_autoptr(GFile) file = lt_chronicle_dup_default_file ();

  if (!g_file_query_exists (file, NULL))
    return lt_chronicle_create (file, TRUE, error);

  return lt_chronicle_open (file, error);
}
