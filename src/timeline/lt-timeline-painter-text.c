/* lt-timeline-painter-text.c: the painter's text: fonts, shaped layouts and their
 * render nodes, and the titles of events measured for the labels the layout places
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-timeline-painter"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "lt-timeline-painter-private.h"

void
_lt_timeline_label_free (gpointer data)
{
  LtTimelineLabel *label = data;

  g_clear_pointer (&label->title, g_free);
  g_clear_pointer (&label->date, g_free);
  g_clear_object (&label->layout);
  g_clear_object (&label->wrapped);
  g_free (label);
}

void
_lt_timeline_painter_ensure_fonts (LtTimelinePainter *self,
                                   PangoContext      *pango)
{
  const PangoFontDescription *base;
  int size;

  if (pango == self->pango && pango_context_get_serial (pango) == self->pango_serial && self->label_font)
    return;

  g_set_object (&self->pango, pango);
  self->pango_serial = pango_context_get_serial (pango);
  g_hash_table_remove_all (self->labels);
  for (guint i = 0; i < G_N_ELEMENTS (self->texts); i++)
    g_hash_table_remove_all (self->texts[i]);
  _lt_timeline_node_cache_clear (&self->axis_cache);
  _lt_timeline_node_cache_clear (&self->overview_cache);
  g_clear_pointer (&self->label_font, pango_font_description_free);
  g_clear_pointer (&self->small_font, pango_font_description_free);
  g_clear_pointer (&self->bold_font, pango_font_description_free);

  base = pango_context_get_font_description (pango);
  self->label_font = base ? pango_font_description_copy (base) : pango_font_description_new ();
  /* A bare PangoContext (the export's) asks for "serif 12": use the desktop's sans instead */
  if (pango_font_description_get_family (self->label_font) == NULL ||
      g_ascii_strcasecmp (pango_font_description_get_family (self->label_font), "serif") == 0)
    {
      pango_font_description_set_family (self->label_font, "Cantarell, Noto Sans, sans-serif");
      pango_font_description_set_size (self->label_font, 10 * PANGO_SCALE);
    }
  size = pango_font_description_get_size (self->label_font);
  if (size <= 0)
    size = 10 * PANGO_SCALE;
  pango_font_description_set_size (self->label_font, (int) (size * 0.9));
  self->small_font = pango_font_description_copy (self->label_font);
  pango_font_description_set_size (self->small_font, (int) (size * 0.82));
  self->bold_font = pango_font_description_copy (self->label_font);
  pango_font_description_set_weight (self->bold_font, PANGO_WEIGHT_BOLD);
}

PangoLayout *
_lt_timeline_painter_get_text (LtTimelinePainter *self,
                               LtTimelineFont     font,
                               const char        *text)
{
  GHashTable *texts = self->texts[font];
  PangoLayout *layout = g_hash_table_lookup (texts, text);
  PangoFontDescription *desc;

  if (layout != NULL)
    return layout;

  if (g_hash_table_size (texts) > 2048)
    g_hash_table_remove_all (texts);

  layout = pango_layout_new (self->pango);
  switch (font)
    {
    case LT_TIMELINE_FONT_LABEL:
      pango_layout_set_font_description (layout, self->label_font);
      break;
    case LT_TIMELINE_FONT_SMALL:
      pango_layout_set_font_description (layout, self->small_font);
      break;
    case LT_TIMELINE_FONT_BOLD:
      pango_layout_set_font_description (layout, self->bold_font);
      break;
    case LT_TIMELINE_FONT_SMALL_BOLD:
      desc = pango_font_description_copy (self->small_font);
      pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
      pango_layout_set_font_description (layout, desc);
      pango_font_description_free (desc);
      break;
    default:
      break;
    }
  pango_layout_set_text (layout, text, -1);
  g_hash_table_insert (texts, g_strdup (text), layout);

  return layout;
}

double
_lt_timeline_text_width (PangoLayout *layout)
{
  int w;

  pango_layout_get_pixel_size (layout, &w, NULL);

  return w;
}

double
_lt_timeline_text_height (PangoLayout *layout)
{
  int h;

  pango_layout_get_pixel_size (layout, NULL, &h);

  return h;
}

double
_lt_timeline_painter_measure_tick_cb (const char *text,
                                      gpointer    user_data)
{
  LtTimelinePainter *self = user_data;

  return _lt_timeline_text_width (_lt_timeline_painter_get_text (self, LT_TIMELINE_FONT_SMALL,
                                                                 text));
}

