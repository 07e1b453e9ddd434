/* lt-atomic-file.c: the one way Letapis writes a file
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-atomic-file"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "lt-atomic-file.h"

/* What is written is sensitive (restricted records, names): a new file is
 * for its owner only, and a file that exists keeps the mode its owner gave
 * it. */
static int
mode_for (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) == 0)
    return st.st_mode & 0777;

  return 0600;
}

/**
 * lt_atomic_file_write:
 * @file: where to write
 * @data: the whole file
 * @length: the length of @data
 * @error: return location for a #GError in %G_IO_ERROR
 *
 * Replaces @file atomically: @data goes to a temporary file beside it,
 * which is synced and renamed over it only once it is complete, so that a
 * reader never sees half a file, and a failure (a full disk) leaves the old
 * file as it was and no temporary file. Nothing goes to another folder
 * such as /tmp, where a copy could outlive a crash.
 *
 * g_file_replace_contents() is not used: when a write fails, closing its
 * stream still renames the partial temporary file over the target, and
 * with no target yet it writes in place.
 *
 * Returns: %TRUE on success
 */
gboolean
lt_atomic_file_write (GFile       *file,
                      const char  *data,
                      gsize        length,
                      GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  const char *reason;
  int code;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      /* Not on a local disk (a GVfs location): GIO is all there is. */
      if (g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_NONE,
                                   NULL, NULL, &local_error))
        return TRUE;
      code = local_error->code;
    }
  else
    {
      if (g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT,
                                    mode_for (path), &local_error))
        return TRUE;
      code = g_io_error_from_file_error (local_error->code);
    }

  /* GLib's messages repeat the file name; say why in fewer words. */
  switch (code)
    {
    case G_IO_ERROR_NOT_FOUND:
      reason = _("the folder does not exist");
      break;
    case G_IO_ERROR_PERMISSION_DENIED:
      reason = _("permission denied");
      break;
    case G_IO_ERROR_IS_DIRECTORY:
      reason = _("it is a folder");
      break;
    case G_IO_ERROR_NO_SPACE:
      reason = _("the disk is full");
      break;
    case G_IO_ERROR_READ_ONLY:
      reason = _("the file system is read-only");
      break;
    default:
      reason = local_error->message;
      break;
    }

  name = g_file_get_parse_name (file);
  g_set_error (error, G_IO_ERROR, code,
               /* Translators: %1$s is a file name, %2$s the reason */
               _("Could not write “%1$s”: %2$s"), name, reason);

  return FALSE;
}
