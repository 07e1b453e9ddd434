/* lt-relation.c: LtRelation, a typed link between two actors
 *
 * Copyright 2024 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-relation"

#include "config.h"

#include "lt-relation.h"
#include "lt-record-private.h"

enum {
  PROP_0,
  PROP_RELATION_TYPE,
  PROP_NOTE,
  PROP_FROM_ID,
  PROP_TO_ID,
  PROP_FROM_NAME,
  PROP_TO_NAME,
  PROP_DATE_RANGE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (LtRelation, lt_relation, LT_TYPE_RECORD)

static GParamSpec *properties[N_PROPS];

static const LtRecordText relation_texts[] = {
  { "note", -1 },
  { NULL, -1 },
};

static LtRecord *
lt_relation_copy (LtRecord *record)
{
  LtRelation *self = LT_RELATION (record);
  LtRelation *copy = LT_RELATION (LT_RECORD_CLASS (lt_relation_parent_class)->copy (record));

  copy->relation_type = g_strdup (self->relation_type);
  copy->note = g_strdup (self->note);
  copy->from_id = self->from_id;
  copy->to_id = self->to_id;
  copy->from_name = g_strdup (self->from_name);
  copy->to_name = g_strdup (self->to_name);
  copy->range = self->range;
  copy->has_range = self->has_range;
  copy->citations = _lt_ptr_array_copy (self->citations, (GBoxedCopyFunc) lt_citation_copy,
                                        (GDestroyNotify) lt_citation_free);

  return LT_RECORD (copy);
}

static void
lt_relation_finalize (GObject *object)
{
  LtRelation *self = (LtRelation *)object;

  g_clear_pointer (&self->relation_type, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->from_name, g_free);
  g_clear_pointer (&self->to_name, g_free);
  g_clear_pointer (&self->citations, g_ptr_array_unref);

  G_OBJECT_CLASS (lt_relation_parent_class)->finalize (object);
}

static void
lt_relation_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  LtRelation *self = LT_RELATION (object);

  switch (prop_id)
    {
    case PROP_RELATION_TYPE:
      g_value_set_string (value, lt_relation_get_relation_type (self));
      break;
    case PROP_NOTE:
      g_value_set_string (value, lt_relation_get_note (self));
      break;
    case PROP_FROM_ID:
      g_value_set_int64 (value, lt_relation_get_from_id (self));
      break;
    case PROP_TO_ID:
      g_value_set_int64 (value, lt_relation_get_to_id (self));
      break;
    case PROP_FROM_NAME:
      g_value_set_string (value, lt_relation_get_from_name (self));
      break;
    case PROP_TO_NAME:
      g_value_set_string (value, lt_relation_get_to_name (self));
      break;
    case PROP_DATE_RANGE:
      g_value_set_boxed (value, lt_relation_get_date_range (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lt_relation_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  LtRelation *self = LT_RELATION (object);

  switch (prop_id)
    {
    case PROP_RELATION_TYPE:
      lt_relation_set_relation_type (self, g_value_get_string (value));
      break;
    case PROP_NOTE:
      lt_relation_set_note (self, g_value_get_string (value));
      break;
    case PROP_FROM_ID:
      lt_relation_set_from_id (self, g_value_get_int64 (value));
      break;
    case PROP_TO_ID:
      lt_relation_set_to_id (self, g_value_get_int64 (value));
      break;
    case PROP_DATE_RANGE:
      lt_relation_set_date_range (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lt_relation_class_init (LtRelationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LtRecordClass *record_class = LT_RECORD_CLASS (klass);

  object_class->finalize = lt_relation_finalize;
  object_class->get_property = lt_relation_get_property;
  object_class->set_property = lt_relation_set_property;

  record_class->kind = LT_RECORD_RELATION;
  record_class->texts = relation_texts;
  record_class->copy = lt_relation_copy;

  properties[PROP_RELATION_TYPE] =
    g_param_spec_string ("relation-type", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FROM_ID] =
    g_param_spec_int64 ("from-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TO_ID] =
    g_param_spec_int64 ("to-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FROM_NAME] =
    g_param_spec_string ("from-name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_TO_NAME] =
    g_param_spec_string ("to-name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_DATE_RANGE] =
    g_param_spec_boxed ("date-range", NULL, NULL, LT_TYPE_DATE_RANGE,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lt_relation_init (LtRelation *self)
{
}

/**
 * lt_relation_new:
 *
 * Creates an empty draft for [method@Store.add_relation].
 *
 * Returns: (transfer full): a new relation
 */
LtRelation *
lt_relation_new (void)
{
  return g_object_new (LT_TYPE_RELATION, NULL);
}

const char *
lt_relation_get_relation_type (LtRelation *self)
{
  g_return_val_if_fail (LT_IS_RELATION (self), NULL);

  return self->relation_type;
}

