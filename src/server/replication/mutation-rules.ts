import type { Assignment } from '../../domain/assignment';
import { describeAssignmentRefusal, refuseNewAssignment } from '../../domain/assignment-rules';
import type { Entry } from '../../domain/entry';
import type { Stage, StageState } from '../../domain/stage';
import {
  checkStageTransition,
  editableStageFields,
  STAGE_TRANSITIONS,
} from '../../domain/stage-lifecycle';
import type { User } from '../../domain/user';
import type { Mutation } from '../../domain/sync-protocol';
import type { PushAuthor } from './push-batch';
import { MutationRejected } from './push-outcome';
import type { PushWorkspace } from './push-workspace';
import { assertDeletionAllowed } from './deletion-rules';
import { applyScoresheetMutation } from './scoresheet-rules';
import type { FieldStamps } from '../../domain/scoresheet-merge';
import { sameValue } from '../../domain/scoresheet-fields';
import { recordKey } from '../../domain/sync-record';

/**
 * Decides one mutation: whether its author may make it (RELIABILITY.md, "who may do
 * what"), and what it changes. Returns the change number, or throws MutationRejected.
 *
 * - Judges change only their own scoresheets, on their assignments, in open stages.
 * - Operators change only their unit's entries, until the administrative check.
 * - The panitia changes everything, except what the server itself records (conflicts).
 */
export async function applyMutationRules(
  ws: PushWorkspace,
  author: PushAuthor,
  mutation: Mutation,
  now: Date,
  makeId: () => string,
): Promise<number> {
  const { record } = mutation;
  const role = author.user.role;
  if (record.kind === 'conflict') {
    throw new MutationRejected(
      'forbidden',
      'Conflicts are recorded by the server; they cannot be written',
    );
  }
  if (record.kind === 'scoresheet') {
    if (role === 'operator')
      throw new MutationRejected('forbidden', 'Operators cannot change scores');
    return applyScoresheetMutation(ws, author, { ...mutation, record }, now, makeId);
  }
  if (record.kind === 'entry' && role === 'operator')
    return applyOperatorEntry(ws, author, mutation, record.data);
  if (role !== 'panitia') {
    throw new MutationRejected(
      'forbidden',
      role === 'judge'
        ? `Judges can change only their own scoresheets, not a ${record.kind}`
        : `Operators can change only their unit's entries, not a ${record.kind}`,
    );
  }

  const key = recordKey(record);
  assertNotDeleted(ws, mutation, key);
  if (mutation.op === 'delete') await assertDeletionAllowed(ws, author, record);
  if (record.kind === 'rubric')
    await assertRubricNotFrozen(ws, record.data.id, record.data.version, key);
  if (record.kind === 'stage') {
    const stored = ws.get('stage', key);
    if (stored?.data.state === 'finalised' && !sameValue(stored.data, record.data)) {
      throw new MutationRejected(
        'locked',
        `Stage "${stored.data.name}" is finalised; its scores and settings are frozen`,
      );
    }
    if (mutation.op === 'put') {
      if (!stored && record.data.state !== 'draft') {
        throw new MutationRejected(
          'invalid',
          `A new stage starts as a draft; "${record.data.name}" cannot begin ${record.data.state}`,
        );
      }
      if (stored) {
        assertStageCopyCurrent(stored, author, mutation, record.data.name);
        assertStageChangeAllowed(stored.data, record.data);
        if (record.data.state === 'open' && stored.data.state !== 'open')
          await assertStageReadyToOpen(ws, stored.data.state, record.data);
      }
    }
  }
  if (
    record.kind === 'entry' &&
    mutation.op === 'put' &&
    !ws.get('competition', record.data.competitionId)
  ) {
    throw new MutationRejected(
      'unknown-target',
      `Competition ${record.data.competitionId} does not exist`,
    );
  }
  const previousAssignment =
    record.kind === 'assignment' ? ws.get('assignment', key)?.data : undefined;
  const previousStage = record.kind === 'stage' ? ws.get('stage', key)?.data : undefined;
  if (record.kind === 'assignment' && previousAssignment) {
    const a = previousAssignment;
    if (
      a.judgeId !== record.data.judgeId ||
      a.entryId !== record.data.entryId ||
      a.stageId !== record.data.stageId
    ) {
      throw new MutationRejected(
        'invalid',
        'An assignment keeps its stage, judge and entry; make a new assignment instead',
      );
    }
  }

  if (record.kind === 'assignment')
    await assertAssignmentAllowed(ws, previousAssignment, record.data, mutation.op);

  const previousEntry = record.kind === 'entry' ? ws.get('entry', key)?.data : undefined;
  const previousUser = record.kind === 'user' ? ws.get('user', key)?.data : undefined;
  const seq = ws.put(record, {
    deleted: mutation.op === 'delete',
    // Who last wrote a stage, so a stale copy from another device can be told apart from
    // this device's own edits queued one after another (assertStageCopyCurrent).
    ...(record.kind === 'stage'
      ? { stamps: { stage: { hlc: mutation.hlc, seq: ws.peekSeq(), deviceId: author.deviceId } } }
      : {}),
  });
  if (
    record.kind === 'entry' &&
    previousEntry &&
    previousEntry.unit.name !== record.data.unit.name
  ) {
    await applyEntryMoveScope(ws, previousEntry);
  }
  if (record.kind === 'user' && mutation.op === 'put')
    await applyOperatorUnitScope(ws, previousUser, record.data);
  if (record.kind === 'assignment') {
    await applyAssignmentScope(
      ws,
      previousAssignment,
      mutation.op === 'delete' ? undefined : record.data,
    );
  }
  if (record.kind === 'stage' && mutation.op === 'put')
    await applyFinalisationScope(ws, previousStage, record.data);
  return seq;
}

