import { describe, expect, it } from 'vitest';
import { AppDatabase, META_KEYS } from '../../src/db/app-database';
import { applyPulledChanges } from '../../src/db/apply-pulled-changes';
import { InvalidRecordError } from '../../src/db/invalid-record-error';
import {
  listPendingMutations,
  listRejectedMutations,
  markRejected,
  removeAcknowledged,
  summarizeOutbox,
} from '../../src/db/outbox-repository';
import { saveWithMutation } from '../../src/db/save-local-edit';
import { getRecord } from '../../src/db/record-repository';
import { writeServerOffset } from '../../src/db/server-offset';
import { parseHlc, type Hlc } from '../../src/domain/hlc';
import type { SyncRecord } from '../../src/domain/sync-record';
import { freshDatabase } from '../support/fresh-database';
import {
  makeAssignment,
  makeEntry,
  makeRubricRecord,
  makeScoresheet,
  makeStage,
  testHlc,
  testId,
} from '../support/records';

const COMPETITION = testId(1);
const CATEGORY = testId(10);
const T0 = Date.UTC(2025, 7, 18, 8, 0, 0);
const MINUTE = 60_000;
const DEVICE = testId(500);

function entryRecord(n: number, title = `Inovasi ${n}`): SyncRecord {
  return { kind: 'entry', data: makeEntry(testId(n), COMPETITION, CATEGORY, { title }) };
}

/** Saves one edit per record, a minute apart, with mutation ids 1000, 1001, … */
async function saveEdits(db: AppDatabase, records: SyncRecord[]): Promise<string[]> {
  const ids: string[] = [];
  for (const [index, record] of records.entries()) {
    const mutationId = testId(1000 + index);
    await saveWithMutation(db, {
      record,
      mutationId,
      deviceId: DEVICE,
      nowMs: T0 + index * MINUTE,
    });
    ids.push(mutationId);
  }
  return ids;
}

/** Saves `record` as a put by DEVICE at `nowMs` and returns the mutation's clock. */
async function saveAt(
  db: AppDatabase,
  record: SyncRecord,
  mutationNumber: number,
  nowMs: number,
): Promise<Hlc> {
  const mutation = await saveWithMutation(db, {
    record,
    mutationId: testId(mutationNumber),
    deviceId: DEVICE,
    nowMs,
  });
  return parseHlc(mutation.hlc);
}

/** The server's version of a record as a pull stores it, with its change number. */
async function pull(db: AppDatabase, record: SyncRecord, seq: number): Promise<void> {
  await applyPulledChanges(db, { changes: [{ seq, record }], cursor: seq });
}

