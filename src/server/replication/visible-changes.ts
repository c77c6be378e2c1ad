import type { Change } from '../../domain/sync-protocol';
import { recordKindSchema, syncRecordSchema } from '../../domain/sync-record';
import type { User } from '../../domain/user';
import type { SqlExecutor } from '../store/sql-client';

/** Kinds every judge may read whole, and every operator (without rubrics). */
const SHARED_WITH_JUDGES = ['competition', 'category', 'stage', 'rubric'] as const;
const SHARED_WITH_OPERATORS = ['competition', 'category', 'stage'] as const;

/**
 * Which records a user may read (ARCHITECTURE.md, auth; RELIABILITY.md, who may do what),
 * as conditions over `records r` for one asking user `q`: q.user_id, q.after_seq and, for
 * operators, q.unit (their unit's name). A judge never reads another judge's scores
 * before the stage is finalised.
 *
 * Each condition is its own arm of a UNION ALL, no record meets two of them, and each can
 * be read in change order from an index from the cursor on (records_kind_seq,
 * records_judge_seq, the primary key): a pull costs what the user may read after the
 * cursor, not every change anyone made since, and the statement's plan does not depend
 * on the size of the table, so it can be prepared once.
 */
function visibleArms(role: User['role']): string[] {
  const ofKind = (kind: string) => `r.kind = '${kind}' AND r.seq > q.after_seq`;
  switch (role) {
    case 'panitia':
      return ['r.seq > q.after_seq'];
    case 'judge':
      return [
        ...SHARED_WITH_JUDGES.map(ofKind),
        `r.kind = 'user' AND r.key = q.user_id AND r.seq > q.after_seq`,
        `r.data->>'judgeId' = q.user_id AND r.seq > q.after_seq
           AND r.kind IN ('assignment', 'conflict', 'scoresheet')`,
        `r.kind = 'entry' AND r.seq > q.after_seq AND r.key IN (
           SELECT a.data->>'entryId' FROM records a
            WHERE a.data->>'judgeId' = q.user_id AND a.kind = 'assignment'
              AND NOT a.deleted AND a.data->'recusal' IS NULL)`,
        // Skipped whole while no stage is finalised.
        `EXISTS (SELECT 1 FROM records f WHERE f.kind = 'stage' AND f.data->>'state' = 'finalised')
           AND r.kind = 'scoresheet' AND r.seq > q.after_seq
           AND r.data->>'judgeId' IS DISTINCT FROM q.user_id
           AND r.data->>'stageId' IN (
             SELECT s.key FROM records s WHERE s.kind = 'stage' AND s.data->>'state' = 'finalised')`,
      ];
    case 'operator':
      return [
        ...SHARED_WITH_OPERATORS.map(ofKind),
        `r.kind = 'user' AND r.key = q.user_id AND r.seq > q.after_seq`,
        `r.kind = 'entry' AND r.seq > q.after_seq AND r.data->'unit'->>'name' = q.unit`,
      ];
  }
}

