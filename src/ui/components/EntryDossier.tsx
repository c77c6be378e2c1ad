import { useScoringText } from '../i18n/scoring-messages';
import { sameValue } from '../../domain/scoresheet-fields';
import { memoWith } from '../memo';
import type { Category } from '../../domain/category';
import type { Entry } from '../../domain/entry';
import { formatDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import type { BlobRef } from '../../domain/blob-ref';
import { formatBytes } from '../i18n/format-bytes';
import { useStoredBlob } from '../use-stored-blob';

/**
 * Everything about the entry the judge needs on site, from the device: works offline.
 * Redrawn only when the entry itself changes, not on every score typed beside it.
 */
export const EntryDossier = memoWith(
  EntryDossierView,
  (before, after) =>
    sameValue(before.entry, after.entry) && sameValue(before.category, after.category),
);

function EntryDossierView(props: { entry: Entry; category: Category | undefined }) {
  const { locale } = useI18n();
  const t = useScoringText();
  const { entry } = props;
  const point = entry.location?.point;
  return (
    <details class="card dossier">
      <summary>{t('dossier')}</summary>
      <p>{entry.summary}</p>
      <dl>
        <dt>{t('unit')}</dt>
        <dd>{entry.unit.name}</dd>
        <dt>{t('category')}</dt>
        <dd>{props.category?.name ?? '—'}</dd>
        <dt>{t('startedOn', { date: formatDate(locale, entry.startedOn) })}</dt>
        <dd>{entry.isDigital ? t('digital') : t('nonDigital')}</dd>
        {entry.location && (
          <>
            <dt>{t('location')}</dt>
            <dd>
              {entry.location.address}
              {point && (
                <>
                  {' '}
                  ({point.lat.toFixed(5)}, {point.lng.toFixed(5)}){' '}
                  <a href={`geo:${point.lat},${point.lng}`}>{t('openMap')}</a>
                </>
              )}
            </dd>
          </>
        )}
        {entry.contact && (
          <>
            <dt>{t('contact')}</dt>
            <dd>
              {entry.contact.name}
              {entry.contact.phone && (
                <>
                  {' · '}
                  <a href={`tel:${entry.contact.phone.replace(/\s/g, '')}`}>
                    {entry.contact.phone}
                  </a>
                </>
              )}
            </dd>
          </>
        )}
        <dt>{t('evidence')}</dt>
        <dd>
          {entry.evidence.length === 0 ? (
            t('noEvidence')
          ) : (
            <ul class="evidence-list">
              {entry.evidence.map((ref) => (
                <EvidenceItem key={ref.sha256} file={ref} />
              ))}
            </ul>
          )}
        </dd>
      </dl>
    </details>
  );
}

/** An evidence file opens from the device (it was fetched when the entry was assigned). */
function EvidenceItem(props: { file: BlobRef }) {
  const t = useScoringText();
  const { locale } = useI18n();
  const { url } = useStoredBlob(props.file.sha256);
  const name = props.file.name ?? props.file.sha256.slice(0, 12);
  const size = formatBytes(locale, props.file.size);
  return (
    <li>
      {url ? (
        <a href={url} download={name} target="_blank" rel="noopener">
          {name}
        </a>
      ) : (
        name
      )}{' '}
      <span class="muted">
        ({size}
        {url ? '' : `, ${t('evidenceNotHere')}`})
      </span>
    </li>
  );
}
