/* lt-relation.h: LtRelation, a typed link between two actors
 *
 * Copyright 2024 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "lt-date.h"
#include "lt-record.h"
#include "lt-types.h"

G_BEGIN_DECLS

#define LT_TYPE_RELATION (lt_relation_get_type ())

G_DECLARE_FINAL_TYPE (LtRelation, lt_relation, LT, RELATION, LtRecord)

/* A relation "from --type--> to", e.g. "omon --part-of--> mvd". The date
 * range is optional (lt_relation_get_date_range() returns NULL without one). */
LtRelation        *lt_relation_new               (void);
gint64             lt_relation_get_from_id       (LtRelation        *self);
void               lt_relation_set_from_id       (LtRelation        *self,
                                                  gint64             from_id);
gint64             lt_relation_get_to_id         (LtRelation        *self);
void               lt_relation_set_to_id         (LtRelation        *self,
                                                  gint64             to_id);
const char        *lt_relation_get_from_name     (LtRelation        *self);
const char        *lt_relation_get_to_name       (LtRelation        *self);
const char        *lt_relation_get_relation_type (LtRelation        *self);
void               lt_relation_set_relation_type (LtRelation        *self,
                                                  const char        *relation_type);
const LtDateRange *lt_relation_get_date_range    (LtRelation        *self);
void               lt_relation_set_date_range    (LtRelation        *self,
                                                  const LtDateRange *range);
const char        *lt_relation_get_note          (LtRelation        *self);
void               lt_relation_set_note          (LtRelation        *self,
                                                  const char        *note);
GPtrArray         *lt_relation_get_citations     (LtRelation        *self);
void               lt_relation_add_citation      (LtRelation        *self,
                                                  gint64             source_id,
                                                  const char        *locator,
                                                  const char        *note);
void               lt_relation_clear_citations   (LtRelation        *self);

G_END_DECLS
