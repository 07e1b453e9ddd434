/* export-test-util.c
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <unistd.h>
#include <string.h>
#include <sys/wait.h>

#include "export-test-util.h"

/**
 * export_test_source_path:
 *
 * Returns: a path under the source tree (LETAPIS_SOURCE_ROOT)
 */
char *
export_test_source_path (const char *first,
                         ...)
{
  /* The benchmark runs outside meson test, without the test environment. */
  const char *root = g_getenv ("LETAPIS_SOURCE_ROOT") != NULL ? g_getenv ("LETAPIS_SOURCE_ROOT")
                                                              : EXPORT_TEST_SOURCE_ROOT;
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *part;
  va_list args;

  g_assert_nonnull (root);
  g_ptr_array_add (parts, (gpointer) root);
  va_start (args, first);
  for (part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  return g_build_filenamev ((char **) parts->pdata);
}

/* A chronicle folder (four JSON files) in a database: ":memory:" or a file. */
LtStore *
export_test_open_chronicle (const char *dir,
                            const char *database)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  LtStore *store;

  store = lt_store_open (database != NULL ? database : ":memory:", &error);
  g_assert_no_error (error);
  lt_store_import_chronicle (store, folder, &error);
  g_assert_no_error (error);

  return store;
}

typedef struct
{
  const guint8 *data;
  gsize         len;
  gsize         pos;
} Reader;

static cairo_status_t
read_cb (void          *closure,
         unsigned char *data,
         unsigned int   length)
{
  Reader *reader = closure;

  if (reader->pos + length > reader->len)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, reader->data + reader->pos, length);
  reader->pos += length;
  return CAIRO_STATUS_SUCCESS;
}

static guint32
be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* Reads a PNG's chunks (size, pHYs, text) and counts its colours. */
gboolean
export_test_read_png (GBytes  *bytes,
                      PngInfo *info)
{
  static const guint8 signature[8] = { 137, 'P', 'N', 'G', '\r', '\n', 26, '\n' };
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  Reader reader = { data, len, 0 };
  g_autoptr(GHashTable) colors = NULL;
  cairo_surface_t *surface;
  gsize pos = 8;

  memset (info, 0, sizeof *info);
  info->text = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (len < 8 || memcmp (data, signature, 8) != 0)
    return FALSE;

  while (pos + 12 <= len)
    {
      guint32 size = be32 (data + pos);
      const char *type = (const char *) data + pos + 4;
      const guint8 *body = data + pos + 8;

      if (pos + 12 + size > len)
        return FALSE;

      if (memcmp (type, "IHDR", 4) == 0)
        {
          info->width = be32 (body);
          info->height = be32 (body + 4);
        }
      else if (memcmp (type, "pHYs", 4) == 0 && body[8] == 1)
        info->dpi = be32 (body) * 0.0254;
      else if (memcmp (type, "tEXt", 4) == 0)
        {
          gsize klen = strnlen ((const char *) body, size);

          g_hash_table_insert (info->text, g_strndup ((const char *) body, klen),
                               g_strndup ((const char *) body + klen + 1, size - klen - 1));
        }
      else if (memcmp (type, "iTXt", 4) == 0)
        {
          /* keyword 0 flag method language 0 translated 0 text */
          const char *p = (const char *) body;
          const char *end = p + size;
          const char *keyword = p;

          p += strnlen (p, end - p) + 1 + 2;
          p += strnlen (p, end - p) + 1;
          p += strnlen (p, end - p) + 1;
          if (p <= end)
            g_hash_table_insert (info->text, g_strdup (keyword), g_strndup (p, end - p));
        }

      pos += 12 + size;
    }

  surface = cairo_image_surface_create_from_png_stream (read_cb, &reader);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }

  colors = g_hash_table_new (g_direct_hash, g_direct_equal);
  {
    int w = cairo_image_surface_get_width (surface);
    int h = cairo_image_surface_get_height (surface);
    int stride = cairo_image_surface_get_stride (surface);
    const guint8 *pixels = cairo_image_surface_get_data (surface);

    for (int y = 0; y < h; y++)
      for (int x = 0; x < w; x++)
        {
          guint32 pixel = ((const guint32 *) (pixels + y * stride))[x] & 0xffffff;

          g_hash_table_add (colors, GUINT_TO_POINTER (pixel + 1));
        }
  }
  info->n_colors = g_hash_table_size (colors);
  cairo_surface_destroy (surface);

  return info->width > 0;
}

