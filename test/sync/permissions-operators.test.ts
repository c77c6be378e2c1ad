import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import type { Entry } from '../../src/domain/entry';
import { makeUuidV7 } from '../../src/domain/ids';
import type { SyncRecord } from '../../src/domain/sync-record';
import { createSyncFixture, scoresheetFor, type SyncFixture } from '../support/sync-fixture';
import type { TestDevice } from '../support/test-device';
import { describeOnEachStore } from '../support/test-stores';

/**
 * Operators (kecamatan and OPD staff) beside the table of test/sync/permissions.test.ts:
 * they never see or touch scores, assignments or other units' entries, whatever the state
 * of the stage, and they see the panitia's administrative check of their own entries.
 */

const newId = () => makeUuidV7(Date.now(), new Uint8Array(randomBytes(10)));

interface World {
  fx: SyncFixture;
  panitia: TestDevice;
  operator: TestDevice;
  ownEntry: Entry;
  otherEntry: Entry;
}

async function world(db: Parameters<typeof createSyncFixture>[0]): Promise<World> {
  const fx = await createSyncFixture(db);
  const unit = fx.operator.unit?.name;
  const ownEntry = fx.entries.find((e) => e.unit.name === unit)!;
  const otherEntry = fx.entries.find((e) => e.unit.name !== unit)!;
  const panitia = await fx.enrol('panitia');
  const operator = await fx.enrol(fx.operator);
  expect(await panitia.sync()).toMatchObject({ ok: true });
  expect(await operator.sync()).toMatchObject({ ok: true });
  return { fx, panitia, operator, ownEntry, otherEntry };
}

async function attempt(
  device: TestDevice,
  record: SyncRecord,
  op: 'put' | 'delete' = 'put',
): Promise<string> {
  const mutation = await device.save(record, { op });
  expect(await device.sync()).toMatchObject({ ok: true });
  const row = (await device.db.outbox.where('mutation.id').equals(mutation.id).first()) as
    { status: string; rejection: { code: string } } | undefined;
  return row === undefined ? 'applied' : row.rejection.code;
}

const keysOn = async (
  device: TestDevice,
  table: 'entries' | 'scoresheets' | 'assignments' | 'rubrics' | 'conflicts',
) => (await device.db[table].toCollection().primaryKeys()).map(String).sort();

