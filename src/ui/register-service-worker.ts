import type { SyncEngine } from '../sync/sync-engine';

/** Longest the service worker waits for the first sync before registering anyway. */
const FIRST_SYNC_WAIT_MS = 10_000;

/**
 * Registers the service worker once the device is signed in and its first sync has had its
 * turn: on a first visit over 3G its precache download (the whole app, ~240 kB) would
 * otherwise share the line with the sign-in and the first download of the judge's work.
 * Nothing can be done offline before signing in, so nothing is lost by waiting.
 * workbox-window loads in its own chunk, off the judge's first download. A new version
 * never takes over by itself: `onUpdate` is told that one waits, and `accept` activates it
 * and reloads once it controls the page, so an update never reloads over a half-filled form.
 */
let registered = false;
export function registerServiceWorker(
  sync: SyncEngine,
  onUpdate: (accept: () => void) => void,
): void {
  if (registered || !('serviceWorker' in navigator) || import.meta.env.DEV) return;
  registered = true;
  void afterFirstSync(sync)
    .then(() => import('workbox-window'))
    .then(({ Workbox }) => {
      const wb = new Workbox('/sw.js');
      wb.addEventListener('waiting', () => {
        onUpdate(() => {
          wb.addEventListener('controlling', () => window.location.reload());
          wb.messageSkipWaiting();
        });
      });
      return wb.register();
    });
}

function afterFirstSync(sync: SyncEngine): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      const state = sync.state();
      return state.lastSuccessAt !== undefined || state.lastFailure !== undefined;
    };
    if (done()) return resolve();
    const timer = window.setTimeout(finish, FIRST_SYNC_WAIT_MS);
    const unsubscribe = sync.subscribe(() => {
      if (done()) finish();
    });
    function finish() {
      window.clearTimeout(timer);
      unsubscribe();
      resolve();
    }
  });
}
