/* lt-store-schema.c: creating and migrating the database
 *
 * Copyright 2024 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lt-model-private.h"

/* One step per schema version. A step runs in its own transaction together
 * with the PRAGMA user_version that records it, so a file is always at a
 * version it fully has. Never edit a released step: add a new one. */

/* Version 1: the records. */
static const char migration_1[] =
  "CREATE TABLE sources ("
  "  id INTEGER PRIMARY KEY,"
  "  slug TEXT NOT NULL UNIQUE,"
  "  title TEXT NOT NULL,"
  "  publisher TEXT,"
  "  author TEXT,"
  "  date TEXT,"
  "  url TEXT,"
  "  language TEXT,"
  "  file TEXT,"
  "  note TEXT,"
  "  full_text TEXT,"
  "  restricted INTEGER NOT NULL DEFAULT 0 CHECK (restricted IN (0, 1)));"

  "CREATE TABLE actors ("
  "  id INTEGER PRIMARY KEY,"
  "  slug TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  country TEXT,"
  "  description TEXT,"
  "  restricted INTEGER NOT NULL DEFAULT 0 CHECK (restricted IN (0, 1)));"
  "CREATE INDEX actors_kind ON actors (kind);"

  "CREATE TABLE actor_aliases ("
  "  actor_id INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  alias TEXT NOT NULL,"
  "  PRIMARY KEY (actor_id, position)) WITHOUT ROWID;"
  "CREATE INDEX actor_aliases_alias ON actor_aliases (alias COLLATE NOCASE);"

  "CREATE TABLE places ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE);"

  "CREATE TABLE events ("
  "  id INTEGER PRIMARY KEY,"
  "  slug TEXT NOT NULL UNIQUE,"
  "  title TEXT NOT NULL,"
  "  summary TEXT NOT NULL DEFAULT '',"
  "  date TEXT NOT NULL,"
  "  start_day INTEGER NOT NULL,"
  "  end_day INTEGER NOT NULL CHECK (end_day >= start_day),"
  "  precision INTEGER NOT NULL CHECK (precision BETWEEN 1 AND 3),"
  "  flags INTEGER NOT NULL DEFAULT 0,"
  "  place TEXT,"
  "  place_id INTEGER REFERENCES places (id),"
  "  category TEXT NOT NULL,"
  "  restricted INTEGER NOT NULL DEFAULT 0 CHECK (restricted IN (0, 1)));"
  "CREATE INDEX events_start ON events (start_day);"

  "CREATE TABLE event_actors ("
  "  event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  actor_id INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,"
  "  role TEXT NOT NULL,"
  "  PRIMARY KEY (event_id, position)) WITHOUT ROWID;"
  "CREATE INDEX event_actors_actor ON event_actors (actor_id);"

  "CREATE TABLE figures ("
  "  event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  value REAL NOT NULL,"
  "  counts TEXT NOT NULL,"
  "  qualifier TEXT NOT NULL DEFAULT 'exact',"
  "  PRIMARY KEY (event_id, position)) WITHOUT ROWID;"
  "CREATE INDEX figures_counts ON figures (counts);"

  "CREATE TABLE relations ("
  "  id INTEGER PRIMARY KEY,"
  "  slug TEXT NOT NULL UNIQUE,"
  "  from_id INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,"
  "  to_id INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,"
  "  type TEXT NOT NULL,"
  "  date TEXT,"
  "  start_day INTEGER,"
  "  end_day INTEGER,"
  "  note TEXT,"
  "  restricted INTEGER NOT NULL DEFAULT 0 CHECK (restricted IN (0, 1)));"
  "CREATE INDEX relations_from ON relations (from_id);"
  "CREATE INDEX relations_to ON relations (to_id);"

  /* A citation belongs to an event or to a relation. A source that is cited
   * cannot be deleted (RESTRICT): the facts would lose their ground. */
  "CREATE TABLE citations ("
  "  id INTEGER PRIMARY KEY,"
  "  event_id INTEGER REFERENCES events (id) ON DELETE CASCADE,"
  "  relation_id INTEGER REFERENCES relations (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE RESTRICT,"
  "  locator TEXT,"
  "  note TEXT,"
  "  i18n TEXT,"  /* {"uk": {"note": "..."}} */
  "  CHECK ((event_id IS NULL) <> (relation_id IS NULL)));"
  "CREATE INDEX citations_event ON citations (event_id);"
  "CREATE INDEX citations_relation ON citations (relation_id);"
  "CREATE INDEX citations_source ON citations (source_id);"

  /* kind: 0 event, 1 actor, 2 source, 3 relation (LtRecordKind) */
  "CREATE TABLE translations ("
  "  kind INTEGER NOT NULL,"
  "  record_id INTEGER NOT NULL,"
  "  lang TEXT NOT NULL,"
  "  field TEXT NOT NULL,"
  "  text TEXT NOT NULL,"
  "  PRIMARY KEY (kind, record_id, lang, field)) WITHOUT ROWID;"
  "CREATE TRIGGER events_translations_ad AFTER DELETE ON events BEGIN"
  "  DELETE FROM translations WHERE kind = 0 AND record_id = OLD.id; END;"
  "CREATE TRIGGER actors_translations_ad AFTER DELETE ON actors BEGIN"
  "  DELETE FROM translations WHERE kind = 1 AND record_id = OLD.id; END;"
  "CREATE TRIGGER sources_translations_ad AFTER DELETE ON sources BEGIN"
  "  DELETE FROM translations WHERE kind = 2 AND record_id = OLD.id; END;"
  "CREATE TRIGGER relations_translations_ad AFTER DELETE ON relations BEGIN"
  "  DELETE FROM translations WHERE kind = 3 AND record_id = OLD.id; END;"

  /* Folded search keys (see lt-fold.c); rowid = id * 4 + kind. Events
   * have their own index: there are a million of them, and a search ranks
   * the few thousand other records in full but caps the events it ranks. */
  "CREATE VIRTUAL TABLE search USING fts5 ("
  "  name, body, tokenize = 'unicode61 remove_diacritics 2');"
  "CREATE VIRTUAL TABLE search_records USING fts5 ("
  "  name, body, tokenize = 'unicode61 remove_diacritics 2');";

