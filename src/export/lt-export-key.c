/* lt-export-key.c: the event key: the numbered rows of what each page's numbers stand for,
 * laid out under an image's drawing or on pages of their own in a PDF
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-export"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "lt-export-document-private.h"

/* The event key: under a number, the events it stands for, each with its date as the
 * chronicle knows it, its title, a line of summary and the numbers of its sources in the
 * footnote, with where in the source. */

typedef struct
{
  PangoLayout *number;
  GPtrArray   *lines;     /* PangoLayout */
  double       height;
  const char  *url;       /* a listed source's web address, owned by the document */
} KeyRow;

static void
key_row_free (gpointer data)
{
  KeyRow *row = data;

  g_clear_object (&row->number);
  g_clear_pointer (&row->lines, g_ptr_array_unref);
  g_free (row);
}

#define KEY_FONT_SIZE 9.5

static double
key_column_width (LtExportDocument *self)
{
  double cw = self->width - 2 * self->margin;
  guint n_cols = CLAMP ((guint) floor (cw / (340 * self->scale)), 1, 3);

  return (cw - 20 * self->scale * (n_cols - 1)) / n_cols;
}

static guint
key_n_columns (LtExportDocument *self)
{
  double cw = self->width - 2 * self->margin;

  return CLAMP ((guint) floor (cw / (340 * self->scale)), 1, 3);
}

/* "14 July 2021 — Title [3] ¶2, [5]" */
static char *
format_key_event (LtExportDocument *self,
                  LtEvent          *event,
                  GHashTable       *source_numbers)
{
  g_autofree char *date = lt_date_range_format (lt_event_get_date_range (event));
  GPtrArray *citations = lt_event_get_citations (event);
  const char *title = lt_event_get_title (event);
  GString *text = g_string_new (NULL);
  gboolean first = TRUE;

  if (title == NULL || *title == '\0')
    title = _("Untitled event");
  /* a restricted event (in an export that includes them) carries its lock here too, as on
   * the drawing: it must not pass for a public one */
  if (lt_record_is_restricted (LT_RECORD (event)))
    g_string_append (text, "🔒 ");
  /* Translators: a line of the event key: a date, then a title */
  g_string_append_printf (text, _("%1$s — %2$s"), date, title);

  /* Each source once, with every place in it the event is cited from: "[3] ¶1, ¶5" */
  for (guint c = 0; citations != NULL && c < citations->len; c++)
    {
      const LtCitation *citation = g_ptr_array_index (citations, c);
      gpointer number = g_hash_table_lookup (source_numbers, &citation->source_id);
      gboolean seen = FALSE;

      /* only the sources the footnote lists: restricted ones stay out */
      if (number == NULL)
        continue;
      for (guint d = 0; d < c && !seen; d++)
        seen = ((const LtCitation *) g_ptr_array_index (citations, d))->source_id ==
               citation->source_id;
      if (seen)
        continue;

      g_string_append (text, first ? " " : C_("list separator", ", "));
      g_string_append_printf (text, "[%u]", GPOINTER_TO_UINT (number));
      first = FALSE;
      for (guint d = c, n = 0; d < citations->len; d++)
        {
          const LtCitation *same = g_ptr_array_index (citations, d);

          if (same->source_id != citation->source_id || same->locator == NULL ||
              *same->locator == '\0')
            continue;
          g_string_append (text, n++ == 0 ? " " : C_("list separator", ", "));
          g_string_append (text, same->locator);
        }
    }

  return g_string_free (text, FALSE);
}

