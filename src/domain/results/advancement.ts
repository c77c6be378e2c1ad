import type { Advancement, Stage } from '../stage';
import { SCORE_TOLERANCE } from './statistics';
import type { RankedEntry, Ranking } from './rank-entries';
import type { TieExplanation } from './tie-break';

/** One category's ranking, as the advancement reads it (the raw ranking: the official one). */
export interface CategoryRanking {
  categoryId: string;
  ranking: Ranking;
}

/**
 * Entries that share a score where the cut falls: some of them would go through and some
 * not. Settled: the tie-break chain ordered them, and the cut follows that order (shown
 * with its explanation). Unsettled: they share a rank across the cut, and nobody is cut
 * until the plenary decides or the panitia lets all of them through.
 */
export interface TieAtCut {
  tie: TieExplanation;
  /** The tied entries that fall inside the cut by the ranking as it stands. */
  insideCut: string[];
  /** The tied entries below the cut. */
  outsideCut: string[];
  /** For an unsettled tie: the places left for the entries that share the rank. */
  placesLeft: number;
  isSettled: boolean;
}

export interface CategoryAdvancement {
  categoryId: string;
  /** Advancing without question, in rank order. */
  advancing: RankedEntry[];
  /** Unsettled tie across the cut: neither advancing nor out until someone decides. */
  undecided: RankedEntry[];
  notAdvancing: RankedEntry[];
  /** Entries without a counted score: they cannot advance on a ranking. */
  unscoredEntryIds: string[];
  tieAtCut: TieAtCut | null;
}

export interface AdvancementPreview {
  rule: Advancement;
  categories: CategoryAdvancement[];
}

/**
 * Who advances from a stage by its rule, per category: the top N (rank ≤ N), or everyone
 * whose score reaches the threshold. A tie at the cut line is always reported, never
 * silently cut: a tie the chain settled is shown with why; one it did not settle leaves
 * its entries undecided.
 */
export function previewAdvancement(
  rule: Advancement,
  categories: readonly CategoryRanking[],
): AdvancementPreview {
  return {
    rule,
    categories: categories.map(({ categoryId, ranking }) => {
      const base = { categoryId, unscoredEntryIds: [...ranking.unscoredEntryIds] };
      switch (rule.kind) {
        case 'none':
          return {
            ...base,
            advancing: [],
            undecided: [],
            notAdvancing: [...ranking.entries],
            tieAtCut: null,
          };
        case 'threshold':
          // The same tolerance as the ranking: 80 reached through other weights is still 80.
          return {
            ...base,
            ...split(ranking.entries, (e) => e.score >= rule.minScore - SCORE_TOLERANCE),
            undecided: [],
            tieAtCut: null,
          };
        case 'topPerCategory':
          return { ...base, ...topN(ranking.entries, rule.count) };
      }
    }),
  };
}

function split(entries: readonly RankedEntry[], passes: (e: RankedEntry) => boolean) {
  return { advancing: entries.filter(passes), notAdvancing: entries.filter((e) => !passes(e)) };
}

function topN(entries: readonly RankedEntry[], count: number) {
  const advancing: RankedEntry[] = [];
  const undecided: RankedEntry[] = [];
  const notAdvancing: RankedEntry[] = [];
  for (const entry of entries) {
    if (entry.rank > count) notAdvancing.push(entry);
    // A shared rank inside the cut whose group reaches past it: places for only some.
    else if (entry.tie !== null && sharesRankAcrossCut(entries, entry, count))
      undecided.push(entry);
    else advancing.push(entry);
  }

  // The tie the cut runs through: one left unsettled across it, or one the chain settled
  // with its last place inside and the next outside (rankEntries gives every member of a
  // tie the same explanation object).
  const lastIn = advancing[advancing.length - 1];
  const firstOut = notAdvancing[0];
  const tie =
    undecided[0]?.tie ?? (lastIn?.tie != null && firstOut?.tie === lastIn.tie ? lastIn.tie : null);
  let tieAtCut: TieAtCut | null = null;
  if (tie !== null) {
    const isSettled = undecided.length === 0;
    tieAtCut = {
      tie,
      insideCut: tie.entryIds.filter((id) => isIn(advancing, id)),
      outsideCut: tie.entryIds.filter((id) => !isIn(advancing, id)),
      placesLeft: isSettled ? 0 : count - advancing.length,
      isSettled,
    };
  }
  return { advancing, undecided, notAdvancing, tieAtCut };
}

