import { expect, it } from 'vitest';
import { discardRejected } from '../../src/db/discard-rejected';
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

describeOnEachStore('a stage changed on two devices', (store) => {
  it('refuses a put from an old copy made on another device, never from this device’s own queue', async () => {
    const fx = await createSyncFixture(store.db);
    const closer = await fx.enrol('panitia');
    const late = await fx.enrol('panitia');
    await closer.save({ kind: 'stage', data: { ...fx.stage, state: 'closed' } });
    expect(await closer.sync()).toMatchObject({ ok: true, result: { rejected: 0 } });

    // The late laptop, not synced since, records a ranking setting on its open copy: that
    // would reopen the stage the other device closed.
    const stale = { ...fx.stage, ranking: { trimmedMean: true, plenaryDecisions: [] } };
    await late.save({ kind: 'stage', data: stale });
    await late.sync();
    const [row] = (await late.db.outbox.toArray()) as {
      mutation: { id: string };
      rejection?: { message: string };
    }[];
    expect(row?.rejection?.message).toBe(
      `Stage "${fx.stage.name}" was changed on another device since this one last synced (it is now closed); sync, then make the change again`,
    );
    expect((await fx.serverRecord('stage', fx.stage.id))?.state).toBe('closed');

    // Given up ("Buang perubahan ini") and synced, the laptop has the closed stage, and the
    // same change made on it goes through.
    expect(await discardRejected(late.db, row?.mutation.id ?? '')).toBe(true);
    await late.sync();
    const current = await fx.serverRecord('stage', fx.stage.id);
    if (!current) throw new Error('the stage is gone');
    await late.save({ kind: 'stage', data: { ...current, ranking: stale.ranking } });
    expect(await late.sync()).toMatchObject({ ok: true, result: { rejected: 0 } });
  });

  it('refuses a new stage that does not start as a draft, and a deleted one coming back', async () => {
    const fx = await createSyncFixture(store.db);
    const admin = await fx.enrol('panitia');
    const draft = (await fx.serverRecords('stage')).find((s) => s.state === 'draft');
    if (!draft) throw new Error('the demo has no draft stage');
    const born = { ...draft, id: '0190c000-0000-7000-8000-000000000077', state: 'closed' as const };
    await admin.save({ kind: 'stage', data: born });
    await admin.sync();
    const [rejected] = (await admin.db.outbox.toArray()) as { rejection?: { message: string } }[];
    expect(rejected?.rejection?.message).toBe(
      `A new stage starts as a draft; "${born.name}" cannot begin closed`,
    );
    await admin.db.outbox.clear();

    await admin.save({ kind: 'stage', data: draft }, { op: 'delete' });
    expect(await admin.sync()).toMatchObject({ ok: true, result: { rejected: 0 } });
    await admin.save({ kind: 'stage', data: { ...draft, name: 'Dari salinan lama' } });
    await admin.sync();
    const [back] = (await admin.db.outbox.toArray()) as { rejection?: { code: string } }[];
    expect(back?.rejection?.code).toBe('locked');
    expect(await fx.serverRecord('stage', draft.id)).toBeUndefined();
  });
});
