import { MANAGE_PATH } from '../router';

/** The panitia's and operators' screens, under /kelola (Indonesian paths, like /nilai). */
export type ManageRoute =
  | { screen: 'competitions' }
  | { screen: 'competition'; competitionId: string }
  | { screen: 'entries'; competitionId: string }
  | { screen: 'entry'; competitionId: string; entryId: string | null }
  | { screen: 'import'; competitionId: string }
  | { screen: 'rubric'; rubricId: string }
  | { screen: 'people' }
  | { screen: 'assignments'; stageId: string }
  | { screen: 'progress'; stageId: string }
  | { screen: 'results'; stageId: string }
  | { screen: 'not-found' };

const ID = '[0-9a-f-]{36}';
const PATTERNS: [RegExp, (m: RegExpExecArray) => ManageRoute][] = [
  [/^$/, () => ({ screen: 'competitions' })],
  [/^\/orang$/, () => ({ screen: 'people' })],
  [new RegExp(`^/lomba/(${ID})$`), (m) => ({ screen: 'competition', competitionId: m[1] ?? '' })],
  [
    new RegExp(`^/lomba/(${ID})/peserta$`),
    (m) => ({ screen: 'entries', competitionId: m[1] ?? '' }),
  ],
  [
    new RegExp(`^/lomba/(${ID})/peserta/baru$`),
    (m) => ({ screen: 'entry', competitionId: m[1] ?? '', entryId: null }),
  ],
  [
    new RegExp(`^/lomba/(${ID})/peserta/(${ID})$`),
    (m) => ({ screen: 'entry', competitionId: m[1] ?? '', entryId: m[2] ?? '' }),
  ],
  [new RegExp(`^/lomba/(${ID})/impor$`), (m) => ({ screen: 'import', competitionId: m[1] ?? '' })],
  [new RegExp(`^/rubrik/(${ID})$`), (m) => ({ screen: 'rubric', rubricId: m[1] ?? '' })],
  [
    new RegExp(`^/tahap/(${ID})/penugasan$`),
    (m) => ({ screen: 'assignments', stageId: m[1] ?? '' }),
  ],
  [new RegExp(`^/tahap/(${ID})/progres$`), (m) => ({ screen: 'progress', stageId: m[1] ?? '' })],
  [new RegExp(`^/tahap/(${ID})/hasil$`), (m) => ({ screen: 'results', stageId: m[1] ?? '' })],
];

export function parseManagePath(pathname: string): ManageRoute {
  const rest = pathname.slice(MANAGE_PATH.length).replace(/\/$/, '');
  for (const [pattern, route] of PATTERNS) {
    const match = pattern.exec(rest);
    if (match) return route(match);
  }
  return { screen: 'not-found' };
}

/** The path of a screen, for links and navigate(). */
export const managePath = {
  competitions: () => MANAGE_PATH,
  people: () => `${MANAGE_PATH}/orang`,
  competition: (id: string) => `${MANAGE_PATH}/lomba/${id}`,
  entries: (competitionId: string) => `${MANAGE_PATH}/lomba/${competitionId}/peserta`,
  newEntry: (competitionId: string) => `${MANAGE_PATH}/lomba/${competitionId}/peserta/baru`,
  entry: (competitionId: string, entryId: string) =>
    `${MANAGE_PATH}/lomba/${competitionId}/peserta/${entryId}`,
  import: (competitionId: string) => `${MANAGE_PATH}/lomba/${competitionId}/impor`,
  rubric: (rubricId: string) => `${MANAGE_PATH}/rubrik/${rubricId}`,
  assignments: (stageId: string) => `${MANAGE_PATH}/tahap/${stageId}/penugasan`,
  progress: (stageId: string) => `${MANAGE_PATH}/tahap/${stageId}/progres`,
  results: (stageId: string) => `${MANAGE_PATH}/tahap/${stageId}/hasil`,
};
