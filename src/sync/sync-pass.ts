import { describeIssues } from '../domain/describe-issues';
import {
  MAX_MUTATIONS_PER_REQUEST,
  PROTOCOL_VERSION,
  SCHEMA_VERSION,
  syncResponseSchema,
  type Mutation,
  type SyncRequest,
} from '../domain/sync-protocol';
import type { AppDatabase } from '../db/app-database';
import { applyPulledChanges } from '../db/apply-pulled-changes';
import { readCursor } from '../db/cursor';
import { writeLastSyncTime } from '../db/last-sync-time';
import { listPendingMutations, markRejected } from '../db/outbox-repository';
import { writeServerOffset } from '../db/server-offset';
import { apiErrorSchema } from '../domain/sync-protocol';
import { errorForStatus, ServerUnavailableError } from './api-errors';
import type { Transport } from './transport';
import { downloadMissingBlobs } from './download-blobs';
import { uploadPendingBlobs, type UploadProgress } from './upload-blobs';

export interface SyncPassContext {
  transport: Transport;
  db: AppDatabase;
  deviceId: string;
  token: string;
  now: () => number;
  /** Mutations per request; 500 keeps a request small on 2G while using few round trips. */
  batchSize?: number;
  /** Bytes of mutations per request, before compression. */
  maxBatchBytes?: number;
  onProgress?: (progress: UploadProgress) => void;
  /** A judge's device fetches the evidence of its entries for offline use (not the panitia's). */
  downloadEvidence?: boolean;
  /** Bytes the device may still store, where the browser says. */
  freeBytes?: () => Promise<number | undefined>;
}

export interface SyncPassResult {
  pushed: number;
  rejected: number;
  pulled: number;
  requests: number;
  /** Photos whose upload completed in this pass. */
  uploaded: number;
  /** Evidence files (and photos from the user's other devices) now on this device. */
  downloaded: number;
}

const DEFAULT_BATCH_SIZE = 500;
const DEFAULT_MAX_BATCH_BYTES = 2_000_000;
/** Stops a server bug (hasMore forever) from draining a phone's battery. */
const MAX_REQUESTS_PER_PASS = 1000;

/**
 * One sync: push the outbox in batches and pull every change, each request carrying both
 * (sync protocol 4). Rejected mutations are marked and the rest go on; an oversized or
 * invalid batch is split until the bad mutation stands alone, never dropped. Each page
 * and its cursor, and the removal of acknowledged outbox rows, commit together.
 */
export async function runSyncPass(ctx: SyncPassContext): Promise<SyncPassResult> {
  const result: SyncPassResult = {
    pushed: 0,
    rejected: 0,
    pulled: 0,
    requests: 0,
    uploaded: 0,
    downloaded: 0,
  };
  let batchSize = Math.min(ctx.batchSize ?? DEFAULT_BATCH_SIZE, MAX_MUTATIONS_PER_REQUEST);
  while (result.requests < MAX_REQUESTS_PER_PASS) {
    const pending = (await listPendingMutations(ctx.db, batchSize)).rows;
    const batch = fitToBytes(pending, ctx.maxBatchBytes ?? DEFAULT_MAX_BATCH_BYTES);
    const request: SyncRequest = {
      protocolVersion: PROTOCOL_VERSION,
      schemaVersion: SCHEMA_VERSION,
      deviceId: ctx.deviceId,
      cursor: await readCursor(ctx.db),
      mutations: batch,
    };
    const sentAt = ctx.now();
    const response = await ctx.transport.postJson('/api/sync', request, ctx.token);
    const receivedAt = ctx.now();
    result.requests += 1;

    if (response.status !== 200) {
      const code = apiErrorSchema.safeParse(response.body).data?.error.code;
      const isBatchProblem = response.status === 413 || code === 'invalid-body';
      if (isBatchProblem && batch.length > 1) {
        batchSize = Math.ceil(batch.length / 2);
        continue;
      }
      if (isBatchProblem && batch.length === 1 && batch[0]) {
        const message =
          apiErrorSchema.safeParse(response.body).data?.error.message ?? `HTTP ${response.status}`;
        await markRejected(
          ctx.db,
          [{ mutationId: batch[0].id, code: 'invalid', message }],
          receivedAt,
        );
        result.rejected += 1;
        continue;
      }
      throw errorForStatus(response.status, response.body);
    }
    const parsed = syncResponseSchema.safeParse(response.body);
    if (!parsed.success) {
      throw new ServerUnavailableError(
        `The server's answer is not understood: ${describeIssues(parsed.error.issues)}`,
      );
    }
    const body = parsed.data;
    await markRejected(ctx.db, body.rejections, receivedAt);
    await applyPulledChanges(ctx.db, {
      changes: body.changes,
      cursor: body.cursor,
      acknowledgedMutationIds: body.acks.map((a) => a.mutationId),
    });
    // Half the round trip is the best guess of when the server read its clock.
    await writeServerOffset(ctx.db, Date.parse(body.serverTime) - (sentAt + receivedAt) / 2);
    result.pushed += body.acks.length;
    result.rejected += body.rejections.length;
    result.pulled += body.changes.length;
    if (batch.length > 0 && body.acks.length + body.rejections.length === 0) {
      throw new ServerUnavailableError('The server answered none of the pushed changes');
    }
    const hasMorePending =
      batch.length > 0 && (await listPendingMutations(ctx.db, 1)).rows.length > 0;
    if (!body.hasMore && !hasMorePending) {
      // Photos after the records that refer to them (sync protocol 8).
      result.uploaded = await uploadPendingBlobs(ctx);
      await writeLastSyncTime(ctx.db, ctx.now());
      // Last, and after the sync time: the records are in, whatever the files do. A file
      // that does not come (signal lost, server down) is asked for again next time.
      if (ctx.downloadEvidence) {
        result.downloaded = await downloadMissingBlobs(ctx).then(
          (outcome) => outcome.downloaded,
          () => 0,
        );
      }
      return result;
    }
  }
  throw new ServerUnavailableError(
    `Sync did not finish within ${MAX_REQUESTS_PER_PASS} requests; it will go on later`,
  );
}

/** Takes mutations in order while they fit; always at least one, so nothing is stuck. */
function fitToBytes(mutations: readonly Mutation[], maxBytes: number): Mutation[] {
  const batch: Mutation[] = [];
  let bytes = 0;
  for (const mutation of mutations) {
    const size = JSON.stringify(mutation).length;
    if (batch.length > 0 && bytes + size > maxBytes) break;
    batch.push(mutation);
    bytes += size;
  }
  return batch;
}
