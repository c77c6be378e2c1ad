import { PanelDataError } from './panel-data-error';
import type { PanelScores } from './panel-scores';

/**
 * A panel's totals as one dense entry × judge table. Every statistic walks this table, so
 * it is a flat Float64Array (1,000 entries × 10 judges is 10,000 doubles) rather than
 * nested objects: the budget is 100 ms for ranking, normalisation and agreement together.
 */
export interface ScoreMatrix {
  entryIds: readonly string[];
  judgeIds: readonly string[];
  /** totals[entry × judgeCount + judge]; NaN where the judge has no counted score. */
  totals: Float64Array;
  /** Index into PanelScores.scores of the same cell, or −1: the way back to criterion values. */
  scoreIndex: Int32Array;
}

/** Builds the table and refuses input that contradicts itself. */
export function buildScoreMatrix(panel: PanelScores): ScoreMatrix {
  const entryIndex = indexOf(panel.entryIds, 'entry');
  const judgeIndex = indexOf(panel.judgeIds, 'judge');
  const judgeCount = panel.judgeIds.length;
  const size = panel.entryIds.length * judgeCount;
  const totals = new Float64Array(size).fill(NaN);
  const scoreIndex = new Int32Array(size).fill(-1);

  panel.scores.forEach((score, index) => {
    const entry = entryIndex.get(score.entryId);
    const judge = judgeIndex.get(score.judgeId);
    if (entry === undefined) {
      throw new PanelDataError(`A score names entry ${score.entryId}, which is not in the panel`);
    }
    if (judge === undefined) {
      throw new PanelDataError(`A score names judge ${score.judgeId}, who is not on the panel`);
    }
    if (!Number.isFinite(score.total)) {
      throw new PanelDataError(
        `Judge ${score.judgeId} has a total of ${score.total} for entry ${score.entryId}`,
      );
    }
    const cell = entry * judgeCount + judge;
    if (scoreIndex[cell] !== -1) {
      throw new PanelDataError(
        `Judge ${score.judgeId} has more than one counted score for entry ${score.entryId}`,
      );
    }
    totals[cell] = score.total;
    scoreIndex[cell] = index;
  });
  return { entryIds: panel.entryIds, judgeIds: panel.judgeIds, totals, scoreIndex };
}

/** The counted totals of one entry, in judge order, missing cells left out. */
export function totalsOfEntry(matrix: ScoreMatrix, entry: number): number[] {
  const judgeCount = matrix.judgeIds.length;
  const totals: number[] = [];
  for (let judge = 0; judge < judgeCount; judge++) {
    const total = matrix.totals[entry * judgeCount + judge] ?? NaN;
    if (!Number.isNaN(total)) totals.push(total);
  }
  return totals;
}

/** The counted totals of one judge, in entry order, missing cells left out. */
export function totalsOfJudge(matrix: ScoreMatrix, judge: number): number[] {
  const judgeCount = matrix.judgeIds.length;
  const totals: number[] = [];
  for (let entry = 0; entry < matrix.entryIds.length; entry++) {
    const total = matrix.totals[entry * judgeCount + judge] ?? NaN;
    if (!Number.isNaN(total)) totals.push(total);
  }
  return totals;
}

function indexOf(ids: readonly string[], what: 'entry' | 'judge'): Map<string, number> {
  const index = new Map<string, number>();
  ids.forEach((id, position) => {
    if (index.has(id)) throw new PanelDataError(`The ${what} ${id} is listed twice`);
    index.set(id, position);
  });
  return index;
}
