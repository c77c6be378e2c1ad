import { render } from 'preact';
import { AppDatabase } from '../db/app-database';
import { DeviceSettings } from '../db/device-settings';
import { loadJudgeWork } from '../db/load-judge-work';
import { makeUuidV7 } from '../domain/ids';
import { createDeferredSyncEngine } from '../sync/deferred-sync-engine';
import { webLockRunner } from '../sync/web-lock-runner';
import { App } from './App';
import { captureInstallPrompt } from './device/install-prompt';
import { loadCatalogue } from './i18n/i18n-context';
import { parseRoute } from './router';
import type { AppServices } from './app-services';
import './styles.css';

// The composition root: the one place that picks the real clock, randomness, storage
// and network for the screens.
async function start(): Promise<void> {
  captureInstallPrompt();
  const now = () => Date.now();
  const makeId = () => makeUuidV7(now(), crypto.getRandomValues(new Uint8Array(10)));
  const db = new AppDatabase('jurilapang');
  // Opening the database overlaps with reading the device settings: a repeat visit offline
  // has half a second to show the work list on a slow phone (PERFORMANCE.md).
  void db.open().catch(() => undefined); // a failure shows again on the first query
  const settings = new DeviceSettings('jurilapang-settings');
  const {
    deviceId,
    locale: savedLocale,
    session: initialSession,
    pinLock: initialLock,
  } = await settings.startup(makeId);
  // A judge opening the app lands on their work list: it is read now, in one transaction,
  // so the first render draws it instead of "loading" and a round of effects and queries.
  const initialWork =
    initialSession?.user.role === 'judge' && parseRoute(window.location.pathname).page === 'home'
      ? await loadJudgeWork(db, initialSession.user.id).catch(() => undefined)
      : undefined;
  const sync = createDeferredSyncEngine({
    serverUrl: window.location.origin,
    db,
    settings,
    deviceId,
    now,
    random: Math.random,
    runExclusive: webLockRunner('jurilapang-sync'),
    setTimer: (callback, ms) => window.setTimeout(callback, ms),
    clearTimer: (handle) => window.clearTimeout(handle as number),
    freeBytes: async () => {
      if (!('storage' in navigator)) return undefined;
      const { quota, usage } = await navigator.storage.estimate();
      return quota === undefined || usage === undefined ? undefined : quota - usage;
    },
  });
  const services: AppServices = { db, settings, sync, now, deviceId, makeId };
  const initialLocale = savedLocale ?? 'id';
  const initialCatalogue = await loadCatalogue(initialLocale);
  document.documentElement.lang = initialLocale;
  const root = document.getElementById('app');
  if (!root) throw new Error('index.html has no #app element');
  render(
    <App
      services={services}
      initialLocale={initialLocale}
      initialCatalogue={initialCatalogue}
      initialSession={initialSession}
      initialLock={initialLock}
      initialWork={initialWork}
    />,
    root,
  );
}

void start();
