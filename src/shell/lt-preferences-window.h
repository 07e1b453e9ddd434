/* lt-preferences-window.h: the Preferences window
 *
 * Copyright 2026 The Letapis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LT_TYPE_PREFERENCES_WINDOW (lt_preferences_window_get_type())

G_DECLARE_FINAL_TYPE (LtPreferencesWindow, lt_preferences_window, LT, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

LtPreferencesWindow *lt_preferences_window_new (GSettings *settings);

G_END_DECLS
