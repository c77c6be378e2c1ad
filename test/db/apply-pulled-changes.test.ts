import { describe, expect, it } from 'vitest';
import { applyPulledChanges } from '../../src/db/apply-pulled-changes';
import { readCursor } from '../../src/db/cursor';
import { InvalidRecordError } from '../../src/db/invalid-record-error';
import {
  listPendingMutations,
  markRejected,
  saveWithMutation,
} from '../../src/db/outbox-repository';
import { getRecord, listRecords } from '../../src/db/record-repository';
import type { Change } from '../../src/domain/sync-protocol';
import type { SyncRecord } from '../../src/domain/sync-record';
import { freshDatabase } from '../support/fresh-database';
import { makeCategory, makeCompetition, makeEntry, testId } from '../support/records';

const COMPETITION = testId(1);
const CATEGORY = testId(10);
const T0 = Date.UTC(2025, 7, 18, 8, 0, 0);

function entryRecord(n: number, title = `Inovasi ${n}`): SyncRecord {
  return { kind: 'entry', data: makeEntry(testId(n), COMPETITION, CATEGORY, { title }) };
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
    await saveWithMutation(db, { record: entryRecord(100), mutationId: testId(1000), nowMs: T0 });

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
