import {
  publicKeyJwkSchema,
  SIGNATURE_ALGORITHM,
  SIGNATURE_KEY_ALGORITHM,
  type PublicKeyJwk,
} from '../domain/device-key';
import { readDeviceKey, saveDeviceKey, saveServerKey } from '../db/device-keys';
import type { DeviceSettings } from '../db/device-settings';

/**
 * This device's bundle signing key, made once (at its first sign-in) and kept: ECDSA P-256
 * from WebCrypto, the private half not extractable. Returns the public half to register
 * with the server, or undefined where the browser has no WebCrypto (a plain http://
 * address on a local network): signing in works there, sync bundles do not.
 */
export async function ensureDeviceKey(settings: DeviceSettings): Promise<PublicKeyJwk | undefined> {
  const existing = await readDeviceKey(settings);
  if (existing) return existing.publicKey;
  if (typeof crypto === 'undefined' || typeof crypto.subtle === 'undefined') return undefined;
  const pair = await crypto.subtle.generateKey(SIGNATURE_KEY_ALGORITHM, false, ['sign', 'verify']);
  const publicKey = publicKeyJwkSchema.parse(await crypto.subtle.exportKey('jwk', pair.publicKey));
  await saveDeviceKey(settings, { privateKey: pair.privateKey, publicKey });
  return publicKey;
}

/** Keeps the server's key, with which the device checks a bundle's acknowledgement. */
export async function rememberServerKey(
  settings: DeviceSettings,
  key: PublicKeyJwk,
): Promise<void> {
  await saveServerKey(settings, key);
}

/** Checks a signature made with the key `jwk` (the server's, for acknowledgements). */
export async function verifySignature(
  jwk: PublicKeyJwk,
  signature: Uint8Array<ArrayBuffer>,
  bytes: Uint8Array<ArrayBuffer>,
): Promise<boolean> {
  try {
    const key = await crypto.subtle.importKey('jwk', jwk, SIGNATURE_KEY_ALGORITHM, false, [
      'verify',
    ]);
    return await crypto.subtle.verify(SIGNATURE_ALGORITHM, key, signature, bytes);
  } catch {
    return false;
  }
}
