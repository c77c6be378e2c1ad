import { describe, expect, it } from 'vitest';
import { applyPulledChanges } from '../../src/db/apply-pulled-changes';
import { listCategoriesOfCompetition } from '../../src/db/list-categories-of-competition';
import { freshDatabase } from '../support/fresh-database';
import { makeCategory, testId } from '../support/records';

describe('listCategoriesOfCompetition', () => {
  it('lists the categories of one competition in the order the panitia set', async () => {
    const db = freshDatabase();
    const competition = testId(1);
    const categories = [
      makeCategory(testId(10), competition, { name: 'OPD', order: 2 }),
      makeCategory(testId(11), competition, { name: 'Umum', order: 0 }),
      makeCategory(testId(12), testId(2), { name: 'Klaster I', order: 0 }),
      makeCategory(testId(13), competition, { name: 'Pelajar', order: 1 }),
    ];
    await applyPulledChanges(db, {
      changes: categories.map((data, index) => ({
        seq: index + 1,
        record: { kind: 'category', data },
      })),
      cursor: 4,
    });

    const list = await listCategoriesOfCompetition(db, competition);

    expect(list.rows.map((category) => category.name)).toEqual(['Umum', 'Pelajar', 'OPD']);
  });
});
