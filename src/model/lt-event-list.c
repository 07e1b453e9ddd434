/* lt-event-list.c: LtEventList, the events of a filter, built on demand from their keys
 *
 * Copyright 2024 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-event-list"

#include "config.h"

#include "lt-event-list.h"
#include "lt-model-private.h"

/* Like sysprof's bitset index: the list holds only (id, start day) keys and
 * builds LtEvent objects on demand, CHUNK_SIZE at a time with one
 * statement, keeping the last MAX_CHUNKS chunks. */
#define CHUNK_SIZE 256
#define MAX_CHUNKS 16

typedef struct
{
  guint      index;
  GPtrArray *events;
} Chunk;

struct _LtEventList
{
  LtRecordList   parent_instance;

  LtEventFilter *filter;
  GArray        *keys;   /* of LtDayKey, sorted by (start_day, id) */

  GQueue         chunks; /* of Chunk, most recently used first */
};

enum {
  PROP_0,
  PROP_FILTER,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (LtEventList, lt_event_list, LT_TYPE_RECORD_LIST)

static GParamSpec *properties[N_PROPS];

static void
chunk_free (gpointer data)
{
  Chunk *chunk = data;

  g_ptr_array_unref (chunk->events);
  g_free (chunk);
}

static void
clear_chunks (LtEventList *self)
{
  g_queue_clear_full (&self->chunks, chunk_free);
}

static const char *
chunk_sql (void)
{
  static char *sql;

  if (g_once_init_enter (&sql))
    {
      GString *s = g_string_new ("SELECT " LT_EVENT_COLUMNS " FROM events e WHERE e.id IN (");

      for (guint i = 1; i <= CHUNK_SIZE; i++)
        g_string_append_printf (s, "%s?%u", i > 1 ? ", " : "", i);
      g_string_append (s, ")");
      g_once_init_leave (&sql, g_string_free (s, FALSE));
    }

  return sql;
}

static const char *
chunk_i18n_sql (void)
{
  static char *sql;

  if (g_once_init_enter (&sql))
    {
      GString *s = g_string_new (NULL);

      g_string_append_printf (s, "SELECT record_id, field, text FROM translations"
                              " WHERE kind = 0 AND lang = ?%u AND record_id IN (", CHUNK_SIZE + 1);
      for (guint i = 1; i <= CHUNK_SIZE; i++)
        g_string_append_printf (s, "%s?%u", i > 1 ? ", " : "", i);
      g_string_append (s, ")");
      g_once_init_leave (&sql, g_string_free (s, FALSE));
    }

  return sql;
}

static Chunk *
load_chunk (LtEventList *self,
            guint        index)
{
  guint first = index * CHUNK_SIZE;
  guint n = MIN (CHUNK_SIZE, self->keys->len - first);
  const LtDayKey *keys = &g_array_index (self->keys, LtDayKey, first);
  LtStore *store = lt_record_list_get_store (LT_RECORD_LIST (self));
  const char *lang = lt_store_get_language (store);
  sqlite3_stmt *stmt;
  Chunk *chunk;

  chunk = g_new0 (Chunk, 1);
  chunk->index = index;
  chunk->events = g_ptr_array_new_full (n, g_object_unref);
  g_ptr_array_set_size (chunk->events, n);

  if (!(stmt = _lt_store_prepare (store, chunk_sql (), NULL)))
    return chunk;

  for (guint i = 0; i < n; i++)
    sqlite3_bind_int64 (stmt, (int) i + 1, keys[i].id);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      /* Rows come in rowid order; place each where its key is. */
      for (guint i = 0; i < n; i++)
        if (keys[i].id == id && g_ptr_array_index (chunk->events, i) == NULL)
          {
            g_ptr_array_index (chunk->events, i) = _lt_store_event_from_row (store, stmt);
            break;
          }
    }
  sqlite3_reset (stmt);

