import { randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import type { Assignment } from '../../src/domain/assignment';
import type { Entry } from '../../src/domain/entry';
import { makeUuidV7 } from '../../src/domain/ids';
import type { Rubric } from '../../src/domain/rubric';
import type { Scoresheet } from '../../src/domain/scoresheet';
import type { Stage } from '../../src/domain/stage';
import { RECORD_SCHEMAS, type RecordKind, type RecordOf } from '../../src/domain/sync-record';
import type { User } from '../../src/domain/user';
import { makeAdminSignInLink } from '../../src/server/admin-sign-in-link';
import { createApp } from '../../src/server/app';
import { seedDemoIfEmpty } from '../../src/server/demo/seed-demo';
import type { ServerDeps } from '../../src/server/server-deps';
import { scratchBlobStore } from './scratch-blob-store';
import type { SqlClient } from '../../src/server/store/sql-client';
import { createTestDevice, type TestDevice } from './test-device';

/** The demo competition on a real server app, with helpers to enrol devices of its people. */
export interface SyncFixture {
  app: Hono;
  deps: ServerDeps;
  /** The server's clock; devices have their own. */
  serverClock: { ms: number };
  stage: Stage;
  rubric: Rubric;
  judges: User[];
  operator: User;
  entries: Entry[];
  assignmentsOf(judgeId: string): Assignment[];
  /** A device signed in as this user with a fresh invite (the panitia: with the start-up link). */
  enrol(
    user: User | 'panitia',
    options?: { clockMs?: number; batchSize?: number },
  ): Promise<TestDevice>;
  /** A fresh one-time invite code for this user, made by the panitia. */
  inviteCodeFor(user: User): Promise<string>;
  /** What the server holds, read straight from the database. */
  serverRecord<K extends RecordKind>(kind: K, key: string): Promise<RecordOf<K> | undefined>;
  serverRecords<K extends RecordKind>(kind: K): Promise<RecordOf<K>[]>;
}

export const SERVER_START_MS = Date.parse('2026-08-18T02:00:00.000Z');

export async function createSyncFixture(
  db: SqlClient,
  options: { pageSize?: number } = {},
): Promise<SyncFixture> {
  const serverClock = { ms: SERVER_START_MS };
  const deps: ServerDeps = {
    db,
    blobs: scratchBlobStore(),
    now: () => new Date(serverClock.ms),
    randomBytes: (size) => new Uint8Array(randomBytes(size)),
    logError: (error) => {
      throw error instanceof Error ? error : new Error(String(error));
    },
    ...(options.pageSize === undefined ? {} : { pageSize: options.pageSize }),
  };
  await seedDemoIfEmpty(deps);
  const app = createApp(deps);
  const all = async <K extends RecordKind>(kind: K): Promise<RecordOf<K>[]> => {
    const rows = await db.query<{ data: unknown }>(
      'SELECT data FROM records WHERE kind = $1 AND NOT deleted ORDER BY seq',
      [kind],
    );
    return rows.map((r) => RECORD_SCHEMAS[kind].parse(r.data) as RecordOf<K>);
  };
  const stage = (await all('stage')).find((s) => s.state === 'open');
  if (!stage) throw new Error('the demo has no open stage');
  const rubric = (await all('rubric')).find((r) => r.id === stage.rubricId);
  if (!rubric) throw new Error('the demo stage has no rubric');
  const users = await all('user');
  const operator = users.find((u) => u.role === 'operator');
  if (!operator) throw new Error('the demo has no operator');
  const assignments = await all('assignment');

  let panitiaToken: Promise<string> | undefined;
  const fixture: SyncFixture = {
    app,
    deps,
    serverClock,
    stage,
    rubric,
    judges: users.filter((u) => u.role === 'judge'),
    operator,
    entries: await all('entry'),
    assignmentsOf: (judgeId) =>
      assignments.filter((a) => a.judgeId === judgeId && a.stageId === stage.id),
    async enrol(user, options = {}) {
      const code =
        user === 'panitia'
          ? await adminCode(deps)
          : await inviteCode(app, (panitiaToken ??= panitiaTokenOf(app, deps)), user.id);
      const device = createTestDevice(app, {
        clockMs: options.clockMs ?? serverClock.ms,
        ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
      });
      await device.signIn(code);
      return device;
    },
    inviteCodeFor: (user) => inviteCode(app, (panitiaToken ??= panitiaTokenOf(app, deps)), user.id),
    async serverRecord(kind, key) {
      const rows = await db.query<{ data: unknown }>(
        'SELECT data FROM records WHERE kind = $1 AND key = $2 AND NOT deleted',
        [kind, key],
      );
      return rows[0]
        ? (RECORD_SCHEMAS[kind].parse(rows[0].data) as RecordOf<typeof kind>)
        : undefined;
    },
    serverRecords: all,
  };
  return fixture;
}

async function adminCode(deps: ServerDeps): Promise<string> {
  const link = await makeAdminSignInLink(deps, 'http://test');
  return new URL(link ?? '').searchParams.get('kode') ?? '';
}

/** Signs the panitia in through the API once per fixture, for making invites. */
async function panitiaTokenOf(app: Hono, deps: ServerDeps): Promise<string> {
  const response = await app.request('/api/auth/redeem', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      code: await adminCode(deps),
      deviceId: makeUuidV7(Date.now(), new Uint8Array(randomBytes(10))),
      deviceName: 'Panitia',
    }),
  });
  return ((await response.json()) as { token: string }).token;
}

/** Invites are made by the panitia through the admin API, as the real UI does. */
async function inviteCode(
  app: Hono,
  panitiaToken: Promise<string>,
  userId: string,
): Promise<string> {
  const response = await app.request('/api/admin/invites', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await panitiaToken}` },
    body: JSON.stringify({ userId }),
  });
  if (response.status !== 201) throw new Error(`invite failed: ${await response.text()}`);
  return ((await response.json()) as { code: string }).code;
}

/** A judge's sheet for an assignment, with the given values (criterion key → value). */
export function scoresheetFor(
  assignment: Assignment,
  rubric: Rubric,
  values: Record<string, number | null> = {},
  patch: Partial<Scoresheet> = {},
): Scoresheet {
  return {
    id: assignment.id,
    stageId: assignment.stageId,
    judgeId: assignment.judgeId,
    entryId: assignment.entryId,
    rubricId: rubric.id,
    rubricVersion: rubric.version,
    scores: Object.fromEntries(
      rubric.criteria.map((c) => [c.key, { value: values[c.key] ?? null, note: '' }]),
    ),
    overallNote: '',
    photos: [],
    status: 'draft',
    ...patch,
  };
}