function applyOperatorEntry(
  ws: PushWorkspace,
  author: PushAuthor,
  mutation: Mutation,
  entry: Entry,
): number {
  const unit = author.user.unit;
  if (!unit)
    throw new MutationRejected(
      'forbidden',
      'This operator account has no unit; ask the panitia to set it',
    );
  if (mutation.op === 'delete')
    throw new MutationRejected('forbidden', 'Operators cannot delete entries');
  assertNotDeleted(ws, mutation, entry.id);
  if (entry.unit.name !== unit.name) {
    throw new MutationRejected(
      'forbidden',
      `Operators of ${unit.name} cannot register entries for ${entry.unit.name}`,
    );
  }
  const stored = ws.get('entry', entry.id)?.data;
  if (stored && stored.unit.name !== unit.name) {
    throw new MutationRejected('forbidden', `This entry belongs to ${stored.unit.name}`);
  }
  if (stored?.adminCheck) {
    throw new MutationRejected(
      'locked',
      'The administrative check of this entry is done; it can no longer be changed',
    );
  }
  if (entry.adminCheck !== undefined) {
    throw new MutationRejected('forbidden', 'Only the panitia records the administrative check');
  }
  if (!ws.get('competition', entry.competitionId)) {
    throw new MutationRejected(
      'unknown-target',
      `Competition ${entry.competitionId} does not exist`,
    );
  }
  return ws.put({ kind: 'entry', data: entry });
}

/** A rubric version is frozen once a stage that uses it has opened: edits make a new version. */
async function assertRubricNotFrozen(
  ws: PushWorkspace,
  rubricId: string,
  version: number,
  key: string,
): Promise<void> {
  if (!ws.get('rubric', key)) return;
  const stages = await ws.where('stage', 'rubricId', rubricId);
  const using = stages.find((s) => s.rubricVersion === version && s.state !== 'draft');
  if (using) {
    throw new MutationRejected(
      'locked',
      `Rubric version ${version} is used by stage "${using.name}", which has opened; save the change as version ${version + 1}`,
    );
  }
}

const isActive = (a: Assignment | undefined): a is Assignment =>
  a !== undefined && a.recusal === undefined;

/**
 * An assignment is made only where the rules allow it (src/domain/assignment-rules.ts); a
 * finalised stage's assignments do not change at all. Recusing, withdrawing or moving a
 * judge's visit day is otherwise always allowed, lifting a recusal never.
 */
