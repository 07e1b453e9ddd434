/* test-editors.c: writing the chronicle through the window, under Xvfb
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "lt-application.h"
#include "lt-actor-editor.h"
#include "lt-event-editor.h"
#include "lt-graph-model.h"
#include "lt-graph-page.h"
#include "lt-graph-view.h"
#include "lt-item-button.h"
#include "lt-relation-editor.h"
#include "lt-source-editor.h"
#include "lt-timeline-page.h"
#include "lt-timeline-view.h"
#include "lt-window.h"
#include "widget-test-util.h"

/* Whether a lookup found the record, which the test itself does not need */
static gboolean
found (gpointer record)
{
  gboolean ret = record != NULL;

  g_clear_object (&record);
  return ret;
}

static LtApplication *app;

/* a row as the user sees it: by its title, visible */
static GtkWidget *
find_row (GtkWidget  *widget,
          GType       type,
          const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_visible (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *hit = find_row (child, type, title);

      if (hit != NULL)
        return hit;
    }

  return NULL;
}

/* the n-th visible row of a type whose subtitle is @subtitle */
static GtkWidget *
find_row_by_subtitle (GtkWidget  *widget,
                      const char *subtitle)
{
  if (ADW_IS_ACTION_ROW (widget) && gtk_widget_get_visible (widget) &&
      g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), subtitle) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *hit = find_row_by_subtitle (child, subtitle);

      if (hit != NULL)
        return hit;
    }

  return NULL;
}

static GtkWidget *
find_button_by_tooltip (GtkWidget  *widget,
                        const char *tooltip)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *hit = find_button_by_tooltip (child, tooltip);

      if (hit != NULL)
        return hit;
    }

  return NULL;
}

typedef struct
{
  LtWindow       *window;
  LtTimelinePage *page;
  LtTimelineView *view;
  LtStore        *store;
} Fixture;

static gboolean
open_window (Fixture    *f,
             const char *locale,
             const char *lang)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) dir = g_file_new_build_filename (g_getenv ("LETAPIS_SOURCE_ROOT"), "data",
                                                    "chronicle", NULL);

  if (setlocale (LC_ALL, locale) == NULL)
    {
      g_test_skip_printf ("locale %s is not generated", locale);
      return FALSE;
    }

  f->store = lt_store_open (":memory:", &error);
  g_assert_no_error (error);
  lt_store_import_chronicle (f->store, dir, &error);
  g_assert_no_error (error);

  f->window = lt_window_new (app);
  lt_window_set_store (f->window, f->store);
  /* the window picks the records' language from the environment; the test switched locale */
  lt_store_set_language (f->store, lang);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "timeline");
  gtk_window_present (GTK_WINDOW (f->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));

  f->page = LT_TIMELINE_PAGE (find_type (GTK_WIDGET (f->window), LT_TYPE_TIMELINE_PAGE));
  f->view = LT_TIMELINE_VIEW (lt_timeline_page_get_view (f->page));

  return TRUE;
}

static void
close_window (Fixture *f)
{
  GtkWindow *editor;

  while ((editor = find_toplevel (LT_TYPE_EVENT_EDITOR)) != NULL ||
         (editor = find_toplevel (LT_TYPE_ACTOR_EDITOR)) != NULL ||
         (editor = find_toplevel (LT_TYPE_RELATION_EDITOR)) != NULL ||
         (editor = find_toplevel (LT_TYPE_SOURCE_EDITOR)) != NULL)
    gtk_window_destroy (editor);
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->store);
  setlocale (LC_ALL, "en_US.UTF-8");
}

/* Types text into a field the way GTK does for key presses: one insertion per character */
static void
type_text (GtkWidget  *editable,
           const char *text)
{
  int position;

  gtk_widget_grab_focus (editable);
  gtk_editable_delete_text (GTK_EDITABLE (editable), 0, -1);
  position = 0;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    gtk_editable_insert_text (GTK_EDITABLE (editable), p, (int) (g_utf8_next_char (p) - p),
                              &position);
}

/* a click on a button: "clicked" at once (gtk_widget_activate() sends it 250 ms later) */
static void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static GtkWidget *
open_new_event_editor (Fixture *f)
{
  GtkWidget *button = find_action_button (GTK_WIDGET (f->window), "win.new-event");
  GtkWindow *editor;

  g_assert_nonnull (button);
  click (button);
  WAIT_UNTIL ((editor = find_toplevel (LT_TYPE_EVENT_EDITOR)) != NULL, 3000);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (editor));

  return GTK_WIDGET (editor);
}

static GtkWidget *
save_button (GtkWidget *editor)
{
  GtkWidget *button = find_action_button (editor, "editor.save");

  g_assert_nonnull (button);
  return button;
}

static gboolean
search_finds (LtStore    *store,
              const char *query,
              gint64      id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) hits = lt_store_search (store, query, 100, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < hits->len; i++)
    {
      const LtSearchHit *hit = &g_array_index (hits, LtSearchHit, i);

      if (hit->kind == LT_RECORD_EVENT && hit->id == id)
        return TRUE;
    }

  return FALSE;
}

static gboolean
shown_on_timeline (Fixture *f,
                   gint64   id)
{
  g_autoptr(GArray) visible = lt_timeline_painter_list_visible_events (lt_timeline_view_get_painter (f->view));

  for (guint i = 0; i < visible->len; i++)
    if (g_array_index (visible, gint64, i) == id)
      return TRUE;

  return FALSE;
}

