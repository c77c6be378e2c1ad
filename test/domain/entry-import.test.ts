import { describe, expect, it } from 'vitest';
import {
  calendarDate,
  entriesToImport,
  inferUnitType,
  readEntriesCsv,
  readEntryTable,
  type ImportContext,
} from '../../src/domain/entry-import';
import { testId } from '../support/records';

const COMPETITION = testId(1);
const KECAMATAN = testId(2);
const OPD = testId(3);

function context(): ImportContext {
  let n = 100;
  return {
    competitionId: COMPETITION,
    categories: [
      { id: KECAMATAN, name: 'Kecamatan' },
      { id: OPD, name: 'Perangkat Daerah' },
    ],
    existing: [
      { title: 'Layanan Pak Tarso', unit: { name: 'Kecamatan Sambong', type: 'kecamatan' } },
    ],
    makeId: () => testId(n++),
  };
}

/** As Excel saves "CSV (semicolon delimited)" with Indonesian settings. */
const MIXED_FILE = [
  'Judul inovasi;Unit;Kategori;Digital;Tanggal mulai;Kode wilayah;Ringkasan;Narahubung;Telepon;Catatan',
  'Tahta Maton;Kecamatan Jati;Kecamatan;Tidak;14/06/2021;33.16.01;"Layanan KTP; KK dan akta";Bu Sri;0812 3456 7890;x',
  'E Suk Layang Mabur;Kecamatan Japah;kecamatan;ya;1 September 2021;331616;;;;',
  ';Dinas Kominfo;OPD;Ya;31/02/2021;33.16;;;;',
  'Layanan Pak Tarso;Kecamatan Sambong;Kecamatan;tidak;2021-03-01;33.16.06;;;;',
  'E Suk Layang Mabur;Kecamatan Japah;Kecamatan;Ya;2021-09-01;33.16.16;;;;',
  'Simpemdes;Dinas PMD;Perangkat Daerah;mungkin;2020-08-17;3316x;;;08-12;',
  '',
].join('\r\n');

