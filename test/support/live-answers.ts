import { onTestFinished } from 'vitest';
import type { LiveResult } from '../../src/db/observe';

/**
 * The answers of a live query in the order they come: `next()` gives the next one, at
 * once if it came already. Unsubscribed when the test ends.
 */
export function liveAnswers<T>(live: LiveResult<T>): { next: () => Promise<T> } {
  const arrived: T[] = [];
  let waiting: ((value: T) => void) | undefined;
  const subscription = live.subscribe({
    next: (value) => {
      if (waiting) {
        const resolve = waiting;
        waiting = undefined;
        resolve(value);
      } else {
        arrived.push(value);
      }
    },
  });
  onTestFinished(() => subscription.unsubscribe());
  return {
    next: () =>
      arrived.length > 0
        ? Promise.resolve(arrived.shift() as T)
        : new Promise<T>((resolve) => {
            waiting = resolve;
          }),
  };
}
