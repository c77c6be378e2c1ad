import type { SqlExecutor } from './sql-client';

export interface StoredKeyPair {
  privateKey: unknown;
  publicKey: unknown;
}

export async function findServerKey(
  db: SqlExecutor,
  purpose: string,
): Promise<StoredKeyPair | null> {
  const rows = await db.query<{ private_key: unknown; public_key: unknown }>(
    'SELECT private_key, public_key FROM server_keys WHERE purpose = $1',
    [purpose],
  );
  const row = rows[0];
  return row ? { privateKey: row.private_key, publicKey: row.public_key } : null;
}

/** Stores a key pair unless one is there already (another server process made it first). */
export async function insertServerKeyIfAbsent(
  db: SqlExecutor,
  purpose: string,
  pair: StoredKeyPair,
  now: Date,
): Promise<void> {
  await db.query(
    `INSERT INTO server_keys (purpose, private_key, public_key, created_at)
     VALUES ($1, $2::jsonb, $3::jsonb, $4) ON CONFLICT (purpose) DO NOTHING`,
    [purpose, JSON.stringify(pair.privateKey), JSON.stringify(pair.publicKey), now],
  );
}
