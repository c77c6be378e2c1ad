import type { DeviceActivity } from '../../domain/device-activity';
import type { SqlExecutor } from './sql-client';

interface ActivityRow {
  id: string;
  user_id: string;
  name: string;
  created_at: Date | string;
  last_seen_at: Date | string | null;
  revoked_at: Date | string | null;
  last_push_at: Date | string | null;
  oldest_made_at: Date | string | null;
  skewed: boolean | null;
}

/**
 * Every device with its last sync and its last push. A push's mutations share one
 * `applied_at` (the server's time of that request), so the oldest change of the last push
 * is the smallest `made_at` among the rows with the device's latest `applied_at`.
 *
 * This reads applied_mutations whole (it has no index by device): the panitia asks now and
 * then, not on every sync, so the sync path pays nothing for it.
 */
export async function listDeviceActivity(db: SqlExecutor): Promise<DeviceActivity[]> {
  const rows = await db.query<ActivityRow>(
    `WITH last_push AS (
       SELECT device_id, max(applied_at) AS at FROM applied_mutations GROUP BY device_id
     ), last_batch AS (
       SELECT m.device_id, min(m.made_at) AS oldest_made_at,
              bool_or(m.clock_skew_ms IS NOT NULL) AS skewed
         FROM applied_mutations m
         JOIN last_push p ON p.device_id = m.device_id AND p.at = m.applied_at
        GROUP BY m.device_id
     )
     SELECT d.id, d.user_id, d.name, d.created_at, d.last_seen_at, d.revoked_at,
            p.at AS last_push_at, b.oldest_made_at, b.skewed
       FROM devices d
       LEFT JOIN last_push p ON p.device_id = d.id
       LEFT JOIN last_batch b ON b.device_id = d.id
      ORDER BY d.created_at, d.id`,
  );
  const iso = (value: Date | string | null) =>
    value === null ? null : new Date(value).toISOString();
  return rows.map((row) => {
    const lastPushAt = iso(row.last_push_at);
    const oldest = iso(row.oldest_made_at);
    return {
      id: row.id,
      userId: row.user_id,
      name: row.name,
      createdAt: new Date(row.created_at).toISOString(),
      lastSeenAt: iso(row.last_seen_at),
      revokedAt: iso(row.revoked_at),
      lastPushAt,
      oldestChangeAgeMs:
        lastPushAt !== null && oldest !== null
          ? Math.max(0, Date.parse(lastPushAt) - Date.parse(oldest))
          : null,
      clockSkewed: row.skewed === true,
    };
  });
}