describeOnEachStore('operators: scores and other units stay out of reach', (store) => {
  it('receives no scoresheet, assignment, rubric or conflict, even once the stage is finalised', async () => {
    const w = await world(store.db);
    const [judge] = w.fx.judges;
    const [assignment] = w.fx.assignmentsOf(judge!.id);
    const judgeDevice = await w.fx.enrol(judge!);
    await judgeDevice.sync();
    const full = Object.fromEntries(
      w.fx.rubric.criteria.map((c) => [c.key, c.scale.kind === 'range' ? c.scale.max : 1]),
    );
    await judgeDevice.save({
      kind: 'scoresheet',
      data: scoresheetFor(assignment!, w.fx.rubric, full, { status: 'submitted' }),
    });
    expect(await judgeDevice.sync()).toMatchObject({ ok: true, result: { rejected: 0 } });
    for (const state of ['closed', 'finalised'] as const) {
      await w.panitia.sync();
      const stage = await w.panitia.get('stage', w.fx.stage.id);
      expect(await attempt(w.panitia, { kind: 'stage', data: { ...stage!, state } })).toBe(
        'applied',
      );
    }
    expect(await w.operator.sync()).toMatchObject({ ok: true });
    expect(await keysOn(w.operator, 'scoresheets')).toEqual([]);
    expect(await keysOn(w.operator, 'assignments')).toEqual([]);
    expect(await keysOn(w.operator, 'rubrics')).toEqual([]);
    expect(await keysOn(w.operator, 'conflicts')).toEqual([]);
    expect(await keysOn(w.operator, 'entries')).toEqual([w.ownEntry.id]);
  });

  it.each([
    ['write a scoresheet of their own unit’s entry', 'forbidden'],
    ['reopen a submitted scoresheet', 'forbidden'],
    ['create an assignment on their own unit’s entry', 'forbidden'],
    ['recuse a judge', 'forbidden'],
    ['move their own entry to another unit', 'forbidden'],
    ['register an entry in a competition that does not exist', 'unknown-target'],
    ['clear the administrative check of their entry', 'locked'],
    ['edit a category', 'forbidden'],
    ['open a stage', 'forbidden'],
  ] as const)('cannot %s (%s)', async (action, expected) => {
    const w = await world(store.db);
    const assignment = w.fx.assignmentsOf(w.fx.judges[0]!.id)[0]!;
    const onOwnEntry = { ...assignment, id: newId(), entryId: w.ownEntry.id };
    const records: Record<typeof action, () => SyncRecord | Promise<SyncRecord>> = {
      'write a scoresheet of their own unit’s entry': () => ({
        kind: 'scoresheet',
        data: scoresheetFor(onOwnEntry, w.fx.rubric, {}),
      }),
      'reopen a submitted scoresheet': () => ({
        kind: 'scoresheet',
        data: { ...scoresheetFor(assignment, w.fx.rubric, {}), status: 'draft' },
      }),
      'create an assignment on their own unit’s entry': () => ({
        kind: 'assignment',
        data: onOwnEntry,
      }),
      'recuse a judge': () => ({
        kind: 'assignment',
        data: {
          ...assignment,
          recusal: { reason: 'Saya keberatan', at: new Date(w.fx.serverClock.ms).toISOString() },
        },
      }),
      'move their own entry to another unit': () => ({
        kind: 'entry',
        data: { ...w.ownEntry, unit: w.otherEntry.unit },
      }),
      'register an entry in a competition that does not exist': () => ({
        kind: 'entry',
        data: { ...w.ownEntry, id: newId(), competitionId: newId() },
      }),
      'clear the administrative check of their entry': async () => {
        const checked: Entry = {
          ...w.ownEntry,
          adminCheck: {
            outcome: 'failed',
            reason: 'Tanpa data dukung',
            checkedAt: new Date(w.fx.serverClock.ms).toISOString(),
          },
        };
        expect(await attempt(w.panitia, { kind: 'entry', data: checked })).toBe('applied');
        await w.operator.sync();
        return { kind: 'entry', data: w.ownEntry };
      },
      'edit a category': async () => {
        const [category] = await w.fx.serverRecords('category');
        return { kind: 'category', data: { ...category!, name: 'Diubah operator' } };
      },
      'open a stage': async () => {
        const draft = (await w.fx.serverRecords('stage')).find((s) => s.state === 'draft')!;
        return { kind: 'stage', data: { ...draft, state: 'open' } };
      },
    };
    const record = await records[action]();
    const before = await w.fx.serverRecords(record.kind);
    expect(await attempt(w.operator, record)).toBe(expected);
    expect(await w.fx.serverRecords(record.kind)).toEqual(before);
  });

  it("sees the panitia's administrative check of an entry it registered, with the reason", async () => {
    const w = await world(store.db);
    const entry: Entry = { ...w.ownEntry, id: newId(), title: 'Layanan baru Kecamatan Jati' };
    expect(await attempt(w.operator, { kind: 'entry', data: entry })).toBe('applied');
    await w.panitia.sync();
    const checked: Entry = {
      ...entry,
      adminCheck: {
        outcome: 'failed',
        reason: 'Data dukung: belum ada SK camat',
        checkedAt: new Date(w.fx.serverClock.ms).toISOString(),
      },
    };
    expect(await attempt(w.panitia, { kind: 'entry', data: checked })).toBe('applied');
    expect(await w.operator.sync()).toMatchObject({ ok: true });
    expect(await w.operator.get('entry', entry.id)).toEqual(checked);
  });

  it('is refused the devices-activity endpoint, like a judge', async () => {
    const w = await world(store.db);
    const judge = await w.fx.enrol(w.fx.judges[0]!);
    for (const device of [w.operator, judge]) {
      const token = (await device.settings.session())?.token ?? '';
      const response = await w.fx.app.request('/api/progress/devices', {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(403);
    }
  });
});
