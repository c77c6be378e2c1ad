import { webcrypto } from 'node:crypto';
import * as z from 'zod/mini';
import {
  publicKeyJwkSchema,
  SIGNATURE_ALGORITHM,
  SIGNATURE_KEY_ALGORITHM,
  type PublicKeyJwk,
} from '../../domain/device-key';
import type { SqlExecutor } from '../store/sql-client';
import { findServerKey, insertServerKeyIfAbsent } from '../store/server-keys';

const PURPOSE = 'bundle-ack';

const privateKeyJwkSchema = z.object({
  ...publicKeyJwkSchema.shape,
  d: z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/)),
});

/** The server's key for acknowledgements: the public half goes to devices at sign-in. */
export interface AckSigningKey {
  publicKey: PublicKeyJwk;
  sign(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array>;
}

/**
 * The server's signing key, made on first use and kept in the database (not in memory),
 * so every server process sharing a PostgreSQL database signs with the same key and a
 * device enrolled through one can check an acknowledgement from another.
 */
export async function ackSigningKey(db: SqlExecutor, now: Date): Promise<AckSigningKey> {
  let stored = await findServerKey(db, PURPOSE);
  if (!stored) {
    const pair = await webcrypto.subtle.generateKey(SIGNATURE_KEY_ALGORITHM, true, [
      'sign',
      'verify',
    ]);
    await insertServerKeyIfAbsent(
      db,
      PURPOSE,
      {
        privateKey: await webcrypto.subtle.exportKey('jwk', pair.privateKey),
        publicKey: await webcrypto.subtle.exportKey('jwk', pair.publicKey),
      },
      now,
    );
    stored = await findServerKey(db, PURPOSE);
  }
  const privateJwk = privateKeyJwkSchema.parse(stored?.privateKey);
  const publicKey = publicKeyJwkSchema.parse(stored?.publicKey);
  const privateKey = await webcrypto.subtle.importKey(
    'jwk',
    privateJwk,
    SIGNATURE_KEY_ALGORITHM,
    false,
    ['sign'],
  );
  return {
    publicKey,
    sign: async (bytes) =>
      new Uint8Array(await webcrypto.subtle.sign(SIGNATURE_ALGORITHM, privateKey, bytes)),
  };
}
