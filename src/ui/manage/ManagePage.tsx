import type { DeviceSession } from '../../domain/device-session';
import { DeviceLink } from '../components/DeviceLink';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { SyncBar } from '../components/SyncBar';
import { useManageText } from './manage-messages';
import { ManageProvider, useManage } from './manage-context';
import { lazyComponent } from '../lazy-component';
import { managePath, parseManagePath, type ManageRoute } from './manage-routes';
import { AssignmentsScreen } from './AssignmentsScreen';
import { CompetitionScreen } from './CompetitionScreen';
import { CompetitionsScreen } from './CompetitionsScreen';
import { EntriesScreen } from './EntriesScreen';
import { EntryFormScreen } from './EntryFormScreen';
import { ImportScreen } from './ImportScreen';
import { NavLink } from './NavLink';
import { PeopleScreen } from './PeopleScreen';
import { ProgressScreen } from './ProgressScreen';
import { RubricScreen } from './RubricScreen';
import './manage.css';

// The screens come in this one lazy chunk. Split per screen, every module they share (the
// texts, the planner) would land in the build's chunk of shared lazy code, which the judge's
// sync engine loads too. The QR encoder and the spreadsheet reader stay in chunks of their own.

/** What operators may open; everything else is the panitia's (the server agrees). */
const OPERATOR_SCREENS: readonly ManageRoute['screen'][] = [
  'competitions',
  'entries',
  'entry',
  'not-found',
];

/** The panitia's and operators' screens under /kelola, in one lazy chunk. */
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

// Rankings, statistics, charts and documents load only when a stage's results are opened.
const ResultsScreen = lazyComponent(() =>
  import('../results/ResultsScreen').then((m) => m.ResultsScreen),
);

function StageResults(props: { stageId: string }) {
  const { session } = useManage();
  // Back to wherever the results were opened from (the competition's stage card).
  return (
    <ResultsScreen
      stageId={props.stageId}
      userId={session.user.id}
      onBack={() => window.history.back()}
    />
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
    case 'results':
      return <StageResults stageId={route.stageId} />;
    case 'not-found':
      return <p class="empty">{t('notFound')}</p>;
  }
}
