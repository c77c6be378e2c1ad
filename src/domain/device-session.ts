import * as z from 'zod/mini';
import { idSchema } from './common';
import { userSchema } from './user';

export const LOCALES = ['id', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Who this device is signed in as. Kept on the device so it works offline. */
export const deviceSessionSchema = z.object({
  token: z.string().check(z.minLength(20)),
  user: userSchema,
});
export type DeviceSession = z.infer<typeof deviceSessionSchema>;

export const deviceIdSchema = idSchema;
export const localeSchema = z.enum(LOCALES);
