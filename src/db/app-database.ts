import { Dexie, type Table } from 'dexie';
import type { RecordKind, RecordOf } from '../domain/sync-record';
import type { BlobRow } from './blob-row';
import type { NewOutboxRow } from './outbox-row';

/**
 * The device's replica in IndexedDB. This folder is the only place that imports Dexie;
 * everything else reads and writes through the repositories next to this file.
 *
 * Row shapes
 * ----------
 * Record tables (one per record kind):  { key, data, seq? }
 *   key   recordKey() of the record: its id, or "id@version" for rubrics.
 *   data  the record exactly as its zod schema produced it.
 *   The record is kept whole under `data` (not spread into the row) so that the row's own
 *   fields can never collide with a record field, and indexes point into it with dotted
 *   key paths ("data.competitionId").
 * outbox:  { seq, mutation, recordKey, status, createdAtMs, rejection? }  (outbox-row.ts)
 *   seq is auto-incremented, so rows come back in the order the edits were made.
 * blobs:   { sha256, blob, mediaType, size, createdAtMs, uploadState, uploadedAtMs? }
 *   (blob-row.ts)
 * meta:    { key, value }  (keys in META_KEYS)
 *
 * Every table is typed `Table<unknown, …, InsertShape>`: we write known shapes but read
 * back `unknown`, because IndexedDB can hold rows from an older build, a bug or a manual
 * edit. Repositories parse each row with its schema before anyone sees it.
 *
 * Upgrade rule
 * ------------
 * Version 1 below is frozen once released: a device that installed it has exactly these
 * tables and indexes. A later change adds `this.version(2).stores({...})` (only the tables
 * that change) with an `.upgrade(tx => ...)` that rewrites old rows when their shape
 * changes, and never edits version 1. The stores are written out as literal strings, not
 * generated from RECORD_INDEXES, so that editing the index map cannot silently change
 * version 1; a test checks the two agree.
 */
export class AppDatabase extends Dexie {
  // `declare`, not `!`: Dexie attaches these Table objects at runtime. `declare` emits no
  // class field, so with ES2022 field semantics nothing can reset them to undefined.
  declare readonly competitions: RecordTable<'competition'>;
  declare readonly categories: RecordTable<'category'>;
  declare readonly stages: RecordTable<'stage'>;
  declare readonly rubrics: RecordTable<'rubric'>;
  declare readonly entries: RecordTable<'entry'>;
  declare readonly users: RecordTable<'user'>;
  declare readonly assignments: RecordTable<'assignment'>;
  declare readonly scoresheets: RecordTable<'scoresheet'>;
  declare readonly conflicts: RecordTable<'conflict'>;
  declare readonly outbox: Table<unknown, number, NewOutboxRow>;
  declare readonly blobs: Table<unknown, string, BlobRow>;
  declare readonly meta: Table<unknown, string, MetaRow>;

  constructor(name: string) {
    // No query cache: live queries read again when told of a change. The autosave writes
    // through IndexedDB directly (save-edit-directly.ts), past the cache's bookkeeping,
    // and tells the live queries what changed; a cache would go on answering from before.
    super(name, { cache: 'disabled' });
    this.version(1).stores({
      competitions: 'key',
      categories: 'key, data.competitionId',
      stages: 'key, data.competitionId',
      rubrics: 'key, data.id',
      entries: 'key, data.competitionId, data.categoryId',
      users: 'key',
      assignments: 'key, data.judgeId, data.stageId, data.entryId',
      scoresheets: 'key, data.judgeId, [data.stageId+data.entryId]',
      conflicts: 'key, data.scoresheetId, data.judgeId',
      outbox: '++seq, &mutation.id, status, [mutation.record.kind+recordKey]',
      blobs: 'sha256, uploadState',
      meta: 'key',
    });
  }

  /** The table holding records of one kind, for code that is generic over the kind. */
  recordTable<K extends RecordKind>(kind: K): RecordTable<K> {
    return this.table<unknown, string, RecordRow<K>>(RECORD_TABLES[kind]);
  }

  /** Every record table, e.g. to open one transaction over all of them. */
  allRecordTables(): RecordTable<RecordKind>[] {
    return Object.values(RECORD_TABLES).map((name) =>
      this.table<unknown, string, RecordRow<RecordKind>>(name),
    );
  }
}

/** The outbox index of one record's edits: [kind, recordKey]. */
export const OUTBOX_BY_RECORD = '[mutation.record.kind+recordKey]';

/** The table name of each record kind. */
export const RECORD_TABLES = {
  competition: 'competitions',
  category: 'categories',
  stage: 'stages',
  rubric: 'rubrics',
  entry: 'entries',
  user: 'users',
  assignment: 'assignments',
  scoresheet: 'scoresheets',
  conflict: 'conflicts',
} as const satisfies Record<RecordKind, string>;

/**
 * The secondary indexes of each record table under a name that does not leak the row
 * shape. Compound indexes take a tuple: stageAndEntry → [stageId, entryId].
 */
export const RECORD_INDEXES = {
  competition: {},
  category: { competitionId: 'data.competitionId' },
  stage: { competitionId: 'data.competitionId' },
  rubric: { id: 'data.id' },
  entry: { competitionId: 'data.competitionId', categoryId: 'data.categoryId' },
  user: {},
  assignment: { judgeId: 'data.judgeId', stageId: 'data.stageId', entryId: 'data.entryId' },
  scoresheet: { judgeId: 'data.judgeId', stageAndEntry: '[data.stageId+data.entryId]' },
  conflict: { scoresheetId: 'data.scoresheetId', judgeId: 'data.judgeId' },
} as const satisfies Record<RecordKind, Record<string, string>>;

export type RecordIndexName<K extends RecordKind> = keyof (typeof RECORD_INDEXES)[K] & string;

/** What a record table is written with. */
export interface RecordRow<K extends RecordKind> {
  key: string;
  data: RecordOf<K>;
  /**
   * The server change number of the version this row holds or was edited from; absent for
   * a record made on this device and not yet acknowledged. A local edit sends it as its
   * baseSeq, which is how the server tells a concurrent edit from a later one.
   */
  seq?: number;
  /** A newer server version that a pull held back because of a local edit. */
  heldSeq?: number;
}

export type RecordTable<K extends RecordKind> = Table<unknown, string, RecordRow<K>>;

export interface MetaRow {
  key: MetaKey;
  value: unknown;
}

/** Device metadata kept in the meta table. */
export const META_KEYS = {
  /** The server change number this device has applied up to. */
  cursor: 'cursor',
  /** Epoch milliseconds of the last sync that completed. */
  lastSyncAt: 'lastSyncAt',
  /** The last hybrid logical clock value this device made (text form). */
  hlc: 'hlc',
  /** Server time minus device time, measured at the last sync: corrects the HLC's wall part. */
  serverOffsetMs: 'serverOffsetMs',
  /** The sync bundles exported lately and what each held (bundle-exports.ts). */
  bundleExports: 'bundleExports',
} as const;
export type MetaKey = (typeof META_KEYS)[keyof typeof META_KEYS];
