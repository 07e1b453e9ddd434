/* lt-force-layout.h: the multilevel force-directed layout of the graph and the removal of
 * overlaps between boxes, in plain C on the calling thread
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  guint32 source;
  guint32 target;
  float   weight;
} LtForceEdge;

typedef struct _LtForceLayout LtForceLayout;

LtForceLayout  *lt_force_layout_new                (guint              n_nodes,
                                                    const LtForceEdge *edges,
                                                    guint              n_edges,
                                                    guint64            seed);
void            lt_force_layout_free               (LtForceLayout     *self);
guint           lt_force_layout_get_n_nodes        (LtForceLayout     *self);
void            lt_force_layout_set_position       (LtForceLayout     *self,
                                                    guint              node,
                                                    float              x,
                                                    float              y);
void            lt_force_layout_set_pinned         (LtForceLayout     *self,
                                                    guint              node,
                                                    gboolean           pinned);
gboolean        lt_force_layout_get_pinned         (LtForceLayout     *self,
                                                    guint              node);
void            lt_force_layout_set_tolerance      (LtForceLayout     *self,
                                                    double             tolerance);
void            lt_force_layout_set_gravity        (LtForceLayout     *self,
                                                    float              gravity);
void            lt_force_layout_prepare            (LtForceLayout     *self);
guint           lt_force_layout_step               (LtForceLayout     *self,
                                                    guint              n_iterations);
guint           lt_force_layout_run                (LtForceLayout     *self,
                                                    guint              max_iterations,
                                                    GCancellable      *cancellable);
void            lt_force_layout_reheat             (LtForceLayout     *self,
                                                    double             amount);
gboolean        lt_force_layout_is_converged       (LtForceLayout     *self);
double          lt_force_layout_get_energy         (LtForceLayout     *self);
guint           lt_force_layout_get_iterations     (LtForceLayout     *self);
guint           lt_force_layout_get_n_levels       (LtForceLayout     *self);
float           lt_force_layout_get_natural_length (LtForceLayout     *self);
const float    *lt_force_layout_get_positions      (LtForceLayout     *self);

gboolean        lt_layout_has_overlap              (const float       *xy,
                                                    guint              n_nodes,
                                                    const float       *boxes);
guint           lt_layout_remove_overlaps          (float             *xy,
                                                    guint              n_nodes,
                                                    const float       *boxes,
                                                    const gboolean    *pinned,
                                                    guint              max_iterations);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LtForceLayout, lt_force_layout_free)

G_END_DECLS
