import { expect, it } from 'vitest';
import { createSyncFixture, scoresheetFor } from '../support/sync-fixture';
import { describeOnEachStore } from '../support/test-stores';

describeOnEachStore('a judge syncing', (store) => {
  it('receives only their own entries and assignments, and their scores reach the server once', async () => {
    const fx = await createSyncFixture(store.db);
    const judge = fx.judges[0]!;
    const phone = await fx.enrol(judge);
    expect((await phone.sync()).ok).toBe(true);

    const mine = fx.assignmentsOf(judge.id);
    expect(mine.length).toBeGreaterThan(0);
    const entryIds = new Set(mine.map((a) => a.entryId));
    const localKeys = await phone.db.entries.toCollection().primaryKeys();
    expect(new Set(localKeys)).toEqual(entryIds);

    const assignment = mine[0]!;
    const sheet = scoresheetFor(assignment, fx.rubric, { kebaruan: 80 });
    await phone.save({ kind: 'scoresheet', data: sheet });
    expect(await phone.pendingCount()).toBe(1);
    const outcome = await phone.sync();
    expect(outcome).toMatchObject({ ok: true, result: { pushed: 1, rejected: 0 } });
    expect(await phone.pendingCount()).toBe(0);
    expect((await fx.serverRecord('scoresheet', sheet.id))?.scores['kebaruan']?.value).toBe(80);
    const applied = await store.db.query('SELECT mutation_id FROM applied_mutations');
    expect(applied).toHaveLength(1);
  });
});
