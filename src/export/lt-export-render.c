/* lt-export-render.c: render nodes to PNG, SVG and PDF bytes with no display
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-export"

#include "config.h"

#include <glib/gi18n.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <math.h>

#include "lt-atomic-file.h"
#include "lt-export-render.h"
#include "lt-export-svg.h"
#include "lt-xml.h"

void
lt_export_metadata_clear (LtExportMetadata *meta)
{
  g_return_if_fail (meta != NULL);

  g_clear_pointer (&meta->title, g_free);
  g_clear_pointer (&meta->subject, g_free);
  g_clear_pointer (&meta->description, g_free);
  g_clear_pointer (&meta->creator, g_free);
  g_clear_pointer (&meta->author, g_free);
  g_clear_pointer (&meta->keywords, g_free);
  g_clear_pointer (&meta->language, g_free);
  g_clear_pointer (&meta->pages, g_ptr_array_unref);
}

static void
clear_section (gpointer data)
{
  LtExportSection *section = data;

  g_free (section->label);
}

static void
clear_link (gpointer data)
{
  LtExportLink *link = data;

  g_free (link->uri);
}

LtExportPageInfo *
lt_export_page_info_new (void)
{
  LtExportPageInfo *info = g_new0 (LtExportPageInfo, 1);

  info->sections = g_array_new (FALSE, FALSE, sizeof (LtExportSection));
  g_array_set_clear_func (info->sections, clear_section);
  info->links = g_array_new (FALSE, FALSE, sizeof (LtExportLink));
  g_array_set_clear_func (info->links, clear_link);

  return info;
}

void
lt_export_page_info_free (LtExportPageInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->outline);
  g_array_unref (info->sections);
  g_array_unref (info->links);
  g_free (info);
}

void
lt_export_page_info_add_section (LtExportPageInfo *info,
                                 const char       *label,
                                 double            y)
{
  LtExportSection section = { g_strdup (label), y };

  g_return_if_fail (info != NULL);

  g_array_append_val (info->sections, section);
}

void
lt_export_page_info_add_link (LtExportPageInfo      *info,
                              const char            *uri,
                              const graphene_rect_t *area)
{
  LtExportLink link = { g_strdup (uri), *area };

  g_return_if_fail (info != NULL);

  g_array_append_val (info->links, link);
}

/* cairo parses the attributes of a tag: a string goes in single quotes, and a quote or
 * backslash inside it is escaped with a backslash. */
static void
append_quoted (GString    *out,
               const char *text)
{
  g_string_append_c (out, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '\'');
}

/* Only links a reader's PDF viewer should open: web and mail addresses, never a file:
 * or javascript: URI that a source's record might carry. */
static gboolean
is_safe_uri (const char *uri)
{
  g_autofree char *scheme = g_uri_parse_scheme (uri);

  return scheme != NULL &&
         (g_ascii_strcasecmp (scheme, "https") == 0 ||
          g_ascii_strcasecmp (scheme, "http") == 0 ||
          g_ascii_strcasecmp (scheme, "mailto") == 0);
}

/* PDF measures in points (1/72 inch), layout in CSS pixels (1/96 inch). */
#define PT_PER_PX 0.75

/* A length in whole points for cairo's attribute parser. cairo 1.16 reads a decimal point
 * through the locale and crashes in cairo_surface_finish() under uk_UA and be_BY, whose
 * decimal comma it then misreads; a whole point is finer than a link or an outline needs. */
static void
append_points (GString *out,
               double   px)
{
  g_string_append_printf (out, "%d", (int) lround (px * PT_PER_PX));
}

