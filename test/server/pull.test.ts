import { expect, it } from 'vitest';
import { syncResponseSchema, type SyncResponse } from '../../src/domain/sync-protocol';
import { createApp } from '../../src/server/app';
import { seedDemoIfEmpty } from '../../src/server/demo/seed-demo';
import { visibleChangesAfter } from '../../src/server/replication/visible-changes';
import type { User } from '../../src/domain/user';
import { describeOnEachStore } from '../support/test-stores';
import { makeTestDeps, postJson, pullRequest, signInAsPanitia } from '../support/test-server';

describeOnEachStore('pulling changes', (store) => {
  it('sends the demo competition to a new device, every record valid, in change order', async () => {
    const deps = makeTestDeps(store.db);
    expect(await seedDemoIfEmpty(deps)).toBe(true);
    const { deviceId, token } = await signInAsPanitia(deps);
    const response = await postJson(createApp(deps), '/api/sync', pullRequest(deviceId, 0), token);
    expect(response.status).toBe(200);
    const body: SyncResponse = syncResponseSchema.parse(response.body);
    const records = body.changes.flatMap((c) => ('record' in c ? [c.record] : []));
    expect(records).toHaveLength(body.changes.length);
    const competitions = records.filter((r) => r.kind === 'competition');
    expect(competitions.map((r) => r.data)).toMatchObject([
      { name: 'Krenova OPD Kabupaten Blora 2022', isDemo: true },
    ]);
    const titles = records.flatMap((r) => (r.kind === 'entry' ? [r.data.title] : []));
    expect(titles).toContain('Layanan Pak Tarso');
    expect(titles).toContain('Tahta Maton');
    const seqs = body.changes.map((c) => c.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(body.cursor).toBe(seqs.at(-1));
    expect(body.hasMore).toBe(false);

    const again = syncResponseSchema.parse(
      (await postJson(createApp(deps), '/api/sync', pullRequest(deviceId, body.cursor), token))
        .body,
    );
    expect(again.changes).toEqual([]);
    expect(again.cursor).toBe(body.cursor);
  });

  it('seeds only an empty database', async () => {
    const deps = makeTestDeps(store.db);
    expect(await seedDemoIfEmpty(deps)).toBe(true);
    const [{ n } = { n: 0 }] = await store.db.query<{ n: string }>(
      'SELECT count(*) AS n FROM records',
    );
    expect(await seedDemoIfEmpty(deps)).toBe(false);
    const [{ n: after } = { n: 0 }] = await store.db.query<{ n: string }>(
      'SELECT count(*) AS n FROM records',
    );
    expect(Number(after)).toBe(Number(n));
  });

  it('pages through changes without skipping or repeating one', async () => {
    const deps = makeTestDeps(store.db);
    await seedDemoIfEmpty(deps);
    const panitia: User = {
      id: '0190a000-0000-7000-8000-0000000000aa',
      name: 'P',
      role: 'panitia',
    };
    const all = await visibleChangesAfter(store.db, panitia, 0, 10_000);
    const seen: number[] = [];
    let cursor = 0;
    for (;;) {
      const page = await visibleChangesAfter(store.db, panitia, cursor, 7);
      seen.push(...page.changes.map((c) => c.seq));
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    expect(seen).toEqual(all.changes.map((c) => c.seq));
  });

  it('refuses a protocol version it does not speak, naming the versions it does', async () => {
    const deps = makeTestDeps(store.db);
    await seedDemoIfEmpty(deps);
    const { deviceId, token } = await signInAsPanitia(deps);
    const response = await postJson(
      createApp(deps),
      '/api/sync',
      { ...pullRequest(deviceId, 0), protocolVersion: 99 },
      token,
    );
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      error: {
        code: 'unsupported-protocol',
        message: 'protocolVersion 99 is not supported; this server speaks 1',
      },
    });
  });
});

describeOnEachStore('a malformed sync request', (store) => {
  it('gets a 400 naming each bad field, in plain words', async () => {
    const deps = makeTestDeps(store.db);
    await seedDemoIfEmpty(deps);
    const { deviceId, token } = await signInAsPanitia(deps);
    const response = await postJson(
      createApp(deps),
      '/api/sync',
      { ...pullRequest(deviceId, 0), cursor: -1, schemaVersion: 'x' },
      token,
    );
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      error: {
        code: 'invalid-body',
        message:
          'schemaVersion: Invalid input: expected number, received string; cursor: cursor must be 0 or more',
      },
    });
  });
});
