import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Scoresheet, scoresheetSchema } from '../../src/domain/scoresheet';
import {
  copyField,
  readField,
  sameValue,
  scoresheetFieldPaths,
} from '../../src/domain/scoresheet-fields';
import {
  type FieldConflict,
  type FieldStamps,
  mergeScoresheetEdit,
  type MergeResult,
  type ScoresheetEdit,
} from '../../src/domain/scoresheet-merge';
import {
  baseSheet,
  CRITERIA,
  DEVICE_LAPTOP,
  DEVICE_ORIGIN,
  DEVICE_PHONE,
  DEVICE_TABLET,
  editOf,
  hlcOf,
  INSTANTS,
  PHOTOS,
  sheetArb,
  type StoredSheet,
  storedSheet,
  T0,
  withScore,
} from '../support/scoresheets';

const NUM_RUNS = 1000;
/** The server change both devices last pulled before going offline. */
const BASE_SEQ = 10;
const ALL_PATHS = scoresheetFieldPaths(baseSheet());

const server = () => storedSheet(baseSheet(), { seq: BASE_SEQ });
const asStored = (r: MergeResult): StoredSheet => ({ sheet: r.sheet, stamps: r.stamps });

/** Applies two edits in turn at server changes 11 and 12. */
function applyInOrder(stored: StoredSheet, first: ScoresheetEdit, second: ScoresheetEdit) {
  const one = mergeScoresheetEdit(stored, first, BASE_SEQ + 1);
  const two = mergeScoresheetEdit(asStored(one), second, BASE_SEQ + 2);
  return { one, two, sheet: two.sheet, conflicts: [...one.conflicts, ...two.conflicts] };
}

/** Stamps by who and when, not at which server change (a replay may restamp). */
const withoutSeq = (stamps: FieldStamps) =>
  Object.fromEntries(
    Object.entries(stamps).map(([f, s]) => [f, { hlc: s.hlc, deviceId: s.deviceId }]),
  );

const byField = (a: FieldConflict, b: FieldConflict) => (a.field < b.field ? -1 : 1);

const hlcPartsArb = fc.record(
  { ms: fc.integer({ min: -2, max: 2 }), counter: fc.integer({ min: 0, max: 2 }) },
  { noNullPrototype: true },
);
/** Two devices, in either order, so the node tie-break favours either one. */
const devicesArb = fc.constantFrom(
  [DEVICE_PHONE, DEVICE_LAPTOP] as const,
  [DEVICE_LAPTOP, DEVICE_PHONE] as const,
);

function concurrentEdit(
  sheet: Scoresheet,
  fields: readonly string[] | undefined,
  parts: { ms: number; counter: number },
  deviceId: string,
): ScoresheetEdit {
  return editOf(sheet, {
    fields,
    hlc: hlcOf(T0 + parts.ms, parts.counter, deviceId),
    deviceId,
    baseSeq: BASE_SEQ,
  });
}

