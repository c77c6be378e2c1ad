import { Dexie } from 'dexie';
import type { Assignment } from '../domain/assignment';
import type { Scoresheet } from '../domain/scoresheet';
import type { AppDatabase } from './app-database';
import { parseRecordRow } from './parse-record-row';
import { listRecordsWhere } from './record-repository';
import { parseRows, type RowProblem } from './row-problem';

export interface StageWork {
  assignments: Assignment[];
  scoresheets: Scoresheet[];
  problems: RowProblem[];
}

/**
 * The assignments and scoresheets of one stage, for the panitia's assignment and progress
 * screens. Sheets are found by the [stageId+entryId] index, from the stage's first entry
 * id to its last, so a kabupaten's tens of thousands of scores are not all read.
 */
export async function loadStageWork(db: AppDatabase, stageId: string): Promise<StageWork> {
  const assignments = await listRecordsWhere(db, 'assignment', 'stageId', stageId);
  const rows = await db.scoresheets
    .where('[data.stageId+data.entryId]')
    .between([stageId, Dexie.minKey], [stageId, Dexie.maxKey], true, true)
    .toArray();
  const scoresheets = parseRows(rows, (row) => parseRecordRow('scoresheet', row));
  return {
    assignments: assignments.rows,
    scoresheets: scoresheets.rows,
    problems: [...assignments.problems, ...scoresheets.problems],
  };
}
