import { onTestFinished } from 'vitest';
import type { LiveResult } from '../../src/db/observe';

/**
 * The answers of a live query in the order they come: `next()` gives the next one, at
 * once if it came already, and fails as soon as the query does. Unsubscribed when the
 * test ends.
 */
export function liveAnswers<T>(live: LiveResult<T>): { next: () => Promise<T> } {
  const arrived: T[] = [];
  let failure: Error | undefined;
  let waiting: { resolve: (value: T) => void; reject: (error: Error) => void } | undefined;
  const subscription = live.subscribe({
    next: (value) => {
      if (waiting) waiting.resolve(value);
      else arrived.push(value);
      waiting = undefined;
    },
    error: (error: unknown) => {
      failure = error instanceof Error ? error : new Error(String(error));
      waiting?.reject(failure);
      waiting = undefined;
    },
  });
  onTestFinished(() => subscription.unsubscribe());
  return {
    next: () => {
      if (arrived.length > 0) return Promise.resolve(arrived.shift() as T);
      if (failure) return Promise.reject(failure);
      return new Promise<T>((resolve, reject) => {
        waiting = { resolve, reject };
      });
    },
  };
}
