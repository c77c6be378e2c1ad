import * as z from 'zod/mini';
import { changedScoresheetFields, readField } from './scoresheet-fields';
import type { Scoresheet } from './scoresheet';

/** One field of a scoresheet as a change left it; `old` is null for a sheet's first version. */
export const auditChangeSchema = z.object({
  field: z.string(),
  old: z.unknown(),
  new: z.unknown(),
});
export type AuditChange = z.infer<typeof auditChangeSchema>;

/**
 * One applied change to a scoresheet, as the audit log keeps it (issue 6 item 4): who,
 * from which device, when by the device's clock (madeAt, and the hybrid clock the server
 * ordered it by) and by the server's, which fields went from what to what, and the
 * mutation that did it. This is exactly what a row's hash covers.
 */
export const auditEntrySchema = z.object({
  /** 1, 2, 3, …: the chain's order, which is the order the changes were committed in. */
  position: z.number(),
  mutationId: z.string(),
  userId: z.string(),
  deviceId: z.string(),
  madeAt: z.string(),
  hlc: z.string(),
  appliedAt: z.string(),
  /** The change number the scoresheet got (records.seq). */
  recordSeq: z.number(),
  scoresheetId: z.string(),
  stageId: z.string(),
  entryId: z.string(),
  judgeId: z.string(),
  changes: z.array(auditChangeSchema),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** A stored row of the chain: its content, the previous row's hash and its own. */
export const auditRowSchema = z.object({
  ...auditEntrySchema.shape,
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditRow = z.infer<typeof auditRowSchema>;

/** What checking the chain found: GET /api/audit/verify and `verify-audit`. */
export const auditVerificationSchema = z.object({
  ok: z.boolean(),
  rows: z.number(),
  /** The position of the first row that does not hold (a missing row: its position). */
  firstBadRow: z.optional(z.number()),
  reason: z.optional(z.string()),
});
export type AuditVerification = z.infer<typeof auditVerificationSchema>;

/** GET /api/audit/entries/{entryId}: every change to the entry's scoresheets, oldest first. */
export const entryScoreHistorySchema = z.object({
  entryId: z.string(),
  history: z.array(auditRowSchema),
});
export type EntryScoreHistory = z.infer<typeof entryScoreHistorySchema>;

/** The fields a change moved, with their values before and after. */
export function scoresheetChanges(
  before: Scoresheet | undefined,
  after: Scoresheet,
): AuditChange[] {
  return changedScoresheetFields(before, after).map((field) => ({
    field,
    old: before === undefined ? null : readField(before, field),
    new: readField(after, field),
  }));
}
