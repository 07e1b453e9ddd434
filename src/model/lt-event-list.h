/* lt-event-list.h
 *
 * Copyright 2024 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lt-event-filter.h"
#include "lt-types.h"

G_BEGIN_DECLS

#define LT_TYPE_EVENT_LIST (lt_event_list_get_type ())

G_DECLARE_FINAL_TYPE (LtEventList, lt_event_list, LT, EVENT_LIST, GObject)

/* A GListModel of LtEvent, sorted by (start day, id). Only the ids are
 * loaded when the list is built; items are built on demand in small chunks.
 * The list follows the store's "changed" signal and emits items-changed for
 * the rows that changed. Create it with lt_store_list_events(). */
LtStore             *lt_event_list_get_store   (LtEventList         *self);
const LtEventFilter *lt_event_list_get_filter  (LtEventList         *self);
void                 lt_event_list_set_filter  (LtEventList         *self,
                                                const LtEventFilter *filter);
gint64               lt_event_list_get_id_at   (LtEventList         *self,
                                                guint                position);
gboolean             lt_event_list_find        (LtEventList         *self,
                                                gint64               event_id,
                                                guint               *position);

#define LT_TYPE_ACTOR_LIST (lt_actor_list_get_type ())

G_DECLARE_FINAL_TYPE (LtActorList, lt_actor_list, LT, ACTOR_LIST, GObject)

/* A GListModel of LtActor sorted by display name, optionally of one kind;
 * restricted actors are included (check lt_actor_is_restricted()). */
LtStore             *lt_actor_list_get_store   (LtActorList         *self);
const char          *lt_actor_list_get_kind    (LtActorList         *self);
gboolean             lt_actor_list_find        (LtActorList         *self,
                                                gint64               actor_id,
                                                guint               *position);

#define LT_TYPE_RELATION_LIST (lt_relation_list_get_type ())

G_DECLARE_FINAL_TYPE (LtRelationList, lt_relation_list, LT, RELATION_LIST, GObject)

/* A GListModel of LtRelation touching one actor (either end), or all (actor 0),
 * sorted by id. */
LtStore             *lt_relation_list_get_store    (LtRelationList *self);
gint64               lt_relation_list_get_actor_id (LtRelationList *self);
gboolean             lt_relation_list_find         (LtRelationList *self,
                                                    gint64          relation_id,
                                                    guint          *position);

#define LT_TYPE_SOURCE_LIST (lt_source_list_get_type ())

G_DECLARE_FINAL_TYPE (LtSourceList, lt_source_list, LT, SOURCE_LIST, GObject)

/* A GListModel of LtSource sorted by title. */
LtStore             *lt_source_list_get_store  (LtSourceList        *self);
gboolean             lt_source_list_find       (LtSourceList        *self,
                                                gint64               source_id,
                                                guint               *position);

G_END_DECLS
