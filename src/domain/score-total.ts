import { RubricMismatchError, ScoreOutOfScaleError } from './errors';
import { isWholeMultiple, type Criterion, type Rubric } from './rubric';
import type { Scoresheet } from './scoresheet';

export interface ScoreTotal {
  /** 0–100. Missing values count as 0 so a running total can be shown while scoring. */
  total: number;
  /** True when every criterion has a value: only then may the sheet be submitted. */
  isComplete: boolean;
  missing: string[];
}

/**
 * A judge's total: Σ (value normalised to its scale × weight) / Σ weight × 100.
 * Dividing by the weight sum keeps the total on 0–100 when weights do not add up to 100
 * (Krenova publishes no weights; the IID indicators use weights 2–4).
 */
export function computeScoreTotal(
  sheet: Pick<Scoresheet, 'rubricId' | 'rubricVersion' | 'scores'>,
  rubric: Rubric,
): ScoreTotal {
  if (sheet.rubricId !== rubric.id || sheet.rubricVersion !== rubric.version) {
    throw new RubricMismatchError(
      `Scoresheet uses rubric ${sheet.rubricId} version ${sheet.rubricVersion}, ` +
        `not ${rubric.id} version ${rubric.version}`,
    );
  }
  const keys = criterionKeysOf(rubric);
  for (const key in sheet.scores) {
    if (!keys.has(key)) {
      throw new RubricMismatchError(`Criterion "${key}" is not part of rubric "${rubric.name}"`);
    }
  }

  let weighted = 0;
  let weightSum = 0;
  const missing: string[] = [];
  for (const criterion of rubric.criteria) {
    weightSum += criterion.weight;
    const value = sheet.scores[criterion.key]?.value ?? null;
    if (value === null) {
      missing.push(criterion.key);
      continue;
    }
    weighted += normaliseValue(criterion, value) * criterion.weight;
  }
  return { total: (weighted / weightSum) * 100, isComplete: missing.length === 0, missing };
}

// A results screen totals thousands of sheets against one rubric: its keys are gathered once.
const criterionKeys = new WeakMap<Rubric, ReadonlySet<string>>();
function criterionKeysOf(rubric: Rubric): ReadonlySet<string> {
  let keys = criterionKeys.get(rubric);
  if (!keys) {
    keys = new Set(rubric.criteria.map((c) => c.key));
    criterionKeys.set(rubric, keys);
  }
  return keys;
}

/** Maps a raw value onto 0–1 of its criterion's scale, or throws if it is not on it. */
export function normaliseValue(criterion: Criterion, value: number): number {
  const { scale } = criterion;
  if (!Number.isFinite(value)) {
    throw new ScoreOutOfScaleError(criterion.key, `${value} is not a number`);
  }
  if (scale.kind === 'range') {
    if (value < scale.min || value > scale.max) {
      throw new ScoreOutOfScaleError(
        criterion.key,
        `${value} is outside the scale ${scale.min}–${scale.max}`,
      );
    }
    if (!isWholeMultiple(value - scale.min, scale.step)) {
      throw new ScoreOutOfScaleError(
        criterion.key,
        `${value} is not on a step of ${scale.step} from ${scale.min}`,
      );
    }
    return (value - scale.min) / (scale.max - scale.min);
  }
  const points = scale.levels.map((l) => l.points);
  if (!points.includes(value)) {
    throw new ScoreOutOfScaleError(
      criterion.key,
      `${value} is not one of the levels' points (${points.join(', ')})`,
    );
  }
  return value / Math.max(...points);
}
