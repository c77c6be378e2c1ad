import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import writeXlsxFile from 'write-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assignment } from '../../src/domain/assignment';
import type { Competition } from '../../src/domain/competition';
import type { Entry } from '../../src/domain/entry';
import { rubricVersionKey } from '../../src/domain/rubric';
import type { Scoresheet } from '../../src/domain/scoresheet';
import type { Stage } from '../../src/domain/stage';
import type { User } from '../../src/domain/user';
import { fetchTransport } from '../../src/sync/fetch-transport';
import type { Transport } from '../../src/sync/transport';
import { seriousViolations } from '../support/axe-scan';
import { launchBrowser, type TestBrowser } from '../support/browser';
import { inviteLink, panitiaOverHttp } from '../support/panitia-over-http';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { createDeviceOn, type TestDevice } from '../support/test-device';
import { ManagePages } from './pages/manage-pages';
import { SignInPage } from './pages/sign-in-page';

const COMPETITION = 'Krenova Kabupaten Blora 2026';

async function recordsOn<T>(
  device: TestDevice<Transport>,
  table: 'competitions' | 'stages' | 'entries' | 'assignments' | 'users',
): Promise<T[]> {
  return ((await device.db[table].toArray()) as { data: T }[]).map((row) => row.data);
}

async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
}

