import { useState } from 'preact/hooks';
import type { Assignment } from '../../domain/assignment';
import { planAssignments, type AssignmentPlan } from '../../domain/assignment-planner';
import { refuseNewAssignment } from '../../domain/assignment-rules';
import type { Entry } from '../../domain/entry';
import { planRequestForStage } from '../../domain/plan-request-for-stage';
import { sheetProgress, stageProgress } from '../../domain/stage-progress';
import type { Scoresheet } from '../../domain/scoresheet';
import type { Stage } from '../../domain/stage';
import type { User } from '../../domain/user';
import { listEntriesOfCompetition } from '../../db/list-entries-of-competition';
import { listUsers } from '../../db/list-users';
import { loadStageWork, type StageWork } from '../../db/load-stage-work';
import { getRecord, listRecords } from '../../db/record-repository';
import type { AppDatabase } from '../../db/app-database';
import { useServices } from '../app-services';
import { useLive } from '../use-live';
import { useManageText } from './manage-messages';
import { managePath } from './manage-routes';
import { NavLink } from './NavLink';
import { useSaveRecords } from './use-save-records';

/**
 * Who judges what in one stage: automatically (k judges per entry, balanced, never their
 * own unit or a declared conflict, field visits one area a day) and by hand; recusal with
 * a reason. Changing assignments while judges are offline is safe: their work stays on
 * the server, and what lost its assignment is listed here as orphaned.
 */
export function AssignmentsScreen(props: { stageId: string }) {
  const t = useManageText();
  const { stageId } = props;
  // One query, so the screen never sees the stage of one moment with the entries of another.
  const setup = useLive((db) => loadStageSetup(db, stageId), [stageId]);
  if (setup === undefined) return <p>{t('loading')}</p>;
  if (setup === null) return <p class="empty">{t('notFound')}</p>;
  return <StageAssignments key={stageId} {...setup} />;
}

async function loadStageSetup(db: AppDatabase, stageId: string) {
  const stage = await getRecord(db, 'stage', stageId);
  if (stage.status !== 'found') return null;
  const [work, users, entries, allAssignments, allSheets] = await Promise.all([
    loadStageWork(db, stageId),
    listUsers(db),
    listEntriesOfCompetition(db, stage.row.competitionId),
    // Declared conflicts come from every stage: recusals and abstentions anywhere.
    listRecords(db, 'assignment'),
    listRecords(db, 'scoresheet'),
  ]);
  return {
    stage: stage.row,
    work,
    judges: users.rows.filter((u) => u.role === 'judge'),
    entries: entries.rows,
    allAssignments: allAssignments.rows,
    allSheets: allSheets.rows,
  };
}

