import { useState } from 'preact/hooks';
import { rubricFromTemplate } from '../../domain/competition-templates';
import type { Criterion, Level, Rubric } from '../../domain/rubric';
import {
  checkRubric,
  criterionKeyFromName,
  nextRubricVersion,
  type RubricIssue,
} from '../../domain/rubric-check';
import { RUBRIC_TEMPLATES, type RubricTemplateKey } from '../../domain/rubric-templates';
import { isRubricVersionFrozen } from '../../domain/stage-lifecycle';
import type { Stage } from '../../domain/stage';
import type { SyncRecord } from '../../domain/sync-record';
import { listRecords } from '../../db/record-repository';
import { listRubricVersions } from '../../db/list-rubric-versions';
import { useI18n } from '../i18n/i18n-context';
import { formatNumber } from '../i18n/format';
import { useLive } from '../use-live';
import { useManageText, type ManageTranslate } from './manage-messages';
import { TextField } from './fields';
import { useSaveRecords } from './use-save-records';

/**
 * The rubric editor: criteria with weight and a numeric range or levels (each naming the
 * evidence it needs), checked as they are typed. A version a stage has opened with is
 * frozen: saving then makes the next version, and the stages still in draft move to it;
 * open stages and their scoresheets keep theirs.
 */
export function RubricScreen(props: { rubricId: string }) {
  const t = useManageText();
  const versions = useLive((db) => listRubricVersions(db, props.rubricId), [props.rubricId]);
  const stages = useLive((db) => listRecords(db, 'stage'), []);
  // Kept here: saving a new version replaces the editor below with that version's.
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const latest = versions?.rows.at(-1);
  if (versions === undefined || stages === undefined) return <p>{t('loading')}</p>;
  if (!latest) return <p class="empty">{t('notFound')}</p>;
  const usedBy = stages.rows.filter((s) => s.rubricId === latest.id);
  return (
    <RubricEditor
      key={`${latest.id}@${latest.version}`}
      rubric={latest}
      versions={versions.rows.map((r) => r.version)}
      stages={usedBy}
      savedVersion={savedVersion}
      onSaved={setSavedVersion}
    />
  );
}

