import type { Stage } from '../domain/stage';
import type { AppDatabase } from './app-database';
import { compareIndonesian } from './compare-indonesian';
import { listRecordsWhere } from './record-repository';
import type { RowList } from './row-problem';

/** The stages of one competition in their order, then by name. */
export async function listStagesOfCompetition(
  db: AppDatabase,
  competitionId: string,
): Promise<RowList<Stage>> {
  const list = await listRecordsWhere(db, 'stage', 'competitionId', competitionId);
  list.rows.sort((a, b) => a.order - b.order || compareIndonesian(a.name, b.name));
  return list;
}
