/* lt-item-pool.h: a view's bounded pool of LtItemButtons, reused from frame to frame
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "lt-item-button.h"

G_BEGIN_DECLS

#define LT_TYPE_ITEM_POOL (lt_item_pool_get_type ())

G_DECLARE_FINAL_TYPE (LtItemPool, lt_item_pool, LT, ITEM_POOL, GObject)

/**
 * LtItemScoreFunc:
 * @item: an item in use
 * @user_data: the data given to lt_item_pool_focus_nearest()
 *
 * Returns: how far @item is from where the focus comes from, in the direction it moves (the
 *   lowest wins), or a negative number if it is not that way
 */
typedef double (*LtItemScoreFunc) (LtItemButton *item,
                                   gpointer      user_data);

LtItemPool   *lt_item_pool_new             (GtkWidget           *parent,
                                            guint                max_items);
guint         lt_item_pool_get_max_items   (LtItemPool          *self);
guint         lt_item_pool_get_n_items     (LtItemPool          *self);
guint         lt_item_pool_get_n_used      (LtItemPool          *self);
LtItemButton *lt_item_pool_get_item        (LtItemPool          *self,
                                            guint                k);
void          lt_item_pool_set_focus_rings (LtItemPool          *self,
                                            gboolean             focus_rings);
void          lt_item_pool_grow            (LtItemPool          *self,
                                            guint                n_items,
                                            guint                at_most);
void          lt_item_pool_set_count       (LtItemPool          *self,
                                            guint                n_items);
void          lt_item_pool_set_n_used      (LtItemPool          *self,
                                            guint                n_used);
void          lt_item_pool_move_to         (LtItemPool          *self,
                                            LtItemButton        *item,
                                            guint                k);
void          lt_item_pool_allocate        (LtItemPool          *self,
                                            guint                k,
                                            const GtkAllocation *allocation);
void          lt_item_pool_snapshot        (LtItemPool          *self,
                                            GtkSnapshot         *snapshot);
LtItemButton *lt_item_pool_find            (LtItemPool          *self,
                                            gint64               id);
void          lt_item_pool_set_pressed     (LtItemPool          *self,
                                            gint64               id);
LtItemButton *lt_item_pool_get_focused     (LtItemPool          *self);
gboolean      lt_item_pool_focus_nearest   (LtItemPool          *self,
                                            LtItemButton        *from,
                                            LtItemScoreFunc      score,
                                            gpointer             user_data);

G_END_DECLS