describe('saveWithMutation', () => {
  it('writes the record and a pending outbox row', async () => {
    const db = freshDatabase();
    const record = entryRecord(100);

    const mutation = await saveWithMutation(db, {
      record,
      mutationId: testId(1000),
      deviceId: DEVICE,
      nowMs: T0,
    });

    expect(mutation).toEqual({
      id: testId(1000),
      madeAt: '2025-08-18T08:00:00.000Z',
      hlc: testHlc(T0, 0, DEVICE),
      op: 'put',
      record,
      baseSeq: 0,
    });
    expect(await getRecord(db, 'entry', testId(100))).toEqual({
      status: 'found',
      row: record.data,
    });
    expect((await listPendingMutations(db)).rows).toEqual([mutation]);
  });

  it('stores the record as its schema produced it, with text trimmed', async () => {
    const db = freshDatabase();

    await saveWithMutation(db, {
      record: entryRecord(100, '  Mobil Sehat Keliling  '),
      mutationId: testId(1000),
      deviceId: DEVICE,
      nowMs: T0,
    });

    const stored = await getRecord(db, 'entry', testId(100));
    expect(stored.status === 'found' && stored.row.title).toBe('Mobil Sehat Keliling');
  });

  it('writes neither the record nor the outbox row when the outbox write fails', async () => {
    const db = freshDatabase();
    await saveEdits(db, [entryRecord(100, 'Versi pertama')]);

    // The record is put first, then storing the outbox row throws: the whole transaction,
    // including the folding away of the first edit's row, must roll back.
    db.outbox.hook('creating', () => {
      throw new Error('storage full');
    });
    const failing = saveWithMutation(db, {
      record: entryRecord(100, 'Versi kedua'),
      mutationId: testId(1001),
      deviceId: DEVICE,
      nowMs: T0 + MINUTE,
    });

    await expect(failing).rejects.toThrow('storage full');
    const stored = await getRecord(db, 'entry', testId(100));
    expect(stored.status === 'found' && stored.row.title).toBe('Versi pertama');
    expect((await listPendingMutations(db)).rows).toHaveLength(1);
  });

  it('leaves no trace of a new record when storing its outbox row throws', async () => {
    const db = freshDatabase();
    db.outbox.hook('creating', () => {
      throw new Error('storage full');
    });

    const failing = saveWithMutation(db, {
      record: entryRecord(100),
      mutationId: testId(1000),
      deviceId: DEVICE,
      nowMs: T0,
    });

    await expect(failing).rejects.toThrow('storage full');
    expect(await getRecord(db, 'entry', testId(100))).toEqual({ status: 'absent' });
    expect(await db.outbox.count()).toBe(0);
  });

  it('refuses an invalid record before writing anything, naming the field', async () => {
    const db = freshDatabase();

    const failing = saveWithMutation(db, {
      record: entryRecord(100, '   '),
      mutationId: testId(1000),
      deviceId: DEVICE,
      nowMs: T0,
    });

    await expect(failing).rejects.toThrow(InvalidRecordError);
    await expect(failing).rejects.toThrow(
      `Cannot save entry ${testId(100)}: record.data.title: must not be empty`,
    );
    expect(await getRecord(db, 'entry', testId(100))).toEqual({ status: 'absent' });
    expect(await db.outbox.count()).toBe(0);
  });

  it('keys an edited rubric version by "id@version"', async () => {
    const db = freshDatabase();
    const rubric = makeRubricRecord(testId(20), 3);

    await saveWithMutation(db, {
      record: { kind: 'rubric', data: rubric },
      mutationId: testId(1000),
      deviceId: DEVICE,
      nowMs: T0,
    });

    expect(await getRecord(db, 'rubric', `${testId(20)}@3`)).toEqual({
      status: 'found',
      row: rubric,
    });
  });
});

describe('listPendingMutations', () => {
  it('returns mutations in the order the edits were made, even when ids do not sort so', async () => {
    const db = freshDatabase();
    const ids = [testId(1003), testId(1001), testId(1002)];
    for (const [index, mutationId] of ids.entries()) {
      await saveWithMutation(db, {
        record: entryRecord(100 + index),
        mutationId,
        deviceId: DEVICE,
        nowMs: T0,
      });
    }

    const pending = await listPendingMutations(db);

    expect(pending.rows.map((mutation) => mutation.id)).toEqual(ids);
  });

  it('returns at most `limit` mutations, the oldest first', async () => {
    const db = freshDatabase();
    const ids = await saveEdits(db, [entryRecord(100), entryRecord(101), entryRecord(102)]);

    const pending = await listPendingMutations(db, 2);

    expect(pending.rows.map((mutation) => mutation.id)).toEqual(ids.slice(0, 2));
  });

  it('reports a corrupted outbox row and still returns the others', async () => {
    const db = freshDatabase();
    const ids = await saveEdits(db, [entryRecord(100), entryRecord(101)]);
    await db.table('outbox').update(1, { 'mutation.madeAt': 'yesterday' });

    const pending = await listPendingMutations(db);

    expect(pending.rows.map((mutation) => mutation.id)).toEqual([ids[1]]);
    expect(pending.problems).toEqual([
      {
        table: 'outbox',
        key: '1',
        message: 'mutation.madeAt: must be an ISO 8601 UTC timestamp',
      },
    ]);
  });
});

