/* lt-timeline-painter.c
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-timeline-painter"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "lt-timeline-painter.h"

/* The one drawing path of the timeline: the view's snapshot() and the headless export both
 * call lt_timeline_painter_paint(), so what is exported is what is seen. Nothing here needs
 * a display: the caller brings the PangoContext. */

#define AXIS_HEIGHT       46.0
#define OVERVIEW_HEIGHT   44.0
#define FIGURES_HEIGHT    76.0
#define ROW_HEIGHT        20.0
#define CELL_WIDTH        28.0
#define MARK_SIZE         12.0
#define MAX_LABEL_WIDTH   220.0
#define DENSITY_COLUMN    4.0
#define LABEL_BUDGET      40
#define LABEL_TIME_BUDGET_USEC 2000
#define MAX_CACHED_LABELS 8192

typedef struct
{
  char        *title;
  char        *date;
  PangoLayout *layout;
  double       width;
} Label;

typedef struct
{
  GskRenderNode *node;
  double         px_per_day;
  double         lo;         /* the days the node covers, its x = 0 at lo */
  double         hi;
  int            width;
  int            height;
  guint          serial;
} NodeCache;

struct _LtTimelinePainter
{
  GObject            parent_instance;

  /* data */
  LtStore           *store;
  gulong             changed_id;
  GArray            *spans;
  LtTimelineIndex   *index;
  GArray            *pairs;          /* LtTimelinePair, for actor lanes */
  GArray            *figures;        /* LtFigurePoint */
  GHashTable        *actor_names;
  GArray            *match_ids;      /* gint64, or NULL for no filter */
  LtEventFilter     *filter;
  char              *figures_kind;
  double             figures_max;
  LtLaneMode         lane_mode;
  gboolean           include_restricted;
  gboolean           hide_unmatched;
  gboolean           model_dirty;
  gboolean           index_dirty;
  gboolean           matches_dirty;
  gboolean           figures_pending;
  gboolean           figures_expected; /* while loading: the band will come, keep its room */
  gboolean           load_async;      /* read the spans of a file store in a thread */
  gboolean           provisional;     /* the spans are made from per-day counts: loading */
  struct _LoadJob   *job;             /* the thread reading the spans, or NULL */
  guint32            category_mask;   /* categories shown as matching; all bits = no filter */
  guint              serial;

  /* view */
  LtTimelinePalette  palette;
  LtTimeScale        scale;
  double             window_start;
  double             window_end;
  gboolean           window_pending;
  gint64             selected_id;
  gint64             hover_id;
  gboolean           show_overview;
  gboolean           progressive;

  /* layout */
  int                width;
  int                height;
  double             lanes_y;
  double             lanes_h;
  double             figures_y;
  double             figures_h;
  double             overview_y;
  double             overview_h;
  LtTimelineFrame   *frame;
  gboolean           frame_valid;
  guint              label_budget;
  gint64             layout_deadline;

  /* caches */
  PangoContext      *pango;
  guint              pango_serial;
  PangoFontDescription *label_font;
  PangoFontDescription *small_font;
  PangoFontDescription *bold_font;
  GHashTable        *labels;         /* span index + 1 -> Label */
  GHashTable        *texts[4];       /* per FontKind: text -> PangoLayout */
  NodeCache          axis_cache;
  NodeCache          density_cache;
  NodeCache          overview_cache;
  NodeCache          figures_cache;
};

G_DEFINE_FINAL_TYPE (LtTimelinePainter, lt_timeline_painter, G_TYPE_OBJECT)

enum {
  INVALIDATED,
  LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Palette and shapes */

static void
rgba_from_hex (GdkRGBA    *rgba,
               const char *hex)
{
  gdk_rgba_parse (rgba, hex);
}

/**
 * lt_timeline_palette_init:
 * @palette: (out caller-allocates): the palette
 * @dark: for the dark style
 *
 * Fills in the timeline colours, from the GNOME palette, for the light or dark style.
 */
void
lt_timeline_palette_init (LtTimelinePalette *palette,
                          gboolean           dark)
{
  /* the sanctions yellow is darkened in light mode: #f5c211 cannot be read on white */
  static const char *light_categories[] = {
    "#1c71d8", "#c01c28", "#c64600", "#813d9c", "#26a269", "#865e3c", "#9c6e03", "#3d3846",
  };
  static const char *dark_categories[] = {
    "#62a0ea", "#f66151", "#ffa348", "#c061cb", "#57e389", "#cdab8f", "#f8e45c", "#c0bfbc",
  };

  memset (palette, 0, sizeof *palette);
  palette->dark = dark;

  if (!dark)
    {
      rgba_from_hex (&palette->background, "#ffffff");
      rgba_from_hex (&palette->lane_alt, "#f6f5f4");
      rgba_from_hex (&palette->axis_background, "#fafafa");
      palette->separator = (GdkRGBA) { 0, 0, 0, 0.10 };
      palette->grid = (GdkRGBA) { 0, 0, 0, 0.05 };
      palette->grid_major = (GdkRGBA) { 0, 0, 0, 0.14 };
      palette->text = (GdkRGBA) { 0, 0, 0, 0.80 };
      palette->dim_text = (GdkRGBA) { 0, 0, 0, 0.42 };
      rgba_from_hex (&palette->accent, "#1c71d8");
      rgba_from_hex (&palette->badge_text, "#ffffff");
      rgba_from_hex (&palette->neutral, "#5e5c64");
      for (guint i = 0; i < LT_TIMELINE_N_CATEGORY_STYLES; i++)
        rgba_from_hex (&palette->categories[i], light_categories[i]);
    }
  else
    {
      rgba_from_hex (&palette->background, "#1e1e1e");
      rgba_from_hex (&palette->lane_alt, "#242424");
      rgba_from_hex (&palette->axis_background, "#2a2a2a");
      palette->separator = (GdkRGBA) { 1, 1, 1, 0.10 };
      palette->grid = (GdkRGBA) { 1, 1, 1, 0.05 };
      palette->grid_major = (GdkRGBA) { 1, 1, 1, 0.15 };
      palette->text = (GdkRGBA) { 1, 1, 1, 0.90 };
      palette->dim_text = (GdkRGBA) { 1, 1, 1, 0.42 };
      rgba_from_hex (&palette->accent, "#78aeed");
      rgba_from_hex (&palette->badge_text, "#1e1e1e");
      rgba_from_hex (&palette->neutral, "#c0bfbc");
      for (guint i = 0; i < LT_TIMELINE_N_CATEGORY_STYLES; i++)
        rgba_from_hex (&palette->categories[i], dark_categories[i]);
    }
}

/**
 * lt_timeline_category_get_shape:
 * @category: an index into lt_category_list_keys()
 *
 * Categories are told apart by shape as well as colour.
 *
 * Returns: the shape of the category's marks
 */
LtMarkShape
lt_timeline_category_get_shape (guint category)
{
  static const LtMarkShape shapes[] = {
    LT_MARK_SHAPE_CIRCLE,         /* protest */
    LT_MARK_SHAPE_TRIANGLE,       /* violence */
    LT_MARK_SHAPE_SQUARE,         /* detention */
    LT_MARK_SHAPE_DIAMOND,        /* prosecution */
    LT_MARK_SHAPE_HEXAGON,        /* statement */
    LT_MARK_SHAPE_TRIANGLE_DOWN,  /* diplomacy */
    LT_MARK_SHAPE_CROSS,          /* sanctions */
    LT_MARK_SHAPE_STAR,           /* war */
  };

  return shapes[category % G_N_ELEMENTS (shapes)];
}

static void
polygon (cairo_t *cr,
         double   cx,
         double   cy,
         double   r,
         guint    n,
         double   rotation)
{
  for (guint i = 0; i < n; i++)
    {
      double a = rotation + 2.0 * G_PI * i / n;

      if (i == 0)
        cairo_move_to (cr, cx + r * cos (a), cy + r * sin (a));
      else
        cairo_line_to (cr, cx + r * cos (a), cy + r * sin (a));
    }
  cairo_close_path (cr);
}

/**
 * lt_timeline_draw_shape:
 * @cr: a cairo context
 * @shape: the shape
 * @cx: the centre
 * @cy: the centre
 * @size: the width of the box the shape fills
 *
 * Adds the path of a mark shape to @cr (for the timeline, its legend and the export).
 */
void
lt_timeline_draw_shape (cairo_t     *cr,
                        LtMarkShape  shape,
                        double       cx,
                        double       cy,
                        double       size)
{
  double r = size / 2.0;

  switch (shape)
    {
    case LT_MARK_SHAPE_CIRCLE:
      cairo_new_sub_path (cr);
      cairo_arc (cr, cx, cy, r * 0.92, 0, 2 * G_PI);
      break;
    case LT_MARK_SHAPE_TRIANGLE:
      polygon (cr, cx, cy + r * 0.15, r * 1.1, 3, -G_PI / 2);
      break;
    case LT_MARK_SHAPE_TRIANGLE_DOWN:
      polygon (cr, cx, cy - r * 0.15, r * 1.1, 3, G_PI / 2);
      break;
    case LT_MARK_SHAPE_SQUARE:
      cairo_rectangle (cr, cx - r * 0.82, cy - r * 0.82, r * 1.64, r * 1.64);
      break;
    case LT_MARK_SHAPE_DIAMOND:
      polygon (cr, cx, cy, r * 1.1, 4, 0);
      break;
    case LT_MARK_SHAPE_HEXAGON:
      polygon (cr, cx, cy, r, 6, 0);
      break;
    case LT_MARK_SHAPE_CROSS:
      {
        double t = r * 0.38;

        cairo_move_to (cr, cx - t, cy - r);
        cairo_line_to (cr, cx + t, cy - r);
        cairo_line_to (cr, cx + t, cy - t);
        cairo_line_to (cr, cx + r, cy - t);
        cairo_line_to (cr, cx + r, cy + t);
        cairo_line_to (cr, cx + t, cy + t);
        cairo_line_to (cr, cx + t, cy + r);
        cairo_line_to (cr, cx - t, cy + r);
        cairo_line_to (cr, cx - t, cy + t);
        cairo_line_to (cr, cx - r, cy + t);
        cairo_line_to (cr, cx - r, cy - t);
        cairo_line_to (cr, cx - t, cy - t);
        cairo_close_path (cr);
      }
      break;
    case LT_MARK_SHAPE_STAR:
      for (guint i = 0; i < 10; i++)
        {
          double a = -G_PI / 2 + G_PI * i / 5;
          double rr = (i % 2 == 0) ? r * 1.12 : r * 0.5;

          if (i == 0)
            cairo_move_to (cr, cx + rr * cos (a), cy + rr * sin (a) + r * 0.08);
          else
            cairo_line_to (cr, cx + rr * cos (a), cy + rr * sin (a) + r * 0.08);
        }
      cairo_close_path (cr);
      break;
    default:
      cairo_rectangle (cr, cx - r, cy - r, size, size);
      break;
    }
}

/* Helpers */

static void
label_free (gpointer data)
{
  Label *label = data;

  g_clear_pointer (&label->title, g_free);
  g_clear_pointer (&label->date, g_free);
  g_clear_object (&label->layout);
  g_free (label);
}

static void
node_cache_clear (NodeCache *cache)
{
  g_clear_pointer (&cache->node, gsk_render_node_unref);
}

static void
invalidate (LtTimelinePainter *self)
{
  self->frame_valid = FALSE;
  g_signal_emit (self, signals[INVALIDATED], 0);
}

static void
invalidate_data (LtTimelinePainter *self)
{
  self->serial++;
  node_cache_clear (&self->density_cache);
  node_cache_clear (&self->overview_cache);
  node_cache_clear (&self->figures_cache);
  invalidate (self);
}

static const GdkRGBA *
category_color (LtTimelinePainter *self,
                guint              category)
{
  return &self->palette.categories[category % LT_TIMELINE_N_CATEGORY_STYLES];
}

static GdkRGBA
with_alpha (const GdkRGBA *c,
            double         alpha)
{
  GdkRGBA r = *c;

  r.alpha *= alpha;

  return r;
}

static const LtEventSpan *
get_span (LtTimelinePainter *self,
          guint32            i)
{
  return &g_array_index (self->spans, LtEventSpan, i);
}

static void
ensure_fonts (LtTimelinePainter *self,
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
  node_cache_clear (&self->axis_cache);
  node_cache_clear (&self->overview_cache);
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

typedef enum
{
  FONT_LABEL,
  FONT_SMALL,
  FONT_BOLD,
  FONT_SMALL_BOLD,
} FontKind;

static PangoLayout *
get_text_layout (LtTimelinePainter *self,
                 FontKind           font,
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
    case FONT_LABEL:
      pango_layout_set_font_description (layout, self->label_font);
      break;
    case FONT_SMALL:
      pango_layout_set_font_description (layout, self->small_font);
      break;
    case FONT_BOLD:
      pango_layout_set_font_description (layout, self->bold_font);
      break;
    case FONT_SMALL_BOLD:
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

static double
text_width (PangoLayout *layout)
{
  int w;

  pango_layout_get_pixel_size (layout, &w, NULL);

  return w;
}

static double
text_height (PangoLayout *layout)
{
  int h;

  pango_layout_get_pixel_size (layout, NULL, &h);

  return h;
}

static double
measure_tick_cb (const char *text,
                 gpointer    user_data)
{
  LtTimelinePainter *self = user_data;

  return text_width (get_text_layout (self, FONT_SMALL, text));
}

static Label *
lookup_label (LtTimelinePainter *self,
              guint32            span_index,
              gboolean           create)
{
  Label *label = g_hash_table_lookup (self->labels, GUINT_TO_POINTER (span_index + 1));
  const LtEventSpan *span;
  g_autoptr(LtEvent) event = NULL;
  const char *title;

  if (label != NULL || !create || self->store == NULL || self->pango == NULL || self->provisional)
    return label;

  if (g_hash_table_size (self->labels) >= MAX_CACHED_LABELS)
    g_hash_table_remove_all (self->labels);

  span = get_span (self, span_index);
  event = lt_store_lookup_event (self->store, span->id);
  label = g_new0 (Label, 1);
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
  pango_layout_set_ellipsize (label->layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_width (label->layout, (int) (MAX_LABEL_WIDTH * PANGO_SCALE));
  label->width = text_width (label->layout);

  g_hash_table_insert (self->labels, GUINT_TO_POINTER (span_index + 1), label);

  return label;
}

static double
measure_span_cb (guint32  span,
                 gpointer user_data)
{
  LtTimelinePainter *self = user_data;
  Label *label = lookup_label (self, span, FALSE);

  if (label == NULL)
    {
      /* An interactive frame looks up new titles for a bounded time, then leaves the rest
       * to the next frames */
      if (self->progressive &&
          (self->label_budget == 0 || g_get_monotonic_time () > self->layout_deadline))
        return -1.0;
      if (self->label_budget > 0)
        self->label_budget--;
      label = lookup_label (self, span, TRUE);
      if (label == NULL)
        return -1.0;
    }

  return label->width;
}

/* The badge shows the number; its label is the noun in the plural form for that number
 * ("4" "події"), so a frame of hundreds of different counts shapes only a few labels */
static const char *
count_noun (guint count)
{
  /* Translators: beside a count badge on the timeline, e.g. [4] events */
  return g_dngettext (GETTEXT_PACKAGE, "event", "events", count);
}

static double
measure_count_cb (guint    count,
                  gpointer user_data)
{
  LtTimelinePainter *self = user_data;

  return ceil (text_width (get_text_layout (self, FONT_SMALL, count_noun (count))));
}

/* Loading */


/* The figures of one event, put in place of what it had: the figures of a million events
 * are a query of their own (~0.1 s) */
static void
patch_figures (LtTimelinePainter *self,
               gint64             id,
               LtEvent           *event)
{
  GPtrArray *figures = event != NULL ? lt_event_get_figures (event) : NULL;
  gint32 day = event != NULL ? lt_event_get_start_day (event) : 0;

  if (self->figures == NULL || self->figures_pending || self->figures_kind == NULL)
    return;

  for (guint i = self->figures->len; i > 0; i--)
    if (g_array_index (self->figures, LtFigurePoint, i - 1).event_id == id)
      g_array_remove_index (self->figures, i - 1);

  /* the store's rule: a restricted event's figures never show */
  for (guint k = 0; figures != NULL && !lt_event_is_restricted (event) && k < figures->len; k++)
    {
      const LtFigure *f = g_ptr_array_index (figures, k);
      LtFigurePoint point = { id, day, f->value };
      guint lo = 0, hi = self->figures->len;

      if (g_strcmp0 (f->counts, self->figures_kind) != 0)
        continue;

      /* ordered by day, then event, then the event's own order */
      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;
          const LtFigurePoint *m = &g_array_index (self->figures, LtFigurePoint, mid);

          if (m->day < day || (m->day == day && m->event_id <= id))
            lo = mid + 1;
          else
            hi = mid;
        }
      g_array_insert_val (self->figures, lo, point);
    }

  self->figures_max = 0.0;
  for (guint i = 0; i < self->figures->len; i++)
    self->figures_max = MAX (self->figures_max, g_array_index (self->figures, LtFigurePoint, i).value);
  node_cache_clear (&self->figures_cache);
}

/* Saving one event of a million must not read the million again (~0.5 s in a thread): its
 * span is read alone and put in place. Only category lanes: the others hang on actors and
 * places, which an edit may change. */
static gboolean
patch_span (LtTimelinePainter *self,
            gint64             id,
            int                change)
{
  g_autoptr(LtEvent) event = NULL;
  g_autoptr(GArray) day = NULL;
  LtEventSpan span = { 0 };
  gboolean shown = FALSE;
  guint lo, hi;

  if (self->spans == NULL || self->model_dirty || self->provisional || self->job != NULL ||
      self->lane_mode != LT_LANE_MODE_CATEGORY ||
      (change != LT_CHANGE_ADDED && change != LT_CHANGE_UPDATED && change != LT_CHANGE_REMOVED))
    return FALSE;

  if (change != LT_CHANGE_REMOVED)
    {
      g_autoptr(LtEventFilter) filter = lt_event_filter_new ();

      if ((event = lt_store_lookup_event (self->store, id)) == NULL)
        return FALSE;
      /* the spans of its first day, with the store's own rules on what is shown */
      filter->include_restricted = self->include_restricted;
      lt_event_filter_set_window (filter, lt_event_get_start_day (event), lt_event_get_start_day (event));
      if ((day = lt_store_dup_event_spans (self->store, filter, NULL)) == NULL)
        return FALSE;
      for (guint i = 0; i < day->len && !shown; i++)
        if (g_array_index (day, LtEventSpan, i).id == id)
          {
            span = g_array_index (day, LtEventSpan, i);
            shown = TRUE;
          }
    }

  for (guint i = 0; i < self->spans->len; i++)
    if (g_array_index (self->spans, LtEventSpan, i).id == id)
      {
        LtEventSpan *old = &g_array_index (self->spans, LtEventSpan, i);

        /* a new title, summary, actors or sources: the same span, only its label is new */
        if (shown && memcmp (old, &span, sizeof span) == 0)
          {
            g_clear_pointer (&self->frame, lt_timeline_frame_free);
            self->frame_valid = FALSE;
            g_hash_table_remove (self->labels, GUINT_TO_POINTER (i + 1));
            patch_figures (self, id, event);
            return TRUE;
          }

        g_array_remove_index (self->spans, i);
        break;
      }

  if (shown)
    {
      /* after the spans of the same day, as the store orders them: by start day alone */
      lo = 0;
      hi = self->spans->len;
      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;

          if (g_array_index (self->spans, LtEventSpan, mid).start_day <= span.start_day)
            lo = mid + 1;
          else
            hi = mid;
        }
      g_array_insert_val (self->spans, lo, span);
    }

  /* the index, the last frame and the labels point into the spans by position */
  g_clear_pointer (&self->frame, lt_timeline_frame_free);
  self->frame_valid = FALSE;
  g_clear_pointer (&self->index, lt_timeline_index_unref);
  g_hash_table_remove_all (self->labels);
  self->index_dirty = TRUE;
  self->matches_dirty = TRUE;
  patch_figures (self, id, shown ? event : NULL);

  return TRUE;
}

static void
store_changed_cb (LtTimelinePainter *self,
                  const char        *table,
                  gint64             id,
                  int                change,
                  LtStore           *store)
{
  g_assert (LT_IS_TIMELINE_PAINTER (self));

  if (table != NULL && g_strcmp0 (table, "sources") == 0)
    return;

  if (g_strcmp0 (table, "events") != 0 || !patch_span (self, id, change))
    self->model_dirty = TRUE;
  invalidate_data (self);
}

/* Reading a million spans takes ~0.5 s: a file store's are read by a thread over its own
 * connection, while the first frames draw spans made from the per-day counts (~10 ms). The
 * main thread can wait for the job when it needs the real events (a click, a search). */
typedef struct _LoadJob
{
  gatomicrefcount ref_count;
  GMutex          mutex;
  GCond           cond;
  gboolean        done;
  gboolean        adopted;        /* main thread only */
  char           *path;
  gboolean        include_restricted;
  gboolean        read_only;      /* an export must not write, nor may its worker */
  GArray         *spans;
  GError         *error;
} LoadJob;

static LoadJob *
load_job_ref (LoadJob *job)
{
  g_atomic_ref_count_inc (&job->ref_count);
  return job;
}

static void
load_job_unref (gpointer data)
{
  LoadJob *job = data;

  if (!g_atomic_ref_count_dec (&job->ref_count))
    return;
  g_mutex_clear (&job->mutex);
  g_cond_clear (&job->cond);
  g_free (job->path);
  g_clear_pointer (&job->spans, g_array_unref);
  g_clear_error (&job->error);
  g_free (job);
}

static void
load_job_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  LoadJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LtStore) store = NULL;
  g_autoptr(GArray) spans = NULL;

