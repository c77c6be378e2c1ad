import type { Rubric } from '../../../src/domain/rubric';
import type { Scoresheet } from '../../../src/domain/scoresheet';
import type { Stage } from '../../../src/domain/stage';
import type { StageResultRecords } from '../../../src/ui/results/stage-report';
import {
  makeAssignment,
  makeCategory,
  makeCompetition,
  makeEntry,
  makeScoresheet,
  makeStage,
  makeUser,
  testId,
} from '../../support/records';

/**
 * A finalised desk stage of a Blora Krenova with three judges and four entries in one
 * category. Totals (kebaruan × 40 % + kemanfaatan × 60 %):
 *
 *   entry                j1  j2  j3        mean
 *   Layanan Pak Tarso    90  86  84        86,67
 *   E Suk Layang Mabur   78  78  78        78     kemanfaatan mean 83,33
 *   Tahta Maton          76  80  78        78     kemanfaatan mean 76,67
 *   Kunduran Run         50  60  abstain   55
 *
 * so E Suk Layang Mabur is second and Tahta Maton third by the tie-break on kemanfaatan,
 * the criterion with the most weight. j2's name has letters outside WinAnsi.
 */
export const IDS = {
  competition: testId(1),
  category: testId(2),
  rubric: testId(3),
  desk: testId(10),
  field: testId(11),
  panitia: testId(20),
  j1: testId(21),
  j2: testId(22),
  j3: testId(23),
  tarso: testId(31),
  maton: testId(32),
  layang: testId(33),
  kunduran: testId(34),
};

export const RUBRIC: Rubric = {
  id: IDS.rubric,
  version: 1,
  name: 'Penilaian proposal Krenova',
  criteria: [
    {
      key: 'kebaruan',
      name: 'Kebaruan',
      description: '',
      weight: 40,
      scale: { kind: 'range', min: 0, max: 100, step: 1 },
    },
    {
      key: 'manfaat',
      name: 'Kemanfaatan',
      description: '',
      weight: 60,
      scale: { kind: 'range', min: 0, max: 100, step: 1 },
    },
  ],
};

const VALUES: Record<string, Record<string, [number, number] | 'abstain'>> = {
  tarso: { j1: [90, 90], j2: [80, 90], j3: [90, 80] },
  layang: { j1: [90, 70], j2: [60, 90], j3: [60, 90] },
  maton: { j1: [70, 80], j2: [80, 80], j3: [90, 70] },
  kunduran: { j1: [50, 50], j2: [60, 60], j3: 'abstain' },
};

export function resultsFixture(): StageResultRecords {
  const competition = makeCompetition(IDS.competition, {
    name: 'Krenova OPD Kabupaten Blora 2022',
    organiser: { unit: 'Bappeda Kabupaten Blora', regionCode: '33.16' },
  });
  const category = makeCategory(IDS.category, IDS.competition, { name: 'Umum' });
  const desk = makeStage(IDS.desk, IDS.competition, IDS.rubric, {
    name: 'Penilaian proposal',
    kind: 'desk',
    order: 1,
    state: 'finalised',
    advancement: { kind: 'topPerCategory', count: 2 },
  });
  const field = makeStage(IDS.field, IDS.competition, IDS.rubric, {
    name: 'Verifikasi lapangan',
    kind: 'field',
    order: 2,
    state: 'draft',
  });
  const titles = {
    tarso: ['Layanan Pak Tarso', 'Kecamatan Sambong'],
    maton: ['Tahta Maton', 'Kecamatan Jati'],
    layang: ['E Suk Layang Mabur', 'Kecamatan Japah'],
    kunduran: ['Kunduran Run', 'Kecamatan Kunduran'],
  } as const;
  const entries = Object.entries(titles).map(([key, [title, unit]]) =>
    makeEntry(IDS[key as keyof typeof titles], IDS.competition, IDS.category, {
      title,
      unit: { name: unit, type: 'kecamatan' },
      regionCode: '33.16.01',
    }),
  );
  const users = [
    makeUser(IDS.panitia, { name: 'Panitia Bappeda', role: 'panitia' }),
    makeUser(IDS.j1, {
      name: 'Dr. Sri Wahyuni',
      affiliation: 'akademisi',
      nip: '197802122005011003',
    }),
    makeUser(IDS.j2, { name: 'Nguyễn Thị Hà', affiliation: 'praktisi' }),
    makeUser(IDS.j3, { name: 'Bambang Sutrisno', affiliation: 'media' }),
  ];
  const assignments = [];
  const scoresheets: Scoresheet[] = [];
  let n = 100;
  for (const [entryKey, byJudge] of Object.entries(VALUES)) {
    for (const [judgeKey, values] of Object.entries(byJudge)) {
      const ids = {
        stageId: IDS.desk,
        judgeId: IDS[judgeKey as 'j1'],
        entryId: IDS[entryKey as 'tarso'],
      };
      const id = testId(n++);
      assignments.push(makeAssignment(id, ids));
      scoresheets.push(
        makeScoresheet(
          id,
          { ...ids, rubricId: IDS.rubric },
          values === 'abstain'
            ? { status: 'abstained', abstainReason: 'Pernah membina unit ini', scores: {} }
            : {
                status: 'submitted',
                submittedAt: '2022-08-17T03:00:00.000Z',
                scores: {
                  kebaruan: { value: values[0], note: '' },
                  manfaat: { value: values[1], note: '' },
                },
              },
        ),
      );
    }
  }
  return {
    competition,
    stage: desk,
    stages: [desk, field],
    rubric: RUBRIC,
    categories: [category],
    entries,
    assignments,
    scoresheets,
    users,
  };
}

/**
 * The same stage with Tahta Maton's sheets changed so that it ties E Suk Layang Mabur on
 * every rule (totals 78 from each judge, kebaruan mean 70, kemanfaatan mean 83,33, no
 * first places): only the plenary can order them. `stage` overrides the stage's fields.
 */
export function tiedFixture(stage: Partial<Stage> = {}): StageResultRecords {
  const records = resultsFixture();
  const maton: Record<string, [number, number]> = {
    [IDS.j1]: [60, 90],
    [IDS.j2]: [90, 70],
    [IDS.j3]: [60, 90],
  };
  const scoresheets = records.scoresheets.map((sheet) => {
    const values = sheet.entryId === IDS.maton ? maton[sheet.judgeId] : undefined;
    if (values === undefined) return sheet;
    return {
      ...sheet,
      scores: {
        kebaruan: { value: values[0], note: '' },
        manfaat: { value: values[1], note: '' },
      },
    };
  });
  const desk = { ...records.stage, ...stage };
  return {
    ...records,
    stage: desk,
    stages: records.stages.map((s) => (s.id === desk.id ? desk : s)),
    scoresheets,
  };
}