static KeyRow *
make_key_row (LtExportDocument *self,
              LtExportKeyEntry *entry,
              GHashTable       *source_numbers,
              double            width)
{
  KeyRow *row = g_new0 (KeyRow, 1);
  g_autofree char *number = g_strdup_printf ("%u", entry->number);
  double gutter = 26 * self->scale;
  double text_w = width - gutter;

  row->number = _lt_export_layout (self, number, KEY_FONT_SIZE, PANGO_WEIGHT_BOLD,
                                  gutter - 4 * self->scale);
  pango_layout_set_alignment (row->number, PANGO_ALIGN_RIGHT);
  row->lines = g_ptr_array_new_with_free_func (g_object_unref);

  if (entry->summary && entry->event_ids->len == 2)
    {
      g_autoptr(LtEvent) first = lt_store_lookup_event (self->store,
                                                        g_array_index (entry->event_ids, gint64, 0));
      g_autoptr(LtEvent) last = lt_store_lookup_event (self->store,
                                                       g_array_index (entry->event_ids, gint64, 1));
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;
      g_autofree char *line = NULL;
      const LtDateRange *range;

      if (first != NULL && last != NULL)
        {
          from = lt_date_format (&lt_event_get_date_range (first)->start);
          range = lt_event_get_date_range (last);
          to = lt_date_format (range->has_end ? &range->end : &range->start);
          /* Translators: a large cluster in the event key: "240 events, from 3 March 2021 to
           * May 2021" */
          line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%1$u event, from %2$s to %3$s",
                                               "%1$u events, from %2$s to %3$s",
                                               entry->n_events),
                                  entry->n_events, from, to);
          g_ptr_array_add (row->lines, _lt_export_layout (self, line, KEY_FONT_SIZE,
                                                          PANGO_WEIGHT_NORMAL, text_w));
        }
      row->height = 3 * self->scale;
      for (guint i = 0; i < row->lines->len; i++)
        row->height += _lt_export_layout_height (g_ptr_array_index (row->lines, i));

      return row;
    }

  if (entry->n_events > 1)
    {
      g_autofree char *head = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u event:", "%u events:",
                                                            entry->n_events),
                                               entry->n_events);

      g_ptr_array_add (row->lines, _lt_export_layout (self, head, KEY_FONT_SIZE, PANGO_WEIGHT_BOLD,
                                                      text_w));
    }

  for (guint i = 0; i < entry->event_ids->len; i++)
    {
      g_autoptr(LtEvent) event = lt_store_lookup_event (self->store,
                                                        g_array_index (entry->event_ids, gint64, i));
      g_autofree char *line = NULL;
      const char *summary;

      if (event == NULL)
        continue;
      line = format_key_event (self, event, source_numbers);
      g_ptr_array_add (row->lines, _lt_export_layout (self, line, KEY_FONT_SIZE, PANGO_WEIGHT_NORMAL,
                                                      text_w));

      /* one line of summary for an event alone in the full key; a cluster lists its events
       * only, and the short key of an image without the full key names them only */
      summary = lt_event_get_summary (event);
      if (entry->n_events == 1 && summary != NULL && *summary != '\0' &&
          (self->options->key || self->options->format == LT_EXPORT_FORMAT_PDF))
        {
          PangoLayout *layout = _lt_export_layout (self, summary, KEY_FONT_SIZE - 1,
                                                   PANGO_WEIGHT_NORMAL, text_w);

          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
          pango_layout_set_single_paragraph_mode (layout, TRUE);
          g_object_set_data (G_OBJECT (layout), "lt-dim", GINT_TO_POINTER (1));
          g_ptr_array_add (row->lines, layout);
        }
    }

  if (entry->n_events > entry->event_ids->len)
    {
      guint rest = entry->n_events - entry->event_ids->len;
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "… and %u more event",
                                                            "… and %u more events", rest),
                                               rest);
      PangoLayout *layout = _lt_export_layout (self, more, KEY_FONT_SIZE, PANGO_WEIGHT_NORMAL,
                                               text_w);

      g_object_set_data (G_OBJECT (layout), "lt-dim", GINT_TO_POINTER (1));
      g_ptr_array_add (row->lines, layout);
    }

  row->height = 3 * self->scale;
  for (guint i = 0; i < row->lines->len; i++)
    row->height += _lt_export_layout_height (g_ptr_array_index (row->lines, i));

  return row;
}

/* Every entry of the key, once the drawing pages are laid out and numbered */
static void
prepare_key_rows (LtExportDocument *self)
{
  g_autoptr(GHashTable) source_numbers = g_hash_table_new (g_int64_hash, g_int64_equal);
  double width = key_column_width (self);

  for (guint i = 0; i < self->source_ids->len; i++)
    g_hash_table_insert (source_numbers, &g_array_index (self->source_ids, gint64, i),
                         GUINT_TO_POINTER (i + 1));

  g_clear_pointer (&self->key_rows, g_ptr_array_unref);
  self->key_rows = g_ptr_array_new_with_free_func (key_row_free);
  for (guint page = 0; page < self->page_keys->len; page++)
    {
      GPtrArray *entries = g_ptr_array_index (self->page_keys, page);

      for (guint i = 0; i < entries->len; i++)
        g_ptr_array_add (self->key_rows,
                         make_key_row (self, g_ptr_array_index (entries, i), source_numbers, width));
    }

  /* A drawing page has room for a few footnotes; the key's pages list every source its
   * numbers point to */
  if (self->options->format == LT_EXPORT_FORMAT_PDF && self->source_ids->len > 0)
    {
      KeyRow *heading = g_new0 (KeyRow, 1);

      heading->lines = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (heading->lines, _lt_export_layout (self, _("Sources"), 11.5, PANGO_WEIGHT_BOLD,
                                                          width));
      heading->height = _lt_export_layout_height (g_ptr_array_index (heading->lines, 0)) +
                        6 * self->scale;
      g_ptr_array_add (self->key_rows, heading);

      for (guint i = 0; i < self->source_texts->len; i++)
        {
          KeyRow *row = g_new0 (KeyRow, 1);
          g_autofree char *number = g_strdup_printf ("[%u]", i + 1);

          row->number = _lt_export_layout (self, number, KEY_FONT_SIZE, PANGO_WEIGHT_NORMAL,
                                           26 * self->scale - 4 * self->scale);
          pango_layout_set_alignment (row->number, PANGO_ALIGN_RIGHT);
          row->lines = g_ptr_array_new_with_free_func (g_object_unref);
          g_ptr_array_add (row->lines,
                           _lt_export_layout (self, g_ptr_array_index (self->source_texts, i),
                                              KEY_FONT_SIZE, PANGO_WEIGHT_NORMAL,
                                              width - 26 * self->scale));
          row->height = _lt_export_layout_height (g_ptr_array_index (row->lines, 0)) +
                        3 * self->scale;
          row->url = g_ptr_array_index (self->source_urls, i);
          g_ptr_array_add (self->key_rows, row);
        }
    }
}

