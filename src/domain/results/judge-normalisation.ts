import type { EntryScores, ScoredEntry } from './entry-scores';
import { totalsOfJudge, type ScoreMatrix } from './score-matrix';
import { hasNoSpread, mean, sampleStandardDeviation } from './statistics';

/** Below three scores a judge's mean and spread are too unsteady to correct anyone by. */
export const MINIMUM_ENTRIES_FOR_NORMALISATION = 3;

export interface JudgeSpread {
  judgeId: string;
  scoredEntries: number;
  mean: number;
  /** Sample standard deviation; NaN with a single score. */
  standardDeviation: number;
}

/** What the results screen shows beside the normalised ranking. */
export interface NormalisationSummary {
  /** Mean and sample standard deviation of every counted total in the panel. */
  panelMean: number;
  panelStandardDeviation: number;
  judges: JudgeSpread[];
  /** Judges whose totals are all the same: z is undefined, so they are left out. */
  excludedJudgeIds: string[];
}

export type JudgeNormalisation =
  | ({
      available: true;
      /** Same layout as ScoreMatrix.totals; NaN where missing or the judge is excluded. */
      normalisedTotals: Float64Array;
    } & NormalisationSummary)
  | {
      available: false;
      reason: 'judge-scored-too-few-entries';
      minimumEntries: number;
      /** The judges below the minimum, with how many entries each scored. */
      judges: { judgeId: string; scoredEntries: number }[];
    }
  | { available: false; reason: 'no-scores' | 'no-judge-has-spread' };

/**
 * Per-judge z-scores mapped back onto the panel's scale, so that a harsh judge and a
 * lenient one count alike: normalised = panel mean + panel SD × (total − judge mean) /
 * judge SD. Offered only when every judge with a counted score scored at least three
 * entries; a judge with no spread is left out instead of dividing by zero. Judges with
 * no counted score are not part of the panel's scoring and are ignored.
 */
export function normaliseByJudge(matrix: ScoreMatrix): JudgeNormalisation {
  const judgeCount = matrix.judgeIds.length;
  const judges: JudgeSpread[] = [];
  const allTotals: number[] = [];
  matrix.judgeIds.forEach((judgeId, judge) => {
    const totals = totalsOfJudge(matrix, judge);
    if (totals.length === 0) return;
    allTotals.push(...totals);
    judges.push({
      judgeId,
      scoredEntries: totals.length,
      mean: mean(totals),
      standardDeviation: sampleStandardDeviation(totals),
    });
  });
  if (judges.length === 0) return { available: false, reason: 'no-scores' };

  const tooFew = judges.filter((j) => j.scoredEntries < MINIMUM_ENTRIES_FOR_NORMALISATION);
  if (tooFew.length > 0) {
    return {
      available: false,
      reason: 'judge-scored-too-few-entries',
      minimumEntries: MINIMUM_ENTRIES_FOR_NORMALISATION,
      judges: tooFew.map(({ judgeId, scoredEntries }) => ({ judgeId, scoredEntries })),
    };
  }
  const excludedJudgeIds = judges
    .filter((j) => hasNoSpread(j.standardDeviation))
    .map((j) => j.judgeId);
  if (excludedJudgeIds.length === judges.length) {
    return { available: false, reason: 'no-judge-has-spread' };
  }

  // A judge with spread exists, so the panel's totals have spread too.
  const panelMean = mean(allTotals);
  const panelStandardDeviation = sampleStandardDeviation(allTotals);
  const spreadByJudge = new Map(judges.map((j) => [j.judgeId, j]));
  const normalisedTotals = new Float64Array(matrix.totals.length).fill(NaN);
  matrix.judgeIds.forEach((judgeId, judge) => {
    const spread = spreadByJudge.get(judgeId);
    if (spread === undefined || hasNoSpread(spread.standardDeviation)) return;
    for (let cell = judge; cell < matrix.totals.length; cell += judgeCount) {
      const total = matrix.totals[cell] ?? NaN;
      const z = (total - spread.mean) / spread.standardDeviation;
      normalisedTotals[cell] = panelMean + panelStandardDeviation * z;
    }
  });
  return {
    available: true,
    panelMean,
    panelStandardDeviation,
    judges,
    excludedJudgeIds,
    normalisedTotals,
  };
}

/**
 * Entry scores from normalised totals: the mean over the judges not left out. An entry
 * scored only by left-out judges has no normalised score and is listed as unscored.
 */
export function normalisedScores(matrix: ScoreMatrix, normalisedTotals: Float64Array): EntryScores {
  const judgeCount = matrix.judgeIds.length;
  const scored: ScoredEntry[] = [];
  const unscoredEntryIds: string[] = [];
  matrix.entryIds.forEach((entryId, entry) => {
    let sum = 0;
    let count = 0;
    for (let judge = 0; judge < judgeCount; judge++) {
      const value = normalisedTotals[entry * judgeCount + judge] ?? NaN;
      if (Number.isNaN(value)) continue;
      sum += value;
      count++;
    }
    if (count === 0) unscoredEntryIds.push(entryId);
    else scored.push({ entryId, score: sum / count, judgeCount: count });
  });
  return { scored, unscoredEntryIds };
}
