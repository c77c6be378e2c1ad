import type {
  NotCountedScore,
  PanelScores,
  SubmittedScore,
  WeightedCriterion,
} from '../../../src/domain/results/panel-scores';

/**
 * A panel written as a table, the way a panel's score sheet looks on paper: one row per
 * entry, one column per judge, null where the judge has no counted score. Ids are short
 * names ("A", "j1") so a failing test reads like the table.
 */
export function panelFromTable(
  judgeIds: readonly string[],
  rows: Readonly<Record<string, readonly (number | null)[]>>,
  extra: {
    criteria?: WeightedCriterion[];
    /** Per entry, per judge (same columns): the raw criterion values behind the total. */
    criterionValues?: Readonly<Record<string, readonly (Record<string, number> | null)[]>>;
    notCounted?: NotCountedScore[];
  } = {},
): PanelScores {
  const scores: SubmittedScore[] = [];
  for (const [entryId, totals] of Object.entries(rows)) {
    totals.forEach((total, column) => {
      if (total === null) return;
      scores.push({
        judgeId: judgeIds[column]!,
        entryId,
        total,
        criterionValues: extra.criterionValues?.[entryId]?.[column] ?? {},
      });
    });
  }
  return {
    entryIds: Object.keys(rows),
    judgeIds,
    criteria: extra.criteria ?? [],
    scores,
    notCounted: extra.notCounted ?? [],
  };
}

export function round2(value: number | null | undefined): number {
  if (value === null || value === undefined) throw new Error(`expected a number, got ${value}`);
  return Math.round(value * 100) / 100;
}
