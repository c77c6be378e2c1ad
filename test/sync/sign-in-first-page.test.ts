import { expect, it } from 'vitest';
import { readCursor } from '../../src/db/cursor';
import { createSyncFixture } from '../support/sync-fixture';
import { describeOnEachStore } from '../support/test-stores';

describeOnEachStore('signing in brings the first page of work', (store) => {
  it('a new device holds its assignments right after sign-in, and the next sync only confirms', async () => {
    const fx = await createSyncFixture(store.db);
    const judge = fx.judges[0]!;
    const phone = await fx.enrol(judge);
    expect(phone.transport.requests).toBe(1);
    const mine = fx.assignmentsOf(judge.id).map((a) => a.id);
    expect((await phone.db.assignments.toCollection().primaryKeys()).sort()).toEqual(mine.sort());
    expect(await readCursor(phone.db)).toBeGreaterThan(0);
    expect(await phone.sync()).toMatchObject({ ok: true, result: { pulled: 0, requests: 1 } });
  });

  it('a device signing in again keeps its place instead of starting over', async () => {
    const fx = await createSyncFixture(store.db);
    const judge = fx.judges[0]!;
    const phone = await fx.enrol(judge);
    const assignment = fx.assignmentsOf(judge.id)[0]!;
    const cursor = await readCursor(phone.db);
    // The panitia withdraws an assignment; then the judge's token is refused and they sign
    // in again on the same phone: the removal must still arrive by sync, not be skipped.
    const panitia = await fx.enrol('panitia');
    await panitia.save({ kind: 'assignment', data: assignment }, { op: 'delete' });
    await panitia.sync();
    await phone.signIn(await fx.inviteCodeFor(judge));
    expect(await readCursor(phone.db)).toBe(cursor);
    await phone.sync();
    expect(await phone.get('assignment', assignment.id)).toBeUndefined();
  });
});
