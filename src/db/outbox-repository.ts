import type * as z from 'zod/mini';
import type { rejectionSchema, Mutation } from '../domain/sync-protocol';
import type { RecordKind } from '../domain/sync-record';
import { OUTBOX_BY_RECORD, type AppDatabase } from './app-database';
import { outboxRowSchema, type OutboxRow, type OutboxStatus } from './outbox-row';
import { fieldOf, parseRows, rowProblem, type ParsedRow, type RowList } from './row-problem';

/**
 * The outbox: every local edit waiting for the server. Rows leave it only when the server
 * acknowledges them (ARCHITECTURE.md, sync protocol 3); a rejected row stays, marked, so
 * the user sees it.
 */

export type Rejection = z.infer<typeof rejectionSchema>;

/** Pending mutations in the order they were made, at most `limit` (one push's worth). */
export async function listPendingMutations(
  db: AppDatabase,
  limit = Infinity,
): Promise<RowList<Mutation>> {
  // Rows with equal index values come back in primary key order, i.e. by seq.
  const rows = await db.outbox.where('status').equals('pending').limit(limit).toArray();
  const list = parseRows(rows, parseOutboxRow);
  return { rows: list.rows.map((row) => row.mutation), problems: list.problems };
}

/** Rejected mutations with the server's reason, oldest first, for the user to resolve. */
export async function listRejectedMutations(db: AppDatabase): Promise<RowList<OutboxRow>> {
  const rows = await db.outbox.where('status').equals('rejected').toArray();
  return parseRows(rows, parseOutboxRow);
}

/** Deletes the rows the server acknowledged. Returns how many were there. */
export async function removeAcknowledged(
  db: AppDatabase,
  mutationIds: readonly string[],
): Promise<number> {
  if (mutationIds.length === 0) return 0;
  return db.outbox
    .where('mutation.id')
    .anyOf([...mutationIds])
    .delete();
}

/**
 * Marks rows the server refused (4xx on that mutation): they stay, are no longer pushed,
 * and carry the reason. Returns how many rows were marked.
 */
export async function markRejected(
  db: AppDatabase,
  rejections: readonly Rejection[],
  nowMs: number,
): Promise<number> {
  return db.transaction('rw', db.outbox, async () => {
    let marked = 0;
    for (const { mutationId, code, message } of rejections) {
      marked += await db.outbox
        .where('mutation.id')
        .equals(mutationId)
        .modify({ status: 'rejected', rejection: { code, message, atMs: nowMs } });
    }
    return marked;
  });
}

export interface OutboxSummary {
  pendingCount: number;
  rejectedCount: number;
  /** How long the oldest pending edit has waited; undefined when nothing is pending. */
  oldestPendingAgeMs: number | undefined;
}

/** What the status bar shows: unsynced edits and how old the oldest one is. */
export async function summarizeOutbox(db: AppDatabase, nowMs: number): Promise<OutboxSummary> {
  return db.transaction('r', db.outbox, async () => {
    // A fresh collection for each query: Dexie collections are mutable (first() sets a
    // limit on the collection it is called on), so sharing one would cap the count at 1.
    const withStatus = (status: OutboxStatus) => db.outbox.where('status').equals(status);
    const [pendingCount, rejectedCount, oldest] = await Promise.all([
      withStatus('pending').count(),
      withStatus('rejected').count(),
      withStatus('pending').first(),
    ]);
    const createdAtMs = fieldOf(oldest, 'createdAtMs');
    return {
      pendingCount,
      rejectedCount,
      // The first pending row by seq is the first edit made. Its age is never negative:
      // the device clock may have been set back since (phone clocks lie).
      oldestPendingAgeMs:
        typeof createdAtMs === 'number' ? Math.max(0, nowMs - createdAtMs) : undefined,
    };
  });
}

/**
 * The records that have an outbox row, pending or rejected, as `kind:key`. A pull must
 * not overwrite them: the user's edit stays on screen until the server has answered it.
 */
export async function recordsWithLocalEdits(db: AppDatabase): Promise<Set<string>> {
  const keys = await db.outbox.orderBy(OUTBOX_BY_RECORD).keys();
  const targets = new Set<string>();
  for (const key of keys) {
    if (Array.isArray(key)) targets.add(`${String(key[0])}:${String(key[1])}`);
  }
  return targets;
}

/** The `kind:key` text recordsWithLocalEdits uses. */
export function localEditTarget(kind: RecordKind, key: string): string {
  return `${kind}:${key}`;
}

function parseOutboxRow(row: unknown): ParsedRow<OutboxRow> {
  const parsed = outboxRowSchema.safeParse(row);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, problem: rowProblem('outbox', fieldOf(row, 'seq'), parsed.error.issues) };
}
