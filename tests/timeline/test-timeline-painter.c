/* test-timeline-painter.c: the timeline drawn with no display, as the export draws it
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <pango/pangocairo.h>

#include "lt-timeline-painter.h"

static LtStore *
open_chronicle (void)
{
  const char *root = g_getenv ("LETAPIS_SOURCE_ROOT");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(LtStore) store = NULL;

  if (root == NULL)
    root = SOURCE_ROOT;
  dir = g_file_new_build_filename (root, "data", "chronicle", NULL);

  store = lt_store_open (":memory:", &error);
  g_assert_no_error (error);
  lt_store_set_language (store, "en");
  lt_store_import_chronicle (store, dir, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&store);
}

static LtStore *
open_mini (void)
{
  const char *root = g_getenv ("LETAPIS_SOURCE_ROOT");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(LtStore) store = NULL;

  if (root == NULL)
    root = SOURCE_ROOT;
  dir = g_file_new_build_filename (root, "tests", "fixtures", "mini", NULL);

  store = lt_store_open (":memory:", &error);
  g_assert_no_error (error);
  lt_store_set_language (store, "en");
  lt_store_import_chronicle (store, dir, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&store);
}

static cairo_surface_t *
paint_to_image (LtTimelinePainter *painter,
                int                width,
                int                height)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  PangoContext *pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  lt_timeline_painter_paint (painter, snapshot, pango, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  g_object_unref (pango);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static guint
count_colours (cairo_surface_t *surface)
{
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data = cairo_image_surface_get_data (surface);

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      g_hash_table_add (colours, GUINT_TO_POINTER (((const guint32 *) (gconstpointer) (data + y * stride))[x]));

  return g_hash_table_size (colours);
}

static void
test_paint_headless (void)
{
  g_autoptr(LtStore) store = open_chronicle ();
  g_autoptr(LtTimelineData) data = lt_timeline_data_new ();
  g_autoptr(LtTimelinePainter) painter = lt_timeline_painter_new (data);
  g_autoptr(GArray) visible = NULL;
  g_autofree char *path = NULL;
  cairo_surface_t *surface;
  guint colours;

  /* no display, whatever the environment says */
  g_assert_null (gdk_display_get_default ());

  lt_timeline_data_set_store (data, store);
  lt_timeline_painter_set_window (painter, lt_days_from_ymd (2020, 1, 1), lt_days_from_ymd (2025, 1, 1));
  surface = paint_to_image (painter, 1200, 640);

  colours = count_colours (surface);
  g_test_message ("%u colours", colours);
  g_assert_cmpuint (colours, >, 50);

  path = g_build_filename (g_get_tmp_dir (), "timeline-painter.png", NULL);
  if (g_getenv ("G_TEST_BUILDDIR"))
    {
      g_free (path);
      path = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "timeline-painter.png", NULL);
    }
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  /* what an export footnotes: the events drawn one by one, in date order */
  visible = lt_timeline_painter_list_visible_events (painter);
  g_assert_cmpuint (visible->len, >, 0);
  for (guint i = 1; i < visible->len; i++)
    {
      g_autoptr(LtEvent) a = lt_store_lookup_event (store, g_array_index (visible, gint64, i - 1));
      g_autoptr(LtEvent) b = lt_store_lookup_event (store, g_array_index (visible, gint64, i));

      g_assert_cmpint (lt_event_get_start_day (a), <=, lt_event_get_start_day (b));
    }
}

static void
test_paint_day_and_hit_test (void)
{
  g_autoptr(LtStore) store = open_chronicle ();
  g_autoptr(LtTimelineData) data = lt_timeline_data_new ();
  g_autoptr(LtTimelinePainter) painter = lt_timeline_painter_new (data);
  g_autoptr(GArray) visible = NULL;
  PangoContext *pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  gint64 day = lt_days_from_ymd (2021, 7, 14);
  guint found = 0;

  lt_timeline_data_set_store (data, store);
  lt_timeline_painter_set_window (painter, day, day + 1);
  lt_timeline_painter_layout (painter, pango, 1200, 640);

  /* the day of 14 July 2021: every event of it stands on its own, and a hit test at its mark
   * finds it */
  visible = lt_timeline_painter_list_visible_events (painter);
  g_assert_cmpuint (visible->len, >=, 5);
  for (guint i = 0; i < visible->len; i++)
    {
      gint64 id = g_array_index (visible, gint64, i);
      graphene_rect_t bounds;
      LtTimelineHit hit;

      if (!lt_timeline_painter_get_event_bounds (painter, id, &bounds))
        continue;
      g_assert_true (lt_timeline_painter_hit_test (painter, bounds.origin.x + MIN (bounds.size.width, 12) / 2,
                                                   bounds.origin.y + bounds.size.height / 2, &hit));
      g_assert_cmpint (hit.kind, ==, LT_TIMELINE_HIT_EVENT);
      found += hit.event_id == id;
    }
  g_assert_cmpuint (found, >=, 5);

  g_object_unref (pango);
}

