/**
 * The automatic assignment of judges to entries for one stage (issue 5, "Assignments").
 *
 * Invariants, each checked by a property test (test/domain/assignment-planner.test.ts):
 * - No judge is ever planned on an entry of their own unit, one they declared a conflict
 *   with, or one they were recused from.
 * - Every entry ends with min(k, judges who may take it) active judges: the judges who
 *   are already on it count, and a judge's load has no cap, so only exclusions can leave
 *   an entry short; the plan names each short entry and why.
 * - Outside field stages, no single move of a planned pair from one judge to another
 *   would bring their loads closer: with nothing excluded, loads differ by at most one.
 * - Field stages: a judge's visits are grouped by area (kecamatan), one area per day, so
 *   nobody crosses the kabupaten twice in a day.
 *
 * Existing assignments are never moved or removed: a judge may already have scored them
 * offline (sync protocol 11). The plan only adds. No clock, no randomness: the same input
 * gives the same plan, ties broken by the order judges and entries were given in.
 */

export interface PlannerJudge {
  id: string;
  /** The judge's own unit, if they belong to one: they never judge its entries. */
  unitName?: string | undefined;
}

export interface PlannerEntry {
  id: string;
  unitName: string;
  /** Where a field visit goes: the kecamatan code (see areaOfRegion). */
  area: string;
}

export interface ExistingAssignment {
  judgeId: string;
  entryId: string;
  isRecused: boolean;
}

/** A judge who declared a conflict of interest with an entry (an abstention, say). */
export interface DeclaredConflict {
  judgeId: string;
  entryId: string;
}

export interface PlanRequest {
  /** k: how many judges each entry should have. */
  judgesPerEntry: number;
  judges: readonly PlannerJudge[];
  entries: readonly PlannerEntry[];
  existing?: readonly ExistingAssignment[];
  conflicts?: readonly DeclaredConflict[];
  /** For field stages: visits are grouped by area, at most this many a day. */
  field?: { visitsPerDay: number };
}

export interface PlannedPair {
  judgeId: string;
  entryId: string;
}

export interface JudgeLoad {
  judgeId: string;
  /** Active assignments the judge already had in this stage. */
  existing: number;
  added: number;
}

/** An entry that ends with fewer than k judges, and who could not take it. */
export interface ShortEntry {
  entryId: string;
  judges: number;
  needed: number;
  recusedJudgeIds: string[];
  ownUnitJudgeIds: string[];
  conflictJudgeIds: string[];
}

/** One judge's day in the field: the entries of one area. */
export interface VisitDay {
  judgeId: string;
  /** 1, 2, …: the judge's own day count. */
  day: number;
  area: string;
  entryIds: string[];
}

export interface AssignmentPlan {
  add: PlannedPair[];
  loads: JudgeLoad[];
  short: ShortEntry[];
  /** Field stages only; empty otherwise. */
  visits: VisitDay[];
}

export type Exclusion = 'recused' | 'own-unit' | 'conflict';

/** "33.16.01.2001" → "33.16.01": the kecamatan a field visit goes to. */
export function areaOfRegion(regionCode: string): string {
  return regionCode.split('.').slice(0, 3).join('.');
}

/** Unit names are typed by people: "Kecamatan  Jati" and "kecamatan jati" are one unit. */
export function sameUnitName(a: string, b: string): boolean {
  const normal = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('id');
  return normal(a) === normal(b);
}

export function planAssignments(request: PlanRequest): AssignmentPlan {
  const k = request.judgesPerEntry;
  if (!Number.isInteger(k) || k < 1)
    throw new RangeError(`judgesPerEntry must be 1 or more, got ${k}`);
  const visitsPerDay = request.field?.visitsPerDay;
  if (visitsPerDay !== undefined && (!Number.isInteger(visitsPerDay) || visitsPerDay < 1)) {
    throw new RangeError(`visitsPerDay must be 1 or more, got ${visitsPerDay}`);
  }
  assertUnique(
    request.judges.map((j) => j.id),
    'judge',
  );
  assertUnique(
    request.entries.map((e) => e.id),
    'entry',
  );

  const state = new PlanState(request);
  if (request.field) planByArea(state, k);
  else {
    planByEntry(state, k);
    balance(state);
  }

  const short = request.entries.flatMap((entry): ShortEntry[] => {
    const judges = state.judgesOn(entry.id).size;
    if (judges >= k) return [];
    const excluded = (why: Exclusion) =>
      request.judges.filter((j) => state.exclusion(j, entry) === why).map((j) => j.id);
    return [
      {
        entryId: entry.id,
        judges,
        needed: k,
        recusedJudgeIds: excluded('recused'),
        ownUnitJudgeIds: excluded('own-unit'),
        conflictJudgeIds: excluded('conflict'),
      },
    ];
  });
  return {
    add: state.added(),
    loads: request.judges.map((j) => ({
      judgeId: j.id,
      existing: state.existingLoad(j.id),
      added: state.addedOf(j.id).length,
    })),
    short,
    visits: visitsPerDay === undefined ? [] : visitDays(state, visitsPerDay),
  };
}