describe('the panitia sets up a competition; an operator registers offline', () => {
  let server: ServerProcess;
  let desk: TestBrowser;
  let page: Page;
  let manage: ManagePages;
  /** The panitia's laptop in Node, to read what reached the server. */
  let observer: TestDevice<Transport>;
  /** The stage the panitia opens, once it exists. */
  let proposal: Stage;

  beforeAll(async () => {
    server = await startServerProcess({ dataDir: mkdtempSync(join(tmpdir(), 'jl-panitia-')) });
    observer = await panitiaOverHttp(server.baseUrl, server.signInLink);
    desk = await launchBrowser();
    page = await desk.context.newPage();
    await page.setViewportSize({ width: 1280, height: 860 });
    manage = new ManagePages(page);
    // The start-up link is spent by the observer; the panitia's browser gets an invite.
    const panitiaUser = (await recordsOn<User>(observer, 'users')).find(
      (u) => u.role === 'panitia',
    )!;
    await page.goto(await inviteLink(server.baseUrl, observer, panitiaUser.id));
    await new SignInPage(page).submit();
    await page.getByRole('link', { name: 'Kelola lomba' }).waitFor();
  });
  afterAll(async () => {
    await desk.close();
    await server.stop();
  });

  it('builds a competition from the Krenova template', async () => {
    await manage.openFromOverview('Kelola lomba');
    await manage.heading('Lomba').waitFor();
    await expectAccessible(page);
    await manage.createCompetitionFromTemplate({
      template: 'Krenova',
      name: COMPETITION,
      year: 2026,
      regionCode: '33.16',
      unit: 'Bappeda Kabupaten Blora',
    });
    await manage.stageCard('Penilaian proposal').waitFor();
    await manage.stageCard('Verifikasi lapangan').waitFor();
    await expectAccessible(page);
  });

  it('adds judges and an operator; the NIP is shown grouped', async () => {
    await page.getByRole('link', { name: 'Juri & operator' }).first().click();
    await manage.heading('Juri, operator dan panitia').waitFor();
    await manage.addPerson({
      role: 'Juri',
      name: 'Dr. Sri Wahyuni, M.Si.',
      nip: '196303011986021002',
      affiliation: 'Akademisi',
    });
    await manage.addPerson({ role: 'Juri', name: 'Agus Salim', affiliation: 'Praktisi' });
    await manage.addPerson({ role: 'Operator', name: 'Operator Japah', unit: 'Kecamatan Japah' });
    await manage.person('Dr. Sri Wahyuni, M.Si.').getByText('NIP 19630301 198602 1 002').waitFor();
    // A NIP of the wrong length is refused before saving.
    const form = page.getByRole('form', { name: 'Tambah orang' });
    await form.getByRole('radio', { name: 'Juri', exact: true }).check();
    await form.getByLabel('NIP (boleh kosong)').fill('1963');
    await form.getByText('NIP harus tepat 18 angka (sekarang 4).').waitFor();
    await form.getByLabel('NIP (boleh kosong)').fill('');
    await expectAccessible(page);
  });

  it('prints invites for every judge as a sheet of QR cards', async () => {
    await page.getByRole('checkbox', { name: 'Pilih semua: Juri' }).check();
    await page.getByRole('button', { name: /^Cetak kartu undangan \(6\)$/ }).click();
    await page.getByRole('heading', { name: 'Kartu undangan (6)' }).waitFor();
    const cards = page.locator('.invite-card');
    expect(await cards.count()).toBe(6);
    await cards.first().locator('svg').waitFor();
    const firstCode = (await cards.first().locator('code').textContent()) ?? '';
    expect(firstCode).toMatch(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/);
    await expectAccessible(page);
    // On paper only the cards are printed.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Cetak' }).isVisible()).toBe(false);
    expect(await cards.first().isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('button', { name: 'Tutup' }).click();
  });

  it('imports entries from an XLSX file: a bad row stops everything until only valid rows are chosen', async () => {
    await observer.sync();
    const competition = (await recordsOn<Competition>(observer, 'competitions')).find(
      (c) => c.name === COMPETITION,
    )!;
    const file = join(mkdtempSync(join(tmpdir(), 'jl-import-')), 'peserta.xlsx');
    const header = [
      'Judul inovasi',
      'Unit',
      'Kategori',
      'Digital',
      'Tanggal mulai',
      'Kode wilayah',
    ];
    const rows = [
      [
        'Tahta Maton',
        'Kecamatan Jati',
        'Perangkat Daerah',
        'Tidak',
        new Date(Date.UTC(2021, 5, 14)),
        '33.16.01',
      ],
      ['Kunduran Run', 'Kecamatan Kunduran', 'Perangkat Daerah', 'Tidak', '20/11/2021', '33.16.13'],
      ['Simpemdes', 'Dinas PMD', 'Perangkat Daerah', 'Ya', '17/08/2020', '33.16.09'],
      ['E-Dita', 'Dinas Arpus', 'Perangkat Daerah', 'Ya', '01/10/2021', '33.16.09'],
      ['Tanpa kategori', 'Dinas Kominfo', 'OPD', 'Ya', '01/01/2021', '33.16.09'],
    ];
    writeFileSync(
      file,
      await writeXlsxFile(
        [header, ...rows].map((r) =>
          r.map((value) => (value instanceof Date ? { value, format: 'dd/mm/yyyy' } : { value })),
        ),
        {},
      ).toBuffer(),
    );
    await page.goto(`${server.baseUrl}/kelola/lomba/${competition.id}/impor`);
    await manage.heading('Impor peserta dari CSV atau Excel').waitFor();
    await page.getByLabel('Berkas CSV atau XLSX').setInputFiles(file);
    await page.getByText('4 baris valid, 1 baris bermasalah.').waitFor();
    const problems = page.getByRole('table', { name: 'Baris bermasalah' });
    await problems
      .getByRole('row', { name: /6 Kategori kategori "OPD" tidak ada di lomba ini/ })
      .waitFor();
    expect(await page.getByRole('button', { name: 'Impor 0 peserta' }).isDisabled()).toBe(true);
    await expectAccessible(page);
    await page.getByRole('checkbox', { name: 'Impor hanya 4 baris yang valid' }).check();
    await page.getByRole('button', { name: 'Impor 4 peserta' }).click();
    await page.getByText('4 peserta diimpor.').waitFor();
  });

  it('plans the assignments automatically and opens the stage', async () => {
    await observer.sync();
    const stage = (await recordsOn<Stage>(observer, 'stages')).find(
      (s) => s.name === 'Penilaian proposal' && s.state === 'draft',
    )!;
    proposal = stage;
    await page.goto(`${server.baseUrl}/kelola/tahap/${stage.id}/penugasan`);
    await manage.heading('Penugasan juri · Penilaian proposal').waitFor();
    await page.getByRole('button', { name: 'Susun rencana penugasan' }).click();
    await page.getByText('Rencana menambah 8 penugasan.').waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Simpan 8 penugasan' }).click();
    await manage.heading('Penugasan sekarang (8 aktif)', 3).waitFor();

    await page.goto(`${server.baseUrl}/kelola/lomba/${stage.competitionId}`);
    const card = manage.stageCard('Penilaian proposal');
    await card.getByRole('button', { name: 'Buka tahap' }).click();
    await card.getByRole('button', { name: 'Ya, lanjutkan' }).click();
    await card.getByText('Dibuka', { exact: true }).waitFor();
    await expectAccessible(page);

    // It reached the server: the stage is open, two judges on each entry, nobody on their own unit.
    // The page's own sync may still be on its way on a busy machine: wait for it, not 1 s.
    await expect
      .poll(
        async () => {
          await observer.sync();
          return (await recordsOn<Stage>(observer, 'stages')).find((s) => s.id === stage.id)?.state;
        },
        { timeout: 20_000, interval: 500 },
      )
      .toBe('open');
    const assignments = (await recordsOn<Assignment>(observer, 'assignments')).filter(
      (a) => a.stageId === stage.id,
    );
    const perEntry = new Map<string, number>();
    for (const a of assignments) perEntry.set(a.entryId, (perEntry.get(a.entryId) ?? 0) + 1);
    expect([...perEntry.values()]).toEqual([2, 2, 2, 2]);
  });

  it("edits the open stage's rubric: the change becomes version 2, the stage keeps version 1", async () => {
    await page
      .getByRole('region', { name: /^Penilaian proposal/ })
      .getByRole('link', { name: 'Rubrik' })
      .click();
    await manage.heading('Rubrik (versi 1)').waitFor();
    await page.getByText(/Perubahan disimpan sebagai versi 2/).waitFor();
    await page.getByText('Jumlah bobot: 5.').waitFor();
    await page
      .getByRole('group', { name: /^Kriteria 1/ })
      .getByLabel('Bobot')
      .fill('5');
    await page.getByText('Jumlah bobot: 9.').waitFor();
    await page.getByText('Kriteria ini menentukan 56% nilai akhir. Sengaja?').waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Simpan sebagai versi 2' }).click();
    await page.getByText('Rubrik versi 2 tersimpan.').waitFor();
    await expect
      .poll(
        async () => {
          await observer.sync();
          return await observer.db.rubrics.where('data.id').equals(proposal.rubricId).count();
        },
        { timeout: 20_000, interval: 500 },
      )
      .toBe(2);
    const stage = (await recordsOn<Stage>(observer, 'stages')).find((s) => s.id === proposal.id);
    expect(stage).toMatchObject({ state: 'open', rubricVersion: 1 });
    await page.goBack();
  });

  it('recuses a judge with a reason; the plan names who replaces them', async () => {
    await page.goto(`${server.baseUrl}/kelola/tahap/${proposal.id}/penugasan`);
    const entry = page.getByRole('listitem', { name: /^Tahta Maton/ });
    await entry.getByRole('button', { name: 'Rekusal' }).first().click();
    await entry.getByLabel(/^Alasan rekusal/).fill('Kerabat pengusul');
    await entry.getByRole('button', { name: 'Simpan rekusal' }).click();
    await entry.getByText('direkusal: Kerabat pengusul').waitFor();
    await manage.heading('Penugasan sekarang (7 aktif)', 3).waitFor();
    await page.getByRole('button', { name: 'Susun rencana penugasan' }).click();
    await page.getByText('Rencana menambah 1 penugasan.').waitFor();
    await expectAccessible(page);
  });

  it('shows the progress of the stage per judge and the devices', async () => {
    await page.goto(`${server.baseUrl}/kelola/lomba/${proposal.competitionId}`);
    await page
      .getByRole('region', { name: /^Penilaian proposal/ })
      .getByRole('link', { name: 'Progres' })
      .click();
    await manage.heading('Progres · Penilaian proposal').waitFor();
    await page.getByRole('table', { name: 'Per juri' }).waitFor();
    await page.getByRole('heading', { name: 'Perangkat: sinkron terakhir' }).waitFor();
    await page.getByRole('rowheader', { name: 'Panitia Bappeda Blora' }).first().waitFor();
    await expectAccessible(page);
  });

  it("opens the stage's results with their documents, accessible", async () => {
    await page.goto(`${server.baseUrl}/kelola/lomba/${proposal.competitionId}`);
    await page
      .getByRole('region', { name: /^Penilaian proposal/ })
      .getByRole('link', { name: 'Hasil dan berita acara' })
      .click();
    await page.getByRole('heading', { name: 'Hasil penilaian · Penilaian proposal' }).waitFor();
    // The ranking settings, with their buttons and checkbox, are part of what axe checks;
    // on a phone each of their controls is a 44 px target.
    const settings = page.getByRole('region', { name: 'Pengaturan peringkat' });
    await settings
      .getByRole('button', { name: /^Turunkan: Kriteria/ })
      .first()
      .waitFor();
    await expectAccessible(page);
    await page.setViewportSize({ width: 360, height: 640 });
    const heights = await settings
      .locator('button, label.check')
      .evaluateAll((elements) => elements.map((el) => el.getBoundingClientRect().height));
    expect(heights.length).toBeGreaterThan(3);
    expect(heights.filter((height) => height < 44)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it('the judges submit their scores from their own devices; the results rank the entries, with charts', async () => {
    await observer.sync();
    const rubric = await observer.get(
      'rubric',
      rubricVersionKey(proposal.rubricId, proposal.rubricVersion),
    );
    const active = (await recordsOn<Assignment>(observer, 'assignments')).filter(
      (a) => a.stageId === proposal.id && a.recusal === undefined,
    );
    const entryOrder = [...new Set(active.map((a) => a.entryId))];
    const judgeIds = [...new Set(active.map((a) => a.judgeId))];
    for (const [judgeIndex, judgeId] of judgeIds.entries()) {
      const judgeDevice = createDeviceOn(() => fetchTransport(server.baseUrl));
      const link = await inviteLink(server.baseUrl, observer, judgeId);
      await judgeDevice.signIn(new URL(link).searchParams.get('kode') ?? '');
      await judgeDevice.sync();
      for (const assignment of active.filter((a) => a.judgeId === judgeId)) {
        // Different totals per entry and judge, so the ranking and the charts have spread.
        const share = 0.9 - 0.15 * entryOrder.indexOf(assignment.entryId) - 0.05 * judgeIndex;
        const scores = Object.fromEntries(
          (rubric?.criteria ?? []).map((criterion) => {
            const scale = criterion.scale;
            const value =
              scale.kind === 'range'
                ? scale.min +
                  Math.round((share * (scale.max - scale.min)) / scale.step) * scale.step
                : scale.levels[Math.round(share * (scale.levels.length - 1))]!.points;
            return [criterion.key, { value, note: '' }];
          }),
        );
        const sheet: Scoresheet = {
          // A scoresheet has its assignment's id.
          id: assignment.id,
          stageId: proposal.id,
          judgeId,
          entryId: assignment.entryId,
          rubricId: proposal.rubricId,
          rubricVersion: proposal.rubricVersion,
          scores,
          overallNote: '',
          photos: [],
          status: 'submitted',
          submittedAt: new Date().toISOString(),
        };
        await judgeDevice.save({ kind: 'scoresheet', data: sheet });
      }
      await judgeDevice.sync();
      const outbox = (await judgeDevice.db.outbox.toArray()) as {
        rejection?: { message: string };
      }[];
      expect(outbox.map((row) => row.rejection?.message ?? 'not sent')).toEqual([]);
    }

    await page.goto(`${server.baseUrl}/kelola/tahap/${proposal.id}/hasil`);
    await page.getByRole('button', { name: 'Sinkronkan sekarang' }).click();
    // Every entry of the stage is ranked in its category: seven sheets on four entries.
    await expect
      .poll(() => page.getByRole('table', { name: 'Peringkat' }).getByRole('rowheader').count(), {
        timeout: 20_000,
        interval: 250,
      })
      .toBe(entryOrder.length);
    await page.locator('.results-chart svg').first().waitFor();
    await expectAccessible(page);

    // On a phone the charts keep to the screen and their text stays readable.
    await page.setViewportSize({ width: 360, height: 640 });
    const chartsFit = () =>
      page
        .locator('.results-chart svg')
        .evaluateAll((svgs) =>
          svgs.map(
            (svg) =>
              svg.getBoundingClientRect().right <= window.innerWidth &&
              Math.min(
                ...[...svg.querySelectorAll('text')].map((t) => t.getBoundingClientRect().height),
              ) >= 11,
          ),
        );
    // The charts redraw in their narrow layout after the resize: wait for that, not a moment.
    await expect
      .poll(chartsFit, { timeout: 10_000, interval: 100 })
      .toSatisfy((fits: boolean[]) => fits.length > 1 && fits.every(Boolean));
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it('fits a 360 × 640 phone: no screen scrolls sideways, touch targets are at least 44 px', async () => {
    await page.setViewportSize({ width: 360, height: 640 });
    const screens = [
      `/kelola`,
      `/kelola/lomba/${proposal.competitionId}`,
      `/kelola/orang`,
      `/kelola/rubrik/${proposal.rubricId}`,
      `/kelola/tahap/${proposal.id}/penugasan`,
      `/kelola/tahap/${proposal.id}/progres`,
      `/kelola/lomba/${proposal.competitionId}/peserta`,
      `/kelola/lomba/${proposal.competitionId}/impor`,
      // With the judges' scores: the ranking, the severity table and the charts.
      `/kelola/tahap/${proposal.id}/hasil`,
    ];
    for (const path of screens) {
      await page.goto(`${server.baseUrl}${path}`);
      await page.locator('.manage-page h2').first().waitFor();
      const layout = await page.evaluate(() => ({
        overflow: document.documentElement.scrollWidth - window.innerWidth,
        small: [
          ...document.querySelectorAll<HTMLElement>(
            '.manage-page button, .manage-page a.button, .manage-page select, .manage-page input:not([type=checkbox]):not([type=radio])',
          ),
        ]
          .filter((el) => el.offsetParent !== null)
          .filter((el) => el.getBoundingClientRect().height < 44)
          .map((el) => el.outerHTML.slice(0, 80)),
        wide: [...document.querySelectorAll<HTMLElement>('.manage-page *')]
          // A wide table scrolls inside its own box, as tables on a phone do.
          .filter((el) => !el.closest('.table-scroll'))
          .filter((el) => el.getBoundingClientRect().right > window.innerWidth)
          .map((el) => `${el.tagName}.${el.className}`)
          .slice(0, 5),
      }));
      expect(layout, path).toEqual({ overflow: 0, small: [], wide: [] });
    }
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it('an operator registers an entry offline on a phone; it reaches the panitia after sync', async () => {
    await observer.sync();
    const operator = (await recordsOn<User>(observer, 'users')).find(
      (u) => u.name === 'Operator Japah',
    )!;
    const phone = await launchBrowser();
    try {
      const screen = await phone.context.newPage();
      await screen.goto(await inviteLink(server.baseUrl, observer, operator.id));
      await new SignInPage(screen).submit();
      await screen.getByRole('link', { name: 'Daftarkan inovasi' }).click();
      await screen.getByRole('link', { name: 'Inovasi Kecamatan Japah' }).last().waitFor();
      await screen.waitForFunction(() => navigator.serviceWorker.controller !== null);

      // The signal goes; the operator goes on.
      await phone.context.setOffline(true);
      const competitionRow = screen.locator('.row-card', { hasText: COMPETITION });
      await competitionRow.getByRole('link', { name: 'Inovasi Kecamatan Japah' }).click();
      await screen.getByRole('link', { name: 'Daftarkan inovasi' }).click();
      await screen.getByRole('heading', { name: 'Daftarkan inovasi' }).waitFor();
      await expectAccessible(screen);
      await screen.getByLabel('Judul inovasi').fill('Surat Desa Daring Japah');
      await screen.getByLabel('Kategori').selectOption({ label: 'Umum' });
      await screen.getByLabel('Kode wilayah').fill('33.16.16');
      await screen.getByLabel('Mulai diterapkan').fill('2021-09-01');
      await screen.getByRole('radio', { name: 'Digital', exact: true }).check();
      await screen.getByLabel('Ringkasan').fill('Layanan surat desa secara daring.');
      await screen.getByRole('button', { name: 'Simpan inovasi' }).click();
      const row = screen.locator('.entry-row', { hasText: 'Surat Desa Daring Japah' });
      await row.getByText(/menunggu dikirim/).waitFor();
      await expectAccessible(screen);

      await phone.context.setOffline(false);
      await screen.getByRole('button', { name: 'Sinkronkan sekarang' }).click();
      await row.getByText(/menunggu dikirim/).waitFor({ state: 'detached' });

      // The panitia sees it after their own sync, and records the administrative check.
      await observer.sync();
      const entry = (await recordsOn<Entry>(observer, 'entries')).find(
        (e) => e.title === 'Surat Desa Daring Japah',
      );
      expect(entry).toMatchObject({ unit: { name: 'Kecamatan Japah' }, isDigital: true });
      await page.goto(`${server.baseUrl}/kelola/lomba/${entry?.competitionId ?? ''}/peserta`);
      await page.getByRole('button', { name: 'Sinkronkan sekarang' }).click();
      const onDesk = page.locator('.entry-row', { hasText: 'Surat Desa Daring Japah' });
      await onDesk.getByRole('button', { name: 'Seleksi administrasi' }).click();
      const check = onDesk.getByRole('form', { name: /^Seleksi administrasi: / });
      await check
        .getByRole('group', { name: 'Data dukung terlampir' })
        .getByLabel('Alasan (wajib)')
        .fill('Belum ada SK camat');
      await check
        .getByRole('group', { name: 'Profil inovasi lengkap' })
        .getByRole('radio', { name: 'Memenuhi', exact: true })
        .check();
      await expectAccessible(page);
      await check.getByRole('button', { name: 'Simpan hasil seleksi' }).click();
      await onDesk.getByText('Tidak lolos seleksi administrasi').waitFor();

      await expect
        .poll(
          async () => {
            await observer.sync();
            const checked = await observer.get('entry', entry?.id ?? '');
            return checked?.adminCheck?.outcome;
          },
          { timeout: 20_000, interval: 500 },
        )
        .toBe('failed');

      // The operator sees the outcome and its reason, and can no longer edit the entry.
      await screen.getByRole('button', { name: 'Sinkronkan sekarang' }).click();
      await row.getByText('Tidak lolos seleksi administrasi').waitFor();
      await row.getByText(/Data dukung terlampir: Tidak memenuhi — Belum ada SK camat/).waitFor();
      expect(await row.getByRole('link', { name: 'Ubah' }).count()).toBe(0);
      await expectAccessible(screen);
    } finally {
      await phone.close();
    }
  });
});
