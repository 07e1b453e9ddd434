/* lt-source.c: LtSource, a document that records cite
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
  PROP_TITLE,
  PROP_PUBLISHER,
  PROP_AUTHOR,
  PROP_DATE,
  PROP_URL,
  PROP_LANGUAGE,
  PROP_FILE,
  PROP_NOTE,
  PROP_FULL_TEXT,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (LtSource, lt_source, LT_TYPE_RECORD)

static GParamSpec *properties[N_PROPS];

static const LtRecordText source_texts[] = {
  { "title", G_STRUCT_OFFSET (LtSource, title) },
  { "publisher", -1 },
  { "note", G_STRUCT_OFFSET (LtSource, note) },
  { NULL, -1 },
};

static LtRecord *
lt_source_copy (LtRecord *record)
{
  LtSource *self = LT_SOURCE (record);
  LtSource *copy = LT_SOURCE (LT_RECORD_CLASS (lt_source_parent_class)->copy (record));

  copy->title = g_strdup (self->title);
  copy->publisher = g_strdup (self->publisher);
  copy->author = g_strdup (self->author);
  copy->date = g_strdup (self->date);
  copy->url = g_strdup (self->url);
  copy->language = g_strdup (self->language);
  copy->file = g_strdup (self->file);
  copy->note = g_strdup (self->note);
  copy->full_text = g_strdup (self->full_text);

  return LT_RECORD (copy);
}

static void
lt_source_finalize (GObject *object)
{
  LtSource *self = (LtSource *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->publisher, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->file, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->full_text, g_free);

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
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lt_source_class_init (LtSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LtRecordClass *record_class = LT_RECORD_CLASS (klass);

  object_class->finalize = lt_source_finalize;
  object_class->get_property = lt_source_get_property;
  object_class->set_property = lt_source_set_property;

  record_class->kind = LT_RECORD_SOURCE;
  record_class->texts = source_texts;
  record_class->copy = lt_source_copy;

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
  return g_object_new (LT_TYPE_SOURCE, NULL);
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

  return _lt_record_pick (LT_RECORD (self), "title", self->title);
}

/**
 * lt_source_set_title:
 * @self: a source
 * @title: (nullable): the English text
 *
 * Sets the English text; see [method@Record.set_translation] for others.
 */
void
lt_source_set_title (LtSource *self,
                     const char *title)
{
  g_return_if_fail (LT_IS_SOURCE (self));

  _lt_record_set_text (LT_RECORD (self), &self->title, title, properties[PROP_TITLE]);
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

  return _lt_record_pick (LT_RECORD (self), "publisher", self->publisher);
}

void
lt_source_set_publisher (LtSource *self,
                         const char *publisher)
{
  g_return_if_fail (LT_IS_SOURCE (self));

  _lt_record_set_text (LT_RECORD (self), &self->publisher, publisher, properties[PROP_PUBLISHER]);
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

  _lt_record_set_text (LT_RECORD (self), &self->author, author, properties[PROP_AUTHOR]);
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

  _lt_record_set_text (LT_RECORD (self), &self->date, date, properties[PROP_DATE]);
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

  _lt_record_set_text (LT_RECORD (self), &self->url, url, properties[PROP_URL]);
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

  _lt_record_set_text (LT_RECORD (self), &self->language, language, properties[PROP_LANGUAGE]);
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

  _lt_record_set_text (LT_RECORD (self), &self->file, file, properties[PROP_FILE]);
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

  return _lt_record_pick (LT_RECORD (self), "note", self->note);
}

/**
 * lt_source_set_note:
 * @self: a source
 * @note: (nullable): the English text
 *
 * Sets the English text; see [method@Record.set_translation] for others.
 */
void
lt_source_set_note (LtSource *self,
                    const char *note)
{
  g_return_if_fail (LT_IS_SOURCE (self));

  _lt_record_set_text (LT_RECORD (self), &self->note, note, properties[PROP_NOTE]);
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

  _lt_record_set_text (LT_RECORD (self), &self->full_text, full_text, properties[PROP_FULL_TEXT]);
}
