import type { Rejection } from '../domain/sync-protocol';
import type { AppDatabase } from './app-database';
import { markBlobUploaded } from './blob-repository';
import { markRejected, removeAcknowledged } from './outbox-repository';
import { fieldOf } from './row-problem';

/** What an acknowledgement changed on this device. */
export interface AcknowledgedWork {
  /** Outbox rows removed: the server holds them. */
  removed: number;
  /** Outbox rows marked rejected, with the server's reason. */
  rejected: number;
  /** Photos marked as held by the server. */
  photos: number;
}

/**
 * Applies what the server confirmed for a bundle, in one transaction: the acknowledged
 * mutations leave the outbox, the refused ones are marked rejected (and stay, shown), and
 * the photos count as uploaded. Mutations the device no longer has (folded into a later
 * edit since the export) are simply not there to remove: the later edit stays unsent.
 */
export async function acknowledgeBundle(
  db: AppDatabase,
  confirmed: {
    mutationIds: readonly string[];
    rejections: readonly Rejection[];
    blobs: readonly string[];
    nowMs: number;
  },
): Promise<AcknowledgedWork> {
  return db.transaction('rw', db.outbox, db.blobs, async () => {
    const removed = await removeAcknowledged(db, confirmed.mutationIds);
    const rejected = await markRejected(db, confirmed.rejections, confirmed.nowMs);
    let photos = 0;
    for (const sha256 of confirmed.blobs) {
      const isPending = fieldOf(await db.blobs.get(sha256), 'uploadState') === 'pending';
      if (isPending && (await markBlobUploaded(db, sha256, confirmed.nowMs))) photos += 1;
    }
    return { removed, rejected, photos };
  });
}
