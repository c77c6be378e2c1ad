import type { Assignment } from './assignment';
import { areaOfRegion, type DeclaredConflict, type PlanRequest } from './assignment-planner';
import type { Entry } from './entry';
import type { Scoresheet } from './scoresheet';
import type { Stage } from './stage';
import type { User } from './user';

export interface StagePlanOptions {
  judgesPerEntry: number;
  /** Field stages: how many sites a judge visits in a day. */
  visitsPerDay: number;
}

/**
 * The planner's input for one stage, from the records on the panitia's device. A judge
 * has declared a conflict with an entry when they abstained on it or were recused from it
 * in any stage: the planner keeps them off it here too.
 */
export function planRequestForStage(
  stage: Pick<Stage, 'id' | 'kind'>,
  records: {
    judges: readonly User[];
    /** The entries this stage judges (the panitia's choice). */
    entries: readonly Entry[];
    assignments: readonly Assignment[];
    scoresheets: readonly Scoresheet[];
  },
  options: StagePlanOptions,
): PlanRequest {
  const conflicts: DeclaredConflict[] = [
    ...records.assignments.filter((a) => a.recusal && a.stageId !== stage.id),
    ...records.scoresheets.filter((s) => s.status === 'abstained'),
  ].map((r) => ({ judgeId: r.judgeId, entryId: r.entryId }));
  return {
    judgesPerEntry: options.judgesPerEntry,
    judges: records.judges
      .filter((u) => u.role === 'judge')
      .map((u) => ({ id: u.id, unitName: u.unit?.name })),
    entries: records.entries.map((e) => ({
      id: e.id,
      unitName: e.unit.name,
      area: areaOfRegion(e.regionCode),
    })),
    existing: records.assignments
      .filter((a) => a.stageId === stage.id)
      .map((a) => ({ judgeId: a.judgeId, entryId: a.entryId, isRecused: a.recusal !== undefined })),
    conflicts,
    ...(stage.kind === 'field' ? { field: { visitsPerDay: options.visitsPerDay } } : {}),
  };
}
