import { useState } from 'preact/hooks';
import { listRecords } from '../../db/record-repository';
import type { AuditRow } from '../../domain/audit-entry';
import { outcomeOfError } from '../../sync/sync-outcome';
import { useServices } from '../app-services';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { useLive } from '../use-live';
import { useManageText } from './manage-messages';

/**
 * Every applied change to the entry's scores, from the server's hash-chained audit log:
 * who, on which device, when (device and server), which field from what to what. Asked
 * for on demand: it needs the network, and most entry visits do not need it.
 */
export function ScoreHistory(props: { entryId: string }) {
  const t = useManageText();
  const { locale } = useI18n();
  const { sync } = useServices();
  const users = useLive((db) => listRecords(db, 'user'), []);
  const [rows, setRows] = useState<AuditRow[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async () => {
    setBusy(true);
    setProblem(null);
    try {
      setRows((await (await sync.admin()).entryScoreHistory(props.entryId)).history);
    } catch (error) {
      const failure = outcomeOfError(error);
      setProblem(failure.reason === 'offline' ? t('historyOffline') : failure.message);
    } finally {
      setBusy(false);
    }
  };
  const nameOf = (userId: string) => users?.rows.find((u) => u.id === userId)?.name ?? userId;
  const when = (iso: string) => formatDateTime(locale, new Date(iso));

  return (
    <section class="card" aria-labelledby="score-history-title">
      <h2 id="score-history-title">{t('historyTitle')}</h2>
      <p class="muted">{t('historyIntro')}</p>
      <button type="button" class="button" disabled={busy} onClick={() => void load()}>
        {busy ? t('loading') : t('historyShow')}
      </button>
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
      {rows?.length === 0 && <p class="empty">{t('historyEmpty')}</p>}
      {rows && rows.length > 0 && (
        <div class="table-scroll">
          <table>
            <caption>{t('historyTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('historyWhen')}</th>
                <th scope="col">{t('historyWho')}</th>
                <th scope="col">{t('historyChange')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.position}>
                  <td>
                    {when(row.appliedAt)}
                    <br />
                    <span class="muted">{t('historyOnDevice', { time: when(row.madeAt) })}</span>
                  </td>
                  <td>
                    {nameOf(row.userId)}
                    <br />
                    <span class="muted">{row.deviceId.slice(-8)}</span>
                  </td>
                  <td>
                    {row.changes.map((change) => (
                      <div key={change.field}>
                        {change.field}: {show(change.old)} → {show(change.new)}
                      </div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
