/* lt-graph-page.h: the Organizations page: the graph of the period, its filters and lists
 *
 * Copyright 2026 The Letapis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "lt-graph-view.h"

G_BEGIN_DECLS

typedef struct _LtStore LtStore;

#define LT_TYPE_GRAPH_PAGE (lt_graph_page_get_type())

G_DECLARE_FINAL_TYPE (LtGraphPage, lt_graph_page, LT, GRAPH_PAGE, GtkWidget)

GtkWidget   *lt_graph_page_new               (void);
void         lt_graph_page_set_store         (LtGraphPage *self,
                                              LtStore     *store);
void         lt_graph_page_start_search      (LtGraphPage *self);
void         lt_graph_page_focus_actor       (LtGraphPage *self,
                                              gint64       actor_id);
void         lt_graph_page_set_neighbourhood (LtGraphPage *self,
                                              gint64       actor_id,
                                              guint        depth);
gint64       lt_graph_page_get_neighbourhood (LtGraphPage *self,
                                              guint       *depth);
gboolean     lt_graph_page_get_period        (LtGraphPage *self,
                                              gint64      *start_day,
                                              gint64      *end_day);
void         lt_graph_page_set_period        (LtGraphPage *self,
                                              gint64       start_day,
                                              gint64       end_day);
void         lt_graph_page_set_timeline_window (LtGraphPage *self,
                                                double       start_day,
                                                double       end_day);
void         lt_graph_page_set_follow_timeline (LtGraphPage *self,
                                                gboolean     follow);
gboolean     lt_graph_page_get_follow_timeline (LtGraphPage *self);
LtGraphView *lt_graph_page_get_view          (LtGraphPage *self);

gboolean     lt_graph_page_get_metrics_pending (LtGraphPage *self);

G_END_DECLS
