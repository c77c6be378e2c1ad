import { describe, expect, it } from 'vitest';
import { RubricMismatchError, ScoreOutOfScaleError } from '../../src/domain/errors';
import { rubricSchema } from '../../src/domain/rubric';
import { kippProposalRubric, maturityLevelsRubric } from '../../src/domain/rubric-templates';
import { computeScoreTotal } from '../../src/domain/score-total';
import { makeRubric, rangeCriterion, RUBRIC_ID, sheetOf } from '../support/rubrics';

describe('computeScoreTotal on range criteria', () => {
  it('follows the KIPP formula Σ value × weight / 100 when weights sum to 100', () => {
    const rubric = kippProposalRubric(RUBRIC_ID);
    const values = {
      'latar-belakang': 80,
      kebaruan: 70,
      implementasi: 90,
      signifikansi: 60,
      adaptabilitas: 75,
      'sumber-daya': 50,
      keberlanjutan: 85,
    };
    const expected = (80 * 10 + 70 * 15 + 90 * 5 + 60 * 30 + 75 * 20 + 50 * 5 + 85 * 15) / 100;
    const result = computeScoreTotal(sheetOf(rubric, values), rubric);
    expect(result.total).toBeCloseTo(expected, 10);
    expect(result.isComplete).toBe(true);
    expect(result.missing).toEqual([]);
  });

  it('normalises a scale that does not start at zero', () => {
    const rubric = makeRubric([rangeCriterion('a', 1, 1, 5, 0.5)]);
    expect(computeScoreTotal(sheetOf(rubric, { a: 1 }), rubric).total).toBe(0);
    expect(computeScoreTotal(sheetOf(rubric, { a: 3 }), rubric).total).toBeCloseTo(50, 10);
    expect(computeScoreTotal(sheetOf(rubric, { a: 4.5 }), rubric).total).toBeCloseTo(87.5, 10);
  });

  it('keeps the total on 0–100 when weights do not sum to 100', () => {
    const rubric = makeRubric([
      rangeCriterion('a', 1),
      rangeCriterion('b', 1),
      rangeCriterion('c', 2),
    ]);
    const result = computeScoreTotal(sheetOf(rubric, { a: 100, b: 100, c: 100 }), rubric);
    expect(result.total).toBeCloseTo(100, 10);
    const mixed = computeScoreTotal(sheetOf(rubric, { a: 100, b: 0, c: 50 }), rubric);
    expect(mixed.total).toBeCloseTo(50, 10);
  });

  it('counts missing values as zero and reports them, so the sheet cannot be submitted', () => {
    const rubric = makeRubric([rangeCriterion('a', 50), rangeCriterion('b', 50)]);
    const result = computeScoreTotal(sheetOf(rubric, { a: 80 }), rubric);
    expect(result.total).toBeCloseTo(40, 10);
    expect(result.isComplete).toBe(false);
    expect(result.missing).toEqual(['b']);

    const cleared = computeScoreTotal(sheetOf(rubric, { a: 80, b: null }), rubric);
    expect(cleared.missing).toEqual(['b']);
  });

  it('rejects a value above or below the scale with an error naming the criterion', () => {
    const rubric = makeRubric([rangeCriterion('kebaruan', 100)]);
    expect(() => computeScoreTotal(sheetOf(rubric, { kebaruan: 101 }), rubric)).toThrow(
      new ScoreOutOfScaleError('kebaruan', '101 is outside the scale 0–100'),
    );
    expect(() => computeScoreTotal(sheetOf(rubric, { kebaruan: -1 }), rubric)).toThrow(
      ScoreOutOfScaleError,
    );
  });

  it('rejects a value between steps and values that are not numbers', () => {
    const rubric = makeRubric([rangeCriterion('a', 1, 0, 10, 0.5)]);
    expect(() => computeScoreTotal(sheetOf(rubric, { a: 2.25 }), rubric)).toThrow(
      /not on a step of 0.5/,
    );
    expect(() => computeScoreTotal(sheetOf(rubric, { a: Number.NaN }), rubric)).toThrow(
      /NaN is not a number/,
    );
    // 0.1 steps must not fail on binary rounding: 0.3 = 0.1 + 0.2 in floating point.
    const tenths = makeRubric([rangeCriterion('a', 1, 0, 1, 0.1)]);
    expect(computeScoreTotal(sheetOf(tenths, { a: 0.1 + 0.2 }), tenths).total).toBeCloseTo(30, 8);
  });
});

describe('computeScoreTotal on level criteria', () => {
  const rubric = maturityLevelsRubric(RUBRIC_ID);

  it('scores weight × level over the best possible, 0 without evidence', () => {
    // Weights 3, 2, 3, 3, 4 (sum 15); levels 0–3.
    const values = { regulasi: 3, kecepatan: 2, kemanfaatan: 1, replikasi: 0, video: 3 };
    const expected = ((3 * 3 + 2 * 2 + 3 * 1 + 3 * 0 + 4 * 3) / (15 * 3)) * 100;
    expect(computeScoreTotal(sheetOf(rubric, values), rubric).total).toBeCloseTo(expected, 10);
  });

  it('rejects points that belong to no level', () => {
    expect(() => computeScoreTotal(sheetOf(rubric, { regulasi: 2.5 }), rubric)).toThrow(
      /"regulasi": 2.5 is not one of the levels' points \(0, 1, 2, 3\)/,
    );
  });
});

describe('computeScoreTotal against the wrong rubric', () => {
  it('refuses another rubric version', () => {
    const v1 = makeRubric([rangeCriterion('a', 1)]);
    const v2 = makeRubric([rangeCriterion('a', 1)], 2);
    expect(() => computeScoreTotal(sheetOf(v1, { a: 1 }), v2)).toThrow(RubricMismatchError);
  });

  it('refuses a criterion the rubric does not have', () => {
    const rubric = makeRubric([rangeCriterion('a', 1)]);
    expect(() => computeScoreTotal(sheetOf(rubric, { a: 1, z: 5 }), rubric)).toThrow(
      /Criterion "z" is not part of rubric/,
    );
  });
});

describe('rubricSchema', () => {
  it('accepts the shipped templates', () => {
    expect(rubricSchema.safeParse(kippProposalRubric(RUBRIC_ID)).success).toBe(true);
    expect(rubricSchema.safeParse(maturityLevelsRubric(RUBRIC_ID)).success).toBe(true);
  });

  it.each([
    [
      'a range whose max is not above min',
      [rangeCriterion('a', 1, 5, 5, 1)],
      'max must be greater than min',
    ],
    [
      'a range that is not a whole number of steps',
      [rangeCriterion('a', 1, 0, 10, 3)],
      'whole number of steps',
    ],
    ['a zero weight', [rangeCriterion('a', 0)], 'weight must be greater than 0'],
    [
      'duplicate keys',
      [rangeCriterion('a', 1), rangeCriterion('a', 2)],
      'criterion keys must be unique',
    ],
    ['no criteria', [], 'at least one criterion'],
  ])('rejects %s', (_label, criteria, message) => {
    const result = rubricSchema.safeParse(makeRubric(criteria));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).join(' ')).toContain(message);
  });

  it('rejects levels that share points', () => {
    const rubric = makeRubric([
      {
        key: 'a',
        name: 'a',
        description: '',
        weight: 1,
        scale: {
          kind: 'levels',
          levels: [
            { label: 'x', points: 1, evidence: '' },
            { label: 'y', points: 1, evidence: '' },
          ],
        },
      },
    ]);
    expect(rubricSchema.safeParse(rubric).error?.issues[0]?.message).toBe(
      'each level must have different points',
    );
  });
});
