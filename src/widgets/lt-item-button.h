/* lt-item-button.h: a focusable, accessible widget over one item a view draws
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LT_TYPE_ITEM_BUTTON (lt_item_button_get_type ())

G_DECLARE_FINAL_TYPE (LtItemButton, lt_item_button, LT, ITEM_BUTTON, GtkWidget)

GtkWidget  *lt_item_button_new         (void);
void        lt_item_button_set_item    (LtItemButton *self,
                                        gint64        id,
                                        const char   *label);
void        lt_item_button_set_group   (LtItemButton *self,
                                        double        first,
                                        double        last,
                                        const char   *label);
gint64      lt_item_button_get_id      (LtItemButton *self);
gboolean    lt_item_button_is_group    (LtItemButton *self);
void        lt_item_button_get_range   (LtItemButton *self,
                                        double       *first,
                                        double       *last);
const char *lt_item_button_get_label   (LtItemButton *self);
void        lt_item_button_set_pressed (LtItemButton *self,
                                        gboolean      pressed);
gboolean    lt_item_button_get_pressed (LtItemButton *self);

G_END_DECLS
