import * as z from 'zod/mini';
import { idSchema, nonEmptyText } from './common';

/** Umum / Pelajar / OPD for Krenova, or the clusters of a KIPP round. */
export const categorySchema = z.object({
  id: idSchema,
  competitionId: idSchema,
  name: nonEmptyText(120),
  order: z.int().check(z.gte(0)),
});
export type Category = z.infer<typeof categorySchema>;
