import { onTestFinished } from 'vitest';
import { AppDatabase } from '../../src/db/app-database';

/**
 * A new, empty AppDatabase under a name no other test uses, deleted when the test ends.
 * Call it inside a test of a file that runs with fake-indexeddb.
 */
export function freshDatabase(): AppDatabase {
  const db = new AppDatabase(`test-${crypto.randomUUID()}`);
  onTestFinished(async () => {
    await db.delete();
  });
  return db;
}
