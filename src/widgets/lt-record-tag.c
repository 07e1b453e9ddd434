/* lt-record-tag.c: the mark restricted records carry wherever they show
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-record-tag"

#include "config.h"

#include <glib/gi18n.h>

#include "lt-record-tag.h"

/**
 * lt_restricted_tag_new:
 *
 * A lock and the word "Restricted", in the warning colour: a record that public exports
 * leave out must not pass for a public one in a screenshot or over a shoulder.
 *
 * Returns: (transfer floating): the tag
 */
GtkWidget *
lt_restricted_tag_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (_("Restricted"));

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("changes-prevent-symbolic"));
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (box, "warning");
  gtk_widget_set_halign (box, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (box, _("Only people with this chronicle see it; public exports "
                                      "and reports leave it out"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Restricted"), -1);

  return box;
}
