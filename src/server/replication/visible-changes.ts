import type { Change } from '../../domain/sync-protocol';
import { recordKindSchema, syncRecordSchema } from '../../domain/sync-record';
import type { User } from '../../domain/user';
import type { SqlExecutor } from '../store/sql-client';

/** Kinds every judge may read whole, and every operator (without rubrics). */
const SHARED_WITH_JUDGES = ['competition', 'category', 'stage', 'rubric'] as const;
const SHARED_WITH_OPERATORS = ['competition', 'category', 'stage'] as const;

/**
 * Which records a user may read (ARCHITECTURE.md, auth; RELIABILITY.md, who may do what),
 * as conditions over `records r` with $1 = the user's id, $2 = the cursor and, for
 * operators, `unit` = the parameter holding their unit's name. A judge never reads another
 * judge's scores before the stage is finalised.
 *
 * Each condition is its own arm of a UNION ALL, no record meets two of them, and each can
 * be read in change order from an index from the cursor on (records_kind_seq,
 * records_judge_seq, the primary key): a pull costs what the user may read after the
 * cursor, not every change anyone made since, and the statement's plan does not depend
 * on the size of the table, so it can be prepared once.
 */
function visibleArms(role: User['role'], unit: string): string[] {
  const ofKind = (kind: string) => `r.kind = '${kind}' AND r.seq > $2`;
  switch (role) {
    case 'panitia':
      return ['r.seq > $2'];
    case 'judge':
      return [
        ...SHARED_WITH_JUDGES.map(ofKind),
        `r.kind = 'user' AND r.key = $1 AND r.seq > $2`,
        `r.data->>'judgeId' = $1 AND r.seq > $2
           AND r.kind IN ('assignment', 'conflict', 'scoresheet')`,
        `r.kind = 'entry' AND r.seq > $2 AND r.key IN (
           SELECT a.data->>'entryId' FROM records a
            WHERE a.data->>'judgeId' = $1 AND a.kind = 'assignment'
              AND NOT a.deleted AND a.data->'recusal' IS NULL)`,
        // Skipped whole while no stage is finalised.
        `EXISTS (SELECT 1 FROM records f WHERE f.kind = 'stage' AND f.data->>'state' = 'finalised')
           AND r.kind = 'scoresheet' AND r.seq > $2 AND r.data->>'judgeId' IS DISTINCT FROM $1
           AND r.data->>'stageId' IN (
             SELECT s.key FROM records s WHERE s.kind = 'stage' AND s.data->>'state' = 'finalised')`,
      ];
    case 'operator':
      return [
        ...SHARED_WITH_OPERATORS.map(ofKind),
        `r.kind = 'user' AND r.key = $1 AND r.seq > $2`,
        `r.kind = 'entry' AND r.seq > $2 AND r.data->'unit'->>'name' = ${unit}`,
      ];
  }
}

interface ChangeRow {
  committed: string | number;
  seq: string | number | null;
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
 * counter's value: it is read in the same statement, so from the same snapshot as the
 * changes, and every change up to it is in that snapshot (writers hold the counter row
 * until they commit), so changes the user may not read are never scanned again.
 *
 * With `touch`, the same statement records that the device was seen: a sync costs one
 * statement here, however it is answered.
 */
export async function visibleChangesAfter(
  db: SqlExecutor,
  user: User,
  cursor: number,
  limit: number,
  touch?: { deviceId: string; at: Date },
): Promise<VisiblePage> {
  const params: unknown[] = [user.id, cursor, limit + 1];
  // PostgreSQL refuses a parameter the statement does not use: the unit only for operators.
  const unit = user.role === 'operator' ? `$${params.push(user.unit?.name ?? '')}` : '';
  const touched = touch
    ? `WITH touched AS (UPDATE devices SET last_seen_at = $${params.push(touch.at)} WHERE id = $${params.push(touch.deviceId)})`
    : '';
  const rows = await db.query<ChangeRow>(
    `${touched}
     SELECT c.last_seq AS committed, p.seq, p.kind, p.key, p.data, p.deleted
       FROM change_counter c
       LEFT JOIN LATERAL (
         ${visibleArms(user.role, unit)
           .map(
             (arm) => `(SELECT r.seq, r.kind, r.key, r.data, r.deleted FROM records r
                         WHERE ${arm} ORDER BY r.seq LIMIT $3)`,
           )
           .join(' UNION ALL ')}
         UNION ALL
         (SELECT m.seq, m.kind, m.key, NULL, true FROM removals m
           WHERE m.user_id = $1 AND m.seq > $2 ORDER BY m.seq LIMIT $3)
         ORDER BY seq
         LIMIT $3
       ) p ON true`,
    params,
  );
  const committed = Number(rows[0]?.committed ?? 0);
  const found = rows.filter((row) => row.seq !== null);
  const hasMore = found.length > limit;
  const changes = found.slice(0, limit).map(toChange);
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
