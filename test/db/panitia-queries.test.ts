import { describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../src/db/app-database';
import { applyPulledChanges } from '../../src/db/apply-pulled-changes';
import { listLatestRubrics, listRubricVersions } from '../../src/db/list-rubric-versions';
import { listStagesOfCompetition } from '../../src/db/list-stages-of-competition';
import { loadStageWork } from '../../src/db/load-stage-work';
import { saveLocalEdits } from '../../src/db/save-local-edits';
import type { LocalEdit } from '../../src/db/save-local-edit';
import type { SyncRecord } from '../../src/domain/sync-record';
import { freshDatabase } from '../support/fresh-database';
import {
  makeAssignment,
  makeEntry,
  makeRubricRecord,
  makeScoresheet,
  makeStage,
  testId,
} from '../support/records';

const COMPETITION = testId(1);
const CATEGORY = testId(2);
const RUBRIC = testId(3);
const [STAGE, OTHER_STAGE] = [testId(10), testId(11)];
const JUDGE = testId(20);
const DEVICE = testId(99);

async function store(db: AppDatabase, records: SyncRecord[]): Promise<void> {
  await applyPulledChanges(db, {
    changes: records.map((record, index) => ({ seq: index + 1, record })),
    cursor: records.length,
  });
}

let mutationNumber = 1000;
const edit = (record: SyncRecord): LocalEdit => ({
  record,
  mutationId: testId(mutationNumber++),
  deviceId: DEVICE,
  nowMs: Date.parse('2026-08-18T02:00:00.000Z'),
});

describe("the panitia's reads", () => {
  it('lists stages in their order and the versions of each rubric', async () => {
    const db = freshDatabase();
    await store(db, [
      {
        kind: 'stage',
        data: makeStage(STAGE, COMPETITION, RUBRIC, { order: 2, name: 'Lapangan' }),
      },
      { kind: 'stage', data: makeStage(OTHER_STAGE, COMPETITION, RUBRIC, { order: 1 }) },
      { kind: 'rubric', data: makeRubricRecord(RUBRIC, 2) },
      { kind: 'rubric', data: makeRubricRecord(RUBRIC, 1) },
    ]);
    const stages = await listStagesOfCompetition(db, COMPETITION);
    expect(stages.rows.map((s) => s.id)).toEqual([OTHER_STAGE, STAGE]);
    expect((await listRubricVersions(db, RUBRIC)).rows.map((r) => r.version)).toEqual([1, 2]);
    expect((await listLatestRubrics(db)).rows.map((r) => r.version)).toEqual([2]);
  });

  it("reads one stage's assignments and scoresheets, not another stage's", async () => {
    const db = freshDatabase();
    const entryIds = [testId(30), testId(31)];
    const records: SyncRecord[] = [STAGE, OTHER_STAGE].flatMap((stageId, s) =>
      entryIds.flatMap((entryId, e): SyncRecord[] => {
        const id = testId(40 + s * 2 + e);
        const ids = { stageId, judgeId: JUDGE, entryId };
        return [
          { kind: 'assignment', data: makeAssignment(id, ids) },
          { kind: 'scoresheet', data: makeScoresheet(id, { ...ids, rubricId: RUBRIC }) },
        ];
      }),
    );
    await store(db, records);
    const work = await loadStageWork(db, STAGE);
    expect(work.assignments.map((a) => a.id).sort()).toEqual([testId(40), testId(41)]);
    expect(work.scoresheets.map((s) => s.id).sort()).toEqual([testId(40), testId(41)]);
    expect(work.problems).toEqual([]);
  });
});

describe('saving several edits at once', () => {
  it('saves every record with its outbox row', async () => {
    const db = freshDatabase();
    const entries = [testId(50), testId(51)].map((id) => makeEntry(id, COMPETITION, CATEGORY));
    await saveLocalEdits(
      db,
      entries.map((data) => edit({ kind: 'entry', data })),
    );
    expect(await db.entries.count()).toBe(2);
    expect(await db.outbox.count()).toBe(2);
  });

  it('saves nothing when one of them is invalid', async () => {
    const db = freshDatabase();
    const good = makeEntry(testId(50), COMPETITION, CATEGORY);
    const bad = makeEntry(testId(51), COMPETITION, CATEGORY, { title: ' ' });
    await expect(
      saveLocalEdits(db, [edit({ kind: 'entry', data: good }), edit({ kind: 'entry', data: bad })]),
    ).rejects.toThrow(/title: must not be empty/);
    expect(await db.entries.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});
