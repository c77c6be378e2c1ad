import { describe, expect, it } from 'vitest';
import { computePanelResults } from '../../../src/domain/results/panel-results';
import { panelFromTable } from './make-panel';

describe('normalised ranking', () => {
  it('maps each judge’s z-scores onto the panel’s mean and standard deviation', () => {
    // j1 scores 60, 70, 80 (mean 70, SD 10); j2 scores 80, 85, 90 (mean 85, SD 5). Both
    // rank X < Y < Z with z = −1, 0, +1. All six totals: mean 77.5, sample variance
    // (17.5² + 7.5² + 2.5² + 2.5² + 7.5² + 12.5²) / 5 = 587.5 / 5 = 117.5.
    const results = computePanelResults(
      panelFromTable(['j1', 'j2'], { X: [60, 80], Y: [70, 85], Z: [80, 90] }),
    );
    const normalised = results.normalisedRanking;
    if (!normalised.available) throw new Error(`unavailable: ${normalised.reason}`);
    expect(normalised.panelMean).toBeCloseTo(77.5, 12);
    expect(normalised.panelStandardDeviation).toBeCloseTo(Math.sqrt(117.5), 12);
    expect(normalised.excludedJudgeIds).toEqual([]);
    const scores = Object.fromEntries(normalised.ranking.entries.map((e) => [e.entryId, e.score]));
    expect(scores['Z']).toBeCloseTo(77.5 + Math.sqrt(117.5), 12);
    expect(scores['Y']).toBeCloseTo(77.5, 12);
    expect(scores['X']).toBeCloseTo(77.5 - Math.sqrt(117.5), 12);
  });

  it('lifts an entry that drew the harsh judge above one that did not', () => {
    // j3 is harsh (mean 50) and did not score Q. Raw, Q (81.5) leads P (77); but j3 put P
    // far above their own mean (z = 20 / 18.03 = 1.11), so after normalisation P leads.
    const results = computePanelResults(
      panelFromTable(['j1', 'j2', 'j3'], {
        P: [81, 80, 70],
        Q: [82, 81, null],
        R: [70, 69, 45],
        S: [60, 59, 35],
      }),
    );
    expect(results.rawRanking.entries.map((e) => e.entryId)).toEqual(['Q', 'P', 'R', 'S']);
    const normalised = results.normalisedRanking;
    if (!normalised.available) throw new Error(`unavailable: ${normalised.reason}`);
    expect(normalised.ranking.entries.map((e) => e.entryId)).toEqual(['P', 'Q', 'R', 'S']);

    // P by hand: judge means 73.25, 72.25, 50 and SDs s₁ = s₂ = √(322.75 / 3), s₃ = √325;
    // the panel's 11 totals have mean 732 / 11 and their own sample SD.
    const totals = [81, 80, 70, 82, 81, 70, 69, 45, 60, 59, 35];
    const panelMean = 732 / 11;
    const panelSd = Math.sqrt(totals.reduce((s, x) => s + (x - panelMean) ** 2, 0) / 10);
    const s12 = Math.sqrt(322.75 / 3);
    const zP = [(81 - 73.25) / s12, (80 - 72.25) / s12, (70 - 50) / Math.sqrt(325)];
    const expectedP = zP.reduce((s, z) => s + panelMean + panelSd * z, 0) / 3;
    expect(normalised.ranking.entries[0]!.score).toBeCloseTo(expectedP, 10);
  });

  it('is not offered while a judge has scored fewer than three entries, and says who', () => {
    const results = computePanelResults(
      panelFromTable(['j1', 'j2'], { A: [70, 80], B: [75, null], C: [80, 90] }),
    );
    expect(results.normalisedRanking).toEqual({
      available: false,
      reason: 'judge-scored-too-few-entries',
      minimumEntries: 3,
      judges: [{ judgeId: 'j2', scoredEntries: 2 }],
    });
  });

  it('leaves out a judge whose totals have no spread, and says which', () => {
    // j3 gave everything 75: no z-score exists. W was scored by j3 alone, so it has a raw
    // score but no normalised one.
    const results = computePanelResults(
      panelFromTable(['j1', 'j2', 'j3'], {
        X: [60, 80, 75],
        Y: [70, 85, 75],
        Z: [80, 90, 75],
        W: [null, null, 75],
      }),
    );
    const normalised = results.normalisedRanking;
    if (!normalised.available) throw new Error(`unavailable: ${normalised.reason}`);
    expect(normalised.excludedJudgeIds).toEqual(['j3']);
    expect(normalised.ranking.entries.map((e) => [e.entryId, e.judgeCount])).toEqual([
      ['Z', 2],
      ['Y', 2],
      ['X', 2],
    ]);
    expect(normalised.ranking.unscoredEntryIds).toEqual(['W']);
    expect(results.rawRanking.entries.map((e) => e.entryId)).toContain('W');
  });

  it('is not offered when no judge has any spread', () => {
    const results = computePanelResults(
      panelFromTable(['j1', 'j2'], { A: [70, 80], B: [70, 80], C: [70, 80] }),
    );
    expect(results.normalisedRanking).toEqual({ available: false, reason: 'no-judge-has-spread' });
  });

  it('is not offered before anyone has scored', () => {
    const results = computePanelResults(panelFromTable([], { A: [] }));
    expect(results.normalisedRanking).toEqual({ available: false, reason: 'no-scores' });
  });
});
