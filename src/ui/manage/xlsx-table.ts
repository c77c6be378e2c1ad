import { readSheet } from 'read-excel-file/browser';
import { cellText, type ImportCell, type ImportTable } from '../../domain/entry-import';

/**
 * The first sheet of an .xlsx file as an import table: its first row is the header, and
 * each row keeps the number the spreadsheet shows beside it. Loaded only by the import
 * screen, with read-excel-file, so no other screen pays for reading spreadsheets.
 */
export async function readXlsxTable(file: Blob): Promise<ImportTable> {
  const data = await readSheet(file);
  const [header = [], ...rows] = data;
  return {
    header: header.map(toCell),
    rows: rows
      .map((row, index) => ({ line: index + 2, cells: row.map(toCell) }))
      .filter((row) => row.cells.some((cell) => cellText(cell) !== '')),
  };
}

/** read-excel-file gives strings, numbers, booleans and Date objects (its types say otherwise). */
function toCell(value: unknown): ImportCell {
  if (value instanceof Date) return value;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  return null;
}
