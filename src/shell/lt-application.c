/* lt-application.c: LtApplication: the app's actions, its command line and its windows
 *
 * Copyright 2026 The Letapis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-application"

#include "config.h"

#include <glib/gi18n.h>

#include "lt-application.h"
#include "lt-export-cli.h"
#include "lt-import-cli.h"
#include "lt-preferences-window.h"
#include "lt-window.h"

struct _LtApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (LtApplication, lt_application, ADW_TYPE_APPLICATION)

static const GOptionEntry main_entries[] = {
  { "version", 'v', 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version of Letapis and exit"), NULL },
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the chronicle database FILE instead of your own copy of the bundled chronicle"),
    N_("FILE") },
  { NULL }
};

static void
apply_color_scheme (LtApplication *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  AdwColorScheme scheme;

  switch (g_settings_get_enum (self->settings, "color-scheme"))
    {
    case 1:
      scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
      break;

    case 2:
      scheme = ADW_COLOR_SCHEME_FORCE_DARK;
      break;

    default:
      scheme = ADW_COLOR_SCHEME_DEFAULT;
      break;
    }

  adw_style_manager_set_color_scheme (style_manager, scheme);
}

static void
color_scheme_changed_cb (LtApplication *self,
                         const char    *key,
                         GSettings     *settings)
{
  g_assert (LT_IS_APPLICATION (self));

  apply_color_scheme (self);
}

static LtWindow *
get_or_create_window (LtApplication *self,
                      GFile         *database)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      g_autofree char *last = g_settings_get_string (self->settings, "last-database");
      g_autoptr(GFile) last_file = NULL;

      window = GTK_WINDOW (lt_window_new (self));

      /* The first start opens straight onto the bundled chronicle; later
       * starts reopen the database the user chose last, if it is still
       * there. */
      if (database == NULL && last[0] != '\0' && g_file_test (last, G_FILE_TEST_EXISTS))
        database = last_file = g_file_new_for_path (last);

      if (database == NULL || !lt_window_open_database (LT_WINDOW (window), database))
        lt_window_open_database (LT_WINDOW (window), NULL);
    }
  else if (database != NULL)
    {
      lt_window_open_database (LT_WINDOW (window), database);
    }

  return LT_WINDOW (window);
}

static void
lt_application_activate (GApplication *app)
{
  LtApplication *self = LT_APPLICATION (app);

  gtk_window_present (GTK_WINDOW (get_or_create_window (self, NULL)));
}

static int
lt_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  /* Options that only print or export are answered here, before GTK starts,
   * so they work with no display at all. */
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "letapis", PACKAGE_VERSION);
      return 0;
    }

  if (lt_import_cli_wants_import (options))
    return lt_import_cli_run (options);
  if (lt_export_cli_wants_export (options))
    return lt_export_cli_run (options);

  return G_APPLICATION_CLASS (lt_application_parent_class)->handle_local_options (app, options);
}

static int
lt_application_command_line (GApplication            *app,
                             GApplicationCommandLine *command_line)
{
  LtApplication *self = LT_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree char *database = NULL;
  g_autoptr(GFile) file = NULL;
  LtWindow *window;

  if (g_variant_dict_lookup (options, "database", "^ay", &database))
    file = g_application_command_line_create_file_for_arg (command_line, database);

  window = get_or_create_window (self, file);
  gtk_window_present (GTK_WINDOW (window));

  return 0;
}

static void
lt_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *find_accels[] = { "<Control>f", NULL };
  static const char *export_accels[] = { "<Control>e", NULL };
  static const char *print_accels[] = { "<Control>p", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };
  static const char *new_accels[] = { "<Control><Shift>n", NULL };
  static const char *timeline_accels[] = { "<Alt>1", NULL };
  static const char *graph_accels[] = { "<Alt>2", NULL };
  LtApplication *self = LT_APPLICATION (app);

  G_APPLICATION_CLASS (lt_application_parent_class)->startup (app);

  /* Settings are made here rather than in init: the command-line export
   * answers before startup and must not reach for dconf or a session bus. */
  self->settings = g_settings_new ("io.github.letapis.Letapis");
  g_signal_connect_object (self->settings,
                           "changed::color-scheme",
                           G_CALLBACK (color_scheme_changed_cb),
                           self,
                           G_CONNECT_SWAPPED);

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.find", find_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.export", export_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.print", print_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.open-database",
                                         open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.new-database",
                                         new_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-page('timeline')",
                                         timeline_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-page('graph')",
                                         graph_accels);

  apply_color_scheme (self);
}

