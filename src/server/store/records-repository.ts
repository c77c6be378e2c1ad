import { recordKey, type SyncRecord } from '../../domain/sync-record';
import type { SqlExecutor } from './sql-client';

/**
 * Takes `count` change numbers from the serialized counter. Call inside the transaction
 * that writes the changes: the counter row stays locked until that transaction ends.
 */
export async function takeChangeNumbers(tx: SqlExecutor, count: number): Promise<number[]> {
  const rows = await tx.query<{ last_seq: string | number }>(
    'UPDATE change_counter SET last_seq = last_seq + $1 RETURNING last_seq',
    [count],
  );
  const last = Number(rows[0]?.last_seq);
  return Array.from({ length: count }, (_, i) => last - count + 1 + i);
}

/**
 * Writes records with fresh change numbers in one statement (PGlite writes 10,000 rows
 * in one multi-row statement in about 55 ms, but row by row in about 1.4 s).
 */
export async function putRecords(
  tx: SqlExecutor,
  records: readonly SyncRecord[],
): Promise<number[]> {
  if (records.length === 0) return [];
  const seqs = await takeChangeNumbers(tx, records.length);
  const rows = records.map((record, i) => ({
    kind: record.kind,
    key: recordKey(record),
    data: record.data,
    seq: seqs[i],
  }));
  await tx.query(
    `INSERT INTO records (kind, key, data, seq)
     SELECT r.kind, r.key, r.data, r.seq
       FROM jsonb_to_recordset($1::jsonb) AS r(kind text, key text, data jsonb, seq bigint)
     ON CONFLICT (kind, key) DO UPDATE SET data = excluded.data, seq = excluded.seq`,
    [JSON.stringify(rows)],
  );
  return seqs;
}

export async function countRecords(db: SqlExecutor): Promise<number> {
  const rows = await db.query<{ n: string | number }>('SELECT count(*) AS n FROM records');
  return Number(rows[0]?.n ?? 0);
}
