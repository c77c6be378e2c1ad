import { useState } from 'preact/hooks';
import type { Category } from '../../domain/category';
import { COMPETITION_STATUSES, type Competition } from '../../domain/competition';
import { rubricFromTemplate } from '../../domain/competition-templates';
import { RUBRIC_TEMPLATES, type RubricTemplateKey } from '../../domain/rubric-templates';
import { STAGE_KINDS, type Stage, type StageKind } from '../../domain/stage';
import { getRecord } from '../../db/record-repository';
import { listCategoriesOfCompetition } from '../../db/list-categories-of-competition';
import { listStagesOfCompetition } from '../../db/list-stages-of-competition';
import { useServices } from '../app-services';
import { useLive } from '../use-live';
import { useManageText } from './manage-messages';
import { managePath } from './manage-routes';
import { ChoiceField, TextField, YearField } from './fields';
import { NavLink } from './NavLink';
import { StageCard } from './StageCard';
import { DeleteRecordButton } from './DeleteRecordButton';
import { useSaveRecords } from './use-save-records';

/** One competition: its details, categories and stages, and the way to its entries. */
export function CompetitionScreen(props: { competitionId: string }) {
  const t = useManageText();
  const { competitionId } = props;
  const found = useLive((db) => getRecord(db, 'competition', competitionId), [competitionId]);
  const categories = useLive(
    (db) => listCategoriesOfCompetition(db, competitionId),
    [competitionId],
  );
  const stages = useLive((db) => listStagesOfCompetition(db, competitionId), [competitionId]);
  if (found === undefined) return <p>{t('loading')}</p>;
  if (found.status !== 'found') return <p class="empty">{t('notFound')}</p>;
  const competition = found.row;
  return (
    <>
      <h2>{competition.name}</h2>
      <div class="actions">
        <NavLink href={managePath.entries(competitionId)}>{t('entriesAndCheck')}</NavLink>
        <NavLink href={managePath.import(competitionId)}>{t('importEntries')}</NavLink>
      </div>
      <CompetitionDetails key={competition.id} competition={competition} />
      <Categories competitionId={competitionId} categories={categories?.rows ?? []} />
      <section aria-labelledby="stages-title">
        <h2 id="stages-title">{t('stagesTitle')}</h2>
        {stages?.rows.map((stage) => (
          <StageCard key={stage.id} stage={stage} />
        ))}
        <NewStageForm competitionId={competitionId} nextOrder={stages?.rows.length ?? 0} />
      </section>
    </>
  );
}

function CompetitionDetails(props: { competition: Competition }) {
  const t = useManageText();
  const { save, saving, error } = useSaveRecords();
  const [draft, setDraft] = useState(props.competition);
  const [saved, setSaved] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setSaved(await save([{ kind: 'competition', data: draft }]));
  };
  return (
    <form class="card" aria-labelledby="details-title" onSubmit={(e) => void submit(e)}>
      <h3 id="details-title">{t('competitionDetails')}</h3>
      <TextField
        required
        label={t('competitionName')}
        value={draft.name}
        onValue={(name) => setDraft({ ...draft, name })}
      />
      <div class="field-row">
        <YearField
          label={t('year')}
          value={draft.year}
          onValue={(year) => setDraft({ ...draft, year: Number(year) })}
        />
        <ChoiceField
          label={t('competitionStatusLabel')}
          value={draft.status}
          choices={COMPETITION_STATUSES}
          labelOf={(s) => t(`competitionStatus.${s}`)}
          onChoose={(status) => setDraft({ ...draft, status })}
        />
      </div>
      <label class="field">
        {t('organiserUnit')}
        <input
          required
          value={draft.organiser.unit}
          onInput={(e) =>
            setDraft({ ...draft, organiser: { ...draft.organiser, unit: e.currentTarget.value } })
          }
        />
      </label>
      {error && <p class="error">{t('saveFailed', { detail: error })}</p>}
      {saved && !error && <p role="status">{t('saved')}</p>}
      <button class="button" type="submit" disabled={saving}>
        {t('save')}
      </button>
    </form>
  );
}

