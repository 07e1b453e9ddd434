/* lt-graph-page-private.h: the Organizations page's state, shared by the files that build its
 * graph (lt-graph-page.c), choose what it shows (-filters.c) and detail the selection (-details.c)
 *
 * Copyright 2026 The Letapis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lt-graph-model.h"
#include "lt-graph-page.h"
#include "lt-graph-view.h"
#include "lt-model.h"

G_BEGIN_DECLS

struct _LtGraphPage
{
  GtkWidget       parent_instance;

  LtStore        *store;
  GSignalGroup   *store_signals; /* "changed" of whichever store is shown */
  LtGraph        *full;        /* the period's graph */
  LtGraph        *shown;       /* after filters */
  guint32         hidden_kinds;
  guint32         hidden_edge_types;
  gboolean        hide_isolated;
  gint64          focus_actor;
  gboolean        rebuilding;
  guint           rebuild_id;
  gboolean        rebuild_on_map;  /* the store changed while the page was hidden */

  /* following the timeline's visible window */
  gboolean        has_timeline_window;
  double          timeline_start;
  double          timeline_end;
  gint64          followed_start;  /* the period last shown while following */
  gint64          followed_end;
  guint           follow_id;
  char           *saved_from;      /* what the entries held before following */
  char           *saved_to;

  /* the period the graph shows, as typed: NULL for no limit */
  char           *applied_from;
  char           *applied_to;

  /* template */
  GtkWidget      *main_box;
  GtkSearchEntry *search_entry;
  GtkToggleButton *neighbourhood_button;
  GtkSpinButton  *depth_spin;
  GtkBox         *filter_box;
  GtkImage       *period_icon;
  GtkLabel       *period_label;
  GtkPopover     *period_popover;
  GtkEntry       *from_entry;
  GtkEntry       *to_entry;
  GtkToggleButton *follow_button;
  GtkDropDown    *size_dropdown;
  GtkDropDown    *color_dropdown;
  GtkToggleButton *list_button;
  GtkLabel       *summary_label;
  GtkStack       *stack;
  LtGraphView    *view;
  guint           metrics_serial;        /* of the graph whose metrics are wanted */
  GCancellable   *metrics_cancellable;   /* while a thread computes them */
  AdwStatusPage  *empty_page;
  GtkWidget      *all_time_button;
  GtkPaned       *list_paned;
  gboolean        list_split;      /* the paned has had its first, even split */
  GtkColumnView  *node_list;
  GtkColumnView  *edge_list;
  GtkBox         *details_box;
};

void       _lt_graph_page_refilter               (LtGraphPage    *self);
void       _lt_graph_page_ensure_built           (LtGraphPage    *self);
void       _lt_graph_page_window_changed         (LtGraphPage    *self);
void       _lt_graph_page_notify_follow_timeline (LtGraphPage    *self);

/* lt-graph-page-filters.c */
void       _lt_graph_page_filters_class_init     (GtkWidgetClass *widget_class);
void       _lt_graph_page_build_filter_box       (LtGraphPage    *self);
gboolean   _lt_graph_page_parse_day              (GtkEntry       *entry,
                                                  gboolean        end,
                                                  gint64         *day,
                                                  gboolean       *valid);
void       _lt_graph_page_update_period_button   (LtGraphPage    *self);

/* lt-graph-page-details.c */
void       _lt_graph_page_update_details         (LtGraphPage    *self);
GtkWidget *_lt_graph_page_add_label              (GtkBox         *box,
                                                  const char     *text,
                                                  const char     *css_class);

G_END_DECLS
