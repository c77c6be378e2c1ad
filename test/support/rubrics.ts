import type { Criterion, Rubric } from '../../src/domain/rubric';

export const RUBRIC_ID = '0190a000-0000-7000-8000-000000000001';

export function rangeCriterion(
  key: string,
  weight: number,
  min = 0,
  max = 100,
  step = 1,
): Criterion {
  return { key, name: key, description: '', weight, scale: { kind: 'range', min, max, step } };
}

export function makeRubric(criteria: Criterion[], version = 1): Rubric {
  return { id: RUBRIC_ID, version, name: 'Test rubric', criteria };
}

export function sheetOf(
  rubric: Rubric,
  values: Record<string, number | null>,
): {
  rubricId: string;
  rubricVersion: number;
  scores: Record<string, { value: number | null; note: string }>;
} {
  return {
    rubricId: rubric.id,
    rubricVersion: rubric.version,
    scores: Object.fromEntries(
      Object.entries(values).map(([k, value]) => [k, { value, note: '' }]),
    ),
  };
}
