/* test-export.c: headless exports, in process, with no display
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <unistd.h>

#include "lt-export-document.h"
#include "lt-timeline-palette.h"
#include "export-test-util.h"

/* Never gtk_init(): the export must work where there is no display. */

static LtStore *
open_bundled (void)
{
  g_autofree char *dir = export_test_source_path ("data", "chronicle", NULL);

  return export_test_open_chronicle (dir, NULL);
}

static LtStore *
open_restricted_fixture (void)
{
  g_autofree char *dir = export_test_source_path ("tests", "export", "restricted", NULL);

  return export_test_open_chronicle (dir, NULL);
}

static gint64
day_of (const char *iso,
        gboolean    last)
{
  LtDate date;

  g_assert_true (lt_date_parse (iso, &date, NULL));
  return last ? lt_date_last_day (&date) : lt_date_first_day (&date);
}

static GBytes *
export_bytes (LtStore               *store,
              const LtExportOptions *options)
{
  g_autoptr(LtExportDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  document = lt_export_document_new (store, options, &error);
  g_assert_no_error (error);
  bytes = lt_export_document_render (document, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);

  return bytes;
}

static LtExportOptions *
timeline_options (LtExportFormat  format,
                  const char     *from,
                  const char     *to)
{
  LtExportOptions *options = lt_export_options_new (LT_EXPORT_PAGE_TIMELINE);

  options->format = format;
  options->size = lt_export_size_default_for (format);
  options->export_time = 1700000000;
  if (from != NULL)
    {
      options->has_window = TRUE;
      options->from_day = day_of (from, FALSE);
      options->to_day = day_of (to, TRUE);
    }

  return options;
}

static void
test_formats (void)
{
  g_autoptr(GError) error = NULL;
  LtExportFormat format;

  g_assert_true (lt_export_format_from_path ("out.PNG", LT_EXPORT_PAGE_TIMELINE, &format, NULL));
  g_assert_cmpint (format, ==, LT_EXPORT_FORMAT_PNG);
  g_assert_true (lt_export_format_from_path ("/tmp/a.b/report.pdf", LT_EXPORT_PAGE_TIMELINE, &format, NULL));
  g_assert_cmpint (format, ==, LT_EXPORT_FORMAT_PDF);
  g_assert_true (lt_export_format_from_path ("g.gexf", LT_EXPORT_PAGE_GRAPH, &format, NULL));
  g_assert_cmpint (format, ==, LT_EXPORT_FORMAT_GEXF);

  /* GraphML is a graph format, not a timeline one */
  g_assert_false (lt_export_format_from_path ("t.graphml", LT_EXPORT_PAGE_TIMELINE, &format, &error));
  g_assert_error (error, LT_EXPORT_ERROR, LT_EXPORT_ERROR_FORMAT);
  g_clear_error (&error);
  g_assert_false (lt_export_format_from_path ("picture.jpg", LT_EXPORT_PAGE_TIMELINE, &format, &error));
  g_assert_nonnull (strstr (error->message, ".jpg"));
  g_clear_error (&error);
  g_assert_false (lt_export_format_from_path (".png", LT_EXPORT_PAGE_TIMELINE, &format, &error));
  g_clear_error (&error);
}

static void
test_sizes (void)
{
  g_autoptr(LtExportOptions) options = lt_export_options_new (LT_EXPORT_PAGE_TIMELINE);
  g_autoptr(GError) error = NULL;
  double w, h;
  int pw, ph;

  /* A4 landscape is 297 × 210 mm: at 300 dpi, 3508 × 2480 pixels */
  options->format = LT_EXPORT_FORMAT_PNG;
  options->size = LT_EXPORT_SIZE_A4_LANDSCAPE;
  options->dpi = 300;
  lt_export_options_get_page_size (options, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, 297 / 25.4 * 96, 0.01);
  g_assert_cmpfloat_with_epsilon (h, 210 / 25.4 * 96, 0.01);
  lt_export_options_get_pixel_size (options, &pw, &ph);
  g_assert_cmpint (pw, ==, 3508);
  g_assert_cmpint (ph, ==, 2481);

  /* 1920 × 1080 stays 1920 × 1080 pixels whatever the resolution */
  options->size = LT_EXPORT_SIZE_HD;
  options->dpi = 192;
  lt_export_options_get_pixel_size (options, &pw, &ph);
  g_assert_cmpint (pw, ==, 1920);
  g_assert_cmpint (ph, ==, 1080);
  lt_export_options_get_page_size (options, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, 960, 0.01);

  /* Custom millimetres */
  options->format = LT_EXPORT_FORMAT_PDF;
  options->size = LT_EXPORT_SIZE_CUSTOM_MM;
  options->width = 254;
  options->height = 127;
  lt_export_options_get_page_size (options, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, 960, 0.01);
  g_assert_cmpfloat_with_epsilon (h, 480, 0.01);

  /* Out of range */
  options->format = LT_EXPORT_FORMAT_PNG;
  options->dpi = 1200;
  g_assert_false (lt_export_options_validate (options, &error));
  g_assert_error (error, LT_EXPORT_ERROR, LT_EXPORT_ERROR_INVALID);
}

static void
test_png (void)
{
  g_autoptr(LtStore) store = open_bundled ();
  g_autoptr(LtExportOptions) options = timeline_options (LT_EXPORT_FORMAT_PNG, "2020", "2024");
  g_autoptr(GBytes) bytes = NULL;
  PngInfo info;

  options->size = LT_EXPORT_SIZE_CUSTOM_PX;
  options->width = 1600;
  options->height = 900;
  options->dpi = 192;
  options->title = g_strdup ("Repression in Belarus, 2020–2024");
  bytes = export_bytes (store, options);

  g_assert_true (export_test_read_png (bytes, &info));
  g_assert_cmpint (info.width, ==, 1600);
  g_assert_cmpint (info.height, ==, 900);
  g_assert_cmpfloat_with_epsilon (info.dpi, 192, 0.5);
  g_assert_cmpstr (g_hash_table_lookup (info.text, "Title"), ==, "Repression in Belarus, 2020–2024");
  g_assert_true (g_str_has_prefix (g_hash_table_lookup (info.text, "Software"), "Letapis "));
  /* Not blank: text, eight category colours, antialiasing */
  g_test_message ("%u distinct colours", info.n_colors);
  g_assert_cmpuint (info.n_colors, >, 100);
  export_test_clear_png (&info);
}

static void
test_svg (void)
{
  g_autoptr(LtStore) store = open_bundled ();
  g_autoptr(LtExportOptions) options = timeline_options (LT_EXPORT_FORMAT_SVG, "2021-07", "2021-07");
  g_autoptr(LtEventFilter) filter = lt_event_filter_new ();
  g_autoptr(GListModel) events = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *desc = NULL;
  guint n;

  bytes = export_bytes (store, options);
  g_assert_true (export_test_svg_is_well_formed (bytes, &error));
  g_assert_no_error (error);

  /* <title> and <desc> hold the words for screen readers and search */
  desc = export_test_svg_desc (bytes);
  g_assert_nonnull (desc);
  g_assert_true (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                               "<title>Chronicle of Events</title>") != NULL);
  g_assert_nonnull (strstr (desc, "Axis: "));
  g_assert_nonnull (strstr (desc, "July 2021"));

  /* A month is wide enough for every event of it to be drawn and named */
  lt_event_filter_set_window (filter, options->from_day, options->to_day);
  events = lt_store_list_events (store, filter);
  n = g_list_model_get_n_items (events);
  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LtEvent) event = g_list_model_get_item (events, i);

      if (strstr (desc, lt_event_get_title (event)) == NULL)
        g_error ("“%s” is missing from the SVG's description:\n%s", lt_event_get_title (event), desc);
    }
}

