import type { User } from '../domain/user';
import type { AppDatabase } from './app-database';
import { compareIndonesian } from './compare-indonesian';
import { listRecords } from './record-repository';
import type { RowList } from './row-problem';

/** Every person on the device (the panitia holds them all), by name. */
export async function listUsers(db: AppDatabase): Promise<RowList<User>> {
  const list = await listRecords(db, 'user');
  list.rows.sort((a, b) => compareIndonesian(a.name, b.name) || (a.id < b.id ? -1 : 1));
  return list;
}
