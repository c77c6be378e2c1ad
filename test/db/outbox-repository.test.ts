import { describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../src/db/app-database';
import { InvalidRecordError } from '../../src/db/invalid-record-error';
import {
  listPendingMutations,
  listRejectedMutations,
  markRejected,
  removeAcknowledged,
  saveWithMutation,
  summarizeOutbox,
} from '../../src/db/outbox-repository';
import { getRecord } from '../../src/db/record-repository';
import type { SyncRecord } from '../../src/domain/sync-record';
import { freshDatabase } from '../support/fresh-database';
import { makeEntry, makeRubricRecord, testId } from '../support/records';

const COMPETITION = testId(1);
const CATEGORY = testId(10);
const T0 = Date.UTC(2025, 7, 18, 8, 0, 0);
const MINUTE = 60_000;

function entryRecord(n: number, title = `Inovasi ${n}`): SyncRecord {
  return { kind: 'entry', data: makeEntry(testId(n), COMPETITION, CATEGORY, { title }) };
}

/** Saves one edit per record, a minute apart, with mutation ids 1000, 1001, … */
async function saveEdits(db: AppDatabase, records: SyncRecord[]): Promise<string[]> {
  const ids: string[] = [];
  for (const [index, record] of records.entries()) {
    const mutationId = testId(1000 + index);
    await saveWithMutation(db, { record, mutationId, nowMs: T0 + index * MINUTE });
    ids.push(mutationId);
  }
  return ids;
}

describe('saveWithMutation', () => {
  it('writes the record and a pending outbox row', async () => {
    const db = freshDatabase();
    const record = entryRecord(100);

    const mutation = await saveWithMutation(db, { record, mutationId: testId(1000), nowMs: T0 });

    expect(mutation).toEqual({ id: testId(1000), madeAt: '2025-08-18T08:00:00.000Z', record });
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
      nowMs: T0,
    });

    const stored = await getRecord(db, 'entry', testId(100));
    expect(stored.status === 'found' && stored.row.title).toBe('Mobil Sehat Keliling');
  });

  it('writes neither the record nor the outbox row when the outbox write fails', async () => {
    const db = freshDatabase();
    await saveEdits(db, [entryRecord(100, 'Versi pertama')]);

    // The second edit reuses a mutation id: the record is put first, then the outbox row
    // violates the unique index and the whole transaction must roll back.
    const failing = saveWithMutation(db, {
      record: entryRecord(100, 'Versi kedua'),
      mutationId: testId(1000),
      nowMs: T0 + MINUTE,
    });

    await expect(failing).rejects.toMatchObject({ name: 'ConstraintError' });
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
      await saveWithMutation(db, { record: entryRecord(100 + index), mutationId, nowMs: T0 });
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
