/* lt-store-undo.c: the undo and redo stacks
 *
 * Every change made through the public API becomes one undo entry holding
 * store-less snapshots; imports become one entry of many. Also the public
 * add/update/delete functions, which go through here.
 *
 * Copyright 2024 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lt-model-private.h"
#include "lt-store-private.h"

/* Undo entries */

static void
participation_clear (gpointer data)
{
  Participation *p = data;

  g_free (p->role);
}

void
_lt_store_undo_entry_free (gpointer data)
{
  UndoEntry *entry = data;

  g_clear_object (&entry->before);
  g_clear_object (&entry->after);
  g_clear_pointer (&entry->relations, g_ptr_array_unref);
  g_clear_pointer (&entry->participations, g_array_unref);
  g_clear_pointer (&entry->children, g_ptr_array_unref);
  g_free (entry->label);
  g_free (entry);
}

/* Undo */

/* Above this many records, undoing an import rebuilds the search index
 * once instead of updating it record by record. */
#define LT_UNDO_BULK_THRESHOLD 200

static const char *
record_label (GObject *record)
{
  if (LT_IS_RELATION (record))
    return lt_relation_type_get_label (lt_relation_get_relation_type (LT_RELATION (record)));
  return _lt_record_get_title (LT_RECORD (record));
}

static void
push_undo (LtStore      *self,
           LtRecordKind  kind,
           LtChange      change,
           gint64        id,
           GObject      *before,
           GObject      *after)
{
  gboolean could_undo = lt_store_get_can_undo (self);
  gboolean could_redo = lt_store_get_can_redo (self);
  UndoEntry *entry = g_new0 (UndoEntry, 1);
  const char *name = record_label (after != NULL ? after : before);

  entry->kind = kind;
  entry->change = change;
  entry->id = id;
  entry->before = before != NULL ? g_object_ref (before) : NULL;
  entry->after = after != NULL ? g_object_ref (after) : NULL;

  switch (change)
    {
    case LT_CHANGE_ADDED:
      /* Translators: an undoable change, shown as "Undo Add “Protest in Minsk”" */
      entry->label = g_strdup_printf (_("Add “%s”"), name);
      break;
    case LT_CHANGE_REMOVED:
      entry->label = g_strdup_printf (_("Delete “%s”"), name);
      break;
    case LT_CHANGE_UPDATED:
    case LT_CHANGE_RELOADED:
    default:
      entry->label = g_strdup_printf (_("Edit “%s”"), name);
      break;
    }

  g_ptr_array_add (self->undo_stack, entry);
  g_ptr_array_set_size (self->redo_stack, 0);
  _lt_store_notify_history (self, could_undo, could_redo);
}

/* A complete, store-less copy of a record for the undo stack. */
static GObject *
snapshot (LtStore      *self,
          LtRecordKind  kind,
          gint64        id)
{
  g_autoptr(LtRecord) record = _lt_store_lookup_record (self, kind, id);
  LtRecord *copy = record != NULL ? lt_record_dup (record) : NULL;

  if (copy != NULL)
    _lt_record_set_store (copy, NULL);
  return (GObject *) copy;
}

