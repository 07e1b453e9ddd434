/* lt-export-timeline.c: the timeline painter on an export page, over timeline data of its
 * own: the export's window, filter and lanes
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

#include "lt-export-views.h"
#include "lt-timeline-painter.h"

/* Above this many events in a slice, the sources are those of the events drawn
 * one by one: the rest are counted in badges, and reading every event's
 * citations would cost more than the whole drawing. */
#define MAX_EVENTS_FOR_SOURCES 5000
#define MAX_DESCRIBED_EVENTS   400

typedef struct
{
  LtStore           *store;
  LtEventFilter     *filter;
  LtTimelineData    *data;
  LtTimelinePainter *painter;
  LtTimelinePalette  palette;
  PangoContext      *context;     /* of the last page drawn */
  GArray            *legend;      /* guint category indexes present */
  GArray            *figures;     /* LtFigurePoint of the band */
  GHashTable        *source_numbers; /* gint64 source id -> its footnote number */
  double             last_width;
  double             last_height;
} TimelineData;

static void
timeline_data_free (gpointer data)
{
  TimelineData *td = data;

  g_clear_object (&td->store);
  g_clear_pointer (&td->filter, lt_event_filter_free);
  g_clear_object (&td->painter);
  g_clear_object (&td->data);
  g_clear_object (&td->context);
  g_clear_pointer (&td->legend, g_array_unref);
  g_clear_pointer (&td->figures, g_array_unref);
  g_clear_pointer (&td->source_numbers, g_hash_table_unref);
  g_free (td);
}

static guint
timeline_get_n_legend_items (gpointer data)
{
  TimelineData *td = data;

  return td->legend->len;
}

static const char *
timeline_get_legend_label (gpointer data,
                           guint    item)
{
  TimelineData *td = data;
  guint category = g_array_index (td->legend, guint, item);
  const char * const *keys = lt_category_list_keys ();

  return lt_category_get_label (keys[category]);
}

static void
timeline_paint_legend_swatch (gpointer               data,
                              guint                  item,
                              GtkSnapshot           *snapshot,
                              const graphene_rect_t *box)
{
  TimelineData *td = data;
  guint category = g_array_index (td->legend, guint, item);
  const GdkRGBA *color = &td->palette.categories[category % LT_TIMELINE_N_CATEGORY_STYLES];
  cairo_t *cr;

  /* The same mark as on the timeline: colour and shape both tell categories apart. */
  cr = gtk_snapshot_append_cairo (snapshot, box);
  lt_timeline_draw_shape (cr, lt_timeline_category_get_shape (category),
                          box->origin.x + box->size.width / 2,
                          box->origin.y + box->size.height / 2,
                          MIN (box->size.width, box->size.height));
  gdk_cairo_set_source_rgba (cr, color);
  cairo_fill (cr);
  cairo_destroy (cr);
}

static void
layout_slice (TimelineData        *td,
              PangoContext        *context,
              double               width,
              double               height,
              const LtExportSlice *slice)
{
  int w = MAX ((int) floor (width), 1);
  int h = MAX ((int) floor (height), 1);

  lt_timeline_painter_set_first_number (td->painter, slice->first_number);
  lt_timeline_painter_layout (td->painter, context, w, h);
  lt_timeline_painter_set_window (td->painter, slice->from_day, slice->to_day);
  lt_timeline_painter_layout (td->painter, context, w, h);
}

/* A large cluster is one line of the key, its count and dates, not its events: a key of
 * clusters stays a few pages long at any number of events */
#define MAX_KEY_CLUSTER_EVENTS 6

static GPtrArray *
timeline_dup_key (gpointer             data,
                  const LtExportSlice *slice)
{
  TimelineData *td = data;
  GPtrArray *entries = g_ptr_array_new_with_free_func (lt_export_key_entry_free);
  guint n = lt_timeline_painter_get_n_numbered (td->painter);

  for (guint i = 0; i < n; i++)
    {
      LtExportKeyEntry *entry = g_new0 (LtExportKeyEntry, 1);

      entry->number = slice->first_number + i;
      entry->event_ids = lt_timeline_painter_dup_numbered_events (td->painter, entry->number,
                                                                  G_MAXUINT, &entry->n_events);
      if (entry->event_ids == NULL)
        entry->event_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      if (entry->event_ids->len > MAX_KEY_CLUSTER_EVENTS)
        {
          gint64 last = g_array_index (entry->event_ids, gint64, entry->event_ids->len - 1);

          g_array_set_size (entry->event_ids, 1);
          g_array_append_val (entry->event_ids, last);
          entry->summary = TRUE;
        }
      g_ptr_array_add (entries, entry);
    }

  return entries;
}

