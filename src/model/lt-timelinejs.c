/* lt-timelinejs.c: a chronicle as TimelineJS 3 JSON
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-timelinejs"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lt-model-private.h"
#include "lt-timelinejs.h"

/* The shape TimelineJS 3 loads from a URL (timeline.knightlab.com, "JSON
 * format"): { "events": [ { "start_date": { "year": 2020, "month": 8,
 * "day": 9 }, "end_date": {...}, "text": { "headline", "text" }, "group",
 * "media": { "url", "credit" }, "unique_id" } ] }. Texts are HTML there,
 * so ours are escaped; a date's unknown month or day is left out, which
 * TimelineJS shows as a year or a month. The cited sources become the
 * media credit, the first source with a URL the media link. */

static void
add_date (JsonBuilder  *builder,
          const char   *member,
          const LtDate *date)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "year");
  json_builder_add_int_value (builder, date->year);
  if (date->precision >= LT_PRECISION_MONTH)
    {
      json_builder_set_member_name (builder, "month");
      json_builder_add_int_value (builder, date->month);
    }
  if (date->precision >= LT_PRECISION_DAY)
    {
      json_builder_set_member_name (builder, "day");
      json_builder_add_int_value (builder, date->day);
    }
  json_builder_end_object (builder);
}

static void
add_html (JsonBuilder *builder,
          const char  *member,
          const char  *text)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);

  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, escaped);
}

static LtSource *
lookup_source (LtStore    *store,
               GHashTable *cache,
               gint64      id)
{
  LtSource *source = g_hash_table_lookup (cache, &id);

  if (source == NULL && (source = lt_store_lookup_source (store, id)) != NULL)
    g_hash_table_insert (cache, g_memdup2 (&id, sizeof id), source);
  return source;
}

static void
add_media (JsonBuilder   *builder,
           LtStore       *store,
           GHashTable    *sources,
           LtEvent       *event,
           LtExportFlags  flags)
{
  GPtrArray *citations = lt_event_get_citations (event);
  g_autoptr(GString) credit = g_string_new (NULL);
  const char *url = NULL;

  for (guint i = 0; citations != NULL && i < citations->len; i++)
    {
      const LtCitation *c = g_ptr_array_index (citations, i);
      LtSource *source = lookup_source (store, sources, c->source_id);

      if (source == NULL || (lt_record_is_restricted (LT_RECORD (source)) &&
                             (flags & LT_EXPORT_PUBLIC_ONLY)))
        continue;
      if (credit->len > 0)
        g_string_append (credit, "; ");
      g_string_append (credit, lt_source_get_title (source));
      if (url == NULL && lt_source_get_url (source) != NULL)
        url = lt_source_get_url (source);
    }

  if (credit->len == 0)
    return;

  json_builder_set_member_name (builder, "media");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "url");
  json_builder_add_string_value (builder, url != NULL ? url : "");
  add_html (builder, "credit", credit->str);
  json_builder_end_object (builder);
}

/**
 * lt_timelinejs_write:
 * @store: a store
 * @file: where to write (replaced atomically)
 * @flags: %LT_EXPORT_PUBLIC_ONLY leaves out restricted events and sources
 * @error: return location for an error
 *
 * Writes the chronicle's events for TimelineJS 3, in the store's language.
 *
 * Returns: %TRUE on success
 */
gboolean
lt_timelinejs_write (LtStore        *store,
                     GFile          *file,
                     LtExportFlags   flags,
                     GError        **error)
{
  g_autoptr(LtEventFilter) filter = lt_event_filter_new ();
  g_autoptr(GListModel) events = NULL;
  g_autoptr(GHashTable) sources = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                         g_free, g_object_unref);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  gsize length;

  g_return_val_if_fail (LT_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  lt_event_filter_set_include_restricted (filter, !(flags & LT_EXPORT_PUBLIC_ONLY));
  events = lt_store_list_events (store, filter);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "events");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(LtEvent) event = g_list_model_get_item (events, i);
      const LtDateRange *range = lt_event_get_date_range (event);

      if (lt_record_is_restricted (LT_RECORD (event)) && (flags & LT_EXPORT_PUBLIC_ONLY))
        continue;

      json_builder_begin_object (builder);
      add_date (builder, "start_date", &range->start);
      if (range->has_end)
        add_date (builder, "end_date", &range->end);
      json_builder_set_member_name (builder, "text");
      json_builder_begin_object (builder);
      add_html (builder, "headline", lt_event_get_title (event));
      add_html (builder, "text", lt_event_get_summary (event));
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "group");
      json_builder_add_string_value (builder, lt_category_get_label (lt_event_get_category (event)));
      add_media (builder, store, sources, event, flags);
      json_builder_set_member_name (builder, "unique_id");
      json_builder_add_string_value (builder, lt_record_get_slug (LT_RECORD (event)));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, &length);

  if (!g_file_replace_contents (file, text, length, NULL, FALSE, G_FILE_CREATE_NONE,
                                NULL, NULL, &local_error))
    {
      g_autofree char *name = g_file_get_basename (file);

      g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_IO,
                   _("Could not write %s: %s"), name, local_error->message);
      return FALSE;
    }

  return TRUE;
}
