import { checkTieBreakSettings } from './check-tie-break-settings';
import { completeBlock } from './complete-block';
import { meanScores, trimmedMeanScores, type TrimmedMeanScores } from './entry-scores';
import {
  intraclassCorrelations,
  type IntraclassCorrelationOutcome,
} from './intraclass-correlation';
import {
  normalisedScores,
  normaliseByJudge,
  type JudgeNormalisation,
  type NormalisationSummary,
} from './judge-normalisation';
import { judgeSeverity, type PanelSeverity } from './judge-severity';
import { kendallW, type KendallWOutcome } from './kendall-w';
import type { NotCountedScore, PanelScores } from './panel-scores';
import { rankEntries, type Ranking } from './rank-entries';
import { buildScoreMatrix } from './score-matrix';
import {
  defaultTieBreakChain,
  type PlenaryDecision,
  type TieBreakRule,
  type TieBreakSettings,
} from './tie-break';
import { tieBreakValuesOf } from './tie-break-values';

export interface PanelResultsOptions {
  /** Defaults to defaultTieBreakChain(panel.criteria). */
  tieBreakChain?: readonly TieBreakRule[];
  plenaryDecisions?: readonly PlenaryDecision[];
  /** Ask for the trimmed-mean ranking as well (panels of five or more). */
  includeTrimmedMean?: boolean;
}

export type NormalisedRanking =
  | ({ available: true; ranking: Ranking } & NormalisationSummary)
  | Extract<JudgeNormalisation, { available: false }>;

export type TrimmedMeanRanking =
  { available: true; ranking: Ranking } | Extract<TrimmedMeanScores, { available: false }>;

export interface PanelAgreement {
  /** The complete block both statistics use: n = entryIds.length, m = judgeIds.length. */
  judgeIds: string[];
  entryIds: string[];
  leftOutEntryIds: string[];
  kendallW: KendallWOutcome;
  intraclassCorrelation: IntraclassCorrelationOutcome;
}

export interface PanelResults {
  tieBreakChain: readonly TieBreakRule[];
  /** The ranking by the mean of the counted totals: the official one unless the rules say otherwise. */
  rawRanking: Ranking;
  /** Beside the raw ranking, after per-judge z-scores; or why it is not offered. */
  normalisedRanking: NormalisedRanking;
  /** Null when not asked for. */
  trimmedMeanRanking: TrimmedMeanRanking | null;
  agreement: PanelAgreement;
  severity: PanelSeverity;
  notCounted: readonly NotCountedScore[];
}

/**
 * Everything the results screen and the berita acara show for one panel (one stage and
 * one category), from the plain scores alone, so every number can be recomputed.
 */
export function computePanelResults(
  panel: PanelScores,
  options: PanelResultsOptions = {},
): PanelResults {
  const chain = options.tieBreakChain ?? defaultTieBreakChain(panel.criteria);
  const plenaryDecisions = options.plenaryDecisions ?? [];
  checkTieBreakSettings(panel, chain, plenaryDecisions);

  const matrix = buildScoreMatrix(panel);
  const tieBreak: TieBreakSettings = {
    chain,
    plenaryDecisions,
    values: tieBreakValuesOf(panel, matrix),
  };

  const normalisation = normaliseByJudge(matrix);
  let normalisedRanking: NormalisedRanking;
  if (normalisation.available) {
    const { normalisedTotals, ...summary } = normalisation;
    const ranking = rankEntries(normalisedScores(matrix, normalisedTotals), tieBreak);
    normalisedRanking = { ...summary, available: true, ranking };
  } else {
    normalisedRanking = normalisation;
  }

  let trimmedMeanRanking: TrimmedMeanRanking | null = null;
  if (options.includeTrimmedMean === true) {
    const trimmed = trimmedMeanScores(matrix);
    trimmedMeanRanking = trimmed.available
      ? { available: true, ranking: rankEntries(trimmed, tieBreak) }
      : trimmed;
  }

  const block = completeBlock(matrix);
  return {
    tieBreakChain: chain,
    rawRanking: rankEntries(meanScores(matrix), tieBreak),
    normalisedRanking,
    trimmedMeanRanking,
    agreement: {
      judgeIds: block.judgeIds,
      entryIds: block.entryIds,
      leftOutEntryIds: block.leftOutEntryIds,
      kendallW: kendallW(block.ratings),
      intraclassCorrelation: intraclassCorrelations(block.ratings),
    },
    severity: judgeSeverity(matrix),
    notCounted: panel.notCounted,
  };
}
