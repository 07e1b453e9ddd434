/* lt-record.c: LtRecord, the base of events, actors, sources and relations
 *
 * Holds what every record has (id, slug, visibility, translations, where
 * it loads its lazy details from) and the copy that subclasses extend.
 *
 * Copyright 2024 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-record"

#include "config.h"

#include "lt-record-private.h"

enum {
  PROP_0,
  PROP_ID,
  PROP_SLUG,
  PROP_RESTRICTED,
  N_PROPS
};

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (LtRecord, lt_record, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

/* The store's loader, installed before any store (and so any record
 * with a store) exists. */
static const LtRecordLoader *record_loader;

static const LtRecordText *
find_text (LtRecord   *self,
           const char *field)
{
  const LtRecordText *texts = LT_RECORD_GET_CLASS (self)->texts;

  for (guint i = 0; texts != NULL && texts[i].name != NULL; i++)
    if (g_str_equal (texts[i].name, field))
      return &texts[i];

  return NULL;
}

/* Whether "en" means the texts the record keeps itself (all but relations). */
static gboolean
keeps_english (LtRecord *self)
{
  const LtRecordText *texts = LT_RECORD_GET_CLASS (self)->texts;

  for (guint i = 0; texts != NULL && texts[i].name != NULL; i++)
    if (texts[i].english >= 0)
      return TRUE;

  return FALSE;
}

static LtRecord *
lt_record_real_copy (LtRecord *self)
{
  LtRecordPrivate *priv = lt_record_get_instance_private (self);
  LtRecord *copy = g_object_new (G_OBJECT_TYPE (self), NULL);
  LtRecordPrivate *copy_priv = lt_record_get_instance_private (copy);

  g_set_object (&copy_priv->store, priv->store);
  copy_priv->lang = priv->lang;
  copy_priv->id = priv->id;
  copy_priv->slug = g_strdup (priv->slug);
  copy_priv->restricted = priv->restricted;
  _lt_i18n_copy (&copy_priv->i18n, &priv->i18n);

  return copy;
}

static void
lt_record_finalize (GObject *object)
{
  LtRecordPrivate *priv = lt_record_get_instance_private (LT_RECORD (object));

  g_clear_object (&priv->store);
  g_clear_pointer (&priv->slug, g_free);
  _lt_i18n_clear (&priv->i18n);

  G_OBJECT_CLASS (lt_record_parent_class)->finalize (object);
}

