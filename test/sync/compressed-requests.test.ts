import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { fetchTransport } from '../../src/sync/fetch-transport';
import { createSyncFixture, scoresheetFor } from '../support/sync-fixture';
import { createDeviceOn } from '../support/test-device';
import { describeOnEachStore } from '../support/test-stores';

describeOnEachStore('gzipped requests', (store) => {
  it('sends a batch gzipped from the browser transport, and the server applies it', async () => {
    const fx = await createSyncFixture(store.db);
    const judge = fx.judges[0]!;
    const encodings: string[] = [];
    // The real fetch transport, with the app in place of the network.
    const fetchImpl: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      encodings.push(request.headers.get('content-encoding') ?? 'identity');
      return fx.app.request(request);
    };
    const phone = createDeviceOn(() => fetchTransport('http://jurilapang.test', fetchImpl), {
      clockMs: fx.serverClock.ms,
    });
    const admin = await fx.enrol('panitia');
    const invite = await fx.app.request('/api/admin/invites', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${(await admin.settings.session())?.token ?? ''}`,
      },
      body: JSON.stringify({ userId: judge.id }),
    });
    await phone.signIn(((await invite.json()) as { code: string }).code);
    await phone.sync();
    for (const a of fx.assignmentsOf(judge.id)) {
      await phone.save({
        kind: 'scoresheet',
        data: scoresheetFor(
          a,
          fx.rubric,
          { kebaruan: 77 },
          { overallNote: 'Catatan lapangan '.repeat(20) },
        ),
      });
    }
    expect(await phone.sync()).toMatchObject({ ok: true, result: { rejected: 0 } });
    expect(encodings.at(-1)).toBe('gzip');
    for (const a of fx.assignmentsOf(judge.id)) {
      expect((await fx.serverRecord('scoresheet', a.id))?.scores['kebaruan']?.value).toBe(77);
    }
  });

  it('refuses a corrupt gzip body and an unknown encoding by name, changing nothing', async () => {
    const fx = await createSyncFixture(store.db);
    const admin = await fx.enrol('panitia');
    const token = (await admin.settings.session())?.token ?? '';
    const post = (body: BodyInit, encoding: string) =>
      fx.app.request('/api/sync', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-encoding': encoding,
          authorization: `Bearer ${token}`,
        },
        body,
      });
    const corrupt = await post(gzipSync('{"a":1}').subarray(0, 12), 'gzip');
    expect(corrupt.status).toBe(400);
    expect(await corrupt.json()).toEqual({
      error: { code: 'invalid-gzip', message: 'The request body is not valid gzip' },
    });
    const brotli = await post('{}', 'br');
    expect(brotli.status).toBe(415);
    expect(((await brotli.json()) as { error: { code: string } }).error.code).toBe(
      'unsupported-encoding',
    );
  });
});
