/* lt-source.c
 *
 * Copyright 2024 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-source"

#include "config.h"

#include "lt-source.h"
#include "lt-record-private.h"

enum {
  PROP_0,
  PROP_ID,
  PROP_SLUG,
  PROP_TITLE,
  PROP_PUBLISHER,
  PROP_AUTHOR,
  PROP_DATE,
  PROP_URL,
  PROP_LANGUAGE,
  PROP_FILE,
  PROP_NOTE,
  PROP_FULL_TEXT,
  PROP_RESTRICTED,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (LtSource, lt_source, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
ensure_i18n (LtSource *self)
{
  if (self->i18n_complete)
    return;

  self->i18n_complete = TRUE;
  if (self->store != NULL && self->id != 0)
    _lt_record_get_loader ()->load_i18n (self->store, LT_RECORD_SOURCE, self->id, &self->i18n);
}

static void
lt_source_finalize (GObject *object)
{
  LtSource *self = (LtSource *)object;

  _lt_record_set_store (object, &self->store, NULL);
  g_clear_pointer (&self->slug, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->publisher, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->file, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->full_text, g_free);
  _lt_i18n_clear (&self->i18n);

  G_OBJECT_CLASS (lt_source_parent_class)->finalize (object);
}

static void
lt_source_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  LtSource *self = LT_SOURCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, lt_source_get_id (self));
      break;
    case PROP_SLUG:
      g_value_set_string (value, lt_source_get_slug (self));
      break;
    case PROP_TITLE:
      g_value_set_string (value, lt_source_get_title (self));
      break;
    case PROP_PUBLISHER:
      g_value_set_string (value, lt_source_get_publisher (self));
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, lt_source_get_author (self));
      break;
    case PROP_DATE:
      g_value_set_string (value, lt_source_get_date (self));
      break;
    case PROP_URL:
      g_value_set_string (value, lt_source_get_url (self));
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, lt_source_get_language (self));
      break;
    case PROP_FILE:
      g_value_set_string (value, lt_source_get_file (self));
      break;
    case PROP_NOTE:
      g_value_set_string (value, lt_source_get_note (self));
      break;
    case PROP_FULL_TEXT:
      g_value_set_string (value, lt_source_get_full_text (self));
      break;
    case PROP_RESTRICTED:
      g_value_set_boolean (value, lt_source_is_restricted (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lt_source_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  LtSource *self = LT_SOURCE (object);

  switch (prop_id)
    {
    case PROP_SLUG:
      lt_source_set_slug (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      lt_source_set_title (self, g_value_get_string (value));
      break;
    case PROP_PUBLISHER:
      lt_source_set_publisher (self, g_value_get_string (value));
      break;
    case PROP_AUTHOR:
      lt_source_set_author (self, g_value_get_string (value));
      break;
    case PROP_DATE:
      lt_source_set_date (self, g_value_get_string (value));
      break;
    case PROP_URL:
      lt_source_set_url (self, g_value_get_string (value));
      break;
    case PROP_LANGUAGE:
      lt_source_set_language (self, g_value_get_string (value));
      break;
    case PROP_FILE:
      lt_source_set_file (self, g_value_get_string (value));
      break;
    case PROP_NOTE:
      lt_source_set_note (self, g_value_get_string (value));
      break;
    case PROP_FULL_TEXT:
      lt_source_set_full_text (self, g_value_get_string (value));
      break;
    case PROP_RESTRICTED:
      lt_source_set_restricted (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lt_source_class_init (LtSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lt_source_finalize;
  object_class->get_property = lt_source_get_property;
  object_class->set_property = lt_source_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_SLUG] =
    g_param_spec_string ("slug", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PUBLISHER] =
    g_param_spec_string ("publisher", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FILE] =
    g_param_spec_string ("file", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FULL_TEXT] =
    g_param_spec_string ("full-text", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_RESTRICTED] =
    g_param_spec_boolean ("restricted", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lt_source_init (LtSource *self)
{
}

/**
 * lt_source_new:
 *
 * Creates an empty draft for [method@Store.add_source].
 *
 * Returns: (transfer full): a new source
 */
LtSource *
lt_source_new (void)
{
  LtSource *self = g_object_new (LT_TYPE_SOURCE, NULL);

  self->i18n_complete = TRUE;

  return self;
}

gint64
lt_source_get_id (LtSource *self)
{
  g_return_val_if_fail (LT_IS_SOURCE (self), 0);

  return self->id;
}