static gint64
create_event (Fixture *f)
{
  GtkWidget *editor = open_new_event_editor (f);
  GtkWidget *row;
  gint64 id;

  /* a new event starts out unsavable: it has no title yet */
  g_assert_false (gtk_widget_get_sensitive (save_button (editor)));
  g_assert_nonnull (find_row (editor, ADW_TYPE_ACTION_ROW,
                              _("An event needs a title in at least one language")));

  type_text (find_row (editor, ADW_TYPE_ENTRY_ROW, _("Title")), "Searches of the Viasna offices in Brest");
  type_text (find_row (editor, ADW_TYPE_ENTRY_ROW, _("Date")), "2021-07-14");
  /* the date is read as it is typed */
  g_assert_nonnull (find_row (editor, ADW_TYPE_ACTION_ROW, "14 July 2021"));
  type_text (find_row (editor, ADW_TYPE_ENTRY_ROW, _("Place")), "Brest");

  /* an actor found by a Belarusian alias, and a new one made from the same field */
  type_text (find_row (editor, ADW_TYPE_ENTRY_ROW, _("Add Actor")), "Кубракоў");
  row = find_row (editor, ADW_TYPE_ACTION_ROW, "Ivan Kubrakoŭ");
  g_assert_nonnull (row);
  gtk_widget_activate (row);
  type_text (find_row (editor, ADW_TYPE_ENTRY_ROW, _("Add Actor")), "Brest Viasna volunteers");
  row = find_row_by_subtitle (editor, _("Create a new organization"));
  g_assert_nonnull (row);
  gtk_widget_activate (row);

  /* a citation without a source cannot be saved; picking one from the search can */
  click (find_action_button (editor, "editor.add-citation"));
  g_assert_nonnull (find_row (editor, ADW_TYPE_ACTION_ROW, _("Pick a source from the list or create one")));
  g_assert_false (gtk_widget_get_sensitive (save_button (editor)));
  type_text (find_row (editor, ADW_TYPE_ENTRY_ROW, _("Source")), "hajun");
  row = find_row (editor, ADW_TYPE_ACTION_ROW,
                  "Ukraine’s Foreign Ministry: Lukashenko creating prisoner exchange pool in Belarusian Hajun case");
  g_assert_nonnull (row);
  gtk_widget_activate (row);
  type_text (find_row (editor, ADW_TYPE_ENTRY_ROW, _("Where in the Source, e.g. ¶4 or p. 12")), "¶4");

  g_assert_true (gtk_widget_get_sensitive (save_button (editor)));
  /* nothing is written until Save */
  g_assert_cmpint (lt_store_find_actor (f->store, "Brest Viasna volunteers"), ==, 0);

  click (save_button (editor));
  WAIT_UNTIL (find_toplevel (LT_TYPE_EVENT_EDITOR) == NULL, 3000);

  /* the window shows the new event: selected on the timeline, its story in the pane */
  id = lt_timeline_view_get_selected_event (f->view);
  g_assert_cmpint (id, !=, 0);
  WAIT_UNTIL (find_label (GTK_WIDGET (f->window), "Searches of the Viasna offices in Brest") != NULL, 3000);

  return id;
}

static void
test_create (void)
{
  Fixture f = { 0 };
  g_autoptr(LtEvent) event = NULL;
  g_autoptr(GPtrArray) participants = NULL;
  GPtrArray *citations;
  gint64 day = lt_days_from_ymd (2021, 7, 14);
  gint64 id;

  if (!open_window (&f, "en_US.UTF-8", "en"))
    return;

  id = create_event (&f);

  event = lt_store_lookup_event (f.store, id);
  g_assert_cmpstr (lt_event_get_title (event), ==, "Searches of the Viasna offices in Brest");
  g_assert_cmpstr (lt_event_get_place (event), ==, "Brest");
  g_assert_cmpint (lt_event_get_start_day (event), ==, day);
  participants = lt_event_list_participants (event);
  g_assert_cmpuint (participants->len, ==, 2);
  g_assert_cmpint (((LtParticipant *) g_ptr_array_index (participants, 0))->actor_id, ==,
                   lt_store_find_actor (f.store, "kubrakou"));
  g_assert_cmpint (((LtParticipant *) g_ptr_array_index (participants, 1))->actor_id, ==,
                   lt_store_find_actor (f.store, "Brest Viasna volunteers"));
  citations = lt_event_get_citations (event);
  g_assert_cmpuint (citations->len, ==, 1);
  g_assert_cmpstr (((LtCitation *) g_ptr_array_index (citations, 0))->locator, ==, "¶4");

  /* on the timeline at its date, and found by the search */
  lt_timeline_view_set_window (f.view, day, day + 1, FALSE);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f.view));
  WAIT_UNTIL (shown_on_timeline (&f, id), 3000);
  g_assert_true (search_finds (f.store, "Viasna Brest", id));

  close_window (&f);
}

