import { useState } from 'preact/hooks';
import {
  ADMIN_CHECK_ITEMS,
  adminCheckOutcome,
  itemsLackingReason,
  suggestAdminCheck,
  type AdminCheckItem,
} from '../../domain/admin-check';
import { sameUnitName } from '../../domain/assignment-planner';
import type { Entry } from '../../domain/entry';
import { listCategoriesOfCompetition } from '../../db/list-categories-of-competition';
import { listEntriesOfCompetition } from '../../db/list-entries-of-competition';
import { localEditTarget, recordsWithLocalEdits } from '../../db/outbox-repository';
import { getRecord } from '../../db/record-repository';
import { useServices } from '../app-services';
import { formatDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { useLive } from '../use-live';
import { useManage } from './manage-context';
import { useManageText, type ManageTranslate } from './manage-messages';
import { managePath } from './manage-routes';
import { NavLink } from './NavLink';
import { useSaveRecords } from './use-save-records';

/**
 * The entries of a competition. Operators see their unit's, register new ones, edit them
 * until the administrative check and see its outcome; the panitia checks each entry,
 * pass or fail per item with a reason.
 */
export function EntriesScreen(props: { competitionId: string }) {
  const t = useManageText();
  const { session } = useManage();
  const { competitionId } = props;
  const competition = useLive((db) => getRecord(db, 'competition', competitionId), [competitionId]);
  const entries = useLive((db) => listEntriesOfCompetition(db, competitionId), [competitionId]);
  const categories = useLive(
    (db) => listCategoriesOfCompetition(db, competitionId),
    [competitionId],
  );
  const unsent = useLive(recordsWithLocalEdits, []);
  const isPanitia = session.user.role === 'panitia';
  const unit = session.user.unit?.name;
  // The server sends operators their unit's entries only; this keeps the screen honest too.
  const visible = (entries?.rows ?? []).filter(
    (e) => isPanitia || (unit !== undefined && sameUnitName(e.unit.name, unit)),
  );
  return (
    <>
      <h2>
        {competition?.status === 'found' ? competition.row.name : ''} · {t('entriesTitle')}
      </h2>
      {!isPanitia && !unit && <p class="error">{t('operatorWithoutUnit')}</p>}
      <div class="actions">
        {(isPanitia || unit) && (
          <NavLink class="button primary" href={managePath.newEntry(competitionId)}>
            {t('registerEntry')}
          </NavLink>
        )}
        {isPanitia && (
          <NavLink href={managePath.import(competitionId)}>{t('importEntries')}</NavLink>
        )}
      </div>
      {entries && visible.length === 0 && <p class="empty">{t('noEntriesYet')}</p>}
      {categories?.rows.map((category) => {
        const inCategory = visible.filter((e) => e.categoryId === category.id);
        if (inCategory.length === 0) return null;
        return (
          <section key={category.id} aria-labelledby={`cat-${category.id}`}>
            <h3 id={`cat-${category.id}`}>{category.name}</h3>
            <ul class="plain-list">
              {inCategory.map((entry) => (
                <EntryRow
                  key={entry.id}
                  entry={entry}
                  isUnsent={unsent?.has(localEditTarget('entry', entry.id)) ?? false}
                />
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

function EntryRow(props: { entry: Entry; isUnsent: boolean }) {
  const t = useManageText();
  const { locale } = useI18n();
  const { session } = useManage();
  const { entry } = props;
  const [checking, setChecking] = useState(false);
  const isPanitia = session.user.role === 'panitia';
  const check = entry.adminCheck;
  return (
    <li class="card entry-row">
      <div>
        <strong class="entry-title">{entry.title}</strong>
        <div class="muted">
          {entry.unit.name} · {entry.isDigital ? t('digital') : t('nonDigital')} ·{' '}
          {t('startedOn', { date: formatDate(locale, entry.startedOn) })}
        </div>
        <p class={`status check-${check?.outcome ?? 'none'}`}>
          {check ? t(`checkOutcome.${check.outcome}`) : t('checkPending')}
          {props.isUnsent && ` · ${t('waitingToSend')}`}
        </p>
        {check?.reason && <p class="check-reason">{check.reason}</p>}
      </div>
      <div class="actions">
        {(isPanitia || !check) && (
          <NavLink href={managePath.entry(entry.competitionId, entry.id)}>{t('edit')}</NavLink>
        )}
        {isPanitia && (
          <button type="button" class="button" onClick={() => setChecking(!checking)}>
            {checking ? t('close') : t('adminCheck')}
          </button>
        )}
      </div>
      {checking && <AdminCheckForm entry={entry} onDone={() => setChecking(false)} />}
    </li>
  );
}

function AdminCheckForm(props: { entry: Entry; onDone: () => void }) {
  const t = useManageText();
  const { now } = useServices();
  const { save, saving, error } = useSaveRecords();
  const [minMonths, setMinMonths] = useState(12);
  const today = new Date(now()).toISOString().slice(0, 10);
  // A check done before is opened as it was decided; a first one from what the profile shows.
  const [items, setItems] = useState<AdminCheckItem[]>(
    () =>
      props.entry.adminCheck?.items ??
      suggestAdminCheck(props.entry, { minMonthsImplemented: 12, today }),
  );
  const lacking = itemsLackingReason(items);
  const outcome = adminCheckOutcome(items);
  const set = (index: number, patch: Partial<AdminCheckItem>) =>
    setItems(items.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  const submit = async (event: Event) => {
    event.preventDefault();
    if (lacking.length > 0) return;
    const entry: Entry = {
      ...props.entry,
      adminCheck: {
        outcome,
        reason: checkReason(t, items),
        checkedAt: new Date(now()).toISOString(),
        items,
      },
    };
    if (await save([{ kind: 'entry', data: entry }])) props.onDone();
  };
  const formId = `check-${props.entry.id}`;
  return (
    <form class="admin-check" aria-labelledby={formId} onSubmit={(e) => void submit(e)}>
      <h4 id={formId}>{t('adminCheckOf', { title: props.entry.title })}</h4>
      <label class="field">
        {t('minMonths')}
        <input
          type="number"
          min={0}
          value={minMonths}
          onChange={(e) => {
            const months = Number(e.currentTarget.value);
            if (!Number.isInteger(months) || months < 0) return;
            setMinMonths(months);
            const suggested = suggestAdminCheck(props.entry, {
              minMonthsImplemented: months,
              today,
            });
            setItems(
              items.map((item, i) =>
                item.item === 'implementation' ? (suggested[i] ?? item) : item,
              ),
            );
          }}
        />
      </label>
      {items.map((item, index) => (
        <fieldset key={item.item} class="check-item">
          <legend>{t(`checkItem.${item.item}`)}</legend>
          <div class="segmented">
            <label>
              <input
                type="radio"
                name={`${formId}-${item.item}`}
                checked={item.passed}
                onChange={() => set(index, { passed: true })}
              />
              {t('pass')}
            </label>
            <label>
              <input
                type="radio"
                name={`${formId}-${item.item}`}
                checked={!item.passed}
                onChange={() => set(index, { passed: false })}
              />
              {t('fail')}
            </label>
          </div>
          <label class="field">
            {item.passed ? t('noteOptional') : t('reasonRequired')}
            <input
              value={item.note}
              required={!item.passed}
              onInput={(e) => set(index, { note: e.currentTarget.value })}
            />
          </label>
        </fieldset>
      ))}
      <p>
        {t('checkResult')} <strong>{t(`checkOutcome.${outcome}`)}</strong>
      </p>
      {error && <p class="error">{t('saveFailed', { detail: error })}</p>}
      <button class="button primary" type="submit" disabled={saving || lacking.length > 0}>
        {t('saveCheck')}
      </button>
    </form>
  );
}

/** The reason the operator reads: each failed item with why, then remarks. */
function checkReason(t: ManageTranslate, items: readonly AdminCheckItem[]): string {
  const line = (item: AdminCheckItem) =>
    `${t(`checkItem.${item.item}`)}: ${item.passed ? t('pass') : t('fail')}${item.note.trim() ? ` — ${item.note.trim()}` : ''}`;
  const ordered = ADMIN_CHECK_ITEMS.flatMap((key) => items.filter((i) => i.item === key));
  const relevant = ordered.filter((i) => !i.passed || i.note.trim() !== '');
  return relevant.map(line).join('; ').slice(0, 1000);
}
