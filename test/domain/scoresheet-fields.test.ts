import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Scoresheet, scoresheetSchema } from '../../src/domain/scoresheet';
import {
  copyField,
  readField,
  sameValue,
  scoresheetFieldPaths,
} from '../../src/domain/scoresheet-fields';
import { baseSheet, INSTANTS, PHOTOS, sheetArb, withScore } from '../support/scoresheets';

const NUM_RUNS = 1000;

/** Every field path either sheet has, so a criterion missing on one side is covered. */
function pathsOf(...sheets: Scoresheet[]): string[] {
  return [...new Set(sheets.flatMap(scoresheetFieldPaths))];
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

describe('scoresheetFieldPaths', () => {
  it('lists value and note of each criterion in key order, then the sheet-wide fields', () => {
    expect(scoresheetFieldPaths(baseSheet())).toEqual([
      'scores.implementasi.value',
      'scores.implementasi.note',
      'scores.kebaruan.value',
      'scores.kebaruan.note',
      'scores.signifikansi.value',
      'scores.signifikansi.note',
      'overallNote',
      'visit',
      'photos',
      'status',
    ]);
  });

  it('lists only the sheet-wide fields on a sheet with no scores yet', () => {
    expect(scoresheetFieldPaths(baseSheet({ scores: {} }))).toEqual([
      'overallNote',
      'visit',
      'photos',
      'status',
    ]);
  });
});

describe('readField', () => {
  const sheet = baseSheet({
    visit: { at: INSTANTS[0] },
    photos: [PHOTOS[0]!],
    status: 'submitted',
    submittedAt: INSTANTS[1],
  });

  it('reads a criterion value and note separately', () => {
    expect(readField(sheet, 'scores.kebaruan.value')).toBe(70);
    expect(readField(sheet, 'scores.kebaruan.note')).toBe('ide lama');
    expect(readField(sheet, 'scores.signifikansi.value')).toBeNull();
  });

  it('reads a criterion the sheet does not have as an empty score', () => {
    expect(readField(sheet, 'scores.keberlanjutan.value')).toBeNull();
    expect(readField(sheet, 'scores.keberlanjutan.note')).toBe('');
  });

  it('reads the sheet-wide fields, an absent visit as null', () => {
    expect(readField(sheet, 'overallNote')).toBe('Kunjungan pertama.');
    expect(readField(sheet, 'visit')).toEqual({ at: INSTANTS[0] });
    expect(readField(baseSheet(), 'visit')).toBeNull();
    expect(readField(sheet, 'photos')).toEqual([PHOTOS[0]]);
  });

  it('reads status, abstain reason and submission time together, absent ones as null', () => {
    expect(readField(sheet, 'status')).toEqual({
      status: 'submitted',
      abstainReason: null,
      submittedAt: INSTANTS[1],
    });
    expect(
      readField(baseSheet({ status: 'abstained', abstainReason: 'Tidak hadir' }), 'status'),
    ).toEqual({ status: 'abstained', abstainReason: 'Tidak hadir', submittedAt: null });
  });

  it.each([
    'id',
    'judgeId',
    'scores',
    'scores.kebaruan',
    'scores.kebaruan.total',
    'scores..value',
    'status.status',
    'abstainReason',
    'submittedAt',
    'visit.at',
    '',
  ])('refuses "%s" with a RangeError', (path) => {
    expect(() => readField(sheet, path)).toThrow(RangeError);
    expect(() => copyField(sheet, sheet, path)).toThrow(RangeError);
  });
});

describe('copyField', () => {
  const target = deepFreeze(baseSheet());

  it('copies a criterion value and keeps the target note', () => {
    const source = withScore(baseSheet(), 'kebaruan', { value: 85, note: 'dari ponsel' });
    const result = copyField(target, source, 'scores.kebaruan.value');
    expect(result.scores.kebaruan).toEqual({ value: 85, note: 'ide lama' });
    expect(result.scores.implementasi).toBe(target.scores.implementasi);
  });

  it('copies a criterion note and keeps the target value', () => {
    const source = withScore(baseSheet(), 'kebaruan', { value: 85, note: 'dari laptop' });
    const result = copyField(target, source, 'scores.kebaruan.note');
    expect(result.scores.kebaruan).toEqual({ value: 70, note: 'dari laptop' });
  });

  it('adds a criterion the target does not have yet, with an empty other half', () => {
    const source = withScore(baseSheet(), 'keberlanjutan', { value: 40, note: 'rencana ada' });
    expect(copyField(target, source, 'scores.keberlanjutan.value').scores.keberlanjutan).toEqual({
      value: 40,
      note: '',
    });
    expect(copyField(target, source, 'scores.keberlanjutan.note').scores.keberlanjutan).toEqual({
      value: null,
      note: 'rencana ada',
    });
  });

  it('copies a value the source does not have as null (the criterion was cleared)', () => {
    const { kebaruan: _, ...others } = target.scores;
    const source = baseSheet({ scores: others });
    expect(copyField(target, source, 'scores.kebaruan.value').scores.kebaruan).toEqual({
      value: null,
      note: 'ide lama',
    });
  });

  it('copies the overall note and the photos', () => {
    const source = baseSheet({ overallNote: 'Sudah diverifikasi.', photos: [...PHOTOS] });
    expect(copyField(target, source, 'overallNote').overallNote).toBe('Sudah diverifikasi.');
    expect(copyField(target, source, 'photos').photos).toEqual(PHOTOS);
  });

  it('copies a visit, and deletes the key (not undefined) when the source has none', () => {
    const visited = baseSheet({ visit: { at: INSTANTS[0], location: { lat: -6.89, lng: 110.6 } } });
    expect(copyField(target, visited, 'visit').visit).toEqual(visited.visit);
    const cleared = copyField(deepFreeze(visited), target, 'visit');
    expect('visit' in cleared).toBe(false);
  });

  it('copies status with its reason and time, deleting the ones the source lacks', () => {
    const abstained = baseSheet({ status: 'abstained', abstainReason: 'Konflik kepentingan' });
    const submitted = baseSheet({ status: 'submitted', submittedAt: INSTANTS[1] });

    const toSubmitted = copyField(deepFreeze(abstained), submitted, 'status');
    expect(toSubmitted.status).toBe('submitted');
    expect(toSubmitted.submittedAt).toBe(INSTANTS[1]);
    expect('abstainReason' in toSubmitted).toBe(false);

    const toAbstained = copyField(deepFreeze(submitted), abstained, 'status');
    expect(toAbstained.abstainReason).toBe('Konflik kepentingan');
    expect('submittedAt' in toAbstained).toBe(false);

    const reopened = copyField(submitted, target, 'status');
    expect(reopened.status).toBe('draft');
    expect('submittedAt' in reopened).toBe(false);
    expect('abstainReason' in reopened).toBe(false);
  });

  it('sets exactly the copied field and leaves every other field, and both inputs, alone', () => {
    const sheets = fc.oneof(sheetArb(), sheetArb({ allCriteria: false }));
    fc.assert(
      fc.property(sheets, sheets, fc.nat(), (t, s, pick) => {
        const paths = pathsOf(t, s);
        const path = paths[pick % paths.length] ?? 'overallNote';
        const before = { t: structuredClone(t), s: structuredClone(s) };
        const result = copyField(deepFreeze(t), deepFreeze(s), path);

        expect(sameValue(readField(result, path), readField(s, path))).toBe(true);
        for (const other of pathsOf(t, s, result)) {
          if (other !== path) expect(readField(result, other)).toEqual(readField(t, other));
        }
        expect({ t, s }).toStrictEqual(before);
        expect(scoresheetSchema.safeParse(result).success).toBe(true);
        expect(Object.values(result)).not.toContain(undefined);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('copying every field of the source gives the source back', () => {
    fc.assert(
      fc.property(sheetArb(), sheetArb(), (t, s) => {
        const result = scoresheetFieldPaths(s).reduce((acc, p) => copyField(acc, s, p), t);
        expect(result).toStrictEqual(s);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  // BUG (src/domain/scoresheet-fields.ts, copyField): `target.scores[key] ?? {…}` reads
  // inherited properties, and "constructor" is a valid criterion key (criterionKeySchema
  // allows any lowercase word). A target without that criterion yields Object itself, so
  // `{ ...current, value }` loses the note: { value: 5 } instead of { value: 5, note: '' },
  // which scoresheetSchema rejects. Needs an own-property check (Object.hasOwn).
  it('adds a criterion named like an Object.prototype member as a full score', () => {
    const source = baseSheet({ scores: { constructor: { value: 5, note: '' } } });
    const result = copyField(baseSheet({ scores: {} }), source, 'scores.constructor.value');
    expect(result.scores).toEqual({ constructor: { value: 5, note: '' } });
    expect(scoresheetSchema.safeParse(result).success).toBe(true);
  });
});

describe('sameValue', () => {
  it('compares numbers, text and null by value, telling null from 0 and from ""', () => {
    expect(sameValue(70, 70)).toBe(true);
    expect(sameValue(70, 71)).toBe(false);
    expect(sameValue(null, null)).toBe(true);
    expect(sameValue(null, 0)).toBe(false);
    expect(sameValue(null, '')).toBe(false);
    expect(sameValue('', '')).toBe(true);
    expect(sameValue('bagus', 'Bagus')).toBe(false);
  });

  it('compares arrays element by element, order included (photo order is meaningful)', () => {
    expect(
      sameValue(
        [...PHOTOS],
        PHOTOS.map((p) => ({ ...p })),
      ),
    ).toBe(true);
    expect(sameValue([PHOTOS[0], PHOTOS[1]], [PHOTOS[1], PHOTOS[0]])).toBe(false);
    expect(sameValue([], [PHOTOS[0]])).toBe(false);
  });

  it('compares nested objects structurally', () => {
    expect(sameValue({ at: INSTANTS[0] }, { at: INSTANTS[0] })).toBe(true);
    expect(sameValue({ at: INSTANTS[0] }, { at: INSTANTS[1] })).toBe(false);
    expect(sameValue({ at: INSTANTS[0] }, { at: INSTANTS[0], location: { lat: 0, lng: 0 } })).toBe(
      false,
    );
  });

  it('agrees with a deep copy of any field of any sheet', () => {
    fc.assert(
      fc.property(sheetArb({ allCriteria: false }), (sheet) => {
        for (const path of scoresheetFieldPaths(sheet)) {
          const value = readField(sheet, path);
          expect(sameValue(value, structuredClone(value))).toBe(true);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  // BUG (src/domain/scoresheet-fields.ts, sameValue): it compares JSON.stringify output,
  // so two equal objects whose keys were written in another order are "different". The
  // server keeps records in PostgreSQL jsonb, which reorders keys (shorter first), and
  // z.record keeps that order for `scores`; so server/sync/scoresheet-rules.ts's
  // `!sameValue(merged.sheet, sheet)` is true for a sheet identical to the stored one,
  // and a no-op push writes a new version that every device pulls again.
  it('does not depend on the order in which object keys were written', () => {
    const photo = PHOTOS[1]!;
    const asJsonbReturnsIt = {
      name: photo.name,
      size: photo.size,
      sha256: photo.sha256,
      location: photo.location,
      mediaType: photo.mediaType,
      capturedAt: photo.capturedAt,
    };
    expect(sameValue([photo], [asJsonbReturnsIt])).toBe(true);
    const scores = baseSheet().scores;
    const reordered = Object.fromEntries(Object.entries(scores).reverse());
    expect(sameValue(scores, reordered)).toBe(true);
  });
});