static void
test_invalid_date (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(LtEvent) event = NULL;
  LtDateRange range;
  GtkWidget *editor;
  AdwMessageDialog *dialog;
  gint64 id;

  if (!open_window (&f, "en_US.UTF-8", "en"))
    return;

  id = create_event (&f);

  /* F2 edits the selected event */
  gtk_widget_activate_action (GTK_WIDGET (f.window), "win.edit-selected", NULL);
  WAIT_UNTIL ((editor = GTK_WIDGET (find_toplevel (LT_TYPE_EVENT_EDITOR))) != NULL, 3000);
  g_assert_cmpint (lt_event_editor_get_id (LT_EVENT_EDITOR (editor)), ==, id);
  g_assert_true (gtk_widget_get_sensitive (save_button (editor)));

  /* a month that does not exist: Save refused, the field says the parser's reason */
  type_text (find_row (editor, ADW_TYPE_ENTRY_ROW, _("Date")), "2021-13-01");
  g_assert_false (lt_date_range_parse ("2021-13-01", &range, &error));
  g_assert_nonnull (find_row (editor, ADW_TYPE_ACTION_ROW, error->message));
  g_assert_false (gtk_widget_get_sensitive (save_button (editor)));
  g_clear_error (&error);
  gtk_widget_queue_draw (editor);
  gtk_test_widget_wait_for_draw (editor);
  save_png (editor, "event-editor-invalid-en.png");

  /* an end before the start */
  type_text (find_row (editor, ADW_TYPE_ENTRY_ROW, _("Date")), "2021-07-14/2021-07-01");
  g_assert_false (lt_date_range_parse ("2021-07-14/2021-07-01", &range, &error));
  g_assert_nonnull (find_row (editor, ADW_TYPE_ACTION_ROW, error->message));
  g_assert_false (gtk_widget_get_sensitive (save_button (editor)));

  /* Ctrl+S with the date still wrong writes nothing either */
  gtk_widget_activate_action (editor, "editor.save", NULL);
  g_assert_nonnull (find_toplevel (LT_TYPE_EVENT_EDITOR));

  /* Cancel asks first, and discarding leaves the event as it was */
  click (find_action_button (editor, "editor.cancel"));
  WAIT_UNTIL ((dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG))) != NULL, 3000);
  g_assert_nonnull (find_toplevel (LT_TYPE_EVENT_EDITOR));
  adw_message_dialog_response (dialog, "discard");
  WAIT_UNTIL (find_toplevel (LT_TYPE_EVENT_EDITOR) == NULL, 3000);

  event = lt_store_lookup_event (f.store, id);
  g_assert_cmpint (lt_event_get_start_day (event), ==, lt_days_from_ymd (2021, 7, 14));

  close_window (&f);
}

static const char *
menu_label (Fixture *f,
            guint    index)
{
  static char *label;
  GMenuModel *section = G_MENU_MODEL (gtk_widget_get_template_child (GTK_WIDGET (f->window), LT_TYPE_WINDOW,
                                                                     "edit_section"));

  g_clear_pointer (&label, g_free);
  g_assert_true (g_menu_model_get_item_attribute (section, index, "label", "s", &label));

  return label;
}

static void
test_edit_delete_undo (void)
{
  Fixture f = { 0 };
  g_autoptr(LtEvent) event = NULL;
  GtkWidget *editor;
  gint64 day = lt_days_from_ymd (2021, 7, 14);
  gint64 id;

  if (!open_window (&f, "en_US.UTF-8", "en"))
    return;

  id = create_event (&f);

  /* the Edit button of the details pane; a new title, saved, names the change in the menu */
  click (find_action_button (GTK_WIDGET (f.window), "win.edit-event"));
  WAIT_UNTIL ((editor = GTK_WIDGET (find_toplevel (LT_TYPE_EVENT_EDITOR))) != NULL, 3000);
  type_text (find_row (editor, ADW_TYPE_ENTRY_ROW, _("Title")), "Searches in Brest");
  click (save_button (editor));
  WAIT_UNTIL (find_toplevel (LT_TYPE_EVENT_EDITOR) == NULL, 3000);
  event = lt_store_lookup_event (f.store, id);
  g_assert_cmpstr (lt_event_get_title (event), ==, "Searches in Brest");
  WAIT_UNTIL (g_strcmp0 (menu_label (&f, 0), "_Undo Edit “Searches in Brest”") == 0, 3000);

  /* Delete: gone from the store and the timeline, a toast offers Undo */
  lt_timeline_view_set_window (f.view, day, day + 1, FALSE);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f.view));
  WAIT_UNTIL (shown_on_timeline (&f, id), 3000);
  click (find_action_button (GTK_WIDGET (f.window), "win.delete-event"));
  g_clear_object (&event);
  g_assert_null (lt_store_lookup_event (f.store, id));
  WAIT_UNTIL (find_label (GTK_WIDGET (f.window), _("Event deleted")) != NULL, 3000);
  gtk_widget_queue_draw (GTK_WIDGET (f.view));
  WAIT_UNTIL (!shown_on_timeline (&f, id), 3000);
  g_assert_cmpstr (menu_label (&f, 0), ==, "_Undo Delete “Searches in Brest”");

  /* the toast's Undo brings it back where it was */
  click (find_action_button (GTK_WIDGET (f.window), "win.undo"));
  event = lt_store_lookup_event (f.store, id);
  g_assert_nonnull (event);
  g_assert_cmpstr (lt_event_get_title (event), ==, "Searches in Brest");
  gtk_widget_queue_draw (GTK_WIDGET (f.view));
  WAIT_UNTIL (shown_on_timeline (&f, id), 3000);
  g_assert_cmpstr (menu_label (&f, 1), ==, "_Redo Delete “Searches in Brest”");

  /* Ctrl+Z twice more: the edit, then the new event itself, are taken back */
  gtk_widget_activate_action (GTK_WIDGET (f.window), "win.undo", NULL);
  g_clear_object (&event);
  event = lt_store_lookup_event (f.store, id);
  g_assert_cmpstr (lt_event_get_title (event), ==, "Searches of the Viasna offices in Brest");
  gtk_widget_activate_action (GTK_WIDGET (f.window), "win.undo", NULL);
  g_clear_object (&event);
  g_assert_null (lt_store_lookup_event (f.store, id));

  close_window (&f);
}

