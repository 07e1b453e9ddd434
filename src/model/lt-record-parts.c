/* lt-record-parts.c: the boxed parts of records (participants, figures, citations)
 *
 * Copyright 2024 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-record"

#include "config.h"

#include "lt-record-private.h"

G_DEFINE_BOXED_TYPE (LtParticipant, lt_participant, lt_participant_copy, lt_participant_free)
G_DEFINE_BOXED_TYPE (LtFigure, lt_figure, lt_figure_copy, lt_figure_free)
G_DEFINE_BOXED_TYPE (LtCitation, lt_citation, lt_citation_copy, lt_citation_free)

GPtrArray *
_lt_ptr_array_copy (GPtrArray      *array,
                    GBoxedCopyFunc  copy,
                    GDestroyNotify  free_func)
{
  GPtrArray *ret = g_ptr_array_new_with_free_func (free_func);

  for (guint i = 0; array != NULL && i < array->len; i++)
    g_ptr_array_add (ret, copy (g_ptr_array_index (array, i)));

  return ret;
}

LtParticipant *
lt_participant_new (gint64      actor_id,
                    const char *role)
{
  LtParticipant *self = g_new0 (LtParticipant, 1);

  self->actor_id = actor_id;
  self->role = g_strdup (role);

  return self;
}

LtParticipant *
lt_participant_copy (const LtParticipant *self)
{
  LtParticipant *copy;

  if (self == NULL)
    return NULL;

  copy = lt_participant_new (self->actor_id, self->role);
  copy->actor_name = g_strdup (self->actor_name);

  return copy;
}

void
lt_participant_free (LtParticipant *self)
{
  if (self == NULL)
    return;

  g_free (self->actor_name);
  g_free (self->role);
  g_free (self);
}

LtFigure *
lt_figure_new (double      value,
               const char *counts,
               const char *qualifier)
{
  LtFigure *self = g_new0 (LtFigure, 1);

  self->value = value;
  self->counts = g_strdup (counts);
  self->qualifier = g_strdup (qualifier != NULL ? qualifier : "exact");

  return self;
}

LtFigure *
lt_figure_copy (const LtFigure *self)
{
  return self != NULL ? lt_figure_new (self->value, self->counts, self->qualifier) : NULL;
}

void
lt_figure_free (LtFigure *self)
{
  if (self == NULL)
    return;

  g_free (self->counts);
  g_free (self->qualifier);
  g_free (self);
}

LtCitation *
lt_citation_new (gint64      source_id,
                 const char *locator,
                 const char *note)
{
  LtCitation *self = g_new0 (LtCitation, 1);

  self->source_id = source_id;
  self->locator = g_strdup (locator);
  self->note = g_strdup (note);

  return self;
}

LtCitation *
lt_citation_copy (const LtCitation *self)
{
  LtCitation *copy;

  if (self == NULL)
    return NULL;

  copy = lt_citation_new (self->source_id, self->locator, self->note);
  copy->source_title = g_strdup (self->source_title);
  copy->publisher = g_strdup (self->publisher);
  copy->source_date = g_strdup (self->source_date);
  copy->display_note = g_strdup (self->display_note);
  copy->i18n = g_strdup (self->i18n);

  return copy;
}

void
lt_citation_free (LtCitation *self)
{
  if (self == NULL)
    return;

  g_free (self->source_title);
  g_free (self->publisher);
  g_free (self->source_date);
  g_free (self->locator);
  g_free (self->note);
  g_free (self->display_note);
  g_free (self->i18n);
  g_free (self);
}


/**
 * lt_record_kind_to_table:
 * @kind: a record kind
 *
 * Returns: the table name used in the store's "changed" signal
 */
const char *
lt_record_kind_to_table (LtRecordKind kind)
{
  switch (kind)
    {
    case LT_RECORD_EVENT:
      return "events";
    case LT_RECORD_ACTOR:
      return "actors";
    case LT_RECORD_SOURCE:
      return "sources";
    case LT_RECORD_RELATION:
      return "relations";
    default:
      return NULL;
    }
}
