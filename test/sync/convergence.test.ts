import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { Assignment } from '../../src/domain/assignment';
import { readField } from '../../src/domain/scoresheet-fields';
import type { Scoresheet } from '../../src/domain/scoresheet';
import { RECORD_TABLES } from '../../src/db/app-database';
import type { RecordKind } from '../../src/domain/sync-record';
import {
  createSyncFixture,
  SERVER_START_MS,
  scoresheetFor,
  type SyncFixture,
} from '../support/sync-fixture';
import type { Fault } from '../support/in-process-transport';
import type { TestDevice } from '../support/test-device';
import { describeOnEachStore, emptyDatabase } from '../support/test-stores';

/**
 * RELIABILITY.md, "Convergence": devices of several judges edit offline, sync in random
 * orders through a faulty network (requests never sent, answers lost after the server
 * committed, requests delivered twice, old requests replayed late, syncs cut between
 * requests, 503s), with small pages and one-mutation batches. Once the network heals and
 * every device has synced until quiet: every device holds exactly what the server lets it
 * read, nothing is left in an outbox or refused, each device's last edit of each sheet is
 * acknowledged, and every field holds a value one of its writers ended with (the only
 * writer's last value when there was one). Then each device in turn, fully synced and
 * with its clock set back a day, changes the fields the others wrote: it must win
 * (causality beats clocks), and everything converges again.
 *
 * NUM_RUNS random scenarios per store (CONVERGENCE_RUNS overrides it for a longer hunt).
 */

const JUDGES = 2;
const DEVICES_PER_JUDGE = 2;
const DEVICES = JUDGES * DEVICES_PER_JUDGE;
/** Few sheets and criteria, so that devices often touch the same sheet and field. */
const SHEETS_PER_JUDGE = 2;
const CRITERIA_USED = 3;
const NUM_RUNS = Number(process.env.CONVERGENCE_RUNS ?? 100);

/**
 * offline: requests never leave; drop-response: the server commits, the answer is lost;
 * duplicate: each request arrives twice; flaky: one request goes through, then offline
 * (a sync dies between pages or batches); server-error: a 503 from a dying server.
 */
type NetworkFault = 'none' | 'offline' | 'drop-response' | 'duplicate' | 'flaky' | 'server-error';
const FAULTS: readonly NetworkFault[] = [
  'none',
  'offline',
  'drop-response',
  'duplicate',
  'flaky',
  'server-error',
];

/** One local edit: a criterion's value or note, or the overall note, of one of the judge's sheets. */
type EditSpec =
  | { sheet: number; criterion: number; part: 'value'; value: number | null }
  | { sheet: number; criterion: number; part: 'note' | 'overall'; value: string };

type Command =
  | { type: 'edit'; device: number; edit: EditSpec }
  /** The judge keeps typing while a sync is in flight on the same device. */
  | { type: 'edit-while-syncing'; device: number; edit: EditSpec }
  | { type: 'sync'; device: number }
  /** Two devices sync at the same moment (on PostgreSQL their pushes really overlap). */
  | { type: 'sync-together'; device: number; other: number }
  | { type: 'fault'; device: number; fault: NetworkFault }
  /** A copy of an earlier request of this device reaches the server late. */
  | { type: 'replay'; device: number; pick: number }
  | { type: 'wait'; ms: number };

const deviceArb = fc.nat({ max: DEVICES - 1 });
const sheetArb = fc.nat({ max: SHEETS_PER_JUDGE - 1 });
const criterionArb = fc.nat({ max: CRITERIA_USED - 1 });

const TEXTS = ['', 'rapi', 'kurang data', 'bagus sekali'] as const;

const editArb: fc.Arbitrary<EditSpec> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      sheet: sheetArb,
      criterion: criterionArb,
      part: fc.constant('value' as const),
      // Mostly a few shared values, so that devices often write the same value (a no-op).
      value: fc.oneof(fc.constantFrom(null, 5, 50), fc.integer({ min: 0, max: 100 })),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      sheet: sheetArb,
      criterion: criterionArb,
      part: fc.constantFrom('note' as const, 'overall' as const),
      value: fc.constantFrom(...TEXTS),
    }),
  },
);

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({ type: fc.constant('edit' as const), device: deviceArb, edit: editArb }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('edit-while-syncing' as const),
      device: deviceArb,
      edit: editArb,
    }),
  },
  { weight: 3, arbitrary: fc.record({ type: fc.constant('sync' as const), device: deviceArb }) },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('sync-together' as const),
      device: deviceArb,
      other: deviceArb,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('fault' as const),
      device: deviceArb,
      fault: fc.constantFrom(...FAULTS),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('replay' as const),
      device: deviceArb,
      pick: fc.nat({ max: 20 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('wait' as const),
      ms: fc.constantFrom(0, 1, 1000, 60_000),
    }),
  },
);

