/* lt-export-document.c: LtExportDocument, a print-quality page of a timeline or a graph: the
 * title block, the drawing, legend, filter line and footnotes laid out around a painter
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-export"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "lt-export-document-private.h"

/* The page, top to bottom: title block, the view's drawing, legend, filter
 * line, numbered sources, footer. Units are CSS pixels (1/96 inch); type and
 * margins grow with the page (self->scale) so a 1920 × 1080 slide reads like
 * an A4 page. Everything is drawn into a GtkSnapshot, the same path as the
 * widgets, and rendered with gsk_render_node_draw() onto cairo surfaces. */

#define FONT_FAMILY "Noto Sans, Cantarell, DejaVu Sans, sans-serif"

G_DEFINE_FINAL_TYPE (LtExportDocument, lt_export_document, G_TYPE_OBJECT)

static void
date_from_day (LtDate      *date,
               gint64       day,
               LtPrecision  precision)
{
  gint32 y;
  guint m, d;

  lt_days_to_ymd (day, &y, &m, &d);
  lt_date_init_ymd (date, y, precision >= LT_PRECISION_MONTH ? m : 0,
                    precision >= LT_PRECISION_DAY ? d : 0);
}

/* "2020 – 2024", "July 2021", "14 July 2021 – 20 July 2021": the precision
 * the window's ends allow. */
char *
_lt_export_format_window (gint64 first,
                          gint64 last)
{
  LtDateRange range = { 0 };
  gint32 y1, y2;
  guint m1, m2, d1, d2;
  LtPrecision precision = LT_PRECISION_DAY;

  lt_days_to_ymd (first, &y1, &m1, &d1);
  lt_days_to_ymd (last, &y2, &m2, &d2);

  if (m1 == 1 && d1 == 1 && m2 == 12 && d2 == 31)
    precision = LT_PRECISION_YEAR;
  else if (d1 == 1 && d2 == lt_days_in_month (y2, m2))
    precision = LT_PRECISION_MONTH;

  date_from_day (&range.start, first, precision);
  date_from_day (&range.end, last, precision);
  range.has_end = !lt_date_equal (&range.start, &range.end);

  return lt_date_range_format (&range);
}

static char *
format_day (gint64 day)
{
  LtDate date;

  date_from_day (&date, day, LT_PRECISION_DAY);
  return lt_date_format (&date);
}

static double
floor_to_month (double day)
{
  gint32 y;
  guint m, d;

  lt_days_to_ymd ((gint64) floor (day), &y, &m, &d);
  return lt_days_from_ymd (y, m, 1);
}

static double
ceil_to_month (double day)
{
  gint32 y;
  guint m, d;

  lt_days_to_ymd ((gint64) ceil (day) - 1, &y, &m, &d);
  return lt_days_from_ymd (m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1);
}

static gboolean
is_visible_source (LtExportDocument *self,
                   LtSource         *source)
{
  return source != NULL &&
         lt_store_is_visible (self->store, LT_RECORD_SOURCE, lt_record_get_id (LT_RECORD (source)),
                              self->options->include_restricted);
}

static char *
format_source (LtExportDocument *self,
               LtSource         *source)
{
  const char *lang = lt_get_ui_language ();
  const char *title = lt_record_get_translation (LT_RECORD (source), lang, "title");
  const char *publisher = lt_record_get_translation (LT_RECORD (source), lang, "publisher");
  const char *date_iso = lt_source_get_date (source);
  g_autofree char *date = NULL;
  LtDate parsed;

  if (publisher == NULL || *publisher == '\0')
    publisher = lt_source_get_publisher (source);
  if (title == NULL || *title == '\0')
    title = lt_source_get_title (source);
  if (title == NULL || *title == '\0')
    title = lt_record_get_slug (LT_RECORD (source));

  if (date_iso != NULL && lt_date_parse (date_iso, &parsed, NULL))
    date = lt_date_format (&parsed);

  if (publisher != NULL && *publisher != '\0' && date != NULL)
    /* Translators: a numbered source under an exported image:
     * %1$s is the publisher, %2$s the title, %3$s the date */
    return g_strdup_printf (C_("source footnote", "%1$s, “%2$s”, %3$s."), publisher, title, date);
  else if (publisher != NULL && *publisher != '\0')
    /* Translators: %1$s is the publisher, %2$s the title */
    return g_strdup_printf (C_("source footnote", "%1$s, “%2$s”."), publisher, title);
  else if (date != NULL)
    /* Translators: %1$s is the title, %2$s the date */
    return g_strdup_printf (C_("source footnote", "“%1$s”, %2$s."), title, date);
  else
    return g_strdup_printf (C_("source footnote", "“%s”."), title);
}

void
_lt_export_get_slice (LtExportDocument *self,
                      guint             page,
                      LtExportSlice    *slice)
{
  double span = self->to_day - self->from_day;

  slice->index = page;
  slice->n_slices = self->n_slices;
  slice->first_number = self->key && self->first_numbers != NULL && page < self->first_numbers->len
                        ? g_array_index (self->first_numbers, guint, page) : 0;
  slice->from_day = self->from_day + floor (span * page / self->n_slices);
  slice->to_day = page + 1 == self->n_slices
                  ? self->to_day
                  : self->from_day + floor (span * (page + 1) / self->n_slices);
}

