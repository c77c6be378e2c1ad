import type { ExclusiveRunner } from './sync-engine';

/** Web Locks when the browser has them; otherwise (an old WebView) just run. */
export function webLockRunner(name: string): ExclusiveRunner {
  return async (work) => {
    if (!('locks' in navigator)) return work();
    return navigator.locks.request(name, { ifAvailable: true }, (lock) =>
      lock ? work() : undefined,
    );
  };
}
