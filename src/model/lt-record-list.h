/* lt-record-list.h: LtRecordList, the base of the list models of records
 *
 * Copyright 2024 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lt-record.h"
#include "lt-types.h"

G_BEGIN_DECLS

#define LT_TYPE_RECORD_LIST (lt_record_list_get_type ())

G_DECLARE_DERIVABLE_TYPE (LtRecordList, lt_record_list, LT, RECORD_LIST, GObject)

/**
 * LtRecordListClass:
 * @parent_class: the parent class
 * @kind: the kind of records listed: the item type, and the table of the
 *   store's "changed" signal that the list follows
 * @load: all the records the list shows, in any order
 * @matches: whether a record belongs in the list
 * @compare: the order of the list
 * @reload: replaces all the items from the store, in one items-changed
 * @record_changed: follows a change of one record of @kind
 * @get_n_items: how many items there are
 * @get_item: (transfer full): the record at a position
 * @find: where the record with an id is
 *
 * A list that holds its records sets @load, @matches and @compare; one that
 * builds its items on demand (LtEventList) replaces the other functions.
 */
struct _LtRecordListClass
{
  GObjectClass   parent_class;

  LtRecordKind   kind;

  GPtrArray   *(*load)           (LtRecordList *self);
  gboolean     (*matches)        (LtRecordList *self,
                                  LtRecord     *record);
  int          (*compare)        (LtRecord     *a,
                                  LtRecord     *b);

  void         (*reload)         (LtRecordList *self);
  void         (*record_changed) (LtRecordList *self,
                                  gint64        id,
                                  LtChange      change);
  guint        (*get_n_items)    (LtRecordList *self);
  gpointer     (*get_item)       (LtRecordList *self,
                                  guint         position);
  gboolean     (*find)           (LtRecordList *self,
                                  gint64        id,
                                  guint        *position);
};

LtStore  *lt_record_list_get_store  (LtRecordList *self);
gboolean  lt_record_list_find       (LtRecordList *self,
                                     gint64        id,
                                     guint        *position);

G_END_DECLS
