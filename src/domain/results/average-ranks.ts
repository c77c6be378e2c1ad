import { isSameScore } from './statistics';

/**
 * Ranks 1…n, lowest value first, where tied values share the mean of the ranks they span
 * (two values tied for 3rd and 4th both get 3.5). This is the ranking Kendall's W is
 * defined on; the direction does not matter to W, as long as every judge uses the same.
 */
export function averageRanks(values: readonly number[]): {
  ranks: number[];
  /** Σ (t³ − t) over the groups of t tied values: Kendall's correction term for this judge. */
  tieCorrection: number;
} {
  const order = values.map((_, index) => index).sort((a, b) => at(values, a) - at(values, b));
  const ranks = new Array<number>(values.length).fill(0);
  let tieCorrection = 0;
  for (let start = 0; start < order.length;) {
    const runValue = at(values, order[start] ?? 0);
    let end = start + 1;
    while (end < order.length && isSameScore(at(values, order[end] ?? 0), runValue)) end++;
    // Positions start … end − 1 are ranks start + 1 … end; their mean is the midpoint.
    const sharedRank = (start + 1 + end) / 2;
    for (let position = start; position < end; position++) ranks[order[position] ?? 0] = sharedRank;
    const size = end - start;
    tieCorrection += size * size * size - size;
    start = end;
  }
  return { ranks, tieCorrection };
}

function at(values: readonly number[], index: number): number {
  return values[index] ?? NaN;
}
