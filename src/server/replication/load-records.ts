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

/** What a push starts from: the counter, the answers already given, the records it reads. */
export interface PushStart {
  /** The counter's value; the caller holds its row lock until it commits. */
  lastSeq: number;
  /** mutation id → the stored answer (unparsed) of every mutation already applied. */
  outcomes: Map<string, unknown>;
  /** storageKey(kind, key) → every named record that exists (deleted ones included). */
  records: Map<string, StoredRecord>;
  /**
   * The audit chain's head. Only a push writes it, always with the counter, so it is
   * current for as long as the counter's lock is held: the chain's order is commit order.
   */
  auditHead: { position: number; hash: string };
}

interface StartRow extends Row {
  what: 'counter' | 'outcome' | 'record' | 'audit-head';
  fresh: boolean | null;
}

/**
 * Locks the counter row and loads everything a push needs, in one statement:
 * the answers already given to these mutation ids, the named records and the audit chain's
 * head. Records are
 * asked for as every kind × key pair (`= ANY` on both columns of the primary key, an index
 * lookup however large the table is); the few extra pairs are dropped here.
 *
 * One statement reads from one snapshot, taken before the lock was granted. If another
 * push committed while this one waited for the lock, the counter row it locked is newer
 * than the one in the snapshot (every writer updates it), and the answers and records
 * are read again, now that the lock is held. PGlite never waits; PostgreSQL only under
 * contention.
 */
export async function lockCounterAndLoad(
  tx: SqlExecutor,
  mutationIds: readonly string[],
  targets: readonly { kind: string; key: string }[],
): Promise<PushStart> {
  const wanted = new Set(targets.map((t) => storageKey(t.kind, t.key)));
  const params = [
    [...new Set(mutationIds)],
    [...new Set(targets.map((t) => t.kind))],
    [...new Set(targets.map((t) => t.key))],
  ];
  const reads = `
    SELECT 'outcome' AS what, NULL AS kind, mutation_id AS key, outcome AS data,
           NULL::bigint AS seq, NULL::boolean AS deleted, NULL::jsonb AS field_stamps,
           NULL::boolean AS fresh
      FROM applied_mutations WHERE mutation_id = ANY($1::text[])
    UNION ALL
    SELECT 'record', kind, key, data, seq, deleted, field_stamps, NULL
      FROM records WHERE kind = ANY($2::text[]) AND key = ANY($3::text[])
    UNION ALL
    SELECT 'audit-head', NULL, hash, NULL, position, NULL, NULL, NULL FROM audit_head`;
  let rows = await tx.query<StartRow>(
    `WITH counter AS (SELECT last_seq, xmin::text AS version FROM change_counter FOR UPDATE)
     SELECT 'counter' AS what, NULL AS kind, NULL AS key, NULL::jsonb AS data,
            last_seq AS seq, NULL::boolean AS deleted, NULL::jsonb AS field_stamps,
            version = (SELECT xmin::text FROM change_counter) AS fresh
       FROM counter
     UNION ALL ${reads}`,
    params,
  );
  const counter = rows.find((row) => row.what === 'counter');
  if (!counter) throw new Error('the change_counter row is missing');
  if (counter.fresh !== true) rows = await tx.query<StartRow>(reads, params);

  const head = rows.find((row) => row.what === 'audit-head');
  if (!head) throw new Error('the audit_head row is missing');
  const start: PushStart = {
    lastSeq: Number(counter.seq),
    outcomes: new Map(),
    records: new Map(),
    auditHead: { position: Number(head.seq), hash: head.key },
  };
  for (const row of rows) {
    if (row.what === 'outcome') start.outcomes.set(row.key, row.data);
    else if (row.what === 'record') {
      const key = storageKey(row.kind, row.key);
      if (wanted.has(key)) start.records.set(key, toStored(row));
    }
  }
  return start;
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
