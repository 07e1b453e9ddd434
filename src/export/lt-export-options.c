/* lt-export-options.c: what an export is asked for: page, format, size, period, filter, key
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-export"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "lt-export-options.h"

/* Layout units are CSS pixels: 96 per inch, as in GTK. */
#define MM_TO_PX(mm) ((mm) / 25.4 * 96.0)

G_DEFINE_QUARK (lt-export-error-quark, lt_export_error)

/**
 * lt_export_options_new:
 * @page: what to export
 *
 * Returns: (transfer full): options with the defaults of the export dialog:
 *   PDF, A4 landscape, the whole chronicle, legend, filter, date, sources and the
 *   timeline's event key on,
 *   restricted records left out
 */
LtExportOptions *
lt_export_options_new (LtExportPage page)
{
  LtExportOptions *self = g_new0 (LtExportOptions, 1);
  const char *epoch;

  self->page = page;
  self->format = LT_EXPORT_FORMAT_PDF;
  self->size = LT_EXPORT_SIZE_A4_LANDSCAPE;
  self->dpi = 96;
  self->legend = TRUE;
  self->show_filter = TRUE;
  self->show_date = TRUE;
  self->sources = TRUE;
  self->key = TRUE;
  self->include_restricted = FALSE;
  self->n_pages = 1;
  self->depth = 1;

  /* Report pipelines that want byte-identical files set SOURCE_DATE_EPOCH. */
  epoch = g_getenv ("SOURCE_DATE_EPOCH");
  if (epoch != NULL && *epoch != '\0')
    self->export_time = g_ascii_strtoll (epoch, NULL, 10);
  else
    self->export_time = g_get_real_time () / G_USEC_PER_SEC;

  return self;
}

LtExportOptions *
lt_export_options_copy (const LtExportOptions *self)
{
  LtExportOptions *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->title = g_strdup (self->title);
  copy->subtitle = g_strdup (self->subtitle);
  copy->categories = g_strdupv (self->categories);
  copy->search = g_strdup (self->search);

  return copy;
}

void
lt_export_options_free (LtExportOptions *self)
{
  if (self == NULL)
    return;

  g_free (self->title);
  g_free (self->subtitle);
  g_strfreev (self->categories);
  g_free (self->search);
  g_free (self);
}

static void
preset_size (LtExportSize  size,
             double       *width,
             double       *height)
{
  switch (size)
    {
    case LT_EXPORT_SIZE_A4_PORTRAIT:
      *width = MM_TO_PX (210);
      *height = MM_TO_PX (297);
      break;

    case LT_EXPORT_SIZE_LETTER_LANDSCAPE:
      *width = 11 * 96;
      *height = 8.5 * 96;
      break;

    case LT_EXPORT_SIZE_LETTER_PORTRAIT:
      *width = 8.5 * 96;
      *height = 11 * 96;
      break;

    case LT_EXPORT_SIZE_HD:
      *width = 1920;
      *height = 1080;
      break;

    case LT_EXPORT_SIZE_A4_LANDSCAPE:
    case LT_EXPORT_SIZE_CUSTOM_PX:
    case LT_EXPORT_SIZE_CUSTOM_MM:
    default:
      *width = MM_TO_PX (297);
      *height = MM_TO_PX (210);
      break;
    }
}

/**
 * lt_export_options_get_page_size:
 * @self: options
 * @width: (out): page width in layout units (CSS px, 1/96 inch)
 * @height: (out): page height in layout units
 *
 * Custom pixel sizes are pixels at @self->dpi for PNG: a 3840-px-wide PNG at
 * 192 dpi is laid out as a 1920-unit page drawn twice as fine. For SVG and PDF,
 * pixels are CSS pixels. A missing custom height follows the aspect ratio of
 * the default preset of the format.
 */
