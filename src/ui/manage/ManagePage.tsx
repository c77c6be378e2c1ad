import type { DeviceSession } from '../../domain/device-session';
import { DeviceLink } from '../components/DeviceLink';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { SyncBar } from '../components/SyncBar';
import { lazyComponent } from '../lazy-component';
import { useManageText } from './manage-messages';
import { ManageProvider } from './manage-context';
import { managePath, parseManagePath, type ManageRoute } from './manage-routes';
import { NavLink } from './NavLink';
import './manage.css';

// Each screen in its own chunk: an operator on a phone loads the entry form, not the
// rubric editor or the assignment planner.
const CompetitionsScreen = lazyComponent(() =>
  import('./CompetitionsScreen').then((m) => m.CompetitionsScreen),
);
const CompetitionScreen = lazyComponent(() =>
  import('./CompetitionScreen').then((m) => m.CompetitionScreen),
);
const EntriesScreen = lazyComponent(() => import('./EntriesScreen').then((m) => m.EntriesScreen));
const EntryFormScreen = lazyComponent(() =>
  import('./EntryFormScreen').then((m) => m.EntryFormScreen),
);
const ImportScreen = lazyComponent(() => import('./ImportScreen').then((m) => m.ImportScreen));
const RubricScreen = lazyComponent(() => import('./RubricScreen').then((m) => m.RubricScreen));
const PeopleScreen = lazyComponent(() => import('./PeopleScreen').then((m) => m.PeopleScreen));
const AssignmentsScreen = lazyComponent(() =>
  import('./AssignmentsScreen').then((m) => m.AssignmentsScreen),
);
const ProgressScreen = lazyComponent(() =>
  import('./ProgressScreen').then((m) => m.ProgressScreen),
);

/** What operators may open; everything else is the panitia's (the server agrees). */
const OPERATOR_SCREENS: readonly ManageRoute['screen'][] = [
  'competitions',
  'entries',
  'entry',
  'not-found',
];

/** The panitia's and operators' screens under /kelola: one lazy chunk, each screen its own. */
export function ManagePage(props: {
  session: DeviceSession;
  path: string;
  navigate: (path: string) => void;
  onSignInAgain: () => void;
}) {
  const t = useManageText();
  const parsed = parseManagePath(props.path);
  const isPanitia = props.session.user.role === 'panitia';
  const route: ManageRoute =
    isPanitia || OPERATOR_SCREENS.includes(parsed.screen) ? parsed : { screen: 'competitions' };
  return (
    <ManageProvider value={{ session: props.session, navigate: props.navigate }}>
      <main class="page manage-page">
        <header class="topbar">
          <h1>{t('manageTitle')}</h1>
          <span class="who">{props.session.user.name}</span>
          <LanguageSwitch />
          <DeviceLink navigate={props.navigate} />
        </header>
        <nav class="manage-nav" aria-label={t('manageNav')}>
          <NavLink href="/">{t('navOverview')}</NavLink>
          <NavLink href={managePath.competitions()}>{t('navCompetitions')}</NavLink>
          {isPanitia && <NavLink href={managePath.people()}>{t('navPeople')}</NavLink>}
        </nav>
        <SyncBar onSignInAgain={props.onSignInAgain} />
        <Screen route={route} />
      </main>
    </ManageProvider>
  );
}

function Screen(props: { route: ManageRoute }) {
  const t = useManageText();
  const { route } = props;
  switch (route.screen) {
    case 'competitions':
      return <CompetitionsScreen />;
    case 'competition':
      return <CompetitionScreen competitionId={route.competitionId} />;
    case 'entries':
      return <EntriesScreen competitionId={route.competitionId} />;
    case 'entry':
      return <EntryFormScreen competitionId={route.competitionId} entryId={route.entryId} />;
    case 'import':
      return <ImportScreen competitionId={route.competitionId} />;
    case 'rubric':
      return <RubricScreen rubricId={route.rubricId} />;
    case 'people':
      return <PeopleScreen />;
    case 'assignments':
      return <AssignmentsScreen stageId={route.stageId} />;
    case 'progress':
      return <ProgressScreen stageId={route.stageId} />;
    case 'not-found':
      return <p class="empty">{t('notFound')}</p>;
  }
}