async function assertAssignmentAllowed(
  ws: PushWorkspace,
  before: Assignment | undefined,
  after: Assignment,
  op: 'put' | 'delete',
): Promise<void> {
  const stage = ws.get('stage', after.stageId)?.data;
  if (stage?.state === 'finalised') {
    throw new MutationRejected(
      'locked',
      `Stage "${stage.name}" is finalised; its assignments are frozen`,
    );
  }
  // Withdrawing a judge is always allowed, also twice, or after the stage was deleted.
  if (op === 'delete') return;
  if (!stage) throw new MutationRejected('unknown-target', `Stage ${after.stageId} does not exist`);
  if (before) {
    // A recusal stands: an old copy of the assignment (a plan saved on another device, say)
    // must not quietly put the judge back on the entry.
    if (before.recusal && !after.recusal) {
      throw new MutationRejected(
        'locked',
        `This assignment was recused (${before.recusal.reason}); a recusal cannot be lifted`,
      );
    }
    return;
  }
  const entry = ws.get('entry', after.entryId)?.data;
  if (!entry) throw new MutationRejected('unknown-target', `Entry ${after.entryId} does not exist`);
  const judge = ws.get('user', after.judgeId)?.data;
  if (!judge) throw new MutationRejected('unknown-target', `User ${after.judgeId} does not exist`);
  const refusal = refuseNewAssignment(after.id, {
    stage,
    entry,
    judge,
    judgeAssignments: await ws.where('assignment', 'judgeId', judge.id),
    judgeScoresheets: await ws.where('scoresheet', 'judgeId', judge.id),
  });
  if (refusal) {
    throw new MutationRejected(
      refusal.code === 'not-a-judge' || refusal.code === 'other-competition'
        ? 'invalid'
        : 'forbidden',
      describeAssignmentRefusal(refusal, { judge: judge.name, entry: entry.title }),
    );
  }
}

/**
 * Scope changes (sync protocol 11). A judge given an entry must receive it although its
 * change number is older than their cursor: the entry is written again with a new one.
 * A judge who loses their last assignment to an entry gets a removal for it.
 */
async function applyAssignmentScope(
  ws: PushWorkspace,
  before: Assignment | undefined,
  after: Assignment | undefined,
): Promise<void> {
  if (!isActive(before) && isActive(after)) {
    const entry = ws.get('entry', after.entryId);
    if (entry) ws.put({ kind: 'entry', data: entry.data }, { stamps: entry.stamps });
  }
  if (isActive(before) && !isActive(after)) {
    const others = await ws.where('assignment', 'judgeId', before.judgeId);
    const stillAssigned = others.some(
      (a) => a.entryId === before.entryId && a.recusal === undefined,
    );
    if (!stillAssigned) ws.remove(before.judgeId, 'entry', before.entryId);
  }
}

/** An entry moved to another unit leaves the devices of the old unit's operators. */
async function applyEntryMoveScope(ws: PushWorkspace, before: Entry): Promise<void> {
  for (const operator of await ws.where('user', 'unit.name', before.unit.name)) {
    if (operator.role === 'operator') ws.remove(operator.id, 'entry', before.id);
  }
}

/**
 * An operator moved to another unit: the old unit's entries leave their devices, and the
 * new unit's entries are written again so they arrive although older than the cursor.
 */
async function applyOperatorUnitScope(
  ws: PushWorkspace,
  before: User | undefined,
  after: User,
): Promise<void> {
  const oldUnit = before?.role === 'operator' ? before.unit?.name : undefined;
  const newUnit = after.role === 'operator' ? after.unit?.name : undefined;
  if (oldUnit === newUnit) return;
  if (oldUnit !== undefined) {
    for (const entry of await ws.where('entry', 'unit.name', oldUnit))
      ws.remove(after.id, 'entry', entry.id);
  }
  if (newUnit !== undefined) {
    for (const entry of await ws.where('entry', 'unit.name', newUnit)) {
      ws.put({ kind: 'entry', data: entry }, { stamps: ws.get('entry', entry.id)?.stamps ?? null });
    }
  }
}

