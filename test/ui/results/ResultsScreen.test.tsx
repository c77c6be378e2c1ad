import { screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { getRecord } from '../../../src/db/record-repository';
import { axeViolations, renderResults as renderSeeded } from './render-results';
import { IDS } from './results-fixture';

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
    expect(await axeViolations()).toEqual([]);
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