/* Records what an actor deletion will take with it, to bring it back. */
static gboolean
capture_actor_dependents (LtStore    *self,
                          gint64      actor_id,
                          UndoEntry  *entry,
                          GError    **error)
{
  g_autoptr(GArray) relation_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  entry->participations = g_array_new (FALSE, FALSE, sizeof (Participation));
  g_array_set_clear_func (entry->participations, participation_clear);

  if (!(stmt = _lt_store_prepare (self,
                                  "SELECT event_id, position, role FROM event_actors WHERE actor_id = ?1",
                                  error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, actor_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Participation p = {
        sqlite3_column_int64 (stmt, 0),
        sqlite3_column_int64 (stmt, 1),
        _lt_store_dup_column_text (stmt, 2),
      };

      g_array_append_val (entry->participations, p);
    }
  sqlite3_reset (stmt);

  if (!_lt_store_collect_ids (self, "SELECT id FROM relations WHERE from_id = ?1 OR to_id = ?1",
                              actor_id, relation_ids, error))
    return FALSE;

  entry->relations = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < relation_ids->len; i++)
    {
      GObject *r = snapshot (self, LT_RECORD_RELATION, g_array_index (relation_ids, gint64, i));

      if (r != NULL)
        g_ptr_array_add (entry->relations, r);
    }

  return TRUE;
}

static gboolean
restore_actor_dependents (LtStore    *self,
                          UndoEntry  *entry,
                          GError    **error)
{
  for (guint i = 0; entry->relations != NULL && i < entry->relations->len; i++)
    if (!_lt_store_put_record (self, g_ptr_array_index (entry->relations, i), FALSE, error))
      return FALSE;

  for (guint i = 0; entry->participations != NULL && i < entry->participations->len; i++)
    {
      const Participation *p = &g_array_index (entry->participations, Participation, i);
      sqlite3_stmt *stmt;

      if (!(stmt = _lt_store_prepare (self,
                                      "INSERT INTO event_actors (event_id, position, actor_id, role)"
                                      " VALUES (?1, ?2, ?3, ?4)",
                                      error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, p->event_id);
      sqlite3_bind_int64 (stmt, 2, p->position);
      sqlite3_bind_int64 (stmt, 3, entry->id);
      sqlite3_bind_text (stmt, 4, p->role, -1, SQLITE_TRANSIENT);
      if (!_lt_store_step_done (self, stmt, error))
        return FALSE;
      _lt_store_queue_change (self, LT_RECORD_EVENT, p->event_id, LT_CHANGE_UPDATED);
    }

  return TRUE;
}

static gint64
add_record (LtStore   *self,
            gpointer   draft,
            GError   **error)
{
  LtRecordKind kind = lt_record_get_kind (draft);
  gint64 *id_field = &_lt_record_get_private (draft)->id;
  g_autoptr(GObject) after = NULL;
  gint64 saved_id = *id_field;

  /* A draft is always a new record, even if it was copied from one. */
  *id_field = 0;

  if (!_lt_store_begin (self, error))
    {
      *id_field = saved_id;
      return 0;
    }

  if (!_lt_store_put_record (self, draft, FALSE, error))
    {
      _lt_store_rollback (self);
      *id_field = saved_id;
      return 0;
    }

  after = snapshot (self, kind, *id_field);
  if (!_lt_store_commit (self, error))
    {
      *id_field = saved_id;
      return 0;
    }

  _lt_record_set_store (draft, self);
  push_undo (self, kind, LT_CHANGE_ADDED, *id_field, NULL, after);
  return *id_field;
}

static gboolean
update_record (LtStore      *self,
               LtRecordKind  kind,
               GObject      *record,
               gint64        id,
               GError      **error)
{
  g_autoptr(GObject) before = NULL;
  g_autoptr(GObject) after = NULL;

  if (id == 0)
    {
      g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_NOT_FOUND,
                   _("The record has not been added to the chronicle yet"));
      return FALSE;
    }

  if (!(before = snapshot (self, kind, id)))
    {
      g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_NOT_FOUND,
                   _("The record no longer exists"));
      return FALSE;
    }

  if (!_lt_store_begin (self, error))
    return FALSE;

  if (!_lt_store_put_record (self, record, TRUE, error))
    {
      _lt_store_rollback (self);
      return FALSE;
    }

  after = snapshot (self, kind, id);
  if (!_lt_store_commit (self, error))
    return FALSE;

  push_undo (self, kind, LT_CHANGE_UPDATED, id, before, after);
  return TRUE;
}

static gboolean
delete_record (LtStore       *self,
               LtRecordKind   kind,
               gint64         id,
               GError       **error)
{
  g_autoptr(GObject) before = NULL;
  UndoEntry *entry;
  gboolean could_undo = lt_store_get_can_undo (self);
  gboolean could_redo = lt_store_get_can_redo (self);

  if (!(before = snapshot (self, kind, id)))
    {
      g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_NOT_FOUND,
                   _("The record no longer exists"));
      return FALSE;
    }

  entry = g_new0 (UndoEntry, 1);
  entry->kind = kind;
  entry->change = LT_CHANGE_REMOVED;
  entry->id = id;
  entry->before = g_steal_pointer (&before);
  /* Translators: an undoable change, shown as "Undo Delete “Viasna”" */
  entry->label = g_strdup_printf (_("Delete “%s”"), record_label (entry->before));

  if (!_lt_store_begin (self, error))
    {
      _lt_store_undo_entry_free (entry);
      return FALSE;
    }

  if ((kind == LT_RECORD_ACTOR && !capture_actor_dependents (self, id, entry, error)) ||
      !_lt_store_remove_record (self, kind, id, error))
    {
      _lt_store_rollback (self);
      _lt_store_undo_entry_free (entry);
      return FALSE;
    }

  if (!_lt_store_commit (self, error))
    {
      _lt_store_undo_entry_free (entry);
      return FALSE;
    }

  g_ptr_array_add (self->undo_stack, entry);
  g_ptr_array_set_size (self->redo_stack, 0);
  _lt_store_notify_history (self, could_undo, could_redo);
  return TRUE;
}