  /* Thread workers own their SQLite connection */
  /* the page opened and checked the file already: the lighter check */
  /* The page's own connection checked this file when it was opened. */
  store = lt_store_open_full (job->path,
                              LT_STORE_OPEN_NO_CHECK |
                              (job->read_only ? LT_STORE_OPEN_READ_ONLY : 0),
                              &error);
  if (store != NULL)
    {
      g_autoptr(LtEventFilter) filter = lt_event_filter_new ();

      filter->include_restricted = job->include_restricted;
      spans = lt_store_dup_event_spans (store, filter, &error);
    }

  g_mutex_lock (&job->mutex);
  job->spans = g_steal_pointer (&spans);
  job->error = g_steal_pointer (&error);
  job->done = TRUE;
  g_cond_signal (&job->cond);
  g_mutex_unlock (&job->mutex);

  g_task_return_boolean (task, TRUE);
}

/* Spans standing for the events counted on each day, one point per event: what the lanes,
 * their density and the count badges of a zoomed-out frame need. Never labelled or clicked. */
static GArray *
dup_provisional_spans (LtTimelinePainter *self)
{
  g_autoptr(LtEventFilter) filter = lt_event_filter_new ();
  g_autoptr(GArray) counts = NULL;
  GArray *spans;
  guint n = 0;

  filter->include_restricted = self->include_restricted;
  counts = lt_store_dup_event_counts (self->store, filter, LT_BUCKET_DAY, NULL);
  if (counts == NULL)
    return NULL;

  for (guint i = 0; i < counts->len; i++)
    n += g_array_index (counts, LtBucketCount, i).count;
  spans = g_array_sized_new (FALSE, FALSE, sizeof (LtEventSpan), n);
  g_array_set_size (spans, n);
  n = 0;
  for (guint i = 0; i < counts->len; i++)
    {
      const LtBucketCount *bc = &g_array_index (counts, LtBucketCount, i);
      LtEventSpan span = { 0 };

      span.start_day = span.end_day = (gint32) bc->start_day;
      span.category = (guint16) bc->category;
      span.precision = LT_PRECISION_DAY;
      for (guint k = 0; k < bc->count; k++, n++)
        {
          span.id = -(gint64) n - 1;
          g_array_index (spans, LtEventSpan, n) = span;
        }
    }
  /* the counts come by day, then category: so do the spans, as the index wants them */

  return spans;
}

static void
adopt_spans (LtTimelinePainter *self,
             LoadJob           *job)
{
  job->adopted = TRUE;
  g_clear_pointer (&self->job, load_job_unref);
  self->provisional = FALSE;
  /* the last frame points into the made-up spans */
  g_clear_pointer (&self->frame, lt_timeline_frame_free);
  self->frame_valid = FALSE;
  g_clear_pointer (&self->spans, g_array_unref);
  g_hash_table_remove_all (self->labels);
  if (job->spans != NULL)
    self->spans = g_array_ref (job->spans);
  else
    {
      g_warning ("Could not read the events: %s", job->error ? job->error->message : "?");
      self->spans = g_array_new (FALSE, FALSE, sizeof (LtEventSpan));
    }
  self->index_dirty = TRUE;
  self->matches_dirty = TRUE;
  self->figures_pending = self->figures_kind != NULL;
}

static void
load_job_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  LtTimelinePainter *self = LT_TIMELINE_PAINTER (source);
  LoadJob *job = g_task_get_task_data (G_TASK (result));

  /* a job that was waited for, or replaced, is already dealt with */
  if (job->adopted || self->job != job)
    return;

  adopt_spans (self, job);
  invalidate_data (self);
  g_signal_emit (self, signals[LOADED], 0);
}

static gboolean
emit_loaded_idle (gpointer data)
{
  LtTimelinePainter *self = data;

  invalidate (self);
  g_signal_emit (self, signals[LOADED], 0);

  return G_SOURCE_REMOVE;
}

/* Waits for the thread, for what needs the real events */
static void
finish_loading (LtTimelinePainter *self)
{
  LoadJob *job = self->job;

  if (job == NULL)
    return;

  g_mutex_lock (&job->mutex);
  while (!job->done)
    g_cond_wait (&job->cond, &job->mutex);
  g_mutex_unlock (&job->mutex);

  load_job_ref (job);
  adopt_spans (self, job);
  load_job_unref (job);
  /* this may be in the middle of a frame: tell the owner when it is over */
  self->serial++;
  node_cache_clear (&self->density_cache);
  node_cache_clear (&self->overview_cache);
  node_cache_clear (&self->figures_cache);
  self->frame_valid = FALSE;
  g_idle_add_full (G_PRIORITY_DEFAULT, emit_loaded_idle, g_object_ref (self), g_object_unref);
}

