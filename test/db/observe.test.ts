import { describe, expect, it } from 'vitest';
import { listEntriesOfCompetition } from '../../src/db/list-entries-of-competition';
import { observe } from '../../src/db/observe';
import { saveWithMutation } from '../../src/db/save-local-edit';
import { freshDatabase } from '../support/fresh-database';
import { makeEntry, testId } from '../support/records';

describe('observe', () => {
  it('answers again after a write to a table the query read', async () => {
    const db = freshDatabase();
    const competition = testId(1);
    const seen: string[][] = [];
    let resolveSecond: () => void = () => {};
    const second = new Promise<void>((resolve) => {
      resolveSecond = resolve;
    });

    const subscription = observe(db, (d) => listEntriesOfCompetition(d, competition)).subscribe({
      next: (list) => {
        seen.push(list.rows.map((entry) => entry.title));
        if (seen.length === 2) resolveSecond();
      },
    });
    await saveWithMutation(db, {
      record: { kind: 'entry', data: makeEntry(testId(100), competition, testId(10)) },
      mutationId: testId(1000),
      deviceId: testId(500),
      nowMs: Date.UTC(2025, 7, 18),
    });
    await second;
    subscription.unsubscribe();

    expect(seen).toEqual([[], ['Layanan Antar Akta Kelahiran']]);
  });
});
