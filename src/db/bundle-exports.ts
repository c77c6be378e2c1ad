import * as z from 'zod/mini';
import { sha256Schema } from '../domain/blob-ref';
import { idSchema } from '../domain/common';
import type { Mutation } from '../domain/sync-protocol';
import { META_KEYS, type AppDatabase } from './app-database';
import type { BlobRow } from './blob-row';
import { listBlobsToUpload } from './blob-repository';
import { listPendingMutations } from './outbox-repository';
import { fieldOf } from './row-problem';

/**
 * What a sync bundle this device exported held, by position: an acknowledgement names
 * the mutations it accepts by their position in the bundle, and the device drops only
 * what it itself put there. Kept beside the outbox (the meta table), so signing out
 * erases both together.
 */
export const bundleExportSchema = z.object({
  bundleId: idSchema,
  manifestSha256: sha256Schema,
  /** Device clock, epoch milliseconds. */
  createdAtMs: z.number(),
  mutationIds: z.array(z.string()),
  blobs: z.array(sha256Schema),
});
export type BundleExport = z.infer<typeof bundleExportSchema>;

/** Exports older than the last this many cannot be acknowledged from a file any more. */
const KEPT_EXPORTS = 20;

export async function recordBundleExport(db: AppDatabase, record: BundleExport): Promise<void> {
  const parsed = bundleExportSchema.parse(record);
  await db.transaction('rw', db.meta, async () => {
    const kept = (await listBundleExports(db)).filter((e) => e.bundleId !== parsed.bundleId);
    await db.meta.put({
      key: META_KEYS.bundleExports,
      value: [...kept, parsed].slice(-KEPT_EXPORTS),
    });
  });
}

/** The exports still remembered, oldest first; a damaged one is left out. */
export async function listBundleExports(db: AppDatabase): Promise<BundleExport[]> {
  const value = fieldOf(await db.meta.get(META_KEYS.bundleExports), 'value');
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    const parsed = bundleExportSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Everything unsent, read in one transaction so the mutations and the files agree. */
export async function readUnsentWork(
  db: AppDatabase,
): Promise<{ mutations: Mutation[]; blobs: BlobRow[] }> {
  return db.transaction('r', db.outbox, db.blobs, async () => ({
    mutations: (await listPendingMutations(db)).rows,
    blobs: (await listBlobsToUpload(db)).rows,
  }));
}