/* Imports: one undo step for many records, written in the caller's
 * transaction. The records are kept as written (store-less, with their row
 * ids), so redo writes them back with the same ids. */

struct _LtUndoGroup
{
  GPtrArray *entries;
};

LtUndoGroup *
_lt_undo_group_new (void)
{
  LtUndoGroup *group = g_new0 (LtUndoGroup, 1);

  group->entries = g_ptr_array_new_with_free_func (_lt_store_undo_entry_free);
  return group;
}

void
_lt_undo_group_free (LtUndoGroup *group)
{
  if (group == NULL)
    return;
  g_ptr_array_unref (group->entries);
  g_free (group);
}

/**
 * _lt_store_group_write:
 * @self: a store, in a transaction
 * @group: the import's undo group
 * @record: a store-less record; with a row id it replaces that record
 * @error: return location for an error
 *
 * Writes @record and remembers how to take it back. The group keeps a
 * reference to @record.
 */
gboolean
_lt_store_group_write (LtStore      *self,
                       LtUndoGroup  *group,
                       GObject      *record,
                       GError      **error)
{
  LtRecordKind kind = lt_record_get_kind (LT_RECORD (record));
  gint64 id = lt_record_get_id (LT_RECORD (record));
  g_autoptr(GObject) before = NULL;
  UndoEntry *entry;

  g_assert (self->in_transaction);

  if (id != 0 && !(before = snapshot (self, kind, id)))
    {
      g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_NOT_FOUND,
                   _("The record no longer exists"));
      return FALSE;
    }

  if (!_lt_store_put_record (self, record, id != 0, error))
    return FALSE;

  entry = g_new0 (UndoEntry, 1);
  entry->kind = kind;
  entry->change = id != 0 ? LT_CHANGE_UPDATED : LT_CHANGE_ADDED;
  entry->id = lt_record_get_id (LT_RECORD (record));
  entry->before = g_steal_pointer (&before);
  entry->after = g_object_ref (record);
  g_ptr_array_add (group->entries, entry);
  return TRUE;
}

/**
 * _lt_store_push_group:
 * @self: a store, after the import's transaction committed
 * @group: (transfer full): the import's undo group
 * @label: what undo would revert, e.g. "Import “events.csv”"
 *
 * Makes the whole import one undo step (nothing when it wrote nothing).
 */
void
_lt_store_push_group (LtStore     *self,
                      LtUndoGroup *group,
                      const char  *label)
{
  gboolean could_undo = lt_store_get_can_undo (self);
  gboolean could_redo = lt_store_get_can_redo (self);
  UndoEntry *entry;

  if (group->entries->len == 0)
    {
      _lt_undo_group_free (group);
      return;
    }

  entry = g_new0 (UndoEntry, 1);
  entry->change = LT_CHANGE_RELOADED;
  entry->children = g_steal_pointer (&group->entries);
  entry->label = g_strdup (label);
  g_free (group);

  g_ptr_array_add (self->undo_stack, entry);
  g_ptr_array_set_size (self->redo_stack, 0);
  _lt_store_notify_history (self, could_undo, could_redo);
}