/* A pixel of a saturated colour: a category's mark, bar or icon, not text, grid or paper. */
static gboolean
is_coloured (const guint8 *px)
{
  guint8 hi = MAX (px[0], MAX (px[1], px[2]));
  guint8 lo = MIN (px[0], MIN (px[1], px[2]));

  return hi - lo > 50;
}

#define CELL 16

/* Which CELL×CELL cells of @surface hold some coloured pixels. */
static GArray *
coloured_cells (cairo_surface_t *surface,
                guint           *n_coloured)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);
  int cols = width / CELL, rows = height / CELL;
  GArray *cells = g_array_sized_new (FALSE, TRUE, sizeof (gboolean), cols * rows);

  *n_coloured = 0;
  for (int r = 0; r < rows; r++)
    for (int c = 0; c < cols; c++)
      {
        guint n = 0;
        gboolean on;

        for (int y = r * CELL; y < (r + 1) * CELL; y++)
          for (int x = c * CELL; x < (c + 1) * CELL; x++)
            n += is_coloured (data + y * stride + x * 4);
        on = n >= 4;
        *n_coloured += on;
        g_array_append_val (cells, on);
      }

  return cells;
}

/* The coloured cells of @a with no coloured cell of @b at or next to them: a renderer's
 * half-pixel rounding moves an edge into the next cell, a misplaced mark moves by a lane. */
static guint
count_unmatched (GArray *a,
                 GArray *b,
                 int     cols)
{
  int rows = a->len / cols;
  guint n = 0;

  for (int r = 0; r < rows; r++)
    for (int c = 0; c < cols; c++)
      {
        gboolean found = FALSE;

        if (!g_array_index (a, gboolean, r * cols + c))
          continue;
        for (int dr = -1; dr <= 1 && !found; dr++)
          for (int dc = -1; dc <= 1 && !found; dc++)
            {
              int rr = r + dr, cc = c + dc;

              found = rr >= 0 && rr < rows && cc >= 0 && cc < cols &&
                      g_array_index (b, gboolean, rr * cols + cc);
            }
        if (!found && n < 40)
          g_test_message ("unmatched cell at x %d, y %d", c * CELL, r * CELL);
        n += !found;
      }

  return n;
}

/* The SVG is the picture the other formats draw: every mark, bar and icon in the same place
 * (cairo 1.16 lost or moved every cairo-drawn shape in SVG), with its words as <text>. It is
 * compared with the PNG of the same page, since a PDF (with its event key on pages of their
 * own) lays the page out otherwise than an image; the PNG draws the nodes as the PDF does. */
