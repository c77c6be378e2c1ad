import { expect, it } from 'vitest';
import type { Assignment } from '../../src/domain/assignment';
import type { SyncRecord } from '../../src/domain/sync-record';
import { createSyncFixture, scoresheetFor, type SyncFixture } from '../support/sync-fixture';
import { newTestId as newId, pushOne as attempt } from '../support/push-one';
import { describeOnEachStore } from '../support/test-stores';

async function draftStage(fx: SyncFixture) {
  const stage = (await fx.serverRecords('stage')).find((s) => s.state === 'draft');
  if (!stage) throw new Error('the demo has no draft stage');
  return stage;
}

describeOnEachStore(
  'the server keeps the assignment rules, however the client made it',
  (store) => {
    it('refuses a judge on their own unit, a non-judge, and an unknown entry, and stores nothing', async () => {
      const fx = await createSyncFixture(store.db);
      const admin = await fx.enrol('panitia');
      const stage = await draftStage(fx);
      const [judge] = fx.judges;
      const entry = fx.entries[0];
      if (!judge || !entry) throw new Error('the demo has no judge or entry');
      const assign = (patch: Partial<Assignment>): SyncRecord => ({
        kind: 'assignment',
        data: { id: newId(), stageId: stage.id, judgeId: judge.id, entryId: entry.id, ...patch },
      });

      expect(
        await attempt(admin, { kind: 'user', data: { ...judge, unit: entry.unit } }),
      ).toBeNull();
      expect(await attempt(admin, assign({}))).toEqual({
        code: 'forbidden',
        message: `${judge.name} belongs to ${entry.unit.name}, the unit of entry "${entry.title}"; a judge never judges their own unit`,
      });
      expect(await attempt(admin, assign({ judgeId: fx.operator.id }))).toEqual({
        code: 'invalid',
        message: `${fx.operator.name} is an operator, not a judge`,
      });
      const missing = newId();
      expect(await attempt(admin, assign({ entryId: missing }))).toEqual({
        code: 'unknown-target',
        message: `Entry ${missing} does not exist`,
      });
      const stored = await fx.serverRecords('assignment');
      expect(stored.filter((a) => a.stageId === stage.id)).toEqual([]);
    });

    it('keeps a judge who abstained on an entry off it in the next stage, and a recused one too', async () => {
      const fx = await createSyncFixture(store.db);
      const admin = await fx.enrol('panitia');
      const stage = await draftStage(fx);
      const [judge] = fx.judges;
      if (!judge) throw new Error('the demo has no judge');
      const [abstainedOn, recusedFrom] = fx.assignmentsOf(judge.id);
      if (!abstainedOn || !recusedFrom) throw new Error('the judge needs two assignments');

      const device = await fx.enrol(judge);
      await device.save({
        kind: 'scoresheet',
        data: scoresheetFor(
          abstainedOn,
          fx.rubric,
          {},
          {
            status: 'abstained',
            abstainReason: 'Kerabat pengusul',
          },
        ),
      });
      expect(await device.sync()).toMatchObject({ ok: true, result: { rejected: 0 } });
      const recusal = { reason: 'Pernah membina inovasi ini', at: '2026-08-18T02:30:00.000Z' };
      expect(
        await attempt(admin, { kind: 'assignment', data: { ...recusedFrom, recusal } }),
      ).toBeNull();

      const names = (entryId: string) => fx.entries.find((e) => e.id === entryId)?.title;
      const onStage = (entryId: string): SyncRecord => ({
        kind: 'assignment',
        data: { id: newId(), stageId: stage.id, judgeId: judge.id, entryId },
      });
      expect(await attempt(admin, onStage(abstainedOn.entryId))).toEqual({
        code: 'forbidden',
        message: `${judge.name} abstained on entry "${names(abstainedOn.entryId)}" (Kerabat pengusul); a declared conflict keeps them off it`,
      });
      expect(await attempt(admin, onStage(recusedFrom.entryId))).toEqual({
        code: 'forbidden',
        message: `${judge.name} was recused from entry "${names(recusedFrom.entryId)}" (Pernah membina inovasi ini); a recusal keeps them off it`,
      });
      // A recusal stands: an old copy of the assignment (a plan saved on a device that had
      // not synced, with a visit day) does not put the judge back on the entry.
      expect(
        await attempt(admin, { kind: 'assignment', data: { ...recusedFrom, visitDay: 2 } }),
      ).toEqual({
        code: 'locked',
        message:
          'This assignment was recused (Pernah membina inovasi ini); a recusal cannot be lifted',
      });
      expect((await fx.serverRecord('assignment', recusedFrom.id))?.recusal).toEqual(recusal);
      // Withdrawing it is still allowed, twice too, although the judge may not be assigned.
      const withdraw = async () => {
        const mutation = await admin.save(
          { kind: 'assignment', data: { ...recusedFrom, recusal } },
          { op: 'delete' },
        );
        await admin.sync();
        return admin.db.outbox.where('mutation.id').equals(mutation.id).first();
      };
      expect(await withdraw()).toBeUndefined();
      expect(await withdraw()).toBeUndefined();
    });

    it('opens a stage only with a judge assigned, and freezes the assignments of a finalised one', async () => {
      const fx = await createSyncFixture(store.db);
      const admin = await fx.enrol('panitia');
      const stage = await draftStage(fx);
      const [judge] = fx.judges;
      if (!judge) throw new Error('the demo has no judge');

      expect(await attempt(admin, { kind: 'stage', data: { ...stage, state: 'open' } })).toEqual({
        code: 'invalid',
        message: `Stage "${stage.name}" cannot open: no judge is assigned to it yet`,
      });
      expect((await fx.serverRecord('stage', stage.id))?.state).toBe('draft');

      const [assignment] = fx.assignmentsOf(judge.id);
      if (!assignment) throw new Error('the judge has no assignment');
      for (const state of ['closed', 'finalised'] as const) {
        const current = await fx.serverRecord('stage', fx.stage.id);
        if (!current) throw new Error('the open stage is gone');
        expect(await attempt(admin, { kind: 'stage', data: { ...current, state } })).toBeNull();
      }
      const recusal = { reason: 'Terlambat', at: '2026-08-18T02:30:00.000Z' };
      expect(
        await attempt(admin, { kind: 'assignment', data: { ...assignment, recusal } }),
      ).toEqual({
        code: 'locked',
        message: `Stage "${fx.stage.name}" is finalised; its assignments are frozen`,
      });
      expect(await fx.serverRecord('assignment', assignment.id)).toEqual(assignment);
    });

    it('takes a stage made, staffed and opened offline in one sync, in the order it was done', async () => {
      const fx = await createSyncFixture(store.db);
      const admin = await fx.enrol('panitia');
      const [judge] = fx.judges;
      const [entry] = fx.entries;
      if (!judge || !entry) throw new Error('the demo has no judge or entry');
      const stage = { ...fx.stage, id: newId(), name: 'Presentasi final', state: 'draft' as const };
      await admin.save({ kind: 'stage', data: stage });
      await admin.save({
        kind: 'assignment',
        data: { id: newId(), stageId: stage.id, judgeId: judge.id, entryId: entry.id },
      });
      await admin.save({ kind: 'stage', data: { ...stage, state: 'open' } });
      expect(await admin.sync()).toMatchObject({ ok: true, result: { pushed: 3, rejected: 0 } });
      expect((await fx.serverRecord('stage', stage.id))?.state).toBe('open');
    });
  },
);