/* Fills columns of @height from row @start; returns the row after the last one placed */
guint
_lt_export_draw_key_rows (LtExportDocument *self,
                          GtkSnapshot      *snapshot,
                          LtExportPageInfo *info,
                          guint             start,
                          double            x,
                          double            y,
                          double            height)
{
  double col_w = key_column_width (self);
  double gap = 20 * self->scale;
  double gutter = 26 * self->scale;
  guint n_cols = key_n_columns (self);
  guint col = 0;
  double cy = 0;
  guint i;

  for (i = start; i < self->key_rows->len; i++)
    {
      KeyRow *row = g_ptr_array_index (self->key_rows, i);
      double cx, ly;

      if (cy + row->height > height && cy > 0)
        {
          col++;
          cy = 0;
        }
      if (col >= n_cols || row->height > height)
        break;

      cx = x + col * (col_w + gap);
      if (snapshot != NULL)
        {
          if (row->number != NULL)
            _lt_export_draw_layout (snapshot, row->number, cx, y + cy, &ink);
          ly = y + cy;
          for (guint l = 0; l < row->lines->len; l++)
            {
              PangoLayout *layout = g_ptr_array_index (row->lines, l);
              gboolean dim = g_object_get_data (G_OBJECT (layout), "lt-dim") != NULL;

              _lt_export_draw_layout (snapshot, layout, cx + (row->number != NULL ? gutter : 0), ly,
                                      dim ? &ink_dim : &ink);
              ly += _lt_export_layout_height (layout);
            }
          /* a listed source opens its web page, as its footnote on the drawing's page does */
          if (info != NULL && row->url != NULL && *row->url != '\0')
            lt_export_page_info_add_link (info, row->url,
                                          &GRAPHENE_RECT_INIT (cx + gutter, y + cy,
                                                               col_w - gutter, row->height));
        }
      cy += row->height;
    }

  return i;
}

double
_lt_export_key_heading_height (LtExportDocument *self)
{
  g_autoptr(PangoLayout) heading = _lt_export_layout (self, _("Key to the events"), 11.5,
                                                      PANGO_WEIGHT_BOLD, -1);

  return _lt_export_layout_height (heading) + 4 * self->scale;
}

/* The room the rows of a key page have, under its title and heading */
static void
key_page_area (LtExportDocument *self,
               double           *top,
               double           *height)
{
  g_autoptr(PangoLayout) title = _lt_export_layout (self, self->title, 15, PANGO_WEIGHT_BOLD,
                                                    self->width - 2 * self->margin);
  g_autoptr(GtkSnapshot) probe = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  double bottom = _lt_export_draw_footer (self, probe, 0);

  node = gtk_snapshot_free_to_node (g_steal_pointer (&probe));
  *top = self->margin + _lt_export_layout_height (title) + 12 * self->scale +
         _lt_export_key_heading_height (self);
  *height = MAX (bottom - *top, 40 * self->scale);
}

static void
paginate_key (LtExportDocument *self)
{
  double top, height;
  guint start = 0;

  self->key_page_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  key_page_area (self, &top, &height);
  while (start < self->key_rows->len)
    {
      guint end = _lt_export_draw_key_rows (self, NULL, NULL, start, 0, 0, height);

      g_array_append_val (self->key_page_starts, start);
      if (end == start)   /* a row taller than a page: skip it rather than loop */
        end = start + 1;
      start = end;
    }
  g_array_append_val (self->key_page_starts, start);
}

