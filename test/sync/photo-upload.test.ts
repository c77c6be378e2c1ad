import { createHash, randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { getBlob, putBlob } from '../../src/db/blob-repository';
import { createSyncFixture, scoresheetFor } from '../support/sync-fixture';
import { describeOnEachStore } from '../support/test-stores';

describeOnEachStore('field photos going up', (store) => {
  it('sends the scoresheet first, then the photo in chunks, resuming after a drop', async () => {
    const fx = await createSyncFixture(store.db);
    const judge = fx.judges[0]!;
    const phone = await fx.enrol(judge);
    await phone.sync();
    const bytes = new Uint8Array(randomBytes(300_000));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await putBlob(phone.db, {
      sha256,
      blob: new Blob([bytes]),
      mediaType: 'image/jpeg',
      nowMs: phone.clock.ms,
    });
    const assignment = fx.assignmentsOf(judge.id)[0]!;
    const photo = {
      sha256,
      size: bytes.length,
      mediaType: 'image/jpeg',
      capturedAt: new Date(phone.clock.ms).toISOString(),
    };
    await phone.save({
      kind: 'scoresheet',
      data: scoresheetFor(assignment, fx.rubric, { kebaruan: 70 }, { photos: [photo] }),
    });

    // The sync request, the offset question and one chunk get through; then the signal goes.
    phone.transport.fault = { kind: 'offline-after', ok: 3 };
    expect(await phone.sync()).toMatchObject({ ok: false, reason: 'offline' });
    expect((await fx.serverRecord('scoresheet', assignment.id))?.photos).toEqual([photo]);
    expect(await fx.deps.blobs.progress(sha256)).toMatchObject({
      offset: 128 * 1024,
      complete: false,
    });
    expect(await getBlob(phone.db, sha256)).toMatchObject({
      status: 'found',
      row: { uploadState: 'pending' },
    });

    phone.transport.fault = { kind: 'none' };
    const requestsBefore = phone.transport.requests;
    const progress: unknown[] = [];
    const unsubscribe = phone.engine.subscribe((state) => {
      if (state.upload && state.upload !== progress.at(-1)) progress.push(state.upload);
    });
    expect(await phone.sync()).toMatchObject({ ok: true, result: { uploaded: 1 } });
    unsubscribe();
    // The screen hears where the upload stands: first the offset held, then each chunk.
    const size = bytes.length;
    expect(progress).toEqual([
      { sha256, sent: 128 * 1024, size, index: 1, count: 1 },
      { sha256, sent: 256 * 1024, size, index: 1, count: 1 },
      { sha256, sent: size, size, index: 1, count: 1 },
    ]);
    expect(phone.engine.state().upload).toBeUndefined();
    // One sync request, one offset question, and the two remaining chunks: no restart.
    expect(phone.transport.requests - requestsBefore).toBe(4);
    expect(await fx.deps.blobs.progress(sha256)).toMatchObject({
      offset: bytes.length,
      complete: true,
    });
    expect(await getBlob(phone.db, sha256)).toMatchObject({
      status: 'found',
      row: { uploadState: 'uploaded' },
    });

    // A second device attaching the same photo uploads nothing: the server has it.
    const laptop = await fx.enrol(judge);
    await putBlob(laptop.db, {
      sha256,
      blob: new Blob([bytes]),
      mediaType: 'image/jpeg',
      nowMs: laptop.clock.ms,
    });
    const before = laptop.transport.requests;
    expect(await laptop.sync()).toMatchObject({ ok: true, result: { uploaded: 1 } });
    expect(laptop.transport.requests - before).toBe(2);
  });
});
