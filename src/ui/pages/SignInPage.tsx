import { useState } from 'preact/hooks';
import type { InviteInfoResponse } from '../../domain/auth-protocol';
import type { DeviceSession } from '../../domain/device-session';
import { outcomeOfError } from '../../sync/sync-outcome';
import { useServices } from '../app-services';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useSignInText } from '../i18n/sign-in-messages';

/** A name that helps the panitia tell a judge's phone from their laptop in the device list. */
function guessDeviceName(): string {
  const ua = navigator.userAgent;
  if (/Android/i.test(ua)) return 'HP Android';
  if (/iPhone|iPad/i.test(ua)) return 'iPhone';
  return 'Laptop';
}

/**
 * The invite link (or its QR code, opened by the phone's camera app) fills in the code.
 * The judge first sees whose invite it is and confirms their name; only then is the
 * one-time code spent, so a link opened by the wrong person can still be handed on.
 */
export function SignInPage(props: { onSignedIn: (session: DeviceSession) => void }) {
  const { sync } = useServices();
  const t = useSignInText();
  const [code, setCode] = useState(
    () => new URLSearchParams(window.location.search).get('kode') ?? '',
  );
  const [deviceName, setDeviceName] = useState(guessDeviceName);
  const [invite, setInvite] = useState<InviteInfoResponse | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const attempt = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      const failure = outcomeOfError(caught);
      setError(failure.reason === 'offline' ? t('signInOffline') : failure.message);
    } finally {
      setBusy(false);
    }
  };

  const lookUp = (event: Event) => {
    event.preventDefault();
    void attempt(async () => setInvite(await sync.inviteInfo(code)));
  };

  const confirm = () =>
    attempt(async () => {
      const session = await sync.signIn(code, deviceName);
      // The code is spent: keep it out of the address bar and the history.
      window.history.replaceState(null, '', '/');
      props.onSignedIn(session);
    });

  const problem = error && (
    <p class="error" role="alert">
      {error}
    </p>
  );
  return (
    <main class="page narrow">
      <header class="topbar">
        <h1>{t('appName')}</h1>
        <LanguageSwitch />
      </header>
      <p class="tagline">{t('tagline')}</p>
      {invite ? (
        <section class="card" aria-labelledby="confirm-title">
          <h2 id="confirm-title">{t('confirmTitle')}</h2>
          <p>{t('confirmIntro')}</p>
          <p class="invitee">
            <strong>{invite.name}</strong> · {t(`role_${invite.role}`)}
          </p>
          {problem}
          <button
            type="button"
            class="button primary"
            disabled={busy}
            onClick={() => void confirm()}
          >
            {busy ? t('signingIn') : t('confirmYes')}
          </button>
          <button
            type="button"
            class="button secondary"
            disabled={busy}
            onClick={() => {
              setInvite(null);
              setError(t('notYouHint'));
            }}
          >
            {t('confirmNo')}
          </button>
        </section>
      ) : (
        <form class="card" onSubmit={lookUp}>
          <h2>{t('signInTitle')}</h2>
          <p>{t('signInIntro')}</p>
          <label class="field">
            <span>{t('codeLabel')}</span>
            <input
              name="code"
              value={code}
              onInput={(e) => setCode(e.currentTarget.value)}
              autoComplete="one-time-code"
              autoCapitalize="characters"
              spellcheck={false}
              required
            />
          </label>
          <label class="field">
            <span>{t('deviceNameLabel')}</span>
            <input
              name="deviceName"
              value={deviceName}
              onInput={(e) => setDeviceName(e.currentTarget.value)}
              required
            />
          </label>
          {problem}
          <button type="submit" class="button primary" disabled={busy}>
            {busy ? t('signingIn') : t('continueButton')}
          </button>
        </form>
      )}
    </main>
  );
}
