import { describe, expect, it } from 'vitest';
import { META_KEYS } from '../../src/db/app-database';
import { readServerOffset, writeServerOffset } from '../../src/db/server-offset';
import { freshDatabase } from '../support/fresh-database';

describe('server offset', () => {
  it('is 0 before the first sync', async () => {
    expect(await readServerOffset(freshDatabase())).toBe(0);
  });

  it('reads back the offset written, ahead or behind', async () => {
    const db = freshDatabase();

    await writeServerOffset(db, 90_000);
    expect(await readServerOffset(db)).toBe(90_000);

    await writeServerOffset(db, -4_500);
    expect(await readServerOffset(db)).toBe(-4_500);
  });

  it('stores whole milliseconds', async () => {
    const db = freshDatabase();

    await writeServerOffset(db, 1234.6);

    expect(await readServerOffset(db)).toBe(1235);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    'refuses %s and keeps the offset it had',
    async (offsetMs) => {
      const db = freshDatabase();
      await writeServerOffset(db, 500);

      await expect(writeServerOffset(db, offsetMs)).rejects.toThrow(RangeError);

      expect(await readServerOffset(db)).toBe(500);
    },
  );

  it('reads a damaged stored value as 0', async () => {
    const db = freshDatabase();
    await db.meta.put({ key: META_KEYS.serverOffsetMs, value: '90 seconds' });

    expect(await readServerOffset(db)).toBe(0);
  });
});
