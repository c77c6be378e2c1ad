import type { InviteInfoResponse } from '../domain/auth-protocol';
import type { DeviceSession } from '../domain/device-session';
import type { AppDatabase } from '../db/app-database';
import type { DeviceSettings } from '../db/device-settings';
import { applyPulledChanges } from '../db/apply-pulled-changes';
import { readCursor } from '../db/cursor';
import { eraseDeviceData } from '../db/erase-device-data';
import type { AdminApi } from './admin-api';
import type * as BundleCode from './bundle-api';
import { writeServerOffset } from '../db/server-offset';
import { retryDelayMs } from './backoff';
import { fetchInviteInfo } from './invite-info';
import { redeemCode } from './redeem-code';
import { outcomeOfError, type SyncOutcome } from './sync-outcome';
import { runSyncPass } from './sync-pass';
import { INITIAL_ENGINE_STATE, type SyncEngineState } from './sync-status';
import { NetworkError, type Transport } from './transport';

/** Runs `work` only if this tab gets the lock; resolves undefined when another tab has it. */
export type ExclusiveRunner = <T>(work: () => Promise<T>) => Promise<T | undefined>;

export interface SyncEngineDeps {
  transport: Transport;
  db: AppDatabase;
  settings: DeviceSettings;
  deviceId: string;
  now: () => number;
  random: () => number;
  /** Web Locks in the browser, so one tab syncs at a time; tests pass their own. */
  runExclusive: ExclusiveRunner;
  setTimer: (callback: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
  /** The regular sync while the app is open. */
  intervalMs?: number;
  batchSize?: number;
  /** Bytes the device may still store (navigator.storage), for evidence downloads. */
  freeBytes?: () => Promise<number | undefined>;
}

export interface SyncEngine {
  /**
   * Whose invite a code is, before redeeming it. Needs the network, unless the page that
   * the invite link opened already carries the answer (`known`, see embedded-invite.ts).
   */
  inviteInfo(code: string, known?: InviteInfoResponse): Promise<InviteInfoResponse>;
  signIn(code: string, deviceName: string): Promise<DeviceSession>;
  /**
   * Ends the device token on the server when it can be reached, then erases everything on
   * the device (the caller has warned about unsynced work). Resolves whether the server
   * confirmed; offline, the panitia can still revoke the device from their side.
   */
  signOut(): Promise<{ serverConfirmed: boolean }>;
  /** The panitia's invites, devices and device activity (loaded on first use). */
  admin(): Promise<AdminApi>;
  /** Sync bundles: export, acknowledgement, import for someone else (loaded on first use). */
  bundles(): Promise<BundleCode.BundleApi>;
  /** Syncs now; calls while one runs share it. Failures schedule a retry with backoff. */
  syncNow(): Promise<SyncOutcome>;
  /** Starts the regular sync (and the first one). */
  start(): void;
  stop(): void;
  state(): SyncEngineState;
  subscribe(listener: (state: SyncEngineState) => void): () => void;
}

const DEFAULT_INTERVAL_MS = 3 * 60_000;

/**
 * The device's link to the server. Sync runs on start, on a timer, on demand, and when the
 * UI reports the connection back or the app in front; network and server failures retry
 * with backoff, a 401 keeps everything and waits for sign-in (ARCHITECTURE.md, 7).
 */
export function createSyncEngine(deps: SyncEngineDeps): SyncEngine {
  let state: SyncEngineState = INITIAL_ENGINE_STATE;
  let running: Promise<SyncOutcome> | null = null;
  let retryTimer: unknown = null;
  let intervalTimer: unknown = null;
  const listeners = new Set<(state: SyncEngineState) => void>();

  const update = (patch: Partial<SyncEngineState>) => {
    state = { ...state, ...patch };
    for (const listener of listeners) listener(state);
  };

  const scheduleRetry = () => {
    if (retryTimer !== null) deps.clearTimer(retryTimer);
    const delay = retryDelayMs(state.consecutiveFailures, deps.random);
    update({ nextRetryAt: deps.now() + delay });
    retryTimer = deps.setTimer(() => {
      retryTimer = null;
      void engine.syncNow();
    }, delay);
  };

  async function attempt(): Promise<SyncOutcome> {
    const session = await deps.settings.session();
    if (!session) {
      update({ needsSignIn: true });
      return { ok: false, reason: 'sign-in', message: 'This device is not signed in' };
    }
    try {
      const result = await deps.runExclusive(() =>
        runSyncPass({
          transport: deps.transport,
          db: deps.db,
          deviceId: deps.deviceId,
          token: session.token,
          now: deps.now,
          onProgress: (upload) => update({ upload }),
          downloadEvidence: session.user.role === 'judge',
          ...(deps.freeBytes === undefined ? {} : { freeBytes: deps.freeBytes }),
          ...(deps.batchSize === undefined ? {} : { batchSize: deps.batchSize }),
        }),
      );
      if (result === undefined) return { ok: true, skipped: true };
      update({
        lastSuccessAt: deps.now(),
        lastFailure: undefined,
        consecutiveFailures: 0,
        nextRetryAt: undefined,
      });
      return { ok: true, result };
    } catch (error) {
      const failure = outcomeOfError(error);
      update({
        lastFailure: failure,
        consecutiveFailures: state.consecutiveFailures + 1,
        needsSignIn: failure.reason === 'sign-in',
      });
      // Offline and server errors heal by themselves; a refused token or request does not.
      if (failure.reason === 'offline' || failure.reason === 'server') scheduleRetry();
      return failure;
    }
  }

  // The bundle code (the device's signing key among it) travels in its own chunk: it is
  // fetched while the person confirms whose invite it is, and used at the sign-in.
  // A failed load (offline before the service worker has the app) is tried again next time.
  let bundleCode: Promise<typeof BundleCode | undefined> | undefined;
  const loadBundleCode = () =>
    (bundleCode ??= import('./bundle-api').catch(() => (bundleCode = undefined)));

  const engine: SyncEngine = {
    inviteInfo: (code, known) => {
      void loadBundleCode();
      return known ? Promise.resolve(known) : fetchInviteInfo(deps.transport, code);
    },
    // Only the panitia's screens call it: its code stays out of the judge's downloads.
    admin: async () => (await import('./admin-api')).createAdminApi(deps.transport, deps.settings),
    async bundles() {
      const code = await loadBundleCode();
      if (!code) throw new NetworkError('The bundle code could not be loaded');
      return code.createBundleApi(deps);
    },
    async signOut() {
      engine.stop();
      // A pass in flight would write pulled rows after the erase: let it finish first.
      await running;
      const session = await deps.settings.session();
      let serverConfirmed = false;
      if (session) {
        try {
          const response = await deps.transport.postJson('/api/auth/sign-out', {}, session.token);
          // 401: the token was already dead (revoked by the panitia); that is signed out too.
          serverConfirmed = response.status === 200 || response.status === 401;
        } catch {
          // Offline: sign out on the device all the same; the phone may be changing hands.
        }
      }
      await eraseDeviceData(deps.db);
      await deps.settings.clearSession();
      await deps.settings.clearPinLock();
      state = INITIAL_ENGINE_STATE;
      update({ needsSignIn: true });
      return { serverConfirmed };
    },
    async signIn(code, deviceName) {
      // The key that signs this device's sync bundles is registered as it enrols. Without
      // it (no WebCrypto on a plain http:// address) the device signs in all the same.
      const keys = await loadBundleCode();
      const publicKey = await keys?.ensureDeviceKey(deps.settings).catch(() => undefined);
      const sentAt = deps.now();
      const response = await redeemCode(deps.transport, {
        code,
        deviceId: deps.deviceId,
        deviceName,
        ...(publicKey === undefined ? {} : { publicKey }),
      });
      await writeServerOffset(deps.db, Date.parse(response.serverTime) - (sentAt + deps.now()) / 2);
      if (response.serverPublicKey)
        await keys?.rememberServerKey(deps.settings, response.serverPublicKey);
      const session = { token: response.token, user: response.user };
      // A new device takes the first page at once; one signing in again keeps its cursor.
      if (response.firstPage && (await readCursor(deps.db)) === 0) {
        await applyPulledChanges(deps.db, { ...response.firstPage, acknowledgedMutationIds: [] });
      }
      await deps.settings.saveSession(session);
      update({ needsSignIn: false, lastFailure: undefined, consecutiveFailures: 0 });
      return session;
    },
    syncNow() {
      running ??= (async () => {
        update({ running: true, attemptStartedAt: deps.now() });
        try {
          return await attempt();
        } finally {
          update({ running: false, attemptStartedAt: undefined, upload: undefined });
          running = null;
        }
      })();
      return running;
    },
    start() {
      if (intervalTimer !== null) return;
      const tick = () => {
        intervalTimer = deps.setTimer(tick, deps.intervalMs ?? DEFAULT_INTERVAL_MS);
        void engine.syncNow();
      };
      tick();
    },
    stop() {
      for (const timer of [intervalTimer, retryTimer]) if (timer !== null) deps.clearTimer(timer);
      intervalTimer = null;
      retryTimer = null;
    },
    state: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return engine;
}
