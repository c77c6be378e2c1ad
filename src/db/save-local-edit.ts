import * as z from 'zod/mini';
import { describeIssues } from '../domain/describe-issues';
import { formatHlc, hlcSchema, parseHlc, tickHlc } from '../domain/hlc';
import { scoresheetSchema } from '../domain/scoresheet';
import { changedScoresheetFields } from '../domain/scoresheet-fields';
import { mutationSchema, type Mutation } from '../domain/sync-protocol';
import { recordKey, type RecordKind, type SyncRecord } from '../domain/sync-record';
import { META_KEYS, type AppDatabase } from './app-database';
import { InvalidRecordError } from './invalid-record-error';
import { OUTBOX_STATUSES } from './outbox-row';
import { fieldOf } from './row-problem';
import { toRecordRow } from './to-record-row';

export interface LocalEdit {
  record: SyncRecord;
  /** A fresh id (makeUuidV7) that the server uses to recognise a retried push. */
  mutationId: string;
  /** This device's id: the node of its hybrid clock. */
  deviceId: string;
  /** Device clock, epoch milliseconds. */
  nowMs: number;
  /** 'delete' removes the record here and asks the server to; default 'put'. */
  op?: 'put' | 'delete';
  /** For scoresheets: the fields this edit set, so the server merges them alone. */
  fields?: readonly string[];
}

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
  return (await saveEdit(db, edit, undefined)).mutation;
}

/**
 * What a save left in the database for its record: enough for the next save of the same
 * record to be made without reading first (see saveEdit).
 */
export interface SavedState {
  key: string;
  /** The device clock and the server offset as stored after the save. */
  hlc: string;
  offsetMs: unknown;
  /** The record row's server change number as stored (undefined for a new record). */
  rowSeq: unknown;
  /** The record's one pending outbox row. */
  outbox: FoldableRow;
}

/** The stored state did not match what the save was made from; nothing was written. */
class StaleSavedState extends Error {}

/**
 * saveWithMutation, for an editor that saves the same record again and again (the
 * scoresheet's autosave). Given what its previous save left (`after`), the edit is made
 * from that and written in the same IndexedDB round trip as the reads that check it: the
 * reads are queued first, so they see the state before the writes, and if anything
 * changed in between (a sync, another tab, another edit of this device) the transaction
 * is aborted, nothing is written, and the save is made again the usual way. Either way
 * the record and its outbox row are committed together, exactly as saveWithMutation
 * would write them. Returns the new state for the next save.
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
      return await writeEdit(db, edit, key, after);
    } catch (error) {
      if (!(error instanceof StaleSavedState)) throw error;
    }
  }
  return writeEdit(db, edit, key, undefined);
}

async function writeEdit(
  db: AppDatabase,
  edit: LocalEdit,
  key: string,
  after: SavedState | undefined,
): Promise<{ mutation: Mutation; state: SavedState }> {
  const table = db.recordTable(edit.record.kind);
  return db.transaction('rw', [table, db.outbox, db.meta], async () => {
    // Every read in one go and every write in one go: on a slow phone each round trip to
    // IndexedDB costs milliseconds, and the autosave budget is 16 ms (PERFORMANCE.md).
    const reads = Promise.all([
      table.get(key),
      db.meta.bulkGet([META_KEYS.hlc, META_KEYS.serverOffsetMs]),
      pendingRowsOf(db, edit.record.kind, key),
    ]);
    let stored: StoredState;
    let written: ReturnType<typeof write>;
    if (after) {
      // Requests in one transaction run in the order they are made: the reads above see
      // the state before these writes, and a mismatch aborts the lot.
      stored = {
        rowSeq: after.rowSeq,
        hlc: after.hlc,
        offsetMs: after.offsetMs,
        unsent: [after.outbox],
      };
      written = write(db, edit, key, stored, undefined);
      written.catch(() => undefined); // awaited below, unless the check aborts first
      const [existing, [lastHlc, offset], unsent] = await reads;
      if (
        fieldOf(existing, 'seq') !== after.rowSeq ||
        fieldOf(lastHlc, 'value') !== after.hlc ||
        fieldOf(offset, 'value') !== after.offsetMs ||
        unsent.length !== 1 ||
        !sameFoldableRow(unsent[0], after.outbox)
      ) {
        throw new StaleSavedState();
      }
    } else {
      const [existing, [lastHlc, offset], pending] = await reads;
      stored = {
        rowSeq: fieldOf(existing, 'seq'),
        hlc: fieldOf(lastHlc, 'value'),
        offsetMs: fieldOf(offset, 'value'),
        unsent: await foldableTail(db, edit.record.kind, pending),
      };
      written = write(db, edit, key, stored, existing);
    }
    const { mutation, outbox } = written.made;
    const outboxSeq = await written;
    return {
      mutation,
      state: {
        key,
        hlc: mutation.hlc,
        offsetMs: stored.offsetMs,
        rowSeq: stored.rowSeq,
        outbox: { ...outbox, seq: outboxSeq },
      },
    };
  });
}

/** What an edit is made from: the stored state of its record, the clock and the outbox. */
interface StoredState {
  rowSeq: unknown;
  hlc: unknown;
  offsetMs: unknown;
  unsent: readonly FoldableRow[];
}