static void
lt_application_quit_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  LtApplication *self = user_data;
  GList *windows;

  g_assert (LT_IS_APPLICATION (self));

  /* Close the windows first so that they save their state. */
  windows = gtk_application_get_windows (GTK_APPLICATION (self));
  while (windows != NULL)
    {
      GtkWindow *window = windows->data;

      windows = windows->next;
      gtk_window_close (window);
    }

  g_application_quit (G_APPLICATION (self));
}

static void
lt_application_about_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  static const char *developers[] = { "The Letapis developers", NULL };
  LtApplication *self = user_data;
  GtkWindow *window;
  GtkWidget *about;

  g_assert (LT_IS_APPLICATION (self));

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", window,
                        "application-name", "Letapis",
                        "application-icon", APP_ID,
                        "developer-name", _("The Letapis developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Explore a sourced chronicle of political repression in "
                                      "Belarus, from the 2020 protests to the 2024 extradition "
                                      "cases, on a timeline and an organization graph."),
                        "website", "https://github.com/letapis/letapis",
                        "issue-url", "https://github.com/letapis/letapis/issues",
                        "developers", developers,
                        /* Translators: Replace this with your name(s), one per line. */
                        "translator-credits", _("translator-credits"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
lt_application_preferences_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  LtApplication *self = user_data;
  GtkWindow *window;
  LtPreferencesWindow *preferences;

  g_assert (LT_IS_APPLICATION (self));

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  preferences = lt_preferences_window_new (self->settings);
  gtk_window_set_transient_for (GTK_WINDOW (preferences), window);
  gtk_window_present (GTK_WINDOW (preferences));
}

static const GActionEntry app_actions[] = {
  { "quit", lt_application_quit_action },
  { "about", lt_application_about_action },
  { "preferences", lt_application_preferences_action },
};

static void
lt_application_dispose (GObject *object)
{
  LtApplication *self = (LtApplication *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (lt_application_parent_class)->dispose (object);
}

static void
lt_application_class_init (LtApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = lt_application_dispose;

  app_class->activate = lt_application_activate;
  app_class->startup = lt_application_startup;
  app_class->command_line = lt_application_command_line;
  app_class->handle_local_options = lt_application_handle_local_options;
}

static void
lt_application_init (LtApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions,
                                   G_N_ELEMENTS (app_actions),
                                   self);

  g_application_add_main_option_entries (G_APPLICATION (self), main_entries);
  g_application_add_main_option_entries (G_APPLICATION (self), lt_export_cli_get_entries ());
  g_application_add_main_option_entries (G_APPLICATION (self), lt_import_cli_get_entries ());
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Explore a sourced chronicle of political "
                                              "repression in Belarus."));
}

/**
 * lt_application_new:
 * @application_id: the application id
 * @flags: flags for the application
 *
 * Creates the Letapis application.
 *
 * Returns: (transfer full): a new application
 */
LtApplication *
lt_application_new (const char        *application_id,
                    GApplicationFlags  flags)
{
  g_return_val_if_fail (application_id != NULL, NULL);

  return g_object_new (LT_TYPE_APPLICATION,
                       "application-id", application_id,
                       "flags", flags,
                       "resource-base-path", "/io/github/letapis/Letapis",
                       NULL);
}

/**
 * lt_application_get_settings:
 * @self: an application
 *
 * Returns: (transfer none): the application's settings
 */
GSettings *
lt_application_get_settings (LtApplication *self)
{
  g_return_val_if_fail (LT_IS_APPLICATION (self), NULL);

  return self->settings;
}
