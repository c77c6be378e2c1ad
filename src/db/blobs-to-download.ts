import type { BlobRef } from '../domain/blob-ref';
import type { AppDatabase } from './app-database';
import { listRecords } from './record-repository';

/**
 * The files a judge needs on site that are not on the device yet: the evidence of every
 * entry the device holds (a judge's device holds only the entries assigned to them) and
 * the photos of its scoresheets taken on another device. Each hash once, entries first.
 */
export async function listBlobsToDownload(db: AppDatabase): Promise<BlobRef[]> {
  const [entries, sheets, held] = await Promise.all([
    listRecords(db, 'entry'),
    listRecords(db, 'scoresheet'),
    db.blobs.toCollection().primaryKeys(),
  ]);
  const have = new Set<string>(held);
  const wanted = new Map<string, BlobRef>();
  const refs = [
    ...entries.rows.flatMap((entry) => entry.evidence),
    ...sheets.rows.flatMap((sheet) => sheet.photos),
  ];
  for (const ref of refs) if (!have.has(ref.sha256)) wanted.set(ref.sha256, ref);
  return [...wanted.values()];
}
