/* lt-window-editing.h: the window's actions that change the chronicle
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lt-window.h"

G_BEGIN_DECLS

void _lt_window_editing_class_init (GtkWidgetClass *widget_class);
void _lt_window_editing_init       (LtWindow       *self);

G_END_DECLS
