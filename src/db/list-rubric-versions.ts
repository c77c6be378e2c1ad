import type { Rubric } from '../domain/rubric';
import type { AppDatabase } from './app-database';
import { listRecords, listRecordsWhere } from './record-repository';
import type { RowList } from './row-problem';

/** Every version of one rubric, oldest first. */
export async function listRubricVersions(
  db: AppDatabase,
  rubricId: string,
): Promise<RowList<Rubric>> {
  const list = await listRecordsWhere(db, 'rubric', 'id', rubricId);
  list.rows.sort((a, b) => a.version - b.version);
  return list;
}

/** The newest version of every rubric on the device, by name. */
export async function listLatestRubrics(db: AppDatabase): Promise<RowList<Rubric>> {
  const list = await listRecords(db, 'rubric');
  const latest = new Map<string, Rubric>();
  for (const rubric of list.rows) {
    const known = latest.get(rubric.id);
    if (!known || known.version < rubric.version) latest.set(rubric.id, rubric);
  }
  return { rows: [...latest.values()], problems: list.problems };
}