void
export_test_clear_png (PngInfo *info)
{
  g_clear_pointer (&info->text, g_hash_table_unref);
}

/* Runs @program on the bytes saved to a file; "@" in @args stands for the file. */
static char *
run_on_bytes (const char * const *args,
              GBytes             *bytes)
{
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  int fd;
  int status = 0;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  fd = g_file_open_tmp ("letapis-test-XXXXXX.pdf", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);

  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, g_str_equal (args[i], "@") ? path : (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL,
                G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_unlink (path);

  return g_steal_pointer (&out);
}

/* The PDF's text as poppler's pdftotext reads it. */
char *
export_test_pdf_text (GBytes *bytes)
{
  static const char * const args[] = { "pdftotext", "-enc", "UTF-8", "@", "-", NULL };

  return run_on_bytes (args, bytes);
}

/* The PDF's document information (title, subject, creator), from pdfinfo. */
char *
export_test_pdf_info (GBytes *bytes)
{
  static const char * const args[] = { "pdfinfo", "-enc", "UTF-8", "@", NULL };

  return run_on_bytes (args, bytes);
}

/* The PDF's outline as pdftohtml's XML: <item page="N">entry</item>, nested in <outline>. */
static double
xml_attribute (const char *tag,
               const char *name)
{
  g_autofree char *key = g_strdup_printf (" %s=\"", name);
  const char *at = strstr (tag, key);

  return at != NULL ? g_ascii_strtod (at + strlen (key), NULL) : 0.0;
}

/* The words whose box, as pdftotext -bbox sees it, reaches out of their page, one a line */
char *
export_test_pdf_words_outside (GBytes *bytes)
{
  static const char * const args[] = { "pdftotext", "-bbox", "-enc", "UTF-8", "@", "-", NULL };
  g_autofree char *html = run_on_bytes (args, bytes);
  g_auto(GStrv) lines = g_strsplit (html != NULL ? html : "", "\n", -1);
  GString *outside = g_string_new (NULL);
  double width = 0, height = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (strstr (line, "<page ") != NULL)
        {
          width = xml_attribute (line, "width");
          height = xml_attribute (line, "height");
        }
      else if (strstr (line, "<word ") != NULL)
        {
          double x0 = xml_attribute (line, "xMin");
          double y0 = xml_attribute (line, "yMin");
          double x1 = xml_attribute (line, "xMax");
          double y1 = xml_attribute (line, "yMax");

          if (x0 < 0 || y0 < 0 || x1 > width || y1 > height)
            g_string_append_printf (outside, "%s\n", line);
        }
    }

  return g_string_free (outside, FALSE);
}

char *
export_test_pdf_outline (GBytes *bytes)
{
  static const char * const args[] = { "pdftohtml", "-xml", "-stdout", "-i", "-q", "@", NULL };
  g_autofree char *xml = run_on_bytes (args, bytes);
  const char *start = xml != NULL ? strstr (xml, "<outline>") : NULL;
  const char *end = start != NULL ? g_strrstr (start, "</outline>") : NULL;

  if (end == NULL)
    return g_strdup ("");

  return g_strndup (start, end + strlen ("</outline>") - start);
}

static const GMarkupParser no_parser = { 0 };

gboolean
export_test_svg_is_well_formed (GBytes  *bytes,
                                GError **error)
{
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&no_parser, 0, NULL, NULL);
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  return g_markup_parse_context_parse (context, data, len, error) &&
         g_markup_parse_context_end_parse (context, error);
}

