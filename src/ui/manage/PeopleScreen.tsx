import { useState } from 'preact/hooks';
import type { DeviceInfo, Invite } from '../../domain/admin-protocol';
import type { UnitType } from '../../domain/entry';
import {
  AFFILIATIONS,
  formatNip,
  nipSchema,
  type Affiliation,
  type Role,
  type User,
} from '../../domain/user';
import { listUsers } from '../../db/list-users';
import { useServices } from '../app-services';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { lazyComponent } from '../lazy-component';
import { useLive } from '../use-live';
import { useManageText } from './manage-messages';
import { TextField, UnitTypeField } from './fields';
import { DeleteRecordButton } from './DeleteRecordButton';
import { useSaveRecords } from './use-save-records';

// The printable sheet brings the QR encoder (uqr): it loads when there is a sheet to show.
const InviteSheet = lazyComponent(() => import('./InviteSheet').then((m) => m.InviteSheet));

const ROLE_ORDER: readonly Role[] = ['judge', 'operator', 'panitia'];

/** Judges, operators and the panitia; invites as codes and as a sheet of QR cards; devices. */
export function PeopleScreen() {
  const t = useManageText();
  const { sync } = useServices();
  const users = useLive(listUsers, []);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [invites, setInvites] = useState<Record<string, Invite>>({});
  const [sheet, setSheet] = useState<{ user: User; invite: Invite }[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  /** A new invite for each person, made one after the other (the server counts each). */
  const makeInvites = async (people: readonly User[]) => {
    setBusy(true);
    setProblem(null);
    try {
      // A person added offline must reach the server before it can invite them.
      await sync.syncNow();
      const admin = await sync.admin();
      const made: { user: User; invite: Invite }[] = [];
      for (const user of people) made.push({ user, invite: await admin.createInvite(user.id) });
      setInvites((known) => ({
        ...known,
        ...Object.fromEntries(made.map((m) => [m.user.id, m.invite])),
      }));
      return made;
    } catch (error) {
      setProblem(t('needsConnection', { detail: error instanceof Error ? error.message : '' }));
      return null;
    } finally {
      setBusy(false);
    }
  };

  if (sheet) return <InviteSheet cards={sheet} onClose={() => setSheet(null)} t={t} />;
  const people = users?.rows ?? [];
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };
  const chosen = people.filter((u) => selected.has(u.id));
  return (
    <>
      <h2>{t('peopleTitle')}</h2>
      <div class="actions sticky-actions">
        <button
          type="button"
          class="button primary"
          disabled={busy || chosen.length === 0}
          onClick={() =>
            void makeInvites(chosen).then((made) => {
              if (made) setSheet(made);
            })
          }
        >
          {t('printInvites', { count: chosen.length })}
        </button>
      </div>
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
      {ROLE_ORDER.map((role) => {
        const group = people.filter((u) => u.role === role);
        const allChosen = group.length > 0 && group.every((u) => selected.has(u.id));
        return (
          <section key={role} class="card" aria-labelledby={`people-${role}`}>
            <h3 id={`people-${role}`}>
              {t(`roleGroup.${role}`)} ({group.length})
            </h3>
            {group.length > 0 && role !== 'panitia' && (
              <label class="check">
                <input
                  type="checkbox"
                  checked={allChosen}
                  onChange={() => {
                    const next = new Set(selected);
                    for (const u of group) {
                      if (allChosen) next.delete(u.id);
                      else next.add(u.id);
                    }
                    setSelected(next);
                  }}
                />
                {t('selectAllOf', { group: t(`roleGroup.${role}`) })}
              </label>
            )}
            <ul class="plain-list people">
              {group.map((user) => (
                <PersonRow
                  key={user.id}
                  user={user}
                  selected={selected.has(user.id)}
                  onToggle={() => toggle(user.id)}
                  invite={invites[user.id]}
                  busy={busy}
                  onInvite={() => void makeInvites([user])}
                />
              ))}
            </ul>
          </section>
        );
      })}
      <PersonForm />
    </>
  );
}

