import { averageRanks } from './average-ranks';

export interface KendallW {
  /** W corrected for ties: 12 S / (m² (n³ − n) − m Σ T). */
  w: number;
  /** W without the correction, 12 S / (m² (n³ − n)), for comparison with older tables. */
  uncorrectedW: number;
  /** Friedman's statistic with the same correction, m (n − 1) W, on n − 1 degrees of freedom. */
  chiSquare: number;
  degreesOfFreedom: number;
  /** m: the judges whose rankings are compared. */
  judgeCount: number;
  /** n: the entries ranked by every one of them. */
  entryCount: number;
  /** Σ over judges of Σ (t³ − t) over their groups of t tied totals. */
  tieCorrection: number;
}

export type KendallWOutcome =
  | ({ available: true } & KendallW)
  | {
      available: false;
      reason: 'fewer-than-two-judges' | 'fewer-than-two-entries' | 'every-judge-tied-every-entry';
    };

/**
 * Kendall's coefficient of concordance over the judges' rankings (Kendall & Babington
 * Smith 1939), with the correction for ties (Kendall 1948; Siegel & Castellan 1988).
 * 0 means the judges' rankings are unrelated, 1 that every judge ranked the entries alike.
 *
 * ratings[entry][judge] must be complete: every judge scored every entry (see
 * complete-block.ts). Each judge's totals are turned into average ranks; S is the sum of
 * squared deviations of the entries' rank sums from their mean m (n + 1) / 2.
 */
export function kendallW(ratings: readonly (readonly number[])[]): KendallWOutcome {
  const entryCount = ratings.length;
  const judgeCount = ratings[0]?.length ?? 0;
  // Entries first: with no rows there is no way to count the judges.
  if (entryCount < 2) return { available: false, reason: 'fewer-than-two-entries' };
  if (judgeCount < 2) return { available: false, reason: 'fewer-than-two-judges' };

  const rankSums = new Array<number>(entryCount).fill(0);
  let tieCorrection = 0;
  for (let judge = 0; judge < judgeCount; judge++) {
    const { ranks, tieCorrection: judgeTies } = averageRanks(
      ratings.map((row) => row[judge] ?? NaN),
    );
    ranks.forEach((rank, entry) => (rankSums[entry] = (rankSums[entry] ?? 0) + rank));
    tieCorrection += judgeTies;
  }

  const expectedRankSum = (judgeCount * (entryCount + 1)) / 2;
  const s = rankSums.reduce((sum, r) => sum + (r - expectedRankSum) ** 2, 0);
  const n3MinusN = entryCount ** 3 - entryCount;
  const denominator = judgeCount * judgeCount * n3MinusN - judgeCount * tieCorrection;
  // Only zero when every judge gave every entry the same total: nothing to agree about.
  if (denominator <= 0) return { available: false, reason: 'every-judge-tied-every-entry' };

  const w = (12 * s) / denominator;
  return {
    available: true,
    w,
    uncorrectedW: (12 * s) / (judgeCount * judgeCount * n3MinusN),
    chiSquare: judgeCount * (entryCount - 1) * w,
    degreesOfFreedom: entryCount - 1,
    judgeCount,
    entryCount,
    tieCorrection,
  };
}
