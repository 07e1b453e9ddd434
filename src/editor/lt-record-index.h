/* lt-record-index.h: names of records found as you type, for the editors' pickers
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lt-model.h"

G_BEGIN_DECLS

typedef struct _LtRecordIndex LtRecordIndex;

/**
 * LtRecordMatch:
 * @id: the record's row id
 * @label: its name or title in the records' language
 * @detail: (nullable): what it is (an actor's kind, a source's publisher)
 * @matched: (nullable): the other name that matched (an alias, another script's name),
 *   %NULL when @label did
 *
 * Borrowed from the index; valid while it lives.
 */
typedef struct
{
  gint64      id;
  const char *label;
  const char *detail;
  const char *matched;
} LtRecordMatch;

LtRecordIndex *lt_record_index_new_actors  (LtStore       *store);
LtRecordIndex *lt_record_index_new_sources (LtStore       *store);
void           lt_record_index_free        (LtRecordIndex *self);
GArray        *lt_record_index_search      (LtRecordIndex *self,
                                            const char    *query,
                                            guint          limit);
const char    *lt_record_index_get_label   (LtRecordIndex *self,
                                            gint64         id);
const char    *lt_record_index_get_detail  (LtRecordIndex *self,
                                            gint64         id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LtRecordIndex, lt_record_index_free)

G_END_DECLS
