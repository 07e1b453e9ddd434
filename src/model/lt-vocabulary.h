/* lt-vocabulary.h: the keys of categories, actor kinds, roles and relation types, and their names
 *
 * Copyright 2024 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* All functions take the stable ASCII keys of COMMON.md ("detention",
 * "state-body", ...). Labels are translated for the current locale;
 * get_label() returns NULL for an unknown key, get_index() returns -1.
 * The order of list_keys() is stable: spans and pairs store these indices.
 */
const char         *lt_category_get_label      (const char *key);
const char * const *lt_category_list_keys      (void);
int                 lt_category_get_index      (const char *key);

const char         *lt_actor_kind_get_label    (const char *key);
const char * const *lt_actor_kind_list_keys    (void);
int                 lt_actor_kind_get_index    (const char *key);

const char         *lt_role_get_label          (const char *key);
const char * const *lt_role_list_keys          (void);
int                 lt_role_get_index          (const char *key);

const char         *lt_relation_type_get_label (const char *key);
const char * const *lt_relation_type_list_keys (void);
int                 lt_relation_type_get_index (const char *key);
char               *lt_relation_type_describe  (const char *key,
                                                gboolean    from_side,
                                                const char *other_name);

const char         *lt_figure_kind_get_label   (const char *key);
const char * const *lt_figure_kind_list_keys   (void);
int                 lt_figure_kind_get_index   (const char *key);

const char         *lt_qualifier_get_label     (const char *key);
const char * const *lt_qualifier_list_keys     (void);
int                 lt_qualifier_get_index     (const char *key);

char               *lt_format_number           (double      value);

G_END_DECLS
