/* lt-import-cli.h: imports from the command line, with no display
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

const GOptionEntry *lt_import_cli_get_entries  (void);
gboolean            lt_import_cli_wants_import (GVariantDict *options);
int                 lt_import_cli_run          (GVariantDict *options);

G_END_DECLS
