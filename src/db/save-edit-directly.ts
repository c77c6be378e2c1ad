import { Dexie, RangeSet, type ObservabilitySet } from 'dexie';
import type { Mutation } from '../domain/sync-protocol';
import type { RecordKind } from '../domain/sync-record';
import { META_KEYS, OUTBOX_BY_RECORD, type AppDatabase, type RecordRow } from './app-database';
import {
  isStillSaved,
  pendingFoldableRows,
  prepareEdit,
  type LocalEdit,
  type PreparedEdit,
  type SavedState,
} from './prepare-edit';

/** The stored state was not what the save was made from; nothing was written. */
export class StateChanged extends Error {
  constructor() {
    super('The record, the clock or the outbox changed since the last save');
  }
}

/**
 * The autosave's next save of a record, made from what its last save left (`after`) and
 * written in one IndexedDB transaction together with the reads that check that state: the
 * reads are queued first, so they see the state before the writes, and if anything changed
 * the transaction is aborted and StateChanged thrown, with nothing written.
 *
 * It talks to IndexedDB itself rather than through Dexie. On a phone-speed CPU (4× slowdown)
 * Dexie's transaction, promise zones and request wrappers cost the keystroke more than the
 * database does; this path issues every request inside the input event, before the
 * screen is redrawn. It writes exactly the rows the Dexie path writes (save-edit.test.ts),
 * and then tells Dexie's live queries, here and in other tabs, what changed.
 */
export async function saveDirectly(
  db: AppDatabase,
  edit: LocalEdit,
  key: string,
  after: SavedState,
): Promise<{ mutation: Mutation; state: SavedState }> {
  if (!db.isOpen() || edit.op === 'delete') throw new StateChanged();
  const tableName = db.recordTable(edit.record.kind).name;
  const outboxName = db.outbox.name;
  const metaName = db.meta.name;
  const tx = db.backendDB().transaction([tableName, outboxName, metaName], 'readwrite');
  const committed = new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new StateChanged());
  });
  committed.catch(() => undefined); // awaited below, unless the check aborts first
  const records = tx.objectStore(tableName);
  const outbox = tx.objectStore(outboxName);
  const meta = tx.objectStore(metaName);
  const reads = Promise.all([
    result(records.get(key)),
    result(meta.get(META_KEYS.hlc)),
    result(meta.get(META_KEYS.serverOffsetMs)),
    result(outbox.index(OUTBOX_BY_RECORD).getAll([edit.record.kind, key])),
  ]);
  reads.catch(() => undefined); // awaited below, unless the edit is refused first
  let prepared: PreparedEdit;
  let recordRow: RecordRow<RecordKind>;
  let added: Promise<unknown>;
  try {
    prepared = prepareEdit(
      edit,
      key,
      { rowSeq: after.rowSeq, hlc: after.hlc, offsetMs: after.offsetMs, unsent: [after.outbox] },
      undefined,
    );
    if (prepared.recordRow === null) throw new StateChanged(); // not reached: no deletes here
    recordRow = prepared.recordRow;
    records.put(recordRow);
    for (const seq of prepared.deleteSeqs) outbox.delete(seq);
    added = result(outbox.add(prepared.outboxRow));
    meta.put({ key: META_KEYS.hlc, value: prepared.mutation.hlc });
  } catch (error) {
    // An invalid edit, or a write refused as it is made: none of the writes may commit.
    tx.abort();
    throw error;
  }

  // The check runs when the reads are answered, before the writes are: still in time to
  // abort them all.
  const [row, hlc, offset, rows] = await reads;
  const pending = pendingFoldableRows(Array.isArray(rows) ? rows : []);
  if (!isStillSaved(after, { row, hlc, offset, pending })) {
    tx.abort();
    throw new StateChanged();
  }
  const outboxSeq = await added;
  await committed;
  // After the caller has heard of the commit: the live queries read again in a task of
  // their own, not in the keystroke's.
  setTimeout(() => {
    Dexie.on('storagemutated').fire(changedParts(db, tableName, recordRow));
  });
  return { mutation: prepared.mutation, state: prepared.savedState(Number(outboxSeq)) };
}

/**
 * What the live queries must hear about: the record's row (under its key and each of its
 * index values, as Dexie's own writes report them), the clock, and the whole outbox.
 */
function changedParts(db: AppDatabase, tableName: string, row: { key: string }): ObservabilitySet {
  const part = (table: string, index: string) => `idb://${db.name}/${table}/${index}`;
  const parts: ObservabilitySet = {
    [part(tableName, '')]: new RangeSet(row.key),
    [part(db.meta.name, '')]: new RangeSet(META_KEYS.hlc),
  };
  for (const index of db.table(tableName).schema.indexes) {
    const { keyPath } = index;
    if (keyPath === undefined) continue;
    const value: unknown = Array.isArray(keyPath)
      ? keyPath.map((path): unknown => Dexie.getByKeyPath(row, path))
      : (Dexie.getByKeyPath(row, keyPath) as unknown);
    parts[part(tableName, index.name)] = new RangeSet(value as string);
  }
  const everything = new RangeSet(-Infinity, [[[]]]);
  const outboxParts = ['', ':dels', ...db.outbox.schema.indexes.map((index) => index.name)];
  for (const index of outboxParts) parts[part(db.outbox.name, index)] = everything;
  return parts;
}

/** A request's result, or its error. Never left unhandled: a failure aborts the lot. */
function result(request: IDBRequest): Promise<unknown> {
  const promise = new Promise<unknown>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result as unknown);
    request.onerror = () => reject(request.error ?? new StateChanged());
  });
  promise.catch(() => undefined);
  return promise;
}