static gboolean
start_loading (LtTimelinePainter *self)
{
  const char *path = lt_store_get_path (self->store);
  g_autoptr(GTask) task = NULL;
  g_autoptr(GArray) provisional = NULL;
  LoadJob *job;

  if (!self->load_async || self->lane_mode != LT_LANE_MODE_CATEGORY ||
      path == NULL || path[0] == '\0' || g_str_equal (path, ":memory:") ||
      g_str_has_prefix (path, "file:"))
    return FALSE;

  provisional = dup_provisional_spans (self);
  if (provisional == NULL)
    return FALSE;

  job = g_new0 (LoadJob, 1);
  g_atomic_ref_count_init (&job->ref_count);
  g_mutex_init (&job->mutex);
  g_cond_init (&job->cond);
  job->path = g_strdup (path);
  job->include_restricted = self->include_restricted;
  job->read_only = lt_store_is_read_only (self->store);
  self->job = job;
  self->spans = g_steal_pointer (&provisional);
  self->provisional = TRUE;
  self->figures_expected = self->figures_kind != NULL && lt_store_has_figures (self->store, self->figures_kind);

  task = g_task_new (self, NULL, load_job_done_cb, NULL);
  g_task_set_source_tag (task, start_loading);
  g_task_set_task_data (task, load_job_ref (job), load_job_unref);
  g_task_run_in_thread (task, load_job_thread);

  return TRUE;
}

static void
load_model (LtTimelinePainter *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LtEventFilter) filter = lt_event_filter_new ();

  self->model_dirty = FALSE;
  self->index_dirty = TRUE;
  self->matches_dirty = TRUE;
  g_clear_pointer (&self->spans, g_array_unref);
  g_clear_pointer (&self->pairs, g_array_unref);
  g_clear_pointer (&self->figures, g_array_unref);
  g_hash_table_remove_all (self->labels);
  g_hash_table_remove_all (self->actor_names);
  /* an older job's events are out of date: its result is dropped when it ends */
  g_clear_pointer (&self->job, load_job_unref);
  self->provisional = FALSE;

  if (self->store == NULL)
    {
      self->spans = g_array_new (FALSE, FALSE, sizeof (LtEventSpan));
      return;
    }

  if (start_loading (self))
    return;

  filter->include_restricted = self->include_restricted;
  self->spans = lt_store_dup_event_spans (self->store, filter, &error);
  if (self->spans == NULL)
    {
      g_warning ("Could not read the events: %s", error->message);
      self->spans = g_array_new (FALSE, FALSE, sizeof (LtEventSpan));
      g_clear_error (&error);
    }

  self->figures_pending = self->figures_kind != NULL;
}

static void
load_figures (LtTimelinePainter *self)
{
  g_autoptr(GError) error = NULL;

  self->figures_pending = FALSE;
  self->figures_max = 0.0;
  g_clear_pointer (&self->figures, g_array_unref);
  node_cache_clear (&self->figures_cache);

  if (self->figures_kind == NULL || self->store == NULL)
    return;

  self->figures = lt_store_dup_figures (self->store, self->figures_kind, &error);
  if (self->figures == NULL)
    {
      g_warning ("Could not read the figures: %s", error->message);
      return;
    }
  g_debug ("%u figures of %s", self->figures->len, self->figures_kind);

  /* Restricted events' figures stay out when their events do */
  if (!self->include_restricted)
    {
      guint lane, item;

      for (guint i = self->figures->len; i > 0; i--)
        if (!lt_timeline_index_find_event (self->index,
                                           g_array_index (self->figures, LtFigurePoint, i - 1).event_id,
                                           &lane, &item))
          g_array_remove_index (self->figures, i - 1);
    }

  for (guint i = 0; i < self->figures->len; i++)
    self->figures_max = MAX (self->figures_max,
                             g_array_index (self->figures, LtFigurePoint, i).value);
}

static void
ensure_pairs (LtTimelinePainter *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) pairs = NULL;
  g_autoptr(LtEventFilter) filter = lt_event_filter_new ();

  if (self->pairs != NULL || self->store == NULL)
    return;

  /* the links the reader may see: a restricted actor gets no lane */
  filter->include_restricted = self->include_restricted;
  self->pairs = g_array_new (FALSE, FALSE, sizeof (LtTimelinePair));
  pairs = lt_store_dup_event_actor_pairs (self->store, filter, &error);
  if (pairs == NULL)
    {
      g_warning ("Could not read the actors of events: %s", error->message);
      return;
    }

  g_array_set_size (self->pairs, pairs->len);
  for (guint i = 0; i < pairs->len; i++)
    {
      const LtEventActorPair *p = &g_array_index (pairs, LtEventActorPair, i);
      LtTimelinePair *q = &g_array_index (self->pairs, LtTimelinePair, i);

      q->event_id = p->event_id;
      q->actor_id = p->actor_id;
    }
}

static int
compare_ids (const void *a,
             const void *b)
{
  gint64 ia = *(const gint64 *) a;
  gint64 ib = *(const gint64 *) b;

  return ia < ib ? -1 : ia > ib;
}

/* An empty set of matches is a filter that matches nothing, not "no filter": the index reads
 * a NULL array as the latter, and an empty GArray's data is NULL. */
static void
set_index_matches (LtTimelinePainter *self,
                   GArray            *ids)
{
  static const gint64 none = 0;

  lt_timeline_index_set_matches (self->index,
                                 ids->len > 0 ? (const gint64 *) (gpointer) ids->data : &none,
                                 ids->len);
}

static void
ensure_index (LtTimelinePainter *self)
{
  if (self->model_dirty || self->spans == NULL)
    load_model (self);

  /* made-up spans match no search, and have no actors or places for other lanes */
  if (self->provisional &&
      (self->filter != NULL || self->match_ids != NULL || self->lane_mode != LT_LANE_MODE_CATEGORY))
    finish_loading (self);

  if (self->index_dirty || self->index == NULL)
    {
      /* the last frame points into the old spans and lanes */
      g_clear_pointer (&self->frame, lt_timeline_frame_free);
      self->frame_valid = FALSE;
      g_clear_pointer (&self->index, lt_timeline_index_unref);
      if (self->lane_mode == LT_LANE_MODE_ACTOR)
        ensure_pairs (self);
      self->index = lt_timeline_index_new (self->spans, self->lane_mode,
                                           self->pairs ? (const LtTimelinePair *) (gpointer) self->pairs->data : NULL,
                                           self->pairs ? self->pairs->len : 0,
                                           self->lane_mode == LT_LANE_MODE_CATEGORY ? 16 : 10);
      self->index_dirty = FALSE;
      self->matches_dirty = TRUE;
    }

  if (self->matches_dirty)
    {
      if (self->match_ids == NULL && self->filter != NULL)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(LtEventFilter) filter = lt_event_filter_copy (self->filter);
          g_autoptr(GArray) matched = NULL;

          filter->include_restricted = self->include_restricted;
          matched = lt_store_dup_event_spans (self->store, filter, &error);
          self->match_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
          if (matched == NULL)
            g_warning ("Could not filter the events: %s", error->message);
          else
            for (guint i = 0; i < matched->len; i++)
              g_array_append_val (self->match_ids, g_array_index (matched, LtEventSpan, i).id);
        }

      if (self->category_mask != G_MAXUINT32)
        {
          /* Categories are in the spans already: no query, a pass over them */
          g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
          g_autoptr(GArray) sorted = NULL;

          if (self->match_ids != NULL)
            {
              sorted = g_array_copy (self->match_ids);
              g_array_sort (sorted, compare_ids);
            }
          for (guint i = 0; i < self->spans->len; i++)
            {
              const LtEventSpan *span = get_span (self, i);

              if (span->category < 32 && !(self->category_mask & (1u << span->category)))
                continue;
              if (sorted != NULL &&
                  !bsearch (&span->id, sorted->data, sorted->len, sizeof (gint64), compare_ids))
                continue;
              g_array_append_val (ids, span->id);
            }
          set_index_matches (self, ids);
        }
      else if (self->match_ids != NULL)
        set_index_matches (self, self->match_ids);
      else
        lt_timeline_index_set_matches (self->index, NULL, 0);
      self->matches_dirty = FALSE;
    }
}

/**
 * lt_timeline_category_get_label:
 * @category: an index into lt_category_list_keys()
 *
 * Returns: the category's name in the UI language
 */
const char *
lt_timeline_category_get_label (guint category)
{
  const char * const *keys = lt_category_list_keys ();
  const char *label = NULL;

  if (category < g_strv_length ((char **) keys))
    label = lt_category_get_label (keys[category]);

  return label != NULL ? label : C_("timeline lane", "Other");
}

static const char *
lane_caption (LtTimelinePainter *self,
              guint              lane)
{
  gint64 key = lt_timeline_index_get_lane_key (self->index, lane);
  const char *text = NULL;

  if (key == LT_TIMELINE_LANE_OTHER)
    return C_("timeline lane", "Other");

  switch (self->lane_mode)
    {
    case LT_LANE_MODE_CATEGORY:
      text = lt_timeline_category_get_label ((guint) key);
      break;

    case LT_LANE_MODE_PLACE:
      {
        /* The store names places in English; an event of the lane names its place in the
         * UI language. Cached with the actor names, under negative keys. */
        gint64 cache_key = -2 - key;

        text = g_hash_table_lookup (self->actor_names, &cache_key);
        if (text == NULL && self->store != NULL)
          {
            GPtrArray *places = lt_store_get_places (self->store);
            const char *name = places != NULL && key >= 0 && key < places->len
                               ? g_ptr_array_index (places, key) : NULL;
            g_autoptr(LtEvent) event = NULL;
            gint64 *k = g_new (gint64, 1);

            if (lt_timeline_index_get_lane_n_items (self->index, lane) > 0)
              {
                guint32 span = lt_timeline_index_get_lane_items (self->index, lane)[0].span;

                event = lt_store_lookup_event (self->store, get_span (self, span)->id);
              }
            if (event != NULL && lt_event_get_place (event) != NULL && lt_event_get_place (event)[0] != '\0')
              name = lt_event_get_place (event);

            *k = cache_key;
            g_hash_table_insert (self->actor_names, k, g_strdup (name ? name : ""));
            text = g_hash_table_lookup (self->actor_names, &cache_key);
          }
      }
      break;

    case LT_LANE_MODE_ACTOR:
      text = g_hash_table_lookup (self->actor_names, &key);
      if (text == NULL && self->store != NULL)
        {
          g_autoptr(LtActor) actor = lt_store_lookup_actor (self->store, key);
          gint64 *k = g_new (gint64, 1);

          /* the store gives no lane to a hidden actor; should one come, it stays unnamed */
          if (!lt_store_is_visible (self->store, LT_RECORD_ACTOR, key, self->include_restricted))
            g_clear_object (&actor);
          *k = key;
          text = actor ? lt_actor_get_name (actor) : "";
          g_hash_table_insert (self->actor_names, k, g_strdup (text));
          text = g_hash_table_lookup (self->actor_names, &key);
        }
      break;

    default:
      break;
    }

  return text != NULL ? text : "";
}

static const GdkRGBA *
lane_color (LtTimelinePainter *self,
            guint              lane)
{
  gint64 key = lt_timeline_index_get_lane_key (self->index, lane);

  if (self->lane_mode == LT_LANE_MODE_CATEGORY && key >= 0)
    return category_color (self, (guint) key);

  return &self->palette.neutral;
}

/* GObject */

static void
lt_timeline_painter_dispose (GObject *object)
{
  LtTimelinePainter *self = (LtTimelinePainter *) object;

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_pointer (&self->job, load_job_unref);
  g_clear_object (&self->pango);
  node_cache_clear (&self->axis_cache);
  node_cache_clear (&self->density_cache);
  node_cache_clear (&self->overview_cache);
  node_cache_clear (&self->figures_cache);

  G_OBJECT_CLASS (lt_timeline_painter_parent_class)->dispose (object);
}

static void
lt_timeline_painter_finalize (GObject *object)
{
  LtTimelinePainter *self = (LtTimelinePainter *) object;

  g_clear_pointer (&self->frame, lt_timeline_frame_free);
  g_clear_pointer (&self->index, lt_timeline_index_unref);
  g_clear_pointer (&self->spans, g_array_unref);
  g_clear_pointer (&self->pairs, g_array_unref);
  g_clear_pointer (&self->figures, g_array_unref);
  g_clear_pointer (&self->match_ids, g_array_unref);
  g_clear_pointer (&self->filter, lt_event_filter_free);
  g_clear_pointer (&self->figures_kind, g_free);
  g_clear_pointer (&self->labels, g_hash_table_unref);
  for (guint i = 0; i < G_N_ELEMENTS (self->texts); i++)
    g_clear_pointer (&self->texts[i], g_hash_table_unref);

  g_clear_pointer (&self->actor_names, g_hash_table_unref);
  g_clear_pointer (&self->label_font, pango_font_description_free);
  g_clear_pointer (&self->small_font, pango_font_description_free);
  g_clear_pointer (&self->bold_font, pango_font_description_free);

  G_OBJECT_CLASS (lt_timeline_painter_parent_class)->finalize (object);
}

