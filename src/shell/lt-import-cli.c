/* lt-import-cli.c: imports from the command line, with no display
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-import"

#include "config.h"

#include <glib/gi18n.h>

#include "lt-chronicle-file.h"
#include "lt-export-cli.h"
#include "lt-import-cli.h"
#include "lt-model.h"

/* `letapis --database=FILE --import=IN` runs from handle_local_options(),
 * like the exports: it prints what was added, updated and skipped and every
 * bad row, and exits. A failure is one line on stderr, exit status 2, and
 * nothing written. A database that does not exist yet is created empty. */

static const GOptionEntry import_entries[] = {
  { "import", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import FILE (a CSV or a chronicle JSON) into the database and exit"), N_("FILE") },
  { "on-conflict", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("When an imported record differs from the stored one: mine, theirs or both"), N_("CHOICE") },
  { NULL }
};

const GOptionEntry *
lt_import_cli_get_entries (void)
{
  return import_entries;
}

gboolean
lt_import_cli_wants_import (GVariantDict *options)
{
  g_return_val_if_fail (options != NULL, FALSE);

  return g_variant_dict_contains (options, "import");
}

static int
fail (const char *message)
{
  g_autofree char *line = g_strdelimit (g_strdup (message), "\n", ' ');

  g_printerr ("letapis: %s\n", line);
  return LT_EXPORT_CLI_USAGE_ERROR;
}

static char *
lookup_path (GVariantDict *options,
             const char   *key)
{
  g_autoptr(GVariant) value = g_variant_dict_lookup_value (options, key, NULL);

  if (value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_BYTESTRING))
    return g_variant_dup_bytestring (value, NULL);
  if (value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return g_variant_dup_string (value, NULL);
  return NULL;
}

int
lt_import_cli_run (GVariantDict *options)
{
  g_autofree char *input = lookup_path (options, "import");
  g_autofree char *database = lookup_path (options, "database");
  g_autofree char *summary = NULL;
  g_autoptr(GFile) in = NULL;
  g_autoptr(LtImporter) importer = NULL;
  g_autoptr(LtStore) store = NULL;
  g_autoptr(GError) error = NULL;
  LtImportResolution resolution = LT_IMPORT_KEEP_MINE;
  const char *text;

  g_return_val_if_fail (options != NULL, 1);

  if (input == NULL)
    return fail (_("--import needs a file"));

  if (g_variant_dict_lookup (options, "on-conflict", "&s", &text))
    {
      if (g_str_equal (text, "mine"))
        resolution = LT_IMPORT_KEEP_MINE;
      else if (g_str_equal (text, "theirs"))
        resolution = LT_IMPORT_TAKE_THEIRS;
      else if (g_str_equal (text, "both"))
        resolution = LT_IMPORT_KEEP_BOTH;
      else
        /* Translators: %s is what was typed after --on-conflict */
        {
          g_autofree char *message =
            g_strdup_printf (_("Unknown choice “%s” for --on-conflict: use mine, theirs or both"), text);

          return fail (message);
        }
    }

  /* Read the input before touching the database: a file that is not an
   * import creates no chronicle either. */
  in = g_file_new_for_commandline_arg (input);
  importer = lt_importer_new (in);
  if (!lt_importer_load (importer, NULL, &error))
    return fail (error->message);

  if (database != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (database);

      store = g_file_query_exists (file, NULL) ? lt_chronicle_open (file, &error)
                                               : lt_chronicle_create (file, FALSE, &error);
    }
  else
    store = lt_chronicle_open_default (&error);
  if (store == NULL)
    return fail (error->message);

  if (!lt_importer_preview (importer, store, NULL, &error))
    return fail (error->message);
  for (guint i = 0; i < lt_importer_get_n_conflicts (importer); i++)
    lt_importer_set_resolution (importer, i, resolution);
  if (!lt_importer_apply (importer, store, NULL, &error))
    return fail (error->message);

  summary = lt_importer_dup_summary (importer);
  g_print ("%s", summary);
  return 0;
}
