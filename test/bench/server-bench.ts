import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TestProject } from 'vitest/node';
import { makeUuidV7 } from '../../src/domain/ids';
import type { Entry } from '../../src/domain/entry';
import type { Rubric } from '../../src/domain/rubric';
import type { Scoresheet } from '../../src/domain/scoresheet';
import type { Stage } from '../../src/domain/stage';
import { PROTOCOL_VERSION, SCHEMA_VERSION, type Mutation } from '../../src/domain/sync-protocol';
import type { SyncRecord } from '../../src/domain/sync-record';
import { makeAdminSignInLink } from '../../src/server/admin-sign-in-link';
import { createApp } from '../../src/server/app';
import { seedDemoIfEmpty } from '../../src/server/demo/seed-demo';
import type { ServerDeps } from '../../src/server/server-deps';
import { migrate } from '../../src/server/store/migrate';
import { openPgClient } from '../../src/server/store/pg-client';
import { openPgliteClient } from '../../src/server/store/pglite-client';
import type { SqlClient } from '../../src/server/store/sql-client';
import startPostgresCluster, { findPostgresBin } from '../support/postgres-cluster';
import { scratchBlobStore } from '../support/scratch-blob-store';
import { startServerProcess } from '../support/server-process';

// Random bytes for ids are taken in bulk: the load generator shares the server's cores.
let entropy = new Uint8Array(0);
let used = 0;
const newId = () => {
  if (used + 10 > entropy.length) {
    entropy = new Uint8Array(randomBytes(10 * 4096));
    used = 0;
  }
  used += 10;
  return makeUuidV7(Date.now(), entropy.subarray(used - 10, used));
};
const CRITERIA = 10;

/** How a benchmark reaches the server: in process (app.request) or over loopback HTTP. */
type Call = (path: string, init: RequestInit) => Promise<Response>;

export interface ApplyRate {
  /** Mutations per second in requests of 500, one device after the other. */
  batched: number;
  /** One mutation per request, one device, each request after the previous answer. */
  single: number;
  /** One mutation per request from `devices` devices at once. */
  singleConcurrent: number;
  devices: number;
  /** SQL statements per request, counted on the store's client. */
  statementsPerBatch: number;
  statementsPerSingle: number;
  statementsPerConcurrent: number;
  /**
   * The same three rates per second of this process's CPU time (the server runs in it,
   * with the load generator): on a shared machine the steadier figure.
   */
  cpu: { batched: number; single: number; singleConcurrent: number };
}

export interface JudgesResult {
  judges: number;
  mutationsPerJudge: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  wallMs: number;
  /**
   * CPU time the server's process spent while they were answered: on a shared machine
   * the steadier figure (null where /proc cannot be read).
   */
  serverCpuMs: number | null;
  errors: number;
  acked: number;
  /** Acknowledged mutations found exactly once in applied_mutations, each with its record. */
  exactlyOnce: number;
  problems: string[];
}

export interface ServerBenchResult {
  pglite: ApplyRate;
  postgres: ApplyRate | { skipped: string };
  judges: JudgesResult;
}

/** Counts the statements a client runs, so a regression to row-by-row SQL shows. */
function counting(db: SqlClient): { db: SqlClient; count: () => number } {
  let n = 0;
  const wrap =
    (q: SqlClient['query']): SqlClient['query'] =>
    (sql, params) => {
      n += 1;
      return q(sql, params);
    };
  const counted: SqlClient = {
    kind: db.kind,
    query: wrap(db.query.bind(db)),
    transaction: (work) => db.transaction((tx) => work({ query: wrap(tx.query.bind(tx)) })),
    close: () => db.close(),
  };
  return { db: counted, count: () => n };
}

function depsFor(db: SqlClient): ServerDeps {
  return {
    db,
    blobs: scratchBlobStore(),
    now: () => new Date(),
    randomBytes: (size) => new Uint8Array(randomBytes(size)),
    logError: (error) => console.error(error),
  };
}

async function postJson<T>(call: Call, path: string, body: unknown, token?: string): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  const json = typeof body === 'string' ? body : JSON.stringify(body);
  const response = await call(path, { method: 'POST', headers, body: json });
  const text = await response.text();
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

interface Device {
  deviceId: string;
  token: string;
  cursor: number;
}