/**
 * _lt_store_adopt_history:
 * @self: the window's store
 * @other: a worker's store on the same file, which just committed a change
 *
 * Moves @other's last undo step to @self and tells @self's models that
 * the file changed under them.
 */
void
_lt_store_adopt_history (LtStore *self,
                         LtStore *other)
{
  gboolean could_undo = lt_store_get_can_undo (self);
  gboolean could_redo = lt_store_get_can_redo (self);

  g_assert (!self->in_transaction);

  if (other->undo_stack->len > 0)
    {
      g_ptr_array_add (self->undo_stack,
                       g_ptr_array_steal_index (other->undo_stack, other->undo_stack->len - 1));
      g_ptr_array_set_size (self->redo_stack, 0);
    }

  _lt_store_invalidate_places (self);
  _lt_store_emit_changed (self, NULL, 0, LT_CHANGE_RELOADED);
  _lt_store_notify_history (self, could_undo, could_redo);
}

/**
 * lt_store_add_event:
 * @self: a store
 * @draft: an event made with [ctor@Event.new] (or a copy)
 * @error: return location for an error
 *
 * Adds @draft as a new event; on success @draft gets its row id and slug.
 *
 * Returns: the new row id, 0 on error
 */
gint64
lt_store_add_event (LtStore  *self,
                    LtEvent  *draft,
                    GError  **error)
{
  g_return_val_if_fail (LT_IS_STORE (self), 0);
  g_return_val_if_fail (LT_IS_EVENT (draft), 0);

  return add_record (self, draft, error);
}

/**
 * lt_store_update_event:
 * @self: a store
 * @event: a stored event with changes (see [method@Record.dup])
 * @error: return location for an error
 *
 * Returns: %TRUE on success
 */
gboolean
lt_store_update_event (LtStore  *self,
                       LtEvent  *event,
                       GError  **error)
{
  g_return_val_if_fail (LT_IS_STORE (self), FALSE);
  g_return_val_if_fail (LT_IS_EVENT (event), FALSE);

  return update_record (self, LT_RECORD_EVENT, G_OBJECT (event),
                        lt_record_get_id (LT_RECORD (event)), error);
}

gboolean
lt_store_delete_event (LtStore  *self,
                       gint64    id,
                       GError  **error)
{
  g_return_val_if_fail (LT_IS_STORE (self), FALSE);

  return delete_record (self, LT_RECORD_EVENT, id, error);
}

gint64
lt_store_add_actor (LtStore  *self,
                    LtActor  *draft,
                    GError  **error)
{
  g_return_val_if_fail (LT_IS_STORE (self), 0);
  g_return_val_if_fail (LT_IS_ACTOR (draft), 0);

  return add_record (self, draft, error);
}

gboolean
lt_store_update_actor (LtStore  *self,
                       LtActor  *actor,
                       GError  **error)
{
  g_return_val_if_fail (LT_IS_STORE (self), FALSE);
  g_return_val_if_fail (LT_IS_ACTOR (actor), FALSE);

  return update_record (self, LT_RECORD_ACTOR, G_OBJECT (actor),
                        lt_record_get_id (LT_RECORD (actor)), error);
}

/**
 * lt_store_delete_actor:
 * @self: a store
 * @id: an actor
 * @error: return location for an error
 *
 * Deletes the actor, its relations and its participation in events
 * (the events stay). Undo brings all of it back.
 *
 * Returns: %TRUE on success
 */
gboolean
lt_store_delete_actor (LtStore  *self,
                       gint64    id,
                       GError  **error)
{
  g_return_val_if_fail (LT_IS_STORE (self), FALSE);

  return delete_record (self, LT_RECORD_ACTOR, id, error);
}

