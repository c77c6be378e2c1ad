/** The mean squares of the two-way analysis of variance (Shrout & Fleiss 1979, Table 1). */
export interface MeanSquares {
  /** BMS: between entries ("targets"). */
  betweenEntries: number;
  /** WMS: within entries, judges and residual pooled (the one-way model). */
  withinEntries: number;
  /** JMS: between judges. */
  betweenJudges: number;
  /** EMS: residual. */
  residual: number;
}

/**
 * The six Shrout–Fleiss forms. Null where the form's denominator is zero (no variation at
 * all), rather than a division by zero that a screen would print as NaN.
 */
export interface IccForms {
  /** ICC(1,·): each entry judged by its own random judges (one-way random). */
  oneWayRandom: number | null;
  /** ICC(2,·): judges a random sample of possible judges, absolute agreement (two-way random). */
  twoWayRandom: number | null;
  /** ICC(3,·): these judges and no others, consistency (two-way mixed). */
  twoWayMixed: number | null;
}

export interface IntraclassCorrelations {
  entryCount: number;
  judgeCount: number;
  meanSquares: MeanSquares;
  /** ICC(1,1), ICC(2,1), ICC(3,1): how reliable one judge's total is. */
  singleJudge: IccForms;
  /**
   * ICC(1,k), ICC(2,k), ICC(3,k): how reliable the mean of the k judges is, which is what an
   * entry's score is. ICC(2,k) is the one to quote when another panel might have judged.
   */
  meanOfJudges: IccForms;
}

export type IntraclassCorrelationOutcome =
  | ({ available: true } & IntraclassCorrelations)
  | { available: false; reason: 'fewer-than-two-judges' | 'fewer-than-two-entries' };

/**
 * Shrout, P. E. & Fleiss, J. L. (1979). Intraclass correlations: uses in assessing rater
 * reliability. Psychological Bulletin 86(2), 420–428. ratings[entry][judge], complete.
 */
export function intraclassCorrelations(
  ratings: readonly (readonly number[])[],
): IntraclassCorrelationOutcome {
  const n = ratings.length;
  const k = ratings[0]?.length ?? 0;
  // Entries first: with no rows there is no way to count the judges.
  if (n < 2) return { available: false, reason: 'fewer-than-two-entries' };
  if (k < 2) return { available: false, reason: 'fewer-than-two-judges' };

  let grandSum = 0;
  const rowMeans = new Array<number>(n).fill(0);
  const columnSums = new Array<number>(k).fill(0);
  ratings.forEach((row, entry) => {
    let rowSum = 0;
    for (let judge = 0; judge < k; judge++) {
      const x = row[judge] ?? NaN;
      rowSum += x;
      columnSums[judge] = (columnSums[judge] ?? 0) + x;
    }
    rowMeans[entry] = rowSum / k;
    grandSum += rowSum;
  });
  const grandMean = grandSum / (n * k);

  let totalSquares = 0;
  for (const row of ratings) {
    for (let judge = 0; judge < k; judge++) totalSquares += ((row[judge] ?? NaN) - grandMean) ** 2;
  }
  const entrySquares = k * rowMeans.reduce((sum, m) => sum + (m - grandMean) ** 2, 0);
  const judgeSquares = n * columnSums.reduce((sum, s) => sum + (s / n - grandMean) ** 2, 0);
  const residualSquares = totalSquares - entrySquares - judgeSquares;

  const bms = entrySquares / (n - 1);
  const jms = judgeSquares / (k - 1);
  const ems = residualSquares / ((n - 1) * (k - 1));
  const wms = (judgeSquares + residualSquares) / (n * (k - 1));

  return {
    available: true,
    entryCount: n,
    judgeCount: k,
    meanSquares: { betweenEntries: bms, withinEntries: wms, betweenJudges: jms, residual: ems },
    singleJudge: {
      oneWayRandom: ratio(bms - wms, bms + (k - 1) * wms),
      twoWayRandom: ratio(bms - ems, bms + (k - 1) * ems + (k * (jms - ems)) / n),
      twoWayMixed: ratio(bms - ems, bms + (k - 1) * ems),
    },
    meanOfJudges: {
      oneWayRandom: ratio(bms - wms, bms),
      twoWayRandom: ratio(bms - ems, bms + (jms - ems) / n),
      twoWayMixed: ratio(bms - ems, bms),
    },
  };
}

function ratio(numerator: number, denominator: number): number | null {
  return Math.abs(denominator) < 1e-12 ? null : numerator / denominator;
}
