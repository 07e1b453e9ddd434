/* lt-graph-layout-worker.c: the thread that runs the force layout while the graph is shown,
 * and the double buffer through which its positions reach the UI thread
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What crosses threads, and nothing else:
 *
 * - The worker thread (a GTask in GIO's pool) owns its LtForceLayout, built from the graph on
 *   the UI thread before it starts; the graph itself is never read by the thread.
 * - The UI thread hands it commands (a node dragged and pinned, let go, or placed to make room
 *   for labels) through a queue under the worker's lock, and wakes it with a condition.
 * - The worker publishes positions into an LtLayoutBuffer, a double buffer swapped under a
 *   short lock; the view copies the front buffer on its frame clock when it has changed.
 *
 * The worker is reference counted: the thread holds one reference and the view another, so
 * the view can stop it and forget it at once while the thread finishes its step. */

#define G_LOG_DOMAIN "lt-graph-layout-worker"

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "lt-force-layout.h"
#include "lt-graph-layout-worker.h"

struct _LtLayoutBuffer
{
  GMutex   mutex;
  guint    n;
  float   *front;
  float   *back;
  guint64  generation;
  gboolean converged;
};

/**
 * lt_layout_buffer_new:
 * @n_nodes: number of nodes
 *
 * Creates a double buffer through which a worker thread hands positions to the UI thread: the
 * worker writes the back buffer and swaps under a short lock; the UI copies the front buffer
 * from its frame clock when the generation changed.
 *
 * Returns: (transfer full): a new buffer
 */
LtLayoutBuffer *
lt_layout_buffer_new (guint n_nodes)
{
  LtLayoutBuffer *self = g_new0 (LtLayoutBuffer, 1);

  g_mutex_init (&self->mutex);
  self->n = n_nodes;
  self->front = g_new0 (float, 2 * MAX (n_nodes, 1));
  self->back = g_new0 (float, 2 * MAX (n_nodes, 1));

  return self;
}

void
lt_layout_buffer_free (LtLayoutBuffer *self)
{
  if (self == NULL)
    return;

  g_mutex_clear (&self->mutex);
  g_free (self->front);
  g_free (self->back);
  g_free (self);
}

guint
lt_layout_buffer_get_n_nodes (LtLayoutBuffer *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n;
}

/**
 * lt_layout_buffer_publish:
 * @self: a buffer
 * @xy: 2 × n floats
 * @converged: whether the layout has converged
 *
 * Called by the worker. The copy happens outside the lock.
 */
void
lt_layout_buffer_publish (LtLayoutBuffer *self,
                          const float    *xy,
                          gboolean        converged)
{
  float *tmp;

  g_return_if_fail (self != NULL);

  memcpy (self->back, xy, sizeof (float) * 2 * self->n);

  g_mutex_lock (&self->mutex);
  tmp = self->front;
  self->front = self->back;
  self->back = tmp;
  self->generation++;
  self->converged = converged;
  g_mutex_unlock (&self->mutex);
}

/**
 * lt_layout_buffer_read:
 * @self: a buffer
 * @xy: 2 × n floats to fill
 * @generation: (inout): the generation last read; updated
 * @converged: (out) (optional): whether the published layout had converged
 *
 * Called by the UI thread.
 *
 * Returns: %TRUE if new positions were copied into @xy
 */
gboolean
lt_layout_buffer_read (LtLayoutBuffer *self,
                       float          *xy,
                       guint64        *generation,
                       gboolean       *converged)
{
  gboolean fresh;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (generation != NULL, FALSE);

  g_mutex_lock (&self->mutex);
  fresh = self->generation != *generation;
  if (fresh)
    {
      memcpy (xy, self->front, sizeof (float) * 2 * self->n);
      *generation = self->generation;
    }
  if (converged != NULL)
    *converged = self->converged;
  g_mutex_unlock (&self->mutex);

  return fresh;
}

/* The worker */

typedef enum
{
  COMMAND_MOVE,    /* the user drags a node: it is pinned there */
  COMMAND_UNPIN,
  COMMAND_PLACE,   /* the view has moved a node itself (to make room for labels) */
} CommandKind;

typedef struct
{
  CommandKind kind;
  guint       node;
  float       x;
  float       y;
} Command;

struct _LtGraphLayoutWorker
{
  LtForceLayout  *layout;       /* the thread's alone once it runs */
  LtLayoutBuffer *buffer;
  guint64         generation;   /* of the positions last read, on the UI thread */

  /* under the lock */
  GMutex          lock;
  GCond           cond;
  GArray         *commands;     /* of Command */
  gboolean        stop;
};

static void
worker_clear (gpointer data)
{
  LtGraphLayoutWorker *worker = data;

  g_clear_pointer (&worker->layout, lt_force_layout_free);
  g_clear_pointer (&worker->buffer, lt_layout_buffer_free);
  g_clear_pointer (&worker->commands, g_array_unref);
  g_mutex_clear (&worker->lock);
  g_cond_clear (&worker->cond);
}

static void
worker_unref (gpointer data)
{
  g_atomic_rc_box_release_full (data, worker_clear);
}