static void
test_svg_matches_pdf (void)
{
  g_autoptr(LtStore) store = open_bundled ();
  g_autoptr(LtExportOptions) svg_options = timeline_options (LT_EXPORT_FORMAT_SVG, "2020", "2024");
  g_autoptr(LtExportOptions) pdf_options = timeline_options (LT_EXPORT_FORMAT_PNG, "2020", "2024");
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GArray) svg_cells = NULL;
  g_autoptr(GArray) pdf_cells = NULL;
  g_autofree char *text = NULL;
  cairo_surface_t *svg_page, *pdf_page;
  const char * const *keys = lt_category_list_keys ();
  guint n_svg, n_pdf, n_differ, n_text = 0;

  if (!export_test_have_program ("rsvg-convert") || !export_test_have_program ("pdftoppm"))
    {
      g_test_skip ("rsvg-convert (librsvg2-bin) or pdftoppm (poppler-utils) is missing");
      return;
    }

  svg_options->size = pdf_options->size = LT_EXPORT_SIZE_A4_LANDSCAPE;
  pdf_options->dpi = 96;
  svg = export_bytes (store, svg_options);
  pdf = export_bytes (store, pdf_options);

  svg_page = export_test_render_page (svg, "svg", 1123, 794);
  {
    g_autofree char *path = NULL;
    int fd = g_file_open_tmp ("letapis-test-XXXXXX.png", &path, NULL);

    g_assert_cmpint (fd, >=, 0);
    close (fd);
    g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL));
    pdf_page = cairo_image_surface_create_from_png (path);
    g_unlink (path);
    g_assert_cmpint (cairo_image_surface_get_width (pdf_page), ==, 1123);
    g_assert_cmpint (cairo_image_surface_get_height (pdf_page), ==, 794);
  }
  svg_cells = coloured_cells (svg_page, &n_svg);
  pdf_cells = coloured_cells (pdf_page, &n_pdf);
  n_differ = count_unmatched (svg_cells, pdf_cells, 1123 / CELL) +
             count_unmatched (pdf_cells, svg_cells, 1123 / CELL);
  g_test_message ("coloured cells: SVG %u, PNG %u, with no match in the other %u",
                  n_svg, n_pdf, n_differ);
  g_assert_cmpuint (n_pdf, >, 100);
  g_assert_cmpuint (n_differ * 20, <, n_pdf);
  cairo_surface_destroy (svg_page);
  cairo_surface_destroy (pdf_page);

  /* No icon or lane drawing was written as an empty group */
  text = g_strndup (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg));
  g_assert_false (g_regex_match_simple ("<g id=\"surface[0-9]+\"[^>]*>\\s*</g>", text, 0, 0));

  /* Text stays text: the title and every lane's name, searchable in the file */
  for (const char *p = text; (p = strstr (p, "<text ")) != NULL; p++)
    n_text++;
  g_test_message ("%u <text> elements", n_text);
  g_assert_cmpuint (n_text, >, 40);
  g_assert_nonnull (strstr (text, ">Chronicle of Events</text>"));
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autofree char *label = g_markup_printf_escaped (">%s</text>",
                                                        lt_category_get_label (keys[i]));

      if (strstr (text, label) == NULL)
        g_error ("the lane “%s” has no <text>", lt_category_get_label (keys[i]));
    }
}

static cairo_status_t
read_bytes_cb (void          *closure,
               unsigned char *data,
               unsigned int   length)
{
  GInputStream *in = closure;

  return g_input_stream_read_all (in, data, length, NULL, NULL, NULL) ? CAIRO_STATUS_SUCCESS
                                                                     : CAIRO_STATUS_READ_ERROR;
}

/* A category's mark, and a bar of it, drawn as the grayscale timeline draws them: which
 * pixels are inked. */
static GBytes *
draw_category (const LtTimelinePalette *palette,
               guint                    category)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 80, 16);
  cairo_t *cr = cairo_create (surface);
  GByteArray *mask = g_byte_array_new ();
  const GdkRGBA *color = &palette->categories[category];
  GdkRGBA soft = *color;

  lt_timeline_draw_shape (cr, lt_timeline_category_get_shape (category), 8, 8, 12);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_fill (cr);

  soft.alpha = 0.22;
  cairo_rectangle (cr, 20, 2, 58, 12);
  gdk_cairo_set_source_rgba (cr, &soft);
  cairo_fill_preserve (cr);
  lt_timeline_palette_add_pattern (palette, cr, category, color);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_stroke (cr);
  cairo_destroy (cr);

  cairo_surface_flush (surface);
  for (int y = 0; y < 16; y++)
    {
      const guint8 *row = cairo_image_surface_get_data (surface) +
                          y * cairo_image_surface_get_stride (surface);

      for (int x = 0; x < 80; x++)
        {
          guint8 inked = row[x] > 100;

          g_byte_array_append (mask, &inked, 1);
        }
    }
  cairo_surface_destroy (surface);

  return g_byte_array_free_to_bytes (mask);
}

/* --grayscale: no colour anywhere on the page, and the categories still apart by the shape of
 * their marks and the pattern of their bars. */
static void
test_grayscale (void)
{
  g_autoptr(LtStore) store = open_bundled ();
  g_autoptr(LtExportOptions) options = timeline_options (LT_EXPORT_FORMAT_PNG, "2020", "2024");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GInputStream) in = NULL;
  LtTimelinePalette palette;
  GBytes *drawn[LT_TIMELINE_N_CATEGORY_STYLES];
  cairo_surface_t *surface;
  const guint8 *data;
  guint n_coloured = 0, n_dark = 0;
  int width, height, stride;

  options->size = LT_EXPORT_SIZE_HD;
  options->grayscale = TRUE;
  bytes = export_bytes (store, options);
  in = g_memory_input_stream_new_from_bytes (bytes);
  surface = cairo_image_surface_create_from_png_stream (read_bytes_cb, in);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  data = cairo_image_surface_get_data (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guint8 *px = data + y * stride + x * 4;
        guint8 hi = MAX (px[0], MAX (px[1], px[2]));
        guint8 lo = MIN (px[0], MIN (px[1], px[2]));

        /* chroma, not HSV saturation, which is high for a near-black tinted ink */
        if (hi - lo > 24)
          {
            if (n_coloured < 5)
              g_test_message ("coloured pixel at %d, %d: %02x%02x%02x", x, y, px[2], px[1], px[0]);
            n_coloured++;
          }
        n_dark += hi < 128;
      }
  cairo_surface_destroy (surface);
  g_test_message ("%u coloured pixels, %u dark ones", n_coloured, n_dark);
  g_assert_cmpuint (n_coloured, ==, 0);
  g_assert_cmpuint (n_dark, >, 1000);

  lt_timeline_palette_init (&palette, FALSE);
  lt_timeline_palette_make_grayscale (&palette);
  for (guint i = 0; i < LT_TIMELINE_N_CATEGORY_STYLES; i++)
    {
      drawn[i] = draw_category (&palette, i);
      for (guint j = 0; j < i; j++)
        {
          const guint8 *a = g_bytes_get_data (drawn[i], NULL);
          const guint8 *b = g_bytes_get_data (drawn[j], NULL);
          guint mark = 0, bar = 0;

          for (guint k = 0; k < g_bytes_get_size (drawn[i]); k++)
            if (a[k] != b[k])
              {
                if (k % 80 < 16)
                  mark++;
                else
                  bar++;
              }
          if (mark < 5 || bar < 20)
            g_error ("categories %u and %u look alike in black and white: %u mark and %u bar "
                     "pixels differ", j, i, mark, bar);
        }
    }
  for (guint i = 0; i < LT_TIMELINE_N_CATEGORY_STYLES; i++)
    g_bytes_unref (drawn[i]);
}

