import { pinSchema, type PinLock } from '../../domain/device-session';

/**
 * PBKDF2-SHA-256 with a random salt: a 4-digit PIN has only 10,000 values, so the hash
 * cannot make guessing impossible for someone holding the phone's storage; it makes each
 * guess cost time and keeps the PIN itself off the disk. 100,000 iterations take about a
 * tenth of a second on a cheap phone, once per unlock.
 */
const ITERATIONS = 100_000;

export async function makePinLock(pin: string): Promise<PinLock> {
  const checked = pinSchema.parse(pin);
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return {
    salt: toBase64(salt),
    hash: toBase64(await derive(checked, salt, ITERATIONS)),
    iterations: ITERATIONS,
  };
}

export async function pinMatches(lock: PinLock, pin: string): Promise<boolean> {
  if (!pinSchema.safeParse(pin).success) return false;
  const derived = toBase64(await derive(pin, fromBase64(lock.salt), lock.iterations));
  return derived === lock.hash;
}

/** After this many wrong PINs in a row, each further try waits, doubling from 30 s. */
export const FREE_ATTEMPTS = 5;

export function lockoutMs(failures: number): number {
  return failures < FREE_ATTEMPTS ? 0 : 30_000 * 2 ** Math.min(failures - FREE_ATTEMPTS, 6);
}

async function derive(
  pin: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

function toBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}
