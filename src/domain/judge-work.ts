import type { Assignment } from './assignment';
import type { Entry } from './entry';
import type { Rubric } from './rubric';
import type { Scoresheet, ScoresheetStatus } from './scoresheet';
import type { Stage } from './stage';

/** One assignment as the judge's list shows it. */
export interface WorkItem {
  assignment: Assignment;
  entry: Entry | undefined;
  status: ScoresheetStatus | 'not-started';
  /** Criteria with a value, and all criteria of the stage's rubric. */
  scored: number;
  criteria: number;
}

export interface StageWork {
  stage: Stage;
  items: WorkItem[];
  submitted: number;
  abstained: number;
  /** Assignments not yet submitted or abstained. */
  remaining: number;
  /** The first item still to do, in list order: what the judge should open next. */
  next: WorkItem | undefined;
}

/**
 * A judge's work per stage: open stages first, recused assignments left out, each item
 * with its progress. Pure, so the list shows the same thing the tests check.
 */
export function buildJudgeWork(input: {
  assignments: readonly Assignment[];
  entries: readonly Entry[];
  stages: readonly Stage[];
  rubrics: readonly Rubric[];
  scoresheets: readonly Scoresheet[];
  compareTitles: (a: string, b: string) => number;
}): StageWork[] {
  const entries = new Map(input.entries.map((e) => [e.id, e]));
  const sheets = new Map(input.scoresheets.map((s) => [s.id, s]));
  const rubrics = new Map(input.rubrics.map((r) => [`${r.id}@${r.version}`, r]));
  const stateOrder = { open: 0, closed: 1, finalised: 2, draft: 3 } as const;
  return input.stages
    .map((stage): StageWork => {
      const rubric = rubrics.get(`${stage.rubricId}@${stage.rubricVersion}`);
      const items = input.assignments
        .filter((a) => a.stageId === stage.id && a.recusal === undefined)
        .map((assignment): WorkItem => {
          const sheet = sheets.get(assignment.id);
          const criteria = rubric?.criteria.length ?? 0;
          const scored = rubric
            ? rubric.criteria.filter((c) => (sheet?.scores[c.key]?.value ?? null) !== null).length
            : 0;
          return {
            assignment,
            entry: entries.get(assignment.entryId),
            status: sheet?.status ?? 'not-started',
            scored,
            criteria,
          };
        })
        .sort((a, b) => input.compareTitles(a.entry?.title ?? '', b.entry?.title ?? ''));
      const submitted = items.filter((i) => i.status === 'submitted').length;
      const abstained = items.filter((i) => i.status === 'abstained').length;
      return {
        stage,
        items,
        submitted,
        abstained,
        remaining: items.length - submitted - abstained,
        next: items.find((i) => i.status === 'not-started' || i.status === 'draft'),
      };
    })
    .filter((work) => work.items.length > 0)
    .sort(
      (a, b) =>
        stateOrder[a.stage.state] - stateOrder[b.stage.state] || a.stage.order - b.stage.order,
    );
}

/** Items grouped by kecamatan (the entry's unit for kecamatan units, else its region) or by category. */
export function groupWorkItems(
  items: readonly WorkItem[],
  by: 'area' | 'category',
  categoryName: (id: string) => string,
): { label: string; items: WorkItem[] }[] {
  const groups = new Map<string, WorkItem[]>();
  for (const item of items) {
    const label =
      by === 'category' ? categoryName(item.entry?.categoryId ?? '') : areaOf(item.entry);
    groups.set(label, [...(groups.get(label) ?? []), item]);
  }
  return [...groups].map(([label, grouped]) => ({ label, items: grouped }));
}

/** A kecamatan by its name; any other unit by its Kemendagri region code (no names offline). */
function areaOf(entry: Entry | undefined): string {
  if (!entry) return '—';
  return entry.unit.type === 'kecamatan' ? entry.unit.name : `Wilayah ${entry.regionCode}`;
}