static void
add_pdf_page_info (cairo_surface_t        *surface,
                   cairo_t                *cr,
                   guint                   page,
                   const LtExportPageInfo *info)
{
  int parent = CAIRO_PDF_OUTLINE_ROOT;

  for (guint i = 0; i < info->links->len; i++)
    {
      const LtExportLink *link = &g_array_index (info->links, LtExportLink, i);
      g_autoptr(GString) attributes = NULL;

      if (!is_safe_uri (link->uri))
        continue;
      attributes = g_string_new ("rect=[");
      append_points (attributes, link->area.origin.x);
      g_string_append_c (attributes, ' ');
      append_points (attributes, link->area.origin.y);
      g_string_append_c (attributes, ' ');
      append_points (attributes, link->area.size.width);
      g_string_append_c (attributes, ' ');
      append_points (attributes, link->area.size.height);
      g_string_append (attributes, "] uri=");
      append_quoted (attributes, link->uri);
      cairo_tag_begin (cr, CAIRO_TAG_LINK, attributes->str);
      cairo_tag_end (cr, CAIRO_TAG_LINK);
    }

  if (info->outline != NULL)
    {
      g_autofree char *dest = g_strdup_printf ("page=%u pos=[0 0]", page + 1);

      parent = cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, info->outline,
                                              dest, CAIRO_PDF_OUTLINE_FLAG_OPEN);
    }
  for (guint i = 0; i < info->sections->len; i++)
    {
      const LtExportSection *section = &g_array_index (info->sections, LtExportSection, i);
      g_autoptr(GString) dest = g_string_new (NULL);

      g_string_append_printf (dest, "page=%u pos=[0 ", page + 1);
      append_points (dest, section->y);
      g_string_append_c (dest, ']');

      cairo_pdf_surface_add_outline (surface, parent, section->label, dest->str, 0);
    }
}

/**
 * lt_export_prepare_rendering:
 *
 * Registers the render node types. Without gtk_init() (the command line never
 * opens a display) nothing else does, and gsk_render_node_alloc() asserts.
 */
void
lt_export_prepare_rendering (void)
{
  g_type_ensure (GSK_TYPE_RENDER_NODE);
  g_type_ensure (GSK_TYPE_CONTAINER_NODE);
  g_type_ensure (GSK_TYPE_CAIRO_NODE);
  g_type_ensure (GSK_TYPE_COLOR_NODE);
  g_type_ensure (GSK_TYPE_LINEAR_GRADIENT_NODE);
  g_type_ensure (GSK_TYPE_REPEATING_LINEAR_GRADIENT_NODE);
  g_type_ensure (GSK_TYPE_RADIAL_GRADIENT_NODE);
  g_type_ensure (GSK_TYPE_REPEATING_RADIAL_GRADIENT_NODE);
  g_type_ensure (GSK_TYPE_CONIC_GRADIENT_NODE);
  g_type_ensure (GSK_TYPE_BORDER_NODE);
  g_type_ensure (GSK_TYPE_TEXTURE_NODE);
  g_type_ensure (GSK_TYPE_INSET_SHADOW_NODE);
  g_type_ensure (GSK_TYPE_OUTSET_SHADOW_NODE);
  g_type_ensure (GSK_TYPE_TRANSFORM_NODE);
  g_type_ensure (GSK_TYPE_OPACITY_NODE);
  g_type_ensure (GSK_TYPE_COLOR_MATRIX_NODE);
  g_type_ensure (GSK_TYPE_REPEAT_NODE);
  g_type_ensure (GSK_TYPE_CLIP_NODE);
  g_type_ensure (GSK_TYPE_ROUNDED_CLIP_NODE);
  g_type_ensure (GSK_TYPE_SHADOW_NODE);
  g_type_ensure (GSK_TYPE_BLEND_NODE);
  g_type_ensure (GSK_TYPE_CROSS_FADE_NODE);
  g_type_ensure (GSK_TYPE_TEXT_NODE);
  g_type_ensure (GSK_TYPE_BLUR_NODE);
  g_type_ensure (GSK_TYPE_DEBUG_NODE);
  g_type_ensure (GSK_TYPE_GL_SHADER_NODE);
}

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

