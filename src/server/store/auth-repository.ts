import { publicKeyJwkSchema, type PublicKeyJwk } from '../../domain/device-key';
import type { SqlClient, SqlExecutor } from './sql-client';

export type CodePurpose = 'admin-link' | 'invite';

export interface NewSignInCode {
  /** sha256 of the normalised code: the code itself is never stored. */
  hash: string;
  userId: string;
  purpose: CodePurpose;
  now: Date;
  expiresAt: Date;
}

/** The advisory lock class of "a new invite for this person" (the second key: the user). */
const INVITE_LOCK_CLASS = 7301;

/**
 * Stores a new one-time code. A new invite replaces the person's older unused invites in
 * the same transaction: re-issuing is what the panitia does when a card is lost or handed
 * to the wrong person, so the old card must stop working at once. They expire now; used
 * codes stay as they were, as the record of which device redeemed them.
 * Invites for one person are made one at a time (an advisory lock): otherwise two made at
 * the same instant on PostgreSQL would each miss the other's code, and both stay valid.
 */
export async function insertSignInCode(db: SqlClient, code: NewSignInCode): Promise<void> {
  await db.transaction(async (tx) => {
    if (code.purpose === 'invite') {
      await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
        INVITE_LOCK_CLASS,
        code.userId,
      ]);
    }
    await replaceInvitesAndInsert(tx, code);
  });
}

async function replaceInvitesAndInsert(db: SqlExecutor, code: NewSignInCode): Promise<void> {
  await db.query(
    `WITH replaced AS (
       UPDATE sign_in_codes SET expires_at = $4
        WHERE $3 = 'invite' AND purpose = 'invite' AND user_id = $2
          AND used_at IS NULL AND expires_at > $4
     )
     INSERT INTO sign_in_codes (code_hash, user_id, purpose, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5)`,
    [code.hash, code.userId, code.purpose, code.now, code.expiresAt],
  );
}

/**
 * Marks a code used and returns its user, or null when the code is unknown, used or
 * expired. One UPDATE decides, so two devices redeeming the same code at once cannot
 * both succeed.
 */
export async function consumeSignInCode(
  db: SqlExecutor,
  hash: string,
  deviceId: string,
  now: Date,
): Promise<string | null> {
  const rows = await db.query<{ user_id: string }>(
    `UPDATE sign_in_codes SET used_at = $2, used_by_device = $3
      WHERE code_hash = $1 AND used_at IS NULL AND expires_at > $2
      RETURNING user_id`,
    [hash, now, deviceId],
  );
  return rows[0]?.user_id ?? null;
}

/** The user of a code that could still be redeemed, without using it up. */
export async function findRedeemableCode(
  db: SqlExecutor,
  hash: string,
  now: Date,
): Promise<{ userId: string; expiresAt: Date } | null> {
  const rows = await db.query<{ user_id: string; expires_at: Date }>(
    `SELECT user_id, expires_at FROM sign_in_codes
      WHERE code_hash = $1 AND used_at IS NULL AND expires_at > $2`,
    [hash, now],
  );
  const row = rows[0];
  return row ? { userId: row.user_id, expiresAt: new Date(row.expires_at) } : null;
}

export interface DeviceRow {
  id: string;
  user_id: string;
  revoked_at: Date | null;
}

export async function findDeviceById(db: SqlExecutor, id: string): Promise<DeviceRow | null> {
  const rows = await db.query<DeviceRow>(
    'SELECT id, user_id, revoked_at FROM devices WHERE id = $1',
    [id],
  );
  return rows[0] ?? null;
}

/**
 * A device that signs in again (after a 401, say) keeps its id and gets a new token. Its
 * bundle signing key is replaced only by a new one: a device from before bundles, signing
 * in again, keeps none rather than losing one.
 */
export async function upsertDevice(
  db: SqlExecutor,
  device: {
    id: string;
    userId: string;
    name: string;
    tokenHash: string;
    now: Date;
    publicKey?: PublicKeyJwk | undefined;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO devices (id, user_id, name, token_hash, created_at, public_key)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb)
     ON CONFLICT (id) DO UPDATE
       SET name = excluded.name, token_hash = excluded.token_hash, revoked_at = NULL,
           public_key = COALESCE(excluded.public_key, devices.public_key)`,
    [
      device.id,
      device.userId,
      device.name,
      device.tokenHash,
      device.now,
      device.publicKey === undefined ? null : JSON.stringify(device.publicKey),
    ],
  );
}

/** A device as a sync bundle's check needs it: whose it is, whether revoked, its key. */
export interface BundleSigner {
  id: string;
  userId: string;
  name: string;
  enrolledAt: Date;
  revokedAt: Date | null;
  /** Null for a device enrolled before bundles existed (or a stored key that is not one). */
  publicKey: PublicKeyJwk | null;
}

export async function findBundleSigner(db: SqlExecutor, id: string): Promise<BundleSigner | null> {
  const rows = await db.query<{
    id: string;
    user_id: string;
    name: string;
    created_at: Date | string;
    revoked_at: Date | string | null;
    public_key: unknown;
  }>('SELECT id, user_id, name, created_at, revoked_at, public_key FROM devices WHERE id = $1', [
    id,
  ]);
  const row = rows[0];
  if (!row) return null;
  const key = publicKeyJwkSchema.safeParse(row.public_key);
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    enrolledAt: new Date(row.created_at),
    revokedAt: row.revoked_at === null ? null : new Date(row.revoked_at),
    publicKey: key.success ? key.data : null,
  };
}

export async function findActiveDeviceByToken(
  db: SqlExecutor,
  tokenHash: string,
): Promise<{ deviceId: string; userId: string; enrolledAt: Date } | null> {
  const rows = await db.query<{ id: string; user_id: string; created_at: Date }>(
    'SELECT id, user_id, created_at FROM devices WHERE token_hash = $1 AND revoked_at IS NULL',
    [tokenHash],
  );
  const row = rows[0];
  return row
    ? { deviceId: row.id, userId: row.user_id, enrolledAt: new Date(row.created_at) }
    : null;
}

export async function touchDevice(db: SqlExecutor, deviceId: string, now: Date): Promise<void> {
  await db.query('UPDATE devices SET last_seen_at = $2 WHERE id = $1', [deviceId, now]);
}

export async function listDevicesOfUser(
  db: SqlExecutor,
  userId: string,
): Promise<
  {
    id: string;
    userId: string;
    name: string;
    createdAt: string;
    lastSeenAt: string | null;
    revokedAt: string | null;
  }[]
> {
  const rows = await db.query<{
    id: string;
    user_id: string;
    name: string;
    created_at: Date;
    last_seen_at: Date | null;
    revoked_at: Date | null;
  }>(
    'SELECT id, user_id, name, created_at, last_seen_at, revoked_at FROM devices WHERE user_id = $1 ORDER BY created_at',
    [userId],
  );
  const iso = (d: Date | null) => (d === null ? null : new Date(d).toISOString());
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    name: r.name,
    createdAt: new Date(r.created_at).toISOString(),
    lastSeenAt: iso(r.last_seen_at),
    revokedAt: iso(r.revoked_at),
  }));
}

/** Revoked at once: every request reads the device row, so the next one is refused. */
export async function revokeDevice(db: SqlExecutor, deviceId: string, now: Date): Promise<boolean> {
  const rows = await db.query<{ id: string }>(
    'UPDATE devices SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id',
    [deviceId, now],
  );
  return rows.length > 0;
}
