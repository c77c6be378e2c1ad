import { describe, expect, it } from 'vitest';
import type { Assignment } from '../../src/domain/assignment';
import {
  suggestAdminCheck,
  adminCheckOutcome,
  itemsLackingReason,
  monthsBetween,
} from '../../src/domain/admin-check';
import { planRequestForStage } from '../../src/domain/plan-request-for-stage';
import type { Scoresheet } from '../../src/domain/scoresheet';
import { stageProgress } from '../../src/domain/stage-progress';
import { makeAssignment, makeEntry, makeScoresheet, makeUser, testId } from '../support/records';

const STAGE = testId(1);
const OTHER_STAGE = testId(2);
const RUBRIC = testId(3);
const [J1, J2] = [testId(10), testId(11)];
const [E1, E2] = [testId(20), testId(21)];

const assignment = (n: number, judgeId: string, entryId: string, stageId = STAGE): Assignment =>
  makeAssignment(testId(n), { stageId, judgeId, entryId });
const sheet = (a: Assignment, patch: Partial<Scoresheet>): Scoresheet =>
  makeScoresheet(a.id, { ...a, rubricId: RUBRIC }, patch);

describe('progress of a stage', () => {
  it('counts per judge and per entry what is missing, scored, submitted, abstained, recused', () => {
    const a1 = assignment(30, J1, E1);
    const a2 = assignment(31, J1, E2);
    const a3 = assignment(32, J2, E1);
    const a4 = {
      ...assignment(33, J2, E2),
      recusal: { reason: 'Kerabat', at: '2026-08-18T00:00:00.000Z' },
    };
    const sheets = [
      sheet(a1, { status: 'submitted' }),
      sheet(a2, { scores: { a: { value: 10, note: '' } } }),
      sheet(a3, { status: 'abstained', abstainReason: 'Konflik' }),
    ];
    const progress = stageProgress(STAGE, [a1, a2, a3, a4], sheets);
    expect(progress.total).toEqual({
      assigned: 3,
      missing: 0,
      scored: 1,
      submitted: 1,
      abstained: 1,
      recused: 1,
    });
    expect(progress.judges).toEqual([
      { judgeId: J1, assigned: 2, missing: 0, scored: 1, submitted: 1, abstained: 0, recused: 0 },
      { judgeId: J2, assigned: 1, missing: 0, scored: 0, submitted: 0, abstained: 1, recused: 1 },
    ]);
    expect(progress.entries.find((e) => e.entryId === E2)).toMatchObject({
      assigned: 1,
      scored: 1,
      recused: 1,
    });
    expect(progress.orphaned).toEqual([]);
  });

  it('shows work on a withdrawn or recused assignment as orphaned, and an empty sheet as nothing', () => {
    const kept = assignment(30, J1, E1);
    const recused = {
      ...assignment(31, J2, E1),
      recusal: { reason: 'Kerabat', at: '2026-08-18T00:00:00.000Z' },
    };
    const withdrawn = assignment(32, J2, E2);
    const progress = stageProgress(
      STAGE,
      [kept, recused],
      [
        sheet(recused, { scores: { a: { value: 70, note: '' } } }),
        sheet(withdrawn, { status: 'submitted' }),
        sheet(assignment(33, J1, E2), { scores: {} }),
      ],
    );
    expect(progress.total.missing).toBe(1);
    expect(progress.orphaned).toEqual([
      { scoresheetId: recused.id, judgeId: J2, entryId: E1, reason: 'recused', status: 'draft' },
      {
        scoresheetId: withdrawn.id,
        judgeId: J2,
        entryId: E2,
        reason: 'withdrawn',
        status: 'submitted',
      },
    ]);
  });
});

describe("the planner's input from a stage's records", () => {
  it('keeps judges off entries they abstained on or were recused from in another stage', () => {
    const recusedElsewhere = {
      ...assignment(30, J1, E1, OTHER_STAGE),
      recusal: { reason: 'Kerabat', at: '2026-08-18T00:00:00.000Z' },
    };
    const abstained = sheet(assignment(31, J2, E2, OTHER_STAGE), {
      status: 'abstained',
      abstainReason: 'Pernah membina',
    });
    const request = planRequestForStage(
      { id: STAGE, kind: 'field' },
      {
        judges: [
          makeUser(J1, { unit: { name: 'Dinas Kominfo', type: 'dinas' } }),
          makeUser(J2),
          makeUser(testId(12), { role: 'operator' }),
        ],
        entries: [makeEntry(E1, testId(4), testId(5), { regionCode: '33.21.01.2001' })],
        assignments: [recusedElsewhere, assignment(32, J2, E1)],
        scoresheets: [abstained],
      },
      { judgesPerEntry: 2, visitsPerDay: 3 },
    );
    expect(request).toEqual({
      judgesPerEntry: 2,
      judges: [
        { id: J1, unitName: 'Dinas Kominfo' },
        { id: J2, unitName: undefined },
      ],
      entries: [{ id: E1, unitName: 'Kecamatan Mranggen', area: '33.21.01' }],
      existing: [{ judgeId: J2, entryId: E1, isRecused: false }],
      conflicts: [
        { judgeId: J1, entryId: E1 },
        { judgeId: J2, entryId: E2 },
      ],
      field: { visitsPerDay: 3 },
    });
  });
});

describe('the administrative check', () => {
  it('suggests each item from the profile; a failed item needs a reason', () => {
    const entry = makeEntry(E1, testId(4), testId(5), { startedOn: '2021-09-01' });
    const items = suggestAdminCheck(entry, { minMonthsImplemented: 12, today: '2022-08-18' });
    expect(items).toEqual([
      { item: 'profile', passed: false, note: '' },
      { item: 'evidence', passed: false, note: '' },
      { item: 'implementation', passed: false, note: '' },
      { item: 'unit', passed: true, note: '' },
    ]);
    expect(adminCheckOutcome(items)).toBe('failed');
    expect(itemsLackingReason(items)).toEqual(['profile', 'evidence', 'implementation']);
  });

  it('counts whole months of implementation', () => {
    expect(monthsBetween('2021-03-15', '2022-03-14')).toBe(11);
    expect(monthsBetween('2021-03-15', '2022-03-15')).toBe(12);
  });
});
