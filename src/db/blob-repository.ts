import { describeIssues } from '../domain/describe-issues';
import type { AppDatabase } from './app-database';
import { blobRowSchema, type BlobRow } from './blob-row';
import {
  fieldOf,
  parseRows,
  rowProblem,
  type ParsedRow,
  type RowList,
  type RowLookup,
} from './row-problem';

/**
 * Photos and documents, stored by sha-256 and uploaded on their own queue (sync protocol
 * 8). The hash is computed by the caller (crypto.subtle is async and may not run inside
 * a Dexie transaction); the server checks it again on upload.
 */

export interface NewBlob {
  sha256: string;
  blob: Blob;
  mediaType: string;
  /** Device clock, epoch milliseconds. */
  nowMs: number;
  /** Downloaded from the server (an entry's evidence): it has nothing to upload. */
  fromServer?: boolean;
}

/**
 * Stores a blob as pending upload. Storing the same hash again keeps the first row, so a
 * photo attached twice is not uploaded twice and an uploaded one is not queued again.
 */
export async function putBlob(db: AppDatabase, input: NewBlob): Promise<'added' | 'exists'> {
  const parsed = blobRowSchema.safeParse({
    sha256: input.sha256,
    blob: input.blob,
    mediaType: input.mediaType,
    size: input.blob.size,
    createdAtMs: input.nowMs,
    uploadState: input.fromServer ? 'uploaded' : 'pending',
    ...(input.fromServer ? { uploadedAtMs: input.nowMs } : {}),
  });
  if (!parsed.success) {
    throw new RangeError(
      `Cannot store blob ${input.sha256}: ${describeIssues(parsed.error.issues)}`,
    );
  }
  const row = parsed.data;
  return db.transaction('rw', db.blobs, async () => {
    if ((await db.blobs.where('sha256').equals(row.sha256).count()) > 0) return 'exists';
    await db.blobs.add(row);
    return 'added';
  });
}

export async function getBlob(db: AppDatabase, sha256: string): Promise<RowLookup<BlobRow>> {
  const row = await db.blobs.get(sha256);
  if (row === undefined) return { status: 'absent' };
  const parsed = parseBlobRow(row);
  return parsed.ok
    ? { status: 'found', row: parsed.value }
    : { status: 'corrupt', problem: parsed.problem };
}

/** The blobs the upload queue still has to send. */
export async function listBlobsToUpload(db: AppDatabase): Promise<RowList<BlobRow>> {
  const rows = await db.blobs.where('uploadState').equals('pending').toArray();
  return parseRows(rows, parseBlobRow);
}

/** The photos kept on the device: how many, their bytes, and how many wait to be sent. */
export async function summarizeBlobs(
  db: AppDatabase,
): Promise<{ count: number; bytes: number; pending: number }> {
  let count = 0;
  let bytes = 0;
  let pending = 0;
  // Reads only the small fields' values through each row; the Blob bodies stay on disk.
  await db.blobs.each((row) => {
    const size = fieldOf(row, 'size');
    count += 1;
    bytes += typeof size === 'number' ? size : 0;
    if (fieldOf(row, 'uploadState') === 'pending') pending += 1;
  });
  return { count, bytes, pending };
}

/** Records the server's confirmation. Returns false when no such blob is stored. */
export async function markBlobUploaded(
  db: AppDatabase,
  sha256: string,
  nowMs: number,
): Promise<boolean> {
  const updated = await db.blobs.update(sha256, { uploadState: 'uploaded', uploadedAtMs: nowMs });
  return updated > 0;
}

function parseBlobRow(row: unknown): ParsedRow<BlobRow> {
  const parsed = blobRowSchema.safeParse(row);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, problem: rowProblem('blobs', fieldOf(row, 'sha256'), parsed.error.issues) };
}
