import 'fake-indexeddb/auto';
import { serve } from '@hono/node-server';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { makeUuidV7 } from '../../src/domain/ids';
import type { Rubric } from '../../src/domain/rubric';
import type { Scoresheet } from '../../src/domain/scoresheet';
import { PROTOCOL_VERSION, SCHEMA_VERSION, type Mutation } from '../../src/domain/sync-protocol';
import { makeAdminSignInLink } from '../../src/server/admin-sign-in-link';
import { createApp } from '../../src/server/app';
import { seedDemoIfEmpty } from '../../src/server/demo/seed-demo';
import type { ServerDeps } from '../../src/server/server-deps';
import { scratchBlobStore } from '../support/scratch-blob-store';
import { migrate } from '../../src/server/store/migrate';
import { openPgliteClient } from '../../src/server/store/pglite-client';
import { fetchTransport } from '../../src/sync/fetch-transport';
import { createDeviceOn } from '../support/test-device';
import { startLatencyProxy, type ProfileName } from './latency-proxy';

const newId = () => makeUuidV7(Date.now(), new Uint8Array(randomBytes(10)));
const CRITERIA = 10;
const SHEETS = 50;

export interface SyncMeasurement {
  requests: number;
  bytesUp: number;
  bytesDown: number;
  ms: number;
}

export interface SyncBenchResult {
  judgeDay: Record<ProfileName, SyncMeasurement>;
  noOp: Record<ProfileName, SyncMeasurement>;
  mutationsPerSecondBatched: number;
  mutationsPerSecondSingle: number;
}

/**
 * A judge's day (ARCHITECTURE.md; PERFORMANCE.md): 50 scoresheets × 10 criteria, each
 * value and note autosaved on its own while offline, then one sync through the latency
 * proxy; then a sync with nothing to do; then the server's apply rate on PGlite.
 */
export async function runSyncBench(profiles: readonly ProfileName[]): Promise<SyncBenchResult> {
  const db = await openPgliteClient();
  await migrate(db);
  const deps: ServerDeps = {
    db,
    blobs: scratchBlobStore(),
    now: () => new Date(),
    randomBytes: (size) => new Uint8Array(randomBytes(size)),
    logError: (error) => console.error(error),
  };
  await seedDemoIfEmpty(deps);
  const app = createApp(deps);
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const direct = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  try {
    const admin = createDeviceOn(() => fetchTransport(direct));
    await admin.signIn(
      new URL((await makeAdminSignInLink(deps, direct)) ?? '').searchParams.get('kode') ?? '',
    );
    await admin.sync();
    const setup = await prepareJudgeDay(admin);
    const token = (await admin.settings.session())?.token ?? '';
    const judgeDay = {} as Record<ProfileName, SyncMeasurement>;
    const noOp = {} as Record<ProfileName, SyncMeasurement>;
    for (const profile of profiles) {
      const proxy = await startLatencyProxy(direct, profile);
      const code = await invite(direct, token, setup.judgeId);
      const phone = createDeviceOn(() => fetchTransport(proxy.url));
      await phone.signIn(code);
      await phone.sync();
      await scoreTheDay(phone, setup);
      judgeDay[profile] = await measure(proxy, () => phone.sync());
      noOp[profile] = await measure(proxy, () => phone.sync());
      await proxy.close();
    }
    const rates = await measureApplyRate(app, db, setup);
    return { judgeDay, noOp, ...rates };
  } finally {
    server.close();
    await db.close();
  }
}

export interface JudgeDaySetup {
  judgeId: string;
  rubric: Rubric;
  stageId: string;
  assignments: { id: string; entryId: string }[];
}

/** A stage scored with a 10-criterion rubric, 50 entries, all assigned to one judge. */
export async function prepareJudgeDay(
  admin: ReturnType<typeof createDeviceOn>,
): Promise<JudgeDaySetup> {
  const competition = (await admin.db.competitions.toArray())[0] as { data: { id: string } };
  const category = (await admin.db.categories.toArray())[0] as { data: { id: string } };
  const judge = ((await admin.db.users.toArray()) as { data: { id: string; role: string } }[]).find(
    (u) => u.data.role === 'judge',
  );
  if (!judge) throw new Error('the demo has no judge');
  const rubric: Rubric = {
    id: newId(),
    version: 1,
    name: 'Bench: 10 kriteria',
    criteria: Array.from({ length: CRITERIA }, (_, i) => ({
      key: `k${i + 1}`,
      name: `Kriteria ${i + 1}`,
      description: 'Penilaian 0–100',
      weight: 10,
      scale: { kind: 'range' as const, min: 0, max: 100, step: 1 },
    })),
  };
  const stageId = newId();
  await admin.save({ kind: 'rubric', data: rubric });
  await admin.save({
    kind: 'stage',
    data: {
      id: stageId,
      competitionId: competition.data.id,
      name: 'Bench: verifikasi lapangan',
      kind: 'field',
      order: 9,
      rubricId: rubric.id,
      rubricVersion: 1,
      advancement: { kind: 'none' },
      state: 'open',
    },
  });
  const assignments: { id: string; entryId: string }[] = [];
  for (let i = 0; i < SHEETS; i++) {
    const entryId = newId();
    await admin.save({
      kind: 'entry',
      data: {
        id: entryId,
        competitionId: competition.data.id,
        categoryId: category.data.id,
        title: `Inovasi uji ${i + 1}`,
        unit: { name: `Kecamatan Uji ${i + 1}`, type: 'kecamatan' },
        regionCode: '33.16.01',
        isDigital: i % 2 === 0,
        startedOn: '2021-01-01',
        summary: 'Data untuk pengukuran.',
        evidence: [],
      },
    });
    const id = newId();
    await admin.save({
      kind: 'assignment',
      data: { id, stageId, judgeId: judge.data.id, entryId },
    });
    assignments.push({ id, entryId });
  }
  await admin.sync();
  return { judgeId: judge.data.id, rubric, stageId, assignments };
}

