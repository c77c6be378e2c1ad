import * as z from 'zod/mini';

/** base64url without padding, as JWK writes the 32-byte coordinates of a P-256 point. */
const coordinateSchema = z
  .string()
  .check(z.regex(/^[A-Za-z0-9_-]{43}$/, { error: 'must be a P-256 coordinate in base64url' }));

/**
 * A device's public key (ECDSA on P-256, as a JWK): made on the device at sign-in with its
 * private half kept there, not extractable, and registered with the server, which checks
 * the device's sync bundles with it. Also the shape of the server's own public key, with
 * which a device checks a bundle's acknowledgement. Other JWK members are dropped.
 */
export const publicKeyJwkSchema = z.object({
  kty: z.literal('EC'),
  crv: z.literal('P-256'),
  x: coordinateSchema,
  y: coordinateSchema,
});
export type PublicKeyJwk = z.infer<typeof publicKeyJwkSchema>;

/** The WebCrypto algorithm of every signature in the protocol. */
export const SIGNATURE_KEY_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
export const SIGNATURE_ALGORITHM = { name: 'ECDSA', hash: 'SHA-256' } as const;
/** An ECDSA P-256 signature as WebCrypto writes it: r and s, 32 bytes each. */
export const SIGNATURE_BYTES = 64;
