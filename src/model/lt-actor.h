/* lt-actor.h: LtActor, a person or an organization, with its aliases
 *
 * Copyright 2024 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "lt-record.h"
#include "lt-types.h"

G_BEGIN_DECLS

#define LT_TYPE_ACTOR (lt_actor_get_type ())

G_DECLARE_FINAL_TYPE (LtActor, lt_actor, LT, ACTOR, LtRecord)

/* name and description follow the display language (English fallback). */
LtActor            *lt_actor_new              (void);
const char         *lt_actor_get_name         (LtActor            *self);
void                lt_actor_set_name         (LtActor            *self,
                                               const char         *name);
const char         *lt_actor_get_kind         (LtActor            *self);
void                lt_actor_set_kind         (LtActor            *self,
                                               const char         *kind);
const char         *lt_actor_get_country      (LtActor            *self);
void                lt_actor_set_country      (LtActor            *self,
                                               const char         *country);
const char         *lt_actor_get_description  (LtActor            *self);
void                lt_actor_set_description  (LtActor            *self,
                                               const char         *description);
const char * const *lt_actor_get_aliases      (LtActor            *self);
void                lt_actor_set_aliases      (LtActor            *self,
                                               const char * const *aliases);

G_END_DECLS
