import { userSchema, type User } from '../../domain/user';
import type { SqlExecutor } from './sql-client';

export interface SignedInDevice {
  deviceId: string;
  enrolledAt: Date;
  /** Null when the device is valid but its user record is gone. */
  user: User | null;
}

/**
 * The live (not revoked) device holding each token hash, with its user, or null: one
 * indexed statement for the requests that arrived together (see authenticate). Every
 * request is checked this way, so a device is read fresh each time (a revocation counts
 * at once, in every server process).
 */
export async function findSignedInDevices(
  db: SqlExecutor,
  tokenHashes: readonly string[],
): Promise<(SignedInDevice | Error | null)[]> {
  const rows = await db.query<{
    token_hash: string;
    id: string;
    created_at: Date | string;
    user_data: unknown;
  }>(
    `SELECT d.token_hash, d.id, d.created_at, u.data AS user_data
       FROM devices d
       LEFT JOIN records u ON u.kind = 'user' AND u.key = d.user_id AND NOT u.deleted
      WHERE d.token_hash = ANY($1::text[]) AND d.revoked_at IS NULL`,
    [[...new Set(tokenHashes)]],
  );
  const byHash = new Map(
    rows.map((row): [string, SignedInDevice | Error] => {
      const user = row.user_data === null ? null : userSchema.safeParse(row.user_data);
      // A user row that no longer parses fails this device's request alone (coalesce).
      if (user && !user.success)
        return [row.token_hash, new Error(`user row of device ${row.id}: ${user.error.message}`)];
      return [
        row.token_hash,
        { deviceId: row.id, enrolledAt: new Date(row.created_at), user: user?.data ?? null },
      ];
    }),
  );
  return tokenHashes.map((hash) => byHash.get(hash) ?? null);
}
