import { describe, expect, it } from 'vitest';
import { META_KEYS, type AppDatabase } from '../../src/db/app-database';
import { applyPulledChanges } from '../../src/db/apply-pulled-changes';
import { readCursor } from '../../src/db/cursor';
import { discardRejected } from '../../src/db/discard-rejected';
import {
  listPendingMutations,
  listRejectedMutations,
  markRejected,
} from '../../src/db/outbox-repository';
import { saveWithMutation } from '../../src/db/save-local-edit';
import { getRecord } from '../../src/db/record-repository';
import type { SyncRecord } from '../../src/domain/sync-record';
import { freshDatabase } from '../support/fresh-database';
import { makeEntry, testId } from '../support/records';

const COMPETITION = testId(1);
const CATEGORY = testId(10);
const DEVICE = testId(500);
const T0 = Date.UTC(2025, 7, 18, 8, 0, 0);

function entryRecord(n: number, title = `Inovasi ${n}`): SyncRecord {
  return { kind: 'entry', data: makeEntry(testId(n), COMPETITION, CATEGORY, { title }) };
}

async function edit(
  db: AppDatabase,
  record: SyncRecord,
  mutationNumber: number,
  op: 'put' | 'delete' = 'put',
): Promise<string> {
  const mutationId = testId(mutationNumber);
  await saveWithMutation(db, { record, mutationId, deviceId: DEVICE, nowMs: T0, op });
  return mutationId;
}

async function reject(db: AppDatabase, mutationId: string): Promise<void> {
  await markRejected(db, [{ mutationId, code: 'forbidden', message: 'Entri milik unit lain' }], T0);
}

async function title(db: AppDatabase, n: number): Promise<string | undefined> {
  const stored = await getRecord(db, 'entry', testId(n));
  return stored.status === 'found' ? stored.row.title : undefined;
}

describe('discardRejected', () => {
  it('drops the edit of a server record and steps the cursor back to refetch it', async () => {
    const db = freshDatabase();
    await applyPulledChanges(db, {
      changes: [
        { seq: 7, record: entryRecord(100, 'Versi server') },
        { seq: 12, record: entryRecord(101) },
      ],
      cursor: 12,
    });
    const mutationId = await edit(db, entryRecord(100, 'Ditolak'), 1000);
    await reject(db, mutationId);

    expect(await discardRejected(db, mutationId)).toBe(true);

    expect((await listRejectedMutations(db)).rows).toEqual([]);
    expect(await readCursor(db)).toBe(6);
    // The next pull sends seq 7 again, and with no outbox row it is written.
    const applied = await applyPulledChanges(db, {
      changes: [
        { seq: 7, record: entryRecord(100, 'Versi server') },
        { seq: 12, record: entryRecord(101) },
      ],
      cursor: 12,
    });
    expect(applied.keptLocal).toEqual([]);
    expect(await title(db, 100)).toBe('Versi server');
  });

  it('never moves the cursor forward when it is already before the record', async () => {
    const db = freshDatabase();
    await applyPulledChanges(db, { changes: [{ seq: 7, record: entryRecord(100) }], cursor: 7 });
    const mutationId = await edit(db, entryRecord(100, 'Ditolak'), 1000);
    await reject(db, mutationId);
    // Something else (an older discard, a repair) already stepped the cursor back further.
    await db.meta.put({ key: META_KEYS.cursor, value: 2 });

    await discardRejected(db, mutationId);

    expect(await readCursor(db)).toBe(2);
  });

  it('deletes a record the server never had and leaves the cursor alone', async () => {
    const db = freshDatabase();
    await applyPulledChanges(db, { changes: [], cursor: 12 });
    const mutationId = await edit(db, entryRecord(100, 'Entri baru'), 1000);
    await reject(db, mutationId);

    expect(await discardRejected(db, mutationId)).toBe(true);

    expect(await getRecord(db, 'entry', testId(100))).toEqual({ status: 'absent' });
    expect(await db.outbox.count()).toBe(0);
    expect(await readCursor(db)).toBe(12);
  });

  it('keeps the record as edited while another edit of it still waits', async () => {
    const db = freshDatabase();
    await applyPulledChanges(db, { changes: [{ seq: 7, record: entryRecord(100) }], cursor: 9 });
    const rejectedId = await edit(db, entryRecord(100, 'Ditolak'), 1000);
    await reject(db, rejectedId);
    await edit(db, entryRecord(100, 'Diedit lagi'), 1001);

    expect(await discardRejected(db, rejectedId)).toBe(true);

    expect(await title(db, 100)).toBe('Diedit lagi');
    expect((await listPendingMutations(db)).rows.map((mutation) => mutation.id)).toEqual([
      testId(1001),
    ]);
    expect(await readCursor(db)).toBe(9);
  });

  it('deletes a new record whose rejected delete is discarded, leaving the cursor alone', async () => {
    const db = freshDatabase();
    await applyPulledChanges(db, { changes: [], cursor: 12 });
    await edit(db, entryRecord(100), 1000);
    const deleteId = await edit(db, entryRecord(100), 1001, 'delete');
    await db.outbox.where('mutation.id').equals(testId(1000)).delete();
    await reject(db, deleteId);

    expect(await discardRejected(db, deleteId)).toBe(true);

    expect(await getRecord(db, 'entry', testId(100))).toEqual({ status: 'absent' });
    expect(await readCursor(db)).toBe(12);
  });

  // saveWithMutation deleted the row, so the version to go back to is the delete's baseSeq.
  it('steps the cursor back for a server record whose rejected delete is discarded', async () => {
    const db = freshDatabase();
    await applyPulledChanges(db, { changes: [{ seq: 7, record: entryRecord(100) }], cursor: 12 });
    const mutationId = await edit(db, entryRecord(100), 1000, 'delete');
    await reject(db, mutationId);

    await discardRejected(db, mutationId);

    expect(await readCursor(db)).toBe(6);
  });

  it('refuses a pending edit and changes nothing', async () => {
    const db = freshDatabase();
    await applyPulledChanges(db, { changes: [{ seq: 7, record: entryRecord(100) }], cursor: 7 });
    const mutationId = await edit(db, entryRecord(100, 'Menunggu'), 1000);

    expect(await discardRejected(db, mutationId)).toBe(false);

    expect((await listPendingMutations(db)).rows.map((mutation) => mutation.id)).toEqual([
      mutationId,
    ]);
    expect(await title(db, 100)).toBe('Menunggu');
    expect(await readCursor(db)).toBe(7);
  });

  it('refuses a mutation id that is not in the outbox', async () => {
    const db = freshDatabase();
    await applyPulledChanges(db, { changes: [], cursor: 7 });

    expect(await discardRejected(db, testId(9999))).toBe(false);

    expect(await readCursor(db)).toBe(7);
  });

  it('leaves the other rejected edits in place', async () => {
    const db = freshDatabase();
    const first = await edit(db, entryRecord(100), 1000);
    const second = await edit(db, entryRecord(101), 1001);
    await reject(db, first);
    await reject(db, second);

    await discardRejected(db, first);

    expect((await listRejectedMutations(db)).rows.map((row) => row.mutation.id)).toEqual([second]);
    expect(await title(db, 101)).toBe('Inovasi 101');
  });
});
