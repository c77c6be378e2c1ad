import { useState } from 'preact/hooks';
import {
  checkStageTransition,
  editableStageFields,
  STAGE_TRANSITIONS,
} from '../../domain/stage-lifecycle';
import { stageProgress } from '../../domain/stage-progress';
import { rubricVersionKey } from '../../domain/rubric';
import { STAGE_KINDS, type Advancement, type Stage, type StageState } from '../../domain/stage';
import { getRecord } from '../../db/record-repository';
import { loadStageWork } from '../../db/load-stage-work';
import { useLive } from '../use-live';
import { useManageText } from './manage-messages';
import { managePath } from './manage-routes';
import { ChoiceField } from './fields';
import { NavLink } from './NavLink';
import { DeleteRecordButton } from './DeleteRecordButton';
import { useSaveRecords } from './use-save-records';

/** One stage: its settings while they may change, its state and the way to move it on. */
export function StageCard(props: { stage: Stage }) {
  const t = useManageText();
  const { stage } = props;
  const { save, saving, error } = useSaveRecords();
  const editable = editableStageFields(stage.state);
  const rubric = useLive(
    (db) => getRecord(db, 'rubric', rubricVersionKey(stage.rubricId, stage.rubricVersion)),
    [stage.rubricId, stage.rubricVersion],
  );
  const work = useLive((db) => loadStageWork(db, stage.id), [stage.id]);
  const update = (patch: Partial<Stage>) =>
    void save([{ kind: 'stage', data: { ...stage, ...patch } }]);
  const headingId = `stage-${stage.id}`;

  const progress = work && stageProgress(stage.id, work.assignments, work.scoresheets);
  const perEntry = progress?.entries.map((e) => e.assigned) ?? [];
  const most = Math.max(0, ...perEntry);
  const facts = {
    hasRubric: rubric?.status === 'found',
    activeAssignments: progress?.total.assigned ?? 0,
    unfinishedSheets: (progress?.total.missing ?? 0) + (progress?.total.scored ?? 0),
    shortEntries: perEntry.filter((n) => n < most).length,
  };

  return (
    <section class={`card stage-card state-${stage.state}`} aria-labelledby={headingId}>
      <h3 id={headingId}>
        {stage.name}{' '}
        <span class={`badge state state-${stage.state}`}>{t(`stageState.${stage.state}`)}</span>
      </h3>
      <p class="muted">
        {t(`stageKind.${stage.kind}`)} ·{' '}
        {rubric?.status === 'found'
          ? t('rubricVersionOf', { name: rubric.row.name, version: stage.rubricVersion })
          : t('rubricMissing')}
      </p>
      <div class="actions">
        <NavLink href={managePath.rubric(stage.rubricId)}>{t('editRubric')}</NavLink>
        <NavLink href={managePath.assignments(stage.id)}>{t('assignmentsTitle')}</NavLink>
        <NavLink href={managePath.progress(stage.id)}>{t('progressTitle')}</NavLink>
        <NavLink href={managePath.results(stage.id)}>{t('resultsTitle')}</NavLink>
        {stage.state === 'draft' && (
          <DeleteRecordButton record={{ kind: 'stage', data: stage }} name={stage.name} />
        )}
      </div>
      {editable.includes('name') && (
        <details>
          <summary>{t('stageSettings')}</summary>
          <label class="field">
            {t('stageName')}
            <input
              required
              value={stage.name}
              onChange={(e) => {
                const name = e.currentTarget.value.trim();
                if (name && name !== stage.name) update({ name });
              }}
            />
          </label>
          <div class="field-row">
            <ChoiceField
              label={t('stageKind')}
              value={stage.kind}
              choices={STAGE_KINDS}
              labelOf={(k) => t(`stageKind.${k}`)}
              onChoose={(kind) => update({ kind })}
              disabled={!editable.includes('kind')}
            />
            <label class="field">
              {t('stageOrder')}
              <input
                type="number"
                min={0}
                value={stage.order}
                onChange={(e) => {
                  const order = Number(e.currentTarget.value);
                  if (Number.isInteger(order) && order >= 0) update({ order });
                }}
              />
            </label>
          </div>
          <AdvancementField
            value={stage.advancement}
            onChange={(advancement) => update({ advancement })}
          />
        </details>
      )}
      <StageStateControls
        stage={stage}
        facts={facts}
        onMove={(state) => update({ state })}
        busy={saving}
      />
      {error && <p class="error">{t('saveFailed', { detail: error })}</p>}
    </section>
  );
}

