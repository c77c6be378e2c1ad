import type { Stage, StageState } from './stage';

/**
 * A stage's states and the rules that go with them (ARCHITECTURE.md, Data; issue 5):
 *
 * - draft: everything may change; judges cannot score yet.
 * - open: judges score. Its rubric version is frozen from now on (the server refuses an
 *   edit of it; a change makes a new version), so the stage's rubric and kind stay.
 * - closed: scoring stops; the panitia may open it again, e.g. for a late judge.
 * - finalised: scores and settings are frozen for good, and every judge of the panel
 *   sees the others' scores (the server sends them then).
 */
export const STAGE_TRANSITIONS: Record<StageState, readonly StageState[]> = {
  draft: ['open'],
  open: ['closed'],
  closed: ['open', 'finalised'],
  finalised: [],
};

export type StageTransitionProblem =
  | { code: 'not-allowed'; from: StageState; to: StageState }
  | { code: 'no-rubric' }
  | { code: 'no-assignments' };

/** What the panitia should know before confirming, without being stopped by it. */
export type StageTransitionWarning =
  { code: 'unfinished-sheets'; count: number } | { code: 'short-entries'; count: number };

export interface StageTransitionCheck {
  problems: StageTransitionProblem[];
  warnings: StageTransitionWarning[];
}

export interface StageTransitionFacts {
  /** Whether the rubric version the stage names exists. */
  hasRubric: boolean;
  /** Assignments of the stage without a recusal. */
  activeAssignments: number;
  /** Active assignments whose sheet is neither submitted nor abstained. */
  unfinishedSheets: number;
  /** Entries with fewer judges than the stage wants. */
  shortEntries: number;
}

export function checkStageTransition(
  stage: Pick<Stage, 'state'>,
  to: StageState,
  facts: StageTransitionFacts,
): StageTransitionCheck {
  const problems: StageTransitionProblem[] = [];
  const warnings: StageTransitionWarning[] = [];
  if (!STAGE_TRANSITIONS[stage.state].includes(to)) {
    problems.push({ code: 'not-allowed', from: stage.state, to });
    return { problems, warnings };
  }
  if (to === 'open') {
    if (!facts.hasRubric) problems.push({ code: 'no-rubric' });
    if (facts.activeAssignments === 0) problems.push({ code: 'no-assignments' });
    if (facts.shortEntries > 0) warnings.push({ code: 'short-entries', count: facts.shortEntries });
  }
  if ((to === 'closed' || to === 'finalised') && facts.unfinishedSheets > 0) {
    warnings.push({ code: 'unfinished-sheets', count: facts.unfinishedSheets });
  }
  return { problems, warnings };
}

/** The stage settings the panitia may still change in a state. */
export function editableStageFields(
  state: StageState,
): readonly ('name' | 'kind' | 'order' | 'rubric' | 'advancement' | 'ranking')[] {
  switch (state) {
    case 'draft':
      return ['name', 'kind', 'order', 'rubric', 'advancement', 'ranking'];
    case 'open':
    case 'closed':
      // Sheets already carry the stage's rubric version: it cannot change under them. The
      // ranking settings and plenary decisions are made while scores come in and after.
      return ['name', 'order', 'advancement', 'ranking'];
    case 'finalised':
      return [];
  }
}

/** Whether a rubric version is frozen: a stage that uses it has opened. */
export function isRubricVersionFrozen(
  rubric: { id: string; version: number },
  stages: readonly Pick<Stage, 'rubricId' | 'rubricVersion' | 'state'>[],
): boolean {
  return stages.some(
    (s) => s.rubricId === rubric.id && s.rubricVersion === rubric.version && s.state !== 'draft',
  );
}
