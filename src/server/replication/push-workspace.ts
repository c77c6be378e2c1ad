import type { AuditEntry } from '../../domain/audit-entry';
import type { FieldStamps } from '../../domain/scoresheet-merge';
import type { Mutation } from '../../domain/sync-protocol';
import {
  recordKey,
  type RecordKind,
  type RecordOf,
  type SyncRecord,
} from '../../domain/sync-record';
import { hashAuditEntry } from '../audit/hash-audit-entry';
import type { SqlExecutor } from '../store/sql-client';
import { loadRecordsWhere } from './load-records';
import type { PushOutcome } from './push-outcome';
import { storageKey, type StoredRecord } from './stored-record';
import type { PushAuthor } from './push-batch';

interface AppliedRow {
  mutation_id: string;
  device_id: string;
  user_id: string;
  outcome: PushOutcome;
  made_at: string;
  applied_at: string;
  clock_skew_ms: number | null;
}

/**
 * The records one push reads and writes, held in memory while the batch is decided, and
 * written at the end in a few multi-row statements. Change numbers are handed out here:
 * the caller holds the counter row's lock, so nobody else can take one meanwhile.
 */
export class PushWorkspace {
  private readonly records = new Map<string, StoredRecord | null>();
  private readonly writes = new Map<string, StoredRecord>();
  private readonly removals: { user_id: string; kind: string; key: string; seq: number }[] = [];
  private readonly applied: AppliedRow[] = [];
  private readonly loadedWhere = new Set<string>();
  private readonly audited: (AuditEntry & { prevHash: string; hash: string })[] = [];

  constructor(
    private readonly tx: SqlExecutor,
    private lastSeq: number,
    /** The audit chain's head, read under the counter's lock (lockCounterAndLoad). */
    private auditHead: { position: number; hash: string },
  ) {}

  preload(found: Map<string, StoredRecord>): void {
    for (const [key, value] of found) this.records.set(key, value);
  }

  /** A live record of the given kind, or null when absent or deleted. */
  get<K extends RecordKind>(
    kind: K,
    key: string,
  ): { data: RecordOf<K>; seq: number; stamps: FieldStamps | null } | null {
    const stored = this.records.get(storageKey(kind, key));
    if (!stored || stored.deleted || stored.record.kind !== kind) return null;
    return { data: stored.record.data as RecordOf<K>, seq: stored.seq, stamps: stored.stamps };
  }

  /** Whether a record of this kind and key was ever stored, even if deleted since. */
  hasEverExisted(kind: RecordKind, key: string): boolean {
    return (this.records.get(storageKey(kind, key)) ?? null) !== null;
  }

  /** The change number the next write will get. */
  peekSeq(): number {
    return this.lastSeq + 1;
  }

  /** Stores a record (or its tombstone) with the next change number and returns that number. */
  put(
    record: SyncRecord,
    options: { stamps?: FieldStamps | null; deleted?: boolean } = {},
  ): number {
    const seq = ++this.lastSeq;
    const stored: StoredRecord = {
      record,
      seq,
      deleted: options.deleted ?? false,
      stamps: options.stamps ?? null,
    };
    const key = storageKey(record.kind, recordKey(record));
    this.records.set(key, stored);
    this.writes.set(key, stored);
    return seq;
  }

  /** Tells one user's devices to drop a record they may no longer read. */
  remove(userId: string, kind: RecordKind, key: string): number {
    const seq = ++this.lastSeq;
    this.removals.push({ user_id: userId, kind, key, seq });
    return seq;
  }

  /**
   * Every live record of a kind whose field at `path` ("stageId", or "unit.name") equals
   * `value`, including this batch's writes.
   */
  async where<K extends RecordKind>(kind: K, path: string, value: string): Promise<RecordOf<K>[]> {
    const steps = path.split('.');
    const marker = `${kind}\u0000${path}\u0000${value}`;
    if (!this.loadedWhere.has(marker)) {
      this.loadedWhere.add(marker);
      for (const stored of await loadRecordsWhere(this.tx, kind, steps, value)) {
        const key = storageKey(stored.record.kind, recordKey(stored.record));
        if (!this.records.has(key)) this.records.set(key, stored);
      }
    }
    const matches: RecordOf<K>[] = [];
    for (const stored of this.records.values()) {
      if (!stored || stored.deleted || stored.record.kind !== kind) continue;
      const found = steps.reduce<unknown>(
        (node, step) =>
          typeof node === 'object' && node !== null
            ? (node as Record<string, unknown>)[step]
            : undefined,
        stored.record.data,
      );
      if (found === value) matches.push(stored.record.data as RecordOf<K>);
    }
    return matches;
  }

