import { useEffect, useMemo, useState } from 'preact/hooks';
import type { DeviceSession, Locale } from '../domain/device-session';
import { ServicesProvider, type AppServices } from './app-services';
import { UpdateBanner } from './components/UpdateBanner';
import { I18nProvider, makeTranslate, type I18n } from './i18n/i18n-context';
import { HomePage } from './pages/HomePage';
import { SignInPage } from './pages/SignInPage';
import { registerServiceWorker } from './register-service-worker';

type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out' }
  | { status: 'signed-in'; session: DeviceSession }
  /** The token was refused: sign in again; everything on the device stays. */
  | { status: 'reauthenticating'; session: DeviceSession };

export function App(props: { services: AppServices; initialLocale: Locale }) {
  const { services } = props;
  const [locale, setLocaleState] = useState<Locale>(props.initialLocale);
  const [sessionState, setSessionState] = useState<SessionState>({ status: 'loading' });
  const [acceptUpdate, setAcceptUpdate] = useState<(() => void) | null>(null);

  const i18n = useMemo<I18n>(
    () => ({
      locale,
      t: makeTranslate(locale),
      setLocale: (next) => {
        setLocaleState(next);
        document.documentElement.lang = next;
        void services.settings.saveLocale(next);
      },
    }),
    [locale, services],
  );

  useEffect(() => {
    void services.settings
      .session()
      .then((session) =>
        setSessionState(session ? { status: 'signed-in', session } : { status: 'signed-out' }),
      );
    registerServiceWorker((accept) => setAcceptUpdate(() => accept));
  }, [services]);

  return (
    <ServicesProvider value={services}>
      <I18nProvider value={i18n}>
        {acceptUpdate && (
          <UpdateBanner onReload={acceptUpdate} onLater={() => setAcceptUpdate(null)} />
        )}
        {sessionState.status === 'loading' && <p class="loading">{i18n.t('loading')}</p>}
        {(sessionState.status === 'signed-out' || sessionState.status === 'reauthenticating') && (
          <SignInPage onSignedIn={(session) => setSessionState({ status: 'signed-in', session })} />
        )}
        {sessionState.status === 'signed-in' && (
          <HomePage
            session={sessionState.session}
            onSignInAgain={() =>
              setSessionState({ status: 'reauthenticating', session: sessionState.session })
            }
          />
        )}
      </I18nProvider>
    </ServicesProvider>
  );
}
