import * as z from 'zod/mini';
import { blobRefSchema } from './blob-ref';
import {
  dateSchema,
  geoPointSchema,
  idSchema,
  instantSchema,
  nonEmptyText,
  optionalText,
  regionCodeSchema,
} from './common';

export const UNIT_TYPES = [
  'dinas',
  'badan',
  'kecamatan',
  'desa',
  'puskesmas',
  'uptd',
  'blud',
  'bumd',
  'sekolah',
  'perorangan',
  'lainnya',
] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

export const unitSchema = z.object({
  name: nonEmptyText(200),
  type: z.enum(UNIT_TYPES),
});
export type Unit = z.infer<typeof unitSchema>;

/** The innovation profile an operator registers for a unit. */
/** The items of the administrative check (seleksi administrasi, DOMAIN.md). */
export const ADMIN_CHECK_ITEMS = ['profile', 'evidence', 'implementation', 'unit'] as const;

/** One item: pass or fail, and why; a failed item needs its reason. */
export const adminCheckItemSchema = z
  .object({ item: z.enum(ADMIN_CHECK_ITEMS), passed: z.boolean(), note: optionalText(500) })
  .check(
    z.refine((i) => i.passed || i.note.trim() !== '', {
      error: 'a failed item needs its reason',
      path: ['note'],
    }),
  );
export type AdminCheckItem = z.infer<typeof adminCheckItemSchema>;

export const entrySchema = z.object({
  id: idSchema,
  competitionId: idSchema,
  categoryId: idSchema,
  title: nonEmptyText(200),
  unit: unitSchema,
  regionCode: regionCodeSchema,
  isDigital: z.boolean(),
  startedOn: dateSchema,
  summary: optionalText(5000),
  location: z.optional(
    z.object({
      address: optionalText(500),
      point: z.optional(geoPointSchema),
    }),
  ),
  contact: z.optional(
    z.object({
      name: nonEmptyText(200),
      phone: z.optional(
        z.string().check(
          z.regex(/^\+?[0-9 -]{6,20}$/, {
            error: 'must be a phone number such as 0812 3456 7890',
          }),
        ),
      ),
      email: z.optional(z.email({ error: 'must be an e-mail address' })),
    }),
  ),
  evidence: z.array(blobRefSchema),
  /**
   * The panitia's administrative check (seleksi administrasi). Once it is there, the
   * operator can no longer change the entry.
   */
  adminCheck: z.optional(
    z
      .object({
        outcome: z.enum(['passed', 'failed']),
        reason: optionalText(1000),
        checkedAt: instantSchema,
        /** Each item as the panitia decided it; absent on checks recorded before items were kept. */
        items: z.optional(z.array(adminCheckItemSchema)),
      })
      .check(
        z.refine(
          (c) =>
            c.items === undefined ||
            (c.items.every((i) => i.passed) ? 'passed' : 'failed') === c.outcome,
          { error: 'the outcome must follow the items: passed only when every item passed' },
        ),
      ),
  ),
});
export type Entry = z.infer<typeof entrySchema>;
