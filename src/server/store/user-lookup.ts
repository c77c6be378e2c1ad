import { userSchema, type User } from '../../domain/user';
import type { SqlExecutor } from './sql-client';

/** A live user: a deleted person can no longer be invited. */
export async function findUser(db: SqlExecutor, userId: string): Promise<User | null> {
  const rows = await db.query<{ data: unknown }>(
    `SELECT data FROM records WHERE kind = 'user' AND key = $1 AND NOT deleted`,
    [userId],
  );
  return rows[0] ? userSchema.parse(rows[0].data) : null;
}

/** The first panitia user, to whom the start-up sign-in link belongs. */
export async function findFirstPanitia(db: SqlExecutor): Promise<User | null> {
  const rows = await db.query<{ data: unknown }>(
    `SELECT data FROM records
      WHERE kind = 'user' AND data->>'role' = 'panitia' AND NOT deleted ORDER BY key LIMIT 1`,
  );
  return rows[0] ? userSchema.parse(rows[0].data) : null;
}
