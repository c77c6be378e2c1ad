import { useCallback, useEffect, useState } from 'preact/hooks';
import { readLastSyncTime } from '../../db/last-sync-time';
import type { SyncOutcome } from '../../sync/sync-outcome';
import { useServices } from '../app-services';
import { formatDateTime } from '../i18n/format';
import { useI18n, type Translate } from '../i18n/i18n-context';
import { useLive } from '../use-live';
import { useOnline } from '../use-online';

/** Syncs on start, when the connection returns and when the app comes back to the front. */
export function SyncBar() {
  const { sync } = useServices();
  const { t, locale } = useI18n();
  const online = useOnline();
  const lastSync = useLive(readLastSyncTime, []);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<SyncOutcome | null>(null);

  const run = useCallback(() => {
    setBusy(true);
    void sync.syncNow().then((result) => {
      setOutcome(result);
      setBusy(false);
    });
  }, [sync]);

  useEffect(() => {
    run();
    const onVisible = () => {
      if (document.visibilityState === 'visible') run();
    };
    window.addEventListener('online', run);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.removeEventListener('online', run);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [run]);

  return (
    <section class="sync-bar" aria-live="polite">
      <span class={online ? 'dot online' : 'dot offline'}>
        {online ? t('online') : t('offline')}
      </span>
      <span class="sync-time">
        {lastSync === undefined
          ? t('neverSynced')
          : t('lastSynced', { time: formatDateTime(locale, new Date(lastSync)) })}
      </span>
      <button type="button" class="button" disabled={busy} onClick={run}>
        {busy ? t('syncing') : t('syncNow')}
      </button>
      {outcome && !outcome.ok && <p class="sync-error">{describeFailure(t, outcome)}</p>}
    </section>
  );
}

function describeFailure(t: Translate, outcome: Extract<SyncOutcome, { ok: false }>): string {
  switch (outcome.reason) {
    case 'offline':
      return t('syncFailedOffline');
    case 'sign-in':
      return t('syncFailedSignIn');
    case 'rejected':
      return t('syncFailedRejected', { message: outcome.message });
    case 'server':
      return t('syncFailedServer');
  }
}