static void
test_paint_restricted_left_out (void)
{
  g_autoptr(LtStore) store = open_chronicle ();
  g_autoptr(LtTimelineData) data = lt_timeline_data_new ();
  g_autoptr(LtTimelinePainter) painter = lt_timeline_painter_new (data);
  guint all, public_only;

  lt_timeline_data_set_store (data, store);
  all = lt_timeline_data_get_n_events (data);
  lt_timeline_data_set_include_restricted (data, FALSE);
  public_only = lt_timeline_data_get_n_events (data);
  g_assert_cmpuint (public_only, <=, all);
  g_assert_cmpuint (public_only, >, 0);
}

static void
test_paint_dark_and_filter (void)
{
  g_autoptr(LtStore) store = open_chronicle ();
  g_autoptr(LtTimelineData) data = lt_timeline_data_new ();
  g_autoptr(LtTimelinePainter) painter = lt_timeline_painter_new (data);
  g_autoptr(LtEventFilter) filter = lt_event_filter_new ();
  char *categories[] = { (char *) "detention", NULL };
  LtTimelinePalette palette;
  cairo_surface_t *surface;
  guint n_detentions = 0;
  g_autoptr(GArray) spans = NULL;

  lt_timeline_data_set_store (data, store);
  lt_timeline_palette_init (&palette, TRUE);
  lt_timeline_painter_set_palette (painter, &palette);
  filter->categories = g_strdupv (categories);
  filter->include_restricted = TRUE;
  lt_timeline_data_set_filter (data, filter);

  spans = lt_store_dup_event_spans (store, filter, NULL);
  n_detentions = spans->len;
  g_assert_cmpuint (lt_timeline_data_get_n_matched (data), ==, n_detentions);
  g_assert_cmpuint (n_detentions, <, lt_timeline_data_get_n_events (data));

  lt_timeline_painter_set_window (painter, lt_days_from_ymd (2020, 6, 1), lt_days_from_ymd (2022, 1, 1));
  surface = paint_to_image (painter, 900, 500);
  g_assert_cmpuint (count_colours (surface), >, 30);
  cairo_surface_destroy (surface);

  /* the same through the category mask, without a query; combined with other matches */
  lt_timeline_data_set_filter (data, NULL);
  lt_timeline_data_set_categories (data, (const char * const *) categories);
  g_assert_cmpuint (lt_timeline_data_get_n_matched (data), ==, n_detentions);
  {
    g_autoptr(GArray) one = g_array_new (FALSE, FALSE, sizeof (gint64));

    g_array_append_val (one, g_array_index (spans, LtEventSpan, 0).id);
    lt_timeline_data_set_matches (data, one);
    g_assert_cmpuint (lt_timeline_data_get_n_matched (data), ==, 1);
  }
  lt_timeline_data_set_categories (data, NULL);
  lt_timeline_data_set_matches (data, NULL);
  g_assert_cmpuint (lt_timeline_data_get_n_matched (data), ==, lt_timeline_data_get_n_events (data));
}

static void
test_paint_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LtStore) store = lt_store_open (":memory:", &error);
  g_autoptr(LtTimelineData) data = lt_timeline_data_new ();
  g_autoptr(LtTimelinePainter) painter = lt_timeline_painter_new (data);
  g_autoptr(GArray) visible = NULL;
  cairo_surface_t *surface;
  LtTimelineHit hit;
  double first, end;

  /* a new, empty chronicle draws its axis and says there is nothing to show */
  g_assert_no_error (error);
  lt_timeline_data_set_store (data, store);
  lt_timeline_data_set_figures (data, "political-prisoners");
  g_assert_false (lt_timeline_data_get_extent (data, &first, &end));
  lt_timeline_painter_zoom_to_fit (painter);
  surface = paint_to_image (painter, 800, 400);
  g_assert_cmpuint (count_colours (surface), >, 10);
  cairo_surface_destroy (surface);
  visible = lt_timeline_painter_list_visible_events (painter);
  g_assert_cmpuint (visible->len, ==, 0);
  g_assert_false (lt_timeline_painter_hit_test (painter, 400, 200, &hit) && hit.kind == LT_TIMELINE_HIT_EVENT);
}

