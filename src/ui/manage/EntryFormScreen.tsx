import { useState } from 'preact/hooks';
import type { BlobRef } from '../../domain/blob-ref';
import { regionCodeSchema } from '../../domain/common';
import { entrySchema, type Entry, type Unit } from '../../domain/entry';
import { putBlob } from '../../db/blob-repository';
import { listCategoriesOfCompetition } from '../../db/list-categories-of-competition';
import { getRecord } from '../../db/record-repository';
import { sha256Hex } from '../../sync/sha256-hex';
import { useServices } from '../app-services';
import { formatBytes } from '../i18n/format-bytes';
import { useI18n } from '../i18n/i18n-context';
import { useLive } from '../use-live';
import { useManage } from './manage-context';
import { ScoreHistory } from './ScoreHistory';
import { useManageText } from './manage-messages';
import { managePath } from './manage-routes';
import { TextField, UnitTypeField } from './fields';
import { NavLink } from './NavLink';
import { useSaveRecords } from './use-save-records';

/** Largest evidence file kept on a phone and sent on its own upload queue. */
const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

/**
 * The innovation profile of DOMAIN.md, for a new entry or one not yet checked. Saved on
 * the device with its evidence files and sent by the sync engine, so an operator can
 * register a whole kecamatan's entries offline.
 */
export function EntryFormScreen(props: { competitionId: string; entryId: string | null }) {
  const t = useManageText();
  const { session } = useManage();
  const { entryId, competitionId } = props;
  const found = useLive(
    async (db) => (entryId === null ? null : getRecord(db, 'entry', entryId)),
    [entryId],
  );
  const categories = useLive(
    (db) => listCategoriesOfCompetition(db, competitionId),
    [competitionId],
  );
  if (found === undefined || categories === undefined) return <p>{t('loading')}</p>;
  if (found !== null && found.status !== 'found') return <p class="empty">{t('notFound')}</p>;
  return (
    <>
      <EntryForm
        key={entryId ?? 'new'}
        competitionId={competitionId}
        entry={found?.row ?? null}
        categories={categories.rows}
      />
      {found && session.user.role === 'panitia' && <ScoreHistory entryId={found.row.id} />}
    </>
  );
}

