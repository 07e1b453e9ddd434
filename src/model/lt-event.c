/* lt-event.c: LtEvent, a dated event with its participants, figures and citations
 *
 * Copyright 2024 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-event"

#include "config.h"

#include "lt-event.h"
#include "lt-record-private.h"

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SUMMARY,
  PROP_PLACE,
  PROP_CATEGORY,
  PROP_DATE_RANGE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (LtEvent, lt_event, LT_TYPE_RECORD)

static GParamSpec *properties[N_PROPS];

static const LtRecordText event_texts[] = {
  { "title", G_STRUCT_OFFSET (LtEvent, title) },
  { "summary", G_STRUCT_OFFSET (LtEvent, summary) },
  { "place", G_STRUCT_OFFSET (LtEvent, place) },
  { NULL, -1 },
};

static LtRecord *
lt_event_copy (LtRecord *record)
{
  LtEvent *self = LT_EVENT (record);
  LtEvent *copy = LT_EVENT (LT_RECORD_CLASS (lt_event_parent_class)->copy (record));

  copy->title = g_strdup (self->title);
  copy->summary = g_strdup (self->summary);
  copy->place = g_strdup (self->place);
  copy->category = g_strdup (self->category);
  copy->range = self->range;
  copy->start_day = self->start_day;
  copy->end_day = self->end_day;
  copy->participants = _lt_ptr_array_copy (self->participants,
                                           (GBoxedCopyFunc) lt_participant_copy,
                                           (GDestroyNotify) lt_participant_free);
  copy->figures = _lt_ptr_array_copy (self->figures,
                                      (GBoxedCopyFunc) lt_figure_copy,
                                      (GDestroyNotify) lt_figure_free);
  copy->citations = _lt_ptr_array_copy (self->citations,
                                        (GBoxedCopyFunc) lt_citation_copy,
                                        (GDestroyNotify) lt_citation_free);

  return LT_RECORD (copy);
}

static void
lt_event_finalize (GObject *object)
{
  LtEvent *self = (LtEvent *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->place, g_free);
  g_clear_pointer (&self->category, g_free);
  g_clear_pointer (&self->participants, g_ptr_array_unref);
  g_clear_pointer (&self->figures, g_ptr_array_unref);
  g_clear_pointer (&self->citations, g_ptr_array_unref);

  G_OBJECT_CLASS (lt_event_parent_class)->finalize (object);
}

static void
lt_event_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  LtEvent *self = LT_EVENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, lt_event_get_title (self));
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, lt_event_get_summary (self));
      break;
    case PROP_PLACE:
      g_value_set_string (value, lt_event_get_place (self));
      break;
    case PROP_CATEGORY:
      g_value_set_string (value, lt_event_get_category (self));
      break;
    case PROP_DATE_RANGE:
      g_value_set_boxed (value, lt_event_get_date_range (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lt_event_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  LtEvent *self = LT_EVENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      lt_event_set_title (self, g_value_get_string (value));
      break;
    case PROP_SUMMARY:
      lt_event_set_summary (self, g_value_get_string (value));
      break;
    case PROP_PLACE:
      lt_event_set_place (self, g_value_get_string (value));
      break;
    case PROP_CATEGORY:
      lt_event_set_category (self, g_value_get_string (value));
      break;
    case PROP_DATE_RANGE:
      lt_event_set_date_range (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lt_event_class_init (LtEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LtRecordClass *record_class = LT_RECORD_CLASS (klass);

  object_class->finalize = lt_event_finalize;
  object_class->get_property = lt_event_get_property;
  object_class->set_property = lt_event_set_property;

  record_class->kind = LT_RECORD_EVENT;
  record_class->texts = event_texts;
  record_class->copy = lt_event_copy;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PLACE] =
    g_param_spec_string ("place", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CATEGORY] =
    g_param_spec_string ("category", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DATE_RANGE] =
    g_param_spec_boxed ("date-range", NULL, NULL, LT_TYPE_DATE_RANGE,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lt_event_init (LtEvent *self)
{
  lt_date_init_ymd (&self->range.start, 1970, 0, 0);
}

/**
 * lt_event_new:
 *
 * Creates an empty draft for [method@Store.add_event].
 *
 * Returns: (transfer full): a new event
 */
LtEvent *
lt_event_new (void)
{
  return g_object_new (LT_TYPE_EVENT, NULL);
}

/**
 * lt_event_get_title:
 * @self: an event
 *
 * Returns: the title in the store's language, or in English
 */
const char *
lt_event_get_title (LtEvent *self)
{
  g_return_val_if_fail (LT_IS_EVENT (self), NULL);

  return _lt_record_pick (LT_RECORD (self), "title", self->title);
}

/**
 * lt_event_set_title:
 * @self: an event
 * @title: the English title
 *
 * Sets the English title; see [method@Record.set_translation] for others.
 */
