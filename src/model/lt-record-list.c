/* lt-record-list.c: LtRecordList, the base of the list models of records
 *
 * A GListModel of one kind of record that follows the store's "changed"
 * signal. By default it holds its records, sorted, and moves one when it
 * changes; LtEventList replaces that with items built on demand.
 *
 * Copyright 2024 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-record-list"

#include "config.h"

#include "lt-model-private.h"
#include "lt-record-list.h"

typedef struct
{
  LtStore   *store;
  GPtrArray *items;  /* of LtRecord, sorted by the class's compare() */
} LtRecordListPrivate;

enum {
  PROP_0,
  PROP_STORE,
  PROP_ITEM_TYPE,
  PROP_N_ITEMS,
  N_PROPS
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_ABSTRACT_TYPE_WITH_CODE (LtRecordList, lt_record_list, G_TYPE_OBJECT,
                                  G_ADD_PRIVATE (LtRecordList)
                                  G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GParamSpec *properties[N_PROPS];

static GType
item_type (LtRecordList *self)
{
  static GType (* const get_type[]) (void) = {
    [LT_RECORD_EVENT] = lt_event_get_type,
    [LT_RECORD_ACTOR] = lt_actor_get_type,
    [LT_RECORD_SOURCE] = lt_source_get_type,
    [LT_RECORD_RELATION] = lt_relation_get_type,
  };

  return get_type[LT_RECORD_LIST_GET_CLASS (self)->kind] ();
}

static gpointer
lt_record_list_get_item (GListModel *model,
                         guint       position)
{
  LtRecordList *self = LT_RECORD_LIST (model);

  return LT_RECORD_LIST_GET_CLASS (self)->get_item (self, position);
}

static guint
lt_record_list_get_n_items (GListModel *model)
{
  LtRecordList *self = LT_RECORD_LIST (model);

  return LT_RECORD_LIST_GET_CLASS (self)->get_n_items (self);
}

static GType
lt_record_list_get_item_type (GListModel *model)
{
  return item_type (LT_RECORD_LIST (model));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item = lt_record_list_get_item;
  iface->get_n_items = lt_record_list_get_n_items;
  iface->get_item_type = lt_record_list_get_item_type;
}

/* The list that holds its records */

static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      data)
{
  LtRecordListClass *klass = data;

  return klass->compare (*(LtRecord * const *) a, *(LtRecord * const *) b);
}

static void
lt_record_list_real_reload (LtRecordList *self)
{
  LtRecordListPrivate *priv = lt_record_list_get_instance_private (self);
  LtRecordListClass *klass = LT_RECORD_LIST_GET_CLASS (self);
  guint old_n = priv->items != NULL ? priv->items->len : 0;

  g_clear_pointer (&priv->items, g_ptr_array_unref);
  priv->items = klass->load (self);
  g_ptr_array_sort_with_data (priv->items, compare_cb, klass);

  if (old_n > 0 || priv->items->len > 0)
    _lt_record_list_items_changed (self, 0, old_n, priv->items->len);
}

typedef struct
{
  LtRecordListClass *klass;
  GPtrArray         *items;
  LtRecord          *record;
} Placing;

static gboolean
sorts_before_cb (guint    i,
                 gpointer data)
{
  Placing *p = data;

  return p->klass->compare (g_ptr_array_index (p->items, i), p->record) <= 0;
}

static guint
insertion_point (LtRecordList *self,
                 LtRecord     *record)
{
  LtRecordListPrivate *priv = lt_record_list_get_instance_private (self);
  Placing p = { LT_RECORD_LIST_GET_CLASS (self), priv->items, record };

  return _lt_record_list_bisect (priv->items->len, sorts_before_cb, &p);
}
static void
lt_record_list_real_record_changed (LtRecordList *self,
                                    gint64        id,
                                    LtChange      change)
{
  LtRecordListPrivate *priv = lt_record_list_get_instance_private (self);
  LtRecordListClass *klass = LT_RECORD_LIST_GET_CLASS (self);
  g_autoptr(LtRecord) record = NULL;
  guint old_pos = 0, new_pos = 0;
  gboolean was_in;

  was_in = klass->find (self, id, &old_pos);
  if (change != LT_CHANGE_REMOVED)
    {
      record = _lt_store_lookup_record (priv->store, klass->kind, id);
      if (record != NULL && !klass->matches (self, record))
        g_clear_object (&record);
    }

  if (!was_in && record == NULL)
    return;

  if (was_in)
    g_ptr_array_remove_index (priv->items, old_pos);
  if (record != NULL)
    {
      new_pos = insertion_point (self, record);
      g_ptr_array_insert (priv->items, new_pos, g_steal_pointer (&record));
      _lt_record_list_moved (self, was_in, old_pos, TRUE, new_pos);
    }
  else
    _lt_record_list_moved (self, was_in, old_pos, FALSE, 0);
}

static guint
lt_record_list_real_get_n_items (LtRecordList *self)
{
  LtRecordListPrivate *priv = lt_record_list_get_instance_private (self);

  return priv->items != NULL ? priv->items->len : 0;
}

static gpointer
lt_record_list_real_get_item (LtRecordList *self,
                              guint         position)
{
  LtRecordListPrivate *priv = lt_record_list_get_instance_private (self);

  if (priv->items == NULL || position >= priv->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (priv->items, position));
}

static gboolean
lt_record_list_real_find (LtRecordList *self,
                          gint64        id,
                          guint        *position)
{
  LtRecordListPrivate *priv = lt_record_list_get_instance_private (self);

  for (guint i = 0; priv->items != NULL && i < priv->items->len; i++)
    if (lt_record_get_id (g_ptr_array_index (priv->items, i)) == id)
      {
        if (position != NULL)
          *position = i;
        return TRUE;
      }

  return FALSE;
}

/* Following the store */

static void
store_changed_cb (LtRecordList *self,
                  const char   *table,
                  gint64        id,
                  int           change,
                  LtStore      *store)
{
  LtRecordListClass *klass = LT_RECORD_LIST_GET_CLASS (self);

  g_assert (LT_IS_RECORD_LIST (self));

  if (change == LT_CHANGE_RELOADED)
    klass->reload (self);
  else if (g_str_equal (table, lt_record_kind_to_table (klass->kind)))
    klass->record_changed (self, id, (LtChange) change);
}

static void
lt_record_list_constructed (GObject *object)
{
  LtRecordList *self = (LtRecordList *)object;
  LtRecordListPrivate *priv = lt_record_list_get_instance_private (self);

  G_OBJECT_CLASS (lt_record_list_parent_class)->constructed (object);

  if (priv->store != NULL)
    LT_RECORD_LIST_GET_CLASS (self)->reload (self);
}

static void
lt_record_list_dispose (GObject *object)
{
  LtRecordList *self = (LtRecordList *)object;
  LtRecordListPrivate *priv = lt_record_list_get_instance_private (self);

  if (priv->store != NULL)
    g_signal_handlers_disconnect_by_func (priv->store, store_changed_cb, self);
  g_clear_object (&priv->store);
  g_clear_pointer (&priv->items, g_ptr_array_unref);

  G_OBJECT_CLASS (lt_record_list_parent_class)->dispose (object);
}

static void
lt_record_list_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LtRecordList *self = LT_RECORD_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, lt_record_list_get_store (self));
      break;
    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, item_type (self));
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, g_list_model_get_n_items (G_LIST_MODEL (self)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lt_record_list_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LtRecordList *self = LT_RECORD_LIST (object);
  LtRecordListPrivate *priv = lt_record_list_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      g_assert (priv->store == NULL);
      priv->store = g_value_dup_object (value);
      if (priv->store != NULL)
        g_signal_connect_object (priv->store, "changed", G_CALLBACK (store_changed_cb), self,
                                 G_CONNECT_SWAPPED);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lt_record_list_class_init (LtRecordListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = lt_record_list_constructed;
  object_class->dispose = lt_record_list_dispose;
  object_class->get_property = lt_record_list_get_property;
  object_class->set_property = lt_record_list_set_property;

  klass->reload = lt_record_list_real_reload;
  klass->record_changed = lt_record_list_real_record_changed;
  klass->get_n_items = lt_record_list_real_get_n_items;
  klass->get_item = lt_record_list_real_get_item;
  klass->find = lt_record_list_real_find;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, LT_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ITEM_TYPE] =
    g_param_spec_gtype ("item-type", NULL, NULL, G_TYPE_OBJECT,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lt_record_list_init (LtRecordList *self)
{
}

/* For the subclasses */

/* The first of @n sorted positions whose item sorts after the one being
 * placed: @before says whether the item at a position sorts before it
 * (or with it). */
guint
_lt_record_list_bisect (guint      n,
                        gboolean (*before) (guint    i,
                                            gpointer data),
                        gpointer   data)
{
  guint lo = 0, hi = n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (before (mid, data))
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* Emits items-changed, and notifies n-items when the count changed. */
void
_lt_record_list_items_changed (LtRecordList *self,
                               guint         position,
                               guint         removed,
                               guint         added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* Says what became of one item, once the list's own array has changed: it
 * left (@was_in at @old_pos, not @is_in), came (at @new_pos), changed in
 * place or moved, in which case everything between the two places moved. */
void
_lt_record_list_moved (LtRecordList *self,
                       gboolean      was_in,
                       guint         old_pos,
                       gboolean      is_in,
                       guint         new_pos)
{
  if (was_in && !is_in)
    _lt_record_list_items_changed (self, old_pos, 1, 0);
  else if (!was_in && is_in)
    _lt_record_list_items_changed (self, new_pos, 0, 1);
  else if (was_in && new_pos == old_pos)
    _lt_record_list_items_changed (self, old_pos, 1, 1);
  else if (was_in)
    {
      guint first = MIN (old_pos, new_pos);
      guint n = MAX (old_pos, new_pos) - first + 1;

      _lt_record_list_items_changed (self, first, n, n);
    }
}

/**
 * lt_record_list_get_store:
 * @self: a record list
 *
 * Returns: (transfer none) (nullable): the store
 */
LtStore *
lt_record_list_get_store (LtRecordList *self)
{
  LtRecordListPrivate *priv = lt_record_list_get_instance_private (self);

  g_return_val_if_fail (LT_IS_RECORD_LIST (self), NULL);

  return priv->store;
}

/**
 * lt_record_list_find:
 * @self: a record list
 * @id: a record's row id
 * @position: (out) (optional): where it is
 *
 * Returns: whether the record is in the list
 */
gboolean
lt_record_list_find (LtRecordList *self,
                     gint64        id,
                     guint        *position)
{
  g_return_val_if_fail (LT_IS_RECORD_LIST (self), FALSE);

  return LT_RECORD_LIST_GET_CLASS (self)->find (self, id, position);
}
