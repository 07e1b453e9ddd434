/* lt-window.h: LtWindow: the two pages, opening chronicles, export, print and import
 *
 * Copyright 2026 The Letapis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lt-application.h"
#include "lt-model.h"

G_BEGIN_DECLS

#define LT_TYPE_WINDOW (lt_window_get_type())

G_DECLARE_FINAL_TYPE (LtWindow, lt_window, LT, WINDOW, AdwApplicationWindow)

LtWindow   *lt_window_new              (LtApplication *application);
LtStore    *lt_window_get_store        (LtWindow      *self);
void        lt_window_set_store        (LtWindow      *self,
                                        LtStore       *store);
gboolean    lt_window_open_database    (LtWindow      *self,
                                        GFile         *file);
const char *lt_window_get_visible_page (LtWindow      *self);
void        lt_window_add_toast        (LtWindow      *self,
                                        AdwToast      *toast);

G_END_DECLS