static void
collect_sources (LtExportDocument *self)
{
  g_autoptr(GHashTable) numbers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  self->source_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->source_texts = g_ptr_array_new_with_free_func (g_free);
  self->source_urls = g_ptr_array_new_with_free_func (g_free);
  self->page_sources = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  for (guint page = 0; page < self->n_slices; page++)
    {
      g_autoptr(GArray) ids = NULL;
      GArray *on_page = g_array_new (FALSE, FALSE, sizeof (guint));
      LtExportSlice slice;

      g_ptr_array_add (self->page_sources, on_page);

      if (!self->options->sources)
        continue;

      _lt_export_get_slice (self, page, &slice);
      ids = lt_export_painter_dup_cited_sources (self->painter, &slice);

      for (guint i = 0; i < ids->len; i++)
        {
          gint64 id = g_array_index (ids, gint64, i);
          gpointer number;
          guint index;

          if (g_hash_table_lookup_extended (numbers, &id, NULL, &number))
            {
              /* 0 marks a source that is left out */
              if (number == NULL)
                continue;
              index = GPOINTER_TO_UINT (number) - 1;
            }
          else
            {
              g_autoptr(LtSource) source = lt_store_lookup_source (self->store, id);

              /* Restricted sources stay out even when a public event cites them. */
              if (!is_visible_source (self, source))
                {
                  g_hash_table_insert (numbers, g_memdup2 (&id, sizeof id), NULL);
                  continue;
                }

              index = self->source_ids->len;
              g_array_append_val (self->source_ids, id);
              g_ptr_array_add (self->source_texts, format_source (self, source));
              g_ptr_array_add (self->source_urls, g_strdup (lt_source_get_url (source)));
              g_hash_table_insert (numbers, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (index + 1));
            }

          g_array_append_val (on_page, index);
        }
    }
}

static char *
build_filter_text (LtExportDocument  *self,
                   GError           **error)
{
  const LtExportOptions *options = self->options;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) text = g_string_new (NULL);

  if (options->page == LT_EXPORT_PAGE_TIMELINE)
    {
      if (options->categories != NULL && options->categories[0] != NULL)
        {
          g_autoptr(GString) labels = g_string_new (NULL);

          for (guint i = 0; options->categories[i] != NULL; i++)
            {
              const char *label = lt_category_get_label (options->categories[i]);

              if (label == NULL)
                {
                  g_set_error (error, LT_EXPORT_ERROR, LT_EXPORT_ERROR_INVALID,
                               _("Unknown category “%s”"), options->categories[i]);
                  return NULL;
                }
              if (i > 0)
                g_string_append (labels, C_("list separator", ", "));
              g_string_append (labels, label);
            }
          /* Translators: part of the filter line; %s lists category names */
          g_ptr_array_add (parts, g_strdup_printf (_("categories: %s"), labels->str));
        }

      if (options->search != NULL && *options->search != '\0')
        /* Translators: part of the filter line; %s is the search text */
        g_ptr_array_add (parts, g_strdup_printf (_("search: “%s”"), options->search));
    }

  if (options->actor_id != 0 || options->focus_actor != 0)
    {
      gint64 id = options->actor_id != 0 ? options->actor_id : options->focus_actor;
      g_autoptr(LtActor) actor = lt_store_lookup_actor (self->store, id);

      if (actor == NULL ||
          !lt_store_is_visible (self->store, LT_RECORD_ACTOR, id, options->include_restricted))
        {
          g_set_error_literal (error, LT_EXPORT_ERROR, LT_EXPORT_ERROR_INVALID,
                               _("The chosen actor is not in the chronicle"));
          return NULL;
        }

      if (options->page == LT_EXPORT_PAGE_GRAPH)
        g_ptr_array_add (parts,
                         g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       /* Translators: part of the filter line:
                                                        * %1$s is an actor, %2$u a number of steps */
                                                       "neighbourhood of %1$s, %2$u step",
                                                       "neighbourhood of %1$s, %2$u steps",
                                                       options->depth),
                                          lt_actor_get_name (actor), options->depth));
      else
        /* Translators: part of the filter line; %s is an actor's name */
        g_ptr_array_add (parts, g_strdup_printf (_("events of %s"), lt_actor_get_name (actor)));
    }

  if (parts->len == 0)
    g_string_append (text, _("Filter: none."));
  else
    {
      g_autofree char *joined = NULL;

      g_ptr_array_add (parts, NULL);
      joined = g_strjoinv (C_("filter separator", "; "), (char **) parts->pdata);
      /* Translators: %s lists the parts of the filter, separated by semicolons */
      g_string_append_printf (text, _("Filter: %s."), joined);
    }

  g_string_append_c (text, ' ');
  if (options->include_restricted)
    g_string_append (text, _("Restricted records are included."));
  else
    g_string_append (text, _("Restricted records are left out."));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Text */

