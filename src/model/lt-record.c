/* lt-record.c: what the record types share
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

/* Records hold a strong reference on the store they were loaded from (for
 * lazy details). A weak pointer cost more than the rest of building an
 * event from a row; snapshots kept by the store's undo stack have no store,
 * so there is no cycle. */
void
_lt_record_set_store (GObject  *record,
                      LtStore **store_field,
                      LtStore  *store)
{
  g_set_object (store_field, store);
}

/* The store's loader, installed before any store (and so any record
 * with a store) exists. */
static const LtRecordLoader *record_loader;

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

/* Boxed helpers */

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