/** Every value and every note saved on its own, as the autosaving form does. */
async function scoreTheDay(
  phone: ReturnType<typeof createDeviceOn>,
  setup: JudgeDaySetup,
): Promise<void> {
  for (const [n, a] of setup.assignments.entries()) {
    let sheet: Scoresheet = {
      id: a.id,
      stageId: setup.stageId,
      judgeId: setup.judgeId,
      entryId: a.entryId,
      rubricId: setup.rubric.id,
      rubricVersion: 1,
      scores: {},
      overallNote: '',
      photos: [],
      status: 'draft',
    };
    for (const [i, c] of setup.rubric.criteria.entries()) {
      sheet = {
        ...sheet,
        scores: { ...sheet.scores, [c.key]: { value: (n * 7 + i * 11) % 101, note: '' } },
      };
      await phone.save({ kind: 'scoresheet', data: sheet });
      const note = `Bukti ${c.name.toLowerCase()} dicek di lokasi; ${n % 3 === 0 ? 'lengkap' : 'perlu dilengkapi'}.`;
      sheet = {
        ...sheet,
        scores: { ...sheet.scores, [c.key]: { value: (n * 7 + i * 11) % 101, note } },
      };
      await phone.save({ kind: 'scoresheet', data: sheet });
    }
  }
}

export async function measure(
  proxy: Awaited<ReturnType<typeof startLatencyProxy>>,
  run: () => Promise<unknown>,
): Promise<SyncMeasurement> {
  proxy.reset();
  const started = performance.now();
  const outcome = await run();
  const ms = performance.now() - started;
  if (
    typeof outcome !== 'object' ||
    outcome === null ||
    !('ok' in outcome) ||
    outcome.ok !== true
  ) {
    throw new Error(`sync failed during the benchmark: ${JSON.stringify(outcome)}`);
  }
  return { ...proxy.counters, ms };
}

export async function invite(direct: string, token: string, userId: string): Promise<string> {
  const response = await fetch(`${direct}/api/admin/invites`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ userId }),
  });
  return ((await response.json()) as { code: string }).code;
}

/**
 * The server's apply rate on PGlite, without a socket: 10,000 scoresheet edits in batches
 * of 500, then 1,000 edits one per request.
 */
async function measureApplyRate(
  app: ReturnType<typeof createApp>,
  db: Awaited<ReturnType<typeof openPgliteClient>>,
  setup: JudgeDaySetup,
): Promise<{ mutationsPerSecondBatched: number; mutationsPerSecondSingle: number }> {
  const deviceId = newId();
  const code = await (async () => {
    const adminDevice = newId();
    const link = await app.request('/api/auth/redeem', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        code: await adminCodeFor(db),
        deviceId: adminDevice,
        deviceName: 'bench',
      }),
    });
    const { token } = (await link.json()) as { token: string };
    const response = await app.request('/api/admin/invites', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ userId: setup.judgeId }),
    });
    return ((await response.json()) as { code: string }).code;
  })();
  const redeemed = await app.request('/api/auth/redeem', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, deviceId, deviceName: 'bench judge' }),
  });
  const { token } = (await redeemed.json()) as { token: string };
  let counter = 0;
  const mutation = (): Mutation => {
    counter += 1;
    const a = setup.assignments[counter % setup.assignments.length]!;
    const key = `k${(counter % CRITERIA) + 1}`;
    return {
      id: newId(),
      madeAt: new Date().toISOString(),
      hlc: `${String(Date.now()).padStart(15, '0')}-${String(counter % 100000).padStart(5, '0')}-${deviceId}`,
      op: 'put',
      record: {
        kind: 'scoresheet',
        data: {
          id: a.id,
          stageId: setup.stageId,
          judgeId: setup.judgeId,
          entryId: a.entryId,
          rubricId: setup.rubric.id,
          rubricVersion: 1,
          scores: { [key]: { value: counter % 101, note: '' } },
          overallNote: '',
          photos: [],
          status: 'draft',
        },
      },
      fields: [`scores.${key}.value`],
      baseSeq: 0,
    };
  };
  const push = async (mutations: Mutation[]) => {
    const response = await app.request('/api/sync', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        protocolVersion: PROTOCOL_VERSION,
        schemaVersion: SCHEMA_VERSION,
        deviceId,
        cursor: 1e12,
        mutations,
      }),
    });
    const body = (await response.json()) as { acks?: unknown[] };
    if (body.acks?.length !== mutations.length)
      throw new Error(`bench push not acknowledged: ${JSON.stringify(body).slice(0, 300)}`);
  };
  const batched = 10_000;
  let started = performance.now();
  for (let i = 0; i < batched / 500; i++) await push(Array.from({ length: 500 }, mutation));
  const mutationsPerSecondBatched = batched / ((performance.now() - started) / 1000);
  const single = 1_000;
  started = performance.now();
  for (let i = 0; i < single; i++) await push([mutation()]);
  const mutationsPerSecondSingle = single / ((performance.now() - started) / 1000);
  return { mutationsPerSecondBatched, mutationsPerSecondSingle };
}

async function adminCodeFor(db: Awaited<ReturnType<typeof openPgliteClient>>): Promise<string> {
  const deps: ServerDeps = {
    db,
    blobs: scratchBlobStore(),
    now: () => new Date(),
    randomBytes: (n) => new Uint8Array(randomBytes(n)),
    logError: () => undefined,
  };
  return (
    new URL((await makeAdminSignInLink(deps, 'http://bench')) ?? '').searchParams.get('kode') ?? ''
  );
}
