import type { Assignment } from '../domain/assignment';
import type { Category } from '../domain/category';
import type { Competition } from '../domain/competition';
import type { Entry } from '../domain/entry';
import type { Rubric } from '../domain/rubric';
import { rubricVersionKey } from '../domain/rubric';
import type { Scoresheet } from '../domain/scoresheet';
import type { Stage } from '../domain/stage';
import type { User } from '../domain/user';
import type { AppDatabase } from './app-database';
import { listCategoriesOfCompetition } from './list-categories-of-competition';
import { listEntriesOfCompetition } from './list-entries-of-competition';
import { listStagesOfCompetition } from './list-stages-of-competition';
import { listUsers } from './list-users';
import { loadStageWork } from './load-stage-work';
import { getRecord } from './record-repository';
import type { RowProblem } from './row-problem';

export interface StageResultsRecords {
  competition: Competition;
  stage: Stage;
  stages: Stage[];
  rubric: Rubric;
  categories: Category[];
  entries: Entry[];
  assignments: Assignment[];
  scoresheets: Scoresheet[];
  users: User[];
  /** Rows that failed their schema: left out, and the screen says so. */
  problems: RowProblem[];
}

/**
 * Everything the results of one stage are computed from, read in one go so the screen
 * never mixes the scores of one moment with the entries of another. Null when the stage,
 * its competition or its rubric version is not on this device.
 */
export async function loadStageResults(
  db: AppDatabase,
  stageId: string,
): Promise<StageResultsRecords | null> {
  const stage = await getRecord(db, 'stage', stageId);
  if (stage.status !== 'found') return null;
  const { competitionId, rubricId, rubricVersion } = stage.row;
  const [competition, rubric, stages, categories, entries, work, users] = await Promise.all([
    getRecord(db, 'competition', competitionId),
    getRecord(db, 'rubric', rubricVersionKey(rubricId, rubricVersion)),
    listStagesOfCompetition(db, competitionId),
    listCategoriesOfCompetition(db, competitionId),
    listEntriesOfCompetition(db, competitionId),
    loadStageWork(db, stageId),
    listUsers(db),
  ]);
  if (competition.status !== 'found' || rubric.status !== 'found') return null;
  return {
    competition: competition.row,
    stage: stage.row,
    stages: stages.rows,
    rubric: rubric.row,
    categories: categories.rows,
    entries: entries.rows,
    assignments: work.assignments,
    scoresheets: work.scoresheets,
    users: users.rows,
    problems: [
      ...stages.problems,
      ...categories.problems,
      ...entries.problems,
      ...work.problems,
      ...users.problems,
    ],
  };
}
