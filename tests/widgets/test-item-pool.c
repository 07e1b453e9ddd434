/* test-item-pool.c: the focusable items both views put over what they draw, and their pool
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>

#include "lt-item-pool.h"

/* A parent that places nothing itself, as the views do: the items go where the pool puts them */
#define TEST_TYPE_VIEW (test_view_get_type ())
G_DECLARE_FINAL_TYPE (TestView, test_view, TEST, VIEW, GtkWidget)

struct _TestView
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (TestView, test_view, GTK_TYPE_WIDGET)

static void
test_view_class_init (TestViewClass *klass)
{
}

static void
test_view_init (TestView *self)
{
}

static guint
count_children (GtkWidget *parent)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (parent); c != NULL; c = gtk_widget_get_next_sibling (c))
    n++;
  return n;
}

/* However many items a view wants, the pool makes no more than its maximum, a few at a time
 * if asked, and drops them all with itself */
static void
test_bounded (void)
{
  GtkWidget *view = g_object_ref_sink (g_object_new (TEST_TYPE_VIEW, NULL));
  g_autoptr(LtItemPool) pool = lt_item_pool_new (view, 5);

  g_assert_cmpuint (lt_item_pool_get_max_items (pool), ==, 5);
  g_assert_cmpuint (lt_item_pool_get_n_items (pool), ==, 0);

  lt_item_pool_grow (pool, 1000000, 3);
  g_assert_cmpuint (lt_item_pool_get_n_items (pool), ==, 3);
  g_assert_cmpuint (lt_item_pool_get_n_used (pool), ==, 0);
  g_assert_false (gtk_widget_get_child_visible (GTK_WIDGET (lt_item_pool_get_item (pool, 0))));
  lt_item_pool_grow (pool, 1000000, G_MAXUINT);
  g_assert_cmpuint (lt_item_pool_get_n_items (pool), ==, 5);
  g_assert_cmpuint (count_children (view), ==, 5);

  lt_item_pool_set_n_used (pool, 2);
  g_assert_cmpuint (lt_item_pool_get_n_used (pool), ==, 2);
  g_assert_true (gtk_widget_get_child_visible (GTK_WIDGET (lt_item_pool_get_item (pool, 1))));
  g_assert_false (gtk_widget_get_child_visible (GTK_WIDGET (lt_item_pool_get_item (pool, 2))));
  lt_item_pool_set_n_used (pool, 99);
  g_assert_cmpuint (lt_item_pool_get_n_used (pool), ==, 5);

  lt_item_pool_set_count (pool, 3);
  g_assert_cmpuint (lt_item_pool_get_n_items (pool), ==, 3);
  g_assert_cmpuint (lt_item_pool_get_n_used (pool), ==, 3);
  g_assert_cmpuint (count_children (view), ==, 3);
  lt_item_pool_set_count (pool, 1000000);
  g_assert_cmpuint (lt_item_pool_get_n_items (pool), ==, 5);

  g_assert_finalize_object (g_steal_pointer (&pool));
  g_assert_cmpuint (count_children (view), ==, 0);
  g_assert_finalize_object (view);
}

static void
activated_cb (LtItemPool    *pool,
              LtItemButton  *item,
              LtItemButton **out)
{
  *out = item;
}

