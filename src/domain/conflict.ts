import * as z from 'zod/mini';
import { idSchema, instantSchema } from './common';
import { hlcSchema } from './hlc';

/** One side of a conflict: the value one device wrote, with its clock and device. */
export const conflictSideSchema = z.object({
  /** The field's value as JSON text: a number, a note, a status… */
  valueJson: z.string(),
  hlc: hlcSchema,
  deviceId: idSchema,
});

/**
 * Two devices of one judge changed the same field of a scoresheet without seeing each
 * other's edit. The later hybrid clock won; the other value is kept here so the judge can
 * see what was replaced and put it back if it was the right one.
 */
export const conflictSchema = z.object({
  id: idSchema,
  scoresheetId: idSchema,
  judgeId: idSchema,
  stageId: idSchema,
  entryId: idSchema,
  field: z.string(),
  kept: conflictSideSchema,
  lost: conflictSideSchema,
  /** Server time when the conflict was found. */
  at: instantSchema,
});
export type Conflict = z.infer<typeof conflictSchema>;