static void
lt_record_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  LtRecord *self = LT_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, lt_record_get_id (self));
      break;
    case PROP_SLUG:
      g_value_set_string (value, lt_record_get_slug (self));
      break;
    case PROP_RESTRICTED:
      g_value_set_boolean (value, lt_record_is_restricted (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lt_record_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  LtRecord *self = LT_RECORD (object);

  switch (prop_id)
    {
    case PROP_SLUG:
      lt_record_set_slug (self, g_value_get_string (value));
      break;
    case PROP_RESTRICTED:
      lt_record_set_restricted (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lt_record_class_init (LtRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lt_record_finalize;
  object_class->get_property = lt_record_get_property;
  object_class->set_property = lt_record_set_property;

  klass->copy = lt_record_real_copy;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_SLUG] =
    g_param_spec_string ("slug", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_RESTRICTED] =
    g_param_spec_boolean ("restricted", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

/* A new record is a complete draft; the store marks the ones it builds
 * from rows as loading their details lazily. */
static void
lt_record_init (LtRecord *self)
{
  LtRecordPrivate *priv = lt_record_get_instance_private (self);

  priv->i18n_complete = TRUE;
  priv->details_loaded = TRUE;
}

/* What the other files of lt-model share */

LtRecordPrivate *
_lt_record_get_private (gpointer record)
{
  g_assert (LT_IS_RECORD (record));

  return lt_record_get_instance_private (record);
}

/* Records hold a strong reference on the store they were loaded from (for
 * lazy details). A weak pointer cost more than the rest of building an
 * event from a row; snapshots kept by the store's undo stack have no store,
 * so there is no cycle. */
void
_lt_record_set_store (gpointer  record,
                      LtStore  *store)
{
  LtRecordPrivate *priv = _lt_record_get_private (record);

  g_set_object (&priv->store, store);
}

LtRecordPrivate *
_lt_record_init_stored (gpointer    record,
                        LtStore    *store,
                        const char *lang)
{
  LtRecordPrivate *priv = _lt_record_get_private (record);

  g_set_object (&priv->store, store);
  priv->lang = lang;
  priv->i18n_complete = FALSE;
  priv->details_loaded = FALSE;

  return priv;
}

void
_lt_record_set_loader (const LtRecordLoader *loader)
{
  record_loader = loader;
}

const LtRecordLoader *
_lt_record_get_loader (void)
{
  g_assert (record_loader != NULL);

  return record_loader;
}

void
_lt_record_ensure_i18n (LtRecord *self)
{
  LtRecordPrivate *priv = lt_record_get_instance_private (self);

  if (priv->i18n_complete)
    return;

  priv->i18n_complete = TRUE;
  if (priv->store != NULL && priv->id != 0)
    _lt_record_get_loader ()->load_i18n (priv->store, LT_RECORD_GET_CLASS (self)->kind, priv->id,
                                         &priv->i18n);
}

void
_lt_record_ensure_details (LtRecord *self)
{
  LtRecordPrivate *priv = lt_record_get_instance_private (self);

  if (priv->details_loaded)
    return;

  priv->details_loaded = TRUE;
  if (priv->store != NULL && priv->id != 0)
    _lt_record_get_loader ()->load_details (priv->store, self);
}

void
_lt_record_ensure_complete (LtRecord *self)
{
  _lt_record_ensure_details (self);
  _lt_record_ensure_i18n (self);
}

const char *
_lt_record_pick (LtRecord   *self,
                 const char *field,
                 const char *english)
{
  LtRecordPrivate *priv = lt_record_get_instance_private (self);

  return _lt_i18n_pick (&priv->i18n, priv->lang, field, english);
}

const char *
_lt_record_get_title (LtRecord *self)
{
  const LtRecordText *title = &LT_RECORD_GET_CLASS (self)->texts[0];

  if (title->name == NULL || title->english < 0)
    return NULL;

  return _lt_record_pick (self, title->name, G_STRUCT_MEMBER (const char *, self, title->english));
}

void
_lt_record_set_text (LtRecord    *self,
                     char       **field,
                     const char  *text,
                     GParamSpec  *pspec)
{
  if (text != NULL && *text == '\0')
    text = NULL;
  if (_lt_set_str (field, text))
    g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

gboolean
_lt_set_str (char       **ptr,
             const char  *str)
{
  char *copy;

  if (*ptr == str || g_strcmp0 (*ptr, str) == 0)
    return FALSE;

  copy = g_strdup (str);
  g_free (*ptr);
  *ptr = copy;

  return TRUE;
}

/* Translations */

#define I18N_SEP "\x1f"

void
_lt_i18n_init (LtI18n *self)
{
  self->table = NULL;
}

void
_lt_i18n_clear (LtI18n *self)
{
  g_clear_pointer (&self->table, g_hash_table_unref);
}

static void
copy_entry (gpointer key,
            gpointer value,
            gpointer data)
{
  g_hash_table_insert (data, g_strdup (key), g_strdup (value));
}

void
_lt_i18n_copy (LtI18n *dest,
               LtI18n *src)
{
  _lt_i18n_clear (dest);
  if (src->table == NULL)
    return;
  dest->table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_foreach (src->table, copy_entry, dest->table);
}

const char *
_lt_i18n_get (LtI18n     *self,
              const char *lang,
              const char *field)
{
  char key[64];

  if (self->table == NULL || lang == NULL || field == NULL)
    return NULL;

  g_snprintf (key, sizeof key, "%s" I18N_SEP "%s", lang, field);
  return g_hash_table_lookup (self->table, key);
}

gboolean
_lt_i18n_set (LtI18n     *self,
              const char *lang,
              const char *field,
              const char *text)
{
  char *key;

  g_return_val_if_fail (lang != NULL && field != NULL, FALSE);

  if (g_strcmp0 (_lt_i18n_get (self, lang, field), text) == 0)
    return FALSE;

  key = g_strconcat (lang, I18N_SEP, field, NULL);

  if (text == NULL || *text == '\0')
    {
      if (self->table != NULL)
        g_hash_table_remove (self->table, key);
      g_free (key);
      return TRUE;
    }

  if (self->table == NULL)
    self->table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_insert (self->table, key, g_strdup (text));

  return TRUE;
}

static int
compare_keys (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

void
_lt_i18n_foreach (LtI18n     *self,
                  void      (*func) (const char *lang,
                                     const char *field,
                                     const char *text,
                                     gpointer    data),
                  gpointer    data)
{
  g_autofree const char **keys = NULL;
  guint n;

  if (self->table == NULL)
    return;

  keys = (const char **) g_hash_table_get_keys_as_array (self->table, &n);
  g_qsort_with_data (keys, n, sizeof (char *), compare_keys, NULL);
  for (guint i = 0; i < n; i++)
    {
      const char *sep = strchr (keys[i], I18N_SEP[0]);
      g_autofree char *lang = g_strndup (keys[i], sep - keys[i]);

      func (lang, sep + 1, g_hash_table_lookup (self->table, keys[i]), data);
    }
}

const char *
_lt_i18n_pick (LtI18n     *self,
               const char *lang,
               const char *field,
               const char *fallback)
{
  const char *text;

  if (lang == NULL || g_str_equal (lang, "en"))
    return fallback;

  text = _lt_i18n_get (self, lang, field);
  return text != NULL ? text : fallback;
}


/* Public API */

/**
 * lt_record_get_kind:
 * @self: a record
 *
 * Returns: whether @self is an event, an actor, a source or a relation
 */
LtRecordKind
lt_record_get_kind (LtRecord *self)
{
  g_return_val_if_fail (LT_IS_RECORD (self), LT_RECORD_EVENT);

  return LT_RECORD_GET_CLASS (self)->kind;
}

/**
 * lt_record_get_id:
 * @self: a record
 *
 * Returns: the row id, 0 for a draft
 */
gint64
lt_record_get_id (LtRecord *self)
{
  LtRecordPrivate *priv = lt_record_get_instance_private (self);

  g_return_val_if_fail (LT_IS_RECORD (self), 0);

  return priv->id;
}

/**
 * lt_record_get_slug:
 * @self: a record
 *
 * Returns: (nullable): the id in a chronicle's JSON, e.g. "minsk-march"
 */
const char *
lt_record_get_slug (LtRecord *self)
{
  LtRecordPrivate *priv = lt_record_get_instance_private (self);

  g_return_val_if_fail (LT_IS_RECORD (self), NULL);

  return priv->slug;
}

/**
 * lt_record_set_slug:
 * @self: a record
 * @slug: (nullable): the new slug; %NULL (or empty) lets the store make one
 */
void
lt_record_set_slug (LtRecord   *self,
                    const char *slug)
{
  LtRecordPrivate *priv = lt_record_get_instance_private (self);

  g_return_if_fail (LT_IS_RECORD (self));

  _lt_record_set_text (self, &priv->slug, slug, properties[PROP_SLUG]);
}

/**
 * lt_record_get_visibility:
 * @self: a record
 *
 * Returns: "public" or "restricted"
 */
const char *
lt_record_get_visibility (LtRecord *self)
{
  g_return_val_if_fail (LT_IS_RECORD (self), NULL);

  return lt_record_is_restricted (self) ? "restricted" : "public";
}

gboolean
lt_record_is_restricted (LtRecord *self)
{
  LtRecordPrivate *priv = lt_record_get_instance_private (self);

  g_return_val_if_fail (LT_IS_RECORD (self), FALSE);

  return priv->restricted;
}

void
lt_record_set_restricted (LtRecord *self,
                          gboolean  restricted)
{
  LtRecordPrivate *priv = lt_record_get_instance_private (self);

  g_return_if_fail (LT_IS_RECORD (self));

  restricted = !!restricted;
  if (priv->restricted != restricted)
    {
      priv->restricted = restricted;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESTRICTED]);
    }
}

/**
 * lt_record_get_translation:
 * @self: a record
 * @lang: "uk", "be", ...
 * @field: a text field, e.g. "title" (see the subclass's #LtRecordClass.texts)
 *
 * "en" gives the English text itself where the record keeps it, so that an
 * editor can show every language the same way.
 *
 * Returns: (nullable): the translation, %NULL if there is none
 */
const char *
lt_record_get_translation (LtRecord   *self,
                           const char *lang,
                           const char *field)
{
  LtRecordPrivate *priv = lt_record_get_instance_private (self);
  const LtRecordText *text;

  g_return_val_if_fail (LT_IS_RECORD (self), NULL);
  g_return_val_if_fail (lang != NULL && field != NULL, NULL);

  if (g_str_equal (lang, "en") && (text = find_text (self, field)) != NULL && text->english >= 0)
    return G_STRUCT_MEMBER (const char *, self, text->english);

  _lt_record_ensure_i18n (self);
  return _lt_i18n_get (&priv->i18n, lang, field);
}

/**
 * lt_record_set_translation:
 * @self: a record
 * @lang: "uk", "be", ...
 * @field: a text field, e.g. "title"
 * @text: (nullable): the translation, %NULL to remove it
 *
 * "en" sets the English text itself where the record keeps it, as the
 * subclass's setter does.
 */
void
lt_record_set_translation (LtRecord   *self,
                           const char *lang,
                           const char *field,
                           const char *text)
{
  LtRecordPrivate *priv = lt_record_get_instance_private (self);
  const LtRecordText *known;

  g_return_if_fail (LT_IS_RECORD (self));
  g_return_if_fail (lang != NULL && field != NULL);

  known = find_text (self, field);
  if (g_str_equal (lang, "en") && keeps_english (self))
    {
      if (known != NULL && known->english >= 0)
        g_object_set (self, field, text, NULL);
      return;
    }

  _lt_record_ensure_i18n (self);
  if (_lt_i18n_set (&priv->i18n, lang, field, text) && g_strcmp0 (lang, priv->lang) == 0 &&
      known != NULL)
    g_object_notify (G_OBJECT (self), known->name);
}

/**
 * lt_record_dup:
 * @self: a record
 *
 * Copies @self with all its details and translations, keeping its id:
 * edit the copy and pass it to the store's update function.
 *
 * Returns: (transfer full): a copy, of the type of @self
 */
LtRecord *
lt_record_dup (LtRecord *self)
{
  g_return_val_if_fail (LT_IS_RECORD (self), NULL);

  _lt_record_ensure_complete (self);

  return LT_RECORD_GET_CLASS (self)->copy (self);
}