void
lt_export_options_get_page_size (const LtExportOptions *self,
                                 double                *width,
                                 double                *height)
{
  double w, h;
  double dw, dh;

  g_return_if_fail (self != NULL);

  preset_size (lt_export_size_default_for (self->format), &dw, &dh);

  switch (self->size)
    {
    case LT_EXPORT_SIZE_HD:
    case LT_EXPORT_SIZE_CUSTOM_PX:
      {
        double scale = self->format == LT_EXPORT_FORMAT_PNG ? 96.0 / MAX (self->dpi, 1) : 1.0;
        double cw = self->width, ch = self->height;

        /* 1920 × 1080 means pixels of the image, whatever its resolution. */
        if (self->size == LT_EXPORT_SIZE_HD)
          {
            cw = 1920;
            ch = 1080;
          }

        w = cw > 0 ? cw : dw / scale;
        h = ch > 0 ? ch : w * dh / dw;
        if (cw <= 0 && ch > 0)
          w = h * dw / dh;
        w *= scale;
        h *= scale;
      }
      break;

    case LT_EXPORT_SIZE_CUSTOM_MM:
      w = self->width > 0 ? MM_TO_PX (self->width) : dw;
      h = self->height > 0 ? MM_TO_PX (self->height) : w * dh / dw;
      if (self->width <= 0 && self->height > 0)
        w = h * dw / dh;
      break;

    case LT_EXPORT_SIZE_A4_LANDSCAPE:
    case LT_EXPORT_SIZE_A4_PORTRAIT:
    case LT_EXPORT_SIZE_LETTER_LANDSCAPE:
    case LT_EXPORT_SIZE_LETTER_PORTRAIT:
    default:
      preset_size (self->size, &w, &h);
      break;
    }

  *width = w;
  *height = h;
}

/**
 * lt_export_options_get_pixel_size:
 * @self: options
 * @width: (out): the PNG's width in pixels
 * @height: (out): the PNG's height in pixels
 */
void
lt_export_options_get_pixel_size (const LtExportOptions *self,
                                  int                   *width,
                                  int                   *height)
{
  double w, h;
  double scale;

  g_return_if_fail (self != NULL);

  lt_export_options_get_page_size (self, &w, &h);
  scale = MAX (self->dpi, 1) / 96.0;
  *width = (int) ceil (w * scale - 0.001);
  *height = (int) ceil (h * scale - 0.001);
}

/**
 * lt_export_options_dup_event_filter:
 * @self: options
 *
 * The events a timeline export shows: its categories, search text and actor, restricted
 * events only when asked. The window is left to the caller.
 *
 * Returns: (transfer full): a filter
 */
LtEventFilter *
lt_export_options_dup_event_filter (const LtExportOptions *self)
{
  LtEventFilter *filter;

  g_return_val_if_fail (self != NULL, NULL);

  filter = lt_event_filter_new ();
  if (self->categories != NULL && self->categories[0] != NULL)
    lt_event_filter_set_categories (filter, (const char * const *) self->categories);
  if (self->search != NULL && *self->search != '\0')
    lt_event_filter_set_text (filter, self->search);
  lt_event_filter_set_actor (filter, self->actor_id);
  lt_event_filter_set_include_restricted (filter, self->include_restricted);

  return filter;
}

/**
 * lt_export_options_validate:
 * @self: options
 * @error: return location for a #GError
 *
 * Checks the ranges of the numbers, with messages a person understands.
 *
 * Returns: %TRUE if the options can be exported
 */
gboolean
lt_export_options_validate (const LtExportOptions *self,
                            GError               **error)
{
  double w, h;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->has_window && self->from_day > self->to_day)
    {
      g_set_error_literal (error, LT_EXPORT_ERROR, LT_EXPORT_ERROR_INVALID,
                           _("The start date is after the end date"));
      return FALSE;
    }

  if (self->format == LT_EXPORT_FORMAT_PNG &&
      (self->dpi < LT_EXPORT_DPI_MIN || self->dpi > LT_EXPORT_DPI_MAX))
    {
      g_set_error (error, LT_EXPORT_ERROR, LT_EXPORT_ERROR_INVALID,
                   _("The resolution must be between %d and %d dpi"),
                   LT_EXPORT_DPI_MIN, LT_EXPORT_DPI_MAX);
      return FALSE;
    }

  if (self->width < 0 || self->height < 0)
    {
      g_set_error_literal (error, LT_EXPORT_ERROR, LT_EXPORT_ERROR_INVALID,
                           _("The width and the height must be positive"));
      return FALSE;
    }

  lt_export_options_get_page_size (self, &w, &h);
  if (w < 200 || h < 150)
    {
      g_set_error_literal (error, LT_EXPORT_ERROR, LT_EXPORT_ERROR_INVALID,
                           _("The page is too small: it must be at least 200 × 150 pixels"));
      return FALSE;
    }

  if (self->format == LT_EXPORT_FORMAT_PNG)
    {
      int pw, ph;

      lt_export_options_get_pixel_size (self, &pw, &ph);
      if (pw > LT_EXPORT_PX_MAX || ph > LT_EXPORT_PX_MAX)
        {
          g_set_error (error, LT_EXPORT_ERROR, LT_EXPORT_ERROR_INVALID,
                       _("The image is too large: at most %d pixels wide and high"),
                       LT_EXPORT_PX_MAX);
          return FALSE;
        }
    }
  else if (w > LT_EXPORT_PX_MAX || h > LT_EXPORT_PX_MAX)
    {
      g_set_error (error, LT_EXPORT_ERROR, LT_EXPORT_ERROR_INVALID,
                   _("The page is too large: at most %d pixels wide and high"),
                   LT_EXPORT_PX_MAX);
      return FALSE;
    }

  if (self->n_pages < 1 || self->n_pages > LT_EXPORT_PAGES_MAX)
    {
      g_set_error (error, LT_EXPORT_ERROR, LT_EXPORT_ERROR_INVALID,
                   _("The number of pages must be between 1 and %d"), LT_EXPORT_PAGES_MAX);
      return FALSE;
    }

  return TRUE;
}