function EntryForm(props: {
  competitionId: string;
  entry: Entry | null;
  categories: { id: string; name: string }[];
}) {
  const t = useManageText();
  const { session, navigate } = useManage();
  const { makeId, db, now } = useServices();
  const { locale } = useI18n();
  const { save, saving, error } = useSaveRecords();
  const isOperator = session.user.role === 'operator';
  const fixedUnit: Unit | undefined = isOperator ? session.user.unit : undefined;
  const initial = props.entry;
  const [title, setTitle] = useState(initial?.title ?? '');
  const [categoryId, setCategoryId] = useState(
    initial?.categoryId ?? props.categories[0]?.id ?? '',
  );
  const [unitName, setUnitName] = useState(initial?.unit.name ?? fixedUnit?.name ?? '');
  const [unitType, setUnitType] = useState(initial?.unit.type ?? fixedUnit?.type ?? 'dinas');
  const [regionCode, setRegionCode] = useState(initial?.regionCode ?? '');
  const [isDigital, setIsDigital] = useState(initial?.isDigital ?? false);
  const [startedOn, setStartedOn] = useState(initial?.startedOn ?? '');
  const [summary, setSummary] = useState(initial?.summary ?? '');
  const [address, setAddress] = useState(initial?.location?.address ?? '');
  const [contactName, setContactName] = useState(initial?.contact?.name ?? '');
  const [phone, setPhone] = useState(initial?.contact?.phone ?? '');
  const [email, setEmail] = useState(initial?.contact?.email ?? '');
  const [evidence, setEvidence] = useState<BlobRef[]>(initial?.evidence ?? []);
  const [problems, setProblems] = useState<string[]>([]);
  const [adding, setAdding] = useState(false);
  const locked = initial?.adminCheck !== undefined && isOperator;

  const addFiles = async (files: FileList | null) => {
    if (!files) return;
    setAdding(true);
    const added: BlobRef[] = [];
    const refused: string[] = [];
    for (const file of Array.from(files)) {
      if (file.size === 0 || file.size > MAX_EVIDENCE_BYTES) {
        refused.push(
          t('fileTooLarge', { name: file.name, max: formatBytes(locale, MAX_EVIDENCE_BYTES) }),
        );
        continue;
      }
      const bytes = await file.arrayBuffer();
      const sha256 = await sha256Hex(bytes);
      const mediaType = /^[a-z]+\/[a-z0-9.+-]+$/.test(file.type)
        ? file.type
        : 'application/octet-stream';
      await putBlob(db, { sha256, blob: file, mediaType, nowMs: now() });
      added.push({ sha256, size: file.size, mediaType, name: file.name.slice(0, 200) });
    }
    setEvidence((list) => [
      ...list,
      ...added.filter((a) => !list.some((l) => l.sha256 === a.sha256)),
    ]);
    setProblems(refused);
    setAdding(false);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const contact =
      contactName.trim() === ''
        ? undefined
        : {
            name: contactName.trim(),
            ...(phone.trim() ? { phone: phone.trim() } : {}),
            ...(email.trim() ? { email: email.trim() } : {}),
          };
    const entry: Entry = {
      ...(initial ?? {}),
      id: initial?.id ?? makeId(),
      competitionId: props.competitionId,
      categoryId,
      title: title.trim(),
      unit: fixedUnit ?? { name: unitName.trim(), type: unitType },
      regionCode: regionCode.trim(),
      isDigital,
      startedOn,
      summary: summary.trim(),
      ...(address.trim() ? { location: { ...initial?.location, address: address.trim() } } : {}),
      ...(contact ? { contact } : {}),
      evidence,
    };
    if (!address.trim()) delete entry.location;
    if (!contact) delete entry.contact;
    const parsed = entrySchema.safeParse(entry);
    if (!parsed.success) {
      setProblems(
        parsed.error.issues.map((i) =>
          t('fieldProblem', {
            field: fieldName(t, i.path.map(String).join('.')),
            detail: i.message,
          }),
        ),
      );
      return;
    }
    setProblems([]);
    if (await save([{ kind: 'entry', data: parsed.data }]))
      navigate(managePath.entries(props.competitionId));
  };

  if (locked) {
    return (
      <>
        <p class="notice">{t('entryLocked')}</p>
        <NavLink href={managePath.entries(props.competitionId)}>{t('back')}</NavLink>
      </>
    );
  }
  const regionValid =
    regionCode.trim() === '' || regionCodeSchema.safeParse(regionCode.trim()).success;
  return (
    <form class="entry-form" onSubmit={(e) => void submit(e)} aria-labelledby="entry-form-title">
      <h2 id="entry-form-title">{initial ? t('editEntry') : t('registerEntry')}</h2>
      <p class="muted">{t('entryOfflineHelp')}</p>
      <label class="field">
        {t('entryTitle')}
        <input
          required
          maxLength={200}
          value={title}
          onInput={(e) => setTitle(e.currentTarget.value)}
        />
      </label>
      <label class="field">
        {t('category')}
        <select required value={categoryId} onChange={(e) => setCategoryId(e.currentTarget.value)}>
          {props.categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      {fixedUnit ? (
        <p>
          {t('unitLabel')}: <strong>{fixedUnit.name}</strong>
        </p>
      ) : (
        <div class="field-row">
          <TextField required label={t('unitLabel')} value={unitName} onValue={setUnitName} />
          <UnitTypeField value={unitType} onChoose={setUnitType} />
        </div>
      )}
      <div class="field-row">
        <label class="field">
          {t('regionCode')}
          <input
            required
            inputMode="decimal"
            placeholder="33.16.01"
            value={regionCode}
            aria-invalid={!regionValid}
            aria-describedby="region-help"
            onInput={(e) => setRegionCode(e.currentTarget.value)}
          />
          <span id="region-help" class={regionValid ? 'muted' : 'error'}>
            {regionValid ? t('regionCodeHelp') : t('invalidRegionCode')}
          </span>
        </label>
        <label class="field">
          {t('startedOnLabel')}
          <input
            required
            type="date"
            value={startedOn}
            onInput={(e) => setStartedOn(e.currentTarget.value)}
          />
        </label>
      </div>
      <fieldset class="segmented">
        <legend>{t('digitalQuestion')}</legend>
        <label>
          <input
            type="radio"
            name="digital"
            checked={isDigital}
            onChange={() => setIsDigital(true)}
          />
          {t('digital')}
        </label>
        <label>
          <input
            type="radio"
            name="digital"
            checked={!isDigital}
            onChange={() => setIsDigital(false)}
          />
          {t('nonDigital')}
        </label>
      </fieldset>
      <label class="field">
        {t('summary')}
        <textarea
          rows={5}
          maxLength={5000}
          value={summary}
          onInput={(e) => setSummary(e.currentTarget.value)}
        />
      </label>
      <label class="field">
        {t('address')}
        <input maxLength={500} value={address} onInput={(e) => setAddress(e.currentTarget.value)} />
      </label>
      <fieldset class="contact">
        <legend>{t('contact')}</legend>
        <label class="field">
          {t('contactName')}
          <input value={contactName} onInput={(e) => setContactName(e.currentTarget.value)} />
        </label>
        <div class="field-row">
          <label class="field">
            {t('phone')}
            <input type="tel" value={phone} onInput={(e) => setPhone(e.currentTarget.value)} />
          </label>
          <label class="field">
            {t('email')}
            <input type="email" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
          </label>
        </div>
      </fieldset>
      <fieldset class="evidence">
        <legend>{t('evidence')}</legend>
        <ul class="plain-list">
          {evidence.map((file) => (
            <li key={file.sha256} class="row">
              <span class="grow">
                {file.name ?? file.sha256.slice(0, 12)} ({formatBytes(locale, file.size)})
              </span>
              <button
                type="button"
                class="button secondary"
                onClick={() => setEvidence(evidence.filter((e) => e.sha256 !== file.sha256))}
              >
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
        <label class="field">
          {t('addEvidence')}
          <input
            type="file"
            multiple
            accept="application/pdf,image/*,video/*,.doc,.docx,.ppt,.pptx"
            disabled={adding}
            onChange={(e) => void addFiles(e.currentTarget.files)}
          />
        </label>
      </fieldset>
      {problems.map((p) => (
        <p key={p} class="error" role="alert">
          {p}
        </p>
      ))}
      {error && <p class="error">{t('saveFailed', { detail: error })}</p>}
      <button class="button primary" type="submit" disabled={saving || adding}>
        {t('saveEntry')}
      </button>
    </form>
  );
}

const FIELD_NAMES: Record<string, string> = {
  title: 'entryTitle',
  categoryId: 'category',
  'unit.name': 'unitLabel',
  regionCode: 'regionCode',
  startedOn: 'startedOnLabel',
  summary: 'summary',
  'location.address': 'address',
  'contact.name': 'contactName',
  'contact.phone': 'phone',
  'contact.email': 'email',
};

function fieldName(t: ReturnType<typeof useManageText>, path: string): string {
  const key = FIELD_NAMES[path];
  return key ? t(key as Parameters<typeof t>[0]) : path;
}
