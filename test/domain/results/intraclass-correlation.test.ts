import { describe, expect, it } from 'vitest';
import { intraclassCorrelations } from '../../../src/domain/results/intraclass-correlation';
import { round2 } from './make-panel';

/**
 * Shrout, P. E. & Fleiss, J. L. (1979). Intraclass correlations: uses in assessing rater
 * reliability. Psychological Bulletin 86(2), 420–428.
 *
 * Table 2: four judges rate six targets. Table 3 gives the mean squares BMS = 11.24,
 * WMS = 6.26, JMS = 32.49, EMS = 1.02; Table 4 the six ICCs to two decimals:
 * ICC(1,1) = .17, ICC(2,1) = .29, ICC(3,1) = .71, ICC(1,4) = .44, ICC(2,4) = .62,
 * ICC(3,4) = .91. Rows are targets (here: entries), columns judges.
 */
const SHROUT_FLEISS_TABLE_2 = [
  [9, 2, 5, 8],
  [6, 1, 3, 2],
  [8, 4, 6, 8],
  [7, 1, 2, 6],
  [10, 5, 6, 9],
  [6, 2, 4, 7],
];

describe('intraclassCorrelations against Shrout & Fleiss (1979)', () => {
  const result = intraclassCorrelations(SHROUT_FLEISS_TABLE_2);
  if (!result.available) throw new Error('expected the ICC to be available');

  it('reproduces the mean squares of Table 3', () => {
    expect(result.entryCount).toBe(6);
    expect(result.judgeCount).toBe(4);
    expect(round2(result.meanSquares.betweenEntries)).toBe(11.24);
    expect(round2(result.meanSquares.withinEntries)).toBe(6.26);
    expect(round2(result.meanSquares.betweenJudges)).toBe(32.49);
    expect(round2(result.meanSquares.residual)).toBe(1.02);
  });

  it('reproduces the single-judge forms ICC(1,1), ICC(2,1), ICC(3,1) of Table 4', () => {
    expect(round2(result.singleJudge.oneWayRandom)).toBe(0.17);
    expect(round2(result.singleJudge.twoWayRandom)).toBe(0.29);
    expect(round2(result.singleJudge.twoWayMixed)).toBe(0.71);
  });

  it('reproduces the mean-of-judges forms ICC(1,4), ICC(2,4), ICC(3,4) of Table 4', () => {
    expect(round2(result.meanOfJudges.oneWayRandom)).toBe(0.44);
    expect(round2(result.meanOfJudges.twoWayRandom)).toBe(0.62);
    expect(round2(result.meanOfJudges.twoWayMixed)).toBe(0.91);
  });

  it('matches the exact values the published mean squares give', () => {
    // Worked by hand from the table: row sums 24, 12, 26, 16, 30, 19, column sums 46, 15,
    // 26, 40, grand total 127, Σx² = 841, correction 127² / 24 = 672.042.
    // SS targets = (24² + … + 19²) / 4 − 672.042 = 56.208, BMS = 56.208 / 5 = 11.2417;
    // SS judges = (46² + 15² + 26² + 40²) / 6 − 672.042 = 97.458; SS total = 168.958;
    // SS residual = 168.958 − 56.208 − 97.458 = 15.292, EMS = 15.292 / 15 = 1.01944.
    // ICC(3,1) = (11.2417 − 1.0194) / (11.2417 + 3 × 1.0194) = 10.2222 / 14.3 = 0.71484;
    // ICC(3,4) = 10.2222 / 11.2417 = 0.90932.
    expect(result.singleJudge.twoWayMixed).toBeCloseTo(0.71484, 5);
    expect(result.meanOfJudges.twoWayMixed).toBeCloseTo(0.90932, 5);
  });
});

describe('intraclassCorrelations on degenerate panels', () => {
  it('needs two entries and two judges', () => {
    expect(intraclassCorrelations([[70, 80]])).toEqual({
      available: false,
      reason: 'fewer-than-two-entries',
    });
    expect(intraclassCorrelations([[70], [80]])).toEqual({
      available: false,
      reason: 'fewer-than-two-judges',
    });
    expect(intraclassCorrelations([])).toEqual({
      available: false,
      reason: 'fewer-than-two-entries',
    });
  });

  it('gives null rather than NaN when every total is the same', () => {
    const result = intraclassCorrelations([
      [75, 75],
      [75, 75],
    ]);
    expect(result.available && result.singleJudge.twoWayMixed).toBeNull();
  });

  it('is 1 for judges who agree exactly', () => {
    const result = intraclassCorrelations([
      [60, 60, 60],
      [75, 75, 75],
      [90, 90, 90],
    ]);
    if (!result.available) throw new Error('expected the ICC to be available');
    expect(result.singleJudge.twoWayRandom).toBeCloseTo(1, 12);
    expect(result.meanOfJudges.oneWayRandom).toBeCloseTo(1, 12);
  });
});
