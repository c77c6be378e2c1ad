import { useState } from 'preact/hooks';
import { saveLocalEdits } from '../../db/save-local-edits';
import {
  confirmAdvancement,
  nextStageOf,
  previewAdvancement,
  type AdvancementProblem,
} from '../../domain/results/advancement';
import { useServices } from '../app-services';
import { useResultsText } from './results-messages';
import type { StageReport } from './stage-report';

/**
 * Who advances by the stage's rule, per category, and the panitia's confirmation, which
 * writes the next stage's entrants through the outbox like any other edit.
 */
export function AdvancementSection(props: { report: StageReport; userId: string }) {
  const t = useResultsText();
  const { db, deviceId, makeId, now, sync } = useServices();
  const { report } = props;
  const { stage, stages } = report.records;
  const [admitUndecided, setAdmitUndecided] = useState(false);
  const [problems, setProblems] = useState<AdvancementProblem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const titles = (ids: readonly { entryId: string }[]) =>
    ids.map((e) => report.entryById.get(e.entryId)?.title ?? e.entryId).join(', ');
  const preview = previewAdvancement(
    stage.advancement,
    report.categories.map((c) => ({ categoryId: c.category.id, ranking: c.results.rawRanking })),
  );
  const next = nextStageOf(stage, stages);
  const confirmed = next?.entrants?.fromStageId === stage.id ? next.entrants : null;

  const confirm = async () => {
    const outcome = confirmAdvancement({
      stage,
      stages,
      preview,
      admitUndecided,
      confirmedAt: new Date(now()).toISOString(),
      confirmedBy: props.userId,
    });
    if (!outcome.ok) {
      setProblems(outcome.problems);
      return;
    }
    setProblems([]);
    try {
      await saveLocalEdits(db, [
        {
          record: { kind: 'stage', data: outcome.nextStage },
          mutationId: makeId(),
          deviceId,
          nowMs: now(),
          op: 'put',
        },
      ]);
      setError(null);
      void sync.syncNow();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };

  const rule = stage.advancement;
  return (
    <section class="card" aria-labelledby="advancement-title">
      <h3 id="advancement-title">{t('advancementTitle')}</h3>
      <p>
        {rule.kind === 'topPerCategory'
          ? t('rule.topPerCategory', { count: rule.count })
          : rule.kind === 'threshold'
            ? t('rule.threshold', { minScore: rule.minScore })
            : t('rule.none')}
      </p>
      {preview.categories.map((category) => {
        const name = report.categories.find((c) => c.category.id === category.categoryId)?.category
          .name;
        return (
          <div key={category.categoryId}>
            <h4>{name}</h4>
            <p>
              {category.advancing.length > 0
                ? t('advancing', { titles: titles(category.advancing) })
                : t('noneAdvancing')}
            </p>
            {category.undecided.length > 0 && (
              <p role="status">
                {t('undecided', {
                  titles: titles(category.undecided),
                  places: category.tieAtCut?.placesLeft ?? 0,
                })}
              </p>
            )}
            {category.tieAtCut?.isSettled === true && <p class="muted">{t('tieAtCutSettled')}</p>}
          </div>
        );
      })}
      {confirmed && next && (
        <p role="status">
          {t('confirmed', { count: confirmed.entryIds.length, stage: next.name })}
        </p>
      )}
      {preview.categories.some((c) => c.undecided.length > 0) && (
        <label class="check">
          <input
            type="checkbox"
            checked={admitUndecided}
            onChange={(e) => setAdmitUndecided(e.currentTarget.checked)}
          />{' '}
          {t('admitUndecided')}
        </label>
      )}
      {next && rule.kind !== 'none' && (
        <button type="button" class="button" onClick={() => void confirm()}>
          {t('confirmAdvancement', { stage: next.name })}
        </button>
      )}
      {problems.length > 0 && (
        <ul role="alert">
          {[...new Set(problems.map((p) => p.code))].map((code) => (
            <li key={code}>{t(`problem.${code}`)}</li>
          ))}
        </ul>
      )}
      {error !== null && <p role="alert">{t('saveFailed', { message: error })}</p>}
    </section>
  );
}
