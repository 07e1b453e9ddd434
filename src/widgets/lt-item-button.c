/* lt-item-button.c: LtItemButton, a focusable child widget over one item a view draws (an
 * event, a cluster of events, a node of the graph), for the keyboard and screen readers
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-item-button"

#include "config.h"

#include "lt-item-button.h"

/* GTK 4.8 has no virtual accessible children, so each item a view shows on its own is also a
 * small focusable child widget over its drawing: screen readers find it by its name (the
 * BUTTON role, a label such as "title, date" or "name, kind", pressed when it is the
 * selected one), and the keyboard focus sits on it. The view draws the item itself; the button
 * draws at most the focus ring (a CSS outline, in views that snapshot their items), and
 * pointer events go through it to the view, whose hit test serves clicks. An item stands for
 * one thing of the view, by an id the view gives it, or for a group of them over a range of
 * the view's axis. gtk_widget_activate() emits "activate"; the keys are the view's, which
 * knows what Enter and Space do. The views keep them in an LtItemPool. */

struct _LtItemButton
{
  GtkWidget  parent_instance;

  gint64     id;
  double     first;
  double     last;
  char      *label;
  gboolean   group;
  int        pressed;   /* -1 until it is set: an item not yet selectable says nothing */
};

enum {
  ACTIVATE,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (LtItemButton, lt_item_button, GTK_TYPE_WIDGET)

static guint signals[N_SIGNALS];

static void
ensure_style (GtkWidget *widget)
{
  static GdkDisplay *styled;
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gtk_widget_get_display (widget);

  /* The buttons draw nothing but the keyboard focus ring around an item and its label; a view
   * that draws the ring itself takes the class away (lt_item_pool_set_focus_rings) */
  if (display == NULL || display == styled)
    return;

  styled = display;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider,
                                   "itembutton.focus-ring {"
                                   "  border-radius: 6px;"
                                   "  outline: 0 solid transparent;"
                                   "  outline-offset: 1px;"
                                   "  transition: outline-color 200ms ease-out, outline-width 200ms ease-out;"
                                   "}"
                                   "itembutton.focus-ring:focus-visible {"
                                   "  outline: 2px solid alpha(@accent_color, 0.8);"
                                   "}",
                                   -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
set_label (LtItemButton *self,
           const char   *label)
{
  if (g_strcmp0 (self->label, label) == 0)
    return;

  g_free (self->label);
  self->label = g_strdup (label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label ? label : "",
                                  -1);
}

static void
lt_item_button_finalize (GObject *object)
{
  LtItemButton *self = (LtItemButton *) object;

  g_clear_pointer (&self->label, g_free);

  G_OBJECT_CLASS (lt_item_button_parent_class)->finalize (object);
}

static void
lt_item_button_class_init (LtItemButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = lt_item_button_finalize;

  /**
   * LtItemButton::activate:
   * @self: the item
   *
   * Emitted by gtk_widget_activate(), e.g. when a screen reader clicks the item.
   */
  signals[ACTIVATE] = g_signal_new ("activate",
                                    G_TYPE_FROM_CLASS (klass),
                                    G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                                    0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 0);
  gtk_widget_class_set_activate_signal (widget_class, signals[ACTIVATE]);

  gtk_widget_class_set_css_name (widget_class, "itembutton");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
lt_item_button_init (LtItemButton *self)
{
  self->pressed = -1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "focus-ring");
  ensure_style (GTK_WIDGET (self));
}

/**
 * lt_item_button_new:
 *
 * Returns: (transfer floating): a new item button, standing for nothing yet
 */
GtkWidget *
lt_item_button_new (void)
{
  return g_object_new (LT_TYPE_ITEM_BUTTON, NULL);
}

/**
 * lt_item_button_set_item:
 * @self: an item button
 * @id: what it stands for, in the view's terms (an event's id, a node's index)
 * @label: (nullable): its accessible name: "title, date"
 */
void
lt_item_button_set_item (LtItemButton *self,
                         gint64        id,
                         const char   *label)
{
  g_return_if_fail (LT_IS_ITEM_BUTTON (self));

  self->id = id;
  self->group = FALSE;
  set_label (self, label);
}

/**
 * lt_item_button_set_group:
 * @self: an item button
 * @first: where the group starts on the view's axis (the first day of a cluster)
 * @last: where it ends (its last day)
 * @label: (nullable): its accessible name: "12 events, 3–9 July 2021"
 *
 * Makes the button stand for several items at once; its id is then 0, and it is not pressed.
 */
void
lt_item_button_set_group (LtItemButton *self,
                          double        first,
                          double        last,
                          const char   *label)
{
  g_return_if_fail (LT_IS_ITEM_BUTTON (self));

  self->id = 0;
  self->group = TRUE;
  self->first = first;
  self->last = last;
  set_label (self, label);
  /* a group is never the selected item, even if this button last stood for that one */
  if (self->pressed == TRUE)
    lt_item_button_set_pressed (self, FALSE);
}

/**
 * lt_item_button_get_id:
 * @self: an item button
 *
 * Returns: what it stands for, or 0 for a group
 */
gint64
lt_item_button_get_id (LtItemButton *self)
{
  g_return_val_if_fail (LT_IS_ITEM_BUTTON (self), 0);

  return self->group ? 0 : self->id;
}

gboolean
lt_item_button_is_group (LtItemButton *self)
{
  g_return_val_if_fail (LT_IS_ITEM_BUTTON (self), FALSE);

  return self->group;
}

/**
 * lt_item_button_get_range:
 * @self: an item button
 * @first: (out): where its group starts
 * @last: (out): where it ends
 *
 * The range of the last lt_item_button_set_group().
 */
void
lt_item_button_get_range (LtItemButton *self,
                          double       *first,
                          double       *last)
{
  g_return_if_fail (LT_IS_ITEM_BUTTON (self));

  *first = self->first;
  *last = self->last;
}

/**
 * lt_item_button_get_label:
 * @self: an item button
 *
 * Returns: (nullable): its accessible name, which the view's keyboard tooltip shows too
 */
const char *
lt_item_button_get_label (LtItemButton *self)
{
  g_return_val_if_fail (LT_IS_ITEM_BUTTON (self), NULL);

  return self->label;
}

/**
 * lt_item_button_set_pressed:
 * @self: an item button
 * @pressed: whether its item is the selected one
 */
void
lt_item_button_set_pressed (LtItemButton *self,
                            gboolean      pressed)
{
  g_return_if_fail (LT_IS_ITEM_BUTTON (self));

  pressed = !!pressed;
  if (self->pressed == pressed)
    return;

  self->pressed = pressed;
  gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                               GTK_ACCESSIBLE_STATE_PRESSED, pressed ? GTK_ACCESSIBLE_TRISTATE_TRUE
                                                                     : GTK_ACCESSIBLE_TRISTATE_FALSE,
                               -1);
}

gboolean
lt_item_button_get_pressed (LtItemButton *self)
{
  g_return_val_if_fail (LT_IS_ITEM_BUTTON (self), FALSE);

  return self->pressed == TRUE;
}
