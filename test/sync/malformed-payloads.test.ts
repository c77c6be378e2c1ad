// RELIABILITY.md, "Bad input": every HTTP body goes through a zod schema; bad input gets a
// 4xx naming the field and changes nothing. Random and malformed payloads are thrown at
// POST /api/sync (and /api/auth/redeem, /api/admin/invites): never a 5xx, never a partial
// write. One malformed mutation is rejected alone; the valid ones in its batch still apply.
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { describeIssues } from '../../src/domain/describe-issues';
import { makeUuidV7 } from '../../src/domain/ids';
import {
  MAX_MUTATIONS_PER_REQUEST,
  PROTOCOL_VERSION,
  SCHEMA_VERSION,
  mutationSchema,
  type Mutation,
} from '../../src/domain/sync-protocol';
import { RECORD_KINDS } from '../../src/domain/sync-record';
import type { SqlClient } from '../../src/server/store/sql-client';
import { createSyncFixture, scoresheetFor, type SyncFixture } from '../support/sync-fixture';
import type { TestDevice } from '../support/test-device';
import { describeOnEachStore } from '../support/test-stores';

/** Runs per property and store; the whole file stays well under a minute on both stores. */
const RUNS = {
  rawSyncBodies: 300,
  fuzzedMutations: 300,
  redeemBodies: 150,
  inviteBodies: 150,
  hostileDeviceNames: 40,
};

/** Room for shrinking a counterexample when a property fails; passing runs take seconds. */
const PROPERTY = { timeout: 120_000 };

const MAX_BODY_BYTES = 16 * 1024 * 1024;

// ---------------------------------------------------------------------------------------
// Sending requests and checking what comes back
// ---------------------------------------------------------------------------------------

interface Sent {
  path: '/api/sync' | '/api/auth/redeem' | '/api/admin/invites';
  body: string | Uint8Array;
  /** Bearer token; null sends no authorization header, a string starting "!" is sent raw. */
  token: string | null;
  /** Content type; null sends none. */
  contentType?: string | null;
  headers?: Record<string, string>;
}

interface Answer {
  status: number;
  text: string;
  json: unknown;
}

async function send(fx: SyncFixture, req: Sent): Promise<Answer> {
  const headers: Record<string, string> = { ...req.headers };
  const contentType = req.contentType === undefined ? 'application/json' : req.contentType;
  if (contentType !== null) headers['content-type'] = contentType;
  if (req.token !== null)
    headers['authorization'] = req.token.startsWith('!')
      ? req.token.slice(1)
      : `Bearer ${req.token}`;
  const body = typeof req.body === 'string' ? req.body : new Blob([new Uint8Array(req.body)]);
  const response = await fx.app.request(req.path, { method: 'POST', headers, body });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json };
}

/** Unexpected server errors, caught instead of thrown so a 5xx shows as a failed property. */
function captureServerErrors(fx: SyncFixture): unknown[] {
  const logged: unknown[] = [];
  fx.deps.logError = (error) => {
    logged.push(error);
  };
  return logged;
}

function describeLogged(logged: readonly unknown[]): string {
  return logged
    .map((e) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e)))
    .join(' | ');
}

/** Never a 5xx; every 4xx is `{ error: { code, message } }` with a message that says something. */
function expectWellFormed(answer: Answer, log: unknown[]): void {
  // Drained on every check, so one failure does not fail every later (shrunk) run.
  const logged = log.splice(0);
  expect(
    answer.status,
    `server failed (${answer.status}): ${answer.text.slice(0, 300)} ${describeLogged(logged)}`,
  ).toBeLessThan(500);
  expect(logged, describeLogged(logged)).toEqual([]);
  expect(answer.status).toBeGreaterThanOrEqual(200);
  if (answer.status >= 400) {
    const body = answer.json as { error?: { code?: unknown; message?: unknown } } | undefined;
    expect(Object.keys(body ?? {}), answer.text.slice(0, 300)).toEqual(['error']);
    expect(Object.keys(body?.error ?? {}).sort(), answer.text.slice(0, 300)).toEqual([
      'code',
      'message',
    ]);
    const { code, message } = body?.error ?? {};
    expect(typeof code === 'string' && code !== '', answer.text.slice(0, 300)).toBe(true);
    expect(typeof message === 'string' && message.trim() !== '', answer.text.slice(0, 300)).toBe(
      true,
    );
  }
}

function expectError(answer: Answer, status: number, code: string, message: string): void {
  expect({ status: answer.status, body: answer.json }).toEqual({
    status,
    body: { error: { code, message } },
  });
}

// ---------------------------------------------------------------------------------------
// What the database holds
// ---------------------------------------------------------------------------------------

interface DbSnapshot {
  records: number;
  maxSeq: number;
  recordsHash: string;
  lastSeq: number;
  applied: number;
  removals: number;
  maxRemovalSeq: number;
  devices: number;
  codes: number;
  usedCodes: number;
}

