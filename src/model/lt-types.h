/* lt-types.h: what the model's files share: record kinds, changes, participants, figures, citations
 *
 * Copyright 2024 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _LtStore    LtStore;
typedef struct _LtEvent    LtEvent;
typedef struct _LtActor    LtActor;
typedef struct _LtSource   LtSource;
typedef struct _LtRelation LtRelation;

/**
 * LtRecordKind:
 * @LT_RECORD_EVENT: an event ("events" table)
 * @LT_RECORD_ACTOR: an actor ("actors")
 * @LT_RECORD_SOURCE: a source ("sources")
 * @LT_RECORD_RELATION: a relation between two actors ("relations")
 */
typedef enum
{
  LT_RECORD_EVENT = 0,
  LT_RECORD_ACTOR = 1,
  LT_RECORD_SOURCE = 2,
  LT_RECORD_RELATION = 3,
} LtRecordKind;

/**
 * LtChange:
 * @LT_CHANGE_ADDED: a record was added
 * @LT_CHANGE_UPDATED: a record changed (also: its participants, figures, citations or translations)
 * @LT_CHANGE_REMOVED: a record was deleted
 * @LT_CHANGE_RELOADED: many records changed at once (import, database switch):
 *   the table is "*" and the id 0; models reload everything
 */
typedef enum
{
  LT_CHANGE_ADDED,
  LT_CHANGE_UPDATED,
  LT_CHANGE_REMOVED,
  LT_CHANGE_RELOADED,
} LtChange;

/**
 * LtParticipant:
 * @actor_id: the actor's row id
 * @actor_name: (nullable): the actor's name in the display language (filled by the store)
 * @role: a role key, e.g. "perpetrator"
 */
typedef struct
{
  gint64  actor_id;
  char   *actor_name;
  char   *role;
} LtParticipant;

/**
 * LtFigure:
 * @value: the number
 * @counts: a figure kind key, e.g. "detained"
 * @qualifier: "exact", "about", "more than" or "at least"
 */
typedef struct
{
  double  value;
  char   *counts;
  char   *qualifier;
} LtFigure;

/**
 * LtCitation:
 * @source_id: the source's row id
 * @source_title: (nullable): filled by the store
 * @publisher: (nullable): filled by the store
 * @source_date: (nullable): ISO partial date of the source, filled by the store
 * @locator: (nullable): where in the source, e.g. "¶3"
 * @note: (nullable): a short note, in English
 * @display_note: (nullable): the note in the store's language (English
 *   fallback), filled by the store; show this one
 * @i18n: (nullable): translations of the note as JSON, e.g.
 *   {"uk": {"note": "..."}}, kept for export
 */
typedef struct
{
  gint64  source_id;
  char   *source_title;
  char   *publisher;
  char   *source_date;
  char   *locator;
  char   *note;
  char   *display_note;
  char   *i18n;
} LtCitation;

#define LT_TYPE_PARTICIPANT (lt_participant_get_type ())
#define LT_TYPE_FIGURE      (lt_figure_get_type ())
#define LT_TYPE_CITATION    (lt_citation_get_type ())

GType          lt_participant_get_type (void) G_GNUC_CONST;
LtParticipant *lt_participant_new      (gint64               actor_id,
                                        const char          *role);
LtParticipant *lt_participant_copy     (const LtParticipant *self);
void           lt_participant_free     (LtParticipant       *self);

GType          lt_figure_get_type      (void) G_GNUC_CONST;
LtFigure      *lt_figure_new           (double               value,
                                        const char          *counts,
                                        const char          *qualifier);
LtFigure      *lt_figure_copy          (const LtFigure      *self);
void           lt_figure_free          (LtFigure            *self);

GType          lt_citation_get_type    (void) G_GNUC_CONST;
LtCitation    *lt_citation_new         (gint64               source_id,
                                        const char          *locator,
                                        const char          *note);
LtCitation    *lt_citation_copy        (const LtCitation    *self);
void           lt_citation_free        (LtCitation          *self);

const char    *lt_record_kind_to_table (LtRecordKind         kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LtParticipant, lt_participant_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LtFigure, lt_figure_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LtCitation, lt_citation_free)

G_END_DECLS
