import { render, screen, within } from '@testing-library/preact';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { applyPulledChanges } from '../../../src/db/apply-pulled-changes';
import { getRecord } from '../../../src/db/record-repository';
import type { SyncRecord } from '../../../src/domain/sync-record';
import { ServicesProvider, type AppServices } from '../../../src/ui/app-services';
import { I18nProvider, makeTranslate } from '../../../src/ui/i18n/i18n-context';
import { MESSAGES_ID } from '../../../src/ui/i18n/messages-id';
import { ResultsScreen } from '../../../src/ui/results/ResultsScreen';
import { freshDatabase } from '../../support/fresh-database';
import { IDS, RUBRIC, resultsFixture } from './results-fixture';

async function renderSeeded() {
  const db = freshDatabase();
  const f = resultsFixture();
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

describe('results screen', () => {
  it('ranks the entries from the stored scores and explains the tie', async () => {
    await renderSeeded();
    const ranking = await screen.findByRole('table', { name: 'Peringkat' });
    const rows = within(ranking).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      'Layanan Pak Tarso',
      'E Suk Layang Mabur',
      'Tahta Maton',
      'Kunduran Run',
    ]);
    expect(rows[0]?.textContent).toContain('86,67');
    expect(rows[1]?.textContent).toContain(
      'Nilai sama dengan Tahta Maton; diurutkan oleh kriteria Kemanfaatan.',
    );
    expect(rows[2]?.textContent).toContain('Nilai sama dengan E Suk Layang Mabur');
    // Every judge scored at least three entries: the normalised ranking stands beside it.
    expect(within(ranking).getByRole('columnheader', { name: 'Setelah normalisasi' })).toBeTruthy();
    expect(screen.getByText(/Kendall W \(koreksi seri\)/)).toBeTruthy();
    expect(
      screen.getByRole('img', { name: 'Nilai tiap inovasi dan sebaran nilai jurinya' }),
    ).toBeTruthy();
    expect(screen.getByText('Lolos: Layanan Pak Tarso, E Suk Layang Mabur.')).toBeTruthy();
  });

  it('has no accessibility violations', async () => {
    await renderSeeded();
    await screen.findByRole('table', { name: 'Peringkat' });
    const result = await axe.run(document.body, {
      rules: { 'color-contrast': { enabled: false } },
    });
    expect(
      result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`),
    ).toEqual([]);
  });

  it('confirms the advancement as the next stage’s entrants', async () => {
    const db = await renderSeeded();
    const button = await screen.findByRole('button', {
      name: 'Tetapkan yang lolos ke Verifikasi lapangan',
    });
    button.click();
    await screen.findByText('Sudah ditetapkan: 2 inovasi masuk Verifikasi lapangan.');
    const field = await getRecord(db, 'stage', IDS.field);
    expect(field.status === 'found' && field.row.entrants?.entryIds).toEqual([
      IDS.tarso,
      IDS.layang,
    ]);
  });
});