/* Return on a selected event opens it for editing; the first Return selects it */
static void
test_return_opens_editor (void)
{
  Fixture f = { 0 };
  gint64 day = lt_days_from_ymd (2021, 7, 14);
  GtkWidget *marker = NULL;
  gint64 id;

  if (!open_window (&f, "en_US.UTF-8", "en"))
    return;

  id = create_event (&f);
  lt_timeline_view_set_selected_event (f.view, 0);
  lt_timeline_view_set_window (f.view, day, day + 1, FALSE);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f.view));
  WAIT_UNTIL (shown_on_timeline (&f, id), 3000);
  for (gint64 end = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
       marker == NULL && g_get_monotonic_time () < end;
       g_main_context_iteration (NULL, FALSE))
    for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (f.view)); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      if (LT_IS_ITEM_BUTTON (child) && gtk_widget_get_visible (child) &&
          lt_item_button_get_id (LT_ITEM_BUTTON (child)) == id)
        marker = child;
  g_assert_nonnull (marker);
  g_assert_true (gtk_widget_grab_focus (marker));

  gtk_widget_activate_action (GTK_WIDGET (f.view), "timeline.open-focused", NULL);
  g_assert_cmpint (lt_timeline_view_get_selected_event (f.view), ==, id);
  g_assert_null (find_toplevel (LT_TYPE_EVENT_EDITOR));

  gtk_widget_activate_action (GTK_WIDGET (f.view), "timeline.open-focused", NULL);
  WAIT_UNTIL (find_toplevel (LT_TYPE_EVENT_EDITOR) != NULL, 3000);

  close_window (&f);
}

static void
test_restricted_marked (void)
{
  Fixture f = { 0 };
  GtkWidget *editor;
  GtkWidget *row;
  gint64 id;

  if (!open_window (&f, "en_US.UTF-8", "en"))
    return;

  id = create_event (&f);
  g_assert_null (find_label (GTK_WIDGET (f.window), _("Restricted")));

  gtk_widget_activate_action (GTK_WIDGET (f.window), "win.edit-event", NULL);
  WAIT_UNTIL ((editor = GTK_WIDGET (find_toplevel (LT_TYPE_EVENT_EDITOR))) != NULL, 3000);
  row = find_row (editor, ADW_TYPE_ACTION_ROW, _("_Restricted"));
  g_assert_nonnull (row);
  gtk_widget_activate (row);
  WAIT_UNTIL (gtk_switch_get_active (GTK_SWITCH (find_type (row, GTK_TYPE_SWITCH))), 3000);
  /* the editor's title says so too */
  g_assert_nonnull (find_label (editor, _("Restricted")));
  click (save_button (editor));
  WAIT_UNTIL (find_toplevel (LT_TYPE_EVENT_EDITOR) == NULL, 3000);

  {
    g_autoptr(LtEvent) event = lt_store_lookup_event (f.store, id);

    g_assert_true (lt_record_is_restricted (LT_RECORD (event)));
  }
  /* the details pane marks it, and so does the timeline */
  WAIT_UNTIL (find_label (GTK_WIDGET (f.window), _("Restricted")) != NULL, 3000);
  {
    gint64 day = lt_days_from_ymd (2021, 7, 14);
    g_autofree char *title = NULL;
    g_autofree char *date = NULL;

    lt_timeline_view_set_window (f.view, day - 0.5, day + 1.5, FALSE);
    gtk_test_widget_wait_for_draw (GTK_WIDGET (f.view));
    WAIT_UNTIL (shown_on_timeline (&f, id), 3000);
    g_assert_true (lt_timeline_painter_describe_event (lt_timeline_view_get_painter (f.view), id, &title, &date));
    g_assert_true (g_str_has_prefix (title, "🔒 "));
    gtk_test_widget_wait_for_draw (GTK_WIDGET (f.window));
    save_png (GTK_WIDGET (f.window), "timeline-restricted-en.png");
  }

  close_window (&f);
}

static void
test_source_editor (void)
{
  Fixture f = { 0 };
  g_autoptr(LtSource) source = NULL;
  GtkWidget *editor;
  GtkWidget *source_editor;
  GtkWidget *row;
  gint64 id;

  if (!open_window (&f, "en_US.UTF-8", "en"))
    return;

  editor = open_new_event_editor (&f);
  click (find_action_button (editor, "editor.add-citation"));
  /* only a chosen source can be edited */
  g_assert_null (find_button_by_tooltip (editor, _("Edit Source")));
  type_text (find_row (editor, ADW_TYPE_ENTRY_ROW, _("Source")), "hajun");
  row = find_row (editor, ADW_TYPE_ACTION_ROW,
                  "Ukraine’s Foreign Ministry: Lukashenko creating prisoner exchange pool in Belarusian Hajun case");
  gtk_widget_activate (row);
  click (find_button_by_tooltip (editor, _("Edit Source")));
  WAIT_UNTIL ((source_editor = GTK_WIDGET (find_toplevel (LT_TYPE_SOURCE_EDITOR))) != NULL, 3000);

  /* a wrong date is refused with the parser's reason, as in the event editor */
  type_text (find_row (source_editor, ADW_TYPE_ENTRY_ROW, _("Date Published")), "2025-10-32");
  g_assert_false (gtk_widget_get_sensitive (find_action_button (source_editor, "editor.save")));
  gtk_test_widget_wait_for_draw (source_editor);
  save_png (source_editor, "source-editor-en.png");
  type_text (find_row (source_editor, ADW_TYPE_ENTRY_ROW, _("Date Published")), "2025-10-14");
  type_text (find_row (source_editor, ADW_TYPE_ENTRY_ROW, _("Title")), "Hajun case: the Foreign Ministry of Ukraine");
  click (find_action_button (source_editor, "editor.save"));
  WAIT_UNTIL (find_toplevel (LT_TYPE_SOURCE_EDITOR) == NULL, 3000);

  id = lt_store_find_source (f.store, "src-censor-2025-hajun");
  source = lt_store_lookup_source (f.store, id);
  g_assert_cmpstr (lt_source_get_title (source), ==, "Hajun case: the Foreign Ministry of Ukraine");
  g_assert_cmpstr (lt_source_get_date (source), ==, "2025-10-14");
  /* the citation names it anew */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (editor, ADW_TYPE_ENTRY_ROW, _("Source")))), ==,
                   "Hajun case: the Foreign Ministry of Ukraine");
  /* in the menu, a long title is cut short */
  WAIT_UNTIL (g_str_has_prefix (menu_label (&f, 0), "_Undo Edit “Hajun case: the Foreign"), 3000);
  g_assert_true (g_str_has_suffix (menu_label (&f, 0), "…"));

  close_window (&f);
}

