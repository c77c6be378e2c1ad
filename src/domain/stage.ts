import * as z from 'zod/mini';
import { idSchema, instantSchema, nonEmptyText } from './common';
import { stageRankingSchema } from './stage-ranking';

export const STAGE_KINDS = ['administrative', 'desk', 'presentation', 'field'] as const;
export type StageKind = (typeof STAGE_KINDS)[number];

/** draft → open → closed → finalised; a rubric version is frozen once its stage opens. */
export const STAGE_STATES = ['draft', 'open', 'closed', 'finalised'] as const;
export type StageState = (typeof STAGE_STATES)[number];

export const advancementSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('topPerCategory'), count: z.int().check(z.gte(1)) }),
  z.object({ kind: z.literal('threshold'), minScore: z.number().check(z.gte(0), z.lte(100)) }),
  z.object({ kind: z.literal('none') }),
]);
export type Advancement = z.infer<typeof advancementSchema>;

/**
 * The entries the panitia confirmed to advance into a stage from the stage before it
 * (issue 6, item 3). Written on the receiving stage, which is still a draft then, because
 * the stage they come from is finalised and frozen. Optional: stages made before it, and
 * first stages, have none, and the panitia picks their entries by hand.
 */
export const stageEntrantsSchema = z.object({
  fromStageId: idSchema,
  entryIds: z.array(idSchema),
  confirmedAt: instantSchema,
  confirmedBy: idSchema,
});
export type StageEntrants = z.infer<typeof stageEntrantsSchema>;

export const stageSchema = z.object({
  id: idSchema,
  competitionId: idSchema,
  name: nonEmptyText(120),
  kind: z.enum(STAGE_KINDS),
  order: z.int().check(z.gte(0)),
  rubricId: idSchema,
  rubricVersion: z.int().check(z.gte(1)),
  advancement: advancementSchema,
  state: z.enum(STAGE_STATES),
  entrants: z.optional(stageEntrantsSchema),
  /** The ranking settings and plenary decisions; absent = the defaults (stage-ranking.ts). */
  ranking: z.optional(stageRankingSchema),
});
export type Stage = z.infer<typeof stageSchema>;
