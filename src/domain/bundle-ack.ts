import * as z from 'zod/mini';
import { base64UrlToBytes, bytesToBase64Url } from './base64url';
import { sha256Schema } from './blob-ref';
import { idSchema, instantSchema } from './common';
import { REJECTION_CODES } from './sync-protocol';

/**
 * The server's acknowledgement of an imported bundle: what the device may now drop. It is
 * signed by the server (ECDSA P-256, its public key reached the device at sign-in), names
 * the device and the exact manifest (its sha-256), and refers to the bundle's mutations by
 * their position in that manifest. So a forged or altered acknowledgement cannot make a
 * device drop unsent work, and a genuine one only ever names work the device itself put in
 * that bundle.
 */
export const BUNDLE_ACK_FORMAT = 'jurilapang-ack';
export const BUNDLE_ACK_FILE_EXTENSION = '.jlack';
/** The device screen reads an acknowledgement from its address, as a QR code opens it. */
export const ACK_LINK_PATH = '/perangkat';
export const ACK_LINK_PARAMETER = 'tanda-terima';

export const bundleAckSchema = z.object({
  format: z.literal(BUNDLE_ACK_FORMAT),
  bundleId: idSchema,
  deviceId: idSchema,
  manifestSha256: sha256Schema,
  importedAt: instantSchema,
  /** Positions of the mutations the server holds, applied now or before ("0-41,43"). */
  acknowledged: z.string().check(z.regex(/^[\d,-]*$/)),
  /** Mutations the server refused, with its reason; the device keeps and shows them. */
  rejected: z.array(
    z.object({
      index: z.int().check(z.gte(0)),
      code: z.enum(REJECTION_CODES),
      message: z.string(),
    }),
  ),
  /** How many of the bundle's files the server holds: all of them, or nothing was imported. */
  blobs: z.int().check(z.gte(0)),
});
export type BundleAck = z.infer<typeof bundleAckSchema>;

/** The acknowledgement as it travels: the exact signed JSON text and the signature. */
export const signedAckSchema = z.object({
  format: z.literal(BUNDLE_ACK_FORMAT),
  payload: z.string().check(z.maxLength(1_000_000)),
  signature: z.string().check(z.regex(/^[A-Za-z0-9_-]{86}$/, { error: 'must be a signature' })),
});
export type SignedAck = z.infer<typeof signedAckSchema>;

/** The text after `#tanda-terima=` in the acknowledgement's link. */
export function formatAckFragment(ack: SignedAck): string {
  return `${bytesToBase64Url(new TextEncoder().encode(ack.payload))}.${ack.signature}`;
}

export function parseAckFragment(fragment: string): SignedAck | null {
  const [payload, signature, extra] = fragment.split('.');
  if (payload === undefined || signature === undefined || extra !== undefined) return null;
  const bytes = base64UrlToBytes(payload);
  if (!bytes) return null;
  const parsed = signedAckSchema.safeParse({
    format: BUNDLE_ACK_FORMAT,
    payload: new TextDecoder().decode(bytes),
    signature,
  });
  return parsed.success ? parsed.data : null;
}
