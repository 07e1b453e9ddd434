/* lt-igraph.h: the one way into igraph, serialised and with errors as GErrors
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

/* igraph 0.10.2's headers test an undefined macro */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wundef"
#include <igraph.h>
#pragma GCC diagnostic pop

G_BEGIN_DECLS

GMutexLocker *lt_igraph_lock  (void) G_GNUC_WARN_UNUSED_RESULT;
gboolean      lt_igraph_check (igraph_error_t   status,
                               GError         **error);

G_END_DECLS
