/* lt-timeline-page.h: the Timeline page: the view, its search, filters and details
 *
 * Copyright 2026 The Letapis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "lt-timeline-layout.h"

G_BEGIN_DECLS

typedef struct _LtStore LtStore;

#define LT_TYPE_TIMELINE_PAGE (lt_timeline_page_get_type())

G_DECLARE_FINAL_TYPE (LtTimelinePage, lt_timeline_page, LT, TIMELINE_PAGE, GtkWidget)

GtkWidget *lt_timeline_page_new          (void);
void       lt_timeline_page_set_store    (LtTimelinePage *self,
                                  LtStore *store);
void       lt_timeline_page_start_search (LtTimelinePage *self);
void       lt_timeline_page_select_event (LtTimelinePage *self,
                                         gint64 event_id);
void       lt_timeline_page_filter_actor (LtTimelinePage *self,
                                         gint64 actor_id);
GtkWidget *lt_timeline_page_get_view     (LtTimelinePage *self);
void       lt_timeline_page_get_filter   (LtTimelinePage  *self,
                                          char          ***categories,
                                          char           **search,
                                          gint64          *actor_id,
                                          LtLaneMode      *lanes);
void       lt_timeline_page_get_visible_window (LtTimelinePage *self,
                                                double         *start_day,
                                                double         *end_day);

G_END_DECLS
