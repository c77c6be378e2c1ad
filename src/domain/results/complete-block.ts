import type { ScoreMatrix } from './score-matrix';

/**
 * The entries that every judge with a counted score scored, as an entry × judge table.
 * Kendall's W and the Shrout–Fleiss ICC are defined on complete blocks only; rather than
 * impute a missing score (which would invent agreement), an entry that any judge did not
 * score is left out, and the results say how many entries the statistics rest on.
 */
export interface CompleteBlock {
  judgeIds: string[];
  entryIds: string[];
  /** Scored entries left out because at least one judge did not score them. */
  leftOutEntryIds: string[];
  /** ratings[entry][judge], rows in entryIds order, columns in judgeIds order. */
  ratings: number[][];
}

export function completeBlock(matrix: ScoreMatrix): CompleteBlock {
  const judgeCount = matrix.judgeIds.length;
  const scores = matrix.totals;
  const activeJudges: number[] = [];
  for (let judge = 0; judge < judgeCount; judge++) {
    for (let cell = judge; cell < scores.length; cell += judgeCount) {
      if (!Number.isNaN(scores[cell] ?? NaN)) {
        activeJudges.push(judge);
        break;
      }
    }
  }

  const entryIds: string[] = [];
  const leftOutEntryIds: string[] = [];
  const ratings: number[][] = [];
  matrix.entryIds.forEach((entryId, entry) => {
    const row = activeJudges.map((judge) => scores[entry * judgeCount + judge] ?? NaN);
    const scoredBy = row.filter((total) => !Number.isNaN(total)).length;
    if (scoredBy === 0) return;
    if (scoredBy < row.length) {
      leftOutEntryIds.push(entryId);
      return;
    }
    entryIds.push(entryId);
    ratings.push(row);
  });
  return {
    judgeIds: activeJudges.map((judge) => matrix.judgeIds[judge] ?? ''),
    entryIds,
    leftOutEntryIds,
    ratings,
  };
}
