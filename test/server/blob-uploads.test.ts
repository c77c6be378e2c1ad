import { createHash, randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { createSyncFixture } from '../support/sync-fixture';
import { describeOnEachStore } from '../support/test-stores';

// Photos go up in resumable chunks (ARCHITECTURE.md, sync protocol 8): the server says
// how much it holds, takes chunks only at that offset, and checks the hash at the end.

describeOnEachStore('resumable blob uploads', (store) => {
  async function setup() {
    const fx = await createSyncFixture(store.db);
    const phone = await fx.enrol(fx.judges[0]!);
    const token = (await phone.settings.session())?.token ?? '';
    const photo = new Uint8Array(randomBytes(300_000));
    const sha = createHash('sha256').update(photo).digest('hex');
    const auth = { authorization: `Bearer ${token}` };
    const put = (offset: number, chunk: Uint8Array, size = photo.length, name = sha) =>
      fx.app.request(`/api/blobs/${name}?offset=${offset}&size=${size}`, {
        method: 'PUT',
        headers: { ...auth, 'content-type': 'image/jpeg' },
        body: Buffer.from(chunk),
      });
    const offsetOf = async (name = sha) =>
      (await (await fx.app.request(`/api/blobs/${name}/offset`, { headers: auth })).json()) as {
        offset: number;
        complete: boolean;
      };
    return { fx, photo, sha, auth, put, offsetOf };
  }

  it('resumes an interrupted upload from the offset the server reports, and serves the blob after', async () => {
    const { fx, photo, sha, auth, put, offsetOf } = await setup();
    expect(await offsetOf()).toEqual({ sha256: sha, offset: 0, complete: false });
    expect((await put(0, photo.subarray(0, 100_000))).status).toBe(200);
    // The connection dropped here; the device asks where to go on.
    expect(await offsetOf()).toMatchObject({ offset: 100_000, complete: false });
    const wrong = await put(0, photo.subarray(0, 100_000));
    expect(wrong.status).toBe(409);
    expect(await wrong.json()).toMatchObject({ error: { code: 'wrong-offset' }, offset: 100_000 });
    expect((await put(100_000, photo.subarray(100_000, 200_000))).status).toBe(200);
    const last = await put(200_000, photo.subarray(200_000));
    expect(last.status).toBe(201);
    expect(await last.json()).toEqual({ sha256: sha, offset: photo.length, complete: true });

    const served = await fx.app.request(`/api/blobs/${sha}`, { headers: auth });
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    expect(
      createHash('sha256')
        .update(new Uint8Array(await served.arrayBuffer()))
        .digest('hex'),
    ).toBe(sha);
  });

  it('answers "complete" at once for a blob it already has', async () => {
    const { photo, put } = await setup();
    expect((await put(0, photo)).status).toBe(201);
    const again = await put(0, photo.subarray(0, 10));
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ complete: true, offset: photo.length });
  });

  it('discards an upload whose bytes do not hash to its name', async () => {
    const { photo, put, offsetOf } = await setup();
    const other = createHash('sha256').update('something else').digest('hex');
    const response = await put(0, photo, photo.length, other);
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'hash-mismatch',
    );
    expect(await offsetOf(other)).toMatchObject({ offset: 0, complete: false });
  });

  it('refuses bad requests by name, and anyone without a device token', async () => {
    const { fx, photo, sha, put } = await setup();
    expect((await put(0, photo.subarray(0, 10), 5)).status).toBe(400);
    expect((await put(0, photo, photo.length, 'NOT-A-HASH')).status).toBe(400);
    const anonymous = await fx.app.request(`/api/blobs/${sha}/offset`);
    expect(anonymous.status).toBe(401);
    const missing = await fx.app.request(`/api/blobs/${sha}`, {
      headers: { authorization: 'Bearer ' + 'x'.repeat(43) },
    });
    expect(missing.status).toBe(401);
  });
});
