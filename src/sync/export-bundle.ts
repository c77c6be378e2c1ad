import {
  BUNDLE_FILE_EXTENSION,
  BUNDLE_MEDIA_TYPE,
  formatBundleHeader,
  type BundleManifest,
} from '../domain/bundle-manifest';
import { SIGNATURE_ALGORITHM } from '../domain/device-key';
import { PROTOCOL_VERSION, SCHEMA_VERSION } from '../domain/sync-protocol';
import { recordBundleExport, readUnsentWork } from '../db/bundle-exports';
import type { AppDatabase } from '../db/app-database';
import { readDeviceKey } from '../db/device-keys';
import type { DeviceSettings } from '../db/device-settings';
import { sha256Hex } from './sha256-hex';

export interface ExportedBundle {
  /** The bundle file, built from parts: the photos stay on disk until it is read. */
  file: Blob;
  fileName: string;
  bundleId: string;
  mutations: number;
  photos: number;
  /** Photos left out because their stored bytes are damaged (the server would refuse them). */
  damagedPhotos: number;
}

/** Why no bundle can be made on this device now. */
export class BundleExportError extends Error {
  override readonly name = 'BundleExportError';
  constructor(
    readonly reason: 'not-signed-in' | 'no-key' | 'nothing-to-send',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Writes everything this device has not sent into one signed bundle file (format:
 * bundle-manifest.ts): the pending mutations, oldest first, and the photos still to
 * upload. Needs no network. Nothing leaves the outbox: the device keeps all of it until an
 * acknowledgement or an online sync confirms it. The file is a Blob made of parts, the
 * photos being the Blobs IndexedDB holds on disk, so 300 photos are never in memory.
 */
export async function exportBundle(ctx: {
  db: AppDatabase;
  settings: DeviceSettings;
  deviceId: string;
  now: () => number;
  makeId: () => string;
}): Promise<ExportedBundle> {
  const session = await ctx.settings.session();
  if (!session) throw new BundleExportError('not-signed-in', 'This device is not signed in');
  const key = await readDeviceKey(ctx.settings);
  if (!key)
    throw new BundleExportError('no-key', 'This device has no signing key: sign in again first');
  const unsent = await readUnsentWork(ctx.db);
  const blobs = unsent.blobs.filter((row) => row.blob.size === row.size);
  if (unsent.mutations.length === 0 && blobs.length === 0)
    throw new BundleExportError('nothing-to-send', 'Everything has been sent');

  const createdAt = new Date(ctx.now());
  const manifest: BundleManifest = {
    protocolVersion: PROTOCOL_VERSION,
    schemaVersion: SCHEMA_VERSION,
    bundleId: ctx.makeId(),
    deviceId: ctx.deviceId,
    userId: session.user.id,
    createdAt: createdAt.toISOString(),
    mutations: unsent.mutations,
    blobs: blobs.map((row) => ({ sha256: row.sha256, size: row.size, mediaType: row.mediaType })),
  };
  const manifestBytes = new TextEncoder().encode(JSON.stringify(manifest));
  const signature = new Uint8Array(
    await crypto.subtle.sign(SIGNATURE_ALGORITHM, key.privateKey, manifestBytes),
  );
  await recordBundleExport(ctx.db, {
    bundleId: manifest.bundleId,
    manifestSha256: await sha256Hex(manifestBytes),
    createdAtMs: createdAt.getTime(),
    mutationIds: unsent.mutations.map((m) => m.id),
    blobs: blobs.map((row) => row.sha256),
  });
  const file = new Blob(
    [
      formatBundleHeader(manifestBytes.length, signature.length),
      manifestBytes,
      signature,
      ...blobs.map((row) => row.blob),
    ],
    { type: BUNDLE_MEDIA_TYPE },
  );
  return {
    file,
    fileName: bundleFileName(session.user.name, createdAt),
    bundleId: manifest.bundleId,
    mutations: unsent.mutations.length,
    photos: blobs.length,
    damagedPhotos: unsent.blobs.length - blobs.length,
  };
}

/** "paket-siti-rahayu-20260818-0915.jlbundle": whose, and when (UTC), for the panitia's folder. */
function bundleFileName(userName: string, at: Date): string {
  const who = userName
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 30);
  const when = at.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return `paket-${who || 'perangkat'}-${when}${BUNDLE_FILE_EXTENSION}`;
}
