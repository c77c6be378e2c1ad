import 'fake-indexeddb/auto';
import { serve } from '@hono/node-server';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { makeUuidV7 } from '../../src/domain/ids';
import type { Rubric } from '../../src/domain/rubric';
import type { Scoresheet } from '../../src/domain/scoresheet';
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
import { benchEntry, benchRubric, benchStage } from './server-bench';

const newId = () => makeUuidV7(Date.now(), new Uint8Array(randomBytes(10)));
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
}

/**
 * A judge's day (ARCHITECTURE.md; PERFORMANCE.md): 50 scoresheets × 10 criteria, each
 * value and note autosaved on its own while offline, then one sync through the latency
 * proxy; then a sync with nothing to do. The server's own rates: server-bench.ts.
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
    return { judgeDay, noOp };
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
  const rubric = benchRubric();
  const stageId = newId();
  await admin.save({ kind: 'rubric', data: rubric });
  // Born a draft and opened once its judge is assigned, as the server requires.
  const stage = benchStage(stageId, competition.data.id, rubric);
  await admin.save({ kind: 'stage', data: { ...stage, state: 'draft' } });
  const assignments: { id: string; entryId: string }[] = [];
  for (let i = 0; i < SHEETS; i++) {
    const entryId = newId();
    await admin.save({
      kind: 'entry',
      data: benchEntry(entryId, competition.data.id, category.data.id, i),
    });
    const id = newId();
    await admin.save({
      kind: 'assignment',
      data: { id, stageId, judgeId: judge.data.id, entryId },
    });
    assignments.push({ id, entryId });
  }
  await admin.save({ kind: 'stage', data: stage });
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
