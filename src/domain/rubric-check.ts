import { isWholeMultiple, type Criterion, type Rubric } from './rubric';

/**
 * The rubric editor's live check: what makes a rubric unusable (errors, the same rules the
 * schema enforces, said per criterion) and what is probably a mistake (warnings). A total
 * is Σ (value normalised × weight) / Σ weight × 100, so weights need not add up to 100:
 * the sum is shown, never required.
 */
export type RubricIssue =
  | { severity: 'error'; code: 'no-criteria' }
  | { severity: 'error'; code: 'no-name' }
  | { severity: 'error'; code: 'criterion-no-name'; criterion: number }
  | { severity: 'error'; code: 'duplicate-key'; criterion: number; key: string }
  | { severity: 'error'; code: 'bad-key'; criterion: number; key: string }
  | { severity: 'error'; code: 'weight-not-positive'; criterion: number }
  | { severity: 'error'; code: 'range-empty'; criterion: number }
  | { severity: 'error'; code: 'step-not-positive'; criterion: number }
  | { severity: 'error'; code: 'range-not-whole-steps'; criterion: number }
  | { severity: 'error'; code: 'levels-too-few'; criterion: number }
  | { severity: 'error'; code: 'level-no-label'; criterion: number; level: number }
  | { severity: 'error'; code: 'level-negative-points'; criterion: number; level: number }
  | { severity: 'error'; code: 'levels-same-points'; criterion: number }
  | { severity: 'error'; code: 'levels-all-zero'; criterion: number }
  | { severity: 'warning'; code: 'weight-dominates'; criterion: number; percent: number }
  | { severity: 'warning'; code: 'level-no-evidence'; criterion: number; level: number }
  | { severity: 'warning'; code: 'levels-not-ascending'; criterion: number }
  | { severity: 'warning'; code: 'range-too-fine'; criterion: number; steps: number };

/** One criterion carrying more than this share of the total weight is worth a second look. */
const DOMINANT_SHARE = 0.5;
const MAX_SENSIBLE_STEPS = 1000;

export interface RubricSummary {
  issues: RubricIssue[];
  totalWeight: number;
  /** Each criterion's share of a total, in percent (weight / Σ weight). */
  shares: number[];
  isUsable: boolean;
}

export function checkRubric(rubric: Pick<Rubric, 'name' | 'criteria'>): RubricSummary {
  const issues: RubricIssue[] = [];
  if (rubric.name.trim() === '') issues.push({ severity: 'error', code: 'no-name' });
  if (rubric.criteria.length === 0) issues.push({ severity: 'error', code: 'no-criteria' });
  const totalWeight = rubric.criteria.reduce((sum, c) => sum + Math.max(0, c.weight), 0);
  const seen = new Set<string>();
  rubric.criteria.forEach((criterion, index) => {
    if (criterion.name.trim() === '')
      issues.push({ severity: 'error', code: 'criterion-no-name', criterion: index });
    if (!/^[a-z0-9][a-z0-9-]{0,39}$/.test(criterion.key)) {
      issues.push({ severity: 'error', code: 'bad-key', criterion: index, key: criterion.key });
    } else if (seen.has(criterion.key)) {
      issues.push({
        severity: 'error',
        code: 'duplicate-key',
        criterion: index,
        key: criterion.key,
      });
    }
    seen.add(criterion.key);
    if (!(criterion.weight > 0)) {
      issues.push({ severity: 'error', code: 'weight-not-positive', criterion: index });
    } else if (rubric.criteria.length > 2 && criterion.weight / totalWeight > DOMINANT_SHARE) {
      issues.push({
        severity: 'warning',
        code: 'weight-dominates',
        criterion: index,
        percent: Math.round((criterion.weight / totalWeight) * 100),
      });
    }
    issues.push(...scaleIssues(criterion, index));
  });
  return {
    issues,
    totalWeight,
    shares: rubric.criteria.map((c) =>
      totalWeight > 0 ? (Math.max(0, c.weight) / totalWeight) * 100 : 0,
    ),
    isUsable: !issues.some((i) => i.severity === 'error'),
  };
}

function scaleIssues(criterion: Criterion, index: number): RubricIssue[] {
  const scale = criterion.scale;
  const issues: RubricIssue[] = [];
  if (scale.kind === 'range') {
    if (!(scale.step > 0)) {
      issues.push({ severity: 'error', code: 'step-not-positive', criterion: index });
    }
    if (!(scale.max > scale.min)) {
      issues.push({ severity: 'error', code: 'range-empty', criterion: index });
    } else if (scale.step > 0) {
      if (!isWholeMultiple(scale.max - scale.min, scale.step)) {
        issues.push({ severity: 'error', code: 'range-not-whole-steps', criterion: index });
      }
      const steps = Math.round((scale.max - scale.min) / scale.step);
      if (steps > MAX_SENSIBLE_STEPS) {
        issues.push({ severity: 'warning', code: 'range-too-fine', criterion: index, steps });
      }
    }
    return issues;
  }
  const levels = scale.levels;
  if (levels.length < 2)
    issues.push({ severity: 'error', code: 'levels-too-few', criterion: index });
  levels.forEach((level, l) => {
    if (level.label.trim() === '')
      issues.push({ severity: 'error', code: 'level-no-label', criterion: index, level: l });
    if (!(level.points >= 0))
      issues.push({ severity: 'error', code: 'level-negative-points', criterion: index, level: l });
    // DOMAIN.md: each level names the evidence (data dukung) it needs; 0 means "none".
    if (level.points > 0 && level.evidence.trim() === '')
      issues.push({ severity: 'warning', code: 'level-no-evidence', criterion: index, level: l });
  });
  if (new Set(levels.map((l) => l.points)).size !== levels.length)
    issues.push({ severity: 'error', code: 'levels-same-points', criterion: index });
  if (levels.length > 0 && !levels.some((l) => l.points > 0))
    issues.push({ severity: 'error', code: 'levels-all-zero', criterion: index });
  if (levels.some((l, i) => i > 0 && l.points < (levels[i - 1]?.points ?? 0)))
    issues.push({ severity: 'warning', code: 'levels-not-ascending', criterion: index });
  return issues;
}

/**
 * A criterion key from its name: "Kebaruan / nilai tambah" → "kebaruan-nilai-tambah",
 * unique among `taken` (a number is added when needed). Keys are what scoresheets store.
 */
export function criterionKeyFromName(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 36)
      .replace(/-+$/, '') || 'kriteria';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** The next version number of a rubric, given the versions that exist. */
export function nextRubricVersion(versions: readonly number[]): number {
  return Math.max(0, ...versions) + 1;
}