static GtkWidget *
show_actor (Fixture    *f,
            const char *slug)
{
  GtkWidget *page;
  gint64 id = lt_store_find_actor (f->store, slug);

  g_assert_cmpint (id, !=, 0);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-actor-in-graph", "x", id);
  page = find_type (GTK_WIDGET (f->window), LT_TYPE_GRAPH_PAGE);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  WAIT_UNTIL (lt_graph_view_get_selected_actor (lt_graph_page_get_view (LT_GRAPH_PAGE (page))) == id, 3000);

  return page;
}

/* How many citations of @source_id the chronicle's events hold */
static guint
count_citations (LtStore *store,
                 gint64   source_id)
{
  g_autoptr(LtEventFilter) filter = lt_event_filter_new ();
  g_autoptr(GListModel) events = NULL;
  guint n = 0;

  filter->include_restricted = TRUE;
  events = lt_store_list_events (store, filter);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(LtEvent) event = g_list_model_get_item (events, i);
      GPtrArray *citations = lt_event_get_citations (event);

      for (guint k = 0; k < citations->len; k++)
        n += ((LtCitation *) g_ptr_array_index (citations, k))->source_id == source_id;
    }

  return n;
}

/* A source is deleted from its editor, after a question, with every citation of it; the open
 * event editor drops its citation, and undo brings the source and its citations back */
static void
test_source_delete (void)
{
  Fixture f = { 0 };
  GtkWidget *editor;
  GtkWidget *source_editor;
  GtkWidget *row;
  AdwMessageDialog *question;
  gint64 id;
  guint cited;

  if (!open_window (&f, "en_US.UTF-8", "en"))
    return;

  id = lt_store_find_source (f.store, "src-censor-2025-hajun");
  cited = count_citations (f.store, id);
  g_assert_cmpuint (cited, >, 0);

  editor = open_new_event_editor (&f);
  click (find_action_button (editor, "editor.add-citation"));
  type_text (find_row (editor, ADW_TYPE_ENTRY_ROW, _("Source")), "hajun");
  row = find_row (editor, ADW_TYPE_ACTION_ROW,
                  "Ukraine’s Foreign Ministry: Lukashenko creating prisoner exchange pool in Belarusian Hajun case");
  gtk_widget_activate (row);
  click (find_button_by_tooltip (editor, _("Edit Source")));
  WAIT_UNTIL ((source_editor = GTK_WIDGET (find_toplevel (LT_TYPE_SOURCE_EDITOR))) != NULL, 3000);

  /* a question first: Cancel keeps everything */
  click (find_action_button (source_editor, "editor.delete"));
  WAIT_UNTIL ((question = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG))) != NULL, 3000);
  /* a response given by the program leaves closing the dialog to it */
  adw_message_dialog_response (question, "cancel");
  gtk_window_destroy (GTK_WINDOW (question));
  g_assert_true (found (lt_store_lookup_source (f.store, id)));

  click (find_action_button (source_editor, "editor.delete"));
  WAIT_UNTIL ((question = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG))) != NULL, 3000);
  adw_message_dialog_response (question, "delete");
  gtk_window_destroy (GTK_WINDOW (question));
  WAIT_UNTIL (find_toplevel (LT_TYPE_SOURCE_EDITOR) == NULL, 3000);
  g_assert_null (lt_store_lookup_source (f.store, id));
  g_assert_cmpuint (count_citations (f.store, id), ==, 0);
  /* the event being written no longer cites it */
  g_assert_null (find_button_by_tooltip (editor, _("Edit Source")));
  gtk_window_destroy (GTK_WINDOW (editor));

  WAIT_UNTIL (g_strcmp0 (menu_label (&f, 0),
                         "_Undo Delete “Ukraine’s Foreign Ministry: Lukashenko creating…”") == 0 ||
              g_str_has_prefix (menu_label (&f, 0), "_Undo Delete “Ukraine’s Foreign"), 3000);
  gtk_widget_activate_action (GTK_WIDGET (f.window), "win.undo", NULL);
  g_assert_true (found (lt_store_lookup_source (f.store, id)));
  g_assert_cmpuint (count_citations (f.store, id), ==, cited);

  close_window (&f);
}

