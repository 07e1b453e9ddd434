/* lt-timeline-painter-private.h: the painter's state and the functions its files share
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lt-timeline-data-private.h"
#include "lt-timeline-painter.h"

G_BEGIN_DECLS

#define AXIS_HEIGHT       46.0
#define OVERVIEW_HEIGHT   44.0
#define FIGURES_HEIGHT    76.0
#define ROW_HEIGHT        20.0
#define CELL_WIDTH        28.0
#define MARK_SIZE         12.0
#define MAX_LABEL_WIDTH   220.0
#define EXPORT_MAX_LABEL_WIDTH 300.0
#define DENSITY_COLUMN    4.0
#define LABEL_BUDGET      40
#define LABEL_TIME_BUDGET_USEC 2000
#define MAX_CACHED_LABELS 8192

/* An event's title, shaped for its label, and its dates for the accessible name */
typedef struct
{
  char        *title;
  char        *date;
  PangoLayout *layout;
  double       width;
  PangoLayout *wrapped;        /* an export's title in two lines, or NULL */
  double       wrapped_width;  /* < 0 if it takes more than two */
} LtTimelineLabel;

/* A node of content that changes only with the data or the zoom, kept across frames */
typedef struct
{
  GskRenderNode *node;
  double         px_per_day;
  double         lo;         /* the days the node covers, its x = 0 at lo */
  double         hi;
  int            width;
  int            height;
  guint          serial;
} LtTimelineNodeCache;

typedef enum
{
  LT_TIMELINE_FONT_LABEL,
  LT_TIMELINE_FONT_SMALL,
  LT_TIMELINE_FONT_BOLD,
  LT_TIMELINE_FONT_SMALL_BOLD,
} LtTimelineFont;

struct _LtTimelinePainter
{
  GObject            parent_instance;

  /* what is drawn: read only, and compared by serials with what the caches hold */
  LtTimelineData    *data;
  GSignalGroup      *data_signals;
  guint              data_serial;
  guint              spans_serial;
  guint              index_serial;
  guint              figures_serial;
  guint              serial;          /* of the node caches */

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
  gboolean           export;          /* every event shows, no title is cut */
  guint              first_number;    /* the event key's number of the first item, or 0 */
  gboolean           number_unlabelled; /* number only the marks and bars with no title */
  guint              n_numbered;
  char              *figures_note;    /* after the band's title: an export's source numbers */

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
  GHashTable        *labels;         /* span index + 1 -> LtTimelineLabel */
  GHashTable        *texts[4];       /* per LtTimelineFont: text -> PangoLayout */
  LtTimelineNodeCache axis_cache;
  LtTimelineNodeCache density_cache;
  LtTimelineNodeCache overview_cache;
  LtTimelineNodeCache figures_cache;
};


/* lt-timeline-painter.c */
void                 _lt_timeline_node_cache_clear                (LtTimelineNodeCache *cache);
void                 _lt_timeline_painter_invalidate              (LtTimelinePainter   *self);
void                 _lt_timeline_painter_invalidate_data         (LtTimelinePainter   *self);
void                 _lt_timeline_painter_sync_data               (LtTimelinePainter   *self);
typedef GskRenderNode *(*LtTimelineBuildNode) (LtTimelinePainter *self,
                                               double             lo,
                                               double             hi);

void                 _lt_timeline_painter_draw_cached             (LtTimelinePainter   *self,
                                                                   GtkSnapshot         *snapshot,
                                                                   LtTimelineNodeCache *cache,
                                                                   LtTimelineBuildNode  build);

/* lt-timeline-painter-text.c */
void                 _lt_timeline_label_free                      (gpointer             data);
void                 _lt_timeline_painter_ensure_fonts            (LtTimelinePainter   *self,
                                                                   PangoContext        *pango);
PangoLayout         *_lt_timeline_painter_get_text                (LtTimelinePainter   *self,
                                                                   LtTimelineFont       font,
                                                                   const char          *text);
double               _lt_timeline_text_width                      (PangoLayout         *layout);
double               _lt_timeline_text_height                     (PangoLayout         *layout);
LtTimelineLabel     *_lt_timeline_painter_lookup_label            (LtTimelinePainter   *self,
                                                                   guint32              span_index,
                                                                   gboolean             create);
const char          *_lt_timeline_count_noun                      (guint                count);
double               _lt_timeline_painter_measure_tick_cb         (const char          *text,
                                                                   gpointer             user_data);
double               _lt_timeline_painter_measure_span_cb         (guint32              span,
                                                                   gpointer             user_data);
double               _lt_timeline_painter_measure_wrapped_cb      (guint32              span,
                                                                   gpointer             user_data);
double               _lt_timeline_painter_measure_count_cb        (guint                count,
                                                                   gpointer             user_data);
void                 _lt_timeline_append_text                     (GtkSnapshot         *snapshot,
                                                                   PangoLayout         *layout,
                                                                   double               x,
                                                                   double               y,
                                                                   const GdkRGBA       *color);

/* lt-timeline-painter-lanes.c */
void                 _lt_timeline_painter_draw_density            (LtTimelinePainter   *self,
                                                                   GtkSnapshot         *snapshot);
void                 _lt_timeline_painter_draw_lanes              (LtTimelinePainter   *self,
                                                                   GtkSnapshot         *snapshot);

/* lt-timeline-painter-bands.c */
void                 _lt_timeline_painter_draw_axis               (LtTimelinePainter   *self,
                                                                   GtkSnapshot         *snapshot);
void                 _lt_timeline_painter_draw_figures            (LtTimelinePainter   *self,
                                                                   GtkSnapshot         *snapshot);
void                 _lt_timeline_painter_draw_overview           (LtTimelinePainter   *self,
                                                                   GtkSnapshot         *snapshot);
double               _lt_timeline_painter_figure_y                (LtTimelinePainter   *self,
                                                                   double               value);
guint                _lt_timeline_painter_figures_position        (LtTimelinePainter   *self,
                                                                   double               day);
void                 _lt_timeline_painter_overview_range          (LtTimelinePainter   *self,
                                                                   double              *lo,
                                                                   double              *hi);
void                 _lt_timeline_painter_overview_window_rect    (LtTimelinePainter   *self,
                                                                   graphene_rect_t     *rect);

static inline GdkRGBA
_lt_timeline_with_alpha (const GdkRGBA *c,
                         double         alpha)
{
  GdkRGBA r = *c;

  r.alpha *= alpha;

  return r;
}

static inline const LtEventSpan *
_lt_timeline_painter_get_span (LtTimelinePainter *self,
                               guint32            i)
{
  return _lt_timeline_data_get_span (self->data, i);
}

G_END_DECLS
