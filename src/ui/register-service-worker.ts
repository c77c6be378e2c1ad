/**
 * Registers the service worker once the first screen is up (workbox-window loads in its
 * own chunk, off the judge's first download). A new version never takes over by itself:
 * `onUpdate` is told that one waits, and `accept` activates it and reloads once it
 * controls the page, so an update never reloads over a half-filled form.
 */
export function registerServiceWorker(onUpdate: (accept: () => void) => void): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  void import('workbox-window').then(({ Workbox }) => {
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