PangoLayout *
_lt_export_layout (LtExportDocument *self,
                   const char       *text,
                   double            size,
                   PangoWeight       weight,
                   double            width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_absolute_size (font, size * self->scale * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text, -1);

  return layout;
}

/* Legend */

typedef struct
{
  PangoLayout *label;
  double       x;
  double       y;
} LegendCell;

static double
layout_legend (LtExportDocument *self,
               double            width,
               GArray           *cells)
{
  guint n = lt_export_painter_get_n_legend_items (self->painter);
  double swatch = 12 * self->scale;
  double gap = 6 * self->scale;
  double spacing = 20 * self->scale;
  double x = 0, y = 0, row_h = 0;

  for (guint i = 0; i < n; i++)
    {
      LegendCell cell;
      double w, h;

      cell.label = _lt_export_layout (self, lt_export_painter_get_legend_label (self->painter, i),
                                      11.5, PANGO_WEIGHT_NORMAL, -1);
      w = swatch + gap + _lt_export_layout_width (cell.label);
      h = MAX (swatch, _lt_export_layout_height (cell.label));

      if (x > 0 && x + w > width)
        {
          x = 0;
          y += row_h + 4 * self->scale;
          row_h = 0;
        }
      cell.x = x;
      cell.y = y;
      g_array_append_val (cells, cell);
      x += w + spacing;
      row_h = MAX (row_h, h);
    }

  return n > 0 ? y + row_h : 0;
}

static void
clear_legend_cell (gpointer data)
{
  LegendCell *cell = data;

  g_clear_object (&cell->label);
}

/* Sources */

typedef struct
{
  PangoLayout *number;
  PangoLayout *text;
  double       x;
  double       y;
  int          source;   /* index into source_ids, -1 for the line counting the rest */
} NoteCell;

static void
clear_note_cell (gpointer data)
{
  NoteCell *cell = data;

  g_clear_object (&cell->number);
  g_clear_object (&cell->text);
}

/* Places the page's numbered sources in up to three columns no taller than
 * @max_height; what does not fit is counted on a last line. Returns the height. */
static double
layout_notes (LtExportDocument *self,
              GArray           *on_page,
              double            width,
              double            max_height,
              GArray           *cells)
{
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) heights = g_array_new (FALSE, FALSE, sizeof (double));
  double col_gap = 24 * self->scale;
  double row_gap = 2 * self->scale;
  guint n_cols = CLAMP ((guint) floor (width / (380 * self->scale)), 1, 3);
  double col_w;
  double gutter;
  double total = 0, limit, used = 0;
  guint placed = 0;
  g_autoptr(PangoLayout) probe = NULL;

  if (on_page->len == 0)
    return 0;

  n_cols = MIN (n_cols, on_page->len);
  col_w = (width - col_gap * (n_cols - 1)) / n_cols;

  probe = _lt_export_layout (self, self->source_ids->len >= 100 ? "000." :
                             self->source_ids->len >= 10 ? "00." : "0.",
                             10.5, PANGO_WEIGHT_NORMAL, -1);
  gutter = _lt_export_layout_width (probe) + 5 * self->scale;

  for (guint i = 0; i < on_page->len; i++)
    {
      guint index = g_array_index (on_page, guint, i);
      g_autofree char *number = g_strdup_printf ("%u.", index + 1);
      PangoLayout *num = _lt_export_layout (self, number, 10.5, PANGO_WEIGHT_NORMAL, -1);
      PangoLayout *text = _lt_export_layout (self, g_ptr_array_index (self->source_texts, index),
                                             10.5, PANGO_WEIGHT_NORMAL, col_w - gutter);
      double h = _lt_export_layout_height (text) + row_gap;

      pango_layout_set_alignment (num, PANGO_ALIGN_RIGHT);
      g_ptr_array_add (numbers, num);
      g_ptr_array_add (texts, text);
      g_array_append_val (heights, h);
      total += h;
    }

  /* Balance the columns when everything fits, else fill them to the limit. */
  limit = MIN (max_height, ceil (total / n_cols) + g_array_index (heights, double, 0));
  for (int attempt = 0; attempt < 2; attempt++)
    {
      guint col = 0;
      double y = 0;

      used = 0;
      placed = 0;
      g_array_set_size (cells, 0);

      for (guint i = 0; i < on_page->len; i++)
        {
          double h = g_array_index (heights, double, i);
          NoteCell cell;

          if (y + h > limit && y > 0)
            {
              col++;
              y = 0;
            }
          if (col >= n_cols || h > limit)
            break;

          cell.number = g_object_ref (g_ptr_array_index (numbers, i));
          cell.text = g_object_ref (g_ptr_array_index (texts, i));
          cell.x = col * (col_w + col_gap);
          cell.y = y;
          cell.source = g_array_index (on_page, guint, i);
          g_array_append_val (cells, cell);
          y += h;
          used = MAX (used, y);
          placed++;
        }

      if (placed == on_page->len || limit >= max_height)
        break;
      limit = max_height;
    }

  if (placed < on_page->len)
    {
      NoteCell *last;
      g_autofree char *more = NULL;
      guint n_more;

      /* Give the last place to a line counting the rest. */
      if (cells->len > 0)
        {
          last = &g_array_index (cells, NoteCell, cells->len - 1);
          n_more = on_page->len - placed + 1;
          more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "… and %u more source",
                                               "… and %u more sources",
                                               n_more),
                                  n_more);
          g_clear_object (&last->number);
          g_clear_object (&last->text);
          last->source = -1;
          last->text = _lt_export_layout (self, more, 10.5, PANGO_WEIGHT_NORMAL, col_w - gutter);
        }
    }

  /* Remember the gutter in the cells' x: text starts after it. */
  for (guint i = 0; i < cells->len; i++)
    {
      NoteCell *cell = &g_array_index (cells, NoteCell, i);

      if (cell->number != NULL)
        pango_layout_set_width (cell->number, (int) ((gutter - 5 * self->scale) * PANGO_SCALE));
    }

  return used;
}

