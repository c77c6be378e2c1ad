import { useEffect, useState } from 'preact/hooks';
import type { InviteInfoResponse } from '../../domain/auth-protocol';
import type { DeviceSession } from '../../domain/device-session';
import { outcomeOfError } from '../../sync/sync-outcome';
import { useServices } from '../app-services';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useSignInText } from '../i18n/sign-in-messages';
import { embeddedInvite } from './embedded-invite';

/** A name that helps the panitia tell a judge's phone from their laptop in the device list. */
function guessDeviceName(): string {
  const ua = navigator.userAgent;
  if (/Android/i.test(ua)) return 'HP Android';
  if (/iPhone|iPad/i.test(ua)) return 'iPhone';
  return 'Laptop';
}

/**
 * The invite link (or its QR code, opened by the phone's camera app) fills in the code,
 * and the page asks at once whose invite it is: the judge lands on "is this you?" with
 * their name, one tap from signed in. Only that tap spends the one-time code, so a link
 * opened by the wrong person can still be handed on. A code typed by hand goes through
 * "Lanjut" to the same question.
 */
export function SignInPage(props: { onSignedIn: (session: DeviceSession) => void }) {
  const { sync } = useServices();
  const t = useSignInText();
  const [linkCode] = useState(() => new URLSearchParams(window.location.search).get('kode'));
  const [code, setCode] = useState(linkCode ?? '');
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

  useEffect(() => {
    if (linkCode)
      void attempt(async () =>
        setInvite(await sync.inviteInfo(linkCode, embeddedInvite(linkCode))),
      );
    // Once, for the code the link brought.
  }, []);

  const confirm = () =>
    attempt(async () => {
      const session = await sync.signIn(code, deviceName);
      // The first sync starts now, not when the work list has drawn: one round trip sooner.
      void sync.syncNow();
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
        <form
          class="card"
          aria-labelledby="confirm-title"
          onSubmit={(e) => {
            e.preventDefault();
            void confirm();
          }}
        >
          <h2 id="confirm-title">{t('confirmTitle')}</h2>
          <p>{t('confirmIntro')}</p>
          <p class="invitee">
            <strong>{invite.name}</strong> · {t(`role_${invite.role}`)}
          </p>
          <DeviceNameField
            value={deviceName}
            onInput={setDeviceName}
            label={t('deviceNameLabel')}
          />
          {problem}
          <button type="submit" class="button primary" disabled={busy}>
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
        </form>
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
          {problem}
          <button type="submit" class="button primary" disabled={busy}>
            {busy ? t('signingIn') : t('continueButton')}
          </button>
        </form>
      )}
    </main>
  );
}

/** Shown with the name to confirm: the panitia tells a judge's phone from their laptop by it. */
function DeviceNameField(props: {
  value: string;
  label: string;
  onInput: (value: string) => void;
}) {
  return (
    <label class="field">
      <span>{props.label}</span>
      <input
        name="deviceName"
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
        required
      />
    </label>
  );
}
