import { useEffect, useState } from 'preact/hooks';
import type { AppDatabase } from '../db/app-database';
import { observe } from '../db/observe';
import { useServices } from './app-services';

/**
 * Renders from IndexedDB: the query runs now and again whenever the tables it read
 * change (in this tab or another). `undefined` until the first answer.
 */
export function useLive<T>(
  query: (db: AppDatabase) => Promise<T>,
  deps: readonly unknown[],
): T | undefined {
  const { db } = useServices();
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    const subscription = observe(db, query).subscribe({ next: setValue });
    return () => subscription.unsubscribe();
    // The query is rebuilt each render; `deps` says when it really changes.
  }, [db, ...deps]);
  return value;
}
