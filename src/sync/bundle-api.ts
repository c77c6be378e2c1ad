import type { BundleImportResult } from '../domain/bundle-report';
import { makeUuidV7 } from '../domain/ids';
import type { AppDatabase } from '../db/app-database';
import type { DeviceSettings } from '../db/device-settings';
import { acceptBundleAck, type AckOutcome } from './accept-bundle-ack';
import { SignInRequiredError } from './api-errors';
import { exportBundle, type ExportedBundle } from './export-bundle';
import { importBundleFile } from './import-bundle';
import type { Transport } from './transport';

// Sign-in registers the device's key (and keeps the server's) through this module too:
// all of the bundle code then loads as one chunk, whichever use comes first.
export { ensureDeviceKey, rememberServerKey } from './device-signing';

/**
 * Sync without a network (ARCHITECTURE.md, sync protocol 9): export this device's unsent
 * work as a signed file, read the server's acknowledgement of it, and carry someone
 * else's file to the server. Loaded on first use: only the device screen needs it.
 */
export interface BundleApi {
  exportBundle(): Promise<ExportedBundle>;
  /** The acknowledgement file's text, or its link's `#tanda-terima=…` part. */
  acceptAck(text: string): Promise<AckOutcome>;
  /** Needs the network. */
  importBundle(file: Blob): Promise<BundleImportResult>;
}

export function createBundleApi(deps: {
  transport: Transport;
  db: AppDatabase;
  settings: DeviceSettings;
  deviceId: string;
  now: () => number;
}): BundleApi {
  const makeId = () => makeUuidV7(deps.now(), crypto.getRandomValues(new Uint8Array(10)));
  return {
    exportBundle: () => exportBundle({ ...deps, makeId }),
    acceptAck: (text) => acceptBundleAck(deps, text),
    async importBundle(file) {
      const session = await deps.settings.session();
      if (!session) throw new SignInRequiredError('This device is not signed in');
      return importBundleFile(deps.transport, session.token, file);
    },
  };
}
