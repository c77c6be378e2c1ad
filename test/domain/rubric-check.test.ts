import { describe, expect, it } from 'vitest';
import { rubricSchema } from '../../src/domain/rubric';
import {
  checkRubric,
  criterionKeyFromName,
  nextRubricVersion,
} from '../../src/domain/rubric-check';
import { RUBRIC_TEMPLATES } from '../../src/domain/rubric-templates';
import { makeRubric, rangeCriterion, RUBRIC_ID } from '../support/rubrics';

describe('the rubric templates of DOMAIN.md', () => {
  it.each(RUBRIC_TEMPLATES.map((t) => [t.key, t] as const))(
    '%s is a valid rubric the live check accepts without errors',
    (_key, template) => {
      const rubric = template.make(RUBRIC_ID);
      expect(rubricSchema.safeParse(rubric).success).toBe(true);
      expect(checkRubric(rubric).isUsable).toBe(true);
    },
  );

  it('ships the published weights: KIPP proposal 100, IGA presentation 100, Krenova equal', () => {
    const total = (key: string) =>
      checkRubric(RUBRIC_TEMPLATES.find((t) => t.key === key)!.make(RUBRIC_ID)).totalWeight;
    expect(total('kipp-proposal')).toBe(100);
    expect(total('kipp-presentation')).toBe(100);
    expect(total('iga-presentation')).toBe(100);
    const krenova = checkRubric(RUBRIC_TEMPLATES.find((t) => t.key === 'krenova')!.make(RUBRIC_ID));
    expect(krenova.shares).toEqual([20, 20, 20, 20, 20]);
  });
});

describe('the rubric live check', () => {
  it('shows each criterion share of a total; weights need not add up to 100', () => {
    const summary = checkRubric(makeRubric([rangeCriterion('a', 3), rangeCriterion('b', 1)]));
    expect(summary).toEqual({ issues: [], totalWeight: 4, shares: [75, 25], isUsable: true });
  });

  it('names every error per criterion', () => {
    const summary = checkRubric({
      name: ' ',
      criteria: [
        rangeCriterion('a', 0),
        rangeCriterion('a', 1, 0, 10, 3),
        rangeCriterion('Bad Key', 1, 5, 5),
        {
          key: 'c',
          name: '',
          description: '',
          weight: 1,
          scale: { kind: 'levels', levels: [{ label: 'Nol', points: 0, evidence: '' }] },
        },
      ],
    });
    expect(summary.isUsable).toBe(false);
    expect(summary.issues).toEqual([
      { severity: 'error', code: 'no-name' },
      { severity: 'error', code: 'weight-not-positive', criterion: 0 },
      { severity: 'error', code: 'duplicate-key', criterion: 1, key: 'a' },
      { severity: 'error', code: 'range-not-whole-steps', criterion: 1 },
      { severity: 'error', code: 'bad-key', criterion: 2, key: 'Bad Key' },
      { severity: 'error', code: 'range-empty', criterion: 2 },
      { severity: 'error', code: 'criterion-no-name', criterion: 3 },
      { severity: 'error', code: 'levels-too-few', criterion: 3 },
      { severity: 'error', code: 'levels-all-zero', criterion: 3 },
    ]);
  });

  it('warns about a dominant criterion, levels without evidence and levels out of order', () => {
    const summary = checkRubric({
      name: 'Uji',
      criteria: [
        rangeCriterion('a', 8),
        rangeCriterion('b', 1),
        {
          key: 'c',
          name: 'Regulasi',
          description: '',
          weight: 1,
          scale: {
            kind: 'levels',
            levels: [
              { label: 'Perda', points: 3, evidence: 'Salinan perda' },
              { label: 'SK', points: 1, evidence: '' },
            ],
          },
        },
      ],
    });
    expect(summary.isUsable).toBe(true);
    expect(summary.issues).toEqual([
      { severity: 'warning', code: 'weight-dominates', criterion: 0, percent: 80 },
      { severity: 'warning', code: 'level-no-evidence', criterion: 2, level: 1 },
      { severity: 'warning', code: 'levels-not-ascending', criterion: 2 },
    ]);
  });

  it('makes readable, unique criterion keys from names', () => {
    expect(criterionKeyFromName('Kebaruan / nilai tambah', new Set())).toBe(
      'kebaruan-nilai-tambah',
    );
    expect(criterionKeyFromName('Kebaruan', new Set(['kebaruan']))).toBe('kebaruan-2');
    expect(criterionKeyFromName('Orisinalitas (é)', new Set())).toBe('orisinalitas-e');
    expect(criterionKeyFromName('—', new Set())).toBe('kriteria');
  });

  it('numbers a new version after the highest', () => {
    expect(nextRubricVersion([1, 3, 2])).toBe(4);
    expect(nextRubricVersion([])).toBe(1);
  });
});
