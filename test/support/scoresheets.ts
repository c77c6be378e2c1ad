import fc from 'fast-check';
import type { BlobRef } from '../../src/domain/blob-ref';
import { formatHlc } from '../../src/domain/hlc';
import type { Scoresheet } from '../../src/domain/scoresheet';
import { scoresheetFieldPaths } from '../../src/domain/scoresheet-fields';
import type { FieldStamps, ScoresheetEdit } from '../../src/domain/scoresheet-merge';
import { makeScoresheet, testId } from './records';

/**
 * Builders for scoresheet merge tests: one judge's sheet, the devices that edit it, and
 * the server copy they are merged into. Every sheet built here passes scoresheetSchema.
 */

export const SHEET_IDS = {
  stageId: testId(0x51),
  judgeId: testId(0x52),
  entryId: testId(0x53),
  rubricId: testId(0x54),
} as const;
export const SHEET_ID = testId(0x50);

/** Devices of the one judge (and the panitia's laptop that created the sheet). */
export const DEVICE_PHONE = testId(0xd1);
export const DEVICE_LAPTOP = testId(0xd2);
export const DEVICE_TABLET = testId(0xd3);
export const DEVICE_ORIGIN = testId(0xd0);

/** The rubric's criteria, in the order the form shows them. */
export const CRITERIA = ['kebaruan', 'implementasi', 'signifikansi'] as const;

/** 2025-08-18T02:00:00.000Z, a morning of judging in Demak. */
export const T0 = Date.UTC(2025, 7, 18, 2, 0, 0);

export function hlcOf(wallMs: number, counter: number, node: string): string {
  return formatHlc({ wallMs, counter, node });
}

/** The server copy every test starts from: two criteria scored, one still empty. */
export function baseSheet(overrides: Partial<Scoresheet> = {}): Scoresheet {
  return makeScoresheet(SHEET_ID, SHEET_IDS, {
    scores: {
      kebaruan: { value: 70, note: 'ide lama' },
      implementasi: { value: 60, note: '' },
      signifikansi: { value: null, note: '' },
    },
    overallNote: 'Kunjungan pertama.',
    ...overrides,
  });
}

/** A copy of `sheet` with criterion `key`'s value and/or note replaced. */
export function withScore(
  sheet: Scoresheet,
  key: string,
  change: { value?: number | null; note?: string },
): Scoresheet {
  const current = sheet.scores[key] ?? { value: null, note: '' };
  return { ...sheet, scores: { ...sheet.scores, [key]: { ...current, ...change } } };
}

export interface StoredSheet {
  sheet: Scoresheet;
  stamps: FieldStamps;
}

/** A server copy whose every field was last written at `seq` by `deviceId`. */
export function storedSheet(
  sheet: Scoresheet,
  at: { seq: number; deviceId?: string; hlc?: string },
): StoredSheet {
  const deviceId = at.deviceId ?? DEVICE_ORIGIN;
  const stamp = { hlc: at.hlc ?? hlcOf(T0 - 60_000, 0, deviceId), seq: at.seq, deviceId };
  return { sheet, stamps: Object.fromEntries(scoresheetFieldPaths(sheet).map((f) => [f, stamp])) };
}

/** One device's edit: `fields` undefined means the device claims every field. */
export function editOf(
  sheet: Scoresheet,
  e: { fields: readonly string[] | undefined; hlc: string; deviceId: string; baseSeq: number },
): ScoresheetEdit {
  return { sheet, fields: e.fields, hlc: e.hlc, deviceId: e.deviceId, baseSeq: e.baseSeq };
}

// ---- fast-check arbitraries -------------------------------------------------------------
// Small value domains on purpose: the values of baseSheet() are among them, so random
// edits often write a value the server already has, and two devices often agree.
// fc.record makes null-prototype objects half the time unless told not to; sheets that
// come from JSON never have them.
const PLAIN = { noNullPrototype: true } as const;

export const INSTANTS = ['2025-08-18T02:30:00.000Z', '2025-08-18T03:15:00.000Z'] as const;

export const PHOTOS: readonly BlobRef[] = [
  { sha256: 'a'.repeat(64), size: 1024, mediaType: 'image/jpeg' },
  {
    sha256: 'b'.repeat(64),
    size: 2048,
    mediaType: 'image/jpeg',
    name: 'papan-nama.jpg',
    capturedAt: INSTANTS[0],
    location: { lat: -6.89, lng: 110.64, accuracyM: 12 },
  },
  { sha256: 'c'.repeat(64), size: 4096, mediaType: 'image/png' },
];

const scoreArb = fc.record(
  {
    value: fc.oneof(fc.constantFrom(null, 70, 60), fc.integer({ min: 0, max: 100 })),
    note: fc.constantFrom('', 'ide lama', 'bagus', 'data kurang'),
  },
  PLAIN,
);

const visitArb = fc.option(
  fc.oneof(
    fc.record({ at: fc.constantFrom(...INSTANTS) }, PLAIN),
    fc.record(
      {
        at: fc.constantFrom(...INSTANTS),
        location: fc.constantFrom(
          { lat: -6.89, lng: 110.64 },
          { lat: -6.9, lng: 110.6, accuracyM: 30 },
        ),
      },
      PLAIN,
    ),
  ),
  { nil: undefined },
);

type StatusPart =
  | { status: 'draft' }
  | { status: 'abstained'; abstainReason: string }
  | { status: 'submitted'; submittedAt: string };

const statusArb: fc.Arbitrary<StatusPart> = fc.oneof(
  fc.constant({ status: 'draft' as const }),
  fc.record(
    {
      status: fc.constant('abstained' as const),
      abstainReason: fc.constantFrom('Konflik kepentingan', 'Tidak hadir'),
    },
    PLAIN,
  ),
  fc.record(
    {
      status: fc.constant('submitted' as const),
      submittedAt: fc.constantFrom(...INSTANTS),
    },
    PLAIN,
  ),
);

/**
 * A valid sheet of the same assignment as baseSheet(), every field random. With
 * `allCriteria: false` some criteria are missing, as on a sheet the judge has just opened.
 */
export function sheetArb({ allCriteria = true } = {}): fc.Arbitrary<Scoresheet> {
  const all: string[] = [...CRITERIA];
  const keys = allCriteria ? fc.constant(all) : fc.subarray(all);
  return fc
    .record({
      keys,
      scores: fc.tuple(scoreArb, scoreArb, scoreArb),
      overallNote: fc.constantFrom('', 'Kunjungan pertama.', 'Perlu verifikasi lapangan.'),
      visit: visitArb,
      photos: fc.shuffledSubarray([...PHOTOS]),
      status: statusArb,
    })
    .map((p) => {
      const scores: Scoresheet['scores'] = {};
      CRITERIA.forEach((key, i) => {
        const score = p.scores[i];
        if (score && p.keys.includes(key)) scores[key] = score;
      });
      // baseSheet() has no visit, abstainReason or submittedAt to leave behind.
      const sheet: Scoresheet = {
        ...baseSheet(),
        ...p.status,
        scores,
        overallNote: p.overallNote,
        photos: p.photos,
      };
      if (p.visit) sheet.visit = p.visit;
      return sheet;
    });
}
