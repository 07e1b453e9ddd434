/* lt-timeline-layout.h: the timeline's geometry, apart from any widget: time scale and
 * dates, axis ticks, the lane index and frames
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* The geometry of the timeline lives apart from any widget, so that the tests reach it
 * without a display and the export draws exactly what the view draws. */

#include "lt-timeline-frame.h"
#include "lt-timeline-index.h"
#include "lt-timeline-ticks.h"
#include "lt-timeline-time.h"
