import { Hono } from 'hono';
import { MAX_CHANGES_PER_PAGE } from '../../domain/sync-protocol';
import { visibleChangesAfter } from '../replication/visible-changes';
import { inviteInfoRequestSchema, redeemRequestSchema } from '../../domain/auth-protocol';
import { authenticate } from '../authenticate';
import { ackSigningKey } from '../bundles/ack-signing-key';
import { HttpError } from '../http-error';
import { lookUpInvite } from '../invite-lookup';
import { readJsonBody } from '../read-json-body';
import { makeToken, normaliseCode, sha256Hex } from '../secrets';
import type { ServerDeps } from '../server-deps';
import {
  consumeSignInCode,
  findDeviceById,
  revokeDevice,
  upsertDevice,
} from '../store/auth-repository';
import { findUser } from '../store/user-lookup';

export function authRoutes(deps: ServerDeps): Hono {
  const app = new Hono();
  // Answers only for a code that would redeem, so it reveals nothing redeeming would not.
  app.post('/invite-info', async (c) => {
    const body = await readJsonBody(c, inviteInfoRequestSchema);
    const invite = await lookUpInvite(deps, body.code);
    if (!invite)
      throw new HttpError(400, 'invalid-code', 'This code is unknown, already used or expired');
    return c.json(invite);
  });
  // Signing out ends this device's token on the server too, so a lost phone's copy is dead.
  app.post('/sign-out', authenticate(deps), async (c) => {
    await revokeDevice(deps.db, c.get('auth').deviceId, deps.now());
    return c.json({ signedOut: true });
  });
  app.post('/redeem', async (c) => {
    const body = await readJsonBody(c, redeemRequestSchema);
    const now = deps.now();
    const token = makeToken(deps.randomBytes);
    const user = await deps.db.transaction(async (tx) => {
      const existing = await findDeviceById(tx, body.deviceId);
      const userId = await consumeSignInCode(
        tx,
        sha256Hex(normaliseCode(body.code)),
        body.deviceId,
        now,
      );
      if (userId === null) {
        throw new HttpError(400, 'invalid-code', 'This code is unknown, already used or expired');
      }
      // A device id belongs to one person: a phone handed to someone else must be reset.
      if (existing && existing.user_id !== userId) {
        throw new HttpError(409, 'device-taken', 'This device is registered to another person');
      }
      const found = await findUser(tx, userId);
      if (!found)
        throw new HttpError(
          400,
          'invalid-code',
          'The person this code was made for no longer exists',
        );
      await upsertDevice(tx, {
        id: body.deviceId,
        userId,
        name: body.deviceName,
        tokenHash: sha256Hex(token),
        now,
        publicKey: body.publicKey,
      });
      return found;
    });
    // The key that signs bundle acknowledgements, which the device will check.
    const serverKey = await ackSigningKey(deps.db, now);
    const { changes, cursor, hasMore } = await visibleChangesAfter(
      deps.db,
      user,
      0,
      deps.pageSize ?? MAX_CHANGES_PER_PAGE,
      { deviceId: body.deviceId, at: now },
    );
    return c.json({
      token,
      user,
      serverTime: now.toISOString(),
      serverPublicKey: serverKey.publicKey,
      firstPage: { changes, cursor, hasMore },
    });
  });
  return app;
}
