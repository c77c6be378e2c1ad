import { useEffect, useState } from 'preact/hooks';
import type { AppDatabase } from '../db/app-database';
import { observe } from '../db/observe';
import { useServices } from './app-services';

/**
 * Renders from IndexedDB: the query runs now and again whenever the tables it read
 * change (in this tab or another). `undefined` until the first answer, or `initial` when
 * the answer was read before the first render (the judge's work list, main.tsx).
 */
export function useLive<T>(
  query: (db: AppDatabase) => Promise<T>,
  deps: readonly unknown[],
  initial?: T,
): T | undefined {
  const { db } = useServices();
  const [value, setValue] = useState<T | undefined>(initial);
  useEffect(() => {
    const subscription = observe(db, query).subscribe({ next: setValue });
    return () => subscription.unsubscribe();
    // The query is rebuilt each render; `deps` says when it really changes.
  }, [db, ...deps]);
  return value;
}
