import { useEffect, useState } from 'preact/hooks';
import type { DeviceActivityResponse } from '../../domain/device-activity';
import { stageProgress, type ProgressCounts } from '../../domain/stage-progress';
import { listEntriesOfCompetition } from '../../db/list-entries-of-competition';
import { listUsers } from '../../db/list-users';
import { loadStageWork } from '../../db/load-stage-work';
import { getRecord } from '../../db/record-repository';
import { useServices } from '../app-services';
import { formatAge } from '../i18n/format-age';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { useLive } from '../use-live';
import { useManageText } from './manage-messages';
import { managePath } from './manage-routes';
import { NavLink } from './NavLink';

/** A device not heard from for this long, while its person has work, has gone quiet. */
const QUIET_AFTER_MS = 24 * 3600_000;

const COLUMNS = ['assigned', 'missing', 'scored', 'submitted', 'abstained', 'recused'] as const;

/**
 * A stage's progress, per judge and per entry, from the records on the panitia's device;
 * and, from the server, each device's last sync and how old its oldest change was then.
 */
export function ProgressScreen(props: { stageId: string }) {
  const t = useManageText();
  const { stageId } = props;
  const setup = useLive(
    async (db) => {
      const stage = await getRecord(db, 'stage', stageId);
      if (stage.status !== 'found') return null;
      const [work, users, entries] = await Promise.all([
        loadStageWork(db, stageId),
        listUsers(db),
        listEntriesOfCompetition(db, stage.row.competitionId),
      ]);
      return { stage: stage.row, work, users: users.rows, entries: entries.rows };
    },
    [stageId],
  );
  if (setup === undefined) return <p>{t('loading')}</p>;
  if (setup === null) return <p class="empty">{t('notFound')}</p>;
  const { stage, work, users, entries } = setup;
  const progress = stageProgress(stageId, work.assignments, work.scoresheets);
  const name = (id: string) => users.find((u) => u.id === id)?.name ?? id;
  const title = (id: string) => entries.find((e) => e.id === id)?.title ?? id;
  return (
    <>
      <h2>
        {t('progressTitle')} · {stage.name}
      </h2>
      <p class="muted">
        {t(`stageState.${stage.state}`)} ·{' '}
        <NavLink class="inline-link" href={managePath.assignments(stageId)}>
          {t('assignmentsTitle')}
        </NavLink>
      </p>
      <p class="progress-total">{t('progressTotal', { ...progress.total })}</p>
      <CountsTable
        caption={t('perJudge')}
        nameHeader={t('judge')}
        rows={progress.judges.map((j) => ({ key: j.judgeId, name: name(j.judgeId), counts: j }))}
      />
      <CountsTable
        caption={t('perEntry')}
        nameHeader={t('entry')}
        rows={progress.entries.map((e) => ({ key: e.entryId, name: title(e.entryId), counts: e }))}
      />
      {progress.orphaned.length > 0 && (
        <section class="card" aria-labelledby="orphaned-progress">
          <h3 id="orphaned-progress">{t('orphanedTitle')}</h3>
          <ul>
            {progress.orphaned.map((o) => (
              <li key={o.scoresheetId}>
                {t('orphanedLine', {
                  judge: name(o.judgeId),
                  entry: title(o.entryId),
                  reason: t(`orphanedReason.${o.reason}`),
                  status: t(`sheetStatus.${o.status}`),
                })}
              </li>
            ))}
          </ul>
        </section>
      )}
      <DeviceActivityTable
        people={users}
        busyPeople={
          new Set(progress.judges.filter((j) => j.missing + j.scored > 0).map((j) => j.judgeId))
        }
      />
    </>
  );
}

function CountsTable(props: {
  caption: string;
  nameHeader: string;
  rows: { key: string; name: string; counts: ProgressCounts }[];
}) {
  const t = useManageText();
  return (
    <div class="table-scroll">
      <table class="counts">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.nameHeader}</th>
            {COLUMNS.map((c) => (
              <th key={c} scope="col">
                {t(`count.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.key} class={row.counts.missing + row.counts.scored > 0 ? 'open-work' : ''}>
              <th scope="row">{row.name}</th>
              {COLUMNS.map((c) => (
                <td key={c}>{row.counts[c]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Asked of the server when the screen opens and on demand; needs the network. */
function DeviceActivityTable(props: {
  people: { id: string; name: string }[];
  busyPeople: ReadonlySet<string>;
}) {
  const t = useManageText();
  const { locale, t: appT } = useI18n();
  const { sync } = useServices();
  const [activity, setActivity] = useState<DeviceActivityResponse | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const load = async () => {
    try {
      setActivity(await (await sync.admin()).deviceActivity());
      setProblem(null);
    } catch (error) {
      setProblem(t('needsConnection', { detail: error instanceof Error ? error.message : '' }));
    }
  };
  useEffect(() => {
    void load();
  }, []);
  const serverNow = activity ? Date.parse(activity.serverTime) : 0;
  const name = (id: string) => props.people.find((p) => p.id === id)?.name ?? id;
  const devices = (activity?.devices ?? []).filter((d) => d.revokedAt === null);
  return (
    <section class="card" aria-labelledby="devices-title">
      <h3 id="devices-title">{t('devicesActivity')}</h3>
      <button type="button" class="button secondary" onClick={() => void load()}>
        {t('refresh')}
      </button>
      {problem && <p class="error">{problem}</p>}
      {activity && (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('person')}</th>
                <th scope="col">{t('device')}</th>
                <th scope="col">{t('lastSync')}</th>
                <th scope="col">{t('oldestChangeAtSync')}</th>
              </tr>
            </thead>
            <tbody>
              {devices.map((d) => {
                const seen = d.lastSeenAt ? Date.parse(d.lastSeenAt) : null;
                const quiet =
                  props.busyPeople.has(d.userId) &&
                  (seen === null || serverNow - seen > QUIET_AFTER_MS);
                return (
                  <tr key={d.id} class={quiet ? 'quiet' : ''}>
                    <th scope="row">{name(d.userId)}</th>
                    <td>{d.name}</td>
                    <td>
                      {seen === null
                        ? t('neverSeen')
                        : `${formatDateTime(locale, new Date(seen))} (${formatAge(appT, serverNow - seen)})`}
                      {quiet && <strong class="quiet-mark"> · {t('quiet')}</strong>}
                    </td>
                    <td>
                      {d.oldestChangeAgeMs === null ? '—' : duration(t, d.oldestChangeAgeMs)}
                      {d.clockSkewed && ` · ${t('clockWrong')}`}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** How long a change had waited: "45 menit", "3 jam". */
function duration(t: ReturnType<typeof useManageText>, ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return t('durationUnderMinute');
  if (minutes < 120) return t('durationMinutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('durationHours', { count: hours });
  return t('durationDays', { count: Math.floor(hours / 24) });
}
