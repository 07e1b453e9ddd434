/* lt-record-lists.h: the list models of actors, relations and sources
 *
 * Copyright 2024 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lt-record-list.h"

G_BEGIN_DECLS

#define LT_TYPE_ACTOR_LIST (lt_actor_list_get_type ())

G_DECLARE_FINAL_TYPE (LtActorList, lt_actor_list, LT, ACTOR_LIST, LtRecordList)

/* A GListModel of LtActor sorted by display name, optionally of one kind;
 * restricted actors are included (check lt_record_is_restricted()). */
const char *lt_actor_list_get_kind        (LtActorList    *self);

#define LT_TYPE_RELATION_LIST (lt_relation_list_get_type ())

G_DECLARE_FINAL_TYPE (LtRelationList, lt_relation_list, LT, RELATION_LIST, LtRecordList)

/* A GListModel of LtRelation touching one actor (either end), or all (actor 0),
 * sorted by id. */
gint64      lt_relation_list_get_actor_id (LtRelationList *self);

#define LT_TYPE_SOURCE_LIST (lt_source_list_get_type ())

/* A GListModel of LtSource sorted by title. */
G_DECLARE_FINAL_TYPE (LtSourceList, lt_source_list, LT, SOURCE_LIST, LtRecordList)

G_END_DECLS
