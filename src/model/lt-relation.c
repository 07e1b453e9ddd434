/* lt-relation.c
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
  PROP_ID,
  PROP_SLUG,
  PROP_RELATION_TYPE,
  PROP_NOTE,
  PROP_FROM_ID,
  PROP_TO_ID,
  PROP_FROM_NAME,
  PROP_TO_NAME,
  PROP_DATE_RANGE,
  PROP_RESTRICTED,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (LtRelation, lt_relation, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
ensure_i18n (LtRelation *self)
{
  if (self->i18n_complete)
    return;

  self->i18n_complete = TRUE;
  if (self->store != NULL && self->id != 0)
    _lt_record_get_loader ()->load_i18n (self->store, LT_RECORD_RELATION, self->id, &self->i18n);
}

static void
ensure_details (LtRelation *self)
{
  if (self->details_loaded)
    return;

  self->details_loaded = TRUE;
  if (self->store != NULL && self->id != 0)
    _lt_record_get_loader ()->load_relation_details (self->store, self);
}

static void
lt_relation_finalize (GObject *object)
{
  LtRelation *self = (LtRelation *)object;

  _lt_record_set_store (object, &self->store, NULL);
  g_clear_pointer (&self->slug, g_free);
  g_clear_pointer (&self->relation_type, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->from_name, g_free);
  g_clear_pointer (&self->to_name, g_free);
  g_clear_pointer (&self->citations, g_ptr_array_unref);
  _lt_i18n_clear (&self->i18n);

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
    case PROP_ID:
      g_value_set_int64 (value, lt_relation_get_id (self));
      break;
    case PROP_SLUG:
      g_value_set_string (value, lt_relation_get_slug (self));
      break;
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
    case PROP_RESTRICTED:
      g_value_set_boolean (value, lt_relation_is_restricted (self));
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
    case PROP_SLUG:
      lt_relation_set_slug (self, g_value_get_string (value));
      break;
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
    case PROP_RESTRICTED:
      lt_relation_set_restricted (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lt_relation_class_init (LtRelationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lt_relation_finalize;
  object_class->get_property = lt_relation_get_property;
  object_class->set_property = lt_relation_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_SLUG] =
    g_param_spec_string ("slug", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
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
  properties[PROP_RESTRICTED] =
    g_param_spec_boolean ("restricted", NULL, NULL, FALSE,
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
  LtRelation *self = g_object_new (LT_TYPE_RELATION, NULL);

  self->i18n_complete = TRUE;
  self->details_loaded = TRUE;
  return self;
}

gint64
lt_relation_get_id (LtRelation *self)
{
  g_return_val_if_fail (LT_IS_RELATION (self), 0);

  return self->id;
}

const char *
lt_relation_get_slug (LtRelation *self)
{
  g_return_val_if_fail (LT_IS_RELATION (self), NULL);

  return self->slug;
}

void
lt_relation_set_slug (LtRelation *self,
                      const char *slug)
{
  g_return_if_fail (LT_IS_RELATION (self));

  if (slug != NULL && *slug == '\0')
    slug = NULL;
  if (_lt_set_str (&self->slug, slug))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SLUG]);
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

  if (relation_type != NULL && *relation_type == '\0')
    relation_type = NULL;
  if (_lt_set_str (&self->relation_type, relation_type))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RELATION_TYPE]);
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
  g_return_val_if_fail (LT_IS_RELATION (self), NULL);

  /* relations from a list come without their translations: read them the first time */
  if (self->lang != NULL && g_strcmp0 (self->lang, "en") != 0)
    ensure_i18n (self);
  return _lt_i18n_pick (&self->i18n, self->lang, "note", self->note);
}

/**
 * lt_relation_set_note:
 * @self: a relation
 * @note: (nullable): the English text
 *
 * Sets the English text; see [method@Relation.set_translation] for others.
 */
void
lt_relation_set_note (LtRelation *self,
                      const char *note)
{
  g_return_if_fail (LT_IS_RELATION (self));

  if (note != NULL && *note == '\0')
    note = NULL;
  if (_lt_set_str (&self->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

/**
 * lt_relation_get_visibility:
 * @self: a relation
 *
 * Returns: "public" or "restricted"
 */
const char *
lt_relation_get_visibility (LtRelation *self)
{
  g_return_val_if_fail (LT_IS_RELATION (self), NULL);

  return self->restricted ? "restricted" : "public";
}

gboolean
lt_relation_is_restricted (LtRelation *self)
{
  g_return_val_if_fail (LT_IS_RELATION (self), FALSE);

  return self->restricted;
}

void
lt_relation_set_restricted (LtRelation *self,
                            gboolean  restricted)
{
  g_return_if_fail (LT_IS_RELATION (self));

  restricted = !!restricted;
  if (self->restricted != restricted)
    {
      self->restricted = restricted;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESTRICTED]);
    }
}

/**
 * lt_relation_get_translation:
 * @self: a relation
 * @lang: "uk", "be", ...
 * @field: "note"
 *
 * Returns: (nullable): the translation, %NULL if there is none
 */
const char *
lt_relation_get_translation (LtRelation *self,
                             const char *lang,
                             const char *field)
{
  g_return_val_if_fail (LT_IS_RELATION (self), NULL);
  g_return_val_if_fail (lang != NULL && field != NULL, NULL);

  ensure_i18n (self);
  return _lt_i18n_get (&self->i18n, lang, field);
}

/**
 * lt_relation_set_translation:
 * @self: a relation
 * @lang: "uk", "be", ...
 * @field: "note"
 * @text: (nullable): the translation, %NULL to remove it
 */
void
lt_relation_set_translation (LtRelation *self,
                             const char *lang,
                             const char *field,
                             const char *text)
{
  g_return_if_fail (LT_IS_RELATION (self));
  g_return_if_fail (lang != NULL && field != NULL);

  ensure_i18n (self);
  if (_lt_i18n_set (&self->i18n, lang, field, text) && g_strcmp0 (lang, self->lang) == 0)
    {
      if (g_str_equal (field, "note"))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
    }
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

  ensure_details (self);
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

/**
 * lt_relation_dup:
 * @self: a relation
 *
 * Copies @self with its translations, keeping its id: edit the copy and
 * pass it to [method@Store.update_relation].
 *
 * Returns: (transfer full): a copy
 */
LtRelation *
lt_relation_dup (LtRelation *self)
{
  LtRelation *copy;

  g_return_val_if_fail (LT_IS_RELATION (self), NULL);

  ensure_i18n (self);

  copy = g_object_new (LT_TYPE_RELATION, NULL);
  _lt_record_set_store (G_OBJECT (copy), &copy->store, self->store);
  copy->lang = self->lang;
  copy->id = self->id;
  copy->slug = g_strdup (self->slug);
  copy->relation_type = g_strdup (self->relation_type);
  copy->note = g_strdup (self->note);
  copy->from_id = self->from_id;
  copy->to_id = self->to_id;
  copy->from_name = g_strdup (self->from_name);
  copy->to_name = g_strdup (self->to_name);
  copy->range = self->range;
  copy->has_range = self->has_range;
  ensure_details (self);
  copy->citations = _lt_ptr_array_copy (self->citations, (GBoxedCopyFunc) lt_citation_copy,
                                        (GDestroyNotify) lt_citation_free);
  copy->details_loaded = TRUE;
  copy->restricted = self->restricted;
  _lt_i18n_copy (&copy->i18n, &self->i18n);
  copy->i18n_complete = TRUE;

  return copy;
}