static void
lt_timeline_painter_class_init (LtTimelinePainterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lt_timeline_painter_dispose;
  object_class->finalize = lt_timeline_painter_finalize;

  /**
   * LtTimelinePainter::invalidated:
   *
   * Emitted when what the painter would draw changed: the owner should draw again.
   */
  signals[INVALIDATED] = g_signal_new ("invalidated",
                                       G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 0);

  /**
   * LtTimelinePainter::loaded:
   *
   * Emitted when the events read in a thread replaced the counts the first frames were
   * drawn from (see [method@TimelinePainter.set_load_async]).
   */
  signals[LOADED] = g_signal_new ("loaded",
                                  G_TYPE_FROM_CLASS (klass),
                                  G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 0);

  g_type_ensure (GSK_TYPE_COLOR_NODE);
}

static void
lt_timeline_painter_init (LtTimelinePainter *self)
{
  self->labels = g_hash_table_new_full (NULL, NULL, NULL, label_free);
  for (guint i = 0; i < G_N_ELEMENTS (self->texts); i++)
    self->texts[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  self->actor_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->include_restricted = TRUE;
  self->category_mask = G_MAXUINT32;
  self->show_overview = TRUE;
  self->model_dirty = TRUE;
  self->scale.start = lt_days_from_ymd (2020, 1, 1);
  self->scale.px_per_day = 1.0;
  self->scale.width = 1.0;
  self->window_start = lt_days_from_ymd (2020, 1, 1);
  self->window_end = lt_days_from_ymd (2025, 1, 1);
  self->window_pending = TRUE;
  lt_timeline_palette_init (&self->palette, FALSE);
}

/* Public API */

/**
 * lt_timeline_painter_new:
 *
 * Returns: (transfer full): a painter with no store
 */
LtTimelinePainter *
lt_timeline_painter_new (void)
{
  return g_object_new (LT_TYPE_TIMELINE_PAINTER, NULL);
}

/**
 * lt_timeline_painter_set_store:
 * @self: a painter
 * @store: (nullable): the store to draw
 *
 * Draws the events of @store; the painter follows its changes.
 */
void
lt_timeline_painter_set_store (LtTimelinePainter *self,
                               LtStore           *store)
{
  g_return_if_fail (LT_IS_TIMELINE_PAINTER (self));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_set_object (&self->store, store);
  if (store != NULL)
    self->changed_id = g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb),
                                                self,
                                                G_CONNECT_SWAPPED);

  g_clear_pointer (&self->match_ids, g_array_unref);
  self->model_dirty = TRUE;
  invalidate_data (self);
}

/**
 * lt_timeline_painter_get_store:
 * @self: a painter
 *
 * Returns: (transfer none) (nullable): the store
 */
LtStore *
lt_timeline_painter_get_store (LtTimelinePainter *self)
{
  g_return_val_if_fail (LT_IS_TIMELINE_PAINTER (self), NULL);

  return self->store;
}

/**
 * lt_timeline_painter_set_include_restricted:
 * @self: a painter
 * @include_restricted: whether restricted records are drawn
 *
 * Exports leave restricted records out unless asked; the window shows them.
 */
void
lt_timeline_painter_set_include_restricted (LtTimelinePainter *self,
                                            gboolean           include_restricted)
{
  g_return_if_fail (LT_IS_TIMELINE_PAINTER (self));

  include_restricted = !!include_restricted;
  if (self->include_restricted == include_restricted)
    return;

  self->include_restricted = include_restricted;
  g_clear_pointer (&self->match_ids, g_array_unref);
  self->model_dirty = TRUE;
  invalidate_data (self);
}

static void
apply_scale (LtTimelinePainter *self)
{
  double first, end;

  if (lt_timeline_painter_get_extent (self, &first, &end))
    lt_time_scale_clamp (&self->scale, first, end);
  invalidate (self);
}

/**
 * lt_timeline_painter_set_window:
 * @self: a painter
 * @start_day: the first day to show
 * @end_day: the day at the right edge
 *
 * Shows a window of time; it is fitted to the width at the next layout.
 */
void
lt_timeline_painter_set_window (LtTimelinePainter *self,
                                double             start_day,
                                double             end_day)
{
  g_return_if_fail (LT_IS_TIMELINE_PAINTER (self));

  if (!isfinite (start_day) || !isfinite (end_day))
    return;

  self->window_start = start_day;
  self->window_end = MAX (end_day, start_day + 1.0 / 1440.0);
  self->window_pending = TRUE;
  if (self->width > 0)
    {
      self->scale.width = self->width;
      lt_time_scale_set_window (&self->scale, self->window_start, self->window_end);
      self->window_pending = FALSE;
    }
  invalidate (self);
}

/**
 * lt_timeline_painter_get_window:
 * @self: a painter
 * @start_day: (out) (optional): the first day shown
 * @end_day: (out) (optional): the day at the right edge
 */
void
lt_timeline_painter_get_window (LtTimelinePainter *self,
                                double            *start_day,
                                double            *end_day)
{
  g_return_if_fail (LT_IS_TIMELINE_PAINTER (self));

  if (self->window_pending)
    {
      if (start_day)
        *start_day = self->window_start;
      if (end_day)
        *end_day = self->window_end;
      return;
    }

  if (start_day)
    *start_day = self->scale.start;
  if (end_day)
    *end_day = lt_time_scale_get_end (&self->scale);
}

/**
 * lt_timeline_painter_get_scale:
 * @self: a painter
 *
 * Returns: (transfer none): the time scale of the last layout
 */
const LtTimeScale *
lt_timeline_painter_get_scale (LtTimelinePainter *self)
{
  g_return_val_if_fail (LT_IS_TIMELINE_PAINTER (self), NULL);

  return &self->scale;
}

/**
 * lt_timeline_painter_set_scale:
 * @self: a painter
 * @start_day: the day at the left edge
 * @px_per_day: the zoom
 *
 * Sets the time scale, kept within the zoom bounds and near the data.
 */
void
lt_timeline_painter_set_scale (LtTimelinePainter *self,
                               double             start_day,
                               double             px_per_day)
{
  g_return_if_fail (LT_IS_TIMELINE_PAINTER (self));

  if (!isfinite (start_day) || !isfinite (px_per_day) || px_per_day <= 0.0)
    return;

  self->window_pending = FALSE;
  self->scale.start = start_day;
  self->scale.px_per_day = CLAMP (px_per_day, 1e-6, LT_TIME_SCALE_MAX_PX_PER_DAY);
  apply_scale (self);
}

/**
 * lt_timeline_painter_pan:
 * @self: a painter
 * @dx: pixels to move the content by (positive shows earlier days)
 */
void
lt_timeline_painter_pan (LtTimelinePainter *self,
                         double             dx)
{
  g_return_if_fail (LT_IS_TIMELINE_PAINTER (self));

  if (!isfinite (dx))
    return;

  self->window_pending = FALSE;
  self->scale.start -= dx / self->scale.px_per_day;
  apply_scale (self);
}

/**
 * lt_timeline_painter_zoom_at:
 * @self: a painter
 * @factor: > 1 zooms in
 * @x: the coordinate that stays put
 */
void
lt_timeline_painter_zoom_at (LtTimelinePainter *self,
                             double             factor,
                             double             x)
{
  g_return_if_fail (LT_IS_TIMELINE_PAINTER (self));

  self->window_pending = FALSE;
  lt_time_scale_zoom_at (&self->scale, factor, x);
  apply_scale (self);
}

/**
 * lt_timeline_painter_get_extent:
 * @self: a painter
 * @first_day: (out): the first day of the data
 * @end_day: (out): the day after the last day of the data
 *
 * Returns: %FALSE if there is nothing to show
 */
gboolean
lt_timeline_painter_get_extent (LtTimelinePainter *self,
                                double            *first_day,
                                double            *end_day)
{
  gint64 first, last;

  g_return_val_if_fail (LT_IS_TIMELINE_PAINTER (self), FALSE);

  /* while loading, the days of the counts: the view fits again once the events are in */
  ensure_index (self);
  if (!lt_timeline_index_get_extent (self->index, &first, &last))
    return FALSE;

  *first_day = first;
  *end_day = last + 1;

  return TRUE;
}

/**
 * lt_timeline_painter_zoom_to_fit:
 * @self: a painter
 *
 * Shows all the events, with a little room on each side.
 */
void
lt_timeline_painter_zoom_to_fit (LtTimelinePainter *self)
{
  double first, end, pad;

  g_return_if_fail (LT_IS_TIMELINE_PAINTER (self));

  if (!lt_timeline_painter_get_extent (self, &first, &end))
    return;

  pad = MAX ((end - first) * 0.03, 1.0);
  lt_timeline_painter_set_window (self, first - pad, end + pad);
}

/**
 * lt_timeline_painter_set_filter:
 * @self: a painter
 * @filter: (nullable): the filter, or %NULL for none
 *
 * Events that do not match are dimmed, or hidden (see
 * [method@TimelinePainter.set_hide_unmatched]). The filter's window is ignored.
 */
void
lt_timeline_painter_set_filter (LtTimelinePainter   *self,
                                const LtEventFilter *filter)
{
  g_return_if_fail (LT_IS_TIMELINE_PAINTER (self));

  g_clear_pointer (&self->filter, lt_event_filter_free);
  g_clear_pointer (&self->match_ids, g_array_unref);
  if (filter != NULL)
    {
      self->filter = lt_event_filter_copy (filter);
      self->filter->has_window = FALSE;
    }
  self->matches_dirty = TRUE;
  invalidate_data (self);
}

/**
 * lt_timeline_painter_set_matches:
 * @self: a painter
 * @event_ids: (nullable) (element-type gint64): the events that match, or %NULL
 *
 * Sets the matching events directly (e.g. from a search ranked elsewhere).
 */
void
lt_timeline_painter_set_matches (LtTimelinePainter *self,
                                 GArray            *event_ids)
{
  g_return_if_fail (LT_IS_TIMELINE_PAINTER (self));

  g_clear_pointer (&self->filter, lt_event_filter_free);
  g_clear_pointer (&self->match_ids, g_array_unref);
  if (event_ids != NULL)
    {
      self->match_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), event_ids->len);
      g_array_append_vals (self->match_ids, event_ids->data, event_ids->len);
    }
  self->matches_dirty = TRUE;
  invalidate_data (self);
}

/**
 * lt_timeline_painter_set_categories:
 * @self: a painter
 * @keys: (nullable) (array zero-terminated=1): the category keys that match, or %NULL for all
 *
 * Filters by category without asking the store: the categories are in the spans. Combines
 * with [method@TimelinePainter.set_matches] (an event must pass both).
 */
void
lt_timeline_painter_set_categories (LtTimelinePainter  *self,
                                    const char * const *keys)
{
  guint32 mask = G_MAXUINT32;

  g_return_if_fail (LT_IS_TIMELINE_PAINTER (self));

  if (keys != NULL)
    {
      mask = 0;
      for (guint i = 0; keys[i] != NULL; i++)
        {
          int c = lt_category_get_index (keys[i]);

          if (c >= 0 && c < 32)
            mask |= 1u << c;
        }
    }

  if (mask == self->category_mask)
    return;

  self->category_mask = mask;
  self->matches_dirty = TRUE;
  invalidate_data (self);
}

/**
 * lt_timeline_painter_set_hide_unmatched:
 * @self: a painter
 * @hide_unmatched: hide rather than dim what does not match
 */
void
lt_timeline_painter_set_hide_unmatched (LtTimelinePainter *self,
                                        gboolean           hide_unmatched)
{
  g_return_if_fail (LT_IS_TIMELINE_PAINTER (self));

  if (self->hide_unmatched == !!hide_unmatched)
    return;

  self->hide_unmatched = !!hide_unmatched;
  invalidate_data (self);
}

/**
 * lt_timeline_painter_get_n_matched:
 * @self: a painter
 *
 * Returns: how many events match the filter (all of them without one)
 */
guint
lt_timeline_painter_get_n_matched (LtTimelinePainter *self)
{
  g_return_val_if_fail (LT_IS_TIMELINE_PAINTER (self), 0);

  ensure_index (self);

  return lt_timeline_index_get_n_matched (self->index);
}

/**
 * lt_timeline_painter_get_n_events:
 * @self: a painter
 *
 * Returns: how many events there are
 */
guint
lt_timeline_painter_get_n_events (LtTimelinePainter *self)
{
  g_return_val_if_fail (LT_IS_TIMELINE_PAINTER (self), 0);

  ensure_index (self);

  return self->spans->len;
}

/**
 * lt_timeline_painter_set_lane_mode:
 * @self: a painter
 * @mode: lanes by category, actor or place
 */
void
lt_timeline_painter_set_lane_mode (LtTimelinePainter *self,
                                   LtLaneMode         mode)
{
  g_return_if_fail (LT_IS_TIMELINE_PAINTER (self));

  if (self->lane_mode == mode)
    return;

  self->lane_mode = mode;
  self->index_dirty = TRUE;
  invalidate_data (self);
}

/**
 * lt_timeline_painter_get_lane_mode:
 * @self: a painter
 *
 * Returns: the lane mode
 */
LtLaneMode
lt_timeline_painter_get_lane_mode (LtTimelinePainter *self)
{
  g_return_val_if_fail (LT_IS_TIMELINE_PAINTER (self), LT_LANE_MODE_CATEGORY);

  return self->lane_mode;
}

/**
 * lt_timeline_painter_set_palette:
 * @self: a painter
 * @palette: the colours
 */
