import type { DeviceSession } from '../../domain/device-session';
import { listCompetitions } from '../../db/list-competitions';
import { CompetitionSection } from '../components/CompetitionSection';
import { DeviceLink } from '../components/DeviceLink';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { lazyComponent } from '../lazy-component';
import type { Route } from '../router';
import { SyncBar } from '../components/SyncBar';
import { useHomeText } from '../i18n/home-messages';
import { useLive } from '../use-live';
import './home.css';

// Rejected and conflicting changes are rare: their panel loads when there is one to show.
const ProblemsPanel = lazyComponent(() =>
  import('../components/ProblemsPanel').then((m) => m.ProblemsPanel),
);
// The way to the panitia's and operators' screens, with their texts, and the screens.
const ManageLinks = lazyComponent(() => import('../manage/ManageLinks').then((m) => m.ManageLinks));
const ManagePage = lazyComponent(() => import('../manage/ManagePage').then((m) => m.ManagePage));

export function HomePage(props: {
  session: DeviceSession;
  route: Route;
  navigate: (path: string) => void;
  onSignInAgain: () => void;
}) {
  if (props.route.page === 'manage') return <ManagePage {...props} path={props.route.path} />;
  return <Overview {...props} />;
}

function Overview(props: {
  session: DeviceSession;
  navigate: (path: string) => void;
  onSignInAgain: () => void;
}) {
  const t = useHomeText();
  const competitions = useLive(listCompetitions, []);
  return (
    <main class="page">
      <header class="topbar">
        <h1>{t('appName')}</h1>
        <span class="who">{t('signedInAs', { name: props.session.user.name })}</span>
        <LanguageSwitch />
        <DeviceLink navigate={props.navigate} />
      </header>
      <SyncBar onSignInAgain={props.onSignInAgain} />
      <ProblemsPanel userId={props.session.user.id} />
      <ManageLinks session={props.session} navigate={props.navigate} />
      <h2>{t('competitions')}</h2>
      {competitions === undefined && <p>{t('loading')}</p>}
      {competitions?.rows.length === 0 && <p class="empty">{t('noCompetitions')}</p>}
      {competitions?.rows.map((competition) => (
        <CompetitionSection key={competition.id} competition={competition} />
      ))}
      {competitions && competitions.problems.length > 0 && (
        <p class="error">{t('badRows', { count: competitions.problems.length })}</p>
      )}
    </main>
  );
}
