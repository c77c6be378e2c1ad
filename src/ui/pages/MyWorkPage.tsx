import { useState } from 'preact/hooks';
import type { DeviceSession } from '../../domain/device-session';
import { groupWorkItems, type StageWork, type WorkItem } from '../../domain/judge-work';
import { listRecords } from '../../db/record-repository';
import { loadJudgeWork } from '../../db/load-judge-work';
import { DeviceLink } from '../components/DeviceLink';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { SyncBar } from '../components/SyncBar';
import { useI18n, type Translate } from '../i18n/i18n-context';
import { lazyComponent } from '../lazy-component';
import { scorePath } from '../router';
import { useLive } from '../use-live';

const ProblemsPanel = lazyComponent(() =>
  import('../components/ProblemsPanel').then((m) => m.ProblemsPanel),
);

/** The judge's first screen: every assignment on the device, with progress and "next". */
export function MyWorkPage(props: {
  session: DeviceSession;
  /** Read before the first render, so the list is drawn at once (main.tsx). */
  initialWork?: StageWork[] | undefined;
  navigate: (path: string) => void;
  onSignInAgain: () => void;
}) {
  const { t } = useI18n();
  const work = useLive(
    (db) => loadJudgeWork(db, props.session.user.id),
    [props.session.user.id],
    props.initialWork,
  );
  const categories = useLive((db) => listRecords(db, 'category'), []);
  const [groupBy, setGroupBy] = useState<'area' | 'category'>('area');
  const categoryName = (id: string) => categories?.rows.find((c) => c.id === id)?.name ?? '—';
  return (
    <main class="page">
      <header class="topbar">
        <h1>{t('myWork')}</h1>
        <span class="who">{props.session.user.name}</span>
        <LanguageSwitch />
        <DeviceLink navigate={props.navigate} />
      </header>
      <SyncBar onSignInAgain={props.onSignInAgain} />
      <ProblemsPanel userId={props.session.user.id} />
      {work === undefined && <p>{t('loading')}</p>}
      {work?.length === 0 && <p class="empty">{t('noAssignments')}</p>}
      {work && work.length > 0 && (
        <fieldset class="segmented">
          <legend>{t('groupBy')}</legend>
          {(['area', 'category'] as const).map((option) => (
            <label key={option}>
              <input
                type="radio"
                name="group-by"
                checked={groupBy === option}
                onChange={() => setGroupBy(option)}
              />
              {option === 'area' ? t('groupByArea') : t('groupByCategory')}
            </label>
          ))}
        </fieldset>
      )}
      {work?.map((stageWork) => (
        <StageSection
          key={stageWork.stage.id}
          work={stageWork}
          groups={groupWorkItems(stageWork.items, groupBy, categoryName)}
          navigate={props.navigate}
        />
      ))}
    </main>
  );
}

function StageSection(props: {
  work: StageWork;
  groups: { label: string; items: WorkItem[] }[];
  navigate: (path: string) => void;
}) {
  const { t } = useI18n();
  const { work } = props;
  const open = (item: WorkItem) => (event: Event) => {
    event.preventDefault();
    props.navigate(scorePath(item.assignment.id));
  };
  return (
    <section class="card stage" aria-labelledby={`stage-${work.stage.id}`}>
      <h2 id={`stage-${work.stage.id}`}>{work.stage.name}</h2>
      <p class="muted">
        {t('progress', {
          submitted: work.submitted,
          abstained: work.abstained,
          remaining: work.remaining,
        })}
      </p>
      {work.next && work.stage.state === 'open' && (
        <a
          class="button primary next"
          href={scorePath(work.next.assignment.id)}
          onClick={open(work.next)}
        >
          {t('nextEntry', { title: work.next.entry?.title ?? '—' })}
        </a>
      )}
      {props.groups.map((group) => (
        <div key={group.label} class="group">
          <h3>{group.label}</h3>
          <ul class="work-items">
            {group.items.map((item) => (
              <li key={item.assignment.id}>
                <a class="work-item" href={scorePath(item.assignment.id)} onClick={open(item)}>
                  <span class="entry-title">{item.entry?.title ?? '—'}</span>
                  <span class="muted">{item.entry?.unit.name ?? ''}</span>
                  <span class={`status status-${item.status}`}>{statusLabel(t, item)}</span>
                </a>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function statusLabel(t: Translate, item: WorkItem): string {
  switch (item.status) {
    case 'not-started':
      return t('statusNotStarted');
    case 'draft':
      return t('statusDraft', { scored: item.scored, criteria: item.criteria });
    case 'submitted':
      return t('statusSubmitted');
    case 'abstained':
      return t('statusAbstained');
  }
}