static void
test_paint_mini_restricted (void)
{
  g_autoptr(LtStore) store = open_mini ();
  g_autoptr(LtTimelineData) data = lt_timeline_data_new ();
  g_autoptr(LtTimelinePainter) painter = lt_timeline_painter_new (data);
  gint64 restricted = lt_store_find_event (store, "mini-witness-beating");
  gint64 day = lt_days_from_ymd (2020, 8, 11);
  cairo_surface_t *surface;
  g_autofree char *path = NULL;

  g_assert_cmpint (restricted, !=, 0);

  /* an export leaves the restricted event out of what it draws and footnotes */
  lt_timeline_data_set_include_restricted (data, FALSE);
  lt_timeline_data_set_store (data, store);
  lt_timeline_painter_set_window (painter, day - 3, day + 4);
  surface = paint_to_image (painter, 900, 480);
  g_assert_cmpuint (count_colours (surface), >, 30);
  path = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : g_get_tmp_dir (),
                           "timeline-painter-mini.png", NULL);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  {
    g_autoptr(GArray) visible = lt_timeline_painter_list_visible_events (painter);
    g_autofree char *title = NULL;

    g_assert_cmpuint (visible->len, >=, 1);
    for (guint i = 0; i < visible->len; i++)
      g_assert_cmpint (g_array_index (visible, gint64, i), !=, restricted);
    g_assert_false (lt_timeline_painter_describe_event (painter, restricted, &title, NULL));
  }

  /* the window shows it */
  lt_timeline_data_set_include_restricted (data, TRUE);
  surface = paint_to_image (painter, 900, 480);
  cairo_surface_destroy (surface);
  {
    g_autoptr(GArray) visible = lt_timeline_painter_list_visible_events (painter);
    gboolean found = FALSE;

    for (guint i = 0; i < visible->len; i++)
      found = found || g_array_index (visible, gint64, i) == restricted;
    g_assert_true (found);
  }
}

