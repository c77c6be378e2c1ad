import type { WeightedCriterion } from './panel-scores';
import { isSameScore } from './statistics';

/**
 * One rule of the configured chain that separates entries with the same score:
 * - criterion: the higher mean (across the counted judges) of the raw value on a criterion;
 * - mostFirstPlaces: more judges who gave the entry their highest total in the panel;
 * - plenaryDecision: the order the plenary (rapat pleno dewan juri) fixed, with its reason.
 */
export type TieBreakRule =
  | { kind: 'criterion'; criterionKey: string }
  | { kind: 'mostFirstPlaces' }
  | { kind: 'plenaryDecision' };

/** The plenary's decision on tied entries, recorded so the berita acara can cite it. */
export interface PlenaryDecision {
  /** The tied entries in the order the plenary fixed, best first. */
  entryIds: readonly string[];
  reason: string;
}

/** Where the rules find their numbers; asked only for entries that actually tie. */
export interface TieBreakValues {
  /** Null when no counted judge gave the entry a value on that criterion. */
  criterionMean(entryId: string, criterionKey: string): number | null;
  firstPlaces(entryId: string): number;
}

export interface TieBreakSettings {
  chain: readonly TieBreakRule[];
  plenaryDecisions: readonly PlenaryDecision[];
  values: TieBreakValues;
}

/** What one rule saw and did: enough for the results screen to say why A is above B. */
export interface TieBreakStep {
  rule: TieBreakRule;
  /**
   * The entries the rule was asked to separate, best first, each with its value under the
   * rule: the criterion mean, the number of first places, or the place in the plenary's
   * order (1 = first). Null where there is no value (no decision covers the entries).
   */
  compared: { entryId: string; value: number | null }[];
  /** For a plenary step: the decision applied, or null when none covers these entries. */
  decision: PlenaryDecision | null;
  /** The groups after this rule, best first; a group of more than one entry is still tied. */
  groups: string[][];
}

/** One tie: the entries that had the same score and how the chain settled them, or not. */
export interface TieExplanation {
  /** The tied entries in their final order. */
  entryIds: string[];
  score: number;
  /** Every rule tried, in the order tried, including rules that separated nothing. */
  steps: TieBreakStep[];
  status: 'settled' | 'needs-plenary-decision';
  /** Entries that still share a rank, one group per shared rank. */
  unresolved: string[][];
}

/**
 * The default chain: each criterion from the highest weight down (equal weights keep the
 * rubric's order), then more first places, then the plenary. A criterion with more weight
 * is the one the rubric says matters more, so it speaks first.
 */
export function defaultTieBreakChain(criteria: readonly WeightedCriterion[]): TieBreakRule[] {
  const byWeight = [...criteria].sort((a, b) => b.weight - a.weight);
  return [
    ...byWeight.map((c): TieBreakRule => ({ kind: 'criterion', criterionKey: c.key })),
    { kind: 'mostFirstPlaces' },
    { kind: 'plenaryDecision' },
  ];
}

/**
 * Orders entries that share a score. Each rule splits the group into runs of equal value;
 * a run of one is settled, a longer run goes on to the next rule. What no rule separates
 * keeps a shared rank and is reported as needing the plenary's decision.
 */
export function breakTie(
  entryIds: readonly string[],
  score: number,
  settings: TieBreakSettings,
): { groups: string[][]; explanation: TieExplanation } {
  const steps: TieBreakStep[] = [];
  const groups = separate([...entryIds], 0, settings, steps);
  const unresolved = groups.filter((group) => group.length > 1);
  return {
    groups,
    explanation: {
      entryIds: groups.flat(),
      score,
      steps,
      status: unresolved.length === 0 ? 'settled' : 'needs-plenary-decision',
      unresolved,
    },
  };
}

function separate(
  entryIds: string[],
  firstRule: number,
  settings: TieBreakSettings,
  steps: TieBreakStep[],
): string[][] {
  if (entryIds.length < 2) return [entryIds];
  for (let index = firstRule; index < settings.chain.length; index++) {
    const rule = settings.chain[index];
    if (rule === undefined) break;
    const step = applyRule(rule, entryIds, settings);
    steps.push(step);
    if (step.groups.length > 1) {
      return step.groups.flatMap((group) => separate(group, index + 1, settings, steps));
    }
  }
  return [entryIds];
}

function applyRule(
  rule: TieBreakRule,
  entryIds: string[],
  settings: TieBreakSettings,
): TieBreakStep {
  switch (rule.kind) {
    case 'criterion':
      return byValue(rule, entryIds, (id) => settings.values.criterionMean(id, rule.criterionKey));
    case 'mostFirstPlaces':
      return byValue(rule, entryIds, (id) => settings.values.firstPlaces(id));
    case 'plenaryDecision':
      return byPlenary(rule, entryIds, settings.plenaryDecisions);
  }
}

/** Higher value first; entries without a value come last, tied with each other. */
function byValue(
  rule: TieBreakRule,
  entryIds: string[],
  valueOf: (entryId: string) => number | null,
): TieBreakStep {
  const compared = entryIds
    .map((entryId) => ({ entryId, value: valueOf(entryId) }))
    .sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity));
  const groups: string[][] = [];
  let runValue: number | null = null;
  for (const { entryId, value } of compared) {
    const current = groups[groups.length - 1];
    if (current !== undefined && isSameValue(value, runValue)) current.push(entryId);
    else {
      groups.push([entryId]);
      runValue = value;
    }
  }
  return { rule, compared, decision: null, groups };
}

function isSameValue(a: number | null, b: number | null): boolean {
  return a === null || b === null ? a === b : isSameScore(a, b);
}

/**
 * A decision applies when it names every entry still tied here; it may name more (the
 * plenary ordered three, and a criterion already settled one of them).
 */
function byPlenary(
  rule: TieBreakRule,
  entryIds: string[],
  decisions: readonly PlenaryDecision[],
): TieBreakStep {
  const decision = decisions.find((d) => entryIds.every((id) => d.entryIds.includes(id)));
  if (decision === undefined) {
    return {
      rule,
      compared: entryIds.map((entryId) => ({ entryId, value: null })),
      decision: null,
      groups: [entryIds],
    };
  }
  const ordered = [...entryIds].sort(
    (a, b) => decision.entryIds.indexOf(a) - decision.entryIds.indexOf(b),
  );
  return {
    rule,
    compared: ordered.map((entryId, place) => ({ entryId, value: place + 1 })),
    decision,
    groups: ordered.map((entryId) => [entryId]),
  };
}
