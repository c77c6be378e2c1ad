import type { PanelScores } from './panel-scores';
import type { ScoreMatrix } from './score-matrix';
import { SCORE_TOLERANCE } from './statistics';
import type { TieBreakValues } from './tie-break';

/**
 * The numbers the tie-break rules compare, from the raw submitted scores of the counted
 * judges. Computed on first use and kept: most entries never tie, and the budget has no
 * room for criterion means of 1,000 entries that nobody asks for. The normalised ranking
 * uses the same values, since a tie is settled on what the judges actually gave.
 */
export function tieBreakValuesOf(panel: PanelScores, matrix: ScoreMatrix): TieBreakValues {
  const judgeCount = matrix.judgeIds.length;
  const entryIndex = new Map(matrix.entryIds.map((id, index) => [id, index]));
  const criterionMeans = new Map<string, number | null>();
  let firstPlaceCounts: Int32Array | undefined;

  const criterionMean = (entryId: string, criterionKey: string): number | null => {
    const cacheKey = `${entryId}\u0000${criterionKey}`;
    const cached = criterionMeans.get(cacheKey);
    if (cached !== undefined) return cached;
    const entry = entryIndex.get(entryId) ?? -1;
    let sum = 0;
    let count = 0;
    for (let judge = 0; entry >= 0 && judge < judgeCount; judge++) {
      const score = panel.scores[matrix.scoreIndex[entry * judgeCount + judge] ?? -1];
      const value = score?.criterionValues[criterionKey];
      if (value === undefined || !Number.isFinite(value)) continue;
      sum += value;
      count++;
    }
    const result = count === 0 ? null : sum / count;
    criterionMeans.set(cacheKey, result);
    return result;
  };

  const firstPlaces = (entryId: string): number => {
    firstPlaceCounts ??= countFirstPlaces(matrix);
    return firstPlaceCounts[entryIndex.get(entryId) ?? -1] ?? 0;
  };

  return { criterionMean, firstPlaces };
}

/**
 * A first place is a judge's highest total among the entries that judge scored in this
 * panel; a judge whose highest total is shared gives each of those entries a first place.
 */
function countFirstPlaces(matrix: ScoreMatrix): Int32Array {
  const judgeCount = matrix.judgeIds.length;
  const entryCount = matrix.entryIds.length;
  const counts = new Int32Array(entryCount);
  for (let judge = 0; judge < judgeCount; judge++) {
    let highest = -Infinity;
    for (let entry = 0; entry < entryCount; entry++) {
      const total = matrix.totals[entry * judgeCount + judge] ?? NaN;
      if (total > highest) highest = total;
    }
    for (let entry = 0; entry < entryCount; entry++) {
      const total = matrix.totals[entry * judgeCount + judge] ?? NaN;
      if (highest - total <= SCORE_TOLERANCE) counts[entry] = (counts[entry] ?? 0) + 1;
    }
  }
  return counts;
}
