import type { Assignment } from '../../src/domain/assignment';
import type { Category } from '../../src/domain/category';
import type { Competition } from '../../src/domain/competition';
import type { Conflict } from '../../src/domain/conflict';
import type { Entry } from '../../src/domain/entry';
import { formatHlc } from '../../src/domain/hlc';
import type { Rubric } from '../../src/domain/rubric';
import { kippProposalRubric } from '../../src/domain/rubric-templates';
import type { Scoresheet } from '../../src/domain/scoresheet';
import type { Stage } from '../../src/domain/stage';
import type { User } from '../../src/domain/user';

/**
 * Valid demo records of every kind. Each builder takes the ids it links to and optional
 * overrides, so a test states only what it is about.
 */

/** A fixed lowercase UUIDv7-shaped id: testId(1) → "0190a000-0000-7000-8000-000000000001". */
export function testId(n: number): string {
  return `0190a000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
}

export function makeCompetition(id: string, overrides: Partial<Competition> = {}): Competition {
  return {
    id,
    name: 'Krenova Kabupaten Demak 2025',
    year: 2025,
    organiser: { unit: 'Bappeda Kabupaten Demak', regionCode: '33.21' },
    status: 'running',
    isDemo: true,
    ...overrides,
  };
}

export function makeCategory(
  id: string,
  competitionId: string,
  overrides: Partial<Category> = {},
): Category {
  return { id, competitionId, name: 'Umum', order: 0, ...overrides };
}

export function makeStage(
  id: string,
  competitionId: string,
  rubricId: string,
  overrides: Partial<Stage> = {},
): Stage {
  return {
    id,
    competitionId,
    name: 'Presentasi',
    kind: 'presentation',
    order: 1,
    rubricId,
    rubricVersion: 1,
    advancement: { kind: 'topPerCategory', count: 3 },
    state: 'open',
    ...overrides,
  };
}

export function makeRubricRecord(id: string, version = 1): Rubric {
  return { ...kippProposalRubric(id), version };
}

export function makeEntry(
  id: string,
  competitionId: string,
  categoryId: string,
  overrides: Partial<Entry> = {},
): Entry {
  return {
    id,
    competitionId,
    categoryId,
    title: 'Layanan Antar Akta Kelahiran',
    unit: { name: 'Kecamatan Mranggen', type: 'kecamatan' },
    regionCode: '33.21.01',
    isDigital: false,
    startedOn: '2023-03-01',
    summary: 'Akta kelahiran diantar ke rumah warga oleh petugas kecamatan.',
    evidence: [],
    ...overrides,
  };
}

export function makeUser(id: string, overrides: Partial<User> = {}): User {
  return { id, name: 'Dr. Sri Wahyuni', role: 'judge', affiliation: 'akademisi', ...overrides };
}

export function makeAssignment(
  id: string,
  ids: { stageId: string; judgeId: string; entryId: string },
): Assignment {
  return { id, ...ids };
}

export function makeScoresheet(
  id: string,
  ids: { stageId: string; judgeId: string; entryId: string; rubricId: string },
  overrides: Partial<Scoresheet> = {},
): Scoresheet {
  return {
    id,
    ...ids,
    rubricVersion: 1,
    scores: { kebaruan: { value: 80, note: '' } },
    overallNote: '',
    photos: [],
    status: 'draft',
    ...overrides,
  };
}

/** An HLC text value: testHlc(T0, 2, deviceId) → "000…T0-00002-<deviceId>". */
export function testHlc(wallMs: number, counter: number, node: string): string {
  return formatHlc({ wallMs, counter, node });
}

/**
 * A conflict on the kebaruan score of one scoresheet: one device's later value (85) was
 * kept over another device's earlier one (70).
 */
export function makeConflict(
  id: string,
  ids: { scoresheetId: string; judgeId: string; stageId: string; entryId: string },
  overrides: Partial<Conflict> = {},
): Conflict {
  const keptDeviceId = testId(0xd1);
  const lostDeviceId = testId(0xd2);
  const wallMs = Date.UTC(2025, 7, 18, 8, 0, 0);
  return {
    id,
    ...ids,
    field: 'scores.kebaruan.value',
    kept: { valueJson: '85', hlc: testHlc(wallMs + 1000, 0, keptDeviceId), deviceId: keptDeviceId },
    lost: { valueJson: '70', hlc: testHlc(wallMs, 0, lostDeviceId), deviceId: lostDeviceId },
    at: '2025-08-18T08:05:00.000Z',
    ...overrides,
  };
}
