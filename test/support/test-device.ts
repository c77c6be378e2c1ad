import { randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import { AppDatabase } from '../../src/db/app-database';
import { DeviceSettings } from '../../src/db/device-settings';
import { saveWithMutation } from '../../src/db/save-local-edit';
import { getRecord } from '../../src/db/record-repository';
import { makeUuidV7 } from '../../src/domain/ids';
import type { Mutation } from '../../src/domain/sync-protocol';
import type { RecordKind, RecordOf, SyncRecord } from '../../src/domain/sync-record';
import {
  createSyncEngine,
  type ExclusiveRunner,
  type SyncEngine,
} from '../../src/sync/sync-engine';
import type { SyncOutcome } from '../../src/sync/sync-outcome';
import type { Transport } from '../../src/sync/transport';
import { inProcessTransport, type InProcessTransport } from './in-process-transport';

/** One lock per device, shared by its tabs, with the Web Locks `ifAvailable` behaviour. */
export function memoryLock(): ExclusiveRunner {
  let held = false;
  return async (work) => {
    if (held) return undefined;
    held = true;
    try {
      return await work();
    } finally {
      held = false;
    }
  };
}

export interface TestDevice<T extends Transport = InProcessTransport> {
  id: string;
  db: AppDatabase;
  settings: DeviceSettings;
  engine: SyncEngine;
  transport: T;
  /** The device's own wall clock, which tests may set wrong. */
  clock: { ms: number };
  signIn(code: string): Promise<void>;
  sync(): Promise<SyncOutcome>;
  save(
    record: SyncRecord,
    options?: { fields?: string[]; op?: 'put' | 'delete' },
  ): Promise<Mutation>;
  get<K extends RecordKind>(kind: K, key: string): Promise<RecordOf<K> | undefined>;
  pendingCount(): Promise<number>;
  /** A second tab: same database, settings and lock, its own engine. */
  openTab(): TestDevice<T>;
}

/** A phone or laptop running the real client code against the in-process server. */
export function createTestDevice(
  app: Hono,
  options: { clockMs?: number; batchSize?: number } = {},
): TestDevice {
  return createDeviceOn(() => inProcessTransport(app), options);
}

/** The same device on any transport, e.g. real HTTP through a proxy to a server process. */
export function createDeviceOn<T extends Transport>(
  makeTransport: () => T,
  options: { clockMs?: number; batchSize?: number } = {},
): TestDevice<T> {
  const id = makeUuidV7(Date.now(), new Uint8Array(randomBytes(10)));
  const db = new AppDatabase(`device-${id}`);
  const settings = new DeviceSettings(`settings-${id}`);
  const clock = { ms: options.clockMs ?? Date.now() };
  return buildDevice(makeTransport, id, db, settings, memoryLock(), clock, options.batchSize);
}

function buildDevice<T extends Transport>(
  makeTransport: () => T,
  id: string,
  db: AppDatabase,
  settings: DeviceSettings,
  lock: ExclusiveRunner,
  clock: { ms: number },
  batchSize: number | undefined,
): TestDevice<T> {
  const transport = makeTransport();
  const engine = createSyncEngine({
    transport,
    db,
    settings,
    deviceId: id,
    now: () => clock.ms,
    random: () => 0.5,
    runExclusive: lock,
    // Tests call sync() themselves; retries and the interval are not run by timers.
    setTimer: () => null,
    clearTimer: () => undefined,
    ...(batchSize === undefined ? {} : { batchSize }),
  });
  const device: TestDevice<T> = {
    id,
    db,
    settings,
    engine,
    transport,
    clock,
    async signIn(code) {
      await engine.signIn(code, 'HP test');
    },
    sync: () => engine.syncNow(),
    save: (record, opts = {}) =>
      saveWithMutation(db, {
        record,
        mutationId: makeUuidV7(Date.now(), new Uint8Array(randomBytes(10))),
        deviceId: id,
        nowMs: clock.ms,
        ...(opts.op === undefined ? {} : { op: opts.op }),
        ...(opts.fields === undefined ? {} : { fields: opts.fields }),
      }),
    async get(kind, key) {
      const found = await getRecord(db, kind, key);
      return found.status === 'found' ? found.row : undefined;
    },
    async pendingCount() {
      return db.outbox.where('status').equals('pending').count();
    },
    openTab: () => buildDevice(makeTransport, id, db, settings, lock, clock, batchSize),
  };
  return device;
}