void
lt_timeline_painter_set_palette (LtTimelinePainter       *self,
                                 const LtTimelinePalette *palette)
{
  g_return_if_fail (LT_IS_TIMELINE_PAINTER (self));
  g_return_if_fail (palette != NULL);

  if (memcmp (&self->palette, palette, sizeof *palette) == 0)
    return;

  self->palette = *palette;
  node_cache_clear (&self->axis_cache);
  invalidate_data (self);
}

/**
 * lt_timeline_painter_set_selected:
 * @self: a painter
 * @event_id: the selected event, or 0
 */
void
lt_timeline_painter_set_selected (LtTimelinePainter *self,
                                  gint64             event_id)
{
  g_return_if_fail (LT_IS_TIMELINE_PAINTER (self));

  if (self->selected_id == event_id)
    return;

  self->selected_id = event_id;
  invalidate (self);
}

/**
 * lt_timeline_painter_set_hover:
 * @self: a painter
 * @event_id: the event under the pointer, or 0
 */
void
lt_timeline_painter_set_hover (LtTimelinePainter *self,
                               gint64             event_id)
{
  g_return_if_fail (LT_IS_TIMELINE_PAINTER (self));

  if (self->hover_id == event_id)
    return;

  self->hover_id = event_id;
  g_signal_emit (self, signals[INVALIDATED], 0);
}

/**
 * lt_timeline_painter_set_show_overview:
 * @self: a painter
 * @show_overview: whether to draw the overview strip under the lanes
 */
void
lt_timeline_painter_set_show_overview (LtTimelinePainter *self,
                                       gboolean           show_overview)
{
  g_return_if_fail (LT_IS_TIMELINE_PAINTER (self));

  self->show_overview = !!show_overview;
  node_cache_clear (&self->axis_cache);
  invalidate_data (self);
}

/**
 * lt_timeline_painter_set_figures:
 * @self: a painter
 * @counts: (nullable): the figure kind to plot in a band (e.g. "political-prisoners"),
 *   or %NULL for no band
 */
void
lt_timeline_painter_set_figures (LtTimelinePainter *self,
                                 const char        *counts)
{
  g_return_if_fail (LT_IS_TIMELINE_PAINTER (self));

  if (g_strcmp0 (self->figures_kind, counts) == 0)
    return;

  g_free (self->figures_kind);
  self->figures_kind = g_strdup (counts);
  g_clear_pointer (&self->figures, g_array_unref);
  self->figures_pending = counts != NULL;
  self->figures_expected = counts != NULL && self->store != NULL && self->provisional
                           && lt_store_has_figures (self->store, counts);
  node_cache_clear (&self->axis_cache);
  invalidate_data (self);
}

/**
 * lt_timeline_painter_set_progressive:
 * @self: a painter
 * @progressive: whether a frame may leave labels for later frames
 *
 * An interactive view looks up a bounded number of new titles per frame and draws again
 * (see [method@TimelinePainter.needs_more_frames]); an export wants every label at once.
 */
void
lt_timeline_painter_set_progressive (LtTimelinePainter *self,
                                     gboolean           progressive)
{
  g_return_if_fail (LT_IS_TIMELINE_PAINTER (self));

  self->progressive = !!progressive;
}

/**
 * lt_timeline_painter_set_load_async:
 * @self: a painter
 * @load_async: whether to read the events of a file store in a thread
 *
 * An interactive view draws its first frames at once from the per-day counts of events and
 * reads the events themselves in a thread, over a connection of its own; the painter emits
 * #LtTimelinePainter::loaded and draws again when they are in. Hit-testing and the other
 * questions about events wait for them. In-memory stores are always read at once.
 */
void
lt_timeline_painter_set_load_async (LtTimelinePainter *self,
                                    gboolean           load_async)
{
  g_return_if_fail (LT_IS_TIMELINE_PAINTER (self));

  self->load_async = !!load_async;
}

/**
 * lt_timeline_painter_is_loading:
 * @self: a painter
 *
 * Returns: %TRUE while the frames are drawn from counts and the events are being read
 */
gboolean
lt_timeline_painter_is_loading (LtTimelinePainter *self)
{
  g_return_val_if_fail (LT_IS_TIMELINE_PAINTER (self), FALSE);

  return self->provisional;
}

/**
 * lt_timeline_painter_finish_loading:
 * @self: a painter
 *
 * Waits for the events being read in a thread, if any, and uses them.
 */
void
lt_timeline_painter_finish_loading (LtTimelinePainter *self)
{
  g_return_if_fail (LT_IS_TIMELINE_PAINTER (self));

  if (self->model_dirty || self->spans == NULL)
    load_model (self);
  finish_loading (self);
}

/* What is hit-tested must be the real events: wait for them, and lay them out again */
static void
ensure_real_frame (LtTimelinePainter *self)
{
  if (!self->provisional)
    return;

  finish_loading (self);
  if (self->pango != NULL && self->width > 0 && self->height > 0)
    lt_timeline_painter_layout (self, self->pango, self->width, self->height);
}

/**
 * lt_timeline_painter_layout:
 * @self: a painter
 * @pango: the context to measure text with
 * @width: the width of the drawing
 * @height: its height
 *
 * Lays out a frame if anything changed since the last one. Painting does this itself; call it
 * to hit-test or place child widgets before painting.
 */
void
lt_timeline_painter_layout (LtTimelinePainter *self,
                            PangoContext      *pango,
                            int                width,
                            int                height)
{
  LtFrameParams params = { { 0 } };
  double bottom;

  g_return_if_fail (LT_IS_TIMELINE_PAINTER (self));
  g_return_if_fail (PANGO_IS_CONTEXT (pango));

  ensure_fonts (self, pango);
  ensure_index (self);
  /* Read with the events: deferring it to the second frame saved the first frame ~80 ms
   * at a million events, but made the second one hitch as long */
  if (self->figures_pending && !self->provisional)
    {
      load_figures (self);
      self->frame_valid = FALSE;
    }

  if (width != self->width || height != self->height)
    {
      self->frame_valid = FALSE;
      node_cache_clear (&self->axis_cache);
      node_cache_clear (&self->density_cache);
      node_cache_clear (&self->overview_cache);
      node_cache_clear (&self->figures_cache);
    }
  self->width = width;
  self->height = height;
  self->scale.width = MAX (width, 1);

  if (self->window_pending && width > 0)
    {
      lt_time_scale_set_window (&self->scale, self->window_start, self->window_end);
      self->window_pending = FALSE;
      self->frame_valid = FALSE;
    }

  if (self->frame_valid && self->frame != NULL && !(self->frame->incomplete && self->progressive))
    return;

  bottom = height;
  self->overview_h = self->show_overview && height > 200 ? OVERVIEW_HEIGHT : 0.0;
  self->overview_y = bottom - self->overview_h;
  bottom -= self->overview_h;
  self->figures_h = self->figures != NULL && self->figures->len > 0 && height > 260 ? FIGURES_HEIGHT : 0.0;
  self->figures_y = bottom - self->figures_h;
  bottom -= self->figures_h;
  /* the figures are read with the events: until then their band is kept empty, so that the
   * lanes do not jump when it comes */
  if (self->figures_h == 0 && self->provisional && self->figures_pending && self->figures_expected
      && height > 260)
    bottom -= FIGURES_HEIGHT;
  self->lanes_y = AXIS_HEIGHT;
  self->lanes_h = MAX (bottom - AXIS_HEIGHT, 0.0);

  params.scale = self->scale;
  params.top = self->lanes_y;
  params.height = self->lanes_h;
  params.row_height = ROW_HEIGHT;
  params.cell_width = CELL_WIDTH;
  params.mark_size = MARK_SIZE;
  params.max_label_width = MAX_LABEL_WIDTH;
  params.selected_id = self->selected_id;
  params.hide_unmatched = self->hide_unmatched;
  params.measure_span = measure_span_cb;
  params.measure_count = measure_count_cb;
  params.user_data = self;

  self->label_budget = self->progressive ? LABEL_BUDGET : G_MAXUINT;
  self->layout_deadline = g_get_monotonic_time () + LABEL_TIME_BUDGET_USEC;
  g_clear_pointer (&self->frame, lt_timeline_frame_free);
  self->frame = lt_timeline_frame_build (self->index, &params);
  self->frame_valid = TRUE;
}

/**
 * lt_timeline_painter_needs_more_frames:
 * @self: a painter
 *
 * Returns: %TRUE if the last frame left labels to measure: draw again soon
 */
gboolean
lt_timeline_painter_needs_more_frames (LtTimelinePainter *self)
{
  g_return_val_if_fail (LT_IS_TIMELINE_PAINTER (self), FALSE);

  return (self->frame != NULL && self->frame->incomplete) ||
         (self->figures_pending && !self->provisional);
}

/* Drawing */

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

static void
append_text (GtkSnapshot   *snapshot,
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

static void
rounded_rect_path (cairo_t *cr,
                   double   x,
                   double   y,
                   double   w,
                   double   h,
                   double   r)
{
  r = MIN (r, MIN (w, h) / 2.0);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static GskRenderNode *
build_axis_node (LtTimelinePainter *self,
                 double             lo,
                 double             hi)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GArray) ticks = NULL;
  LtTickStep minor, major;
  double ppd = self->scale.px_per_day;
  double grid_bottom = self->figures_y + self->figures_h;
  double w = (hi - lo) * ppd;

  ticks = lt_timeline_ticks_compute (lo, hi, ppd, measure_tick_cb, self, &minor, &major);

  gtk_snapshot_append_color (snapshot, &self->palette.axis_background,
                             &GRAPHENE_RECT_INIT (0, 0, w, AXIS_HEIGHT));
  gtk_snapshot_append_color (snapshot, &self->palette.separator,
                             &GRAPHENE_RECT_INIT (0, AXIS_HEIGHT - 1, w, 1));

  for (guint i = 0; i < ticks->len; i++)
    {
      const LtTimelineTick *tick = &g_array_index (ticks, LtTimelineTick, i);
      double x = floor ((tick->day - lo) * ppd) + 0.0;

      if (x < -1 || x > w + 1)
        continue;

      if (tick->major)
        {
          gtk_snapshot_append_color (snapshot, &self->palette.grid_major,
                                     &GRAPHENE_RECT_INIT (x, 4, 1, grid_bottom - 4));
          continue;
        }

      gtk_snapshot_append_color (snapshot, &self->palette.grid,
                                 &GRAPHENE_RECT_INIT (x, AXIS_HEIGHT, 1,
                                                      grid_bottom - AXIS_HEIGHT));
      gtk_snapshot_append_color (snapshot, &self->palette.grid_major,
                                 &GRAPHENE_RECT_INIT (x, AXIS_HEIGHT - 7, 1, 6));
      if (tick->label != NULL)
        {
          PangoLayout *layout = get_text_layout (self, FONT_SMALL, tick->label);

          append_text (snapshot, layout, x + 4, AXIS_HEIGHT - 5 - text_height (layout),
                       &self->palette.dim_text);
        }
    }

  return gtk_snapshot_free_to_node (snapshot);
}

static void
draw_major_labels (LtTimelinePainter *self,
                   GtkSnapshot       *snapshot)
{
  g_autoptr(GArray) majors = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ticks = NULL;
  LtTickStep minor, major;
  double end = lt_time_scale_get_end (&self->scale);
  const char *last_label = NULL;
  double labels_end = 0.0;

  /* Only the context row is rebuilt every frame: a few labels, kept at the left edge the way
   * sticky headers are, and pushed away by the next one. */
  ticks = lt_timeline_ticks_compute (self->scale.start, end, self->scale.px_per_day,
                                     measure_tick_cb, self, &minor, &major);

  for (guint i = 0; i < ticks->len; i++)
    {
      const LtTimelineTick *tick = &g_array_index (ticks, LtTimelineTick, i);
      const LtTimelineTick *next = NULL;
      PangoLayout *layout;
      double x;
      double w;

      if (!tick->major || tick->label == NULL)
        continue;
      for (guint j = i + 1; j < ticks->len && next == NULL; j++)
        if (g_array_index (ticks, LtTimelineTick, j).major)
          next = &g_array_index (ticks, LtTimelineTick, j);

      layout = get_text_layout (self, FONT_SMALL_BOLD, tick->label);
      w = text_width (layout);
      x = MAX (lt_time_scale_day_to_x (&self->scale, tick->day) + 4, 8);
      if (next != NULL)
        x = MIN (x, lt_time_scale_day_to_x (&self->scale, next->day) - w - 8);
      if (x + w < 0 || x > self->width)
        continue;
      append_text (snapshot, layout, x, 5, &self->palette.text);
      labels_end = MAX (labels_end, x + w);
      last_label = tick->label;
    }

  /* Zoomed into hours, say why a day's events sit where they do: at the right end of the row,
   * in the room the labels leave. The sentence is longer in some languages (Belarusian) than
   * that room, so it is shortened with an ellipsis rather than drawn over the day's label. */
  if (self->scale.px_per_day >= 400.0 && self->width > 500)
    {
      PangoLayout *note = get_text_layout (self, FONT_SMALL,
                                           _("Times of day are not recorded: a day’s events are spread over it"));
      double room = self->width - 8 - (labels_end + 24);

      pango_layout_set_ellipsize (note, PANGO_ELLIPSIZE_NONE);
      pango_layout_set_width (note, -1);
      if (room >= 120)
        {
          if (text_width (note) > room)
            {
              pango_layout_set_ellipsize (note, PANGO_ELLIPSIZE_END);
              pango_layout_set_width (note, (int) (room * PANGO_SCALE));
            }
          append_text (snapshot, note, self->width - text_width (note) - 8, 5, &self->palette.dim_text);
        }
    }

  /* Years need no context row; show the range instead so the row is not empty */
  if (last_label == NULL && major.unit == LT_TICK_UNIT_NONE && minor.unit == LT_TICK_UNIT_YEAR)
    {
      g_autofree char *a = lt_timeline_format_day (self->scale.start, "%Y");
      g_autofree char *b = lt_timeline_format_day (end, "%Y");
      g_autofree char *text = g_strdup_printf ("%s – %s", a, b);

      append_text (snapshot, get_text_layout (self, FONT_SMALL_BOLD, text), 8, 5,
                   &self->palette.text);
    }
}