/**
 * Makes the mutation from the stored state and queues its writes (no await in between:
 * the transaction commits all of them or none). The promise gives the outbox row's seq.
 */
function write(
  db: AppDatabase,
  edit: LocalEdit,
  key: string,
  stored: StoredState,
  existing: unknown,
): Promise<number> & { made: { mutation: Mutation; outbox: Omit<FoldableRow, 'seq'> } } {
  const table = db.recordTable(edit.record.kind);
  const baseSeq = stored.rowSeq;
  const previous = hlcSchema.safeParse(stored.hlc);
  const hlc = tickHlc(
    previous.success ? parseHlc(previous.data) : null,
    edit.nowMs +
      (typeof stored.offsetMs === 'number' && Number.isFinite(stored.offsetMs)
        ? stored.offsetMs
        : 0),
    edit.deviceId,
  );
  const fields = edit.fields ?? fieldsChangedLocally(edit.record, existing);
  const { unsent } = stored;
  const folded = foldUnsent(unsent, {
    hlc: formatHlc(hlc),
    fields,
    baseSeq: typeof baseSeq === 'number' ? baseSeq : 0,
  });
  const parsed = mutationSchema.safeParse({
    id: edit.mutationId,
    madeAt: new Date(edit.nowMs).toISOString(),
    hlc: formatHlc(hlc),
    op: edit.op ?? 'put',
    record: edit.record,
    ...(folded.fields === undefined ? {} : { fields: folded.fields }),
    baseSeq: folded.baseSeq,
    ...(folded.fieldHlcs === undefined ? {} : { fieldHlcs: folded.fieldHlcs }),
  });
  if (!parsed.success) {
    throw new InvalidRecordError(
      `Cannot save ${edit.record.kind} ${edit.record.data.id}: ${describeIssues(parsed.error.issues)}`,
    );
  }
  const mutation = parsed.data;
  const row = toRecordRow(mutation.record);
  const createdAtMs = Math.min(edit.nowMs, ...unsent.map((unsentRow) => unsentRow.createdAtMs));
  const done = Promise.all([
    mutation.op === 'delete'
      ? table.delete(key)
      : table.put(typeof baseSeq === 'number' ? { ...row, seq: baseSeq } : row),
    db.outbox.bulkDelete(unsent.map((unsentRow) => unsentRow.seq)),
    db.outbox.add({ mutation, recordKey: key, status: 'pending', createdAtMs }),
    db.meta.put({ key: META_KEYS.hlc, value: mutation.hlc }),
  ]).then(([, , seq]) => seq);
  return Object.assign(done, {
    made: {
      mutation,
      outbox: {
        status: 'pending' as const,
        createdAtMs,
        mutation: {
          hlc: mutation.hlc,
          baseSeq: mutation.baseSeq,
          ...(mutation.fields === undefined ? {} : { fields: mutation.fields }),
          ...(mutation.fieldHlcs === undefined ? {} : { fieldHlcs: mutation.fieldHlcs }),
        },
      },
    },
  });
}

