import { join } from 'node:path';
import { lockDataDir, type DataDirLock } from './data-dir-lock';
import { migrate } from './store/migrate';
import { openPgClient } from './store/pg-client';
import { openPgliteClient } from './store/pglite-client';
import type { SqlClient } from './store/sql-client';

export interface OpenDatabase {
  db: SqlClient;
  lock: DataDirLock | null;
}

/**
 * PostgreSQL when DATABASE_URL is set (several processes may share it); otherwise PGlite
 * under DATA_DIR, which only one process may open, so its directory is locked first.
 */
export async function openDatabase(config: {
  dataDir: string;
  databaseUrl: string | undefined;
  /** PostgreSQL dropped an idle connection (a restart, a failover): say so, keep serving. */
  onConnectionLost?: (error: Error) => void;
}): Promise<OpenDatabase> {
  if (config.databaseUrl !== undefined) {
    const db = await openPgClient(config.databaseUrl, config.onConnectionLost);
    await migrate(db);
    return { db, lock: null };
  }
  const lock = lockDataDir(config.dataDir);
  try {
    const db = await openPgliteClient(join(config.dataDir, 'pglite'));
    await migrate(db);
    return { db, lock };
  } catch (error) {
    lock.release();
    throw error;
  }
}
