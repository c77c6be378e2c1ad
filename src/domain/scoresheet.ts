import * as z from 'zod/mini';
import { blobRefSchema } from './blob-ref';
import { geoPointSchema, idSchema, instantSchema, nonEmptyText, optionalText } from './common';
import { criterionKeySchema } from './rubric';

export const SCORESHEET_STATUSES = ['draft', 'submitted', 'abstained'] as const;
export type ScoresheetStatus = (typeof SCORESHEET_STATUSES)[number];

/** A raw value as the judge gave it: a number on a range, or a level's points. */
export const criterionScoreSchema = z.object({
  value: z.nullable(z.number()),
  note: optionalText(2000),
});
export type CriterionScore = z.infer<typeof criterionScoreSchema>;

export const scoresheetSchema = z
  .object({
    id: idSchema,
    stageId: idSchema,
    judgeId: idSchema,
    entryId: idSchema,
    rubricId: idSchema,
    rubricVersion: z.int().check(z.gte(1)),
    scores: z.record(criterionKeySchema, criterionScoreSchema),
    overallNote: optionalText(5000),
    visit: z.optional(z.object({ at: instantSchema, location: z.optional(geoPointSchema) })),
    photos: z.array(blobRefSchema),
    status: z.enum(SCORESHEET_STATUSES),
    abstainReason: z.optional(nonEmptyText(500)),
    submittedAt: z.optional(instantSchema),
  })
  .check(
    z.refine((s) => s.status !== 'abstained' || s.abstainReason !== undefined, {
      error: 'an abstained scoresheet needs a reason',
      path: ['abstainReason'],
    }),
  );
export type Scoresheet = z.infer<typeof scoresheetSchema>;
