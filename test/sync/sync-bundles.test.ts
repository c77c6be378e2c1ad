import { createHash, randomBytes, webcrypto } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { getBlob, putBlob } from '../../src/db/blob-repository';
import { listRejectedMutations } from '../../src/db/outbox-repository';
import { SIGNATURE_ALGORITHM, SIGNATURE_KEY_ALGORITHM } from '../../src/domain/device-key';
import type { Scoresheet } from '../../src/domain/scoresheet';
import type { SqlClient } from '../../src/server/store/sql-client';
import { AckRefusedError } from '../../src/sync/accept-bundle-ack';
import {
  bytesOf,
  concatBytes,
  exportFrom,
  imported,
  postBundle,
  splitBundle,
  tokenOf,
} from '../support/bundles';
import { createSyncFixture, scoresheetFor, type SyncFixture } from '../support/sync-fixture';
import type { TestDevice } from '../support/test-device';
import { describeOnEachStore } from '../support/test-stores';

/** Everything the server holds, to prove that a refused bundle changed nothing. */
async function serverState(db: SqlClient): Promise<unknown> {
  return {
    records: await db.query('SELECT kind, key, data, seq, deleted FROM records ORDER BY kind, key'),
    applied: await db.query('SELECT mutation_id, outcome FROM applied_mutations ORDER BY 1'),
    counter: await db.query('SELECT last_seq FROM change_counter'),
  };
}

async function photo(device: TestDevice, size = 50_000) {
  const bytes = new Uint8Array(randomBytes(size));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await putBlob(device.db, {
    sha256,
    blob: new Blob([bytes]),
    mediaType: 'image/jpeg',
    nowMs: device.clock.ms,
  });
  return {
    bytes,
    ref: {
      sha256,
      size,
      mediaType: 'image/jpeg',
      capturedAt: new Date(device.clock.ms).toISOString(),
    },
  };
}

/** A judge's phone, synced once and then out of signal; and the panitia's laptop. */
async function offlineJudge(fx: SyncFixture) {
  const judge = fx.judges[0]!;
  const phone = await fx.enrol(judge);
  expect((await phone.sync()).ok).toBe(true);
  phone.transport.fault = { kind: 'offline' };
  const panitia = await fx.enrol('panitia');
  return { judge, phone, panitiaToken: await tokenOf(panitia), mine: fx.assignmentsOf(judge.id) };
}

function later(fx: SyncFixture, device: TestDevice, ms = 60_000): void {
  fx.serverClock.ms += ms;
  device.clock.ms += ms;
}

const valueOf = (sheet: Scoresheet | undefined, key: string) => sheet?.scores[key]?.value;