static void
test_actor_editor (void)
{
  Fixture f = { 0 };
  g_autoptr(LtActor) actor = NULL;
  GtkWidget *editor;
  GtkWidget *page;
  gint64 id;

  if (!open_window (&f, "en_US.UTF-8", "en"))
    return;

  /* New Actor on the graph page: no name, no Save */
  gtk_widget_activate_action (GTK_WIDGET (f.window), "win.show-page", "s", "graph");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f.window));
  /* Ctrl+N on the graph page makes an actor, not an event */
  gtk_widget_activate_action (GTK_WIDGET (f.window), "win.new-record", NULL);
  WAIT_UNTIL ((editor = GTK_WIDGET (find_toplevel (LT_TYPE_ACTOR_EDITOR))) != NULL, 3000);
  g_assert_null (find_toplevel (LT_TYPE_EVENT_EDITOR));
  click (find_action_button (editor, "editor.cancel"));
  WAIT_UNTIL (find_toplevel (LT_TYPE_ACTOR_EDITOR) == NULL, 3000);

  click (find_action_button (GTK_WIDGET (f.window), "win.new-actor"));
  WAIT_UNTIL ((editor = GTK_WIDGET (find_toplevel (LT_TYPE_ACTOR_EDITOR))) != NULL, 3000);
  g_assert_false (gtk_widget_get_sensitive (save_button (editor)));
  g_assert_nonnull (find_row (editor, ADW_TYPE_ACTION_ROW, _("An actor needs a name in at least one language")));

  type_text (find_row (editor, ADW_TYPE_ENTRY_ROW, _("Name")), "Brest Solidarity Fund");
  type_text (find_row (editor, ADW_TYPE_ENTRY_ROW, _("Add Other Name")), "Фонд салідарнасці Брэста");
  g_signal_emit_by_name (find_row (editor, ADW_TYPE_ENTRY_ROW, _("Add Other Name")), "entry-activated");
  g_assert_nonnull (find_row (editor, ADW_TYPE_ACTION_ROW, "Фонд салідарнасці Брэста"));
  gtk_test_widget_wait_for_draw (editor);
  save_png (editor, "actor-editor-en.png");
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (editor, ADW_TYPE_COMBO_ROW, _("Kind"))),
                              (guint) lt_actor_kind_get_index ("organization"));
  click (save_button (editor));
  WAIT_UNTIL (find_toplevel (LT_TYPE_ACTOR_EDITOR) == NULL, 3000);

  /* found by its other name in any script, shown selected in the graph */
  id = lt_store_find_actor (f.store, "Фонд салідарнасці Брэста");
  g_assert_cmpint (id, !=, 0);
  actor = lt_store_lookup_actor (f.store, id);
  g_assert_cmpstr (lt_actor_get_name (actor), ==, "Brest Solidarity Fund");
  g_assert_cmpstr (lt_actor_get_kind (actor), ==, "organization");

  /* Edit in the details pane: a Belarusian name, kept beside the English one */
  id = lt_store_find_actor (f.store, "kubrakou");
  page = show_actor (&f, "kubrakou");

  /* F2 edits the selected actor */
  gtk_widget_activate_action (GTK_WIDGET (f.window), "win.edit-selected", NULL);
  WAIT_UNTIL ((editor = GTK_WIDGET (find_toplevel (LT_TYPE_ACTOR_EDITOR))) != NULL, 3000);
  g_assert_cmpint (lt_actor_editor_get_id (LT_ACTOR_EDITOR (editor)), ==, id);
  click (find_action_button (editor, "editor.cancel"));
  WAIT_UNTIL (find_toplevel (LT_TYPE_ACTOR_EDITOR) == NULL, 3000);

  click (find_action_button (page, "win.edit-actor"));
  WAIT_UNTIL ((editor = GTK_WIDGET (find_toplevel (LT_TYPE_ACTOR_EDITOR))) != NULL, 3000);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_label (editor, "Беларуская") != NULL
                                                   ? gtk_widget_get_parent (find_label (editor, "Беларуская"))
                                                   : NULL), TRUE);
  type_text (find_row (editor, ADW_TYPE_ENTRY_ROW, _("Name")), "Брэсцкі фонд салідарнасці");
  click (save_button (editor));
  WAIT_UNTIL (find_toplevel (LT_TYPE_ACTOR_EDITOR) == NULL, 3000);
  g_clear_object (&actor);
  actor = lt_store_lookup_actor (f.store, id);
  g_assert_cmpstr (lt_record_get_translation (LT_RECORD (actor), "en", "name"), ==,
                   "Ivan Kubrakoŭ");
  g_assert_cmpstr (lt_record_get_translation (LT_RECORD (actor), "be", "name"), ==,
                   "Брэсцкі фонд салідарнасці");
  WAIT_UNTIL (g_strcmp0 (menu_label (&f, 0), "_Undo Edit “Ivan Kubrakoŭ”") == 0, 3000);

  close_window (&f);
}

static void
test_relation_editor (void)
{
  Fixture f = { 0 };
  GtkWidget *editor;
  GtkWidget *page;
  GtkWidget *row;
  gint64 from, to;

  if (!open_window (&f, "en_US.UTF-8", "en"))
    return;

  from = lt_store_find_actor (f.store, "kubrakou");
  to = lt_store_find_actor (f.store, "lukashenko");
  page = show_actor (&f, "kubrakou");
  g_assert_cmpint (lt_graph_find_edge (lt_graph_view_get_graph (lt_graph_page_get_view (LT_GRAPH_PAGE (page))),
                                       from, to, "works-for"), <, 0);

  click (find_action_button (page, "win.add-relation"));
  WAIT_UNTIL ((editor = GTK_WIDGET (find_toplevel (LT_TYPE_RELATION_EDITOR))) != NULL, 3000);
  /* no other actor yet: nothing to save */
  g_assert_false (gtk_widget_get_sensitive (save_button (editor)));
  g_assert_nonnull (find_row (editor, ADW_TYPE_ACTION_ROW, _("Pick the other actor from the list")));

  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (editor, ADW_TYPE_COMBO_ROW, _("Type"))),
                              (guint) lt_relation_type_get_index ("works-for"));
  type_text (find_row (editor, ADW_TYPE_ENTRY_ROW, _("Other Actor")), "Лукашэнка");
  row = find_row (editor, ADW_TYPE_ACTION_ROW, "Alexander Lukashenko");
  g_assert_nonnull (row);
  gtk_test_widget_wait_for_draw (editor);
  save_png (editor, "relation-editor-en.png");
  gtk_widget_activate (row);
  type_text (find_row (editor, ADW_TYPE_ENTRY_ROW, _("Since (optional)")), "2019-13");
  g_assert_false (gtk_widget_get_sensitive (save_button (editor)));
  type_text (find_row (editor, ADW_TYPE_ENTRY_ROW, _("Since (optional)")), "2019-11");
  g_assert_true (gtk_widget_get_sensitive (save_button (editor)));
  click (save_button (editor));
  WAIT_UNTIL (find_toplevel (LT_TYPE_RELATION_EDITOR) == NULL, 3000);

  /* the graph has the edge as soon as the page has rebuilt */
  WAIT_UNTIL (lt_graph_find_edge (lt_graph_view_get_graph (lt_graph_page_get_view (LT_GRAPH_PAGE (page))),
                                  from, to, "works-for") >= 0, 5000);

  close_window (&f);
}

