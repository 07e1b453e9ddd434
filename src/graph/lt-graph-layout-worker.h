/* lt-graph-layout-worker.h: the thread that runs the force layout while the graph is shown,
 * and the double buffer through which its positions reach the UI thread
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "lt-graph-model.h"

G_BEGIN_DECLS

typedef struct _LtLayoutBuffer      LtLayoutBuffer;
typedef struct _LtGraphLayoutWorker LtGraphLayoutWorker;

LtLayoutBuffer      *lt_layout_buffer_new              (guint                n_nodes);
void                 lt_layout_buffer_free             (LtLayoutBuffer      *self);
guint                lt_layout_buffer_get_n_nodes      (LtLayoutBuffer      *self);
void                 lt_layout_buffer_publish          (LtLayoutBuffer      *self,
                                                        const float         *xy,
                                                        gboolean             converged);
gboolean             lt_layout_buffer_read             (LtLayoutBuffer      *self,
                                                        float               *xy,
                                                        guint64             *generation,
                                                        gboolean            *converged);

LtGraphLayoutWorker *lt_graph_layout_worker_new        (LtGraph             *graph);
void                 lt_graph_layout_worker_stop       (LtGraphLayoutWorker *self);
void                 lt_graph_layout_worker_move       (LtGraphLayoutWorker *self,
                                                        guint                node,
                                                        float                x,
                                                        float                y);
void                 lt_graph_layout_worker_unpin      (LtGraphLayoutWorker *self,
                                                        guint                node);
void                 lt_graph_layout_worker_place      (LtGraphLayoutWorker *self,
                                                        const float         *xy,
                                                        guint                n_nodes);
gboolean             lt_graph_layout_worker_read       (LtGraphLayoutWorker *self,
                                                        float               *xy,
                                                        gboolean            *converged);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LtLayoutBuffer, lt_layout_buffer_free)

G_END_DECLS
