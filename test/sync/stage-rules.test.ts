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

describeOnEachStore('the ranking settings of a stage', (store) => {
  it('take a plenary decision while the stage is closed, and nothing once it is finalised', async () => {
    const fx = await createSyncFixture(store.db);
    const admin = await fx.enrol('panitia');
    const [category] = await fx.serverRecords('category');
    const [first, second] = fx.entries.filter((e) => e.categoryId === category?.id);
    if (!category || !first || !second) throw new Error('the demo needs two entries in a category');
    const closed = { ...fx.stage, state: 'closed' as const };
    await admin.save({ kind: 'stage', data: closed });
    expect(await admin.sync()).toMatchObject({ ok: true, result: { rejected: 0 } });

    const panitiaId = (await fx.serverRecords('user')).find((u) => u.role === 'panitia')?.id ?? '';
    const decided = {
      ...closed,
      ranking: {
        trimmedMean: true,
        plenaryDecisions: [
          {
            categoryId: category.id,
            entryIds: [second.id, first.id],
            reason: 'Rapat pleno 20 Agustus: dampak lebih luas',
            decidedAt: '2026-08-20T03:00:00.000Z',
            decidedBy: panitiaId,
          },
        ],
      },
    };
    await admin.save({ kind: 'stage', data: decided });
    expect(await admin.sync()).toMatchObject({ ok: true, result: { rejected: 0 } });
    expect(await fx.serverRecord('stage', fx.stage.id)).toEqual(decided);

    const finalised = { ...decided, state: 'finalised' as const };
    await admin.save({ kind: 'stage', data: finalised });
    expect(await admin.sync()).toMatchObject({ ok: true, result: { rejected: 0 } });
    await admin.save({
      kind: 'stage',
      data: { ...finalised, ranking: { ...decided.ranking, trimmedMean: false } },
    });
    await admin.sync();
    const [late] = (await admin.db.outbox.toArray()) as { rejection?: { code: string } }[];
    expect(late?.rejection?.code).toBe('locked');
    expect(await fx.serverRecord('stage', fx.stage.id)).toEqual(finalised);
  });
});