async function redeem(call: Call, code: string, name: string): Promise<Device> {
  const deviceId = newId();
  const { token } = await postJson<{ token: string }>(call, '/api/auth/redeem', {
    code,
    deviceId,
    deviceName: name,
  });
  return { deviceId, token, cursor: 0 };
}

async function invite(call: Call, admin: Device, userId: string): Promise<string> {
  return (await postJson<{ code: string }>(call, '/api/admin/invites', { userId }, admin.token))
    .code;
}

interface SyncAnswer {
  acks: { mutationId: string; seq: number }[];
  rejections: { mutationId: string; code: string; message: string }[];
  changes: unknown[];
  cursor: number;
  hasMore: boolean;
}

/** One sync request; `mutations` may come as JSON already, made before a timed run. */
async function sync(
  call: Call,
  device: Device,
  mutations: Mutation[] | string,
): Promise<SyncAnswer> {
  const envelope = JSON.stringify({
    protocolVersion: PROTOCOL_VERSION,
    schemaVersion: SCHEMA_VERSION,
    deviceId: device.deviceId,
    cursor: device.cursor,
  });
  const list = typeof mutations === 'string' ? mutations : JSON.stringify(mutations);
  const answer = await postJson<SyncAnswer>(
    call,
    '/api/sync',
    `${envelope.slice(0, -1)},"mutations":${list}}`,
    device.token,
  );
  device.cursor = answer.cursor;
  return answer;
}

/** Pulls until nothing more waits, as a fresh device does. */
async function pullAll(call: Call, device: Device): Promise<void> {
  for (;;) if (!(await sync(call, device, [])).hasMore) return;
}

function hlcOf(wallMs: number, counter: number, deviceId: string): string {
  return `${String(wallMs).padStart(15, '0')}-${String(counter % 100_000).padStart(5, '0')}-${deviceId}`;
}

function put(record: SyncRecord, deviceId: string, counter: number): Mutation {
  return {
    id: newId(),
    madeAt: new Date().toISOString(),
    hlc: hlcOf(Date.now(), counter, deviceId),
    op: 'put',
    record,
    baseSeq: 0,
  };
}

/** Pushes records as the panitia, at most 1,000 per request, and fails on any rejection. */
async function pushAll(call: Call, admin: Device, records: SyncRecord[]): Promise<void> {
  for (let i = 0; i < records.length; i += 1000) {
    const mutations = records.slice(i, i + 1000).map((r, n) => put(r, admin.deviceId, n));
    const answer = await sync(call, admin, mutations);
    if (answer.rejections.length > 0)
      throw new Error(`setup rejected: ${JSON.stringify(answer.rejections[0])}`);
  }
}

