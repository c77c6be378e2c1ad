import * as z from 'zod/mini';
import { assignmentSchema } from './assignment';
import { categorySchema } from './category';
import { competitionSchema } from './competition';
import { conflictSchema } from './conflict';
import { entrySchema } from './entry';
import { rubricSchema } from './rubric';
import { scoresheetSchema } from './scoresheet';
import { stageSchema } from './stage';
import { userSchema } from './user';

/** Every kind of record that travels between server and devices, with its schema. */
export const RECORD_SCHEMAS = {
  competition: competitionSchema,
  category: categorySchema,
  stage: stageSchema,
  rubric: rubricSchema,
  entry: entrySchema,
  user: userSchema,
  assignment: assignmentSchema,
  scoresheet: scoresheetSchema,
  conflict: conflictSchema,
} as const;

export type RecordKind = keyof typeof RECORD_SCHEMAS;
export const RECORD_KINDS = Object.keys(RECORD_SCHEMAS) as RecordKind[];
export const recordKindSchema = z.enum(
  Object.keys(RECORD_SCHEMAS) as [RecordKind, ...RecordKind[]],
);

export type RecordOf<K extends RecordKind> = z.infer<(typeof RECORD_SCHEMAS)[K]>;

/** A record tagged with its kind, so one list can carry every kind. */
export const syncRecordSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('competition'), data: competitionSchema }),
  z.object({ kind: z.literal('category'), data: categorySchema }),
  z.object({ kind: z.literal('stage'), data: stageSchema }),
  z.object({ kind: z.literal('rubric'), data: rubricSchema }),
  z.object({ kind: z.literal('entry'), data: entrySchema }),
  z.object({ kind: z.literal('user'), data: userSchema }),
  z.object({ kind: z.literal('assignment'), data: assignmentSchema }),
  z.object({ kind: z.literal('scoresheet'), data: scoresheetSchema }),
  z.object({ kind: z.literal('conflict'), data: conflictSchema }),
]);
export type SyncRecord = z.infer<typeof syncRecordSchema>;

/**
 * The key a record is stored under. Rubrics are versioned, so their key includes the
 * version: "id@3". Everything else is keyed by its id.
 */
export function recordKey(record: SyncRecord): string {
  return record.kind === 'rubric' ? `${record.data.id}@${record.data.version}` : record.data.id;
}
