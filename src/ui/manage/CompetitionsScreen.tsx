import { useState } from 'preact/hooks';
import { regionCodeSchema } from '../../domain/common';
import {
  buildCompetitionFromTemplate,
  COMPETITION_TEMPLATE_KEYS,
  type CompetitionTemplateKey,
} from '../../domain/competition-templates';
import { listCompetitions } from '../../db/list-competitions';
import { useServices } from '../app-services';
import { useLive } from '../use-live';
import { useManage } from './manage-context';
import { useManageText } from './manage-messages';
import { managePath } from './manage-routes';
import { TextField, YearField } from './fields';
import { NavLink } from './NavLink';
import { useSaveRecords } from './use-save-records';

/** Every competition; the panitia also builds a new one from a template here. */
export function CompetitionsScreen() {
  const t = useManageText();
  const { session } = useManage();
  const competitions = useLive(listCompetitions, []);
  const isPanitia = session.user.role === 'panitia';
  return (
    <>
      <h2>{t('competitionsTitle')}</h2>
      {competitions?.rows.length === 0 && <p class="empty">{t('noCompetitionsYet')}</p>}
      <ul class="plain-list">
        {competitions?.rows.map((c) => (
          <li key={c.id} class="card row-card">
            <div>
              <strong>{c.name}</strong>
              {c.isDemo && <span class="badge demo">{t('demoBadge')}</span>}
              <div class="muted">
                {c.year} · {c.organiser.unit} · {t(`competitionStatus.${c.status}`)}
              </div>
            </div>
            <div class="actions">
              {isPanitia ? (
                <NavLink href={managePath.competition(c.id)}>{t('open')}</NavLink>
              ) : (
                <NavLink href={managePath.entries(c.id)}>
                  {t('unitEntries', { unit: session.user.unit?.name ?? '—' })}
                </NavLink>
              )}
            </div>
          </li>
        ))}
      </ul>
      {isPanitia && <NewCompetitionForm />}
    </>
  );
}

function NewCompetitionForm() {
  const t = useManageText();
  const { makeId, now } = useServices();
  const { navigate } = useManage();
  const { save, saving, error } = useSaveRecords();
  const [template, setTemplate] = useState<CompetitionTemplateKey>('krenova');
  const [name, setName] = useState('');
  const [year, setYear] = useState(String(new Date(now()).getFullYear()));
  const [unit, setUnit] = useState('');
  const [region, setRegion] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!regionCodeSchema.safeParse(region.trim()).success) {
      setProblem(t('invalidRegionCode'));
      return;
    }
    setProblem(null);
    const records = buildCompetitionFromTemplate(
      template,
      {
        name: name.trim(),
        year: Number(year),
        organiser: { unit: unit.trim(), regionCode: region.trim() },
      },
      makeId,
    );
    if (await save(records)) navigate(managePath.competition(records[0]?.data.id ?? ''));
  };

  return (
    <form class="card" onSubmit={(e) => void submit(e)} aria-labelledby="new-competition">
      <h2 id="new-competition">{t('newCompetition')}</h2>
      <fieldset class="segmented">
        <legend>{t('template')}</legend>
        {COMPETITION_TEMPLATE_KEYS.map((key) => (
          <label key={key}>
            <input
              type="radio"
              name="template"
              checked={template === key}
              onChange={() => setTemplate(key)}
            />
            {t(`competitionTemplate.${key}`)}
          </label>
        ))}
      </fieldset>
      <p class="muted">{t(`competitionTemplateHelp.${template}`)}</p>
      <TextField
        required
        maxLength={200}
        label={t('competitionName')}
        value={name}
        onValue={setName}
      />
      <div class="field-row">
        <YearField label={t('year')} value={year} onValue={setYear} />
        <label class="field">
          {t('regionCode')}
          <input
            required
            inputMode="decimal"
            placeholder="33.16"
            value={region}
            onInput={(e) => setRegion(e.currentTarget.value)}
          />
        </label>
      </div>
      <label class="field">
        {t('organiserUnit')}
        <input
          required
          maxLength={200}
          placeholder="Bappeda Kabupaten Blora"
          value={unit}
          onInput={(e) => setUnit(e.currentTarget.value)}
        />
      </label>
      {(problem ?? error) && (
        <p class="error" role="alert">
          {problem ?? t('saveFailed', { detail: error ?? '' })}
        </p>
      )}
      <button class="button primary" type="submit" disabled={saving}>
        {t('createCompetition')}
      </button>
    </form>
  );
}