function sameFoldableRow(a: FoldableRow | undefined, b: FoldableRow): boolean {
  return (
    a !== undefined &&
    a.seq === b.seq &&
    a.status === b.status &&
    a.createdAtMs === b.createdAtMs &&
    a.mutation.hlc === b.mutation.hlc &&
    a.mutation.baseSeq === b.mutation.baseSeq &&
    JSON.stringify(a.mutation.fields) === JSON.stringify(b.mutation.fields) &&
    JSON.stringify(a.mutation.fieldHlcs) === JSON.stringify(b.mutation.fieldHlcs)
  );
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
/**
 * What folding reads of an unsent edit. Only these fields are parsed: the record inside
 * is replaced by the new edit anyway, and parsing it on every keystroke costs the
 * autosave its time budget on a slow phone.
 */
const foldableRowSchema = z.object({
  seq: z.int(),
  status: z.enum(OUTBOX_STATUSES),
  createdAtMs: z.number(),
  mutation: z.object({
    hlc: hlcSchema,
    baseSeq: z.int().check(z.gte(0)),
    fields: z.optional(z.array(z.string())),
    fieldHlcs: z.optional(z.record(z.string(), hlcSchema)),
  }),
});
type FoldableRow = z.infer<typeof foldableRowSchema>;

async function pendingRowsOf(
  db: AppDatabase,
  kind: RecordKind,
  key: string,
): Promise<FoldableRow[]> {
  const rows: unknown[] = await db.outbox
    .where('[mutation.record.kind+recordKey]')
    .equals([kind, key])
    .toArray();
  return rows.flatMap((row) => {
    const parsed = foldableRowSchema.safeParse(row);
    // A damaged row is not folded: it stays, and the outbox listing reports it.
    return parsed.success && parsed.data.status === 'pending' ? [parsed.data] : [];
  });
}

/**
 * Folds the unsent edits of a record into the new one, so a judge's day of autosaves goes
 * up as one mutation per scoresheet, not one per keystroke. The fold keeps what the server
 * needs to merge correctly: every field any of them set, the oldest base version, and the
 * clock at which each field was really set (the newest edit of that field).
 * A folded edit may also be in a push that is under way; the server then applies both,
 * and the later one, a superset, leaves the same values.
 */
function foldUnsent(
  unsent: readonly FoldableRow[],
  latest: { hlc: string; fields: readonly string[] | undefined; baseSeq: number },
): {
  fields: string[] | undefined;
  baseSeq: number;
  fieldHlcs: Record<string, string> | undefined;
} {
  if (unsent.length === 0) {
    return {
      fields: latest.fields && [...latest.fields],
      baseSeq: latest.baseSeq,
      fieldHlcs: undefined,
    };
  }
  const baseSeq = Math.min(latest.baseSeq, ...unsent.map((row) => row.mutation.baseSeq));
  // An edit that sets every field (a record other than a scoresheet) makes the clocks of
  // the earlier ones irrelevant.
  if (latest.fields === undefined || unsent.some((row) => row.mutation.fields === undefined)) {
    return { fields: undefined, baseSeq, fieldHlcs: undefined };
  }
  const setNow = new Set(latest.fields);
  const earlier = new Map<string, string>();
  for (const row of unsent) {
    for (const field of row.mutation.fields ?? []) {
      if (!setNow.has(field))
        earlier.set(field, row.mutation.fieldHlcs?.[field] ?? row.mutation.hlc);
    }
  }
  return {
    fields: [...new Set([...earlier.keys(), ...latest.fields])],
    baseSeq,
    fieldHlcs: earlier.size > 0 ? Object.fromEntries(earlier) : undefined,
  };
}

/**
 * A scoresheet merges per field on the server, so an edit says which fields it set: those
 * that differ from the copy on this device (or, for a new sheet, those filled in). Other
 * records are replaced whole.
 */
function fieldsChangedLocally(record: SyncRecord, existingRow: unknown): string[] | undefined {
  if (record.kind !== 'scoresheet') return undefined;
  const before = scoresheetSchema.safeParse(fieldOf(existingRow, 'data'));
  return changedScoresheetFields(before.success ? before.data : undefined, record.data);
}
