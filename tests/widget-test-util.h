/* widget-test-util.h: what the widget tests share: waiting, finding widgets, screenshots
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Runs the main loop until @cond holds, for at most @ms milliseconds, then asserts it: tests
 * wait on what the user would see, never for a fixed time. */
#define WAIT_UNTIL(cond, ms) G_STMT_START {                                      \
    gint64 end_ = g_get_monotonic_time () + (ms) * 1000;                        \
    while (!(cond) && g_get_monotonic_time () < end_)                           \
      if (!g_main_context_iteration (NULL, FALSE))                              \
        g_usleep (1000);                                                        \
    g_assert_true (cond);                                                       \
  } G_STMT_END

GtkWidget *find_label          (GtkWidget         *widget,
                                const char        *text);
GtkWidget *find_type           (GtkWidget         *widget,
                                GType              type);
GtkWidget *find_action_button  (GtkWidget         *widget,
                                const char        *action);
GtkWidget *find_button         (GtkWidget         *widget,
                                const char        *label);
GtkWidget *find_by_role        (GtkWidget         *widget,
                                GtkAccessibleRole  role,
                                const char        *label);
GtkWindow *find_toplevel       (GType              type);
void       save_png            (GtkWidget         *widget,
                                const char        *name);
void       collect_label_texts (GtkWidget         *widget,
                                GPtrArray         *texts);
gboolean   has_english_run     (const char        *text);
gboolean   has_raw_date        (const char        *text);

G_END_DECLS
