import type { RecordKind, RecordOf } from '../domain/sync-record';
import { RECORD_INDEXES, type AppDatabase, type RecordIndexName } from './app-database';
import { parseRecordRow } from './parse-record-row';
import { parseRows, type RowList, type RowLookup } from './row-problem';

/**
 * Reads records of one kind. Every row is parsed with its schema on the way out; rows
 * that fail are reported in `problems` and left out, never returned half-valid.
 * Writes go through saveWithMutation (local edits) and applyPulledChanges (server).
 */

/** A plain value for a single-field index, a tuple for a compound one (stageAndEntry). */
export type IndexValue = string | number | readonly [string, string];

/** One record by its key: the id, or "id@version" for a rubric (rubricVersionKey). */
export async function getRecord<K extends RecordKind>(
  db: AppDatabase,
  kind: K,
  key: string,
): Promise<RowLookup<RecordOf<K>>> {
  const row = await db.recordTable(kind).get(key);
  if (row === undefined) return { status: 'absent' };
  const parsed = parseRecordRow(kind, row);
  return parsed.ok
    ? { status: 'found', row: parsed.value }
    : { status: 'corrupt', problem: parsed.problem };
}

/** Every record of a kind, in key order. */
export async function listRecords<K extends RecordKind>(
  db: AppDatabase,
  kind: K,
): Promise<RowList<RecordOf<K>>> {
  const rows = await db.recordTable(kind).toArray();
  return parseRows(rows, (row) => parseRecordRow(kind, row));
}

/** The records whose indexed field equals `value`, e.g. entries of one competition. */
export async function listRecordsWhere<K extends RecordKind>(
  db: AppDatabase,
  kind: K,
  index: RecordIndexName<K>,
  value: IndexValue,
): Promise<RowList<RecordOf<K>>> {
  const indexes: Record<string, string> = RECORD_INDEXES[kind];
  const keyPath = indexes[index];
  // The types rule this out; the check satisfies noUncheckedIndexedAccess with a clear message.
  if (keyPath === undefined) throw new RangeError(`${kind} has no index named ${index}`);
  const rows = await db
    .recordTable(kind)
    .where(keyPath)
    .equals(typeof value === 'object' ? [...value] : value)
    .toArray();
  return parseRows(rows, (row) => parseRecordRow(kind, row));
}