static gboolean
check_surface (cairo_surface_t  *surface,
               GError          **error)
{
  cairo_status_t status = cairo_surface_status (surface);

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  g_set_error (error, LT_EXPORT_ERROR, LT_EXPORT_ERROR_RENDER,
               _("Could not draw the image: %s"), cairo_status_to_string (status));
  return FALSE;
}

/* PNG chunks. cairo writes no text chunks, so they are spliced in after IHDR. */

static guint32
png_crc (const guint8 *data,
         gsize         len,
         guint32       crc)
{
  static guint32 table[256];
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (guint32 n = 0; n < 256; n++)
        {
          guint32 c = n;

          for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
          table[n] = c;
        }
      g_once_init_leave (&initialized, 1);
    }

  for (gsize i = 0; i < len; i++)
    crc = table[(crc ^ data[i]) & 0xff] ^ (crc >> 8);

  return crc;
}

static void
append_be32 (GByteArray *out,
             guint32     value)
{
  guint8 bytes[4] = { value >> 24, (value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff };

  g_byte_array_append (out, bytes, 4);
}

static void
append_chunk (GByteArray   *out,
              const char   *type,
              const guint8 *data,
              gsize         len)
{
  guint32 crc;

  append_be32 (out, len);
  g_byte_array_append (out, (const guint8 *) type, 4);
  if (len > 0)
    g_byte_array_append (out, data, len);
  crc = png_crc ((const guint8 *) type, 4, 0xffffffffu);
  crc = png_crc (data, len, crc);
  append_be32 (out, crc ^ 0xffffffffu);
}

/* iTXt holds UTF-8, uncompressed: keyword, 0, flag 0, method 0, language, 0,
 * translated keyword (empty), 0, text. */
static void
append_itxt (GByteArray *out,
             const char *keyword,
             const char *language,
             const char *text)
{
  g_autoptr(GByteArray) data = NULL;
  static const guint8 zeros[2] = { 0, 0 };

  if (text == NULL || *text == '\0')
    return;

  data = g_byte_array_new ();
  g_byte_array_append (data, (const guint8 *) keyword, strlen (keyword) + 1);
  g_byte_array_append (data, zeros, 2);
  if (language != NULL)
    g_byte_array_append (data, (const guint8 *) language, strlen (language));
  g_byte_array_append (data, zeros, 1);
  g_byte_array_append (data, zeros, 1);
  g_byte_array_append (data, (const guint8 *) text, strlen (text));
  append_chunk (out, "iTXt", data->data, data->len);
}

static GBytes *
add_png_metadata (GByteArray             *png,
                  guint                   dpi,
                  const LtExportMetadata *meta)
{
  /* signature (8) + IHDR (4 + 4 + 13 + 4) */
  const gsize ihdr_end = 33;
  g_autoptr(GByteArray) out = g_byte_array_sized_new (png->len + 1024);
  guint8 phys[9];
  guint32 ppm = (guint32) lround (dpi / 0.0254);

  g_assert (png->len > ihdr_end);
  g_assert (memcmp (png->data + 12, "IHDR", 4) == 0);

  g_byte_array_append (out, png->data, ihdr_end);

  phys[0] = ppm >> 24; phys[1] = (ppm >> 16) & 0xff; phys[2] = (ppm >> 8) & 0xff; phys[3] = ppm & 0xff;
  memcpy (phys + 4, phys, 4);
  phys[8] = 1;   /* unit: metre */
  append_chunk (out, "pHYs", phys, sizeof phys);

  if (meta != NULL)
    {
      append_itxt (out, "Title", meta->language, meta->title);
      append_itxt (out, "Description", meta->language, meta->subject);
      append_itxt (out, "Software", NULL, meta->creator);
      if (meta->time > 0)
        {
          g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (meta->time);
          g_autofree char *iso = g_date_time_format_iso8601 (dt);

          append_itxt (out, "Creation Time", NULL, iso);
        }
    }

  g_byte_array_append (out, png->data + ihdr_end, png->len - ihdr_end);

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static GBytes *
render_png (GPtrArray              *nodes,
            double                  width,
            double                  height,
            guint                   dpi,
            const LtExportMetadata *meta,
            GError                **error)
{
  g_autoptr(GByteArray) png = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  double scale = dpi / 96.0;
  int pw = (int) ceil (width * scale - 0.001);
  int ph = (int) ceil (height * scale - 0.001);
  cairo_t *cr;

  /* Opaque white paper: RGB24 also makes the file a quarter smaller. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, pw, ph);
  if (!check_surface (surface, error))
    {
      cairo_surface_destroy (surface);
      return NULL;
    }

  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  gsk_render_node_draw (g_ptr_array_index (nodes, 0), cr);
  cairo_destroy (cr);

  cairo_surface_flush (surface);
  status = cairo_surface_write_to_png_stream (surface, append_cb, png);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, LT_EXPORT_ERROR, LT_EXPORT_ERROR_RENDER,
                   _("Could not draw the image: %s"), cairo_status_to_string (status));
      return NULL;
    }

  return add_png_metadata (png, dpi, meta);
}

/* <title> and <desc> carry the words for search and screen readers; @text, the drawing's
 * text elements, goes at the end, over the drawing. */
static GBytes *
add_svg_metadata (GByteArray             *svg,
                  const char             *text,
                  const LtExportMetadata *meta)
{
  g_autoptr(GString) out = g_string_sized_new (svg->len + 4096);
  const char *start = (const char *) svg->data;
  const char *end = start + svg->len;
  const char *root;
  const char *root_end;
  const char *closing;

  root = g_strstr_len (start, svg->len, "<svg");
  root_end = root != NULL ? memchr (root, '>', end - root) : NULL;
  if (root_end == NULL)
    return g_bytes_new (svg->data, svg->len);

  g_string_append_len (out, start, root_end - start);
  if (meta->language != NULL)
    {
      g_autofree char *lang = lt_xml_escape_text (meta->language);

      g_string_append_printf (out, " xml:lang=\"%s\"", lang);
    }
  g_string_append (out, " role=\"img\">\n");
  if (meta->title != NULL)
    {
      g_autofree char *title = lt_xml_escape_text (meta->title);

      g_string_append_printf (out, "<title>%s</title>\n", title);
    }
  if (meta->description != NULL)
    {
      g_autofree char *desc = lt_xml_escape_text (meta->description);

      g_string_append_printf (out, "<desc>%s</desc>\n", desc);
    }
  if (meta->creator != NULL)
    {
      g_autofree char *creator = lt_xml_escape_text (meta->creator);

      g_string_append_printf (out, "<metadata><generator xmlns=\"https://github.com/letapis/letapis\">%s</generator></metadata>\n",
                              creator);
    }
  closing = g_strrstr_len (root_end, end - root_end, "</svg>");
  if (closing == NULL)
    closing = end;
  g_string_append_len (out, root_end + 1, closing - (root_end + 1));
  g_string_append (out, text);
  g_string_append_len (out, closing, end - closing);

  return g_string_free_to_bytes (g_steal_pointer (&out));
}

static GBytes *
render_svg (GPtrArray              *nodes,
            double                  width,
            double                  height,
            const LtExportMetadata *meta,
            GError                **error)
{
  g_autoptr(GByteArray) svg = g_byte_array_new ();
  g_autofree char *text = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;

  surface = cairo_svg_surface_create_for_stream (append_cb, svg, width, height);
  cairo_svg_surface_restrict_to_version (surface, CAIRO_SVG_VERSION_1_1);
  /* One layout unit is one CSS pixel, so the page keeps its physical size. */
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);

  cr = cairo_create (surface);
  text = lt_export_svg_draw (g_ptr_array_index (nodes, 0), cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  ok = check_surface (surface, error);
  cairo_surface_destroy (surface);

  if (!ok)
    return NULL;

  return add_svg_metadata (svg, text, meta);
}

static GBytes *
render_pdf (GPtrArray              *nodes,
            double                  width,
            double                  height,
            const LtExportMetadata *meta,
            GError                **error)
{
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;

  surface = cairo_pdf_surface_create_for_stream (append_cb, pdf, width * PT_PER_PX,
                                                 height * PT_PER_PX);

  if (meta->title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, meta->title);
  if (meta->subject != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, meta->subject);
  if (meta->creator != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, meta->creator);
  if (meta->author != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, meta->author);
  if (meta->keywords != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, meta->keywords);
  if (meta->time > 0)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (meta->time);
      g_autofree char *iso = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");

      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, iso);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, iso);
    }

  cr = cairo_create (surface);
  for (guint i = 0; i < nodes->len; i++)
    {
      cairo_save (cr);
      cairo_scale (cr, PT_PER_PX, PT_PER_PX);
      gsk_render_node_draw (g_ptr_array_index (nodes, i), cr);
      cairo_restore (cr);
      if (meta->pages != NULL && i < meta->pages->len)
        add_pdf_page_info (surface, cr, i, g_ptr_array_index (meta->pages, i));
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  ok = check_surface (surface, error);
  cairo_surface_destroy (surface);

  if (!ok)
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&pdf));
}

