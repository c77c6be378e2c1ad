import { META_KEYS, type AppDatabase } from './app-database';
import { fieldOf } from './row-problem';

/** When the last sync completed (device clock, epoch ms), or undefined if never. */
export async function readLastSyncTime(db: AppDatabase): Promise<number | undefined> {
  const value = fieldOf(await db.meta.get(META_KEYS.lastSyncAt), 'value');
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Called by the sync engine after the last page of a sync has been applied. */
export async function writeLastSyncTime(db: AppDatabase, nowMs: number): Promise<void> {
  await db.meta.put({ key: META_KEYS.lastSyncAt, value: nowMs });
}