gint64
lt_store_add_relation (LtStore     *self,
                       LtRelation  *draft,
                       GError     **error)
{
  g_return_val_if_fail (LT_IS_STORE (self), 0);
  g_return_val_if_fail (LT_IS_RELATION (draft), 0);

  return add_record (self, draft, error);
}

gboolean
lt_store_update_relation (LtStore     *self,
                          LtRelation  *relation,
                          GError     **error)
{
  g_return_val_if_fail (LT_IS_STORE (self), FALSE);
  g_return_val_if_fail (LT_IS_RELATION (relation), FALSE);

  return update_record (self, LT_RECORD_RELATION, G_OBJECT (relation),
                        lt_record_get_id (LT_RECORD (relation)), error);
}

gboolean
lt_store_delete_relation (LtStore  *self,
                          gint64    id,
                          GError  **error)
{
  g_return_val_if_fail (LT_IS_STORE (self), FALSE);

  return delete_record (self, LT_RECORD_RELATION, id, error);
}

gint64
lt_store_add_source (LtStore   *self,
                     LtSource  *draft,
                     GError   **error)
{
  g_return_val_if_fail (LT_IS_STORE (self), 0);
  g_return_val_if_fail (LT_IS_SOURCE (draft), 0);

  return add_record (self, draft, error);
}

gboolean
lt_store_update_source (LtStore   *self,
                        LtSource  *source,
                        GError   **error)
{
  g_return_val_if_fail (LT_IS_STORE (self), FALSE);
  g_return_val_if_fail (LT_IS_SOURCE (source), FALSE);

  return update_record (self, LT_RECORD_SOURCE, G_OBJECT (source),
                        lt_record_get_id (LT_RECORD (source)), error);
}

/**
 * lt_store_delete_source:
 * @self: a store
 * @id: a source
 * @error: return location for an error
 *
 * Deletes a source that nothing cites (%LT_STORE_ERROR_CONFLICT otherwise).
 *
 * Returns: %TRUE on success
 */
gboolean
lt_store_delete_source (LtStore  *self,
                        gint64    id,
                        GError  **error)
{
  g_return_val_if_fail (LT_IS_STORE (self), FALSE);

  return delete_record (self, LT_RECORD_SOURCE, id, error);
}

/* Drops @source_id's citations from a store-less copy of an event or relation. */
static void
drop_citations_of (GPtrArray *citations,
                   gint64     source_id)
{
  for (guint i = citations->len; i > 0; i--)
    if (((LtCitation *) g_ptr_array_index (citations, i - 1))->source_id == source_id)
      g_ptr_array_remove_index (citations, i - 1);
}

/**
 * lt_store_delete_source_and_citations:
 * @self: a store
 * @id: a source
 * @error: return location for an error
 *
 * Deletes a source with every citation of it: the events and relations that cite it stay,
 * without that citation. One undo step brings the source and all its citations back.
 *
 * Returns: %TRUE on success
 */
