/* lt-record-private.h: the records' fields and what their files share
 *
 * LtRecord's private fields, the structs of its subclasses (lt-event.c,
 * lt-actor.c, lt-source.c, lt-relation.c) and the translations table. The
 * record files see only this header, never the store's internals: the
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
#include "lt-record.h"
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

/* What every record holds; the store fills it in when it builds a record
 * from a row (lt-store-load.c). */
typedef struct
{
  /* Where lazily loaded details come from (see _lt_record_set_store()). */
  LtStore    *store;
  const char *lang;  /* interned */

  gint64      id;
  char       *slug;
  gboolean    restricted;
  LtI18n      i18n;

  guint       i18n_complete : 1;
  guint       details_loaded : 1;
} LtRecordPrivate;

LtRecordPrivate *_lt_record_get_private  (gpointer     record);
void             _lt_record_set_store    (gpointer     record,
                                          LtStore     *store);
/* Marks a record built from a row of @store: it loads its translations and
 * details from the store when first asked. */
LtRecordPrivate *_lt_record_init_stored  (gpointer     record,
                                          LtStore     *store,
                                          const char  *lang);
void             _lt_record_ensure_i18n  (LtRecord    *self);
void             _lt_record_ensure_details (LtRecord  *self);
/* Loads all that the record loads lazily, as writing or comparing it needs. */
void             _lt_record_ensure_complete (LtRecord *self);
/* The title (or name) in the display language; %NULL for a relation. */
const char      *_lt_record_get_title    (LtRecord    *self);
/* The text of @field in the display language, or @english. */
const char      *_lt_record_pick         (LtRecord    *self,
                                          const char  *field,
                                          const char  *english);
/* Sets a text field, empty text as %NULL, and notifies @pspec on change. */
void             _lt_record_set_text     (LtRecord    *self,
                                          char       **field,
                                          const char  *text,
                                          GParamSpec  *pspec);

struct _LtEvent
{
  LtRecord     parent_instance;

  char        *title;
  char        *summary;
  char        *place;
  char        *category;
  LtDateRange  range;
  gint32       start_day;
  gint32       end_day;

  GPtrArray   *participants;
  GPtrArray   *figures;
  GPtrArray   *citations;
};

struct _LtActor
{
  LtRecord   parent_instance;

  char      *name;
  char      *kind;
  char      *country;
  char      *description;
  char     **aliases;
};

struct _LtSource
{
  LtRecord   parent_instance;

  char      *title;
  char      *publisher;
  char      *author;
  char      *date;
  char      *url;
  char      *language;
  char      *file;
  char      *note;
  char      *full_text;
};

struct _LtRelation
{
  LtRecord     parent_instance;

  gint64       from_id;
  gint64       to_id;
  char        *from_name;
  char        *to_name;
  char        *relation_type;
  LtDateRange  range;
  gboolean     has_range;
  char        *note;
  GPtrArray   *citations;
};

GPtrArray    *_lt_ptr_array_copy            (GPtrArray        *array,
                                             GBoxedCopyFunc    copy,
                                             GDestroyNotify    free_func);

/* Where a record loaded from a store gets what it loads lazily (its
 * translations; an event's participants, figures and citations; a
 * relation's citations). The store builds the records (lt-store-load.c)
 * and installs its loader once, from lt_store_class_init(); the record
 * files only call through it, so they never call into the store. */
typedef struct
{
  void (*load_i18n)    (LtStore      *store,
                        LtRecordKind  kind,
                        gint64        id,
                        LtI18n       *i18n);
  void (*load_details) (LtStore      *store,
                        LtRecord     *record);
} LtRecordLoader;

void          _lt_record_set_loader        (const LtRecordLoader *loader);
const LtRecordLoader *_lt_record_get_loader (void);

G_END_DECLS
