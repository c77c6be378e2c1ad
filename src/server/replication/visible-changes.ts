import type { Change } from '../../domain/sync-protocol';
import { recordKindSchema, syncRecordSchema } from '../../domain/sync-record';
import type { User } from '../../domain/user';
import type { SqlExecutor } from '../store/sql-client';

/**
 * Which records a user may read, as SQL over `records r` with $1 = the user's id and
 * (operators only) $4 = their unit's name (ARCHITECTURE.md, auth; RELIABILITY.md, who may do what).
 * A judge never reads another judge's scores before the stage is finalised.
 */
function visibilityFilter(role: User['role']): string {
  switch (role) {
    case 'panitia':
      return 'true';
    case 'judge':
      return `(
        r.kind IN ('competition', 'category', 'stage', 'rubric')
        OR (r.kind = 'user' AND r.key = $1)
        OR (r.kind IN ('assignment', 'conflict') AND r.data->>'judgeId' = $1)
        OR (r.kind = 'entry' AND r.key IN (
              SELECT a.data->>'entryId' FROM records a
               WHERE a.kind = 'assignment' AND a.data->>'judgeId' = $1
                 AND NOT a.deleted AND a.data->'recusal' IS NULL))
        OR (r.kind = 'scoresheet' AND (r.data->>'judgeId' = $1 OR r.data->>'stageId' IN (
              SELECT s.key FROM records s WHERE s.kind = 'stage' AND s.data->>'state' = 'finalised')))
      )`;
    case 'operator':
      return `(
        r.kind IN ('competition', 'category', 'stage')
        OR (r.kind = 'user' AND r.key = $1)
        OR (r.kind = 'entry' AND r.data->'unit'->>'name' = $4)
      )`;
  }
}

interface ChangeRow {
  seq: string | number;
  kind: string;
  key: string;
  data: unknown;
  deleted: boolean;
}

export interface VisiblePage {
  changes: Change[];
  cursor: number;
  hasMore: boolean;
}

/**
 * The changes after `cursor` that `user` may read, oldest first, with removals (tombstones
 * and lost scope) in the same order. When the page is not full the cursor moves to the
 * counter's value read first: every change up to it is committed (writers hold the counter
 * row until they commit), so changes the user may not read are never scanned again.
 */
export async function visibleChangesAfter(
  db: SqlExecutor,
  user: User,
  cursor: number,
  limit: number,
): Promise<VisiblePage> {
  const counter = await db.query<{ last_seq: string | number }>(
    'SELECT last_seq FROM change_counter',
  );
  const committed = Number(counter[0]?.last_seq ?? 0);
  const rows = await db.query<ChangeRow>(
    `SELECT r.seq, r.kind, r.key, r.data, r.deleted FROM records r
      WHERE r.seq > $2 AND ${visibilityFilter(user.role)}
     UNION ALL
     SELECT m.seq, m.kind, m.key, NULL, true FROM removals m
      WHERE m.user_id = $1 AND m.seq > $2
     ORDER BY seq
     LIMIT $3`,
    // PostgreSQL refuses a parameter the statement does not use: the unit only for operators.
    user.role === 'operator'
      ? [user.id, cursor, limit + 1, user.unit?.name ?? '']
      : [user.id, cursor, limit + 1],
  );
  const hasMore = rows.length > limit;
  const changes = rows.slice(0, limit).map(toChange);
  const last = changes.at(-1)?.seq ?? cursor;
  return { changes, cursor: hasMore ? last : Math.max(last, committed, cursor), hasMore };
}

function toChange(row: ChangeRow): Change {
  const seq = Number(row.seq);
  if (row.deleted)
    return { seq, removed: { kind: recordKindSchema.parse(row.kind), key: row.key } };
  // Parsed on the way out too: a row that no longer parses is a server bug, never sent.
  return { seq, record: syncRecordSchema.parse({ kind: row.kind, data: row.data }) };
}
