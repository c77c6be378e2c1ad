import { expect, it } from 'vitest';
import { RequestRejectedError } from '../../src/sync/api-errors';
import { createSyncFixture, scoresheetFor } from '../support/sync-fixture';
import { describeOnEachStore } from '../support/test-stores';

const MINUTE = 60_000;

describeOnEachStore("the panitia's admin calls through the sync engine", (store) => {
  it("shows each device's last sync and how long its oldest change had waited", async () => {
    const fx = await createSyncFixture(store.db);
    const [judge] = fx.judges;
    if (!judge) throw new Error('the demo has no judge');
    const panitia = await fx.enrol('panitia');
    const phone = await fx.enrol(judge);
    expect(await phone.sync()).toMatchObject({ ok: true });
    const [assignment] = fx.assignmentsOf(judge.id);
    if (!assignment) throw new Error('the judge has no assignment');

    // Scored offline at 09.00; the phone finds a signal 45 minutes later.
    await phone.save({ kind: 'scoresheet', data: scoresheetFor(assignment, fx.rubric, {}) });
    phone.clock.ms += 45 * MINUTE;
    fx.serverClock.ms += 45 * MINUTE;
    expect(await phone.sync()).toMatchObject({ ok: true, result: { pushed: 1 } });

    const activity = await (await panitia.engine.admin()).deviceActivity();
    const pushedAt = new Date(fx.serverClock.ms).toISOString();
    expect(activity.serverTime).toBe(pushedAt);
    expect(activity.devices.find((d) => d.id === phone.id)).toEqual({
      id: phone.id,
      userId: judge.id,
      name: 'HP test',
      createdAt: expect.any(String) as unknown,
      lastSeenAt: pushedAt,
      revokedAt: null,
      lastPushAt: pushedAt,
      oldestChangeAgeMs: 45 * MINUTE,
      clockSkewed: false,
    });
    // The panitia's own laptop has synced but pushed nothing.
    expect(activity.devices.find((d) => d.id === panitia.id)).toMatchObject({
      lastPushAt: null,
      oldestChangeAgeMs: null,
    });
  });

  it('makes invites, lists and revokes devices; other roles are refused', async () => {
    const fx = await createSyncFixture(store.db);
    const [judge] = fx.judges;
    if (!judge) throw new Error('the demo has no judge');
    const panitia = await fx.enrol('panitia');
    const admin = await panitia.engine.admin();

    const invite = await admin.createInvite(judge.id);
    expect(invite).toMatchObject({
      userId: judge.id,
      code: expect.stringMatching(/\S+/) as unknown,
    });
    const phone = await fx.enrol(judge);
    await phone.sync();
    const devices = await admin.listDevices(judge.id);
    expect(devices.map((d) => d.id)).toEqual([phone.id]);
    await admin.revokeDevice(phone.id);
    expect(await phone.sync()).toMatchObject({ ok: false, reason: 'sign-in' });
    expect((await admin.listDevices(judge.id))[0]?.revokedAt).not.toBeNull();

    const operator = await fx.enrol(fx.operator);
    const refused = (await operator.engine.admin()).deviceActivity();
    await expect(refused).rejects.toBeInstanceOf(RequestRejectedError);
    await expect(refused).rejects.toMatchObject({ status: 403, code: 'forbidden' });
  });
});
