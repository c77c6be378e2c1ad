import type { Category } from '../domain/category';
import type { AppDatabase } from './app-database';
import { compareIndonesian } from './compare-indonesian';
import { listRecordsWhere } from './record-repository';
import type { RowList } from './row-problem';

/** The categories of one competition in the order the panitia set, then by name. */
export async function listCategoriesOfCompetition(
  db: AppDatabase,
  competitionId: string,
): Promise<RowList<Category>> {
  const list = await listRecordsWhere(db, 'category', 'competitionId', competitionId);
  list.rows.sort((a, b) => a.order - b.order || compareIndonesian(a.name, b.name));
  return list;
}
