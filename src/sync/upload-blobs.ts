import * as z from 'zod/mini';
import type { AppDatabase } from '../db/app-database';
import { listBlobsToUpload, markBlobUploaded } from '../db/blob-repository';
import { errorForStatus, ServerUnavailableError } from './api-errors';
import type { Transport } from './transport';

/** Small enough to get through a 2G cell between two drops, large enough to be few. */
export const UPLOAD_CHUNK_BYTES = 128 * 1024;

const progressSchema = z.object({ offset: z.int().check(z.gte(0)), complete: z.boolean() });

/** Where the photo queue stands: the photo being sent (1-based of `count`) and its bytes. */
export interface UploadProgress {
  sha256: string;
  /** Bytes of this photo the server holds. */
  sent: number;
  size: number;
  index: number;
  count: number;
}

/**
 * Sends every photo still only on this device, in chunks, each from the offset the server
 * says it holds: an upload cut off by the network resumes where it stopped, and a photo
 * the server already has costs one small request. A photo is marked uploaded only when
 * the server confirms the whole blob, checked against its hash.
 */
export async function uploadPendingBlobs(ctx: {
  transport: Transport;
  db: AppDatabase;
  token: string;
  now: () => number;
  onProgress?: (progress: UploadProgress) => void;
}): Promise<number> {
  let uploaded = 0;
  const queue = (await listBlobsToUpload(ctx.db)).rows;
  for (const [i, blob] of queue.entries()) {
    const base = `/api/blobs/${blob.sha256}`;
    const report = (sent: number) =>
      ctx.onProgress?.({
        sha256: blob.sha256,
        sent,
        size: blob.size,
        index: i + 1,
        count: queue.length,
      });
    let held = readProgress(await ctx.transport.getJson(`${base}/offset`, ctx.token));
    report(held.offset);
    while (!held.complete) {
      const chunk = new Uint8Array(
        await blob.blob.slice(held.offset, held.offset + UPLOAD_CHUNK_BYTES).arrayBuffer(),
      );
      const response = await ctx.transport.putBytes(
        `${base}?offset=${held.offset}&size=${blob.size}`,
        chunk,
        blob.mediaType,
        ctx.token,
      );
      // 409: the server holds a different amount (an earlier chunk did arrive): go on from there.
      held =
        response.status === 409
          ? { offset: heldOffsetOf(response.body), complete: false }
          : readProgress(response);
      report(held.offset);
    }
    await markBlobUploaded(ctx.db, blob.sha256, ctx.now());
    uploaded += 1;
  }
  return uploaded;
}

function heldOffsetOf(body: unknown): number {
  const parsed = z.object({ offset: z.int().check(z.gte(0)) }).safeParse(body);
  if (!parsed.success)
    throw new ServerUnavailableError('The server refused the chunk without saying where to go on');
  return parsed.data.offset;
}

function readProgress(response: { status: number; body: unknown }): {
  offset: number;
  complete: boolean;
} {
  if (response.status !== 200 && response.status !== 201)
    throw errorForStatus(response.status, response.body);
  const parsed = progressSchema.safeParse(response.body);
  if (!parsed.success)
    throw new ServerUnavailableError('The server did not say how much of the photo it holds');
  return parsed.data;
}
