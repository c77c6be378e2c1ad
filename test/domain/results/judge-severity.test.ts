import { describe, expect, it } from 'vitest';
import { computePanelResults } from '../../../src/domain/results/panel-results';
import { panelFromTable } from './make-panel';

describe('judge severity', () => {
  it('flags the judge far below a panel that scored everything', () => {
    // Judge means 80, 82, 78, 60. Against the other three on the same entry, j4 is −20 on
    // every entry; j1 +6.67, j2 +9.33, j3 +4. The SD of the four offsets is 13.51, and half
    // the panel SD of all twelve totals is 6.26: only j4 is beyond both.
    const results = computePanelResults(
      panelFromTable(['j1', 'j2', 'j3', 'j4'], {
        A: [70, 72, 68, 50],
        B: [80, 82, 78, 60],
        C: [90, 92, 88, 70],
      }),
    );
    const { severity } = results;
    expect(severity.panelMean).toBeCloseTo(75, 12);
    expect(severity.offsetStandardDeviation).toBeCloseTo(13.51, 2);
    expect(
      severity.judges.map((j) => [j.judgeId, j.mean, round(j.offsetFromPanel), j.flag]),
    ).toEqual([
      ['j1', 80, 6.67, null],
      ['j2', 82, 9.33, null],
      ['j3', 78, 4, null],
      ['j4', 60, -20, 'harsher-than-panel'],
    ]);
    expect(severity.judges[0]!.standardDeviation).toBeCloseTo(10, 12);
  });

  it('does not flag a judge who only drew the weak entries', () => {
    // j3 scored only W1 and W2 (mean 40, against j1's 89) but agrees with the others there.
    // j4 is 1.5 below the others: more than the SD of the offsets (0.97) but far below half
    // the panel SD of the totals (about 13), so not worth a flag.
    const results = computePanelResults(
      panelFromTable(['j1', 'j2', 'j3', 'j4'], {
        S1: [90, 91, null, 89],
        S2: [88, 87, null, null],
        W1: [null, 41, 40, 39],
        W2: [null, 39, 40, null],
      }),
    );
    const byJudge = Object.fromEntries(results.severity.judges.map((j) => [j.judgeId, j]));
    expect(byJudge['j3']).toMatchObject({ mean: 40, offsetFromPanel: 0.5, flag: null });
    expect(byJudge['j4']).toMatchObject({ offsetFromPanel: -1.5, flag: null });
    expect(results.severity.judges.every((j) => j.flag === null)).toBe(true);
  });

  it('flags no one with fewer than three judges', () => {
    const results = computePanelResults(
      panelFromTable(['j1', 'j2'], { A: [90, 40], B: [95, 45], C: [85, 35] }),
    );
    expect(results.severity.judges.map((j) => j.offsetFromPanel)).toEqual([50, -50]);
    expect(results.severity.judges.map((j) => j.flag)).toEqual([null, null]);
  });
});

function round(value: number | null): number | null {
  return value === null ? null : Math.round(value * 100) / 100;
}
