/* lt-item-pool.c: LtItemPool, the LtItemButtons a view puts over the items it draws: a bounded
 * number of children reused from frame to frame, placed, focused and activated for the view
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-item-pool"

#include "config.h"

#include "lt-item-pool.h"

/* A view draws thousands or a million items, but only those a keyboard or a screen reader can
 * reach on their own get a widget, and never more than the pool's maximum: the timeline's
 * labelled events and clusters on screen, the graph's busiest nodes. The buttons are children
 * of the view itself (the view's focus chain and accessible children are theirs), made once
 * and then only relabelled and moved, because making widgets is what costs. The first n_used
 * are shown, the rest wait hidden.
 * The view says what each stands for and where it goes; the pool knows which has the focus,
 * where the arrow keys take it, and tells the view when one is activated. */

struct _LtItemPool
{
  GObject     parent_instance;

  GtkWidget  *parent;   /* not owned: the view owns the pool and drops it in its dispose */
  GPtrArray  *items;    /* of LtItemButton, children of parent */
  guint       n_used;
  guint       max_items;
  gboolean    focus_rings;
};

enum {
  ITEM_ACTIVATED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (LtItemPool, lt_item_pool, G_TYPE_OBJECT)

static guint signals[N_SIGNALS];

static void
item_activate_cb (LtItemButton *item,
                  LtItemPool   *self)
{
  g_assert (LT_IS_ITEM_BUTTON (item));
  g_assert (LT_IS_ITEM_POOL (self));

  g_signal_emit (self, signals[ITEM_ACTIVATED], 0, item);
}

static void
lt_item_pool_dispose (GObject *object)
{
  LtItemPool *self = (LtItemPool *) object;

  if (self->items != NULL)
    {
      for (guint i = 0; i < self->items->len; i++)
        gtk_widget_unparent (g_ptr_array_index (self->items, i));
      g_clear_pointer (&self->items, g_ptr_array_unref);
    }
  self->n_used = 0;
  self->parent = NULL;

  G_OBJECT_CLASS (lt_item_pool_parent_class)->dispose (object);
}

static void
lt_item_pool_class_init (LtItemPoolClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lt_item_pool_dispose;

  /**
   * LtItemPool::item-activated:
   * @self: the pool
   * @item: the item
   *
   * Emitted when gtk_widget_activate() activates one of the items.
   */
  signals[ITEM_ACTIVATED] = g_signal_new ("item-activated",
                                          G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, LT_TYPE_ITEM_BUTTON);

  g_type_ensure (LT_TYPE_ITEM_BUTTON);
}

static void
lt_item_pool_init (LtItemPool *self)
{
  self->items = g_ptr_array_new ();
  self->focus_rings = TRUE;
}

/**
 * lt_item_pool_new:
 * @parent: the view the items are children of; it owns the pool and drops it in its dispose
 * @max_items: the most items the pool ever makes
 *
 * Returns: (transfer full): a new, empty pool
 */
LtItemPool *
lt_item_pool_new (GtkWidget *parent,
                  guint      max_items)
{
  LtItemPool *self;

  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);

  self = g_object_new (LT_TYPE_ITEM_POOL, NULL);
  self->parent = parent;
  self->max_items = max_items;

  return self;
}

guint
lt_item_pool_get_max_items (LtItemPool *self)
{
  g_return_val_if_fail (LT_IS_ITEM_POOL (self), 0);

  return self->max_items;
}

/**
 * lt_item_pool_get_n_items:
 * @self: a pool
 *
 * Returns: how many items the pool has made, used or waiting
 */
guint
lt_item_pool_get_n_items (LtItemPool *self)
{
  g_return_val_if_fail (LT_IS_ITEM_POOL (self), 0);

  return self->items != NULL ? self->items->len : 0;
}

/**
 * lt_item_pool_get_n_used:
 * @self: a pool
 *
 * Returns: how many items are shown, the first ones
 */
guint
lt_item_pool_get_n_used (LtItemPool *self)
{
  g_return_val_if_fail (LT_IS_ITEM_POOL (self), 0);

  return self->n_used;
}

/**
 * lt_item_pool_get_item:
 * @self: a pool
 * @k: an index below lt_item_pool_get_n_items()
 *
 * Returns: (transfer none): the item at @k
 */
