import { expect, it } from 'vitest';
import { countUnsynced } from '../../src/db/erase-device-data';
import { putBlob } from '../../src/db/blob-repository';
import { createSyncFixture, scoresheetFor } from '../support/sync-fixture';
import { describeOnEachStore } from '../support/test-stores';

describeOnEachStore('signing a device out', (store) => {
  it('counts what would be lost, erases everything on the device, and ends the token', async () => {
    const fx = await createSyncFixture(store.db);
    const judge = fx.judges[0]!;
    const phone = await fx.enrol(judge);
    await phone.sync();
    const assignment = fx.assignmentsOf(judge.id)[0]!;
    await phone.save({
      kind: 'scoresheet',
      data: scoresheetFor(assignment, fx.rubric, { kebaruan: 70 }),
    });
    await putBlob(phone.db, {
      sha256: 'a'.repeat(64),
      blob: new Blob([new Uint8Array(10)]),
      mediaType: 'image/jpeg',
      nowMs: phone.clock.ms,
    });
    // This is what the sign-out screen warns about before it lets the judge go on.
    expect(await countUnsynced(phone.db)).toEqual({ changes: 1, photos: 1 });
    const session = await phone.settings.session();

    expect(await phone.engine.signOut()).toEqual({ serverConfirmed: true });
    expect(await countUnsynced(phone.db)).toEqual({ changes: 0, photos: 0 });
    expect(await phone.db.assignments.count()).toBe(0);
    expect(await phone.db.meta.count()).toBe(0);
    expect(await phone.settings.session()).toBeUndefined();
    expect(phone.engine.state().needsSignIn).toBe(true);
    const refused = await phone.transport.postJson('/api/sync', {}, session?.token);
    expect(refused.status).toBe(401);
  });

  it('signs out on the device even offline, and says the server did not confirm', async () => {
    const fx = await createSyncFixture(store.db);
    const judge = fx.judges[0]!;
    const phone = await fx.enrol(judge);
    await phone.sync();
    const session = await phone.settings.session();
    phone.transport.fault = { kind: 'offline' };

    expect(await phone.engine.signOut()).toEqual({ serverConfirmed: false });
    expect(await phone.db.assignments.count()).toBe(0);
    expect(await phone.settings.session()).toBeUndefined();
    // The token still works on the server until the panitia revokes the device.
    phone.transport.fault = { kind: 'none' };
    expect((await phone.transport.postJson('/api/auth/sign-out', {}, session?.token)).status).toBe(
      200,
    );
  });
});
