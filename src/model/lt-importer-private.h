/* lt-importer-private.h: the importer's state and the functions its files share
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lt-csv.h"
#include "lt-importer.h"
#include "lt-model-private.h"

G_BEGIN_DECLS

typedef enum
{
  TJS_YEAR,
  TJS_MONTH,
  TJS_DAY,
  TJS_END_YEAR,
  TJS_END_MONTH,
  TJS_END_DAY,
  TJS_HEADLINE,
  TJS_TEXT,
  TJS_MEDIA,
  TJS_MEDIA_CREDIT,
  TJS_MEDIA_CAPTION,
  TJS_TYPE,
  TJS_GROUP,
  N_TJS,
} TjsColumn;

typedef struct
{
  guint  row;
  char  *message;
  guint  skips : 1;
} Issue;

typedef struct
{
  LtRecordKind        kind;
  char               *slug;
  char               *label;
  LtImportResolution  resolution;
} Conflict;

struct _LtImporter
{
  GObject       parent_instance;

  GFile        *file;
  char         *name;
  LtImportFormat format;
  const char   *encoding;   /* interned */

  /* CSV */
  LtCsv        *csv;
  char        **columns;
  int           fields[LT_IMPORT_N_FIELDS];
  int           tjs[N_TJS];

  /* Chronicle JSON */
  JsonNode     *root;
  guint         n_records;

  /* Results of the last plan */
  guint         counts[4][3];
  GArray       *issues;     /* of Issue */
  GPtrArray    *conflicts;  /* of Conflict */
  GHashTable   *resolutions; /* "kind/slug" -> resolution + 1 */

  gint          progress;   /* per mille, atomic: read from the main thread */
  GPtrArray    *category_labels; /* casefolded, in lt_category_list_keys() order */
};

typedef struct
{
  LtStore     *store;
  LtUndoGroup *group;     /* NULL in a preview */
  GHashTable  *events;    /* "title\x1fdate" -> stored id (0: added by this import) */
  GHashTable  *actors;    /* name -> id (0: to add) */
  GHashTable  *sources;   /* "u:url" / "t:title" -> id (0: to add) */
  GHashTable  *cited;     /* keys of stored sources already counted */
  GHashTable  *slugs;     /* event slugs this import gave */
} Plan;

typedef struct
{
  LtImporter  *self;
  Plan        *plan;
  guint        done;
  GCancellable *cancellable;
} Merge;

/* lt-importer.c */
void          _lt_importer_add_issue       (LtImporter   *self,
                                            guint         row,
                                            gboolean      skips,
                                            const char   *message);
void          _lt_importer_set_progress    (LtImporter   *self,
                                            guint         done,
                                            guint         total);

/* lt-importer-csv.c */
gboolean      _lt_importer_load_csv        (LtImporter   *self,
                                            const char   *contents,
                                            gsize         length,
                                            GError      **error);
void          _lt_importer_plan_clear      (Plan         *plan);
gboolean      _lt_importer_plan_csv        (LtImporter   *self,
                                            Plan         *plan,
                                            GCancellable *cancellable,
                                            GError      **error);

/* lt-importer-chronicle.c */
gboolean      _lt_importer_load_chronicle  (LtImporter   *self,
                                            const char   *contents,
                                            gsize         length,
                                            GError      **error);
gint64        _lt_importer_find_slug       (LtStore      *store,
                                            LtRecordKind  kind,
                                            const char   *slug);
gboolean      _lt_importer_merge_cb        (GObject      *record,
                                            gpointer      data,
                                            GError      **error);

G_END_DECLS