/* The button that acts on one record: its action and the record's id */
static GtkWidget *
find_record_button (GtkWidget  *widget,
                    const char *action,
                    gint64      id)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    {
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));

      if (target != NULL && g_variant_is_of_type (target, G_VARIANT_TYPE_INT64) &&
          g_variant_get_int64 (target) == id)
        return widget;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *hit = find_record_button (child, action, id);

      if (hit != NULL)
        return hit;
    }

  return NULL;
}

/* An actor and a relation are deleted from the graph's details pane, and the toast's Undo
 * brings each back */
static void
test_delete_actor_and_relation (void)
{
  Fixture f = { 0 };
  g_autoptr(LtRelation) relation = lt_relation_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *page;
  LtGraphView *view;
  gint64 from, to, relation_id;

  if (!open_window (&f, "en_US.UTF-8", "en"))
    return;

  from = lt_store_find_actor (f.store, "kubrakou");
  to = lt_store_find_actor (f.store, "lukashenko");
  lt_relation_set_from_id (relation, from);
  lt_relation_set_to_id (relation, to);
  lt_relation_set_relation_type (relation, "works-for");
  relation_id = lt_store_add_relation (f.store, relation, &error);
  g_assert_no_error (error);

  page = show_actor (&f, "kubrakou");
  view = lt_graph_page_get_view (LT_GRAPH_PAGE (page));
  WAIT_UNTIL (lt_graph_find_edge (lt_graph_view_get_graph (view), from, to, "works-for") >= 0, 5000);

  /* the relation's own button: gone from the store and the graph, the actors stay */
  WAIT_UNTIL (find_record_button (page, "win.delete-relation", relation_id) != NULL, 3000);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f.window));
  save_png (GTK_WIDGET (f.window), "graph-pane-delete-en.png");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (find_record_button (page, "win.delete-relation",
                                                                    relation_id)),
                   ==, _("Delete the Relation"));
  click (find_record_button (page, "win.delete-relation", relation_id));
  g_assert_null (lt_store_lookup_relation (f.store, relation_id));
  WAIT_UNTIL (find_label (GTK_WIDGET (f.window), _("Relation deleted")) != NULL, 3000);
  WAIT_UNTIL (lt_graph_find_edge (lt_graph_view_get_graph (view), from, to, "works-for") < 0, 5000);
  gtk_widget_activate_action (GTK_WIDGET (f.window), "win.undo", NULL);
  g_assert_true (found (lt_store_lookup_relation (f.store, relation_id)));
  WAIT_UNTIL (lt_graph_find_edge (lt_graph_view_get_graph (view), from, to, "works-for") >= 0, 5000);

  /* the actor, with its relations: Delete on the graph page, then Undo */
  show_actor (&f, "kubrakou");
  gtk_widget_activate_action (GTK_WIDGET (f.window), "win.delete-selected", NULL);
  g_assert_null (lt_store_lookup_actor (f.store, from));
  g_assert_null (lt_store_lookup_relation (f.store, relation_id));
  WAIT_UNTIL (find_label (GTK_WIDGET (f.window), _("Actor deleted")) != NULL, 3000);
  WAIT_UNTIL (lt_graph_find_node (lt_graph_view_get_graph (view), from) < 0, 5000);
  g_assert_cmpstr (menu_label (&f, 0), ==, "_Undo Delete “Ivan Kubrakoŭ”");
  gtk_widget_activate_action (GTK_WIDGET (f.window), "win.undo", NULL);
  g_assert_true (found (lt_store_lookup_actor (f.store, from)));
  g_assert_true (found (lt_store_lookup_relation (f.store, relation_id)));
  WAIT_UNTIL (lt_graph_find_node (lt_graph_view_get_graph (view), from) >= 0, 5000);

  /* and the pane's delete button does the same */
  show_actor (&f, "kubrakou");
  WAIT_UNTIL (find_record_button (page, "win.delete-actor", from) != NULL, 3000);
  click (find_record_button (page, "win.delete-actor", from));
  g_assert_null (lt_store_lookup_actor (f.store, from));

  close_window (&f);
}

