import type { PlenaryDecisionRecord, StageRanking } from './stage-ranking';

/** The chain with the rule at `index` moved one place up (-1) or down (+1). */
export function moveRule<T>(chain: readonly T[], index: number, step: -1 | 1): T[] {
  const target = index + step;
  const moved = [...chain];
  const rule = moved[index];
  const other = moved[target];
  if (rule === undefined || other === undefined) return moved;
  moved[index] = other;
  moved[target] = rule;
  return moved;
}

/**
 * The settings with a new plenary decision. It replaces any earlier decision of the same
 * category that shares an entry with it: an entry stands in one tie at a time, and the
 * latest word of the plenary is the one that counts.
 */
export function withPlenaryDecision(
  ranking: StageRanking,
  decision: PlenaryDecisionRecord,
): StageRanking {
  const kept = ranking.plenaryDecisions.filter(
    (d) =>
      d.categoryId !== decision.categoryId ||
      !d.entryIds.some((id) => decision.entryIds.includes(id)),
  );
  return { ...ranking, plenaryDecisions: [...kept, decision] };
}

/** The settings back on the default tie-break chain; the rest stays. */
export function withDefaultChain(ranking: StageRanking): StageRanking {
  return { trimmedMean: ranking.trimmedMean, plenaryDecisions: ranking.plenaryDecisions };
}