  if (!g_str_equal (lang, "en") && (stmt = _lt_store_prepare (store, chunk_i18n_sql (), NULL)))
    {
      for (guint i = 0; i < n; i++)
        sqlite3_bind_int64 (stmt, (int) i + 1, keys[i].id);
      sqlite3_bind_text (stmt, CHUNK_SIZE + 1, lang, -1, SQLITE_STATIC);

      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          for (guint i = 0; i < n; i++)
            {
              LtEvent *event = g_ptr_array_index (chunk->events, i);
              LtRecordPrivate *priv = event != NULL ? _lt_record_get_private (event) : NULL;

              if (priv != NULL && priv->id == id)
                {
                  _lt_i18n_set (&priv->i18n, lang,
                                (const char *) sqlite3_column_text (stmt, 1),
                                (const char *) sqlite3_column_text (stmt, 2));
                  break;
                }
            }
        }
      sqlite3_reset (stmt);
    }

  return chunk;
}

static gpointer
lt_event_list_get_item (LtRecordList *list,
                        guint         position)
{
  LtEventList *self = LT_EVENT_LIST (list);
  guint index = position / CHUNK_SIZE;
  Chunk *chunk = NULL;
  gpointer item;

  if (self->keys == NULL || position >= self->keys->len)
    return NULL;

  for (GList *l = self->chunks.head; l != NULL; l = l->next)
    {
      Chunk *c = l->data;

      if (c->index == index)
        {
          chunk = c;
          if (l != self->chunks.head)
            {
              g_queue_unlink (&self->chunks, l);
              g_queue_push_head_link (&self->chunks, l);
            }
          break;
        }
    }

  if (chunk == NULL)
    {
      chunk = load_chunk (self, index);
      g_queue_push_head (&self->chunks, chunk);
      while (self->chunks.length > MAX_CHUNKS)
        chunk_free (g_queue_pop_tail (&self->chunks));
    }

  item = g_ptr_array_index (chunk->events, position - index * CHUNK_SIZE);
  return item != NULL ? g_object_ref (item) : NULL;
}

static guint
lt_event_list_get_n_items (LtRecordList *list)
{
  LtEventList *self = LT_EVENT_LIST (list);

  return self->keys != NULL ? self->keys->len : 0;
}

static void
lt_event_list_reload (LtRecordList *list)
{
  LtEventList *self = LT_EVENT_LIST (list);
  LtStore *store = lt_record_list_get_store (list);
  g_autoptr(GError) error = NULL;
  guint old_n = self->keys != NULL ? self->keys->len : 0;
  GArray *keys;

  clear_chunks (self);

  if (store == NULL)
    return;

  keys = _lt_store_dup_event_keys (store, self->filter, &error);
  if (keys == NULL)
    {
      g_warning ("Could not list events: %s", error->message);
      keys = g_array_new (FALSE, FALSE, sizeof (LtDayKey));
    }

  g_clear_pointer (&self->keys, g_array_unref);
  self->keys = keys;

  if (old_n > 0 || keys->len > 0)
    _lt_record_list_items_changed (list, 0, old_n, keys->len);
}

static gboolean
lt_event_list_find (LtRecordList *list,
                    gint64        id,
                    guint        *position)
{
  LtEventList *self = LT_EVENT_LIST (list);
  const LtDayKey *keys;

  if (self->keys == NULL)
    return FALSE;

  keys = (const LtDayKey *) (gpointer) self->keys->data;
  for (guint i = 0; i < self->keys->len; i++)
    if (keys[i].id == id)
      {
        *position = i;
        return TRUE;
      }

  return FALSE;
}

typedef struct
{
  const LtDayKey *keys;
  LtDayKey        key;
} Placing;

static gboolean
sorts_before_cb (guint    i,
                 gpointer data)
{
  const Placing *p = data;
  const LtDayKey *k = &p->keys[i];

  return k->start_day < p->key.start_day || (k->start_day == p->key.start_day && k->id < p->key.id);
}

static guint
insertion_point (LtEventList *self,
                 gint32       day,
                 gint64       id)
{
  Placing p = { (const LtDayKey *) (gpointer) self->keys->data, { id, day } };

  return _lt_record_list_bisect (self->keys->len, sorts_before_cb, &p);
}