describe('mergeScoresheetEdit: creating a sheet', () => {
  it('takes the sheet as sent and stamps every field with the edit', () => {
    const sheet = withScore(baseSheet(), 'kebaruan', { value: 85 });
    const hlc = hlcOf(T0, 0, DEVICE_PHONE);
    const result = mergeScoresheetEdit(
      null,
      editOf(sheet, { fields: undefined, hlc, deviceId: DEVICE_PHONE, baseSeq: 0 }),
      1,
    );
    expect(result.sheet).toEqual(sheet);
    expect(result.changed).toBe(true);
    expect(result.conflicts).toEqual([]);
    expect(Object.keys(result.stamps).sort()).toEqual([...ALL_PATHS].sort());
    for (const path of ALL_PATHS) {
      expect(result.stamps[path]).toEqual({ hlc, seq: 1, deviceId: DEVICE_PHONE });
    }
  });

  it('stamps only the fields the edit lists, leaving defaults nobody chose unstamped', () => {
    const hlc = hlcOf(T0, 0, DEVICE_PHONE);
    const sheet = withScore(baseSheet(), 'kebaruan', { value: 85 });
    const result = mergeScoresheetEdit(
      null,
      editOf(sheet, {
        fields: ['scores.kebaruan.value', 'overallNote'],
        hlc,
        deviceId: DEVICE_PHONE,
        baseSeq: 0,
      }),
      1,
    );
    expect(result.sheet).toEqual(sheet);
    expect(result.changed).toBe(true);
    expect(result.stamps).toEqual({
      'scores.kebaruan.value': { hlc, seq: 1, deviceId: DEVICE_PHONE },
      overallNote: { hlc, seq: 1, deviceId: DEVICE_PHONE },
    });
  });

  it('two devices that start the same sheet offline on different criteria both win', () => {
    const empty = baseSheet({
      scores: { kebaruan: { value: null, note: '' }, implementasi: { value: null, note: '' } },
    });
    const phone = editOf(withScore(empty, 'kebaruan', { value: 85 }), {
      fields: ['scores.kebaruan.value'],
      hlc: hlcOf(T0 + 2_000, 0, DEVICE_PHONE),
      deviceId: DEVICE_PHONE,
      baseSeq: 0,
    });
    const laptop = editOf(withScore(empty, 'implementasi', { value: 90 }), {
      fields: ['scores.implementasi.value'],
      hlc: hlcOf(T0 + 1_000, 0, DEVICE_LAPTOP),
      deviceId: DEVICE_LAPTOP,
      baseSeq: 0,
    });
    for (const [first, second] of [
      [phone, laptop],
      [laptop, phone],
    ] as const) {
      const one = mergeScoresheetEdit(null, first, 1);
      const two = mergeScoresheetEdit(asStored(one), second, 2);
      expect(two.sheet.scores).toEqual({
        kebaruan: { value: 85, note: '' },
        implementasi: { value: 90, note: '' },
      });
      expect(two.conflicts).toEqual([]);
    }
  });

  it('two whole-sheet creations (fields undefined): the later clock wins field by field', () => {
    // Both creations claim every field, so any field the two copies disagree on is a
    // concurrent edit, whichever arrives first.
    const phoneSheet = withScore(baseSheet(), 'kebaruan', { value: 85 });
    const laptopSheet = withScore(baseSheet({ overallNote: 'Dari laptop.' }), 'implementasi', {
      value: 90,
    });
    const phone = editOf(phoneSheet, {
      fields: undefined,
      hlc: hlcOf(T0 + 1_000, 0, DEVICE_PHONE),
      deviceId: DEVICE_PHONE,
      baseSeq: 0,
    });
    const laptop = editOf(laptopSheet, {
      fields: undefined,
      hlc: hlcOf(T0 + 2_000, 0, DEVICE_LAPTOP),
      deviceId: DEVICE_LAPTOP,
      baseSeq: 0,
    });
    const create = (first: ScoresheetEdit, second: ScoresheetEdit) => {
      const one = mergeScoresheetEdit(null, first, 1);
      const two = mergeScoresheetEdit(asStored(one), second, 2);
      return { sheet: two.sheet, conflicts: [...one.conflicts, ...two.conflicts].sort(byField) };
    };
    const phoneFirst = create(phone, laptop);
    const laptopFirst = create(laptop, phone);
    expect(phoneFirst.sheet).toStrictEqual(laptopSheet);
    expect(laptopFirst.sheet).toStrictEqual(laptopSheet);
    expect(phoneFirst.conflicts).toEqual(laptopFirst.conflicts);
    expect(phoneFirst.conflicts.map((c) => c.field)).toEqual([
      'overallNote',
      'scores.implementasi.value',
      'scores.kebaruan.value',
    ]);
  });
  it('two concurrent creations give one result in either order', () => {
    const empty = baseSheet({
      scores: Object.fromEntries(CRITERIA.map((k) => [k, { value: null, note: '' }])),
      overallNote: '',
    });
    fc.assert(
      fc.property(
        sheetArb(),
        sheetArb(),
        fc.subarray(ALL_PATHS),
        fc.subarray(ALL_PATHS),
        hlcPartsArb,
        hlcPartsArb,
        devicesArb,
        (changesA, changesB, fieldsA, fieldsB, clockA, clockB, [deviceA, deviceB]) => {
          // A new sheet is the empty form plus what the device filled in (and listed).
          const sheetA = fieldsA.reduce((s, p) => copyField(s, changesA, p), empty);
          const sheetB = fieldsB.reduce((s, p) => copyField(s, changesB, p), empty);
          const a = { ...concurrentEdit(sheetA, fieldsA, clockA, deviceA), baseSeq: 0 };
          const b = { ...concurrentEdit(sheetB, fieldsB, clockB, deviceB), baseSeq: 0 };
          const ab = mergeScoresheetEdit(asStored(mergeScoresheetEdit(null, a, 1)), b, 2);
          const ba = mergeScoresheetEdit(asStored(mergeScoresheetEdit(null, b, 1)), a, 2);
          expect(ab.sheet).toStrictEqual(ba.sheet);
          expect([...ab.conflicts].sort(byField)).toEqual([...ba.conflicts].sort(byField));
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('mergeScoresheetEdit: two devices, different fields', () => {
  const cases = [
    { name: 'the phone clock is behind', phoneMs: T0 + 1_000, laptopMs: T0 + 2_000 },
    { name: 'the phone clock is ahead', phoneMs: T0 + 9_000, laptopMs: T0 + 2_000 },
  ];

  it.each(cases)('keeps both criteria, in either arrival order ($name)', (c) => {
    const phone = editOf(withScore(baseSheet(), 'kebaruan', { value: 85 }), {
      fields: ['scores.kebaruan.value'],
      hlc: hlcOf(c.phoneMs, 0, DEVICE_PHONE),
      deviceId: DEVICE_PHONE,
      baseSeq: BASE_SEQ,
    });
    const laptop = editOf(withScore(baseSheet(), 'implementasi', { value: 90 }), {
      fields: ['scores.implementasi.value'],
      hlc: hlcOf(c.laptopMs, 0, DEVICE_LAPTOP),
      deviceId: DEVICE_LAPTOP,
      baseSeq: BASE_SEQ,
    });
    const expected = withScore(withScore(baseSheet(), 'kebaruan', { value: 85 }), 'implementasi', {
      value: 90,
    });
    for (const [first, second] of [
      [phone, laptop],
      [laptop, phone],
    ] as const) {
      const run = applyInOrder(server(), first, second);
      expect(run.sheet).toStrictEqual(expected);
      expect(run.conflicts).toEqual([]);
      expect(run.one.changed && run.two.changed).toBe(true);
      expect(run.two.stamps['scores.kebaruan.value']?.deviceId).toBe(DEVICE_PHONE);
      expect(run.two.stamps['scores.implementasi.value']?.deviceId).toBe(DEVICE_LAPTOP);
      expect(run.two.stamps.overallNote?.deviceId).toBe(DEVICE_ORIGIN);
    }
  });

  it('keeps a value typed on one device and a note written on the other', () => {
    const phone = editOf(withScore(baseSheet(), 'kebaruan', { value: 85 }), {
      fields: ['scores.kebaruan.value'],
      hlc: hlcOf(T0 + 1_000, 0, DEVICE_PHONE),
      deviceId: DEVICE_PHONE,
      baseSeq: BASE_SEQ,
    });
    const laptop = editOf(withScore(baseSheet(), 'kebaruan', { note: 'belum ada data dukung' }), {
      fields: ['scores.kebaruan.note'],
      hlc: hlcOf(T0 + 2_000, 0, DEVICE_LAPTOP),
      deviceId: DEVICE_LAPTOP,
      baseSeq: BASE_SEQ,
    });
    for (const run of [
      applyInOrder(server(), phone, laptop),
      applyInOrder(server(), laptop, phone),
    ]) {
      expect(run.sheet.scores.kebaruan).toEqual({ value: 85, note: 'belum ada data dukung' });
      expect(run.conflicts).toEqual([]);
    }
  });

  it('keeps an overall note from one device and a visit with photos from the other', () => {
    const phone = editOf(
      baseSheet({
        visit: { at: INSTANTS[0], location: { lat: -6.89, lng: 110.64 } },
        photos: [...PHOTOS],
      }),
      {
        fields: ['visit', 'photos'],
        hlc: hlcOf(T0 + 5_000, 0, DEVICE_PHONE),
        deviceId: DEVICE_PHONE,
        baseSeq: BASE_SEQ,
      },
    );
    const laptop = editOf(baseSheet({ overallNote: 'Layanan sudah berjalan dua tahun.' }), {
      fields: ['overallNote'],
      hlc: hlcOf(T0 + 1_000, 0, DEVICE_LAPTOP),
      deviceId: DEVICE_LAPTOP,
      baseSeq: BASE_SEQ,
    });
    const expected = baseSheet({
      overallNote: 'Layanan sudah berjalan dua tahun.',
      visit: { at: INSTANTS[0], location: { lat: -6.89, lng: 110.64 } },
      photos: [...PHOTOS],
    });
    expect(applyInOrder(server(), phone, laptop).sheet).toStrictEqual(expected);
    expect(applyInOrder(server(), laptop, phone).sheet).toStrictEqual(expected);
  });
});

describe('mergeScoresheetEdit: two devices, the same criterion', () => {
  const phoneHlc = hlcOf(T0 + 1_000, 0, DEVICE_PHONE);
  const laptopHlc = hlcOf(T0 + 2_000, 0, DEVICE_LAPTOP);
  const phone = editOf(withScore(baseSheet(), 'kebaruan', { value: 85 }), {
    fields: ['scores.kebaruan.value'],
    hlc: phoneHlc,
    deviceId: DEVICE_PHONE,
    baseSeq: BASE_SEQ,
  });
  const laptop = editOf(withScore(baseSheet(), 'kebaruan', { value: 90 }), {
    fields: ['scores.kebaruan.value'],
    hlc: laptopHlc,
    deviceId: DEVICE_LAPTOP,
    baseSeq: BASE_SEQ,
  });
  const expectedConflict: FieldConflict = {
    field: 'scores.kebaruan.value',
    kept: { value: 90, hlc: laptopHlc, deviceId: DEVICE_LAPTOP },
    lost: { value: 85, hlc: phoneHlc, deviceId: DEVICE_PHONE },
  };

  it('keeps the later clock and reports one conflict when the later edit arrives last', () => {
    const run = applyInOrder(server(), phone, laptop);
    expect(run.sheet.scores.kebaruan).toEqual({ value: 90, note: 'ide lama' });
    expect(run.one.conflicts).toEqual([]);
    expect(run.two.conflicts).toEqual([expectedConflict]);
    expect(run.two.changed).toBe(true);
    expect(run.two.stamps['scores.kebaruan.value']).toEqual({
      hlc: laptopHlc,
      seq: BASE_SEQ + 2,
      deviceId: DEVICE_LAPTOP,
    });
  });

  it('keeps the later clock and reports the same conflict when the earlier edit arrives last', () => {
    const run = applyInOrder(server(), laptop, phone);
    expect(run.sheet.scores.kebaruan).toEqual({ value: 90, note: 'ide lama' });
    expect(run.one.conflicts).toEqual([]);
    expect(run.two.conflicts).toEqual([expectedConflict]);
    expect(run.two.changed).toBe(false);
    expect(run.two.sheet).toStrictEqual(run.one.sheet);
    expect(run.two.stamps['scores.kebaruan.value']).toEqual({
      hlc: laptopHlc,
      seq: BASE_SEQ + 1,
      deviceId: DEVICE_LAPTOP,
    });
  });

  it('breaks an exact tie of wall and counter by device id', () => {
    const tie = (deviceId: string, value: number) =>
      editOf(withScore(baseSheet(), 'kebaruan', { value }), {
        fields: ['scores.kebaruan.value'],
        hlc: hlcOf(T0, 3, deviceId),
        deviceId,
        baseSeq: BASE_SEQ,
      });
    const winner = DEVICE_LAPTOP > DEVICE_PHONE ? 90 : 85;
    for (const run of [
      applyInOrder(server(), tie(DEVICE_PHONE, 85), tie(DEVICE_LAPTOP, 90)),
      applyInOrder(server(), tie(DEVICE_LAPTOP, 90), tie(DEVICE_PHONE, 85)),
    ]) {
      expect(run.sheet.scores.kebaruan?.value).toBe(winner);
      expect(run.conflicts).toHaveLength(1);
    }
  });

  it('moves status, abstain reason and submission time together', () => {
    const submit = editOf(baseSheet({ status: 'submitted', submittedAt: INSTANTS[1] }), {
      fields: ['status'],
      hlc: hlcOf(T0 + 3_000, 0, DEVICE_PHONE),
      deviceId: DEVICE_PHONE,
      baseSeq: BASE_SEQ,
    });
    const abstain = editOf(
      baseSheet({ status: 'abstained', abstainReason: 'Konflik kepentingan' }),
      {
        fields: ['status'],
        hlc: hlcOf(T0 + 4_000, 0, DEVICE_LAPTOP),
        deviceId: DEVICE_LAPTOP,
        baseSeq: BASE_SEQ,
      },
    );
    for (const run of [
      applyInOrder(server(), submit, abstain),
      applyInOrder(server(), abstain, submit),
    ]) {
      expect(run.sheet).toStrictEqual(abstain.sheet);
      expect(scoresheetSchema.safeParse(run.sheet).success).toBe(true);
      expect(run.conflicts).toEqual([
        {
          field: 'status',
          kept: {
            value: { status: 'abstained', abstainReason: 'Konflik kepentingan', submittedAt: null },
            hlc: abstain.hlc,
            deviceId: DEVICE_LAPTOP,
          },
          lost: {
            value: { status: 'submitted', abstainReason: null, submittedAt: INSTANTS[1] },
            hlc: submit.hlc,
            deviceId: DEVICE_PHONE,
          },
        },
      ]);
    }
  });

  it('reports each conflicting field once, even when the edit lists it twice', () => {
    const twice = { ...phone, fields: ['scores.kebaruan.value', 'scores.kebaruan.value'] };
    expect(applyInOrder(server(), laptop, twice).conflicts).toEqual([expectedConflict]);
  });

  it('reports no conflict when both devices wrote the same value', () => {
    const same = { ...phone, sheet: laptop.sheet };
    const run = applyInOrder(server(), same, laptop);
    expect(run.conflicts).toEqual([]);
    // No value changes, but the later write takes the stamp (the order must not matter).
    expect(run.two.changed).toBe(true);
    expect(run.sheet.scores.kebaruan?.value).toBe(90);
  });
});

describe('mergeScoresheetEdit: causality beats clocks', () => {
  // The laptop (clock ahead) wrote kebaruan at change 11; the phone (clock behind) then
  // pulled change 11 and corrected the value. The phone saw the laptop's value, so its
  // edit is not concurrent, whatever the clocks say.
  const afterLaptop = () =>
    mergeScoresheetEdit(
      server(),
      editOf(withScore(baseSheet(), 'kebaruan', { value: 90 }), {
        fields: ['scores.kebaruan.value'],
        hlc: hlcOf(T0 + 3_600_000, 0, DEVICE_LAPTOP),
        deviceId: DEVICE_LAPTOP,
        baseSeq: BASE_SEQ,
      }),
      BASE_SEQ + 1,
    );
  const phoneCorrection = (baseSeq: number) =>
    editOf(withScore(baseSheet(), 'kebaruan', { value: 75 }), {
      fields: ['scores.kebaruan.value'],
      hlc: hlcOf(T0, 0, DEVICE_PHONE),
      deviceId: DEVICE_PHONE,
      baseSeq,
    });

  it.each([BASE_SEQ + 1, BASE_SEQ + 5])(
    'a later edit based on change %i wins with an older clock, without a conflict',
    (baseSeq) => {
      const result = mergeScoresheetEdit(
        asStored(afterLaptop()),
        phoneCorrection(baseSeq),
        BASE_SEQ + 6,
      );
      expect(result.sheet.scores.kebaruan?.value).toBe(75);
      expect(result.conflicts).toEqual([]);
      expect(result.changed).toBe(true);
      expect(result.stamps['scores.kebaruan.value']).toEqual({
        hlc: hlcOf(T0, 0, DEVICE_PHONE),
        seq: BASE_SEQ + 6,
        deviceId: DEVICE_PHONE,
      });
    },
  );

  it('the same edit based on the change before is concurrent, and the later clock wins', () => {
    const result = mergeScoresheetEdit(asStored(afterLaptop()), phoneCorrection(BASE_SEQ), 12);
    expect(result.sheet.scores.kebaruan?.value).toBe(90);
    expect(result.changed).toBe(false);
    expect(result.conflicts.map((c) => [c.field, c.kept.value, c.lost.value])).toEqual([
      ['scores.kebaruan.value', 90, 75],
    ]);
  });

  it('an edit that saw every stamp sets exactly the fields it lists, whatever its clock', () => {
    fc.assert(
      fc.property(
        sheetArb(),
        sheetArb({ allCriteria: false }),
        fc.option(fc.subarray(ALL_PATHS), { nil: undefined }),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: -7_200_000, max: 7_200_000 }),
        fc.constantFrom(DEVICE_PHONE, DEVICE_TABLET),
        (stored, incoming, fields, seen, clockMs, deviceId) => {
          // Every field was last written by the laptop, with a clock far ahead.
          const storedAt = storedSheet(stored, {
            seq: BASE_SEQ,
            deviceId: DEVICE_LAPTOP,
            hlc: hlcOf(T0 + 9_000_000, 0, DEVICE_LAPTOP),
          });
          const edit = editOf(incoming, {
            fields,
            hlc: hlcOf(T0 + clockMs, 0, deviceId),
            deviceId,
            baseSeq: BASE_SEQ + seen,
          });
          const result = mergeScoresheetEdit(storedAt, edit, BASE_SEQ + 6);
          const listed = fields ?? scoresheetFieldPaths(incoming);
          expect(result.conflicts).toEqual([]);
          for (const path of ALL_PATHS) {
            const from = listed.includes(path) ? incoming : stored;
            expect(readField(result.sheet, path)).toEqual(readField(from, path));
            // A listed field takes the edit's stamp, even with an unchanged value; a field
            // it did not list keeps the old stamp.
            const isListed = listed.includes(path);
            expect(result.stamps[path]?.deviceId).toBe(isListed ? deviceId : DEVICE_LAPTOP);
          }
          expect(result.changed).toBe(listed.length > 0);
          expect(scoresheetSchema.safeParse(result.sheet).success).toBe(true);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('mergeScoresheetEdit: one device', () => {
  it("never conflicts with the same device's earlier edit, even offline on an old base", () => {
    const first = editOf(withScore(baseSheet(), 'kebaruan', { value: 85 }), {
      fields: ['scores.kebaruan.value'],
      hlc: hlcOf(T0, 0, DEVICE_PHONE),
      deviceId: DEVICE_PHONE,
      baseSeq: BASE_SEQ,
    });
    const second = editOf(withScore(baseSheet(), 'kebaruan', { value: 88 }), {
      fields: ['scores.kebaruan.value'],
      hlc: hlcOf(T0, 1, DEVICE_PHONE),
      deviceId: DEVICE_PHONE,
      baseSeq: BASE_SEQ,
    });
    const run = applyInOrder(server(), first, second);
    expect(run.sheet.scores.kebaruan?.value).toBe(88);
    expect(run.conflicts).toEqual([]);
    expect(run.two.changed).toBe(true);
  });

  it('applies a run of offline edits from one device as last-listed-wins, conflict-free', () => {
    const editArb = fc.record(
      { sheet: sheetArb(), fields: fc.option(fc.subarray(ALL_PATHS), { nil: undefined }) },
      { noNullPrototype: true },
    );
    fc.assert(
      fc.property(fc.array(editArb, { minLength: 1, maxLength: 6 }), (edits) => {
        let stored = server();
        const expected = new Map(ALL_PATHS.map((p) => [p, readField(baseSheet(), p)]));
        edits.forEach((e, i) => {
          const result = mergeScoresheetEdit(
            stored,
            editOf(e.sheet, {
              fields: e.fields,
              hlc: hlcOf(T0, i, DEVICE_PHONE),
              deviceId: DEVICE_PHONE,
              baseSeq: BASE_SEQ,
            }),
            BASE_SEQ + 1 + i,
          );
          expect(result.conflicts).toEqual([]);
          for (const p of e.fields ?? ALL_PATHS) expected.set(p, readField(e.sheet, p));
          stored = asStored(result);
        });
        for (const [path, value] of expected) expect(readField(stored.sheet, path)).toEqual(value);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('mergeScoresheetEdit: which fields an edit sets', () => {
  const edited = () =>
    withScore(
      withScore(
        baseSheet({ overallNote: 'Catatan baru.', status: 'submitted', submittedAt: INSTANTS[0] }),
        'kebaruan',
        {
          value: 85,
          note: 'catatan baru',
        },
      ),
      'implementasi',
      { value: 95 },
    );
  const edit = (fields: readonly string[] | undefined) =>
    editOf(edited(), {
      fields,
      hlc: hlcOf(T0, 0, DEVICE_PHONE),
      deviceId: DEVICE_PHONE,
      baseSeq: BASE_SEQ,
    });

  it('keeps the server value of every field the edit does not list', () => {
    const result = mergeScoresheetEdit(server(), edit(['scores.kebaruan.value']), 11);
    expect(result.sheet).toStrictEqual(withScore(baseSheet(), 'kebaruan', { value: 85 }));
    expect(result.changed).toBe(true);
    const restamped = Object.keys(result.stamps).filter(
      (p) => result.stamps[p]?.deviceId === DEVICE_PHONE,
    );
    expect(restamped).toEqual(['scores.kebaruan.value']);
  });

  it('takes every field when the edit lists none (fields undefined)', () => {
    const result = mergeScoresheetEdit(server(), edit(undefined), 11);
    expect(result.sheet).toStrictEqual(edited());
    const restamped = ALL_PATHS.filter((p) => result.stamps[p]?.deviceId === DEVICE_PHONE);
    expect(restamped).toEqual(
      expect.arrayContaining([
        'scores.kebaruan.value',
        'scores.kebaruan.note',
        'scores.implementasi.value',
        'overallNote',
        'status',
      ]),
    );
  });

  it('changes nothing for an empty field list', () => {
    const stored = server();
    const result = mergeScoresheetEdit(stored, edit([]), 11);
    expect(result).toEqual({
      sheet: stored.sheet,
      stamps: stored.stamps,
      conflicts: [],
      changed: false,
    });
  });

  it('adds a criterion the server copy does not have yet', () => {
    const stored = storedSheet(baseSheet({ scores: {} }), { seq: BASE_SEQ });
    const result = mergeScoresheetEdit(stored, edit(['scores.kebaruan.value']), 11);
    expect(result.sheet.scores).toEqual({ kebaruan: { value: 85, note: '' } });
    expect(result.stamps['scores.kebaruan.value']?.deviceId).toBe(DEVICE_PHONE);
  });

  it('does not change its inputs', () => {
    const stored = server();
    const input = edit(undefined);
    const before = structuredClone({ stored, input });
    mergeScoresheetEdit(stored, input, 11);
    expect({ stored, input }).toStrictEqual(before);
  });
});

describe('mergeScoresheetEdit: replays', () => {
  it('reports changed: false and no conflict for an edit applied a second time', () => {
    const e = editOf(withScore(baseSheet({ overallNote: 'Baru.' }), 'kebaruan', { value: 85 }), {
      fields: undefined,
      hlc: hlcOf(T0, 0, DEVICE_PHONE),
      deviceId: DEVICE_PHONE,
      baseSeq: BASE_SEQ,
    });
    const once = mergeScoresheetEdit(server(), e, 11);
    const twice = mergeScoresheetEdit(asStored(once), e, 12);
    expect(once.changed).toBe(true);
    expect(twice.changed).toBe(false);
    expect(twice.conflicts).toEqual([]);
    expect(twice.sheet).toStrictEqual(once.sheet);
    expect(withoutSeq(twice.stamps)).toEqual(withoutSeq(once.stamps));
  });

  it('changes no value when another device sends exactly what the server has', () => {
    const e = editOf(baseSheet(), {
      fields: undefined,
      hlc: hlcOf(T0 + 9_000, 0, DEVICE_LAPTOP),
      deviceId: DEVICE_LAPTOP,
      baseSeq: 0,
    });
    const stored = server();
    const result = mergeScoresheetEdit(stored, e, 11);
    expect(result.conflicts).toEqual([]);
    expect(result.sheet).toStrictEqual(stored.sheet);
  });

  it('any edit that was applied cleanly changes nothing the second time', () => {
    fc.assert(
      fc.property(
        sheetArb(),
        sheetArb({ allCriteria: false }),
        fc.option(fc.subarray(ALL_PATHS), { nil: undefined }),
        fc.constantFrom(DEVICE_PHONE, DEVICE_LAPTOP, DEVICE_ORIGIN),
        (stored, incoming, fields, deviceId) => {
          const e = editOf(incoming, {
            fields,
            hlc: hlcOf(T0, 0, deviceId),
            deviceId,
            baseSeq: BASE_SEQ,
          });
          const once = mergeScoresheetEdit(storedSheet(stored, { seq: BASE_SEQ }), e, 11);
          const twice = mergeScoresheetEdit(asStored(once), e, 12);
          expect(twice.changed).toBe(false);
          expect(twice.conflicts).toEqual([]);
          expect(twice.sheet).toStrictEqual(once.sheet);
          expect(withoutSeq(twice.stamps)).toEqual(withoutSeq(once.stamps));
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});

// ---- Order independence ------------------------------------------------------------------

function expectOrderIndependent(stored: StoredSheet, a: ScoresheetEdit, b: ScoresheetEdit) {
  const ab = applyInOrder(stored, a, b);
  const ba = applyInOrder(stored, b, a);
  expect(ab.sheet).toStrictEqual(ba.sheet);
  expect([...ab.conflicts].sort(byField)).toEqual([...ba.conflicts].sort(byField));
  return ab;
}

describe('mergeScoresheetEdit: order independence', () => {
  it('two concurrent edits of the fields they changed give one result in either order', () => {
    fc.assert(
      fc.property(
        sheetArb(),
        sheetArb(),
        sheetArb(),
        fc.subarray(ALL_PATHS),
        fc.subarray(ALL_PATHS),
        hlcPartsArb,
        hlcPartsArb,
        devicesArb,
        (stored, sheetA, sheetB, pickA, pickB, clockA, clockB, [deviceA, deviceB]) => {
          // Each device lists only fields whose value it really changed.
          const differs = (s: Scoresheet) => (p: string) =>
            !sameValue(readField(s, p), readField(stored, p));
          const fieldsA = pickA.filter(differs(sheetA));
          const fieldsB = pickB.filter(differs(sheetB));
          const a = concurrentEdit(sheetA, fieldsA, clockA, deviceA);
          const b = concurrentEdit(sheetB, fieldsB, clockB, deviceB);
          const result = expectOrderIndependent(storedSheet(stored, { seq: BASE_SEQ }), a, b);

          // …and that result is the per-field rule of ARCHITECTURE.md, sync protocol 5.
          const aIsLater = a.hlc > b.hlc;
          const expectedConflicts: FieldConflict[] = [];
          for (const path of ALL_PATHS) {
            const [inA, inB] = [fieldsA.includes(path), fieldsB.includes(path)];
            const [valueA, valueB] = [readField(sheetA, path), readField(sheetB, path)];
            let expected = readField(stored, path);
            if (inA && inB && !sameValue(valueA, valueB)) {
              expected = aIsLater ? valueA : valueB;
              const sideA = { value: valueA, hlc: a.hlc, deviceId: deviceA };
              const sideB = { value: valueB, hlc: b.hlc, deviceId: deviceB };
              expectedConflicts.push({
                field: path,
                kept: aIsLater ? sideA : sideB,
                lost: aIsLater ? sideB : sideA,
              });
            } else if (inA) expected = valueA;
            else if (inB) expected = valueB;
            expect(readField(result.sheet, path)).toEqual(expected);
          }
          expect([...result.conflicts].sort(byField)).toEqual(expectedConflicts.sort(byField));
          expect(scoresheetSchema.safeParse(result.sheet).success).toBe(true);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  // BUG (src/domain/scoresheet-merge.ts, mergeScoresheetEdit): a listed field whose value
  // equals the server's current value is skipped (`if (sameValue(...)) continue`) before
  // the stamp is updated, so that write takes no part in the clock comparison when it
  // arrives first, but does when it arrives second. The result then depends on arrival
  // order, contrary to the doc comment ("the result does not depend on which arrives first").
  // It happens whenever a device lists a field it did not change: a whole-sheet edit
  // (fields undefined) or a value typed again unchanged.
  it('a device that lists a field without changing it: same result in either order', () => {
    const retyped = editOf(baseSheet(), {
      fields: ['scores.kebaruan.value'], // 70, as on the server
      hlc: hlcOf(T0 + 2_000, 0, DEVICE_PHONE),
      deviceId: DEVICE_PHONE,
      baseSeq: BASE_SEQ,
    });
    const changed = editOf(withScore(baseSheet(), 'kebaruan', { value: 90 }), {
      fields: ['scores.kebaruan.value'],
      hlc: hlcOf(T0 + 1_000, 0, DEVICE_LAPTOP),
      deviceId: DEVICE_LAPTOP,
      baseSeq: BASE_SEQ,
    });
    // Today: retyped first → 90, no conflict; changed first → 70, one conflict.
    expectOrderIndependent(server(), retyped, changed);
  });

  // Same bug, through whole-sheet edits. ARCHITECTURE.md point 5 wants both criteria to
  // survive here (85 and 90); at the least the two orders must agree. Today the phone's 85
  // survives only if the laptop's edit arrives first.
  it('whole-sheet edits (fields undefined) of different criteria: same result in either order', () => {
    const phone = editOf(withScore(baseSheet(), 'kebaruan', { value: 85 }), {
      fields: undefined,
      hlc: hlcOf(T0 + 1_000, 0, DEVICE_PHONE),
      deviceId: DEVICE_PHONE,
      baseSeq: BASE_SEQ,
    });
    const laptop = editOf(withScore(baseSheet(), 'implementasi', { value: 90 }), {
      fields: undefined,
      hlc: hlcOf(T0 + 2_000, 0, DEVICE_LAPTOP),
      deviceId: DEVICE_LAPTOP,
      baseSeq: BASE_SEQ,
    });
    expectOrderIndependent(server(), phone, laptop);
  });

  // The property as the merge's doc comment states it: any two concurrent edits, any
  // listed fields, any values (including the server's own), in either order.
  it('any two concurrent edits give one result in either order', () => {
    fc.assert(
      fc.property(
        sheetArb(),
        sheetArb(),
        sheetArb(),
        fc.option(fc.subarray(ALL_PATHS), { nil: undefined }),
        fc.option(fc.subarray(ALL_PATHS), { nil: undefined }),
        hlcPartsArb,
        hlcPartsArb,
        devicesArb,
        (stored, changesA, changesB, pickA, pickB, clockA, clockB, [deviceA, deviceB]) => {
          // A device's sheet is the server copy plus its own changes.
          const sheetA = (pickA ?? ALL_PATHS).reduce((s, p) => copyField(s, changesA, p), stored);
          const sheetB = (pickB ?? ALL_PATHS).reduce((s, p) => copyField(s, changesB, p), stored);
          expectOrderIndependent(
            storedSheet(stored, { seq: BASE_SEQ }),
            concurrentEdit(sheetA, pickA, clockA, deviceA),
            concurrentEdit(sheetB, pickB, clockB, deviceB),
          );
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});
