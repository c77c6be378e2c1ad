import { describe, expect, it } from 'vitest';
import { applyPulledChanges } from '../../src/db/apply-pulled-changes';
import { listCompetitions } from '../../src/db/list-competitions';
import { freshDatabase } from '../support/fresh-database';
import { makeCompetition, testId } from '../support/records';

describe('listCompetitions', () => {
  it('lists the newest year first, then by name', async () => {
    const db = freshDatabase();
    const competitions = [
      makeCompetition(testId(1), { name: 'Krenova 2024', year: 2024 }),
      makeCompetition(testId(2), { name: 'kipp regional', year: 2025 }),
      makeCompetition(testId(3), { name: 'Krenova 2025', year: 2025 }),
    ];
    await applyPulledChanges(db, {
      changes: competitions.map((data, index) => ({
        seq: index + 1,
        record: { kind: 'competition', data },
      })),
      cursor: 3,
    });

    const list = await listCompetitions(db);

    expect(list.rows.map((competition) => competition.name)).toEqual([
      'kipp regional',
      'Krenova 2025',
      'Krenova 2024',
    ]);
    expect(list.problems).toEqual([]);
  });
});