LtItemButton *
lt_item_pool_get_item (LtItemPool *self,
                       guint       k)
{
  g_return_val_if_fail (LT_IS_ITEM_POOL (self), NULL);
  g_return_val_if_fail (k < lt_item_pool_get_n_items (self), NULL);

  return g_ptr_array_index (self->items, k);
}

/**
 * lt_item_pool_set_focus_rings:
 * @self: a pool
 * @focus_rings: whether the items draw the focus ring
 *
 * A view that draws the focus ring around an item's own shape says %FALSE. The items draw
 * only when the view snapshots them (lt_item_pool_snapshot()).
 */
void
lt_item_pool_set_focus_rings (LtItemPool *self,
                              gboolean    focus_rings)
{
  g_return_if_fail (LT_IS_ITEM_POOL (self));

  self->focus_rings = !!focus_rings;
  for (guint i = 0; i < lt_item_pool_get_n_items (self); i++)
    if (self->focus_rings)
      gtk_widget_add_css_class (g_ptr_array_index (self->items, i), "focus-ring");
    else
      gtk_widget_remove_css_class (g_ptr_array_index (self->items, i), "focus-ring");
}

/**
 * lt_item_pool_grow:
 * @self: a pool
 * @n_items: how many items the view wants to have
 * @at_most: how many it may make now
 *
 * Makes up to @at_most new items, hidden, towards @n_items (and never beyond the maximum).
 * A view that makes them outside its allocation, a few a frame, keeps frames short.
 */
void
lt_item_pool_grow (LtItemPool *self,
                   guint       n_items,
                   guint       at_most)
{
  g_return_if_fail (LT_IS_ITEM_POOL (self));
  g_return_if_fail (self->parent != NULL);

  n_items = MIN (n_items, self->max_items);
  for (guint made = 0; self->items->len < n_items && made < at_most; made++)
    {
      GtkWidget *item = lt_item_button_new ();

      if (!self->focus_rings)
        gtk_widget_remove_css_class (item, "focus-ring");
      g_signal_connect_object (item, "activate", G_CALLBACK (item_activate_cb), self, 0);
      gtk_widget_set_parent (item, self->parent);
      gtk_widget_set_child_visible (item, FALSE);
      g_ptr_array_add (self->items, item);
    }
}

/**
 * lt_item_pool_set_count:
 * @self: a pool
 * @n_items: how many items there are to be
 *
 * Makes or drops items so that there are @n_items (at most the maximum), all of them used.
 */
void
lt_item_pool_set_count (LtItemPool *self,
                        guint       n_items)
{
  g_return_if_fail (LT_IS_ITEM_POOL (self));

  n_items = MIN (n_items, self->max_items);
  while (self->items->len > n_items)
    {
      gtk_widget_unparent (g_ptr_array_index (self->items, self->items->len - 1));
      g_ptr_array_remove_index (self->items, self->items->len - 1);
    }
  lt_item_pool_grow (self, n_items, G_MAXUINT);
  lt_item_pool_set_n_used (self, n_items);
}

/**
 * lt_item_pool_set_n_used:
 * @self: a pool
 * @n_used: how many items are shown
 *
 * Shows the first @n_used items (or all there are) and hides the rest.
 */
void
lt_item_pool_set_n_used (LtItemPool *self,
                         guint       n_used)
{
  g_return_if_fail (LT_IS_ITEM_POOL (self));

  self->n_used = MIN (n_used, lt_item_pool_get_n_items (self));
  for (guint i = 0; i < lt_item_pool_get_n_items (self); i++)
    gtk_widget_set_child_visible (g_ptr_array_index (self->items, i), i < self->n_used);
}

/**
 * lt_item_pool_move_to:
 * @self: a pool
 * @item: one of its items
 * @k: the index it is to have
 *
 * Swaps @item with the item at @k: a view keeps the focused item's widget for the same
 * thing, wherever it falls in the frame's order, so that focus does not jump.
 */
void
lt_item_pool_move_to (LtItemPool   *self,
                      LtItemButton *item,
                      guint         k)
{
  guint at;

  g_return_if_fail (LT_IS_ITEM_POOL (self));
  g_return_if_fail (k < lt_item_pool_get_n_items (self));

  if (!g_ptr_array_find (self->items, item, &at))
    g_return_if_reached ();

  self->items->pdata[at] = self->items->pdata[k];
  self->items->pdata[k] = item;
}

/**
 * lt_item_pool_allocate:
 * @self: a pool
 * @k: an item's index
 * @allocation: where it goes, in the view's coordinates
 *
 * Places an item over what it stands for; from the view's size_allocate.
 */
