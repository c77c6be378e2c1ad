import { describeIssues } from '../domain/describe-issues';
import {
  PROTOCOL_VERSION,
  SCHEMA_VERSION,
  syncResponseSchema,
  type SyncRequest,
} from '../domain/sync-protocol';
import type { AppDatabase } from '../db/app-database';
import { applyPulledChanges } from '../db/apply-pulled-changes';
import { readCursor } from '../db/cursor';
import { writeLastSyncTime } from '../db/last-sync-time';
import { errorForStatus, ServerUnavailableError } from './api-errors';
import type { Transport } from './transport';

export interface PullContext {
  transport: Transport;
  db: AppDatabase;
  deviceId: string;
  token: string;
  now: () => number;
}

/** Stops a server bug (hasMore forever) from looping a phone's battery flat. */
const MAX_PAGES_PER_SYNC = 500;

/**
 * Pulls every change after the stored cursor, page by page. Each page and its cursor are
 * committed together, so an interrupted pull resumes where it stopped.
 */
export async function pullAllChanges(ctx: PullContext): Promise<{ changes: number }> {
  let changes = 0;
  for (let page = 0; page < MAX_PAGES_PER_SYNC; page++) {
    const request: SyncRequest = {
      protocolVersion: PROTOCOL_VERSION,
      schemaVersion: SCHEMA_VERSION,
      deviceId: ctx.deviceId,
      cursor: await readCursor(ctx.db),
      mutations: [],
    };
    const response = await ctx.transport.postJson('/api/sync', request, ctx.token);
    if (response.status !== 200) throw errorForStatus(response.status, response.body);
    const parsed = syncResponseSchema.safeParse(response.body);
    if (!parsed.success) {
      throw new ServerUnavailableError(
        `The server's answer is not understood: ${describeIssues(parsed.error.issues)}`,
      );
    }
    await applyPulledChanges(ctx.db, { changes: parsed.data.changes, cursor: parsed.data.cursor });
    changes += parsed.data.changes.length;
    if (!parsed.data.hasMore) {
      await writeLastSyncTime(ctx.db, ctx.now());
      return { changes };
    }
  }
  throw new ServerUnavailableError(
    `The server kept sending pages after ${MAX_PAGES_PER_SYNC}; try again later`,
  );
}