/* The unescaped text of the SVG's <desc>. */
char *
export_test_svg_desc (GBytes *bytes)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  g_autofree char *copy = g_strndup (data, len);
  const char *start = strstr (copy, "<desc>");
  const char *end = start != NULL ? strstr (start, "</desc>") : NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  if (end == NULL)
    return NULL;

  for (const char *p = start + 6; p < end; p++)
    {
      if (g_str_has_prefix (p, "&amp;")) { g_string_append_c (out, '&'); p += 4; }
      else if (g_str_has_prefix (p, "&lt;")) { g_string_append_c (out, '<'); p += 3; }
      else if (g_str_has_prefix (p, "&gt;")) { g_string_append_c (out, '>'); p += 3; }
      else if (g_str_has_prefix (p, "&quot;")) { g_string_append_c (out, '"'); p += 5; }
      else if (g_str_has_prefix (p, "&apos;")) { g_string_append_c (out, '\''); p += 5; }
      else if (g_str_has_prefix (p, "&#39;")) { g_string_append_c (out, '\''); p += 4; }
      else g_string_append_c (out, *p);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Text with every run of white space made one space: pdftotext breaks lines
 * where the page does. */
char *
export_test_squash (const char *text)
{
  g_auto(GStrv) words = g_regex_split_simple ("\\s+", text != NULL ? text : "", 0, 0);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_ptr_array_add (kept, words[i]);
  g_ptr_array_add (kept, NULL);

  return g_strjoinv (" ", (char **) kept->pdata);
}

gboolean
export_test_have_program (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);

  return path != NULL;
}

/* @bytes (an SVG through librsvg's rsvg-convert, or a PDF's first page through poppler's
 * pdftoppm) drawn at @width × @height pixels, or NULL if the program is missing. */
cairo_surface_t *
export_test_render_page (GBytes     *bytes,
                         const char *format,
                         int         width,
                         int         height)
{
  g_autofree char *in = NULL;
  g_autofree char *out = NULL;
  g_autofree char *w = g_strdup_printf ("%d", width);
  g_autofree char *h = g_strdup_printf ("%d", height);
  g_autoptr(GError) error = NULL;
  gboolean svg = g_str_equal (format, "svg");
  cairo_surface_t *surface;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  int status = 0;
  int fd;

  if (!export_test_have_program (svg ? "rsvg-convert" : "pdftoppm"))
    return NULL;

  fd = g_file_open_tmp (svg ? "letapis-test-XXXXXX.svg" : "letapis-test-XXXXXX.pdf", &in, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (in, data, len, &error);
  g_assert_no_error (error);
  out = g_strconcat (in, "-render", NULL);

  {
    g_autofree char *png = g_strconcat (out, ".png", NULL);
    const char *rsvg[] = { "rsvg-convert", "-w", w, "-h", h, "-b", "white", "-o", png, in, NULL };
    const char *poppler[] = { "pdftoppm", "-png", "-singlefile", "-scale-to-x", w,
                              "-scale-to-y", h, in, out, NULL };

    g_spawn_sync (NULL, (char **) (svg ? rsvg : poppler), NULL,
                  G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                  &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    surface = cairo_image_surface_create_from_png (png);
    g_unlink (png);
  }
  g_unlink (in);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, height);

  return surface;
}

void
export_test_run_clear (ExportTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

/* Runs letapis with @args (NULL-terminated) and "NAME=value" strings in @env_extra, in English,
 * with the user's data in @data_home and no X or Wayland display to connect to. */
void
export_test_run_letapis_v (ExportTestRun      *run,
                           const char         *data_home,
                           const char * const *env_extra,
                           const char         *first_arg,
                           va_list             args)
{
  const char *binary = g_getenv ("LETAPIS_BINARY");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (binary);

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_unsetenv (envp, "LANGUAGE");
  envp = g_environ_setenv (envp, "LC_ALL", "en_US.UTF-8", TRUE);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", data_home, TRUE);
  for (guint i = 0; env_extra != NULL && env_extra[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (env_extra[i], "=", 2);

      envp = g_environ_setenv (envp, pair[0], pair[1], TRUE);
    }

  g_ptr_array_add (argv, (gpointer) binary);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  g_ptr_array_add (argv, NULL);

  memset (run, 0, sizeof *run);
  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &run->status, &error);
  g_assert_no_error (error);
}

int
export_test_exit_status (const ExportTestRun *run)
{
  return WIFEXITED (run->status) ? WEXITSTATUS (run->status) : -1;
}

/* Removes @dir and the files in it */
void
export_test_remove_dir (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}
