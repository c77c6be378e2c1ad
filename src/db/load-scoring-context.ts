import type { Assignment } from '../domain/assignment';
import type { Category } from '../domain/category';
import type { Entry } from '../domain/entry';
import type { Rubric } from '../domain/rubric';
import type { Scoresheet } from '../domain/scoresheet';
import type { Stage } from '../domain/stage';
import type { AppDatabase } from './app-database';
import { getRecord } from './record-repository';

export interface ScoringContext {
  assignment: Assignment;
  entry: Entry;
  category: Category | undefined;
  stage: Stage;
  rubric: Rubric;
  /** The sheet as saved on this device; undefined before the first value. */
  sheet: Scoresheet | undefined;
}

/** What the scoring screen needs for one assignment, or null when it is not on the device. */
export async function loadScoringContext(
  db: AppDatabase,
  assignmentId: string,
): Promise<ScoringContext | null> {
  const found = <T>(lookup: { status: string; row?: T }): T | undefined =>
    lookup.status === 'found' ? lookup.row : undefined;
  const assignment = found(await getRecord(db, 'assignment', assignmentId));
  if (!assignment) return null;
  const [entry, stage, sheet] = await Promise.all([
    getRecord(db, 'entry', assignment.entryId).then(found),
    getRecord(db, 'stage', assignment.stageId).then(found),
    getRecord(db, 'scoresheet', assignment.id).then(found),
  ]);
  if (!entry || !stage) return null;
  const rubric = found(await getRecord(db, 'rubric', `${stage.rubricId}@${stage.rubricVersion}`));
  if (!rubric) return null;
  const category = found(await getRecord(db, 'category', entry.categoryId));
  return { assignment, entry, category, stage, rubric, sheet };
}
