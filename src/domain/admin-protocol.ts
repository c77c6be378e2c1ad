import * as z from 'zod/mini';
import { idSchema, instantSchema } from './common';

export const createInviteRequestSchema = z.object({
  userId: idSchema,
  /** How long the code stays valid; a week by default, at most 30 days. */
  validHours: z.optional(z.int().check(z.gte(1), z.lte(24 * 30))),
});
export type CreateInviteRequest = z.infer<typeof createInviteRequestSchema>;

export const inviteSchema = z.object({
  userId: idSchema,
  code: z.string(),
  link: z.string(),
  expiresAt: instantSchema,
});
export type Invite = z.infer<typeof inviteSchema>;

export const deviceInfoSchema = z.object({
  id: idSchema,
  userId: idSchema,
  name: z.string(),
  createdAt: instantSchema,
  lastSeenAt: z.nullable(instantSchema),
  revokedAt: z.nullable(instantSchema),
});
export type DeviceInfo = z.infer<typeof deviceInfoSchema>;
