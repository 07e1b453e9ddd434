/* lt-record-private.h: the records' fields and what their files share
 *
 * The record types (lt-event.c, lt-actor.c, lt-source.c, lt-relation.c)
 * and lt-record.c see only this header, never the store's internals: the
 * store fills records in, records do not call the store.
 *
 * Copyright 2024 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <math.h>

#include "lt-actor.h"
#include "lt-event.h"
#include "lt-relation.h"
#include "lt-source.h"
#include "lt-types.h"

G_BEGIN_DECLS

/* Figures count people: a value above this is a typo or an attack, and
 * infinity (1e400 in JSON) cannot be written back as JSON. Every whole
 * number up to it is exact in a double and fits a gint64. */
#define LT_FIGURE_MAX 1e10

static inline gboolean
_lt_figure_value_is_valid (double value)
{
  return isfinite (value) && value >= 0 && value <= LT_FIGURE_MAX;
}

/* Translations of a record's text fields: "lang\x1ffield" -> text. */
typedef struct
{
  GHashTable *table;
} LtI18n;

void        _lt_i18n_init           (LtI18n     *self);
void        _lt_i18n_clear          (LtI18n     *self);
void        _lt_i18n_copy           (LtI18n     *dest,
                                     LtI18n     *src);
const char *_lt_i18n_get            (LtI18n     *self,
                                     const char *lang,
                                     const char *field);
gboolean    _lt_i18n_set            (LtI18n     *self,
                                     const char *lang,
                                     const char *field,
                                     const char *text);
/* Calls func (lang, field, text, data) sorted by lang, then field. */
void        _lt_i18n_foreach        (LtI18n     *self,
                                     void      (*func) (const char *lang,
                                                        const char *field,
                                                        const char *text,
                                                        gpointer    data),
                                     gpointer    data);
const char *_lt_i18n_pick           (LtI18n     *self,
                                     const char *lang,
                                     const char *field,
                                     const char *fallback);

gboolean    _lt_set_str             (char      **ptr,
                                     const char *str);

struct _LtEvent
{
  GObject      parent_instance;

  /* Where lazily loaded details come from; weak pointer. */
  LtStore     *store;
  const char   *lang;  /* interned */

  gint64       id;
  char        *slug;
  char        *title;
  char        *summary;
  char        *place;
  char        *category;
  LtDateRange  range;
  gint32       start_day;
  gint32       end_day;
  gboolean     restricted;
  LtI18n       i18n;

  GPtrArray   *participants;
  GPtrArray   *figures;
  GPtrArray   *citations;

  guint        i18n_complete : 1;
  guint        details_loaded : 1;
};

struct _LtActor
{
  GObject   parent_instance;

  LtStore  *store;
  const char  *lang;  /* interned */

  gint64    id;
  char     *slug;
  char     *name;
  char     *kind;
  char     *country;
  char     *description;
  char    **aliases;
  gboolean  restricted;
  LtI18n    i18n;

  guint     i18n_complete : 1;
};

struct _LtSource
{
  GObject   parent_instance;

  LtStore  *store;
  const char  *lang;  /* interned */

  gint64    id;
  char     *slug;
  char     *title;
  char     *publisher;
  char     *author;
  char     *date;
  char     *url;
  char     *language;
  char     *file;
  char     *note;
  char     *full_text;
  gboolean  restricted;
  LtI18n    i18n;

  guint     i18n_complete : 1;
};

struct _LtRelation
{
  GObject      parent_instance;

  LtStore     *store;
  const char   *lang;  /* interned */

  gint64       id;
  char        *slug;
  gint64       from_id;
  gint64       to_id;
  char        *from_name;
  char        *to_name;
  char        *relation_type;
  LtDateRange  range;
  gboolean     has_range;
  char        *note;
  gboolean     restricted;
  LtI18n       i18n;
  GPtrArray   *citations;

  guint        i18n_complete : 1;
  guint        details_loaded : 1;
};

GPtrArray    *_lt_ptr_array_copy            (GPtrArray        *array,
                                             GBoxedCopyFunc    copy,
                                             GDestroyNotify    free_func);
void          _lt_record_set_store         (GObject          *record,
                                            LtStore         **store_field,
                                            LtStore          *store);

/* Where a record loaded from a store gets what it loads lazily (its
 * translations; an event's participants, figures and citations; a
 * relation's citations). The store builds the records (lt-store-load.c)
 * and installs its loader once, from lt_store_class_init(); the record
 * files only call through it, so they never call into the store. */
typedef struct
{
  void (*load_i18n)             (LtStore      *store,
                                 LtRecordKind  kind,
                                 gint64        id,
                                 LtI18n       *i18n);
  void (*load_event_details)    (LtStore      *store,
                                 LtEvent      *event);
  void (*load_relation_details) (LtStore      *store,
                                 LtRelation   *relation);
} LtRecordLoader;

void          _lt_record_set_loader        (const LtRecordLoader *loader);
const LtRecordLoader *_lt_record_get_loader (void);

G_END_DECLS
