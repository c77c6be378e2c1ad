import { scoresheetChanges } from '../../domain/audit-entry';
import type { Conflict } from '../../domain/conflict';
import { RubricMismatchError, ScoreOutOfScaleError } from '../../domain/errors';
import { computeScoreTotal } from '../../domain/score-total';
import type { Scoresheet } from '../../domain/scoresheet';
import { sameValue } from '../../domain/scoresheet-fields';
import { mergeScoresheetEdit, type FieldConflict } from '../../domain/scoresheet-merge';
import type { Mutation } from '../../domain/sync-protocol';
import type { PushAuthor } from './push-batch';
import { MutationRejected } from './push-outcome';
import type { PushWorkspace } from './push-workspace';

type ScoresheetMutation = Mutation & { record: { kind: 'scoresheet'; data: Scoresheet } };

/**
 * A scoresheet's id is the id of its assignment (stage + judge + entry): two devices of
 * one judge that start the same sheet offline write the same record, and merge.
 */
export function applyScoresheetMutation(
  ws: PushWorkspace,
  author: PushAuthor,
  mutation: ScoresheetMutation,
  now: Date,
  makeId: () => string,
): number {
  const sheet = mutation.record.data;
  const isJudge = author.user.role === 'judge';
  if (mutation.op === 'delete')
    throw new MutationRejected(
      'forbidden',
      'Scoresheets are not deleted; abstain with a reason instead',
    );
  if (isJudge) assertJudgeMayScore(ws, author, sheet);

  const stage = ws.get('stage', sheet.stageId)?.data;
  if (!stage) throw new MutationRejected('unknown-target', `Stage ${sheet.stageId} does not exist`);
  if (isJudge && stage.state !== 'open') {
    throw new MutationRejected(
      'not-open',
      `Stage "${stage.name}" is ${stage.state}: scores can be changed only while it is open`,
    );
  }
  if (stage.state === 'finalised')
    throw new MutationRejected(
      'locked',
      `Stage "${stage.name}" is finalised; its scores are frozen`,
    );
  if (sheet.rubricId !== stage.rubricId || sheet.rubricVersion !== stage.rubricVersion) {
    throw new MutationRejected(
      'invalid',
      `Stage "${stage.name}" is scored with rubric version ${stage.rubricVersion}`,
    );
  }

  const stored = ws.get('scoresheet', sheet.id);
  if (stored) {
    const s = stored.data;
    if (s.stageId !== sheet.stageId || s.judgeId !== sheet.judgeId || s.entryId !== sheet.entryId) {
      throw new MutationRejected('invalid', 'A scoresheet keeps its stage, judge and entry');
    }
    if (isJudge && s.status === 'submitted') {
      throw new MutationRejected(
        'locked',
        'This scoresheet was submitted and is locked; ask the panitia to reopen it',
      );
    }
  }
  if (!isJudge) assertPanitiaOnlyReopens(stored?.data, sheet, mutation.fields);

  const merged = mergeScoresheetEdit(
    stored ? { sheet: stored.data, stamps: stored.stamps ?? {} } : null,
    {
      sheet,
      fields: mutation.fields,
      hlc: mutation.hlc,
      fieldHlcs: mutation.fieldHlcs,
      deviceId: author.deviceId,
      baseSeq: mutation.baseSeq,
    },
    ws.peekSeq(),
  );
  assertScoresFitRubric(ws, merged.sheet);

  // Written again when it differs from what the device sent (it lost a conflict, or kept
  // fields the device did not set), or when the device edited an older version than the
  // server's: either way that device must pull the current version and its change number,
  // or its next edit would count as concurrent with what it has in fact seen.
  const isStaleBase = stored !== null && mutation.baseSeq < stored.seq;
  const isNeeded = merged.changed || isStaleBase || !sameValue(merged.sheet, sheet);
  const seq = isNeeded
    ? ws.put({ kind: 'scoresheet', data: merged.sheet }, { stamps: merged.stamps })
    : (stored?.seq ?? 0);
  if (isNeeded) auditScoreChange(ws, author, mutation, stored?.data, merged.sheet, seq, now);
  for (const conflict of merged.conflicts) {
    ws.put({ kind: 'conflict', data: conflictRecord(makeId(), merged.sheet, conflict, now) });
  }
  return seq;
}

