import { useScoringText } from '../i18n/scoring-messages';
import { useState } from 'preact/hooks';
import type { Rubric } from '../../domain/rubric';
import { computeScoreTotal } from '../../domain/score-total';
import type { Scoresheet } from '../../domain/scoresheet';
import { useServices } from '../app-services';
import { formatNumber } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';

/** Submit (after a summary) or abstain with a reason: both lock the sheet for the judge. */
export function SubmitPanel(props: {
  rubric: Rubric;
  sheet: Scoresheet;
  update: (change: (s: Scoresheet) => Scoresheet, fields?: readonly string[]) => void;
}) {
  const { locale } = useI18n();
  const t = useScoringText();
  const { now } = useServices();
  const [mode, setMode] = useState<'idle' | 'summary' | 'abstain'>('idle');
  const [reason, setReason] = useState('');
  const total = computeScoreTotal(props.sheet, props.rubric);
  const missingNames = props.rubric.criteria
    .filter((c) => total.missing.includes(c.key))
    .map((c) => c.name);

  if (mode === 'summary') {
    return (
      <section class="card summary" role="region" aria-labelledby="summary-title">
        <h2 id="summary-title">{t('submitSummaryTitle')}</h2>
        <ul>
          {props.rubric.criteria.map((c) => (
            <li key={c.key}>
              {c.name}: <strong>{props.sheet.scores[c.key]?.value ?? '—'}</strong>
            </li>
          ))}
        </ul>
        <p>
          <strong>{t('runningTotal', { total: formatNumber(locale, total.total) })}</strong>
        </p>
        {!total.isComplete && (
          <p class="error" role="alert">
            {t('submitMissing', { criteria: missingNames.join(', ') })}
          </p>
        )}
        <div class="actions">
          <button
            type="button"
            class="button primary"
            disabled={!total.isComplete}
            onClick={() => {
              const submittedAt = new Date(now()).toISOString();
              props.update((s) => ({ ...s, status: 'submitted', submittedAt }), ['status']);
              setMode('idle');
            }}
          >
            {t('submitConfirm')}
          </button>
          <button type="button" class="button secondary" onClick={() => setMode('idle')}>
            {t('cancel')}
          </button>
        </div>
      </section>
    );
  }
  if (mode === 'abstain') {
    const trimmed = reason.trim();
    return (
      <section class="card summary">
        <label class="field">
          <span>{t('abstainReason')}</span>
          <textarea rows={2} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
        </label>
        <div class="actions">
          <button
            type="button"
            class="button primary"
            disabled={trimmed === ''}
            onClick={() => {
              props.update(
                (s) => ({ ...s, status: 'abstained', abstainReason: trimmed }),
                ['status'],
              );
              setMode('idle');
            }}
          >
            {t('abstainConfirm')}
          </button>
          <button type="button" class="button secondary" onClick={() => setMode('idle')}>
            {t('cancel')}
          </button>
        </div>
      </section>
    );
  }
  return (
    <div class="actions">
      <button type="button" class="button primary" onClick={() => setMode('summary')}>
        {t('submit')}
      </button>
      <button type="button" class="button secondary" onClick={() => setMode('abstain')}>
        {t('abstain')}
      </button>
    </div>
  );
}