gboolean
lt_store_delete_source_and_citations (LtStore  *self,
                                      gint64    id,
                                      GError  **error)
{
  g_autoptr(GArray) event_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) relation_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GObject) source = NULL;
  gboolean could_undo = lt_store_get_can_undo (self);
  gboolean could_redo = lt_store_get_can_redo (self);
  UndoEntry *group;
  UndoEntry *removal;

  g_return_val_if_fail (LT_IS_STORE (self), FALSE);

  if (!(source = snapshot (self, LT_RECORD_SOURCE, id)))
    {
      g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_NOT_FOUND,
                   _("The record no longer exists"));
      return FALSE;
    }
  if (!_lt_store_collect_ids (self, "SELECT DISTINCT event_id FROM citations WHERE source_id = ?1 AND event_id IS NOT NULL",
                    id, event_ids, error) ||
      !_lt_store_collect_ids (self, "SELECT DISTINCT relation_id FROM citations WHERE source_id = ?1 AND relation_id IS NOT NULL",
                    id, relation_ids, error))
    return FALSE;

  group = g_new0 (UndoEntry, 1);
  group->change = LT_CHANGE_RELOADED;
  group->children = g_ptr_array_new_with_free_func (_lt_store_undo_entry_free);
  group->label = g_strdup_printf (_("Delete “%s”"), record_label (source));

  if (!_lt_store_begin (self, error))
    {
      _lt_store_undo_entry_free (group);
      return FALSE;
    }

  /* the citing records first, so that undo puts the source back before them */
  for (guint k = 0; k < 2; k++)
    {
      GArray *ids = k == 0 ? event_ids : relation_ids;
      LtRecordKind kind = k == 0 ? LT_RECORD_EVENT : LT_RECORD_RELATION;

      for (guint i = 0; i < ids->len; i++)
        {
          gint64 citing = g_array_index (ids, gint64, i);
          UndoEntry *entry = g_new0 (UndoEntry, 1);

          entry->kind = kind;
          entry->change = LT_CHANGE_UPDATED;
          entry->id = citing;
          entry->before = snapshot (self, kind, citing);
          entry->after = snapshot (self, kind, citing);
          g_ptr_array_add (group->children, entry);
          if (entry->before == NULL)
            goto fail;
          drop_citations_of (kind == LT_RECORD_EVENT ? lt_event_get_citations (LT_EVENT (entry->after))
                                                     : lt_relation_get_citations (LT_RELATION (entry->after)),
                             id);
          if (!_lt_store_put_record (self, entry->after, TRUE, error))
            goto fail;
        }
    }

  removal = g_new0 (UndoEntry, 1);
  removal->kind = LT_RECORD_SOURCE;
  removal->change = LT_CHANGE_REMOVED;
  removal->id = id;
  removal->before = g_steal_pointer (&source);
  g_ptr_array_add (group->children, removal);
  if (!_lt_store_remove_record (self, LT_RECORD_SOURCE, id, error) || !_lt_store_commit (self, error))
    goto fail;

  g_ptr_array_add (self->undo_stack, group);
  g_ptr_array_set_size (self->redo_stack, 0);
  _lt_store_notify_history (self, could_undo, could_redo);
  return TRUE;

fail:
  if (error != NULL && *error == NULL)
    g_set_error (error, LT_STORE_ERROR, LT_STORE_ERROR_NOT_FOUND, _("The record no longer exists"));
  if (self->in_transaction)
    _lt_store_rollback (self);
  _lt_store_undo_entry_free (group);
  return FALSE;
}

/* Applies one side of an entry: forward = redo, !forward = undo. */
static gboolean
apply_entry (LtStore    *self,
             UndoEntry  *entry,
             gboolean    forward,
             GError    **error)
{
  LtChange change = entry->change;

  /* An import goes back in reverse: its updates before the records they
   * may point at are removed. */
  if (entry->children != NULL)
    {
      for (guint i = 0; i < entry->children->len; i++)
        {
          guint k = forward ? i : entry->children->len - 1 - i;

          if (!apply_entry (self, g_ptr_array_index (entry->children, k), forward, error))
            return FALSE;
        }
      return TRUE;
    }

  switch (change)
    {
    case LT_CHANGE_ADDED:
      if (forward)
        return _lt_store_put_record (self, entry->after, FALSE, error);
      return _lt_store_remove_record (self, entry->kind, entry->id, error);

    case LT_CHANGE_REMOVED:
      if (forward)
        return _lt_store_remove_record (self, entry->kind, entry->id, error);
      if (!_lt_store_put_record (self, entry->before, FALSE, error))
        return FALSE;
      return entry->kind != LT_RECORD_ACTOR || restore_actor_dependents (self, entry, error);

    case LT_CHANGE_UPDATED:
      return _lt_store_put_record (self, forward ? entry->after : entry->before, TRUE, error);

    case LT_CHANGE_RELOADED:
    default:
      g_return_val_if_reached (FALSE);
    }
}

