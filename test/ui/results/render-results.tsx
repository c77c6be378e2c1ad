import { render } from '@testing-library/preact';
import axe from 'axe-core';
import { applyPulledChanges } from '../../../src/db/apply-pulled-changes';
import type { AppDatabase } from '../../../src/db/app-database';
import type { SyncRecord } from '../../../src/domain/sync-record';
import { ServicesProvider, type AppServices } from '../../../src/ui/app-services';
import { I18nProvider, makeTranslate } from '../../../src/ui/i18n/i18n-context';
import { MESSAGES_ID } from '../../../src/ui/i18n/messages-id';
import { ResultsScreen } from '../../../src/ui/results/ResultsScreen';
import type { StageResultRecords } from '../../../src/ui/results/stage-report';
import { freshDatabase } from '../../support/fresh-database';
import { IDS, RUBRIC, resultsFixture } from './results-fixture';

/** The results screen of the fixture's desk stage, from records seeded as if pulled. */
export async function renderResults(
  f: StageResultRecords = resultsFixture(),
): Promise<AppDatabase> {
  const db = freshDatabase();
  const records: SyncRecord[] = [
    { kind: 'competition', data: f.competition },
    ...f.categories.map((data) => ({ kind: 'category' as const, data })),
    ...f.stages.map((data) => ({ kind: 'stage' as const, data })),
    { kind: 'rubric', data: RUBRIC },
    ...f.entries.map((data) => ({ kind: 'entry' as const, data })),
    ...f.users.map((data) => ({ kind: 'user' as const, data })),
    ...f.assignments.map((data) => ({ kind: 'assignment' as const, data })),
    ...f.scoresheets.map((data) => ({ kind: 'scoresheet' as const, data })),
  ];
  await applyPulledChanges(db, {
    changes: records.map((record, index) => ({ seq: index + 1, record })),
    cursor: records.length,
  });
  let n = 0;
  const services = {
    db,
    now: () => Date.UTC(2022, 7, 18, 2),
    deviceId: '0190a000-0000-7000-8000-00000000d001',
    makeId: () => `0190a000-0000-7000-8000-${(0xf000 + n++).toString(16).padStart(12, '0')}`,
    sync: { syncNow: () => Promise.resolve() },
  } as unknown as AppServices;
  render(
    <ServicesProvider value={services}>
      <I18nProvider value={{ locale: 'id', t: makeTranslate(MESSAGES_ID), setLocale: () => {} }}>
        {/* In the app the screen sits inside the management page's <main>. */}
        <main>
          <ResultsScreen stageId={IDS.desk} userId={IDS.panitia} onBack={() => {}} />
        </main>
      </I18nProvider>
    </ServicesProvider>,
  );
  return db;
}

/** axe-core's violations on the rendered page, one line each (contrast needs a real browser). */
export async function axeViolations(): Promise<string[]> {
  const result = await axe.run(document.body, {
    rules: { 'color-contrast': { enabled: false } },
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
}
