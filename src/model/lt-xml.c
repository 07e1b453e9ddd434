/* lt-xml.c: text that is safe in an XML document
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-xml"

#include "config.h"

#include "lt-xml.h"

/* The characters XML 1.0 allows at all, even as a character reference. */
static gboolean
is_xml_char (gunichar c)
{
  return c == 0x9 || c == 0xA || c == 0xD ||
         (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

/**
 * lt_xml_escape_text:
 * @text: (nullable): any text, from a record or the command line
 *
 * Escapes @text for XML content or an attribute value. g_markup_escape_text()
 * turns a control character into a reference such as `&#x1;`, which XML 1.0
 * forbids: a name pasted with a stray control character made GraphML, GEXF
 * and SVG files that no reader would open. Such characters are left out,
 * and bytes that are not UTF-8 replaced.
 *
 * Returns: (transfer full): the escaped text
 */
char *
lt_xml_escape_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  g_autoptr(GString) kept = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_xml_char (c))
        g_string_append_unichar (kept, c);
    }

  return g_markup_escape_text (kept->str, kept->len);
}