/* The footer of every page, the date of export and "2 / 5"; returns the bottom of what is
 * above it */
double
_lt_export_draw_footer (LtExportDocument *self,
                        GtkSnapshot      *snapshot,
                        guint             page)
{
  g_autoptr(PangoLayout) left = NULL;
  g_autoptr(PangoLayout) right = NULL;
  double s = self->scale;
  double m = self->margin;
  double cw = self->width - 2 * m;
  double bottom = self->height - m;
  double h;

  if (self->options->show_date)
    left = _lt_export_layout (self, self->export_date_text, 10, PANGO_WEIGHT_NORMAL, -1);
  if (self->n_pages > 1)
    {
      /* Translators: the page number in the footer of an exported PDF, "2 / 5" */
      g_autofree char *text = g_strdup_printf (_("%1$u / %2$u"), page + 1, self->n_pages);

      right = _lt_export_layout (self, text, 10, PANGO_WEIGHT_NORMAL, -1);
    }
  if (left == NULL && right == NULL)
    return bottom;

  h = MAX (left ? _lt_export_layout_height (left) : 0,
           right ? _lt_export_layout_height (right) : 0);
  bottom -= h;
  if (left != NULL)
    _lt_export_draw_layout (snapshot, left, m, bottom, &ink_dim);
  if (right != NULL)
    _lt_export_draw_layout (snapshot, right, m + cw - _lt_export_layout_width (right), bottom,
                            &ink_dim);
  bottom -= 6 * s;
  _lt_export_draw_rule (snapshot, m, bottom, cw, MAX (0.75 * s, 0.5), &rule);

  return bottom - 10 * s;
}
/* The page */

