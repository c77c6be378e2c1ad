/**
 * Totals live on 0–100. Two computed numbers closer than this are the same number: a
 * mean of (80, 90) and of (90, 80), or two totals reached through different weights, can
 * differ in the last bits of a double, and a ranking must not turn that noise into an order.
 */
export const SCORE_TOLERANCE = 1e-9;

/** Arithmetic mean; NaN for no values, so a caller cannot mistake "no data" for 0. */
export function mean(values: ArrayLike<number>): number {
  if (values.length === 0) return NaN;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] ?? 0;
  return sum / values.length;
}

/**
 * Sample standard deviation (divisor n − 1), computed in two passes so that totals near
 * 100 with a small spread keep their precision. NaN for fewer than two values: one score
 * says nothing about spread.
 */
export function sampleStandardDeviation(values: ArrayLike<number>): number {
  if (values.length < 2) return NaN;
  const centre = mean(values);
  let squares = 0;
  for (let i = 0; i < values.length; i++) {
    const deviation = (values[i] ?? 0) - centre;
    squares += deviation * deviation;
  }
  return Math.sqrt(squares / (values.length - 1));
}

/** True when a spread is too small to divide by: the scores have no spread at all. */
export function hasNoSpread(standardDeviation: number): boolean {
  return !(standardDeviation > SCORE_TOLERANCE);
}

/** Two scores (or criterion means) that a ranking must treat as equal. */
export function isSameScore(a: number, b: number): boolean {
  return Math.abs(a - b) <= SCORE_TOLERANCE;
}