void
lt_relation_set_relation_type (LtRelation *self,
                               const char *relation_type)
{
  g_return_if_fail (LT_IS_RELATION (self));

  _lt_record_set_text (LT_RECORD (self), &self->relation_type, relation_type,
                       properties[PROP_RELATION_TYPE]);
}

/**
 * lt_relation_get_note:
 * @self: a relation
 *
 * Returns: (nullable): the note in the store's language, or in English
 */
const char *
lt_relation_get_note (LtRelation *self)
{
  LtRecordPrivate *priv;

  g_return_val_if_fail (LT_IS_RELATION (self), NULL);

  /* relations from a list come without their translations: read them the first time */
  priv = _lt_record_get_private (self);
  if (priv->lang != NULL && !g_str_equal (priv->lang, "en"))
    _lt_record_ensure_i18n (LT_RECORD (self));
  return _lt_record_pick (LT_RECORD (self), "note", self->note);
}

/**
 * lt_relation_set_note:
 * @self: a relation
 * @note: (nullable): the English text
 *
 * Sets the English text; see [method@Record.set_translation] for others.
 */
void
lt_relation_set_note (LtRelation *self,
                      const char *note)
{
  g_return_if_fail (LT_IS_RELATION (self));

  _lt_record_set_text (LT_RECORD (self), &self->note, note, properties[PROP_NOTE]);
}

gint64
lt_relation_get_from_id (LtRelation *self)
{
  g_return_val_if_fail (LT_IS_RELATION (self), 0);

  return self->from_id;
}

void
lt_relation_set_from_id (LtRelation *self,
                         gint64      from_id)
{
  g_return_if_fail (LT_IS_RELATION (self));

  if (self->from_id != from_id)
    {
      self->from_id = from_id;
      g_clear_pointer (&self->from_name, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FROM_ID]);
    }
}

gint64
lt_relation_get_to_id (LtRelation *self)
{
  g_return_val_if_fail (LT_IS_RELATION (self), 0);

  return self->to_id;
}

void
lt_relation_set_to_id (LtRelation *self,
                       gint64      to_id)
{
  g_return_if_fail (LT_IS_RELATION (self));

  if (self->to_id != to_id)
    {
      self->to_id = to_id;
      g_clear_pointer (&self->to_name, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TO_ID]);
    }
}

/**
 * lt_relation_get_from_name:
 * @self: a relation
 *
 * Returns: (nullable): the name of the "from" actor in the store's language,
 *   for relations that come from the store
 */
const char *
lt_relation_get_from_name (LtRelation *self)
{
  g_return_val_if_fail (LT_IS_RELATION (self), NULL);

  return self->from_name;
}

const char *
lt_relation_get_to_name (LtRelation *self)
{
  g_return_val_if_fail (LT_IS_RELATION (self), NULL);

  return self->to_name;
}

/**
 * lt_relation_get_date_range:
 * @self: a relation
 *
 * Returns: (nullable): when the relation held, %NULL if not recorded
 */
const LtDateRange *
lt_relation_get_date_range (LtRelation *self)
{
  g_return_val_if_fail (LT_IS_RELATION (self), NULL);

  return self->has_range ? &self->range : NULL;
}

/**
 * lt_relation_set_date_range:
 * @self: a relation
 * @range: (nullable): when the relation held
 */
void
lt_relation_set_date_range (LtRelation        *self,
                            const LtDateRange *range)
{
  g_return_if_fail (LT_IS_RELATION (self));

  if (range == NULL && !self->has_range)
    return;
  if (range != NULL && self->has_range && lt_date_range_equal (range, &self->range))
    return;

  self->has_range = range != NULL;
  if (range != NULL)
    self->range = *range;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE_RANGE]);
}

/**
 * lt_relation_get_citations:
 * @self: a relation
 *
 * Returns: (transfer none) (element-type LtCitation): the citations
 */
GPtrArray *
lt_relation_get_citations (LtRelation *self)
{
  g_return_val_if_fail (LT_IS_RELATION (self), NULL);

  _lt_record_ensure_details (LT_RECORD (self));
  if (self->citations == NULL)
    self->citations = g_ptr_array_new_with_free_func ((GDestroyNotify) lt_citation_free);
  return self->citations;
}

void
lt_relation_add_citation (LtRelation *self,
                          gint64      source_id,
                          const char *locator,
                          const char *note)
{
  g_return_if_fail (LT_IS_RELATION (self));

  g_ptr_array_add (lt_relation_get_citations (self), lt_citation_new (source_id, locator, note));
}

void
lt_relation_clear_citations (LtRelation *self)
{
  g_return_if_fail (LT_IS_RELATION (self));

  g_ptr_array_set_size (lt_relation_get_citations (self), 0);
}
