import { createHash, randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { getBlob, putBlob } from '../../src/db/blob-repository';
import type { BlobRef } from '../../src/domain/blob-ref';
import { createSyncFixture } from '../support/sync-fixture';
import { describeOnEachStore } from '../support/test-stores';

describeOnEachStore("an entry's evidence files on the judge's phone", (store) => {
  it('arrive with the entry, checked against their hash, once; the panitia does not fetch them', async () => {
    const fx = await createSyncFixture(store.db);
    const judge = fx.judges[0]!;
    const entry = fx.entries.find((e) =>
      fx.assignmentsOf(judge.id).some((a) => a.entryId === e.id),
    )!;
    const other = fx.entries.find(
      (e) => !fx.assignmentsOf(judge.id).some((a) => a.entryId === e.id),
    )!;

    // The panitia (at the desk) attaches a document to the judge's entry and one elsewhere.
    const panitia = await fx.enrol('panitia');
    await panitia.sync();
    const attach = async (target: typeof entry, size: number): Promise<BlobRef> => {
      const bytes = new Uint8Array(randomBytes(size));
      const ref: BlobRef = {
        sha256: createHash('sha256').update(bytes).digest('hex'),
        size,
        mediaType: 'application/pdf',
        name: `SK Bupati ${size}.pdf`,
      };
      await putBlob(panitia.db, { ...ref, blob: new Blob([bytes]), nowMs: panitia.clock.ms });
      await panitia.save({ kind: 'entry', data: { ...target, evidence: [ref] } });
      return ref;
    };
    const mine = await attach(entry, 200_000);
    const notMine = await attach(other, 1_000);
    expect(await panitia.sync()).toMatchObject({ ok: true, result: { uploaded: 2 } });
    // The panitia's device already has both and fetches nothing more.
    expect(await panitia.sync()).toMatchObject({ ok: true, result: { downloaded: 0 } });

    const phone = await fx.enrol(judge);
    expect(await phone.sync()).toMatchObject({ ok: true, result: { downloaded: 1 } });
    const stored = await getBlob(phone.db, mine.sha256);
    expect(stored).toMatchObject({
      status: 'found',
      row: { uploadState: 'uploaded', size: 200_000 },
    });
    const bytes = new Uint8Array(
      await (stored.status === 'found' ? stored.row.blob : new Blob()).arrayBuffer(),
    );
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(mine.sha256);
    // Never another judge's entry, and never twice.
    expect(await getBlob(phone.db, notMine.sha256)).toEqual({ status: 'absent' });
    const before = phone.transport.requests;
    expect(await phone.sync()).toMatchObject({ ok: true, result: { downloaded: 0 } });
    expect(phone.transport.requests - before).toBe(1);
  });

  it('keeps the records when a file cannot come, and fetches it on a later sync', async () => {
    const fx = await createSyncFixture(store.db);
    const judge = fx.judges[0]!;
    const entry = fx.entries.find((e) =>
      fx.assignmentsOf(judge.id).some((a) => a.entryId === e.id),
    )!;
    const panitia = await fx.enrol('panitia');
    await panitia.sync();
    const bytes = new Uint8Array(randomBytes(5_000));
    const ref: BlobRef = {
      sha256: createHash('sha256').update(bytes).digest('hex'),
      size: bytes.length,
      mediaType: 'image/jpeg',
    };
    // The record names the file before its upload finished: the server does not hold it yet.
    await panitia.save({ kind: 'entry', data: { ...entry, evidence: [ref] } });
    panitia.transport.fault = { kind: 'offline-after', ok: 2 };
    await panitia.sync();

    const phone = await fx.enrol(judge);
    expect(await phone.sync()).toMatchObject({ ok: true, result: { downloaded: 0 } });
    expect((await phone.get('entry', entry.id))?.evidence).toEqual([ref]);
    expect(await getBlob(phone.db, ref.sha256)).toEqual({ status: 'absent' });

    panitia.transport.fault = { kind: 'none' };
    await putBlob(panitia.db, { ...ref, blob: new Blob([bytes]), nowMs: panitia.clock.ms });
    expect(await panitia.sync()).toMatchObject({ ok: true, result: { uploaded: 1 } });
    expect(await phone.sync()).toMatchObject({ ok: true, result: { downloaded: 1 } });
  });
});