/**
 * lt_export_render_pages:
 * @format: PNG, SVG or PDF
 * @nodes: (element-type GskRenderNode): the pages; PNG and SVG use the first
 * @width: page width in layout units (CSS px)
 * @height: page height in layout units
 * @dpi: PNG resolution
 * @meta: what the file says about itself
 * @error: return location for a #GError
 *
 * Draws render nodes onto cairo surfaces. Needs no display and touches no
 * widget, so it runs in a thread.
 *
 * Returns: (transfer full): the file's bytes, or %NULL with @error set
 */
GBytes *
lt_export_render_pages (LtExportFormat          format,
                        GPtrArray              *nodes,
                        double                  width,
                        double                  height,
                        guint                   dpi,
                        const LtExportMetadata *meta,
                        GError                **error)
{
  LtExportMetadata empty = { 0 };

  g_return_val_if_fail (nodes != NULL && nodes->len > 0, NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  if (meta == NULL)
    meta = &empty;

  switch (format)
    {
    case LT_EXPORT_FORMAT_PNG:
      return render_png (nodes, width, height, dpi, meta, error);

    case LT_EXPORT_FORMAT_SVG:
      return render_svg (nodes, width, height, meta, error);

    case LT_EXPORT_FORMAT_PDF:
      return render_pdf (nodes, width, height, meta, error);

    case LT_EXPORT_FORMAT_GRAPHML:
    case LT_EXPORT_FORMAT_GEXF:
    default:
      g_set_error_literal (error, LT_EXPORT_ERROR, LT_EXPORT_ERROR_FORMAT,
                           _("This format is not an image"));
      return NULL;
    }
}

/**
 * lt_export_write_bytes:
 * @file: where to write
 * @bytes: the whole file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Replaces @file atomically: the bytes go to a temporary file beside it that
 * is renamed over it, so a reader never sees half a file and a failure leaves
 * nothing behind.
 *
 * Returns: %TRUE on success
 */
gboolean
lt_export_write_bytes (GFile         *file,
                       GBytes        *bytes,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize len;
  const char *data;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  data = g_bytes_get_data (bytes, &len);
  if (!lt_atomic_file_write (file, data != NULL ? data : "", len, &local_error))
    {
      g_set_error_literal (error, LT_EXPORT_ERROR, LT_EXPORT_ERROR_WRITE, local_error->message);
      return FALSE;
    }

  return TRUE;
}
