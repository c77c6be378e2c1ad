import { userSchema, type User } from '../../domain/user';
import type { SqlExecutor } from './sql-client';

export interface SignedInDevice {
  deviceId: string;
  enrolledAt: Date;
  /** Null when the device is valid but its user record is gone. */
  user: User | null;
}

/**
 * The live (not revoked) device holding this token hash, with its user, in one indexed
 * statement: every request runs it, so it is read fresh each time (a revocation counts at
 * once, in every server process) but costs a single round trip.
 */
export async function findSignedInDevice(
  db: SqlExecutor,
  tokenHash: string,
): Promise<SignedInDevice | null> {
  const rows = await db.query<{ id: string; created_at: Date | string; user_data: unknown }>(
    `SELECT d.id, d.created_at, u.data AS user_data
       FROM devices d
       LEFT JOIN records u ON u.kind = 'user' AND u.key = d.user_id
      WHERE d.token_hash = $1 AND d.revoked_at IS NULL`,
    [tokenHash],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    deviceId: row.id,
    enrolledAt: new Date(row.created_at),
    user: row.user_data === null ? null : userSchema.parse(row.user_data),
  };
}
