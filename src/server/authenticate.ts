import { createMiddleware } from 'hono/factory';
import type { User } from '../domain/user';
import { HttpError } from './http-error';
import { sha256Hex } from './secrets';
import type { ServerDeps } from './server-deps';
import { coalesce } from './store/coalesce';
import { findSignedInDevices } from './store/device-auth';

export interface AuthContext {
  user: User;
  deviceId: string;
  /** When this device was enrolled (server time): no edit of it can be older. */
  enrolledAt: Date;
}

export type AuthEnv = { Variables: { auth: AuthContext } };

/**
 * Checks the bearer token on every request. A revoked device fails at once, because the
 * device row is read per request rather than cached in this process; the requests that
 * arrive together are checked in one statement (coalesce).
 */
export function authenticate(deps: ServerDeps) {
  const findSignedInDevice = coalesce((hashes: string[]) => findSignedInDevices(deps.db, hashes));
  return createMiddleware<AuthEnv>(async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer ([A-Za-z0-9_-]{20,})$/.exec(header);
    if (!match?.[1])
      throw new HttpError(401, 'unauthenticated', 'Sign in first: no device token was sent');
    const device = await findSignedInDevice(sha256Hex(match[1]));
    if (!device)
      throw new HttpError(
        401,
        'unauthenticated',
        'This device token is unknown or revoked: sign in again',
      );
    const { user } = device;
    if (!user)
      throw new HttpError(401, 'unauthenticated', 'The account of this device no longer exists');
    c.set('auth', { user, deviceId: device.deviceId, enrolledAt: device.enrolledAt });
    await next();
  });
}
