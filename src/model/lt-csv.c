/* lt-csv.c: reading spreadsheets saved as CSV
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lt-csv.h"
#include "lt-store.h"

/* RFC 4180, as spreadsheets write it: fields in double quotes may hold the
 * separator, newlines and doubled quotes; records end with CRLF, LF or CR.
 * Excel in Ukrainian and Belarusian locales separates with ";", so the
 * separator is whichever of , ; and tab the first line uses most. */

/**
 * lt_csv_decode:
 * @data: the file's bytes
 * @length: their number
 * @encoding: (nullable): the encoding to read, or %NULL to detect it
 * @detected: (out) (optional): the encoding used, "UTF-8", "UTF-16" or
 *   "WINDOWS-1251"
 * @error: return location for an error
 *
 * Turns a file into UTF-8 text without a byte-order mark. Text that is not
 * valid UTF-8 is read as Windows-1251, which Excel writes in Belarus and
 * Ukraine; a UTF-16 byte-order mark (Excel's "Unicode text") is followed.
 *
 * Returns: (transfer full): the text, or %NULL
 */
char *
lt_csv_decode (const char  *data,
               gsize        length,
               const char  *encoding,
               const char **detected,
               GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  char *text;

  if (encoding == NULL)
    {
      if (length >= 2 && (guchar) data[0] == 0xff && (guchar) data[1] == 0xfe)
        encoding = "UTF-16";
      else if (length >= 2 && (guchar) data[0] == 0xfe && (guchar) data[1] == 0xff)
        encoding = "UTF-16";
      else if (g_utf8_validate_len (data, length, NULL))
        encoding = "UTF-8";
      else
        encoding = "WINDOWS-1251";
    }

  if (detected != NULL)
    *detected = g_intern_string (encoding);

  if (g_ascii_strcasecmp (encoding, "UTF-8") == 0)
    {
      if (!g_utf8_validate_len (data, length, NULL))
        {
          g_set_error_literal (error, LT_STORE_ERROR, LT_STORE_ERROR_INVALID,
                               _("The file is not UTF-8 text"));
          return NULL;
        }
      text = g_strndup (data, length);
    }
  else if (!(text = g_convert (data, length, "UTF-8", encoding, NULL, NULL, &local_error)))
    {
      /* Translators: %s is an encoding such as WINDOWS-1251 */
      g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_INVALID,
                   _("The file is neither UTF-8 nor %s text"), encoding);
      return NULL;
    }

  if (g_str_has_prefix (text, "\xef\xbb\xbf"))
    memmove (text, text + 3, strlen (text + 3) + 1);

  return text;
}

static char
detect_delimiter (const char *text)
{
  static const char candidates[] = { ',', ';', '\t' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0, };
  gboolean quoted = FALSE;
  char best = ',';
  guint most = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && (*p == '\n' || *p == '\r'))
        break;
      else if (!quoted)
        for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
          if (*p == candidates[i])
            counts[i]++;
    }

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (counts[i] > most)
      {
        most = counts[i];
        best = candidates[i];
      }

  return best;
}

static gboolean
is_blank (GPtrArray *fields)
{
  return fields->len == 1 && *(const char *) g_ptr_array_index (fields, 0) == '\0';
}

/**
 * lt_csv_parse:
 * @text: UTF-8 text, as lt_csv_decode() returns
 * @error: return location for an error
 *
 * Returns: (transfer full): the records, or %NULL when a quoted field is
 *   never closed
 */
LtCsv *
lt_csv_parse (const char  *text,
              GError     **error)
{
  g_autoptr(LtCsv) csv = g_new0 (LtCsv, 1);
  g_autoptr(GString) field = g_string_new (NULL);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;
  guint row = 1;
  guint quote_row = 0;

  g_return_val_if_fail (text != NULL, NULL);

  csv->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  csv->row_numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  csv->delimiter = detect_delimiter (text);

  while (*p != '\0')
    {
      gboolean end_of_record = FALSE;

      if (*p == '"' && field->len == 0)
        {
          /* A quoted field runs to the closing quote, across lines. */
          quote_row = row;
          p++;
          for (;;)
            {
              if (*p == '\0')
                {
                  /* Translators: %u is a row number of the spreadsheet */
                  g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_INVALID,
                               _("Row %u: a quoted field is never closed"), quote_row);
                  return NULL;
                }
              if (*p == '"' && p[1] == '"')
                {
                  g_string_append_c (field, '"');
                  p += 2;
                }
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                {
                  /* A spreadsheet row, not a line: newlines inside stay in it. */
                  if (!(*p == '\r' && p[1] == '\n'))
                    g_string_append_c (field, *p);
                  p++;
                }
            }
          /* Anything between the closing quote and the separator is kept. */
          while (*p != '\0' && *p != csv->delimiter && *p != '\n' && *p != '\r')
            g_string_append_c (field, *p++);
        }

      if (*p == csv->delimiter)
        {
          g_ptr_array_add (fields, g_strndup (field->str, field->len));
          g_string_truncate (field, 0);
          p++;
          continue;
        }

      if (*p == '\r' || *p == '\n')
        {
          end_of_record = TRUE;
          p += (*p == '\r' && p[1] == '\n') ? 2 : 1;
        }
      else if (*p != '\0' && !(*p == '"' && field->len == 0))
        {
          g_string_append_c (field, *p);
          p++;
        }

      if (end_of_record || *p == '\0')
        {
          g_ptr_array_add (fields, g_strndup (field->str, field->len));
          g_string_truncate (field, 0);
          if (!is_blank (fields))
            {
              g_ptr_array_add (fields, NULL);
              g_ptr_array_add (csv->rows, g_ptr_array_steal (fields, NULL));
              g_array_append_val (csv->row_numbers, row);
              g_ptr_array_set_free_func (fields, g_free);
            }
          else
            g_ptr_array_set_size (fields, 0);
          row++;
        }
    }

  return g_steal_pointer (&csv);
}

void
lt_csv_free (LtCsv *csv)
{
  if (csv == NULL)
    return;
  g_clear_pointer (&csv->rows, g_ptr_array_unref);
  g_clear_pointer (&csv->row_numbers, g_array_unref);
  g_free (csv);
}
