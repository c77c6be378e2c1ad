import readXlsxFile from 'read-excel-file/universal';
import { expect, it } from 'vitest';
import { csvImportTable, readEntryTable, type ImportTable } from '../../../src/domain/entry-import';
import {
  importTemplate,
  templateCsvHref,
  templateXlsx,
} from '../../../src/ui/manage/import-template';
import { makeCategory, testId } from '../../support/records';

const competitionId = testId(1);
const context = {
  competitionId,
  categories: [makeCategory(testId(2), competitionId, { name: 'Kecamatan' })],
  existing: [],
  makeId: () => testId(3),
};

it('the XLSX template reads back as the CSV one does: every column, one valid example row', async () => {
  const [sheet] = await readXlsxFile(await templateXlsx());
  expect(sheet?.sheet).toBe('Peserta');
  const [header = [], ...body] = sheet?.data ?? [];
  const table: ImportTable = {
    header: header.map((cell) => (cell === null ? null : String(cell))),
    rows: body.map((cells, index) => ({
      line: index + 2,
      cells: cells.map((cell) => (cell === null ? null : String(cell))),
    })),
  };
  expect(table.header).toEqual(importTemplate().header);
  const fromXlsx = readEntryTable(table, context);
  expect(fromXlsx.fileProblems).toEqual([]);
  expect(fromXlsx.rows.map((r) => r.problems)).toEqual([[]]);

  const csv = decodeURIComponent(templateCsvHref().replace(/^data:text\/csv;charset=utf-8,/, ''));
  const fromCsv = readEntryTable(csvImportTable(csv.replace(/^\ufeff/, '')).table, context);
  expect(fromXlsx.rows.map((r) => r.entry)).toEqual(fromCsv.rows.map((r) => r.entry));
  expect(fromXlsx.rows[0]?.entry).toMatchObject({
    regionCode: '33.16.06',
    startedOn: '2021-03-01',
  });
});
