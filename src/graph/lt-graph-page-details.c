/* lt-graph-page-details.c: the pane of the selected actor: who it is, its figures, its
 * relations with their sources and its events, with buttons to act on them
 *
 * Copyright 2026 The Letapis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-graph-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lt-graph-page-private.h"

#include "lt-record-tag.h"

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

GtkWidget *
_lt_graph_page_add_label (GtkBox     *box,
                          const char *text,
                          const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), css_class == NULL);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (box, label);
  return label;
}

static void
event_clicked_cb (GtkButton *button,
                  gpointer   user_data)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "event-id");

  gtk_widget_activate_action (GTK_WIDGET (button), "win.show-event", "x", id);
}

static void
timeline_clicked_cb (GtkButton   *button,
                     LtGraphPage *self)
{
  gint64 id = lt_graph_view_get_selected_actor (self->view);

  if (id != 0)
    gtk_widget_activate_action (GTK_WIDGET (button), "win.show-actor-on-timeline", "x", id);
}

static char *
format_citations (GPtrArray *citations)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; citations != NULL && i < citations->len; i++)
    {
      const LtCitation *c = g_ptr_array_index (citations, i);
      g_autofree char *source_date = lt_date_range_format_text (c->source_date);

      if (text->len > 0)
        g_string_append (text, "\n");
      g_string_append (text, "— ");
      if (c->publisher != NULL && *c->publisher)
        g_string_append_printf (text, "%s, ", c->publisher);
      g_string_append (text, c->source_title != NULL ? c->source_title : "");
      if (source_date != NULL)
        g_string_append_printf (text, ", %s", source_date);
      if (c->locator != NULL && *c->locator)
        g_string_append_printf (text, ", %s", c->locator);
    }
  return g_string_free (text, FALSE);
}

/* Edit and Add Relation act on the actor through the window */
static GtkWidget *
actor_buttons (gint64 actor_id)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *button;

  button = gtk_button_new_with_mnemonic (_("_Edit…"));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", actor_id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.edit-actor");
  gtk_widget_set_tooltip_text (button, _("Edit the Actor"));
  gtk_box_append (GTK_BOX (box), button);

  button = gtk_button_new_with_mnemonic (_("Add _Relation…"));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", actor_id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.add-relation");
  gtk_widget_set_tooltip_text (button, _("Relate the Actor to Another"));
  gtk_box_append (GTK_BOX (box), button);

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", actor_id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.delete-actor");
  gtk_widget_set_tooltip_text (button, _("Delete the Actor"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Delete the Actor"), -1);
  gtk_box_append (GTK_BOX (box), button);

  return box;
}

/* A relation's sentence, with a button that deletes it */
static GtkWidget *
relation_row (const char *sentence,
              gint64      relation_id)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (sentence);
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", relation_id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.delete-relation");
  gtk_widget_set_tooltip_text (button, _("Delete the Relation"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Delete the Relation"), -1);
  gtk_box_append (GTK_BOX (box), button);

  return box;
}

void
_lt_graph_page_update_details (LtGraphPage *self)
{
  gint64 id = lt_graph_view_get_selected_actor (self->view);
  g_autoptr(LtActor) actor = NULL;
  g_autoptr(GListModel) relations = NULL;
  g_autoptr(GListModel) events = NULL;
  const char * const *aliases;
  GtkWidget *button;
  int node;

  clear_box (self->details_box);

  if (id == 0)
    {
      _lt_graph_page_add_label (self->details_box,
                                _("Select an actor to see its connections and events."),
                                "dim-label");
      return;
    }

  node = self->shown != NULL ? lt_graph_find_node (self->shown, id) : -1;
  actor = self->store != NULL ? lt_store_lookup_actor (self->store, id) : NULL;

  if (actor == NULL)
    {
      if (node >= 0)
        {
          const LtGraphNode *n = lt_graph_get_node (self->shown, node);

          _lt_graph_page_add_label (self->details_box, n->name, "title-2");
          _lt_graph_page_add_label (self->details_box, lt_graph_node_kind_get_label (n->kind),
                                    "dim-label");
        }
      return;
    }

  if (lt_record_is_restricted (LT_RECORD (actor)))
    gtk_box_append (self->details_box, lt_restricted_tag_new ());
  _lt_graph_page_add_label (self->details_box, lt_actor_get_name (actor), "title-2");
  _lt_graph_page_add_label (self->details_box,
                            lt_graph_node_kind_get_label (lt_actor_get_kind (actor)), "dim-label");

  aliases = lt_actor_get_aliases (actor);
  if (aliases != NULL && aliases[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) aliases);
      g_autofree char *text = g_strdup_printf (_("Also known as: %s"), joined);

      _lt_graph_page_add_label (self->details_box, text, NULL);
    }
  if (lt_actor_get_description (actor) != NULL)
    _lt_graph_page_add_label (self->details_box, lt_actor_get_description (actor), NULL);

  if (node >= 0)
    {
      const LtGraphNode *n = lt_graph_get_node (self->shown, node);
      g_autofree char *text = NULL;

      /* a big graph's betweenness is estimated from a sample of paths: say so */
      if (lt_graph_get_betweenness_estimated (self->shown))
        {
          /* a number in the tens of thousands, grouped as every other figure is */
          g_autofree char *about = lt_format_number (n->betweenness);

          /* Translators: the last %s is an estimated number, grouped: "86 530" */
          text = g_strdup_printf (_("Events: %u, connections: %u, betweenness: about %s"),
                                  n->weight, n->degree, about);
        }
      else
        text = g_strdup_printf (_("Events: %u, connections: %u, betweenness: %.1f"),
                                n->weight, n->degree, n->betweenness);

      _lt_graph_page_add_label (self->details_box, text, "dim-label");
    }

  button = gtk_button_new_with_mnemonic (_("Show on _Timeline"));
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  g_signal_connect (button, "clicked", G_CALLBACK (timeline_clicked_cb), self);
  gtk_box_append (self->details_box, button);
  gtk_box_append (self->details_box, actor_buttons (id));

  relations = lt_store_list_relations (self->store, id);
  if (g_list_model_get_n_items (relations) > 0)
    _lt_graph_page_add_label (self->details_box, _("Relations"), "heading");
  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(LtRelation) relation = g_list_model_get_item (relations, i);
      g_autofree char *line = NULL;
      g_autofree char *cites = format_citations (lt_relation_get_citations (relation));
      gboolean from_side = lt_relation_get_from_id (relation) == id;
      const char *other = from_side ? lt_relation_get_to_name (relation)
                                    : lt_relation_get_from_name (relation);

      if (lt_record_is_restricted (LT_RECORD (relation)))
        continue;
      /* one sentence per type and direction, naming the other actor: the pane is about this one */
      line = lt_relation_type_describe (lt_relation_get_relation_type (relation), from_side,
                                        other != NULL ? other : "");
      gtk_box_append (self->details_box, relation_row (line,
                                                       lt_record_get_id (LT_RECORD (relation))));
      if (lt_relation_get_note (relation) != NULL && *lt_relation_get_note (relation))
        _lt_graph_page_add_label (self->details_box, lt_relation_get_note (relation), "caption");
      if (*cites)
        _lt_graph_page_add_label (self->details_box, cites, "caption");
    }

  events = lt_store_list_events_of_actor (self->store, id);
  if (g_list_model_get_n_items (events) > 0)
    _lt_graph_page_add_label (self->details_box, _("Events"), "heading");
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(LtEvent) event = g_list_model_get_item (events, i);
      g_autofree char *date = lt_date_range_format (lt_event_get_date_range (event));
      g_autofree char *text = g_strdup_printf ("%s — %s", date, lt_event_get_title (event));
      GtkWidget *label = gtk_label_new (text);
      gint64 *event_id = g_new (gint64, 1);

      if (lt_record_is_restricted (LT_RECORD (event)))
        {
          g_free (event_id);
          g_object_ref_sink (label);
          g_object_unref (label);
          continue;
        }
      *event_id = lt_record_get_id (LT_RECORD (event));
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      button = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (button), label);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Show on the timeline"));
      g_object_set_data_full (G_OBJECT (button), "event-id", event_id, g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (event_clicked_cb), NULL);
      gtk_box_append (self->details_box, button);
    }
}

