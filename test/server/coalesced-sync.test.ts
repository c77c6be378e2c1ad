import { expect, it } from 'vitest';
import { syncResponseSchema } from '../../src/domain/sync-protocol';
import { userSchema, type User } from '../../src/domain/user';
import { createApp } from '../../src/server/app';
import { seedDemoIfEmpty } from '../../src/server/demo/seed-demo';
import {
  visibleChangesAfter,
  visibleChangesFor,
  type PullRequest,
} from '../../src/server/replication/visible-changes';
import { coalesce } from '../../src/server/store/coalesce';
import { describeOnEachStore } from '../support/test-stores';
import { makeTestDeps, postJson, pullRequest, signInAsPanitia } from '../support/test-server';

it('coalesces the calls of one turn into one run, answering each at its index', async () => {
  const runs: number[][] = [];
  const double = coalesce((items: number[]) => {
    runs.push(items);
    return Promise.resolve(items.map((n) => n * 2));
  });
  expect(await Promise.all([double(1), double(2), double(3)])).toEqual([2, 4, 6]);
  expect(await double(4)).toBe(8);
  expect(runs).toEqual([[1, 2, 3], [4]]);

  const failing = coalesce((items: number[]) =>
    Promise.reject(new Error(`store down for ${items.length}`)),
  );
  const answers = await Promise.allSettled([failing(1), failing(2)]);
  expect(answers.map((a) => a.status)).toEqual(['rejected', 'rejected']);
  const short = coalesce((items: number[]) => Promise.resolve(items.slice(0, 1)));
  const [, second] = await Promise.allSettled([short(1), short(2)]);
  expect(second.status).toBe('rejected');
});

describeOnEachStore('pulls and sign-ins answered together', (store) => {
  it('reads several users pulls in one statement exactly as each alone', async () => {
    const deps = makeTestDeps(store.db);
    await seedDemoIfEmpty(deps);
    const rows = await store.db.query<{ data: unknown }>(
      "SELECT data FROM records WHERE kind = 'user' ORDER BY seq",
    );
    const users: User[] = rows.map((r) => userSchema.parse(r.data));
    for (const role of ['panitia', 'judge', 'operator'] as const)
      expect(users.some((u) => u.role === role)).toBe(true);
    const asked: PullRequest[] = users.flatMap((user) => [
      { user, cursor: 0, limit: 1000 },
      { user, cursor: 0, limit: 5 },
      { user, cursor: 40, limit: 1000 },
    ]);
    const together = await visibleChangesFor(store.db, asked);
    const alone = [];
    for (const a of asked)
      alone.push(await visibleChangesAfter(store.db, a.user, a.cursor, a.limit));
    expect(together).toEqual(alone);
    expect(together.some((page) => page.changes.length > 0)).toBe(true);
    expect(together.some((page) => page.hasMore)).toBe(true);
  });

  it('answers requests that arrive together each with its own device: a bad token fails alone', async () => {
    const deps = makeTestDeps(store.db);
    await seedDemoIfEmpty(deps);
    const app = createApp(deps);
    const a = await signInAsPanitia(deps);
    const b = await signInAsPanitia(deps);
    const [first, second, unknown, wrongDevice] = await Promise.all([
      postJson(app, '/api/sync', pullRequest(a.deviceId, 0), a.token),
      postJson(app, '/api/sync', pullRequest(b.deviceId, 0), b.token),
      postJson(app, '/api/sync', pullRequest(b.deviceId, 0), 'x'.repeat(43)),
      postJson(app, '/api/sync', pullRequest(a.deviceId, 0), b.token),
    ]);
    expect([first.status, second.status, unknown.status, wrongDevice.status]).toEqual([
      200, 200, 401, 403,
    ]);
    const pageA = syncResponseSchema.parse(first.body);
    const pageB = syncResponseSchema.parse(second.body);
    expect(pageA.changes.length).toBeGreaterThan(0);
    expect(pageB.changes).toEqual(pageA.changes);
    const seen = await store.db.query<{ id: string; last_seen_at: unknown }>(
      'SELECT id, last_seen_at FROM devices WHERE id = ANY($1::text[])',
      [[a.deviceId, b.deviceId]],
    );
    expect(seen.every((d) => d.last_seen_at !== null)).toBe(true);
    expect(seen).toHaveLength(2);
  });
});
