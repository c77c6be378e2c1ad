import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  areaOfRegion,
  planAssignments,
  type AssignmentPlan,
  type PlanRequest,
  type PlannerEntry,
  type PlannerJudge,
} from '../../src/domain/assignment-planner';

const judge = (n: number, unitName?: string): PlannerJudge => ({
  id: `j${n}`,
  ...(unitName === undefined ? {} : { unitName }),
});
const entry = (n: number, unitName = `Unit ${n}`, area = '33.16.01'): PlannerEntry => ({
  id: `e${n}`,
  unitName,
  area,
});

/** Active judges per entry after the plan: the existing ones and the planned ones. */
function judgesPerEntry(request: PlanRequest, plan: AssignmentPlan): Map<string, Set<string>> {
  const on = new Map(request.entries.map((e) => [e.id, new Set<string>()]));
  for (const a of request.existing ?? []) if (!a.isRecused) on.get(a.entryId)?.add(a.judgeId);
  for (const p of plan.add) on.get(p.entryId)?.add(p.judgeId);
  return on;
}

function isExcluded(request: PlanRequest, judgeId: string, entryId: string): boolean {
  const j = request.judges.find((x) => x.id === judgeId);
  const e = request.entries.find((x) => x.id === entryId);
  const unit = (s: string | undefined) => s?.trim().replace(/\s+/g, ' ').toLowerCase();
  return (
    (j?.unitName !== undefined && unit(j.unitName) === unit(e?.unitName)) ||
    (request.conflicts ?? []).some((c) => c.judgeId === judgeId && c.entryId === entryId) ||
    (request.existing ?? []).some(
      (a) => a.isRecused && a.judgeId === judgeId && a.entryId === entryId,
    )
  );
}

const loadsOf = (plan: AssignmentPlan) =>
  new Map(plan.loads.map((l) => [l.judgeId, l.existing + l.added]));

// ---- arbitraries ---------------------------------------------------------------------------

const UNITS = ['Kecamatan Jati', 'Kecamatan Japah', 'Dinas Kominfo', 'Puskesmas Jepon', 'Bappeda'];
const AREAS = ['33.16.01', '33.16.02', '33.16.09', '33.16.13'];

/** Judges, entries, units, areas, conflicts, existing and recused assignments, and k. */
const requestArbitrary = (options: { exclusions: boolean; field: boolean; existing: boolean }) =>
  fc
    .record({
      judgeCount: fc.integer({ min: 1, max: 9 }),
      entryCount: fc.integer({ min: 0, max: 30 }),
      k: fc.integer({ min: 1, max: 4 }),
      visitsPerDay: fc.integer({ min: 1, max: 4 }),
      seed: fc.array(fc.nat(), { minLength: 200, maxLength: 200 }),
    })
    .map(({ judgeCount, entryCount, k, visitsPerDay, seed }): PlanRequest => {
      let i = 0;
      const pick = (n: number) => (seed[i++ % seed.length] ?? 0) % n;
      const judges = Array.from({ length: judgeCount }, (_, n) =>
        options.exclusions && pick(3) === 0 ? judge(n, UNITS[pick(UNITS.length)]) : judge(n),
      );
      const entries = Array.from({ length: entryCount }, (_, n) =>
        entry(n, UNITS[pick(UNITS.length)], AREAS[pick(AREAS.length)]),
      );
      const pairs = (count: number) =>
        entries.length === 0
          ? []
          : Array.from({ length: count }, () => ({
              judgeId: `j${pick(judgeCount)}`,
              entryId: `e${pick(entryCount)}`,
            }));
      const conflicts = options.exclusions ? pairs(pick(10)) : [];
      const existing = options.existing
        ? pairs(pick(12)).map((p) => ({ ...p, isRecused: options.exclusions && pick(4) === 0 }))
        : [];
      return {
        judgesPerEntry: k,
        judges,
        entries,
        conflicts,
        existing,
        ...(options.field ? { field: { visitsPerDay } } : {}),
      };
    });

const ALL_OPTIONS = [
  { exclusions: true, field: false, existing: true },
  { exclusions: true, field: true, existing: true },
];

