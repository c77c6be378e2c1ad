import { createStore, del, get, getMany, set, type UseStore } from 'idb-keyval';
import type * as z from 'zod/mini';
import {
  deviceIdSchema,
  deviceSessionSchema,
  localeSchema,
  pinLockSchema,
  type DeviceSession,
  type Locale,
  type PinLock,
} from '../domain/device-session';

/**
 * Device settings (device id, session, locale, PIN lock) live in their own small IndexedDB store,
 * apart from the replicated data, so clearing or upgrading one never touches the other.
 * Every value read back is parsed: a corrupt value reads as absent instead of crashing.
 */
export class DeviceSettings {
  private readonly store: UseStore;

  constructor(databaseName: string) {
    this.store = createStore(databaseName, 'settings');
  }

  /**
   * What the app needs before its first screen, read in ONE transaction: on a slow phone
   * each IndexedDB transaction costs milliseconds of the repeat visit's half second.
   * The device id is made once, on first use, and never changes.
   */
  async startup(makeId: () => string): Promise<{
    deviceId: string;
    locale: Locale | undefined;
    session: DeviceSession | undefined;
    pinLock: PinLock | undefined;
  }> {
    const [deviceId, locale, session, pinLock] = await getMany<unknown>(
      ['deviceId', 'locale', 'session', 'pinLock'],
      this.store,
    );
    let id = parsed(deviceIdSchema, deviceId);
    if (id === undefined) {
      id = makeId();
      await set('deviceId', id, this.store);
    }
    return {
      deviceId: id,
      locale: parsed(localeSchema, locale),
      session: parsed(deviceSessionSchema, session),
      pinLock: parsed(pinLockSchema, pinLock),
    };
  }

  session(): Promise<DeviceSession | undefined> {
    return this.read('session', deviceSessionSchema);
  }

  async saveSession(session: DeviceSession): Promise<void> {
    await set('session', deviceSessionSchema.parse(session), this.store);
  }

  async clearSession(): Promise<void> {
    await del('session', this.store);
  }

  async saveLocale(locale: Locale): Promise<void> {
    await set('locale', localeSchema.parse(locale), this.store);
  }

  pinLock(): Promise<PinLock | undefined> {
    return this.read('pinLock', pinLockSchema);
  }

  async savePinLock(lock: PinLock): Promise<void> {
    await set('pinLock', pinLockSchema.parse(lock), this.store);
  }

  async clearPinLock(): Promise<void> {
    await del('pinLock', this.store);
  }

  /**
   * A setting that another module defines with its schema (device-keys.ts): the lazy
   * features keep their settings here without adding to the first screen's code.
   */
  async write<S extends z.ZodMiniType>(key: string, schema: S, value: z.infer<S>): Promise<void> {
    await set(key, schema.parse(value), this.store);
  }

  async read<S extends z.ZodMiniType>(key: string, schema: S): Promise<z.infer<S> | undefined> {
    return parsed(schema, await get(key, this.store));
  }
}

function parsed<S extends z.ZodMiniType>(schema: S, raw: unknown): z.infer<S> | undefined {
  if (raw === undefined) return undefined;
  const result = schema.safeParse(raw);
  return result.success ? result.data : undefined;
}
