import { describe, expect, it } from 'vitest';
import {
  confirmAdvancement,
  nextStageOf,
  previewAdvancement,
} from '../../../src/domain/results/advancement';
import { computePanelResults } from '../../../src/domain/results/panel-results';
import type { PlenaryDecision } from '../../../src/domain/results/tie-break';
import type { Stage } from '../../../src/domain/stage';
import { makeStage, testId } from '../../support/records';
import { panelFromTable } from './make-panel';

/** Two judges, one criterion: C and D both average 75 and nothing tells them apart. */
const CRITERIA = [{ key: 'dampak', weight: 1 }];
function rankingOf(
  rows: Record<string, (number | null)[]>,
  plenaryDecisions: PlenaryDecision[] = [],
  values: Record<string, (Record<string, number> | null)[]> = {},
) {
  const panel = panelFromTable(['j1', 'j2'], rows, { criteria: CRITERIA, criterionValues: values });
  return computePanelResults(panel, { plenaryDecisions }).rawRanking;
}
const TIED_AT_THIRD = { A: [90, 90], B: [80, 82], C: [70, 80], D: [80, 70], E: [60, 60] };

const ids = (entries: readonly { entryId: string }[]) => entries.map((e) => e.entryId);

describe('advancement preview', () => {
  it('takes the top N of each category by the raw ranking', () => {
    const preview = previewAdvancement({ kind: 'topPerCategory', count: 2 }, [
      { categoryId: 'umum', ranking: rankingOf(TIED_AT_THIRD) },
      { categoryId: 'opd', ranking: rankingOf({ P: [50, 50], Q: [70, 70], R: [null, null] }) },
    ]);
    const [umum, opd] = preview.categories;
    expect(ids(umum!.advancing)).toEqual(['A', 'B']);
    expect(ids(umum!.notAdvancing)).toEqual(['C', 'D', 'E']);
    expect(umum!.tieAtCut).toBeNull();
    expect(ids(opd!.advancing)).toEqual(['Q', 'P']);
    expect(opd!.unscoredEntryIds).toEqual(['R']);
  });

  it('leaves an unsettled tie across the cut undecided instead of cutting one of them', () => {
    const preview = previewAdvancement({ kind: 'topPerCategory', count: 3 }, [
      { categoryId: 'umum', ranking: rankingOf(TIED_AT_THIRD) },
    ]);
    const umum = preview.categories[0]!;
    expect(ids(umum.advancing)).toEqual(['A', 'B']);
    expect(ids(umum.undecided)).toEqual(['C', 'D']);
    expect(umum.undecided.map((e) => e.rank)).toEqual([3, 3]);
    expect(ids(umum.notAdvancing)).toEqual(['E']);
    expect(umum.tieAtCut).toMatchObject({
      isSettled: false,
      placesLeft: 1,
      insideCut: [],
      outsideCut: ['C', 'D'],
    });
    expect(umum.tieAtCut?.tie.status).toBe('needs-plenary-decision');
  });

  it('reports a tie the chain settled at the cut, with its explanation', () => {
    // D leads C on dampak (80 against 75), so the chain puts D third and C fourth.
    const ranking = rankingOf(TIED_AT_THIRD, [], {
      C: [{ dampak: 70 }, { dampak: 80 }],
      D: [{ dampak: 80 }, { dampak: 80 }],
    });
    const umum = previewAdvancement({ kind: 'topPerCategory', count: 3 }, [
      { categoryId: 'umum', ranking },
    ]).categories[0]!;
    expect(ids(umum.advancing)).toEqual(['A', 'B', 'D']);
    expect(umum.undecided).toEqual([]);
    expect(umum.tieAtCut).toMatchObject({ isSettled: true, insideCut: ['D'], outsideCut: ['C'] });
    expect(umum.tieAtCut?.tie.steps[0]?.rule).toEqual({
      kind: 'criterion',
      criterionKey: 'dampak',
    });
  });

  it('follows a plenary decision recorded for the tie', () => {
    const ranking = rankingOf(TIED_AT_THIRD, [
      { entryIds: ['C', 'D'], reason: 'Pleno: C lebih mudah direplikasi' },
    ]);
    const umum = previewAdvancement({ kind: 'topPerCategory', count: 3 }, [
      { categoryId: 'umum', ranking },
    ]).categories[0]!;
    expect(ids(umum.advancing)).toEqual(['A', 'B', 'C']);
    expect(umum.tieAtCut?.tie.steps.at(-1)?.decision?.reason).toBe(
      'Pleno: C lebih mudah direplikasi',
    );
  });

  it('does not call a tie wholly inside the cut a tie at the cut', () => {
    const umum = previewAdvancement({ kind: 'topPerCategory', count: 4 }, [
      { categoryId: 'umum', ranking: rankingOf(TIED_AT_THIRD) },
    ]).categories[0]!;
    expect(ids(umum.advancing)).toEqual(['A', 'B', 'C', 'D']);
    expect(umum.tieAtCut).toBeNull();
  });

  it('takes everyone whose score reaches the threshold, counting a score equal to it', () => {
    const umum = previewAdvancement({ kind: 'threshold', minScore: 75 }, [
      { categoryId: 'umum', ranking: rankingOf(TIED_AT_THIRD) },
    ]).categories[0]!;
    expect(ids(umum.advancing)).toEqual(['A', 'B', 'C', 'D']);
    expect(ids(umum.notAdvancing)).toEqual(['E']);
  });

  it('advances nobody when the stage has no advancement rule', () => {
    const umum = previewAdvancement({ kind: 'none' }, [
      { categoryId: 'umum', ranking: rankingOf(TIED_AT_THIRD) },
    ]).categories[0]!;
    expect(umum.advancing).toEqual([]);
    expect(umum.notAdvancing).toHaveLength(5);
  });
});