const scenarioArb = fc.record({
  /** Each device's wall clock error: phones drift, some by minutes. */
  skewsMs: fc.array(fc.constantFrom(0, 0, -1, 1, -90_000, 90_000, -300_000), {
    minLength: DEVICES,
    maxLength: DEVICES,
  }),
  /** Small pages and batches make syncs take several requests, which faults can cut. */
  pageSize: fc.constantFrom(undefined, 4),
  batchSizes: fc.array(fc.constantFrom(undefined, 1), { minLength: DEVICES, maxLength: DEVICES }),
  commands: fc.array(commandArb, { minLength: 5, maxLength: 25 }),
});
type Scenario = typeof scenarioArb extends fc.Arbitrary<infer S> ? S : never;

/** A device under test, with the requests that reached the server (for late replays). */
interface Handset {
  device: TestDevice;
  judgeIndex: number;
  skewMs: number;
  duplicate: boolean;
  delivered: { path: string; body: string; token: string | undefined }[];
}

interface EditLog {
  deviceIndex: number;
  sheetId: string;
  field: string;
  value: unknown;
  mutationId: string;
}

/**
 * Shrunk counterexample, found by the causality epilogue (kept as an example so it is run
 * every time). Devices 0 and 1 belong to judge 0; device 0 pushes one mutation per request.
 *
 *  1-4. device 1 edits sheet 1 four times (only so that its clock counter is ahead);
 *  5.   device 1 sets sheet 0 "kebaruan" = 5, and syncs: the server creates sheet 0 (seq s).
 *  6.   device 0 edits sheet 1, then sets sheet 0 "kebaruan" = 5 (the same value), and syncs:
 *       request 1 pushes the sheet 1 edit and pulls sheet 0 @ s, which is held back because
 *       the sheet 0 edit is still pending (the row gets heldSeq = s, no seq); request 2
 *       pushes the sheet 0 edit, which changes nothing, so the server acknowledges it with
 *       seq s and writes no new version. The device's sheet 0 now equals the server's, but
 *       its row never gets seq s: it stays without a base version.
 *  7.   (epilogue) device 0, fully synced, sets "kebaruan" = 90. The mutation goes up with
 *       baseSeq 0, so the server takes device 1's older stamp (seq s > 0) as a concurrent
 *       edit and lets the clocks decide: device 1's HLC is higher, device 0's newer edit is
 *       recorded as a lost conflict and the server keeps 5, although device 0 saw 5 and
 *       replaced it on purpose ("causality beats clocks", ARCHITECTURE.md sync protocol 5).
 */
const HELD_BACK_NO_OP_EDIT: Scenario = {
  skewsMs: [0, 0, 0, 0],
  pageSize: undefined,
  batchSizes: [1, undefined, undefined, undefined],
  commands: [
    { type: 'edit', device: 1, edit: { sheet: 1, criterion: 0, part: 'value', value: null } },
    { type: 'edit', device: 1, edit: { sheet: 1, criterion: 0, part: 'value', value: null } },
    { type: 'edit', device: 1, edit: { sheet: 1, criterion: 0, part: 'value', value: null } },
    { type: 'edit', device: 1, edit: { sheet: 1, criterion: 0, part: 'value', value: null } },
    { type: 'edit', device: 1, edit: { sheet: 0, criterion: 1, part: 'value', value: 5 } },
    { type: 'sync', device: 1 },
    { type: 'edit', device: 0, edit: { sheet: 1, criterion: 0, part: 'value', value: null } },
    { type: 'edit', device: 0, edit: { sheet: 0, criterion: 1, part: 'value', value: 5 } },
    { type: 'sync', device: 0 },
  ],
};

