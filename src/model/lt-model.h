/* lt-model.h: everything of the lt-model library
 *
 * Copyright 2024 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lt-actor.h"
#include "lt-atomic-file.h"
#include "lt-chronicle-file.h"
#include "lt-date.h"
#include "lt-event.h"
#include "lt-event-filter.h"
#include "lt-event-list.h"
#include "lt-language.h"
#include "lt-importer.h"
#include "lt-model-enums.h"
#include "lt-record.h"
#include "lt-record-list.h"
#include "lt-record-lists.h"
#include "lt-relation.h"
#include "lt-source.h"
#include "lt-store.h"
#include "lt-timelinejs.h"
#include "lt-types.h"
#include "lt-vocabulary.h"
#include "lt-xml.h"
