import * as z from 'zod/mini';
import { idSchema, nonEmptyText, regionCodeSchema } from './common';

export const COMPETITION_STATUSES = ['draft', 'running', 'closed', 'archived'] as const;

export const competitionSchema = z.object({
  id: idSchema,
  name: nonEmptyText(200),
  year: z.int().check(z.gte(2000), z.lte(2100)),
  organiser: z.object({
    unit: nonEmptyText(200),
    regionCode: regionCodeSchema,
  }),
  status: z.enum(COMPETITION_STATUSES),
  /** Demo data is shown with a visible mark so nobody mistakes it for a real round. */
  isDemo: z.boolean(),
});
export type Competition = z.infer<typeof competitionSchema>;
