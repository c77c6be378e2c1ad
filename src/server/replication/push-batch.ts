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
import { loadRecords } from './load-records';
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

/**
 * Applies one device's outbox batch inside the caller's transaction.
 *
 * The counter row is locked first, so pushes are serialised (change numbers become visible
 * in order, and two tabs pushing the same batch take turns: the second finds every mutation
 * already answered). Then everything the rules need is loaded in one query, each mutation
 * is decided in memory in order, and all writes go out as a few multi-row statements.
 */
export async function pushBatch(
  tx: SqlExecutor,
  author: PushAuthor,
  rawMutations: readonly unknown[],
  now: Date,
  makeId: () => string,
): Promise<PushResult> {
  const counter = await tx.query<{ last_seq: string | number }>(
    'SELECT last_seq FROM change_counter FOR UPDATE',
  );
  const workspace = new PushWorkspace(tx, Number(counter[0]?.last_seq ?? 0));
  const result: PushResult = { acks: [], rejections: [] };

  const mutations: Mutation[] = [];
  rawMutations.forEach((raw, index) => {
    const parsed = mutationSchema.safeParse(raw);
    if (parsed.success) mutations.push(parsed.data);
    else
      result.rejections.push({
        mutationId: idOf(raw, index),
        code: 'invalid',
        message: describeIssues(parsed.error.issues),
      });
  });

  const answered = await loadOutcomes(
    tx,
    mutations.map((m) => m.id),
  );
  workspace.preload(await loadRecords(tx, mutations.flatMap(targetsOf)));

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
  await workspace.flush();
  return result;
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
      ];
    default:
      return [self];
  }
}

async function loadOutcomes(
  tx: SqlExecutor,
  ids: readonly string[],
): Promise<Map<string, PushOutcome>> {
  const outcomes = new Map<string, PushOutcome>();
  if (ids.length === 0) return outcomes;
  const rows = await tx.query<{ mutation_id: string; outcome: unknown }>(
    `SELECT mutation_id, outcome FROM applied_mutations
      WHERE mutation_id IN (SELECT jsonb_array_elements_text($1::jsonb))`,
    [JSON.stringify(ids)],
  );
  for (const row of rows) outcomes.set(row.mutation_id, pushOutcomeSchema.parse(row.outcome));
  return outcomes;
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