void
lt_event_set_title (LtEvent    *self,
                    const char *title)
{
  g_return_if_fail (LT_IS_EVENT (self));

  if (_lt_set_str (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
lt_event_get_summary (LtEvent *self)
{
  g_return_val_if_fail (LT_IS_EVENT (self), NULL);

  return _lt_record_pick (LT_RECORD (self), "summary", self->summary);
}

void
lt_event_set_summary (LtEvent    *self,
                      const char *summary)
{
  g_return_if_fail (LT_IS_EVENT (self));

  if (_lt_set_str (&self->summary, summary))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

const char *
lt_event_get_place (LtEvent *self)
{
  g_return_val_if_fail (LT_IS_EVENT (self), NULL);

  return _lt_record_pick (LT_RECORD (self), "place", self->place);
}

void
lt_event_set_place (LtEvent    *self,
                    const char *place)
{
  g_return_if_fail (LT_IS_EVENT (self));

  _lt_record_set_text (LT_RECORD (self), &self->place, place, properties[PROP_PLACE]);
}

/**
 * lt_event_get_category:
 * @self: an event
 *
 * Returns: the category key, e.g. "detention" (see lt_category_get_label())
 */
const char *
lt_event_get_category (LtEvent *self)
{
  g_return_val_if_fail (LT_IS_EVENT (self), NULL);

  return self->category;
}

void
lt_event_set_category (LtEvent    *self,
                       const char *category)
{
  g_return_if_fail (LT_IS_EVENT (self));

  if (_lt_set_str (&self->category, category))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY]);
}

const LtDateRange *
lt_event_get_date_range (LtEvent *self)
{
  g_return_val_if_fail (LT_IS_EVENT (self), NULL);

  return &self->range;
}

void
lt_event_set_date_range (LtEvent           *self,
                         const LtDateRange *range)
{
  g_return_if_fail (LT_IS_EVENT (self));
  g_return_if_fail (range != NULL);

  if (lt_date_range_equal (&self->range, range))
    return;

  self->range = *range;
  self->start_day = (gint32) lt_date_range_first_day (range);
  self->end_day = (gint32) lt_date_range_last_day (range);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE_RANGE]);
}

/**
 * lt_event_get_start_day:
 * @self: an event
 *
 * Returns: the first day the event covers (days since 1970-01-01)
 */
gint32
lt_event_get_start_day (LtEvent *self)
{
  g_return_val_if_fail (LT_IS_EVENT (self), 0);

  return (gint32) lt_date_range_first_day (&self->range);
}

gint32
lt_event_get_end_day (LtEvent *self)
{
  g_return_val_if_fail (LT_IS_EVENT (self), 0);

  return (gint32) lt_date_range_last_day (&self->range);
}

/**
 * lt_event_list_participants:
 * @self: an event
 *
 * Returns: (transfer container) (element-type LtParticipant): the actors
 *   taking part, in their recorded order; unref the array when done
 */
GPtrArray *
lt_event_list_participants (LtEvent *self)
{
  g_return_val_if_fail (LT_IS_EVENT (self), NULL);

  _lt_record_ensure_details (LT_RECORD (self));
  if (self->participants == NULL)
    self->participants = g_ptr_array_new_with_free_func ((GDestroyNotify) lt_participant_free);
  return g_ptr_array_ref (self->participants);
}

void
lt_event_add_participant (LtEvent    *self,
                          gint64      actor_id,
                          const char *role)
{
  g_return_if_fail (LT_IS_EVENT (self));

  _lt_record_ensure_details (LT_RECORD (self));
  if (self->participants == NULL)
    self->participants = g_ptr_array_new_with_free_func ((GDestroyNotify) lt_participant_free);
  g_ptr_array_add (self->participants, lt_participant_new (actor_id, role));
}

void
lt_event_clear_participants (LtEvent *self)
{
  g_return_if_fail (LT_IS_EVENT (self));

  _lt_record_ensure_details (LT_RECORD (self));
  if (self->participants != NULL)
    g_ptr_array_set_size (self->participants, 0);
}

/**
 * lt_event_get_figures:
 * @self: an event
 *
 * Returns: (transfer none) (element-type LtFigure): the figures
 */
GPtrArray *
lt_event_get_figures (LtEvent *self)
{
  g_return_val_if_fail (LT_IS_EVENT (self), NULL);

  _lt_record_ensure_details (LT_RECORD (self));
  if (self->figures == NULL)
    self->figures = g_ptr_array_new_with_free_func ((GDestroyNotify) lt_figure_free);
  return self->figures;
}

void
lt_event_add_figure (LtEvent    *self,
                     double      value,
                     const char *counts,
                     const char *qualifier)
{
  g_return_if_fail (LT_IS_EVENT (self));

  g_ptr_array_add (lt_event_get_figures (self), lt_figure_new (value, counts, qualifier));
}

void
lt_event_clear_figures (LtEvent *self)
{
  g_return_if_fail (LT_IS_EVENT (self));

  g_ptr_array_set_size (lt_event_get_figures (self), 0);
}

/**
 * lt_event_get_citations:
 * @self: an event
 *
 * Returns: (transfer none) (element-type LtCitation): the citations
 */
GPtrArray *
lt_event_get_citations (LtEvent *self)
{
  g_return_val_if_fail (LT_IS_EVENT (self), NULL);

  _lt_record_ensure_details (LT_RECORD (self));
  if (self->citations == NULL)
    self->citations = g_ptr_array_new_with_free_func ((GDestroyNotify) lt_citation_free);
  return self->citations;
}

void
lt_event_add_citation (LtEvent    *self,
                       gint64      source_id,
                       const char *locator,
                       const char *note)
{
  g_return_if_fail (LT_IS_EVENT (self));

  g_ptr_array_add (lt_event_get_citations (self), lt_citation_new (source_id, locator, note));
}

void
lt_event_clear_citations (LtEvent *self)
{
  g_return_if_fail (LT_IS_EVENT (self));

  g_ptr_array_set_size (lt_event_get_citations (self), 0);
}
