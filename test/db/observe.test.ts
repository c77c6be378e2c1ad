import { describe, expect, it } from 'vitest';
import { listEntriesOfCompetition } from '../../src/db/list-entries-of-competition';
import { observe } from '../../src/db/observe';
import { saveWithMutation } from '../../src/db/save-local-edit';
import { freshDatabase } from '../support/fresh-database';
import { liveAnswers } from '../support/live-answers';
import { makeEntry, testId } from '../support/records';

describe('observe', () => {
  it('answers again after a write to a table the query read', async () => {
    const db = freshDatabase();
    const competition = testId(1);
    const titles = liveAnswers(
      observe(db, async (d) =>
        (await listEntriesOfCompetition(d, competition)).rows.map((entry) => entry.title),
      ),
    );
    // The first answer comes before the write, so the second can only come from it.
    expect(await titles.next()).toEqual([]);
    await saveWithMutation(db, {
      record: { kind: 'entry', data: makeEntry(testId(100), competition, testId(10)) },
      mutationId: testId(1000),
      deviceId: testId(500),
      nowMs: Date.UTC(2025, 7, 18),
    });
    expect(await titles.next()).toEqual(['Layanan Antar Akta Kelahiran']);
  });
});