/* Version 2: the compact index for the timeline. An integer category and a
 * covering index let a million spans load in one index scan; long events
 * have a partial index of their own so that short windows stay short;
 * per-day counts, kept by triggers, draw the wide zoom levels; graph
 * layouts are saved next to the data. */
static const char migration_2[] =
  "ALTER TABLE events ADD COLUMN cat INTEGER NOT NULL DEFAULT 0;"
  "UPDATE events SET cat = CASE category"
  "  WHEN 'protest' THEN 0 WHEN 'violence' THEN 1 WHEN 'detention' THEN 2"
  "  WHEN 'prosecution' THEN 3 WHEN 'statement' THEN 4 WHEN 'diplomacy' THEN 5"
  "  WHEN 'sanctions' THEN 6 WHEN 'war' THEN 7 ELSE 0 END;"
  "CREATE INDEX events_span ON events"
  "  (start_day, end_day, cat, precision, flags, place_id, restricted);"
  "CREATE INDEX events_long ON events (start_day, end_day)"
  "  WHERE end_day - start_day > 62;"

  "CREATE TABLE event_counts ("
  "  day INTEGER NOT NULL,"
  "  cat INTEGER NOT NULL,"
  "  restricted INTEGER NOT NULL,"
  "  n INTEGER NOT NULL,"
  "  PRIMARY KEY (day, cat, restricted)) WITHOUT ROWID;"
  "INSERT INTO event_counts (day, cat, restricted, n)"
  "  SELECT start_day, cat, restricted, count(*) FROM events"
  "  GROUP BY start_day, cat, restricted;"
  "CREATE TRIGGER event_counts_ai AFTER INSERT ON events BEGIN"
  "  INSERT INTO event_counts (day, cat, restricted, n)"
  "    VALUES (NEW.start_day, NEW.cat, NEW.restricted, 1)"
  "    ON CONFLICT (day, cat, restricted) DO UPDATE SET n = n + 1; END;"
  "CREATE TRIGGER event_counts_ad AFTER DELETE ON events BEGIN"
  "  UPDATE event_counts SET n = n - 1"
  "    WHERE day = OLD.start_day AND cat = OLD.cat AND restricted = OLD.restricted;"
  "  DELETE FROM event_counts"
  "    WHERE day = OLD.start_day AND cat = OLD.cat AND restricted = OLD.restricted AND n <= 0;"
  "  END;"
  "CREATE TRIGGER event_counts_au AFTER UPDATE OF start_day, cat, restricted ON events"
  "  WHEN OLD.start_day <> NEW.start_day OR OLD.cat <> NEW.cat OR OLD.restricted <> NEW.restricted"
  "  BEGIN"
  "  UPDATE event_counts SET n = n - 1"
  "    WHERE day = OLD.start_day AND cat = OLD.cat AND restricted = OLD.restricted;"
  "  DELETE FROM event_counts"
  "    WHERE day = OLD.start_day AND cat = OLD.cat AND restricted = OLD.restricted AND n <= 0;"
  "  INSERT INTO event_counts (day, cat, restricted, n)"
  "    VALUES (NEW.start_day, NEW.cat, NEW.restricted, 1)"
  "    ON CONFLICT (day, cat, restricted) DO UPDATE SET n = n + 1;"
  "  END;"

  "CREATE TABLE layouts ("
  "  name TEXT NOT NULL,"
  "  actor_id INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,"
  "  x REAL NOT NULL,"
  "  y REAL NOT NULL,"
  "  pinned INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (name, actor_id)) WITHOUT ROWID;";

static const char * const migrations[] = {
  NULL,
  migration_1,
  migration_2,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == LT_SCHEMA_VERSION + 1);

