/* lt-record-tag.h: the mark restricted records carry wherever they show
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *lt_restricted_tag_new (void);

G_END_DECLS