/** The 10-criterion rubric (0–100 each) every server and sync benchmark scores with. */
export function benchRubric(): Rubric {
  return {
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
}

/** The open field stage the benchmarks score in. */
export function benchStage(id: string, competitionId: string, rubric: Rubric): Stage {
  return {
    id,
    competitionId,
    name: 'Bench: verifikasi lapangan',
    kind: 'field',
    order: 9,
    rubricId: rubric.id,
    rubricVersion: 1,
    advancement: { kind: 'none' },
    state: 'open',
  };
}

/** The `n`th entry the benchmarks score, each in its own kecamatan. */
export function benchEntry(
  id: string,
  competitionId: string,
  categoryId: string,
  n: number,
): Entry {
  return {
    id,
    competitionId,
    categoryId,
    title: `Inovasi uji ${n + 1}`,
    unit: { name: `Kecamatan Uji ${n + 1}`, type: 'kecamatan' },
    regionCode: '33.16.01',
    isDigital: n % 2 === 0,
    startedOn: '2021-01-01',
    summary: 'Data untuk pengukuran.',
    evidence: [],
  };
}

interface Panel {
  rubric: Rubric;
  stageId: string;
  /** Per judge: their user id and their assignments. */
  judges: { id: string; assignments: { id: string; entryId: string }[] }[];
}

/** The first competition and one of its categories, from a full pull as the panitia. */
async function demoCompetition(
  call: Call,
  admin: Device,
): Promise<{ competitionId: string; categoryId: string }> {
  const cursor = admin.cursor;
  admin.cursor = 0;
  const records: SyncRecord[] = [];
  for (;;) {
    const answer = await sync(call, admin, []);
    for (const change of answer.changes as { record?: SyncRecord }[])
      if (change.record) records.push(change.record);
    if (!answer.hasMore) break;
  }
  admin.cursor = Math.max(cursor, admin.cursor);
  const competition = records.find((r) => r.kind === 'competition');
  const category = records.find(
    (r) => r.kind === 'category' && r.data.competitionId === competition?.data.id,
  );
  if (!competition || !category) throw new Error('the demo has no competition or category');
  return { competitionId: competition.data.id, categoryId: category.data.id };
}

/**
 * A field stage with a 10-criterion rubric, `entries` entries, and `judges` new judges
 * each assigned `perJudge` of the entries; all pushed by the panitia like any device.
 */
async function preparePanel(
  call: Call,
  admin: Device,
  shape: { entries: number; judges: number; perJudge: number },
): Promise<Panel> {
  const { competitionId, categoryId } = await demoCompetition(call, admin);
  const rubric = benchRubric();
  const stageId = newId();
  // Born a draft and opened once its judges are assigned, as the panitia does.
  const stage = benchStage(stageId, competitionId, rubric);
  const records: SyncRecord[] = [
    { kind: 'rubric', data: rubric },
    { kind: 'stage', data: { ...stage, state: 'draft' } },
  ];
  const entryIds = Array.from({ length: shape.entries }, () => newId());
  entryIds.forEach((id, i) =>
    records.push({ kind: 'entry', data: benchEntry(id, competitionId, categoryId, i) }),
  );
  const judges: Panel['judges'] = [];
  for (let j = 0; j < shape.judges; j++) {
    const id = newId();
    records.push({ kind: 'user', data: { id, name: `Juri Uji ${j + 1}`, role: 'judge' } });
    const assignments = Array.from({ length: shape.perJudge }, (_, n) => ({
      id: newId(),
      entryId: entryIds[(j * shape.perJudge + n) % entryIds.length]!,
    }));
    judges.push({ id, assignments });
  }
  await pushAll(call, admin, records);
  await pushAll(
    call,
    admin,
    judges.flatMap((judge) =>
      judge.assignments.map((a): SyncRecord => ({
        kind: 'assignment',
        data: { id: a.id, stageId, judgeId: judge.id, entryId: a.entryId },
      })),
    ),
  );
  await pushAll(call, admin, [{ kind: 'stage', data: stage }]);
  return { rubric, stageId, judges };
}

function sheetOf(
  panel: Panel,
  judgeId: string,
  a: { id: string; entryId: string },
  scores: Scoresheet['scores'],
): Scoresheet {
  return {
    id: a.id,
    stageId: panel.stageId,
    judgeId,
    entryId: a.entryId,
    rubricId: panel.rubric.id,
    rubricVersion: 1,
    scores,
    overallNote: '',
    photos: [],
    status: 'draft',
  };
}

async function signInAdmin(deps: ServerDeps, call: Call): Promise<Device> {
  const link = await makeAdminSignInLink(deps, 'http://bench');
  const code = new URL(link ?? 'http://bench').searchParams.get('kode');
  if (!code) throw new Error('no panitia to sign in as');
  return redeem(call, code, 'bench panitia');
}

/**
 * The server's apply rate on one store, in process through app.request (no socket, so
 * the number is the server's, not the HTTP stack's): one judge, 50 scoresheets of a
 * 10-criterion rubric, one criterion value per mutation. First 10,000 mutations in
 * batches of 500, then 1,000 one per request. One batch and 50 singles warm up first.
 */
export async function measureApplyRate(
  store: SqlClient,
  shape: { batches: number; singles: number; devices: number } = {
    batches: 20,
    singles: 1000,
    devices: 50,
  },
): Promise<ApplyRate> {
  const { db, count } = counting(store);
  await migrate(db);
  const deps = depsFor(db);
  await seedDemoIfEmpty(deps);
  const app = createApp(deps);
  const call: Call = (path, init) => Promise.resolve(app.request(path, init));
  const admin = await signInAdmin(deps, call);
  const panel = await preparePanel(call, admin, { entries: 50, judges: 1, perJudge: 50 });
  const judge = panel.judges[0]!;
  const one = await redeem(call, await invite(call, admin, judge.id), 'bench judge');
  await pullAll(call, one);
  // For the devices at once: as many other judges, each with one sheet.
  const crowd = await preparePanel(call, admin, {
    entries: 50,
    judges: Math.max(1, shape.devices),
    perJudge: 1,
  });
  const devices: { device: Device; judgeId: string; sheet: { id: string; entryId: string } }[] = [];
  for (const [i, j] of crowd.judges.entries()) {
    const device = await redeem(call, await invite(call, admin, j.id), `bench judge ${i + 2}`);
    await pullAll(call, device);
    devices.push({ device, judgeId: j.id, sheet: j.assignments[0]! });
  }

  let counter = 0;
  /** One criterion's value on one sheet. */
  const mutation = (
    device: Device,
    of: { panel: Panel; judgeId: string; sheet: { id: string; entryId: string } },
  ): Mutation => {
    counter += 1;
    const key = `k${(counter % CRITERIA) + 1}`;
    return {
      ...put(
        {
          kind: 'scoresheet',
          data: sheetOf(of.panel, of.judgeId, of.sheet, {
            [key]: { value: counter % 101, note: '' },
          }),
        },
        device.deviceId,
        counter,
      ),
      fields: [`scores.${key}.value`],
    };
  };
  /** The first judge's sheets in turn. */
  const nextOfOne = () =>
    mutation(one, {
      panel,
      judgeId: judge.id,
      sheet: judge.assignments[counter % judge.assignments.length]!,
    });
  const push = async (device: Device, mutations: string, count: number) => {
    const answer = await sync(call, device, mutations);
    if (answer.acks.length !== count)
      throw new Error(`bench push not acknowledged: ${JSON.stringify(answer).slice(0, 300)}`);
  };
  const timed = async (
    work: () => Promise<void>,
    mutations: number,
    requests: number,
    label?: string,
  ) => {
    const before = count();
    const stopProfile = label === undefined ? undefined : await startPhaseProfile(label);
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    await work();
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    await stopProfile?.();
    return {
      rate: mutations / seconds,
      cpuRate: mutations / ((cpu.user + cpu.system) / 1e6),
      statements: (count() - before) / requests,
    };
  };
  // Every request's mutations are made before the clock starts.
  const inTurn = (requests: number, size: number, label?: string) => {
    const bodies = Array.from({ length: requests }, () =>
      JSON.stringify(Array.from({ length: size }, nextOfOne)),
    );
    return timed(
      async () => {
        for (const body of bodies) await push(one, body, size);
      },
      requests * size,
      requests,
      label,
    );
  };
  // Every device pushes one edit of its own sheet per request, as fast as it is answered.
  const atOnce = (requests: number, label?: string) => {
    const perDevice = Math.ceil(requests / devices.length);
    const bodies = devices.map(({ device, judgeId, sheet }) =>
      Array.from({ length: perDevice }, () =>
        JSON.stringify([mutation(device, { panel: crowd, judgeId, sheet })]),
      ),
    );
    return timed(
      async () => {
        await Promise.all(
          devices.map(async ({ device }, d) => {
            for (const body of bodies[d] ?? []) await push(device, body, 1);
          }),
        );
      },
      perDevice * devices.length,
      perDevice * devices.length,
      label,
    );
  };
  await inTurn(1, 500);
  const batched = await inTurn(shape.batches, 500, `${store.kind}-batched`);
  await inTurn(50, 1);
  const single = await inTurn(shape.singles, 1, `${store.kind}-single`);
  await atOnce(Math.min(200, shape.singles));
  const concurrent = await atOnce(shape.singles * 2, `${store.kind}-concurrent`);
  return {
    batched: batched.rate,
    single: single.rate,
    singleConcurrent: concurrent.rate,
    devices: devices.length,
    statementsPerBatch: batched.statements,
    statementsPerSingle: single.statements,
    statementsPerConcurrent: concurrent.statements,
    cpu: {
      batched: batched.cpuRate,
      single: single.cpuRate,
      singleConcurrent: concurrent.cpuRate,
    },
  };
}

/**
 * With SERVER_BENCH_PHASE_PROFILE=dir, each timed phase of measureApplyRate is profiled on
 * its own (node:inspector) and written as dir/<store>-<phase>.cpuprofile: the in-process
 * server's work only, without the setup around it.
 */
async function startPhaseProfile(label: string): Promise<(() => Promise<void>) | undefined> {
  const dir = process.env['SERVER_BENCH_PHASE_PROFILE'];
  if (!dir) return undefined;
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  return async () => {
    const { profile } = await session.post('Profiler.stop');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${label}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  };
}

async function onPglite(): Promise<ApplyRate> {
  const db = await openPgliteClient();
  try {
    return await measureApplyRate(db);
  } finally {
    await db.close();
  }
}

/** The same on a throwaway PostgreSQL cluster (test/support/postgres-cluster.ts). */
async function onPostgres(): Promise<ApplyRate | { skipped: string }> {
  if (!findPostgresBin())
    return { skipped: 'PostgreSQL server binaries not found (install postgresql or set PG_BIN)' };
  const provided: { url?: string | null } = {};
  const project = {
    provide: (_key: string, value: string | null) => {
      provided.url = value;
    },
  } as unknown as TestProject;
  const stop = await startPostgresCluster(project);
  try {
    const url = provided.url;
    if (!url) return { skipped: 'the throwaway PostgreSQL cluster did not start' };
    const db = await openPgClient(url);
    try {
      return await measureApplyRate(db);
    } finally {
      await db.close();
    }
  } finally {
    await stop();
  }
}

export async function runServerBench(): Promise<ServerBenchResult> {
  const pglite = await onPglite();
  const postgres = await onPostgres();
  const judges = await runJudgesAtOnce();
  return { pglite, postgres, judges };
}

/** POSTs over node:http through one agent: one phone's own keep-alive connection. */
function httpCall(base: string, agent: Agent): Call {
  return (path, init) =>
    new Promise<Response>((resolve, reject) => {
      // As a browser asks: the answer comes gzipped.
      const headers = {
        ...Object.fromEntries(new Headers(init.headers).entries()),
        'accept-encoding': 'gzip',
      };
      const req = request(`${base}${path}`, { method: init.method, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          const gzipped = res.headers['content-encoding'] === 'gzip';
          resolve(new Response(gzipped ? gunzipSync(body) : body, { status: res.statusCode ?? 0 }));
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(typeof init.body === 'string' ? init.body : undefined);
    });
}

/** Runs `work` over `items` with at most `limit` at a time, keeping the order. */
async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** User and system CPU time of a process so far, from /proc (Linux); null elsewhere. */
function cpuMsOf(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the whole line, in clock ticks (100 a second).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface StormAnswer {
  ms: number;
  answer?: SyncAnswer;
  error?: string;
}

/** Every device sends its batch at the same moment; each request is timed on its own. */
async function storm(
  calls: readonly Call[],
  devices: Device[],
  batches: Mutation[][],
): Promise<StormAnswer[]> {
  return Promise.all(
    devices.map(async (device, j): Promise<StormAnswer> => {
      const started = performance.now();
      try {
        const answer = await sync(calls[j]!, device, batches[j]!);
        return { ms: performance.now() - started, answer };
      } catch (error) {
        return { ms: performance.now() - started, error: String(error) };
      }
    }),
  );
}

/** A running server: where it listens, its panitia sign-in link, how to stop it. */
export interface BenchServer {
  baseUrl: string;
  signInLink: string;
  stop: () => Promise<void>;
  /** The server's process, to read the CPU time it spent (Linux /proc). */
  pid?: number;
  /** Called just before every device pushes at once, and when all are answered. */
  onStorm?: (phase: 'start' | 'end') => void;
}

/** src/server/main.ts in its own process; SERVER_BENCH_PROFILE=dir profiles it. */
function startServer(dataDir: string): Promise<BenchServer> {
  const profile = process.env['SERVER_BENCH_PROFILE'];
  return startServerProcess({
    dataDir,
    timeoutMs: 60_000,
    ...(profile ? { nodeOptions: ['--cpu-prof', `--cpu-prof-dir=${profile}`] } : {}),
  });
}

/**
 * PERFORMANCE.md, "500 judges syncing at once": the real server (src/server/main.ts, PGlite
 * in a fresh data directory) in its own process; `judges` judges, each a user with
 * `perJudge` assignments and a device enrolled by invite that has pulled its work and
 * holds its own keep-alive connection, as 500 phones would. Then every device pushes its
 * scored sheets (one mutation per sheet, every criterion with a value and a note: a
 * session's work, 80 values and notes by default) in one request, all at once over
 * loopback HTTP, and the same batches once more (a lost response, retried). Afterwards,
 * with the server stopped, the database is checked: every acknowledged mutation answered
 * once in applied_mutations with the change number it was acknowledged with, and its
 * sheet stored with exactly those scores.
 */
export async function runJudgesAtOnce(
  shape: { judges: number; perJudge: number; entries: number } = {
    judges: 500,
    perJudge: 4,
    entries: 100,
  },
  start: (dataDir: string) => Promise<BenchServer> = startServer,
): Promise<JudgesResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'jl-bench-'));
  const problems: string[] = [];
  const problem = (text: string) => {
    if (problems.length < 10) problems.push(text);
  };
  try {
    const server = await start(dataDir);
    let first: StormAnswer[];
    let panel: Panel;
    let batches: Mutation[][];
    let deviceIds: string[];
    let wallMs: number;
    let serverCpuMs: number | null = null;
    try {
      // The server prints http://localhost:…; it listens on 127.0.0.1 only.
      const base = server.baseUrl.replace('//localhost', '//127.0.0.1');
      const call: Call = (path, init) => fetch(`${base}${path}`, init);
      const code = new URL(server.signInLink).searchParams.get('kode') ?? '';
      const admin = await redeem(call, code, 'bench panitia');
      panel = await preparePanel(call, admin, shape);
      const devices = await mapLimit(panel.judges, 8, async (judge, j) => {
        const device = await redeem(call, await invite(call, admin, judge.id), `HP juri ${j + 1}`);
        await pullAll(call, device);
        return device;
      });
      deviceIds = devices.map((d) => d.deviceId);
      batches = panel.judges.map((judge, j) =>
        judge.assignments.map((a, n) => {
          const scores: Scoresheet['scores'] = {};
          for (const c of panel.rubric.criteria) {
            scores[c.key] = {
              value: (j * 7 + n * 3 + c.weight * c.key.length) % 101,
              note: `Bukti ${c.name.toLowerCase()} dicek di lokasi ${n + 1}.`,
            };
          }
          return {
            ...put(
              { kind: 'scoresheet', data: sheetOf(panel, judge.id, a, scores) },
              devices[j]!.deviceId,
              n,
            ),
            fields: panel.rubric.criteria.flatMap((c) => [
              `scores.${c.key}.value`,
              `scores.${c.key}.note`,
            ]),
          };
        }),
      );
      // Each phone has its own connection, open before they all send at once.
      const phones = devices.map(() => new Agent({ keepAlive: true, maxSockets: 1 }));
      const calls = phones.map((agent) => httpCall(base, agent));
      await Promise.all(devices.map((device, j) => sync(calls[j]!, device, [])));
      const cursors = devices.map((d) => d.cursor);
      server.onStorm?.('start');
      const cpuBefore = cpuMsOf(server.pid);
      const started = performance.now();
      first = await storm(calls, devices, batches);
      wallMs = performance.now() - started;
      const cpuAfter = cpuMsOf(server.pid);
      if (cpuBefore !== null && cpuAfter !== null) serverCpuMs = cpuAfter - cpuBefore;
      server.onStorm?.('end');
      devices.forEach((d, j) => (d.cursor = cursors[j]!));
      const replay = await storm(calls, devices, batches);
      for (const agent of phones) agent.destroy();
      replay.forEach((r, j) => {
        const before = new Map(first[j]?.answer?.acks.map((a) => [a.mutationId, a.seq]));
        const again = r.answer?.acks ?? [];
        if (r.error) problem(`replay of device ${j + 1} failed: ${r.error}`);
        else if (
          again.length !== before.size ||
          again.some((a) => before.get(a.mutationId) !== a.seq)
        )
          problem(`replay of device ${j + 1} was not answered as the first time`);
      });
    } finally {
      await server.stop();
    }

    const errors = first.filter((r) => r.error !== undefined);
    for (const r of errors) problem(`request failed: ${r.error}`);
    for (const r of first)
      for (const rejection of r.answer?.rejections ?? [])
        problem(`rejected: ${rejection.code} ${rejection.message}`);
    const acked = new Map<string, { seq: number; sheet: Scoresheet }>();
    first.forEach((r, j) => {
      const sent = new Map(batches[j]!.map((m) => [m.id, m]));
      for (const ack of r.answer?.acks ?? []) {
        const mutation = sent.get(ack.mutationId);
        if (mutation?.record.kind === 'scoresheet')
          acked.set(ack.mutationId, { seq: ack.seq, sheet: mutation.record.data });
        else problem(`ack for a mutation that was not sent: ${ack.mutationId}`);
      }
    });

    const exactlyOnce = await checkStored(join(dataDir, 'pglite'), deviceIds, acked, problem);
    const sorted = first.map((r) => r.ms).sort((a, b) => a - b);
    return {
      judges: shape.judges,
      mutationsPerJudge: shape.perJudge,
      p50Ms: percentile(sorted, 50),
      p95Ms: percentile(sorted, 95),
      p99Ms: percentile(sorted, 99),
      maxMs: sorted.at(-1) ?? 0,
      wallMs,
      serverCpuMs,
      errors: errors.length,
      acked: acked.size,
      exactlyOnce,
      problems,
    };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/**
 * Opens the stopped server's database and counts the acknowledged mutations that are
 * there exactly as acknowledged: one applied_mutations row with the same change number,
 * and the sheet stored with that change number and exactly the scores sent. Also makes
 * sure these devices have no other answered mutation (a replay stored twice, say).
 */
async function checkStored(
  pgliteDir: string,
  deviceIds: readonly string[],
  acked: ReadonlyMap<string, { seq: number; sheet: Scoresheet }>,
  problem: (text: string) => void,
): Promise<number> {
  const db = await openPgliteClient(pgliteDir);
  try {
    const applied = await db.query<{
      mutation_id: string;
      outcome: { type: string; seq?: number };
    }>('SELECT mutation_id, outcome FROM applied_mutations WHERE device_id = ANY($1::text[])', [
      [...deviceIds],
    ]);
    const answers = new Map<string, { type: string; seq?: number }[]>();
    for (const row of applied)
      answers.set(row.mutation_id, [...(answers.get(row.mutation_id) ?? []), row.outcome]);
    for (const id of answers.keys())
      if (!acked.has(id)) problem(`mutation ${id} is stored but was never acknowledged`);
    const sheets = await db.query<{ key: string; seq: string | number; data: Scoresheet }>(
      `SELECT key, seq, data FROM records WHERE kind = 'scoresheet' AND NOT deleted
          AND key = ANY($1::text[])`,
      [[...acked.values()].map((a) => a.sheet.id)],
    );
    const stored = new Map(sheets.map((row) => [row.key, row]));
    let good = 0;
    for (const [id, { seq, sheet }] of acked) {
      const answer = answers.get(id) ?? [];
      const row = stored.get(sheet.id);
      if (answer.length !== 1 || answer[0]?.type !== 'ack' || answer[0].seq !== seq)
        problem(`mutation ${id}: ${answer.length} stored answers, acknowledged with seq ${seq}`);
      else if (!row || Number(row.seq) !== seq)
        problem(`sheet ${sheet.id}: stored with seq ${row?.seq ?? 'none'}, acknowledged ${seq}`);
      else if (JSON.stringify(sortKeys(row.data.scores)) !== JSON.stringify(sortKeys(sheet.scores)))
        problem(`sheet ${sheet.id}: stored scores differ from those sent`);
      else good += 1;
    }
    return good;
  } finally {
    await db.close();
  }
}

/** jsonb keeps its own key order; compare scores whatever the order. */
function sortKeys(scores: Scoresheet['scores']): [string, unknown][] {
  return Object.entries(scores)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => [k, { value: v.value, note: v.note }]);
}

function formatRate(rate: ApplyRate | { skipped: string }): string {
  if ('skipped' in rate) return `skipped: ${rate.skipped}`;
  const n = (x: number) => Math.round(x).toLocaleString('en');
  return `${n(rate.batched)}/s in batches of 500 (${rate.statementsPerBatch.toFixed(1)} statements per request); one per request: ${n(rate.single)}/s from one device (${rate.statementsPerSingle.toFixed(1)} statements per request), ${n(rate.singleConcurrent)}/s from ${rate.devices} devices at once (${rate.statementsPerConcurrent.toFixed(1)} statements per request); per CPU second: ${n(rate.cpu.batched)}, ${n(rate.cpu.single)}, ${n(rate.cpu.singleConcurrent)}`;
}

export function formatJudges(r: JudgesResult): string {
  return `${r.judges} judges × ${r.mutationsPerJudge} sheets at once: p50 ${r.p50Ms.toFixed(0)} ms, p95 ${r.p95Ms.toFixed(0)} ms, p99 ${r.p99Ms.toFixed(0)} ms, max ${r.maxMs.toFixed(0)} ms, all answered in ${r.wallMs.toFixed(0)} ms${r.serverCpuMs === null ? '' : ` (server CPU ${r.serverCpuMs} ms)`}; ${r.errors} errors; ${r.exactlyOnce} of ${r.acked} acknowledged mutations stored exactly once${r.problems.length > 0 ? `\n  problems:\n    ${r.problems.join('\n    ')}` : ''}`;
}

export function printServerBench(result: ServerBenchResult): void {
  console.log(`PGlite:     ${formatRate(result.pglite)}`);
  console.log(`PostgreSQL: ${formatRate(result.postgres)}`);
  console.log(`Judges:     ${formatJudges(result.judges)}`);
}

/** A row of the table `npm run bench` prints (test/bench/run.ts); `pass: null` has no budget. */
export interface ServerBudgetRow {
  what: string;
  measured: string;
  budget: string;
  pass: boolean | null;
}

/** The server's rows of PERFORMANCE.md: throughput on both databases, 500 judges at once. */
export function serverBudgetRows(result: ServerBenchResult): ServerBudgetRow[] {
  const n = (x: number) => `${Math.round(x).toLocaleString('en')}/s`;
  const rows: ServerBudgetRow[] = [];
  for (const [name, rate] of [
    ['PGlite', result.pglite],
    ['PostgreSQL', result.postgres],
  ] as const) {
    const budget = name === 'PGlite' ? ['≥ 20,000/s', '≥ 2,000/s'] : null;
    const none = '— (budget is for PGlite)';
    if ('skipped' in rate) {
      for (const what of ['batches of 500', 'one per request'])
        rows.push({
          what: `server: applied mutations/s, ${name}, ${what}`,
          measured: `skipped: ${rate.skipped}`,
          budget: budget ? (what === 'batches of 500' ? budget[0]! : budget[1]!) : none,
          pass: null,
        });
      continue;
    }
    rows.push({
      what: `server: applied mutations/s, ${name}, batches of 500`,
      measured: n(rate.batched),
      budget: budget?.[0] ?? none,
      pass: budget ? rate.batched >= 20_000 : null,
    });
    rows.push({
      what: `server: applied mutations/s, ${name}, one per request (${rate.devices} devices at once)`,
      measured: `${n(rate.singleConcurrent)} (one device alone: ${n(rate.single)})`,
      budget: budget?.[1] ?? none,
      pass: budget ? rate.singleConcurrent >= 2_000 : null,
    });
  }
  const j = result.judges;
  rows.push({
    what: `${j.judges} judges syncing at once (${j.mutationsPerJudge} scored sheets each), loopback, PGlite`,
    measured: `p50 ${(j.p50Ms / 1000).toFixed(2)} s, p95 ${(j.p95Ms / 1000).toFixed(2)} s, p99 ${(j.p99Ms / 1000).toFixed(2)} s; ${j.errors} errors; ${j.exactlyOnce} of ${j.acked} acknowledged stored exactly once`,
    budget: 'p99 ≤ 1 s, no error, nothing lost',
    pass:
      j.p99Ms <= 1000 &&
      j.errors === 0 &&
      j.problems.length === 0 &&
      j.acked === j.judges * j.mutationsPerJudge &&
      j.exactlyOnce === j.acked,
  });
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const only = process.argv[2];
  const run = async () => {
    if (only === 'pglite') console.log(`PGlite: ${formatRate(await onPglite())}`);
    else if (only === 'postgres') console.log(`PostgreSQL: ${formatRate(await onPostgres())}`);
    else if (only === 'judges') {
      // `judges 10`: ten sheets per judge instead of four.
      const perJudge = Number(process.argv[3] ?? 4);
      const result = await runJudgesAtOnce({ judges: 500, perJudge, entries: 100 });
      console.log(`Judges: ${formatJudges(result)}`);
    } else {
      const result = await runServerBench();
      printServerBench(result);
      console.log('\n| what | measured | budget | result |\n|---|---|---|---|');
      for (const row of serverBudgetRows(result)) {
        const verdict = row.pass === null ? '—' : row.pass ? 'pass' : 'FAIL';
        console.log(`| ${row.what} | ${row.measured} | ${row.budget} | ${verdict} |`);
      }
    }
  };
  run().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
