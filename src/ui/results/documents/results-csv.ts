import type { Locale } from '../../../domain/device-session';
import type { ResultsTable, TableCell } from './results-tables';

/**
 * A table as CSV (RFC 4180) the way a spreadsheet on the panitia's laptop opens it: ";"
 * between fields, since Indonesian Excel takes the comma as the decimal mark; numbers at
 * full precision with the locale's decimal mark; a byte order mark so Excel reads UTF-8.
 */
export function resultsCsv(table: ResultsTable, locale: Locale): string {
  const lines = [table.header, ...table.rows].map((row) =>
    row.map((cell) => csvField(cell, locale)).join(';'),
  );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function csvField(cell: TableCell, locale: Locale): string {
  if (cell === null) return '';
  if (typeof cell === 'number') {
    const text = String(cell);
    return locale === 'id' ? text.replace('.', ',') : text;
  }
  return /[";\r\n]/.test(cell) || /^\s|\s$/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}