describeOnEachStore('sync bundles: signed files, imported once and only once', (store) => {
  it("carries a judge's offline work to the server; the acknowledgement clears exactly that", async () => {
    const fx = await createSyncFixture(store.db);
    const { phone, panitiaToken, mine } = await offlineJudge(fx);
    const field = await photo(phone, 300_000);
    const sheets = [
      scoresheetFor(mine[0]!, fx.rubric, { kebaruan: 71 }, { photos: [field.ref] }),
      scoresheetFor(mine[1]!, fx.rubric, { kebaruan: 64, kemanfaatan: 80 }),
    ];
    for (const sheet of sheets) await phone.save({ kind: 'scoresheet', data: sheet });

    const bundle = await exportFrom(phone);
    expect(bundle).toMatchObject({ mutations: 2, photos: 1, damagedPhotos: 0 });
    expect(bundle.fileName).toMatch(/^paket-[a-z0-9-]+-\d{8}-\d{4}\.jlbundle$/);
    // Exporting keeps everything on the phone until the server confirms it.
    expect(await phone.pendingCount()).toBe(2);

    const result = imported(await postBundle(fx.app, panitiaToken, bundle.file));
    expect(result.counts).toEqual({ applied: 2, alreadyPresent: 0, rejected: 0, superseded: 0 });
    expect(result.blobs).toEqual({ count: 1, bytes: 300_000, alreadyHeld: 0 });
    expect(result).toMatchObject({ deviceId: phone.id, bundleId: bundle.bundleId });
    for (const sheet of sheets)
      expect(await fx.serverRecord('scoresheet', sheet.id)).toEqual(sheet);
    const stored = await readFile(
      join(blobDir(fx), field.ref.sha256.slice(0, 2), field.ref.sha256.slice(2)),
    );
    expect(createHash('sha256').update(stored).digest('hex')).toBe(field.ref.sha256);
    expect(await phone.pendingCount()).toBe(2);

    const bundles = await phone.engine.bundles();
    const outcome = await bundles.acceptAck(JSON.stringify(result.ack));
    expect(outcome).toMatchObject({ acknowledged: 2, removed: 2, rejected: 0, photos: 1 });
    expect(await phone.pendingCount()).toBe(0);
    expect(await getBlob(phone.db, field.ref.sha256)).toMatchObject({
      row: { uploadState: 'uploaded' },
    });
    // Reading it again changes nothing more.
    expect(await bundles.acceptAck(JSON.stringify(result.ack))).toMatchObject({
      removed: 0,
      photos: 0,
    });
  });

  it('changes nothing the second time: a double import, and an import then an online sync', async () => {
    const fx = await createSyncFixture(store.db);
    const { phone, panitiaToken, mine } = await offlineJudge(fx);
    const field = await photo(phone);
    const sheet = scoresheetFor(mine[0]!, fx.rubric, { kebaruan: 55 }, { photos: [field.ref] });
    await phone.save({ kind: 'scoresheet', data: sheet });
    const bundle = await exportFrom(phone);

    const first = imported(await postBundle(fx.app, panitiaToken, bundle.file));
    expect(first.counts.applied).toBe(1);
    const after = await serverState(store.db);

    const second = imported(await postBundle(fx.app, panitiaToken, bundle.file));
    expect(second.counts).toEqual({ applied: 0, alreadyPresent: 1, rejected: 0, superseded: 0 });
    expect(second.mutations[0]?.seq).toBe(first.mutations[0]?.seq);
    expect(second.blobs.alreadyHeld).toBe(1);
    expect(await serverState(store.db)).toEqual(after);

    // The phone never read the acknowledgement: it syncs online and gets the same answers.
    phone.transport.fault = { kind: 'none' };
    expect(await phone.sync()).toMatchObject({ ok: true, result: { pushed: 1, rejected: 0 } });
    expect(await phone.pendingCount()).toBe(0);
    expect(await serverState(store.db)).toEqual(after);
    expect(await fx.serverRecords('conflict')).toEqual([]);
  });

  it('never lets an older bundle overwrite what the same device sent online since', async () => {
    const fx = await createSyncFixture(store.db);
    const { phone, panitiaToken, mine } = await offlineJudge(fx);
    const sheet = scoresheetFor(mine[0]!, fx.rubric, { kebaruan: 60 });
    await phone.save({ kind: 'scoresheet', data: sheet });
    const old = await exportFrom(phone);

    later(fx, phone);
    const newer = { ...sheet, scores: { ...sheet.scores, kebaruan: { value: 80, note: '' } } };
    await phone.save({ kind: 'scoresheet', data: newer });
    phone.transport.fault = { kind: 'none' };
    expect(await phone.sync()).toMatchObject({ ok: true, result: { pushed: 1 } });
    const after = await serverState(store.db);

    later(fx, phone);
    const result = imported(await postBundle(fx.app, panitiaToken, old.file));
    expect(result.counts).toEqual({ applied: 0, alreadyPresent: 0, rejected: 0, superseded: 1 });
    expect(result.mutations[0]).toMatchObject({
      status: 'superseded',
      message: 'A later edit from this device is already on the server',
    });
    expect(valueOf(await fx.serverRecord('scoresheet', sheet.id), 'kebaruan')).toBe(80);
    expect(await serverState(store.db)).toEqual(after);
    // A superseded mutation is not acknowledged: the phone clears nothing because of it.
    expect(JSON.parse(result.ack.payload)).toMatchObject({ acknowledged: '', rejected: [] });
  });

  it("keeps an operator's newer entry when the older bundle of it comes last, and orders two bundles", async () => {
    const fx = await createSyncFixture(store.db);
    const operator = await fx.enrol(fx.operator);
    expect((await operator.sync()).ok).toBe(true);
    operator.transport.fault = { kind: 'offline' };
    const panitiaToken = await tokenOf(await fx.enrol('panitia'));
    const entry = fx.entries.find((e) => e.unit.name === fx.operator.unit?.name)!;

    await operator.save({ kind: 'entry', data: { ...entry, title: 'Judul pertama' } });
    const first = await exportFrom(operator);
    later(fx, operator);
    await operator.save({ kind: 'entry', data: { ...entry, title: 'Judul kedua' } });
    const second = await exportFrom(operator);

    // The newer bundle arrives first, then the older one: the older one is stale.
    expect(imported(await postBundle(fx.app, panitiaToken, second.file)).counts.applied).toBe(1);
    const stale = imported(await postBundle(fx.app, panitiaToken, first.file));
    expect(stale.counts).toEqual({ applied: 0, alreadyPresent: 0, rejected: 0, superseded: 1 });
    expect((await fx.serverRecord('entry', entry.id))?.title).toBe('Judul kedua');

    // And an online sync after both sends nothing twice.
    operator.transport.fault = { kind: 'none' };
    const before = await serverState(store.db);
    expect(await operator.sync()).toMatchObject({ ok: true, result: { pushed: 1 } });
    expect(await serverState(store.db)).toEqual(before);
  });

  it('reports a rejected mutation with its reason, and the phone keeps it, marked', async () => {
    const fx = await createSyncFixture(store.db);
    const { phone, panitiaToken, mine, judge } = await offlineJudge(fx);
    const good = scoresheetFor(mine[0]!, fx.rubric, { kebaruan: 70 });
    const foreign = fx.assignmentsOf(fx.judges[1]!.id).find((a) => a.judgeId !== judge.id)!;
    await phone.save({ kind: 'scoresheet', data: good });
    await phone.save({ kind: 'scoresheet', data: scoresheetFor(foreign, fx.rubric, {}) });
    const bundle = await exportFrom(phone);

    const result = imported(await postBundle(fx.app, panitiaToken, bundle.file));
    expect(result.counts).toEqual({ applied: 1, alreadyPresent: 0, rejected: 1, superseded: 0 });
    expect(result.mutations[1]).toMatchObject({
      status: 'rejected',
      code: 'forbidden',
      message: "Judges can change only their own scoresheets, not another judge's",
    });
    const outcome = await (await phone.engine.bundles()).acceptAck(JSON.stringify(result.ack));
    expect(outcome).toMatchObject({ removed: 1, rejected: 1 });
    expect((await listRejectedMutations(phone.db)).rows.map((r) => r.rejection?.code)).toEqual([
      'forbidden',
    ]);
  });

  it('refuses a tampered value, a tampered photo and a wrong signature, and applies nothing', async () => {
    const fx = await createSyncFixture(store.db);
    const { phone, panitiaToken, mine } = await offlineJudge(fx);
    const field = await photo(phone);
    await phone.save({
      kind: 'scoresheet',
      data: scoresheetFor(mine[0]!, fx.rubric, { kebaruan: 61 }, { photos: [field.ref] }),
    });
    await phone.save({ kind: 'scoresheet', data: scoresheetFor(mine[1]!, fx.rubric, {}) });
    const parts = splitBundle(await bytesOf((await exportFrom(phone)).file));
    const before = await serverState(store.db);
    const blobsBefore = await listFiles(blobDir(fx));

    const manifestText = new TextDecoder().decode(parts.manifest);
    expect(manifestText).toContain('"value":61');
    const changedValue = new TextEncoder().encode(manifestText.replace('"value":61', '"value":99'));
    const tamperedValue = await postBundle(
      fx.app,
      panitiaToken,
      concatBytes(parts.header, changedValue, parts.signature, parts.files),
    );
    expect(tamperedValue).toMatchObject({ status: 422, error: { code: 'bad-signature' } });
    expect('error' in tamperedValue && tamperedValue.error.message).toMatch(
      /signature does not match its contents/,
    );

    const changedPhoto = parts.files.slice();
    changedPhoto[1000] = (changedPhoto[1000] ?? 0) ^ 0xff;
    expect(
      await postBundle(
        fx.app,
        panitiaToken,
        concatBytes(parts.header, parts.manifest, parts.signature, changedPhoto),
      ),
    ).toMatchObject({
      status: 422,
      error: {
        code: 'blob-mismatch',
        message: expect.stringMatching(/^File 1 of 1 .* does not match the sha-256/) as unknown,
      },
    });

    // Signed, but not by this device's key.
    const stranger = await webcrypto.subtle.generateKey(SIGNATURE_KEY_ALGORITHM, false, ['sign']);
    const strangerSignature = new Uint8Array(
      await webcrypto.subtle.sign(SIGNATURE_ALGORITHM, stranger.privateKey, parts.manifest),
    );
    expect(
      await postBundle(
        fx.app,
        panitiaToken,
        concatBytes(parts.header, parts.manifest, strangerSignature, parts.files),
      ),
    ).toMatchObject({ status: 422, error: { code: 'bad-signature' } });

    // Cut short, and with bytes after the last file.
    expect(
      await postBundle(fx.app, panitiaToken, concatBytes(parts.header, parts.manifest)),
    ).toMatchObject({ status: 422, error: { code: 'bundle-unreadable' } });
    expect(
      await postBundle(
        fx.app,
        panitiaToken,
        concatBytes(parts.header, parts.manifest, parts.signature, parts.files, new Uint8Array(1)),
      ),
    ).toMatchObject({ status: 422, error: { code: 'bundle-unreadable' } });
    expect(
      await postBundle(
        fx.app,
        panitiaToken,
        new TextEncoder().encode('PK\u0003\u0004 not a bundle'),
      ),
    ).toMatchObject({ status: 422, error: { code: 'bundle-unreadable' } });

    expect(await serverState(store.db)).toEqual(before);
    expect(await listFiles(blobDir(fx))).toEqual(blobsBefore);
    expect(await phone.pendingCount()).toBe(2);
  });

  it("refuses a revoked device's bundle, and one from a device enrolled without a key", async () => {
    const fx = await createSyncFixture(store.db);
    const { phone, panitiaToken, mine } = await offlineJudge(fx);
    await phone.save({ kind: 'scoresheet', data: scoresheetFor(mine[0]!, fx.rubric, {}) });
    const bundle = await exportFrom(phone);
    const before = await serverState(store.db);

    await store.db.query('UPDATE devices SET public_key = NULL WHERE id = $1', [phone.id]);
    expect(await postBundle(fx.app, panitiaToken, bundle.file)).toMatchObject({
      status: 422,
      error: {
        code: 'device-without-key',
        message: expect.stringMatching(/was enrolled before sync bundles existed/) as unknown,
      },
    });

    const revoke = await fx.app.request(`/api/admin/devices/${phone.id}/revoke`, {
      method: 'POST',
      headers: { authorization: `Bearer ${panitiaToken}` },
    });
    expect(revoke.status).toBe(200);
    expect(await postBundle(fx.app, panitiaToken, bundle.file)).toMatchObject({
      status: 403,
      error: {
        code: 'device-revoked',
        message: expect.stringMatching(/was revoked on /) as unknown,
      },
    });
    expect(await serverState(store.db)).toEqual(before);
  });

  it('acts only on a genuine acknowledgement of its own bundle', async () => {
    const fx = await createSyncFixture(store.db);
    const { phone, panitiaToken, mine } = await offlineJudge(fx);
    await phone.save({ kind: 'scoresheet', data: scoresheetFor(mine[0]!, fx.rubric, {}) });
    await phone.save({ kind: 'scoresheet', data: scoresheetFor(mine[1]!, fx.rubric, {}) });
    const bundle = await exportFrom(phone);
    const { ack } = imported(await postBundle(fx.app, panitiaToken, bundle.file));
    const bundles = await phone.engine.bundles();
    const refusal = (text: string) =>
      bundles.acceptAck(text).then(
        () => 'accepted',
        (error: unknown) => (error instanceof AckRefusedError ? error.problem : String(error)),
      );

    // Whoever holds the bundle could write an acknowledgement; without the server's key
    // it is refused, and the phone drops nothing.
    const payload = JSON.parse(ack.payload) as Record<string, unknown>;
    const edited = { ...ack, payload: JSON.stringify({ ...payload, acknowledged: '0-1' }) };
    expect(await refusal(JSON.stringify({ ...edited, payload: `${ack.payload} ` }))).toBe(
      'bad-signature',
    );
    expect(await refusal('{"format":"jurilapang-ack"}')).toBe('unreadable');
    expect(await refusal('hello')).toBe('unreadable');

    // A genuine acknowledgement, read on another device of the same judge.
    const laptop = await fx.enrol(fx.judges[0]!);
    await laptop.save({ kind: 'scoresheet', data: scoresheetFor(mine[2]!, fx.rubric, {}) });
    const laptopBundles = await laptop.engine.bundles();
    await expect(laptopBundles.acceptAck(JSON.stringify(ack))).rejects.toMatchObject({
      problem: 'other-device',
    });
    expect(await laptop.pendingCount()).toBe(1);
    expect(await phone.pendingCount()).toBe(2);

    // The link of the QR code carries the same acknowledgement.
    const { formatAckFragment } = await import('../../src/domain/bundle-ack');
    expect(
      await bundles.acceptAck(`http://test/perangkat#tanda-terima=${formatAckFragment(ack)}`),
    ).toMatchObject({ removed: 2 });
  });

  it('imports 300 photos from a stream, storing each before the source has produced two more', async () => {
    const fx = await createSyncFixture(store.db);
    const { phone, panitiaToken, mine } = await offlineJudge(fx);
    const photos = [];
    for (let i = 0; i < 300; i++) photos.push((await photo(phone, 20_000 + i)).ref);
    await phone.save({
      kind: 'scoresheet',
      data: scoresheetFor(mine[0]!, fx.rubric, { kebaruan: 90 }, { photos }),
    });
    const bundle = await exportFrom(phone);
    expect(bundle.photos).toBe(300);
    const parts = splitBundle(await bytesOf(bundle.file));

    // The source gives the bundle up to its first photo, then each photo in 4 kB pieces,
    // only when the importer asks; it notes when it starts a photo, the store when it kept one.
    const events: string[] = [];
    const pieces: { photo?: number; bytes: Uint8Array }[] = [
      { bytes: concatBytes(parts.header, parts.manifest, parts.signature) },
    ];
    let at = 0;
    for (const [n, ref] of photos.entries()) {
      for (let offset = 0; offset < ref.size; offset += 4096) {
        const end = Math.min(offset + 4096, ref.size);
        pieces.push({
          ...(offset === 0 ? { photo: n } : {}),
          bytes: parts.files.subarray(at + offset, at + end),
        });
      }
      at += ref.size;
    }
    const source = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          const piece = pieces.shift();
          if (!piece) return controller.close();
          if (piece.photo !== undefined) events.push(`produce ${piece.photo}`);
          controller.enqueue(piece.bytes.slice());
        },
      },
      { highWaterMark: 0 },
    );
    const receive = fx.deps.blobs.receive.bind(fx.deps.blobs);
    fx.deps.blobs.receive = async (name, chunks) => {
      const received = await receive(name, chunks);
      events.push(`stored ${Number(name.split('-').at(-1))}`);
      return received;
    };

    const startedAt = performance.now();
    const result = imported(await postBundle(fx.app, panitiaToken, source));
    const elapsedMs = performance.now() - startedAt;
    expect(result.blobs.count).toBe(300);
    expect(result.counts.applied).toBe(1);
    expect(events.filter((e) => e.startsWith('stored'))).toHaveLength(300);
    expect(events.filter((e) => e.startsWith('produce'))).toHaveLength(300);
    for (let n = 0; n + 2 < 300; n++)
      expect(events.indexOf(`stored ${n}`)).toBeLessThan(events.indexOf(`produce ${n + 2}`));
    expect(elapsedMs).toBeLessThan(20_000);
    for (const ref of photos.slice(0, 5))
      expect(await fx.deps.blobs.progress(ref.sha256)).toMatchObject({
        complete: true,
        size: ref.size,
      });
  });
});

function blobDir(fx: SyncFixture): string {
  return (fx.deps.blobs as unknown as { dir: string }).dir;
}

/** Every file under `dir` (the blob store), staging included. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}
