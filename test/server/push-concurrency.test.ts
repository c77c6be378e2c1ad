import { expect, it } from 'vitest';
import { formatHlc } from '../../src/domain/hlc';
import type { Mutation } from '../../src/domain/sync-protocol';
import type { User } from '../../src/domain/user';
import { pushBatch, type PushAuthor } from '../../src/server/replication/push-batch';
import { PushQueue } from '../../src/server/replication/push-queue';
import type { SqlClient } from '../../src/server/store/sql-client';
import { createSyncFixture, scoresheetFor, SERVER_START_MS } from '../support/sync-fixture';
import { describeOnEachStore } from '../support/test-stores';
import { newId } from '../support/test-server';

const now = new Date(SERVER_START_MS);
const makeId = () => newId();

/** A judge's edit of one criterion on one of their sheets, as a device sends it. */
function scoreEdit(
  fx: Awaited<ReturnType<typeof createSyncFixture>>,
  judge: User,
  assignmentIndex: number,
  value: number,
): Mutation {
  const assignment = fx.assignmentsOf(judge.id)[assignmentIndex];
  if (!assignment) throw new Error('the demo judge has too few assignments');
  const deviceId = `0190a000-0000-7000-8000-${judge.id.slice(-12)}`;
  return {
    id: newId(),
    madeAt: now.toISOString(),
    hlc: formatHlc({ wallMs: SERVER_START_MS, counter: value, node: deviceId }),
    op: 'put',
    record: {
      kind: 'scoresheet',
      data: scoresheetFor(assignment, fx.rubric, { kebaruan: value }),
    },
    fields: ['scores.kebaruan.value'],
    baseSeq: 0,
  };
}

function authorOf(judge: User): PushAuthor {
  return {
    user: judge,
    deviceId: `0190a000-0000-7000-8000-${judge.id.slice(-12)}`,
    enrolledAt: new Date(SERVER_START_MS - 86_400_000),
  };
}

async function appliedCount(db: SqlClient, ids: readonly string[]): Promise<number> {
  const rows = await db.query<{ n: string | number }>(
    'SELECT count(*) AS n FROM applied_mutations WHERE mutation_id = ANY($1::text[])',
    [[...ids]],
  );
  return Number(rows[0]?.n ?? 0);
}

