/* lt-export-views.h: the timeline and graph painters seen through LtExportPainter
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lt-model.h"
#include "lt-graph-model.h"
#include "lt-export-options.h"
#include "lt-export-painter.h"

G_BEGIN_DECLS

LtExportPainter *lt_export_timeline_painter_new (LtStore                *store,
                                                 const LtExportOptions  *options,
                                                 GError                **error);
LtExportPainter *lt_export_graph_painter_new    (LtStore                *store,
                                                 const LtExportOptions  *options,
                                                 GError                **error);

LtGraph         *lt_export_graph_build          (LtStore                *store,
                                                 const LtExportOptions  *options,
                                                 float                 **xy,
                                                 GError                **error);

G_END_DECLS
