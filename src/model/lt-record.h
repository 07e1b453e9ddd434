/* lt-record.h: LtRecord, what an event, an actor, a source and a relation share
 *
 * Copyright 2024 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "lt-types.h"

G_BEGIN_DECLS

#define LT_TYPE_RECORD (lt_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (LtRecord, lt_record, LT, RECORD, GObject)

/**
 * LtRecordText:
 * @name: a translatable text field, and the name of the property that shows it
 * @english: where the record keeps the English text (an offset into its instance),
 *   or -1 where "en" is stored as a translation like the others
 */
typedef struct
{
  const char *name;
  gssize      english;
} LtRecordText;

/**
 * LtRecordClass:
 * @parent_class: the parent class
 * @kind: which kind of record the class is
 * @texts: (array zero-terminated=1): its translatable text fields, ending
 *   with a %NULL name; where the first keeps its English text, it is the
 *   record's title (or name)
 * @copy: makes a copy of the record with all its fields; subclasses chain up
 *   first and copy their own fields into what it returns
 */
struct _LtRecordClass
{
  GObjectClass        parent_class;

  LtRecordKind        kind;
  const LtRecordText *texts;

  LtRecord         *(*copy) (LtRecord *self);
};

/* A record is a draft (id 0) until the store adds it; text getters of the
 * subclasses follow the store's display language, with English as the
 * fallback, and lt_record_set_translation() sets the other languages. */
LtRecordKind  lt_record_get_kind          (LtRecord   *self);
gint64        lt_record_get_id            (LtRecord   *self);
const char   *lt_record_get_slug          (LtRecord   *self);
void          lt_record_set_slug          (LtRecord   *self,
                                           const char *slug);
const char   *lt_record_get_visibility    (LtRecord   *self);
gboolean      lt_record_is_restricted     (LtRecord   *self);
void          lt_record_set_restricted    (LtRecord   *self,
                                           gboolean    restricted);
const char   *lt_record_get_translation   (LtRecord   *self,
                                           const char *lang,
                                           const char *field);
void          lt_record_set_translation   (LtRecord   *self,
                                           const char *lang,
                                           const char *field,
                                           const char *text);
LtRecord     *lt_record_dup               (LtRecord   *self);

G_END_DECLS