GskRenderNode *
_lt_export_build_page (LtExportDocument *self,
                       guint             page,
                       LtExportPageInfo *info)
{
  const LtExportOptions *options = self->options;
  g_autoptr(GArray) legend = g_array_new (FALSE, FALSE, sizeof (LegendCell));
  g_autoptr(GArray) notes = g_array_new (FALSE, FALSE, sizeof (NoteCell));
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) subtitle = NULL;
  g_autoptr(PangoLayout) meta = NULL;
  g_autoptr(PangoLayout) filter = NULL;
  g_autoptr(PangoLayout) notes_heading = NULL;
  g_autoptr(GString) meta_text = g_string_new (NULL);
  /* a page after the drawing's holds the event key (the timeline's), or what the drawing could
   * not (the graph's key of numbered actors), under the title block */
  gboolean extra = !self->key && page >= self->n_slices;
  GArray *on_page = extra ? NULL : g_ptr_array_index (self->page_sources, MIN (page, self->n_slices - 1));
  GtkSnapshot *snapshot;
  LtExportSlice slice;
  double s = self->scale;
  double m = self->margin;
  double cw = self->width - 2 * m;
  double y = m;
  double bottom = self->height - m;
  double legend_h = 0, filter_h = 0, notes_h = 0, heading_h = 0;
  double drawing_top, drawing_bottom, min_drawing;
  double sources_y = -1;
  double key_y = -1;

  if (self->key && page >= self->n_slices)
    return _lt_export_build_key_page (self, page, info);

  g_array_set_clear_func (legend, clear_legend_cell);
  g_array_set_clear_func (notes, clear_note_cell);

  _lt_export_get_slice (self, MIN (page, self->n_slices - 1), &slice);

  snapshot = gtk_snapshot_new ();
  gtk_snapshot_append_color (snapshot, &paper, &GRAPHENE_RECT_INIT (0, 0, self->width, self->height));

  /* Title block */
  title = _lt_export_layout (self, self->title, 26, PANGO_WEIGHT_BOLD, cw);
  _lt_export_draw_layout (snapshot, title, m, y, &ink);
  y += _lt_export_layout_height (title) + 2 * s;

  if (options->subtitle != NULL && *options->subtitle != '\0')
    {
      subtitle = _lt_export_layout (self, options->subtitle, 15, PANGO_WEIGHT_NORMAL, cw);
      _lt_export_draw_layout (snapshot, subtitle, m, y, &ink_dim);
      y += _lt_export_layout_height (subtitle) + 2 * s;
    }

  g_string_append (meta_text, self->kind_label);
  if (self->has_window)
    {
      g_autofree char *window = _lt_export_format_window ((gint64) slice.from_day,
                                                          (gint64) ceil (slice.to_day) - 1);

      g_string_append (meta_text, C_("meta separator", " · "));
      g_string_append (meta_text, window);
    }
  if (self->n_slices > 1)
    {
      g_string_append (meta_text, C_("meta separator", " · "));
      /* Translators: %1$u is this page's number, %2$u the number of pages */
      g_string_append_printf (meta_text, _("part %1$u of %2$u"), page + 1, self->n_slices);
    }
  meta = _lt_export_layout (self, meta_text->str, 11.5, PANGO_WEIGHT_NORMAL, cw);
  _lt_export_draw_layout (snapshot, meta, m, y, &ink_dim);
  y += _lt_export_layout_height (meta) + 8 * s;

  _lt_export_draw_rule (snapshot, m, y, cw, MAX (1.5 * s, 1), options->grayscale ? &ink : &accent);
  y += 14 * s;

  bottom = _lt_export_draw_footer (self, snapshot, page);
  if (info != NULL)
    {
      /* The outline names each page by what it shows: "2 / 5 · July 2021 – December 2021" */
      g_autofree char *entry = NULL;

      if (self->n_pages > 1)
        {
          g_autofree char *number = g_strdup_printf (_("%1$u / %2$u"), page + 1, self->n_pages);

          if (self->has_window)
            {
              g_autofree char *window = _lt_export_format_window ((gint64) slice.from_day,
                                                                  (gint64) ceil (slice.to_day) - 1);

              entry = g_strconcat (number, C_("meta separator", " · "), window, NULL);
            }
          else
            entry = g_steal_pointer (&number);
        }
      info->outline = entry != NULL ? g_steal_pointer (&entry) : g_strdup (self->title);
    }

  if (page == 0)
    graphene_rect_init (&self->body, m, y, cw,
                        bottom - y - (self->n_pages > 1 || options->show_date ? 0 : 30 * s));

  /* Legend and filter sit under the drawing; their heights come first. */
  if (options->legend && !extra)
    legend_h = layout_legend (self, cw, legend);
  if (options->show_filter && !extra)
    {
      filter = _lt_export_layout (self, self->filter_text, 11, PANGO_WEIGHT_NORMAL, cw);
      filter_h = _lt_export_layout_height (filter);
    }

  min_drawing = 0.42 * (self->height - 2 * m);
  if (options->sources && !extra && on_page->len > 0)
    {
      double room;

      notes_heading = _lt_export_layout (self, _("Sources"), 11.5, PANGO_WEIGHT_BOLD, -1);
      heading_h = _lt_export_layout_height (notes_heading) + 3 * s;
      room = bottom - y - min_drawing - legend_h - filter_h - heading_h - self->key_height - 30 * s;
      if (room > 12 * s)
        notes_h = layout_notes (self, on_page, cw, room, notes);
      else
        g_clear_object (&notes_heading);
    }

  if (notes_h > 0)
    {
      double ny = bottom - notes_h;

      _lt_export_draw_layout (snapshot, notes_heading, m, ny - heading_h, &ink);
      sources_y = ny - heading_h;
      for (guint i = 0; i < notes->len; i++)
        {
          NoteCell *cell = &g_array_index (notes, NoteCell, i);
          int gutter = cell->number != NULL ? pango_layout_get_width (cell->number) / PANGO_SCALE : 0;
          double text_x = m + cell->x + (cell->number != NULL ? gutter + 5 * s : 0);
          const char *url = cell->source >= 0 ? g_ptr_array_index (self->source_urls, cell->source) : NULL;

          if (cell->number != NULL)
            _lt_export_draw_layout (snapshot, cell->number, m + cell->x, ny + cell->y, &ink_dim);
          _lt_export_draw_layout (snapshot, cell->text, text_x, ny + cell->y, &ink);
          /* The whole footnote opens its source: a URL is too long to print on the page. */
          if (info != NULL && url != NULL && *url != '\0')
            lt_export_page_info_add_link (info, url,
                                          &GRAPHENE_RECT_INIT (text_x, ny + cell->y,
                                                               _lt_export_layout_width (cell->text),
                                                               _lt_export_layout_height (cell->text)));
        }
      bottom = ny - heading_h - 10 * s;
    }

  if (filter != NULL)
    {
      bottom -= filter_h;
      _lt_export_draw_layout (snapshot, filter, m, bottom, &ink_dim);
      bottom -= 8 * s;
    }

  if (legend_h > 0)
    {
      double swatch = 12 * s;
      double ly = bottom - legend_h;

      for (guint i = 0; i < legend->len; i++)
        {
          LegendCell *cell = &g_array_index (legend, LegendCell, i);
          double lh = _lt_export_layout_height (cell->label);
          double row_h = MAX (swatch, lh);

          lt_export_painter_paint_legend_swatch (self->painter, i, snapshot,
                                                 &GRAPHENE_RECT_INIT (m + cell->x,
                                                                      ly + cell->y + (row_h - swatch) / 2,
                                                                      swatch, swatch));
          _lt_export_draw_layout (snapshot, cell->label, m + cell->x + swatch + 6 * s,
                                  ly + cell->y + (row_h - lh) / 2, &ink);
        }
      bottom = ly - 10 * s;
    }

  /* An image has no pages to spare: its key sits under the drawing, in a room of a fixed
   * height, so that the drawing numbered first has the size of the one drawn last */
  if (self->key_height > 0)
    {
      g_autoptr(PangoLayout) heading = _lt_export_layout (self, _("Key to the events"), 11.5,
                                                          PANGO_WEIGHT_BOLD, -1);
      double hh = _lt_export_key_heading_height (self);

      bottom -= self->key_height;
      key_y = bottom;
      _lt_export_draw_layout (snapshot, heading, m, bottom, &ink);
      if (self->key_rows != NULL)
        {
          guint end = _lt_export_draw_key_rows (self, snapshot, info, 0, m, bottom + hh,
                                                self->key_height - hh);

          if (end < self->key_rows->len)
            {
              guint rest = self->key_rows->len - end;
              g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                    "… and %u more number: export a PDF for the whole key",
                                                                    "… and %u more numbers: export a PDF for the whole key",
                                                                    rest), rest);
              g_autoptr(PangoLayout) line = _lt_export_layout (self, more, KEY_FONT_SIZE,
                                                               PANGO_WEIGHT_NORMAL, cw);

              _lt_export_draw_layout (snapshot, line, m + cw - _lt_export_layout_width (line), bottom,
                                      &ink_dim);
            }
        }
      bottom -= 10 * s;
    }

  /* The drawing takes what is left. */
  drawing_top = y;
  drawing_bottom = MAX (bottom, drawing_top + 40 * s);
  {
    graphene_rect_t area = GRAPHENE_RECT_INIT (m, drawing_top, cw, drawing_bottom - drawing_top);

    /* The painter draws in its screen sizes; on a large page it draws a smaller
     * area scaled up, so its text grows with the page's. It draws into a
     * snapshot of its own: GTK 4.8 misplaces cairo nodes appended under a
     * scale after a translation, a transform node around them is drawn right. */
    graphene_rect_t inner = GRAPHENE_RECT_INIT (0, 0, area.size.width / s, area.size.height / s);
    GtkSnapshot *drawing_snapshot = gtk_snapshot_new ();
    g_autoptr(GskRenderNode) drawing = NULL;

    if (extra)
      lt_export_painter_paint_extra_page (self->painter, page - self->n_slices, drawing_snapshot,
                                          self->context, &inner);
    else
      lt_export_painter_paint (self->painter, drawing_snapshot, self->context, &inner, &slice);
    drawing = gtk_snapshot_free_to_node (drawing_snapshot);
    if (self->key && page < self->page_keys->len)
      {
        g_ptr_array_free (self->page_keys->pdata[page], TRUE);
        self->page_keys->pdata[page] = lt_export_painter_dup_key (self->painter, &slice);
      }

    if (drawing != NULL)
      {
        gtk_snapshot_push_clip (snapshot, &area);
        gtk_snapshot_save (snapshot);
        gtk_snapshot_translate (snapshot, &area.origin);
        gtk_snapshot_scale (snapshot, s, s);
        gtk_snapshot_append_node (snapshot, drawing);
        gtk_snapshot_restore (snapshot);
        gtk_snapshot_pop (snapshot);
      }
  }

  if (info != NULL)
    {
      lt_export_page_info_add_section (info, self->kind_label, drawing_top);
      if (key_y >= 0)
        lt_export_page_info_add_section (info, _("Key to the events"), key_y);
      if (sources_y >= 0)
        lt_export_page_info_add_section (info, _("Sources"), sources_y);
    }

  return gtk_snapshot_free_to_node (snapshot);
}

