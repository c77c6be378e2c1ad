import { META_KEYS, type AppDatabase } from './app-database';
import { fieldOf } from './row-problem';

/** Server time minus device time at the last sync, in ms; 0 before the first. */
export async function readServerOffset(db: AppDatabase): Promise<number> {
  const value = fieldOf(await db.meta.get(META_KEYS.serverOffsetMs), 'value');
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

export async function writeServerOffset(db: AppDatabase, offsetMs: number): Promise<void> {
  if (!Number.isFinite(offsetMs)) throw new RangeError(`server offset ${offsetMs} is not a number`);
  await db.meta.put({ key: META_KEYS.serverOffsetMs, value: Math.round(offsetMs) });
}
