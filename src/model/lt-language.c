/* lt-language.c: the one answer to "which language is the interface in?"
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The window, the timeline's month names, the exports' xml:lang and the records' language
 * must all agree with the strings gettext gives, or a page mixes "Chronicle of Events" with
 * "липень 2021". Guessing from LANGUAGE and the locale gets it wrong whenever gettext ignores
 * them: under the C locale, with an ungenerated locale, or when the catalogue is not
 * installed. So ask gettext itself: every catalogue translates one marker string into its
 * own language code. */

#define G_LOG_DOMAIN "lt-language"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lt-language.h"

/**
 * lt_get_ui_language:
 *
 * Gets the language the user interface is shown in: the language of the catalogue gettext
 * translates from right now, as one of the chronicle's languages.
 *
 * Returns: "en", "uk" or "be"
 */
const char *
lt_get_ui_language (void)
{
  /* Translators: the code of the language you translate into, exactly "uk" or "be".
   * Letapis asks for it to show the chronicle's records and dates in your language. */
  const char *code = C_("ui-language", "en");

  if (g_str_equal (code, "uk"))
    return "uk";
  if (g_str_equal (code, "be"))
    return "be";

  return "en";
}