function sharesRankAcrossCut(
  entries: readonly RankedEntry[],
  entry: RankedEntry,
  count: number,
): boolean {
  const sameRank = entries.filter((e) => e.rank === entry.rank).length;
  return entry.rank + sameRank - 1 > count;
}

function isIn(entries: readonly RankedEntry[], entryId: string): boolean {
  return entries.some((e) => e.entryId === entryId);
}

/** The stage after this one in the competition: the lowest order above its own. */
export function nextStageOf<S extends Pick<Stage, 'id' | 'competitionId' | 'order'>>(
  stage: S,
  stages: readonly S[],
): S | null {
  const later = stages
    .filter(
      (s) => s.competitionId === stage.competitionId && s.id !== stage.id && s.order > stage.order,
    )
    .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return later[0] ?? null;
}

export type AdvancementProblem =
  | { code: 'no-advancement-rule' }
  | { code: 'stage-not-finalised' }
  | { code: 'no-next-stage' }
  | { code: 'next-stage-started'; nextStageId: string }
  | { code: 'undecided-tie'; categoryId: string; entryIds: string[]; placesLeft: number };

export interface AdvancementConfirmation {
  /** The stage the entries come from. */
  stage: Stage;
  /** Every stage of the competition, to find the next one. */
  stages: readonly Stage[];
  preview: AdvancementPreview;
  /** The panitia's choice for an unsettled tie at the cut: let every tied entry through. */
  admitUndecided: boolean;
  confirmedAt: string;
  confirmedBy: string;
}

export type AdvancementOutcome =
  | {
      ok: true;
      /** The next stage with its entrants: the one record the confirmation writes. */
      nextStage: Stage;
      entryIds: string[];
    }
  | { ok: false; problems: AdvancementProblem[] };

/**
 * The record that confirming writes. The entries that advance are written on the next
 * stage as its entrants (stage.ts), replacing an earlier confirmation from the same stage;
 * the next stage must still be a draft, since its judges are assigned from that list.
 * Scores are only final once the stage is finalised, so only then can anyone advance.
 */
export function confirmAdvancement(input: AdvancementConfirmation): AdvancementOutcome {
  const problems: AdvancementProblem[] = [];
  if (input.preview.rule.kind === 'none') problems.push({ code: 'no-advancement-rule' });
  if (input.stage.state !== 'finalised') problems.push({ code: 'stage-not-finalised' });
  const next = nextStageOf(input.stage, input.stages);
  if (next === null) problems.push({ code: 'no-next-stage' });
  else if (next.state !== 'draft')
    problems.push({ code: 'next-stage-started', nextStageId: next.id });
  if (!input.admitUndecided) {
    for (const category of input.preview.categories) {
      if (category.undecided.length === 0) continue;
      problems.push({
        code: 'undecided-tie',
        categoryId: category.categoryId,
        entryIds: category.undecided.map((e) => e.entryId),
        placesLeft: category.tieAtCut?.placesLeft ?? 0,
      });
    }
  }
  if (problems.length > 0 || next === null) return { ok: false, problems };

  const entryIds = input.preview.categories.flatMap((c) => [
    ...c.advancing.map((e) => e.entryId),
    ...(input.admitUndecided ? c.undecided.map((e) => e.entryId) : []),
  ]);
  return {
    ok: true,
    entryIds,
    nextStage: {
      ...next,
      entrants: {
        fromStageId: input.stage.id,
        entryIds,
        confirmedAt: input.confirmedAt,
        confirmedBy: input.confirmedBy,
      },
    },
  };
}
