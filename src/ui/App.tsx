import { useEffect, useMemo, useState } from 'preact/hooks';
import type { DeviceSession, Locale } from '../domain/device-session';
import { ServicesProvider, type AppServices } from './app-services';
import { UpdateBanner } from './components/UpdateBanner';
import {
  I18nProvider,
  loadCatalogue,
  makeTranslate,
  type Catalogue,
  type I18n,
} from './i18n/i18n-context';
import { HomePage } from './pages/HomePage';
import { lazyComponent } from './lazy-component';
import { registerServiceWorker } from './register-service-worker';

type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out' }
  | { status: 'signed-in'; session: DeviceSession }
  /** The token was refused: sign in again; everything on the device stays. */
  | { status: 'reauthenticating'; session: DeviceSession };

// A signed-in device never needs the sign-in screen again: it loads only when shown.
const SignInPage = lazyComponent(() => import('./pages/SignInPage').then((m) => m.SignInPage));

export function App(props: {
  services: AppServices;
  initialLocale: Locale;
  initialCatalogue: Catalogue;
}) {
  const { services } = props;
  const [language, setLanguage] = useState({
    locale: props.initialLocale,
    catalogue: props.initialCatalogue,
  });
  const [sessionState, setSessionState] = useState<SessionState>({ status: 'loading' });
  const [acceptUpdate, setAcceptUpdate] = useState<(() => void) | null>(null);

  const i18n = useMemo<I18n>(
    () => ({
      locale: language.locale,
      t: makeTranslate(language.catalogue),
      setLocale: (next) => {
        void loadCatalogue(next).then((catalogue) => {
          setLanguage({ locale: next, catalogue });
          document.documentElement.lang = next;
          void services.settings.saveLocale(next);
        });
      },
    }),
    [language, services],
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
