/* lt-igraph.c: the one way into igraph, serialised and with errors as GErrors
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Debian builds igraph without thread-local storage: its error handler, its "finally" stack of
 * half-built objects and its random generator are process globals. The graph page computes
 * the metrics of big graphs in a worker while the UI thread may compute those of a small one
 * (a neighbourhood, the export preview), so two threads inside igraph at once would corrupt
 * that stack. Every igraph call therefore runs under one lock, taken with lt_igraph_lock().
 *
 * igraph's default error handler aborts the process. Ours frees the finally stack, as igraph
 * asks of a handler that returns, and keeps the reason, so that lt_igraph_check() can turn the
 * failed call into a GError that the page shows as a message. */

#define G_LOG_DOMAIN "lt-igraph"

#include "config.h"

#include <gio/gio.h>

#include "lt-igraph.h"

static GMutex igraph_mutex;
/* written by the handlers, read by lt_igraph_check(), both under igraph_mutex */
static char *last_reason;

static void
error_handler (const char     *reason,
               const char     *file,
               int             line,
               igraph_error_t  igraph_errno)
{
  IGRAPH_FINALLY_FREE ();
  g_free (last_reason);
  last_reason = g_strdup (reason);
  g_debug ("igraph error %d at %s:%d: %s", (int) igraph_errno, file, line, reason);
}

static void
warning_handler (const char *reason,
                 const char *file,
                 int         line)
{
  g_debug ("igraph warning at %s:%d: %s", file, line, reason);
}

static gpointer
install_handlers (gpointer data)
{
  igraph_set_error_handler (error_handler);
  igraph_set_warning_handler (warning_handler);
  return NULL;
}

/**
 * lt_igraph_lock:
 *
 * Takes the lock that every igraph call must hold, installing Letapis's error and warning
 * handlers the first time. Hold it with `g_autoptr(GMutexLocker) locker = lt_igraph_lock ();`
 * around the igraph calls and the destruction of what they made.
 *
 * Returns: (transfer full): the locker; freeing it releases the lock
 */
GMutexLocker *
lt_igraph_lock (void)
{
  static GOnce once = G_ONCE_INIT;
  GMutexLocker *locker;

  g_once (&once, install_handlers, NULL);
  locker = g_mutex_locker_new (&igraph_mutex);
  g_clear_pointer (&last_reason, g_free);

  return locker;
}

/**
 * lt_igraph_check:
 * @status: what an igraph call returned, under lt_igraph_lock()
 * @error: return location for a #GError
 *
 * Returns: %TRUE if @status is success; otherwise sets @error to igraph's reason
 */
gboolean
lt_igraph_check (igraph_error_t   status,
                 GError         **error)
{
  if (status == IGRAPH_SUCCESS)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "igraph: %s (%s)",
               last_reason != NULL ? last_reason : igraph_strerror (status),
               igraph_strerror (status));
  return FALSE;
}
