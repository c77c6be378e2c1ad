import { describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../src/db/app-database';
import { applyPulledChanges } from '../../src/db/apply-pulled-changes';
import { getRecord, listRecords, listRecordsWhere } from '../../src/db/record-repository';
import type { SyncRecord } from '../../src/domain/sync-record';
import { freshDatabase } from '../support/fresh-database';
import {
  makeAssignment,
  makeCategory,
  makeCompetition,
  makeEntry,
  makeRubricRecord,
  makeScoresheet,
  testId,
} from '../support/records';

const COMPETITION = testId(1);
const OTHER_COMPETITION = testId(2);
const CATEGORY = testId(10);
const RUBRIC = testId(20);
const STAGE = testId(30);
const JUDGE = testId(40);
const OTHER_JUDGE = testId(41);

/** Stores records the way the server's changes arrive. */
async function store(db: AppDatabase, records: SyncRecord[]): Promise<void> {
  await applyPulledChanges(db, {
    changes: records.map((record, index) => ({ seq: index + 1, record })),
    cursor: records.length,
  });
}

describe('getRecord', () => {
  it('finds a stored record by its key', async () => {
    const db = freshDatabase();
    const competition = makeCompetition(COMPETITION);
    await store(db, [{ kind: 'competition', data: competition }]);

    expect(await getRecord(db, 'competition', COMPETITION)).toEqual({
      status: 'found',
      row: competition,
    });
    expect(await getRecord(db, 'competition', testId(99))).toEqual({ status: 'absent' });
  });

  it('keeps every version of a rubric under "id@version"', async () => {
    const db = freshDatabase();
    await store(db, [
      { kind: 'rubric', data: makeRubricRecord(RUBRIC, 1) },
      { kind: 'rubric', data: makeRubricRecord(RUBRIC, 2) },
    ]);

    const second = await getRecord(db, 'rubric', `${RUBRIC}@2`);
    expect(second.status === 'found' && second.row.version).toBe(2);
    const versions = await listRecordsWhere(db, 'rubric', 'id', RUBRIC);
    expect(versions.rows.map((rubric) => rubric.version)).toEqual([1, 2]);
  });

  it('reports a row that fails its schema instead of returning it', async () => {
    const db = freshDatabase();
    await db.table('competitions').put({
      key: COMPETITION,
      data: { ...makeCompetition(COMPETITION), year: 1999 },
    });

    const lookup = await getRecord(db, 'competition', COMPETITION);

    if (lookup.status !== 'corrupt') throw new Error(`expected corrupt, got ${lookup.status}`);
    expect(lookup.problem).toMatchObject({ table: 'competitions', key: COMPETITION });
    // zod/mini ships no English messages unless configured: assert the field, not the words.
    expect(lookup.problem.message).toMatch(/^data\.year: /);
  });
});

describe('listRecords', () => {
  it('skips corrupted rows and reports each with its key and the schema message', async () => {
    const db = freshDatabase();
    const good = makeEntry(testId(100), COMPETITION, CATEGORY);
    await store(db, [{ kind: 'entry', data: good }]);
    // Rows as an older build, a bug or a manual edit might have left them.
    await db.table('entries').bulkPut([
      {
        key: testId(101),
        data: { ...makeEntry(testId(101), COMPETITION, CATEGORY), title: ' ' },
      },
      { key: testId(102), data: 'not an entry' },
      { key: testId(103) },
    ]);

    const list = await listRecords(db, 'entry');

    expect(list.rows).toEqual([good]);
    expect(list.problems.map(({ table, key }) => [table, key])).toEqual([
      ['entries', testId(101)],
      ['entries', testId(102)],
      ['entries', testId(103)],
    ]);
    const [blankTitle, notAnObject, noData] = list.problems.map((problem) => problem.message);
    expect(blankTitle).toBe('data.title: must not be empty');
    expect(notAnObject).toMatch(/^data: /);
    expect(noData).toMatch(/^data: /);
  });

  it('reports a valid record stored under another record key', async () => {
    const db = freshDatabase();
    await db.table('competitions').put({ key: testId(7), data: makeCompetition(COMPETITION) });

    const list = await listRecords(db, 'competition');

    expect(list.rows).toEqual([]);
    expect(list.problems).toEqual([
      {
        table: 'competitions',
        key: testId(7),
        message: `stored under ${testId(7)} but the record's key is ${COMPETITION}`,
      },
    ]);
  });
});

describe('listRecordsWhere', () => {
  it('reads records by a single-field index', async () => {
    const db = freshDatabase();
    await store(db, [
      { kind: 'category', data: makeCategory(testId(10), COMPETITION) },
      { kind: 'category', data: makeCategory(testId(11), OTHER_COMPETITION) },
      { kind: 'category', data: makeCategory(testId(12), COMPETITION, { name: 'OPD' }) },
    ]);

    const list = await listRecordsWhere(db, 'category', 'competitionId', COMPETITION);

    expect(list.rows.map((category) => category.id)).toEqual([testId(10), testId(12)]);
  });

  it('reads scoresheets by stage and entry together, and by judge', async () => {
    const db = freshDatabase();
    const entry = testId(100);
    const ids = { stageId: STAGE, entryId: entry, rubricId: RUBRIC };
    await store(db, [
      { kind: 'scoresheet', data: makeScoresheet(testId(200), { ...ids, judgeId: JUDGE }) },
      { kind: 'scoresheet', data: makeScoresheet(testId(201), { ...ids, judgeId: OTHER_JUDGE }) },
      {
        kind: 'scoresheet',
        data: makeScoresheet(testId(202), { ...ids, entryId: testId(101), judgeId: JUDGE }),
      },
    ]);

    const ofEntry = await listRecordsWhere(db, 'scoresheet', 'stageAndEntry', [STAGE, entry]);
    const ofJudge = await listRecordsWhere(db, 'scoresheet', 'judgeId', JUDGE);

    expect(ofEntry.rows.map((sheet) => sheet.id)).toEqual([testId(200), testId(201)]);
    expect(ofJudge.rows.map((sheet) => sheet.id)).toEqual([testId(200), testId(202)]);
  });

  it('reads the assignments of one judge', async () => {
    const db = freshDatabase();
    await store(db, [
      {
        kind: 'assignment',
        data: makeAssignment(testId(300), { stageId: STAGE, judgeId: JUDGE, entryId: testId(100) }),
      },
      {
        kind: 'assignment',
        data: makeAssignment(testId(301), {
          stageId: STAGE,
          judgeId: OTHER_JUDGE,
          entryId: testId(100),
        }),
      },
    ]);

    const list = await listRecordsWhere(db, 'assignment', 'judgeId', JUDGE);

    expect(list.rows.map((assignment) => assignment.id)).toEqual([testId(300)]);
  });

  it('skips a corrupted row that the index still finds', async () => {
    const db = freshDatabase();
    await db.table('categories').put({
      key: testId(10),
      data: { ...makeCategory(testId(10), COMPETITION), order: -1 },
    });

    const list = await listRecordsWhere(db, 'category', 'competitionId', COMPETITION);

    expect(list.rows).toEqual([]);
    expect(list.problems).toHaveLength(1);
    expect(list.problems[0]).toMatchObject({ table: 'categories', key: testId(10) });
    expect(list.problems[0]?.message).toMatch(/^data\.order: /);
  });
});
