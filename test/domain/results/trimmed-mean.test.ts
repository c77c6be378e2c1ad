import { describe, expect, it } from 'vitest';
import { trimmedMean } from '../../../src/domain/results/entry-scores';
import { computePanelResults } from '../../../src/domain/results/panel-results';
import { panelFromTable } from './make-panel';

const FIVE = ['j1', 'j2', 'j3', 'j4', 'j5'];

describe('trimmed-mean ranking', () => {
  it('drops each entry’s highest and lowest total on a panel of five', () => {
    // A: one judge's 20 drags the mean to 70; without 90 and 20 it is (80 + 80 + 80) / 3 = 80.
    // B: 76 from everyone, trimmed or not. The trimmed ranking puts A first, the mean B.
    const results = computePanelResults(
      panelFromTable(FIVE, { A: [90, 80, 80, 80, 20], B: [76, 76, 76, 76, 76] }),
      { includeTrimmedMean: true },
    );
    expect(results.rawRanking.entries.map((e) => [e.entryId, e.score])).toEqual([
      ['B', 76],
      ['A', 70],
    ]);
    const trimmed = results.trimmedMeanRanking;
    if (trimmed?.available !== true) throw new Error('expected the trimmed mean');
    expect(trimmed.ranking.entries.map((e) => [e.entryId, e.score, e.judgeCount])).toEqual([
      ['A', 80, 5],
      ['B', 76, 5],
    ]);
  });

  it('is not offered when an entry has fewer than five counted totals, and says which', () => {
    // j5 abstained on C: with four totals left, C cannot be trimmed like the others.
    const results = computePanelResults(
      panelFromTable(FIVE, { A: [90, 80, 80, 80, 20], C: [70, 72, 74, 76, null] }),
      { includeTrimmedMean: true },
    );
    expect(results.trimmedMeanRanking).toEqual({
      available: false,
      reason: 'entries-with-fewer-than-five-scores',
      entries: [{ entryId: 'C', judgeCount: 4 }],
    });
  });

  it('is not offered to a panel of four', () => {
    const results = computePanelResults(
      panelFromTable(['j1', 'j2', 'j3', 'j4'], { A: [90, 80, 80, 20] }),
      { includeTrimmedMean: true },
    );
    expect(results.trimmedMeanRanking).toMatchObject({ available: false });
  });

  it('is left out unless asked for', () => {
    const results = computePanelResults(panelFromTable(FIVE, { A: [90, 80, 80, 80, 20] }));
    expect(results.trimmedMeanRanking).toBeNull();
  });
});

describe('trimmedMean', () => {
  it('drops one highest and one lowest value, even when they are repeated', () => {
    expect(trimmedMean([50, 50, 60, 90, 90])).toBeCloseTo((50 + 60 + 90) / 3, 12);
    expect(trimmedMean([70, 80])).toBeNaN();
  });
});