static void
test_paint_follows_store (void)
{
  g_autoptr(LtStore) store = open_mini ();
  g_autoptr(LtTimelineData) data = lt_timeline_data_new ();
  g_autoptr(LtTimelinePainter) painter = lt_timeline_painter_new (data);
  g_autoptr(LtEvent) draft = lt_event_new ();
  g_autoptr(GError) error = NULL;
  LtDateRange range;
  cairo_surface_t *surface;
  guint before;
  gint64 id;

  lt_timeline_data_set_store (data, store);
  lt_timeline_painter_set_window (painter, lt_days_from_ymd (2022, 2, 20), lt_days_from_ymd (2022, 3, 1));
  surface = paint_to_image (painter, 800, 400);
  cairo_surface_destroy (surface);
  before = lt_timeline_data_get_n_events (data);

  /* an edit shows at the next frame, and its undo too */
  g_assert_true (lt_date_range_parse ("2022-02-24", &range, NULL));
  lt_event_set_title (draft, "Test event for the timeline");
  lt_event_set_category (draft, "war");
  lt_event_set_date_range (draft, &range);
  id = lt_store_add_event (store, draft, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  surface = paint_to_image (painter, 800, 400);
  cairo_surface_destroy (surface);
  g_assert_cmpuint (lt_timeline_data_get_n_events (data), ==, before + 1);
  {
    g_autoptr(GArray) visible = lt_timeline_painter_list_visible_events (painter);
    gboolean found = FALSE;

    for (guint i = 0; i < visible->len; i++)
      found = found || g_array_index (visible, gint64, i) == id;
    g_assert_true (found);
  }

  g_assert_true (lt_store_undo (store, &error));
  g_assert_no_error (error);
  surface = paint_to_image (painter, 800, 400);
  cairo_surface_destroy (surface);
  g_assert_cmpuint (lt_timeline_data_get_n_events (data), ==, before);
}

static gboolean
is_visible (LtTimelinePainter *painter,
            gint64             id)
{
  g_autoptr(GArray) visible = lt_timeline_painter_list_visible_events (painter);

  for (guint i = 0; i < visible->len; i++)
    if (g_array_index (visible, gint64, i) == id)
      return TRUE;

  return FALSE;
}

/* Saving one event puts its span in place (no reload of all): it must land where a reload
 * would put it, and go where a reload would drop it */
static void
test_paint_edit_in_place (void)
{
  g_autoptr(LtStore) store = open_mini ();
  g_autoptr(LtTimelineData) data = lt_timeline_data_new ();
  g_autoptr(LtTimelinePainter) painter = lt_timeline_painter_new (data);
  g_autoptr(LtEvent) draft = lt_event_new ();
  g_autoptr(LtEvent) edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;
  graphene_rect_t before_bounds, after_bounds;
  LtDateRange range;
  cairo_surface_t *surface;
  guint before;
  gint64 id;

  lt_timeline_data_set_store (data, store);
  lt_timeline_data_set_include_restricted (data, FALSE);
  lt_timeline_painter_set_window (painter, lt_days_from_ymd (2022, 2, 20), lt_days_from_ymd (2022, 3, 1));
  surface = paint_to_image (painter, 800, 400);
  cairo_surface_destroy (surface);
  before = lt_timeline_data_get_n_events (data);

  g_assert_true (lt_date_range_parse ("2022-02-24", &range, NULL));
  lt_event_set_title (draft, "Test event for the timeline");
  lt_event_set_category (draft, "war");
  lt_event_set_date_range (draft, &range);
  id = lt_store_add_event (store, draft, &error);
  g_assert_no_error (error);
  surface = paint_to_image (painter, 800, 400);
  cairo_surface_destroy (surface);
  g_assert_true (is_visible (painter, id));
  g_assert_true (lt_timeline_painter_get_event_bounds (painter, id, &before_bounds));

  /* three days later: drawn further right */
  edited = lt_store_lookup_event (store, id);
  g_assert_true (lt_date_range_parse ("2022-02-27", &range, NULL));
  lt_event_set_date_range (edited, &range);
  g_assert_true (lt_store_update_event (store, edited, &error));
  surface = paint_to_image (painter, 800, 400);
  cairo_surface_destroy (surface);
  g_assert_true (lt_timeline_painter_get_event_bounds (painter, id, &after_bounds));
  g_assert_cmpfloat (after_bounds.origin.x, >, before_bounds.origin.x + 100);
  g_assert_cmpuint (lt_timeline_data_get_n_events (data), ==, before + 1);

  /* a new title only: the same place, the new label */
  lt_event_set_title (edited, "Renamed test event");
  g_assert_true (lt_store_update_event (store, edited, &error));
  surface = paint_to_image (painter, 800, 400);
  cairo_surface_destroy (surface);
  g_assert_true (lt_timeline_painter_describe_event (painter, id, &title, &date));
  g_assert_cmpstr (title, ==, "Renamed test event");

  /* restricted: a public timeline drops it */
  lt_record_set_restricted (LT_RECORD (edited), TRUE);
  g_assert_true (lt_store_update_event (store, edited, &error));
  surface = paint_to_image (painter, 800, 400);
  cairo_surface_destroy (surface);
  g_assert_false (is_visible (painter, id));
  g_assert_cmpuint (lt_timeline_data_get_n_events (data), ==, before);

  /* public again, then deleted */
  lt_record_set_restricted (LT_RECORD (edited), FALSE);
  g_assert_true (lt_store_update_event (store, edited, &error));
  surface = paint_to_image (painter, 800, 400);
  cairo_surface_destroy (surface);
  g_assert_true (is_visible (painter, id));
  g_assert_true (lt_store_delete_event (store, id, &error));
  surface = paint_to_image (painter, 800, 400);
  cairo_surface_destroy (surface);
  g_assert_false (is_visible (painter, id));
  g_assert_cmpuint (lt_timeline_data_get_n_events (data), ==, before);
}

static void
count_cb (guint *n)
{
  (*n)++;
}

/* A file store's events are read by a thread; the first frames are drawn from the counts */
static void
test_paint_load_async (void)
{
  const char *root = g_getenv ("LETAPIS_SOURCE_ROOT");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("letapis-timeline-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(LtStore) store = NULL;
  g_autoptr(LtStore) memory = open_chronicle ();
  g_autoptr(LtTimelineData) sync_data = lt_timeline_data_new ();
  g_autoptr(LtTimelinePainter) sync = lt_timeline_painter_new (sync_data);
  g_autoptr(LtTimelineData) data = lt_timeline_data_new ();
  g_autoptr(LtTimelinePainter) painter = lt_timeline_painter_new (data);
  g_autoptr(LtTimelineData) clicked_data = lt_timeline_data_new ();
  g_autoptr(LtTimelinePainter) clicked = lt_timeline_painter_new (clicked_data);
  g_autoptr(LtTimelineData) memory_data = lt_timeline_data_new ();
  g_autoptr(LtTimelinePainter) in_memory = lt_timeline_painter_new (memory_data);
  g_autoptr(GArray) expected = NULL;
  g_autoptr(GArray) visible = NULL;
  PangoContext *pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  gint64 day = lt_days_from_ymd (2021, 7, 14);
  gint64 deadline;
  graphene_rect_t bounds;
  graphene_rect_t lanes_loading;
  graphene_rect_t lanes_loaded;
  LtTimelineHit hit;
  guint n_loaded = 0;

  g_assert_no_error (error);
  if (root == NULL)
    root = SOURCE_ROOT;
  dir = g_file_new_build_filename (root, "data", "chronicle", NULL);
  path = g_build_filename (tmp, "chronicle.db", NULL);
  store = lt_store_open (path, &error);
  g_assert_no_error (error);
  lt_store_set_language (store, "en");
  lt_store_import_chronicle (store, dir, &error);
  g_assert_no_error (error);

  /* what the events look like read at once */
  lt_timeline_data_set_figures (sync_data, "political-prisoners");
  lt_timeline_data_set_store (sync_data, store);
  lt_timeline_painter_set_window (sync, day, day + 1);
  lt_timeline_painter_layout (sync, pango, 1200, 640);
  expected = lt_timeline_painter_list_visible_events (sync);
  g_assert_cmpuint (expected->len, >=, 5);

  /* an in-memory store has no file for a thread to open: read at once */
  lt_timeline_data_set_load_async (memory_data, TRUE);
  lt_timeline_data_set_store (memory_data, memory);
  lt_timeline_painter_layout (in_memory, pango, 1200, 640);
  g_assert_false (lt_timeline_data_is_loading (memory_data));

  /* the first frame comes from the counts: all the events counted, none to click yet */
  lt_timeline_data_set_load_async (data, TRUE);
  g_signal_connect_swapped (data, "loaded", G_CALLBACK (count_cb), &n_loaded);
  lt_timeline_data_set_figures (data, "political-prisoners");
  lt_timeline_data_set_store (data, store);
  lt_timeline_painter_set_window (painter, day, day + 1);
  lt_timeline_painter_layout (painter, pango, 1200, 640);
  g_assert_true (lt_timeline_data_is_loading (data));
  lt_timeline_painter_get_lanes_area (painter, &lanes_loading);
  g_assert_cmpuint (lt_timeline_data_get_n_events (data), ==,
                    lt_timeline_data_get_n_events (sync_data));
  visible = lt_timeline_painter_list_visible_events (painter);
  g_assert_cmpuint (visible->len, ==, 0);
  g_clear_pointer (&visible, g_array_unref);

  /* then the thread's events replace them, and the frame is the one read at once */
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (lt_timeline_data_is_loading (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (lt_timeline_data_is_loading (data));
  g_assert_cmpuint (n_loaded, ==, 1);
  lt_timeline_painter_layout (painter, pango, 1200, 640);
  /* the figures band, read with the events, took the room kept for it: the lanes stay put */
  lt_timeline_painter_get_lanes_area (painter, &lanes_loaded);
  g_assert_cmpfloat (lanes_loading.size.height, ==, lanes_loaded.size.height);
  g_assert_cmpfloat (lanes_loading.origin.y, ==, lanes_loaded.origin.y);
  visible = lt_timeline_painter_list_visible_events (painter);
  g_assert_cmpuint (visible->len, ==, expected->len);
  g_assert_cmpmem (visible->data, visible->len * sizeof (gint64),
                   expected->data, expected->len * sizeof (gint64));

  /* a click while loading waits for the events and finds the one under the pointer */
  g_assert_true (lt_timeline_painter_get_event_bounds (sync, g_array_index (expected, gint64, 0),
                                                       &bounds));
  lt_timeline_data_set_load_async (clicked_data, TRUE);
  lt_timeline_data_set_figures (clicked_data, "political-prisoners");
  lt_timeline_data_set_store (clicked_data, store);
  lt_timeline_painter_set_window (clicked, day, day + 1);
  lt_timeline_painter_layout (clicked, pango, 1200, 640);
  g_assert_true (lt_timeline_data_is_loading (clicked_data));
  g_assert_true (lt_timeline_painter_hit_test (clicked,
                                               bounds.origin.x + MIN (bounds.size.width, 12) / 2,
                                               bounds.origin.y + bounds.size.height / 2, &hit));
  g_assert_false (lt_timeline_data_is_loading (clicked_data));
  g_assert_cmpint (hit.kind, ==, LT_TIMELINE_HIT_EVENT);
  g_assert_cmpint (hit.event_id, ==, g_array_index (expected, gint64, 0));

  g_clear_object (&clicked);
  g_clear_object (&painter);
  g_clear_object (&sync);
  g_clear_object (&store);
  /* the end of the jobs may still be queued */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_unlink (path);
  g_rmdir (tmp);
  g_object_unref (pango);
}

/* The text drawn in the axis's first row (the day's label, the note on times of day), as
 * rectangles in the painter's coordinates */
static void
collect_top_texts (GskRenderNode         *node,
                   const graphene_point_t *offset,
                   GArray                *rects)
{
  graphene_rect_t bounds;

  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        collect_top_texts (gsk_container_node_get_child (node, i), offset, rects);
      break;
    case GSK_TRANSFORM_NODE:
      {
        float dx = 0, dy = 0;
        graphene_point_t moved;

        /* the painter only translates */
        gsk_transform_to_translate (gsk_transform_node_get_transform (node), &dx, &dy);
        moved = GRAPHENE_POINT_INIT (offset->x + dx, offset->y + dy);
        collect_top_texts (gsk_transform_node_get_child (node), &moved, rects);
      }
      break;
    case GSK_CLIP_NODE:
      collect_top_texts (gsk_clip_node_get_child (node), offset, rects);
      break;
    case GSK_ROUNDED_CLIP_NODE:
      collect_top_texts (gsk_rounded_clip_node_get_child (node), offset, rects);
      break;
    case GSK_OPACITY_NODE:
      collect_top_texts (gsk_opacity_node_get_child (node), offset, rects);
      break;
    case GSK_DEBUG_NODE:
      collect_top_texts (gsk_debug_node_get_child (node), offset, rects);
      break;
    case GSK_TEXT_NODE:
      gsk_render_node_get_bounds (node, &bounds);
      graphene_rect_offset (&bounds, offset->x, offset->y);
      if (bounds.origin.y < 12)
        g_array_append_val (rects, bounds);
      break;
    case GSK_NOT_A_RENDER_NODE:
    case GSK_CAIRO_NODE:
    case GSK_COLOR_NODE:
    case GSK_LINEAR_GRADIENT_NODE:
    case GSK_REPEATING_LINEAR_GRADIENT_NODE:
    case GSK_RADIAL_GRADIENT_NODE:
    case GSK_REPEATING_RADIAL_GRADIENT_NODE:
    case GSK_CONIC_GRADIENT_NODE:
    case GSK_BORDER_NODE:
    case GSK_TEXTURE_NODE:
    case GSK_INSET_SHADOW_NODE:
    case GSK_OUTSET_SHADOW_NODE:
    case GSK_COLOR_MATRIX_NODE:
    case GSK_REPEAT_NODE:
    case GSK_SHADOW_NODE:
    case GSK_BLEND_NODE:
    case GSK_CROSS_FADE_NODE:
    case GSK_BLUR_NODE:
    case GSK_GL_SHADER_NODE:
    default:
      break;
    }
}

/* Zoomed into one day, the axis says that times of day are not recorded. In Belarusian the
 * sentence is long: in a narrow view it ran over the day's own label */
static void
test_paint_day_note_fits (void)
{
  g_autoptr(LtStore) store = open_chronicle ();
  PangoContext *pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  gint64 day = lt_days_from_ymd (2021, 7, 14);
  static const int widths[] = { 560, 700, 900, 1200 };
  /* a large interface font, as with Large Text on: the texts grow, the view does not */
  PangoFontDescription *large = pango_font_description_from_string ("Sans 15");

  pango_context_set_font_description (pango, large);
  pango_font_description_free (large);

  if (setlocale (LC_ALL, "be_BY.UTF-8") == NULL)
    {
      g_test_skip ("be_BY.UTF-8 is not generated");
      g_object_unref (pango);
      return;
    }
  lt_timeline_reset_locale_cache ();
  g_assert_cmpstr (_("Times of day are not recorded: a day’s events are spread over it"), !=,
                   "Times of day are not recorded: a day’s events are spread over it");

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      g_autoptr(LtTimelineData) data = lt_timeline_data_new ();
      g_autoptr(LtTimelinePainter) painter = lt_timeline_painter_new (data);
      g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
      g_autoptr(GskRenderNode) node = NULL;
      GtkSnapshot *snapshot = gtk_snapshot_new ();

      lt_timeline_data_set_store (data, store);
      lt_timeline_painter_set_window (painter, day, day + 1);
      lt_timeline_painter_paint (painter, snapshot, pango, widths[w], 500);
      node = gtk_snapshot_free_to_node (snapshot);
      collect_top_texts (node, graphene_point_zero (), rects);

      /* the day’s label at least; then no two texts of the row overlap, and none leaves it */
      g_assert_cmpuint (rects->len, >=, 1);
      for (guint i = 0; i < rects->len; i++)
        {
          const graphene_rect_t *a = &g_array_index (rects, graphene_rect_t, i);

          g_assert_cmpfloat (a->origin.x + a->size.width, <=, widths[w]);
          for (guint j = i + 1; j < rects->len; j++)
            {
              const graphene_rect_t *b = &g_array_index (rects, graphene_rect_t, j);

              if (a->origin.x < b->origin.x + b->size.width && b->origin.x < a->origin.x + a->size.width)
                g_error ("at %d px, texts of the axis overlap: %.0f–%.0f and %.0f–%.0f", widths[w],
                         a->origin.x, a->origin.x + a->size.width,
                         b->origin.x, b->origin.x + b->size.width);
            }
        }
      /* the note is there, shortened where the row is too narrow for all of it */
      g_assert_cmpuint (rects->len, ==, 2);

      if (w == 0 && g_getenv ("G_TEST_BUILDDIR") != NULL)
        {
          g_autofree char *path = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "timeline-day-note-be.png", NULL);
          cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, widths[w], 120);
          cairo_t *cr = cairo_create (surface);

          gsk_render_node_draw (node, cr);
          cairo_destroy (cr);
          g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
          cairo_surface_destroy (surface);
        }
    }

  setlocale (LC_ALL, "en_US.UTF-8");
  lt_timeline_reset_locale_cache ();
  g_object_unref (pango);
}