static gboolean
step_history (LtStore   *self,
              gboolean   forward,
              GError   **error)
{
  GPtrArray *from = forward ? self->redo_stack : self->undo_stack;
  GPtrArray *to = forward ? self->undo_stack : self->redo_stack;
  gboolean could_undo = lt_store_get_can_undo (self);
  gboolean could_redo = lt_store_get_can_redo (self);
  UndoEntry *entry;

  if (from->len == 0)
    {
      g_set_error_literal (error, LT_STORE_ERROR, LT_STORE_ERROR_NOTHING_TO_UNDO,
                           forward ? _("There is nothing to redo") : _("There is nothing to undo"));
      return FALSE;
    }

  entry = g_ptr_array_index (from, from->len - 1);

  if (!_lt_store_begin (self, error))
    return FALSE;

  /* A big import is taken back like it came in: no per-record signals,
   * one search rebuild and one RELOADED. */
  if (entry->children != NULL && entry->children->len > LT_UNDO_BULK_THRESHOLD)
    _lt_store_set_bulk (self, TRUE);

  if (!apply_entry (self, entry, forward, error) ||
      (self->bulk && !_lt_store_rebuild_search (self, error)))
    {
      _lt_store_rollback (self);
      return FALSE;
    }
  if (self->bulk)
    _lt_store_queue_change (self, LT_RECORD_EVENT, 0, LT_CHANGE_RELOADED);

  if (!_lt_store_commit (self, error))
    return FALSE;

  g_ptr_array_add (to, g_ptr_array_steal_index (from, from->len - 1));
  _lt_store_notify_history (self, could_undo, could_redo);
  return TRUE;
}

/**
 * lt_store_undo:
 * @self: a store
 * @error: return location for an error
 *
 * Reverts the last change made through the store.
 *
 * Returns: %TRUE on success
 */
gboolean
lt_store_undo (LtStore  *self,
               GError  **error)
{
  g_return_val_if_fail (LT_IS_STORE (self), FALSE);

  return step_history (self, FALSE, error);
}

/**
 * lt_store_redo:
 * @self: a store
 * @error: return location for an error
 *
 * Applies the last undone change again.
 *
 * Returns: %TRUE on success
 */
gboolean
lt_store_redo (LtStore  *self,
               GError  **error)
{
  g_return_val_if_fail (LT_IS_STORE (self), FALSE);

  return step_history (self, TRUE, error);
}

gboolean
lt_store_get_can_undo (LtStore *self)
{
  g_return_val_if_fail (LT_IS_STORE (self), FALSE);

  return self->undo_stack->len > 0;
}

gboolean
lt_store_get_can_redo (LtStore *self)
{
  g_return_val_if_fail (LT_IS_STORE (self), FALSE);

  return self->redo_stack->len > 0;
}

/**
 * lt_store_get_undo_label:
 * @self: a store
 *
 * Returns: (nullable): what undo would revert, e.g. "Delete “Viasna”"
 */
const char *
lt_store_get_undo_label (LtStore *self)
{
  UndoEntry *entry;

  g_return_val_if_fail (LT_IS_STORE (self), NULL);

  if (self->undo_stack->len == 0)
    return NULL;
  entry = g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1);
  return entry->label;
}

const char *
lt_store_get_redo_label (LtStore *self)
{
  UndoEntry *entry;

  g_return_val_if_fail (LT_IS_STORE (self), NULL);

  if (self->redo_stack->len == 0)
    return NULL;
  entry = g_ptr_array_index (self->redo_stack, self->redo_stack->len - 1);
  return entry->label;
}

void
lt_store_clear_history (LtStore *self)
{
  gboolean could_undo, could_redo;

  g_return_if_fail (LT_IS_STORE (self));

  could_undo = lt_store_get_can_undo (self);
  could_redo = lt_store_get_can_redo (self);
  g_ptr_array_set_size (self->undo_stack, 0);
  g_ptr_array_set_size (self->redo_stack, 0);
  _lt_store_notify_history (self, could_undo, could_redo);
}

