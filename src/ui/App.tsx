import { useEffect, useMemo, useState } from 'preact/hooks';
import type { DeviceSession, Locale, PinLock } from '../domain/device-session';
import type { StageWork } from '../domain/judge-work';
import { ServicesProvider, type AppServices } from './app-services';
import { UpdateBanner } from './components/UpdateBanner';
import {
  I18nProvider,
  loadCatalogue,
  makeTranslate,
  type Catalogue,
  type I18n,
} from './i18n/i18n-context';
import { MyWorkPage } from './pages/MyWorkPage';
import { useRoute, type Route } from './router';
import { lazyComponent } from './lazy-component';

type SessionState =
  | { status: 'signed-out' }
  | { status: 'signed-in'; session: DeviceSession }
  /** The token was refused: sign in again; everything on the device stays. */
  | { status: 'reauthenticating'; session: DeviceSession };

// A signed-in device never needs the sign-in screen again: it loads only when shown.
const SignInPage = lazyComponent(() => import('./pages/SignInPage').then((m) => m.SignInPage));
// The scoring screen opens from the judge's list; the panitia's and operators' screens are
// not on the judge's path at all. Both load in their own chunks (precached for offline).
const ScoringPage = lazyComponent(() => import('./pages/ScoringPage').then((m) => m.ScoringPage));
const HomePage = lazyComponent(() => import('./pages/HomePage').then((m) => m.HomePage));
const DevicePage = lazyComponent(() => import('./pages/DevicePage').then((m) => m.DevicePage));
const LockScreen = lazyComponent(() => import('./device/LockScreen').then((m) => m.LockScreen));

/** After this long in the background, a PIN-locked app asks for the PIN again. */
const RELOCK_AFTER_MS = 5 * 60_000;

export function App(props: {
  services: AppServices;
  initialLocale: Locale;
  initialCatalogue: Catalogue;
  /** Read before the first render, so a signed-in device draws its work at once. */
  initialSession: DeviceSession | undefined;
  initialLock: PinLock | undefined;
  /** A judge's work list, read before the first render (main.tsx). */
  initialWork?: StageWork[] | undefined;
}) {
  const { services } = props;
  const [language, setLanguage] = useState({
    locale: props.initialLocale,
    catalogue: props.initialCatalogue,
  });
  const [sessionState, setSessionState] = useState<SessionState>(() =>
    props.initialSession
      ? { status: 'signed-in', session: props.initialSession }
      : { status: 'signed-out' },
  );
  const [locked, setLocked] = useState<PinLock | undefined>(props.initialLock);
  const [acceptUpdate, setAcceptUpdate] = useState<(() => void) | null>(null);
  const { route, navigate } = useRoute();

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
    const { settings } = services;
    let hiddenAt = Infinity;
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') hiddenAt = services.now();
      else if (services.now() - hiddenAt > RELOCK_AFTER_MS) void settings.pinLock().then(setLocked);
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, [services]);

  const signedIn = sessionState.status === 'signed-in';
  useEffect(() => {
    if (!signedIn) return;
    // The registration code waits for the first sync anyway: it loads in its own chunk.
    void import('./register-service-worker').then((m) =>
      m.registerServiceWorker(services.sync, (accept) => setAcceptUpdate(() => accept)),
    );
    // ARCHITECTURE.md: ask the browser not to evict a signed-in device's unsent work.
    // Chromium grants it without a prompt to an engaged or installed app.
    if ('storage' in navigator) void navigator.storage.persist();
  }, [signedIn, services]);

  const signedOut = () => {
    setLocked(undefined);
    setSessionState({ status: 'signed-out' });
    navigate('/');
  };

  return (
    <ServicesProvider value={services}>
      <I18nProvider value={i18n}>
        {acceptUpdate && (
          <UpdateBanner onReload={acceptUpdate} onLater={() => setAcceptUpdate(null)} />
        )}
        {(sessionState.status === 'signed-out' || sessionState.status === 'reauthenticating') && (
          <SignInPage onSignedIn={(session) => setSessionState({ status: 'signed-in', session })} />
        )}
        {sessionState.status === 'signed-in' && locked && (
          <LockScreen lock={locked} onUnlock={() => setLocked(undefined)} onSignedOut={signedOut} />
        )}
        {sessionState.status === 'signed-in' && (
          // Hidden, not unmounted, while locked: sync goes on and no typed input is lost.
          <div hidden={locked !== undefined}>
            <SignedIn
              session={sessionState.session}
              initialWork={props.initialWork}
              route={route}
              navigate={navigate}
              onSignedOut={signedOut}
              onSignInAgain={() =>
                setSessionState({ status: 'reauthenticating', session: sessionState.session })
              }
            />
          </div>
        )}
      </I18nProvider>
    </ServicesProvider>
  );
}

/** A judge lands on their work; the panitia and operators on the competitions overview. */
function SignedIn(props: {
  session: DeviceSession;
  initialWork: StageWork[] | undefined;
  route: Route;
  navigate: (path: string) => void;
  onSignInAgain: () => void;
  onSignedOut: () => void;
}) {
  const { session, route, navigate, onSignInAgain } = props;
  if (route.page === 'device')
    return <DevicePage onBack={() => navigate('/')} onSignedOut={props.onSignedOut} />;
  // The panitia's and operators' screens (/kelola) open from their overview's chunk.
  if (session.user.role !== 'judge')
    return (
      <HomePage session={session} route={route} navigate={navigate} onSignInAgain={onSignInAgain} />
    );
  if (route.page === 'score')
    return (
      // A screen of its own for each scoresheet: a save still under way for the last one
      // finishes without touching the editor of the next.
      <ScoringPage
        key={route.assignmentId}
        assignmentId={route.assignmentId}
        onBack={() => navigate('/')}
      />
    );
  return (
    <MyWorkPage
      session={session}
      initialWork={props.initialWork}
      navigate={navigate}
      onSignInAgain={onSignInAgain}
    />
  );
}