/* What a screen reader is told: a button, its name, whether it is the selected one */
static void
test_items (void)
{
  GtkWidget *view = g_object_ref_sink (g_object_new (TEST_TYPE_VIEW, NULL));
  g_autoptr(LtItemPool) pool = lt_item_pool_new (view, 8);
  LtItemButton *a, *b, *c;
  LtItemButton *activated = NULL;
  double first, last;

  lt_item_pool_set_count (pool, 3);
  a = lt_item_pool_get_item (pool, 0);
  b = lt_item_pool_get_item (pool, 1);
  c = lt_item_pool_get_item (pool, 2);
  lt_item_button_set_item (a, 0, "Viasna, Organization");
  lt_item_button_set_item (b, 7, "KGB, State body");
  lt_item_button_set_group (c, 10, 12, "3 events, 10 to 12 July");

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (a), GTK_ACCESSIBLE_ROLE_BUTTON);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (b), GTK_ACCESSIBLE_PROPERTY_LABEL, "KGB, State body");
  g_assert_cmpstr (lt_item_button_get_label (c), ==, "3 events, 10 to 12 July");
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (a)));
  g_assert_false (gtk_widget_get_can_target (GTK_WIDGET (a)));

  /* an id of 0 is an item like any other (the graph's first node); a group has none */
  g_assert_true (lt_item_pool_find (pool, 0) == a);
  g_assert_true (lt_item_pool_find (pool, 7) == b);
  g_assert_null (lt_item_pool_find (pool, 10));
  g_assert_true (lt_item_button_is_group (c));
  g_assert_cmpint (lt_item_button_get_id (c), ==, 0);
  lt_item_button_get_range (c, &first, &last);
  g_assert_cmpfloat (first, ==, 10);
  g_assert_cmpfloat (last, ==, 12);

  lt_item_pool_set_pressed (pool, 7);
  g_assert_true (lt_item_button_get_pressed (b));
  g_assert_false (lt_item_button_get_pressed (a));
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (b), GTK_ACCESSIBLE_STATE_PRESSED,
                                    GTK_ACCESSIBLE_TRISTATE_TRUE);
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (a), GTK_ACCESSIBLE_STATE_PRESSED,
                                    GTK_ACCESSIBLE_TRISTATE_FALSE);
  /* a button that stood for the selected item and now stands for a group is not pressed */
  lt_item_button_set_group (b, 1, 2, NULL);
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (b), GTK_ACCESSIBLE_STATE_PRESSED,
                                    GTK_ACCESSIBLE_TRISTATE_FALSE);

  /* a hidden item is not found, and the swap keeps a focused item's widget in use */
  lt_item_pool_move_to (pool, a, 2);
  g_assert_true (lt_item_pool_get_item (pool, 2) == a);
  g_assert_true (lt_item_pool_get_item (pool, 0) == c);
  lt_item_pool_set_n_used (pool, 2);
  g_assert_null (lt_item_pool_find (pool, 0));

  /* gtk_widget_activate(), as a screen reader's click, reaches the view */
  g_signal_connect (pool, "item-activated", G_CALLBACK (activated_cb), &activated);
  g_assert_true (gtk_widget_activate (GTK_WIDGET (c)));
  g_assert_true (activated == c);

  g_assert_finalize_object (g_steal_pointer (&pool));
  g_assert_finalize_object (view);
}

static double
score_cb (LtItemButton *item,
          gpointer      user_data)
{
  gint64 target = GPOINTER_TO_INT (user_data);
  gint64 id = lt_item_button_get_id (item);

  /* only items past the target count, the nearest first */
  return id < target ? -1 : (double) (id - target);
}

/* The focused item is asked of the window, and the arrow keys go to the best scored */
static void
test_focus (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = g_object_new (TEST_TYPE_VIEW, NULL);
  g_autoptr(LtItemPool) pool = lt_item_pool_new (view, 8);
  LtItemButton *focused;

  gtk_widget_set_focusable (view, TRUE);
  gtk_window_set_child (GTK_WINDOW (window), view);
  lt_item_pool_set_count (pool, 4);
  for (guint k = 0; k < 4; k++)
    lt_item_button_set_item (lt_item_pool_get_item (pool, k), 10 * (k + 1), NULL);
  gtk_window_present (GTK_WINDOW (window));

  g_assert_null (lt_item_pool_get_focused (pool));
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (lt_item_pool_get_item (pool, 1))));
  focused = lt_item_pool_get_focused (pool);
  g_assert_true (focused == lt_item_pool_get_item (pool, 1));

  /* the item it comes from is no candidate, however well it scores */
  g_assert_true (lt_item_pool_focus_nearest (pool, focused, score_cb, GINT_TO_POINTER (20)));
  g_assert_cmpint (lt_item_button_get_id (lt_item_pool_get_focused (pool)), ==, 30);
  g_assert_false (lt_item_pool_focus_nearest (pool, NULL, score_cb, GINT_TO_POINTER (41)));
  g_assert_cmpint (lt_item_button_get_id (lt_item_pool_get_focused (pool)), ==, 30);

  /* the view itself has the focus: no item */
  g_assert_true (gtk_widget_grab_focus (view));
  g_assert_null (lt_item_pool_get_focused (pool));

  g_clear_object (&pool);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Letapis/ItemPool/bounded", test_bounded);
  g_test_add_func ("/Letapis/ItemPool/items", test_items);
  g_test_add_func ("/Letapis/ItemPool/focus", test_focus);

  return g_test_run ();
}
