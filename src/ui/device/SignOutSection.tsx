import { useState } from 'preact/hooks';
import { countUnsynced } from '../../db/erase-device-data';
import { useServices } from '../app-services';
import { useDeviceText } from '../i18n/device-messages';
import { useLive } from '../use-live';
import { useOnline } from '../use-online';
import { useSyncState } from '../use-sync-state';

/**
 * Signing out erases the device. With anything unsent, the judge is told exactly what
 * would be lost, offered to send it first, and must tick a box before the button works.
 */
export function SignOutSection(props: { onSignedOut: () => void }) {
  const t = useDeviceText();
  const { sync } = useServices();
  const online = useOnline();
  const syncState = useSyncState();
  const unsynced = useLive(countUnsynced, []);
  const [acceptLoss, setAcceptLoss] = useState(false);
  const [busy, setBusy] = useState(false);

  const hasUnsynced = unsynced !== undefined && unsynced.changes + unsynced.photos > 0;
  const signOut = async () => {
    setBusy(true);
    try {
      await sync.signOut();
      props.onSignedOut();
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="sign-out-title">
      <h2 id="sign-out-title">{t('signOutTitle')}</h2>
      <p>{t('signOutIntro')}</p>
      {!online && <p class="muted">{t('signedOutOffline')}</p>}
      {hasUnsynced && (
        <>
          <p class="error" role="alert">
            {t('signOutUnsynced', { changes: unsynced.changes, photos: unsynced.photos })}
          </p>
          <button
            type="button"
            class="button primary"
            disabled={syncState.running}
            onClick={() => void sync.syncNow()}
          >
            {syncState.running ? t('syncing') : t('signOutSyncFirst')}
          </button>
          <label class="check">
            <input
              type="checkbox"
              checked={acceptLoss}
              onChange={(e) => setAcceptLoss(e.currentTarget.checked)}
            />
            {t('signOutConfirmLoss')}
          </label>
        </>
      )}
      <button
        type="button"
        class="button danger"
        disabled={busy || unsynced === undefined || (hasUnsynced && !acceptLoss)}
        onClick={() => void signOut()}
      >
        {busy ? t('signingOut') : t('signOutButton')}
      </button>
    </section>
  );
}