/** Finalising a stage opens its scores to the whole panel: every scoresheet is sent again. */
async function applyFinalisationScope(
  ws: PushWorkspace,
  before: Stage | undefined,
  after: Stage,
): Promise<void> {
  if (after.state !== 'finalised' || before?.state === 'finalised') return;
  for (const sheet of await ws.where('scoresheet', 'stageId', after.id)) {
    const stored = ws.get('scoresheet', sheet.id);
    ws.put({ kind: 'scoresheet', data: sheet }, { stamps: stored?.stamps ?? null });
  }
}

/**
 * The stage's life (src/domain/stage-lifecycle.ts) holds on the server too, whatever a
 * client sends: states move only along their transitions, and once judges may score, the
 * kind and the rubric version the sheets carry stay as they are.
 */
function assertStageChangeAllowed(before: Stage, after: Stage): void {
  if (before.state !== after.state && !STAGE_TRANSITIONS[before.state].includes(after.state)) {
    throw new MutationRejected(
      'invalid',
      `Stage "${before.name}" cannot go from ${before.state} to ${after.state}; allowed: ${STAGE_TRANSITIONS[before.state].join(', ') || 'none'}`,
    );
  }
  const editable = editableStageFields(before.state);
  const changedKind = before.kind !== after.kind;
  const changedRubric =
    before.rubricId !== after.rubricId || before.rubricVersion !== after.rubricVersion;
  if (
    (changedKind && !editable.includes('kind')) ||
    (changedRubric && !editable.includes('rubric'))
  ) {
    throw new MutationRejected(
      'invalid',
      `Stage "${before.name}" is ${before.state}: its ${changedKind ? 'kind' : 'rubric version'} can no longer change`,
    );
  }
}

/**
 * Opening a stage lets judges score, so it needs what scoring needs (the same check as the
 * panitia's screen, checkStageTransition): the rubric version the sheets will carry, and
 * at least one judge assigned. A new stage starts as a draft; it cannot be born open.
 */
async function assertStageReadyToOpen(
  ws: PushWorkspace,
  from: StageState,
  stage: Stage,
): Promise<void> {
  const rubrics = await ws.where('rubric', 'id', stage.rubricId);
  const assignments = await ws.where('assignment', 'stageId', stage.id);
  const { problems } = checkStageTransition({ state: from }, 'open', {
    hasRubric: rubrics.some((r) => r.version === stage.rubricVersion),
    activeAssignments: assignments.filter((a) => a.recusal === undefined).length,
    unfinishedSheets: 0,
    shortEntries: 0,
  });
  const [problem] = problems;
  if (!problem) return;
  const why =
    problem.code === 'no-rubric'
      ? `its rubric version ${stage.rubricVersion} does not exist`
      : problem.code === 'no-assignments'
        ? 'no judge is assigned to it yet'
        : `it cannot go from ${problem.from} to open`;
  throw new MutationRejected('invalid', `Stage "${stage.name}" cannot open: ${why}`);
}

/**
 * A deleted record does not come back from an old copy of it (another device that edited
 * it offline): a deleted person would otherwise sign in again, a deleted category return.
 * Adding it again means making a new one.
 */
function assertNotDeleted(ws: PushWorkspace, mutation: Mutation, key: string): void {
  const { kind } = mutation.record;
  if (mutation.op !== 'put' || ws.get(kind, key) || !ws.hasEverExisted(kind, key)) return;
  throw new MutationRejected(
    'locked',
    `This ${kind} was deleted on the server; it cannot be saved again — add it as a new one`,
  );
}

/**
 * Stages are edited whole, so a put made from an old copy would undo what another device
 * did since: reopen a stage that was closed, or drop a plenary decision while finalising.
 * A put whose base is older than the stored stage is refused when the stored version came
 * from another device; this device's own edits, queued one after another (made, then
 * opened), go through.
 */
function assertStageCopyCurrent(
  stored: { data: Stage; seq: number; stamps: FieldStamps | null },
  author: PushAuthor,
  mutation: Mutation,
  name: string,
): void {
  if (mutation.baseSeq >= stored.seq || stored.stamps?.['stage']?.deviceId === author.deviceId)
    return;
  throw new MutationRejected(
    'invalid',
    `Stage "${name}" was changed on another device since this one last synced (it is now ${stored.data.state}); sync, then make the change again`,
  );
}