describe('confirming advancement', () => {
  const competitionId = testId(1);
  const rubricId = testId(2);
  const desk = makeStage(testId(10), competitionId, rubricId, { order: 1, state: 'finalised' });
  const field = makeStage(testId(11), competitionId, rubricId, { order: 2, state: 'draft' });
  const plenary = makeStage(testId(12), competitionId, rubricId, { order: 3, state: 'draft' });
  const stages: Stage[] = [plenary, field, desk];
  const entry = (n: number) => testId(100 + n);
  const rows = {
    [entry(1)]: [90, 90],
    [entry(2)]: [80, 82],
    [entry(3)]: [70, 80],
    [entry(4)]: [80, 70],
  };
  const confirm = (count: number, overrides: Partial<Parameters<typeof confirmAdvancement>[0]>) =>
    confirmAdvancement({
      stage: desk,
      stages,
      preview: previewAdvancement({ kind: 'topPerCategory', count }, [
        { categoryId: 'umum', ranking: rankingOf(rows) },
      ]),
      admitUndecided: false,
      confirmedAt: '2022-08-18T02:00:00.000Z',
      confirmedBy: testId(50),
      ...overrides,
    });

  it('finds the next stage by order', () => {
    expect(nextStageOf(desk, stages)?.id).toBe(field.id);
    expect(nextStageOf(plenary, stages)).toBeNull();
  });

  it('writes the advancing entries on the next stage as its entrants', () => {
    const outcome = confirm(2, {});
    expect(outcome).toEqual({
      ok: true,
      entryIds: [entry(1), entry(2)],
      nextStage: {
        ...field,
        entrants: {
          fromStageId: desk.id,
          entryIds: [entry(1), entry(2)],
          confirmedAt: '2022-08-18T02:00:00.000Z',
          confirmedBy: testId(50),
        },
      },
    });
  });

  it('refuses while a tie at the cut is undecided, and lets all tied through when asked', () => {
    expect(confirm(3, {})).toEqual({
      ok: false,
      problems: [
        {
          code: 'undecided-tie',
          categoryId: 'umum',
          entryIds: [entry(3), entry(4)],
          placesLeft: 1,
        },
      ],
    });
    const outcome = confirm(3, { admitUndecided: true });
    expect(outcome.ok && outcome.entryIds).toEqual([entry(1), entry(2), entry(3), entry(4)]);
  });

  it('needs a finalised stage, a next stage, and one that has not started', () => {
    const open = { ...desk, state: 'closed' as const };
    const started = { ...field, state: 'open' as const };
    expect(confirm(2, { stage: open, stages: [open, started, plenary] })).toEqual({
      ok: false,
      problems: [
        { code: 'stage-not-finalised' },
        { code: 'next-stage-started', nextStageId: field.id },
      ],
    });
    expect(confirm(2, { stages: [desk] })).toEqual({
      ok: false,
      problems: [{ code: 'no-next-stage' }],
    });
  });
});
