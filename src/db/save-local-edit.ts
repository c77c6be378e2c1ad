import type { Mutation } from '../domain/sync-protocol';
import { recordKey, type RecordKind } from '../domain/sync-record';
import { META_KEYS, OUTBOX_BY_RECORD, type AppDatabase } from './app-database';
import {
  pendingFoldableRows,
  prepareEdit,
  type FoldableRow,
  type LocalEdit,
  type PreparedEdit,
  type SavedState,
} from './prepare-edit';
import { InvalidRecordError } from './invalid-record-error';
import { fieldOf } from './row-problem';
import { saveDirectly } from './save-edit-directly';

export type { LocalEdit, SavedState } from './prepare-edit';

/**
 * The way every local edit is made: validates the record, then writes it and its outbox
 * row in ONE transaction, so there is never a saved edit the server will not hear about,
 * nor an outbox row for an edit that was not saved. No network call happens inside.
 *
 * Inside the same transaction it ticks the device's hybrid clock (corrected by the server
 * offset measured at the last sync) and reads the server change number the edit starts
 * from (baseSeq): both must match the stored state exactly, even with two tabs open.
 * Returns the mutation as it will be pushed (text fields trimmed by the schema).
 */
export async function saveWithMutation(db: AppDatabase, edit: LocalEdit): Promise<Mutation> {
  return (await writeEdit(db, edit, recordKey(edit.record))).mutation;
}

/**
 * saveWithMutation, for an editor that saves the same record again and again (the
 * scoresheet's autosave). Given what its previous save left (`after`), the edit is made
 * from that and written straight away, checked in the same transaction (saveDirectly);
 * if anything changed in between (a sync, another tab, another edit of this device),
 * nothing is written and the save is made again the usual way. Either way the record and
 * its outbox row are committed together, exactly as saveWithMutation would write them.
 * Returns the new state for the next save.
 */
export async function saveEdit(
  db: AppDatabase,
  edit: LocalEdit,
  after: SavedState | undefined,
): Promise<{ mutation: Mutation; state: SavedState }> {
  const key = recordKey(edit.record);
  // Only a scoresheet: its edits fold whatever else is in the outbox (foldableTail), so
  // its own rows are all the check needs to see.
  if (after?.key === key && edit.record.kind === 'scoresheet' && edit.fields !== undefined) {
    try {
      return await saveDirectly(db, edit, key, after);
    } catch (error) {
      // An invalid record fails the usual way too; anything else (a changed state, a
      // closing database) wrote nothing, and the usual way reads and writes afresh.
      if (error instanceof InvalidRecordError) throw error;
    }
  }
  return writeEdit(db, edit, key);
}

async function writeEdit(
  db: AppDatabase,
  edit: LocalEdit,
  key: string,
): Promise<{ mutation: Mutation; state: SavedState }> {
  const table = db.recordTable(edit.record.kind);
  return db.transaction('rw', [table, db.outbox, db.meta], async () => {
    // Every read in one go, then every write in one go: on a slow phone each round trip
    // to IndexedDB costs milliseconds.
    const [existing, [lastHlc, offset], pending] = await Promise.all([
      table.get(key),
      db.meta.bulkGet([META_KEYS.hlc, META_KEYS.serverOffsetMs]),
      pendingRowsOf(db, edit.record.kind, key),
    ]);
    const prepared = prepareEdit(
      edit,
      key,
      {
        rowSeq: fieldOf(existing, 'seq'),
        hlc: fieldOf(lastHlc, 'value'),
        offsetMs: fieldOf(offset, 'value'),
        unsent: await foldableTail(db, edit.record.kind, pending),
      },
      existing,
    );
    const outboxSeq = await writePrepared(db, key, prepared);
    return { mutation: prepared.mutation, state: prepared.savedState(outboxSeq) };
  });
}

/** Queues the writes of a prepared edit (no await in between); gives the outbox row's seq. */
async function writePrepared(
  db: AppDatabase,
  key: string,
  prepared: PreparedEdit,
): Promise<number> {
  const table = db.recordTable(prepared.mutation.record.kind);
  const [, , seq] = await Promise.all([
    prepared.recordRow === null ? table.delete(key) : table.put(prepared.recordRow),
    db.outbox.bulkDelete(prepared.deleteSeqs),
    db.outbox.add(prepared.outboxRow),
    db.meta.put({ key: META_KEYS.hlc, value: prepared.mutation.hlc }),
  ]);
  return seq;
}

/**
 * Which of a record's unsent edits the new one may fold into. A judge's scoresheets fold
 * always: nothing in a judge's outbox depends on another edit's place in it. Other records
 * do have dependents (an assignment needs its stage, an entry its competition) and
 * prerequisites (a stage opens only once judges are assigned), so folding an edit into an
 * earlier one, here or there, could put one before what it needs. They fold only over the
 * edits at the very end of the outbox, where no other record's edit sits in between;
 * earlier ones stay as they are and go up first, in the order they were made.
 */
async function foldableTail(
  db: AppDatabase,
  kind: RecordKind,
  pending: readonly FoldableRow[],
): Promise<FoldableRow[]> {
  const [first] = pending;
  if (kind === 'scoresheet' || first === undefined) return [...pending];
  const later = await db.outbox.where(':id').aboveOrEqual(first.seq).primaryKeys();
  const own = new Set(pending.map((row) => row.seq));
  const lastForeign = later.findLast((seq) => !own.has(seq));
  return lastForeign === undefined ? [...pending] : pending.filter((row) => row.seq > lastForeign);
}

/** The record's edits still waiting to be sent, oldest first. */
async function pendingRowsOf(
  db: AppDatabase,
  kind: RecordKind,
  key: string,
): Promise<FoldableRow[]> {
  return pendingFoldableRows(await db.outbox.where(OUTBOX_BY_RECORD).equals([kind, key]).toArray());
}