static void
lt_event_list_record_changed (LtRecordList *list,
                              gint64        id,
                              LtChange      change)
{
  LtEventList *self = LT_EVENT_LIST (list);
  LtDayKey key = { id, 0 };
  guint old_pos = 0;
  gboolean was_in = lt_event_list_find (list, id, &old_pos);
  gboolean is_in = FALSE;
  guint new_pos = 0;

  if (change != LT_CHANGE_REMOVED)
    is_in = _lt_store_event_matches (lt_record_list_get_store (list), self->filter, id,
                                     &key.start_day);

  if (!was_in && !is_in)
    return;

  clear_chunks (self);

  if (was_in)
    g_array_remove_index (self->keys, old_pos);
  if (is_in)
    {
      new_pos = insertion_point (self, key.start_day, id);
      g_array_insert_val (self->keys, new_pos, key);
    }
  _lt_record_list_moved (list, was_in, old_pos, is_in, new_pos);
}

static void
lt_event_list_dispose (GObject *object)
{
  LtEventList *self = (LtEventList *)object;

  clear_chunks (self);

  G_OBJECT_CLASS (lt_event_list_parent_class)->dispose (object);
}

static void
lt_event_list_finalize (GObject *object)
{
  LtEventList *self = (LtEventList *)object;

  g_clear_pointer (&self->keys, g_array_unref);
  g_clear_pointer (&self->filter, lt_event_filter_free);

  G_OBJECT_CLASS (lt_event_list_parent_class)->finalize (object);
}

static void
lt_event_list_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LtEventList *self = LT_EVENT_LIST (object);

  switch (prop_id)
    {
    case PROP_FILTER:
      g_value_set_boxed (value, lt_event_list_get_filter (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lt_event_list_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LtEventList *self = LT_EVENT_LIST (object);

  switch (prop_id)
    {
    case PROP_FILTER:
      if (self->keys == NULL)
        self->filter = lt_event_filter_copy (g_value_get_boxed (value));
      else
        lt_event_list_set_filter (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lt_event_list_class_init (LtEventListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LtRecordListClass *list_class = LT_RECORD_LIST_CLASS (klass);

  object_class->dispose = lt_event_list_dispose;
  object_class->finalize = lt_event_list_finalize;
  object_class->get_property = lt_event_list_get_property;
  object_class->set_property = lt_event_list_set_property;

  list_class->kind = LT_RECORD_EVENT;
  list_class->reload = lt_event_list_reload;
  list_class->record_changed = lt_event_list_record_changed;
  list_class->get_n_items = lt_event_list_get_n_items;
  list_class->get_item = lt_event_list_get_item;
  list_class->find = lt_event_list_find;

  properties[PROP_FILTER] =
    g_param_spec_boxed ("filter", NULL, NULL, LT_TYPE_EVENT_FILTER,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lt_event_list_init (LtEventList *self)
{
  g_queue_init (&self->chunks);
}

/**
 * lt_event_list_get_filter:
 * @self: an event list
 *
 * Returns: (transfer none) (nullable): the filter, %NULL for all public events
 */
const LtEventFilter *
lt_event_list_get_filter (LtEventList *self)
{
  g_return_val_if_fail (LT_IS_EVENT_LIST (self), NULL);

  return self->filter;
}

/**
 * lt_event_list_set_filter:
 * @self: an event list
 * @filter: (nullable): the new filter
 *
 * Reloads the keys and replaces all items in one items-changed.
 */
void
lt_event_list_set_filter (LtEventList         *self,
                          const LtEventFilter *filter)
{
  g_return_if_fail (LT_IS_EVENT_LIST (self));

  if (lt_event_filter_equal (self->filter, filter))
    return;

  g_clear_pointer (&self->filter, lt_event_filter_free);
  self->filter = lt_event_filter_copy (filter);
  lt_event_list_reload (LT_RECORD_LIST (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

/**
 * lt_event_list_get_id_at:
 * @self: an event list
 * @position: a position
 *
 * The row id at @position without building the item.
 *
 * Returns: the id, 0 past the end
 */
gint64
lt_event_list_get_id_at (LtEventList *self,
                         guint        position)
{
  g_return_val_if_fail (LT_IS_EVENT_LIST (self), 0);

  if (self->keys == NULL || position >= self->keys->len)
    return 0;

  return g_array_index (self->keys, LtDayKey, position).id;
}
