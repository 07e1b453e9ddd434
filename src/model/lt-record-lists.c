/* lt-record-lists.c: the list models of actors, relations and sources
 *
 * These lists are short (thousands at most), so they hold their records
 * (LtRecordList does); each says which records it shows and in what order.
 *
 * Copyright 2024 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-record-lists"

#include "config.h"

#include "lt-model-private.h"
#include "lt-record-lists.h"

/* By the collation of @a and @b, then by id. */
static int
compare_names (LtRecord   *ra,
               const char *a,
               LtRecord   *rb,
               const char *b)
{
  g_autofree char *ka = g_utf8_collate_key (a != NULL ? a : "", -1);
  g_autofree char *kb = g_utf8_collate_key (b != NULL ? b : "", -1);
  int cmp = strcmp (ka, kb);

  if (cmp != 0)
    return cmp;
  return lt_record_get_id (ra) < lt_record_get_id (rb) ? -1 : 1;
}

/* LtActorList */

struct _LtActorList
{
  LtRecordList  parent_instance;
  char         *kind;
};

enum {
  ACTOR_PROP_0,
  ACTOR_PROP_KIND,
  ACTOR_N_PROPS
};

G_DEFINE_FINAL_TYPE (LtActorList, lt_actor_list, LT_TYPE_RECORD_LIST)

static GParamSpec *actor_properties[ACTOR_N_PROPS];

static GPtrArray *
lt_actor_list_load (LtRecordList *list)
{
  return _lt_store_load_actors (lt_record_list_get_store (list), LT_ACTOR_LIST (list)->kind);
}

static gboolean
lt_actor_list_matches (LtRecordList *list,
                       LtRecord     *record)
{
  const char *kind = LT_ACTOR_LIST (list)->kind;

  return kind == NULL || g_strcmp0 (kind, lt_actor_get_kind (LT_ACTOR (record))) == 0;
}

static int
lt_actor_list_compare (LtRecord *a,
                       LtRecord *b)
{
  return compare_names (a, lt_actor_get_name (LT_ACTOR (a)), b, lt_actor_get_name (LT_ACTOR (b)));
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
  switch (prop_id)
    {
    case ACTOR_PROP_KIND:
      g_value_set_string (value, lt_actor_list_get_kind (LT_ACTOR_LIST (object)));
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
  switch (prop_id)
    {
    case ACTOR_PROP_KIND:
      LT_ACTOR_LIST (object)->kind = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lt_actor_list_class_init (LtActorListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LtRecordListClass *list_class = LT_RECORD_LIST_CLASS (klass);

  object_class->finalize = lt_actor_list_finalize;
  object_class->get_property = lt_actor_list_get_property;
  object_class->set_property = lt_actor_list_set_property;

  list_class->kind = LT_RECORD_ACTOR;
  list_class->load = lt_actor_list_load;
  list_class->matches = lt_actor_list_matches;
  list_class->compare = lt_actor_list_compare;

  actor_properties[ACTOR_PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, ACTOR_N_PROPS, actor_properties);
}

static void
lt_actor_list_init (LtActorList *self)
{
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

/* LtRelationList */

struct _LtRelationList
{
  LtRecordList  parent_instance;
  gint64        actor_id;
};

enum {
  RELATION_PROP_0,
  RELATION_PROP_ACTOR_ID,
  RELATION_N_PROPS
};

G_DEFINE_FINAL_TYPE (LtRelationList, lt_relation_list, LT_TYPE_RECORD_LIST)

static GParamSpec *relation_properties[RELATION_N_PROPS];

static GPtrArray *
lt_relation_list_load (LtRecordList *list)
{
  return _lt_store_load_relations (lt_record_list_get_store (list),
                                   LT_RELATION_LIST (list)->actor_id);
}

static gboolean
lt_relation_list_matches (LtRecordList *list,
                          LtRecord     *record)
{
  gint64 actor_id = LT_RELATION_LIST (list)->actor_id;
  LtRelation *relation = LT_RELATION (record);

  return actor_id == 0 ||
         lt_relation_get_from_id (relation) == actor_id ||
         lt_relation_get_to_id (relation) == actor_id;
}

static int
lt_relation_list_compare (LtRecord *a,
                          LtRecord *b)
{
  gint64 ia = lt_record_get_id (a);
  gint64 ib = lt_record_get_id (b);

  return ia < ib ? -1 : ia > ib;
}

static void
lt_relation_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  switch (prop_id)
    {
    case RELATION_PROP_ACTOR_ID:
      g_value_set_int64 (value, lt_relation_list_get_actor_id (LT_RELATION_LIST (object)));
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
  switch (prop_id)
    {
    case RELATION_PROP_ACTOR_ID:
      LT_RELATION_LIST (object)->actor_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lt_relation_list_class_init (LtRelationListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LtRecordListClass *list_class = LT_RECORD_LIST_CLASS (klass);

  object_class->get_property = lt_relation_list_get_property;
  object_class->set_property = lt_relation_list_set_property;

  list_class->kind = LT_RECORD_RELATION;
  list_class->load = lt_relation_list_load;
  list_class->matches = lt_relation_list_matches;
  list_class->compare = lt_relation_list_compare;

  relation_properties[RELATION_PROP_ACTOR_ID] =
    g_param_spec_int64 ("actor-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, RELATION_N_PROPS, relation_properties);
}

static void
lt_relation_list_init (LtRelationList *self)
{
}

gint64
lt_relation_list_get_actor_id (LtRelationList *self)
{
  g_return_val_if_fail (LT_IS_RELATION_LIST (self), 0);

  return self->actor_id;
}

/* LtSourceList */

struct _LtSourceList
{
  LtRecordList parent_instance;
};

G_DEFINE_FINAL_TYPE (LtSourceList, lt_source_list, LT_TYPE_RECORD_LIST)

static GPtrArray *
lt_source_list_load (LtRecordList *list)
{
  return _lt_store_load_sources (lt_record_list_get_store (list));
}

static gboolean
lt_source_list_matches (LtRecordList *list,
                        LtRecord     *record)
{
  return TRUE;
}

static int
lt_source_list_compare (LtRecord *a,
                        LtRecord *b)
{
  return compare_names (a, lt_source_get_title (LT_SOURCE (a)),
                        b, lt_source_get_title (LT_SOURCE (b)));
}

static void
lt_source_list_class_init (LtSourceListClass *klass)
{
  LtRecordListClass *list_class = LT_RECORD_LIST_CLASS (klass);

  list_class->kind = LT_RECORD_SOURCE;
  list_class->load = lt_source_list_load;
  list_class->matches = lt_source_list_matches;
  list_class->compare = lt_source_list_compare;
}

static void
lt_source_list_init (LtSourceList *self)
{
}
