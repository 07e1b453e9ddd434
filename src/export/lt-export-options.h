/* lt-export-options.h: what an export is asked for: page, format, size, period, filter, key
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lt-event-filter.h"

G_BEGIN_DECLS

#define LT_EXPORT_ERROR (lt_export_error_quark ())

/**
 * LtExportError:
 * @LT_EXPORT_ERROR_FORMAT: the file name's extension names no format we write
 * @LT_EXPORT_ERROR_INVALID: a bad option value (date, size, category, actor)
 * @LT_EXPORT_ERROR_RENDER: cairo failed to produce the image
 * @LT_EXPORT_ERROR_WRITE: the file could not be written
 */
typedef enum
{
  LT_EXPORT_ERROR_FORMAT,
  LT_EXPORT_ERROR_INVALID,
  LT_EXPORT_ERROR_RENDER,
  LT_EXPORT_ERROR_WRITE,
} LtExportError;

typedef enum
{
  LT_EXPORT_PAGE_TIMELINE,
  LT_EXPORT_PAGE_GRAPH,
} LtExportPage;

typedef enum
{
  LT_EXPORT_FORMAT_PNG,
  LT_EXPORT_FORMAT_SVG,
  LT_EXPORT_FORMAT_PDF,
  LT_EXPORT_FORMAT_GRAPHML,
  LT_EXPORT_FORMAT_GEXF,
} LtExportFormat;

typedef enum
{
  LT_EXPORT_LANES_CATEGORY,
  LT_EXPORT_LANES_PLACE,
  LT_EXPORT_LANES_ACTOR,
} LtExportLanes;

typedef enum
{
  LT_EXPORT_SIZE_A4_LANDSCAPE,
  LT_EXPORT_SIZE_A4_PORTRAIT,
  LT_EXPORT_SIZE_LETTER_LANDSCAPE,
  LT_EXPORT_SIZE_LETTER_PORTRAIT,
  LT_EXPORT_SIZE_HD,            /* 1920 × 1080 px */
  LT_EXPORT_SIZE_CUSTOM_PX,
  LT_EXPORT_SIZE_CUSTOM_MM,
} LtExportSize;

#define LT_EXPORT_DPI_MIN     96
#define LT_EXPORT_DPI_MAX     600
#define LT_EXPORT_PAGES_MAX   50
#define LT_EXPORT_PX_MAX      16384   /* cairo's image surface limit is 32767 */

/**
 * LtExportOptions:
 * @page: what to draw
 * @format: the file format
 * @has_window: whether @from_day/@to_day apply; %FALSE = the whole chronicle
 * @from_day: first day shown (days since 1970-01-01), inclusive
 * @to_day: last day shown, inclusive
 * @size: a size preset, or custom with @width/@height
 * @width: custom width, in px or mm (see @size)
 * @height: custom height, in px or mm; 0 = from the preset's aspect ratio
 * @dpi: PNG resolution (96–600); pixels = physical size × dpi
 * @title: (nullable): the title; %NULL = a default for the page
 * @subtitle: (nullable): a line under the title
 * @legend: draw the legend
 * @show_filter: print the filter in force
 * @show_date: print the date of export
 * @sources: print the numbered list of sources cited by what is shown
 * @include_restricted: include restricted records (default %FALSE)
 * @grayscale: timeline: grays, shapes and patterns only, for printing in black and white
 * @n_pages: split the time window over this many PDF pages (1 = no split)
 * @categories: (nullable): timeline: event category keys to keep
 * @search: (nullable): timeline: search text
 * @actor_id: timeline: only events of this actor (0 = any)
 * @lanes: timeline: events in lanes by category, place or actor
 * @focus_actor: graph: the actor whose neighbourhood is shown (0 = all)
 * @depth: graph: neighbourhood depth around @focus_actor
 * @export_time: the moment printed as the date of export, in Unix seconds
 *
 * Everything an export needs besides the store.
 */
typedef struct
{
  LtExportPage   page;
  LtExportFormat format;

  gboolean       has_window;
  gint64         from_day;
  gint64         to_day;

  LtExportSize   size;
  double         width;
  double         height;
  guint          dpi;

  char          *title;
  char          *subtitle;
  gboolean       legend;
  gboolean       show_filter;
  gboolean       show_date;
  gboolean       sources;
  gboolean       key;          /* timeline: numbered events and a list of them */
  gboolean       include_restricted;
  gboolean       grayscale;
  guint          n_pages;

  char         **categories;
  char          *search;
  gint64         actor_id;
  LtExportLanes  lanes;

  gint64         focus_actor;
  guint          depth;

  gint64         export_time;
} LtExportOptions;

GQuark           lt_export_error_quark            (void);

LtExportOptions *lt_export_options_new            (LtExportPage           page);
LtExportOptions *lt_export_options_copy           (const LtExportOptions *self);
void             lt_export_options_free           (LtExportOptions       *self);
void             lt_export_options_get_page_size  (const LtExportOptions *self,
                                                   double                *width,
                                                   double                *height);
void             lt_export_options_get_pixel_size (const LtExportOptions *self,
                                                   int                   *width,
                                                   int                   *height);
LtEventFilter   *lt_export_options_dup_event_filter (const LtExportOptions *self);
gboolean         lt_export_options_validate       (const LtExportOptions *self,
                                                   GError               **error);

gboolean         lt_export_format_from_path       (const char            *path,
                                                   LtExportPage           page,
                                                   LtExportFormat        *format,
                                                   GError               **error);
const char      *lt_export_format_get_extension   (LtExportFormat         format);
const char      *lt_export_format_get_mime_type   (LtExportFormat         format);
gboolean         lt_export_format_is_image        (LtExportFormat         format);
LtExportSize     lt_export_size_default_for       (LtExportFormat         format);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LtExportOptions, lt_export_options_free)

G_END_DECLS