static GskRenderNode *
build_density_node (LtTimelinePainter *self,
                    double             lo,
                    double             hi)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  guint n_lanes = lt_timeline_index_get_n_lanes (self->index);
  double ppd = self->scale.px_per_day;
  double w = (hi - lo) * ppd;
  guint n_cols = (guint) ceil (w / DENSITY_COLUMN);
  double lane_h = n_lanes ? self->lanes_h / n_lanes : 0;
  g_autofree guint *counts = g_new0 (guint, n_cols * MAX (n_lanes, 1));
  double col_days = DENSITY_COLUMN / ppd;
  double c0 = floor (lo / col_days);
  guint max_count = 0;
  gboolean matched_only = self->hide_unmatched && lt_timeline_index_has_filter (self->index);
  cairo_t *cr;

  for (guint lane = 0; lane < n_lanes; lane++)
    {
      if (lane % 2 == 1)
        gtk_snapshot_append_color (snapshot, &self->palette.lane_alt,
                                   &GRAPHENE_RECT_INIT (0, self->lanes_y + lane * lane_h, w,
                                                        lane_h));
      for (guint c = 0; c < n_cols; c++)
        {
          guint n = lt_timeline_index_count (self->index, lane, (c0 + c) * col_days,
                                             (c0 + c + 1) * col_days, matched_only);

          counts[lane * n_cols + c] = n;
          max_count = MAX (max_count, n);
        }
    }

  /* The density of each lane, as a soft area under its rows: what a zoomed-out view shows
   * where there are too many events to draw one by one. */
  if (max_count > 0 && n_cols > 0)
    {
      double top = self->lanes_y;

      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, top, w, self->lanes_h));
      for (guint lane = 0; lane < n_lanes; lane++)
        {
          GdkRGBA color = with_alpha (lane_color (self, lane), self->palette.dark ? 0.30 : 0.20);
          double base = top + (lane + 1) * lane_h - 1;
          double amp = lane_h - 6;
          gboolean any = FALSE;

          cairo_move_to (cr, 0, base);
          for (guint c = 0; c < n_cols; c++)
            {
              guint n = counts[lane * n_cols + c];
              double h = n > 0 ? amp * sqrt ((double) n / max_count) : 0.0;

              h = n > 0 ? MAX (h, 2.0) : 0.0;
              any = any || n > 0;
              cairo_line_to (cr, (c0 + c) * DENSITY_COLUMN - lo * ppd, base - h);
              cairo_line_to (cr, (c0 + c + 1) * DENSITY_COLUMN - lo * ppd, base - h);
            }
          cairo_line_to (cr, w, base);
          cairo_close_path (cr);
          if (any)
            {
              gdk_cairo_set_source_rgba (cr, &color);
              cairo_fill (cr);
            }
          else
            cairo_new_path (cr);
        }
      cairo_destroy (cr);
    }

  return gtk_snapshot_free_to_node (snapshot);
}

static void
draw_cached (LtTimelinePainter *self,
             GtkSnapshot       *snapshot,
             NodeCache         *cache,
             GskRenderNode   *(*build) (LtTimelinePainter *, double, double))
{
  double start = self->scale.start;
  double end = lt_time_scale_get_end (&self->scale);
  double span = end - start;
  double margin;
  gboolean zooming = cache->px_per_day != self->scale.px_per_day;

  /* A node covers three screens at one zoom; panning within it only translates it */
  if (cache->node == NULL || zooming ||
      cache->width != self->width || cache->height != self->height ||
      cache->serial != self->serial || start < cache->lo || end > cache->hi)
    {
      node_cache_clear (cache);
      cache->px_per_day = self->scale.px_per_day;
      cache->width = self->width;
      cache->height = self->height;
      cache->serial = self->serial;
      /* on the absolute pixel grid, so columns and ticks do not shimmer between rebuilds; a
       * one-off drawing (the export) covers only what shows, so no hidden text or paths
       * reach a PDF or SVG */
      /* while zooming every frame rebuilds, so a wide margin would be wasted; panning at
       * one zoom gets a screen either side */
      if (!self->progressive)
        margin = 0.0;
      else if (zooming)
        margin = span * 0.25;
      else
        margin = span;
      cache->lo = floor ((start - margin) * self->scale.px_per_day / DENSITY_COLUMN) * DENSITY_COLUMN
                  / self->scale.px_per_day;
      cache->hi = end + margin;
      cache->node = build (self, cache->lo, cache->hi);
    }

  if (cache->node == NULL)
    return;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT ((cache->lo - start) * self->scale.px_per_day, 0));
  gtk_snapshot_append_node (snapshot, cache->node);
  gtk_snapshot_restore (snapshot);
}

static void
draw_items (LtTimelinePainter *self,
            GtkSnapshot       *snapshot)
{
  LtTimelineFrame *frame = self->frame;
  cairo_t *cr;
  const GdkRGBA *accent = &self->palette.accent;

  if (frame->items->len == 0)
    return;

  /* One cairo node draws every shape of the frame: bars, marks and badges */
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (-8, self->lanes_y,
                                                                 self->width + 16, self->lanes_h));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  for (guint i = 0; i < frame->items->len; i++)
    {
      const LtFrameItem *item = &g_array_index (frame->items, LtFrameItem, i);
      const LtEventSpan *span = item->kind != LT_FRAME_ITEM_BADGE ? get_span (self, item->span)
                                                                  : NULL;
      gboolean dimmed = (item->frame_flags & LT_FRAME_ITEM_DIMMED) != 0;
      gboolean selected = (item->frame_flags & LT_FRAME_ITEM_SELECTED) != 0;
      gboolean hovered = span != NULL && span->id == self->hover_id && self->hover_id != 0;
      double alpha = dimmed ? 0.28 : 1.0;
      GdkRGBA color;

      if (item->kind == LT_FRAME_ITEM_BADGE)
        {
          color = with_alpha (lane_color (self, item->lane), dimmed ? 0.35 : 0.92);
          rounded_rect_path (cr, item->x, item->y, item->w, item->h, item->h / 2);
          gdk_cairo_set_source_rgba (cr, &color);
          cairo_fill (cr);
          if (self->hide_unmatched == FALSE && lt_timeline_index_has_filter (self->index) &&
              item->n_matched > 0 && item->n_matched < item->count)
            {
              /* a ring says some of the cluster matches */
              rounded_rect_path (cr, item->x - 2, item->y - 2, item->w + 4, item->h + 4,
                                 item->h / 2 + 2);
              gdk_cairo_set_source_rgba (cr, accent);
              cairo_set_line_width (cr, 1.5);
              cairo_stroke (cr);
            }
          continue;
        }

      color = with_alpha (category_color (self, span->category), alpha);

      if (item->kind == LT_FRAME_ITEM_BAR)
        {
          gboolean soft = span->precision < LT_PRECISION_DAY;
          double r = item->h / 2;

          rounded_rect_path (cr, item->x, item->y, item->w, item->h, r);
          if (soft)
            {
              /* a month or a year known, not the day: a soft bar over the whole period */
              GdkRGBA fill = with_alpha (&color, 0.22);

              gdk_cairo_set_source_rgba (cr, &fill);
              cairo_fill_preserve (cr);
              fill = with_alpha (&color, 0.55);
              gdk_cairo_set_source_rgba (cr, &fill);
              cairo_set_line_width (cr, 1.0);
              if (span->flags & LT_SPAN_APPROXIMATE)
                cairo_set_dash (cr, (double[]) { 3, 2 }, 2, 0);
              cairo_stroke (cr);
              cairo_set_dash (cr, NULL, 0, 0);
            }
          else
            {
              GdkRGBA fill = with_alpha (&color, (item->frame_flags & LT_FRAME_ITEM_LABELLED) &&
                                                 item->label_x < item->x + item->w ? 0.30 : 0.75);

              gdk_cairo_set_source_rgba (cr, &fill);
              cairo_fill_preserve (cr);
              gdk_cairo_set_source_rgba (cr, &color);
              cairo_set_line_width (cr, 1.0);
              if (span->flags & LT_SPAN_APPROXIMATE)
                cairo_set_dash (cr, (double[]) { 3, 2 }, 2, 0);
              cairo_stroke (cr);
              cairo_set_dash (cr, NULL, 0, 0);
            }

          if (selected || hovered)
            {
              rounded_rect_path (cr, item->x - 2.5, item->y - 2.5, item->w + 5, item->h + 5,
                                 r + 2.5);
              gdk_cairo_set_source_rgba (cr, selected ? accent : &self->palette.dim_text);
              cairo_set_line_width (cr, 2.0);
              cairo_stroke (cr);
            }
          continue;
        }

      /* a mark */
      {
        double cx = item->x + item->w / 2;
        double cy = item->y + item->h / 2;
        LtMarkShape shape = lt_timeline_category_get_shape (span->category);
        gboolean hollow = span->precision < LT_PRECISION_DAY;

        if (selected || hovered)
          {
            GdkRGBA halo = with_alpha (selected ? accent : &color, selected ? 0.30 : 0.20);

            cairo_new_sub_path (cr);
            cairo_arc (cr, cx, cy, item->w * 0.95, 0, 2 * G_PI);
            gdk_cairo_set_source_rgba (cr, &halo);
            cairo_fill (cr);
          }

        lt_timeline_draw_shape (cr, shape, cx, cy, item->w);
        if (hollow)
          {
            /* imprecise dates are drawn hollow */
            gdk_cairo_set_source_rgba (cr, &self->palette.background);
            cairo_fill_preserve (cr);
          }
        else
          {
            gdk_cairo_set_source_rgba (cr, &color);
            cairo_fill_preserve (cr);
          }
        gdk_cairo_set_source_rgba (cr, &color);
        cairo_set_line_width (cr, hollow ? 2.0 : 1.0);
        if (span->flags & LT_SPAN_APPROXIMATE)
          cairo_set_dash (cr, (double[]) { 2, 1.5 }, 2, 0);
        cairo_stroke (cr);
        cairo_set_dash (cr, NULL, 0, 0);

        if (selected)
          {
            cairo_new_sub_path (cr);
            cairo_arc (cr, cx, cy, item->w * 0.95, 0, 2 * G_PI);
            gdk_cairo_set_source_rgba (cr, accent);
            cairo_set_line_width (cr, 2.0);
            cairo_stroke (cr);
          }
      }
    }

  cairo_destroy (cr);

  /* Then the text: labels and counts */
  for (guint i = 0; i < frame->items->len; i++)
    {
      const LtFrameItem *item = &g_array_index (frame->items, LtFrameItem, i);
      gboolean dimmed = (item->frame_flags & LT_FRAME_ITEM_DIMMED) != 0;

      if (item->kind == LT_FRAME_ITEM_BADGE)
        {
          char text[16];
          PangoLayout *layout;
          GdkRGBA fg = with_alpha (&self->palette.badge_text, dimmed ? 0.7 : 1.0);

          g_snprintf (text, sizeof text, "%u", item->count);
          layout = get_text_layout (self, FONT_SMALL_BOLD, text);
          append_text (snapshot, layout, item->x + (item->w - text_width (layout)) / 2,
                       item->y + (item->h - text_height (layout)) / 2, &fg);
          if (item->frame_flags & LT_FRAME_ITEM_LABELLED)
            {
              PangoLayout *l2 = get_text_layout (self, FONT_SMALL, count_noun (item->count));

              append_text (snapshot, l2, item->label_x, item->y + (item->h - text_height (l2)) / 2,
                           &self->palette.dim_text);
            }
          continue;
        }

      if (item->frame_flags & LT_FRAME_ITEM_LABELLED)
        {
          Label *label = lookup_label (self, item->span, FALSE);
          GdkRGBA fg;

          if (label == NULL)
            continue;
          if (item->frame_flags & LT_FRAME_ITEM_SELECTED)
            fg = self->palette.accent;
          else
            fg = dimmed ? self->palette.dim_text : self->palette.text;
          if (dimmed)
            fg.alpha *= 0.7;
          append_text (snapshot, label->layout, item->label_x,
                       item->y + item->h / 2 - text_height (label->layout) / 2, &fg);
        }
    }
}

