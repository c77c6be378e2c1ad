import type { Entry } from '../domain/entry';
import type { AppDatabase } from './app-database';
import { compareIndonesian } from './compare-indonesian';
import { listRecordsWhere } from './record-repository';
import type { RowList } from './row-problem';

/**
 * The entries of one competition by title in Indonesian order. Equal titles (two units
 * may both register "Sistem Antrean Online") fall back to the id, so the list is stable.
 */
export async function listEntriesOfCompetition(
  db: AppDatabase,
  competitionId: string,
): Promise<RowList<Entry>> {
  const list = await listRecordsWhere(db, 'entry', 'competitionId', competitionId);
  list.rows.sort((a, b) => compareIndonesian(a.title, b.title) || compareById(a.id, b.id));
  return list;
}

function compareById(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