/* The graph page rebuilds only when it shows, but then it must have every change */
static void
test_hidden_graph_catches_up (void)
{
  Fixture f = { 0 };
  g_autoptr(LtRelation) relation = lt_relation_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *page;
  gint64 from, to;

  if (!open_window (&f, "en_US.UTF-8", "en"))
    return;

  page = find_type (GTK_WIDGET (f.window), LT_TYPE_GRAPH_PAGE);
  from = lt_store_find_actor (f.store, "kubrakou");
  to = lt_store_find_actor (f.store, "lukashenko");
  g_assert_false (gtk_widget_get_mapped (page));

  lt_relation_set_from_id (relation, from);
  lt_relation_set_to_id (relation, to);
  lt_relation_set_relation_type (relation, "works-for");
  g_assert_cmpint (lt_store_add_relation (f.store, relation, &error), >, 0);
  g_assert_no_error (error);

  gtk_widget_activate_action (GTK_WIDGET (f.window), "win.show-page", "s", "graph");
  WAIT_UNTIL (lt_graph_find_edge (lt_graph_view_get_graph (lt_graph_page_get_view (LT_GRAPH_PAGE (page))),
                                  from, to, "works-for") >= 0, 5000);

  close_window (&f);
}

static void
screenshot (const char *locale,
            const char *lang,
            const char *name)
{
  Fixture f = { 0 };
  GtkWidget *editor;
  g_autoptr(GListModel) events = NULL;
  g_autoptr(LtEvent) event = NULL;
  gint64 id;

  if (!open_window (&f, locale, lang))
    return;

  /* an event with actors, figures and sources, as the chronicle has them */
  id = lt_store_find_event (f.store, "viasna-searches-2021-07-14");
  if (id == 0)
    {
      LtEventFilter filter = { 0 };

      events = lt_store_list_events (f.store, &filter);
      for (guint i = 0; i < g_list_model_get_n_items (events) && id == 0; i++)
        {
          g_autoptr(LtEvent) e = g_list_model_get_item (events, i);
          g_autoptr(GPtrArray) p = lt_event_list_participants (e);

          if (p->len >= 2 && lt_event_get_figures (e)->len > 0 && lt_event_get_citations (e)->len > 0)
            id = lt_record_get_id (LT_RECORD (e));
        }
    }
  g_assert_cmpint (id, !=, 0);
  event = lt_store_lookup_event (f.store, id);

  editor = GTK_WIDGET (lt_event_editor_new (GTK_WINDOW (f.window), f.store, event, NULL));
  gtk_window_set_default_size (GTK_WINDOW (editor), 600, 1100);
  gtk_window_present (GTK_WINDOW (editor));
  gtk_test_widget_wait_for_draw (editor);
  gtk_test_widget_wait_for_draw (editor);
  save_png (editor, name);

  /* a language with no text shows what its readers see instead, greyed */
  {
    GtkWidget *be = find_label (editor, "Беларуская");

    g_assert_nonnull (be);
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (gtk_widget_get_parent (be)), TRUE);
    gtk_test_widget_wait_for_draw (editor);
    g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (gtk_widget_get_parent (find_label (editor, "English")))));
    /* emptied, the Belarusian title shows the fallback as its placeholder */
    type_text (find_row (editor, ADW_TYPE_ENTRY_ROW, _("Title")), "");
    g_assert_cmpstr (gtk_text_get_placeholder_text (GTK_TEXT (gtk_editable_get_delegate (
                       GTK_EDITABLE (find_row (editor, ADW_TYPE_ENTRY_ROW, _("Title")))))), ==,
                     lt_record_get_translation (LT_RECORD (event), lang, "title"));
    gtk_test_widget_wait_for_draw (editor);
  }
  {
    g_autofree char *tab = g_strdup_printf ("%.*s-be-tab.png", (int) strlen (name) - 4, name);

    save_png (editor, tab);
  }

  /* the lower half: actors, figures, sources and the visibility switch */
  {
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (
      GTK_SCROLLED_WINDOW (find_type (find_type (editor, ADW_TYPE_PREFERENCES_PAGE), GTK_TYPE_SCROLLED_WINDOW)));
    g_autofree char *lower = g_strdup_printf ("%.*s-lower.png", (int) strlen (name) - 4, name);

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    gtk_test_widget_wait_for_draw (editor);
    gtk_test_widget_wait_for_draw (editor);
    save_png (editor, lower);
  }

  close_window (&f);
}

static void
test_screenshot_en (void)
{
  screenshot ("en_US.UTF-8", "en", "event-editor-en.png");
}

static void
test_screenshot_uk (void)
{
  screenshot ("uk_UA.UTF-8", "uk", "event-editor-uk.png");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_unsetenv ("LANGUAGE");
  gtk_test_init (&argc, &argv, NULL);
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("LETAPIS_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = lt_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);

  g_test_add_func ("/Letapis/Editor/event/create", test_create);
  g_test_add_func ("/Letapis/Editor/event/invalid-date", test_invalid_date);
  g_test_add_func ("/Letapis/Editor/event/edit-delete-undo", test_edit_delete_undo);
  g_test_add_func ("/Letapis/Editor/event/restricted-marked", test_restricted_marked);
  g_test_add_func ("/Letapis/Editor/event/return-opens-editor", test_return_opens_editor);
  g_test_add_func ("/Letapis/Editor/actor/new-and-edit", test_actor_editor);
  g_test_add_func ("/Letapis/Editor/relation/add", test_relation_editor);
  g_test_add_func ("/Letapis/Editor/relation/hidden-graph-catches-up", test_hidden_graph_catches_up);
  g_test_add_func ("/Letapis/Editor/delete-actor-and-relation", test_delete_actor_and_relation);
  g_test_add_func ("/Letapis/Editor/source/edit-from-citation", test_source_editor);
  g_test_add_func ("/Letapis/Editor/source/delete", test_source_delete);
  g_test_add_func ("/Letapis/Editor/event/screenshot-en", test_screenshot_en);
  g_test_add_func ("/Letapis/Editor/event/screenshot-uk", test_screenshot_uk);

  ret = g_test_run ();
  g_clear_object (&app);

  return ret;
}
