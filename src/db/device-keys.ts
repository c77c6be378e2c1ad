import * as z from 'zod/mini';
import { publicKeyJwkSchema, type PublicKeyJwk } from '../domain/device-key';
import type { DeviceSettings } from './device-settings';

/**
 * The device's signing key for sync bundles. IndexedDB keeps CryptoKey objects as they are
 * (structured clone), so the private key, made not extractable, never exists as bytes the
 * app could read or leak. The public half is kept as a JWK beside it. CryptoKey exists
 * only in a secure context (https or localhost): elsewhere no key is ever read.
 */
const deviceKeySchema = z.object({
  privateKey: z.custom<CryptoKey>(
    (value) => typeof CryptoKey !== 'undefined' && value instanceof CryptoKey,
  ),
  publicKey: publicKeyJwkSchema,
});
export type DeviceKey = z.infer<typeof deviceKeySchema>;

/** Kept across sign-outs, like the device id: it belongs to the device, not a person. */
export function readDeviceKey(settings: DeviceSettings): Promise<DeviceKey | undefined> {
  return settings.read('deviceKey', deviceKeySchema);
}

export function saveDeviceKey(settings: DeviceSettings, key: DeviceKey): Promise<void> {
  return settings.write('deviceKey', deviceKeySchema, key);
}

/** The server's key for bundle acknowledgements, learnt at sign-in. */
export function readServerKey(settings: DeviceSettings): Promise<PublicKeyJwk | undefined> {
  return settings.read('serverKey', publicKeyJwkSchema);
}

export function saveServerKey(settings: DeviceSettings, key: PublicKeyJwk): Promise<void> {
  return settings.write('serverKey', publicKeyJwkSchema, key);
}