describe('removeAcknowledged', () => {
  it('deletes exactly the acknowledged mutations', async () => {
    const db = freshDatabase();
    const ids = await saveEdits(db, [entryRecord(100), entryRecord(101), entryRecord(102)]);

    const removed = await removeAcknowledged(db, [ids[0] ?? '', ids[2] ?? '', testId(9999)]);

    expect(removed).toBe(2);
    expect((await listPendingMutations(db)).rows.map((mutation) => mutation.id)).toEqual([ids[1]]);
  });

  it('keeps the records themselves', async () => {
    const db = freshDatabase();
    const ids = await saveEdits(db, [entryRecord(100)]);

    await removeAcknowledged(db, ids);

    expect((await getRecord(db, 'entry', testId(100))).status).toBe('found');
  });
});

describe('markRejected', () => {
  it('takes the mutation out of the push and keeps it with the reason', async () => {
    const db = freshDatabase();
    const ids = await saveEdits(db, [entryRecord(100), entryRecord(101)]);
    const rejectedId = ids[0] ?? '';

    const marked = await markRejected(
      db,
      [{ mutationId: rejectedId, code: 'forbidden', message: 'Entri milik unit lain' }],
      T0 + 5 * MINUTE,
    );

    expect(marked).toBe(1);
    expect((await listPendingMutations(db)).rows.map((mutation) => mutation.id)).toEqual([ids[1]]);
    const rejected = await listRejectedMutations(db);
    expect(rejected.rows).toHaveLength(1);
    expect(rejected.rows[0]).toMatchObject({
      status: 'rejected',
      mutation: { id: rejectedId },
      rejection: { code: 'forbidden', message: 'Entri milik unit lain', atMs: T0 + 5 * MINUTE },
    });
  });

  it('marks nothing for an id that is not in the outbox', async () => {
    const db = freshDatabase();
    await saveEdits(db, [entryRecord(100)]);

    const marked = await markRejected(
      db,
      [{ mutationId: testId(9999), code: 'invalid', message: 'x' }],
      T0,
    );

    expect(marked).toBe(0);
    expect((await listPendingMutations(db)).rows).toHaveLength(1);
  });
});

describe('summarizeOutbox', () => {
  it('counts pending and rejected edits and measures the oldest pending one', async () => {
    const db = freshDatabase();
    const ids = await saveEdits(db, [entryRecord(100), entryRecord(101), entryRecord(102)]);
    await markRejected(db, [{ mutationId: ids[0] ?? '', code: 'invalid', message: 'x' }], T0);

    const summary = await summarizeOutbox(db, T0 + 10 * MINUTE);

    // The first edit (T0) is rejected; the oldest pending one was made at T0 + 1 minute.
    expect(summary).toEqual({
      pendingCount: 2,
      rejectedCount: 1,
      oldestPendingAgeMs: 9 * MINUTE,
    });
  });

  it('has no age when nothing is pending', async () => {
    const db = freshDatabase();

    expect(await summarizeOutbox(db, T0)).toEqual({
      pendingCount: 0,
      rejectedCount: 0,
      oldestPendingAgeMs: undefined,
    });
  });

  it('never reports a negative age after the device clock was set back', async () => {
    const db = freshDatabase();
    await saveEdits(db, [entryRecord(100)]);

    const summary = await summarizeOutbox(db, T0 - 60 * MINUTE);

    expect(summary.oldestPendingAgeMs).toBe(0);
  });
});

