/* lt-source.h: LtSource, a document that records cite
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

#define LT_TYPE_SOURCE (lt_source_get_type ())

G_DECLARE_FINAL_TYPE (LtSource, lt_source, LT, SOURCE, LtRecord)

/* title and note follow the display language (English fallback);
 * "language" is the language the document is written in. */
LtSource   *lt_source_new              (void);
const char *lt_source_get_title        (LtSource   *self);
void        lt_source_set_title        (LtSource   *self,
                                        const char *title);
const char *lt_source_get_publisher    (LtSource   *self);
void        lt_source_set_publisher    (LtSource   *self,
                                        const char *publisher);
const char *lt_source_get_author       (LtSource   *self);
void        lt_source_set_author       (LtSource   *self,
                                        const char *author);
const char *lt_source_get_date         (LtSource   *self);
void        lt_source_set_date         (LtSource   *self,
                                        const char *date);
const char *lt_source_get_url          (LtSource   *self);
void        lt_source_set_url          (LtSource   *self,
                                        const char *url);
const char *lt_source_get_language     (LtSource   *self);
void        lt_source_set_language     (LtSource   *self,
                                        const char *language);
const char *lt_source_get_file         (LtSource   *self);
void        lt_source_set_file         (LtSource   *self,
                                        const char *file);
const char *lt_source_get_note         (LtSource   *self);
void        lt_source_set_note         (LtSource   *self,
                                        const char *note);
const char *lt_source_get_full_text    (LtSource   *self);
void        lt_source_set_full_text    (LtSource   *self,
                                        const char *full_text);

G_END_DECLS
