import { Hono } from 'hono';
import { makeUuidV7 } from '../../domain/ids';
import {
  MAX_CHANGES_PER_PAGE,
  PROTOCOL_VERSION,
  SCHEMA_VERSION,
  syncRequestEnvelopeSchema,
  type SyncResponse,
} from '../../domain/sync-protocol';
import { authenticate, type AuthEnv } from '../authenticate';
import { HttpError } from '../http-error';
import { jsonResponse } from '../json-response';
import { readJsonBody } from '../read-json-body';
import type { ServerDeps } from '../server-deps';
import { PushQueue } from '../replication/push-queue';
import { visibleChangesFor, type PullRequest } from '../replication/visible-changes';
import { coalesce } from '../store/coalesce';

/** The current version and the one before it, so a device offline through an update can still sync. */
const ACCEPTED_PROTOCOL_VERSIONS = [PROTOCOL_VERSION, PROTOCOL_VERSION - 1].filter((v) => v >= 1);
const ACCEPTED_SCHEMA_VERSIONS = [SCHEMA_VERSION, SCHEMA_VERSION - 1].filter((v) => v >= 1);

/**
 * POST /api/sync: push and pull in one round trip (sync protocol 4). The push is one
 * transaction (shared with the pushes of other devices that arrived meanwhile, see
 * PushQueue); the pull reads after it commits, so the device receives the merged result
 * of its own edits in the same response. The pulls of requests answered together are read
 * in one statement too (coalesce), as are their tokens (authenticate).
 */
export function syncRoutes(deps: ServerDeps): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const pushes = new PushQueue(deps.db);
  const pull = coalesce((requests: PullRequest[]) => visibleChangesFor(deps.db, requests));
  app.use(authenticate(deps)).post('/', async (c) => {
    const request = await readJsonBody(c, syncRequestEnvelopeSchema);
    const auth = c.get('auth');
    if (!ACCEPTED_PROTOCOL_VERSIONS.includes(request.protocolVersion)) {
      throw new HttpError(
        400,
        'unsupported-protocol',
        `protocolVersion ${request.protocolVersion} is not supported; this server speaks ${ACCEPTED_PROTOCOL_VERSIONS.join(' and ')}`,
      );
    }
    if (!ACCEPTED_SCHEMA_VERSIONS.includes(request.schemaVersion)) {
      throw new HttpError(
        400,
        'unsupported-schema',
        `schemaVersion ${request.schemaVersion} is not supported; this server accepts ${ACCEPTED_SCHEMA_VERSIONS.join(' and ')}`,
      );
    }
    if (request.deviceId !== auth.deviceId) {
      throw new HttpError(
        403,
        'wrong-device',
        'deviceId does not match the device this token was issued to',
      );
    }
    const now = deps.now();
    const makeId = () => makeUuidV7(deps.now().getTime(), deps.randomBytes(10));
    const pushed =
      request.mutations.length === 0
        ? { acks: [], rejections: [] }
        : await pushes.push({ author: auth, mutations: request.mutations, now, makeId });
    const page = await pull({
      user: auth.user,
      cursor: request.cursor,
      limit: deps.pageSize ?? MAX_CHANGES_PER_PAGE,
      touch: { deviceId: auth.deviceId, at: now },
    });
    const response: SyncResponse = {
      protocolVersion: PROTOCOL_VERSION,
      schemaVersion: SCHEMA_VERSION,
      acks: pushed.acks,
      rejections: pushed.rejections,
      changes: page.changes,
      cursor: page.cursor,
      hasMore: page.hasMore,
      serverTime: now.toISOString(),
    };
    return jsonResponse(c, response);
  });
  return app;
}
