import { useState } from 'preact/hooks';
import type { Stage } from '../../domain/stage';
import { moveRule, withPlenaryDecision } from '../../domain/stage-ranking-edits';
import { useServices } from '../app-services';
import { ReorderList } from './ReorderList';
import { useResultsText } from './results-messages';
import { useSaveRanking } from './use-save-ranking';

export interface PlenaryDecisionFormProps {
  stage: Stage;
  categoryId: string;
  /** Entries the tie-break chain left on one rank, in the order shown until reordered. */
  entryIds: readonly string[];
  /** Their shared score, as the screen writes it. */
  score: string;
  titleOf: (entryId: string) => string;
  /** The signed-in panitia, recorded as who entered the decision. */
  userId: string;
}

/**
 * "Catat keputusan rapat pleno": the panitia puts the tied entries in the order the
 * plenary fixed and writes its reason, which the ranking and the berita acara then cite.
 * Saved on the stage, so it goes through the outbox and is frozen when the stage is.
 */
export function PlenaryDecisionForm(props: PlenaryDecisionFormProps) {
  const t = useResultsText();
  const { now } = useServices();
  const saver = useSaveRanking(props.stage);
  const [order, setOrder] = useState<string[]>(() => [...props.entryIds]);
  const [reason, setReason] = useState('');
  const [missingReason, setMissingReason] = useState(false);
  const id = `plenary-${props.categoryId}-${props.entryIds.join('-')}`;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (reason.trim() === '') {
      setMissingReason(true);
      return;
    }
    setMissingReason(false);
    const decision = {
      categoryId: props.categoryId,
      entryIds: order,
      reason: reason.trim(),
      decidedAt: new Date(now()).toISOString(),
      decidedBy: props.userId,
    };
    await saver.save((ranking) => withPlenaryDecision(ranking, decision));
  };

  return (
    <form class="card" aria-labelledby={`${id}-title`} onSubmit={(e) => void submit(e)}>
      <h4 id={`${id}-title`}>{t('plenaryTitle')}</h4>
      <p>
        {t('plenaryIntro', {
          titles: props.entryIds.map(props.titleOf).join(', '),
          score: props.score,
        })}
      </p>
      {!saver.editable && <p role="status">{t('settingsLocked')}</p>}
      <fieldset disabled={!saver.editable}>
        <legend>{t('plenaryOrder')}</legend>
        <ReorderList
          items={order.map((entryId) => ({ key: entryId, label: props.titleOf(entryId) }))}
          onMove={(index, step) => setOrder(moveRule(order, index, step))}
        />
        <label class="field">
          {t('plenaryReason')}
          <textarea
            rows={3}
            maxLength={1000}
            value={reason}
            aria-invalid={missingReason}
            aria-describedby={missingReason ? `${id}-reason-error` : undefined}
            onInput={(e) => setReason(e.currentTarget.value)}
          />
        </label>
        {missingReason && (
          <p id={`${id}-reason-error`} role="alert">
            {t('reasonRequired')}
          </p>
        )}
        <button type="submit" class="button" disabled={saver.saving}>
          {saver.saving ? t('saving') : t('saveDecision')}
        </button>
      </fieldset>
      {saver.error !== null && <p role="alert">{t('saveFailed', { message: saver.error })}</p>}
    </form>
  );
}
