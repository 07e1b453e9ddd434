/* lt-application.h: LtApplication: the app's actions, its command line and its windows
 *
 * Copyright 2026 The Letapis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LT_TYPE_APPLICATION (lt_application_get_type())

G_DECLARE_FINAL_TYPE (LtApplication, lt_application, LT, APPLICATION, AdwApplication)

LtApplication *lt_application_new          (const char        *application_id,
                                            GApplicationFlags  flags);
GSettings     *lt_application_get_settings (LtApplication     *self);

G_END_DECLS
