import { Workbox } from 'workbox-window';

/**
 * Registers the service worker. A new version never takes over by itself: `onUpdate`
 * is told that one waits, and `accept` activates it and reloads once it controls the page.
 */
export function registerServiceWorker(onUpdate: (accept: () => void) => void): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const wb = new Workbox('/sw.js');
  wb.addEventListener('waiting', () => {
    onUpdate(() => {
      wb.addEventListener('controlling', () => window.location.reload());
      wb.messageSkipWaiting();
    });
  });
  void wb.register();
}
