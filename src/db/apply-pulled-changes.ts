import { describeIssues } from '../domain/describe-issues';
import { changeSchema, cursorSchema, type Change } from '../domain/sync-protocol';
import { recordKey, type RecordKind } from '../domain/sync-record';
import { META_KEYS, type AppDatabase } from './app-database';
import { InvalidRecordError } from './invalid-record-error';
import { localEditTarget, recordsWithLocalEdits, removeAcknowledged } from './outbox-repository';
import { fieldOf } from './row-problem';
import { toRecordRow } from './to-record-row';

export interface PulledPage {
  changes: readonly Change[];
  /** The server cursor after this page; stored only together with the page's rows. */
  cursor: number;
  /**
   * Mutations the same sync response acknowledged. They are removed first, in the same
   * transaction: otherwise their records would still look locally edited, the server's
   * (merged) version of them in this page would be held back, and the cursor would move
   * past it.
   */
  acknowledgedMutationIds?: readonly string[];
}

export interface AppliedPage {
  /** How many changes were written. */
  written: number;
  /**
   * Changes not written because the record has a local edit in the outbox. A pending
   * edit's answer arrives as a later change and replaces it then; a rejected edit stays
   * on screen until the user resolves it, and whatever resolves it must fetch the
   * server's version again (the cursor has moved past this change).
   */
  keptLocal: { kind: RecordKind; key: string }[];
}

/**
 * Applies one page of pulled changes and stores the new cursor in ONE transaction
 * (ARCHITECTURE.md, sync protocol 2): after a crash either both are there or neither,
 * so the device never skips a change and never believes it has one it lacks.
 * Every change is validated before anything is written; one invalid record rejects the
 * whole page with an InvalidRecordError naming it, and the stored cursor stays put.
 */
export async function applyPulledChanges(db: AppDatabase, page: PulledPage): Promise<AppliedPage> {
  const cursor = cursorSchema.safeParse(page.cursor);
  if (!cursor.success) {
    throw new RangeError(
      `Pulled page cursor ${String(page.cursor)}: ${describeIssues(cursor.error.issues)}`,
    );
  }
  const changes = validatedChanges(page.changes);

  return db.transaction('rw', [...db.allRecordTables(), db.outbox, db.meta], async () => {
    await removeAcknowledged(db, page.acknowledgedMutationIds ?? []);
    const locallyEdited = await recordsWithLocalEdits(db);
    const applied: AppliedPage = { written: 0, keptLocal: [] };
    // Applied one by one in change order, so a record written and then removed (or the
    // reverse) within one page ends as the server left it.
    for (const change of changes) {
      const kind = 'record' in change ? change.record.kind : change.removed.kind;
      const key = 'record' in change ? recordKey(change.record) : change.removed.key;
      // A record with an unanswered local edit keeps it: the user's work never leaves the
      // device before the server has answered it (sync protocol 11).
      if (locallyEdited.has(localEditTarget(kind, key))) {
        applied.keptLocal.push({ kind, key });
        // Remember the newest server version held back, so that discarding the local edit
        // can fetch it again (discardRejected steps the cursor back to before it).
        await db.recordTable(kind).update(key, { heldSeq: change.seq });
        continue;
      }
      const table = db.recordTable(kind);
      if ('record' in change) await table.put({ ...toRecordRow(change.record), seq: change.seq });
      else await table.delete(key);
      applied.written += 1;
    }
    await db.meta.put({ key: META_KEYS.cursor, value: cursor.data });
    return applied;
  });
}

/** Parses every change, then orders them by seq, the order the server applied them. */
function validatedChanges(changes: readonly Change[]): Change[] {
  const valid: Change[] = [];
  changes.forEach((change, index) => {
    const parsed = changeSchema.safeParse(change);
    if (!parsed.success) {
      throw new InvalidRecordError(
        `Pulled change ${index + 1} of ${changes.length} (${describeTarget(change)}) is invalid: ` +
          `${describeIssues(parsed.error.issues)}. Nothing from this page was written.`,
      );
    }
    valid.push(parsed.data);
  });
  return valid.sort((a, b) => a.seq - b.seq);
}

/** "seq 17, entry 0190…" from whatever arrived, even when it is not a valid change. */
function describeTarget(change: unknown): string {
  const record = fieldOf(change, 'record');
  const removed = fieldOf(change, 'removed');
  const target =
    removed === undefined
      ? `${String(fieldOf(record, 'kind'))} ${String(fieldOf(fieldOf(record, 'data'), 'id'))}`
      : `removal of ${String(fieldOf(removed, 'kind'))} ${String(fieldOf(removed, 'key'))}`;
  return `seq ${String(fieldOf(change, 'seq'))}, ${target}`;
}
