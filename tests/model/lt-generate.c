/* lt-generate.c: write a synthetic chronicle database
 *
 * Copyright 2024 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   lt-generate --events 1000000 --years 5 --actors 5000 --relations 20000 --seed 1 out.db
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "lt-model.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LtStore) store = NULL;
  gint64 events = 10000, years = 5, actors = 1000, relations = 3000, seed = 1, start_year = 2020;
  gboolean force = FALSE;
  GOptionEntry entries[] = {
    { "events", 'n', 0, G_OPTION_ARG_INT64, &events, "Number of events", "N" },
    { "years", 'y', 0, G_OPTION_ARG_INT64, &years, "Years they spread over", "M" },
    { "actors", 'a', 0, G_OPTION_ARG_INT64, &actors, "Number of actors", "K" },
    { "relations", 'r', 0, G_OPTION_ARG_INT64, &relations, "Number of relations", "R" },
    { "seed", 's', 0, G_OPTION_ARG_INT64, &seed, "Random seed", "S" },
    { "start-year", 0, 0, G_OPTION_ARG_INT64, &start_year, "First year (2020)", "Y" },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force, "Replace OUT.db if it exists", NULL },
    { NULL }
  };
  LtSyntheticParams params = { 0 };
  gint64 begin;

  setlocale (LC_ALL, "");

  context = g_option_context_new ("OUT.db — write a synthetic Letapis chronicle");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (argc != 2)
    {
      g_printerr ("Usage: %s [OPTION…] OUT.db\n", g_get_prgname ());
      return 2;
    }

  if (events < 0 || events > G_MAXUINT || years < 1 || years > 1000 || actors < 2 ||
      actors > G_MAXUINT || relations < 0 || relations > G_MAXUINT)
    {
      g_printerr ("Out of range: --events 0.., --years 1..1000, --actors 2.., --relations 0..\n");
      return 2;
    }

  if (g_file_test (argv[1], G_FILE_TEST_EXISTS))
    {
      if (!force)
        {
          g_printerr ("%s exists; use --force to replace it\n", argv[1]);
          return 1;
        }
      g_unlink (argv[1]);
      for (const char *suffix = "-wal"; suffix != NULL; suffix = g_str_equal (suffix, "-wal") ? "-shm" : NULL)
        {
          g_autofree char *side = g_strconcat (argv[1], suffix, NULL);

          g_unlink (side);
        }
    }

  params.n_events = (guint) events;
  params.years = (guint) years;
  params.n_actors = (guint) actors;
  params.n_relations = (guint) relations;
  params.seed = (guint64) seed;
  params.start_year = (gint32) start_year;

  begin = g_get_monotonic_time ();

  if (!(store = lt_store_open (argv[1], &error)) ||
      !lt_store_generate_synthetic (store, &params, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_print ("%s: %u events, %u actors, %u relations over %u years (seed %" G_GINT64_FORMAT ") in %.1f s\n",
           argv[1], params.n_events, params.n_actors, params.n_relations, params.years, seed,
           (g_get_monotonic_time () - begin) / 1e6);

  return 0;
}
