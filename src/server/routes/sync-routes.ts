import { Hono } from 'hono';
import {
  MAX_CHANGES_PER_PAGE,
  PROTOCOL_VERSION,
  SCHEMA_VERSION,
  syncRequestSchema,
  type SyncResponse,
} from '../../domain/sync-protocol';
import { authenticate, type AuthEnv } from '../authenticate';
import { HttpError } from '../http-error';
import { readJsonBody } from '../read-json-body';
import type { ServerDeps } from '../server-deps';
import { touchDevice } from '../store/auth-repository';
import { changesAfter } from '../store/records-repository';

/** The current version and the one before it, so a device offline through an update can still sync. */
const ACCEPTED_PROTOCOL_VERSIONS = [PROTOCOL_VERSION, PROTOCOL_VERSION - 1].filter((v) => v >= 1);
const ACCEPTED_SCHEMA_VERSIONS = [SCHEMA_VERSION, SCHEMA_VERSION - 1].filter((v) => v >= 1);

export function syncRoutes(deps: ServerDeps): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.use(authenticate(deps)).post('/', async (c) => {
    const request = await readJsonBody(c, syncRequestSchema);
    const { user, deviceId } = c.get('auth');
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
    if (request.deviceId !== deviceId) {
      throw new HttpError(
        403,
        'wrong-device',
        'deviceId does not match the device this token was issued to',
      );
    }
    if (user.role !== 'panitia') {
      throw new HttpError(403, 'forbidden', 'Only the panitia can sync with this server version');
    }
    if (request.mutations.length > 0) {
      throw new HttpError(
        400,
        'push-unsupported',
        'This server version only sends changes; it does not accept mutations yet',
      );
    }
    const now = deps.now();
    await touchDevice(deps.db, deviceId, now);
    const page = await changesAfter(deps.db, request.cursor, MAX_CHANGES_PER_PAGE);
    const response: SyncResponse = {
      protocolVersion: PROTOCOL_VERSION,
      schemaVersion: SCHEMA_VERSION,
      acks: [],
      rejections: [],
      changes: page.changes,
      cursor: page.cursor,
      hasMore: page.hasMore,
      serverTime: now.toISOString(),
    };
    return c.json(response);
  });
  return app;
}