static void
timeline_set_source_numbers (gpointer    data,
                             GHashTable *numbers)
{
  TimelineData *td = data;

  g_clear_pointer (&td->source_numbers, g_hash_table_unref);
  td->source_numbers = g_hash_table_ref (numbers);
}

/* The figures band names the footnotes of the figures it plots: "[2], [5]" */
static char *
dup_figures_note (TimelineData        *td,
                  const LtExportSlice *slice)
{
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GString) note = g_string_new (NULL);

  if (td->figures == NULL || td->source_numbers == NULL)
    return NULL;

  for (guint i = 0; i < td->figures->len; i++)
    {
      const LtFigurePoint *p = &g_array_index (td->figures, LtFigurePoint, i);
      g_autoptr(LtEvent) event = NULL;
      GPtrArray *citations;

      if (p->day < slice->from_day || p->day >= slice->to_day)
        continue;
      event = lt_store_lookup_event (td->store, p->event_id);
      if (event == NULL || (lt_record_is_restricted (LT_RECORD (event)) &&
                            !td->filter->include_restricted))
        continue;
      citations = lt_event_get_citations (event);
      for (guint c = 0; citations != NULL && c < citations->len; c++)
        {
          const LtCitation *citation = g_ptr_array_index (citations, c);
          guint number = GPOINTER_TO_UINT (g_hash_table_lookup (td->source_numbers,
                                                                &citation->source_id));
          gboolean seen = FALSE;

          for (guint k = 0; k < numbers->len && !seen; k++)
            seen = g_array_index (numbers, guint, k) == number;
          if (number > 0 && !seen)
            g_array_append_val (numbers, number);
        }
    }

  for (guint k = 0; k < numbers->len; k++)
    {
      if (k > 0)
        g_string_append (note, C_("list separator", ", "));
      g_string_append_printf (note, "[%u]", g_array_index (numbers, guint, k));
    }

  return g_string_free (g_steal_pointer (&note), FALSE);
}

static void
timeline_paint (gpointer               data,
                GtkSnapshot           *snapshot,
                PangoContext          *context,
                const graphene_rect_t *area,
                const LtExportSlice   *slice)
{
  TimelineData *td = data;
  int w = MAX ((int) floor (area->size.width), 1);
  int h = MAX ((int) floor (area->size.height), 1);

  td->last_width = area->size.width;
  td->last_height = area->size.height;
  g_set_object (&td->context, context);

  layout_slice (td, context, area->size.width, area->size.height, slice);
  {
    g_autofree char *note = dup_figures_note (td, slice);

    lt_timeline_painter_set_figures_note (td->painter, note);
  }

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &area->origin);
  lt_timeline_painter_paint (td->painter, snapshot, context, w, h);
  gtk_snapshot_restore (snapshot);
}

/* The events drawn one by one (not counted in a badge) for @slice, laid out at
 * the size of the last page drawn. */
static GArray *
dup_visible_events (TimelineData        *td,
                    const LtExportSlice *slice)
{
  g_autoptr(PangoFontMap) font_map = NULL;
  PangoContext *context;
  GArray *visible;

  /* Lay out with the context the page was drawn with, so the same labels fit. */
  if (td->context != NULL)
    context = g_object_ref (td->context);
  else
    {
      font_map = pango_cairo_font_map_new ();
      context = pango_font_map_create_context (font_map);
    }

  layout_slice (td, context,
                td->last_width > 0 ? td->last_width : 1000,
                td->last_height > 0 ? td->last_height : 500,
                slice);
  visible = lt_timeline_painter_list_visible_events (td->painter);
  g_object_unref (context);
  if (visible == NULL)
    visible = g_array_new (FALSE, FALSE, sizeof (gint64));

  return visible;
}

static void
add_citations (LtEvent    *event,
               GHashTable *seen,
               GArray     *ids)
{
  GPtrArray *citations = lt_event_get_citations (event);

  if (citations == NULL)
    return;

  for (guint c = 0; c < citations->len; c++)
    {
      const LtCitation *citation = g_ptr_array_index (citations, c);
      gint64 id = citation->source_id;

      if (g_hash_table_add (seen, g_memdup2 (&id, sizeof id)))
        g_array_append_val (ids, id);
    }
}

