/* lt-importer.h: bringing spreadsheets and other chronicles in
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lt-types.h"

G_BEGIN_DECLS

/**
 * LtImportFormat:
 * @LT_IMPORT_FORMAT_NONE: nothing loaded yet
 * @LT_IMPORT_FORMAT_TIMELINEJS: CSV in the layout of TimelineJS's sheet
 * @LT_IMPORT_FORMAT_CSV: CSV with the user's own columns
 * @LT_IMPORT_FORMAT_CHRONICLE: a Letapis chronicle JSON (--export-data)
 */
typedef enum
{
  LT_IMPORT_FORMAT_NONE,
  LT_IMPORT_FORMAT_TIMELINEJS,
  LT_IMPORT_FORMAT_CSV,
  LT_IMPORT_FORMAT_CHRONICLE,
} LtImportFormat;

/**
 * LtImportField:
 *
 * What a column of a CSV with the user's own columns holds.
 */
typedef enum
{
  LT_IMPORT_FIELD_DATE,
  LT_IMPORT_FIELD_END_DATE,
  LT_IMPORT_FIELD_TITLE,
  LT_IMPORT_FIELD_SUMMARY,
  LT_IMPORT_FIELD_CATEGORY,
  LT_IMPORT_FIELD_PLACE,
  LT_IMPORT_FIELD_ACTORS,
  LT_IMPORT_FIELD_SOURCE_TITLE,
  LT_IMPORT_FIELD_SOURCE_URL,
  LT_IMPORT_FIELD_LOCATOR,
  LT_IMPORT_N_FIELDS,
} LtImportField;

/**
 * LtImportResolution:
 * @LT_IMPORT_KEEP_MINE: leave the stored record as it is
 * @LT_IMPORT_TAKE_THEIRS: replace it with the imported one
 * @LT_IMPORT_KEEP_BOTH: add the imported one under a new id
 */
typedef enum
{
  LT_IMPORT_KEEP_MINE,
  LT_IMPORT_TAKE_THEIRS,
  LT_IMPORT_KEEP_BOTH,
} LtImportResolution;

/**
 * LtImportAction:
 * @LT_IMPORT_ADDED: records that are new
 * @LT_IMPORT_UPDATED: stored records that change
 * @LT_IMPORT_SKIPPED: records already stored as they are, or kept as stored
 */
typedef enum
{
  LT_IMPORT_ADDED,
  LT_IMPORT_UPDATED,
  LT_IMPORT_SKIPPED,
} LtImportAction;

#define LT_TYPE_IMPORTER (lt_importer_get_type ())

G_DECLARE_FINAL_TYPE (LtImporter, lt_importer, LT, IMPORTER, GObject)

LtImporter         *lt_importer_new                 (GFile               *file);
GFile              *lt_importer_get_file            (LtImporter          *self);
gboolean            lt_importer_load                (LtImporter          *self,
                                                     GCancellable        *cancellable,
                                                     GError             **error);
LtImportFormat      lt_importer_get_format          (LtImporter          *self);
const char         *lt_importer_get_encoding        (LtImporter          *self);
const char * const *lt_importer_get_columns         (LtImporter          *self);
int                 lt_importer_get_column          (LtImporter          *self,
                                                     LtImportField        field);
void                lt_importer_set_column          (LtImporter          *self,
                                                     LtImportField        field,
                                                     int                  column);
const char         *lt_import_field_get_label       (LtImportField        field);

gboolean            lt_importer_preview             (LtImporter          *self,
                                                     LtStore             *store,
                                                     GCancellable        *cancellable,
                                                     GError             **error);
gboolean            lt_importer_apply               (LtImporter          *self,
                                                     LtStore             *store,
                                                     GCancellable        *cancellable,
                                                     GError             **error);
double              lt_importer_get_fraction        (LtImporter          *self);

guint               lt_importer_get_count           (LtImporter          *self,
                                                     LtRecordKind         kind,
                                                     LtImportAction       action);
guint               lt_importer_get_n_issues        (LtImporter          *self);
guint               lt_importer_get_issue_row       (LtImporter          *self,
                                                     guint                index);
const char         *lt_importer_get_issue           (LtImporter          *self,
                                                     guint                index);
gboolean            lt_importer_get_issue_skips     (LtImporter          *self,
                                                     guint                index);
guint               lt_importer_get_n_conflicts     (LtImporter          *self);
LtRecordKind        lt_importer_get_conflict_kind   (LtImporter          *self,
                                                     guint                index);
const char         *lt_importer_get_conflict_label  (LtImporter          *self,
                                                     guint                index);
LtImportResolution  lt_importer_get_resolution      (LtImporter          *self,
                                                     guint                index);
void                lt_importer_set_resolution      (LtImporter          *self,
                                                     guint                index,
                                                     LtImportResolution   resolution);
char               *lt_importer_dup_summary         (LtImporter          *self);
void                lt_importer_hand_over           (LtImporter          *self,
                                                     LtStore             *worker,
                                                     LtStore             *store);

G_END_DECLS
