/* test-export-graph.c: on paper every actor the graph shows is named whole, on the drawing or
 * in the key of numbers, and nothing leaves the page
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "lt-export-document.h"
#include "lt-export-views.h"
#include "lt-graph-model.h"
#include "export-test-util.h"

/* Never gtk_init(): the export must work where there is no display. */

typedef struct
{
  const char  *focus;        /* NULL: the whole graph */
  int          depth;
  LtExportSize size;
  guint        min_pages;    /* a key too long for the drawing's corners has pages of its own */
} GraphCase;

static const GraphCase cases[] = {
  { "viasna", 2, LT_EXPORT_SIZE_A4_LANDSCAPE, 1 },
  { NULL, 0, LT_EXPORT_SIZE_A4_LANDSCAPE, 2 },
  { NULL, 0, LT_EXPORT_SIZE_A4_PORTRAIT, 2 },
};

static LtStore *
open_bundled (void)
{
  g_autofree char *dir = export_test_source_path ("data", "chronicle", NULL);

  return export_test_open_chronicle (dir, NULL);
}

/* @program's output on the PDF, saved to a file for it */
static char *
run_on_pdf (GBytes     *bytes,
            const char *option)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", option, NULL, "-", NULL };
  int status = 0;
  int fd;

  fd = g_file_open_tmp ("letapis-graph-XXXXXX.pdf", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
  argv[4] = path;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_unlink (path);

  return g_steal_pointer (&out);
}

/* the text without any white space: a name wrapped to two lines, at a space or a hyphen, reads
 * as the name; and without ligatures ("ﬃ"), which the PDF's text keeps */
static char *
strip_space (const char *text)
{
  g_autofree char *plain = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  GString *out = g_string_new (NULL);

  for (const char *p = plain; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));

  return g_string_free (out, FALSE);
}

typedef struct
{
  double x0;
  double y0;
  double x1;
  double y1;
  char  *word;
  guint  page;
} Word;

static void
clear_word (gpointer data)
{
  g_free (((Word *) data)->word);
}

/* The words of pdftotext -bbox, in page points, with their pages; @page_w and @page_h get the
 * first page's size (all are the same) */
