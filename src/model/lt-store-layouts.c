/* lt-store-layouts.c: saved graph layouts
 *
 * Node positions of the organization graph, kept by layout name; not part
 * of undo.
 *
 * Copyright 2024 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-store"

#include "config.h"

#include "lt-model-private.h"
#include "lt-store-private.h"

/* Layouts */

/**
 * lt_store_save_positions:
 * @self: a store
 * @layout_name: a name for the layout, e.g. "default"
 * @positions: (element-type LtActorPosition): node positions
 * @error: return location for an error
 *
 * Replaces the saved layout @layout_name. Not part of undo.
 *
 * Returns: %TRUE on success
 */
gboolean
lt_store_save_positions (LtStore     *self,
                         const char  *layout_name,
                         GArray      *positions,
                         GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LT_IS_STORE (self), FALSE);
  g_return_val_if_fail (layout_name != NULL, FALSE);
  g_return_val_if_fail (positions != NULL, FALSE);

  if (!_lt_store_begin (self, error))
    return FALSE;

  if (!(stmt = _lt_store_prepare (self, "DELETE FROM layouts WHERE name = ?1", error)))
    goto fail;
  sqlite3_bind_text (stmt, 1, layout_name, -1, SQLITE_TRANSIENT);
  if (!_lt_store_step_done (self, stmt, error))
    goto fail;

  for (guint i = 0; i < positions->len; i++)
    {
      const LtActorPosition *p = &g_array_index (positions, LtActorPosition, i);

      if (!(stmt = _lt_store_prepare (self,
                                      "INSERT OR REPLACE INTO layouts (name, actor_id, x, y, pinned)"
                                      " SELECT ?1, ?2, ?3, ?4, ?5 WHERE EXISTS"
                                      " (SELECT 1 FROM actors WHERE id = ?2)",
                                      error)))
        goto fail;
      sqlite3_bind_text (stmt, 1, layout_name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, p->actor_id);
      sqlite3_bind_double (stmt, 3, p->x);
      sqlite3_bind_double (stmt, 4, p->y);
      sqlite3_bind_int (stmt, 5, p->pinned ? 1 : 0);
      if (!_lt_store_step_done (self, stmt, error))
        goto fail;
    }

  return _lt_store_commit (self, error);

fail:
  _lt_store_rollback (self);
  return FALSE;
}

/**
 * lt_store_load_positions:
 * @self: a store
 * @layout_name: a layout name
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type LtActorPosition): the saved
 *   positions, empty if there are none
 */
GArray *
lt_store_load_positions (LtStore     *self,
                         const char  *layout_name,
                         GError     **error)
{
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (LtActorPosition));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LT_IS_STORE (self), NULL);
  g_return_val_if_fail (layout_name != NULL, NULL);

  stmt = _lt_store_prepare (self,
                            "SELECT actor_id, x, y, pinned FROM layouts WHERE name = ?1"
                            " ORDER BY actor_id",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, layout_name, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LtActorPosition p = {
        sqlite3_column_int64 (stmt, 0),
        (float) sqlite3_column_double (stmt, 1),
        (float) sqlite3_column_double (stmt, 2),
        sqlite3_column_int (stmt, 3) != 0,
      };

      g_array_append_val (positions, p);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _lt_store_set_sql_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&positions);
}
