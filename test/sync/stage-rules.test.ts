import { expect, it } from 'vitest';
import { createSyncFixture } from '../support/sync-fixture';
import { describeOnEachStore } from '../support/test-stores';

describeOnEachStore('the server holds a stage to its life, whatever a client sends', (store) => {
  it('refuses a jump in state or a new rubric once judges may score, and changes nothing', async () => {
    const fx = await createSyncFixture(store.db);
    const admin = await fx.enrol('panitia');
    expect(fx.stage.state).toBe('open');

    await admin.save({ kind: 'stage', data: { ...fx.stage, state: 'finalised' } });
    await admin.sync();
    const [jump] = (await admin.db.outbox.toArray()) as {
      rejection?: { code: string; message: string };
    }[];
    expect(jump?.rejection).toMatchObject({
      code: 'invalid',
      message: `Stage "${fx.stage.name}" cannot go from open to finalised; allowed: closed`,
    });
    expect((await fx.serverRecord('stage', fx.stage.id))?.state).toBe('open');
    await admin.db.outbox.clear();

    await admin.save({
      kind: 'stage',
      data: { ...fx.stage, rubricVersion: fx.stage.rubricVersion + 1 },
    });
    await admin.sync();
    const [rubric] = (await admin.db.outbox.toArray()) as { rejection?: { message: string } }[];
    expect(rubric?.rejection?.message).toBe(
      `Stage "${fx.stage.name}" is open: its rubric version can no longer change`,
    );
    expect((await fx.serverRecord('stage', fx.stage.id))?.rubricVersion).toBe(
      fx.stage.rubricVersion,
    );
    await admin.db.outbox.clear();

    // What the life allows goes through: a new name, then closing the scoring.
    await admin.save({ kind: 'stage', data: { ...fx.stage, name: 'Presentasi', state: 'closed' } });
    expect(await admin.sync()).toMatchObject({ ok: true, result: { rejected: 0 } });
    expect(await fx.serverRecord('stage', fx.stage.id)).toMatchObject({
      name: 'Presentasi',
      state: 'closed',
    });
  });
});
