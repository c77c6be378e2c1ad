import type { SqlExecutor } from './sql-client';

/**
 * Takes the change counter's row lock, as every push does first (push-batch.ts): until the
 * transaction ends no push can commit, so what is read next stays true while it applies.
 */
export async function lockChangeCounter(tx: SqlExecutor): Promise<void> {
  await tx.query('SELECT last_seq FROM change_counter FOR UPDATE');
}

/** Which of these mutations the server has answered (applied or rejected) already. */
export async function answeredMutationIds(
  tx: SqlExecutor,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx.query<{ mutation_id: string }>(
    `SELECT mutation_id FROM applied_mutations
      WHERE mutation_id IN (SELECT jsonb_array_elements_text($1::jsonb))`,
    [JSON.stringify(ids)],
  );
  return new Set(rows.map((r) => r.mutation_id));
}

/**
 * When the device made the latest of its edits the server has answered, leaving out
 * `excluded` (the bundle being imported); null when there is none. A bundle is rare: the
 * scan of this device's rows needs no index of its own (which every push would pay for).
 */
export async function latestAnsweredEditOf(
  tx: SqlExecutor,
  deviceId: string,
  excluded: readonly string[],
): Promise<Date | null> {
  const rows = await tx.query<{ latest: Date | string | null }>(
    `SELECT max(made_at) AS latest FROM applied_mutations
      WHERE device_id = $1
        AND mutation_id NOT IN (SELECT jsonb_array_elements_text($2::jsonb))`,
    [deviceId, JSON.stringify(excluded)],
  );
  const latest = rows[0]?.latest ?? null;
  return latest === null ? null : new Date(latest);
}
