/* lt-event-list.h: LtEventList, the events of a filter as a list model
 *
 * Copyright 2024 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lt-event-filter.h"
#include "lt-record-list.h"
#include "lt-types.h"

G_BEGIN_DECLS

#define LT_TYPE_EVENT_LIST (lt_event_list_get_type ())

G_DECLARE_FINAL_TYPE (LtEventList, lt_event_list, LT, EVENT_LIST, LtRecordList)

/* A GListModel of LtEvent, sorted by (start day, id). Only the ids are
 * loaded when the list is built; items are built on demand in small chunks.
 * The list follows the store's "changed" signal and emits items-changed for
 * the rows that changed. Create it with lt_store_list_events(). */
const LtEventFilter *lt_event_list_get_filter  (LtEventList         *self);
void                 lt_event_list_set_filter  (LtEventList         *self,
                                                const LtEventFilter *filter);
gint64               lt_event_list_get_id_at   (LtEventList         *self,
                                                guint                position);

G_END_DECLS
