import type { Assignment } from '../assignment';
import type { Entry } from '../entry';
import type { Rubric } from '../rubric';
import { computeScoreTotal } from '../score-total';
import type { Scoresheet } from '../scoresheet';
import type { Stage } from '../stage';
import type { NotCountedScore, PanelScores, SubmittedScore } from './panel-scores';

export interface StageRecords {
  stage: Pick<Stage, 'id'>;
  /** The rubric version the stage scores with; every sheet of the stage must use it. */
  rubric: Rubric;
  entries: readonly Pick<Entry, 'id' | 'categoryId'>[];
  assignments: readonly Assignment[];
  scoresheets: readonly Scoresheet[];
}

export interface CategoryPanel {
  categoryId: string;
  panel: PanelScores;
}

/**
 * One panel per category of a stage, from the stored records. An entry belongs to the
 * stage when it has an assignment there. A score counts only when its sheet is submitted,
 * complete and on an assignment that still stands without a recusal; the total is the one
 * the judge saw (computeScoreTotal). Everything else is listed as not counted, with why.
 */
export function buildCategoryPanels(records: StageRecords): CategoryPanel[] {
  const stageId = records.stage.id;
  const assignments = records.assignments.filter((a) => a.stageId === stageId);
  const assignmentById = new Map(assignments.map((a) => [a.id, a]));
  const sheetById = new Map(
    records.scoresheets.filter((s) => s.stageId === stageId).map((s) => [s.id, s]),
  );
  const entryIdsInStage = new Set(assignments.map((a) => a.entryId));
  const categoryOf = new Map(records.entries.map((e) => [e.id, e.categoryId]));

  const panels = new Map<string, PanelBuilder>();
  const panelOf = (entryId: string): PanelBuilder | undefined =>
    panels.get(categoryOf.get(entryId) ?? '');
  for (const entry of records.entries) {
    if (!entryIdsInStage.has(entry.id)) continue;
    let builder = panels.get(entry.categoryId);
    if (!builder) {
      builder = { entryIds: [], judgeIds: [], scores: [], notCounted: [] };
      panels.set(entry.categoryId, builder);
    }
    builder.entryIds.push(entry.id);
  }

  for (const assignment of assignments) {
    const panel = panelOf(assignment.entryId);
    if (!panel) continue;
    const sheet = sheetById.get(assignment.id);
    const counted = countedScore(assignment, sheet, records.rubric);
    if ('reason' in counted) panel.notCounted.push(counted);
    else {
      panel.scores.push(counted);
      if (!panel.judgeIds.includes(counted.judgeId)) panel.judgeIds.push(counted.judgeId);
    }
  }
  // Work on an assignment withdrawn meanwhile is kept by the server; show it, never count it.
  for (const sheet of sheetById.values()) {
    if (assignmentById.has(sheet.id)) continue;
    panelOf(sheet.entryId)?.notCounted.push({
      judgeId: sheet.judgeId,
      entryId: sheet.entryId,
      reason: 'assignment-withdrawn',
      note: '',
    });
  }

  const criteria = records.rubric.criteria.map(({ key, weight }) => ({ key, weight }));
  return [...panels].map(([categoryId, panel]) => ({
    categoryId,
    panel: { ...panel, criteria },
  }));
}

/** A panel while it is being filled: the same fields, still growing. */
interface PanelBuilder {
  entryIds: string[];
  judgeIds: string[];
  scores: SubmittedScore[];
  notCounted: NotCountedScore[];
}

function countedScore(
  assignment: Assignment,
  sheet: Scoresheet | undefined,
  rubric: Rubric,
): SubmittedScore | NotCountedScore {
  const { judgeId, entryId } = assignment;
  if (assignment.recusal) {
    return { judgeId, entryId, reason: 'recused', note: assignment.recusal.reason };
  }
  if (sheet?.status === 'abstained') {
    return { judgeId, entryId, reason: 'abstained', note: sheet.abstainReason ?? '' };
  }
  if (sheet?.status !== 'submitted') return { judgeId, entryId, reason: 'not-submitted', note: '' };

  const { total, isComplete } = computeScoreTotal(sheet, rubric);
  // The server refuses an incomplete submission; should one exist, it must not count as zeros.
  if (!isComplete) return { judgeId, entryId, reason: 'incomplete', note: '' };
  const criterionValues: Record<string, number> = {};
  for (const criterion of rubric.criteria) {
    const value = sheet.scores[criterion.key]?.value;
    if (value !== undefined && value !== null) criterionValues[criterion.key] = value;
  }
  return { judgeId, entryId, total, criterionValues };
}
