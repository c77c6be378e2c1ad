import { cursorSchema } from '../domain/sync-protocol';
import { META_KEYS, type AppDatabase } from './app-database';
import { fieldOf } from './row-problem';

/**
 * The server change number this device has applied up to; 0 before the first pull.
 * A missing or damaged value also reads as 0: pulling everything again is slow but
 * harmless (applying a change twice changes nothing), while guessing could skip changes.
 * It is written only by applyPulledChanges, together with the rows it covers.
 */
export async function readCursor(db: AppDatabase): Promise<number> {
  const row = await db.meta.get(META_KEYS.cursor);
  const parsed = cursorSchema.safeParse(fieldOf(row, 'value'));
  return parsed.success ? parsed.data : 0;
}
