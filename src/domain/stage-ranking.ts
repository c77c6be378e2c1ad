import * as z from 'zod/mini';
import { idSchema, instantSchema, nonEmptyText } from './common';
import { criterionKeySchema } from './rubric';

/** The same rules as results/tie-break.ts TieBreakRule, as they are stored on a stage. */
export const tieBreakRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('criterion'), criterionKey: criterionKeySchema }),
  z.object({ kind: z.literal('mostFirstPlaces') }),
  z.object({ kind: z.literal('plenaryDecision') }),
]);
export type StoredTieBreakRule = z.infer<typeof tieBreakRuleSchema>;

/** One rule twice would only ever be asked again about what it already could not split. */
export function tieBreakRuleKey(rule: StoredTieBreakRule): string {
  return rule.kind === 'criterion' ? `criterion:${rule.criterionKey}` : rule.kind;
}

/**
 * The rapat pleno's order of entries its chain could not separate, kept with who recorded
 * it and when: the berita acara cites the reason, and a questioned ranking can be traced.
 */
export const plenaryDecisionRecordSchema = z.object({
  categoryId: idSchema,
  /** Best first. */
  entryIds: z.array(idSchema).check(
    z.minLength(2, { error: 'a plenary decision orders at least two entries' }),
    z.refine((ids) => new Set(ids).size === ids.length, {
      error: 'a plenary decision names each entry once',
    }),
  ),
  reason: nonEmptyText(1000),
  decidedAt: instantSchema,
  decidedBy: idSchema,
});
export type PlenaryDecisionRecord = z.infer<typeof plenaryDecisionRecordSchema>;

/**
 * How a stage ranks (issue 6, item 1), chosen by the panitia. Optional on the stage, so
 * stages made before it rank with the defaults. Like every stage setting it may change
 * until the stage is finalised and is frozen after (stage-lifecycle.ts).
 */
export const stageRankingSchema = z.object({
  /** Absent: the default chain (criteria by weight, first places, plenary). */
  tieBreakChain: z.optional(
    z.array(tieBreakRuleSchema).check(
      z.minLength(1, { error: 'a tie-break chain needs at least one rule' }),
      z.refine((rules) => new Set(rules.map(tieBreakRuleKey)).size === rules.length, {
        error: 'a tie-break chain names each rule once',
      }),
    ),
  ),
  /** Also rank by the mean without each entry's highest and lowest total (five judges or more). */
  trimmedMean: z.boolean(),
  plenaryDecisions: z.array(plenaryDecisionRecordSchema),
});
export type StageRanking = z.infer<typeof stageRankingSchema>;

/** What a stage without settings ranks by. */
export const DEFAULT_STAGE_RANKING: StageRanking = { trimmedMean: false, plenaryDecisions: [] };
