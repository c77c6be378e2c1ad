import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../../src/db/app-database';
import { getRecord } from '../../../src/db/record-repository';
import { axeViolations, renderResults } from './render-results';
import { IDS, resultsFixture, tiedFixture } from './results-fixture';

/** The titles in the ranking table, top first. */
async function rankedTitles(): Promise<(string | null)[]> {
  const ranking = await screen.findByRole('table', { name: 'Peringkat' });
  return within(ranking)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getByRole('rowheader').textContent);
}

async function storedRanking(db: AppDatabase) {
  const stage = await getRecord(db, 'stage', IDS.desk);
  return stage.status === 'found' ? stage.row.ranking : undefined;
}

/**
 * As the HTML standard has it: disabled itself or inside a disabled fieldset (happy-dom
 * does not apply the fieldset to :disabled, browsers do).
 */
function isDisabled(control: HTMLElement): boolean {
  return (control as HTMLButtonElement).disabled || control.closest('fieldset[disabled]') !== null;
}

function closedFixture() {
  const f = resultsFixture();
  const desk = { ...f.stage, state: 'closed' as const };
  return { ...f, stage: desk, stages: f.stages.map((s) => (s.id === desk.id ? desk : s)) };
}

describe('ranking settings on the results screen', () => {
  it('reorders the tie-break chain, saves it on the stage and ranks by it', async () => {
    const db = await renderResults(closedFixture());
    expect((await rankedTitles()).slice(1, 3)).toEqual(['E Suk Layang Mabur', 'Tahta Maton']);
    const settings = screen.getByRole('region', { name: 'Pengaturan peringkat' });
    const reset = within(settings).getByRole('button', { name: 'Kembalikan ke urutan baku' });
    expect((reset as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(
      within(settings).getByRole('button', { name: 'Naikkan: Kriteria Kebaruan (bobot 40)' }),
    );
    await waitFor(async () =>
      expect((await storedRanking(db))?.tieBreakChain).toEqual([
        { kind: 'criterion', criterionKey: 'kebaruan' },
        { kind: 'criterion', criterionKey: 'manfaat' },
        { kind: 'mostFirstPlaces' },
        { kind: 'plenaryDecision' },
      ]),
    );
    // Kebaruan first: Tahta Maton (mean 80) goes above E Suk Layang Mabur (70).
    await waitFor(async () =>
      expect((await rankedTitles()).slice(1, 3)).toEqual(['Tahta Maton', 'E Suk Layang Mabur']),
    );
    expect(screen.getAllByText(/diurutkan oleh kriteria Kebaruan/).length).toBe(2);

    fireEvent.click(within(settings).getByRole('button', { name: 'Kembalikan ke urutan baku' }));
    await waitFor(async () => expect((await storedRanking(db))?.tieBreakChain).toBeUndefined());
    await waitFor(async () =>
      expect((await rankedTitles()).slice(1, 3)).toEqual(['E Suk Layang Mabur', 'Tahta Maton']),
    );
  });

  it('turns the trimmed mean on, and says why three judges are too few for it', async () => {
    const db = await renderResults(closedFixture());
    const box = await screen.findByRole('checkbox', {
      name: 'Tampilkan juga rata-rata terpangkas',
    });
    expect(box.getAttribute('aria-describedby')).toBe('trimmed-mean-help');
    expect(screen.getByText(/Hanya berlaku untuk panel lima juri atau lebih/)).toBeTruthy();
    fireEvent.click(box);
    await waitFor(async () => expect((await storedRanking(db))?.trimmedMean).toBe(true));
    await screen.findByText(/Rata-rata terpangkas tidak ditampilkan: ada inovasi dengan kurang/);
  });

  it('records the plenary’s decision on a tie the rules cannot break, and shows its reason', async () => {
    const db = await renderResults(tiedFixture({ state: 'closed' }));
    const form = await screen.findByRole('form', { name: 'Catat keputusan rapat pleno' });
    expect(form.textContent).toContain('Tahta Maton, E Suk Layang Mabur');
    expect((await rankedTitles()).slice(1, 3)).toEqual(['Tahta Maton', 'E Suk Layang Mabur']);
    expect(screen.getAllByText(/belum diputuskan, menunggu rapat pleno/).length).toBe(2);

    fireEvent.click(within(form).getByRole('button', { name: 'Turunkan: Tahta Maton' }));
    const save = within(form).getByRole('button', { name: 'Simpan keputusan' });
    fireEvent.click(save);
    await within(form).findByText('Tulis alasan keputusan rapat pleno.');
    expect(await storedRanking(db)).toBeUndefined();

    fireEvent.input(within(form).getByRole('textbox', { name: 'Alasan keputusan' }), {
      target: { value: '  Lebih siap direplikasi di kecamatan lain ' },
    });
    fireEvent.click(save);
    await waitFor(async () =>
      expect((await storedRanking(db))?.plenaryDecisions).toEqual([
        {
          categoryId: IDS.category,
          entryIds: [IDS.layang, IDS.maton],
          reason: 'Lebih siap direplikasi di kecamatan lain',
          decidedAt: '2022-08-18T02:00:00.000Z',
          decidedBy: IDS.panitia,
        },
      ]),
    );
    await waitFor(async () =>
      expect((await rankedTitles()).slice(1, 3)).toEqual(['E Suk Layang Mabur', 'Tahta Maton']),
    );
    const ranking = screen.getByRole('table', { name: 'Peringkat' });
    const layang = within(ranking).getByRole('rowheader', { name: 'E Suk Layang Mabur' });
    expect(layang.closest('tr')?.textContent).toMatch(
      /diurutkan oleh keputusan pleno \(Lebih siap direplikasi di kecamatan lain\)\. Dicatat oleh Panitia Bappeda, 18 Agustus 2022/,
    );
    expect(screen.queryByRole('form', { name: 'Catat keputusan rapat pleno' })).toBeNull();
  });

  it('shows but does not offer the settings once the stage is finalised', async () => {
    await renderResults(tiedFixture({ state: 'finalised' }));
    const form = await screen.findByRole('form', { name: 'Catat keputusan rapat pleno' });
    const settings = screen.getByRole('region', { name: 'Pengaturan peringkat' });
    for (const region of [settings, form]) {
      expect(within(region).getByRole('status').textContent).toBe(
        'Tahap ini sudah final: pengaturan peringkat dan keputusan rapat pleno tidak bisa diubah lagi.',
      );
      const controls = [
        ...within(region).getAllByRole('button'),
        ...within(region).queryAllByRole('checkbox'),
        ...within(region).queryAllByRole('textbox'),
      ];
      expect(controls.length).toBeGreaterThan(2);
      for (const control of controls) expect(isDisabled(control)).toBe(true);
    }
  });

  it('has no accessibility violations with a tie waiting for the plenary', async () => {
    await renderResults(tiedFixture({ state: 'closed' }));
    await screen.findByRole('form', { name: 'Catat keputusan rapat pleno' });
    expect(await axeViolations()).toEqual([]);
  });
});