  /**
   * Appends an applied scoresheet change to the audit chain; it is written by flush, in
   * the same statement as the change. Hashed here, in the order of the batch, which is
   * the order the changes were applied in.
   */
  recordScoreChange(change: Omit<AuditEntry, 'position'>): void {
    const entry: AuditEntry = { position: this.auditHead.position + 1, ...change };
    const hash = hashAuditEntry(this.auditHead.hash, entry);
    this.audited.push({ ...entry, prevHash: this.auditHead.hash, hash });
    this.auditHead = { position: entry.position, hash };
  }

  recordOutcome(mutation: Mutation, author: PushAuthor, outcome: PushOutcome, now: Date): void {
    this.applied.push({
      mutation_id: mutation.id,
      device_id: author.deviceId,
      user_id: author.user.id,
      outcome,
      made_at: mutation.madeAt,
      applied_at: now.toISOString(),
      clock_skew_ms: outcome.type === 'ack' ? (outcome.clockSkewMs ?? null) : null,
    });
  }

  /**
   * Writes everything decided (the audit rows and the chain's new head too) and moves the
   * counter past the last number handed out, in one statement. Nothing to write (every
   * mutation a replay or malformed): no statement.
   * Every write goes with the counter's update, which lockCounterAndLoad relies on.
   */
  async flush(): Promise<void> {
    if (this.writes.size === 0 && this.removals.length === 0 && this.applied.length === 0) return;
    const rows = [...this.writes.values()].map((s) => ({
      kind: s.record.kind,
      key: recordKey(s.record),
      data: s.record.data,
      seq: s.seq,
      deleted: s.deleted,
      field_stamps: s.stamps,
    }));
    await this.tx.query(
      `WITH written AS (
         INSERT INTO records (kind, key, data, seq, deleted, field_stamps)
         SELECT r.kind, r.key, r.data, r.seq, r.deleted, r.field_stamps
           FROM jsonb_to_recordset($1::jsonb)
             AS r(kind text, key text, data jsonb, seq bigint, deleted boolean, field_stamps jsonb)
         ON CONFLICT (kind, key) DO UPDATE
           SET data = excluded.data, seq = excluded.seq, deleted = excluded.deleted,
               field_stamps = excluded.field_stamps
       ), removed AS (
         INSERT INTO removals (user_id, kind, key, seq)
         SELECT r.user_id, r.kind, r.key, r.seq
           FROM jsonb_to_recordset($2::jsonb) AS r(user_id text, kind text, key text, seq bigint)
       ), answered AS (
         INSERT INTO applied_mutations
           (mutation_id, device_id, user_id, outcome, made_at, applied_at, clock_skew_ms)
         SELECT r.mutation_id, r.device_id, r.user_id, r.outcome, r.made_at, r.applied_at,
                r.clock_skew_ms
           FROM jsonb_to_recordset($3::jsonb)
             AS r(mutation_id text, device_id text, user_id text, outcome jsonb,
                  made_at timestamptz, applied_at timestamptz, clock_skew_ms bigint)
       ), audited AS (
         INSERT INTO audit_log
           (position, mutation_id, user_id, device_id, made_at, hlc, applied_at, record_seq,
            scoresheet_id, stage_id, entry_id, judge_id, changes, prev_hash, hash)
         SELECT r."position", r."mutationId", r."userId", r."deviceId", r."madeAt", r.hlc,
                r."appliedAt", r."recordSeq", r."scoresheetId", r."stageId", r."entryId",
                r."judgeId", r.changes, r."prevHash", r.hash
           FROM jsonb_to_recordset($5::jsonb)
             AS r("position" bigint, "mutationId" text, "userId" text, "deviceId" text,
                  "madeAt" text, hlc text, "appliedAt" text, "recordSeq" bigint,
                  "scoresheetId" text, "stageId" text, "entryId" text, "judgeId" text,
                  changes jsonb, "prevHash" text, hash text)
       ), chained AS (
         UPDATE audit_head SET position = $6, hash = $7 WHERE position <> $6
       )
       UPDATE change_counter SET last_seq = $4`,
      [
        JSON.stringify(rows),
        JSON.stringify(this.removals),
        JSON.stringify(this.applied),
        this.lastSeq,
        JSON.stringify(this.audited),
        this.auditHead.position,
        this.auditHead.hash,
      ],
    );
  }
}
