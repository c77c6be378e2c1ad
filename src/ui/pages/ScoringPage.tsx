import { useMemo, useState } from 'preact/hooks';
import {
  loadScoresheet,
  loadScoringContext,
  type ScoringContext,
} from '../../db/load-scoring-context';
import { computeScoreTotal } from '../../domain/score-total';
import type { Scoresheet } from '../../domain/scoresheet';
import { BackLink } from '../components/BackLink';
import { CriterionField } from '../components/CriterionField';
import { EntryDossier } from '../components/EntryDossier';
import { PhotoSection } from '../components/PhotoSection';
import { SubmitPanel } from '../components/SubmitPanel';
import { formatNumber } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { useLive } from '../use-live';
import { useScoresheetEditor } from '../use-scoresheet-editor';
import './scoring.css';
import { useScoringText } from '../i18n/scoring-messages';

/** Scoring one assigned entry: offline, autosaved, one criterion at a time or all at once. */
export function ScoringPage(props: { assignmentId: string; onBack: () => void }) {
  const t = useScoringText();
  const parts = useLive((db) => loadScoringContext(db, props.assignmentId), [props.assignmentId]);
  // Read apart from the rest: an autosave writes the sheet, and only the sheet is read again.
  const saved = useLive((db) => loadScoresheet(db, props.assignmentId), [props.assignmentId]);
  const context = useMemo<ScoringContext | null | undefined>(() => {
    if (parts === null) return null;
    if (parts === undefined || saved === undefined) return undefined;
    return { ...parts, sheet: saved.sheet };
  }, [parts, saved]);
  const editor = useScoresheetEditor(context);
  return (
    <main class="page scoring">
      <BackLink class="back" label={t('back')} onBack={props.onBack} />
      {context === undefined && <p>{t('loading')}</p>}
      {context === null && <p class="empty">{t('notOnDevice')}</p>}
      {context && editor.sheet && (
        <ScoringForm
          context={context}
          sheet={editor.sheet}
          update={editor.update}
          saveError={editor.saveError}
        />
      )}
    </main>
  );
}

function ScoringForm(props: {
  context: ScoringContext;
  sheet: Scoresheet;
  update: (change: (sheet: Scoresheet) => Scoresheet, fields?: readonly string[]) => void;
  saveError: string | null;
}) {
  const { locale } = useI18n();
  const t = useScoringText();
  const { context, sheet, update } = props;
  const [layout, setLayout] = useState<'all' | 'one'>('all');
  const [index, setIndex] = useState(0);
  const criteria = context.rubric.criteria;
  const total = computeScoreTotal(sheet, context.rubric);
  const isLocked = sheet.status !== 'draft' || context.stage.state !== 'open';
  const setScore = (key: string, patch: Partial<{ value: number | null; note: string }>) =>
    update(
      (s) => {
        const current = s.scores[key] ?? { value: null, note: '' };
        return { ...s, scores: { ...s.scores, [key]: { ...current, ...patch } } };
      },
      Object.keys(patch).map((part) => `scores.${key}.${part}`),
    );
  const shown = layout === 'all' ? criteria : criteria.slice(index, index + 1);

  return (
    <>
      <header>
        <h1 class="entry-heading">{context.entry.title}</h1>
        <p class="muted">
          {context.entry.unit.name} · {context.stage.name}
          {context.assignment.visitDay !== undefined &&
            ` · ${t('visitDay', { day: context.assignment.visitDay })}`}
        </p>
      </header>
      <EntryDossier entry={context.entry} category={context.category} />
      {sheet.status === 'submitted' && <p class="notice locked">{t('lockedSubmitted')}</p>}
      {sheet.status === 'abstained' && (
        <p class="notice locked">{t('abstained', { reason: sheet.abstainReason ?? '' })}</p>
      )}

      <div class="total" aria-live="polite">
        <strong>{t('runningTotal', { total: formatNumber(locale, total.total) })}</strong>
        <span class="muted">
          {' '}
          ·{' '}
          {t('scoredOf', {
            scored: criteria.length - total.missing.length,
            criteria: criteria.length,
          })}
        </span>
        <span class="muted saved"> · {props.saveError ?? t('savedLocally')}</span>
      </div>

      <fieldset class="segmented">
        <legend>{t('layout')}</legend>
        {(['all', 'one'] as const).map((option) => (
          <label key={option}>
            <input
              type="radio"
              name="layout"
              checked={layout === option}
              onChange={() => setLayout(option)}
            />
            {option === 'all' ? t('layoutAll') : t('layoutOne')}
          </label>
        ))}
      </fieldset>

      {shown.map((criterion) => (
        <CriterionField
          key={criterion.key}
          criterion={criterion}
          score={sheet.scores[criterion.key] ?? { value: null, note: '' }}
          disabled={isLocked}
          onValue={(value) => setScore(criterion.key, { value })}
          onNote={(note) => setScore(criterion.key, { note })}
        />
      ))}
      {layout === 'one' && (
        <nav class="pager" aria-label={t('criterionOf', { n: index + 1, count: criteria.length })}>
          <button
            type="button"
            class="button"
            disabled={index === 0}
            onClick={() => setIndex(index - 1)}
          >
            {t('previous')}
          </button>
          <span>{t('criterionOf', { n: index + 1, count: criteria.length })}</span>
          <button
            type="button"
            class="button"
            disabled={index >= criteria.length - 1}
            onClick={() => setIndex(index + 1)}
          >
            {t('next')}
          </button>
        </nav>
      )}

      <label class="field">
        <span>{t('overallNote')}</span>
        <textarea
          rows={3}
          value={sheet.overallNote}
          disabled={isLocked}
          onInput={(e) => {
            const overallNote = e.currentTarget.value;
            update((s) => ({ ...s, overallNote }), ['overallNote']);
          }}
        />
      </label>
      <PhotoSection photos={sheet.photos} disabled={isLocked} update={update} />
      {!isLocked && <SubmitPanel rubric={context.rubric} sheet={sheet} update={update} />}
    </>
  );
}
