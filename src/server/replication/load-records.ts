import * as z from 'zod/mini';
import { syncRecordSchema } from '../../domain/sync-record';
import type { SqlExecutor } from '../store/sql-client';
import { storageKey, type StoredRecord } from './stored-record';

const stampsSchema = z.nullable(
  z.record(z.string(), z.object({ hlc: z.string(), seq: z.number(), deviceId: z.string() })),
);

interface Row {
  kind: string;
  key: string;
  data: unknown;
  seq: string | number;
  deleted: boolean;
  field_stamps: unknown;
}

function toStored(row: Row): StoredRecord {
  return {
    record: syncRecordSchema.parse({ kind: row.kind, data: row.data }),
    seq: Number(row.seq),
    deleted: row.deleted,
    stamps: stampsSchema.parse(row.field_stamps ?? null),
  };
}

/** Loads the named records in one query, keyed by storageKey(kind, key). */
export async function loadRecords(
  db: SqlExecutor,
  targets: readonly { kind: string; key: string }[],
): Promise<Map<string, StoredRecord>> {
  const found = new Map<string, StoredRecord>();
  if (targets.length === 0) return found;
  const rows = await db.query<Row>(
    `SELECT r.kind, r.key, r.data, r.seq, r.deleted, r.field_stamps
       FROM records r
       JOIN jsonb_to_recordset($1::jsonb) AS t(kind text, key text) ON r.kind = t.kind AND r.key = t.key`,
    [JSON.stringify(targets)],
  );
  for (const row of rows) found.set(storageKey(row.kind, row.key), toStored(row));
  return found;
}

/** Loads every live record of one kind whose data at `path` (e.g. unit.name) equals `value`. */
export async function loadRecordsWhere(
  db: SqlExecutor,
  kind: string,
  path: readonly string[],
  value: string,
): Promise<StoredRecord[]> {
  const rows = await db.query<Row>(
    `SELECT kind, key, data, seq, deleted, field_stamps FROM records
      WHERE kind = $1 AND data #>> $2::text[] = $3 AND NOT deleted`,
    [kind, `{${path.join(',')}}`, value],
  );
  return rows.map(toStored);
}