static void
check_pdf_sources (LtStore          *store,
                   LtExportDocument *document,
                   const char       *text)
{
  g_autoptr(GArray) sources = lt_export_document_dup_sources (document);

  g_assert_cmpuint (sources->len, >, 0);
  for (guint i = 0; i < sources->len; i++)
    {
      g_autoptr(LtSource) source = lt_store_lookup_source (store, g_array_index (sources, gint64, i));
      g_autofree char *publisher = export_test_squash (lt_source_get_publisher (source));

      if (strstr (text, publisher) == NULL)
        g_error ("source %u (%s) is not in the PDF", i + 1, publisher);
    }
}

static void
test_pdf (void)
{
  g_autoptr(LtStore) store = open_bundled ();
  g_autoptr(LtExportOptions) options = timeline_options (LT_EXPORT_FORMAT_PDF, "2020", "2024");
  g_autoptr(LtExportDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;

  if (!export_test_have_program ("pdftotext"))
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  options->title = g_strdup ("Political repression in Belarus");
  document = lt_export_document_new (store, options, &error);
  g_assert_no_error (error);
  bytes = lt_export_document_render (document, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (bytes, NULL), "%PDF-"));

  raw = export_test_pdf_text (bytes);
  text = export_test_squash (raw);
  g_assert_nonnull (strstr (text, "Political repression in Belarus"));
  for (int year = 2020; year <= 2024; year++)
    {
      g_autofree char *label = g_strdup_printf ("%d", year);

      g_assert_nonnull (strstr (text, label));
    }
  g_assert_nonnull (strstr (text, "Sources"));
  g_assert_nonnull (strstr (text, "Restricted records are left out."));
  g_assert_nonnull (strstr (text, "Exported on 14 November 2023"));
  check_pdf_sources (store, document, text);

  info = export_test_pdf_info (bytes);
  g_assert_nonnull (strstr (info, "Political repression in Belarus"));
  g_assert_nonnull (strstr (info, "Letapis"));
}

/* g_strstr_len() stops at a NUL, and a PDF holds binary streams */
static const char *
find_bytes (const char *data,
            gsize       size,
            const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= size; i++)
    if (memcmp (data + i, needle, n) == 0)
      return data + i;

  return NULL;
}

