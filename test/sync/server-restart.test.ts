import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { syncResponseSchema } from '../../src/domain/sync-protocol';
import { fetchTransport } from '../../src/sync/fetch-transport';
import { startHttpProxy, type HttpProxy } from '../support/http-proxy';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { createDeviceOn } from '../support/test-device';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('the server killed between commit and response (RELIABILITY.md)', () => {
  it('recognises the retry after a restart as already applied', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'jl-restart-'));
    let server: ServerProcess = await startServerProcess({ dataDir });
    cleanups.push(() => server.stop());
    const proxy: HttpProxy = await startHttpProxy(server.baseUrl);
    cleanups.push(() => proxy.close());

    const laptop = createDeviceOn(() => fetchTransport(proxy.url));
    await laptop.signIn(new URL(server.signInLink).searchParams.get('kode') ?? '');
    expect((await laptop.sync()).ok).toBe(true);
    const entry = (await laptop.db.entries.toArray())[0] as { data: { id: string; title: string } };
    const full = await laptop.get('entry', entry.data.id);
    await laptop.save({
      kind: 'entry',
      data: { ...full!, title: `${entry.data.title} (diperbarui)` },
    });

    // The server commits and answers; the proxy reads the answer, kills the server with
    // SIGKILL, and the laptop never hears back.
    proxy.holdNextResponse(() => server.kill('SIGKILL'));
    expect(await laptop.sync()).toMatchObject({ ok: false, reason: 'offline' });
    expect(await laptop.pendingCount()).toBe(1);
    const lost = syncResponseSchema.parse(JSON.parse(proxy.responses.at(-1) ?? '{}'));
    expect(lost.acks).toHaveLength(1);

    server = await startServerProcess({ dataDir });
    proxy.target = new URL(server.baseUrl);
    expect(await laptop.sync()).toMatchObject({ ok: true, result: { pushed: 1, rejected: 0 } });
    const retried = syncResponseSchema.parse(JSON.parse(proxy.responses.at(-1) ?? '{}'));
    expect(retried.acks).toEqual(lost.acks);
    expect(await laptop.pendingCount()).toBe(0);

    // A fresh device sees the edit once, at the change number of the first answer.
    const other = createDeviceOn(() => fetchTransport(server.baseUrl));
    await other.signIn(new URL(server.signInLink).searchParams.get('kode') ?? '');
    expect((await other.sync()).ok).toBe(true);
    const row = (await other.db.entries.get(entry.data.id)) as {
      seq: number;
      data: { title: string };
    };
    expect(row.data.title).toBe(`${entry.data.title} (diperbarui)`);
    expect(row.seq).toBe(lost.acks[0]?.seq);
  });
});
