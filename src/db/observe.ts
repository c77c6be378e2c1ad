import { liveQuery } from 'dexie';
import type { AppDatabase } from './app-database';

/** The part of an observable the UI uses; Dexie's liveQuery result satisfies it. */
export interface LiveResult<T> {
  subscribe(observer: { next?: (value: T) => void; error?: (error: unknown) => void }): {
    unsubscribe(): void;
  };
}

/**
 * Runs `query` now and again whenever a table it read changes, in this tab or another,
 * so the UI can render from the database without importing Dexie.
 */
export function observe<T>(db: AppDatabase, query: (db: AppDatabase) => Promise<T>): LiveResult<T> {
  return liveQuery(() => query(db));
}