/**
 * lt_export_format_from_path:
 * @path: a file name
 * @page: what is exported (the graph also has GraphML and GEXF)
 * @format: (out): the format named by the extension
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the extension names a format @page can be written in
 */
gboolean
lt_export_format_from_path (const char     *path,
                            LtExportPage    page,
                            LtExportFormat *format,
                            GError        **error)
{
  static const struct {
    const char     *extension;
    LtExportFormat  format;
    gboolean        graph_only;
  } formats[] = {
    { ".png", LT_EXPORT_FORMAT_PNG, FALSE },
    { ".svg", LT_EXPORT_FORMAT_SVG, FALSE },
    { ".pdf", LT_EXPORT_FORMAT_PDF, FALSE },
    { ".graphml", LT_EXPORT_FORMAT_GRAPHML, TRUE },
    { ".gexf", LT_EXPORT_FORMAT_GEXF, TRUE },
  };
  g_autofree char *basename = NULL;
  g_autofree char *lower = NULL;
  const char *dot;

  g_return_val_if_fail (path != NULL, FALSE);

  basename = g_path_get_basename (path);
  lower = g_ascii_strdown (basename, -1);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      if (formats[i].graph_only && page != LT_EXPORT_PAGE_GRAPH)
        continue;
      if (g_str_has_suffix (lower, formats[i].extension) &&
          strlen (lower) > strlen (formats[i].extension))
        {
          if (format != NULL)
            *format = formats[i].format;
          return TRUE;
        }
    }

  dot = strrchr (basename, '.');
  if (page == LT_EXPORT_PAGE_GRAPH)
    g_set_error (error, LT_EXPORT_ERROR, LT_EXPORT_ERROR_FORMAT,
                 /* Translators: %s is a file name extension such as ".jpg" */
                 _("Unknown file type “%s”: use .png, .svg, .pdf, .graphml or .gexf"),
                 dot != NULL ? dot : basename);
  else
    g_set_error (error, LT_EXPORT_ERROR, LT_EXPORT_ERROR_FORMAT,
                 /* Translators: %s is a file name extension such as ".jpg" */
                 _("Unknown file type “%s”: use .png, .svg or .pdf"),
                 dot != NULL ? dot : basename);

  return FALSE;
}

const char *
lt_export_format_get_extension (LtExportFormat format)
{
  switch (format)
    {
    case LT_EXPORT_FORMAT_PNG: return "png";
    case LT_EXPORT_FORMAT_SVG: return "svg";
    case LT_EXPORT_FORMAT_PDF: return "pdf";
    case LT_EXPORT_FORMAT_GRAPHML: return "graphml";
    case LT_EXPORT_FORMAT_GEXF: return "gexf";
    default: g_return_val_if_reached ("pdf");
    }
}

const char *
lt_export_format_get_mime_type (LtExportFormat format)
{
  switch (format)
    {
    case LT_EXPORT_FORMAT_PNG: return "image/png";
    case LT_EXPORT_FORMAT_SVG: return "image/svg+xml";
    case LT_EXPORT_FORMAT_PDF: return "application/pdf";
    case LT_EXPORT_FORMAT_GRAPHML: return "application/graphml+xml";
    case LT_EXPORT_FORMAT_GEXF: return "application/gexf+xml";
    default: g_return_val_if_reached ("application/octet-stream");
    }
}

gboolean
lt_export_format_is_image (LtExportFormat format)
{
  return format == LT_EXPORT_FORMAT_PNG ||
         format == LT_EXPORT_FORMAT_SVG ||
         format == LT_EXPORT_FORMAT_PDF;
}

/**
 * lt_export_size_default_for:
 * @format: a format
 *
 * Returns: the page a format gets when nothing is asked: a screen-sized image
 *   for PNG, an A4 landscape page for SVG and PDF
 */
LtExportSize
lt_export_size_default_for (LtExportFormat format)
{
  return format == LT_EXPORT_FORMAT_PNG ? LT_EXPORT_SIZE_HD : LT_EXPORT_SIZE_A4_LANDSCAPE;
}
