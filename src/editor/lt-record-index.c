/* lt-record-index.c: search-as-you-type over the names of a chronicle's records
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-record-index"

#include "config.h"

#include <string.h>

#include "lt-record-index.h"

typedef struct
{
  gint64     id;
  char      *label;
  char      *detail;
  GPtrArray *names;    /* every name the record goes by: label first, then aliases, translations */
  GPtrArray *folded;   /* the same, folded for matching */
} Entry;

struct _LtRecordIndex
{
  GArray *entries;     /* of Entry, in the store's order */
};

static void
entry_clear (gpointer data)
{
  Entry *e = data;

  g_free (e->label);
  g_free (e->detail);
  g_ptr_array_unref (e->names);
  g_ptr_array_unref (e->folded);
}

static void
add_name (Entry      *e,
          const char *name)
{
  if (name == NULL || name[0] == '\0')
    return;

  for (guint i = 0; i < e->names->len; i++)
    if (g_str_equal (g_ptr_array_index (e->names, i), name))
      return;

  g_ptr_array_add (e->names, g_strdup (name));
  g_ptr_array_add (e->folded, lt_store_fold_text (name));
}

static Entry *
add_entry (LtRecordIndex *self,
           gint64         id,
           const char    *label,
           const char    *detail)
{
  Entry e = { id, g_strdup (label != NULL ? label : ""), g_strdup (detail),
              g_ptr_array_new_with_free_func (g_free), g_ptr_array_new_with_free_func (g_free) };

  add_name (&e, label);
  g_array_append_val (self->entries, e);

  return &g_array_index (self->entries, Entry, self->entries->len - 1);
}

static LtRecordIndex *
record_index_new (void)
{
  LtRecordIndex *self = g_new0 (LtRecordIndex, 1);

  self->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_array_set_clear_func (self->entries, entry_clear);

  return self;
}

/**
 * lt_record_index_new_actors:
 * @store: a chronicle
 *
 * Indexes the actors by their names in every language and their aliases in any script.
 *
 * Returns: (transfer full): the index
 */
LtRecordIndex *
lt_record_index_new_actors (LtStore *store)
{
  g_autoptr(GListModel) actors = NULL;
  LtRecordIndex *self;
  guint n;

  g_return_val_if_fail (LT_IS_STORE (store), NULL);

  self = record_index_new ();
  actors = lt_store_list_actors (store, NULL);
  n = g_list_model_get_n_items (actors);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LtActor) actor = g_list_model_get_item (actors, i);
      const char * const *aliases = lt_actor_get_aliases (actor);
      Entry *e = add_entry (self, lt_record_get_id (LT_RECORD (actor)), lt_actor_get_name (actor),
                            lt_actor_kind_get_label (lt_actor_get_kind (actor)));

      add_name (e, lt_record_get_translation (LT_RECORD (actor), "en", "name"));
      add_name (e, lt_record_get_translation (LT_RECORD (actor), "uk", "name"));
      add_name (e, lt_record_get_translation (LT_RECORD (actor), "be", "name"));
      for (guint j = 0; aliases != NULL && aliases[j] != NULL; j++)
        add_name (e, aliases[j]);
    }

  return self;
}

/**
 * lt_record_index_new_sources:
 * @store: a chronicle
 *
 * Indexes the sources by their titles and publishers.
 *
 * Returns: (transfer full): the index
 */
LtRecordIndex *
lt_record_index_new_sources (LtStore *store)
{
  g_autoptr(GListModel) sources = NULL;
  LtRecordIndex *self;
  guint n;

  g_return_val_if_fail (LT_IS_STORE (store), NULL);

  self = record_index_new ();
  sources = lt_store_list_sources (store);
  n = g_list_model_get_n_items (sources);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LtSource) source = g_list_model_get_item (sources, i);
      g_autoptr(GString) detail = g_string_new (lt_source_get_publisher (source));
      Entry *e;

      if (lt_source_get_date (source) != NULL && lt_source_get_date (source)[0] != '\0')
        g_string_append_printf (detail, "%s%s", detail->len > 0 ? " · " : "",
                                lt_source_get_date (source));
      e = add_entry (self, lt_record_get_id (LT_RECORD (source)), lt_source_get_title (source),
                     detail->len > 0 ? detail->str : NULL);
      add_name (e, lt_source_get_publisher (source));
      add_name (e, lt_source_get_url (source));
    }

  return self;
}

