import * as z from 'zod/mini';
import { auditRowSchema, type AuditRow } from '../../domain/audit-entry';
import type { SqlExecutor } from '../store/sql-client';
import type { AuditHead } from './verify-audit-chain';

interface StoredAuditRow {
  position: string | number;
  mutation_id: string;
  user_id: string;
  device_id: string;
  made_at: string;
  hlc: string;
  applied_at: string;
  record_seq: string | number;
  scoresheet_id: string;
  stage_id: string;
  entry_id: string;
  judge_id: string;
  changes: unknown;
  prev_hash: string;
  hash: string;
}

const COLUMNS = `a.position, a.mutation_id, a.user_id, a.device_id, a.made_at, a.hlc,
  a.applied_at, a.record_seq, a.scoresheet_id, a.stage_id, a.entry_id, a.judge_id, a.changes,
  a.prev_hash, a.hash`;

/** int8 comes back as a string from `pg`; jsonb is parsed by both drivers. */
function toAuditRow(row: StoredAuditRow): AuditRow {
  return auditRowSchema.parse({
    position: Number(row.position),
    mutationId: row.mutation_id,
    userId: row.user_id,
    deviceId: row.device_id,
    madeAt: row.made_at,
    hlc: row.hlc,
    appliedAt: row.applied_at,
    recordSeq: Number(row.record_seq),
    scoresheetId: row.scoresheet_id,
    stageId: row.stage_id,
    entryId: row.entry_id,
    judgeId: row.judge_id,
    changes: row.changes,
    prevHash: row.prev_hash,
    hash: row.hash,
  });
}

const headSchema = z.object({ position: z.number(), hash: z.string() });

/**
 * The whole chain and its head, read in one statement so they come from one snapshot: a
 * push committing meanwhile cannot make the head look ahead of the rows.
 */
export async function loadAuditChain(
  db: SqlExecutor,
): Promise<{ rows: AuditRow[]; head: AuditHead }> {
  const found = await db.query<
    { head_position: string | number; head_hash: string } & {
      [K in keyof StoredAuditRow]: StoredAuditRow[K] | null;
    }
  >(
    `SELECT h.position AS head_position, h.hash AS head_hash, ${COLUMNS}
       FROM audit_head h LEFT JOIN audit_log a ON true
      ORDER BY a.position`,
  );
  const first = found[0];
  if (!first) throw new Error('the audit_head row is missing');
  const head = headSchema.parse({ position: Number(first.head_position), hash: first.head_hash });
  const rows = found
    .filter((row): row is typeof row & StoredAuditRow => row.position !== null)
    .map(toAuditRow);
  return { rows, head };
}

/**
 * Every logged change to the scoresheets of one entry, oldest first. With `panelOf`, only
 * those of stages that are finalised and on whose panel that judge sits: finalising a
 * stage opens its scores to the panel (issue 6 item 4), and nothing before.
 */
export async function loadEntryAudit(
  db: SqlExecutor,
  entryId: string,
  panelOf?: string,
): Promise<AuditRow[]> {
  const rows =
    panelOf === undefined
      ? await db.query<StoredAuditRow>(
          `SELECT ${COLUMNS} FROM audit_log a WHERE a.entry_id = $1 ORDER BY a.position`,
          [entryId],
        )
      : await db.query<StoredAuditRow>(
          `SELECT ${COLUMNS} FROM audit_log a
             JOIN records s ON s.kind = 'stage' AND s.key = a.stage_id AND NOT s.deleted
                           AND s.data->>'state' = 'finalised'
            WHERE a.entry_id = $1
              AND EXISTS (SELECT 1 FROM records p
                           WHERE p.kind = 'assignment' AND NOT p.deleted
                             AND p.data->>'judgeId' = $2 AND p.data->>'stageId' = a.stage_id)
            ORDER BY a.position`,
          [entryId, panelOf],
        );
  return rows.map(toAuditRow);
}
