/* lt-atomic-file.h: the one way Letapis writes a file
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean lt_atomic_file_write (GFile       *file,
                               const char  *data,
                               gsize        length,
                               GError     **error);

G_END_DECLS