static GArray *
timeline_dup_cited_sources (gpointer             data,
                            const LtExportSlice *slice)
{
  TimelineData *td = data;
  g_autoptr(LtEventFilter) filter = lt_event_filter_copy (td->filter);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n_events;

  lt_event_filter_set_window (filter, (gint64) floor (slice->from_day),
                              (gint64) ceil (slice->to_day) - 1);
  n_events = lt_store_count_events (td->store, filter, NULL);

  if (n_events <= MAX_EVENTS_FOR_SOURCES)
    {
      g_autoptr(GListModel) events = lt_store_list_events (td->store, filter);
      guint n = g_list_model_get_n_items (events);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(LtEvent) event = g_list_model_get_item (events, i);

          add_citations (event, seen, ids);
        }
    }
  else
    {
      g_autoptr(GArray) visible = dup_visible_events (td, slice);

      for (guint i = 0; i < visible->len; i++)
        {
          g_autoptr(LtEvent) event = lt_store_lookup_event (td->store,
                                                            g_array_index (visible, gint64, i));

          if (event != NULL)
            add_citations (event, seen, ids);
        }
    }

  return ids;
}

static double
measure_tick_cb (const char *text,
                 gpointer    user_data)
{
  PangoLayout *layout = user_data;
  int w, h;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);

  return w;
}

static int
compare_ticks (gconstpointer a,
               gconstpointer b)
{
  const LtTimelineTick *ta = a;
  const LtTimelineTick *tb = b;

  if (ta->day != tb->day)
    return ta->day < tb->day ? -1 : 1;
  return tb->major - ta->major;
}

static void
timeline_describe (gpointer             data,
                   const LtExportSlice *slice,
                   GString             *text)
{
  TimelineData *td = data;
  g_autoptr(PangoFontMap) font_map = pango_cairo_font_map_new ();
  PangoContext *context = td->context != NULL ? g_object_ref (td->context)
                                              : pango_font_map_create_context (font_map);
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  g_autoptr(GArray) ticks = NULL;
  g_autoptr(GArray) visible = NULL;
  double width = td->last_width > 0 ? td->last_width : 1000;
  LtTickStep minor, major;
  gboolean first = TRUE;

  /* The axis labels, as the axis computes them for this width. */
  ticks = lt_timeline_ticks_compute (slice->from_day, slice->to_day,
                                     width / MAX (slice->to_day - slice->from_day, 1e-6),
                                     measure_tick_cb, layout, &minor, &major);
  if (ticks != NULL)
    g_array_sort (ticks, compare_ticks);
  g_string_append (text, _("Axis:"));
  for (guint i = 0; ticks != NULL && i < ticks->len; i++)
    {
      LtTimelineTick *tick = &g_array_index (ticks, LtTimelineTick, i);

      if (tick->label == NULL || tick->day < slice->from_day || tick->day >= slice->to_day)
        continue;
      g_string_append (text, first ? " " : C_("list separator", ", "));
      g_string_append (text, tick->label);
      first = FALSE;
    }
  g_string_append_c (text, '\n');

  g_object_unref (context);

  /* The events in the window, with their dates: all of them while they are
   * few enough to be drawn one by one, else those the painter drew alone (the
   * rest are counted in badges). */
  {
    g_autoptr(LtEventFilter) filter = lt_event_filter_copy (td->filter);
    guint n_events;

    lt_event_filter_set_window (filter, (gint64) floor (slice->from_day),
                                (gint64) ceil (slice->to_day) - 1);
    n_events = lt_store_count_events (td->store, filter, NULL);

    if (n_events <= MAX_DESCRIBED_EVENTS)
      {
        g_autoptr(GListModel) events = lt_store_list_events (td->store, filter);

        for (guint i = 0; i < g_list_model_get_n_items (events); i++)
          {
            g_autoptr(LtEvent) event = g_list_model_get_item (events, i);
            g_autofree char *date = lt_date_range_format (lt_event_get_date_range (event));

            g_string_append_printf (text, "%s — %s\n", date, lt_event_get_title (event));
          }
        return;
      }
  }

  visible = dup_visible_events (td, slice);
  for (guint i = 0; i < visible->len && i < MAX_DESCRIBED_EVENTS; i++)
    {
      g_autofree char *title = NULL;
      g_autofree char *date = NULL;

      if (lt_timeline_painter_describe_event (td->painter, g_array_index (visible, gint64, i),
                                              &title, &date))
        g_string_append_printf (text, "%s — %s\n", date, title);
    }
  if (visible->len > MAX_DESCRIBED_EVENTS)
    {
      guint rest = visible->len - MAX_DESCRIBED_EVENTS;

      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "… and %u more event\n",
                                                 "… and %u more events\n", rest),
                              rest);
    }
}

