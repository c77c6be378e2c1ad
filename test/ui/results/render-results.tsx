import axe from 'axe-core';
import type { AppDatabase } from '../../../src/db/app-database';
import { ResultsScreen } from '../../../src/ui/results/ResultsScreen';
import type { StageResultRecords } from '../../../src/ui/results/stage-report';
import { databaseWith, renderScreen } from '../../support/screen-harness';
import { IDS, RUBRIC, resultsFixture } from './results-fixture';

/** The results screen of the fixture's desk stage, from records seeded as if pulled. */
export async function renderResults(
  f: StageResultRecords = resultsFixture(),
): Promise<AppDatabase> {
  const db = await databaseWith([
    { kind: 'competition', data: f.competition },
    ...f.categories.map((data) => ({ kind: 'category' as const, data })),
    ...f.stages.map((data) => ({ kind: 'stage' as const, data })),
    { kind: 'rubric', data: RUBRIC },
    ...f.entries.map((data) => ({ kind: 'entry' as const, data })),
    ...f.users.map((data) => ({ kind: 'user' as const, data })),
    ...f.assignments.map((data) => ({ kind: 'assignment' as const, data })),
    ...f.scoresheets.map((data) => ({ kind: 'scoresheet' as const, data })),
  ]);
  // In the app the screen sits inside the management page's <main>.
  renderScreen(db, <ResultsScreen stageId={IDS.desk} userId={IDS.panitia} onBack={() => {}} />, {
    nowMs: Date.UTC(2022, 7, 18, 2),
    idPrefix: '0190a000-0000-7000-8000-',
  });
  return db;
}

/** axe-core's violations on the rendered page, one line each (contrast needs a real browser). */
export async function axeViolations(): Promise<string[]> {
  const result = await axe.run(document.body, {
    rules: { 'color-contrast': { enabled: false } },
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
}
