import { expect, it } from 'vitest';
import { syncResponseSchema } from '../../src/domain/sync-protocol';
import { userSchema, type User } from '../../src/domain/user';
import { seedDemoIfEmpty } from '../../src/server/demo/seed-demo';
import {
  visibleChangesAfter,
  visibleChangesFor,
  type PullRequest,
} from '../../src/server/replication/visible-changes';
import { coalesce } from '../../src/server/store/coalesce';
import { describeOnEachStore } from '../support/test-stores';
import { createSyncFixture } from '../support/sync-fixture';
import { makeTestDeps, postJson, pullRequest } from '../support/test-server';

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
  // An item answered with an Error fails alone; the others of its run are answered.
  const picky = coalesce((items: number[]) =>
    Promise.resolve(items.map((n) => (n === 2 ? new Error('row 2 is damaged') : n))),
  );
  const mixed = await Promise.allSettled([picky(1), picky(2), picky(3)]);
  expect(mixed.map((a) => (a.status === 'fulfilled' ? a.value : String(a.reason)))).toEqual([
    1,
    'Error: row 2 is damaged',
    3,
  ]);
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
    const together = (await visibleChangesFor(store.db, asked)).map((page) => {
      if (page instanceof Error) throw page;
      return page;
    });
    const alone = [];
    for (const a of asked)
      alone.push(await visibleChangesAfter(store.db, a.user, a.cursor, a.limit));
    expect(together).toEqual(alone);
    expect(together.some((page) => page.changes.length > 0)).toBe(true);
    expect(together.some((page) => page.hasMore)).toBe(true);
  });

  it('answers requests that arrive together each with its own device and data: a bad token fails alone', async () => {
    const fx = await createSyncFixture(store.db);
    const [judge] = fx.judges;
    if (!judge) throw new Error('the demo has no judge');
    // A judge and an operator see different records, so a page given to the wrong
    // request would show.
    const devices = [await fx.enrol(judge), await fx.enrol(fx.operator)];
    const [j, o] = await Promise.all(
      devices.map(async (d) => ({ id: d.id, token: (await d.settings.session())?.token ?? '' })),
    );
    if (!j || !o) throw new Error('no devices');
    await store.db.query('UPDATE devices SET last_seen_at = NULL');
    const [first, second, unknown, wrongDevice] = await Promise.all([
      postJson(fx.app, '/api/sync', pullRequest(j.id, 0), j.token),
      postJson(fx.app, '/api/sync', pullRequest(o.id, 0), o.token),
      postJson(fx.app, '/api/sync', pullRequest(o.id, 0), 'x'.repeat(43)),
      postJson(fx.app, '/api/sync', pullRequest(j.id, 0), o.token),
    ]);
    expect([first.status, second.status, unknown.status, wrongDevice.status]).toEqual([
      200, 200, 401, 403,
    ]);
    const pageJ = syncResponseSchema.parse(first.body);
    const pageO = syncResponseSchema.parse(second.body);
    const limit = 1000;
    expect(pageJ.changes).toEqual(
      (await visibleChangesAfter(store.db, judge, 0, limit)).changes.slice(0, pageJ.changes.length),
    );
    expect(pageO.changes).toEqual(
      (await visibleChangesAfter(store.db, fx.operator, 0, limit)).changes.slice(
        0,
        pageO.changes.length,
      ),
    );
    expect(pageJ.changes).not.toEqual(pageO.changes);
    const seen = await store.db.query<{ id: string; last_seen_at: unknown }>(
      'SELECT id, last_seen_at FROM devices WHERE id = ANY($1::text[])',
      [[j.id, o.id]],
    );
    expect(seen).toHaveLength(2);
    expect(seen.every((d) => d.last_seen_at !== null)).toBe(true);
  });
});