static void
fold_func (sqlite3_context  *ctx,
           int               argc,
           sqlite3_value   **argv)
{
  g_autoptr(GString) joined = g_string_new (NULL);
  char *folded;

  /* lt_fold(a, b, ...) folds its non-NULL arguments joined by spaces. */
  for (int i = 0; i < argc; i++)
    {
      const char *text = (const char *) sqlite3_value_text (argv[i]);

      if (text == NULL || *text == '\0')
        continue;
      if (joined->len > 0)
        g_string_append_c (joined, ' ');
      g_string_append (joined, text);
    }

  folded = _lt_fold (joined->str);
  sqlite3_result_text (ctx, folded, -1, g_free);
}

void
_lt_schema_register_functions (sqlite3 *db)
{
  sqlite3_create_function (db, "lt_fold", -1,
                           SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                           NULL, fold_func, NULL, NULL);
}

static gboolean
exec (sqlite3     *db,
      const char  *sql,
      GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_SQL,
                   _("Could not update the database: %s"),
                   message != NULL ? message : sqlite3_errmsg (db));
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

static int
get_user_version (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return version;
}

/**
 * _lt_schema_migrate:
 * @db: a read-write connection
 * @target_version: the version to reach (LT_SCHEMA_VERSION except in tests)
 * @error: return location for an error
 *
 * Runs the missing steps up to @target_version, each in its own transaction.
 */
gboolean
_lt_schema_migrate (sqlite3  *db,
                    int       target_version,
                    GError  **error)
{
  int version = get_user_version (db);

  g_return_val_if_fail (target_version <= LT_SCHEMA_VERSION, FALSE);

  if (version < 0)
    {
      g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_SQL,
                   _("Could not read the database version: %s"), sqlite3_errmsg (db));
      return FALSE;
    }

  if (version > LT_SCHEMA_VERSION)
    {
      g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_TOO_NEW,
                   _("This chronicle was saved by a newer version of Letapis "
                     "(database version %d; this version reads up to %d). "
                     "Update Letapis to open it."),
                   version, LT_SCHEMA_VERSION);
      return FALSE;
    }

  for (int step = version + 1; step <= target_version; step++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d;", step);

      g_debug ("Migrating database to version %d", step);

      if (!exec (db, "BEGIN IMMEDIATE;", error))
        return FALSE;

      if ((step == 1 && !exec (db, "PRAGMA application_id = 1280590160;", error)) ||
          !exec (db, migrations[step], error) ||
          !exec (db, bump, error))
        {
          exec (db, "ROLLBACK;", NULL);
          g_prefix_error (error, _("Could not upgrade the database to version %d: "), step);
          return FALSE;
        }

      if (!exec (db, "COMMIT;", error))
        {
          exec (db, "ROLLBACK;", NULL);
          return FALSE;
        }
    }

  return TRUE;
}

/* The tables, indexes and triggers a current database has, learnt once by
 * migrating an empty in-memory database, so the list never falls behind
 * the migrations. */
static GPtrArray *
dup_expected_objects (void)
{
  static GPtrArray *expected;

  if (g_once_init_enter (&expected))
    {
      GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
      sqlite3 *db = NULL;
      sqlite3_stmt *stmt = NULL;
      g_autoptr(GError) error = NULL;

      if (sqlite3_open (":memory:", &db) == SQLITE_OK)
        {
          _lt_schema_register_functions (db);
          if (!_lt_schema_migrate (db, LT_SCHEMA_VERSION, &error))
            g_critical ("Could not build the reference schema: %s", error->message);
          else if (sqlite3_prepare_v2 (db,
                                       "SELECT type || ' ' || name FROM sqlite_schema "
                                       "WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
                                       -1, &stmt, NULL) == SQLITE_OK)
            while (sqlite3_step (stmt) == SQLITE_ROW)
              g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
        }
      sqlite3_finalize (stmt);
      sqlite3_close (db);

      g_once_init_leave (&expected, names);
    }

  return expected;
}

/**
 * _lt_schema_check:
 * @db: a connection to a database at LT_SCHEMA_VERSION
 * @missing: (out) (optional): the first missing object, as "table events"
 *
 * A file whose version is current but that lacks a table, an index or a
 * trigger (dropped by hand or by another tool) would open and then fail
 * query by query; this finds it before anything is shown or exported.
 *
 * Returns: %TRUE if every object of the current schema is there
 */
gboolean
_lt_schema_check (sqlite3  *db,
                  char    **missing)
{
  GPtrArray *expected = dup_expected_objects ();
  g_autoptr(GHashTable) present = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT type || ' ' || name FROM sqlite_schema", -1, &stmt,
                          NULL) != SQLITE_OK)
    {
      if (missing != NULL)
        *missing = g_strdup (sqlite3_errmsg (db));
      return FALSE;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (present, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      if (missing != NULL)
        *missing = g_strdup (sqlite3_errmsg (db));
      return FALSE;
    }

  for (guint i = 0; i < expected->len; i++)
    if (!g_hash_table_contains (present, g_ptr_array_index (expected, i)))
      {
        if (missing != NULL)
          *missing = g_strdup (g_ptr_array_index (expected, i));
        return FALSE;
      }

  return TRUE;
}
