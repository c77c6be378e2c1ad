import type { EntryScores, ScoredEntry } from './entry-scores';
import { isSameScore } from './statistics';
import { breakTie, type TieBreakSettings, type TieExplanation } from './tie-break';

export interface RankedEntry extends ScoredEntry {
  /**
   * 1-based. Entries the tie-break chain could not separate share a rank and the next rank
   * is skipped (1, 2, 2, 4), as a berita acara writes it.
   */
  rank: number;
  /** The tie this entry was part of, or null when its score was its own. */
  tie: TieExplanation | null;
}

export interface Ranking {
  entries: RankedEntry[];
  /** Every tie, in rank order, each with its explanation. */
  ties: TieExplanation[];
  unscoredEntryIds: string[];
}

/**
 * Orders entries by score, highest first. Scores equal within SCORE_TOLERANCE form a tie,
 * which the configured chain breaks (tie-break.ts). Entries still tied are listed by id so
 * the same input always gives the same list.
 */
export function rankEntries(scores: EntryScores, settings: TieBreakSettings): Ranking {
  const ordered = [...scores.scored].sort(
    (a, b) => b.score - a.score || compareIds(a.entryId, b.entryId),
  );
  const byId = new Map(ordered.map((e) => [e.entryId, e]));
  const entries: RankedEntry[] = [];
  const ties: TieExplanation[] = [];

  for (let start = 0; start < ordered.length;) {
    const first = ordered[start];
    if (first === undefined) break;
    let end = start + 1;
    while (end < ordered.length && isSameScore(ordered[end]?.score ?? NaN, first.score)) end++;

    if (end - start === 1) {
      entries.push({ ...first, rank: start + 1, tie: null });
    } else {
      const tied = ordered.slice(start, end).map((e) => e.entryId);
      const { groups, explanation } = breakTie(tied, first.score, settings);
      ties.push(explanation);
      let position = start;
      for (const group of groups) {
        for (const entryId of group) {
          const entry = byId.get(entryId);
          if (entry) entries.push({ ...entry, rank: position + 1, tie: explanation });
        }
        position += group.length;
      }
    }
    start = end;
  }
  return { entries, ties, unscoredEntryIds: scores.unscoredEntryIds };
}

/** Code-unit order: the same on every device, unlike localeCompare. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
