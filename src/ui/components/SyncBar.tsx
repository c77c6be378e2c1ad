import { useEffect } from 'preact/hooks';
import { readLastSyncTime } from '../../db/last-sync-time';
import { summarizeOutbox } from '../../db/outbox-repository';
import type { SyncOutcome } from '../../sync/sync-outcome';
import { isSyncStuck } from '../../sync/sync-status';
import type { UploadProgress } from '../../sync/upload-blobs';
import { useServices } from '../app-services';
import { formatDateTime } from '../i18n/format';
import { formatAge } from '../i18n/format-age';
import { useI18n, type Translate } from '../i18n/i18n-context';
import { useClock } from '../use-clock';
import { useLive } from '../use-live';
import { useOnline } from '../use-online';
import { useSyncState } from '../use-sync-state';

/**
 * Always visible: connection, unsynced changes and the age of the oldest, the last sync,
 * "stuck" when nothing has gone through for too long, and "Sinkronkan sekarang". It also
 * starts the engine and syncs when the connection returns or the app comes to the front.
 */
export function SyncBar(props: { onSignInAgain: () => void }) {
  const { sync } = useServices();
  const { t, locale } = useI18n();
  const online = useOnline();
  const now = useClock();
  const state = useSyncState();
  const lastSync = useLive(readLastSyncTime, []);
  const outbox = useLive((db) => summarizeOutbox(db, now), [now]);

  useEffect(() => {
    sync.start();
    const onVisible = () => {
      if (document.visibilityState === 'visible') void sync.syncNow();
    };
    const onOnline = () => void sync.syncNow();
    window.addEventListener('online', onOnline);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      sync.stop();
      window.removeEventListener('online', onOnline);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [sync]);

  const pending = outbox?.pendingCount ?? 0;
  const oldestAge = outbox?.oldestPendingAgeMs;
  const stuck = isSyncStuck(state, oldestAge, now);
  return (
    <section class={stuck ? 'sync-bar stuck' : 'sync-bar'} aria-live="polite">
      <span class={online ? 'dot online' : 'dot offline'}>
        {online ? t('online') : t('offline')}
      </span>
      <span class="pending" data-pending={pending}>
        {pending === 0
          ? t('allSynced')
          : `${t('pendingChanges', { count: pending })}${oldestAge === undefined ? '' : ` (${t('oldestPending', { age: formatAge(t, oldestAge) })})`}`}
      </span>
      <span class="sync-time">
        {lastSync === undefined
          ? t('neverSynced')
          : t('lastSynced', { time: formatDateTime(locale, new Date(lastSync)) })}
      </span>
      <button
        type="button"
        class="button"
        disabled={state.running}
        onClick={() => void sync.syncNow()}
      >
        {state.running ? t('syncing') : t('syncNow')}
      </button>
      {state.upload && <UploadLine {...state.upload} />}
      {stuck && oldestAge !== undefined && (
        <p class="sync-error" role="alert">
          {t('syncStuck', { age: formatAge(t, oldestAge) })}
        </p>
      )}
      {state.lastFailure && <p class="sync-error">{describeFailure(t, state.lastFailure)}</p>}
      {state.needsSignIn && (
        <button type="button" class="button primary" onClick={props.onSignInAgain}>
          {t('signInAgain')}
        </button>
      )}
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

/** Photos are the big uploads on a weak signal: the judge sees how far each one is. */
function UploadLine(props: UploadProgress) {
  const { t } = useI18n();
  const label = t('uploadingPhoto', {
    index: props.index,
    count: props.count,
    percent: props.size === 0 ? 100 : Math.floor((props.sent / props.size) * 100),
  });
  return (
    <label class="upload-progress">
      <span>{label}</span>
      <progress max={props.size} value={props.sent} />
    </label>
  );
}
