/* lt-event.h: LtEvent, a dated event with its participants, figures and citations
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

#define LT_TYPE_EVENT (lt_event_get_type ())

G_DECLARE_FINAL_TYPE (LtEvent, lt_event, LT, EVENT, LtRecord)

/* Text getters (title, summary, place) return the store's display language
 * with English as the fallback; setters set the English text, and
 * lt_record_set_translation() sets the others. An event from
 * lt_event_new() is a draft (id 0) for lt_store_add_event().
 */
LtEvent           *lt_event_new                 (void);
const char        *lt_event_get_title           (LtEvent            *self);
void               lt_event_set_title           (LtEvent            *self,
                                                 const char         *title);
const char        *lt_event_get_summary         (LtEvent            *self);
void               lt_event_set_summary         (LtEvent            *self,
                                                 const char         *summary);
const char        *lt_event_get_place           (LtEvent            *self);
void               lt_event_set_place           (LtEvent            *self,
                                                 const char         *place);
const char        *lt_event_get_category        (LtEvent            *self);
void               lt_event_set_category        (LtEvent            *self,
                                                 const char         *category);
const LtDateRange *lt_event_get_date_range      (LtEvent            *self);
void               lt_event_set_date_range      (LtEvent            *self,
                                                 const LtDateRange  *range);
gint32             lt_event_get_start_day       (LtEvent            *self);
gint32             lt_event_get_end_day         (LtEvent            *self);
GPtrArray         *lt_event_list_participants   (LtEvent            *self);
void               lt_event_add_participant     (LtEvent            *self,
                                                 gint64              actor_id,
                                                 const char         *role);
void               lt_event_clear_participants  (LtEvent            *self);
GPtrArray         *lt_event_get_figures         (LtEvent            *self);
void               lt_event_add_figure          (LtEvent            *self,
                                                 double              value,
                                                 const char         *counts,
                                                 const char         *qualifier);
void               lt_event_clear_figures       (LtEvent            *self);
GPtrArray         *lt_event_get_citations       (LtEvent            *self);
void               lt_event_add_citation        (LtEvent            *self,
                                                 gint64              source_id,
                                                 const char         *locator,
                                                 const char         *note);
void               lt_event_clear_citations     (LtEvent            *self);

G_END_DECLS
