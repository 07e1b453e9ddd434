/* lt-actor.c
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
  PROP_ID,
  PROP_SLUG,
  PROP_NAME,
  PROP_KIND,
  PROP_COUNTRY,
  PROP_DESCRIPTION,
  PROP_ALIASES,
  PROP_RESTRICTED,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (LtActor, lt_actor, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
ensure_i18n (LtActor *self)
{
  if (self->i18n_complete)
    return;

  self->i18n_complete = TRUE;
  if (self->store != NULL && self->id != 0)
    _lt_record_get_loader ()->load_i18n (self->store, LT_RECORD_ACTOR, self->id, &self->i18n);
}

static void
lt_actor_finalize (GObject *object)
{
  LtActor *self = (LtActor *)object;

  _lt_record_set_store (object, &self->store, NULL);
  g_clear_pointer (&self->slug, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->country, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->aliases, g_strfreev);
  _lt_i18n_clear (&self->i18n);

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
    case PROP_ID:
      g_value_set_int64 (value, lt_actor_get_id (self));
      break;
    case PROP_SLUG:
      g_value_set_string (value, lt_actor_get_slug (self));
      break;
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
    case PROP_RESTRICTED:
      g_value_set_boolean (value, lt_actor_is_restricted (self));
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
    case PROP_SLUG:
      lt_actor_set_slug (self, g_value_get_string (value));
      break;
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
    case PROP_RESTRICTED:
      lt_actor_set_restricted (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lt_actor_class_init (LtActorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lt_actor_finalize;
  object_class->get_property = lt_actor_get_property;
  object_class->set_property = lt_actor_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_SLUG] =
    g_param_spec_string ("slug", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
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
  properties[PROP_RESTRICTED] =
    g_param_spec_boolean ("restricted", NULL, NULL, FALSE,
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
  LtActor *self = g_object_new (LT_TYPE_ACTOR, NULL);

  self->i18n_complete = TRUE;

  return self;
}

gint64
lt_actor_get_id (LtActor *self)
{
  g_return_val_if_fail (LT_IS_ACTOR (self), 0);

  return self->id;
}

const char *
lt_actor_get_slug (LtActor *self)
{
  g_return_val_if_fail (LT_IS_ACTOR (self), NULL);

  return self->slug;
}

void
lt_actor_set_slug (LtActor *self,
                   const char *slug)
{
  g_return_if_fail (LT_IS_ACTOR (self));

  if (slug != NULL && *slug == '\0')
    slug = NULL;
  if (_lt_set_str (&self->slug, slug))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SLUG]);
}

/**
 * lt_actor_get_name:
 * @self: a actor
 *
 * Returns: (nullable): the name in the store's language, or in English
 */
const char *
lt_actor_get_name (LtActor *self)
{
  g_return_val_if_fail (LT_IS_ACTOR (self), NULL);

  return _lt_i18n_pick (&self->i18n, self->lang, "name", self->name);
}

/**
 * lt_actor_set_name:
 * @self: a actor
 * @name: (nullable): the English text
 *
 * Sets the English text; see [method@Actor.set_translation] for others.
 */
void
lt_actor_set_name (LtActor *self,
                   const char *name)
{
  g_return_if_fail (LT_IS_ACTOR (self));

  if (name != NULL && *name == '\0')
    name = NULL;
  if (_lt_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
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

  if (kind != NULL && *kind == '\0')
    kind = NULL;
  if (_lt_set_str (&self->kind, kind))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
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

  if (country != NULL && *country == '\0')
    country = NULL;
  if (_lt_set_str (&self->country, country))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTRY]);
}

/**
 * lt_actor_get_description:
 * @self: a actor
 *
 * Returns: (nullable): the description in the store's language, or in English
 */
const char *
lt_actor_get_description (LtActor *self)
{
  g_return_val_if_fail (LT_IS_ACTOR (self), NULL);

  return _lt_i18n_pick (&self->i18n, self->lang, "description", self->description);
}

