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

/**
 * A PIN that locks the app on this device: 4 to 8 digits, typed on a phone's number pad.
 * It keeps a borrowed or unattended phone's scores private; it does not encrypt the data.
 */
export const pinSchema = z
  .string()
  .check(z.regex(/^\d{4,8}$/, { error: 'a PIN is 4 to 8 digits' }));

/** The stored PIN: a salted PBKDF2 hash, never the PIN itself. */
export const pinLockSchema = z.object({
  salt: z.string().check(z.minLength(16)),
  hash: z.string().check(z.minLength(16)),
  iterations: z.int().check(z.gte(1)),
});
export type PinLock = z.infer<typeof pinLockSchema>;
