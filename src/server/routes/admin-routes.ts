import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import {
  createInviteRequestSchema,
  type DeviceInfo,
  type Invite,
} from '../../domain/admin-protocol';
import { idSchema } from '../../domain/common';
import { authenticate, type AuthEnv } from '../authenticate';
import { HttpError } from '../http-error';
import { readJsonBody } from '../read-json-body';
import { makeHumanCode, normaliseCode, sha256Hex } from '../secrets';
import type { ServerDeps } from '../server-deps';
import { insertSignInCode, listDevicesOfUser, revokeDevice } from '../store/auth-repository';
import { findUser } from '../store/user-lookup';

const DEFAULT_INVITE_HOURS = 24 * 7;

const panitiaOnly = createMiddleware<AuthEnv>(async (c, next) => {
  if (c.get('auth').user.role !== 'panitia')
    throw new HttpError(403, 'forbidden', 'Only the panitia can manage people and devices');
  await next();
});

function parseId(value: string, what: string): string {
  const parsed = idSchema.safeParse(value);
  if (!parsed.success) throw new HttpError(400, 'invalid-id', `${what} must be a lowercase UUID`);
  return parsed.data;
}

/** Invites (one-time codes for judges and operators), device lists and revocation. */
export function adminRoutes(deps: ServerDeps): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.use(authenticate(deps), panitiaOnly);

  app.post('/invites', async (c) => {
    const body = await readJsonBody(c, createInviteRequestSchema);
    const user = await findUser(deps.db, body.userId);
    if (!user)
      throw new HttpError(
        404,
        'unknown-user',
        `User ${body.userId} does not exist; sync the new user first`,
      );
    const code = makeHumanCode(deps.randomBytes);
    const now = deps.now();
    const expiresAt = new Date(
      now.getTime() + (body.validHours ?? DEFAULT_INVITE_HOURS) * 3600_000,
    );
    await insertSignInCode(deps.db, {
      hash: sha256Hex(normaliseCode(code)),
      userId: user.id,
      purpose: 'invite',
      now,
      expiresAt,
    });
    const invite: Invite = {
      userId: user.id,
      code,
      link: `${new URL(c.req.url).origin}/masuk?kode=${code}`,
      expiresAt: expiresAt.toISOString(),
    };
    return c.json(invite, 201);
  });

  app.get('/users/:userId/devices', async (c) => {
    const devices: DeviceInfo[] = await listDevicesOfUser(
      deps.db,
      parseId(c.req.param('userId'), 'userId'),
    );
    return c.json({ devices });
  });

  app.post('/devices/:deviceId/revoke', async (c) => {
    const deviceId = parseId(c.req.param('deviceId'), 'deviceId');
    if (!(await revokeDevice(deps.db, deviceId, deps.now()))) {
      throw new HttpError(
        404,
        'unknown-device',
        `Device ${deviceId} does not exist or is already revoked`,
      );
    }
    return c.json({ revoked: deviceId });
  });
  return app;
}
