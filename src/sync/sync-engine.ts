import type { DeviceSession } from '../domain/device-session';
import type { AppDatabase } from '../db/app-database';
import type { DeviceSettings } from '../db/device-settings';
import { pullAllChanges } from './pull-all-changes';
import { redeemCode } from './redeem-code';
import { outcomeOfError, type SyncOutcome } from './sync-outcome';
import type { Transport } from './transport';

export interface SyncEngineDeps {
  transport: Transport;
  db: AppDatabase;
  settings: DeviceSettings;
  deviceId: string;
  now: () => number;
}

export interface SyncEngine {
  signIn(code: string, deviceName: string): Promise<DeviceSession>;
  syncNow(): Promise<SyncOutcome>;
}

/**
 * The device's link to the server. This first version pulls; pushing the outbox, retries
 * with backoff and the Web Lock that keeps it to one tab belong to the full engine.
 */
export function createSyncEngine(deps: SyncEngineDeps): SyncEngine {
  let running: Promise<SyncOutcome> | null = null;

  async function runOnce(): Promise<SyncOutcome> {
    const session = await deps.settings.session();
    if (!session) return { ok: false, reason: 'sign-in', message: 'This device is not signed in' };
    try {
      const { changes } = await pullAllChanges({ ...deps, token: session.token });
      return { ok: true, changes };
    } catch (error) {
      return outcomeOfError(error);
    }
  }

  return {
    async signIn(code, deviceName) {
      const response = await redeemCode(deps.transport, {
        code,
        deviceId: deps.deviceId,
        deviceName,
      });
      const session = { token: response.token, user: response.user };
      await deps.settings.saveSession(session);
      return session;
    },
    // Calls while a sync runs share it rather than starting a second one.
    syncNow() {
      running ??= runOnce().finally(() => {
        running = null;
      });
      return running;
    },
  };
}
