import { discardRejected } from '../../db/discard-rejected';
import { listRecordsWhere } from '../../db/record-repository';
import { listRejectedMutations } from '../../db/outbox-repository';
import { useServices } from '../app-services';
import { formatDateTime } from '../i18n/format';
import { useProblemsText } from '../i18n/problems-messages';
import { useI18n } from '../i18n/i18n-context';
import { useLive } from '../use-live';

/**
 * Nothing is lost silently: every change the server refused is listed with its reason,
 * and every value that lost a clash between two devices is shown beside the one kept.
 */
export function ProblemsPanel(props: { userId: string }) {
  const { db } = useServices();
  const { locale } = useI18n();
  const t = useProblemsText();
  const rejected = useLive(listRejectedMutations, []);
  const conflicts = useLive(
    (d) => listRecordsWhere(d, 'conflict', 'judgeId', props.userId),
    [props.userId],
  );
  const hasRejected = (rejected?.rows.length ?? 0) > 0;
  const hasConflicts = (conflicts?.rows.length ?? 0) > 0;
  if (!hasRejected && !hasConflicts) return null;
  return (
    <section class="card problems">
      {hasRejected && (
        <>
          <h2>{t('rejectedTitle')}</h2>
          <ul class="rejected">
            {rejected?.rows.map((row) => (
              <li key={row.mutation.id}>
                <strong>{describeRecord(row.mutation.record)}</strong>
                <span class="error">
                  {t('rejectedReason', { message: row.rejection?.message ?? '' })}
                </span>
                <button
                  type="button"
                  class="button secondary"
                  onClick={() => void discardRejected(db, row.mutation.id)}
                >
                  {t('discardChange')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {hasConflicts && (
        <>
          <h2>{t('conflictsTitle')}</h2>
          <ul class="conflicts">
            {conflicts?.rows.map((c) => (
              <li key={c.id}>
                {t('conflictField', {
                  field: c.field,
                  kept: c.kept.valueJson,
                  lost: c.lost.valueJson,
                })}
                <span class="muted"> · {formatDateTime(locale, new Date(c.at))}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function describeRecord(record: {
  kind: string;
  data: { id: string } & Record<string, unknown>;
}): string {
  const title = record.data['title'] ?? record.data['name'];
  return typeof title === 'string'
    ? `${record.kind}: ${title}`
    : `${record.kind} ${record.data.id.slice(0, 8)}`;
}
