/* lt-record-lists.c: list models of actors, relations and sources
 *
 * Copyright 2024 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-record-lists"

#include "config.h"

#include "lt-event-list.h"
#include "lt-model-private.h"

/* These lists are short (thousands at most), so they hold their objects.
 * What they share lives in ListCore; each type says how to load, match and
 * order its records. */

typedef struct _ListCore ListCore;

struct _ListCore
{
  GListModel    *model;
  LtStore       *store;
  LtRecordKind   kind;
  GPtrArray     *items;
  gulong         changed_handler;

  GPtrArray   *(*load)    (ListCore *core);
  GObject     *(*lookup)  (ListCore *core, gint64 id);
  gboolean     (*matches) (ListCore *core, GObject *record);
  int          (*compare) (GObject *a, GObject *b);
  gint64       (*get_id)  (GObject *record);
};

static void
core_emit (ListCore *core,
           guint     position,
           guint     removed,
           guint     added)
{
  g_list_model_items_changed (core->model, position, removed, added);
  if (removed != added)
    g_object_notify (G_OBJECT (core->model), "n-items");
}

static gboolean
core_find (ListCore *core,
           gint64    id,
           guint    *position)
{
  for (guint i = 0; core->items != NULL && i < core->items->len; i++)
    if (core->get_id (g_ptr_array_index (core->items, i)) == id)
      {
        if (position != NULL)
          *position = i;
        return TRUE;
      }

  return FALSE;
}

static int
core_compare_cb (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  ListCore *core = data;

  return core->compare (*(GObject * const *) a, *(GObject * const *) b);
}

static void
core_reload (ListCore *core)
{
  guint old_n = core->items != NULL ? core->items->len : 0;

  g_clear_pointer (&core->items, g_ptr_array_unref);
  core->items = core->load (core);
  g_ptr_array_sort_with_data (core->items, core_compare_cb, core);

  if (old_n > 0 || core->items->len > 0)
    core_emit (core, 0, old_n, core->items->len);
}

static guint
core_insertion_point (ListCore *core,
                      GObject  *record)
{
  guint lo = 0, hi = core->items->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (core->compare (g_ptr_array_index (core->items, mid), record) <= 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static void
core_changed_cb (ListCore   *core,
                 const char *table,
                 gint64      id,
                 int         change,
                 LtStore    *store)
{
  g_autoptr(GObject) record = NULL;
  gboolean was_in;
  guint old_pos = 0, new_pos;

  if (change == LT_CHANGE_RELOADED)
    {
      core_reload (core);
      return;
    }

  if (!g_str_equal (table, lt_record_kind_to_table (core->kind)))
    return;

  was_in = core_find (core, id, &old_pos);
  if (change != LT_CHANGE_REMOVED)
    {
      record = core->lookup (core, id);
      if (record != NULL && !core->matches (core, record))
        g_clear_object (&record);
    }

  if (!was_in && record == NULL)
    return;

  if (was_in && record == NULL)
    {
      g_ptr_array_remove_index (core->items, old_pos);
      core_emit (core, old_pos, 1, 0);
      return;
    }

  if (!was_in)
    {
      new_pos = core_insertion_point (core, record);
      g_ptr_array_insert (core->items, new_pos, g_steal_pointer (&record));
      core_emit (core, new_pos, 0, 1);
      return;
    }

  g_ptr_array_remove_index (core->items, old_pos);
  new_pos = core_insertion_point (core, record);
  g_ptr_array_insert (core->items, new_pos, g_steal_pointer (&record));

  if (new_pos == old_pos)
    core_emit (core, old_pos, 1, 1);
  else
    {
      guint first = MIN (old_pos, new_pos);
      guint n = MAX (old_pos, new_pos) - first + 1;

      core_emit (core, first, n, n);
    }
}

static void
core_set_store (ListCore *core,
                LtStore  *store)
{
  g_assert (core->store == NULL);

  if (store == NULL)
    return;

  core->store = g_object_ref (store);
  /* The core lives inside the model, so the model's lifetime bounds it. */
  core->changed_handler = g_signal_connect_swapped (store, "changed",
                                                    G_CALLBACK (core_changed_cb), core);
}

static void
core_dispose (ListCore *core)
{
  if (core->store != NULL)
    g_clear_signal_handler (&core->changed_handler, core->store);
  g_clear_object (&core->store);
  g_clear_pointer (&core->items, g_ptr_array_unref);
}

static gpointer
core_get_item (ListCore *core,
               guint     position)
{
  if (core->items == NULL || position >= core->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (core->items, position));
}

static guint
core_get_n_items (ListCore *core)
{
  return core->items != NULL ? core->items->len : 0;
}

static int
compare_names (const char *a,
               const char *b)
{
  g_autofree char *ka = g_utf8_collate_key (a != NULL ? a : "", -1);
  g_autofree char *kb = g_utf8_collate_key (b != NULL ? b : "", -1);

  return strcmp (ka, kb);
}

/* LtActorList */

struct _LtActorList
{
  GObject   parent_instance;
  ListCore  core;
  char     *kind;
};

enum {
  ACTOR_PROP_0,
  ACTOR_PROP_STORE,
  ACTOR_PROP_KIND,
  ACTOR_PROP_ITEM_TYPE,
  ACTOR_PROP_N_ITEMS,
  ACTOR_N_PROPS
};

static void actor_list_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LtActorList, lt_actor_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, actor_list_iface_init))