describe('saveWithMutation and the hybrid clock', () => {
  it('starts a new device at its clock time with counter 0 and stores that value', async () => {
    const db = freshDatabase();

    const hlc = await saveAt(db, entryRecord(100), 1000, T0);

    expect(hlc).toEqual({ wallMs: T0, counter: 0, node: DEVICE });
    expect(await db.meta.get(META_KEYS.hlc)).toEqual({
      key: META_KEYS.hlc,
      value: testHlc(T0, 0, DEVICE),
    });
  });

  it('gives each save a larger clock than the one before, within one millisecond too', async () => {
    const db = freshDatabase();

    const clocks = [
      await saveAt(db, entryRecord(100), 1000, T0),
      await saveAt(db, entryRecord(101), 1001, T0),
      await saveAt(db, entryRecord(100, 'Lagi'), 1002, T0),
      await saveAt(db, entryRecord(102), 1003, T0 + 1),
    ];

    expect(clocks.map(({ wallMs, counter }) => [wallMs - T0, counter])).toEqual([
      [0, 0],
      [0, 1],
      [0, 2],
      [1, 0],
    ]);
    const texts = (await listPendingMutations(db)).rows.map((mutation) => mutation.hlc);
    expect(texts).toEqual([...texts].sort());
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('still gives a larger clock after the device clock was set back', async () => {
    const db = freshDatabase();
    await saveAt(db, entryRecord(100), 1000, T0);

    const afterSetBack = await saveAt(db, entryRecord(101), 1001, T0 - 60 * MINUTE);
    const later = await saveAt(db, entryRecord(102), 1002, T0 - 59 * MINUTE);

    expect(afterSetBack).toEqual({ wallMs: T0, counter: 1, node: DEVICE });
    expect(later).toEqual({ wallMs: T0, counter: 2, node: DEVICE });
    const texts = (await listPendingMutations(db)).rows.map((mutation) => mutation.hlc);
    expect(texts).toEqual([...texts].sort());
    // madeAt still tells what the device clock said, for the server to flag.
    expect((await listPendingMutations(db)).rows[1]?.madeAt).toBe('2025-08-18T07:00:00.000Z');
  });

  it('keeps counting from the stored clock after the database is opened again', async () => {
    const db = freshDatabase();
    await saveAt(db, entryRecord(100), 1000, T0);
    db.close();
    const reopened = new AppDatabase(db.name);

    try {
      const hlc = await saveAt(reopened, entryRecord(101), 1001, T0 - MINUTE);
      expect(hlc).toEqual({ wallMs: T0, counter: 1, node: DEVICE });
    } finally {
      reopened.close();
    }
  });

  it('corrects the wall part by the server offset, but not madeAt', async () => {
    const db = freshDatabase();
    await writeServerOffset(db, 90_000);

    const mutation = await saveWithMutation(db, {
      record: entryRecord(100),
      mutationId: testId(1000),
      deviceId: DEVICE,
      nowMs: T0,
    });

    expect(parseHlc(mutation.hlc)).toEqual({ wallMs: T0 + 90_000, counter: 0, node: DEVICE });
    expect(mutation.madeAt).toBe('2025-08-18T08:00:00.000Z');
  });

  it('corrects a device clock that runs ahead of the server', async () => {
    const db = freshDatabase();
    await writeServerOffset(db, -5 * MINUTE);

    const hlc = await saveAt(db, entryRecord(100), 1000, T0);

    expect(hlc.wallMs).toBe(T0 - 5 * MINUTE);
  });

  it('never goes back when a new server offset moves the corrected time back', async () => {
    const db = freshDatabase();
    const before = await saveAt(db, entryRecord(100), 1000, T0);
    await writeServerOffset(db, -60 * MINUTE);

    const after = await saveAt(db, entryRecord(101), 1001, T0 + MINUTE);

    expect(after).toEqual({ wallMs: before.wallMs, counter: 1, node: DEVICE });
  });

  it('does not advance the clock for an edit it refuses', async () => {
    const db = freshDatabase();
    await saveAt(db, entryRecord(100), 1000, T0);

    await expect(saveAt(db, entryRecord(101, ''), 1001, T0)).rejects.toThrow(InvalidRecordError);
    const next = await saveAt(db, entryRecord(102), 1002, T0);

    expect(next).toEqual({ wallMs: T0, counter: 1, node: DEVICE });
  });

  it('restarts from the device time when the stored clock is damaged, instead of failing', async () => {
    const db = freshDatabase();
    await db.meta.put({ key: META_KEYS.hlc, value: 'not a clock' });

    const hlc = await saveAt(db, entryRecord(100), 1000, T0);

    expect(hlc).toEqual({ wallMs: T0, counter: 0, node: DEVICE });
  });
});

describe('saveWithMutation and baseSeq', () => {
  it('sends baseSeq 0 for a record the server never sent, and stores no seq', async () => {
    const db = freshDatabase();

    const mutation = await saveWithMutation(db, {
      record: entryRecord(100),
      mutationId: testId(1000),
      deviceId: DEVICE,
      nowMs: T0,
    });

    expect(mutation.baseSeq).toBe(0);
    expect(await db.entries.get(testId(100))).not.toHaveProperty('seq');
  });

  it('sends the change number of the pulled version the edit started from', async () => {
    const db = freshDatabase();
    await pull(db, entryRecord(100, 'Versi server'), 7);

    const mutation = await saveWithMutation(db, {
      record: entryRecord(100, 'Diedit di HP'),
      mutationId: testId(1000),
      deviceId: DEVICE,
      nowMs: T0,
    });

    expect(mutation.baseSeq).toBe(7);
    expect(await db.entries.get(testId(100))).toMatchObject({
      key: testId(100),
      data: { title: 'Diedit di HP' },
      seq: 7,
    });
  });

  it('keeps the pulled version as the base of every later local edit', async () => {
    const db = freshDatabase();
    await pull(db, entryRecord(100), 7);
    await saveAt(db, entryRecord(100, 'Edit pertama'), 1000, T0);

    const second = await saveWithMutation(db, {
      record: entryRecord(100, 'Edit kedua'),
      mutationId: testId(1001),
      deviceId: DEVICE,
      nowMs: T0 + MINUTE,
    });

    expect(second.baseSeq).toBe(7);
  });
});

describe('saveWithMutation with op delete', () => {
  it('removes the row and queues a delete carrying the record as last seen', async () => {
    const db = freshDatabase();
    const record = entryRecord(100);
    await pull(db, record, 7);

    const mutation = await saveWithMutation(db, {
      record,
      mutationId: testId(1000),
      deviceId: DEVICE,
      nowMs: T0,
      op: 'delete',
    });

    expect(mutation).toMatchObject({ op: 'delete', record, baseSeq: 7 });
    expect(await getRecord(db, 'entry', testId(100))).toEqual({ status: 'absent' });
    expect((await listPendingMutations(db)).rows).toEqual([mutation]);
    expect(await db.meta.get(META_KEYS.hlc)).toMatchObject({ value: mutation.hlc });
  });

  it('deletes a record made on this device with baseSeq 0', async () => {
    const db = freshDatabase();
    await saveAt(db, entryRecord(100), 1000, T0);

    const mutation = await saveWithMutation(db, {
      record: entryRecord(100),
      mutationId: testId(1001),
      deviceId: DEVICE,
      nowMs: T0 + MINUTE,
      op: 'delete',
    });

    expect(mutation.baseSeq).toBe(0);
    expect(await getRecord(db, 'entry', testId(100))).toEqual({ status: 'absent' });
    // The unsent creation is folded into the delete.
    expect((await listPendingMutations(db)).rows.map((pending) => pending.op)).toEqual(['delete']);
  });

  it('keeps the row when the delete cannot be queued', async () => {
    const db = freshDatabase();
    await pull(db, entryRecord(100), 7);
    db.outbox.hook('creating', () => {
      throw new Error('storage full');
    });

    const failing = saveWithMutation(db, {
      record: entryRecord(100),
      mutationId: testId(1000),
      deviceId: DEVICE,
      nowMs: T0,
      op: 'delete',
    });

    await expect(failing).rejects.toThrow('storage full');
    expect(await db.entries.get(testId(100))).toMatchObject({ seq: 7 });
    expect(await db.meta.get(META_KEYS.hlc)).toBeUndefined();
  });
});

describe('saveWithMutation with fields', () => {
  const ids = {
    stageId: testId(30),
    judgeId: testId(40),
    entryId: testId(100),
    rubricId: testId(20),
  };
  const scoresheet: SyncRecord = { kind: 'scoresheet', data: makeScoresheet(testId(200), ids) };

  it('sends the scoresheet fields the edit set', async () => {
    const db = freshDatabase();

    const mutation = await saveWithMutation(db, {
      record: scoresheet,
      mutationId: testId(1000),
      deviceId: DEVICE,
      nowMs: T0,
      fields: ['scores.kebaruan.value', 'overallNote'],
    });

    expect(mutation.fields).toEqual(['scores.kebaruan.value', 'overallNote']);
    expect((await listPendingMutations(db)).rows[0]?.fields).toEqual([
      'scores.kebaruan.value',
      'overallNote',
    ]);
  });

  it('works out the fields a scoresheet edit filled in when the edit does not name them', async () => {
    const db = freshDatabase();

    const mutation = await saveWithMutation(db, {
      record: scoresheet,
      mutationId: testId(1000),
      deviceId: DEVICE,
      nowMs: T0,
    });

    expect(mutation.fields).toEqual(['scores.kebaruan.value']);
  });

  it('refuses a field that is not a scoresheet field, writing nothing', async () => {
    const db = freshDatabase();

    const failing = saveWithMutation(db, {
      record: scoresheet,
      mutationId: testId(1000),
      deviceId: DEVICE,
      nowMs: T0,
      fields: ['judgeId'],
    });

    await expect(failing).rejects.toThrow(InvalidRecordError);
    await expect(failing).rejects.toThrow(
      `Cannot save scoresheet ${testId(200)}: fields.0: must be`,
    );
    expect(await db.scoresheets.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('folding keeps what the server needs in order', () => {
  const stage = makeStage(testId(30), COMPETITION, testId(20), { state: 'draft' });
  const assignment: SyncRecord = {
    kind: 'assignment',
    data: makeAssignment(testId(31), {
      stageId: stage.id,
      judgeId: testId(40),
      entryId: testId(100),
    }),
  };
  const summary = async (db: AppDatabase) =>
    (await listPendingMutations(db)).rows.map((m) =>
      m.record.kind === 'stage'
        ? `stage ${m.record.data.state} ${m.record.data.name}`
        : m.record.kind,
    );

  it('never moves a stage edit past the assignments queued after it, nor before them', async () => {
    const db = freshDatabase();
    await saveEdits(db, [
      { kind: 'stage', data: stage },
      assignment,
      { kind: 'stage', data: { ...stage, state: 'open' } },
    ]);
    // Made, then assigned, then opened: the server sees it in that order, or the stage would
    // not exist for its assignment, or would open without a judge.
    expect(await summary(db)).toEqual([
      `stage draft ${stage.name}`,
      'assignment',
      `stage open ${stage.name}`,
    ]);
    // An edit right after the last one, with nothing in between, still folds into it.
    await saveAt(
      db,
      { kind: 'stage', data: { ...stage, state: 'open', name: 'Lapangan' } },
      2000,
      T0 + 9 * MINUTE,
    );
    expect(await summary(db)).toEqual([
      `stage draft ${stage.name}`,
      'assignment',
      'stage open Lapangan',
    ]);
  });

  it('folds a judge’s scoresheet edits into one mutation whatever was queued in between', async () => {
    const db = freshDatabase();
    const ids = {
      stageId: stage.id,
      judgeId: testId(40),
      entryId: testId(100),
      rubricId: testId(20),
    };
    const sheet = makeScoresheet(testId(200), ids);
    const other = makeScoresheet(testId(201), { ...ids, entryId: testId(101) });
    await saveEdits(db, [
      { kind: 'scoresheet', data: sheet },
      { kind: 'scoresheet', data: other },
      { kind: 'scoresheet', data: { ...sheet, overallNote: 'Bagus' } },
    ]);
    expect((await listPendingMutations(db)).rows.map((m) => m.record.data.id)).toEqual([
      other.id,
      sheet.id,
    ]);
  });
});
