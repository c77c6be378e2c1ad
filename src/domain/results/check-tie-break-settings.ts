import { PanelDataError } from './panel-data-error';
import type { PanelScores } from './panel-scores';
import type { PlenaryDecision, TieBreakRule } from './tie-break';

/**
 * Refuses a chain or a plenary decision that could silently do nothing: a criterion the
 * rubric does not have, a decision without a reason or naming an entry outside the panel.
 */
export function checkTieBreakSettings(
  panel: PanelScores,
  chain: readonly TieBreakRule[],
  decisions: readonly PlenaryDecision[],
): void {
  const criterionKeys = new Set(panel.criteria.map((c) => c.key));
  for (const rule of chain) {
    if (rule.kind === 'criterion' && !criterionKeys.has(rule.criterionKey)) {
      throw new PanelDataError(
        `The tie-break names criterion "${rule.criterionKey}", which is not in the rubric`,
      );
    }
  }
  const entryIds = new Set(panel.entryIds);
  for (const decision of decisions) {
    if (decision.reason.trim() === '') {
      throw new PanelDataError('A plenary decision needs its reason');
    }
    if (new Set(decision.entryIds).size !== decision.entryIds.length) {
      throw new PanelDataError('A plenary decision names an entry twice');
    }
    if (decision.entryIds.length < 2) {
      throw new PanelDataError('A plenary decision orders at least two entries');
    }
    const unknown = decision.entryIds.find((id) => !entryIds.has(id));
    if (unknown !== undefined) {
      throw new PanelDataError(
        `A plenary decision names entry ${unknown}, which is not in the panel`,
      );
    }
  }
}