describeOnEachStore('convergence under random edits, orders and network faults', (store) => {
  it('every device ends equal to the server and no edit is lost', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (scenario) => {
        await emptyDatabase(store.db);
        const fx = await createSyncFixture(
          store.db,
          scenario.pageSize === undefined ? {} : { pageSize: scenario.pageSize },
        );
        const handsets: Handset[] = [];
        try {
          await runScenario(fx, handsets, scenario);
        } finally {
          await Promise.all(handsets.map((h) => h.device.db.delete()));
        }
      }),
      { numRuns: NUM_RUNS, endOnFailure: false, examples: [[HELD_BACK_NO_OP_EDIT]] },
    );
  }, 600_000);
});

async function runScenario(
  fx: SyncFixture,
  handsets: Handset[],
  { skewsMs, batchSizes, commands }: Scenario,
): Promise<void> {
  let nowMs = SERVER_START_MS;
  const judges = fx.judges.slice(0, JUDGES);
  expect(judges).toHaveLength(JUDGES);
  const sheetsOf = judges.map((j) => fx.assignmentsOf(j.id).slice(0, SHEETS_PER_JUDGE));
  for (const sheets of sheetsOf) expect(sheets).toHaveLength(SHEETS_PER_JUDGE);
  const criteria = fx.rubric.criteria.slice(0, CRITERIA_USED).map((c) => c.key);

  for (let d = 0; d < DEVICES; d += 1) {
    const judgeIndex = Math.floor(d / DEVICES_PER_JUDGE);
    const skewMs = skewsMs[d] ?? 0;
    const batchSize = batchSizes[d];
    const device = await fx.enrol(judges[judgeIndex]!, {
      clockMs: nowMs + skewMs,
      ...(batchSize === undefined ? {} : { batchSize }),
    });
    const handset: Handset = { device, judgeIndex, skewMs, duplicate: false, delivered: [] };
    wrapTransport(handset);
    handsets.push(handset);
    // Every device starts with the judge's assignments, as after the first morning sync.
    expect((await device.sync()).ok).toBe(true);
  }

  const edits: EditLog[] = [];
  const setTime = (ms: number) => {
    nowMs = ms;
    fx.serverClock.ms = ms;
    for (const h of handsets) h.device.clock.ms = ms + h.skewMs;
  };

  const edit = async (h: Handset, spec: EditSpec) => {
    const assignment = sheetsOf[h.judgeIndex]![spec.sheet]!;
    const criterion = criteria[spec.criterion]!;
    const field = spec.part === 'overall' ? 'overallNote' : `scores.${criterion}.${spec.part}`;
    // Built from the device's current copy, as the score form does.
    const current =
      (await h.device.get('scoresheet', assignment.id)) ?? scoresheetFor(assignment, fx.rubric);
    const mutation = await h.device.save(
      { kind: 'scoresheet', data: withEdit(current, criterion, spec) },
      { fields: [field] },
    );
    edits.push({
      deviceIndex: handsets.indexOf(h),
      sheetId: assignment.id,
      field,
      value: spec.value,
      mutationId: mutation.id,
    });
  };

  for (const command of commands) {
    const h = handsets[command.type === 'wait' ? 0 : command.device]!;
    switch (command.type) {
      case 'wait':
        setTime(nowMs + command.ms);
        break;
      case 'fault':
        h.device.transport.fault = transportFault(command.fault);
        h.duplicate = command.fault === 'duplicate';
        break;
      case 'sync':
        // Faults make a sync fail; that is the point. It must never throw.
        await h.device.sync();
        break;
      case 'sync-together':
        await Promise.all([h.device.sync(), handsets[command.other]!.device.sync()]);
        break;
      case 'edit-while-syncing':
        await Promise.all([h.device.sync(), edit(h, command.edit)]);
        break;
      case 'replay': {
        const old = h.delivered[command.pick % Math.max(1, h.delivered.length)];
        if (old) await deliver(fx, old); // the late copy's answer goes nowhere
        break;
      }
      case 'edit':
        await edit(h, command.edit);
        break;
    }
  }

  // Heal: the network is fine again and every device syncs until quiet, round robin.
  for (const h of handsets) {
    h.device.transport.fault = { kind: 'none' };
    h.duplicate = false;
  }
  for (let round = 0; round < 2; round += 1) {
    for (const h of handsets) {
      const outcome = await h.device.sync();
      expect(outcome, `device ${handsets.indexOf(h)} heal sync ${round + 1}`).toMatchObject({
        ok: true,
      });
    }
  }

  await checkConverged(fx, handsets, sheetsOf, edits);

  // Causality beats clocks: a device that holds the server's latest version and changes a
  // field wins, whatever the clocks say, even over fields other devices wrote during the
  // storm. (A device whose replica looks right but carries stale change numbers would be
  // treated as concurrent here, and could lose to an older edit with a later clock.)
  for (const [index, h] of handsets.entries()) {
    expect((await h.device.sync()).ok).toBe(true);
    const targets = new Map<string, { spec: EditSpec; field: string }>();
    for (const e of edits) {
      if (e.deviceIndex === index || handsets[e.deviceIndex]!.judgeIndex !== h.judgeIndex) continue;
      const sheet = sheetsOf[h.judgeIndex]!.findIndex((a) => a.id === e.sheetId);
      const criterion = criteria.findIndex((c) => e.field.startsWith(`scores.${c}.`));
      const spec: EditSpec =
        e.field === 'overallNote'
          ? { sheet, criterion: 0, part: 'overall', value: `akhir ${index}` }
          : e.field.endsWith('.note')
            ? { sheet, criterion, part: 'note', value: `akhir ${index}` }
            : { sheet, criterion, part: 'value', value: 90 + index };
      targets.set(`${e.sheetId} ${e.field}`, { spec, field: e.field });
    }
    // The phone's clock jumps back a day (phone clocks lie): these edits then carry the
    // oldest clocks of all, and still must win, because this device saw what they replace.
    h.device.clock.ms = nowMs - 24 * 3600_000;
    for (const { spec } of targets.values()) await edit(h, spec);
    h.device.clock.ms = nowMs + h.skewMs;
    expect((await h.device.sync()).ok).toBe(true);
    for (const [target, { spec, field }] of targets) {
      const sheetId = sheetsOf[h.judgeIndex]![spec.sheet]!.id;
      const server = await fx.serverRecord('scoresheet', sheetId);
      expect(server && readField(server, field), `device ${index} rewrote ${target}`).toEqual(
        spec.value,
      );
    }
  }
  for (let round = 0; round < 2; round += 1) {
    for (const h of handsets) expect((await h.device.sync()).ok).toBe(true);
  }
  await checkConverged(fx, handsets, sheetsOf, edits);
}

