import type { PlenaryDecision, TieBreakStep, TieExplanation } from '../../domain/results/tie-break';
import type { Rubric } from '../../domain/rubric';
import type { DocumentTranslate } from './documents/document-texts';

/** Who recorded a plenary decision and when, as the screen shows it. */
export interface DecisionRecordText {
  by: string;
  at: string;
}

/**
 * One sentence on why an entry stands where it does among entries with its score: the
 * rule that separated it from the others, or that the plenary still has to decide. Given
 * recordOf, a plenary decision also says who recorded it and when, so a questioned order
 * can be traced to the person who entered it.
 */
export function describeTie(
  tie: TieExplanation,
  entryId: string,
  titleOf: (entryId: string) => string,
  rubric: Pick<Rubric, 'criteria'>,
  t: DocumentTranslate,
  recordOf?: (decision: PlenaryDecision) => DecisionRecordText | null,
): string {
  const others = tie.entryIds
    .filter((id) => id !== entryId)
    .map(titleOf)
    .join(', ');
  const isUnresolved = tie.unresolved.some((group) => group.includes(entryId));
  if (isUnresolved) return t('tieOpen', { others });
  // The last step that split a group holding this entry is the one that placed it.
  const step = [...tie.steps]
    .reverse()
    .find((s) => s.groups.length > 1 && s.compared.some((c) => c.entryId === entryId));
  const note = t('tieNote', { others, rule: step ? ruleText(step, rubric, t) : '' });
  const record = step?.decision && recordOf?.(step.decision);
  return record ? `${note} ${t('plenaryRecorded', { by: record.by, at: record.at })}` : note;
}

function ruleText(step: TieBreakStep, rubric: Pick<Rubric, 'criteria'>, t: DocumentTranslate) {
  switch (step.rule.kind) {
    case 'criterion': {
      const key = step.rule.criterionKey;
      const name = rubric.criteria.find((c) => c.key === key)?.name ?? key;
      return t('ruleCriterion', { name });
    }
    case 'mostFirstPlaces':
      return t('ruleFirstPlaces');
    case 'plenaryDecision':
      return t('rulePlenary', { reason: step.decision?.reason ?? '' });
  }
}