const char *
lt_source_get_slug (LtSource *self)
{
  g_return_val_if_fail (LT_IS_SOURCE (self), NULL);

  return self->slug;
}

void
lt_source_set_slug (LtSource *self,
                    const char *slug)
{
  g_return_if_fail (LT_IS_SOURCE (self));

  if (slug != NULL && *slug == '\0')
    slug = NULL;
  if (_lt_set_str (&self->slug, slug))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SLUG]);
}

/**
 * lt_source_get_title:
 * @self: a source
 *
 * Returns: (nullable): the title in the store's language, or in English
 */
const char *
lt_source_get_title (LtSource *self)
{
  g_return_val_if_fail (LT_IS_SOURCE (self), NULL);

  return _lt_i18n_pick (&self->i18n, self->lang, "title", self->title);
}

/**
 * lt_source_set_title:
 * @self: a source
 * @title: (nullable): the English text
 *
 * Sets the English text; see [method@Source.set_translation] for others.
 */
void
lt_source_set_title (LtSource *self,
                     const char *title)
{
  g_return_if_fail (LT_IS_SOURCE (self));

  if (title != NULL && *title == '\0')
    title = NULL;
  if (_lt_set_str (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * lt_source_get_publisher:
 * @self: a source
 *
 * Returns: (nullable): the publisher in the store's language, or in English
 */
const char *
lt_source_get_publisher (LtSource *self)
{
  g_return_val_if_fail (LT_IS_SOURCE (self), NULL);

  return _lt_i18n_pick (&self->i18n, self->lang, "publisher", self->publisher);
}

void
lt_source_set_publisher (LtSource *self,
                         const char *publisher)
{
  g_return_if_fail (LT_IS_SOURCE (self));

  if (publisher != NULL && *publisher == '\0')
    publisher = NULL;
  if (_lt_set_str (&self->publisher, publisher))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUBLISHER]);
}

const char *
lt_source_get_author (LtSource *self)
{
  g_return_val_if_fail (LT_IS_SOURCE (self), NULL);

  return self->author;
}

void
lt_source_set_author (LtSource *self,
                      const char *author)
{
  g_return_if_fail (LT_IS_SOURCE (self));

  if (author != NULL && *author == '\0')
    author = NULL;
  if (_lt_set_str (&self->author, author))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR]);
}

const char *
lt_source_get_date (LtSource *self)
{
  g_return_val_if_fail (LT_IS_SOURCE (self), NULL);

  return self->date;
}