static void
lt_export_document_finalize (GObject *object)
{
  LtExportDocument *self = (LtExportDocument *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->options, lt_export_options_free);
  g_clear_pointer (&self->painter, lt_export_painter_free);
  g_clear_object (&self->context);
  g_clear_object (&self->font_map);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->kind_label, g_free);
  g_clear_pointer (&self->filter_text, g_free);
  g_clear_pointer (&self->export_date_text, g_free);
  g_clear_pointer (&self->source_ids, g_array_unref);
  g_clear_pointer (&self->source_texts, g_ptr_array_unref);
  g_clear_pointer (&self->source_urls, g_ptr_array_unref);
  g_clear_pointer (&self->page_sources, g_ptr_array_unref);
  g_clear_pointer (&self->first_numbers, g_array_unref);
  g_clear_pointer (&self->page_keys, g_ptr_array_unref);
  g_clear_pointer (&self->key_rows, g_ptr_array_unref);
  g_clear_pointer (&self->key_page_starts, g_array_unref);

  G_OBJECT_CLASS (lt_export_document_parent_class)->finalize (object);
}

static void
lt_export_document_class_init (LtExportDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lt_export_document_finalize;
}

static void
lt_export_document_init (LtExportDocument *self)
{
}

static void
setup_text (LtExportDocument *self)
{
  cairo_font_options_t *font_options;

  /* A font map of our own: the document may be drawn in a worker thread while
   * the widgets use the default one. No hinting, so text measures the same on
   * paper and on screen. */
  self->font_map = pango_cairo_font_map_new ();
  self->context = pango_font_map_create_context (self->font_map);
  pango_cairo_context_set_resolution (self->context, 96);
  pango_context_set_language (self->context,
                              pango_language_from_string (lt_get_ui_language ()));

  /* A bare context defaults to a serif face; painters that only set sizes
   * (the graph's labels) must get the sans face they have on screen. */
  {
    PangoFontDescription *base = pango_font_description_from_string (FONT_FAMILY " 10");

    pango_context_set_font_description (self->context, base);
    pango_font_description_free (base);
  }

  font_options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (font_options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (self->context, font_options);
  cairo_font_options_destroy (font_options);
}

/**
 * lt_export_document_new_with_painter:
 * @store: the chronicle
 * @options: what to export
 * @painter: (transfer full): draws the view
 * @error: return location for a #GError
 *
 * Lays out the pages around @painter. Tests pass their own painter.
 *
 * Returns: (transfer full): a document, or %NULL with @error set
 */
LtExportDocument *
lt_export_document_new_with_painter (LtStore                *store,
                                     const LtExportOptions  *options,
                                     LtExportPainter        *painter,
                                     GError                **error)
{
  g_autoptr(LtExportDocument) self = NULL;
  g_autoptr(LtExportPainter) owned_painter = painter;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *date = NULL;

  g_return_val_if_fail (LT_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (painter != NULL, NULL);

  if (!lt_export_options_validate (options, error))
    return NULL;

  if (!lt_export_format_is_image (options->format))
    {
      g_set_error_literal (error, LT_EXPORT_ERROR, LT_EXPORT_ERROR_FORMAT,
                           _("This format is not an image"));
      return NULL;
    }

  lt_export_prepare_rendering ();

  self = g_object_new (LT_TYPE_EXPORT_DOCUMENT, NULL);
  self->store = g_object_ref (store);
  self->options = lt_export_options_copy (options);
  self->painter = g_steal_pointer (&owned_painter);

  setup_text (self);

  lt_export_options_get_page_size (options, &self->width, &self->height);
  self->scale = CLAMP (MIN (self->width, self->height) / 794.0, 0.6, 4.0);
  self->margin = round (MIN (self->width, self->height) * 0.06);

  if (options->has_window)
    {
      self->has_window = TRUE;
      self->from_day = options->from_day;
      self->to_day = options->to_day + 1;
    }
  else if (lt_export_painter_get_extent (self->painter, &self->from_day, &self->to_day))
    {
      double span = MAX (self->to_day - self->from_day, 1);

      /* Room at the ends, so that the first mark is not cut by the frame and the
       * last label has space to the right, then whole months. */
      self->has_window = TRUE;
      self->from_day = floor_to_month (self->from_day - span * 0.02);
      self->to_day = ceil_to_month (self->to_day + span * 0.08);
    }
  else
    {
      g_autoptr(GDateTime) today = g_date_time_new_from_unix_utc (options->export_time);

      /* Nothing dated: an empty year, not the first minutes of 1970. The
       * window stays unnamed in the title block. */
      self->from_day = lt_days_from_ymd (g_date_time_get_year (today), 1, 1);
      self->to_day = lt_days_from_ymd (g_date_time_get_year (today) + 1, 1, 1);
    }

  /* Only PDF has pages, only a time axis splits. */
  /* With the key off, a timeline still keys the events whose titles found no room */
  self->key = options->page == LT_EXPORT_PAGE_TIMELINE;
  self->n_slices = 1;
  if (options->format == LT_EXPORT_FORMAT_PDF && options->page == LT_EXPORT_PAGE_TIMELINE &&
      self->has_window)
    self->n_slices = CLAMP (options->n_pages, 1, (guint) MAX (1, self->to_day - self->from_day));

  if (options->title != NULL && *options->title != '\0')
    self->title = g_strdup (options->title);
  else if (options->page == LT_EXPORT_PAGE_GRAPH)
    self->title = g_strdup (_("Organizations and Their Relations"));
  else
    self->title = g_strdup (_("Chronicle of Events"));

  self->kind_label = g_strdup (options->page == LT_EXPORT_PAGE_GRAPH
                               ? _("Organization graph") : _("Timeline"));

  self->filter_text = build_filter_text (self, error);
  if (self->filter_text == NULL)
    return NULL;

  now = g_date_time_new_from_unix_utc (options->export_time);
  date = format_day (lt_days_from_ymd (g_date_time_get_year (now),
                                       g_date_time_get_month (now),
                                       g_date_time_get_day_of_month (now)));
  /* Translators: %1$s is a date, %2$s the program and its version */
  self->export_date_text = g_strdup_printf (_("Exported on %1$s with %2$s"),
                                            date, "Letapis " PACKAGE_VERSION);

  self->n_pages = self->n_slices;
  collect_sources (self);
  {
    g_autoptr(GHashTable) numbers = g_hash_table_new (g_int64_hash, g_int64_equal);

    for (guint i = 0; i < self->source_ids->len; i++)
      g_hash_table_insert (numbers, &g_array_index (self->source_ids, gint64, i),
                           GUINT_TO_POINTER (i + 1));
    lt_export_painter_set_source_numbers (self->painter, numbers);
  }
  if (self->key)
    _lt_export_build_key (self);

  /* What the drawing cannot hold (the graph's key) follows on pages of its own; the painter
   * knows how much once it has drawn the first page. */
  if (options->format == LT_EXPORT_FORMAT_PDF && options->page == LT_EXPORT_PAGE_GRAPH)
    {
      g_autoptr(GskRenderNode) first = _lt_export_build_page (self, 0, NULL);
      graphene_rect_t inner = GRAPHENE_RECT_INIT (0, 0, self->body.size.width / self->scale,
                                                  self->body.size.height / self->scale);

      self->n_extra_pages = lt_export_painter_get_n_extra_pages (self->painter, self->context, &inner);
      self->n_pages += self->n_extra_pages;
    }

  return g_steal_pointer (&self);
}

/**
 * lt_export_document_new:
 * @store: the chronicle
 * @options: what to export
 * @error: return location for a #GError
 *
 * Builds the document with the painter of the view @options names.
 *
 * Returns: (transfer full): a document, or %NULL with @error set
 */
LtExportDocument *
lt_export_document_new (LtStore                *store,
                        const LtExportOptions  *options,
                        GError                **error)
{
  LtExportPainter *painter;

  g_return_val_if_fail (LT_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (!lt_export_options_validate (options, error))
    return NULL;

  if (options->page == LT_EXPORT_PAGE_GRAPH)
    painter = lt_export_graph_painter_new (store, options, error);
  else
    painter = lt_export_timeline_painter_new (store, options, error);

  if (painter == NULL)
    return NULL;

  return lt_export_document_new_with_painter (store, options, painter, error);
}

const LtExportOptions *
lt_export_document_get_options (LtExportDocument *self)
{
  g_return_val_if_fail (LT_IS_EXPORT_DOCUMENT (self), NULL);

  return self->options;
}

guint
lt_export_document_get_n_pages (LtExportDocument *self)
{
  g_return_val_if_fail (LT_IS_EXPORT_DOCUMENT (self), 0);

  return self->n_pages;
}

/**
 * lt_export_document_get_page_size:
 * @self: a document
 * @width: (out): in layout units (CSS px)
 * @height: (out): in layout units
 */
void
lt_export_document_get_page_size (LtExportDocument *self,
                                  double           *width,
                                  double           *height)
{
  g_return_if_fail (LT_IS_EXPORT_DOCUMENT (self));

  *width = self->width;
  *height = self->height;
}

/**
 * lt_export_document_get_window:
 * @self: a document
 * @from_day: (out): first day shown
 * @to_day: (out): end of what is shown, exclusive
 */
void
lt_export_document_get_window (LtExportDocument *self,
                               double           *from_day,
                               double           *to_day)
{
  g_return_if_fail (LT_IS_EXPORT_DOCUMENT (self));

  *from_day = self->from_day;
  *to_day = self->to_day;
}

/**
 * lt_export_document_dup_page:
 * @self: a document
 * @page: the page, from 0
 *
 * Returns: (transfer full): the page as a render node, in layout units
 */
GskRenderNode *
lt_export_document_dup_page (LtExportDocument *self,
                             guint             page)
{
  g_return_val_if_fail (LT_IS_EXPORT_DOCUMENT (self), NULL);
  g_return_val_if_fail (page < self->n_pages, NULL);

  return _lt_export_build_page (self, page, NULL);
}

/**
 * lt_export_document_dup_sources:
 * @self: a document
 *
 * Returns: (transfer full): a #GArray of the gint64 ids of the sources listed,
 *   in the order they are numbered
 */
GArray *
lt_export_document_dup_sources (LtExportDocument *self)
{
  g_return_val_if_fail (LT_IS_EXPORT_DOCUMENT (self), NULL);

  return g_array_copy (self->source_ids);
}

char *
lt_export_document_dup_filter_text (LtExportDocument *self)
{
  g_return_val_if_fail (LT_IS_EXPORT_DOCUMENT (self), NULL);

  return g_strdup (self->filter_text);
}
