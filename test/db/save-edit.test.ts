import { describe, expect, it, vi } from 'vitest';
import type { AppDatabase } from '../../src/db/app-database';
import { listRecordsWhere } from '../../src/db/record-repository';
import { observe } from '../../src/db/observe';
import { listPendingMutations, removeAcknowledged } from '../../src/db/outbox-repository';
import { saveEdit, saveWithMutation, type SavedState } from '../../src/db/save-local-edit';
import { writeServerOffset } from '../../src/db/server-offset';
import { parseHlc } from '../../src/domain/hlc';
import type { Scoresheet } from '../../src/domain/scoresheet';
import { freshDatabase } from '../support/fresh-database';
import { liveAnswers } from '../support/live-answers';
import { makeScoresheet, testId } from '../support/records';

const T0 = Date.UTC(2025, 7, 18, 8, 0, 0);
const DEVICE = testId(500);
const SHEET = makeScoresheet(testId(300), {
  stageId: testId(20),
  judgeId: testId(100),
  entryId: testId(30),
  rubricId: testId(40),
});

/** The n-th keystroke: the kebaruan score becomes n, at T0 + n ms. */
function keystroke(n: number): {
  record: { kind: 'scoresheet'; data: Scoresheet };
  mutationId: string;
  deviceId: string;
  nowMs: number;
  fields: string[];
} {
  return {
    record: {
      kind: 'scoresheet',
      data: { ...SHEET, scores: { kebaruan: { value: n, note: '' } } },
    },
    mutationId: testId(1000 + n),
    deviceId: DEVICE,
    nowMs: T0 + n,
    fields: ['scores.kebaruan.value'],
  };
}

/** Everything a save can touch, to compare two databases. */
async function contents(db: AppDatabase): Promise<unknown> {
  const outbox = (await db.outbox.toArray()) as { seq: number }[];
  return {
    // seq is the database's own counter: an aborted attempt may use one up.
    outbox: outbox.map((row) => ({ ...row, seq: 0 })),
    sheets: await db.scoresheets.toArray(),
    meta: await db.meta.toArray(),
  };
}

/**
 * Keystroke 1 saved into two databases (saveEdit, saveWithMutation), then `change` made to
 * both, then keystroke 3: by saveEdit from the state keystroke 1 left, and the usual way.
 */
async function changedAfterFirstKeystroke(change: (db: AppDatabase) => Promise<unknown>) {
  const fast = freshDatabase();
  const reference = freshDatabase();
  const first = await saveEdit(fast, keystroke(1), undefined);
  await saveWithMutation(reference, keystroke(1));
  await change(fast);
  await change(reference);
  const second = await saveEdit(fast, keystroke(3), first.state);
  await saveWithMutation(reference, keystroke(3));
  return { fast, reference, second };
}

describe('saveEdit', () => {
  it('writes exactly what saveWithMutation writes, keystroke after keystroke', async () => {
    const fast = freshDatabase();
    const reference = freshDatabase();
    const transactions = vi.spyOn(fast, 'transaction');
    let state: SavedState | undefined;
    for (let n = 1; n <= 5; n++) {
      state = (await saveEdit(fast, keystroke(n), state)).state;
      await saveWithMutation(reference, keystroke(n));
    }
    expect(await contents(fast)).toEqual(await contents(reference));
    expect(await fast.outbox.count()).toBe(1);
    // Only the first keystroke went through Dexie; every later one was written directly,
    // and none had to be made again after its check.
    expect(transactions).toHaveBeenCalledTimes(1);
  });

  it('tells the live queries what a save written directly changed', async () => {
    const db = freshDatabase();
    const first = await saveEdit(db, keystroke(1), undefined);
    // The judge's work list reads sheets by an index; the sync reads the outbox.
    const scores = liveAnswers(
      observe(db, async (d) =>
        (await listRecordsWhere(d, 'scoresheet', 'judgeId', SHEET.judgeId)).rows.map(
          (sheet) => sheet.scores.kebaruan?.value,
        ),
      ),
    );
    const outbox = liveAnswers(
      observe(db, async (d) => (await listPendingMutations(d)).rows.map((mutation) => mutation.id)),
    );
    expect(await scores.next()).toEqual([1]);
    expect(await outbox.next()).toEqual([testId(1001)]);
    const transactions = vi.spyOn(db, 'transaction');

    await saveEdit(db, keystroke(2), first.state);
    expect(transactions).not.toHaveBeenCalled(); // written directly, not through Dexie
    expect(await scores.next()).toEqual([2]);
    expect(await outbox.next()).toEqual([testId(1002)]);
  });

  it('makes the edit again from the stored state when something changed since its last save', async () => {
    // Another tab saved the same sheet: the clock and the outbox moved on.
    const { fast, reference } = await changedAfterFirstKeystroke((db) =>
      saveWithMutation(db, keystroke(2)),
    );
    expect(await contents(fast)).toEqual(await contents(reference));
  });

  it('starts a new outbox row when a sync took the last one away', async () => {
    const { fast, reference, second } = await changedAfterFirstKeystroke((db) =>
      removeAcknowledged(db, [testId(1001)]),
    );
    expect(await contents(fast)).toEqual(await contents(reference));
    // The folded-away row is not deleted twice, nor the new one left out.
    expect(second.mutation.fields).toEqual(['scores.kebaruan.value']);
    expect(await fast.outbox.count()).toBe(1);
  });

  it('uses a server offset measured since its last save', async () => {
    const { fast, reference, second } = await changedAfterFirstKeystroke((db) =>
      writeServerOffset(db, 60_000),
    );
    expect(await contents(fast)).toEqual(await contents(reference));
    expect(parseHlc(second.mutation.hlc).wallMs).toBe(T0 + 3 + 60_000);
  });

  it('writes nothing when the record is invalid, with or without the last state', async () => {
    const db = freshDatabase();
    const first = await saveEdit(db, keystroke(1), undefined);
    const before = await contents(db);
    const invalid = keystroke(2);
    invalid.record.data = { ...invalid.record.data, judgeId: '' };
    await expect(saveEdit(db, invalid, first.state)).rejects.toThrow(/Cannot save scoresheet/);
    expect(await contents(db)).toEqual(before);
  });
});
