import { mean, sampleStandardDeviation } from '../../domain/results/statistics';

/** Lowest, highest, mean and sample SD (0 with one value) of some totals, for the charts. */
export function totalsSpread(totals: readonly number[]) {
  if (totals.length === 0) return { min: 0, max: 0, mean: 0, sd: 0 };
  const sd = sampleStandardDeviation(totals);
  return {
    min: Math.min(...totals),
    max: Math.max(...totals),
    mean: mean(totals),
    sd: Number.isNaN(sd) ? 0 : sd,
  };
}