/**
 * lt_actor_set_description:
 * @self: a actor
 * @description: (nullable): the English text
 *
 * Sets the English text; see [method@Actor.set_translation] for others.
 */
void
lt_actor_set_description (LtActor *self,
                          const char *description)
{
  g_return_if_fail (LT_IS_ACTOR (self));

  if (description != NULL && *description == '\0')
    description = NULL;
  if (_lt_set_str (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

/**
 * lt_actor_get_visibility:
 * @self: a actor
 *
 * Returns: "public" or "restricted"
 */
const char *
lt_actor_get_visibility (LtActor *self)
{
  g_return_val_if_fail (LT_IS_ACTOR (self), NULL);

  return self->restricted ? "restricted" : "public";
}

gboolean
lt_actor_is_restricted (LtActor *self)
{
  g_return_val_if_fail (LT_IS_ACTOR (self), FALSE);

  return self->restricted;
}

void
lt_actor_set_restricted (LtActor  *self,
                         gboolean  restricted)
{
  g_return_if_fail (LT_IS_ACTOR (self));

  restricted = !!restricted;
  if (self->restricted != restricted)
    {
      self->restricted = restricted;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESTRICTED]);
    }
}

/**
 * lt_actor_get_translation:
 * @self: a actor
 * @lang: "uk", "be", ...
 * @field: "name", "description"
 *
 * Returns: (nullable): the translation, %NULL if there is none
 */
const char *
lt_actor_get_translation (LtActor *self,
                          const char *lang,
                          const char *field)
{
  g_return_val_if_fail (LT_IS_ACTOR (self), NULL);
  g_return_val_if_fail (lang != NULL && field != NULL, NULL);

  /* "en" is the English text itself, as for events */
  if (g_str_equal (lang, "en"))
    {
      if (g_str_equal (field, "name"))
        return self->name;
      if (g_str_equal (field, "description"))
        return self->description;
    }

  ensure_i18n (self);
  return _lt_i18n_get (&self->i18n, lang, field);
}

/**
 * lt_actor_set_translation:
 * @self: a actor
 * @lang: "uk", "be", ...
 * @field: "name", "description"
 * @text: (nullable): the translation, %NULL to remove it
 */
void
lt_actor_set_translation (LtActor *self,
                          const char *lang,
                          const char *field,
                          const char *text)
{
  g_return_if_fail (LT_IS_ACTOR (self));
  g_return_if_fail (lang != NULL && field != NULL);

  if (g_str_equal (lang, "en"))
    {
      if (g_str_equal (field, "name"))
        lt_actor_set_name (self, text);
      else if (g_str_equal (field, "description"))
        lt_actor_set_description (self, text);
      return;
    }

  ensure_i18n (self);
  if (_lt_i18n_set (&self->i18n, lang, field, text) && g_strcmp0 (lang, self->lang) == 0)
    {
      if (g_str_equal (field, "name"))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
      else if (g_str_equal (field, "description"))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
    }
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

/**
 * lt_actor_dup:
 * @self: a actor
 *
 * Copies @self with its translations, keeping its id: edit the copy and
 * pass it to [method@Store.update_actor].
 *
 * Returns: (transfer full): a copy
 */
LtActor *
lt_actor_dup (LtActor *self)
{
  LtActor *copy;

  g_return_val_if_fail (LT_IS_ACTOR (self), NULL);

  ensure_i18n (self);

  copy = g_object_new (LT_TYPE_ACTOR, NULL);
  _lt_record_set_store (G_OBJECT (copy), &copy->store, self->store);
  copy->lang = self->lang;
  copy->id = self->id;
  copy->slug = g_strdup (self->slug);
  copy->name = g_strdup (self->name);
  copy->kind = g_strdup (self->kind);
  copy->country = g_strdup (self->country);
  copy->description = g_strdup (self->description);
  copy->aliases = g_strdupv (self->aliases);
  copy->restricted = self->restricted;
  _lt_i18n_copy (&copy->i18n, &self->i18n);
  copy->i18n_complete = TRUE;

  return copy;
}
