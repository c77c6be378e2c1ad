import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, inject } from 'vitest';
import { migrate } from '../../src/server/store/migrate';
import { openPgClient } from '../../src/server/store/pg-client';
import { openPgliteClient } from '../../src/server/store/pglite-client';
import type { SqlClient } from '../../src/server/store/sql-client';

export interface StoreHandle {
  /** The migrated database of the current test, emptied before each test. */
  readonly db: SqlClient;
}

/**
 * Runs a suite once on PGlite and once on the throwaway PostgreSQL cluster: one SQL
 * dialect, one set of migrations, one contract. Each file gets its own database (PGlite in
 * memory; a fresh PostgreSQL database), created once and emptied before every test,
 * because creating a PGlite costs about a second.
 */
export function describeOnEachStore(name: string, suite: (store: StoreHandle) => void): void {
  const postgresUrl = inject('postgresUrl');
  describe.each([
    { kind: 'pglite' as const, skip: false },
    { kind: 'postgres' as const, skip: postgresUrl === null },
  ])(`${name} [$kind]`, ({ kind, skip }) => {
    let db: SqlClient | undefined;
    let dropDatabase: (() => Promise<void>) | undefined;
    const handle: StoreHandle = {
      get db() {
        if (!db) throw new Error('the store is not open yet');
        return db;
      },
    };
    beforeAll(async () => {
      if (skip) return;
      if (kind === 'pglite') {
        db = await openPgliteClient();
      } else {
        const created = await createScratchDatabase(postgresUrl ?? '');
        db = await openPgClient(created.url);
        dropDatabase = created.drop;
      }
      await migrate(db);
    });
    beforeEach(async () => {
      if (db) await emptyDatabase(db);
    });
    afterAll(async () => {
      await db?.close();
      await dropDatabase?.();
    });
    (skip ? describe.skip : describe)('', () => suite(handle));
  });
}

export async function emptyDatabase(db: SqlClient): Promise<void> {
  await db.query(
    'TRUNCATE records, devices, sign_in_codes, applied_mutations, removals, audit_log',
  );
  await db.query('UPDATE change_counter SET last_seq = 0');
  await db.query("UPDATE audit_head SET position = 0, hash = ''");
}

/** A fresh, empty database in the throwaway cluster, and a way to drop it. */
export async function createScratchDatabase(
  adminUrl: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  // The URL may name a unix socket directory (postgresql://postgres@/db?host=/tmp/…),
  // which WHATWG URL cannot parse: swap the database name as text.
  const url = adminUrl.replace(/\/[^/?]*(\?|$)/, `/${name}$1`);
  return {
    url,
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