static GParamSpec *actor_properties[ACTOR_N_PROPS];

static GPtrArray *
actor_load (ListCore *core)
{
  LtActorList *self = G_STRUCT_MEMBER_P (core, -G_STRUCT_OFFSET (LtActorList, core));

  return _lt_store_load_actors (core->store, self->kind);
}

static GObject *
actor_lookup (ListCore *core,
              gint64    id)
{
  return (GObject *) lt_store_lookup_actor (core->store, id);
}

static gboolean
actor_matches (ListCore *core,
               GObject  *record)
{
  LtActorList *self = G_STRUCT_MEMBER_P (core, -G_STRUCT_OFFSET (LtActorList, core));

  return self->kind == NULL || g_strcmp0 (self->kind, lt_actor_get_kind (LT_ACTOR (record))) == 0;
}

static int
actor_compare (GObject *a,
               GObject *b)
{
  int cmp = compare_names (lt_actor_get_name (LT_ACTOR (a)), lt_actor_get_name (LT_ACTOR (b)));

  if (cmp != 0)
    return cmp;
  return lt_record_get_id (LT_RECORD (a)) < lt_record_get_id (LT_RECORD (b)) ? -1 : 1;
}

static gint64
actor_get_id (GObject *record)
{
  return lt_record_get_id (LT_RECORD (record));
}

static gpointer
actor_list_get_item (GListModel *model,
                     guint       position)
{
  return core_get_item (&LT_ACTOR_LIST (model)->core, position);
}

static guint
actor_list_get_n_items (GListModel *model)
{
  return core_get_n_items (&LT_ACTOR_LIST (model)->core);
}

static GType
actor_list_get_item_type (GListModel *model)
{
  return LT_TYPE_ACTOR;
}

static void
actor_list_iface_init (GListModelInterface *iface)
{
  iface->get_item = actor_list_get_item;
  iface->get_n_items = actor_list_get_n_items;
  iface->get_item_type = actor_list_get_item_type;
}

static void
lt_actor_list_constructed (GObject *object)
{
  LtActorList *self = (LtActorList *)object;

  G_OBJECT_CLASS (lt_actor_list_parent_class)->constructed (object);

  if (self->core.store != NULL)
    core_reload (&self->core);
}

static void
lt_actor_list_dispose (GObject *object)
{
  core_dispose (&LT_ACTOR_LIST (object)->core);

  G_OBJECT_CLASS (lt_actor_list_parent_class)->dispose (object);
}

static void
lt_actor_list_finalize (GObject *object)
{
  g_clear_pointer (&LT_ACTOR_LIST (object)->kind, g_free);

  G_OBJECT_CLASS (lt_actor_list_parent_class)->finalize (object);
}