static gboolean
timeline_get_extent (gpointer  data,
                     double   *from_day,
                     double   *to_day)
{
  TimelineData *td = data;

  return lt_timeline_data_get_extent (td->data, from_day, to_day);
}

static const LtExportPainterVTable timeline_vtable = {
  .get_n_legend_items = timeline_get_n_legend_items,
  .get_legend_label = timeline_get_legend_label,
  .paint_legend_swatch = timeline_paint_legend_swatch,
  .paint = timeline_paint,
  .dup_cited_sources = timeline_dup_cited_sources,
  .describe = timeline_describe,
  .dup_key = timeline_dup_key,
  .set_source_numbers = timeline_set_source_numbers,
  .get_extent = timeline_get_extent,
  .free = timeline_data_free,
};

/**
 * lt_export_timeline_painter_new:
 * @store: the chronicle
 * @options: the time window, the filter, whether restricted records show
 * @error: return location for a #GError
 *
 * The timeline's own painter ([class@TimelinePainter]) in the light palette,
 * without the overview strip, every label measured before drawing.
 *
 * Returns: (transfer full): a painter, or %NULL with @error set
 */
LtExportPainter *
lt_export_timeline_painter_new (LtStore                *store,
                                const LtExportOptions  *options,
                                GError                **error)
{
  TimelineData *td;
  g_autoptr(GArray) spans = NULL;
  gboolean present[64] = { FALSE };
  guint n_keys = g_strv_length ((char **) lt_category_list_keys ());

  g_return_val_if_fail (LT_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  for (guint i = 0; options->categories != NULL && options->categories[i] != NULL; i++)
    if (lt_category_get_label (options->categories[i]) == NULL)
      {
        g_set_error (error, LT_EXPORT_ERROR, LT_EXPORT_ERROR_INVALID,
                     _("Unknown category “%s”"), options->categories[i]);
        return NULL;
      }

  td = g_new0 (TimelineData, 1);
  td->store = g_object_ref (store);
  td->filter = lt_export_options_dup_event_filter (options);

  lt_timeline_palette_init (&td->palette, FALSE);
  if (options->grayscale)
    lt_timeline_palette_make_grayscale (&td->palette);

  td->data = lt_timeline_data_new ();
  lt_timeline_data_set_include_restricted (td->data, options->include_restricted);
  td->painter = lt_timeline_painter_new (td->data);
  lt_timeline_painter_set_palette (td->painter, &td->palette);
  lt_timeline_painter_set_show_overview (td->painter, FALSE);
  lt_timeline_painter_set_progressive (td->painter, FALSE);
  lt_timeline_painter_set_export (td->painter, TRUE);
  /* without the key, the events whose titles found no room still get numbers */
  lt_timeline_painter_set_number_unlabelled (td->painter, !options->key);
  /* the figures band, as on screen: a report reads the numbers beside the events */
  lt_timeline_data_set_figures (td->data, "political-prisoners");
  td->figures = lt_store_dup_figures (store, "political-prisoners", NULL);
  lt_timeline_data_set_lane_mode (td->data,
                                  options->lanes == LT_EXPORT_LANES_PLACE ? LT_LANE_MODE_PLACE :
                                  options->lanes == LT_EXPORT_LANES_ACTOR ? LT_LANE_MODE_ACTOR :
                                                                            LT_LANE_MODE_CATEGORY);
  lt_timeline_data_set_store (td->data, store);
  lt_timeline_data_set_filter (td->data, td->filter);
  lt_timeline_data_set_hide_unmatched (td->data, TRUE);

  /* The legend names the categories that the exported window shows. */
  td->legend = g_array_new (FALSE, FALSE, sizeof (guint));
  {
    g_autoptr(LtEventFilter) filter = lt_event_filter_copy (td->filter);

    if (options->has_window)
      lt_event_filter_set_window (filter, options->from_day, options->to_day);
    spans = lt_store_dup_event_spans (store, filter, NULL);
  }
  for (guint i = 0; spans != NULL && i < spans->len; i++)
    {
      guint category = g_array_index (spans, LtEventSpan, i).category;

      if (category < G_N_ELEMENTS (present))
        present[category] = TRUE;
    }
  for (guint c = 0; c < MIN (n_keys, G_N_ELEMENTS (present)); c++)
    if (present[c])
      g_array_append_val (td->legend, c);

  return lt_export_painter_new (&timeline_vtable, td);
}