/** The working state: who is on which entry, and what the plan has added. */
class PlanState {
  private readonly onEntry = new Map<string, Set<string>>();
  private readonly recused = new Set<string>();
  private readonly conflicts = new Set<string>();
  private readonly existingOf = new Map<string, string[]>();
  /** judge id → entry ids the plan adds, in the order added. */
  private readonly addedByJudge = new Map<string, string[]>();

  constructor(readonly request: PlanRequest) {
    const entryIds = new Set(request.entries.map((e) => e.id));
    for (const e of request.entries) this.onEntry.set(e.id, new Set());
    for (const a of request.existing ?? []) {
      if (!entryIds.has(a.entryId)) continue;
      if (a.isRecused) this.recused.add(pairKey(a.judgeId, a.entryId));
      else if (!this.judgesOn(a.entryId).has(a.judgeId)) {
        // The same judge twice on an entry (made twice by hand) is one load, not two.
        this.judgesOn(a.entryId).add(a.judgeId);
        this.existingOf.set(a.judgeId, [...(this.existingOf.get(a.judgeId) ?? []), a.entryId]);
      }
    }
    for (const c of request.conflicts ?? []) this.conflicts.add(pairKey(c.judgeId, c.entryId));
    for (const j of request.judges) this.addedByJudge.set(j.id, []);
  }

  exclusion(judge: PlannerJudge, entry: PlannerEntry): Exclusion | null {
    const key = pairKey(judge.id, entry.id);
    // A recusal stands even if the judge is also on the entry through another assignment.
    if (this.recused.has(key)) return 'recused';
    if (judge.unitName !== undefined && sameUnitName(judge.unitName, entry.unitName))
      return 'own-unit';
    if (this.conflicts.has(key)) return 'conflict';
    return null;
  }

  /** Whether the plan may add this judge to this entry. */
  canTake(judge: PlannerJudge, entry: PlannerEntry): boolean {
    return this.exclusion(judge, entry) === null && !this.judgesOn(entry.id).has(judge.id);
  }

  judgesOn(entryId: string): Set<string> {
    return this.onEntry.get(entryId) ?? new Set();
  }

  existingLoad(judgeId: string): number {
    return this.existingOf.get(judgeId)?.length ?? 0;
  }

  existingOfJudge(judgeId: string): readonly string[] {
    return this.existingOf.get(judgeId) ?? [];
  }

  addedOf(judgeId: string): readonly string[] {
    return this.addedByJudge.get(judgeId) ?? [];
  }

  load(judgeId: string): number {
    return this.existingLoad(judgeId) + this.addedOf(judgeId).length;
  }

  add(judgeId: string, entryId: string): void {
    this.judgesOn(entryId).add(judgeId);
    this.addedByJudge.get(judgeId)?.push(entryId);
  }

  /** Moves a planned (never an existing) pair to another judge. */
  move(entryId: string, from: string, to: string): void {
    const list = this.addedByJudge.get(from) ?? [];
    list.splice(list.indexOf(entryId), 1);
    this.judgesOn(entryId).delete(from);
    this.add(to, entryId);
  }

  added(): PlannedPair[] {
    return this.request.judges.flatMap((j) =>
      this.addedOf(j.id).map((entryId) => ({ judgeId: j.id, entryId })),
    );
  }
}

/** Desk and presentation stages: the most constrained entries first, the least loaded judges. */
function planByEntry(state: PlanState, k: number): void {
  const { judges, entries } = state.request;
  const eligibleCount = new Map(
    entries.map((e) => [e.id, judges.filter((j) => state.canTake(j, e)).length]),
  );
  const order = entries
    .map((entry, index) => ({ entry, index }))
    .sort(
      (a, b) =>
        (eligibleCount.get(a.entry.id) ?? 0) - (eligibleCount.get(b.entry.id) ?? 0) ||
        a.index - b.index,
    );
  for (const { entry } of order) {
    const needed = k - state.judgesOn(entry.id).size;
    if (needed <= 0) continue;
    leastLoaded(
      state,
      judges.filter((j) => state.canTake(j, entry)),
    )
      .slice(0, needed)
      .forEach((j) => state.add(j.id, entry.id));
  }
}

