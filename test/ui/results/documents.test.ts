import { PDFDocument } from 'pdf-lib';
import readXlsxFile from 'read-excel-file/universal';
import { describe, expect, it } from 'vitest';
import { beritaAcaraPdf } from '../../../src/ui/results/documents/berita-acara-pdf';
import { resultsCsv } from '../../../src/ui/results/documents/results-csv';
import { resultsTables } from '../../../src/ui/results/documents/results-tables';
import { resultsXlsx } from '../../../src/ui/results/documents/results-xlsx';
import { scoreSheetPdf } from '../../../src/ui/results/documents/score-sheet-pdf';
import { buildStageReport } from '../../../src/ui/results/stage-report';
import { pdfTextLines } from './pdf-text-lines';
import { IDS, resultsFixture, tiedFixture } from './results-fixture';

const RANKED = ['Layanan Pak Tarso', 'E Suk Layang Mabur', 'Tahta Maton', 'Kunduran Run'];
const DETAILS = {
  basis: ['Keputusan Bupati Blora Nomor 050/123/2022 tentang Lomba Krenova'],
  place: 'Blora',
  date: '2022-08-18',
};

function positionsOf(lines: readonly string[], texts: readonly string[]): number[] {
  return texts.map((text) => lines.findIndex((line) => line.includes(text)));
}

describe('berita acara penilaian (PDF)', () => {
  it('lists the ranked entries with their final scores, in rank order, then every judge', async () => {
    const report = buildStageReport(resultsFixture());
    const bytes = await beritaAcaraPdf(report, { ...DETAILS, paper: 'A4' }, 'id');
    const { lines } = await pdfTextLines(bytes);

    expect(lines[0]).toBe('BERITA ACARA PENILAIAN');
    expect(lines.join(' ')).toContain('Keputusan Bupati Blora Nomor 050/123/2022');
    expect(lines.join(' ')).toContain('18 Agustus 2022');
    const positions = positionsOf(lines, RANKED);
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // Each title is followed on its row by its unit and its final score, Indonesian style.
    const tarso = lines.indexOf('Layanan Pak Tarso');
    expect(lines.slice(tarso, tarso + 3)).toEqual([
      'Layanan Pak Tarso',
      'Kecamatan Sambong',
      '86,67',
    ]);
    expect(lines).toContain('78,00');
    expect(lines).toContain('55,00');
    expect(lines.join(' ')).toContain('diurutkan oleh kriteria Kemanfaatan');

    // Signature blocks after the table, by name; the name outside WinAnsi lost its accents only.
    const judges = positionsOf(lines, ['Bambang Sutrisno', 'Dr. Sri Wahyuni', 'Nguyen Thi Hà']);
    expect(judges.every((p) => p > positions[3]!)).toBe(true);
    expect(lines).toContain('NIP 19780212 200501 1 003');
    expect(lines).toContain('Akademisi');
  });

  it('prints on F4 (215 × 330 mm) as well as A4', async () => {
    const report = buildStageReport(resultsFixture());
    const sizes = await Promise.all(
      (['A4', 'F4'] as const).map(async (paper) => {
        const document = await PDFDocument.load(
          await beritaAcaraPdf(report, { ...DETAILS, paper }, 'id'),
        );
        const { width, height } = document.getPage(0).getSize();
        return [Math.round((width * 25.4) / 72), Math.round((height * 25.4) / 72)];
      }),
    );
    expect(sizes).toEqual([
      [210, 297],
      [215, 330],
    ]);
  });

  it('cites the plenary’s reason for a tie it settled, and says when one still waits', async () => {
    const reason = 'Lebih siap direplikasi di kecamatan lain';
    const decided = tiedFixture({
      state: 'closed',
      ranking: {
        trimmedMean: false,
        plenaryDecisions: [
          {
            categoryId: IDS.category,
            entryIds: [IDS.layang, IDS.maton],
            reason,
            decidedAt: '2022-08-18T03:00:00.000Z',
            decidedBy: IDS.panitia,
          },
        ],
      },
    });
    const text = async (records: typeof decided) =>
      (
        await pdfTextLines(
          await beritaAcaraPdf(buildStageReport(records), { ...DETAILS, paper: 'A4' }, 'id'),
        )
      ).lines.join(' ');
    const settled = await text(decided);
    expect(settled).toContain(`diurutkan oleh keputusan pleno (${reason})`);
    expect(settled.indexOf('E Suk Layang Mabur')).toBeLessThan(settled.indexOf('Tahta Maton'));
    expect(await text(tiedFixture())).toContain('belum diputuskan, menunggu rapat pleno');
  });

  it('gives each judge a score sheet with their values, weights and totals', async () => {
    const report = buildStageReport(resultsFixture());
    const { lines } = await pdfTextLines(await scoreSheetPdf(report, IDS.j1, 'A4', 'id'));
    expect(lines).toContain('Juri: Dr. Sri Wahyuni');
    const positions = positionsOf(lines, RANKED);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const maton = positionsOf(lines, ['Tahta Maton'])[0]!;
    // Kebaruan 70 (weight 40), Kemanfaatan 80 (weight 60), total 76.
    expect(lines.slice(maton)).toEqual(
      expect.arrayContaining([
        'Kebaruan',
        '40',
        '70,00',
        'Kemanfaatan',
        '60',
        '80,00',
        'Jumlah',
        '76,00',
      ]),
    );
  });
});

describe('exports', () => {
  it('writes the summary and the detail to an XLSX that reads back in rank order', async () => {
    const report = buildStageReport(resultsFixture());
    const blob = await resultsXlsx(resultsTables(report, 'id'));
    const sheets = await readXlsxFile(blob);
    const [summary, detail] = sheets;
    expect(summary?.sheet).toBe('Ringkasan');
    const rows = summary!.data.slice(1);
    expect(rows.map((r) => r[2])).toEqual(RANKED);
    expect(rows.map((r) => r[1])).toEqual([1, 2, 3, 4]);
    expect(rows[0]![4]).toBeCloseTo(86.6667, 3);
    expect(rows.map((r) => r[5])).toEqual([3, 3, 3, 2]);
    expect(String(rows[1]![7])).toContain('Tahta Maton');

    expect(detail?.sheet).toBe('Rincian');
    // 3 + 3 + 3 + 2 judges' sheets × 2 criteria.
    expect(detail!.data).toHaveLength(1 + 11 * 2);
    expect(detail!.data[1]).toEqual([
      'Umum',
      1,
      'Layanan Pak Tarso',
      'Bambang Sutrisno',
      'Kebaruan',
      40,
      90,
      84,
    ]);
  });

  it('writes CSV with semicolons and decimal commas for Indonesian spreadsheets', () => {
    const report = buildStageReport(resultsFixture());
    const [summary] = resultsTables(report, 'id');
    const csv = resultsCsv(summary!, 'id');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Kategori;Peringkat;Judul inovasi;Unit;Nilai akhir;Jumlah juri;Nilai ternormalisasi;',
    );
    expect(lines[4]).toMatch(/^Umum;4;Kunduran Run;Kecamatan Kunduran;55;2;/);
    expect(lines[1]).toMatch(/^Umum;1;Layanan Pak Tarso;Kecamatan Sambong;86,666666666666\d*;3;/);
  });
});
