import { describe, expect, it } from 'vitest';
import { META_KEYS } from '../../src/db/app-database';
import { readCursor } from '../../src/db/cursor';
import { readLastSyncTime, writeLastSyncTime } from '../../src/db/last-sync-time';
import { freshDatabase } from '../support/fresh-database';

describe('readCursor', () => {
  it('is 0 on a device that never pulled', async () => {
    expect(await readCursor(freshDatabase())).toBe(0);
  });

  it('reads a damaged cursor as 0, so the next pull starts over instead of skipping', async () => {
    const db = freshDatabase();
    await db.meta.put({ key: META_KEYS.cursor, value: 'seventeen' });

    expect(await readCursor(db)).toBe(0);
  });
});

describe('last sync time', () => {
  it('is undefined until a sync completes, then the time written', async () => {
    const db = freshDatabase();
    expect(await readLastSyncTime(db)).toBeUndefined();

    await writeLastSyncTime(db, Date.UTC(2025, 7, 18));

    expect(await readLastSyncTime(db)).toBe(Date.UTC(2025, 7, 18));
  });
});
