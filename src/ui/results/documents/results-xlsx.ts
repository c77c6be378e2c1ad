import writeXlsxFile, { type SheetData } from 'write-excel-file/universal';
import type { ResultsTable } from './results-tables';

/** The summary and the detail as two sheets of one workbook; numbers stay numbers. */
export async function resultsXlsx(tables: readonly ResultsTable[]): Promise<Blob> {
  return writeXlsxFile(
    tables.map((table) => ({
      sheet: table.name,
      data: [
        table.header.map((value) => ({ value, fontWeight: 'bold' as const })),
        ...table.rows.map((row) => row.map((value) => (value === null ? null : { value }))),
      ] satisfies SheetData,
      stickyRowsCount: 1,
    })),
  ).toBlob();
}
