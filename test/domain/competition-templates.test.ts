import { describe, expect, it } from 'vitest';
import {
  buildCompetitionFromTemplate,
  COMPETITION_TEMPLATE_KEYS,
} from '../../src/domain/competition-templates';
import { syncRecordSchema } from '../../src/domain/sync-record';
import { testId } from '../support/records';

const details = {
  name: 'Krenova Kabupaten Blora 2026',
  year: 2026,
  organiser: { unit: 'Bappeda Kabupaten Blora', regionCode: '33.16' },
};

describe('competitions from a template', () => {
  it.each(COMPETITION_TEMPLATE_KEYS)('%s gives valid records, every stage a draft', (key) => {
    let n = 1;
    const records = buildCompetitionFromTemplate(key, details, () => testId(n++));
    for (const record of records) expect(syncRecordSchema.safeParse(record).success).toBe(true);
    const stages = records.flatMap((r) => (r.kind === 'stage' ? [r.data] : []));
    expect(stages.length).toBeGreaterThan(0);
    expect(stages.every((s) => s.state === 'draft')).toBe(true);
    const rubricIds = records.flatMap((r) => (r.kind === 'rubric' ? [r.data.id] : []));
    expect(stages.map((s) => s.rubricId)).toEqual(rubricIds);
    expect(new Set(records.map((r) => r.data.id)).size).toBe(records.length);
  });

  it('builds Krenova: three categories, proposal, presentation and field stages', () => {
    let n = 1;
    const records = buildCompetitionFromTemplate('krenova', details, () => testId(n++));
    expect(records.filter((r) => r.kind === 'category').map((r) => r.data)).toMatchObject([
      { name: 'Umum', order: 0 },
      { name: 'Pelajar', order: 1 },
      { name: 'Perangkat Daerah', order: 2 },
    ]);
    expect(
      records.flatMap((r) => (r.kind === 'stage' ? [[r.data.kind, r.data.order]] : [])),
    ).toEqual([
      ['desk', 0],
      ['presentation', 1],
      ['field', 2],
    ]);
    expect(records[0]).toMatchObject({
      kind: 'competition',
      data: { status: 'draft', isDemo: false },
    });
  });
});