GskRenderNode *
_lt_export_build_key_page (LtExportDocument *self,
                           guint             page,
                           LtExportPageInfo *info)
{
  guint k = page - self->n_slices;
  guint start = g_array_index (self->key_page_starts, guint, k);
  g_autoptr(PangoLayout) title = _lt_export_layout (self, self->title, 15, PANGO_WEIGHT_BOLD,
                                                    self->width - 2 * self->margin);
  g_autoptr(PangoLayout) heading = _lt_export_layout (self, _("Key to the events"), 11.5,
                                                      PANGO_WEIGHT_BOLD, -1);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  double m = self->margin;
  double s = self->scale;
  double y = m;
  double top, height;

  gtk_snapshot_append_color (snapshot, &paper, &GRAPHENE_RECT_INIT (0, 0, self->width, self->height));
  _lt_export_draw_layout (snapshot, title, m, y, &ink);
  y += _lt_export_layout_height (title) + 4 * s;
  _lt_export_draw_rule (snapshot, m, y, self->width - 2 * m, MAX (1.5 * s, 1), &accent);
  y += 8 * s;
  /* the heading again on every page of the key */
  _lt_export_draw_layout (snapshot, heading, m, y, &ink);
  _lt_export_draw_footer (self, snapshot, page);

  key_page_area (self, &top, &height);
  _lt_export_draw_key_rows (self, snapshot, info, start, m, top, height);

  if (info != NULL)
    {
      g_autofree char *number = g_strdup_printf (_("%1$u / %2$u"), page + 1, self->n_pages);

      info->outline = g_strconcat (number, C_("meta separator", " · "), _("Key to the events"),
                                   NULL);
      lt_export_page_info_add_section (info, _("Key to the events"), y);
    }

  return gtk_snapshot_free_to_node (snapshot);
}

/* Lays out the drawing pages once to learn their numbers and what each stands for, then
 * the key's rows and, in a PDF, its pages */
static void
number_pages (LtExportDocument *self)
{
  guint next = 1;

  g_clear_pointer (&self->first_numbers, g_array_unref);
  g_clear_pointer (&self->page_keys, g_ptr_array_unref);
  self->first_numbers = g_array_new (FALSE, TRUE, sizeof (guint));
  self->page_keys = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  for (guint page = 0; page < self->n_slices; page++)
    {
      g_autoptr(GskRenderNode) node = NULL;
      GPtrArray *entries;

      g_array_append_val (self->first_numbers, next);
      g_ptr_array_add (self->page_keys, g_ptr_array_new_with_free_func (lt_export_key_entry_free));
      node = _lt_export_build_page (self, page, NULL);
      entries = g_ptr_array_index (self->page_keys, page);
      next += entries->len;
    }

  prepare_key_rows (self);
}

/* The least room under the drawing that holds every row of the key, up to @cap */
static double
key_rows_height (LtExportDocument *self,
                 double            cap)
{
  double hh = _lt_export_key_heading_height (self);
  double total = 0, tallest = 0, h;

  if (self->key_rows->len == 0)
    return 0;
  for (guint i = 0; i < self->key_rows->len; i++)
    {
      KeyRow *row = g_ptr_array_index (self->key_rows, i);

      total += row->height;
      tallest = MAX (tallest, row->height);
    }
  for (h = ceil (total / key_n_columns (self)); h + hh < cap; h += tallest)
    if (_lt_export_draw_key_rows (self, NULL, NULL, 0, 0, 0, h) == self->key_rows->len)
      return h + hh;

  return cap;
}

void
_lt_export_build_key (LtExportDocument *self)
{
  /* the drawing keeps two thirds of the page, or three quarters for a short key */
  double cap = round ((self->options->key ? 0.34 : 0.25) * (self->height - 2 * self->margin));

  if (self->options->format != LT_EXPORT_FORMAT_PDF)
    self->key_height = self->options->key ? cap : 0;
  else
    self->n_pages = self->n_slices + 1;   /* the footer of a page of many, as in the end */

  number_pages (self);

  /* An image without the full key makes room for the events it had to number; with less
   * room for the drawing, numbering again finds what the final drawing shows */
  if (self->options->format != LT_EXPORT_FORMAT_PDF && !self->options->key)
    {
      /* a smaller drawing may leave more titles out: grow the room while it helps */
      for (int attempt = 0; attempt < 3 && self->key_rows->len > 0; attempt++)
        {
          double needed = key_rows_height (self, cap);

          if (needed <= self->key_height)
            break;
          self->key_height = needed;
          number_pages (self);
        }
    }
  if (self->options->format == LT_EXPORT_FORMAT_PDF)
    {
      paginate_key (self);
      self->n_pages = self->n_slices + self->key_page_starts->len - 1;
    }
}
