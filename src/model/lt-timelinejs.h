/* lt-timelinejs.h: a chronicle as TimelineJS 3 JSON
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lt-store.h"

G_BEGIN_DECLS

gboolean lt_timelinejs_write (LtStore        *store,
                              GFile          *file,
                              LtExportFlags   flags,
                              GError        **error);

G_END_DECLS
