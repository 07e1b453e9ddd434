/* lt-export-cli.h: exports from the command line, with no display
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Exit status of a command line that cannot be carried out as written:
 * a bad date, an unknown category or actor, an unknown extension, a path that
 * cannot be written. */
#define LT_EXPORT_CLI_USAGE_ERROR 2
/* Exit status of an export that went wrong while it was written (an error was logged). */
#define LT_EXPORT_CLI_FAILED      1

const GOptionEntry *lt_export_cli_get_entries  (void);
gboolean            lt_export_cli_wants_export (GVariantDict *options);
int                 lt_export_cli_run          (GVariantDict *options);

G_END_DECLS
