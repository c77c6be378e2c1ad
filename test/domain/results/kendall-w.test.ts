import { describe, expect, it } from 'vitest';
import { averageRanks } from '../../../src/domain/results/average-ranks';
import { kendallW } from '../../../src/domain/results/kendall-w';

/**
 * Hollander, M. & Wolfe, D. A. (1973). Nonparametric Statistical Methods, p. 140ff:
 * 22 baseball players each round first base by three methods (round out, narrow angle,
 * wide angle); the value is each player's mean time in seconds. This is the example of
 * R's stats::friedman.test, which reports "Friedman chi-squared = 11.143, df = 2" with the
 * correction for ties. Kendall's W is the same statistic rescaled: W = χ² / (m (n − 1)).
 *
 * Here the players are the "judges" (m = 22) ranking the methods (n = 3), so the rows
 * below (one per method, as ratings[entry][judge] wants) are the book's columns.
 *
 * Checked by hand, ranking each player's three times lowest first (ties share the mean):
 * rank sums R = 53 (round out), 47 (narrow), 32 (wide); their mean m (n + 1) / 2 = 44, so
 * S = 9² + 3² + 12² = 234. Players 7, 15, 17 and 22 each tie two methods: Σ (t³ − t) =
 * 4 × 6 = 24. W = 12 S / (m² (n³ − n) − m Σ T) = 2808 / (484 × 24 − 22 × 24) = 2808 / 11088
 * = 0.253247 (uncorrected: 2808 / 11616 = 0.241736); χ² = 22 × 2 × W = 11.1429.
 */
const ROUNDING_TIMES = [
  [5.4, 5.5, 5.55],
  [5.85, 5.7, 5.75],
  [5.2, 5.6, 5.5],
  [5.55, 5.5, 5.4],
  [5.9, 5.85, 5.7],
  [5.45, 5.55, 5.6],
  [5.4, 5.4, 5.35],
  [5.45, 5.5, 5.35],
  [5.25, 5.15, 5.0],
  [5.85, 5.8, 5.7],
  [5.25, 5.2, 5.1],
  [5.65, 5.55, 5.45],
  [5.6, 5.35, 5.45],
  [5.05, 5.0, 4.95],
  [5.5, 5.5, 5.4],
  [5.45, 5.55, 5.5],
  [5.55, 5.55, 5.35],
  [5.45, 5.5, 5.55],
  [5.5, 5.45, 5.25],
  [5.65, 5.6, 5.4],
  [5.7, 5.65, 5.55],
  [6.3, 6.3, 6.25],
];
const byMethod = [0, 1, 2].map((method) => ROUNDING_TIMES.map((player) => player[method]!));

describe('kendallW against Hollander & Wolfe (1973), rounding first base', () => {
  const result = kendallW(byMethod);
  if (!result.available) throw new Error('expected W to be available');

  it('gives the tie-corrected Friedman statistic R reports, 11.143 on 2 df', () => {
    expect(result.judgeCount).toBe(22);
    expect(result.entryCount).toBe(3);
    expect(result.chiSquare.toFixed(3)).toBe('11.143');
    expect(result.degreesOfFreedom).toBe(2);
  });

  it('gives W corrected for ties as derived by hand', () => {
    expect(result.tieCorrection).toBe(24);
    expect(result.w).toBeCloseTo(2808 / 11088, 12);
    expect(result.uncorrectedW).toBeCloseTo(2808 / 11616, 12);
  });
});

describe('kendallW on hand-made panels', () => {
  it('applies the tie correction to a small panel with ties (worked by hand)', () => {
    // Three judges, four entries (rows). Ranks, lowest total = 1:
    //   judge 1: 90 80 80 70 → 4, 2.5, 2.5, 1   (one pair tied: 2³ − 2 = 6)
    //   judge 2: 85 85 75 65 → 3.5, 3.5, 2, 1   (one pair tied: 6)
    //   judge 3: 88 78 80 60 → 4, 2, 3, 1
    // Rank sums 11.5, 8, 7.5, 3; mean 7.5; S = 16 + 0.25 + 0 + 20.25 = 36.5.
    // W = 12 × 36.5 / (3² × (4³ − 4) − 3 × 12) = 438 / 504 = 0.869048; uncorrected 438 / 540.
    const result = kendallW([
      [90, 85, 88],
      [80, 85, 78],
      [80, 75, 80],
      [70, 65, 60],
    ]);
    expect(result).toMatchObject({ available: true, tieCorrection: 12, judgeCount: 3 });
    if (!result.available) return;
    expect(result.w).toBeCloseTo(438 / 504, 12);
    expect(result.uncorrectedW).toBeCloseTo(438 / 540, 12);
  });

  it('is 1 when every judge ranks alike and 0 when two judges rank in reverse', () => {
    const alike = kendallW([
      [90, 70, 95],
      [80, 60, 85],
      [70, 50, 75],
    ]);
    expect(alike.available && alike.w).toBeCloseTo(1, 12);
    const reversed = kendallW([
      [90, 70],
      [80, 80],
      [70, 90],
    ]);
    expect(reversed.available && reversed.w).toBeCloseTo(0, 12);
  });

  it('says why it cannot be computed', () => {
    expect(kendallW([])).toEqual({ available: false, reason: 'fewer-than-two-entries' });
    expect(kendallW([[80], [70]])).toEqual({ available: false, reason: 'fewer-than-two-judges' });
    expect(
      kendallW([
        [80, 70],
        [80, 70],
      ]),
    ).toEqual({ available: false, reason: 'every-judge-tied-every-entry' });
  });
});

describe('averageRanks', () => {
  it('gives tied values the mean of the ranks they span, and the tie term', () => {
    expect(averageRanks([70, 90, 80, 80, 80, 60])).toEqual({
      ranks: [2, 6, 4, 4, 4, 1],
      tieCorrection: 3 ** 3 - 3,
    });
  });

  it('treats totals that differ only by floating-point noise as tied', () => {
    expect(averageRanks([(0.1 + 0.2) * 100, 30, 20]).ranks).toEqual([2.5, 2.5, 1]);
  });
});
