import { buildJudgeWork, type StageWork } from '../domain/judge-work';
import type { AppDatabase } from './app-database';
import { compareIndonesian } from './compare-indonesian';
import { listRecords, listRecordsWhere } from './record-repository';

/**
 * Everything the judge's work list shows, read from this device only, in ONE read
 * transaction: the judge's first screen, so each IndexedDB round trip counts.
 */
export async function loadJudgeWork(db: AppDatabase, judgeId: string): Promise<StageWork[]> {
  const tables = (['assignment', 'entry', 'stage', 'rubric', 'scoresheet'] as const).map((kind) =>
    db.recordTable(kind),
  );
  const [assignments, entries, stages, rubrics, scoresheets] = await db.transaction(
    'r',
    tables,
    () =>
      Promise.all([
        listRecordsWhere(db, 'assignment', 'judgeId', judgeId),
        listRecords(db, 'entry'),
        listRecords(db, 'stage'),
        listRecords(db, 'rubric'),
        listRecordsWhere(db, 'scoresheet', 'judgeId', judgeId),
      ]),
  );
  return buildJudgeWork({
    assignments: assignments.rows,
    entries: entries.rows,
    stages: stages.rows,
    rubrics: rubrics.rows,
    scoresheets: scoresheets.rows,
    compareTitles: compareIndonesian,
  });
}
