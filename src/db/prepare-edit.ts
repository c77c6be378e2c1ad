import * as z from 'zod/mini';
import { describeIssues } from '../domain/describe-issues';
import { formatHlc, hlcSchema, parseHlc, tickHlc } from '../domain/hlc';
import { scoresheetSchema } from '../domain/scoresheet';
import { changedScoresheetFields } from '../domain/scoresheet-fields';
import { mutationSchema, type Mutation } from '../domain/sync-protocol';
import type { RecordKind, SyncRecord } from '../domain/sync-record';
import type { RecordRow } from './app-database';
import { InvalidRecordError } from './invalid-record-error';
import { OUTBOX_STATUSES, type NewOutboxRow } from './outbox-row';
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
export type FoldableRow = z.infer<typeof foldableRowSchema>;

/** The pending rows among a record's outbox rows as read; a damaged row is not folded. */
export function pendingFoldableRows(rows: readonly unknown[]): FoldableRow[] {
  return rows.flatMap((row) => {
    const parsed = foldableRowSchema.safeParse(row);
    // A damaged row stays where it is, and the outbox listing reports it.
    return parsed.success && parsed.data.status === 'pending' ? [parsed.data] : [];
  });
}

/** What an edit is made from: the stored state of its record, the clock and the outbox. */
export interface StoredState {
  rowSeq: unknown;
  hlc: unknown;
  offsetMs: unknown;
  /** The record's unsent edits this one folds into (and replaces). */
  unsent: readonly FoldableRow[];
}

/**
 * What a save left in the database for its record: enough for the next save of the same
 * record to be made without reading first (saveEdit).
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

/** An edit made, and the writes that store it: all of them commit together or none. */
export interface PreparedEdit {
  mutation: Mutation;
  /** The record row to put, or null to delete the record. */
  recordRow: RecordRow<RecordKind> | null;
  /** The folded outbox rows to delete, and the one that replaces them. */
  deleteSeqs: number[];
  outboxRow: NewOutboxRow;
  /** What the next save starts from, once the outbox row has its seq. */
  savedState: (outboxSeq: number) => SavedState;
}

/**
 * Makes the edit from the stored state: ticks the hybrid clock (corrected by the server
 * offset), folds the record's unsent edits into it, and validates the whole mutation, so
 * that nothing invalid is ever stored. Throws InvalidRecordError, writing nothing.
 */
export function prepareEdit(
  edit: LocalEdit,
  key: string,
  stored: StoredState,
  existingRow: unknown,
): PreparedEdit {
  const previous = hlcSchema.safeParse(stored.hlc);
  const offsetMs = stored.offsetMs;
  const hlc = formatHlc(
    tickHlc(
      previous.success ? parseHlc(previous.data) : null,
      edit.nowMs + (typeof offsetMs === 'number' && Number.isFinite(offsetMs) ? offsetMs : 0),
      edit.deviceId,
    ),
  );
  const { rowSeq, unsent } = stored;
  const folded = foldUnsent(unsent, {
    fields: edit.fields ?? fieldsChangedLocally(edit.record, existingRow),
    baseSeq: typeof rowSeq === 'number' ? rowSeq : 0,
  });
  const parsed = mutationSchema.safeParse({
    id: edit.mutationId,
    madeAt: new Date(edit.nowMs).toISOString(),
    hlc,
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
  return {
    mutation,
    recordRow:
      mutation.op === 'delete' ? null : typeof rowSeq === 'number' ? { ...row, seq: rowSeq } : row,
    deleteSeqs: unsent.map((unsentRow) => unsentRow.seq),
    outboxRow: { mutation, recordKey: key, status: 'pending', createdAtMs },
    savedState: (outboxSeq) => ({
      key,
      hlc,
      offsetMs,
      rowSeq,
      outbox: {
        seq: outboxSeq,
        status: 'pending',
        createdAtMs,
        mutation: {
          hlc,
          baseSeq: mutation.baseSeq,
          ...(mutation.fields === undefined ? {} : { fields: mutation.fields }),
          ...(mutation.fieldHlcs === undefined ? {} : { fieldHlcs: mutation.fieldHlcs }),
        },
      },
    }),
  };
}

/** Whether the stored state read back is still exactly what `after` says it was. */
export function isStillSaved(
  after: SavedState,
  stored: { row: unknown; hlc: unknown; offset: unknown; pending: readonly FoldableRow[] },
): boolean {
  const [only] = stored.pending;
  const row = after.outbox;
  return (
    fieldOf(stored.row, 'seq') === after.rowSeq &&
    fieldOf(stored.hlc, 'value') === after.hlc &&
    fieldOf(stored.offset, 'value') === after.offsetMs &&
    stored.pending.length === 1 &&
    only !== undefined &&
    only.seq === row.seq &&
    only.status === row.status &&
    only.createdAtMs === row.createdAtMs &&
    only.mutation.hlc === row.mutation.hlc &&
    only.mutation.baseSeq === row.mutation.baseSeq &&
    JSON.stringify(only.mutation.fields) === JSON.stringify(row.mutation.fields) &&
    JSON.stringify(only.mutation.fieldHlcs) === JSON.stringify(row.mutation.fieldHlcs)
  );
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
  latest: { fields: readonly string[] | undefined; baseSeq: number },
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