async function snapshot(db: SqlClient): Promise<DbSnapshot> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT (SELECT count(*) FROM records) AS records,
            (SELECT coalesce(max(seq), 0) FROM records) AS max_seq,
            (SELECT coalesce(md5(string_agg(kind || ':' || key || ':' || seq || ':' || deleted || ':' || data::text,
                                            '|' ORDER BY kind, key)), '') FROM records) AS records_hash,
            (SELECT last_seq FROM change_counter) AS last_seq,
            (SELECT count(*) FROM applied_mutations) AS applied,
            (SELECT count(*) FROM removals) AS removals,
            (SELECT coalesce(max(seq), 0) FROM removals) AS max_removal_seq,
            (SELECT count(*) FROM devices) AS devices,
            (SELECT count(*) FROM sign_in_codes) AS codes,
            (SELECT count(used_at) FROM sign_in_codes) AS used_codes`,
  );
  const row = rows[0] ?? {};
  const n = (key: string) => Number(String(row[key]));
  return {
    records: n('records'),
    maxSeq: n('max_seq'),
    recordsHash: String(row['records_hash']),
    lastSeq: n('last_seq'),
    applied: n('applied'),
    removals: n('removals'),
    maxRemovalSeq: n('max_removal_seq'),
    devices: n('devices'),
    codes: n('codes'),
    usedCodes: n('used_codes'),
  };
}

/** Every change number handed out was used: no half-written push left a gap or a stray number. */
function expectConsistent(s: DbSnapshot): void {
  expect(s.lastSeq).toBe(Math.max(s.maxSeq, s.maxRemovalSeq));
}

// ---------------------------------------------------------------------------------------
// Arbitraries
// ---------------------------------------------------------------------------------------

/** JSON.stringify, typed as it behaves: undefined for undefined, functions and symbols. */
function stringify(
  value: unknown,
  replacer?: (key: string, value: unknown) => unknown,
): string | undefined {
  return JSON.stringify(value, replacer);
}

/**
 * Raw JSON text that no JS value stringifies to (1e400, 2^53 + 1, 100 000 nested arrays):
 * a marker string in the value, swapped for the text after JSON.stringify.
 */
const raw = (text: string) => `§RAW§${text}§`;
const toJsonText = (value: unknown): string =>
  (stringify(value) ?? 'undefined').replace(/"§RAW§([^"§]*)§"/g, '$1');

const DELETE = Symbol('delete the field');

const hugeNumber = fc.constantFrom(
  '1e400',
  '-1e400',
  '1e308',
  '-1e308',
  '1e-400',
  '9007199254740991',
  '9007199254740992',
  '9007199254740993',
  '-9007199254740993',
  '123456789012345678901234567890',
  '-0',
  '0.5',
  '1.0',
  '1E2',
  '-1',
  '2147483648',
  '9223372036854775808',
);

const deepText = fc
  .record({ depth: fc.integer({ min: 1, max: 100_000 }), objects: fc.boolean() })
  .map(({ depth, objects }) =>
    objects
      ? '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)
      : '['.repeat(depth) + ']'.repeat(depth),
  );

/** Strings that break naive storage: NUL, lone surrogates, BOM, quotes, SQL, very long. */
const hostileString = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\ud800',
    '\udfff',
    'x\ud83d',
    '\ufeff',
    '\u2028\u2029',
    "'; DROP TABLE records; --",
    '$1',
    '%s%n',
    '\\',
    '"',
    '\\u0000',
    '__proto__',
    'constructor',
    'NaN',
    '0000-01-01T00:00:00Z',
  ),
  fc
    .array(fc.constantFrom('\u0000', '\ud800', '\udc00', 'a', '😀', '\\u0000', '\u0085', ' '), {
      maxLength: 20,
    })
    .map((parts) => parts.join('')),
  fc.integer({ min: 0, max: 10_000 }).map((n) => 'x'.repeat(n)),
);

const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  { weight: 3, arbitrary: hostileString },
  { weight: 2, arbitrary: hugeNumber.map(raw) },
  { weight: 1, arbitrary: deepText.map(raw) },
);

/** fc.anything() made into text without throwing (bigint, boxed values, null prototypes…). */
function safeStringify(value: unknown): string {
  try {
    return (
      stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ??
      'undefined'
    );
  } catch (error) {
    return String(error);
  }
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const HLC = /^\d{15}-\d{5}-/;

/** A replacement that keeps the type of the value it replaces, at its edges. */
function sameTypeEdge(original: unknown): fc.Arbitrary<unknown> {
  if (typeof original === 'string' && ISO_INSTANT.test(original)) {
    return fc.oneof(
      fc
        .date({
          min: new Date('0000-01-01T00:00:00.000Z'),
          max: new Date('9999-12-31T23:59:59.999Z'),
          noInvalidDate: true,
        })
        .map((d) => d.toISOString()),
      fc.constantFrom(
        '0000-01-01T00:00:00Z',
        '0001-01-01T00:00:00Z',
        '1970-01-01T00:00:00Z',
        '9999-12-31T23:59:59.999999999Z',
        '2024-02-29T00:00:00Z',
        '2026-08-18T02:00:00.123456789Z',
      ),
    );
  }
  if (typeof original === 'string' && HLC.test(original)) {
    const node = original.slice(22);
    return fc
      .record({
        wall: fc.oneof(
          fc.constantFrom('000000000000000', '999999999999999'),
          fc.stringMatching(/^\d{15}$/),
        ),
        counter: fc.oneof(fc.constantFrom('00000', '99999'), fc.stringMatching(/^\d{5}$/)),
        node: fc.oneof(fc.constant(node), fc.stringMatching(/^[0-9a-f-]{36}$/)),
      })
      .map(({ wall, counter, node: n }) => `${wall}-${counter}-${n}`);
  }
  if (typeof original === 'string') return hostileString;
  if (typeof original === 'number' || original === null) {
    return fc.oneof(
      fc.constantFrom(0, -1, 1, 2, 100, 101, 2 ** 31, 2 ** 53 - 1, 1.5, 1e308, -1e308, 5e-324),
      fc.double(),
      fc.integer(),
      hugeNumber.map(raw),
    );
  }
  if (typeof original === 'boolean') return fc.boolean();
  if (Array.isArray(original)) return fc.array(anyValue, { maxLength: 5 });
  return fc.dictionary(hostileString, anyValue, { maxKeys: 5 });
}

/** Every path into a JSON value (objects and arrays), root excluded. */
function pathsOf(value: unknown, prefix: readonly (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [];
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value);
  return entries.flatMap(([key, child]) => {
    const path = [...prefix, key];
    return [path, ...pathsOf(child, path)];
  });
}

function readPath(value: unknown, path: readonly (string | number)[]): unknown {
  let at: unknown = value;
  for (const key of path) at = (at as Record<string | number, unknown> | undefined)?.[key];
  return at;
}

/** A deep copy of `value` with the value at `path` replaced (or deleted). */
function withPath(value: unknown, path: readonly (string | number)[], next: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let parent: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    const child = parent[key];
    if (typeof child !== 'object' || child === null) parent[key] = {};
    parent = parent[key] as Record<string | number, unknown>;
  }
  const last = path[path.length - 1] ?? '';
  if (next === DELETE) {
    if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
    else Reflect.deleteProperty(parent, last);
  } else parent[last] = next;
  return copy;
}

const freshId = fc.uuid({ version: 7 });

/** A mutation-shaped object whose fields are mostly garbage. */
const garbageMutation: fc.Arbitrary<unknown> = fc.oneof(
  anyValue,
  fc.record(
    {
      id: fc.oneof(freshId, hostileString),
      madeAt: anyValue,
      hlc: anyValue,
      op: fc.oneof(fc.constantFrom('put', 'delete'), anyValue),
      record: fc.oneof(
        anyValue,
        fc.record({ kind: fc.constantFrom(...RECORD_KINDS), data: fc.jsonValue({ maxDepth: 3 }) }),
      ),
      fields: anyValue,
      baseSeq: anyValue,
    },
    { requiredKeys: [] },
  ),
);

// ---------------------------------------------------------------------------------------
// The scene: a judge with a real, valid scoresheet mutation in their outbox
// ---------------------------------------------------------------------------------------

interface Scene {
  fx: SyncFixture;
  judge: TestDevice;
  token: string;
  /** A valid mutation read from the judge device's outbox, not yet pushed. */
  valid: Mutation;
  logged: unknown[];
}

async function tokenOf(device: TestDevice): Promise<string> {
  const session = await device.settings.session();
  if (!session) throw new Error('the device is not signed in');
  return session.token;
}

async function setUp(db: SqlClient): Promise<Scene> {
  const fx = await createSyncFixture(db);
  const logged = captureServerErrors(fx);
  const judgeUser = fx.judges[0];
  if (!judgeUser) throw new Error('the demo has no judge');
  const judge = await fx.enrol(judgeUser);
  expect((await judge.sync()).ok).toBe(true);
  const assignment = fx.assignmentsOf(judgeUser.id)[0];
  if (!assignment) throw new Error('the demo judge has no assignment');
  const returned = await judge.save({
    kind: 'scoresheet',
    data: scoresheetFor(assignment, fx.rubric, { kebaruan: 80 }),
  });
  const rows = (await judge.db.outbox.toArray()) as { mutation: unknown }[];
  expect(rows).toHaveLength(1);
  const valid = mutationSchema.parse(rows[0]?.mutation);
  expect(valid).toEqual(returned);
  return { fx, judge, token: await tokenOf(judge), valid, logged };
}

function envelope(scene: Scene, mutations: unknown[], cursor = 0): Record<string, unknown> {
  return {
    protocolVersion: PROTOCOL_VERSION,
    schemaVersion: SCHEMA_VERSION,
    deviceId: scene.judge.id,
    cursor,
    mutations,
  };
}

interface SyncAnswer {
  acks: { mutationId: string; seq: number }[];
  rejections: { mutationId: string; code: string; message: string }[];
}

/** The id the server answers a malformed mutation with (push-batch.ts). */
function idOf(mutation: unknown, index: number): string {
  if (
    typeof mutation === 'object' &&
    mutation !== null &&
    'id' in mutation &&
    typeof mutation.id === 'string'
  )
    return mutation.id.slice(0, 64);
  return `#${index}`;
}

