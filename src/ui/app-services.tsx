import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import type { AppDatabase } from '../db/app-database';
import type { DeviceSettings } from '../db/device-settings';
import type { SyncEngine } from '../sync/sync-engine';

/** Everything the screens use, built once in main.tsx (the composition root). */
export interface AppServices {
  db: AppDatabase;
  settings: DeviceSettings;
  sync: SyncEngine;
  now: () => number;
  deviceId: string;
  makeId: () => string;
}

const ServicesContext = createContext<AppServices | null>(null);

export function ServicesProvider(props: { value: AppServices; children: ComponentChildren }) {
  return <ServicesContext.Provider value={props.value}>{props.children}</ServicesContext.Provider>;
}

export function useServices(): AppServices {
  const value = useContext(ServicesContext);
  if (!value) throw new Error('useServices needs a ServicesProvider above it');
  return value;
}
