import { IMPORT_COLUMNS, IMPORT_HEADERS } from '../../domain/entry-import';
import { saveFile } from '../results/save-file';

/** Every import column under its first header name, and one example row of text. */
export function importTemplate(): { header: string[]; example: string[] } {
  return {
    header: IMPORT_COLUMNS.map((c) => IMPORT_HEADERS[c][0] ?? c),
    example: [
      'Layanan Pak Tarso',
      'Kecamatan Sambong',
      'Kecamatan',
      'Kecamatan',
      'Tidak',
      '01/03/2021',
      '33.16.06',
      'Surat kependudukan diantar ke rumah warga.',
      'Kantor Kecamatan Sambong',
      'Sri Lestari',
      '0812 3456 7890',
      '',
    ],
  };
}

/** The template as CSV, semicolon-separated as Excel likes it here. */
export function templateCsvHref(): string {
  const { header, example } = importTemplate();
  const csv = `\ufeff${header.join(';')}\r\n${example.join(';')}\r\n`;
  return `data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`;
}

/**
 * The template as XLSX, for panitia who keep their lists in Excel. Every cell is text, so
 * Excel keeps the region code 33.16.06 and the date as typed. The writer is the results
 * export's (its own lazy chunk), loaded on the click.
 */
export async function templateXlsx(): Promise<Blob> {
  const { header, example } = importTemplate();
  const { resultsXlsx } = await import('../results/documents/results-xlsx');
  return resultsXlsx([{ name: 'Peserta', header, rows: [example] }]);
}

export async function saveTemplateXlsx(): Promise<void> {
  saveFile(await templateXlsx(), 'templat-peserta.xlsx');
}