int
main (int   argc,
      char *argv[])
{
  g_unsetenv ("LANGUAGE");
  g_unsetenv ("DISPLAY");
  g_unsetenv ("WAYLAND_DISPLAY");
  setlocale (LC_ALL, "en_US.UTF-8");
  g_test_init (&argc, &argv, NULL);
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("LETAPIS_LOCALEDIR") != NULL ? g_getenv ("LETAPIS_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/Letapis/Timeline/painter/headless", test_paint_headless);
  g_test_add_func ("/Letapis/Timeline/painter/day-and-hit-test", test_paint_day_and_hit_test);
  g_test_add_func ("/Letapis/Timeline/painter/day-note-fits", test_paint_day_note_fits);
  g_test_add_func ("/Letapis/Timeline/painter/restricted", test_paint_restricted_left_out);
  g_test_add_func ("/Letapis/Timeline/painter/dark-and-filter", test_paint_dark_and_filter);
  g_test_add_func ("/Letapis/Timeline/painter/empty", test_paint_empty);
  g_test_add_func ("/Letapis/Timeline/painter/mini-restricted", test_paint_mini_restricted);
  g_test_add_func ("/Letapis/Timeline/painter/follows-store", test_paint_follows_store);
  g_test_add_func ("/Letapis/Timeline/painter/edit-in-place", test_paint_edit_in_place);
  g_test_add_func ("/Letapis/Timeline/painter/load-async", test_paint_load_async);

  return g_test_run ();
}