interface ChangeRow {
  /** Which asker (1-based, in the order asked) the row answers. */
  asker: string | number;
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

/** One user's pull: what `visibleChangesAfter` takes, for `visibleChangesFor`. */
export interface PullRequest {
  user: User;
  cursor: number;
  limit: number;
  /** Records that the device was seen, in the same statement. */
  touch?: { deviceId: string; at: Date };
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
  const [page] = await visibleChangesFor(db, [
    touch === undefined ? { user, cursor, limit } : { user, cursor, limit, touch },
  ]);
  if (!page) throw new Error('visibleChangesFor answered no page');
  if (page instanceof Error) throw page;
  return page;
}

/**
 * The pages of several pulls (the sync requests that arrived together), each exactly as
 * visibleChangesAfter answers it, in one statement per role and page size: every asker
 * is a row of `q`, and its arms are read for it alone (LATERAL), from one snapshot. A
 * page that cannot be built is that asker's Error, not the others'.
 */
export async function visibleChangesFor(
  db: SqlExecutor,
  requests: readonly PullRequest[],
): Promise<(VisiblePage | Error)[]> {
  const pages = new Map<PullRequest, VisiblePage | Error>();
  const groups = new Map<string, PullRequest[]>();
  for (const request of requests) {
    const group = `${request.user.role} ${request.limit}`;
    groups.set(group, [...(groups.get(group) ?? []), request]);
  }
  for (const asked of groups.values()) {
    const found = await pullGroup(db, asked);
    asked.forEach((request, n) => {
      const page = found[n];
      if (page) pages.set(request, page);
    });
  }
  return requests.map((request) => {
    const page = pages.get(request);
    if (!page) throw new Error('a pull was left unanswered');
    return page;
  });
}

/**
 * Pulls of one role with one page size, in one statement. One asker (a device syncing
 * alone) is bound as plain values rather than arrays: the same statement, planned as
 * cheaply as a single pull can be.
 */
async function pullGroup(
  db: SqlExecutor,
  asked: readonly PullRequest[],
): Promise<(VisiblePage | Error)[]> {
  const [first] = asked;
  if (!first) return [];
  const alone = asked.length === 1;
  const column = <V>(of: (a: PullRequest) => V) => (alone ? of(first) : asked.map(of));
  const touched = asked.flatMap((a) => (a.touch ? [a.touch] : []));
  const params: unknown[] = [
    column((a) => a.user.id),
    column((a) => a.cursor),
    column((a) => a.user.unit?.name ?? ''),
    first.limit + 1,
  ];
  const askers = alone
    ? `SELECT $1::text AS user_id, $2::bigint AS after_seq, $3::text AS unit, 1 AS asker`
    : `SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[])
         WITH ORDINALITY AS q(user_id, after_seq, unit, asker)`;
  // PostgreSQL refuses a parameter the statement does not use: the touch only when asked.
  const touch =
    touched.length === 0
      ? ''
      : alone
        ? `, touched AS (UPDATE devices SET last_seen_at = $${params.push(first.touch?.at)}
                          WHERE id = $${params.push(first.touch?.deviceId)})`
        : `, touched AS (
             UPDATE devices d SET last_seen_at = t.at
               FROM unnest($${params.push(touched.map((t) => t.deviceId))}::text[],
                           $${params.push(touched.map((t) => t.at))}::timestamptz[]) AS t(id, at)
              WHERE d.id = t.id)`;
  const rows = await db.query<ChangeRow>(
    `WITH q AS (${askers})${touch}
     SELECT q.asker, (SELECT c.last_seq FROM change_counter c) AS committed,
            p.seq, p.kind, p.key, p.data, p.deleted
       FROM q
       LEFT JOIN LATERAL (
         ${visibleArms(first.user.role)
           .map(
             (arm) => `(SELECT r.seq, r.kind, r.key, r.data, r.deleted FROM records r
                         WHERE ${arm} ORDER BY r.seq LIMIT $4)`,
           )
           .join(' UNION ALL ')}
         UNION ALL
         (SELECT m.seq, m.kind, m.key, NULL, true FROM removals m
           WHERE m.user_id = q.user_id AND m.seq > q.after_seq ORDER BY m.seq LIMIT $4)
         ORDER BY seq
         LIMIT $4
       ) p ON true
      ORDER BY q.asker, p.seq`,
    params,
  );
  const byAsker = asked.map(() => [] as ChangeRow[]);
  let committed = 0;
  for (const row of rows) {
    committed = Number(row.committed);
    if (row.seq !== null) byAsker[Number(row.asker) - 1]?.push(row);
  }
  return asked.map(({ cursor, limit }, n) => {
    const found = byAsker[n] ?? [];
    const hasMore = found.length > limit;
    // A row that no longer parses fails this device's pull alone (coalesce), not the batch.
    let changes: Change[];
    try {
      changes = found.slice(0, limit).map(toChange);
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
    const last = changes.at(-1)?.seq ?? cursor;
    return { changes, cursor: hasMore ? last : Math.max(last, committed, cursor), hasMore };
  });
}

function toChange(row: ChangeRow): Change {
  const seq = Number(row.seq);
  if (row.deleted)
    return { seq, removed: { kind: recordKindSchema.parse(row.kind), key: row.key } };
  // Parsed on the way out too: a row that no longer parses is a server bug, never sent.
  return { seq, record: syncRecordSchema.parse({ kind: row.kind, data: row.data }) };
}
