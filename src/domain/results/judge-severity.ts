import type { ScoreMatrix } from './score-matrix';
import { hasNoSpread, mean, sampleStandardDeviation } from './statistics';

export type SeverityFlag = 'harsher-than-panel' | 'more-lenient-than-panel';

export interface JudgeSeverity {
  judgeId: string;
  scoredEntries: number;
  /** Mean and sample standard deviation of this judge's totals (SD null with one total). */
  mean: number;
  standardDeviation: number | null;
  /** Entries this judge scored that at least one other judge scored too. */
  sharedEntries: number;
  /**
   * Mean over the shared entries of (this judge's total − the other judges' mean total on
   * that entry): negative for a harsh judge. Null when no entry is shared.
   */
  offsetFromPanel: number | null;
  flag: SeverityFlag | null;
}

export interface PanelSeverity {
  /** Mean and sample standard deviation of every counted total, for "versus the panel". */
  panelMean: number | null;
  panelStandardDeviation: number | null;
  /** Sample standard deviation of the judges' offsets: the first yardstick of the flag. */
  offsetStandardDeviation: number | null;
  judges: JudgeSeverity[];
}

/** The fewest judges with an offset for one of them to stand out from the others. */
export const MINIMUM_JUDGES_FOR_SEVERITY_FLAG = 3;
/** An offset smaller than this many panel standard deviations is not worth a flag. */
export const MATERIAL_OFFSET_IN_PANEL_SDS = 0.5;

/**
 * Each judge against the panel. A judge's own mean says little when judges scored
 * different entries (one may have drawn the weak ones), so the comparison is made entry by
 * entry: the judge's total minus the other judges' mean on the same entry, averaged.
 *
 * Flag rule, with at least three judges: a judge is far from the panel when
 * 1. |offset| is more than one standard deviation of all the judges' offsets — the judge
 *    stands out from colleagues (on a panel where everyone scored everything this is
 *    exactly |judge mean − mean of judge means| > 1 SD of the judge means); and
 * 2. |offset| is at least half a standard deviation of the panel's totals — a medium
 *    effect (Cohen's d = 0.5), so that on a panel in close agreement a judge who differs by
 *    a point or two is not flagged just because the others differ by less.
 */
export function judgeSeverity(matrix: ScoreMatrix): PanelSeverity {
  const judgeCount = matrix.judgeIds.length;
  const entryCount = matrix.entryIds.length;
  const rowSums = new Float64Array(entryCount);
  const rowCounts = new Int32Array(entryCount);
  const allTotals: number[] = [];
  for (let entry = 0; entry < entryCount; entry++) {
    for (let judge = 0; judge < judgeCount; judge++) {
      const total = matrix.totals[entry * judgeCount + judge] ?? NaN;
      if (Number.isNaN(total)) continue;
      rowSums[entry] = (rowSums[entry] ?? 0) + total;
      rowCounts[entry] = (rowCounts[entry] ?? 0) + 1;
      allTotals.push(total);
    }
  }

  const judges: JudgeSeverity[] = [];
  matrix.judgeIds.forEach((judgeId, judge) => {
    const own: number[] = [];
    const differences: number[] = [];
    for (let entry = 0; entry < entryCount; entry++) {
      const total = matrix.totals[entry * judgeCount + judge] ?? NaN;
      if (Number.isNaN(total)) continue;
      own.push(total);
      const others = (rowCounts[entry] ?? 0) - 1;
      if (others > 0) differences.push(total - ((rowSums[entry] ?? 0) - total) / others);
    }
    if (own.length === 0) return;
    judges.push({
      judgeId,
      scoredEntries: own.length,
      mean: mean(own),
      standardDeviation: nullIfNaN(sampleStandardDeviation(own)),
      sharedEntries: differences.length,
      offsetFromPanel: differences.length > 0 ? mean(differences) : null,
      flag: null,
    });
  });

  const panelStandardDeviation = nullIfNaN(sampleStandardDeviation(allTotals));
  const offsets = judges.flatMap((j) => (j.offsetFromPanel === null ? [] : [j.offsetFromPanel]));
  const offsetStandardDeviation = nullIfNaN(sampleStandardDeviation(offsets));
  if (
    offsets.length >= MINIMUM_JUDGES_FOR_SEVERITY_FLAG &&
    offsetStandardDeviation !== null &&
    panelStandardDeviation !== null &&
    !hasNoSpread(offsetStandardDeviation)
  ) {
    const materialOffset = MATERIAL_OFFSET_IN_PANEL_SDS * panelStandardDeviation;
    for (const judge of judges) {
      const offset = judge.offsetFromPanel;
      if (offset === null) continue;
      if (Math.abs(offset) <= offsetStandardDeviation || Math.abs(offset) < materialOffset)
        continue;
      judge.flag = offset < 0 ? 'harsher-than-panel' : 'more-lenient-than-panel';
    }
  }
  return {
    panelMean: nullIfNaN(mean(allTotals)),
    panelStandardDeviation,
    offsetStandardDeviation,
    judges,
  };
}

function nullIfNaN(value: number): number | null {
  return Number.isNaN(value) ? null : value;
}