static void
test_pdf_pages (void)
{
  g_autoptr(LtStore) store = open_bundled ();
  g_autoptr(LtExportOptions) options = timeline_options (LT_EXPORT_FORMAT_PDF, "2020", "2024");
  g_autoptr(LtExportDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *info = NULL;
  g_autofree char *outline = NULL;
  const char *data;
  gsize size;
  gboolean first_linked = FALSE;
  gboolean linked[64] = { FALSE };
  guint n_annotated = 0;
  g_autoptr(GArray) sources = NULL;
  g_autoptr(GPtrArray) urls = NULL;
  g_auto(GStrv) pages = NULL;
  g_autofree char *pages_line = NULL;
  guint n_links = 0;
  guint n_pages;

  if (!export_test_have_program ("pdftotext"))
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  options->n_pages = 3;
  /* the drawing's pages, and without the key one with the events whose titles found no
   * room (test_pdf_key has the whole key's) */
  options->key = FALSE;
  document = lt_export_document_new (store, options, &error);
  g_assert_no_error (error);
  n_pages = lt_export_document_get_n_pages (document);
  g_assert_cmpuint (n_pages, >=, 3);
  bytes = lt_export_document_render (document, &error);
  g_assert_no_error (error);

  info = export_test_pdf_info (bytes);
  pages_line = g_strdup_printf ("Pages:           %u\n", n_pages);
  g_assert_nonnull (strstr (info, pages_line));

  /* Each page has its own axis and says which part it is */
  raw = export_test_pdf_text (bytes);
  pages = g_strsplit (raw, "\f", -1);
  g_assert_cmpuint (g_strv_length (pages), >=, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *text = export_test_squash (pages[i]);
      g_autofree char *part = g_strdup_printf ("part %u of 3", i + 1);
      /* pdftotext joins "1 / 3" into "1/3": the spaces are thin */
      g_autofree char *page = g_strdup_printf ("%u/%u", i + 1, n_pages);
      g_autofree char *spaced = g_strdup_printf ("%u / %u", i + 1, n_pages);

      g_assert_nonnull (strstr (text, part));
      g_assert_true (strstr (text, page) != NULL || strstr (text, spaced) != NULL);
      g_assert_nonnull (strstr (text, i == 0 ? "2020" : i == 1 ? "2022" : "2024"));
    }

  /* The metadata an editor's PDF tools show */
  g_assert_nonnull (strstr (info, "Keywords:        Timeline, Protest"));

  /* One outline entry per page, each with its sections */
  outline = export_test_pdf_outline (bytes);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *entry = g_strdup_printf ("<item page=\"%u\">%u / %u · ", i + 1, i + 1,
                                                n_pages);
      g_autofree char *heading = g_strdup_printf ("<item page=\"%u\">Sources</item>", i + 1);
      g_autofree char *drawing = g_strdup_printf ("<item page=\"%u\">Timeline</item>", i + 1);

      g_assert_nonnull (strstr (outline, entry));
      g_assert_nonnull (strstr (outline, heading));
      g_assert_nonnull (strstr (outline, drawing));
    }
  {
    g_autofree char *after = g_strdup_printf ("<item page=\"%u\">", n_pages + 1);

    g_assert_null (strstr (outline, after));
  }

  /* The footnotes, and the key's list of every source, link to their sources' web addresses,
   * and to nothing else */
  sources = lt_export_document_dup_sources (document);
  urls = g_ptr_array_new ();
  for (guint i = 0; i < sources->len; i++)
    {
      g_autoptr(LtSource) source = lt_store_lookup_source (store, g_array_index (sources, gint64, i));

      if (lt_source_get_url (source) != NULL)
        g_ptr_array_add (urls, g_strdup (lt_source_get_url (source)));
    }
  g_ptr_array_set_free_func (urls, g_free);
  g_assert_cmpuint (urls->len, >, 0);
  /* cairo writes link annotations uncompressed */
  data = g_bytes_get_data (bytes, &size);
  for (const char *p = find_bytes (data, size, "/URI ("); p != NULL;
       p = find_bytes (p + 1, data + size - (p + 1), "/URI ("))
    {
      const char *end = memchr (p + 6, ')', data + size - (p + 6));
      g_autofree char *uri = g_strndup (p + 6, end - (p + 6));

      guint index;

      g_assert_true (g_ptr_array_find_with_equal_func (urls, uri, g_str_equal, &index));
      linked[MIN (index, G_N_ELEMENTS (linked) - 1)] = TRUE;
      if (g_str_equal (uri, g_ptr_array_index (urls, 0)))
        first_linked = TRUE;
      n_links++;
    }
  g_assert_cmpuint (n_links, >=, 3);
  g_assert_true (first_linked);
  for (guint i = 0; i < MIN (urls->len, G_N_ELEMENTS (linked)); i++)
    if (!linked[i])
      g_error ("%s is listed but not linked", (const char *) g_ptr_array_index (urls, i));
  /* every page has its links: the drawing's pages in their footnotes, the key's in its list */
  for (const char *p = find_bytes (data, size, "/Annots"); p != NULL;
       p = find_bytes (p + 1, data + size - (p + 1), "/Annots"))
    n_annotated++;
  g_assert_cmpuint (n_annotated, ==, lt_export_document_get_n_pages (document));
}

/* Dark pixels (text) in columns [x0, x1) of a PNG */
static guint
count_ink (GBytes *bytes,
           int     x0,
           int     x1)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  const guint8 *data;
  int stride, height;
  guint n = 0;
  int fd;

  fd = g_file_open_tmp ("letapis-test-XXXXXX.png", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  surface = cairo_image_surface_create_from_png (path);
  g_unlink (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);

  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  height = cairo_image_surface_get_height (surface);
  for (int y = 0; y < height; y++)
    for (int x = x0; x < x1; x++)
      {
        guint32 px = *(const guint32 *) (gconstpointer) (data + y * stride + 4 * x);
        double lum = (0.3 * ((px >> 16) & 0xff) + 0.59 * ((px >> 8) & 0xff) + 0.11 * (px & 0xff)) / 255;

        if (lum < 0.35)
          n++;
      }
  cairo_surface_destroy (surface);

  return n;
}

/* No title runs off the page: a label that would cross the right edge goes left of its
 * mark, or is left out, and no glyph of the PDF lies outside its page */
static void
test_labels_inside (void)
{
  g_autoptr(LtStore) store = open_bundled ();
  g_autoptr(LtExportOptions) options = timeline_options (LT_EXPORT_FORMAT_PDF, "2020", "2024");
  g_autoptr(LtExportOptions) png = timeline_options (LT_EXPORT_FORMAT_PNG, "2020", "2024");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) image = NULL;
  g_autofree char *outside = NULL;
  g_autofree char *plain_outside = NULL;
  g_autofree char *raw = NULL;
  int margin;

  if (!export_test_have_program ("pdftotext"))
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  options->title = g_strdup ("Political repression in Belarus, 2020–2024");
  bytes = export_bytes (store, options);
  outside = export_test_pdf_words_outside (bytes);
  g_assert_cmpstr (outside, ==, "");

  /* and no title on the drawing is cut with "…" (the key's summaries are one line each) */
  raw = export_test_pdf_text (bytes);
  {
    g_auto(GStrv) pages = g_strsplit (raw, "\f", -1);
    g_autoptr(GRegex) cut = g_regex_new ("\\w…", 0, 0, NULL);

    g_assert_false (g_regex_match (cut, pages[0], 0, NULL));
  }

  g_clear_pointer (&bytes, g_bytes_unref);
  options->key = FALSE;
  bytes = export_bytes (store, options);
  plain_outside = export_test_pdf_words_outside (bytes);
  g_assert_cmpstr (plain_outside, ==, "");

  /* The last two columns of a slide's drawing hold no text */
  png->size = LT_EXPORT_SIZE_HD;
  png->key = FALSE;
  image = export_bytes (store, png);
  margin = (int) round (1080 * 0.06);
  g_assert_cmpuint (count_ink (image, 1920 - margin - 2, 1920 - margin), ==, 0);
}

