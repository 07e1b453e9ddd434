/* lt-language.h: the one answer to "which language is the interface in?"
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *lt_get_ui_language (void);

G_END_DECLS
