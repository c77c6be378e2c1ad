import { useEffect, useState } from 'preact/hooks';
import { countUnsynced } from '../../db/erase-device-data';
import type { PinLock } from '../../domain/device-session';
import { useServices } from '../app-services';
import { useDeviceText } from '../i18n/device-messages';
import { useLive } from '../use-live';
import { PinInput } from './PinInput';
import { lockoutMs, pinMatches } from './pin-lock';
import '../pages/device.css';

/**
 * Covers the app until the PIN is typed. The screens underneath stay mounted (hidden), so
 * sync goes on while locked and nothing typed before the lock is lost.
 */
export function LockScreen(props: {
  lock: PinLock;
  onUnlock: () => void;
  onSignedOut: () => void;
}) {
  const t = useDeviceText();
  const { now } = useServices();
  const [pin, setPin] = useState('');
  const [failures, setFailures] = useState(0);
  const [waitUntil, setWaitUntil] = useState(0);
  const [clock, setClock] = useState(now);
  const [problem, setProblem] = useState<string | null>(null);
  const [forgot, setForgot] = useState(false);

  useEffect(() => {
    if (waitUntil <= clock) return;
    const timer = window.setTimeout(() => setClock(now()), 1000);
    return () => window.clearTimeout(timer);
  }, [waitUntil, clock, now]);

  const waitSeconds = Math.ceil(Math.max(0, waitUntil - clock) / 1000);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (waitSeconds > 0) return;
    if (await pinMatches(props.lock, pin)) return props.onUnlock();
    const failed = failures + 1;
    setFailures(failed);
    setPin('');
    setWaitUntil(now() + lockoutMs(failed));
    setClock(now());
    setProblem(t('pinWrong'));
  };

  return (
    <main class="page narrow lock-screen">
      <form class="card" onSubmit={(e) => void submit(e)}>
        <h1>{t('lockTitle')}</h1>
        <p>{t('lockIntro')}</p>
        <PinInput label={t('pinCurrent')} value={pin} onInput={setPin} />
        {problem && (
          <p class="error" role="alert">
            {waitSeconds > 0 ? t('lockWait', { seconds: waitSeconds }) : problem}
          </p>
        )}
        <button type="submit" class="button primary" disabled={waitSeconds > 0}>
          {t('unlock')}
        </button>
        <button type="button" class="button" onClick={() => setForgot(true)}>
          {t('lockForgot')}
        </button>
      </form>
      {forgot && <ForgotPin onSignedOut={props.onSignedOut} />}
    </main>
  );
}

/** A forgotten PIN costs a new invite, never unsent work: sign-out waits until all is sent. */
function ForgotPin(props: { onSignedOut: () => void }) {
  const t = useDeviceText();
  const { sync } = useServices();
  const unsynced = useLive(countUnsynced, []);
  if (!unsynced) return null;
  const pending = unsynced.changes + unsynced.photos;
  return (
    <section class="card" aria-live="polite">
      {pending > 0 ? (
        <p>{t('lockForgotUnsynced', { changes: unsynced.changes, photos: unsynced.photos })}</p>
      ) : (
        <>
          <p>{t('lockForgotSynced')}</p>
          <button
            type="button"
            class="button danger"
            onClick={() => void sync.signOut().then(props.onSignedOut)}
          >
            {t('signOutButton')}
          </button>
        </>
      )}
    </section>
  );
}
