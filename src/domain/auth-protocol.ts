import * as z from 'zod/mini';
import { idSchema, instantSchema, nonEmptyText } from './common';
import { publicKeyJwkSchema } from './device-key';
import { changeSchema, cursorSchema } from './sync-protocol';
import { userSchema } from './user';

/** Redeeming a one-time code (the panitia's link or an invite) enrols this device. */
export const redeemRequestSchema = z.object({
  code: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, { error: 'enter the code' }),
      z.maxLength(40, { error: 'a code is at most 40 characters' }),
    ),
  deviceId: idSchema,
  deviceName: nonEmptyText(100),
  /** The device's signing key for sync bundles; absent from devices older than bundles. */
  publicKey: z.optional(publicKeyJwkSchema),
});
export type RedeemRequest = z.infer<typeof redeemRequestSchema>;

/** Whose invite a code is, asked before redeeming so the judge can confirm their name. */
export const inviteInfoRequestSchema = z.object({ code: redeemRequestSchema.shape.code });
export type InviteInfoRequest = z.infer<typeof inviteInfoRequestSchema>;

export const inviteInfoResponseSchema = z.object({
  name: userSchema.shape.name,
  role: userSchema.shape.role,
  expiresAt: instantSchema,
});
export type InviteInfoResponse = z.infer<typeof inviteInfoResponseSchema>;

/**
 * The id of the JSON script element in which the server gives the invite link's page the
 * answer to invite-info ({ code, invite }), sparing a first visit that round trip.
 */
export const EMBEDDED_INVITE_ID = 'invite-info';

export const redeemResponseSchema = z.object({
  token: z.string().check(z.minLength(20)),
  user: userSchema,
  serverTime: instantSchema,
  /** The server's key, with which the device checks a bundle's acknowledgement. */
  serverPublicKey: z.optional(publicKeyJwkSchema),
  /**
   * The first page of what the user may read, so a new device shows its work without a
   * second round trip (on 3G, a third of a second). Later pages come by sync as usual.
   */
  firstPage: z.optional(
    z.object({ changes: z.array(changeSchema), cursor: cursorSchema, hasMore: z.boolean() }),
  ),
});
export type RedeemResponse = z.infer<typeof redeemResponseSchema>;

export const healthResponseSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  protocolVersion: z.int(),
  schemaVersion: z.int(),
});