static void
draw_lane_captions (LtTimelinePainter *self,
                    GtkSnapshot       *snapshot)
{
  guint n_lanes = self->frame->lanes->len;
  cairo_t *cr;

  if (n_lanes == 0)
    return;

  for (guint lane = 0; lane < n_lanes; lane++)
    {
      const LtFrameLane *fl = &g_array_index (self->frame->lanes, LtFrameLane, lane);
      PangoLayout *layout = get_text_layout (self, FONT_SMALL_BOLD, lane_caption (self, lane));
      double w = text_width (layout);
      gboolean shape = self->lane_mode == LT_LANE_MODE_CATEGORY &&
                       lt_timeline_index_get_lane_key (self->index, lane) >= 0;
      double pad = shape ? 22 : 8;
      GdkRGBA bg = with_alpha (lane % 2 == 1 ? &self->palette.lane_alt : &self->palette.background,
                               0.88);

      if (lane > 0)
        gtk_snapshot_append_color (snapshot, &self->palette.separator,
                                   &GRAPHENE_RECT_INIT (0, fl->y, self->width, 1));

      /* the caption stays at the left edge, over a veil so it reads over the events */
      gtk_snapshot_append_color (snapshot, &bg, &GRAPHENE_RECT_INIT (0, fl->y + 2, pad + w + 10,
                                                                     16));
      append_text (snapshot, layout, pad, fl->y + 2 + (16 - text_height (layout)) / 2,
                   lane_color (self, lane));

      if (shape)
        {
          guint category = (guint) lt_timeline_index_get_lane_key (self->index, lane);

          cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (4, fl->y + 2, 16, 16));
          lt_timeline_draw_shape (cr, lt_timeline_category_get_shape (category),
                                  12, fl->y + 10, 10);
          gdk_cairo_set_source_rgba (cr, lane_color (self, lane));
          cairo_fill (cr);
          cairo_destroy (cr);
        }

      if (fl->n_hidden_ranges > 0)
        {
          g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "%u more period",
                                                                "%u more periods",
                                                                fl->n_hidden_ranges),
                                                   fl->n_hidden_ranges);
          PangoLayout *l2 = get_text_layout (self, FONT_SMALL, more);

          append_text (snapshot, l2, self->width - text_width (l2) - 8, fl->y + 3,
                       &self->palette.dim_text);
        }
    }
}

static double
figure_y (LtTimelinePainter *self,
          double             value)
{
  double top = self->figures_y + 22;
  double bottom = self->figures_y + self->figures_h - 8;

  if (self->figures_max <= 0)
    return bottom;

  return bottom - (bottom - top) * value / self->figures_max;
}

static guint
figures_position (LtTimelinePainter *self,
                  double             day)
{
  guint lo = 0;
  guint hi = self->figures->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->figures, LtFigurePoint, mid).day + 0.5 < day)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static GskRenderNode *
build_figures_node (LtTimelinePainter *self,
                    double             lo,
                    double             hi)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  const GdkRGBA *color = &self->palette.accent;
  GdkRGBA fill = with_alpha (color, 0.12);
  double ppd = self->scale.px_per_day;
  double w = (hi - lo) * ppd;
  guint i0 = figures_position (self, lo);
  guint i1 = figures_position (self, hi);
  double base = figure_y (self, 0);
  double first_x = 0, last_x = 0;
  gboolean started = FALSE;
  cairo_t *cr;

  /* one point before and after, so the line comes in from the edges */
  i0 = i0 > 0 ? i0 - 1 : 0;
  i1 = MIN (i1 + 1, self->figures->len);
  if (i1 <= i0)
    return gtk_snapshot_free_to_node (snapshot);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, self->figures_y, w,
                                                                 self->figures_h));
  cairo_rectangle (cr, 0, self->figures_y, w, self->figures_h);
  cairo_clip (cr);

  /* Many reports are folded into two-pixel columns (first, lowest, highest, last), so a
   * band of a hundred thousand figures costs what one screen of them does */
  for (guint i = i0; i < i1;)
    {
      const LtFigurePoint *p = &g_array_index (self->figures, LtFigurePoint, i);
      double x = (p->day + 0.5 - lo) * ppd;
      double col = floor (x / 2.0);
      double vmin = p->value, vmax = p->value, vlast = p->value;
      guint j = i + 1;

      for (; j < i1; j++)
        {
          const LtFigurePoint *q = &g_array_index (self->figures, LtFigurePoint, j);

          if (floor ((q->day + 0.5 - lo) * ppd / 2.0) != col)
            break;
          vmin = MIN (vmin, q->value);
          vmax = MAX (vmax, q->value);
          vlast = q->value;
        }

      if (!started)
        {
          cairo_move_to (cr, x, figure_y (self, p->value));
          first_x = x;
          started = TRUE;
        }
      else
        cairo_line_to (cr, x, figure_y (self, p->value));
      if (j > i + 1)
        {
          cairo_line_to (cr, x, figure_y (self, vmin));
          cairo_line_to (cr, x, figure_y (self, vmax));
          cairo_line_to (cr, x, figure_y (self, vlast));
        }
      last_x = x;
      i = j;
    }

  cairo_set_line_width (cr, 2.0);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_stroke_preserve (cr);
  cairo_line_to (cr, last_x, base);
  cairo_line_to (cr, first_x, base);
  cairo_close_path (cr);
  gdk_cairo_set_source_rgba (cr, &fill);
  cairo_fill (cr);

  /* points to click, where there are few enough to tell apart */
  if (i1 - i0 <= 400)
    for (guint i = i0; i < i1; i++)
      {
        const LtFigurePoint *p = &g_array_index (self->figures, LtFigurePoint, i);

        cairo_new_sub_path (cr);
        cairo_arc (cr, (p->day + 0.5 - lo) * ppd, figure_y (self, p->value), 3.5, 0, 2 * G_PI);
        gdk_cairo_set_source_rgba (cr, &self->palette.background);
        cairo_fill_preserve (cr);
        gdk_cairo_set_source_rgba (cr, color);
        cairo_stroke (cr);
      }
  cairo_destroy (cr);

  /* and their values, where there are few */
  if (i1 - i0 <= 40)
    for (guint i = i0; i < i1; i++)
      {
        const LtFigurePoint *p = &g_array_index (self->figures, LtFigurePoint, i);
        g_autofree char *text = lt_format_number (p->value);
        PangoLayout *layout = get_text_layout (self, FONT_SMALL, text);

        append_text (snapshot, layout, (p->day + 0.5 - lo) * ppd - text_width (layout) / 2,
                     figure_y (self, p->value) - text_height (layout) - 4, &self->palette.dim_text);
      }

  return gtk_snapshot_free_to_node (snapshot);
}

/**
 * lt_timeline_painter_get_figures_title:
 * @self: a painter
 *
 * Returns: (nullable): the name of what the figures band plots, in the UI language
 */
const char *
lt_timeline_painter_get_figures_title (LtTimelinePainter *self)
{
  g_return_val_if_fail (LT_IS_TIMELINE_PAINTER (self), NULL);

  if (self->figures_kind == NULL)
    return NULL;
  if (g_str_equal (self->figures_kind, "political-prisoners"))
    return _("Political prisoners");

  return self->figures_kind;
}

static void
draw_figures (LtTimelinePainter *self,
              GtkSnapshot       *snapshot)
{
  const char *title;
  g_autofree char *max_text = NULL;
  PangoLayout *layout;
  GdkRGBA veil;

  if (self->figures_h <= 0)
    return;

  gtk_snapshot_append_color (snapshot, &self->palette.separator,
                             &GRAPHENE_RECT_INIT (0, self->figures_y, self->width, 1));
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, self->figures_y, self->width,
                                                         self->figures_h));
  draw_cached (self, snapshot, &self->figures_cache, build_figures_node);

  /* the selected or hovered event's figure stands out */
  if (self->selected_id != 0 || self->hover_id != 0)
    {
      guint i0 = figures_position (self, self->scale.start);
      guint i1 = figures_position (self, lt_time_scale_get_end (&self->scale) + 1);

      for (guint i = i0; i < i1 && i - i0 < 4096; i++)
        {
          const LtFigurePoint *p = &g_array_index (self->figures, LtFigurePoint, i);
          GskRoundedRect dot;
          double x, y;

          if (p->event_id != self->selected_id && p->event_id != self->hover_id)
            continue;
          x = lt_time_scale_day_to_x (&self->scale, p->day + 0.5);
          y = figure_y (self, p->value);
          gsk_rounded_rect_init_from_rect (&dot, &GRAPHENE_RECT_INIT (x - 5, y - 5, 10, 10), 5);
          gtk_snapshot_push_rounded_clip (snapshot, &dot);
          gtk_snapshot_append_color (snapshot, &self->palette.accent, &dot.bounds);
          gtk_snapshot_pop (snapshot);
        }
    }
  gtk_snapshot_pop (snapshot);

  /* its title and scale */
  title = lt_timeline_painter_get_figures_title (self);
  layout = get_text_layout (self, FONT_SMALL_BOLD, title);
  veil = with_alpha (&self->palette.background, 0.85);
  gtk_snapshot_append_color (snapshot, &veil,
                             &GRAPHENE_RECT_INIT (0, self->figures_y + 3, text_width (layout) + 16,
                                                  16));
  append_text (snapshot, layout, 8, self->figures_y + 3, &self->palette.text);
  /* the scale, where points are too many to carry their values */
  if (self->figures->len > 40)
    {
      max_text = lt_format_number (self->figures_max);
      layout = get_text_layout (self, FONT_SMALL, max_text);
      append_text (snapshot, layout, self->width - text_width (layout) - 8, figure_y (self, self->figures_max) - 16,
                   &self->palette.dim_text);
    }
}

static void
overview_range (LtTimelinePainter *self,
                double            *lo,
                double            *hi)
{
  double first, end, pad;

  if (!lt_timeline_painter_get_extent (self, &first, &end))
    {
      first = self->scale.start;
      end = lt_time_scale_get_end (&self->scale);
    }
  pad = MAX ((end - first) * 0.02, 1.0);
  *lo = first - pad;
  *hi = end + pad;
}

static GskRenderNode *
build_overview_node (LtTimelinePainter *self,
                     double             unused_lo,
                     double             unused_hi)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  double lo, hi;
  double y = self->overview_y;
  double h = self->overview_h;
  guint n_bins = MAX (1, self->width / 4);
  g_autofree guint *counts = g_new0 (guint, n_bins);
  g_autofree guint *matched = NULL;
  guint max_count = 0;
  g_autoptr(GArray) ticks = NULL;
  LtTickStep minor, major;
  cairo_t *cr;

  overview_range (self, &lo, &hi);
  gtk_snapshot_append_color (snapshot, &self->palette.axis_background, &GRAPHENE_RECT_INIT (0, y, self->width, h));
  gtk_snapshot_append_color (snapshot, &self->palette.separator, &GRAPHENE_RECT_INIT (0, y, self->width, 1));

  lt_timeline_index_density (self->index, lo, hi, n_bins, FALSE, counts);
  if (lt_timeline_index_has_filter (self->index))
    {
      matched = g_new0 (guint, n_bins);
      lt_timeline_index_density (self->index, lo, hi, n_bins, TRUE, matched);
    }
  for (guint b = 0; b < n_bins; b++)
    max_count = MAX (max_count, counts[b]);

  if (max_count > 0)
    {
      GdkRGBA c = with_alpha (&self->palette.text, 0.28);

      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, y, self->width, h));
      for (guint pass = 0; pass < (matched ? 2u : 1u); pass++)
        {
          const guint *v = pass == 0 ? counts : matched;

          cairo_move_to (cr, 0, y + h - 2);
          for (guint b = 0; b < n_bins; b++)
            {
              double bh = v[b] ? MAX (1.5, (h - 18) * sqrt ((double) v[b] / max_count)) : 0;

              cairo_line_to (cr, b * 4.0, y + h - 2 - bh);
              cairo_line_to (cr, b * 4.0 + 4, y + h - 2 - bh);
            }
          cairo_line_to (cr, self->width, y + h - 2);
          cairo_close_path (cr);
          if (pass == 1)
            c = with_alpha (&self->palette.accent, 0.7);
          gdk_cairo_set_source_rgba (cr, &c);
          cairo_fill (cr);
        }
      cairo_destroy (cr);
    }

  /* a strip this small reads best with sparse ticks: years, or months for a short chronicle */
  ticks = lt_timeline_ticks_compute (lo, hi, self->width / (hi - lo) / 4.0, measure_tick_cb, self,
                                     &minor, &major);
  for (guint i = 0; i < ticks->len; i++)
    {
      const LtTimelineTick *tick = &g_array_index (ticks, LtTimelineTick, i);
      double x = floor ((tick->day - lo) * self->width / (hi - lo));

      if (tick->major || tick->label == NULL || x < 0 || x > self->width)
        continue;
      gtk_snapshot_append_color (snapshot, &self->palette.grid_major, &GRAPHENE_RECT_INIT (x, y + 1, 1, h - 1));
      append_text (snapshot, get_text_layout (self, FONT_SMALL, tick->label), x + 3, y + 2,
                   &self->palette.dim_text);
    }

  return gtk_snapshot_free_to_node (snapshot);
}

static void
overview_window_rect (LtTimelinePainter *self,
                      graphene_rect_t   *rect)
{
  double lo, hi;
  double x0, x1;

  overview_range (self, &lo, &hi);
  x0 = (self->scale.start - lo) * self->width / (hi - lo);
  x1 = (lt_time_scale_get_end (&self->scale) - lo) * self->width / (hi - lo);
  x0 = CLAMP (x0, -2, self->width + 2);
  x1 = CLAMP (x1, -2, self->width + 2);
  if (x1 - x0 < 6)
    {
      double c = (x0 + x1) / 2;

      x0 = c - 3;
      x1 = c + 3;
    }
  graphene_rect_init (rect, x0, self->overview_y + 1, x1 - x0, self->overview_h - 2);
}