/** Judges by load, then by the order given: a stable choice, the same on every run. */
function leastLoaded(state: PlanState, candidates: readonly PlannerJudge[]): PlannerJudge[] {
  const index = new Map(state.request.judges.map((j, i) => [j.id, i]));
  return [...candidates].sort(
    (a, b) =>
      state.load(a.id) - state.load(b.id) || (index.get(a.id) ?? 0) - (index.get(b.id) ?? 0),
  );
}

/**
 * Moves planned pairs from a judge with two or more above another to that other judge,
 * while one can take it. Each move lowers the sum of squared loads, so this ends; at the
 * end no single move evens the loads further.
 */
function balance(state: PlanState): void {
  const { judges, entries } = state.request;
  const entryById = new Map(entries.map((e) => [e.id, e]));
  for (;;) {
    const byLoad = leastLoaded(state, judges);
    const move = findMove(state, byLoad, entryById);
    if (!move) return;
    state.move(move.entryId, move.from, move.to);
  }
}

function findMove(
  state: PlanState,
  byLoad: readonly PlannerJudge[],
  entryById: ReadonlyMap<string, PlannerEntry>,
): { entryId: string; from: string; to: string } | null {
  for (let hi = byLoad.length - 1; hi > 0; hi--) {
    const from = byLoad[hi];
    if (!from) continue;
    for (let lo = 0; lo < hi; lo++) {
      const to = byLoad[lo];
      if (!to || state.load(from.id) - state.load(to.id) < 2) break;
      for (const entryId of state.addedOf(from.id)) {
        const entry = entryById.get(entryId);
        if (entry && state.canTake(to, entry)) return { entryId, from: from.id, to: to.id };
      }
    }
  }
  return null;
}

/**
 * Field stages: areas, largest first, each to the least loaded judges, who take every
 * entry of the area they may. An entry a panel member may not take (a conflict) goes to
 * another judge, who then visits that area for it.
 */
function planByArea(state: PlanState, k: number): void {
  const { judges, entries } = state.request;
  const areas = new Map<string, PlannerEntry[]>();
  for (const e of entries) areas.set(e.area, [...(areas.get(e.area) ?? []), e]);
  const order = [...areas.values()].sort((a, b) => b.length - a.length);
  for (const areaEntries of order) {
    const needy = () => areaEntries.filter((e) => state.judgesOn(e.id).size < k);
    for (;;) {
      const open = needy();
      const coverage = (j: PlannerJudge) => open.filter((e) => state.canTake(j, e)).length;
      const candidates = judges.filter((j) => coverage(j) > 0);
      const index = new Map(judges.map((j, i) => [j.id, i]));
      const next = [...candidates].sort(
        (a, b) =>
          state.load(a.id) - state.load(b.id) ||
          coverage(b) - coverage(a) ||
          (index.get(a.id) ?? 0) - (index.get(b.id) ?? 0),
      )[0];
      if (!next) break;
      for (const e of open) if (state.canTake(next, e)) state.add(next.id, e.id);
    }
  }
}

/** Each judge's field entries (existing and planned) by area, split into days. */
function visitDays(state: PlanState, visitsPerDay: number): VisitDay[] {
  const areaOf = new Map(state.request.entries.map((e) => [e.id, e.area]));
  return state.request.judges.flatMap((judge) => {
    const byArea = new Map<string, string[]>();
    for (const entryId of [...state.existingOfJudge(judge.id), ...state.addedOf(judge.id)]) {
      const area = areaOf.get(entryId) ?? '';
      byArea.set(area, [...(byArea.get(area) ?? []), entryId]);
    }
    let day = 0;
    return [...byArea].flatMap(([area, ids]) => {
      const days: VisitDay[] = [];
      for (let i = 0; i < ids.length; i += visitsPerDay) {
        day += 1;
        days.push({ judgeId: judge.id, day, area, entryIds: ids.slice(i, i + visitsPerDay) });
      }
      return days;
    });
  });
}

function pairKey(judgeId: string, entryId: string): string {
  return `${judgeId} ${entryId}`;
}

function assertUnique(ids: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw new RangeError(`${what} ${id} is listed twice`);
    seen.add(id);
  }
}
