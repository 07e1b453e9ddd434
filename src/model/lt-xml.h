/* lt-xml.h: text that is safe in an XML document
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *lt_xml_escape_text (const char *text);

G_END_DECLS
