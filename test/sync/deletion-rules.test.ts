import { expect, it } from 'vitest';
import type { SyncRecord } from '../../src/domain/sync-record';
import { newTestId as newId, pushOne } from '../support/push-one';
import { createSyncFixture } from '../support/sync-fixture';
import type { TestDevice } from '../support/test-device';
import { describeOnEachStore } from '../support/test-stores';

/** Pushes one mutation as the panitia; the rejection's message, or null when acknowledged. */
async function attempt(
  admin: TestDevice,
  record: SyncRecord,
  op: 'put' | 'delete' = 'delete',
): Promise<string | null> {
  const rejection = await pushOne(admin, record, op);
  if (rejection) expect(rejection.code).toBe('locked');
  return rejection?.message ?? null;
}

describeOnEachStore('what the panitia may delete', (store) => {
  it('keeps a category with entries and an opened or assigned stage; deletes them once free', async () => {
    const fx = await createSyncFixture(store.db);
    const admin = await fx.enrol('panitia');
    const [category] = await fx.serverRecords('category');
    if (!category) throw new Error('the demo has no category');
    const inCategory = fx.entries.filter((e) => e.categoryId === category.id).length;
    expect(await attempt(admin, { kind: 'category', data: category })).toBe(
      `Category "${category.name}" cannot be deleted: it has ${inCategory} entries`,
    );
    const spare = { ...category, id: newId(), name: 'Kategori cadangan' };
    expect(await attempt(admin, { kind: 'category', data: spare }, 'put')).toBeNull();
    expect(await attempt(admin, { kind: 'category', data: spare })).toBeNull();
    expect(await fx.serverRecord('category', spare.id)).toBeUndefined();

    const open = fx.stage;
    const openWork = (await fx.serverRecords('assignment')).filter((a) => a.stageId === open.id);
    expect(await attempt(admin, { kind: 'stage', data: open })).toBe(
      `Stage "${open.name}" cannot be deleted: it is open; only a draft stage can be deleted; it has ${openWork.length} assignments (withdraw them first)`,
    );
    const draft = (await fx.serverRecords('stage')).find((s) => s.state === 'draft');
    const [judge] = fx.judges;
    const [entry] = fx.entries;
    if (!draft || !judge || !entry) throw new Error('the demo lacks a draft stage');
    const assignment = { id: newId(), stageId: draft.id, judgeId: judge.id, entryId: entry.id };
    expect(await attempt(admin, { kind: 'assignment', data: assignment }, 'put')).toBeNull();
    expect(await attempt(admin, { kind: 'stage', data: draft })).toBe(
      `Stage "${draft.name}" cannot be deleted: it has 1 assignment (withdraw them first)`,
    );
    expect(await fx.serverRecord('stage', draft.id)).toEqual(draft);
    expect(await attempt(admin, { kind: 'assignment', data: assignment })).toBeNull();
    expect(await attempt(admin, { kind: 'stage', data: draft })).toBeNull();
    expect(await fx.serverRecord('stage', draft.id)).toBeUndefined();
    expect(await attempt(admin, { kind: 'rubric', data: fx.rubric })).toBe(
      `Rubric "${fx.rubric.name}" version ${fx.rubric.version} cannot be deleted: stage "${open.name}" uses it`,
    );
  });

  it('keeps a judge whose name is on work, and never the panitia themself; deletes a person with none', async () => {
    const fx = await createSyncFixture(store.db);
    const admin = await fx.enrol('panitia');
    const [judge] = fx.judges;
    if (!judge) throw new Error('the demo has no judge');
    const work = (await fx.serverRecords('assignment')).filter((a) => a.judgeId === judge.id);
    expect(await attempt(admin, { kind: 'user', data: judge })).toBe(
      `User "${judge.name}" cannot be deleted: it has ${work.length} assignments (withdraw them first)`,
    );
    const panitia = (await fx.serverRecords('user')).find((u) => u.role === 'panitia');
    if (!panitia) throw new Error('the demo has no panitia');
    expect(await attempt(admin, { kind: 'user', data: panitia })).toBe(
      `User "${panitia.name}" cannot be deleted: you cannot delete yourself`,
    );
    const newcomer = { id: newId(), name: 'Juri Salah Ketik', role: 'judge' as const };
    expect(await attempt(admin, { kind: 'user', data: newcomer }, 'put')).toBeNull();
    const phone = await fx.enrol(newcomer);
    expect(await phone.sync()).toMatchObject({ ok: true });
    expect(await attempt(admin, { kind: 'user', data: newcomer })).toBeNull();
    expect(await fx.serverRecord('user', newcomer.id)).toBeUndefined();
    // A deleted person's devices stop at once, and nobody can invite them again.
    expect(await phone.sync()).toMatchObject({ ok: false, reason: 'sign-in' });
    await expect(fx.inviteCodeFor(newcomer)).rejects.toThrow(/does not exist/);
    // An old copy of the person, edited on a device that had not synced, does not bring
    // them back.
    expect(await attempt(admin, { kind: 'user', data: { ...newcomer, name: 'Juri' } }, 'put')).toBe(
      'This user was deleted on the server; it cannot be saved again — add it as a new one',
    );
    expect(await phone.sync()).toMatchObject({ ok: false, reason: 'sign-in' });
  });
});
