/* lt-actor.c: LtActor, a person or an organization, with its aliases
 *
 * Copyright 2024 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-actor"

#include "config.h"

#include "lt-actor.h"
#include "lt-record-private.h"

enum {
  PROP_0,
  PROP_NAME,
  PROP_KIND,
  PROP_COUNTRY,
  PROP_DESCRIPTION,
  PROP_ALIASES,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (LtActor, lt_actor, LT_TYPE_RECORD)

static GParamSpec *properties[N_PROPS];

static const LtRecordText actor_texts[] = {
  { "name", G_STRUCT_OFFSET (LtActor, name) },
  { "description", G_STRUCT_OFFSET (LtActor, description) },
  { NULL, -1 },
};

static LtRecord *
lt_actor_copy (LtRecord *record)
{
  LtActor *self = LT_ACTOR (record);
  LtActor *copy = LT_ACTOR (LT_RECORD_CLASS (lt_actor_parent_class)->copy (record));

  copy->name = g_strdup (self->name);
  copy->kind = g_strdup (self->kind);
  copy->country = g_strdup (self->country);
  copy->description = g_strdup (self->description);
  copy->aliases = g_strdupv (self->aliases);

  return LT_RECORD (copy);
}

static void
lt_actor_finalize (GObject *object)
{
  LtActor *self = (LtActor *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->country, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->aliases, g_strfreev);

  G_OBJECT_CLASS (lt_actor_parent_class)->finalize (object);
}

static void
lt_actor_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  LtActor *self = LT_ACTOR (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, lt_actor_get_name (self));
      break;
    case PROP_KIND:
      g_value_set_string (value, lt_actor_get_kind (self));
      break;
    case PROP_COUNTRY:
      g_value_set_string (value, lt_actor_get_country (self));
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, lt_actor_get_description (self));
      break;
    case PROP_ALIASES:
      g_value_set_boxed (value, lt_actor_get_aliases (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lt_actor_set_property (GObject      *object,
                     guint         prop_id,
                     const GValue *value,
                     GParamSpec   *pspec)
{
  LtActor *self = LT_ACTOR (object);

  switch (prop_id)
    {
    case PROP_NAME:
      lt_actor_set_name (self, g_value_get_string (value));
      break;
    case PROP_KIND:
      lt_actor_set_kind (self, g_value_get_string (value));
      break;
    case PROP_COUNTRY:
      lt_actor_set_country (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      lt_actor_set_description (self, g_value_get_string (value));
      break;
    case PROP_ALIASES:
      lt_actor_set_aliases (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lt_actor_class_init (LtActorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LtRecordClass *record_class = LT_RECORD_CLASS (klass);

  object_class->finalize = lt_actor_finalize;
  object_class->get_property = lt_actor_get_property;
  object_class->set_property = lt_actor_set_property;

  record_class->kind = LT_RECORD_ACTOR;
  record_class->texts = actor_texts;
  record_class->copy = lt_actor_copy;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_COUNTRY] =
    g_param_spec_string ("country", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ALIASES] =
    g_param_spec_boxed ("aliases", NULL, NULL, G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lt_actor_init (LtActor *self)
{
}

/**
 * lt_actor_new:
 *
 * Creates an empty draft for [method@Store.add_actor].
 *
 * Returns: (transfer full): a new actor
 */
LtActor *
lt_actor_new (void)
{
  return g_object_new (LT_TYPE_ACTOR, NULL);
}

/**
 * lt_actor_get_name:
 * @self: an actor
 *
 * Returns: (nullable): the name in the store's language, or in English
 */
const char *
lt_actor_get_name (LtActor *self)
{
  g_return_val_if_fail (LT_IS_ACTOR (self), NULL);

  return _lt_record_pick (LT_RECORD (self), "name", self->name);
}

/**
 * lt_actor_set_name:
 * @self: an actor
 * @name: (nullable): the English text
 *
 * Sets the English text; see [method@Record.set_translation] for others.
 */
void
lt_actor_set_name (LtActor *self,
                   const char *name)
{
  g_return_if_fail (LT_IS_ACTOR (self));

  _lt_record_set_text (LT_RECORD (self), &self->name, name, properties[PROP_NAME]);
}

const char *
lt_actor_get_kind (LtActor *self)
{
  g_return_val_if_fail (LT_IS_ACTOR (self), NULL);

  return self->kind;
}

void
lt_actor_set_kind (LtActor *self,
                   const char *kind)
{
  g_return_if_fail (LT_IS_ACTOR (self));

  _lt_record_set_text (LT_RECORD (self), &self->kind, kind, properties[PROP_KIND]);
}

const char *
lt_actor_get_country (LtActor *self)
{
  g_return_val_if_fail (LT_IS_ACTOR (self), NULL);

  return self->country;
}

void
lt_actor_set_country (LtActor *self,
                      const char *country)
{
  g_return_if_fail (LT_IS_ACTOR (self));

  _lt_record_set_text (LT_RECORD (self), &self->country, country, properties[PROP_COUNTRY]);
}

/**
 * lt_actor_get_description:
 * @self: an actor
 *
 * Returns: (nullable): the description in the store's language, or in English
 */
const char *
lt_actor_get_description (LtActor *self)
{
  g_return_val_if_fail (LT_IS_ACTOR (self), NULL);

  return _lt_record_pick (LT_RECORD (self), "description", self->description);
}

/**
 * lt_actor_set_description:
 * @self: an actor
 * @description: (nullable): the English text
 *
 * Sets the English text; see [method@Record.set_translation] for others.
 */
void
lt_actor_set_description (LtActor *self,
                          const char *description)
{
  g_return_if_fail (LT_IS_ACTOR (self));

  _lt_record_set_text (LT_RECORD (self), &self->description, description,
                       properties[PROP_DESCRIPTION]);
}

/**
 * lt_actor_get_aliases:
 * @self: an actor
 *
 * Returns: (transfer none) (array zero-terminated=1): other names, in any script
 */
const char * const *
lt_actor_get_aliases (LtActor *self)
{
  static const char * const empty[] = { NULL };

  g_return_val_if_fail (LT_IS_ACTOR (self), NULL);

  return self->aliases != NULL ? (const char * const *) self->aliases : empty;
}

void
lt_actor_set_aliases (LtActor            *self,
                      const char * const *aliases)
{
  g_return_if_fail (LT_IS_ACTOR (self));

  if (aliases != NULL && aliases[0] == NULL)
    aliases = NULL;
  if (aliases == NULL && self->aliases == NULL)
    return;
  if (aliases != NULL && self->aliases != NULL &&
      g_strv_equal (aliases, (const char * const *) self->aliases))
    return;

  g_strfreev (self->aliases);
  self->aliases = g_strdupv ((char **) aliases);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALIASES]);
}