function RubricEditor(props: {
  rubric: Rubric;
  versions: number[];
  stages: Stage[];
  savedVersion: number | null;
  onSaved: (version: number) => void;
}) {
  const t = useManageText();
  const { locale } = useI18n();
  const { save, saving, error } = useSaveRecords();
  const [draft, setDraft] = useState<Rubric>(props.rubric);
  const frozen = isRubricVersionFrozen(props.rubric, props.stages);
  const summary = checkRubric(draft);
  const openStages = props.stages.filter(
    (s) => s.rubricVersion === props.rubric.version && s.state !== 'draft',
  );

  const setCriterion = (index: number, next: Criterion) =>
    setDraft({ ...draft, criteria: draft.criteria.map((c, i) => (i === index ? next : c)) });
  const addCriterion = () => {
    const key = criterionKeyFromName(
      t('newCriterionName'),
      new Set(draft.criteria.map((c) => c.key)),
    );
    setDraft({
      ...draft,
      criteria: [
        ...draft.criteria,
        {
          key,
          name: t('newCriterionName'),
          description: '',
          weight: 10,
          scale: { kind: 'range', min: 0, max: 100, step: 1 },
        },
      ],
    });
  };
  const applyTemplate = (key: RubricTemplateKey) => {
    const template = rubricFromTemplate(key, draft.id);
    setDraft({ ...draft, name: template.name, criteria: template.criteria });
  };

  const submit = async () => {
    const version = frozen ? nextRubricVersion(props.versions) : draft.version;
    // A new criterion's key comes from its final name; a kept one keeps its key, so the
    // versions of a rubric stay comparable criterion by criterion.
    const kept = new Set(props.rubric.criteria.map((c) => c.key));
    const taken = new Set(kept);
    const criteria = draft.criteria.map((c) => {
      if (kept.has(c.key)) return c;
      const key = criterionKeyFromName(c.name, taken);
      taken.add(key);
      return { ...c, key };
    });
    const rubric: Rubric = { ...draft, version, criteria };
    // Draft stages follow the new version; opened ones keep the version they opened with.
    const follow = frozen
      ? props.stages
          .filter((s) => s.state === 'draft')
          .map((s): SyncRecord => ({ kind: 'stage', data: { ...s, rubricVersion: version } }))
      : [];
    if (await save([{ kind: 'rubric', data: rubric }, ...follow])) props.onSaved(version);
  };

  return (
    <form
      class="rubric-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2>{t('rubricEditorTitle', { version: props.rubric.version })}</h2>
      {frozen && (
        <p class="notice">
          {t('rubricFrozen', {
            stages: openStages.map((s) => s.name).join(', '),
            next: nextRubricVersion(props.versions),
          })}
        </p>
      )}
      <TextField
        required
        label={t('rubricName')}
        value={draft.name}
        onValue={(name) => setDraft({ ...draft, name })}
      />
      <details>
        <summary>{t('startFromTemplate')}</summary>
        <div class="actions">
          {RUBRIC_TEMPLATES.map((r) => (
            <button
              key={r.key}
              type="button"
              class="button secondary"
              onClick={() => applyTemplate(r.key)}
            >
              {t(`rubricTemplateName.${r.key}`)}
            </button>
          ))}
        </div>
      </details>
      <ol class="criteria">
        {draft.criteria.map((criterion, index) => (
          <li key={criterion.key} class="card criterion-editor">
            <CriterionEditor
              criterion={criterion}
              index={index}
              share={summary.shares[index] ?? 0}
              issues={summary.issues.filter((i) => 'criterion' in i && i.criterion === index)}
              onChange={(next) => setCriterion(index, next)}
              onRemove={() =>
                setDraft({ ...draft, criteria: draft.criteria.filter((_, i) => i !== index) })
              }
            />
          </li>
        ))}
      </ol>
      <button type="button" class="button" onClick={addCriterion}>
        {t('addCriterion')}
      </button>
      <section class="card live-check" aria-live="polite" aria-labelledby="check-title">
        <h3 id="check-title">{t('liveCheck')}</h3>
        <p>
          {t('totalWeight', { total: formatNumber(locale, summary.totalWeight, 0) })}{' '}
          <span class="muted">{t('weightsNormalised')}</span>
        </p>
        <ul>
          {summary.issues
            .filter((i) => !('criterion' in i))
            .map((issue) => (
              <li key={issue.code} class={issue.severity}>
                {issueText(t, issue, draft)}
              </li>
            ))}
          {summary.issues.length === 0 && <li>{t('rubricLooksGood')}</li>}
          {summary.issues.some((i) => 'criterion' in i) && <li>{t('seeCriteriaIssues')}</li>}
        </ul>
      </section>
      {error && <p class="error">{t('saveFailed', { detail: error })}</p>}
      {props.savedVersion !== null && !error && (
        <p role="status">{t('rubricSaved', { version: props.savedVersion })}</p>
      )}
      <button class="button primary" type="submit" disabled={!summary.isUsable || saving}>
        {frozen ? t('saveAsVersion', { version: nextRubricVersion(props.versions) }) : t('save')}
      </button>
    </form>
  );
}

