/* lt-export-cli.c: `letapis export`: timeline and graph images written with no display
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-export"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <unistd.h>

#include "lt-chronicle-file.h"
#include "lt-export-cli.h"
#include "lt-export-document.h"
#include "lt-export-views.h"
#include "lt-graph-export.h"
#include "lt-graph-model.h"
#include "lt-model.h"

/* Everything here runs from handle_local_options(), before GTK starts: no
 * display, no session bus, no window. */

static const GOptionEntry export_entries[] = {
  { "export-timeline", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export the timeline to FILE (.png, .svg, .pdf, or .json for TimelineJS) and exit"),
    N_("FILE") },
  { "export-graph", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export the organization graph to FILE (.png, .svg, .pdf, .graphml or .gexf) and exit"),
    N_("FILE") },
  { "export-data", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export the whole chronicle to FILE as JSON and exit"), N_("FILE") },
  { "from", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Export from DATE (YYYY, YYYY-MM or YYYY-MM-DD)"), N_("DATE") },
  { "to", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Export up to DATE, inclusive (YYYY, YYYY-MM or YYYY-MM-DD)"), N_("DATE") },
  { "size", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Page size: a4, a4-portrait, letter, letter-portrait or 1920x1080"), N_("SIZE") },
  { "width", 0, 0, G_OPTION_ARG_INT, NULL,
    N_("Width of the image in pixels"), N_("PX") },
  { "height", 0, 0, G_OPTION_ARG_INT, NULL,
    N_("Height of the image in pixels"), N_("PX") },
  { "dpi", 0, 0, G_OPTION_ARG_INT, NULL,
    N_("Resolution of a PNG, 96 to 600 dots per inch"), N_("N") },
  { "title", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Title printed above the image"), N_("TEXT") },
  { "subtitle", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Line printed under the title"), N_("TEXT") },
  { "search", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Show only the events that match QUERY"), N_("QUERY") },
  { "category", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL,
    N_("Show only events of category NAME (repeat for more)"), N_("NAME") },
  { "actor", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Show only the events ACTOR takes part in"), N_("ACTOR") },
  { "lanes", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Timeline: lanes by category, place or actor"), N_("KIND") },
  { "focus", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Graph: show the neighbourhood of ACTOR"), N_("ACTOR") },
  { "depth", 0, 0, G_OPTION_ARG_INT, NULL,
    N_("Graph: steps around the focused actor (default 1)"), N_("N") },
  { "pages", 0, 0, G_OPTION_ARG_INT, NULL,
    N_("Split the time window over N pages of a PDF"), N_("N") },
  { "include-restricted", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Include restricted records in the export"), NULL },
  { "grayscale", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Shades of gray, shapes and patterns only, for printing in black and white"), NULL },
  { "no-legend", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Leave out the legend"), NULL },
  { "no-filter", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Leave out the line describing the filter"), NULL },
  { "no-date", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Leave out the date of export"), NULL },
  { "no-sources", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Leave out the list of sources"), NULL },
  { "key", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Timeline: number the events and list them (the default for PDF)"), NULL },
  { "no-key", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Timeline: number only the events whose titles find no room"), NULL },
  { NULL }
};

/**
 * lt_export_cli_get_entries:
 *
 * Returns: (transfer none): the export options, for
 *   g_application_add_main_option_entries()
 */
const GOptionEntry *
lt_export_cli_get_entries (void)
{
  return export_entries;
}

/**
 * lt_export_cli_wants_export:
 * @options: the parsed command line
 *
 * Returns: %TRUE if any export option was given; lt_export_cli_run() then
 *   answers the command line (an option such as --from without an export is
 *   an error there, not something to ignore)
 */
gboolean
lt_export_cli_wants_export (GVariantDict *options)
{
  g_return_val_if_fail (options != NULL, FALSE);

  for (guint i = 0; export_entries[i].long_name != NULL; i++)
    if (g_variant_dict_contains (options, export_entries[i].long_name))
      return TRUE;

  return FALSE;
}

static int
fail (const char *message)
{
  /* One line: report pipelines read it from their logs. */
  g_autofree char *line = g_strdelimit (g_strdup (message), "\n", ' ');

  g_printerr ("letapis: %s\n", line);
  return LT_EXPORT_CLI_USAGE_ERROR;
}

G_GNUC_PRINTF (1, 2)
static int
failf (const char *format,
       ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  return fail (message);
}

static char *
lookup_path (GVariantDict *options,
             const char   *key)
{
  g_autoptr(GVariant) value = g_variant_dict_lookup_value (options, key, NULL);

  if (value == NULL)
    return NULL;
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_BYTESTRING))
    return g_variant_dup_bytestring (value, NULL);
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return g_variant_dup_string (value, NULL);

  return NULL;
}

/* Month names come from LC_TIME, the words from LANGUAGE: with LANGUAGE=uk
 * over an English or C locale, the dates would stay English. Follow the
 * language the messages are shown in. */
static void
align_time_locale (void)
{
  static const struct {
    const char *lang;
    const char *locales[3];
  } table[] = {
    { "uk", { "uk_UA.UTF-8", "uk_UA.utf8", NULL } },
    { "be", { "be_BY.UTF-8", "be_BY.utf8", NULL } },
    { "en", { "en_US.UTF-8", "C.UTF-8", NULL } },
  };
  const char *lang = lt_get_ui_language ();
  const char *current = setlocale (LC_TIME, NULL);

  if (current != NULL && g_str_has_prefix (current, lang))
    return;
  if (g_str_equal (lang, "en") && current != NULL &&
      !g_str_has_prefix (current, "uk") && !g_str_has_prefix (current, "be"))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      if (!g_str_equal (table[i].lang, lang))
        continue;
      for (guint k = 0; table[i].locales[k] != NULL; k++)
        if (setlocale (LC_TIME, table[i].locales[k]) != NULL)
          return;
    }
}

static gboolean
parse_date_option (GVariantDict *options,
                   const char   *key,
                   gboolean      is_end,
                   gint64       *day,
                   int          *status)
{
  const char *text = NULL;
  g_autoptr(GError) error = NULL;
  LtDate date;

  if (!g_variant_dict_lookup (options, key, "&s", &text))
    return FALSE;

  if (!lt_date_parse (text, &date, &error))
    {
      /* Translators: %1$s is the option (--from), %2$s what was typed, %3$s why it is wrong */
      *status = failf (_("Invalid date for --%1$s “%2$s”: %3$s. Use YYYY, YYYY-MM or YYYY-MM-DD"),
                       key, text, error->message);
      return FALSE;
    }

  *day = is_end ? lt_date_last_day (&date) : lt_date_first_day (&date);
  return TRUE;
}

static gboolean
check_categories (char **categories,
                  int   *status)
{
  const char * const *keys = lt_category_list_keys ();

  for (guint i = 0; categories != NULL && categories[i] != NULL; i++)
    {
      g_autofree char *lower = g_ascii_strdown (categories[i], -1);

      if (g_strv_contains (keys, lower))
        {
          g_free (categories[i]);
          categories[i] = g_steal_pointer (&lower);
          continue;
        }

      {
        g_autofree char *known = g_strjoinv (", ", (char **) keys);

        /* Translators: %1$s is what was typed, %2$s lists the known category names */
        *status = failf (_("Unknown category “%1$s”: use one of %2$s"), categories[i], known);
        return FALSE;
      }
    }

  return TRUE;
}

/* Fails early and clearly when the output cannot be written, before spending
 * time on rendering; the write itself is atomic and checked again. */
static gboolean
check_writable (const char *path,
                int        *status)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      *status = failf (_("Could not write “%1$s”: %2$s"), path, _("it is a folder"));
      return FALSE;
    }
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      *status = failf (_("Could not write “%1$s”: %2$s"), path, _("the folder does not exist"));
      return FALSE;
    }
  if (g_access (dir, W_OK) != 0)
    {
      *status = failf (_("Could not write “%1$s”: %2$s"), path, _("permission denied"));
      return FALSE;
    }

  return TRUE;
}

static LtStore *
open_store (GVariantDict *options,
            int          *status)
{
  g_autofree char *database = lookup_path (options, "database");
  g_autoptr(GError) error = NULL;
  LtStore *store;

  /* An export only reads: it must work on a read-only file and change
   * nothing in or beside it. Only the very first start creates the user's
   * chronicle. */
  if (database != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (database);

      store = lt_chronicle_open_for_reading (file, &error);
    }
  else
    {
      g_autoptr(GFile) file = lt_chronicle_dup_default_file ();

      if (g_file_query_exists (file, NULL))
        store = lt_chronicle_open_for_reading (file, &error);
      else
        store = lt_chronicle_open_default (&error);
    }

  if (store == NULL)
    {
      *status = failf ("%s", error->message);
      return NULL;
    }

  lt_store_set_language (store, lt_get_ui_language ());

  return store;
}

static gint64
find_actor (LtStore    *store,
            const char *name,
            gboolean    include_restricted,
            int        *status)
{
  gint64 id = lt_store_find_actor (store, name);

  /* A restricted actor is as unknown as one that is not there. */
  if (id != 0 && !lt_store_is_visible (store, LT_RECORD_ACTOR, id, include_restricted))
    id = 0;

  if (id == 0)
    *status = failf (_("Unknown actor “%s”"), name);

  return id;
}

static int
export_data (LtStore    *store,
             const char *path,
             gboolean    include_restricted)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

  /* Written beside @path and renamed over it: a plaintext copy in /tmp
   * would outlive a crash, restricted records and all. */
  if (!lt_store_export_json_full (store, file,
                                  include_restricted ? LT_EXPORT_NONE : LT_EXPORT_PUBLIC_ONLY,
                                  &error))
    return failf ("%s", error->message);

  return 0;
}

static int
export_graph_data (LtStore               *store,
                   const LtExportOptions *options,
                   const char            *path)
{
  g_autoptr(LtGraph) graph = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  g_autofree float *xy = NULL;
  gboolean ok;

  /* The same graph, with the same positions, as the image export draws */
  graph = lt_export_graph_build (store, options, &xy, &error);
  if (graph == NULL)
    return fail (error->message);

  if (options->format == LT_EXPORT_FORMAT_GEXF)
    ok = lt_graph_write_gexf (graph, file, &error);
  else
    ok = lt_graph_write_graphml (graph, file, &error);

  if (!ok)
    return fail (error->message);

  return 0;
}

static gboolean
parse_size (const char      *text,
            LtExportOptions *options,
            int             *status)
{
  static const struct {
    const char   *name;
    LtExportSize  size;
  } sizes[] = {
    { "a4", LT_EXPORT_SIZE_A4_LANDSCAPE },
    { "a4-landscape", LT_EXPORT_SIZE_A4_LANDSCAPE },
    { "a4-portrait", LT_EXPORT_SIZE_A4_PORTRAIT },
    { "letter", LT_EXPORT_SIZE_LETTER_LANDSCAPE },
    { "letter-landscape", LT_EXPORT_SIZE_LETTER_LANDSCAPE },
    { "letter-portrait", LT_EXPORT_SIZE_LETTER_PORTRAIT },
    { "1920x1080", LT_EXPORT_SIZE_HD },
    { "hd", LT_EXPORT_SIZE_HD },
  };
  g_autofree char *lower = g_ascii_strdown (text, -1);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    if (g_str_equal (lower, sizes[i].name))
      {
        options->size = sizes[i].size;
        return TRUE;
      }

  /* Translators: %s is what was typed after --size */
  *status = failf (_("Unknown page size “%s”: use a4, a4-portrait, letter, letter-portrait or 1920x1080"),
                   text);
  return FALSE;
}

/* A query that fails while a painter draws is logged, not returned: the painters draw what
 * they have. Counted here, such a message fails the command rather than exit 0 on a picture
 * that may lack events. Only Letapis's own domains count (a font warning is no failure). */
static gint n_logged_errors;

static GLogWriterOutput
count_errors_writer_cb (GLogLevelFlags   level,
                        const GLogField *fields,
                        gsize            n_fields,
                        gpointer         user_data)
{
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    for (gsize i = 0; i < n_fields; i++)
      if (g_strcmp0 (fields[i].key, "GLIB_DOMAIN") == 0 && fields[i].length < 0 &&
          g_str_has_prefix (fields[i].value, "lt-"))
        {
          g_atomic_int_inc (&n_logged_errors);
          break;
        }

  return g_log_writer_default (level, fields, n_fields, user_data);
}

static int run_export (GVariantDict *options);

/**
 * lt_export_cli_run:
 * @options: the parsed command line
 *
 * Carries out an export asked for on the command line. Errors are one line on
 * stderr; nothing is left behind when the export fails.
 *
 * Returns: the exit status: 0, %LT_EXPORT_CLI_USAGE_ERROR, or
 *   %LT_EXPORT_CLI_FAILED when something went wrong while exporting
 */
int
lt_export_cli_run (GVariantDict *options)
{
  static gsize writer_set = 0;
  int status;

  g_return_val_if_fail (options != NULL, LT_EXPORT_CLI_USAGE_ERROR);

  /* a program has one log writer: this one, for a process that exports and exits */
  if (g_once_init_enter (&writer_set))
    {
      g_log_set_writer_func (count_errors_writer_cb, NULL, NULL);
      g_once_init_leave (&writer_set, 1);
    }

  g_atomic_int_set (&n_logged_errors, 0);
  status = run_export (options);
  if (status == 0 && g_atomic_int_get (&n_logged_errors) > 0)
    {
      g_printerr ("letapis: %s\n",
                  _("The export may be incomplete: an error occurred while writing it"));
      status = LT_EXPORT_CLI_FAILED;
    }

  return status;
}

static int
run_export (GVariantDict *options)
{
  g_autoptr(LtExportOptions) export = NULL;
  g_autoptr(LtStore) store = NULL;
  g_autoptr(LtExportDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *timeline_path = lookup_path (options, "export-timeline");
  g_autofree char *graph_path = lookup_path (options, "export-graph");
  g_autofree char *data_path = lookup_path (options, "export-data");
  g_autofree char *path = NULL;
  g_auto(GStrv) categories = NULL;
  const char *text;
  gboolean include_restricted;
  gint64 from_day = 0, to_day = 0;
  gboolean has_from, has_to;
  int value;
  int status = 0;
  LtExportPage page;

  g_return_val_if_fail (options != NULL, 1);

  align_time_locale ();

  if ((timeline_path != NULL) + (graph_path != NULL) + (data_path != NULL) > 1)
    return fail (_("Give only one of --export-timeline, --export-graph and --export-data"));
  if (timeline_path == NULL && graph_path == NULL && data_path == NULL)
    return fail (_("Export options need --export-timeline, --export-graph or --export-data"));

  include_restricted = g_variant_dict_contains (options, "include-restricted");

  if (data_path != NULL)
    {
      if (!check_writable (data_path, &status))
        return status;
      if ((store = open_store (options, &status)) == NULL)
        return status;
      return export_data (store, data_path, include_restricted);
    }

  /* TimelineJS 3 JSON, for groups that publish with TimelineJS */
  if (timeline_path != NULL && g_str_has_suffix (timeline_path, ".json"))
    {
      g_autoptr(GFile) out = g_file_new_for_commandline_arg (timeline_path);

      if (!check_writable (timeline_path, &status) || !(store = open_store (options, &status)))
        return status;
      if (!lt_timelinejs_write (store, out,
                                include_restricted ? LT_EXPORT_NONE : LT_EXPORT_PUBLIC_ONLY, &error))
        return fail (error->message);
      return 0;
    }

  page = graph_path != NULL ? LT_EXPORT_PAGE_GRAPH : LT_EXPORT_PAGE_TIMELINE;
  path = g_strdup (graph_path != NULL ? graph_path : timeline_path);
  export = lt_export_options_new (page);
  export->include_restricted = include_restricted;

  if (!lt_export_format_from_path (path, page, &export->format, &error))
    return fail (error->message);
  export->size = lt_export_size_default_for (export->format);

  has_from = parse_date_option (options, "from", FALSE, &from_day, &status);
  if (status != 0)
    return status;
  has_to = parse_date_option (options, "to", TRUE, &to_day, &status);
  if (status != 0)
    return status;

  if (has_from || has_to)
    {
      if (!has_from || !has_to)
        {
          g_autoptr(LtStore) probe = NULL;
          g_autoptr(LtEventFilter) visible = lt_event_filter_new ();
          gint64 first = 0, last = 0;

          /* One end given: the other is that of the events the export may show. */
          if ((probe = open_store (options, &status)) == NULL)
            return status;
          lt_event_filter_set_include_restricted (visible, include_restricted);
          if (!lt_store_get_day_bounds (probe, visible, &first, &last))
            first = last = has_from ? from_day : to_day;
          if (!has_from)
            from_day = MIN (first, to_day);
          if (!has_to)
            to_day = MAX (last, from_day);
        }
      if (from_day > to_day)
        return fail (_("The start date is after the end date"));
      export->has_window = TRUE;
      export->from_day = from_day;
      export->to_day = to_day;
    }

  if (g_variant_dict_lookup (options, "size", "&s", &text) && !parse_size (text, export, &status))
    return status;
  if (g_variant_dict_lookup (options, "width", "i", &value))
    {
      export->size = LT_EXPORT_SIZE_CUSTOM_PX;
      export->width = value;
      if (value <= 0)
        return fail (_("The width and the height must be positive"));
    }
  if (g_variant_dict_lookup (options, "height", "i", &value))
    {
      if (export->size != LT_EXPORT_SIZE_CUSTOM_PX)
        {
          export->size = LT_EXPORT_SIZE_CUSTOM_PX;
          export->width = 0;
        }
      export->height = value;
      if (value <= 0)
        return fail (_("The width and the height must be positive"));
    }
  if (g_variant_dict_lookup (options, "dpi", "i", &value))
    {
      if (value < LT_EXPORT_DPI_MIN || value > LT_EXPORT_DPI_MAX)
        return failf (_("The resolution must be between %d and %d dpi"),
                      LT_EXPORT_DPI_MIN, LT_EXPORT_DPI_MAX);
      export->dpi = value;
    }
  if (g_variant_dict_lookup (options, "pages", "i", &value))
    {
      if (value < 1 || value > LT_EXPORT_PAGES_MAX)
        return failf (_("The number of pages must be between 1 and %d"), LT_EXPORT_PAGES_MAX);
      if (value > 1 && export->format != LT_EXPORT_FORMAT_PDF)
        return fail (_("Only a PDF can be split over several pages"));
      if (value > 1 && page != LT_EXPORT_PAGE_TIMELINE)
        return fail (_("Only the timeline can be split over several pages"));
      export->n_pages = value;
    }
  if (g_variant_dict_lookup (options, "depth", "i", &value))
    {
      if (value < 1 || value > 10)
        return fail (_("The depth must be between 1 and 10"));
      export->depth = value;
    }

  if (g_variant_dict_lookup (options, "lanes", "&s", &text))
    {
      if (g_ascii_strcasecmp (text, "category") == 0)
        export->lanes = LT_EXPORT_LANES_CATEGORY;
      else if (g_ascii_strcasecmp (text, "place") == 0)
        export->lanes = LT_EXPORT_LANES_PLACE;
      else if (g_ascii_strcasecmp (text, "actor") == 0)
        export->lanes = LT_EXPORT_LANES_ACTOR;
      else
        /* Translators: %s is what was typed after --lanes */
        return failf (_("Unknown lanes “%s”: use category, place or actor"), text);
    }
  if (g_variant_dict_lookup (options, "title", "&s", &text))
    export->title = g_strdup (text);
  if (g_variant_dict_lookup (options, "subtitle", "&s", &text))
    export->subtitle = g_strdup (text);
  if (g_variant_dict_lookup (options, "search", "&s", &text))
    export->search = g_strdup (text);
  if (g_variant_dict_lookup (options, "category", "^as", &categories))
    {
      if (!check_categories (categories, &status))
        return status;
      export->categories = g_steal_pointer (&categories);
    }
  export->legend = !g_variant_dict_contains (options, "no-legend");
  export->grayscale = g_variant_dict_contains (options, "grayscale");
  export->show_filter = !g_variant_dict_contains (options, "no-filter");
  export->show_date = !g_variant_dict_contains (options, "no-date");
  export->sources = !g_variant_dict_contains (options, "no-sources");
  /* Paper cannot open a cluster: a PDF keys its events unless told not to */
  export->key = g_variant_dict_contains (options, "key") ||
                (export->format == LT_EXPORT_FORMAT_PDF && !g_variant_dict_contains (options, "no-key"));

  if (!check_writable (path, &status))
    return status;

  if (lt_export_format_is_image (export->format) && !lt_export_options_validate (export, &error))
    return fail (error->message);

  if ((store = open_store (options, &status)) == NULL)
    return status;

  if (g_variant_dict_lookup (options, "actor", "&s", &text) &&
      (export->actor_id = find_actor (store, text, include_restricted, &status)) == 0)
    return status;
  if (g_variant_dict_lookup (options, "focus", "&s", &text) &&
      (export->focus_actor = find_actor (store, text, include_restricted, &status)) == 0)
    return status;

  if (!lt_export_format_is_image (export->format))
    return export_graph_data (store, export, path);

  document = lt_export_document_new (store, export, &error);
  if (document == NULL)
    return fail (error->message);

  file = g_file_new_for_commandline_arg (path);
  if (!lt_export_document_write (document, file, NULL, &error))
    return fail (error->message);

  /* The picture says so too; a script reading the log should not have to look at it. */
  if (page == LT_EXPORT_PAGE_TIMELINE)
    {
      g_autoptr(LtEventFilter) filter = lt_export_options_dup_event_filter (export);
      guint n_events;

      if (export->has_window)
        lt_event_filter_set_window (filter, export->from_day, export->to_day);
      n_events = lt_store_count_events (store, filter, &error);
      if (error != NULL)
        return fail (error->message);
      if (n_events == 0)
        g_printerr ("letapis: %s\n", _("Warning: no events match, the export shows none"));
    }

  return 0;
}