function AdvancementField(props: { value: Advancement; onChange: (a: Advancement) => void }) {
  const t = useManageText();
  const { value } = props;
  return (
    <fieldset class="segmented">
      <legend>{t('advancement')}</legend>
      <label>
        <input
          type="radio"
          checked={value.kind === 'none'}
          onChange={() => props.onChange({ kind: 'none' })}
        />
        {t('advancementNone')}
      </label>
      <label>
        <input
          type="radio"
          checked={value.kind === 'topPerCategory'}
          onChange={() => props.onChange({ kind: 'topPerCategory', count: 3 })}
        />
        {t('advancementTop')}
      </label>
      {value.kind === 'topPerCategory' && (
        <label>
          {t('advancementCount')}
          <input
            class="narrow-input"
            type="number"
            min={1}
            value={value.count}
            onChange={(e) => {
              const count = Number(e.currentTarget.value);
              if (Number.isInteger(count) && count >= 1)
                props.onChange({ kind: 'topPerCategory', count });
            }}
          />
        </label>
      )}
      <label>
        <input
          type="radio"
          checked={value.kind === 'threshold'}
          onChange={() => props.onChange({ kind: 'threshold', minScore: 70 })}
        />
        {t('advancementThreshold')}
      </label>
      {value.kind === 'threshold' && (
        <label>
          {t('advancementMinScore')}
          <input
            class="narrow-input"
            type="number"
            min={0}
            max={100}
            step="any"
            value={value.minScore}
            onChange={(e) => {
              const minScore = Number(e.currentTarget.value);
              if (minScore >= 0 && minScore <= 100) props.onChange({ kind: 'threshold', minScore });
            }}
          />
        </label>
      )}
    </fieldset>
  );
}

function StageStateControls(props: {
  stage: Stage;
  facts: Parameters<typeof checkStageTransition>[2];
  onMove: (state: StageState) => void;
  busy: boolean;
}) {
  const t = useManageText();
  const [pending, setPending] = useState<StageState | null>(null);
  const targets = STAGE_TRANSITIONS[props.stage.state];
  const check = pending && checkStageTransition(props.stage, pending, props.facts);
  return (
    <div class="stage-state">
      <p class="muted">{t(`stageStateHelp.${props.stage.state}`)}</p>
      <div class="actions">
        {targets.map((to) => (
          <button
            key={to}
            type="button"
            class="button"
            disabled={props.busy}
            onClick={() => setPending(to)}
          >
            {t(moveLabel(props.stage.state, to))}
          </button>
        ))}
      </div>
      {check && (
        <div class="confirm" role="group" aria-label={t(moveLabel(props.stage.state, pending))}>
          {check.problems.map((p) => (
            <p key={p.code} class="error">
              {t(`stageProblem.${p.code}`)}
            </p>
          ))}
          {check.warnings.map((w) => (
            <p key={w.code} class="warning">
              {t(`stageWarning.${w.code}`, { count: w.count })}
            </p>
          ))}
          {pending === 'open' && <p class="muted">{t('openFreezesRubric')}</p>}
          {pending === 'finalised' && <p class="muted">{t('finaliseIsFinal')}</p>}
          <div class="actions">
            <button
              type="button"
              class="button primary"
              disabled={check.problems.length > 0 || props.busy}
              onClick={() => {
                props.onMove(pending);
                setPending(null);
              }}
            >
              {t('confirm')}
            </button>
            <button type="button" class="button secondary" onClick={() => setPending(null)}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

function moveLabel(
  from: StageState,
  to: StageState,
): 'stageMove.open' | 'stageMove.reopen' | 'stageMove.close' | 'stageMove.finalise' {
  if (to === 'closed') return 'stageMove.close';
  if (to === 'finalised') return 'stageMove.finalise';
  return from === 'closed' ? 'stageMove.reopen' : 'stageMove.open';
}