static char *
without_hyphens (char *text)
{
  char *out = text;

  for (const char *in = text; *in != '\0'; in++)
    if (*in != '-')
      *out++ = *in;
  *out = '\0';

  return text;
}

/* Every event of the window is in the key, whole, with its date as the chronicle knows it
 * and the numbers of its sources in the footnote */
static void
test_pdf_key (void)
{
  g_autoptr(LtStore) store = open_bundled ();
  g_autoptr(LtExportOptions) options = timeline_options (LT_EXPORT_FORMAT_PDF, "2020", "2024");
  g_autoptr(LtExportDocument) document = NULL;
  g_autoptr(LtEventFilter) filter = NULL;
  g_autoptr(GListModel) events = NULL;
  g_autoptr(GArray) sources = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_autofree char *outline = NULL;
  guint n_pages;

  if (!export_test_have_program ("pdftotext"))
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  g_assert_true (options->key);   /* the default for PDF */
  document = lt_export_document_new (store, options, &error);
  g_assert_no_error (error);
  bytes = lt_export_document_render (document, &error);
  g_assert_no_error (error);
  raw = export_test_pdf_text (bytes);
  /* pdftotext joins a word broken after a hyphen at the end of a line ("post-election"
   * gives "postelection"): compare without hyphens */
  {
    /* and NFKC folds the ligatures ("ﬂ") it reports */
    g_autofree char *folded = g_utf8_normalize (raw, -1, G_NORMALIZE_NFKC);

    text = without_hyphens (export_test_squash (folded));
  }
  g_assert_nonnull (strstr (text, "Key to the events"));

  sources = lt_export_document_dup_sources (document);
  filter = lt_export_options_dup_event_filter (options);
  lt_event_filter_set_window (filter, options->from_day, options->to_day);
  events = lt_store_list_events (store, filter);
  g_assert_cmpuint (g_list_model_get_n_items (events), >=, 29);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(LtEvent) event = g_list_model_get_item (events, i);
      g_autofree char *date = lt_date_range_format (lt_event_get_date_range (event));
      g_autofree char *line = g_strdup_printf ("%s — %s", date, lt_event_get_title (event));
      g_autofree char *squashed = without_hyphens (export_test_squash (line));
      GPtrArray *citations = lt_event_get_citations (event);
      const char *found = strstr (text, squashed);
      int number = -1;

      if (found == NULL)
        g_error ("“%s” is not in the key", squashed);

      for (guint c = 0; citations != NULL && c < citations->len && number < 0; c++)
        {
          const LtCitation *citation = g_ptr_array_index (citations, c);

          for (guint k = 0; k < sources->len; k++)
            if (g_array_index (sources, gint64, k) == citation->source_id)
              number = (int) k + 1;
        }
      if (number > 0)
        {
          g_autofree char *with_source = g_strdup_printf ("%s [%d]", squashed, number);

          g_assert_nonnull (strstr (text, with_source));
        }
    }

  /* Many pages: the key follows on its own pages, numbered and in the outline */
  g_clear_object (&document);
  g_clear_pointer (&bytes, g_bytes_unref);
  options->n_pages = 3;
  document = lt_export_document_new (store, options, &error);
  g_assert_no_error (error);
  n_pages = lt_export_document_get_n_pages (document);
  g_assert_cmpuint (n_pages, >, 3);
  bytes = lt_export_document_render (document, &error);
  g_assert_no_error (error);
  g_clear_pointer (&raw, g_free);
  raw = export_test_pdf_text (bytes);
  outline = export_test_pdf_outline (bytes);
  {
    g_auto(GStrv) pages = g_strsplit (raw, "\f", -1);

    for (guint i = 0; i < n_pages; i++)
      {
        g_autofree char *page_text = export_test_squash (pages[i]);
        g_autofree char *page = g_strdup_printf ("%u/%u", i + 1, n_pages);
        g_autofree char *spaced = g_strdup_printf ("%u / %u", i + 1, n_pages);
        g_autofree char *entry = g_strdup_printf ("<item page=\"%u\">%u / %u · ", i + 1, i + 1,
                                                  n_pages);

        g_assert_true (strstr (page_text, page) != NULL || strstr (page_text, spaced) != NULL);
        g_assert_nonnull (strstr (outline, entry));
        if (i >= 3)
          g_assert_nonnull (strstr (page_text, "Key to the events"));
      }
  }
}

/* The figures band is drawn as on screen, with the footnote numbers of its figures */
static void
test_figures_band (void)
{
  g_autoptr(LtStore) store = open_bundled ();
  g_autoptr(LtExportOptions) options = timeline_options (LT_EXPORT_FORMAT_PDF, "2020", "2024");
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GRegex) band = g_regex_new ("Political prisoners \\[[0-9]+\\]", 0, 0, NULL);

  if (!export_test_have_program ("pdftotext"))
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  options->key = FALSE;
  bytes = export_bytes (store, options);
  raw = export_test_pdf_text (bytes);
  text = export_test_squash (raw);
  g_assert_true (g_regex_match (band, text, 0, NULL));
  g_assert_nonnull (strstr (text, "1,405"));
}

