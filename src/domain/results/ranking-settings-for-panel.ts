import type { PlenaryDecisionRecord, StageRanking } from '../stage-ranking';
import type { PanelScores } from './panel-scores';
import type { TieBreakRule } from './tie-break';

/**
 * A stored setting that no longer fits the panel: the rubric lost or gained a criterion
 * since the chain was chosen, or a decided entry left the category. The results still
 * show, with the default for that part, and the panitia is told what was set aside.
 */
export type RankingSettingProblem =
  | { code: 'chain-unknown-criterion'; criterionKey: string }
  | { code: 'chain-missing-criterion'; criterionKey: string }
  | { code: 'decision-entry-not-in-panel'; decision: PlenaryDecisionRecord; entryId: string }
  /** checkTieBreakSettings refused them anyway: its message, in English. */
  | { code: 'settings-refused'; message: string };

export interface PanelRankingSettings {
  /** What computePanelResults is given (PanelResultsOptions, with the records kept whole). */
  options: {
    tieBreakChain?: readonly TieBreakRule[];
    plenaryDecisions: readonly PlenaryDecisionRecord[];
    includeTrimmedMean: boolean;
  };
  /** True when the stored chain is used, false when there is none or it was set aside. */
  storedChainUsed: boolean;
  problems: RankingSettingProblem[];
}

/**
 * The stage's ranking settings as they apply to one category's panel: its own plenary
 * decisions, and only settings that fit the panel, so checkTieBreakSettings never refuses
 * what the panitia stored earlier and the screen never breaks on it.
 */
export function rankingSettingsForPanel(
  ranking: StageRanking | undefined,
  categoryId: string,
  panel: PanelScores,
): PanelRankingSettings {
  const problems: RankingSettingProblem[] = [];
  const chain = ranking?.tieBreakChain;
  const chainProblems = chain ? tieBreakChainProblems(chain, panel.criteria) : [];
  problems.push(...chainProblems);
  const storedChainUsed = chain !== undefined && chainProblems.length === 0;

  const inPanel = new Set(panel.entryIds);
  const decisions = (ranking?.plenaryDecisions ?? []).filter((decision) => {
    if (decision.categoryId !== categoryId) return false;
    const missing = decision.entryIds.find((id) => !inPanel.has(id));
    if (missing === undefined) return true;
    problems.push({ code: 'decision-entry-not-in-panel', decision, entryId: missing });
    return false;
  });

  return {
    options: {
      ...(storedChainUsed ? { tieBreakChain: chain } : {}),
      plenaryDecisions: decisions,
      includeTrimmedMean: ranking?.trimmedMean ?? false,
    },
    storedChainUsed,
    problems,
  };
}

/**
 * A chain fits when it names exactly the rubric's criteria: one it does not know would be
 * refused, and one it leaves out would be skipped without anyone having chosen that.
 */
export function tieBreakChainProblems(
  chain: readonly TieBreakRule[],
  criteria: readonly { key: string }[],
): Extract<RankingSettingProblem, { criterionKey: string }>[] {
  const inChain = new Set(chain.flatMap((r) => (r.kind === 'criterion' ? [r.criterionKey] : [])));
  const inRubric = new Set(criteria.map((c) => c.key));
  return [
    ...[...inChain]
      .filter((key) => !inRubric.has(key))
      .map((criterionKey) => ({ code: 'chain-unknown-criterion' as const, criterionKey })),
    ...[...inRubric]
      .filter((key) => !inChain.has(key))
      .map((criterionKey) => ({ code: 'chain-missing-criterion' as const, criterionKey })),
  ];
}
