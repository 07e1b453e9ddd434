/* lt-graph-model.h: LtGraph, the organization graph as plain data, its metrics,
 * and the vocabulary of node kinds and edge types
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "lt-force-layout.h"
#include "lt-model.h"

G_BEGIN_DECLS

/* the seed of the graph's force layout, in the view and the export alike */
#define LT_GRAPH_LAYOUT_SEED 20200809

typedef enum
{
  LT_EDGE_FAMILY_STRUCTURE,     /* member-of, leads, part-of, works-for */
  LT_EDGE_FAMILY_COOPERATION,   /* signed-with, allied-with, supported, addressed */
  LT_EDGE_FAMILY_HOSTILITY,     /* targeted, detained, searched, sanctioned */
  LT_EDGE_FAMILY_TOGETHER,      /* hit together, acted together, took part together */
} LtEdgeFamily;

typedef struct
{
  gint64    actor_id;
  char     *slug;
  char     *name;
  const char *kind;        /* interned key */
  int       kind_index;    /* into lt_graph_node_kind_list_keys(), -1 if unknown */
  guint     weight;        /* events the actor is involved in */
  guint     degree;
  double    betweenness;
  int       community;
  float     x;
  float     y;
  gboolean  has_position;
  gboolean  pinned;
  gboolean  restricted;
} LtGraphNode;

typedef struct
{
  guint       source;
  guint       target;
  const char *type;        /* interned key */
  int         type_index;  /* into lt_graph_edge_type_list_keys() */
  gboolean    directed;
  guint       weight;      /* relations + shared events */
  guint       n_relations;
  guint       n_events;
  gint32      first_day;   /* G_MAXINT32 when undated */
  gint32      last_day;    /* G_MININT32 when undated */
} LtGraphEdge;

typedef struct
{
  gboolean has_window;
  gint64   start_day;
  gint64   end_day;
  gboolean include_restricted;
} LtGraphOptions;

typedef struct
{
  guint32  hidden_kinds;       /* bit i hides lt_graph_node_kind_list_keys()[i] */
  guint32  hidden_edge_types;  /* bit i hides lt_graph_edge_type_list_keys()[i] */
  gint64   focus_actor;        /* 0: no neighbourhood */
  guint    depth;              /* steps from the focus */
  gboolean hide_isolated;
} LtGraphFilter;

typedef struct _LtGraph LtGraph;

#define LT_TYPE_GRAPH (lt_graph_get_type ())

GType               lt_graph_get_type                 (void) G_GNUC_CONST;
LtGraph            *lt_graph_new                      (void);
LtGraph            *lt_graph_new_from_store           (LtStore              *store,
                                                       const LtGraphOptions *options,
                                                       GError              **error);
LtGraph            *lt_graph_ref                      (LtGraph              *self);
void                lt_graph_unref                    (LtGraph              *self);
guint               lt_graph_add_node                 (LtGraph              *self,
                                                       gint64                actor_id,
                                                       const char           *slug,
                                                       const char           *name,
                                                       const char           *kind,
                                                       guint                 weight);
guint               lt_graph_add_edge                 (LtGraph              *self,
                                                       guint                 source,
                                                       guint                 target,
                                                       const char           *type,
                                                       gboolean              from_event,
                                                       gint32                first_day,
                                                       gint32                last_day);
guint               lt_graph_get_n_nodes              (LtGraph              *self);
guint               lt_graph_get_n_edges              (LtGraph              *self);
LtGraphNode        *lt_graph_get_node                 (LtGraph              *self,
                                                       guint                 index);
LtGraphEdge        *lt_graph_get_edge                 (LtGraph              *self,
                                                       guint                 index);
int                 lt_graph_find_node                (LtGraph              *self,
                                                       gint64                actor_id);
int                 lt_graph_find_edge                (LtGraph              *self,
                                                       gint64                from_actor,
                                                       gint64                to_actor,
                                                       const char           *type);
const guint        *lt_graph_get_incident_edges       (LtGraph              *self,
                                                       guint                 node,
                                                       guint                *n_edges);
guint               lt_graph_get_other_end            (LtGraph              *self,
                                                       guint                 edge,
                                                       guint                 node);
LtGraph            *lt_graph_filter                   (LtGraph              *self,
                                                       const LtGraphFilter  *filter);
gboolean            lt_graph_compute_metrics          (LtGraph              *self,
                                                       GError              **error);
guint               lt_graph_get_n_communities        (LtGraph              *self);
gboolean            lt_graph_get_betweenness_estimated (LtGraph             *self);
guint               lt_graph_get_max_weight           (LtGraph              *self);
GArray             *lt_graph_dup_positions            (LtGraph              *self);
void                lt_graph_apply_positions          (LtGraph              *self,
                                                       GArray               *positions);
gboolean            lt_graph_load_positions           (LtGraph              *self,
                                                       LtStore              *store,
                                                       const char           *layout_name,
                                                       GError              **error);
gboolean            lt_graph_save_positions           (LtGraph              *self,
                                                       LtStore              *store,
                                                       const char           *layout_name,
                                                       GError              **error);

/* in lt-graph-export.c; @store (nullable) fills in saved positions of unplaced nodes */
gboolean            lt_graph_export_graphml           (LtGraph              *self,
                                                       LtStore              *store,
                                                       GFile                *file,
                                                       GError              **error);
gboolean            lt_graph_export_gexf              (LtGraph              *self,
                                                       LtStore              *store,
                                                       GFile                *file,
                                                       GError              **error);

const char * const *lt_graph_node_kind_list_keys      (void);
int                 lt_graph_node_kind_get_index      (const char           *key);
const char         *lt_graph_node_kind_get_label      (const char           *key);
const char * const *lt_graph_edge_type_list_keys      (void);
int                 lt_graph_edge_type_get_index      (const char           *key);
const char         *lt_graph_edge_type_get_label      (const char           *key);
gboolean            lt_graph_edge_type_is_directed    (const char           *key);
LtEdgeFamily        lt_graph_edge_type_get_family     (const char           *key);

LtForceLayout      *lt_graph_new_force_layout         (LtGraph              *self);

typedef struct _LtGraphMetrics LtGraphMetrics;

LtGraphMetrics     *lt_graph_metrics_new              (LtGraph              *graph);
gboolean            lt_graph_metrics_compute          (LtGraphMetrics       *self,
                                                       GError              **error);
void                lt_graph_metrics_apply            (LtGraphMetrics       *self,
                                                       LtGraph              *graph);
void                lt_graph_metrics_free             (LtGraphMetrics       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LtGraphMetrics, lt_graph_metrics_free)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LtGraph, lt_graph_unref)

G_END_DECLS
