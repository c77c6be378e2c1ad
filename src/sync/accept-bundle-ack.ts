import type * as z from 'zod/mini';
import {
  bundleAckSchema,
  parseAckFragment,
  signedAckSchema,
  type SignedAck,
} from '../domain/bundle-ack';
import { base64UrlToBytes } from '../domain/base64url';
import { parseIndexRanges } from '../domain/index-ranges';
import { acknowledgeBundle, type AcknowledgedWork } from '../db/acknowledge-bundle';
import type { AppDatabase } from '../db/app-database';
import { listBundleExports } from '../db/bundle-exports';
import { readServerKey } from '../db/device-keys';
import type { DeviceSettings } from '../db/device-settings';
import { verifySignature } from './device-signing';

export type AckProblem =
  'unreadable' | 'no-server-key' | 'bad-signature' | 'other-device' | 'unknown-bundle';

/** An acknowledgement this device will not act on; nothing was changed. */
export class AckRefusedError extends Error {
  override readonly name = 'AckRefusedError';
  constructor(
    readonly problem: AckProblem,
    message: string,
  ) {
    super(message);
  }
}

export interface AckOutcome extends AcknowledgedWork {
  bundleId: string;
  /** Mutations the acknowledgement confirms, including those this device no longer had. */
  acknowledged: number;
}

/**
 * Reads the server's acknowledgement of a bundle (the file's text, or the text after
 * `#tanda-terima=` of the QR code's link) and clears what it confirms. It is acted on only
 * if all of this holds, else nothing changes:
 * - the server's signature over it is valid (key learnt at sign-in), so nobody holding
 *   the bundle can forge an acknowledgement that makes the device drop unsent work;
 * - it names this device, and a bundle this device exported, by the sha-256 of the exact
 *   manifest it signed;
 * - and it clears only mutations by their position in that bundle, as the device itself
 *   recorded it: an acknowledgement can never name work the device did not put there.
 */
export async function acceptBundleAck(
  ctx: { db: AppDatabase; settings: DeviceSettings; deviceId: string; now: () => number },
  text: string,
): Promise<AckOutcome> {
  const signed = readSignedAck(text.trim());
  const serverKey = await readServerKey(ctx.settings);
  if (!serverKey) {
    throw new AckRefusedError(
      'no-server-key',
      'This device does not know the server key: it signed in before sync bundles existed',
    );
  }
  const signature = base64UrlToBytes(signed.signature);
  const payloadBytes = new TextEncoder().encode(signed.payload);
  if (!signature || !(await verifySignature(serverKey, signature, payloadBytes)))
    throw new AckRefusedError('bad-signature', 'The acknowledgement is not signed by the server');
  const ack = parseJson(signed.payload, bundleAckSchema);
  if (ack.deviceId !== ctx.deviceId)
    throw new AckRefusedError('other-device', 'The acknowledgement is for another device');
  const exported = (await listBundleExports(ctx.db)).find((e) => e.bundleId === ack.bundleId);
  if (!exported || exported.manifestSha256 !== ack.manifestSha256) {
    throw new AckRefusedError(
      'unknown-bundle',
      'The acknowledgement is for a bundle this device did not export (or no longer remembers)',
    );
  }
  const acknowledged = parseIndexRanges(ack.acknowledged, exported.mutationIds.length);
  const rejectedValid = ack.rejected.every((r) => r.index < exported.mutationIds.length);
  if (!acknowledged || !rejectedValid)
    throw new AckRefusedError('unreadable', 'The acknowledgement does not fit its bundle');
  const idAt = (index: number) => exported.mutationIds[index] ?? '';
  const work = await acknowledgeBundle(ctx.db, {
    mutationIds: acknowledged.map(idAt),
    rejections: ack.rejected.map((r) => ({
      mutationId: idAt(r.index),
      code: r.code,
      message: r.message,
    })),
    // The server imports a bundle with all its files or not at all.
    blobs: ack.blobs === exported.blobs.length ? exported.blobs : [],
    nowMs: ctx.now(),
  });
  return { ...work, bundleId: ack.bundleId, acknowledged: acknowledged.length };
}

function readSignedAck(text: string): SignedAck {
  if (text.startsWith('{')) return parseJson(text, signedAckSchema);
  const fragment = text.includes('=') ? text.slice(text.lastIndexOf('=') + 1) : text;
  const signed = parseAckFragment(fragment);
  if (!signed) throw new AckRefusedError('unreadable', 'This is not an acknowledgement');
  return signed;
}

function parseJson<S extends z.ZodMiniType>(text: string, schema: S): z.infer<S> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AckRefusedError('unreadable', 'This is not an acknowledgement');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AckRefusedError('unreadable', 'This is not an acknowledgement');
  return parsed.data;
}