function CriterionEditor(props: {
  criterion: Criterion;
  index: number;
  share: number;
  issues: RubricIssue[];
  onChange: (c: Criterion) => void;
  onRemove: () => void;
}) {
  const t = useManageText();
  const { locale } = useI18n();
  const { criterion } = props;
  const scale = criterion.scale;
  const number = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));
  return (
    <fieldset class="criterion-fields">
      <legend>
        {t('criterionNumber', { n: props.index + 1 })} ·{' '}
        {t('criterionShare', { percent: formatNumber(locale, props.share, 1) })}
      </legend>
      <TextField
        required
        label={t('criterionName')}
        value={criterion.name}
        onValue={(name) => props.onChange({ ...criterion, name })}
      />
      <label class="field">
        {t('criterionDescription')}
        <textarea
          rows={2}
          value={criterion.description}
          onInput={(e) => props.onChange({ ...criterion, description: e.currentTarget.value })}
        />
      </label>
      <div class="field-row">
        <label class="field">
          {t('weight')}
          <input
            type="number"
            min={0}
            step="any"
            value={Number.isNaN(criterion.weight) ? '' : criterion.weight}
            onInput={(e) => props.onChange({ ...criterion, weight: number(e.currentTarget.value) })}
          />
        </label>
        <label class="field">
          {t('scaleKind')}
          <select
            value={scale.kind}
            onChange={(e) =>
              props.onChange({
                ...criterion,
                scale:
                  e.currentTarget.value === 'levels'
                    ? {
                        kind: 'levels',
                        levels: [
                          { label: t('levelNoEvidence'), points: 0, evidence: '' },
                          { label: t('levelDefault', { n: 1 }), points: 1, evidence: '' },
                          { label: t('levelDefault', { n: 2 }), points: 2, evidence: '' },
                          { label: t('levelDefault', { n: 3 }), points: 3, evidence: '' },
                        ],
                      }
                    : { kind: 'range', min: 0, max: 100, step: 1 },
              })
            }
          >
            <option value="range">{t('scaleRange')}</option>
            <option value="levels">{t('scaleLevels')}</option>
          </select>
        </label>
      </div>
      {scale.kind === 'range' ? (
        <div class="field-row">
          {(['min', 'max', 'step'] as const).map((field) => (
            <label key={field} class="field">
              {t(`range.${field}`)}
              <input
                type="number"
                step="any"
                value={Number.isNaN(scale[field]) ? '' : scale[field]}
                onInput={(e) =>
                  props.onChange({
                    ...criterion,
                    scale: { ...scale, [field]: number(e.currentTarget.value) },
                  })
                }
              />
            </label>
          ))}
        </div>
      ) : (
        <LevelsEditor
          levels={scale.levels}
          onChange={(levels) => props.onChange({ ...criterion, scale: { kind: 'levels', levels } })}
        />
      )}
      {props.issues.length > 0 && (
        <ul class="issues">
          {props.issues.map((issue, i) => (
            <li key={i} class={issue.severity}>
              {issueText(t, issue)}
            </li>
          ))}
        </ul>
      )}
      <button type="button" class="button secondary" onClick={props.onRemove}>
        {t('removeCriterion', { name: criterion.name })}
      </button>
    </fieldset>
  );
}

function LevelsEditor(props: { levels: Level[]; onChange: (levels: Level[]) => void }) {
  const t = useManageText();
  const set = (index: number, next: Level) =>
    props.onChange(props.levels.map((l, i) => (i === index ? next : l)));
  return (
    <div class="levels">
      {props.levels.map((level, i) => (
        <div key={i} class="level-row">
          <label class="field">
            {t('levelLabel', { n: i + 1 })}
            <input
              value={level.label}
              onInput={(e) => set(i, { ...level, label: e.currentTarget.value })}
            />
          </label>
          <label class="field">
            {t('levelPoints')}
            <input
              type="number"
              min={0}
              step="any"
              value={level.points}
              onInput={(e) => set(i, { ...level, points: Number(e.currentTarget.value) })}
            />
          </label>
          <label class="field">
            {t('levelEvidence')}
            <input
              value={level.evidence}
              onInput={(e) => set(i, { ...level, evidence: e.currentTarget.value })}
            />
          </label>
          <button
            type="button"
            class="button secondary"
            aria-label={t('removeLevel', { n: i + 1 })}
            onClick={() => props.onChange(props.levels.filter((_, j) => j !== i))}
          >
            ×
          </button>
        </div>
      ))}
      <button
        type="button"
        class="button secondary"
        onClick={() =>
          props.onChange([
            ...props.levels,
            {
              label: t('levelDefault', { n: props.levels.length }),
              points: Math.max(0, ...props.levels.map((l) => l.points)) + 1,
              evidence: '',
            },
          ])
        }
      >
        {t('addLevel')}
      </button>
    </div>
  );
}

function issueText(t: ManageTranslate, issue: RubricIssue, rubric?: Rubric): string {
  const params: Record<string, string | number> = {};
  if ('percent' in issue) params.percent = issue.percent;
  if ('level' in issue) params.level = issue.level + 1;
  if ('key' in issue) params.key = issue.key;
  if ('steps' in issue) params.steps = issue.steps;
  if (rubric) params.count = rubric.criteria.length;
  return t(`rubricIssue.${issue.code}`, params);
}