function PersonRow(props: {
  user: User;
  selected: boolean;
  onToggle: () => void;
  invite: Invite | undefined;
  busy: boolean;
  onInvite: () => void;
}) {
  const t = useManageText();
  const { locale } = useI18n();
  const { user, invite } = props;
  const [editing, setEditing] = useState(false);
  return (
    <li class="person">
      <label class="check">
        <input type="checkbox" checked={props.selected} onChange={props.onToggle} />
        <span>
          <strong>{user.name}</strong>
          <span class="muted person-detail">
            {user.nip && <span class="nip">NIP {formatNip(user.nip)}</span>}
            {user.affiliation && <span>{t(`affiliation.${user.affiliation}`)}</span>}
            {user.unit && <span>{user.unit.name}</span>}
          </span>
        </span>
      </label>
      <div class="actions">
        <button type="button" class="button" disabled={props.busy} onClick={props.onInvite}>
          {invite ? t('reissueInvite') : t('makeInvite')}
        </button>
        <button type="button" class="button secondary" onClick={() => setEditing(!editing)}>
          {editing ? t('close') : t('edit')}
        </button>
      </div>
      {invite && (
        <p class="invite-code" role="status">
          {t('inviteCode')} <code>{invite.code}</code> ·{' '}
          {t('validUntil', { when: formatDateTime(locale, new Date(invite.expiresAt)) })}.{' '}
          {t('olderCodesCancelled')}
        </p>
      )}
      {editing && (
        <>
          <PersonForm user={user} onDone={() => setEditing(false)} />
          <Devices userId={user.id} />
          <DeleteRecordButton record={{ kind: 'user', data: user }} name={user.name} />
        </>
      )}
    </li>
  );
}

