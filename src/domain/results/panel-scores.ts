/**
 * The plain input of every results function: one panel, that is one stage and one
 * category, as ids and numbers. category-panels-from-records.ts builds it from the stored records;
 * tests and benchmarks write it by hand.
 */
export interface PanelScores {
  /** Every entry of the panel, including those no judge has scored yet. */
  entryIds: readonly string[];
  /** Every judge who has at least one counted score in the panel. */
  judgeIds: readonly string[];
  /** The rubric's criteria with their weights, for the default tie-break chain. */
  criteria: readonly WeightedCriterion[];
  /** Submitted scores only: one per judge and entry, at most. */
  scores: readonly SubmittedScore[];
  /**
   * Scores that exist but do not count (an abstention, a recusal, a sheet not submitted).
   * They are missing from `scores`, so they never pull an entry's mean down; they are
   * listed so the results screen can say why a judge is absent.
   */
  notCounted: readonly NotCountedScore[];
}

export interface WeightedCriterion {
  key: string;
  weight: number;
}

export interface SubmittedScore {
  judgeId: string;
  entryId: string;
  /** The judge's total on 0–100 (computeScoreTotal). */
  total: number;
  /** Raw values as the judge gave them, by criterion key; the tie-break compares their means. */
  criterionValues: Readonly<Record<string, number>>;
}

export const NOT_COUNTED_REASONS = [
  'abstained',
  'recused',
  'not-submitted',
  'incomplete',
  'assignment-withdrawn',
] as const;
export type NotCountedReason = (typeof NOT_COUNTED_REASONS)[number];

export interface NotCountedScore {
  judgeId: string;
  entryId: string;
  reason: NotCountedReason;
  /** The judge's abstain reason or the panitia's recusal reason, when there is one. */
  note: string;
}
