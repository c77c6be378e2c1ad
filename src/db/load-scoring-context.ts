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

/**
 * What the scoring screen needs for one assignment, or null when it is not on the device:
 * everything but the scoresheet, in one read transaction. The sheet is read on its own
 * (loadScoresheet) because every autosave writes it: reading it here would make each
 * keystroke read the entry, stage, rubric and category again too, while the judge types.
 */
export async function loadScoringContext(
  db: AppDatabase,
  assignmentId: string,
): Promise<Omit<ScoringContext, 'sheet'> | null> {
  const found = <T>(lookup: { status: string; row?: T }): T | undefined =>
    lookup.status === 'found' ? lookup.row : undefined;
  const tables = (['assignment', 'entry', 'stage', 'rubric', 'category'] as const).map((kind) =>
    db.recordTable(kind),
  );
  return db.transaction('r', tables, async () => {
    const assignment = found(await getRecord(db, 'assignment', assignmentId));
    if (!assignment) return null;
    const [entry, stage] = await Promise.all([
      getRecord(db, 'entry', assignment.entryId).then(found),
      getRecord(db, 'stage', assignment.stageId).then(found),
    ]);
    if (!entry || !stage) return null;
    const [rubric, category] = await Promise.all([
      getRecord(db, 'rubric', `${stage.rubricId}@${stage.rubricVersion}`).then(found),
      getRecord(db, 'category', entry.categoryId).then(found),
    ]);
    if (!rubric) return null;
    return { assignment, entry, category, stage, rubric };
  });
}

/**
 * The judge's scoresheet for an assignment (its id is the assignment's), `{ sheet:
 * undefined }` before the first value: wrapped, so that "not there yet" differs from
 * "still loading" for useLive.
 */
export async function loadScoresheet(
  db: AppDatabase,
  assignmentId: string,
): Promise<{ sheet: Scoresheet | undefined }> {
  const lookup = await getRecord(db, 'scoresheet', assignmentId);
  return { sheet: lookup.status === 'found' ? lookup.row : undefined };
}
