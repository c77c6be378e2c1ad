import { describe, expect, it } from 'vitest';
import { PanelDataError } from '../../../src/domain/results/panel-data-error';
import { computePanelResults } from '../../../src/domain/results/panel-results';
import { panelFromTable } from './make-panel';

describe('agreement over the complete block', () => {
  it('uses only the entries every judge scored, and says which were left out', () => {
    // D was not scored by j3, E by nobody: W and the ICC rest on A, B, C (n = 3, m = 3).
    const results = computePanelResults(
      panelFromTable(['j1', 'j2', 'j3'], {
        A: [90, 85, 88],
        B: [80, 75, 78],
        C: [70, 65, 60],
        D: [75, 70, null],
        E: [null, null, null],
      }),
    );
    const { agreement } = results;
    expect(agreement.entryIds).toEqual(['A', 'B', 'C']);
    expect(agreement.judgeIds).toEqual(['j1', 'j2', 'j3']);
    expect(agreement.leftOutEntryIds).toEqual(['D']);
    expect(agreement.kendallW).toMatchObject({ available: true, entryCount: 3, judgeCount: 3 });
    expect(agreement.kendallW.available && agreement.kendallW.w).toBeCloseTo(1, 12);
    expect(agreement.intraclassCorrelation).toMatchObject({ available: true, entryCount: 3 });
  });

  it('says so when no entry was scored by every judge', () => {
    const results = computePanelResults(
      panelFromTable(['j1', 'j2'], { A: [80, null], B: [null, 70] }),
    );
    expect(results.agreement.kendallW).toEqual({
      available: false,
      reason: 'fewer-than-two-entries',
    });
    expect(results.agreement.leftOutEntryIds).toEqual(['A', 'B']);
  });
});

describe('input the results refuse', () => {
  const panel = panelFromTable(
    ['j1'],
    { A: [80], B: [70] },
    { criteria: [{ key: 'a', weight: 1 }] },
  );

  it('refuses a judge with two counted scores for one entry', () => {
    const twice = { ...panel, scores: [...panel.scores, panel.scores[0]!] };
    expect(() => computePanelResults(twice)).toThrow(PanelDataError);
  });

  it('refuses a score for an entry or a judge outside the panel', () => {
    const stray = { judgeId: 'j1', entryId: 'Z', total: 50, criterionValues: {} };
    expect(() => computePanelResults({ ...panel, scores: [stray] })).toThrow(/entry Z/);
    expect(() =>
      computePanelResults({ ...panel, scores: [{ ...stray, entryId: 'A', judgeId: 'j9' }] }),
    ).toThrow(/judge j9/);
  });

  it('refuses a total that is not a number', () => {
    const broken = { ...panel, scores: [{ ...panel.scores[0]!, total: NaN }] };
    expect(() => computePanelResults(broken)).toThrow(PanelDataError);
  });

  it('refuses a tie-break criterion the rubric does not have', () => {
    expect(() =>
      computePanelResults(panel, { tieBreakChain: [{ kind: 'criterion', criterionKey: 'x' }] }),
    ).toThrow(/criterion "x"/);
  });

  it('refuses a plenary decision without a reason or naming an unknown entry', () => {
    expect(() =>
      computePanelResults(panel, { plenaryDecisions: [{ entryIds: ['A', 'B'], reason: ' ' }] }),
    ).toThrow(/reason/);
    expect(() =>
      computePanelResults(panel, { plenaryDecisions: [{ entryIds: ['A', 'Q'], reason: 'x' }] }),
    ).toThrow(/entry Q/);
    expect(() =>
      computePanelResults(panel, { plenaryDecisions: [{ entryIds: ['A', 'A'], reason: 'x' }] }),
    ).toThrow(/twice/);
  });
});
