/* lt-csv.h: reading spreadsheets saved as CSV
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * LtCsv:
 * @rows: (element-type GStrv): the records, header included
 * @row_numbers: (element-type guint): each record's row number as a
 *   spreadsheet shows it (from 1; blank lines are counted, not kept)
 * @delimiter: the field separator that was found: ',', ';' or '\t'
 */
typedef struct
{
  GPtrArray *rows;
  GArray    *row_numbers;
  char       delimiter;
} LtCsv;

char     *lt_csv_decode      (const char  *data,
                              gsize        length,
                              const char  *encoding,
                              const char **detected,
                              GError     **error);
LtCsv    *lt_csv_parse       (const char  *text,
                              GError     **error);
void      lt_csv_free        (LtCsv       *csv);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LtCsv, lt_csv_free)

G_END_DECLS
