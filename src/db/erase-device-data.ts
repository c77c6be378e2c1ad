import type { AppDatabase } from './app-database';

/**
 * Signing out empties every replicated table, the outbox, the photos and the cursor in one
 * transaction: the next person on this phone starts clean, and a half-erased database
 * (records without their cursor, say) can never be left behind. The caller has warned about
 * anything unsynced before calling this.
 */
export async function eraseDeviceData(db: AppDatabase): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((table) => table.clear()));
  });
}

/** What would be lost by erasing now: edits not yet acknowledged and photos not yet sent. */
export async function countUnsynced(db: AppDatabase): Promise<{ changes: number; photos: number }> {
  return db.transaction('r', db.outbox, db.blobs, async () => ({
    changes: await db.outbox.count(),
    photos: await db.blobs.where('uploadState').equals('pending').count(),
  }));
}