/**
 * A 200 answers every mutation once; the malformed ones first, in order, each rejected as
 * 'invalid' with a message naming each field at fault. Records change only with an ack,
 * applied_mutations only for mutations that parsed.
 */
function expectSyncAnswer(
  answer: Answer,
  mutations: readonly unknown[],
  before: DbSnapshot,
  after: DbSnapshot,
): void {
  expect(answer.status).toBe(200);
  const body = answer.json as SyncAnswer;
  expect(body.acks.length + body.rejections.length).toBe(mutations.length);
  const malformed = mutations
    .map((m, index) => ({ m, index, parsed: mutationSchema.safeParse(m) }))
    .filter((x) => !x.parsed.success);
  malformed.forEach(({ m, index, parsed }, i) => {
    const rejection = body.rejections[i];
    expect(rejection).toMatchObject({ mutationId: idOf(m, index), code: 'invalid' });
    expect(rejection?.message.trim()).not.toBe('');
    for (const issue of parsed.error?.issues ?? []) {
      if (issue.path.length > 0) expect(rejection?.message).toContain(`${issue.path.join('.')}: `);
    }
  });
  const parsedCount = mutations.length - malformed.length;
  if (parsedCount === 0) {
    expect(body.acks).toEqual([]);
    expect(after).toEqual(before);
    return;
  }
  expect(after.applied - before.applied).toBeLessThanOrEqual(parsedCount);
  expect(after.applied).toBeGreaterThanOrEqual(before.applied);
  if (!body.acks.some((a) => a.seq > 0)) {
    expect({ ...after, applied: 0 }).toEqual({ ...before, applied: 0 });
  }
}