describeOnEachStore('pushes applied together', (store) => {
  it('answers every request of a group as if it had been pushed alone, a replay included', async () => {
    const fx = await createSyncFixture(store.db);
    const db = failing(store.db, () => false);
    const queue = new PushQueue(db);
    const [a, b] = fx.judges;
    if (!a || !b) throw new Error('the demo needs two judges');
    const first = [scoreEdit(fx, a, 0, 61), scoreEdit(fx, a, 1, 62)];
    const second = [scoreEdit(fx, b, 0, 71)];
    // All four arrive in the same turn of the event loop and are applied in one
    // transaction, the replay of the first batch (a second tab) among them.
    const results = await Promise.all([
      queue.push({ author: authorOf(a), mutations: first, now, makeId }),
      queue.push({ author: authorOf(b), mutations: second, now, makeId }),
      queue.push({ author: authorOf(a), mutations: first, now, makeId }),
      queue.push({ author: authorOf(b), mutations: [{ id: 'not a mutation' }], now, makeId }),
    ]);
    const [alone, other, replay, malformed] = results;
    expect(db.transactions()).toBe(1);
    expect(results.map((r) => r.acks.length)).toEqual([2, 1, 2, 0]);
    expect(replay.acks).toEqual(alone.acks);
    expect(other.rejections).toEqual([]);
    expect(malformed.rejections).toMatchObject([{ mutationId: 'not a mutation', code: 'invalid' }]);
    const ids = [...first, ...second].map((m) => m.id);
    expect(await appliedCount(store.db, ids)).toBe(3);
    const sheet = await fx.serverRecord('scoresheet', fx.assignmentsOf(b.id)[0]?.id ?? '');
    expect(sheet?.scores['kebaruan']?.value).toBe(71);
    const seqs = await store.db.query<{ seq: string | number }>('SELECT seq FROM records');
    expect(new Set(seqs.map((r) => Number(r.seq))).size).toBe(seqs.length);
  });

  it('cuts a group where it would pass its size, keeping the order of arrival', async () => {
    const fx = await createSyncFixture(store.db);
    const db = failing(store.db, () => false);
    const queue = new PushQueue(db, 2);
    const [a] = fx.judges;
    if (!a) throw new Error('the demo has no judge');
    // The same criterion of the same sheet three times: the last one to arrive wins.
    const edits = [41, 42, 43].map((value) => scoreEdit(fx, a, 0, value));
    const results = await Promise.all(
      edits.map((edit) => queue.push({ author: authorOf(a), mutations: [edit], now, makeId })),
    );
    expect(db.transactions()).toBe(2);
    const seqs = results.map((r) => r.acks[0]?.seq ?? 0);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    const sheet = await fx.serverRecord('scoresheet', edits[0]?.record.data.id ?? '');
    expect(sheet?.scores['kebaruan']?.value).toBe(43);
  });

  it('applies each request of a failed group again alone, so the others still succeed', async () => {
    const fx = await createSyncFixture(store.db);
    // The group's transaction fails (a dropped connection, say); nothing else does.
    const flaky = failing(store.db, (n) => n === 1);
    const queue = new PushQueue(flaky);
    const [a, b] = fx.judges;
    if (!a || !b) throw new Error('the demo needs two judges');
    const batches = [
      [scoreEdit(fx, a, 0, 10)],
      [scoreEdit(fx, a, 1, 20)],
      [scoreEdit(fx, b, 0, 30)],
    ];
    const authors = [a, a, b];
    const results = await Promise.all(
      batches.map((mutations, i) =>
        queue.push({ author: authorOf(authors[i]!), mutations, now, makeId }),
      ),
    );
    expect(results.map((r) => r.acks.length)).toEqual([1, 1, 1]);
    expect(flaky.transactions()).toBe(4);
    expect(
      await appliedCount(
        store.db,
        batches.flat().map((m) => m.id),
      ),
    ).toBe(3);
  });

  it('recognises a batch another server process applied while this one waited for the counter', async () => {
    // Only PostgreSQL has other processes; PGlite runs one transaction at a time.
    if (store.db.kind !== 'postgres') return;
    const fx = await createSyncFixture(store.db);
    const [judge] = fx.judges;
    if (!judge) throw new Error('the demo has no judge');
    const batch = [scoreEdit(fx, judge, 0, 55)];
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked: () => void = () => undefined;
    const hasLock = new Promise<void>((resolve) => (locked = resolve));
    // "Process" A applies the batch and holds its transaction open…
    const first = store.db.transaction(async (tx) => {
      const result = await pushBatch(tx, authorOf(judge), batch, now, makeId);
      locked();
      await held;
      return result;
    });
    await hasLock;
    // …while "process" B pushes the same batch (a retry after a lost response): it reads
    // before A commits and waits for the counter row.
    const second = store.db.transaction((tx) => pushBatch(tx, authorOf(judge), batch, now, makeId));
    await waitForLockWaiter(store.db);
    release();
    const [a, b] = await Promise.all([first, second]);
    expect(b).toEqual(a);
    expect(a.acks).toHaveLength(1);
    expect(
      await appliedCount(
        store.db,
        batch.map((m) => m.id),
      ),
    ).toBe(1);
    const [row] = await store.db.query<{ seq: string | number }>(
      `SELECT seq FROM records WHERE kind = 'scoresheet' AND key = $1`,
      [batch[0]?.record.data.id],
    );
    expect(Number(row?.seq)).toBe(a.acks[0]?.seq);
  });
});

/** The database, with a count of transactions; those for which `fails(n)` holds fail. */
function failing(
  db: SqlClient,
  fails: (n: number) => boolean,
): SqlClient & { transactions: () => number } {
  let n = 0;
  return {
    kind: db.kind,
    query: (sql, params) => db.query(sql, params),
    transaction: (work) => {
      n += 1;
      return fails(n) ? Promise.reject(new Error('connection lost')) : db.transaction(work);
    },
    close: () => db.close(),
    transactions: () => n,
  };
}

/** Until some session of this database waits for a lock (the counter row). */
async function waitForLockWaiter(db: SqlClient): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const rows = await db.query(
      `SELECT 1 FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    if (rows.length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('no push waited for the counter row');
}
