import { describe, expect, it } from 'vitest';
import { describeIssues } from '../../src/domain/describe-issues';
import { editableStageFields } from '../../src/domain/stage-lifecycle';
import { stageSchema } from '../../src/domain/stage';
import { stageRankingSchema, type StageRanking } from '../../src/domain/stage-ranking';
import {
  moveRule,
  withDefaultChain,
  withPlenaryDecision,
} from '../../src/domain/stage-ranking-edits';
import { makeStage, testId } from '../support/records';

const CATEGORY = testId(2);
const OTHER_CATEGORY = testId(3);
const [A, B, C] = [testId(31), testId(32), testId(33)];

const decision = (
  entryIds: string[],
  reason = 'Lebih siap direplikasi',
  categoryId = CATEGORY,
) => ({
  categoryId,
  entryIds,
  reason,
  decidedAt: '2022-08-18T02:00:00.000Z',
  decidedBy: testId(20),
});

const ranking: StageRanking = {
  tieBreakChain: [
    { kind: 'criterion', criterionKey: 'kebaruan' },
    { kind: 'mostFirstPlaces' },
    { kind: 'plenaryDecision' },
  ],
  trimmedMean: true,
  plenaryDecisions: [decision([A, B])],
};

/** The schema's message for a stage with these ranking settings, or '' when accepted. */
function problemsOf(settings: unknown): string {
  const parsed = stageSchema.safeParse({
    ...makeStage(testId(10), testId(1), testId(4)),
    ranking: settings,
  });
  return parsed.success ? '' : describeIssues(parsed.error.issues);
}

describe('a stage’s ranking settings', () => {
  it('are optional: a stage made before them still parses, and they round-trip', () => {
    const stage = makeStage(testId(10), testId(1), testId(4));
    expect(stageSchema.parse(stage)).toEqual(stage);
    expect(stageSchema.parse({ ...stage, ranking }).ranking).toEqual(ranking);
    // No chain stored means the default chain.
    expect(stageRankingSchema.parse({ trimmedMean: false, plenaryDecisions: [] })).toEqual({
      trimmedMean: false,
      plenaryDecisions: [],
    });
  });

  it('trims the reason the panitia typed', () => {
    const parsed = stageRankingSchema.parse({
      ...ranking,
      plenaryDecisions: [decision([A, B], '  Lebih siap direplikasi \n')],
    });
    expect(parsed.plenaryDecisions[0]?.reason).toBe('Lebih siap direplikasi');
  });

  it('refuses bad settings with a message naming the field', () => {
    const withDecision = (d: unknown) => ({ ...ranking, plenaryDecisions: [d] });
    expect(problemsOf(withDecision(decision([A])))).toBe(
      'ranking.plenaryDecisions.0.entryIds: a plenary decision orders at least two entries',
    );
    expect(problemsOf(withDecision(decision([A, B, A])))).toBe(
      'ranking.plenaryDecisions.0.entryIds: a plenary decision names each entry once',
    );
    expect(problemsOf(withDecision(decision([A, B], '   ')))).toBe(
      'ranking.plenaryDecisions.0.reason: must not be empty',
    );
    expect(problemsOf(withDecision(decision([A, B], 'x'.repeat(1001))))).toBe(
      'ranking.plenaryDecisions.0.reason: must be at most 1000 characters',
    );
    expect(problemsOf(withDecision({ ...decision([A, B]), decidedAt: 'kemarin' }))).toBe(
      'ranking.plenaryDecisions.0.decidedAt: must be an ISO 8601 UTC timestamp',
    );
    expect(problemsOf(withDecision({ ...decision([A, B]), decidedBy: 'panitia' }))).toBe(
      'ranking.plenaryDecisions.0.decidedBy: must be a lowercase UUID',
    );
    expect(
      problemsOf({
        ...ranking,
        tieBreakChain: [{ kind: 'mostFirstPlaces' }, { kind: 'mostFirstPlaces' }],
      }),
    ).toBe('ranking.tieBreakChain: a tie-break chain names each rule once');
    expect(problemsOf({ ...ranking, tieBreakChain: [] })).toBe(
      'ranking.tieBreakChain: a tie-break chain needs at least one rule',
    );
    expect(
      problemsOf({ ...ranking, tieBreakChain: [{ kind: 'criterion', criterionKey: 'A B' }] }),
    ).toBe(
      'ranking.tieBreakChain.0.criterionKey: must be 1–40 lowercase letters, digits or dashes',
    );
    expect(problemsOf({ ...ranking, tieBreakChain: [{ kind: 'coinToss' }] })).toMatch(
      /^ranking\.tieBreakChain\.0/,
    );
    expect(problemsOf({ plenaryDecisions: [] })).toMatch(/^ranking\.trimmedMean: /);
  });

  it('may change while the stage is a draft, open or closed, never once finalised', () => {
    expect(editableStageFields('draft')).toContain('ranking');
    expect(editableStageFields('open')).toContain('ranking');
    expect(editableStageFields('closed')).toContain('ranking');
    expect(editableStageFields('finalised')).not.toContain('ranking');
  });
});

describe('editing the ranking settings', () => {
  it('moves a rule one place, and leaves the chain as it is at either end', () => {
    const chain = ['a', 'b', 'c'];
    expect(moveRule(chain, 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveRule(chain, 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moveRule(chain, 0, -1)).toEqual(chain);
    expect(moveRule(chain, 2, 1)).toEqual(chain);
  });

  it('goes back to the default chain and keeps the rest', () => {
    expect(withDefaultChain(ranking)).toEqual({
      trimmedMean: true,
      plenaryDecisions: ranking.plenaryDecisions,
    });
  });

  it('replaces an earlier decision of the same category on the same entries', () => {
    const otherCategory = decision([A, B], 'Kategori lain', OTHER_CATEGORY);
    const start = { ...ranking, plenaryDecisions: [decision([A, B]), otherCategory] };
    const latest = decision([C, B, A], 'Rapat kedua');
    expect(withPlenaryDecision(start, latest).plenaryDecisions).toEqual([otherCategory, latest]);
    const unrelated = decision([C, testId(34)], 'Seri lain');
    expect(withPlenaryDecision(start, unrelated).plenaryDecisions).toEqual([
      ...start.plenaryDecisions,
      unrelated,
    ]);
  });
});
