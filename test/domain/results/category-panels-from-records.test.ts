import { describe, expect, it } from 'vitest';
import type { Assignment } from '../../../src/domain/assignment';
import { buildCategoryPanels } from '../../../src/domain/results/category-panels-from-records';
import { computePanelResults } from '../../../src/domain/results/panel-results';
import type { Scoresheet } from '../../../src/domain/scoresheet';
import { computeScoreTotal } from '../../../src/domain/score-total';
import {
  makeAssignment,
  makeEntry,
  makeRubricRecord,
  makeScoresheet,
  testId,
} from '../../support/records';

const COMPETITION = testId(1);
const STAGE = testId(2);
const OTHER_STAGE = testId(3);
const UMUM = testId(4);
const OPD = testId(5);
const RUBRIC = testId(6);
const rubric = makeRubricRecord(RUBRIC); // the KIPP proposal rubric, seven criteria
const [JUDGE_1, JUDGE_2, JUDGE_3] = [testId(11), testId(12), testId(13)];
const [ENTRY_A, ENTRY_B, ENTRY_C] = [testId(21), testId(22), testId(23)];

/** Every criterion of the KIPP rubric at one value, except those given. */
function valuesOf(base: number, overrides: Record<string, number> = {}): Scoresheet['scores'] {
  return Object.fromEntries(
    rubric.criteria.map((c) => [c.key, { value: overrides[c.key] ?? base, note: '' }]),
  );
}

let nextId = 100;
function assign(judgeId: string, entryId: string, stageId = STAGE): Assignment {
  return makeAssignment(testId(nextId++), { stageId, judgeId, entryId });
}
function sheetFor(assignment: Assignment, overrides: Partial<Scoresheet>): Scoresheet {
  const { id, stageId, judgeId, entryId } = assignment;
  return makeScoresheet(id, { stageId, judgeId, entryId, rubricId: RUBRIC }, overrides);
}

describe('buildCategoryPanels', () => {
  const entries = [
    makeEntry(ENTRY_A, COMPETITION, UMUM),
    makeEntry(ENTRY_B, COMPETITION, UMUM),
    makeEntry(ENTRY_C, COMPETITION, OPD),
  ];
  const a1 = assign(JUDGE_1, ENTRY_A);
  const a2 = assign(JUDGE_2, ENTRY_A);
  const a3 = {
    ...assign(JUDGE_3, ENTRY_A),
    recusal: { reason: 'Kerabat', at: '2025-08-18T01:00:00.000Z' },
  };
  const b1 = assign(JUDGE_1, ENTRY_B);
  const b2 = assign(JUDGE_2, ENTRY_B);
  const b3 = assign(JUDGE_3, ENTRY_B);
  const c1 = assign(JUDGE_1, ENTRY_C);
  const otherStage = assign(JUDGE_2, ENTRY_C, OTHER_STAGE);
  const withdrawn = assign(JUDGE_3, ENTRY_C); // its assignment is gone below, the sheet stays
  const sheets = [
    sheetFor(a1, { status: 'submitted', scores: valuesOf(80, { signifikansi: 90 }) }),
    sheetFor(a2, { status: 'submitted', scores: valuesOf(70) }),
    sheetFor(a3, { status: 'submitted', scores: valuesOf(10) }),
    sheetFor(b1, { status: 'submitted', scores: valuesOf(60) }),
    sheetFor(b2, { status: 'abstained', abstainReason: 'Pernah menjadi narasumber', scores: {} }),
    sheetFor(b3, { status: 'draft', scores: valuesOf(99) }),
    sheetFor(c1, { status: 'submitted', scores: valuesOf(50) }),
    sheetFor(otherStage, { status: 'submitted', scores: valuesOf(100) }),
    sheetFor(withdrawn, { status: 'submitted', scores: valuesOf(100) }),
  ];
  const panels = buildCategoryPanels({
    stage: { id: STAGE },
    rubric,
    entries,
    assignments: [a1, a2, a3, b1, b2, b3, c1, otherStage],
    scoresheets: sheets,
  });

  it('makes one panel per category, with the stage’s entries', () => {
    expect(panels.map((p) => [p.categoryId, p.panel.entryIds])).toEqual([
      [UMUM, [ENTRY_A, ENTRY_B]],
      [OPD, [ENTRY_C]],
    ]);
    expect(panels[0]!.panel.criteria).toEqual(
      rubric.criteria.map(({ key, weight }) => ({ key, weight })),
    );
  });

  it('counts submitted sheets only, with the total the judge saw', () => {
    const umum = panels[0]!.panel;
    expect(umum.judgeIds).toEqual([JUDGE_1, JUDGE_2]);
    expect(umum.scores.map((s) => [s.judgeId, s.entryId, s.total])).toEqual([
      [JUDGE_1, ENTRY_A, computeScoreTotal(sheets[0]!, rubric).total],
      [JUDGE_2, ENTRY_A, 70],
      [JUDGE_1, ENTRY_B, 60],
    ]);
    // signifikansi weighs 30 of 100: 80 + (90 − 80) × 0.3 = 83.
    expect(umum.scores[0]!.total).toBeCloseTo(83, 10);
    expect(umum.scores[0]!.criterionValues).toMatchObject({ signifikansi: 90, kebaruan: 80 });
  });

  it('lists recusals, abstentions, drafts and withdrawn work as not counted, with why', () => {
    expect(panels[0]!.panel.notCounted).toEqual([
      { judgeId: JUDGE_3, entryId: ENTRY_A, reason: 'recused', note: 'Kerabat' },
      {
        judgeId: JUDGE_2,
        entryId: ENTRY_B,
        reason: 'abstained',
        note: 'Pernah menjadi narasumber',
      },
      { judgeId: JUDGE_3, entryId: ENTRY_B, reason: 'not-submitted', note: '' },
    ]);
    expect(panels[1]!.panel.notCounted).toEqual([
      { judgeId: JUDGE_3, entryId: ENTRY_C, reason: 'assignment-withdrawn', note: '' },
    ]);
  });

  it('feeds the results: the recused judge’s 10 and the draft’s 99 do not move the scores', () => {
    const results = computePanelResults(panels[0]!.panel);
    expect(results.rawRanking.entries.map((e) => [e.entryId, e.judgeCount])).toEqual([
      [ENTRY_A, 2],
      [ENTRY_B, 1],
    ]);
    expect(results.rawRanking.entries[0]!.score).toBeCloseTo((83 + 70) / 2, 10);
  });
});
