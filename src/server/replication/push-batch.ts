import { describeIssues } from '../../domain/describe-issues';
import {
  mutationSchema,
  type Ack,
  type Mutation,
  type Rejection,
} from '../../domain/sync-protocol';
import { recordKey, type SyncRecord } from '../../domain/sync-record';
import type { User } from '../../domain/user';
import type { SqlExecutor } from '../store/sql-client';
import { clampHlc, clockSkewMs } from './clock-skew';
import { lockCounterAndLoad } from './load-records';
import { applyMutationRules } from './mutation-rules';
import { MutationRejected, pushOutcomeSchema, type PushOutcome } from './push-outcome';
import { PushWorkspace } from './push-workspace';

export interface PushAuthor {
  user: User;
  deviceId: string;
  enrolledAt: Date;
}

export interface PushResult {
  acks: Ack[];
  rejections: Rejection[];
}

/** One device's outbox batch, as one sync request brought it. */
export interface PushRequest {
  author: PushAuthor;
  mutations: readonly unknown[];
  /** The server's clock when the request arrived. */
  now: Date;
  makeId: () => string;
}

/** Applies one device's outbox batch inside the caller's transaction. */
export async function pushBatch(
  tx: SqlExecutor,
  author: PushAuthor,
  rawMutations: readonly unknown[],
  now: Date,
  makeId: () => string,
): Promise<PushResult> {
  const [result] = await pushBatches(tx, [{ author, mutations: rawMutations, now, makeId }]);
  if (!result) throw new Error('pushBatches answered no request');
  return result;
}

/**
 * Applies the batches of one or more requests, in order, inside the caller's transaction,
 * in two statements: exactly as if each had been pushed alone, one after the other.
 *
 * The first statement locks the counter row, so pushes are serialised (change numbers
 * become visible in order, and two tabs pushing the same batch take turns: the second
 * finds every mutation already answered), and loads everything the rules need. Each
 * mutation is then decided in memory in order, and the second statement writes it all
 * and moves the counter.
 */
export async function pushBatches(
  tx: SqlExecutor,
  requests: readonly PushRequest[],
): Promise<PushResult[]> {
  const parsed = requests.map((request) => {
    const result: PushResult = { acks: [], rejections: [] };
    const mutations: Mutation[] = [];
    request.mutations.forEach((raw, index) => {
      const outcome = mutationSchema.safeParse(raw);
      if (outcome.success) mutations.push(outcome.data);
      else
        result.rejections.push({
          mutationId: idOf(raw, index),
          code: 'invalid',
          message: describeIssues(outcome.error.issues),
        });
    });
    return { request, result, mutations };
  });

  const all = parsed.flatMap((p) => p.mutations);
  const start = await lockCounterAndLoad(
    tx,
    all.map((m) => m.id),
    all.flatMap(targetsOf),
  );
  const workspace = new PushWorkspace(tx, start.lastSeq, start.auditHead);
  workspace.preload(start.records);
  const answered = new Map<string, PushOutcome>();
  for (const [id, outcome] of start.outcomes) answered.set(id, pushOutcomeSchema.parse(outcome));

  for (const { request, result, mutations } of parsed) {
    const { author, now, makeId } = request;
    for (const mutation of mutations) {
      const previous = answered.get(mutation.id);
      if (previous) {
        pushAnswer(result, mutation.id, previous);
        continue;
      }
      const outcome = await decide(workspace, author, mutation, now, makeId);
      answered.set(mutation.id, outcome);
      workspace.recordOutcome(mutation, author, outcome, now);
      pushAnswer(result, mutation.id, outcome);
    }
  }
  await workspace.flush();
  return parsed.map((p) => p.result);
}

async function decide(
  workspace: PushWorkspace,
  author: PushAuthor,
  mutation: Mutation,
  now: Date,
  makeId: () => string,
): Promise<PushOutcome> {
  const skew = clockSkewMs(new Date(mutation.madeAt), now, author.enrolledAt);
  const trusted: Mutation = {
    ...mutation,
    hlc: clampHlc(mutation.hlc, now),
    ...(mutation.fieldHlcs === undefined
      ? {}
      : {
          fieldHlcs: Object.fromEntries(
            Object.entries(mutation.fieldHlcs).map(([f, h]) => [f, clampHlc(h, now)]),
          ),
        }),
  };
  try {
    const seq = await applyMutationRules(workspace, author, trusted, now, makeId);
    return skew === undefined ? { type: 'ack', seq } : { type: 'ack', seq, clockSkewMs: skew };
  } catch (error) {
    if (error instanceof MutationRejected)
      return { type: 'rejection', code: error.code, message: error.message };
    throw error;
  }
}

/** Every stored record a mutation's rules may read, so they are loaded in one query. */
function targetsOf(mutation: Mutation): { kind: string; key: string }[] {
  const record: SyncRecord = mutation.record;
  const self = { kind: record.kind, key: recordKey(record) };
  switch (record.kind) {
    case 'scoresheet':
      return [
        self,
        { kind: 'assignment', key: record.data.id },
        { kind: 'stage', key: record.data.stageId },
        { kind: 'rubric', key: `${record.data.rubricId}@${record.data.rubricVersion}` },
      ];
    case 'entry':
      return [self, { kind: 'competition', key: record.data.competitionId }];
    case 'assignment':
      return [
        self,
        { kind: 'entry', key: record.data.entryId },
        { kind: 'stage', key: record.data.stageId },
        { kind: 'user', key: record.data.judgeId },
      ];
    default:
      return [self];
  }
}

function pushAnswer(result: PushResult, mutationId: string, outcome: PushOutcome): void {
  if (outcome.type === 'ack') {
    result.acks.push(
      outcome.clockSkewMs === undefined
        ? { mutationId, seq: outcome.seq }
        : { mutationId, seq: outcome.seq, clockSkewMs: outcome.clockSkewMs },
    );
  } else {
    result.rejections.push({ mutationId, code: outcome.code, message: outcome.message });
  }
}

/** The id of a mutation too malformed to parse, so the device can still match the answer. */
function idOf(raw: unknown, index: number): string {
  if (typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'string')
    return raw.id.slice(0, 64);
  return `#${index}`;
}