/**
 * Every applied change to a score goes into the audit chain, with the values it replaced
 * (issue 6 item 4). A rewrite that changes no value (the device edited an older version)
 * is not a change to the score and leaves no row.
 */
function auditScoreChange(
  ws: PushWorkspace,
  author: PushAuthor,
  mutation: ScoresheetMutation,
  before: Scoresheet | undefined,
  after: Scoresheet,
  seq: number,
  now: Date,
): void {
  const changes = scoresheetChanges(before, after);
  if (changes.length === 0) return;
  ws.recordScoreChange({
    mutationId: mutation.id,
    userId: author.user.id,
    deviceId: author.deviceId,
    madeAt: mutation.madeAt,
    hlc: mutation.hlc,
    appliedAt: now.toISOString(),
    recordSeq: seq,
    scoresheetId: after.id,
    stageId: after.stageId,
    entryId: after.entryId,
    judgeId: after.judgeId,
    changes,
  });
}

/**
 * A judge scores only their own sheets, on assignments the panitia made. An assignment
 * withdrawn or recused while the judge was offline does not throw their work away: the
 * sheet is still stored, and the panitia sees it as orphaned (sync protocol 11).
 */
function assertJudgeMayScore(ws: PushWorkspace, author: PushAuthor, sheet: Scoresheet): void {
  if (sheet.judgeId !== author.user.id) {
    throw new MutationRejected(
      'forbidden',
      "Judges can change only their own scoresheets, not another judge's",
    );
  }
  if (!ws.hasEverExisted('assignment', sheet.id)) {
    throw new MutationRejected('unknown-target', 'There is no assignment for this scoresheet');
  }
  const assignment = ws.get('assignment', sheet.id)?.data;
  if (!assignment) return; // withdrawn since: kept as orphaned work
  if (
    assignment.judgeId !== sheet.judgeId ||
    assignment.stageId !== sheet.stageId ||
    assignment.entryId !== sheet.entryId
  ) {
    throw new MutationRejected('invalid', "A scoresheet's id must be the id of its assignment");
  }
}

/**
 * The scores are the judge's own (ARCHITECTURE.md, sync protocol 1): the panitia's one
 * power over a scoresheet is to reopen a submitted or abstained one, so the judge can
 * change it. Every number in a ranking is then one a judge entered.
 */
function assertPanitiaOnlyReopens(
  stored: Scoresheet | undefined,
  sheet: Scoresheet,
  fields: readonly string[] | undefined,
): void {
  const isReopen =
    stored !== undefined &&
    stored.status !== 'draft' &&
    sheet.status === 'draft' &&
    fields !== undefined &&
    fields.length === 1 &&
    fields[0] === 'status';
  if (!isReopen) {
    throw new MutationRejected(
      'forbidden',
      "The panitia can reopen a judge's scoresheet, not write its scores",
    );
  }
}

function assertScoresFitRubric(ws: PushWorkspace, sheet: Scoresheet): void {
  const rubric = ws.get('rubric', `${sheet.rubricId}@${sheet.rubricVersion}`)?.data;
  if (!rubric)
    throw new MutationRejected(
      'unknown-target',
      `Rubric ${sheet.rubricId} version ${sheet.rubricVersion} does not exist`,
    );
  try {
    const total = computeScoreTotal(sheet, rubric);
    if (sheet.status === 'submitted' && !total.isComplete) {
      const names = rubric.criteria.filter((c) => total.missing.includes(c.key)).map((c) => c.name);
      throw new MutationRejected(
        'incomplete',
        `Cannot submit: no value yet for ${names.join(', ')}`,
      );
    }
  } catch (error) {
    if (error instanceof ScoreOutOfScaleError || error instanceof RubricMismatchError) {
      throw new MutationRejected('invalid', error.message);
    }
    throw error;
  }
}

function conflictRecord(
  id: string,
  sheet: Scoresheet,
  conflict: FieldConflict,
  now: Date,
): Conflict {
  const side = (s: FieldConflict['kept']) => ({
    valueJson: JSON.stringify(s.value),
    hlc: s.hlc,
    deviceId: s.deviceId,
  });
  return {
    id,
    scoresheetId: sheet.id,
    judgeId: sheet.judgeId,
    stageId: sheet.stageId,
    entryId: sheet.entryId,
    field: conflict.field,
    kept: side(conflict.kept),
    lost: side(conflict.lost),
    at: now.toISOString(),
  };
}