function StageAssignments(props: {
  stage: Stage;
  work: StageWork;
  judges: User[];
  entries: Entry[];
  allAssignments: Assignment[];
  allSheets: Scoresheet[];
}) {
  const t = useManageText();
  const { makeId } = useServices();
  const { save, saving, error } = useSaveRecords();
  const { stage, work, judges, entries } = props;
  const assignedEntryIds = new Set(work.assignments.map((a) => a.entryId));
  // By default an entry is in the stage unless it failed the administrative check (and has
  // no judges yet); the panitia's ticks override that. Entries arriving by sync join too.
  const [ticks, setTicks] = useState<ReadonlyMap<string, boolean>>(new Map());
  const isChosen = (e: Entry) =>
    ticks.get(e.id) ?? (assignedEntryIds.has(e.id) || e.adminCheck?.outcome !== 'failed');
  const chosen = new Set(entries.filter(isChosen).map((e) => e.id));
  const toggleEntry = (e: Entry) => setTicks(new Map(ticks).set(e.id, !isChosen(e)));
  const [k, setK] = useState(stage.kind === 'desk' || stage.kind === 'field' ? 2 : 3);
  const [visitsPerDay, setVisitsPerDay] = useState(4);
  const [plan, setPlan] = useState<AssignmentPlan | null>(null);
  const judgeName = (id: string) => judges.find((j) => j.id === id)?.name ?? id;
  const entryTitle = (id: string) => entries.find((e) => e.id === id)?.title ?? id;
  const locked = stage.state === 'finalised';

  const makePlan = () => {
    const request = planRequestForStage(
      stage,
      {
        judges,
        entries: entries.filter((e) => chosen.has(e.id)),
        assignments: props.allAssignments,
        scoresheets: props.allSheets,
      },
      { judgesPerEntry: k, visitsPerDay },
    );
    setPlan(planAssignments(request));
  };
  const savePlan = async () => {
    if (!plan) return;
    const dayOf = visitDayByPair(plan);
    const added = plan.add.map((pair): Assignment => ({
      id: makeId(),
      stageId: stage.id,
      ...pair,
      ...withVisitDay(dayOf.get(`${pair.judgeId} ${pair.entryId}`)),
    }));
    // A field plan lays out every visit again, so sites already assigned may move to
    // another day; their work stays, only the day changes.
    const moved = work.assignments.flatMap((a): Assignment[] => {
      const day = dayOf.get(`${a.judgeId} ${a.entryId}`);
      return day === undefined || day === a.visitDay || a.recusal ? [] : [{ ...a, visitDay: day }];
    });
    const records = [...added, ...moved].map((data) => ({ kind: 'assignment' as const, data }));
    if (await save(records)) setPlan(null);
  };

  const progress = stageProgress(stage.id, work.assignments, work.scoresheets);
  return (
    <>
      <h2>
        {t('assignmentsTitle')} · {stage.name}
      </h2>
      <p class="muted">
        {t(`stageKind.${stage.kind}`)} · {t(`stageState.${stage.state}`)} ·{' '}
        <NavLink class="inline-link" href={managePath.progress(stage.id)}>
          {t('progressTitle')}
        </NavLink>
      </p>
      {!locked && (
        <section class="card" aria-labelledby="auto-title">
          <h3 id="auto-title">{t('autoAssign')}</h3>
          <div class="field-row">
            <label class="field">
              {t('judgesPerEntry')}
              <input
                type="number"
                min={1}
                max={Math.max(1, judges.length)}
                value={k}
                onInput={(e) => setK(Math.max(1, Math.round(Number(e.currentTarget.value)) || 1))}
              />
            </label>
            {stage.kind === 'field' && (
              <label class="field">
                {t('visitsPerDay')}
                <input
                  type="number"
                  min={1}
                  value={visitsPerDay}
                  onInput={(e) =>
                    setVisitsPerDay(Math.max(1, Math.round(Number(e.currentTarget.value)) || 1))
                  }
                />
              </label>
            )}
          </div>
          <details>
            <summary>{t('entriesInStage', { count: chosen.size, total: entries.length })}</summary>
            <ul class="plain-list">
              {entries.map((e) => (
                <li key={e.id}>
                  <label class="check">
                    <input
                      type="checkbox"
                      checked={chosen.has(e.id)}
                      onChange={() => toggleEntry(e)}
                    />
                    {e.title} <span class="muted">({e.unit.name})</span>
                  </label>
                </li>
              ))}
            </ul>
          </details>
          <button
            type="button"
            class="button primary"
            onClick={makePlan}
            disabled={judges.length === 0}
          >
            {t('makePlan')}
          </button>
          {judges.length === 0 && <p class="warning">{t('noJudges')}</p>}
          {plan && (
            <PlanPreview
              plan={plan}
              judgeName={judgeName}
              entryTitle={entryTitle}
              onSave={() => void savePlan()}
              busy={saving}
            />
          )}
        </section>
      )}
      {error && <p class="error">{t('saveFailed', { detail: error })}</p>}
      <section aria-labelledby="current-title">
        <h3 id="current-title">{t('currentAssignments', { count: progress.total.assigned })}</h3>
        <ul class="plain-list">
          {entries
            .filter((e) => chosen.has(e.id) || assignedEntryIds.has(e.id))
            .map((entry) => (
              <EntryAssignments
                key={entry.id}
                entry={entry}
                stage={stage}
                work={work}
                judges={judges}
                allAssignments={props.allAssignments}
                allSheets={props.allSheets}
                locked={locked}
                onSave={save}
                makeId={makeId}
              />
            ))}
        </ul>
      </section>
      <section class="card" aria-labelledby="orphaned-title">
        <h3 id="orphaned-title">{t('orphanedTitle')}</h3>
        {progress.orphaned.length === 0 ? (
          <p class="muted">{t('noOrphaned')}</p>
        ) : (
          <ul>
            {progress.orphaned.map((o) => (
              <li key={o.scoresheetId}>
                {t('orphanedLine', {
                  judge: judgeName(o.judgeId),
                  entry: entryTitle(o.entryId),
                  reason: t(`orphanedReason.${o.reason}`),
                  status: t(`sheetStatus.${o.status}`),
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function PlanPreview(props: {
  plan: AssignmentPlan;
  judgeName: (id: string) => string;
  entryTitle: (id: string) => string;
  onSave: () => void;
  busy: boolean;
}) {
  const t = useManageText();
  const { plan } = props;
  return (
    <div class="plan-preview" aria-live="polite">
      <p>
        <strong>{t('planAdds', { count: plan.add.length })}</strong>
      </p>
      <div class="table-scroll">
        <table>
          <caption>{t('loadPerJudge')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('judge')}</th>
              <th scope="col">{t('alreadyHas')}</th>
              <th scope="col">{t('added')}</th>
            </tr>
          </thead>
          <tbody>
            {plan.loads.map((l) => (
              <tr key={l.judgeId}>
                <td>{props.judgeName(l.judgeId)}</td>
                <td>{l.existing}</td>
                <td>{l.added}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {plan.short.length > 0 && (
        <div class="warning-box">
          <p class="warning">{t('shortEntries', { count: plan.short.length })}</p>
          <ul>
            {plan.short.map((s) => (
              <li key={s.entryId}>
                {t('shortLine', {
                  entry: props.entryTitle(s.entryId),
                  judges: s.judges,
                  needed: s.needed,
                })}
                {s.recusedJudgeIds.length > 0 &&
                  ` ${t('shortRecused', { names: s.recusedJudgeIds.map(props.judgeName).join(', ') })}`}
                {s.ownUnitJudgeIds.length > 0 &&
                  ` ${t('shortOwnUnit', { names: s.ownUnitJudgeIds.map(props.judgeName).join(', ') })}`}
                {s.conflictJudgeIds.length > 0 &&
                  ` ${t('shortConflict', { names: s.conflictJudgeIds.map(props.judgeName).join(', ') })}`}
              </li>
            ))}
          </ul>
        </div>
      )}
      {plan.visits.length > 0 && (
        <details>
          <summary>{t('visitDays', { count: plan.visits.length })}</summary>
          <ul>
            {plan.visits.map((v) => (
              <li key={`${v.judgeId}-${v.day}`}>
                {t('visitLine', {
                  judge: props.judgeName(v.judgeId),
                  day: v.day,
                  area: v.area,
                  entries: v.entryIds.map(props.entryTitle).join(', '),
                })}
              </li>
            ))}
          </ul>
        </details>
      )}
      <button
        type="button"
        class="button primary"
        disabled={plan.add.length === 0 || props.busy}
        onClick={props.onSave}
      >
        {t('savePlan', { count: plan.add.length })}
      </button>
    </div>
  );
}

function EntryAssignments(props: {
  entry: Entry;
  stage: Stage;
  work: StageWork;
  judges: User[];
  allAssignments: Assignment[];
  allSheets: Scoresheet[];
  locked: boolean;
  onSave: ReturnType<typeof useSaveRecords>['save'];
  makeId: () => string;
}) {
  const t = useManageText();
  const { now } = useServices();
  const { entry, work, judges } = props;
  const here = work.assignments.filter((a) => a.entryId === entry.id);
  const [judgeId, setJudgeId] = useState('');
  const [recusing, setRecusing] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const available = judges.filter((j) => !here.some((a) => a.judgeId === j.id));
  const chosenJudge = judges.find((j) => j.id === judgeId);
  // The server refuses the same (src/domain/assignment-rules.ts); saying so here spares
  // the panitia a rejection after the next sync.
  const refusal =
    chosenJudge &&
    refuseNewAssignment('', {
      stage: props.stage,
      entry,
      judge: chosenJudge,
      judgeAssignments: props.allAssignments.filter((a) => a.judgeId === chosenJudge.id),
      judgeScoresheets: props.allSheets.filter((s) => s.judgeId === chosenJudge.id),
    });
  const headingId = `entry-${entry.id}`;
  return (
    <li class="card" aria-labelledby={headingId}>
      <h4 id={headingId}>
        {entry.title} <span class="muted">({entry.unit.name})</span>
      </h4>
      {here.length === 0 && <p class="muted">{t('noJudgesYet')}</p>}
      <ul class="plain-list">
        {here.map((a) => {
          const sheet = work.scoresheets.find((s) => s.id === a.id);
          const name = judges.find((j) => j.id === a.judgeId)?.name ?? a.judgeId;
          return (
            <li key={a.id} class="row">
              <span class="grow">
                {name} ·{' '}
                {a.recusal
                  ? t('recusedBecause', { reason: a.recusal.reason })
                  : t(`progress.${sheetProgress(sheet)}`)}
                {a.visitDay !== undefined && ` · ${t('onVisitDay', { day: a.visitDay })}`}
              </span>
              {!props.locked && !a.recusal && (
                <button
                  type="button"
                  class="button secondary"
                  onClick={() => {
                    setRecusing(a.id);
                    setReason('');
                  }}
                >
                  {t('recuse')}
                </button>
              )}
              {!props.locked && (
                <button
                  type="button"
                  class="button secondary"
                  aria-label={t('withdrawJudge', { name })}
                  onClick={() => void props.onSave([{ kind: 'assignment', data: a }], 'delete')}
                >
                  {t('withdraw')}
                </button>
              )}
              {recusing === a.id && (
                <form
                  class="recuse-form"
                  onSubmit={(e) => {
                    e.preventDefault();
                    const data: Assignment = {
                      ...a,
                      recusal: { reason: reason.trim(), at: new Date(now()).toISOString() },
                    };
                    void props.onSave([{ kind: 'assignment', data }]).then((ok) => {
                      if (ok) setRecusing(null);
                    });
                  }}
                >
                  <label class="field">
                    {t('recusalReason', { name })}
                    <input
                      required
                      value={reason}
                      onInput={(e) => setReason(e.currentTarget.value)}
                    />
                  </label>
                  <button class="button" type="submit">
                    {t('confirmRecusal')}
                  </button>
                </form>
              )}
            </li>
          );
        })}
      </ul>
      {!props.locked && available.length > 0 && (
        <form
          class="row"
          onSubmit={(e) => {
            e.preventDefault();
            if (!chosenJudge || refusal) return;
            const data: Assignment = {
              id: props.makeId(),
              stageId: props.stage.id,
              judgeId: chosenJudge.id,
              entryId: entry.id,
            };
            void props.onSave([{ kind: 'assignment', data }]).then(() => setJudgeId(''));
          }}
        >
          <label class="field grow">
            {t('addJudgeByHand')}
            <select value={judgeId} onChange={(e) => setJudgeId(e.currentTarget.value)}>
              <option value="">—</option>
              {available.map((j) => (
                <option key={j.id} value={j.id}>
                  {j.name}
                </option>
              ))}
            </select>
          </label>
          <button class="button" type="submit" disabled={!chosenJudge || refusal !== null}>
            {t('add')}
          </button>
          {refusal && (
            <p class="warning" role="status">
              {t(`refusal.${refusal.code}`, {
                unit: refusal.code === 'own-unit' ? refusal.unitName : '',
                reason:
                  refusal.code === 'abstained' || refusal.code === 'recused' ? refusal.reason : '',
              })}
            </p>
          )}
        </form>
      )}
    </li>
  );
}

/** "judge entry" → the visit day the field plan gives that pair. */
function visitDayByPair(plan: AssignmentPlan): Map<string, number> {
  return new Map(
    plan.visits.flatMap((v) => v.entryIds.map((entryId) => [`${v.judgeId} ${entryId}`, v.day])),
  );
}

const withVisitDay = (day: number | undefined) => (day === undefined ? {} : { visitDay: day });