describe('the assignment planner (properties over random inputs)', () => {
  it.each(ALL_OPTIONS)('never plans an excluded pair (%o)', (options) => {
    fc.assert(
      fc.property(requestArbitrary(options), (request) => {
        const plan = planAssignments(request);
        for (const p of plan.add) expect(isExcluded(request, p.judgeId, p.entryId)).toBe(false);
      }),
    );
  });

  it.each(ALL_OPTIONS)(
    'gives every entry k judges where possible, and names the others (%o)',
    (options) => {
      fc.assert(
        fc.property(requestArbitrary(options), (request) => {
          const plan = planAssignments(request);
          const on = judgesPerEntry(request, plan);
          const k = request.judgesPerEntry;
          for (const e of request.entries) {
            const already = on.get(e.id)?.size ?? 0;
            const mayTake = request.judges.filter(
              (j) => !isExcluded(request, j.id, e.id) || on.get(e.id)?.has(j.id),
            ).length;
            // Existing assignments are kept, so an entry may have more than k already.
            expect(already).toBeGreaterThanOrEqual(Math.min(k, mayTake));
            const short = plan.short.find((s) => s.entryId === e.id);
            expect(short !== undefined).toBe(already < k);
          }
        }),
      );
    },
  );

  it.each(ALL_OPTIONS)('never adds a judge twice to an entry (%o)', (options) => {
    fc.assert(
      fc.property(requestArbitrary(options), (request) => {
        const plan = planAssignments(request);
        const keys = plan.add.map((p) => `${p.judgeId} ${p.entryId}`);
        expect(new Set(keys).size).toBe(keys.length);
        for (const a of request.existing ?? []) {
          if (!a.isRecused) expect(keys).not.toContain(`${a.judgeId} ${a.entryId}`);
        }
      }),
    );
  });

  it('spreads the load within one when nothing is excluded', () => {
    fc.assert(
      fc.property(
        requestArbitrary({ exclusions: false, field: false, existing: false }),
        (request) => {
          const loads = [...loadsOf(planAssignments(request)).values()];
          expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('leaves no planned pair that another judge two or more below could take instead', () => {
    fc.assert(
      fc.property(
        requestArbitrary({ exclusions: true, field: false, existing: true }),
        (request) => {
          const plan = planAssignments(request);
          const loads = loadsOf(plan);
          const on = judgesPerEntry(request, plan);
          for (const p of plan.add) {
            for (const other of request.judges) {
              const gap = (loads.get(p.judgeId) ?? 0) - (loads.get(other.id) ?? 0);
              const couldTake =
                !isExcluded(request, other.id, p.entryId) && !on.get(p.entryId)?.has(other.id);
              expect(gap >= 2 && couldTake).toBe(false);
            }
          }
        },
      ),
    );
  });

  it('in field stages, every day of a judge covers one area and no more visits than allowed', () => {
    fc.assert(
      fc.property(
        requestArbitrary({ exclusions: true, field: true, existing: true }),
        (request) => {
          const plan = planAssignments(request);
          const areaOf = new Map(request.entries.map((e) => [e.id, e.area]));
          const perDay = request.field?.visitsPerDay ?? 0;
          const seen = new Set<string>();
          for (const day of plan.visits) {
            expect(day.entryIds.length).toBeGreaterThan(0);
            expect(day.entryIds.length).toBeLessThanOrEqual(perDay);
            for (const id of day.entryIds) expect(areaOf.get(id)).toBe(day.area);
            expect(seen.has(`${day.judgeId} ${day.day}`)).toBe(false);
            seen.add(`${day.judgeId} ${day.day}`);
          }
          // Every active field assignment is on some day, exactly once.
          const visits = plan.visits.flatMap((d) => d.entryIds.map((e) => `${d.judgeId} ${e}`));
          const active = [...judgesPerEntry(request, plan)].flatMap(([e, js]) =>
            [...js].map((j) => `${j} ${e}`),
          );
          expect(visits.sort()).toEqual(active.sort());
        },
      ),
    );
  });

  it('is deterministic: the same request gives the same plan', () => {
    fc.assert(
      fc.property(
        requestArbitrary({ exclusions: true, field: false, existing: true }),
        (request) => {
          expect(planAssignments(request)).toEqual(planAssignments(request));
        },
      ),
    );
  });
});

describe('the assignment planner (examples)', () => {
  it('gives two judges to each proposal, balanced, keeping a judge off their own unit', () => {
    const request: PlanRequest = {
      judgesPerEntry: 2,
      judges: [judge(1), judge(2, 'Kecamatan Jati'), judge(3)],
      entries: [entry(1, 'Kecamatan Jati'), entry(2), entry(3)],
    };
    const plan = planAssignments(request);
    expect(plan.add.filter((p) => p.entryId === 'e1').map((p) => p.judgeId)).toEqual(['j1', 'j3']);
    expect(plan.loads.map((l) => l.added)).toEqual([2, 2, 2]);
    expect(plan.short).toEqual([]);
  });

  it('leaves an entry short after a recusal when nobody else may take it, and names why', () => {
    const request: PlanRequest = {
      judgesPerEntry: 2,
      judges: [judge(1), judge(2), judge(3, 'Dinas Kominfo')],
      entries: [entry(1, 'Dinas Kominfo')],
      existing: [
        { judgeId: 'j1', entryId: 'e1', isRecused: false },
        { judgeId: 'j2', entryId: 'e1', isRecused: true },
      ],
      conflicts: [],
    };
    const plan = planAssignments(request);
    expect(plan.add).toEqual([]);
    expect(plan.short).toEqual([
      {
        entryId: 'e1',
        judges: 1,
        needed: 2,
        recusedJudgeIds: ['j2'],
        ownUnitJudgeIds: ['j3'],
        conflictJudgeIds: [],
      },
    ]);
  });

  it('replaces a recused judge with another who may take the entry', () => {
    const plan = planAssignments({
      judgesPerEntry: 2,
      judges: [judge(1), judge(2), judge(3)],
      entries: [entry(1)],
      existing: [
        { judgeId: 'j1', entryId: 'e1', isRecused: false },
        { judgeId: 'j2', entryId: 'e1', isRecused: true },
      ],
      conflicts: [{ judgeId: 'j3', entryId: 'e9' }],
    });
    expect(plan.add).toEqual([{ judgeId: 'j3', entryId: 'e1' }]);
    expect(plan.short).toEqual([]);
  });

  it('sends one panel per kecamatan in the field, one area a day', () => {
    const plan = planAssignments({
      judgesPerEntry: 2,
      judges: [judge(1), judge(2), judge(3), judge(4)],
      entries: [
        entry(1, 'Desa A', '33.16.01'),
        entry(2, 'Desa B', '33.16.02'),
        entry(3, 'Desa C', '33.16.01'),
        entry(4, 'Desa D', '33.16.02'),
        entry(5, 'Desa E', '33.16.01'),
      ],
      field: { visitsPerDay: 2 },
    });
    expect(plan.visits).toEqual([
      { judgeId: 'j1', day: 1, area: '33.16.01', entryIds: ['e1', 'e3'] },
      { judgeId: 'j1', day: 2, area: '33.16.01', entryIds: ['e5'] },
      { judgeId: 'j2', day: 1, area: '33.16.01', entryIds: ['e1', 'e3'] },
      { judgeId: 'j2', day: 2, area: '33.16.01', entryIds: ['e5'] },
      { judgeId: 'j3', day: 1, area: '33.16.02', entryIds: ['e2', 'e4'] },
      { judgeId: 'j4', day: 1, area: '33.16.02', entryIds: ['e2', 'e4'] },
    ]);
  });

  it('refuses a k below one', () => {
    expect(() => planAssignments({ judgesPerEntry: 0, judges: [], entries: [] })).toThrow(
      RangeError,
    );
  });

  it('takes the kecamatan of a region code as the area', () => {
    expect(areaOfRegion('33.16.01.2001')).toBe('33.16.01');
    expect(areaOfRegion('33.16')).toBe('33.16');
  });
});