void
lt_record_index_free (LtRecordIndex *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->entries);
  g_free (self);
}

/* Word starts count for more than the middle of a word: "vias" finds "Viasna" before
 * "Pravias…" */
static int
match_score (const char *folded,
             const char *query)
{
  const char *hit = strstr (folded, query);

  if (hit == NULL)
    return -1;
  if (hit == folded)
    return 0;
  if (!g_unichar_isalnum (g_utf8_get_char (g_utf8_find_prev_char (folded, hit))))
    return 1;
  return 2;
}

typedef struct
{
  LtRecordMatch match;
  int           score;
  guint         order;
} Hit;

static int
compare_hits (gconstpointer a,
              gconstpointer b)
{
  const Hit *x = a, *y = b;

  if (x->score != y->score)
    return x->score < y->score ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

/**
 * lt_record_index_search:
 * @self: an index
 * @query: what the user typed
 * @limit: the most matches to return
 *
 * Finds the records one of whose names contains @query, folded as the store's search
 * folds (case, accents, ё/е), beginnings of names first.
 *
 * Returns: (transfer full) (element-type LtRecordMatch): the matches, best first
 */
GArray *
lt_record_index_search (LtRecordIndex *self,
                        const char    *query,
                        guint          limit)
{
  g_autofree char *folded = NULL;
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (Hit));
  GArray *result = g_array_new (FALSE, FALSE, sizeof (LtRecordMatch));

  g_return_val_if_fail (self != NULL, result);

  folded = lt_store_fold_text (query != NULL ? query : "");
  g_strstrip (folded);
  if (folded[0] == '\0')
    return result;

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *e = &g_array_index (self->entries, Entry, i);
      Hit best = { { e->id, e->label, e->detail, NULL }, -1, i };

      for (guint j = 0; j < e->folded->len; j++)
        {
          int score = match_score (g_ptr_array_index (e->folded, j), folded);

          /* the record's own name beats its aliases at the same score */
          if (score >= 0 && (best.score < 0 || score * 2 + (j > 0) < best.score))
            {
              best.score = score * 2 + (j > 0);
              best.match.matched = j > 0 ? g_ptr_array_index (e->names, j) : NULL;
            }
        }

      if (best.score >= 0)
        g_array_append_val (hits, best);
    }

  g_array_sort (hits, compare_hits);
  for (guint i = 0; i < hits->len && i < limit; i++)
    g_array_append_val (result, g_array_index (hits, Hit, i).match);

  return result;
}

static Entry *
lookup (LtRecordIndex *self,
        gint64         id)
{
  for (guint i = 0; i < self->entries->len; i++)
    if (g_array_index (self->entries, Entry, i).id == id)
      return &g_array_index (self->entries, Entry, i);

  return NULL;
}

/**
 * lt_record_index_get_label:
 * @self: an index
 * @id: a record
 *
 * Returns: (nullable): the record's name or title
 */
const char *
lt_record_index_get_label (LtRecordIndex *self,
                           gint64         id)
{
  Entry *e = lookup (self, id);

  return e != NULL ? e->label : NULL;
}

/**
 * lt_record_index_get_detail:
 * @self: an index
 * @id: a record
 *
 * Returns: (nullable): what the record is: an actor's kind, a source's publisher
 */
const char *
lt_record_index_get_detail (LtRecordIndex *self,
                            gint64         id)
{
  Entry *e = lookup (self, id);

  return e != NULL ? e->detail : NULL;
}
