/* lt-chronicle-file.h: opening the user's chronicle and making new ones
 *
 * Copyright 2026 The Letapis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lt-store.h"

G_BEGIN_DECLS

GFile   *lt_chronicle_dup_default_file (void);
GFile   *lt_chronicle_dup_bundled_dir  (void);
LtStore *lt_chronicle_open             (GFile     *file,
                                        GError   **error);
LtStore *lt_chronicle_open_for_reading (GFile     *file,
                                        GError   **error);
LtStore *lt_chronicle_open_default     (GError   **error);
LtStore *lt_chronicle_open_to_show     (GFile     *file,
                                        GError   **error);
LtStore *lt_chronicle_create           (GFile     *file,
                                        gboolean   with_bundled_chronicle,
                                        GError   **error);

G_END_DECLS
