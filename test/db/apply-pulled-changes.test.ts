import { describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../src/db/app-database';
import { applyPulledChanges } from '../../src/db/apply-pulled-changes';
import { readCursor } from '../../src/db/cursor';
import { InvalidRecordError } from '../../src/db/invalid-record-error';
import { listPendingMutations, markRejected } from '../../src/db/outbox-repository';
import { saveWithMutation } from '../../src/db/save-local-edit';
import { getRecord, listRecords, listRecordsWhere } from '../../src/db/record-repository';
import type { Change } from '../../src/domain/sync-protocol';
import type { RecordKind, SyncRecord } from '../../src/domain/sync-record';
import { freshDatabase } from '../support/fresh-database';
import {
  makeCategory,
  makeCompetition,
  makeConflict,
  makeEntry,
  makeRubricRecord,
  testId,
} from '../support/records';

const COMPETITION = testId(1);
const CATEGORY = testId(10);
const T0 = Date.UTC(2025, 7, 18, 8, 0, 0);
const DEVICE = testId(500);

function entryRecord(n: number, title = `Inovasi ${n}`): SyncRecord {
  return { kind: 'entry', data: makeEntry(testId(n), COMPETITION, CATEGORY, { title }) };
}

function removal(seq: number, kind: RecordKind, key: string): Change {
  return { seq, removed: { kind, key } };
}

async function title(db: AppDatabase, n: number): Promise<string | undefined> {
  const stored = await getRecord(db, 'entry', testId(n));
  return stored.status === 'found' ? stored.row.title : undefined;
}

function changes(...records: SyncRecord[]): Change[] {
  return records.map((record, index) => ({ seq: index + 1, record }));
}

describe('applyPulledChanges', () => {
  it('writes the records of every kind and the new cursor', async () => {
    const db = freshDatabase();

    const applied = await applyPulledChanges(db, {
      changes: changes(
        { kind: 'competition', data: makeCompetition(COMPETITION) },
        { kind: 'category', data: makeCategory(CATEGORY, COMPETITION) },
        entryRecord(100),
      ),
      cursor: 3,
    });

    expect(applied).toEqual({ written: 3, keptLocal: [] });
    expect(await readCursor(db)).toBe(3);
    expect((await getRecord(db, 'competition', COMPETITION)).status).toBe('found');
    expect((await getRecord(db, 'category', CATEGORY)).status).toBe('found');
    expect((await getRecord(db, 'entry', testId(100))).status).toBe('found');
  });

  it('writes nothing and keeps the cursor when one record of the page is invalid', async () => {
    const db = freshDatabase();
    await applyPulledChanges(db, { changes: changes(entryRecord(100, 'Lama')), cursor: 1 });
    const invalid = entryRecord(101, '');

    const failing = applyPulledChanges(db, {
      changes: [
        { seq: 2, record: entryRecord(100, 'Baru') },
        { seq: 3, record: invalid },
        { seq: 4, record: entryRecord(102) },
      ],
      cursor: 4,
    });

    await expect(failing).rejects.toThrow(InvalidRecordError);
    await expect(failing).rejects.toThrow(
      `Pulled change 2 of 3 (seq 3, entry ${testId(101)}) is invalid: ` +
        'record.data.title: must not be empty. Nothing from this page was written.',
    );
    expect(await readCursor(db)).toBe(1);
    const entries = await listRecords(db, 'entry');
    expect(entries.rows.map((entry) => entry.title)).toEqual(['Lama']);
  });

  it('rolls the records back when storing the cursor fails', async () => {
    const db = freshDatabase();
    db.meta.hook('creating', () => {
      throw new Error('storage full');
    });

    const failing = applyPulledChanges(db, { changes: changes(entryRecord(100)), cursor: 1 });

    await expect(failing).rejects.toThrow('storage full');
    expect(await getRecord(db, 'entry', testId(100))).toEqual({ status: 'absent' });
    expect(await readCursor(db)).toBe(0);
  });

  it('refuses a cursor that is not a change number', async () => {
    const db = freshDatabase();

    await expect(
      applyPulledChanges(db, { changes: changes(entryRecord(100)), cursor: -1 }),
    ).rejects.toThrow('Pulled page cursor -1: cursor must be 0 or more');
    expect((await listRecords(db, 'entry')).rows).toEqual([]);
  });

  it('stores the cursor of a page without changes', async () => {
    const db = freshDatabase();

    await applyPulledChanges(db, { changes: [], cursor: 42 });

    expect(await readCursor(db)).toBe(42);
  });

  it('ends at the last value of a record changed twice in one page, whatever the order sent', async () => {
    const db = freshDatabase();

    await applyPulledChanges(db, {
      changes: [
        { seq: 8, record: entryRecord(100, 'Ketiga') },
        { seq: 6, record: entryRecord(100, 'Pertama') },
        { seq: 7, record: entryRecord(100, 'Kedua') },
      ],
      cursor: 8,
    });

    const stored = await getRecord(db, 'entry', testId(100));
    expect(stored.status === 'found' && stored.row.title).toBe('Ketiga');
  });

  it('applying the same page twice changes nothing', async () => {
    const db = freshDatabase();
    const page = { changes: changes(entryRecord(100), entryRecord(101)), cursor: 2 };

    await applyPulledChanges(db, page);
    await applyPulledChanges(db, page);

    expect((await listRecords(db, 'entry')).rows).toHaveLength(2);
    expect(await readCursor(db)).toBe(2);
  });
});

describe('applyPulledChanges and local edits', () => {
  it('does not overwrite a record whose local edit the server has not answered', async () => {
    const db = freshDatabase();
    await saveWithMutation(db, {
      record: entryRecord(100, 'Diedit di HP'),
      mutationId: testId(1000),
      deviceId: DEVICE,
      nowMs: T0,
    });

    const applied = await applyPulledChanges(db, {
      changes: changes(entryRecord(100, 'Versi server'), entryRecord(101)),
      cursor: 2,
    });

    expect(applied).toEqual({ written: 1, keptLocal: [{ kind: 'entry', key: testId(100) }] });
    const stored = await getRecord(db, 'entry', testId(100));
    expect(stored.status === 'found' && stored.row.title).toBe('Diedit di HP');
    expect(await readCursor(db)).toBe(2);
  });

  it('keeps a rejected local edit on screen too, for the user to resolve', async () => {
    const db = freshDatabase();
    await saveWithMutation(db, {
      record: entryRecord(100, 'Ditolak'),
      mutationId: testId(1000),
      deviceId: DEVICE,
      nowMs: T0,
    });
    await markRejected(db, [{ mutationId: testId(1000), code: 'forbidden', message: 'x' }], T0);

    await applyPulledChanges(db, { changes: changes(entryRecord(100, 'Server')), cursor: 1 });

    const stored = await getRecord(db, 'entry', testId(100));
    expect(stored.status === 'found' && stored.row.title).toBe('Ditolak');
  });

  it('writes the server version once the same response acknowledges the edit', async () => {
    const db = freshDatabase();
    await saveWithMutation(db, {
      record: entryRecord(100, 'Diedit di HP'),
      mutationId: testId(1000),
      deviceId: DEVICE,
      nowMs: T0,
    });

    const applied = await applyPulledChanges(db, {
      changes: changes(entryRecord(100, 'Digabung server')),
      cursor: 1,
      acknowledgedMutationIds: [testId(1000)],
    });

    expect(applied).toEqual({ written: 1, keptLocal: [] });
    const stored = await getRecord(db, 'entry', testId(100));
    expect(stored.status === 'found' && stored.row.title).toBe('Digabung server');
    expect((await listPendingMutations(db)).rows).toEqual([]);
  });

  it('keeps the outbox row when the page is refused', async () => {
    const db = freshDatabase();
    await saveWithMutation(db, {
      record: entryRecord(100),
      mutationId: testId(1000),
      deviceId: DEVICE,
      nowMs: T0,
    });

    await expect(
      applyPulledChanges(db, {
        changes: changes(entryRecord(101, '')),
        cursor: 1,
        acknowledgedMutationIds: [testId(1000)],
      }),
    ).rejects.toThrow(InvalidRecordError);

    expect((await listPendingMutations(db)).rows).toHaveLength(1);
  });
});

describe('applyPulledChanges and change numbers', () => {
  it('stores each record with the change number of its change', async () => {
    const db = freshDatabase();

    await applyPulledChanges(db, {
      changes: [
        { seq: 11, record: entryRecord(100) },
        { seq: 12, record: entryRecord(101) },
      ],
      cursor: 12,
    });

    expect(await db.entries.get(testId(100))).toMatchObject({ key: testId(100), seq: 11 });
    expect(await db.entries.get(testId(101))).toMatchObject({ key: testId(101), seq: 12 });
  });

  it('replaces the change number when a later version arrives', async () => {
    const db = freshDatabase();
    await applyPulledChanges(db, { changes: [{ seq: 3, record: entryRecord(100) }], cursor: 3 });

    await applyPulledChanges(db, {
      changes: [{ seq: 9, record: entryRecord(100, 'Versi baru') }],
      cursor: 9,
    });

    expect(await db.entries.get(testId(100))).toMatchObject({
      data: { title: 'Versi baru' },
      seq: 9,
    });
  });

  it('keeps the last change number of a record changed twice in one page', async () => {
    const db = freshDatabase();

    await applyPulledChanges(db, {
      changes: [
        { seq: 8, record: entryRecord(100, 'Kedua') },
        { seq: 6, record: entryRecord(100, 'Pertama') },
      ],
      cursor: 8,
    });

    expect(await db.entries.get(testId(100))).toMatchObject({ data: { title: 'Kedua' }, seq: 8 });
  });
});

describe('applyPulledChanges with removals', () => {
  it('deletes the row of a removed record and moves the cursor', async () => {
    const db = freshDatabase();
    await applyPulledChanges(db, {
      changes: changes(entryRecord(100), entryRecord(101)),
      cursor: 2,
    });

    const applied = await applyPulledChanges(db, {
      changes: [removal(3, 'entry', testId(100))],
      cursor: 3,
    });

    expect(applied).toEqual({ written: 1, keptLocal: [] });
    expect(await getRecord(db, 'entry', testId(100))).toEqual({ status: 'absent' });
    expect(await title(db, 101)).toBe('Inovasi 101');
    expect(await readCursor(db)).toBe(3);
  });

  it('removes a rubric version by its "id@version" key and keeps the other versions', async () => {
    const db = freshDatabase();
    const rubricId = testId(20);
    await applyPulledChanges(db, {
      changes: changes(
        { kind: 'rubric', data: makeRubricRecord(rubricId, 1) },
        { kind: 'rubric', data: makeRubricRecord(rubricId, 2) },
      ),
      cursor: 2,
    });

    await applyPulledChanges(db, { changes: [removal(3, 'rubric', `${rubricId}@1`)], cursor: 3 });

    expect((await getRecord(db, 'rubric', `${rubricId}@1`)).status).toBe('absent');
    expect((await getRecord(db, 'rubric', `${rubricId}@2`)).status).toBe('found');
  });

  it('accepts the removal of a record the device never held', async () => {
    const db = freshDatabase();

    await applyPulledChanges(db, { changes: [removal(5, 'entry', testId(100))], cursor: 5 });

    expect((await listRecords(db, 'entry')).rows).toEqual([]);
    expect(await readCursor(db)).toBe(5);
  });

  it('ends without the record when a page sets it and then removes it, whatever the order sent', async () => {
    const db = freshDatabase();

    await applyPulledChanges(db, {
      changes: [removal(5, 'entry', testId(100)), { seq: 4, record: entryRecord(100) }],
      cursor: 5,
    });

    expect(await getRecord(db, 'entry', testId(100))).toEqual({ status: 'absent' });
    expect(await readCursor(db)).toBe(5);
  });

  it('ends with the record when a page removes it and then sets it again', async () => {
    const db = freshDatabase();
    await applyPulledChanges(db, { changes: changes(entryRecord(100, 'Lama')), cursor: 1 });

    await applyPulledChanges(db, {
      changes: [{ seq: 7, record: entryRecord(100, 'Kembali') }, removal(6, 'entry', testId(100))],
      cursor: 7,
    });

    expect(await db.entries.get(testId(100))).toMatchObject({ data: { title: 'Kembali' }, seq: 7 });
  });

  it('refuses a page with a malformed removal and writes nothing from it', async () => {
    const db = freshDatabase();
    await applyPulledChanges(db, { changes: changes(entryRecord(100)), cursor: 1 });
    const malformed: unknown = { seq: 3, removed: { kind: 'entri', key: testId(100) } };

    const failing = applyPulledChanges(db, {
      // A server answer is parsed at runtime; the type cannot describe a bad one.
      changes: [{ seq: 2, record: entryRecord(101) }, malformed as Change],
      cursor: 3,
    });

    await expect(failing).rejects.toThrow(InvalidRecordError);
    await expect(failing).rejects.toThrow(/^Pulled change 2 of 2 \(seq 3/);
    expect((await listRecords(db, 'entry')).rows.map((entry) => entry.id)).toEqual([testId(100)]);
    expect(await readCursor(db)).toBe(1);
  });
});

describe('applyPulledChanges, removals and local edits', () => {
  it('keeps a removed record that has a pending local edit', async () => {
    const db = freshDatabase();
    await applyPulledChanges(db, {
      changes: changes(entryRecord(100), entryRecord(101)),
      cursor: 2,
    });
    await saveWithMutation(db, {
      record: entryRecord(100, 'Diedit di HP'),
      mutationId: testId(1000),
      deviceId: DEVICE,
      nowMs: T0,
    });

    const applied = await applyPulledChanges(db, {
      changes: [removal(3, 'entry', testId(100)), removal(4, 'entry', testId(101))],
      cursor: 4,
    });

    expect(applied).toEqual({ written: 1, keptLocal: [{ kind: 'entry', key: testId(100) }] });
    expect(await title(db, 100)).toBe('Diedit di HP');
    expect(await getRecord(db, 'entry', testId(101))).toEqual({ status: 'absent' });
    expect((await listPendingMutations(db)).rows).toHaveLength(1);
    expect(await readCursor(db)).toBe(4);
  });

  it('keeps a removed record that has a rejected local edit', async () => {
    const db = freshDatabase();
    await applyPulledChanges(db, { changes: changes(entryRecord(100)), cursor: 1 });
    await saveWithMutation(db, {
      record: entryRecord(100, 'Ditolak'),
      mutationId: testId(1000),
      deviceId: DEVICE,
      nowMs: T0,
    });
    await markRejected(db, [{ mutationId: testId(1000), code: 'forbidden', message: 'x' }], T0);

    const applied = await applyPulledChanges(db, {
      changes: [removal(2, 'entry', testId(100))],
      cursor: 2,
    });

    expect(applied.keptLocal).toEqual([{ kind: 'entry', key: testId(100) }]);
    expect(await title(db, 100)).toBe('Ditolak');
  });

  it('removes the record once the same response acknowledges its edit', async () => {
    const db = freshDatabase();
    await applyPulledChanges(db, { changes: changes(entryRecord(100)), cursor: 1 });
    await saveWithMutation(db, {
      record: entryRecord(100, 'Diedit di HP'),
      mutationId: testId(1000),
      deviceId: DEVICE,
      nowMs: T0,
    });

    const applied = await applyPulledChanges(db, {
      changes: [removal(2, 'entry', testId(100))],
      cursor: 2,
      acknowledgedMutationIds: [testId(1000)],
    });

    expect(applied).toEqual({ written: 1, keptLocal: [] });
    expect(await getRecord(db, 'entry', testId(100))).toEqual({ status: 'absent' });
  });

  it('does not bring back a record deleted here while its delete waits', async () => {
    const db = freshDatabase();
    await applyPulledChanges(db, { changes: changes(entryRecord(100)), cursor: 1 });
    await saveWithMutation(db, {
      record: entryRecord(100),
      mutationId: testId(1000),
      deviceId: DEVICE,
      nowMs: T0,
      op: 'delete',
    });

    const applied = await applyPulledChanges(db, {
      changes: [{ seq: 2, record: entryRecord(100, 'Diubah panitia') }],
      cursor: 2,
    });

    expect(applied.keptLocal).toEqual([{ kind: 'entry', key: testId(100) }]);
    expect(await getRecord(db, 'entry', testId(100))).toEqual({ status: 'absent' });
  });
});

describe('applyPulledChanges and conflicts', () => {
  it('stores pulled conflicts, found by scoresheet and by judge', async () => {
    const db = freshDatabase();
    const ids = {
      scoresheetId: testId(200),
      judgeId: testId(40),
      stageId: testId(30),
      entryId: testId(100),
    };
    const conflict = makeConflict(testId(300), ids);
    const otherJudge = makeConflict(testId(301), {
      ...ids,
      scoresheetId: testId(201),
      judgeId: testId(41),
    });

    await applyPulledChanges(db, {
      changes: changes(
        { kind: 'conflict', data: conflict },
        { kind: 'conflict', data: otherJudge },
      ),
      cursor: 2,
    });

    expect((await listRecordsWhere(db, 'conflict', 'scoresheetId', testId(200))).rows).toEqual([
      conflict,
    ]);
    expect((await listRecordsWhere(db, 'conflict', 'judgeId', testId(41))).rows).toEqual([
      otherJudge,
    ]);
  });
});
