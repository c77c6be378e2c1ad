/**
 * The one interface the server talks SQL through. PGlite (embedded, the default) and
 * PostgreSQL (through `pg`) both implement it, with the same SQL dialect and migrations.
 * Values that differ between the drivers (int8 comes back as a string from `pg`) are
 * converted by the repositories, never assumed.
 */
export interface SqlExecutor {
  query<Row extends object>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
}

export interface SqlClient extends SqlExecutor {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** "pglite" or "postgres", for the health endpoint and the logs. */
  readonly kind: 'pglite' | 'postgres';
}
