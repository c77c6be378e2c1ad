import type { Competition } from './competition';
import type { Rubric } from './rubric';
import { RUBRIC_TEMPLATES, type RubricTemplateKey } from './rubric-templates';
import type { Advancement, StageKind } from './stage';
import type { SyncRecord } from './sync-record';

/**
 * Competitions as the rounds of DOMAIN.md run them: categories, stages in order with the
 * rubric each scores with (a copy of a template, the panitia's to edit), and how entries
 * advance. Everything starts as a draft; nothing is open until the panitia opens it.
 */
export const COMPETITION_TEMPLATES = {
  krenova: {
    categories: ['Umum', 'Pelajar', 'Perangkat Daerah'],
    stages: [
      stage('Penilaian proposal', 'desk', 'krenova', { kind: 'topPerCategory', count: 5 }),
      stage('Presentasi dan wawancara', 'presentation', 'krenova', {
        kind: 'topPerCategory',
        count: 3,
      }),
      stage('Verifikasi lapangan', 'field', 'maturity-levels', { kind: 'none' }),
    ],
  },
  kipp: {
    categories: ['Perangkat Daerah', 'Kecamatan', 'BUMD'],
    stages: [
      stage('Penilaian proposal', 'desk', 'kipp-proposal', { kind: 'topPerCategory', count: 10 }),
      stage('Presentasi dan wawancara', 'presentation', 'kipp-presentation', {
        kind: 'topPerCategory',
        count: 5,
      }),
      stage('Verifikasi lapangan', 'field', 'maturity-levels', { kind: 'none' }),
    ],
  },
  iga: {
    categories: ['Inovasi daerah'],
    stages: [
      stage('Presentasi', 'presentation', 'iga-presentation', { kind: 'threshold', minScore: 70 }),
      stage('Verifikasi lapangan', 'field', 'maturity-levels', { kind: 'none' }),
    ],
  },
} as const;
export type CompetitionTemplateKey = keyof typeof COMPETITION_TEMPLATES;
export const COMPETITION_TEMPLATE_KEYS = Object.keys(
  COMPETITION_TEMPLATES,
) as CompetitionTemplateKey[];

function stage(name: string, kind: StageKind, rubric: RubricTemplateKey, advancement: Advancement) {
  return { name, kind, rubric, advancement };
}

/** The records of a new competition built from a template, with fresh ids. */
export function buildCompetitionFromTemplate(
  key: CompetitionTemplateKey,
  details: Pick<Competition, 'name' | 'year' | 'organiser'>,
  makeId: () => string,
): SyncRecord[] {
  const template = COMPETITION_TEMPLATES[key];
  const competition: Competition = {
    id: makeId(),
    ...details,
    status: 'draft',
    isDemo: false,
  };
  const records: SyncRecord[] = [{ kind: 'competition', data: competition }];
  template.categories.forEach((name, order) => {
    records.push({
      kind: 'category',
      data: { id: makeId(), competitionId: competition.id, name, order },
    });
  });
  // One rubric per stage, even when two stages start from the same template: each stage's
  // rubric is then edited on its own.
  template.stages.forEach((s, order) => {
    const rubric = rubricFromTemplate(s.rubric, makeId());
    records.push({ kind: 'rubric', data: rubric });
    records.push({
      kind: 'stage',
      data: {
        id: makeId(),
        competitionId: competition.id,
        name: s.name,
        kind: s.kind,
        order,
        rubricId: rubric.id,
        rubricVersion: rubric.version,
        advancement: s.advancement,
        state: 'draft',
      },
    });
  });
  return records;
}

export function rubricFromTemplate(key: RubricTemplateKey, id: string): Rubric {
  const template = RUBRIC_TEMPLATES.find((t) => t.key === key) ?? RUBRIC_TEMPLATES[0];
  return template.make(id);
}
