import type { Assignment } from './assignment';
import { sameUnitName } from './assignment-planner';
import type { Entry } from './entry';
import type { Scoresheet } from './scoresheet';
import type { Stage } from './stage';
import type { User } from './user';

/**
 * Why a judge may not be put on an entry (issue 5, "Assignments"). The same rules the
 * planner keeps, applied to every assignment however it was made: by the planner, by
 * hand on the panitia's screen, or by any client at all, because the server checks them
 * too (src/server/replication/mutation-rules.ts).
 */
export type AssignmentRefusal =
  | { code: 'not-a-judge'; role: User['role'] }
  | { code: 'own-unit'; unitName: string }
  | { code: 'abstained'; stageId: string; reason: string }
  | { code: 'recused'; stageId: string; reason: string }
  | { code: 'already-assigned' }
  | { code: 'other-competition' }
  | { code: 'stage-finalised' };

export interface NewAssignmentFacts {
  stage: Pick<Stage, 'id' | 'competitionId' | 'state'>;
  entry: Pick<Entry, 'id' | 'competitionId' | 'unit'>;
  judge: Pick<User, 'id' | 'role' | 'unit'>;
  /** The judge's other assignments, in any stage. */
  judgeAssignments: readonly Pick<Assignment, 'id' | 'stageId' | 'entryId' | 'recusal'>[];
  /** The judge's scoresheets, in any stage: an abstention is a declared conflict. */
  judgeScoresheets: readonly Pick<Scoresheet, 'entryId' | 'stageId' | 'status' | 'abstainReason'>[];
}

/**
 * The first rule a new assignment (or a recusal being lifted) breaks, or null. Only the
 * making of an assignment is checked: recusing or withdrawing a judge is always allowed,
 * and an assignment made before a judge's unit changed stays, because the judge may have
 * scored it already (sync protocol 11).
 */
export function refuseNewAssignment(
  assignmentId: string,
  facts: NewAssignmentFacts,
): AssignmentRefusal | null {
  const { stage, entry, judge } = facts;
  if (stage.state === 'finalised') return { code: 'stage-finalised' };
  if (entry.competitionId !== stage.competitionId) return { code: 'other-competition' };
  if (judge.role !== 'judge') return { code: 'not-a-judge', role: judge.role };
  if (judge.unit !== undefined && sameUnitName(judge.unit.name, entry.unit.name))
    return { code: 'own-unit', unitName: entry.unit.name };
  const abstention = facts.judgeScoresheets.find(
    (s) => s.entryId === entry.id && s.status === 'abstained',
  );
  if (abstention)
    return {
      code: 'abstained',
      stageId: abstention.stageId,
      reason: abstention.abstainReason ?? '',
    };
  const others = facts.judgeAssignments.filter(
    (a) => a.entryId === entry.id && a.id !== assignmentId,
  );
  const recused = others.find((a) => a.recusal !== undefined);
  if (recused?.recusal)
    return { code: 'recused', stageId: recused.stageId, reason: recused.recusal.reason };
  if (others.some((a) => a.stageId === stage.id)) return { code: 'already-assigned' };
  return null;
}

/** The refusal in English, for the server's rejection message (the UI has its own words). */
export function describeAssignmentRefusal(
  refusal: AssignmentRefusal,
  names: { judge: string; entry: string },
): string {
  switch (refusal.code) {
    case 'stage-finalised':
      return 'The stage is finalised; its assignments are frozen';
    case 'other-competition':
      return `Entry "${names.entry}" belongs to another competition than the stage`;
    case 'not-a-judge':
      return `${names.judge} is ${refusal.role === 'operator' ? 'an operator' : 'panitia'}, not a judge`;
    case 'own-unit':
      return `${names.judge} belongs to ${refusal.unitName}, the unit of entry "${names.entry}"; a judge never judges their own unit`;
    case 'abstained':
      return `${names.judge} abstained on entry "${names.entry}" (${refusal.reason}); a declared conflict keeps them off it`;
    case 'recused':
      return `${names.judge} was recused from entry "${names.entry}" (${refusal.reason}); a recusal keeps them off it`;
    case 'already-assigned':
      return `${names.judge} is already assigned to entry "${names.entry}" in this stage`;
  }
}