function transportFault(fault: NetworkFault): Fault {
  switch (fault) {
    case 'offline':
    case 'drop-response':
      return { kind: fault };
    case 'flaky':
      return { kind: 'offline-after', ok: 1 };
    case 'server-error':
      return { kind: 'status', status: 503 };
    case 'none':
    case 'duplicate':
      return { kind: 'none' };
  }
}

/** Replaces the device's transport call so a 'duplicate' fault delivers each request twice. */
function wrapTransport(h: Handset): void {
  const transport = h.device.transport;
  const send = transport.postJson.bind(transport);
  transport.postJson = async (path, body, token) => {
    const fault = transport.fault;
    const reachesServer =
      fault.kind === 'none' ||
      fault.kind === 'drop-response' ||
      (fault.kind === 'offline-after' && fault.ok > 0);
    if (reachesServer) h.delivered.push({ path, body: JSON.stringify(body), token });
    if (reachesServer && h.duplicate) {
      // The network delivers the request twice; the device sees the first answer.
      const first = await send(path, body, token);
      await send(path, body, token);
      return first;
    }
    return send(path, body, token);
  };
}

async function deliver(
  fx: SyncFixture,
  request: { path: string; body: string; token: string | undefined },
): Promise<void> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (request.token !== undefined) headers.authorization = `Bearer ${request.token}`;
  const response = await fx.app.request(request.path, {
    method: 'POST',
    headers,
    body: request.body,
  });
  await response.text();
}

function withEdit(sheet: Scoresheet, criterion: string, spec: EditSpec): Scoresheet {
  if (spec.part === 'overall') return { ...sheet, overallNote: spec.value };
  const score = sheet.scores[criterion] ?? { value: null, note: '' };
  const next =
    spec.part === 'value' ? { ...score, value: spec.value } : { ...score, note: spec.value };
  return { ...sheet, scores: { ...sheet.scores, [criterion]: next } };
}

async function tableContents(h: Handset, kind: RecordKind): Promise<Map<string, unknown>> {
  const rows = (await h.device.db.table(RECORD_TABLES[kind]).toArray()) as {
    key: string;
    data: unknown;
  }[];
  return new Map(rows.map((r) => [r.key, r.data]));
}

