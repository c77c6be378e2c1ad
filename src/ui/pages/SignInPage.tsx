import { useState } from 'preact/hooks';
import type { DeviceSession } from '../../domain/device-session';
import { outcomeOfError } from '../../sync/sync-outcome';
import { useServices } from '../app-services';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useI18n } from '../i18n/i18n-context';

/** A name that helps the panitia tell a judge's phone from their laptop in the device list. */
function guessDeviceName(): string {
  const ua = navigator.userAgent;
  if (/Android/i.test(ua)) return 'HP Android';
  if (/iPhone|iPad/i.test(ua)) return 'iPhone';
  return 'Laptop';
}

export function SignInPage(props: { onSignedIn: (session: DeviceSession) => void }) {
  const { sync } = useServices();
  const { t } = useI18n();
  const [code, setCode] = useState(
    () => new URLSearchParams(window.location.search).get('kode') ?? '',
  );
  const [deviceName, setDeviceName] = useState(guessDeviceName);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const session = await sync.signIn(code, deviceName);
      // The code is spent: keep it out of the address bar and the history.
      window.history.replaceState(null, '', '/');
      props.onSignedIn(session);
    } catch (caught) {
      const failure = outcomeOfError(caught);
      setError(failure.reason === 'offline' ? t('signInOffline') : failure.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="page narrow">
      <header class="topbar">
        <h1>{t('appName')}</h1>
        <LanguageSwitch />
      </header>
      <p class="tagline">{t('tagline')}</p>
      <form class="card" onSubmit={(e) => void submit(e)}>
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
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="button primary" disabled={busy}>
          {busy ? t('signingIn') : t('signInButton')}
        </button>
      </form>
    </main>
  );
}
