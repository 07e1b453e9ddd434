/* lt-store-generate.c: synthetic chronicles for scale tests
 *
 * Copyright 2024 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lt-model-private.h"

/* Everything here is deterministic from the seed: the same parameters give
 * the same database, byte for byte in content. Rows are written with
 * prepared statements straight into the tables (no per-record checks), in
 * one transaction, in date order so that rowids follow the timeline, and
 * the search index is built in one pass at the end. The text is made up
 * from word lists; it only has to look like a chronicle to the indexes. */

typedef struct
{
  guint64 state;
} Rng;

static guint64
rng_next (Rng *rng)
{
  /* splitmix64 */
  guint64 z = (rng->state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

static guint
rng_below (Rng   *rng,
           guint  n)
{
  return n > 0 ? (guint) (rng_next (rng) % n) : 0;
}

static const char * const first_names[] = {
  "Aliaksandr", "Maryia", "Ihar", "Volha", "Siarhei", "Natallia", "Andrei", "Tatsiana",
  "Dzmitry", "Hanna", "Pavel", "Iryna", "Viktar", "Liudmila", "Raman", "Yuliia",
  "Mikalai", "Alena", "Uladzimir", "Darya", "Artsiom", "Kseniya", "Yauhen", "Palina",
};

static const char * const surname_stems[] = {
  "Kavalen", "Navum", "Bialatsk", "Stefanov", "Losik", "Babaryk", "Kalesnik", "Znak",
  "Tsikhanousk", "Pratasevich", "Latushk", "Rabkov", "Sapeh", "Hrysh", "Marozav", "Barysen",
  "Dashkevich", "Shuleik", "Kazlou", "Karpenk", "Sinkevich", "Zhuk", "Miadzvedz", "Tarasevich",
  "Charnyshou", "Paulovich", "Ramanchuk", "Sakalou", "Lukashevich", "Yankouski",
};

static const char * const surname_ends[] = { "a", "ka", "ich", "ski", "ava", "enka", "ou", "" };

static const char * const org_words[] = {
  "Committee", "Centre", "Union", "Council", "Department", "Unit", "Court", "Foundation",
  "Association", "Service", "Initiative", "Network",
};

static const char * const places[] = {
  "Minsk", "Hrodna", "Brest", "Homiel", "Mahiliou", "Viciebsk", "Babrujsk", "Baranavichy",
  "Barysau", "Pinsk", "Orsha", "Mazyr", "Salihorsk", "Navapolatsk", "Lida", "Maladziechna",
  "Polatsk", "Zhlobin", "Svietlahorsk", "Rechytsa", "Zhodzina", "Slutsk", "Kobryn", "Slonim",
  "Vaukavysk", "Kalinkavichy", "Smarhon", "Rahachou", "Dzyarzhynsk", "Asipovichy", "Horki",
  "Navahrudak", "Vilejka", "Kryčaŭ", "Hlybokaje", "Ashmiany", "Mar'ina Horka", "Stolin",
  "Vilnius", "Warsaw", "Kyiv", "Riga", "Moscow", "Bialystok", "Tbilisi", "Berlin", "Brussels",
  "Geneva", "Strasbourg", "The Hague",
};

static const char * const verbs[] = {
  "detains", "searches", "charges", "sentences", "fines", "releases", "questions", "blocks",
  "sanctions", "condemns", "reports", "designates", "raids", "summons", "expels", "lists",
};

static const char * const nouns[] = {
  "journalists", "students", "workers", "volunteers", "lawyers", "activists", "pensioners",
  "musicians", "doctors", "teachers", "observers", "bloggers", "entrepreneurs", "editors",
};

static const char * const words[] = {
  "protest", "march", "court", "hearing", "verdict", "appeal", "colony", "prison", "search",
  "raid", "flag", "leaflet", "chat", "channel", "extremist", "material", "article", "case",
  "statement", "sanction", "embassy", "border", "strike", "factory", "university", "vigil",
  "solidarity", "camp", "letter", "petition", "release", "pardon", "torture", "beating",
};

/* Latin -> Cyrillic for aliases, so that queries in either script meet. */
static char *
cyrillic_alias (const char *latin)
{
  static const struct { const char *from; const char *to; } map[] = {
    { "shch", "шч" }, { "sh", "ш" }, { "ch", "ч" }, { "zh", "ж" }, { "kh", "х" }, { "ts", "ц" },
    { "ia", "я" }, { "iu", "ю" }, { "ya", "я" }, { "yu", "ю" },
    { "a", "а" }, { "b", "б" }, { "v", "в" }, { "h", "г" }, { "g", "ґ" }, { "d", "д" },
    { "e", "е" }, { "z", "з" }, { "i", "і" }, { "y", "ы" }, { "k", "к" }, { "l", "л" },
    { "m", "м" }, { "n", "н" }, { "o", "о" }, { "p", "п" }, { "r", "р" }, { "s", "с" },
    { "t", "т" }, { "u", "у" }, { "f", "ф" }, { "c", "ц" }, { "j", "й" }, { "w", "ў" },
  };
  g_autofree char *lower = g_ascii_strdown (latin, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = lower; *p != '\0'; )
    {
      gboolean done = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (map) && !done; i++)
        {
          gsize len = strlen (map[i].from);

          if (strncmp (p, map[i].from, len) == 0)
            {
              if (out->len == 0 || out->str[out->len - 1] == ' ')
                {
                  /* Capitalize the first letter of each word. */
                  gunichar c = g_utf8_get_char (map[i].to);

                  g_string_append_unichar (out, g_unichar_toupper (c));
                  g_string_append (out, g_utf8_next_char (map[i].to));
                }
              else
                g_string_append (out, map[i].to);
              p += len;
              done = TRUE;
            }
        }

      if (!done)
        g_string_append_c (out, *p++);
    }

  return g_string_free (out, FALSE);
}

static gboolean
prepare (LtStore       *self,
         const char    *sql,
         sqlite3_stmt **stmt,
         GError       **error)
{
  *stmt = _lt_store_prepare (self, sql, error);
  return *stmt != NULL;
}

static gboolean
step (LtStore       *self,
      sqlite3_stmt  *stmt,
      GError       **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _lt_store_set_sql_error (self, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static int
compare_gint32 (gconstpointer a,
                gconstpointer b)
{
  gint32 x = *(const gint32 *) a;
  gint32 y = *(const gint32 *) b;

  return x < y ? -1 : x > y;
}

typedef struct
{
  char  *name;
  gint64 id;
} GenActor;

/**
 * lt_store_generate_synthetic:
 * @self: an empty store
 * @params: what to generate
 * @error: return location for an error
 *
 * Fills @self with a made-up chronicle: @params->n_events events over
 * @params->years years, actors of every kind with Latin names and a
 * Cyrillic alias, relations between them, a few sources, figures and
 * citations, 1% restricted events, some month/year precision, approximate
 * and ranged dates. Deterministic from @params->seed. One transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
lt_store_generate_synthetic (LtStore                  *self,
                             const LtSyntheticParams  *params,
                             GError                  **error)
{
  const char * const *categories = lt_category_list_keys ();
  const char * const *kinds = lt_actor_kind_list_keys ();
  const char * const *roles = lt_role_list_keys ();
  const char * const *relation_types = lt_relation_type_list_keys ();
  const char * const *figure_kinds = lt_figure_kind_list_keys ();
  guint n_categories = g_strv_length ((char **) categories);
  guint n_kinds = g_strv_length ((char **) kinds);
  guint n_roles = g_strv_length ((char **) roles);
  guint n_relation_types = g_strv_length ((char **) relation_types);
  guint n_figure_kinds = g_strv_length ((char **) figure_kinds);
  g_autofree gint32 *days = NULL;
  g_autofree GenActor *actors = NULL;
  gint64 place_ids[G_N_ELEMENTS (places)];
  gint64 source_ids[8];
  GString *title = g_string_new (NULL);
  GString *summary = g_string_new (NULL);
  sqlite3_stmt *stmt;
  gint32 start_year;
  gint64 first_day, n_days;
  guint n_actors;
  gint64 begin = g_get_monotonic_time ();
  Rng rng;

  g_return_val_if_fail (LT_IS_STORE (self), FALSE);
  g_return_val_if_fail (params != NULL, FALSE);

  if (!lt_store_is_empty (self))
    {
      g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_CONFLICT,
                   _("A synthetic chronicle can only be generated into an empty database"));
      goto fail_early;
    }

  rng.state = params->seed ^ G_GUINT64_CONSTANT (0x6c65746170697300);
  start_year = params->start_year != 0 ? params->start_year : 2020;
  first_day = lt_days_from_ymd (start_year, 1, 1);
  n_days = lt_days_from_ymd (start_year + (gint32) MAX (params->years, 1), 1, 1) - first_day;
  n_actors = MAX (params->n_actors, 2);

  /* A million rows with their indexes do not fit the usual page cache;
   * spilling it mid-transaction costs more than the memory. */
  sqlite3_exec (_lt_store_get_db (self), "PRAGMA cache_size = -524288", NULL, NULL, NULL);

  if (!_lt_store_begin (self, error))
    goto fail_early;
  _lt_store_set_bulk (self, TRUE);

  /* Places */
  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    if ((place_ids[i] = _lt_store_intern_place (self, places[i], error)) < 0)
      goto fail;

  /* Sources */
  if (!prepare (self,
                "INSERT INTO sources (slug, title, publisher, date, language, note)"
                " VALUES (?1, ?2, ?3, ?4, 'en', ?5)",
                &stmt, error))
    goto fail;
  for (guint i = 0; i < G_N_ELEMENTS (source_ids); i++)
    {
      g_autofree char *slug = g_strdup_printf ("src-synthetic-%u", i + 1);
      g_autofree char *stitle = g_strdup_printf ("Synthetic report %u on %s", i + 1,
                                                 words[rng_below (&rng, G_N_ELEMENTS (words))]);
      g_autofree char *date = g_strdup_printf ("%04d-%02u", start_year + (gint32) i % MAX (params->years, 1),
                                               1 + i % 12);

      sqlite3_bind_text (stmt, 1, slug, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, stitle, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, "Synthetic Monitor", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, date, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, "Generated for scale tests", -1, SQLITE_STATIC);
      if (!step (self, stmt, error))
        goto fail;
      source_ids[i] = sqlite3_last_insert_rowid (_lt_store_get_db (self));
    }

  /* Actors: a person or organization name, with a Cyrillic alias */
  actors = g_new0 (GenActor, n_actors);
  for (guint i = 0; i < n_actors; i++)
    {
      g_autofree char *slug = g_strdup_printf ("actor-%u", i + 1);
      g_autofree char *alias = NULL;
      const char *kind = kinds[i % n_kinds];
      sqlite3_stmt *alias_stmt;
      char *name;

      if (g_str_equal (kind, "person"))
        name = g_strdup_printf ("%s %s%s",
                                first_names[rng_below (&rng, G_N_ELEMENTS (first_names))],
                                surname_stems[rng_below (&rng, G_N_ELEMENTS (surname_stems))],
                                surname_ends[rng_below (&rng, G_N_ELEMENTS (surname_ends))]);
      else
        name = g_strdup_printf ("%s %s %u",
                                places[rng_below (&rng, G_N_ELEMENTS (places))],
                                org_words[rng_below (&rng, G_N_ELEMENTS (org_words))],
                                i + 1);
      actors[i].name = name;
      alias = cyrillic_alias (name);

      if (!prepare (self,
                    "INSERT INTO actors (slug, name, kind, country, description, restricted)"
                    " VALUES (?1, ?2, ?3, 'BY', ?4, ?5)",
                    &stmt, error))
        goto fail;
      sqlite3_bind_text (stmt, 1, slug, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, "Synthetic actor", -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 5, rng_below (&rng, 100) == 0);
      if (!step (self, stmt, error))
        goto fail;
      actors[i].id = sqlite3_last_insert_rowid (_lt_store_get_db (self));

      if (!prepare (self,
                    "INSERT INTO actor_aliases (actor_id, position, alias) VALUES (?1, 0, ?2)",
                    &alias_stmt, error))
        goto fail;
      sqlite3_bind_int64 (alias_stmt, 1, actors[i].id);
      sqlite3_bind_text (alias_stmt, 2, alias, -1, SQLITE_TRANSIENT);
      if (!step (self, alias_stmt, error))
        goto fail;
    }

  /* Event days, sorted so rowids follow the timeline */
  days = g_new (gint32, MAX (params->n_events, 1));
  for (guint i = 0; i < params->n_events; i++)
    days[i] = (gint32) (first_day + (gint64) (rng_next (&rng) % (guint64) n_days));
  qsort (days, params->n_events, sizeof (gint32), compare_gint32);

  for (guint i = 0; i < params->n_events; i++)
    {
      char slug[32];
      char date[48];
      guint cat = rng_below (&rng, n_categories);
      guint place = rng_below (&rng, G_N_ELEMENTS (places));
      guint roll = rng_below (&rng, 1000);
      guint n_participants = 1 + rng_below (&rng, 3);
      guint first_actor = rng_below (&rng, n_actors);
      gboolean approximate = rng_below (&rng, 20) == 0;
      gint32 y;
      guint m, d;
      LtDateRange range = { 0 };
      gint64 start, end;
      int flags;
      gint64 event_id;

      lt_days_to_ymd (days[i], &y, &m, &d);
      if (roll < 10)
        lt_date_init_ymd (&range.start, y, 0, 0);           /* 1% year precision */
      else if (roll < 40)
        lt_date_init_ymd (&range.start, y, m, 0);           /* 3% month precision */
      else
        lt_date_init_ymd (&range.start, y, m, d);
      range.start.approximate = approximate;

      if (roll >= 40 && roll < 60)
        {
          /* 2% ranges of up to about a year */
          gint32 ey;
          guint em, ed;

          lt_days_to_ymd (days[i] + 1 + rng_below (&rng, 400), &ey, &em, &ed);
          lt_date_init_ymd (&range.end, ey, em, ed);
          range.has_end = TRUE;
        }

      start = lt_date_range_first_day (&range);
      end = lt_date_range_last_day (&range);
      flags = (approximate ? LT_SPAN_APPROXIMATE : 0) | (range.has_end ? LT_SPAN_RANGE : 0);
      g_snprintf (slug, sizeof slug, "ev-%u", i + 1);
      {
        g_autofree char *iso = lt_date_range_to_iso (&range);

        g_strlcpy (date, iso, sizeof date);
      }

      g_string_printf (title, "%s %s %s in %s",
                       actors[first_actor].name,
                       verbs[rng_below (&rng, G_N_ELEMENTS (verbs))],
                       nouns[rng_below (&rng, G_N_ELEMENTS (nouns))],
                       places[place]);
      g_string_printf (summary, "%s %s %s %s after the %s.",
                       words[rng_below (&rng, G_N_ELEMENTS (words))],
                       words[rng_below (&rng, G_N_ELEMENTS (words))],
                       words[rng_below (&rng, G_N_ELEMENTS (words))],
                       words[rng_below (&rng, G_N_ELEMENTS (words))],
                       words[rng_below (&rng, G_N_ELEMENTS (words))]);

      if (!prepare (self,
                    "INSERT INTO events (slug, title, summary, date, start_day, end_day, precision,"
                    " flags, place, place_id, category, cat, restricted)"
                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                    &stmt, error))
        goto fail;
      sqlite3_bind_text (stmt, 1, slug, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, title->str, (int) title->len, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, summary->str, (int) summary->len, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, date, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 5, start);
      sqlite3_bind_int64 (stmt, 6, end);
      sqlite3_bind_int (stmt, 7, range.start.precision);
      sqlite3_bind_int (stmt, 8, flags);
      sqlite3_bind_text (stmt, 9, places[place], -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 10, place_ids[place]);
      sqlite3_bind_text (stmt, 11, categories[cat], -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 12, (int) cat);
      sqlite3_bind_int (stmt, 13, rng_below (&rng, 100) == 0);
      if (!step (self, stmt, error))
        goto fail;
      event_id = sqlite3_last_insert_rowid (_lt_store_get_db (self));

      for (guint p = 0; p < n_participants; p++)
        {
          guint actor = p == 0 ? first_actor : rng_below (&rng, n_actors);

          if (!prepare (self,
                        "INSERT INTO event_actors (event_id, position, actor_id, role)"
                        " VALUES (?1, ?2, ?3, ?4)",
                        &stmt, error))
            goto fail;
          sqlite3_bind_int64 (stmt, 1, event_id);
          sqlite3_bind_int (stmt, 2, (int) p);
          sqlite3_bind_int64 (stmt, 3, actors[actor].id);
          sqlite3_bind_text (stmt, 4, roles[rng_below (&rng, n_roles)], -1, SQLITE_STATIC);
          if (!step (self, stmt, error))
            goto fail;
        }

      if (rng_below (&rng, 10) == 0)
        {
          if (!prepare (self,
                        "INSERT INTO figures (event_id, position, value, counts, qualifier)"
                        " VALUES (?1, 0, ?2, ?3, 'about')",
                        &stmt, error))
            goto fail;
          sqlite3_bind_int64 (stmt, 1, event_id);
          sqlite3_bind_double (stmt, 2, 1 + rng_below (&rng, 500));
          sqlite3_bind_text (stmt, 3, figure_kinds[rng_below (&rng, n_figure_kinds)], -1,
                             SQLITE_STATIC);
          if (!step (self, stmt, error))
            goto fail;

          if (!prepare (self,
                        "INSERT INTO citations (event_id, position, source_id, locator)"
                        " VALUES (?1, 0, ?2, ?3)",
                        &stmt, error))
            goto fail;
          sqlite3_bind_int64 (stmt, 1, event_id);
          sqlite3_bind_int64 (stmt, 2, source_ids[rng_below (&rng, G_N_ELEMENTS (source_ids))]);
          sqlite3_bind_text (stmt, 3, "¶1", -1, SQLITE_STATIC);
          if (!step (self, stmt, error))
            goto fail;
        }
    }

  /* Relations */
  for (guint i = 0; i < params->n_relations; i++)
    {
      g_autofree char *slug = g_strdup_printf ("rel-%u", i + 1);
      guint from = rng_below (&rng, n_actors);
      guint to = (from + 1 + rng_below (&rng, n_actors - 1)) % n_actors;

      if (!prepare (self,
                    "INSERT INTO relations (slug, from_id, to_id, type, note)"
                    " VALUES (?1, ?2, ?3, ?4, 'Synthetic relation')",
                    &stmt, error))
        goto fail;
      sqlite3_bind_text (stmt, 1, slug, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, actors[from].id);
      sqlite3_bind_int64 (stmt, 3, actors[to].id);
      sqlite3_bind_text (stmt, 4, relation_types[rng_below (&rng, n_relation_types)], -1,
                         SQLITE_STATIC);
      if (!step (self, stmt, error))
        goto fail;
    }

  g_debug ("Generated rows in %.2f s", (g_get_monotonic_time () - begin) / 1e6);

  if (!_lt_store_rebuild_search (self, error))
    goto fail;

  g_debug ("Built the search index in %.2f s", (g_get_monotonic_time () - begin) / 1e6);

  _lt_store_queue_change (self, LT_RECORD_EVENT, 0, LT_CHANGE_RELOADED);
  if (!_lt_store_commit (self, error))
    goto fail_committed;

  g_debug ("Committed in %.2f s", (g_get_monotonic_time () - begin) / 1e6);
  sqlite3_exec (_lt_store_get_db (self), "PRAGMA cache_size = -32768", NULL, NULL, NULL);

  for (guint i = 0; i < n_actors; i++)
    g_free (actors[i].name);
  g_string_free (title, TRUE);
  g_string_free (summary, TRUE);
  lt_store_clear_history (self);
  return TRUE;

fail:
  _lt_store_rollback (self);
fail_committed:
  sqlite3_exec (_lt_store_get_db (self), "PRAGMA cache_size = -32768", NULL, NULL, NULL);
  for (guint i = 0; actors != NULL && i < n_actors; i++)
    g_free (actors[i].name);
fail_early:
  g_string_free (title, TRUE);
  g_string_free (summary, TRUE);
  return FALSE;
}