async function checkConverged(
  fx: SyncFixture,
  handsets: readonly Handset[],
  sheetsOf: readonly Assignment[][],
  edits: readonly EditLog[],
): Promise<void> {
  // Nothing waits and nothing was refused: a judge's draft edits are always accepted.
  for (const [index, h] of handsets.entries()) {
    const outbox = await h.device.db.outbox.toArray();
    expect(outbox, `outbox of device ${index}`).toEqual([]);
  }

  // Nothing was refused, and each device's last edit of each sheet was acknowledged. (An
  // earlier edit may have been folded into a later unsent one of the same sheet, so its
  // own mutation never travels; the field checks below cover its value.)
  const applied = await fx.deps.db.query<{ mutation_id: string; outcome: { type: string } }>(
    'SELECT mutation_id, outcome FROM applied_mutations',
  );
  const outcomes = new Map(applied.map((r) => [r.mutation_id, r.outcome.type]));
  expect([...outcomes.values()].filter((type) => type !== 'ack')).toEqual([]);
  const lastEdits = new Map(edits.map((e) => [`${e.deviceIndex} ${e.sheetId}`, e]));
  for (const edit of lastEdits.values())
    expect(outcomes.get(edit.mutationId), `last edit of device ${edit.deviceIndex}`).toBe('ack');

  // Each device equals the server for the records it may read. The server's view of a
  // judge is what a brand-new device of that judge receives; scoresheets and conflicts are
  // also compared with the database directly.
  const serverSheets = await fx.serverRecords('scoresheet');
  const serverConflicts = await fx.serverRecords('conflict');
  const kinds = Object.keys(RECORD_TABLES) as RecordKind[];
  for (let j = 0; j < JUDGES; j += 1) {
    const judgeId = sheetsOf[j]![0]!.judgeId;
    const fresh = await fx.enrol(fx.judges.find((u) => u.id === judgeId)!);
    try {
      expect((await fresh.sync()).ok).toBe(true);
      const reference: Handset = {
        device: fresh,
        judgeIndex: j,
        skewMs: 0,
        duplicate: false,
        delivered: [],
      };
      const expectedSheets = new Map(
        serverSheets.filter((s) => s.judgeId === judgeId).map((s) => [s.id, s]),
      );
      const expectedConflicts = new Map(
        serverConflicts.filter((c) => c.judgeId === judgeId).map((c) => [c.id, c]),
      );
      expect(await tableContents(reference, 'scoresheet')).toEqual(expectedSheets);
      expect(await tableContents(reference, 'conflict')).toEqual(expectedConflicts);
      for (const [index, h] of handsets.entries()) {
        if (h.judgeIndex !== j) continue;
        for (const kind of kinds) {
          expect(await tableContents(h, kind), `device ${index}, ${kind}`).toEqual(
            await tableContents(reference, kind),
          );
        }
      }
    } finally {
      await fresh.db.delete();
    }
  }

  // No edit is missing: each field the devices wrote holds the value one of its writers
  // ended with; with a single writer, that writer's last value. Unwritten fields keep the
  // blank value of a new sheet.
  for (const sheets of sheetsOf) {
    for (const assignment of sheets) {
      const server = serverSheets.find((s) => s.id === assignment.id);
      const mine = edits.filter((e) => e.sheetId === assignment.id);
      if (mine.length === 0) {
        expect(server, `sheet ${assignment.id} was never edited`).toBeUndefined();
        continue;
      }
      expect(server, `sheet ${assignment.id}`).toBeDefined();
      const blank = scoresheetFor(assignment, fx.rubric);
      const fields = [
        ...fx.rubric.criteria.flatMap((c) => [`scores.${c.key}.value`, `scores.${c.key}.note`]),
        'overallNote',
      ];
      for (const field of fields) {
        const lastByDevice = new Map<number, unknown>();
        for (const e of mine) if (e.field === field) lastByDevice.set(e.deviceIndex, e.value);
        const actual = readField(server!, field);
        if (lastByDevice.size === 0) {
          expect(actual, `${assignment.id} ${field} (never written)`).toEqual(
            readField(blank, field),
          );
        } else {
          expect([...lastByDevice.values()], `${assignment.id} ${field}`).toContainEqual(actual);
        }
      }
    }
  }
}