static void
lt_actor_list_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LtActorList *self = LT_ACTOR_LIST (object);

  switch (prop_id)
    {
    case ACTOR_PROP_STORE:
      g_value_set_object (value, self->core.store);
      break;
    case ACTOR_PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case ACTOR_PROP_ITEM_TYPE:
      g_value_set_gtype (value, LT_TYPE_ACTOR);
      break;
    case ACTOR_PROP_N_ITEMS:
      g_value_set_uint (value, core_get_n_items (&self->core));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lt_actor_list_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LtActorList *self = LT_ACTOR_LIST (object);

  switch (prop_id)
    {
    case ACTOR_PROP_STORE:
      core_set_store (&self->core, g_value_get_object (value));
      break;
    case ACTOR_PROP_KIND:
      self->kind = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lt_actor_list_class_init (LtActorListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = lt_actor_list_constructed;
  object_class->dispose = lt_actor_list_dispose;
  object_class->finalize = lt_actor_list_finalize;
  object_class->get_property = lt_actor_list_get_property;
  object_class->set_property = lt_actor_list_set_property;

  actor_properties[ACTOR_PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, LT_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  actor_properties[ACTOR_PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  actor_properties[ACTOR_PROP_ITEM_TYPE] =
    g_param_spec_gtype ("item-type", NULL, NULL, G_TYPE_OBJECT,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  actor_properties[ACTOR_PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, ACTOR_N_PROPS, actor_properties);
}

static void
lt_actor_list_init (LtActorList *self)
{
  self->core.model = G_LIST_MODEL (self);
  self->core.kind = LT_RECORD_ACTOR;
  self->core.load = actor_load;
  self->core.lookup = actor_lookup;
  self->core.matches = actor_matches;
  self->core.compare = actor_compare;
  self->core.get_id = actor_get_id;
}

/**
 * lt_actor_list_get_store:
 * @self: an actor list
 *
 * Returns: (transfer none): the store
 */
LtStore *
lt_actor_list_get_store (LtActorList *self)
{
  g_return_val_if_fail (LT_IS_ACTOR_LIST (self), NULL);

  return self->core.store;
}

/**
 * lt_actor_list_get_kind:
 * @self: an actor list
 *
 * Returns: (nullable): the actor kind listed, %NULL for all
 */
const char *
lt_actor_list_get_kind (LtActorList *self)
{
  g_return_val_if_fail (LT_IS_ACTOR_LIST (self), NULL);

  return self->kind;
}

gboolean
lt_actor_list_find (LtActorList *self,
                    gint64       actor_id,
                    guint       *position)
{
  g_return_val_if_fail (LT_IS_ACTOR_LIST (self), FALSE);

  return core_find (&self->core, actor_id, position);
}

/* LtRelationList */

struct _LtRelationList
{
  GObject   parent_instance;
  ListCore  core;
  gint64    actor_id;
};

enum {
  RELATION_PROP_0,
  RELATION_PROP_STORE,
  RELATION_PROP_ACTOR_ID,
  RELATION_PROP_ITEM_TYPE,
  RELATION_PROP_N_ITEMS,
  RELATION_N_PROPS
};

static void relation_list_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LtRelationList, lt_relation_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, relation_list_iface_init))

static GParamSpec *relation_properties[RELATION_N_PROPS];

static GPtrArray *
relation_load (ListCore *core)
{
  LtRelationList *self = G_STRUCT_MEMBER_P (core, -G_STRUCT_OFFSET (LtRelationList, core));

  return _lt_store_load_relations (core->store, self->actor_id);
}

static GObject *
relation_lookup (ListCore *core,
                 gint64    id)
{
  return (GObject *) lt_store_lookup_relation (core->store, id);
}

static gboolean
relation_matches (ListCore *core,
                  GObject  *record)
{
  LtRelationList *self = G_STRUCT_MEMBER_P (core, -G_STRUCT_OFFSET (LtRelationList, core));
  LtRelation *relation = LT_RELATION (record);

  return self->actor_id == 0 ||
         lt_relation_get_from_id (relation) == self->actor_id ||
         lt_relation_get_to_id (relation) == self->actor_id;
}

static int
relation_compare (GObject *a,
                  GObject *b)
{
  gint64 ia = lt_record_get_id (LT_RECORD (a));
  gint64 ib = lt_record_get_id (LT_RECORD (b));

  return ia < ib ? -1 : ia > ib;
}

static gint64
relation_get_id (GObject *record)
{
  return lt_record_get_id (LT_RECORD (record));
}

static gpointer
relation_list_get_item (GListModel *model,
                        guint       position)
{
  return core_get_item (&LT_RELATION_LIST (model)->core, position);
}

static guint
relation_list_get_n_items (GListModel *model)
{
  return core_get_n_items (&LT_RELATION_LIST (model)->core);
}

static GType
relation_list_get_item_type (GListModel *model)
{
  return LT_TYPE_RELATION;
}

static void
relation_list_iface_init (GListModelInterface *iface)
{
  iface->get_item = relation_list_get_item;
  iface->get_n_items = relation_list_get_n_items;
  iface->get_item_type = relation_list_get_item_type;
}

static void
lt_relation_list_constructed (GObject *object)
{
  LtRelationList *self = (LtRelationList *)object;

  G_OBJECT_CLASS (lt_relation_list_parent_class)->constructed (object);

  if (self->core.store != NULL)
    core_reload (&self->core);
}

static void
lt_relation_list_dispose (GObject *object)
{
  core_dispose (&LT_RELATION_LIST (object)->core);

  G_OBJECT_CLASS (lt_relation_list_parent_class)->dispose (object);
}

static void
lt_relation_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LtRelationList *self = LT_RELATION_LIST (object);

  switch (prop_id)
    {
    case RELATION_PROP_STORE:
      g_value_set_object (value, self->core.store);
      break;
    case RELATION_PROP_ACTOR_ID:
      g_value_set_int64 (value, self->actor_id);
      break;
    case RELATION_PROP_ITEM_TYPE:
      g_value_set_gtype (value, LT_TYPE_RELATION);
      break;
    case RELATION_PROP_N_ITEMS:
      g_value_set_uint (value, core_get_n_items (&self->core));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lt_relation_list_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LtRelationList *self = LT_RELATION_LIST (object);

  switch (prop_id)
    {
    case RELATION_PROP_STORE:
      core_set_store (&self->core, g_value_get_object (value));
      break;
    case RELATION_PROP_ACTOR_ID:
      self->actor_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lt_relation_list_class_init (LtRelationListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = lt_relation_list_constructed;
  object_class->dispose = lt_relation_list_dispose;
  object_class->get_property = lt_relation_list_get_property;
  object_class->set_property = lt_relation_list_set_property;

  relation_properties[RELATION_PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, LT_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  relation_properties[RELATION_PROP_ACTOR_ID] =
    g_param_spec_int64 ("actor-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  relation_properties[RELATION_PROP_ITEM_TYPE] =
    g_param_spec_gtype ("item-type", NULL, NULL, G_TYPE_OBJECT,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  relation_properties[RELATION_PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, RELATION_N_PROPS, relation_properties);
}

static void
lt_relation_list_init (LtRelationList *self)
{
  self->core.model = G_LIST_MODEL (self);
  self->core.kind = LT_RECORD_RELATION;
  self->core.load = relation_load;
  self->core.lookup = relation_lookup;
  self->core.matches = relation_matches;
  self->core.compare = relation_compare;
  self->core.get_id = relation_get_id;
}

/**
 * lt_relation_list_get_store:
 * @self: a relation list
 *
 * Returns: (transfer none): the store
 */
LtStore *
lt_relation_list_get_store (LtRelationList *self)
{
  g_return_val_if_fail (LT_IS_RELATION_LIST (self), NULL);

  return self->core.store;
}

gint64
lt_relation_list_get_actor_id (LtRelationList *self)
{
  g_return_val_if_fail (LT_IS_RELATION_LIST (self), 0);

  return self->actor_id;
}

gboolean
lt_relation_list_find (LtRelationList *self,
                       gint64          relation_id,
                       guint          *position)
{
  g_return_val_if_fail (LT_IS_RELATION_LIST (self), FALSE);

  return core_find (&self->core, relation_id, position);
}

/* LtSourceList */

struct _LtSourceList
{
  GObject   parent_instance;
  ListCore  core;
};

enum {
  SOURCE_PROP_0,
  SOURCE_PROP_STORE,
  SOURCE_PROP_ITEM_TYPE,
  SOURCE_PROP_N_ITEMS,
  SOURCE_N_PROPS
};

static void source_list_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LtSourceList, lt_source_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, source_list_iface_init))

static GParamSpec *source_properties[SOURCE_N_PROPS];

static GPtrArray *
source_load (ListCore *core)
{
  return _lt_store_load_sources (core->store);
}

static GObject *
source_lookup (ListCore *core,
               gint64    id)
{
  return (GObject *) lt_store_lookup_source (core->store, id);
}

static gboolean
source_matches (ListCore *core,
                GObject  *record)
{
  return TRUE;
}

static int
source_compare (GObject *a,
                GObject *b)
{
  int cmp = compare_names (lt_source_get_title (LT_SOURCE (a)), lt_source_get_title (LT_SOURCE (b)));

  if (cmp != 0)
    return cmp;
  return lt_record_get_id (LT_RECORD (a)) < lt_record_get_id (LT_RECORD (b)) ? -1 : 1;
}

static gint64
source_get_id (GObject *record)
{
  return lt_record_get_id (LT_RECORD (record));
}

static gpointer
source_list_get_item (GListModel *model,
                      guint       position)
{
  return core_get_item (&LT_SOURCE_LIST (model)->core, position);
}

static guint
source_list_get_n_items (GListModel *model)
{
  return core_get_n_items (&LT_SOURCE_LIST (model)->core);
}

static GType
source_list_get_item_type (GListModel *model)
{
  return LT_TYPE_SOURCE;
}

static void
source_list_iface_init (GListModelInterface *iface)
{
  iface->get_item = source_list_get_item;
  iface->get_n_items = source_list_get_n_items;
  iface->get_item_type = source_list_get_item_type;
}

static void
lt_source_list_constructed (GObject *object)
{
  LtSourceList *self = (LtSourceList *)object;

  G_OBJECT_CLASS (lt_source_list_parent_class)->constructed (object);

  if (self->core.store != NULL)
    core_reload (&self->core);
}

static void
lt_source_list_dispose (GObject *object)
{
  core_dispose (&LT_SOURCE_LIST (object)->core);

  G_OBJECT_CLASS (lt_source_list_parent_class)->dispose (object);
}

static void
lt_source_list_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LtSourceList *self = LT_SOURCE_LIST (object);

  switch (prop_id)
    {
    case SOURCE_PROP_STORE:
      g_value_set_object (value, self->core.store);
      break;
    case SOURCE_PROP_ITEM_TYPE:
      g_value_set_gtype (value, LT_TYPE_SOURCE);
      break;
    case SOURCE_PROP_N_ITEMS:
      g_value_set_uint (value, core_get_n_items (&self->core));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lt_source_list_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LtSourceList *self = LT_SOURCE_LIST (object);

  switch (prop_id)
    {
    case SOURCE_PROP_STORE:
      core_set_store (&self->core, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lt_source_list_class_init (LtSourceListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = lt_source_list_constructed;
  object_class->dispose = lt_source_list_dispose;
  object_class->get_property = lt_source_list_get_property;
  object_class->set_property = lt_source_list_set_property;

  source_properties[SOURCE_PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, LT_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  source_properties[SOURCE_PROP_ITEM_TYPE] =
    g_param_spec_gtype ("item-type", NULL, NULL, G_TYPE_OBJECT,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  source_properties[SOURCE_PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, SOURCE_N_PROPS, source_properties);
}

static void
lt_source_list_init (LtSourceList *self)
{
  self->core.model = G_LIST_MODEL (self);
  self->core.kind = LT_RECORD_SOURCE;
  self->core.load = source_load;
  self->core.lookup = source_lookup;
  self->core.matches = source_matches;
  self->core.compare = source_compare;
  self->core.get_id = source_get_id;
}

/**
 * lt_source_list_get_store:
 * @self: a source list
 *
 * Returns: (transfer none): the store
 */
LtStore *
lt_source_list_get_store (LtSourceList *self)
{
  g_return_val_if_fail (LT_IS_SOURCE_LIST (self), NULL);

  return self->core.store;
}

gboolean
lt_source_list_find (LtSourceList *self,
                     gint64        source_id,
                     guint        *position)
{
  g_return_val_if_fail (LT_IS_SOURCE_LIST (self), FALSE);

  return core_find (&self->core, source_id, position);
}
