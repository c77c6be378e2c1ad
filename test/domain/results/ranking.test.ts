import { describe, expect, it } from 'vitest';
import { computePanelResults } from '../../../src/domain/results/panel-results';
import { defaultTieBreakChain } from '../../../src/domain/results/tie-break';
import { panelFromTable } from './make-panel';

const CRITERIA = [
  { key: 'kebaruan', weight: 15 },
  { key: 'dampak', weight: 30 },
];

describe('raw ranking', () => {
  it('scores an entry by the mean of its counted totals, so an abstention costs nothing', () => {
    // j3 abstained on A: A's score is the mean of two totals, not (80 + 90 + 0) / 3.
    const panel = panelFromTable(
      ['j1', 'j2', 'j3'],
      { A: [80, 90, null], B: [84, 86, 70] },
      {
        notCounted: [
          { judgeId: 'j3', entryId: 'A', reason: 'abstained', note: 'Pernah membina unit ini' },
        ],
      },
    );
    const results = computePanelResults(panel);
    expect(results.rawRanking.entries).toEqual([
      { entryId: 'A', score: 85, judgeCount: 2, rank: 1, tie: null },
      { entryId: 'B', score: 80, judgeCount: 3, rank: 2, tie: null },
    ]);
    expect(results.notCounted).toEqual(panel.notCounted);
  });

  it('lists entries nobody has scored yet apart from the ranking', () => {
    const results = computePanelResults(panelFromTable(['j1'], { A: [70], B: [null], C: [75] }));
    expect(results.rawRanking.entries.map((e) => e.entryId)).toEqual(['C', 'A']);
    expect(results.rawRanking.unscoredEntryIds).toEqual(['B']);
  });
});