function Categories(props: { competitionId: string; categories: Category[] }) {
  const t = useManageText();
  const { makeId } = useServices();
  const { save, saving, error } = useSaveRecords();
  const [name, setName] = useState('');
  const { categories } = props;
  const move = (from: number, to: number) => {
    const list = [...categories];
    const [item] = list.splice(from, 1);
    if (!item) return;
    list.splice(to, 0, item);
    void save(
      list.flatMap((c, order) =>
        c.order === order ? [] : [{ kind: 'category', data: { ...c, order } }],
      ),
    );
  };
  const add = async (event: Event) => {
    event.preventDefault();
    const order = Math.max(-1, ...categories.map((c) => c.order)) + 1;
    const category: Category = {
      id: makeId(),
      competitionId: props.competitionId,
      name: name.trim(),
      order,
    };
    if (await save([{ kind: 'category', data: category }])) setName('');
  };
  return (
    <section class="card" aria-labelledby="categories-title">
      <h3 id="categories-title">{t('categoriesTitle')}</h3>
      <ol class="plain-list">
        {categories.map((category, i) => (
          <li key={category.id} class="row">
            <RenameInput
              label={t('categoryName')}
              value={category.name}
              onSave={(next) =>
                void save([{ kind: 'category', data: { ...category, name: next } }])
              }
            />
            <button
              class="button secondary small"
              type="button"
              disabled={i === 0}
              aria-label={t('moveUp', { name: category.name })}
              onClick={() => move(i, i - 1)}
            >
              ↑
            </button>
            <button
              class="button secondary small"
              type="button"
              disabled={i === categories.length - 1}
              aria-label={t('moveDown', { name: category.name })}
              onClick={() => move(i, i + 1)}
            >
              ↓
            </button>
            <DeleteRecordButton
              record={{ kind: 'category', data: category }}
              name={category.name}
            />
          </li>
        ))}
      </ol>
      <form class="row" onSubmit={(e) => void add(e)}>
        <label class="field grow">
          {t('newCategory')}
          <input required value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <button class="button" type="submit" disabled={saving}>
          {t('add')}
        </button>
      </form>
      {error && <p class="error">{t('saveFailed', { detail: error })}</p>}
    </section>
  );
}

/** A name edited in place, saved when the field is left with a different value. */
export function RenameInput(props: { label: string; value: string; onSave: (v: string) => void }) {
  return (
    <label class="field grow">
      <span class="visually-hidden">{props.label}</span>
      <input
        required
        value={props.value}
        onChange={(e) => {
          const next = e.currentTarget.value.trim();
          if (next !== '' && next !== props.value) props.onSave(next);
        }}
      />
    </label>
  );
}

function NewStageForm(props: { competitionId: string; nextOrder: number }) {
  const t = useManageText();
  const { makeId } = useServices();
  const { save, saving, error } = useSaveRecords();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<StageKind>('desk');
  const [template, setTemplate] = useState<RubricTemplateKey>('kipp-proposal');
  const submit = async (event: Event) => {
    event.preventDefault();
    const rubric = rubricFromTemplate(template, makeId());
    const stage: Stage = {
      id: makeId(),
      competitionId: props.competitionId,
      name: name.trim(),
      kind,
      order: props.nextOrder,
      rubricId: rubric.id,
      rubricVersion: rubric.version,
      advancement: { kind: 'none' },
      state: 'draft',
    };
    if (
      await save([
        { kind: 'rubric', data: rubric },
        { kind: 'stage', data: stage },
      ])
    )
      setName('');
  };
  return (
    <form class="card" aria-labelledby="new-stage" onSubmit={(e) => void submit(e)}>
      <h3 id="new-stage">{t('newStage')}</h3>
      <label class="field">
        {t('stageName')}
        <input required value={name} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <div class="field-row">
        <ChoiceField
          label={t('stageKind')}
          value={kind}
          choices={STAGE_KINDS}
          labelOf={(k) => t(`stageKind.${k}`)}
          onChoose={setKind}
        />
        <label class="field">
          {t('rubricTemplate')}
          <select
            value={template}
            onChange={(e) =>
              setTemplate(
                RUBRIC_TEMPLATES.find((r) => r.key === e.currentTarget.value)?.key ??
                  'kipp-proposal',
              )
            }
          >
            {RUBRIC_TEMPLATES.map((r) => (
              <option key={r.key} value={r.key}>
                {t(`rubricTemplateName.${r.key}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error && <p class="error">{t('saveFailed', { detail: error })}</p>}
      <button class="button" type="submit" disabled={saving}>
        {t('addStage')}
      </button>
    </form>
  );
}
