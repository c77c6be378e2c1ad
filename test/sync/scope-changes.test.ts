import { expect, it } from 'vitest';
import type { Assignment } from '../../src/domain/assignment';
import { createSyncFixture, scoresheetFor } from '../support/sync-fixture';
import { describeOnEachStore } from '../support/test-stores';

// ARCHITECTURE.md, sync protocol 11: rows that become visible are older than the cursor,
// rows that become invisible must leave the device, and unsynced work never does.

describeOnEachStore('scope changes', (store) => {
  async function setup() {
    const fx = await createSyncFixture(store.db);
    const judge = fx.judges[0]!;
    const phone = await fx.enrol(judge);
    const admin = await fx.enrol('panitia');
    await phone.sync();
    await admin.sync();
    return { fx, judge, phone, admin };
  }

  it('sends an entry to a judge newly assigned to it, although it is older than their cursor', async () => {
    const { fx, judge, phone, admin } = await setup();
    const mine = new Set(fx.assignmentsOf(judge.id).map((a) => a.entryId));
    const other = fx.entries.find((e) => !mine.has(e.id))!;
    expect(await phone.get('entry', other.id)).toBeUndefined();
    const assignment: Assignment = {
      id: '0190c000-0000-7000-8000-000000000001',
      stageId: fx.stage.id,
      judgeId: judge.id,
      entryId: other.id,
    };
    await admin.save({ kind: 'assignment', data: assignment });
    await admin.sync();
    await phone.sync();
    expect((await phone.get('entry', other.id))?.title).toBe(other.title);
    expect(await phone.get('assignment', assignment.id)).toEqual(assignment);
  });

  it('removes the entry of a withdrawn assignment from the judge, but not their unsynced work', async () => {
    const { fx, judge, phone, admin } = await setup();
    const [kept, withdrawn] = fx.assignmentsOf(judge.id);
    await phone.save({
      kind: 'scoresheet',
      data: scoresheetFor(withdrawn!, fx.rubric, { kebaruan: 55 }),
    });
    // The panitia recuses the judge while the phone is offline with that work unsent.
    const recused = {
      ...withdrawn!,
      recusal: {
        reason: 'Konflik kepentingan: satu instansi',
        at: new Date(fx.serverClock.ms).toISOString(),
      },
    };
    await admin.save({ kind: 'assignment', data: recused });
    await admin.sync();

    expect(await phone.sync()).toMatchObject({ ok: true, result: { pushed: 1, rejected: 0 } });
    expect(await phone.get('entry', withdrawn!.entryId)).toBeUndefined();
    expect(await phone.get('entry', kept!.entryId)).toBeDefined();
    expect((await phone.get('assignment', withdrawn!.id))?.recusal?.reason).toBe(
      'Konflik kepentingan: satu instansi',
    );
    // The work reached the server: the panitia sees it as orphaned (its assignment is recused).
    expect((await fx.serverRecord('scoresheet', withdrawn!.id))?.scores['kebaruan']?.value).toBe(
      55,
    );
    await admin.sync();
    expect((await admin.get('scoresheet', withdrawn!.id))?.scores['kebaruan']?.value).toBe(55);
  });

  it('removes a deleted assignment and its entry from the judge', async () => {
    const { fx, judge, phone, admin } = await setup();
    const [gone] = fx.assignmentsOf(judge.id);
    await admin.save({ kind: 'assignment', data: gone! }, { op: 'delete' });
    expect(await admin.sync()).toMatchObject({ ok: true, result: { pushed: 1 } });
    await phone.sync();
    expect(await phone.get('assignment', gone!.id)).toBeUndefined();
    expect(await phone.get('entry', gone!.entryId)).toBeUndefined();
  });

  it("opens other judges' scores to a judge when the stage is finalised", async () => {
    const { fx, judge, phone, admin } = await setup();
    const otherJudge = fx.judges[1]!;
    const laptop = await fx.enrol(otherJudge);
    await laptop.sync();
    const theirs = fx.assignmentsOf(otherJudge.id)[0]!;
    await laptop.save({
      kind: 'scoresheet',
      data: scoresheetFor(theirs, fx.rubric, { kebaruan: 66 }),
    });
    await laptop.sync();
    await phone.sync();
    expect(await phone.get('scoresheet', theirs.id)).toBeUndefined();

    // Scoring closes first, then the stage is finalised (the server holds to that order).
    await admin.save({ kind: 'stage', data: { ...fx.stage, state: 'closed' } });
    await admin.sync();
    await phone.sync();
    expect(await phone.get('scoresheet', theirs.id)).toBeUndefined();
    await admin.save({ kind: 'stage', data: { ...fx.stage, state: 'finalised' } });
    await admin.sync();
    await phone.sync();
    expect((await phone.get('scoresheet', theirs.id))?.scores['kebaruan']?.value).toBe(66);
    expect(judge.id).not.toBe(otherJudge.id);
  });
});
