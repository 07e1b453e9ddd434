/* lt-chronicle-file.c: where the user's chronicle lives and how a new one is made
 *
 * Copyright 2026 The Letapis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-chronicle"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "lt-chronicle-file.h"

/* Plain functions over GIO and the store, below the shell and the export:
 * the window, the import and the export command lines all open chronicles
 * through them, and nothing here may need a display. */

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

static LtStore *
open_file (GFile             *file,
           LtStoreOpenFlags   flags,
           GError           **error)
{
  g_autofree char *path = NULL;
  GStatBuf st;

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

  /* SQLite takes an empty file for an empty database and would make a
   * chronicle of it: opening is not creating. */
  if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode) && st.st_size == 0)
    {
      g_autofree char *display = g_filename_display_basename (path);

      g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is not a Letapis chronicle: the file is empty"), display);
      return NULL;
    }

  return lt_store_open_full (path, flags, error);
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
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return open_file (file, LT_STORE_OPEN_NONE, error);
}

/**
 * lt_chronicle_open_to_show:
 * @file: (nullable): a chronicle database, or %NULL for the user's own chronicle
 * @error: return location for an error
 *
 * Opens a chronicle for the window: a file of the current version opens at once, for
 * reading only, and [method@Store.check_async] then checks it in a thread and lets it
 * be written if it is sound. Foreign, empty and older files are refused or brought up
 * to date as by [func@chronicle_open].
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
LtStore *
lt_chronicle_open_to_show (GFile   *file,
                           GError **error)
{
  g_autoptr(GFile) default_file = NULL;

  g_return_val_if_fail (!file || G_IS_FILE (file), NULL);

  if (file == NULL)
    {
      file = default_file = lt_chronicle_dup_default_file ();
      if (!g_file_query_exists (file, NULL))
        return lt_chronicle_create (file, TRUE, error);
    }

  return open_file (file, LT_STORE_OPEN_CHECK_LATER, error);
}

/**
 * lt_chronicle_open_for_reading:
 * @file: a chronicle database
 * @error: return location for an error
 *
 * Opens an existing chronicle for read-only work such as an export: nothing
 * is written to the file or put beside it, and a read-only file or folder
 * can be read.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
LtStore *
lt_chronicle_open_for_reading (GFile   *file,
                               GError **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return open_file (file, LT_STORE_OPEN_READ_ONLY, error);
}

/* Removes @db_path and the journal files SQLite keeps beside it. */
static void
unlink_database (const char *db_path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (db_path, suffixes[i], NULL);

      g_unlink (name);
    }
}

/* A creation killed half-way (a crash, a kill -9, the power) leaves its
 * scratch database and journals behind; each new try would add more. They
 * hold nothing that was ever saved, so the next creation clears them. */
static void
remove_leftovers (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *prefix = g_strconcat (basename, ".new-", NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  if (listing == NULL)
    return;

  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, prefix))
      {
        g_autofree char *child = g_build_filename (dir, name, NULL);

        g_unlink (child);
      }
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
  g_autofree char *tmp_wal = NULL;
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;

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

  remove_leftovers (path);

  tmp_path = g_strdup_printf ("%s.new-%u", path, g_random_int ());
  tmp_wal = g_strconcat (tmp_path, "-wal", NULL);

  scratch = lt_store_open (tmp_path, error);
  if (scratch == NULL)
    {
      unlink_database (tmp_path);
      return NULL;
    }

  if (with_bundled_chronicle)
    {
      g_autoptr(GFile) bundled = lt_chronicle_dup_bundled_dir ();

      if (!lt_store_import_chronicle (scratch, bundled, &local_error))
        {
          g_clear_object (&scratch);
          unlink_database (tmp_path);
          g_set_error (error, local_error->domain, local_error->code,
                       _("Could not load the bundled chronicle: %s"), local_error->message);
          return NULL;
        }
    }

  /* Everything still in the write-ahead log goes into the database file
   * before it is moved into place, and that has to be checked: on a full
   * disk the copy fails, and the file alone would be cut short. Closing
   * checkpoints too, but silently. */
  if (!lt_store_checkpoint (scratch, &local_error))
    {
      g_clear_object (&scratch);
      unlink_database (tmp_path);
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not save the chronicle as “%s”: %s"), path, local_error->message);
      return NULL;
    }
  g_clear_object (&scratch);

  /* A log that survived the close holds pages the file lacks. */
  if (g_stat (tmp_wal, &st) == 0 && st.st_size > 0)
    {
      unlink_database (tmp_path);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not save the chronicle as “%s”: %s"), path,
                   _("the database could not be completed"));
      return NULL;
    }

  if (g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;

      unlink_database (tmp_path);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not save the chronicle as “%s”: %s"), path,
                   g_strerror (saved_errno));
      return NULL;
    }
  unlink_database (tmp_path);

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