static void
worker_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  LtGraphLayoutWorker *worker = task_data;

  for (;;)
    {
      gboolean stop;

      g_mutex_lock (&worker->lock);
      while (!worker->stop && worker->commands->len == 0
             && lt_force_layout_is_converged (worker->layout))
        g_cond_wait (&worker->cond, &worker->lock);
      stop = worker->stop;
      if (!stop && worker->commands->len > 0)
        {
          gboolean reheat = FALSE;

          for (guint i = 0; i < worker->commands->len; i++)
            {
              const Command *c = &g_array_index (worker->commands, Command, i);

              switch (c->kind)
                {
                case COMMAND_MOVE:
                  lt_force_layout_set_position (worker->layout, c->node, c->x, c->y);
                  lt_force_layout_set_pinned (worker->layout, c->node, TRUE);
                  reheat = TRUE;
                  break;
                case COMMAND_UNPIN:
                  lt_force_layout_set_pinned (worker->layout, c->node, FALSE);
                  reheat = TRUE;
                  break;
                case COMMAND_PLACE:
                default:
                  lt_force_layout_set_position (worker->layout, c->node, c->x, c->y);
                  break;
                }
            }
          g_array_set_size (worker->commands, 0);
          if (reheat)
            lt_force_layout_reheat (worker->layout, 0.3);
        }
      g_mutex_unlock (&worker->lock);

      if (stop)
        break;
      if (lt_force_layout_is_converged (worker->layout))
        continue;   /* placed only: the view has these positions already */

      /* a few iterations per published frame, so that small graphs settle quickly */
      {
        gint64 start = g_get_monotonic_time ();

        do
          lt_force_layout_step (worker->layout, 1);
        while (!lt_force_layout_is_converged (worker->layout)
               && g_get_monotonic_time () - start < 8000);
      }
      lt_layout_buffer_publish (worker->buffer, lt_force_layout_get_positions (worker->layout),
                                lt_force_layout_is_converged (worker->layout));
    }

  g_task_return_boolean (task, TRUE);
}

static void
worker_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_task_propagate_boolean (G_TASK (result), NULL);
}

static void
send_commands (LtGraphLayoutWorker *self,
               const Command       *commands,
               guint                n_commands)
{
  g_mutex_lock (&self->lock);
  g_array_append_vals (self->commands, commands, n_commands);
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->lock);
}

/**
 * lt_graph_layout_worker_new:
 * @graph: the graph to lay out
 *
 * Builds the graph's force layout (nodes with positions start there) and starts a thread that
 * steps it until it converges, publishing positions as it goes; commands wake it again.
 *
 * Returns: (transfer full): the worker; stop it with [method@GraphLayoutWorker.stop]
 */
LtGraphLayoutWorker *
lt_graph_layout_worker_new (LtGraph *graph)
{
  g_autoptr(GTask) task = NULL;
  LtGraphLayoutWorker *self;

  g_return_val_if_fail (graph != NULL, NULL);

  self = g_atomic_rc_box_new0 (LtGraphLayoutWorker);
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  self->commands = g_array_new (FALSE, FALSE, sizeof (Command));
  self->layout = lt_graph_new_force_layout (graph);
  self->buffer = lt_layout_buffer_new (lt_graph_get_n_nodes (graph));

  task = g_task_new (NULL, NULL, worker_done_cb, NULL);
  g_task_set_source_tag (task, lt_graph_layout_worker_new);
  g_task_set_task_data (task, g_atomic_rc_box_acquire (self), worker_unref);
  g_task_run_in_thread (task, worker_thread);

  return self;
}

/**
 * lt_graph_layout_worker_stop:
 * @self: (transfer full): a worker
 *
 * Tells the thread to stop after its current step and drops the caller's reference; the
 * thread lets go of the worker when it has stopped.
 */
void
lt_graph_layout_worker_stop (LtGraphLayoutWorker *self)
{
  g_return_if_fail (self != NULL);

  g_mutex_lock (&self->lock);
  self->stop = TRUE;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->lock);
  worker_unref (self);
}

/**
 * lt_graph_layout_worker_move:
 * @self: a worker
 * @node: a node index
 * @x: where the user has dragged it, in layout units
 * @y: where the user has dragged it, in layout units
 *
 * Pins a node where the user has dragged it, and warms the layout up so the rest follows.
 */
void
lt_graph_layout_worker_move (LtGraphLayoutWorker *self,
                             guint                node,
                             float                x,
                             float                y)
{
  Command command = { COMMAND_MOVE, node, x, y };

  g_return_if_fail (self != NULL);

  send_commands (self, &command, 1);
}

/**
 * lt_graph_layout_worker_unpin:
 * @self: a worker
 * @node: a node index
 *
 * Lets a pinned node go, and warms the layout up so it finds its place again.
 */
void
lt_graph_layout_worker_unpin (LtGraphLayoutWorker *self,
                              guint                node)
{
  Command command = { COMMAND_UNPIN, node, 0, 0 };

  g_return_if_fail (self != NULL);

  send_commands (self, &command, 1);
}

/**
 * lt_graph_layout_worker_place:
 * @self: a worker
 * @xy: 2 × @n_nodes floats
 * @n_nodes: the number of nodes
 *
 * Tells the layout where the view has moved the nodes itself (to make room for labels),
 * without warming it up: the next move starts from there.
 */
void
lt_graph_layout_worker_place (LtGraphLayoutWorker *self,
                              const float         *xy,
                              guint                n_nodes)
{
  g_autofree Command *commands = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (xy != NULL || n_nodes == 0);

  commands = g_new (Command, MAX (n_nodes, 1));
  for (guint i = 0; i < n_nodes; i++)
    commands[i] = (Command) { COMMAND_PLACE, i, xy[2 * i], xy[2 * i + 1] };
  send_commands (self, commands, n_nodes);
}

/**
 * lt_graph_layout_worker_read:
 * @self: a worker
 * @xy: 2 × n floats to fill
 * @converged: (out) (optional): whether the published layout had converged
 *
 * Called by the UI thread, from the frame clock.
 *
 * Returns: %TRUE if positions newer than the last read were copied into @xy
 */
gboolean
lt_graph_layout_worker_read (LtGraphLayoutWorker *self,
                             float               *xy,
                             gboolean            *converged)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return lt_layout_buffer_read (self->buffer, xy, &self->generation, converged);
}