describe('ties and the tie-break chain', () => {
  // A, B and C all average exactly 80. On dampak (weight 30, asked first) A leads with 85;
  // B and C both have 80 there and 70 on kebaruan, and one first place each (j1's highest
  // total is B's 82, j2's is C's 82). Nothing but the plenary can separate them.
  const panel = panelFromTable(
    ['j1', 'j2'],
    { A: [80, 80], B: [82, 78], C: [78, 82], D: [60, 70] },
    {
      criteria: CRITERIA,
      criterionValues: {
        A: [
          { dampak: 90, kebaruan: 70 },
          { dampak: 80, kebaruan: 80 },
        ],
        B: [
          { dampak: 80, kebaruan: 70 },
          { dampak: 80, kebaruan: 70 },
        ],
        C: [
          { dampak: 70, kebaruan: 60 },
          { dampak: 90, kebaruan: 80 },
        ],
        D: [
          { dampak: 60, kebaruan: 60 },
          { dampak: 70, kebaruan: 70 },
        ],
      },
    },
  );

  it('asks the highest-weighted criterion first, and shares the rank of what stays tied', () => {
    const { rawRanking, tieBreakChain } = computePanelResults(panel);
    expect(tieBreakChain).toEqual([
      { kind: 'criterion', criterionKey: 'dampak' },
      { kind: 'criterion', criterionKey: 'kebaruan' },
      { kind: 'mostFirstPlaces' },
      { kind: 'plenaryDecision' },
    ]);
    expect(rawRanking.entries.map((e) => [e.entryId, e.rank])).toEqual([
      ['A', 1],
      ['B', 2],
      ['C', 2],
      ['D', 4],
    ]);
    expect(rawRanking.ties).toHaveLength(1);
    const tie = rawRanking.ties[0]!;
    expect(tie).toMatchObject({
      entryIds: ['A', 'B', 'C'],
      score: 80,
      status: 'needs-plenary-decision',
      unresolved: [['B', 'C']],
    });
    expect(tie.steps).toEqual([
      {
        rule: { kind: 'criterion', criterionKey: 'dampak' },
        compared: [
          { entryId: 'A', value: 85 },
          { entryId: 'B', value: 80 },
          { entryId: 'C', value: 80 },
        ],
        decision: null,
        groups: [['A'], ['B', 'C']],
      },
      {
        rule: { kind: 'criterion', criterionKey: 'kebaruan' },
        compared: [
          { entryId: 'B', value: 70 },
          { entryId: 'C', value: 70 },
        ],
        decision: null,
        groups: [['B', 'C']],
      },
      {
        rule: { kind: 'mostFirstPlaces' },
        compared: [
          { entryId: 'B', value: 1 },
          { entryId: 'C', value: 1 },
        ],
        decision: null,
        groups: [['B', 'C']],
      },
      {
        rule: { kind: 'plenaryDecision' },
        compared: [
          { entryId: 'B', value: null },
          { entryId: 'C', value: null },
        ],
        decision: null,
        groups: [['B', 'C']],
      },
    ]);
    // Every entry of the tie points at the same explanation; D's score was its own.
    expect(rawRanking.entries.map((e) => e.tie)).toEqual([tie, tie, tie, null]);
  });

  it('follows a plenary decision, recorded with its reason, for what the criteria left', () => {
    const decision = {
      entryIds: ['C', 'B'],
      reason: 'Rapat pleno: C sudah direplikasi di dua kecamatan lain.',
    };
    const { rawRanking } = computePanelResults(panel, { plenaryDecisions: [decision] });
    expect(rawRanking.entries.map((e) => [e.entryId, e.rank])).toEqual([
      ['A', 1],
      ['C', 2],
      ['B', 3],
      ['D', 4],
    ]);
    const tie = rawRanking.ties[0]!;
    expect(tie.status).toBe('settled');
    expect(tie.unresolved).toEqual([]);
    expect(tie.entryIds).toEqual(['A', 'C', 'B']);
    expect(tie.steps.at(-1)).toEqual({
      rule: { kind: 'plenaryDecision' },
      compared: [
        { entryId: 'C', value: 1 },
        { entryId: 'B', value: 2 },
      ],
      decision,
      groups: [['C'], ['B']],
    });
  });

  it('applies a plenary decision that orders more entries than are still tied', () => {
    const { rawRanking } = computePanelResults(panel, {
      plenaryDecisions: [{ entryIds: ['C', 'A', 'B'], reason: 'Keputusan pleno 18 Agustus' }],
    });
    // A was already settled by dampak; the decision only orders C before B.
    expect(rawRanking.entries.map((e) => e.entryId)).toEqual(['A', 'C', 'B', 'D']);
  });

  it('ignores a plenary decision that does not name every entry still tied', () => {
    const { rawRanking } = computePanelResults(panel, {
      plenaryDecisions: [{ entryIds: ['C', 'D'], reason: 'Keputusan tentang entri lain' }],
    });
    expect(rawRanking.ties[0]!.status).toBe('needs-plenary-decision');
  });

  it('runs a configured chain in its own order', () => {
    // Kebaruan alone first: A (75) before B and C (70 each), the same outcome by another path.
    const { rawRanking } = computePanelResults(panel, {
      tieBreakChain: [{ kind: 'criterion', criterionKey: 'kebaruan' }],
    });
    const tie = rawRanking.ties[0]!;
    expect(tie.steps.map((s) => s.rule)).toEqual([{ kind: 'criterion', criterionKey: 'kebaruan' }]);
    expect(tie.steps[0]!.compared[0]).toEqual({ entryId: 'A', value: 75 });
    expect(tie.unresolved).toEqual([['B', 'C']]);
  });

  it('settles a tie on first places: more judges gave the entry their highest total', () => {
    // E and F average 75. j1 gave E their highest total (90); G is j2's and j3's highest.
    const results = computePanelResults(
      panelFromTable(['j1', 'j2', 'j3'], {
        E: [90, 70, 65],
        F: [75, 75, 75],
        G: [80, 80, 80],
      }),
      { tieBreakChain: [{ kind: 'mostFirstPlaces' }] },
    );
    expect(results.rawRanking.entries.map((e) => [e.entryId, e.rank])).toEqual([
      ['G', 1],
      ['E', 2],
      ['F', 3],
    ]);
    expect(results.rawRanking.ties[0]!.steps[0]!.compared).toEqual([
      { entryId: 'E', value: 1 },
      { entryId: 'F', value: 0 },
    ]);
  });

  it('treats scores that differ only by floating-point noise as a tie', () => {
    // (0.1 + 0.2) × 100 is 30.000000000000004 in binary floating point.
    const results = computePanelResults(
      panelFromTable(['j1'], { X: [(0.1 + 0.2) * 100], Y: [30] }),
      { tieBreakChain: [] },
    );
    expect(results.rawRanking.entries.map((e) => e.rank)).toEqual([1, 1]);
    expect(results.rawRanking.ties[0]!.status).toBe('needs-plenary-decision');
  });

  it('puts an entry without a value on the criterion after those with one', () => {
    const results = computePanelResults(
      panelFromTable(
        ['j1'],
        { P: [70], Q: [70] },
        { criteria: CRITERIA, criterionValues: { P: [{}], Q: [{ dampak: 10 }] } },
      ),
      { tieBreakChain: [{ kind: 'criterion', criterionKey: 'dampak' }] },
    );
    expect(results.rawRanking.ties[0]!.steps[0]!.compared).toEqual([
      { entryId: 'Q', value: 10 },
      { entryId: 'P', value: null },
    ]);
  });
});

describe('defaultTieBreakChain', () => {
  it('orders criteria by weight, keeping the rubric order for equal weights', () => {
    expect(
      defaultTieBreakChain([
        { key: 'a', weight: 10 },
        { key: 'b', weight: 30 },
        { key: 'c', weight: 10 },
      ]).map((rule) => (rule.kind === 'criterion' ? rule.criterionKey : rule.kind)),
    ).toEqual(['b', 'a', 'c', 'mostFirstPlaces', 'plenaryDecision']);
  });
});
