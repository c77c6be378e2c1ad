import pg from 'pg';
import { describe, expect, inject, it, vi } from 'vitest';
import { openPgClient } from '../../src/server/store/pg-client';
import { createScratchDatabase } from '../support/test-stores';

const postgresUrl = inject('postgresUrl');

(postgresUrl === null ? describe.skip : describe)('the PostgreSQL connection pool', () => {
  it('survives PostgreSQL dropping its idle connections and answers the next query', async () => {
    const scratch = await createScratchDatabase(postgresUrl ?? '');
    const logged = vi.fn();
    const db = await openPgClient(scratch.url, logged);
    try {
      await db.query('SELECT 1');
      // What a PostgreSQL restart or failover does to the server's idle connections.
      const admin = new pg.Client({ connectionString: scratch.url });
      await admin.connect();
      await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
      );
      await admin.end();
      await vi.waitFor(() => expect(logged).toHaveBeenCalled());
      // The process is still alive (an unhandled pool error would have ended it) and the
      // next query gets a fresh connection.
      expect(await db.query<{ one: number }>('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await db.close();
      await scratch.drop();
    }
  });
});
