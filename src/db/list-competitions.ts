import type { Competition } from '../domain/competition';
import type { AppDatabase } from './app-database';
import { compareIndonesian } from './compare-indonesian';
import { listRecords } from './record-repository';
import type { RowList } from './row-problem';

/** Every competition on the device, newest year first, then by name. */
export async function listCompetitions(db: AppDatabase): Promise<RowList<Competition>> {
  const list = await listRecords(db, 'competition');
  list.rows.sort((a, b) => b.year - a.year || compareIndonesian(a.name, b.name));
  return list;
}