LtTimelineLabel *
_lt_timeline_painter_lookup_label (LtTimelinePainter *self,
                                   guint32            span_index,
                                   gboolean           create)
{
  LtTimelineLabel *label = g_hash_table_lookup (self->labels, GUINT_TO_POINTER (span_index + 1));
  const LtEventSpan *span;
  g_autoptr(LtEvent) event = NULL;
  const char *title;

  if (label != NULL || !create || self->data->store == NULL || self->pango == NULL || self->data->provisional)
    return label;

  if (g_hash_table_size (self->labels) >= MAX_CACHED_LABELS)
    g_hash_table_remove_all (self->labels);

  span = _lt_timeline_painter_get_span (self, span_index);
  event = lt_store_lookup_event (self->data->store, span->id);
  label = g_new0 (LtTimelineLabel, 1);
  title = event != NULL ? lt_event_get_title (event) : NULL;
  if (title == NULL || title[0] == '\0')
    title = _("Untitled event");
  /* a restricted event carries a lock on the canvas too (and in an export that includes it):
   * it must not pass for a public one in a screenshot */
  label->title = g_strdup_printf ("%s%s%s",
                                  (span->flags & LT_SPAN_RESTRICTED) ? "🔒 " : "",
                                  (span->flags & LT_SPAN_APPROXIMATE) ? "~ " : "",
                                  title);
  label->date = event != NULL ? lt_date_range_format (lt_event_get_date_range (event)) : g_strdup ("");

  label->layout = pango_layout_new (self->pango);
  pango_layout_set_font_description (label->layout, self->label_font);
  pango_layout_set_text (label->layout, label->title, -1);
  pango_layout_set_single_paragraph_mode (label->layout, TRUE);
  /* an export shows a title whole or not at all (the frame decides by its width) */
  if (!self->export)
    {
      pango_layout_set_ellipsize (label->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_width (label->layout, (int) (MAX_LABEL_WIDTH * PANGO_SCALE));
    }
  label->width = _lt_timeline_text_width (label->layout);

  g_hash_table_insert (self->labels, GUINT_TO_POINTER (span_index + 1), label);

  return label;
}

double
_lt_timeline_painter_measure_span_cb (guint32  span,
                                      gpointer user_data)
{
  LtTimelinePainter *self = user_data;
  LtTimelineLabel *label = _lt_timeline_painter_lookup_label (self, span, FALSE);

  if (label == NULL)
    {
      /* An interactive frame looks up new titles for a bounded time, then leaves the rest
       * to the next frames */
      if (self->progressive &&
          (self->label_budget == 0 || g_get_monotonic_time () > self->layout_deadline))
        return -1.0;
      if (self->label_budget > 0)
        self->label_budget--;
      label = _lt_timeline_painter_lookup_label (self, span, TRUE);
      if (label == NULL)
        return -1.0;
    }

  return label->width;
}

/* An export's title too long for one line: its width in two lines, or -1 if it takes more */
double
_lt_timeline_painter_measure_wrapped_cb (guint32  span,
                                         gpointer user_data)
{
  LtTimelinePainter *self = user_data;
  LtTimelineLabel *label = _lt_timeline_painter_lookup_label (self, span, TRUE);

  if (label == NULL)
    return -1.0;

  if (label->wrapped == NULL)
    {
      label->wrapped = pango_layout_copy (label->layout);
      pango_layout_set_ellipsize (label->wrapped, PANGO_ELLIPSIZE_NONE);
      pango_layout_set_wrap (label->wrapped, PANGO_WRAP_WORD);
      pango_layout_set_width (label->wrapped, (int) (EXPORT_MAX_LABEL_WIDTH * PANGO_SCALE));
      label->wrapped_width = pango_layout_get_line_count (label->wrapped) <= 2
                             ? _lt_timeline_text_width (label->wrapped) : -1.0;
    }

  return label->wrapped_width;
}

/* The badge shows the number; its label is the noun in the plural form for that number
 * ("4" "події"), so a frame of hundreds of different counts shapes only a few labels */
const char *
_lt_timeline_count_noun (guint count)
{
  /* Translators: beside a count badge on the timeline, e.g. [4] events */
  return g_dngettext (GETTEXT_PACKAGE, "event", "events", count);
}

double
_lt_timeline_painter_measure_count_cb (guint    count,
                                       gpointer user_data)
{
  LtTimelinePainter *self = user_data;
  const char *noun = _lt_timeline_count_noun (count);

  return ceil (_lt_timeline_text_width (_lt_timeline_painter_get_text (self, LT_TIMELINE_FONT_SMALL,
                                                                       noun)));
}

/* Text nodes are kept on their layouts, a few colours each: shaping a label again every frame
 * would cost more than the rest of the frame. They go away with their layout. */
typedef struct
{
  GdkRGBA        colors[3];
  GskRenderNode *nodes[3];
  guint          next;
} TextNodes;

static void
text_nodes_free (gpointer data)
{
  TextNodes *tn = data;

  for (guint i = 0; i < G_N_ELEMENTS (tn->nodes); i++)
    g_clear_pointer (&tn->nodes[i], gsk_render_node_unref);
  g_free (tn);
}

static GskRenderNode *
layout_node (PangoLayout   *layout,
             const GdkRGBA *color)
{
  static GQuark quark;
  TextNodes *tn;
  GtkSnapshot *snapshot;
  guint slot;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("lt-timeline-text-nodes");

  tn = g_object_get_qdata (G_OBJECT (layout), quark);
  if (tn == NULL)
    {
      tn = g_new0 (TextNodes, 1);
      g_object_set_qdata_full (G_OBJECT (layout), quark, tn, text_nodes_free);
    }

  for (guint i = 0; i < G_N_ELEMENTS (tn->nodes); i++)
    if (tn->nodes[i] != NULL && gdk_rgba_equal (&tn->colors[i], color))
      return tn->nodes[i];

  snapshot = gtk_snapshot_new ();
  gtk_snapshot_append_layout (snapshot, layout, color);
  slot = tn->next++ % G_N_ELEMENTS (tn->nodes);
  g_clear_pointer (&tn->nodes[slot], gsk_render_node_unref);
  tn->nodes[slot] = gtk_snapshot_free_to_node (snapshot);
  tn->colors[slot] = *color;

  return tn->nodes[slot];
}

void
_lt_timeline_append_text (GtkSnapshot   *snapshot,
                          PangoLayout   *layout,
                          double         x,
                          double         y,
                          const GdkRGBA *color)
{
  GskRenderNode *node = layout_node (layout, color);

  if (node == NULL)
    return;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (floor (x), floor (y)));
  gtk_snapshot_append_node (snapshot, node);
  gtk_snapshot_restore (snapshot);
}