void
lt_item_pool_allocate (LtItemPool          *self,
                       guint                k,
                       const GtkAllocation *allocation)
{
  g_return_if_fail (LT_IS_ITEM_POOL (self));
  g_return_if_fail (k < lt_item_pool_get_n_items (self));

  gtk_widget_size_allocate (g_ptr_array_index (self->items, k), allocation, -1);
}

/**
 * lt_item_pool_snapshot:
 * @self: a pool
 * @snapshot: the view's snapshot
 *
 * Draws the items in use (their focus rings) over the view; from the view's snapshot.
 */
void
lt_item_pool_snapshot (LtItemPool  *self,
                       GtkSnapshot *snapshot)
{
  g_return_if_fail (LT_IS_ITEM_POOL (self));

  for (guint i = 0; i < self->n_used; i++)
    gtk_widget_snapshot_child (self->parent, g_ptr_array_index (self->items, i), snapshot);
}

/**
 * lt_item_pool_find:
 * @self: a pool
 * @id: what an item stands for
 *
 * Returns: (transfer none) (nullable): the item in use for @id (not a group)
 */
LtItemButton *
lt_item_pool_find (LtItemPool *self,
                   gint64      id)
{
  g_return_val_if_fail (LT_IS_ITEM_POOL (self), NULL);

  for (guint i = 0; i < self->n_used; i++)
    {
      LtItemButton *item = g_ptr_array_index (self->items, i);

      if (!lt_item_button_is_group (item) && lt_item_button_get_id (item) == id)
        return item;
    }
  return NULL;
}

/**
 * lt_item_pool_set_pressed:
 * @self: a pool
 * @id: what the selected item stands for
 *
 * Says to screen readers which item in use is the selected one, and that the others are not.
 * Groups are left alone.
 */
void
lt_item_pool_set_pressed (LtItemPool *self,
                          gint64      id)
{
  g_return_if_fail (LT_IS_ITEM_POOL (self));

  for (guint i = 0; i < self->n_used; i++)
    {
      LtItemButton *item = g_ptr_array_index (self->items, i);

      if (!lt_item_button_is_group (item))
        lt_item_button_set_pressed (item, lt_item_button_get_id (item) == id);
    }
}

/**
 * lt_item_pool_get_focused:
 * @self: a pool
 *
 * The item with the keyboard focus, used or not. Asked of the window, not of the view's
 * focus child: GTK can leave that unset while the window is not the active one (another
 * window took the focus), and a frame drawn then would give the focused item's widget to
 * another thing.
 *
 * Returns: (transfer none) (nullable): the focused item
 */
LtItemButton *
lt_item_pool_get_focused (LtItemPool *self)
{
  GtkRoot *root;
  GtkWidget *focus;

  g_return_val_if_fail (LT_IS_ITEM_POOL (self), NULL);

  if (self->parent == NULL)
    return NULL;

  root = gtk_widget_get_root (self->parent);
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (focus == NULL)
    focus = gtk_widget_get_focus_child (self->parent);
  if (!LT_IS_ITEM_BUTTON (focus) || gtk_widget_get_parent (focus) != self->parent)
    return NULL;
  return LT_ITEM_BUTTON (focus);
}

/**
 * lt_item_pool_focus_nearest:
 * @self: a pool
 * @from: (nullable): the item the focus moves from, which is no candidate
 * @score: how far each item in use is that way
 * @user_data: data for @score
 *
 * Moves the focus to the item in use with the lowest score (the first of equals), for the
 * arrow keys. Where the focus moves from, and which way, is the view's business and @score's.
 *
 * Returns: %TRUE if an item took the focus
 */
gboolean
lt_item_pool_focus_nearest (LtItemPool      *self,
                            LtItemButton    *from,
                            LtItemScoreFunc  score,
                            gpointer         user_data)
{
  LtItemButton *best = NULL;
  double best_score = G_MAXDOUBLE;

  g_return_val_if_fail (LT_IS_ITEM_POOL (self), FALSE);
  g_return_val_if_fail (score != NULL, FALSE);

  for (guint i = 0; i < self->n_used; i++)
    {
      LtItemButton *item = g_ptr_array_index (self->items, i);
      double s;

      if (item == from)
        continue;
      s = score (item, user_data);
      if (s >= 0 && s < best_score)
        {
          best_score = s;
          best = item;
        }
    }

  if (best == NULL)
    return FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (best));
  return TRUE;
}