static GArray *
read_words (const char *html,
            double     *page_w,
            double     *page_h)
{
  g_auto(GStrv) pages = g_strsplit (html, "<page ", -1);
  g_autoptr(GRegex) page = g_regex_new ("<page width=\"([0-9.]+)\" height=\"([0-9.]+)\"", 0, 0, NULL);
  g_autoptr(GRegex) word = g_regex_new ("<word xMin=\"([-0-9.]+)\" yMin=\"([-0-9.]+)\" "
                                        "xMax=\"([-0-9.]+)\" yMax=\"([-0-9.]+)\">([^<]*)</word>",
                                        0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *page_width = NULL;
  g_autofree char *page_height = NULL;
  GArray *words = g_array_new (FALSE, FALSE, sizeof (Word));

  g_array_set_clear_func (words, clear_word);
  g_assert_true (g_regex_match (page, html, 0, &match));
  page_width = g_match_info_fetch (match, 1);
  page_height = g_match_info_fetch (match, 2);
  *page_w = g_ascii_strtod (page_width, NULL);
  *page_h = g_ascii_strtod (page_height, NULL);
  g_clear_pointer (&match, g_match_info_free);

  for (guint p = 1; pages[p] != NULL; p++)
    {
      for (g_regex_match (word, pages[p], 0, &match); g_match_info_matches (match);
           g_match_info_next (match, NULL))
        {
          g_autofree char *x0 = g_match_info_fetch (match, 1);
          g_autofree char *y0 = g_match_info_fetch (match, 2);
          g_autofree char *x1 = g_match_info_fetch (match, 3);
          g_autofree char *y1 = g_match_info_fetch (match, 4);
          Word w;

          w.x0 = g_ascii_strtod (x0, NULL);
          w.y0 = g_ascii_strtod (y0, NULL);
          w.x1 = g_ascii_strtod (x1, NULL);
          w.y1 = g_ascii_strtod (y1, NULL);
          w.word = g_match_info_fetch (match, 5);
          w.page = p;
          g_array_append_val (words, w);
        }
      g_clear_pointer (&match, g_match_info_free);
    }

  return words;
}

static void
test_graph_names (gconstpointer data)
{
  const GraphCase *c = data;
  g_autoptr(LtStore) store = open_bundled ();
  g_autoptr(LtExportOptions) options = lt_export_options_new (LT_EXPORT_PAGE_GRAPH);
  g_autoptr(LtExportDocument) document = NULL;
  g_autoptr(LtGraph) graph = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) words = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_autofree char *html = NULL;
  double page_w;
  double page_h;
  guint n_pages;
  guint n;

  if (!export_test_have_program ("pdftotext"))
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  options->format = LT_EXPORT_FORMAT_PDF;
  options->size = c->size;
  options->export_time = 1700000000;
  if (c->focus != NULL)
    {
      options->focus_actor = lt_store_find_actor (store, c->focus);
      g_assert_cmpint (options->focus_actor, !=, 0);
      options->depth = c->depth;
    }

  graph = lt_export_graph_build (store, options, NULL, &error);
  g_assert_no_error (error);
  n = lt_graph_get_n_nodes (graph);
  g_assert_cmpuint (n, >, c->focus != NULL ? 10 : 50);

  document = lt_export_document_new (store, options, &error);
  g_assert_no_error (error);
  bytes = lt_export_document_render (document, &error);
  g_assert_no_error (error);

  /* -raw: the text in the order it is drawn, so a wrapped name's lines follow each other */
  raw = run_on_pdf (bytes, "-raw");
  g_assert_null (strstr (raw, "…"));
  text = strip_space (raw);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = strip_space (lt_graph_get_node (graph, i)->name);

      if (strstr (text, name) == NULL)
        g_error ("“%s” is not in the graph export", lt_graph_get_node (graph, i)->name);
    }

  /* the key's pages are counted with the drawing's */
  n_pages = lt_export_document_get_n_pages (document);
  g_assert_cmpuint (n_pages, >=, c->min_pages);
  for (guint p = 1; n_pages > 1 && p <= n_pages; p++)
    {
      g_autofree char *number = g_strdup_printf ("%u / %u", p, n_pages);

      g_assert_nonnull (strstr (raw, number));
    }

  /* every glyph on the page, and no word over another */
  html = run_on_pdf (bytes, "-bbox");
  words = read_words (html, &page_w, &page_h);
  g_assert_cmpuint (words->len, >, n);
  for (guint k = 0; k < words->len; k++)
    {
      const Word *w = &g_array_index (words, Word, k);

      if (w->x0 < 0 || w->y0 < 0 || w->x1 > page_w || w->y1 > page_h)
        g_error ("“%s” is outside the page, at %.0f,%.0f–%.0f,%.0f", w->word, w->x0, w->y0, w->x1, w->y1);
      for (guint l = k + 1; l < words->len; l++)
        {
          const Word *v = &g_array_index (words, Word, l);
          double ix;
          double iy;

          if (v->page != w->page)
            break;
          ix = MIN (w->x1, v->x1) - MAX (w->x0, v->x0);
          iy = MIN (w->y1, v->y1) - MAX (w->y0, v->y0);

          /* a little overlap is the ascent of one line touching the descent of the next */
          if (ix > 1 && iy > 0.3 * MIN (w->y1 - w->y0, v->y1 - v->y0))
            g_error ("“%s” and “%s” overlap", w->word, v->word);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("LETAPIS_LOCALEDIR");

  g_unsetenv ("LANGUAGE");
  g_unsetenv ("DISPLAY");
  g_unsetenv ("WAYLAND_DISPLAY");
  g_setenv ("TZ", "UTC", TRUE);
  setlocale (LC_ALL, "en_US.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/Letapis/ExportGraph/names/viasna-a4", &cases[0], test_graph_names);
  g_test_add_data_func ("/Letapis/ExportGraph/names/whole-a4", &cases[1], test_graph_names);
  g_test_add_data_func ("/Letapis/ExportGraph/names/whole-a4-portrait", &cases[2], test_graph_names);

  return g_test_run ();
}
