import { createHash } from 'node:crypto';

/** Letters and digits that cannot be mistaken for each other when read aloud or typed. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A device token: 32 random bytes, base64url. Only its hash is stored. */
export function makeToken(random: (size: number) => Uint8Array): string {
  return Buffer.from(random(32)).toString('base64url');
}

/**
 * A code a person can type from paper or read over the phone: 10 characters in two
 * groups ("K7QM3-XP2DA"), about 50 bits; single use and short-lived, so that is plenty.
 */
export function makeHumanCode(random: (size: number) => Uint8Array): string {
  const chars = Array.from(random(10), (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** Codes are compared without dashes, spaces or case, as people type them. */
export function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
