import { totalsOfEntry, type ScoreMatrix } from './score-matrix';
import { mean } from './statistics';

/** An entry with the score a ranking orders by. */
export interface ScoredEntry {
  entryId: string;
  score: number;
  /** How many judges' totals the score rests on. */
  judgeCount: number;
}

export interface EntryScores {
  scored: ScoredEntry[];
  /** Entries without a single counted total: they cannot be ranked yet. */
  unscoredEntryIds: string[];
}

/**
 * An entry's score is the mean of its counted totals, never the sum: an abstention, a
 * recusal or a judge who did not get to it must not cost the entry anything.
 */
export function meanScores(matrix: ScoreMatrix): EntryScores {
  return scoresBy(matrix, (totals) => mean(totals));
}

/** The fewest totals an entry needs before its highest and lowest may be dropped. */
export const TRIMMED_MEAN_MINIMUM_TOTALS = 5;

export type TrimmedMeanScores =
  | ({ available: true } & EntryScores)
  | {
      available: false;
      reason: 'entries-with-fewer-than-five-scores';
      entries: { entryId: string; judgeCount: number }[];
    };

/**
 * Drops each entry's highest and lowest total. Only offered when every scored entry has at
 * least five totals: with four, dropping two leaves half the panel; and an entry trimmed
 * beside one that was not would be measured by a different rule.
 */
export function trimmedMeanScores(matrix: ScoreMatrix): TrimmedMeanScores {
  const short = matrix.entryIds
    .map((entryId, entry) => ({ entryId, judgeCount: totalsOfEntry(matrix, entry).length }))
    .filter((e) => e.judgeCount > 0 && e.judgeCount < TRIMMED_MEAN_MINIMUM_TOTALS);
  if (short.length > 0) {
    return { available: false, reason: 'entries-with-fewer-than-five-scores', entries: short };
  }
  return { available: true, ...scoresBy(matrix, trimmedMean) };
}

/** The mean without one highest and one lowest value; NaN for fewer than three values. */
export function trimmedMean(values: readonly number[]): number {
  if (values.length < 3) return NaN;
  let sum = 0;
  let highest = -Infinity;
  let lowest = Infinity;
  for (const value of values) {
    sum += value;
    if (value > highest) highest = value;
    if (value < lowest) lowest = value;
  }
  return (sum - highest - lowest) / (values.length - 2);
}

function scoresBy(matrix: ScoreMatrix, score: (totals: number[]) => number): EntryScores {
  const scored: ScoredEntry[] = [];
  const unscoredEntryIds: string[] = [];
  matrix.entryIds.forEach((entryId, entry) => {
    const totals = totalsOfEntry(matrix, entry);
    if (totals.length === 0) unscoredEntryIds.push(entryId);
    else scored.push({ entryId, score: score(totals), judgeCount: totals.length });
  });
  return { scored, unscoredEntryIds };
}