/** Schema-valid values at the edges of what the database holds. */
const HOSTILE_FIELDS: {
  name: string;
  path: (string | number)[];
  value: unknown;
}[] = [
  {
    name: 'a NUL character in overallNote',
    path: ['record', 'data', 'overallNote'],
    value: 'a\u0000b',
  },
  {
    name: 'a NUL character in a criterion note',
    path: ['record', 'data', 'scores', 'kebaruan', 'note'],
    value: '\u0000',
  },
  {
    name: 'a lone surrogate in overallNote',
    path: ['record', 'data', 'overallNote'],
    value: '\ud800',
  },
  { name: 'madeAt in year 0000', path: ['madeAt'], value: '0000-01-01T00:00:00Z' },
  {
    name: 'madeAt with nanoseconds in year 9999',
    path: ['madeAt'],
    value: '9999-12-31T23:59:59.999999999Z',
  },
  {
    name: 'an emoji note of 2000 characters',
    path: ['record', 'data', 'overallNote'],
    value: '😀'.repeat(1000),
  },
  {
    name: 'a score of 1e308',
    path: ['record', 'data', 'scores', 'kebaruan', 'value'],
    value: 1e308,
  },
  { name: 'a baseSeq of 2^53 - 1', path: ['baseSeq'], value: Number.MAX_SAFE_INTEGER },
];

// ---------------------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------------------

