import type { AppDatabase } from '../db/app-database';
import { putBlob } from '../db/blob-repository';
import { listBlobsToDownload } from '../db/blobs-to-download';
import { errorForStatus } from './api-errors';
import { sha256Hex } from './sha256-hex';
import type { Transport } from './transport';

/** Room always left for the judge's own photos and scores when fetching evidence. */
export const KEEP_FREE_BYTES = 100 * 1024 * 1024;

export interface DownloadOutcome {
  downloaded: number;
  /** Files left for later: not yet whole on the server, damaged on the way, or no room. */
  skipped: { sha256: string; reason: 'not-on-server' | 'hash-mismatch' | 'no-room' }[];
}

/**
 * Fetches the evidence files of the judge's entries (and photos of their scoresheets made
 * on another device), so the dossier opens offline at the site. Every file is checked
 * against its hash before it is kept; one that fails or is missing is tried again on the
 * next sync. Files stop coming when the device is nearly full: photos come first.
 */
export async function downloadMissingBlobs(ctx: {
  transport: Transport;
  db: AppDatabase;
  token: string;
  now: () => number;
  freeBytes?: () => Promise<number | undefined>;
}): Promise<DownloadOutcome> {
  const outcome: DownloadOutcome = { downloaded: 0, skipped: [] };
  for (const ref of await listBlobsToDownload(ctx.db)) {
    const free = await ctx.freeBytes?.();
    if (free !== undefined && free - ref.size < KEEP_FREE_BYTES) {
      outcome.skipped.push({ sha256: ref.sha256, reason: 'no-room' });
      continue;
    }
    const response = await ctx.transport.getBytes(`/api/blobs/${ref.sha256}`, ctx.token);
    if (!('bytes' in response)) {
      if (response.status === 404) {
        outcome.skipped.push({ sha256: ref.sha256, reason: 'not-on-server' });
        continue;
      }
      throw errorForStatus(response.status, response.body);
    }
    if ((await sha256Hex(response.bytes)) !== ref.sha256) {
      outcome.skipped.push({ sha256: ref.sha256, reason: 'hash-mismatch' });
      continue;
    }
    await putBlob(ctx.db, {
      sha256: ref.sha256,
      blob: new Blob([response.bytes], { type: ref.mediaType }),
      mediaType: ref.mediaType,
      nowMs: ctx.now(),
      fromServer: true,
    });
    outcome.downloaded += 1;
  }
  return outcome;
}