static void
test_ukrainian (void)
{
  g_autoptr(LtStore) store = open_bundled ();
  g_autoptr(LtExportOptions) options = timeline_options (LT_EXPORT_FORMAT_PDF, "2021-07", "2021-07");
  g_autoptr(LtExportOptions) svg_options = NULL;
  g_autoptr(LtEventFilter) filter = lt_event_filter_new ();
  g_autoptr(GListModel) events = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_autofree char *desc = NULL;
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));

  if (!export_test_have_program ("pdftotext"))
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  if (setlocale (LC_ALL, "uk_UA.UTF-8") == NULL)
    {
      g_test_skip ("the uk_UA.UTF-8 locale is not generated");
      return;
    }
  g_setenv ("LANGUAGE", "uk", TRUE);
  setlocale (LC_ALL, "uk_UA.UTF-8");
  lt_store_set_language (store, "uk");

  bytes = export_bytes (store, options);
  raw = export_test_pdf_text (bytes);
  text = export_test_squash (raw);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Джерела"));
  g_assert_nonnull (strstr (text, "Хроніка подій"));
  /* the standalone month name in the window line */
  g_assert_nonnull (strstr (text, "липень 2021"));
  g_assert_nonnull (strstr (text, "Записи з обмеженим доступом не включено."));

  svg_options = timeline_options (LT_EXPORT_FORMAT_SVG, "2021-07", "2021-07");
  svg = export_bytes (store, svg_options);
  desc = export_test_svg_desc (svg);
  lt_event_filter_set_window (filter, options->from_day, options->to_day);
  events = lt_store_list_events (store, filter);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(LtEvent) event = g_list_model_get_item (events, i);

      g_assert_nonnull (lt_record_get_translation (LT_RECORD (event), "uk", "title"));
      if (strstr (desc, lt_record_get_translation (LT_RECORD (event), "uk", "title")) == NULL)
        g_error ("“%s” is missing from the SVG's description:\n%s",
                 lt_record_get_translation (LT_RECORD (event), "uk", "title"), desc);
    }

  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, saved);
}

/* Names, titles and aliases of the fixture's restricted records */
static const char * const secrets[] = {
  "Confidential interview",
  "Marigold",
  "Oksana Brightwater",
  "Brightwater",
  "Ksenia Vetrogon",
  "Ксенія Ветрагон",
  "Quillfeather",
  "Zarnitsa Whistle",
  NULL
};

static void
assert_no_secret (const char *where,
                  const char *text)
{
  for (guint i = 0; secrets[i] != NULL; i++)
    if (text != NULL && strstr (text, secrets[i]) != NULL)
      g_error ("restricted “%s” leaked into the %s", secrets[i], where);
}

static void
check_restricted (LtExportPage   page,
                  LtExportFormat format)
{
  g_autoptr(LtStore) store = open_restricted_fixture ();
  g_autoptr(LtExportOptions) options = timeline_options (format, NULL, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) included = NULL;
  gsize len;
  const char *data;

  options->page = page;
  options->title = g_strdup ("Fixture");
  bytes = export_bytes (store, options);
  data = g_bytes_get_data (bytes, &len);

  switch (format)
    {
    case LT_EXPORT_FORMAT_PNG:
      {
        PngInfo info;
        GHashTableIter iter;
        gpointer key, value;

        g_assert_true (export_test_read_png (bytes, &info));
        g_hash_table_iter_init (&iter, info.text);
        while (g_hash_table_iter_next (&iter, &key, &value))
          assert_no_secret ("PNG metadata", value);
        export_test_clear_png (&info);
      }
      break;

    case LT_EXPORT_FORMAT_SVG:
      {
        g_autofree char *svg = g_strndup (data, len);
        g_autofree char *desc = export_test_svg_desc (bytes);

        assert_no_secret ("SVG", svg);
        g_assert_nonnull (strstr (desc, page == LT_EXPORT_PAGE_TIMELINE
                                        ? "Detentions reported at the Riverside rally"
                                        : "Public Monitor Group"));

        /* and with the box ticked, they are there */
        options->include_restricted = TRUE;
        included = export_bytes (store, options);
        g_free (desc);
        desc = export_test_svg_desc (included);
        g_assert_nonnull (strstr (desc, page == LT_EXPORT_PAGE_TIMELINE
                                        ? "Confidential interview with the Marigold witness"
                                        : "Oksana Brightwater"));
        g_assert_nonnull (strstr (desc, "Quillfeather memorandum"));
      }
      break;

    case LT_EXPORT_FORMAT_PDF:
      {
        g_autofree char *raw = export_test_pdf_text (bytes);
        g_autofree char *text = export_test_squash (raw);
        g_autofree char *info = export_test_pdf_info (bytes);

        assert_no_secret ("PDF text", text);
        assert_no_secret ("PDF metadata", info);
        g_assert_nonnull (strstr (text, "Weekly bulletin on detentions"));

        options->include_restricted = TRUE;
        included = export_bytes (store, options);
        g_free (raw);
        g_free (text);
        raw = export_test_pdf_text (included);
        text = export_test_squash (raw);
        g_assert_nonnull (strstr (text, "Quillfeather memorandum"));
        g_assert_nonnull (strstr (text, "Restricted records are included."));
        if (page == LT_EXPORT_PAGE_GRAPH)
          g_assert_nonnull (strstr (text, "Oksana Brightwater"));
        else
          {
            /* the event key marks a restricted event as the drawing does (pdftotext
             * reports "fi" as a ligature: NFKC folds it) */
            g_autofree char *folded = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);

            g_assert_nonnull (strstr (folded, "🔒 16 July 2021 — Confidential interview with "
                                              "the Marigold witness"));
          }
      }
      break;

    case LT_EXPORT_FORMAT_GRAPHML:
    case LT_EXPORT_FORMAT_GEXF:
    default:
      g_assert_not_reached ();
    }
}