static void
draw_overview (LtTimelinePainter *self,
               GtkSnapshot       *snapshot)
{
  graphene_rect_t rect;
  GdkRGBA veil = with_alpha (&self->palette.accent, 0.16);
  GskRoundedRect outline;
  GdkRGBA border = self->palette.accent;

  if (self->overview_h <= 0)
    return;

  if (self->overview_cache.node == NULL || self->overview_cache.width != self->width ||
      self->overview_cache.height != self->height || self->overview_cache.serial != self->serial)
    {
      node_cache_clear (&self->overview_cache);
      self->overview_cache.width = self->width;
      self->overview_cache.height = self->height;
      self->overview_cache.serial = self->serial;
      self->overview_cache.node = build_overview_node (self, 0, 0);
    }
  gtk_snapshot_append_node (snapshot, self->overview_cache.node);

  overview_window_rect (self, &rect);
  gtk_snapshot_append_color (snapshot, &veil, &rect);
  gsk_rounded_rect_init_from_rect (&outline, &rect, 3);
  gtk_snapshot_append_border (snapshot, &outline, (float[]) { 1.5, 1.5, 1.5, 1.5 },
                              (GdkRGBA[]) { border, border, border, border });
}

static void
draw_empty (LtTimelinePainter *self,
            GtkSnapshot       *snapshot)
{
  PangoLayout *layout = get_text_layout (self, FONT_BOLD, _("No events to show"));

  append_text (snapshot, layout, (self->width - text_width (layout)) / 2,
               self->lanes_y + (self->lanes_h - text_height (layout)) / 2, &self->palette.dim_text);
}

/* A filter that matches nothing says so, over the dimmed events of the window or, in an
 * export, in place of them: an empty page must not read as "nothing happened". */
static void
draw_no_matches (LtTimelinePainter *self,
                 GtkSnapshot       *snapshot)
{
  PangoLayout *layout = get_text_layout (self, FONT_BOLD, _("No events match"));
  double w = text_width (layout);
  double h = text_height (layout);
  double x = (self->width - w) / 2;
  double y = self->lanes_y + (self->lanes_h - h) / 2;
  GdkRGBA veil = with_alpha (&self->palette.background, 0.9);
  GskRoundedRect box;

  gsk_rounded_rect_init_from_rect (&box, &GRAPHENE_RECT_INIT (x - 16, y - 8, w + 32, h + 16), 8);
  gtk_snapshot_push_rounded_clip (snapshot, &box);
  gtk_snapshot_append_color (snapshot, &veil, &box.bounds);
  gtk_snapshot_pop (snapshot);
  append_text (snapshot, layout, x, y, &self->palette.text);
}

/**
 * lt_timeline_painter_paint:
 * @self: a painter
 * @snapshot: where to draw
 * @pango: the context for text (a widget's, or pango_cairo_font_map's with no display)
 * @width: the width of the drawing
 * @height: its height
 *
 * Draws the timeline: axis, lanes with their events and clusters, the figures band and the
 * overview strip. The view's snapshot() and the export both come here.
 */
void
lt_timeline_painter_paint (LtTimelinePainter *self,
                           GtkSnapshot       *snapshot,
                           PangoContext      *pango,
                           int                width,
                           int                height)
{
  g_return_if_fail (LT_IS_TIMELINE_PAINTER (self));
  g_return_if_fail (GTK_IS_SNAPSHOT (snapshot));

  if (width <= 0 || height <= 0)
    return;

  lt_timeline_painter_layout (self, pango, width, height);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gtk_snapshot_append_color (snapshot, &self->palette.background, &GRAPHENE_RECT_INIT (0, 0, width, height));

  draw_cached (self, snapshot, &self->density_cache, build_density_node);
  draw_cached (self, snapshot, &self->axis_cache, build_axis_node);
  draw_major_labels (self, snapshot);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, self->lanes_y, width, self->lanes_h));
  if (self->spans->len == 0)
    draw_empty (self, snapshot);
  else if (lt_timeline_index_has_filter (self->index) &&
           lt_timeline_index_get_n_matched (self->index) == 0)
    {
      /* hidden, the events leave nothing for the lanes to name either */
      if (!self->hide_unmatched)
        {
          draw_items (self, snapshot);
          draw_lane_captions (self, snapshot);
        }
      draw_no_matches (self, snapshot);
    }
  else
    {
      draw_items (self, snapshot);
      draw_lane_captions (self, snapshot);
    }
  gtk_snapshot_pop (snapshot);

  if (self->figures_h > 0)
    draw_figures (self, snapshot);
  draw_overview (self, snapshot);

  gtk_snapshot_pop (snapshot);
}

/**
 * lt_timeline_painter_get_frame:
 * @self: a painter
 *
 * Returns: (transfer none) (nullable): the frame of the last layout
 */
LtTimelineFrame *
lt_timeline_painter_get_frame (LtTimelinePainter *self)
{
  g_return_val_if_fail (LT_IS_TIMELINE_PAINTER (self), NULL);

  return self->frame;
}

/**
 * lt_timeline_painter_get_index:
 * @self: a painter
 *
 * Returns: (transfer none): the index of the events
 */
LtTimelineIndex *
lt_timeline_painter_get_index (LtTimelinePainter *self)
{
  g_return_val_if_fail (LT_IS_TIMELINE_PAINTER (self), NULL);

  lt_timeline_painter_finish_loading (self);
  ensure_index (self);

  return self->index;
}

/**
 * lt_timeline_painter_get_span_event:
 * @self: a painter
 * @span: an index into the spans
 *
 * Returns: the event id of @span
 */
gint64
lt_timeline_painter_get_span_event (LtTimelinePainter *self,
                                    guint32            span)
{
  g_return_val_if_fail (LT_IS_TIMELINE_PAINTER (self), 0);
  g_return_val_if_fail (self->spans != NULL && span < self->spans->len, 0);

  return get_span (self, span)->id;
}

/**
 * lt_timeline_painter_describe_event:
 * @self: a painter
 * @event_id: an event
 * @title: (out) (optional): its title
 * @date: (out) (optional): its dates, formatted with their precision
 *
 * Returns: %TRUE if the event is drawn by this painter
 */
gboolean
lt_timeline_painter_describe_event (LtTimelinePainter  *self,
                                    gint64              event_id,
                                    char              **title,
                                    char              **date)
{
  guint lane, item;
  const LtTimelineItem *it;
  Label *label;

  g_return_val_if_fail (LT_IS_TIMELINE_PAINTER (self), FALSE);

  lt_timeline_painter_finish_loading (self);
  ensure_index (self);
  if (!lt_timeline_index_find_event (self->index, event_id, &lane, &item) || self->pango == NULL)
    return FALSE;

  it = &lt_timeline_index_get_lane_items (self->index, lane)[item];
  label = lookup_label (self, it->span, TRUE);
  if (label == NULL)
    return FALSE;

  if (title)
    *title = g_strdup (label->title);
  if (date)
    *date = g_strdup (label->date);

  return TRUE;
}

static int
compare_days (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  LtTimelinePainter *self = user_data;
  const LtEventSpan *sa = get_span (self, *(const guint32 *) a);
  const LtEventSpan *sb = get_span (self, *(const guint32 *) b);

  if (sa->start_day != sb->start_day)
    return sa->start_day < sb->start_day ? -1 : 1;

  return sa->id < sb->id ? -1 : sa->id > sb->id;
}

/**
 * lt_timeline_painter_list_visible_events:
 * @self: a painter
 *
 * Lists the events drawn one by one in the last frame (not those inside count badges, and
 * not the dimmed ones), in date order: what an export footnotes the sources of.
 *
 * Returns: (transfer full) (element-type gint64): event ids
 */
GArray *
lt_timeline_painter_list_visible_events (LtTimelinePainter *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  g_return_val_if_fail (LT_IS_TIMELINE_PAINTER (self), ids);

  /* no real event is drawn yet */
  if (self->frame == NULL || self->provisional)
    return ids;

  for (guint i = 0; i < self->frame->items->len; i++)
    {
      const LtFrameItem *item = &g_array_index (self->frame->items, LtFrameItem, i);

      if (item->kind == LT_FRAME_ITEM_BADGE || (item->frame_flags & LT_FRAME_ITEM_DIMMED))
        continue;
      if (item->x + item->w < 0 || item->x > self->width)
        continue;
      if (!g_hash_table_add (seen, GUINT_TO_POINTER (item->span + 1)))
        continue;
      g_array_append_val (spans, item->span);
    }

  g_array_sort_with_data (spans, compare_days, self);
  for (guint i = 0; i < spans->len; i++)
    g_array_append_val (ids, get_span (self, g_array_index (spans, guint32, i))->id);

  return ids;
}

/**
 * lt_timeline_painter_hit_test:
 * @self: a painter
 * @x: a coordinate
 * @y: a coordinate
 * @hit: (out caller-allocates): what is there
 *
 * Says what the last frame drew at a point. The view uses it for hover, click and tooltips,
 * and the tests for clicking an event by its position.
 *
 * Returns: %TRUE if something is there
 */
gboolean
lt_timeline_painter_hit_test (LtTimelinePainter *self,
                              double             x,
                              double             y,
                              LtTimelineHit     *hit)
{
  g_return_val_if_fail (LT_IS_TIMELINE_PAINTER (self), FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  memset (hit, 0, sizeof *hit);
  ensure_real_frame (self);
  if (self->frame == NULL)
    return FALSE;

  hit->day = lt_time_scale_x_to_day (&self->scale, x);

  if (self->overview_h > 0 && y >= self->overview_y)
    {
      double lo, hi;
      graphene_rect_t rect;

      overview_range (self, &lo, &hi);
      overview_window_rect (self, &rect);
      hit->day = lo + x * (hi - lo) / MAX (self->width, 1);
      hit->bounds = rect;
      hit->kind = x >= rect.origin.x - 4 && x <= rect.origin.x + rect.size.width + 4
                  ? LT_TIMELINE_HIT_OVERVIEW_WINDOW : LT_TIMELINE_HIT_OVERVIEW;
      return TRUE;
    }

  if (self->figures_h > 0 && y >= self->figures_y)
    {
      double best = 10.0;
      guint i0 = figures_position (self, lt_time_scale_x_to_day (&self->scale, x - 10));
      guint i1 = figures_position (self, lt_time_scale_x_to_day (&self->scale, x + 10));

      for (guint i = i0; i < i1 && i - i0 < 4096; i++)
        {
          const LtFigurePoint *p = &g_array_index (self->figures, LtFigurePoint, i);
          double px = lt_time_scale_day_to_x (&self->scale, p->day + 0.5);
          double py = figure_y (self, p->value);
          double d = hypot (px - x, py - y);

          if (d < best)
            {
              best = d;
              hit->kind = LT_TIMELINE_HIT_FIGURE;
              hit->event_id = p->event_id;
              hit->value = p->value;
              hit->first_day = hit->last_day = p->day;
              graphene_rect_init (&hit->bounds, px - 5, py - 5, 10, 10);
            }
        }
      return hit->kind != LT_TIMELINE_HIT_NONE;
    }

  if (y < self->lanes_y)
    {
      hit->kind = LT_TIMELINE_HIT_AXIS;
      return TRUE;
    }

  {
    const LtFrameItem *item = lt_timeline_frame_hit_test (self->frame, x, y);

    if (item == NULL)
      {
        hit->kind = LT_TIMELINE_HIT_LANE;
        return FALSE;
      }

    graphene_rect_init (&hit->bounds, item->x, item->y, item->w, item->h);
    hit->first_day = item->first_day;
    hit->last_day = item->last_day;
    if (item->kind == LT_FRAME_ITEM_BADGE)
      {
        hit->kind = LT_TIMELINE_HIT_CLUSTER;
        hit->count = item->count;
      }
    else
      {
        hit->kind = LT_TIMELINE_HIT_EVENT;
        hit->event_id = get_span (self, item->span)->id;
        hit->count = 1;
      }
  }

  return TRUE;
}

/**
 * lt_timeline_painter_get_event_bounds:
 * @self: a painter
 * @event_id: an event
 * @bounds: (out caller-allocates): where its mark or bar is
 *
 * Returns: %TRUE if the last frame drew the event on its own
 */
gboolean
lt_timeline_painter_get_event_bounds (LtTimelinePainter *self,
                                      gint64             event_id,
                                      graphene_rect_t   *bounds)
{
  const LtFrameItem *item;

  g_return_val_if_fail (LT_IS_TIMELINE_PAINTER (self), FALSE);

  ensure_real_frame (self);
  if (self->frame == NULL || self->index == NULL)
    return FALSE;

  item = lt_timeline_frame_find_event (self->frame, self->index, event_id);
  if (item == NULL)
    return FALSE;

  graphene_rect_init (bounds, item->x, item->y, item->w, item->h);

  return TRUE;
}

/**
 * lt_timeline_painter_get_lanes_area:
 * @self: a painter
 * @area: (out caller-allocates): the lanes' rectangle in the last layout
 */
void
lt_timeline_painter_get_lanes_area (LtTimelinePainter *self,
                                    graphene_rect_t   *area)
{
  g_return_if_fail (LT_IS_TIMELINE_PAINTER (self));

  graphene_rect_init (area, 0, self->lanes_y, self->width, self->lanes_h);
}
