import { describe, expect, it } from 'vitest';
import { refuseNewAssignment, type NewAssignmentFacts } from '../../src/domain/assignment-rules';
import {
  makeAssignment,
  makeEntry,
  makeScoresheet,
  makeStage,
  makeUser,
  testId,
} from '../support/records';

const competitionId = testId(1);
const stage = makeStage(testId(2), competitionId, testId(3), { state: 'draft' });
const entry = makeEntry(testId(4), competitionId, testId(5));
const judge = makeUser(testId(6));
const facts = (patch: Partial<NewAssignmentFacts> = {}): NewAssignmentFacts => ({
  stage,
  entry,
  judge,
  judgeAssignments: [],
  judgeScoresheets: [],
  ...patch,
});
const ids = { stageId: stage.id, judgeId: judge.id, entryId: entry.id };

describe('refuseNewAssignment', () => {
  it('allows a judge of another unit with no history on the entry', () => {
    expect(refuseNewAssignment(testId(10), facts())).toBeNull();
  });

  it('names the first rule broken', () => {
    expect(
      refuseNewAssignment(testId(10), facts({ stage: { ...stage, state: 'finalised' } })),
    ).toEqual({
      code: 'stage-finalised',
    });
    expect(
      refuseNewAssignment(testId(10), facts({ entry: { ...entry, competitionId: testId(9) } })),
    ).toEqual({
      code: 'other-competition',
    });
    expect(
      refuseNewAssignment(testId(10), facts({ judge: { ...judge, role: 'panitia' } })),
    ).toEqual({
      code: 'not-a-judge',
      role: 'panitia',
    });
    // Unit names are typed by people: case and spacing do not make another unit.
    const sameUnit = { name: `  ${entry.unit.name.toUpperCase()} `, type: entry.unit.type };
    expect(refuseNewAssignment(testId(10), facts({ judge: { ...judge, unit: sameUnit } }))).toEqual(
      {
        code: 'own-unit',
        unitName: entry.unit.name,
      },
    );
  });

  it('treats an abstention or a recusal on the entry in any stage as a declared conflict', () => {
    const abstained = makeScoresheet(
      testId(11),
      { ...ids, stageId: testId(20), rubricId: testId(3) },
      {
        status: 'abstained',
        abstainReason: 'Kerabat',
      },
    );
    expect(refuseNewAssignment(testId(10), facts({ judgeScoresheets: [abstained] }))).toEqual({
      code: 'abstained',
      stageId: testId(20),
      reason: 'Kerabat',
    });
    const recused = {
      ...makeAssignment(testId(12), { ...ids, stageId: testId(20) }),
      recusal: { reason: 'Pembina', at: '2026-08-18T02:00:00.000Z' },
    };
    expect(refuseNewAssignment(testId(10), facts({ judgeAssignments: [recused] }))).toEqual({
      code: 'recused',
      stageId: testId(20),
      reason: 'Pembina',
    });
  });

  it('refuses a second assignment of the judge to the entry in the same stage, not the same one again', () => {
    const existing = makeAssignment(testId(12), ids);
    expect(refuseNewAssignment(testId(10), facts({ judgeAssignments: [existing] }))).toEqual({
      code: 'already-assigned',
    });
    expect(refuseNewAssignment(existing.id, facts({ judgeAssignments: [existing] }))).toBeNull();
  });
});
