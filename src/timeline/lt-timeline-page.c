/* lt-timeline-page.c
 *
 * Copyright 2026 The Letapis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-timeline-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "lt-timeline-page.h"

struct _LtTimelinePage
{
  GtkWidget  parent_instance;

  LtStore   *store;
};

G_DEFINE_FINAL_TYPE (LtTimelinePage, lt_timeline_page, GTK_TYPE_WIDGET)

static void
lt_timeline_page_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (lt_timeline_page_parent_class)->dispose (object);
}

static void
lt_timeline_page_class_init (LtTimelinePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lt_timeline_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/letapis/Letapis/timeline/lt-timeline-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
lt_timeline_page_init (LtTimelinePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
lt_timeline_page_new (void)
{
  return g_object_new (LT_TYPE_TIMELINE_PAGE, NULL);
}

void
lt_timeline_page_set_store (LtTimelinePage *self,
                     LtStore *store)
{
  g_return_if_fail (LT_IS_TIMELINE_PAGE (self));

  self->store = store;
}

void
lt_timeline_page_start_search (LtTimelinePage *self)
{
  g_return_if_fail (LT_IS_TIMELINE_PAGE (self));
}

void
lt_timeline_page_select_event (LtTimelinePage *self,
                              gint64 event_id)
{
  g_return_if_fail (LT_IS_TIMELINE_PAGE (self));
}

void
lt_timeline_page_filter_actor (LtTimelinePage *self,
                              gint64 actor_id)
{
  g_return_if_fail (LT_IS_TIMELINE_PAGE (self));
}
