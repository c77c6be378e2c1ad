import * as z from 'zod/mini';
import { idSchema, instantSchema, nonEmptyText } from './common';

/** One judge on one entry in one stage; the panitia may recuse the judge with a reason. */
export const assignmentSchema = z.object({
  id: idSchema,
  stageId: idSchema,
  judgeId: idSchema,
  entryId: idSchema,
  recusal: z.optional(z.object({ reason: nonEmptyText(500), at: instantSchema })),
  /** Field stages: the judge's day of visits this site falls on (1, 2, …), as planned. */
  visitDay: z.optional(z.int().check(z.gte(1), z.lte(366))),
});
export type Assignment = z.infer<typeof assignmentSchema>;
