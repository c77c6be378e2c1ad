import { describe, expect, it } from 'vitest';
import type { Assignment } from '../../src/domain/assignment';
import type { Entry } from '../../src/domain/entry';
import { buildJudgeWork, groupWorkItems } from '../../src/domain/judge-work';
import type { Scoresheet } from '../../src/domain/scoresheet';
import type { Stage } from '../../src/domain/stage';
import { makeRubric, rangeCriterion, RUBRIC_ID } from '../support/rubrics';

const id = (n: number) => `0190e000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const rubric = makeRubric([rangeCriterion('a', 1), rangeCriterion('b', 1)]);
const stage = (n: number, state: Stage['state'], order: number): Stage => ({
  id: id(n),
  competitionId: id(99),
  name: `Tahap ${n}`,
  kind: 'desk',
  order,
  rubricId: RUBRIC_ID,
  rubricVersion: 1,
  advancement: { kind: 'none' },
  state,
});
const entry = (n: number, title: string, unit: Entry['unit']): Entry => ({
  id: id(n),
  competitionId: id(99),
  categoryId: id(98),
  title,
  unit,
  regionCode: '33.16.01',
  isDigital: false,
  startedOn: '2021-01-01',
  summary: '',
  evidence: [],
});
const assign = (n: number, stageId: string, entryId: string, recused = false): Assignment => ({
  id: id(n),
  stageId,
  judgeId: id(50),
  entryId,
  ...(recused ? { recusal: { reason: 'Konflik', at: '2026-08-18T00:00:00.000Z' } } : {}),
});
const sheet = (
  assignment: Assignment,
  values: Record<string, number | null>,
  status: Scoresheet['status'] = 'draft',
): Scoresheet => ({
  id: assignment.id,
  stageId: assignment.stageId,
  judgeId: assignment.judgeId,
  entryId: assignment.entryId,
  rubricId: RUBRIC_ID,
  rubricVersion: 1,
  scores: Object.fromEntries(Object.entries(values).map(([k, value]) => [k, { value, note: '' }])),
  overallNote: '',
  photos: [],
  status,
  ...(status === 'abstained' ? { abstainReason: 'Konflik' } : {}),
});

describe('buildJudgeWork', () => {
  const open = stage(1, 'open', 1);
  const draft = stage(2, 'draft', 0);
  const entries = [
    entry(10, 'Tahta Maton', { name: 'Kecamatan Jati', type: 'kecamatan' }),
    entry(11, 'E-Dita', { name: 'Dinas Perpustakaan', type: 'dinas' }),
    entry(12, 'Layanan Pak Tarso', { name: 'Kecamatan Sambong', type: 'kecamatan' }),
  ];
  const a1 = assign(20, open.id, entries[0]!.id);
  const a2 = assign(21, open.id, entries[1]!.id);
  const a3 = assign(22, open.id, entries[2]!.id);
  const recused = assign(23, open.id, entries[2]!.id, true);
  const later = assign(24, draft.id, entries[0]!.id);
  const work = buildJudgeWork({
    assignments: [a1, a2, a3, recused, later],
    entries,
    stages: [draft, open],
    rubrics: [rubric],
    scoresheets: [sheet(a1, { a: 3, b: null }), sheet(a2, { a: 1, b: 2 }, 'submitted')],
    compareTitles: (x, y) => x.localeCompare(y, 'id'),
  });

  it('puts open stages first and leaves recused assignments out', () => {
    expect(work.map((w) => w.stage.id)).toEqual([open.id, draft.id]);
    expect(work[0]?.items.map((i) => i.assignment.id)).toEqual([a2.id, a3.id, a1.id]);
  });

  it('counts progress and points at the first entry still to do', () => {
    expect(work[0]).toMatchObject({ submitted: 1, abstained: 0, remaining: 2 });
    expect(work[0]?.items.find((i) => i.assignment.id === a1.id)).toMatchObject({
      status: 'draft',
      scored: 1,
      criteria: 2,
    });
    expect(work[0]?.next?.assignment.id).toBe(a3.id);
  });

  it('groups kecamatan entries by kecamatan and others by region code', () => {
    const groups = groupWorkItems(work[0]?.items ?? [], 'area', () => 'Umum');
    expect(groups.map((g) => g.label)).toEqual([
      'Wilayah 33.16.01',
      'Kecamatan Sambong',
      'Kecamatan Jati',
    ]);
    expect(
      groupWorkItems(work[0]?.items ?? [], 'category', () => 'Perangkat Daerah').map(
        (g) => g.label,
      ),
    ).toEqual(['Perangkat Daerah']);
  });
});
