import { describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../src/db/app-database';
import { applyPulledChanges } from '../../src/db/apply-pulled-changes';
import { listEntriesOfCompetition } from '../../src/db/list-entries-of-competition';
import type { Entry } from '../../src/domain/entry';
import { freshDatabase } from '../support/fresh-database';
import { makeEntry, testId } from '../support/records';

const COMPETITION = testId(1);
const OTHER_COMPETITION = testId(2);
const CATEGORY = testId(10);

async function storeEntries(db: AppDatabase, entries: Entry[]): Promise<void> {
  await applyPulledChanges(db, {
    changes: entries.map((data, index) => ({ seq: index + 1, record: { kind: 'entry', data } })),
    cursor: entries.length,
  });
}

describe('listEntriesOfCompetition', () => {
  it('sorts titles as an Indonesian reader does, not by character code', async () => {
    const db = freshDatabase();
    const titles = ['Zona Integritas Desa', 'Éco-Pasar Rakyat', 'aplikasi SIPADU', 'Bank Sampah'];
    await storeEntries(
      db,
      titles.map((title, index) =>
        makeEntry(testId(100 + index), COMPETITION, CATEGORY, { title }),
      ),
    );

    const list = await listEntriesOfCompetition(db, COMPETITION);

    // Code-unit order would give Bank, Zona, aplikasi, Éco.
    expect(list.rows.map((entry) => entry.title)).toEqual([
      'aplikasi SIPADU',
      'Bank Sampah',
      'Éco-Pasar Rakyat',
      'Zona Integritas Desa',
    ]);
    expect(list.rows.map((entry) => entry.title)).toEqual(
      [...titles].sort((a, b) => a.localeCompare(b, 'id')),
    );
  });

  it('orders entries with the same title by id, so the list does not jump', async () => {
    const db = freshDatabase();
    const title = 'Sistem Antrean Online';
    await storeEntries(db, [
      makeEntry(testId(102), COMPETITION, CATEGORY, { title }),
      makeEntry(testId(101), COMPETITION, CATEGORY, { title }),
    ]);

    const list = await listEntriesOfCompetition(db, COMPETITION);

    expect(list.rows.map((entry) => entry.id)).toEqual([testId(101), testId(102)]);
  });

  it('lists only the entries of the competition asked for', async () => {
    const db = freshDatabase();
    await storeEntries(db, [
      makeEntry(testId(100), COMPETITION, CATEGORY),
      makeEntry(testId(101), OTHER_COMPETITION, CATEGORY),
    ]);

    const list = await listEntriesOfCompetition(db, COMPETITION);

    expect(list.rows.map((entry) => entry.id)).toEqual([testId(100)]);
  });

  it('reports a corrupted entry and lists the rest', async () => {
    const db = freshDatabase();
    await storeEntries(db, [makeEntry(testId(100), COMPETITION, CATEGORY)]);
    await db.table('entries').put({
      key: testId(101),
      data: { ...makeEntry(testId(101), COMPETITION, CATEGORY), regionCode: '3321' },
    });

    const list = await listEntriesOfCompetition(db, COMPETITION);

    expect(list.rows.map((entry) => entry.id)).toEqual([testId(100)]);
    expect(list.problems).toEqual([
      {
        table: 'entries',
        key: testId(101),
        message: 'data.regionCode: must be a Kemendagri region code such as 33.16 or 33.16.01',
      },
    ]);
  });
});
