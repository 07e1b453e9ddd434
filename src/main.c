/* main.c: the program: gettext, then LtApplication
 *
 * Copyright 2026 The Letapis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "lt-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LtApplication) app = NULL;
  const char *localedir;

  /* The command line exports before GTK starts, so the locale and the
   * translations must be in place before GApplication parses options. */
  setlocale (LC_ALL, "");
  localedir = g_getenv ("LETAPIS_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = lt_application_new (APP_ID, G_APPLICATION_HANDLES_COMMAND_LINE);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