void
lt_source_set_date (LtSource *self,
                    const char *date)
{
  g_return_if_fail (LT_IS_SOURCE (self));

  if (date != NULL && *date == '\0')
    date = NULL;
  if (_lt_set_str (&self->date, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

const char *
lt_source_get_url (LtSource *self)
{
  g_return_val_if_fail (LT_IS_SOURCE (self), NULL);

  return self->url;
}

void
lt_source_set_url (LtSource *self,
                   const char *url)
{
  g_return_if_fail (LT_IS_SOURCE (self));

  if (url != NULL && *url == '\0')
    url = NULL;
  if (_lt_set_str (&self->url, url))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URL]);
}

const char *
lt_source_get_language (LtSource *self)
{
  g_return_val_if_fail (LT_IS_SOURCE (self), NULL);

  return self->language;
}

void
lt_source_set_language (LtSource *self,
                        const char *language)
{
  g_return_if_fail (LT_IS_SOURCE (self));

  if (language != NULL && *language == '\0')
    language = NULL;
  if (_lt_set_str (&self->language, language))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

const char *
lt_source_get_file (LtSource *self)
{
  g_return_val_if_fail (LT_IS_SOURCE (self), NULL);

  return self->file;
}

void
lt_source_set_file (LtSource *self,
                    const char *file)
{
  g_return_if_fail (LT_IS_SOURCE (self));

  if (file != NULL && *file == '\0')
    file = NULL;
  if (_lt_set_str (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

/**
 * lt_source_get_note:
 * @self: a source
 *
 * Returns: (nullable): the note in the store's language, or in English
 */
const char *
lt_source_get_note (LtSource *self)
{
  g_return_val_if_fail (LT_IS_SOURCE (self), NULL);

  return _lt_i18n_pick (&self->i18n, self->lang, "note", self->note);
}

/**
 * lt_source_set_note:
 * @self: a source
 * @note: (nullable): the English text
 *
 * Sets the English text; see [method@Source.set_translation] for others.
 */
void
lt_source_set_note (LtSource *self,
                    const char *note)
{
  g_return_if_fail (LT_IS_SOURCE (self));

  if (note != NULL && *note == '\0')
    note = NULL;
  if (_lt_set_str (&self->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

const char *
lt_source_get_full_text (LtSource *self)
{
  g_return_val_if_fail (LT_IS_SOURCE (self), NULL);

  return self->full_text;
}

void
lt_source_set_full_text (LtSource *self,
                         const char *full_text)
{
  g_return_if_fail (LT_IS_SOURCE (self));

  if (full_text != NULL && *full_text == '\0')
    full_text = NULL;
  if (_lt_set_str (&self->full_text, full_text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FULL_TEXT]);
}

/**
 * lt_source_get_visibility:
 * @self: a source
 *
 * Returns: "public" or "restricted"
 */
const char *
lt_source_get_visibility (LtSource *self)
{
  g_return_val_if_fail (LT_IS_SOURCE (self), NULL);

  return self->restricted ? "restricted" : "public";
}

gboolean
lt_source_is_restricted (LtSource *self)
{
  g_return_val_if_fail (LT_IS_SOURCE (self), FALSE);

  return self->restricted;
}

void
lt_source_set_restricted (LtSource *self,
                          gboolean  restricted)
{
  g_return_if_fail (LT_IS_SOURCE (self));

  restricted = !!restricted;
  if (self->restricted != restricted)
    {
      self->restricted = restricted;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESTRICTED]);
    }
}

/**
 * lt_source_get_translation:
 * @self: a source
 * @lang: "uk", "be", ...
 * @field: "title", "publisher", "note"
 *
 * Returns: (nullable): the translation, %NULL if there is none
 */
const char *
lt_source_get_translation (LtSource *self,
                           const char *lang,
                           const char *field)
{
  g_return_val_if_fail (LT_IS_SOURCE (self), NULL);
  g_return_val_if_fail (lang != NULL && field != NULL, NULL);

  /* "en" is the text itself, as for events */
  if (g_str_equal (lang, "en"))
    {
      if (g_str_equal (field, "title"))
        return self->title;
      if (g_str_equal (field, "note"))
        return self->note;
    }

  ensure_i18n (self);
  return _lt_i18n_get (&self->i18n, lang, field);
}

/**
 * lt_source_set_translation:
 * @self: a source
 * @lang: "uk", "be", ...
 * @field: "title", "publisher", "note"
 * @text: (nullable): the translation, %NULL to remove it
 */
void
lt_source_set_translation (LtSource *self,
                           const char *lang,
                           const char *field,
                           const char *text)
{
  g_return_if_fail (LT_IS_SOURCE (self));
  g_return_if_fail (lang != NULL && field != NULL);

  if (g_str_equal (lang, "en"))
    {
      if (g_str_equal (field, "title"))
        lt_source_set_title (self, text);
      else if (g_str_equal (field, "note"))
        lt_source_set_note (self, text);
      return;
    }

  ensure_i18n (self);
  if (_lt_i18n_set (&self->i18n, lang, field, text) && g_strcmp0 (lang, self->lang) == 0)
    {
      if (g_str_equal (field, "title"))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
      else if (g_str_equal (field, "publisher"))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUBLISHER]);
      else if (g_str_equal (field, "note"))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
    }
}

/**
 * lt_source_dup:
 * @self: a source
 *
 * Copies @self with its translations, keeping its id: edit the copy and
 * pass it to [method@Store.update_source].
 *
 * Returns: (transfer full): a copy
 */
LtSource *
lt_source_dup (LtSource *self)
{
  LtSource *copy;

  g_return_val_if_fail (LT_IS_SOURCE (self), NULL);

  ensure_i18n (self);

  copy = g_object_new (LT_TYPE_SOURCE, NULL);
  _lt_record_set_store (G_OBJECT (copy), &copy->store, self->store);
  copy->lang = self->lang;
  copy->id = self->id;
  copy->slug = g_strdup (self->slug);
  copy->title = g_strdup (self->title);
  copy->publisher = g_strdup (self->publisher);
  copy->author = g_strdup (self->author);
  copy->date = g_strdup (self->date);
  copy->url = g_strdup (self->url);
  copy->language = g_strdup (self->language);
  copy->file = g_strdup (self->file);
  copy->note = g_strdup (self->note);
  copy->full_text = g_strdup (self->full_text);
  copy->restricted = self->restricted;
  _lt_i18n_copy (&copy->i18n, &self->i18n);
  copy->i18n_complete = TRUE;

  return copy;
}
