/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';

// A thin router: precache the app shell, answer every page navigation with it, and leave
// the API alone (data comes from IndexedDB; sync talks to the server itself).
declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: (string | { url: string; revision: string | null })[];
};

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [/^\/api\//] }),
);
// Hashed assets left out of the precache (the panitia's document code) are kept once they
// have been used, so the berita acara can be made again offline. A hashed name never
// changes content, so the cached copy is always right.
registerRoute(
  ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/assets/'),
  new CacheFirst({ cacheName: 'jurilapang-lazy-assets' }),
);

// The first install takes control of the open page, so it works offline without a reload.
// A later version does not: it waits until the page says the user agreed to reload
// (never skipWaiting unconditionally, which would swap the app under a half-filled form).
clientsClaim();

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const data: unknown = event.data;
  if (typeof data === 'object' && data !== null && 'type' in data && data.type === 'SKIP_WAITING') {
    void self.skipWaiting();
  }
});