static void
test_restricted (gconstpointer data)
{
  guint which = GPOINTER_TO_UINT (data);

  if (which % 3 == 2 && !export_test_have_program ("pdftotext"))
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  check_restricted (which < 3 ? LT_EXPORT_PAGE_TIMELINE : LT_EXPORT_PAGE_GRAPH,
                    (LtExportFormat[]) { LT_EXPORT_FORMAT_PNG, LT_EXPORT_FORMAT_SVG,
                                         LT_EXPORT_FORMAT_PDF }[which % 3]);
}

static void
test_write_atomic (void)
{
  g_autoptr(LtStore) store = open_bundled ();
  g_autoptr(LtExportOptions) options = timeline_options (LT_EXPORT_FORMAT_PDF, "2021", "2021");
  g_autoptr(LtExportDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("letapis-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "out.pdf", NULL);
  g_autofree char *missing = g_build_filename (dir, "no", "such", "out.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad = g_file_new_for_path (missing);
  g_autoptr(GDir) listing = NULL;
  g_autofree char *contents = NULL;
  const char *name;
  guint n = 0;

  document = lt_export_document_new (store, options, &error);
  g_assert_no_error (error);

  /* An earlier file is replaced whole */
  g_file_set_contents (path, "old", -1, &error);
  g_assert_no_error (error);
  g_assert_true (lt_export_document_write (document, file, NULL, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  g_assert_false (lt_export_document_write (document, bad, NULL, &error));
  g_assert_error (error, LT_EXPORT_ERROR, LT_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "the folder does not exist"));

  /* Nothing but the file: no temporary left behind */
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_assert_cmpstr (name, ==, "out.pdf");
      n++;
    }
  g_assert_cmpuint (n, ==, 1);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LtStore) store = lt_store_open (":memory:", &error);
  g_autoptr(LtExportOptions) options = timeline_options (LT_EXPORT_FORMAT_PDF, NULL, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) graph = NULL;
  g_autofree char *raw = NULL;

  g_assert_no_error (error);
  bytes = export_bytes (store, options);
  options->page = LT_EXPORT_PAGE_GRAPH;
  graph = export_bytes (store, options);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (graph, NULL), "%PDF-"));

  if (!export_test_have_program ("pdftotext"))
    return;
  /* an empty year of the export's date, not the minutes around day 0 */
  raw = export_test_pdf_text (bytes);
  g_assert_nonnull (strstr (raw, "2023"));
  g_assert_null (strstr (raw, "1970"));
}

static void
test_graph_pdf (void)
{
  g_autoptr(LtStore) store = open_bundled ();
  g_autoptr(LtExportOptions) options = lt_export_options_new (LT_EXPORT_PAGE_GRAPH);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;

  if (!export_test_have_program ("pdftotext"))
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  options->focus_actor = lt_store_find_actor (store, "viasna");
  g_assert_cmpint (options->focus_actor, !=, 0);
  options->depth = 1;
  bytes = export_bytes (store, options);
  raw = export_test_pdf_text (bytes);
  text = export_test_squash (raw);
  g_assert_nonnull (strstr (text, "Organizations and Their Relations"));
  g_assert_nonnull (strstr (text, "neighbourhood of "));
  g_assert_nonnull (strstr (text, "Viasna"));
  g_assert_nonnull (strstr (text, "Sources"));
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

  g_test_add_func ("/Letapis/Export/formats", test_formats);
  g_test_add_func ("/Letapis/Export/sizes", test_sizes);
  g_test_add_func ("/Letapis/Export/png", test_png);
  g_test_add_func ("/Letapis/Export/svg", test_svg);
  g_test_add_func ("/Letapis/Export/svg-matches-pdf", test_svg_matches_pdf);
  g_test_add_func ("/Letapis/Export/grayscale", test_grayscale);
  g_test_add_func ("/Letapis/Export/pdf", test_pdf);
  g_test_add_func ("/Letapis/Export/pdf-pages", test_pdf_pages);
  g_test_add_func ("/Letapis/Export/labels-inside", test_labels_inside);
  g_test_add_func ("/Letapis/Export/pdf-key", test_pdf_key);
  g_test_add_func ("/Letapis/Export/figures-band", test_figures_band);
  g_test_add_func ("/Letapis/Export/ukrainian", test_ukrainian);
  g_test_add_func ("/Letapis/Export/graph-pdf", test_graph_pdf);
  g_test_add_func ("/Letapis/Export/empty", test_empty);
  g_test_add_func ("/Letapis/Export/write-atomic", test_write_atomic);
  g_test_add_data_func ("/Letapis/Export/restricted/timeline-png", GUINT_TO_POINTER (0), test_restricted);
  g_test_add_data_func ("/Letapis/Export/restricted/timeline-svg", GUINT_TO_POINTER (1), test_restricted);
  g_test_add_data_func ("/Letapis/Export/restricted/timeline-pdf", GUINT_TO_POINTER (2), test_restricted);
  g_test_add_data_func ("/Letapis/Export/restricted/graph-png", GUINT_TO_POINTER (3), test_restricted);
  g_test_add_data_func ("/Letapis/Export/restricted/graph-svg", GUINT_TO_POINTER (4), test_restricted);
  g_test_add_data_func ("/Letapis/Export/restricted/graph-pdf", GUINT_TO_POINTER (5), test_restricted);

  return g_test_run ();
}
