import * as z from 'zod/mini';
import { idSchema, nonEmptyText } from './common';
import { unitSchema } from './entry';

export const ROLES = ['panitia', 'judge', 'operator'] as const;
export type Role = (typeof ROLES)[number];

export const AFFILIATIONS = ['akademisi', 'pemerintah', 'praktisi', 'media'] as const;
export type Affiliation = (typeof AFFILIATIONS)[number];

/** Nomor Induk Pegawai: 18 digits, stored without spaces. */
export const nipSchema = z
  .string()
  .check(z.regex(/^\d{18}$/, { error: 'NIP must be exactly 18 digits' }));

export const userSchema = z.object({
  id: idSchema,
  name: nonEmptyText(200),
  role: z.enum(ROLES),
  nip: z.optional(nipSchema),
  affiliation: z.optional(z.enum(AFFILIATIONS)),
  /** The unit an operator registers entries for; a judge's own unit, for conflicts. */
  unit: z.optional(unitSchema),
});
export type User = z.infer<typeof userSchema>;

/** "196303011986021002" → "19630301 198602 1 002": birth date, appointment, sex, number. */
export function formatNip(nip: string): string {
  return `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`;
}