/** A new person, or an existing one edited (the role of an existing person stays). */
function PersonForm(props: { user?: User; onDone?: () => void }) {
  const t = useManageText();
  const { makeId } = useServices();
  const { save, saving, error } = useSaveRecords();
  const existing = props.user;
  const [role, setRole] = useState<Role>(existing?.role ?? 'judge');
  const [name, setName] = useState(existing?.name ?? '');
  const [nip, setNip] = useState(existing?.nip ?? '');
  const [affiliation, setAffiliation] = useState<Affiliation | ''>(existing?.affiliation ?? '');
  const [unitName, setUnitName] = useState(existing?.unit?.name ?? '');
  const [unitType, setUnitType] = useState<UnitType>(existing?.unit?.type ?? 'kecamatan');
  const [added, setAdded] = useState<string | null>(null);
  const nipDigits = nip.replace(/\s+/g, '');
  const nipValid = nipDigits === '' || nipSchema.safeParse(nipDigits).success;
  const needsUnit = role === 'operator';
  const prefix = existing ? `edit-${existing.id}` : 'new-person';

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!nipValid || (needsUnit && unitName.trim() === '')) return;
    const user: User = {
      id: existing?.id ?? makeId(),
      name: name.trim(),
      role,
      ...(nipDigits !== '' && role !== 'operator' ? { nip: nipDigits } : {}),
      ...(affiliation !== '' && role === 'judge' ? { affiliation } : {}),
      ...(unitName.trim() !== '' ? { unit: { name: unitName.trim(), type: unitType } } : {}),
    };
    if (!(await save([{ kind: 'user', data: user }]))) return;
    if (existing) props.onDone?.();
    else {
      setAdded(user.name);
      setName('');
      setNip('');
    }
  };

  return (
    <form
      class="card person-form"
      aria-labelledby={`${prefix}-title`}
      onSubmit={(e) => void submit(e)}
    >
      <h3 id={`${prefix}-title`}>
        {existing ? t('editPerson', { name: existing.name }) : t('addPerson')}
      </h3>
      {!existing && (
        <fieldset class="segmented">
          <legend>{t('role')}</legend>
          {ROLE_ORDER.map((r) => (
            <label key={r}>
              <input type="radio" name="role" checked={role === r} onChange={() => setRole(r)} />
              {t(`role.${r}`)}
            </label>
          ))}
        </fieldset>
      )}
      <TextField required maxLength={200} label={t('personName')} value={name} onValue={setName} />
      {role !== 'operator' && (
        <label class="field">
          {t('nipOptional')}
          <input
            inputMode="numeric"
            value={nip}
            aria-invalid={!nipValid}
            aria-describedby={`${prefix}-nip-help`}
            onInput={(e) => setNip(e.currentTarget.value)}
          />
          <span id={`${prefix}-nip-help`} class={nipValid ? 'muted' : 'error'}>
            {nipValid
              ? nipDigits.length === 18
                ? formatNip(nipDigits)
                : t('nipHelp')
              : t('nipInvalid', { count: nipDigits.length })}
          </span>
        </label>
      )}
      {role === 'judge' && (
        <label class="field">
          {t('affiliationLabel')}
          <select
            value={affiliation}
            onChange={(e) =>
              setAffiliation(AFFILIATIONS.find((a) => a === e.currentTarget.value) ?? '')
            }
          >
            <option value="">—</option>
            {AFFILIATIONS.map((a) => (
              <option key={a} value={a}>
                {t(`affiliation.${a}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      <div class="field-row">
        <label class="field">
          {role === 'operator' ? t('operatorUnit') : t('judgeUnit')}
          <input
            required={needsUnit}
            value={unitName}
            placeholder="Kecamatan Jati"
            onInput={(e) => setUnitName(e.currentTarget.value)}
          />
        </label>
        <UnitTypeField value={unitType} onChoose={setUnitType} />
      </div>
      {role === 'judge' && <p class="muted">{t('judgeUnitHelp')}</p>}
      {error && <p class="error">{t('saveFailed', { detail: error })}</p>}
      {added && !error && <p role="status">{t('personAdded', { name: added })}</p>}
      <button class="button primary" type="submit" disabled={saving || !nipValid}>
        {existing ? t('save') : t('addPerson')}
      </button>
    </form>
  );
}

/** A person's devices, with the last time each was seen, and revocation. */
function Devices(props: { userId: string }) {
  const t = useManageText();
  const { locale } = useI18n();
  const { sync } = useServices();
  const [devices, setDevices] = useState<DeviceInfo[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const load = async () => {
    try {
      setDevices(await (await sync.admin()).listDevices(props.userId));
      setProblem(null);
    } catch (error) {
      setProblem(t('needsConnection', { detail: error instanceof Error ? error.message : '' }));
    }
  };
  const revoke = async (deviceId: string) => {
    try {
      await (await sync.admin()).revokeDevice(deviceId);
      await load();
    } catch (error) {
      setProblem(t('needsConnection', { detail: error instanceof Error ? error.message : '' }));
    }
  };
  return (
    <section class="devices" aria-label={t('devicesTitle')}>
      <button type="button" class="button secondary" onClick={() => void load()}>
        {t('showDevices')}
      </button>
      {problem && <p class="error">{problem}</p>}
      {devices?.length === 0 && <p class="empty">{t('noDevices')}</p>}
      <ul class="plain-list">
        {devices?.map((d) => (
          <li key={d.id} class="row">
            <span class="grow">
              {d.name} ·{' '}
              {d.lastSeenAt
                ? t('lastSeen', { when: formatDateTime(locale, new Date(d.lastSeenAt)) })
                : t('neverSeen')}
              {d.revokedAt && <strong> · {t('revoked')}</strong>}
            </span>
            {!d.revokedAt && (
              <button type="button" class="button secondary" onClick={() => void revoke(d.id)}>
                {t('revoke')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