describe('importing entries from a spreadsheet', () => {
  it('reports every bad row and field of a mixed file exactly, and imports nothing', () => {
    const report = readEntriesCsv(MIXED_FILE, context());
    expect(report.fileProblems).toEqual([]);
    expect(report.ignoredHeaders).toEqual(['Catatan']);
    expect(report.rows.map(({ line, problems }) => ({ line, problems }))).toEqual([
      { line: 2, problems: [] },
      { line: 3, problems: [] },
      {
        line: 4,
        problems: [
          { column: 'title', code: 'required' },
          { column: 'category', code: 'unknown-category', value: 'OPD' },
          { column: 'startedOn', code: 'invalid-date', value: '31/02/2021' },
        ],
      },
      {
        line: 5,
        problems: [{ column: 'title', code: 'already-registered', value: 'Layanan Pak Tarso' }],
      },
      {
        line: 6,
        problems: [
          { column: 'title', code: 'duplicate-in-file', value: 'E Suk Layang Mabur', detail: '3' },
        ],
      },
      {
        line: 7,
        problems: [
          { column: 'isDigital', code: 'invalid-yes-no', value: 'mungkin' },
          { column: 'regionCode', code: 'invalid-region-code', value: '3316x' },
          { column: 'phone', code: 'invalid-phone', value: '08-12' },
          { column: 'contactName', code: 'required' },
        ],
      },
    ]);
    expect(report.validCount).toBe(2);
    expect(report.invalidCount).toBe(4);
    expect(entriesToImport(report, 'all-or-nothing')).toEqual([]);
  });

  it('turns the valid rows into innovation profiles when only those are wanted', () => {
    const report = readEntriesCsv(MIXED_FILE, context());
    expect(entriesToImport(report, 'valid-only')).toEqual([
      {
        id: testId(100),
        competitionId: COMPETITION,
        categoryId: KECAMATAN,
        title: 'Tahta Maton',
        unit: { name: 'Kecamatan Jati', type: 'kecamatan' },
        regionCode: '33.16.01',
        isDigital: false,
        startedOn: '2021-06-14',
        summary: 'Layanan KTP; KK dan akta',
        contact: { name: 'Bu Sri', phone: '0812 3456 7890' },
        evidence: [],
      },
      {
        id: testId(101),
        competitionId: COMPETITION,
        categoryId: KECAMATAN,
        title: 'E Suk Layang Mabur',
        unit: { name: 'Kecamatan Japah', type: 'kecamatan' },
        regionCode: '33.16.16',
        isDigital: true,
        startedOn: '2021-09-01',
        summary: '',
        evidence: [],
      },
    ]);
  });

  it('imports every row of a file without problems, comma-separated too', () => {
    const report = readEntriesCsv(
      'Judul,Unit,Jenis unit,Kategori,Digital,Mulai diterapkan,Kode wilayah,Alamat\n' +
        'Kelas ibu hamil,Puskesmas Randublatung,,Kecamatan,tidak,02-08-2021,33.16.02,"Jl. Raya, Randublatung"\n',
      context(),
    );
    expect(entriesToImport(report, 'all-or-nothing')).toMatchObject([
      {
        title: 'Kelas ibu hamil',
        unit: { name: 'Puskesmas Randublatung', type: 'puskesmas' },
        startedOn: '2021-08-02',
        location: { address: 'Jl. Raya, Randublatung' },
      },
    ]);
  });

  it('refuses a file that lacks a required column or has no rows', () => {
    const missing = readEntriesCsv('Judul;Unit\nA;B\n', context());
    expect(missing.fileProblems).toEqual([
      { code: 'missing-column', column: 'category' },
      { code: 'missing-column', column: 'isDigital' },
      { code: 'missing-column', column: 'startedOn' },
      { code: 'missing-column', column: 'regionCode' },
    ]);
    expect(entriesToImport(missing, 'valid-only')).toEqual([]);
    const empty = readEntriesCsv(
      'Judul;Unit;Kategori;Digital;Tanggal mulai;Kode wilayah\n;;;;;\n',
      context(),
    );
    expect(empty.fileProblems).toEqual([{ code: 'no-rows' }]);
  });

  it('names the line of a quote that never closes', () => {
    const report = readEntriesCsv(
      'Judul;Unit;Kategori;Digital;Tanggal mulai;Kode wilayah\n"A;B;Kecamatan;ya;2021-01-01;33.16\n',
      context(),
    );
    expect(report.fileProblems[0]).toEqual({ code: 'unterminated-quote', line: 2 });
    expect(entriesToImport(report, 'valid-only')).toEqual([]);
  });

  it('reads XLSX cells: dates, booleans and numbers as the spreadsheet typed them', () => {
    const report = readEntryTable(
      {
        header: ['Judul inovasi', 'Unit', 'Kategori', 'Digital', 'Tanggal mulai', 'Kode wilayah'],
        rows: [
          {
            line: 2,
            cells: [
              'Simpemdes',
              'Dinas PMD',
              'Perangkat Daerah',
              true,
              new Date(Date.UTC(2020, 7, 17)),
              3316,
            ],
          },
          {
            line: 3,
            cells: ['E-Dita', 'Dinas Arpus', 'Perangkat Daerah', false, 44470, '33.16.09'],
          },
        ],
      },
      context(),
    );
    expect(report.rows.map((r) => r.problems)).toEqual([[], []]);
    expect(entriesToImport(report, 'all-or-nothing')).toMatchObject([
      { isDigital: true, startedOn: '2020-08-17', regionCode: '33.16', unit: { type: 'dinas' } },
      { isDigital: false, startedOn: '2021-10-01', regionCode: '33.16.09' },
    ]);
  });

  it('reads dates as Indonesians write them and refuses days that do not exist', () => {
    expect(calendarDate('18 Agustus 2022')).toBe('2022-08-18');
    expect(calendarDate('18 Agt. 2022')).toBe('2022-08-18');
    expect(calendarDate('18.08.2022')).toBe('2022-08-18');
    expect(calendarDate('29/02/2024')).toBe('2024-02-29');
    expect(calendarDate('29/02/2023')).toBeUndefined();
    expect(calendarDate('08/18/2022')).toBeUndefined();
    expect(calendarDate('kemarin')).toBeUndefined();
  });

  it('infers the unit type from the unit name', () => {
    expect(inferUnitType('Kecamatan Jati')).toBe('kecamatan');
    expect(inferUnitType('Kelurahan Mlangsen')).toBe('desa');
    expect(inferUnitType('UPTD Puskesmas Jepon')).toBe('uptd');
    expect(inferUnitType('Perumda Air Minum Tirta Moedal')).toBe('bumd');
    expect(inferUnitType('Komunitas Blora Bersih')).toBe('lainnya');
  });
});
