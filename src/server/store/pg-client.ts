import pg from 'pg';
import type { SqlClient, SqlExecutor } from './sql-client';

/** PostgreSQL through a connection pool, for several server processes on one database. */
export async function openPgClient(
  connectionString: string,
  onConnectionLost: (error: Error) => void = () => undefined,
): Promise<SqlClient> {
  // No JIT: the server's statements are short, and compiling one whose estimate crosses
  // jit_above_cost (a pull for a few hundred devices at once) took longer than running it.
  const pool = new pg.Pool({ connectionString, max: 10, options: '-c jit=off' });
  // An idle connection dropped by PostgreSQL (a restart, a failover) is reported here; with
  // no listener Node would end the whole server. The next query opens a new connection.
  pool.on('error', onConnectionLost);
  // Fail at start-up with the driver's message rather than on the first request.
  const probe = await pool.connect();
  probe.release();
  const executor = (target: Pick<pg.Pool, 'query'>): SqlExecutor => ({
    async query<Row extends object>(sql: string, params: readonly unknown[] = []) {
      const result = await target.query<Row & pg.QueryResultRow>(sql, [...params]);
      return result.rows;
    },
  });
  return {
    kind: 'postgres',
    ...executor(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(executor(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