describeOnEachStore('malformed payloads', (store) => {
  it(
    'POST /api/sync: random bodies never get a 5xx and never change the database',
    PROPERTY,
    async () => {
      const scene = await setUp(store.db);
      const { fx, logged } = scene;
      const validText = toJsonText(envelope(scene, [scene.valid]));
      const envelopeFields = [
        'protocolVersion',
        'schemaVersion',
        'deviceId',
        'cursor',
        'mutations',
      ];

      const bodies: fc.Arbitrary<{ what: string; body: string | Uint8Array }> = fc.oneof(
        fc.jsonValue().map((v) => ({ what: 'json value', body: JSON.stringify(v) })),
        fc
          .anything({
            withBigInt: true,
            withBoxedValues: true,
            withDate: true,
            withMap: true,
            withSet: true,
            withNullPrototype: true,
            withObjectString: true,
            withSparseArray: true,
            withTypedArray: true,
          })
          .map((v) => ({ what: 'anything', body: safeStringify(v) })),
        fc.string({ unit: 'binary' }).map((s) => ({ what: 'string', body: s })),
        fc.string().map((s) => ({ what: 'ascii string', body: s })),
        fc
          .nat({ max: validText.length - 1 })
          .map((n) => ({ what: 'truncated json', body: validText.slice(0, n) })),
        deepText.map((t) => ({ what: 'deep nesting', body: t })),
        hugeNumber.map((t) => ({ what: 'huge number', body: t })),
        fc.uint8Array({ maxLength: 200 }).map((b) => ({ what: 'bytes', body: b })),
        // A valid envelope with one field of the wrong type, missing, or an extra one.
        fc
          .record({
            field: fc.constantFrom(...envelopeFields, 'extra'),
            value: fc.oneof(
              { weight: 1, arbitrary: fc.constant<unknown>(DELETE) },
              { weight: 6, arbitrary: anyValue },
            ),
          })
          .map(({ field, value }) => ({
            what: `envelope.${field}`,
            body: toJsonText(withPath(envelope(scene, []), [field], value)),
          })),
        // A valid envelope carrying garbage mutations.
        fc.array(garbageMutation, { minLength: 1, maxLength: 10 }).map((mutations) => ({
          what: 'garbage mutations',
          body: toJsonText(envelope(scene, mutations)),
        })),
      );

      const requests = fc.record({
        sent: bodies,
        auth: fc.oneof(
          { weight: 9, arbitrary: fc.constant<'token' | 'none' | 'garbage'>('token') },
          { weight: 1, arbitrary: fc.constantFrom<'none' | 'garbage'>('none', 'garbage') },
        ),
        contentType: fc.oneof(
          { weight: 9, arbitrary: fc.constant<string | null>('application/json') },
          {
            weight: 1,
            arbitrary: fc.constantFrom<string | null>(
              null,
              'text/plain',
              'application/x-www-form-urlencoded',
            ),
          },
        ),
      });

      const baseline = await snapshot(store.db);
      expectConsistent(baseline);
      await fc.assert(
        fc.asyncProperty(requests, async ({ sent, auth, contentType }) => {
          const before = await snapshot(store.db);
          const answer = await send(fx, {
            path: '/api/sync',
            body: sent.body,
            token: auth === 'token' ? scene.token : auth === 'garbage' ? '!Bearer short' : null,
            contentType,
          });
          const after = await snapshot(store.db);
          expectWellFormed(answer, logged);
          if (answer.status === 200) {
            // Only an envelope that parsed gets here: its mutations are all garbage.
            const { mutations } = JSON.parse(
              typeof sent.body === 'string' ? sent.body : new TextDecoder().decode(sent.body),
            ) as { mutations: unknown[] };
            expectSyncAnswer(answer, mutations, before, after);
            expect((answer.json as SyncAnswer).acks).toEqual([]);
          }
          expect(after).toEqual(before);
        }),
        { numRuns: RUNS.rawSyncBodies },
      );
      expect(await snapshot(store.db)).toEqual(baseline);
    },
  );

  it(
    'POST /api/sync: a valid mutation with one field changed is applied or rejected alone, never a 5xx',
    PROPERTY,
    async () => {
      const scene = await setUp(store.db);
      const { fx, logged, valid } = scene;
      const paths = [
        ...pathsOf(valid),
        ['fields'],
        ['fields', 0],
        ['record', 'data', 'visit'],
        ['record', 'data', 'abstainReason'],
        ['record', 'data', 'submittedAt'],
        ['record', 'data', 'scores', 'tidak-ada'],
      ];

      const fuzzed = fc
        .record({
          id: freshId,
          path: fc.constantFrom(...paths),
          kind: fc.constantFrom('edge', 'any', 'delete'),
        })
        .chain(({ id, path, kind }) => {
          const value: fc.Arbitrary<unknown> =
            kind === 'delete'
              ? fc.constant(DELETE)
              : kind === 'edge'
                ? sameTypeEdge(readPath(valid, path))
                : anyValue;
          return value.map((v) => ({
            path: path.join('.'),
            value: v,
            mutation: withPath(path[0] === 'id' ? valid : { ...valid, id }, path, v),
          }));
        });

      const batches = fc.record({
        fuzzedMutations: fc.array(fuzzed, { minLength: 1, maxLength: 3 }),
        garbage: fc.array(garbageMutation, { maxLength: 2 }),
        // From where the device left off (a pull from 0 would grow with every accepted edit),
        // or from far ahead of the server.
        cursor: fc.constantFrom<'current' | 'ahead'>('current', 'ahead'),
      });

      await fc.assert(
        fc.asyncProperty(batches, async ({ fuzzedMutations, garbage, cursor }) => {
          const mutations = [...fuzzedMutations.map((f) => f.mutation), ...garbage];
          const before = await snapshot(store.db);
          const from = cursor === 'current' ? before.lastSeq : 1_000_000;
          const text = toJsonText(envelope(scene, mutations, from));
          const sent = JSON.parse(text) as { mutations: unknown[] };
          const answer = await send(fx, { path: '/api/sync', body: text, token: scene.token });
          const after = await snapshot(store.db);
          // Whatever went wrong, nothing half-written stays behind.
          if (answer.status !== 200) expect(after).toEqual(before);
          expectWellFormed(answer, logged);
          expectSyncAnswer(answer, sent.mutations, before, after);
          expectConsistent(after);
        }),
        { numRuns: RUNS.fuzzedMutations },
      );
    },
  );

  it(
    'POST /api/auth/redeem: random bodies never get a 5xx and never change the database',
    PROPERTY,
    async () => {
      const scene = await setUp(store.db);
      const { fx, logged } = scene;
      const bodies = fc.oneof(
        fc.jsonValue().map((v) => JSON.stringify(v)),
        fc.string({ unit: 'binary' }),
        deepText,
        hugeNumber,
        fc
          .record(
            {
              code: fc.oneof(hostileString, fc.stringMatching(/^[A-Z0-9-]{4,20}$/), anyValue),
              deviceId: fc.oneof(freshId, fc.constant(scene.judge.id), anyValue),
              deviceName: fc.oneof(hostileString, anyValue),
            },
            { requiredKeys: [] },
          )
          .map(toJsonText),
      );
      const baseline = await snapshot(store.db);
      await fc.assert(
        fc.asyncProperty(bodies, async (body) => {
          const answer = await send(fx, { path: '/api/auth/redeem', body, token: null });
          expectWellFormed(answer, logged);
          expect(answer.status).toBeGreaterThanOrEqual(400);
          expect(await snapshot(store.db)).toEqual(baseline);
        }),
        { numRuns: RUNS.redeemBodies },
      );
    },
  );

  it(
    'POST /api/admin/invites: random bodies never get a 5xx; only a valid invite is stored',
    PROPERTY,
    async () => {
      const scene = await setUp(store.db);
      const { fx, logged } = scene;
      const panitia = await fx.enrol('panitia');
      const token = await tokenOf(panitia);
      const judgeId = fx.judges[0]?.id ?? '';
      const bodies = fc.oneof(
        fc.jsonValue().map((v) => JSON.stringify(v)),
        fc.string({ unit: 'binary' }),
        deepText,
        hugeNumber,
        fc
          .record(
            {
              userId: fc.oneof(fc.constant(judgeId), freshId, hostileString, anyValue),
              validHours: fc.oneof(
                fc.constantFrom(0, 1, 720, 721, -1, 1.5, 2 ** 53),
                hugeNumber.map(raw),
                anyValue,
              ),
            },
            { requiredKeys: [] },
          )
          .map(toJsonText),
      );
      await fc.assert(
        fc.asyncProperty(bodies, async (body) => {
          const before = await snapshot(store.db);
          const answer = await send(fx, { path: '/api/admin/invites', body, token });
          const after = await snapshot(store.db);
          expectWellFormed(answer, logged);
          if (answer.status === 201) expect(after).toEqual({ ...before, codes: before.codes + 1 });
          else expect(after).toEqual(before);
        }),
        { numRuns: RUNS.inviteBodies },
      );
    },
  );

  it(
    'POST /api/auth/redeem: a real code with a hostile device name enrols or is refused, never a 5xx',
    PROPERTY,
    async () => {
      const scene = await setUp(store.db);
      const { fx, logged } = scene;
      const panitia = await fx.enrol('panitia');
      const token = await tokenOf(panitia);
      const judgeId = fx.judges[1]?.id ?? fx.judges[0]?.id ?? '';
      await fc.assert(
        fc.asyncProperty(fc.oneof(hostileString, anyValue), async (deviceName) => {
          const deviceId = newId();
          const invite = await send(fx, {
            path: '/api/admin/invites',
            body: JSON.stringify({ userId: judgeId }),
            token,
          });
          expect(invite.status).toBe(201);
          const { code } = invite.json as { code: string };
          const before = await snapshot(store.db);
          const answer = await send(fx, {
            path: '/api/auth/redeem',
            body: toJsonText({ code, deviceId, deviceName }),
            token: null,
          });
          const after = await snapshot(store.db);
          expectWellFormed(answer, logged);
          if (answer.status === 200)
            expect(after).toEqual({
              ...before,
              devices: before.devices + 1,
              usedCodes: before.usedCodes + 1,
            });
          else expect(after).toEqual(before);
        }),
        { numRuns: RUNS.hostileDeviceNames },
      );
    },
  );

  // Values that pass every schema but that PostgreSQL cannot store as they are (jsonb refuses
  // \u0000 and lone surrogates, timestamptz refuses year 0): each must be stored or rejected
  // by its field, never a 5xx. The later rows pass today and guard the edges.
  it.each(HOSTILE_FIELDS)(
    'POST /api/sync: a scoresheet mutation with $name is applied or rejected by its field, never a 5xx',
    async ({ path, value }) => {
      const scene = await setUp(store.db);
      const { fx, logged, valid } = scene;
      const mutationId = newId();
      const mutation = withPath({ ...valid, id: mutationId }, path, value);
      const before = await snapshot(store.db);
      const answer = await send(fx, {
        path: '/api/sync',
        body: JSON.stringify(envelope(scene, [mutation], before.lastSeq)),
        token: scene.token,
      });
      const after = await snapshot(store.db);
      const acked = answer.status === 200 && (answer.json as SyncAnswer).acks.length > 0;
      // No partial write, whatever the status: a refused mutation leaves at most its answer.
      if (!acked) {
        expect({ ...after, applied: 0 }).toEqual({ ...before, applied: 0 });
        expect(after.applied - before.applied).toBeLessThanOrEqual(1);
      }
      expectWellFormed(answer, logged);
      expect(answer.status).toBe(200);
      const body = answer.json as SyncAnswer;
      if (acked) {
        expect(body.rejections).toEqual([]);
        expect(body.acks).toHaveLength(1);
        expect(body.acks[0]).toMatchObject({ mutationId, seq: after.lastSeq });
        expect(after.applied).toBe(before.applied + 1);
        expect(after.lastSeq).toBeGreaterThan(before.lastSeq);
        expectConsistent(after);
      } else {
        expect(body.acks).toEqual([]);
        expect(body.rejections).toHaveLength(1);
        expect(body.rejections[0]).toMatchObject({ mutationId, code: 'invalid' });
        // Refused by its schema: named by its path, and not recorded. Refused by a rule
        // (a score off the rubric's scale): named by its criterion, and the answer recorded.
        const bySchema = !mutationSchema.safeParse(mutation).success;
        expect(body.rejections[0]?.message).toContain(
          bySchema ? `${path.join('.')}: ` : String(path[path.length - 2]),
        );
        expect(after.applied).toBe(before.applied + (bySchema ? 0 : 1));
      }
    },
  );

  it.each(['HP\u0000Juri', 'HP \ud800'])(
    'POST /api/auth/redeem: a real code with device name %j enrols or is refused by its field, never a 5xx',
    async (deviceName) => {
      const scene = await setUp(store.db);
      const { fx, logged } = scene;
      const token = await tokenOf(await fx.enrol('panitia'));
      const invite = await send(fx, {
        path: '/api/admin/invites',
        body: JSON.stringify({ userId: fx.judges[1]?.id ?? fx.judges[0]?.id }),
        token,
      });
      expect(invite.status).toBe(201);
      const { code } = invite.json as { code: string };
      const before = await snapshot(store.db);
      const answer = await send(fx, {
        path: '/api/auth/redeem',
        body: JSON.stringify({ code, deviceId: newId(), deviceName }),
        token: null,
      });
      const after = await snapshot(store.db);
      if (answer.status !== 200) expect(after).toEqual(before);
      expectWellFormed(answer, logged);
      if (answer.status === 200) {
        expect(after).toEqual({
          ...before,
          devices: before.devices + 1,
          usedCodes: before.usedCodes + 1,
        });
      } else {
        expect(answer.status).toBe(400);
        expect((answer.json as { error: { message: string } }).error.message).toContain(
          'deviceName',
        );
      }
    },
  );

  it('applies the valid mutation of a mixed batch and rejects each malformed one by its field; a replay changes nothing', async () => {
    const scene = await setUp(store.db);
    const { fx, logged, valid } = scene;
    const malformed: { mutation: unknown; mutationId: string; message: string }[] = [
      { field: ['baseSeq'], value: -1, message: 'baseSeq: Too small: expected number to be >=0' },
      {
        field: ['madeAt'],
        value: 'yesterday',
        message: 'madeAt: must be an ISO 8601 UTC timestamp',
      },
      { field: ['hlc'], value: 'x', message: 'hlc: must be a hybrid logical clock value' },
      {
        field: ['op'],
        value: 'upsert',
        message: 'op: Invalid option: expected one of "put"|"delete"',
      },
      {
        field: ['fields'],
        value: ['scores.kebaruan.value', 'nilai'],
        message:
          'fields.1: must be a scoresheet field such as scores.<criterion>.value, overallNote or status',
      },
      {
        field: ['record', 'data', 'rubricVersion'],
        value: 0,
        message: 'record.data.rubricVersion: Too small: expected number to be >=1',
      },
      {
        field: ['record', 'data', 'scores', 'kebaruan', 'value'],
        value: '80',
        message:
          'record.data.scores.kebaruan.value: Invalid input: expected number, received string',
      },
      {
        field: ['record', 'data', 'status'],
        value: 'abstained',
        message: 'record.data.abstainReason: an abstained scoresheet needs a reason',
      },
    ].map(({ field, value, message }) => {
      const mutationId = newId();
      return {
        mutation: withPath({ ...valid, id: mutationId }, field, value),
        mutationId,
        message,
      };
    });
    malformed.push(
      {
        mutation: { ...valid, id: 'not-a-uuid' },
        mutationId: 'not-a-uuid',
        message: 'id: must be a lowercase UUID',
      },
      // Too malformed to have a field: answered by its position in the batch.
      {
        mutation: 42,
        mutationId: '#10',
        message: 'Invalid input: expected object, received number',
      },
    );
    const mutations = [
      ...malformed.slice(0, 4).map((m) => m.mutation),
      valid,
      ...malformed.slice(4).map((m) => m.mutation),
    ];
    // The position-named one must be where its name says.
    expect(mutations[10]).toBe(42);
    const body = JSON.stringify(envelope(scene, mutations));

    const before = await snapshot(store.db);
    const first = await send(fx, { path: '/api/sync', body, token: scene.token });
    const afterFirst = await snapshot(store.db);
    expectWellFormed(first, logged);
    expect(first.status).toBe(200);
    const answer = first.json as SyncAnswer;
    expect(answer.acks).toEqual([{ mutationId: valid.id, seq: before.lastSeq + 1 }]);
    expect(answer.rejections).toEqual(
      malformed.map(({ mutationId, message }) => ({ mutationId, code: 'invalid', message })),
    );
    expect(
      (await fx.serverRecord('scoresheet', valid.record.data.id))?.scores['kebaruan']?.value,
    ).toBe(80);
    expect(afterFirst.applied).toBe(before.applied + 1);
    expect(afterFirst.records).toBe(before.records + 1);
    expect(afterFirst.lastSeq).toBe(answer.acks[0]?.seq);
    expectConsistent(afterFirst);
    const applied = await store.db.query<{ mutation_id: string }>(
      'SELECT mutation_id FROM applied_mutations',
    );
    expect(applied.map((r) => r.mutation_id)).toEqual([valid.id]);

    const replay = await send(fx, { path: '/api/sync', body, token: scene.token });
    expectWellFormed(replay, logged);
    expect(replay.status).toBe(200);
    const replayed = replay.json as SyncAnswer;
    expect(replayed.acks).toEqual(answer.acks);
    expect(replayed.rejections).toEqual(answer.rejections);
    expect(await snapshot(store.db)).toEqual(afterFirst);
  });

  it('answers each malformed envelope with a 4xx naming the problem, and changes nothing', async () => {
    const scene = await setUp(store.db);
    const { fx, logged, valid } = scene;
    const post = (body: string, headers: Record<string, string> = {}) =>
      send(fx, { path: '/api/sync', body, token: scene.token, headers });
    const base = envelope(scene, [valid]);
    const before = await snapshot(store.db);
    const unchanged = async () => {
      expect(logged, describeLogged(logged)).toEqual([]);
      expect(await snapshot(store.db)).toEqual(before);
    };

    expectError(
      await post(JSON.stringify({ ...base, cursor: -1 })),
      400,
      'invalid-body',
      'cursor: cursor must be 0 or more',
    );
    expectError(
      await post(JSON.stringify({ ...base, protocolVersion: 'x' })),
      400,
      'invalid-body',
      'protocolVersion: Invalid input: expected number, received string',
    );
    const { deviceId: _omitted, ...withoutDeviceId } = base;
    expectError(
      await post(JSON.stringify(withoutDeviceId)),
      400,
      'invalid-body',
      'deviceId: Invalid input: expected string, received undefined',
    );
    expectError(
      await post(JSON.stringify({ ...base, cursor: 1.5 })),
      400,
      'invalid-body',
      'cursor: Invalid input: expected int, received number',
    );
    expectError(
      await post(
        '{"protocolVersion":1,"schemaVersion":1,"deviceId":"' +
          scene.judge.id +
          '","cursor":1e400,"mutations":[]}',
      ),
      400,
      'invalid-body',
      'cursor: Invalid input: expected number, received Infinity',
    );
    // 1001 valid mutations (fresh ids): the batch is refused whole, none applied.
    const tooMany = Array.from({ length: MAX_MUTATIONS_PER_REQUEST + 1 }, () => ({
      ...valid,
      id: newId(),
    }));
    expectError(
      await post(JSON.stringify({ ...base, mutations: tooMany })),
      400,
      'invalid-body',
      'mutations: at most 1000 mutations per request; split the batch',
    );
    expectError(
      await post('{"protocolVersion":1,'),
      400,
      'invalid-json',
      'The request body is not valid JSON',
    );
    expectError(await post(''), 400, 'invalid-json', 'The request body is not valid JSON');
    await unchanged();

    // Over 16 MiB: refused before it is read, whether or not it says its length.
    const tooBig = JSON.stringify(base).padEnd(MAX_BODY_BYTES + 1, ' ');
    const tooLarge = `The request body is larger than ${MAX_BODY_BYTES} bytes: send it in smaller batches`;
    expectError(await post(tooBig), 413, 'body-too-large', tooLarge);
    expectError(
      await post(tooBig, { 'content-length': String(tooBig.length) }),
      413,
      'body-too-large',
      tooLarge,
    );
    await unchanged();

    // Exactly 16 MiB is still read (of garbage mutations only, so nothing changes).
    const atLimit = JSON.stringify(envelope(scene, [{}])).padEnd(MAX_BODY_BYTES, ' ');
    const accepted = await post(atLimit);
    expect(accepted.status).toBe(200);
    const atLimitAnswer = accepted.json as SyncAnswer;
    expect(atLimitAnswer.acks).toEqual([]);
    expect(atLimitAnswer.rejections).toHaveLength(1);
    expect(atLimitAnswer.rejections[0]).toMatchObject({ mutationId: '#0', code: 'invalid' });
    expect(atLimitAnswer.rejections[0]?.message).toContain('id: ');
    await unchanged();

    // 1000 mutations is the limit, not over it.
    const atMost = await post(
      JSON.stringify({ ...base, mutations: Array.from({ length: 1000 }, () => ({})) }),
    );
    expect(atMost.status).toBe(200);
    expect((atMost.json as SyncAnswer).rejections).toHaveLength(1000);
    await unchanged();

    // The other endpoints name their fields the same way.
    expectError(
      await send(fx, {
        path: '/api/auth/redeem',
        body: JSON.stringify({ deviceId: newId(), deviceName: 'HP' }),
        token: null,
      }),
      400,
      'invalid-body',
      'code: Invalid input: expected string, received undefined',
    );
    expectError(
      await send(fx, {
        path: '/api/auth/redeem',
        body: JSON.stringify({ code: 'ABCD-EFGH', deviceId: newId(), deviceName: '   ' }),
        token: null,
      }),
      400,
      'invalid-body',
      'deviceName: must not be empty',
    );
    const beforeAdmin = await snapshot(store.db);
    const panitiaToken = await tokenOf(await fx.enrol('panitia'));
    const afterEnrol = await snapshot(store.db);
    expect(afterEnrol.devices).toBe(beforeAdmin.devices + 1);
    expectError(
      await send(fx, {
        path: '/api/admin/invites',
        body: JSON.stringify({ userId: fx.judges[0]?.id, validHours: 0 }),
        token: panitiaToken,
      }),
      400,
      'invalid-body',
      'validHours: Too small: expected number to be >=1',
    );
    expectError(
      await send(fx, {
        path: '/api/admin/invites',
        body: JSON.stringify({ userId: 'Bob' }),
        token: panitiaToken,
      }),
      400,
      'invalid-body',
      'userId: must be a lowercase UUID',
    );
    expectError(
      await send(fx, { path: '/api/admin/invites', body: '{', token: panitiaToken }),
      400,
      'invalid-json',
      'The request body is not valid JSON',
    );
    expect(logged, describeLogged(logged)).toEqual([]);
    expect(await snapshot(store.db)).toEqual(afterEnrol);
    // A describeIssues sanity check: the messages above are what the schema itself says.
    const issues = mutationSchema.safeParse({ ...valid, baseSeq: -1 }).error?.issues ?? [];
    expect(describeIssues(issues)).toBe('baseSeq: Too small: expected number to be >=0');
  });
});

function newId(): string {
  return makeUuidV7(Date.now(), new Uint8Array(randomBytes(10)));
}
