import * as z from 'zod/mini';
import { idSchema, nonEmptyText, optionalText } from './common';

/** A criterion is keyed within its rubric so scoresheets stay readable ("kebaruan"). */
export const criterionKeySchema = z.string().check(
  z.regex(/^[a-z0-9][a-z0-9-]{0,39}$/, {
    error: 'must be 1–40 lowercase letters, digits or dashes',
  }),
);
export type CriterionKey = z.infer<typeof criterionKeySchema>;

/** A numeric scale, e.g. 0–100 in steps of 1 (KIPP) or 1–5 in steps of 0.5. */
export const rangeScaleSchema = z
  .object({
    kind: z.literal('range'),
    min: z.number(),
    max: z.number(),
    step: z.number().check(z.gt(0, { error: 'step must be greater than 0' })),
  })
  .check(
    z.refine((s) => s.max > s.min, { error: 'max must be greater than min' }),
    z.refine((s) => isWholeMultiple(s.max - s.min, s.step), {
      error: 'the range from min to max must be a whole number of steps',
    }),
  );
export type RangeScale = z.infer<typeof rangeScaleSchema>;

/** One rung of a level scale, naming the evidence (data dukung) it needs. */
export const levelSchema = z.object({
  label: nonEmptyText(200),
  points: z.number().check(z.gte(0)),
  evidence: optionalText(500),
});
export type Level = z.infer<typeof levelSchema>;

/** Discrete levels, e.g. the IID maturity indicators: 0 without evidence, then 1, 2, 3. */
export const levelScaleSchema = z
  .object({
    kind: z.literal('levels'),
    levels: z.array(levelSchema).check(z.minLength(2, { error: 'needs at least two levels' })),
  })
  .check(
    z.refine((s) => new Set(s.levels.map((l) => l.points)).size === s.levels.length, {
      error: 'each level must have different points',
    }),
    z.refine((s) => s.levels.some((l) => l.points > 0), {
      error: 'at least one level must be worth more than 0 points',
    }),
  );
export type LevelScale = z.infer<typeof levelScaleSchema>;

export const scaleSchema = z.discriminatedUnion('kind', [rangeScaleSchema, levelScaleSchema]);
export type Scale = z.infer<typeof scaleSchema>;

export const criterionSchema = z.object({
  key: criterionKeySchema,
  name: nonEmptyText(200),
  description: optionalText(2000),
  weight: z.number().check(z.gt(0, { error: 'weight must be greater than 0' })),
  scale: scaleSchema,
});
export type Criterion = z.infer<typeof criterionSchema>;

/**
 * A rubric is identified by id and version together. A version is frozen once a stage
 * that uses it opens; editing it then makes a new version, and scoresheets keep theirs.
 */
export const rubricSchema = z
  .object({
    id: idSchema,
    version: z.int().check(z.gte(1)),
    name: nonEmptyText(200),
    criteria: z
      .array(criterionSchema)
      .check(z.minLength(1, { error: 'a rubric needs at least one criterion' })),
  })
  .check(
    z.refine((r) => new Set(r.criteria.map((c) => c.key)).size === r.criteria.length, {
      error: 'criterion keys must be unique within a rubric',
    }),
  );
export type Rubric = z.infer<typeof rubricSchema>;

/** The storage key of one rubric version. */
export function rubricVersionKey(rubricId: string, version: number): string {
  return `${rubricId}@${version}`;
}

/** Tolerates the binary error of decimal steps such as 0.1. */
export function isWholeMultiple(value: number, step: number): boolean {
  const ratio = value / step;
  return Math.abs(ratio - Math.round(ratio)) < 1e-9;
}
