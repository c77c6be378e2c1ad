import type { Category } from './category';
import { regionCodeSchema } from './common';
import { parseCsv } from './csv';
import { entrySchema, UNIT_TYPES, type Entry, type UnitType } from './entry';

/**
 * Importing entries from a spreadsheet (issue 5, "Import"): the innovation profile of
 * DOMAIN.md, one entry per row, with a report per row and field. CSV and XLSX both arrive
 * here as a table of cells, so one validator decides for both.
 *
 * Problems are codes with the offending value, not sentences: the screen says them in the
 * user's language. Nothing is imported while a row is invalid, unless the panitia chooses
 * to import only the valid rows (entriesToImport).
 */

/** A cell as a spreadsheet gives it: text from CSV; numbers, booleans and dates from XLSX. */
export type ImportCell = string | number | boolean | Date | null | undefined;

export interface ImportTable {
  header: readonly ImportCell[];
  /** Each row with the line (CSV) or row number (XLSX) people see in their program. */
  rows: readonly { line: number; cells: readonly ImportCell[] }[];
}

export const IMPORT_COLUMNS = [
  'title',
  'unitName',
  'unitType',
  'category',
  'isDigital',
  'startedOn',
  'regionCode',
  'summary',
  'address',
  'contactName',
  'phone',
  'email',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

export const REQUIRED_IMPORT_COLUMNS: readonly ImportColumn[] = [
  'title',
  'unitName',
  'category',
  'isDigital',
  'startedOn',
  'regionCode',
];

/**
 * The header each column is written with in the template, first, then other spellings
 * met in the forms of KIPP, Krenova and SINOVIK rounds. Compared without case, spaces or
 * punctuation.
 */
export const IMPORT_HEADERS: Record<ImportColumn, readonly string[]> = {
  title: ['Judul inovasi', 'Judul', 'Nama inovasi', 'Title'],
  unitName: ['Unit', 'Nama unit', 'Unit inovator', 'Perangkat daerah', 'OPD', 'Unit kerja'],
  unitType: ['Jenis unit', 'Tipe unit', 'Unit type'],
  category: ['Kategori', 'Klaster', 'Category'],
  isDigital: ['Digital', 'Inovasi digital', 'Jenis inovasi', 'Is digital'],
  startedOn: ['Tanggal mulai', 'Mulai diterapkan', 'Waktu penerapan', 'Started on', 'Start date'],
  regionCode: ['Kode wilayah', 'Kode wilayah Kemendagri', 'Region code'],
  summary: ['Ringkasan', 'Deskripsi', 'Summary'],
  address: ['Alamat', 'Lokasi', 'Address'],
  contactName: ['Narahubung', 'Nama kontak', 'Kontak', 'Contact'],
  phone: ['Telepon', 'Nomor HP', 'No HP', 'HP', 'Phone'],
  email: ['Email', 'E-mail', 'Surel'],
};

export type ImportProblemCode =
  | 'required'
  | 'too-long'
  | 'invalid-date'
  | 'invalid-yes-no'
  | 'unknown-category'
  | 'unknown-unit-type'
  | 'invalid-region-code'
  | 'invalid-phone'
  | 'invalid-email'
  | 'duplicate-in-file'
  | 'already-registered'
  /** Anything else the entry schema refused; `detail` holds its message. */
  | 'invalid';

export interface ImportProblem {
  column: ImportColumn;
  code: ImportProblemCode;
  /** The cell as written, when there is one. */
  value?: string;
  /** A limit (too-long), the line of the first copy (duplicate-in-file), a schema message. */
  detail?: string;
}

export interface ImportRowReport {
  line: number;
  problems: ImportProblem[];
  /** Present when the row is valid: the entry it becomes. */
  entry?: Entry;
}

export type ImportFileProblem =
  | { code: 'missing-column'; column: ImportColumn }
  | { code: 'no-rows' }
  | { code: 'unterminated-quote'; line: number };

export interface EntryImportReport {
  /** Problems with the file as a whole; with any of them nothing can be imported. */
  fileProblems: ImportFileProblem[];
  /** Headers no column is known by: their cells are not read. */
  ignoredHeaders: string[];
  rows: ImportRowReport[];
  validCount: number;
  invalidCount: number;
}

export interface ImportContext {
  competitionId: string;
  categories: readonly Pick<Category, 'id' | 'name'>[];
  /** Entries the competition already has: a row with the same title and unit is refused. */
  existing: readonly Pick<Entry, 'title' | 'unit'>[];
  makeId: () => string;
}

export type ImportMode = 'all-or-nothing' | 'valid-only';

/** The entries to save: none while a row is invalid, unless only the valid rows are wanted. */
export function entriesToImport(report: EntryImportReport, mode: ImportMode): Entry[] {
  if (report.fileProblems.length > 0) return [];
  if (mode === 'all-or-nothing' && report.invalidCount > 0) return [];
  return report.rows.flatMap((row) => (row.entry ? [row.entry] : []));
}

/** A CSV file's text as an import table: the first record is the header. */
export function csvImportTable(text: string): {
  table: ImportTable;
  unterminatedQuoteLine?: number;
} {
  const csv = parseCsv(text);
  const [header, ...rows] = csv.records;
  const table: ImportTable = {
    header: header?.fields ?? [],
    rows: rows.map((r) => ({ line: r.line, cells: r.fields })),
  };
  return csv.unterminatedQuoteLine === undefined
    ? { table }
    : { table, unterminatedQuoteLine: csv.unterminatedQuoteLine };
}

/** Reads a CSV file into the report. */
export function readEntriesCsv(text: string, context: ImportContext): EntryImportReport {
  const { table, unterminatedQuoteLine } = csvImportTable(text);
  const report = readEntryTable(table, context);
  if (unterminatedQuoteLine === undefined) return report;
  return {
    ...report,
    fileProblems: [
      { code: 'unterminated-quote', line: unterminatedQuoteLine },
      ...report.fileProblems,
    ],
  };
}

/** Validates every row of a table; CSV and XLSX both come through here. */
export function readEntryTable(table: ImportTable, context: ImportContext): EntryImportReport {
  const columnAt = new Map<ImportColumn, number>();
  const ignoredHeaders: string[] = [];
  table.header.forEach((cell, index) => {
    const text = cellText(cell);
    const column = columnOfHeader(text);
    if (column && !columnAt.has(column)) columnAt.set(column, index);
    else if (text !== '') ignoredHeaders.push(text);
  });
  const fileProblems: ImportFileProblem[] = REQUIRED_IMPORT_COLUMNS.filter(
    (c) => !columnAt.has(c),
  ).map((column) => ({ code: 'missing-column', column }));
  if (table.rows.length === 0) fileProblems.push({ code: 'no-rows' });
  if (fileProblems.length > 0) {
    return { fileProblems, ignoredHeaders, rows: [], validCount: 0, invalidCount: 0 };
  }

  const registered = new Set(context.existing.map((e) => duplicateKey(e.title, e.unit.name)));
  const firstLineOf = new Map<string, number>();
  const rows = table.rows.map(({ line, cells }): ImportRowReport => {
    const cell = (column: ImportColumn): ImportCell => {
      const index = columnAt.get(column);
      return index === undefined ? undefined : cells[index];
    };
    const { problems, entry } = readRow(cell, context);
    if (entry) {
      const key = duplicateKey(entry.title, entry.unit.name);
      const first = firstLineOf.get(key);
      if (registered.has(key)) {
        problems.push({ column: 'title', code: 'already-registered', value: entry.title });
      } else if (first !== undefined) {
        problems.push({
          column: 'title',
          code: 'duplicate-in-file',
          value: entry.title,
          detail: String(first),
        });
      } else firstLineOf.set(key, line);
    }
    return problems.length === 0 && entry
      ? { line, problems, entry: { ...entry, id: context.makeId() } }
      : { line, problems };
  });
  const validCount = rows.filter((r) => r.entry).length;
  return { fileProblems, ignoredHeaders, rows, validCount, invalidCount: rows.length - validCount };
}

function columnOfHeader(text: string): ImportColumn | undefined {
  const key = headerKey(text);
  return IMPORT_COLUMNS.find((column) => IMPORT_HEADERS[column].some((h) => headerKey(h) === key));
}

const headerKey = (text: string) => text.toLocaleLowerCase('id').replace(/[^a-z0-9]/g, '');

const duplicateKey = (title: string, unit: string) =>
  `${normalWords(title)}\u0000${normalWords(unit)}`;

const normalWords = (text: string) => text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('id');

/** One row: each cell read and checked on its own, then the whole entry by its schema. */
function readRow(
  cell: (column: ImportColumn) => ImportCell,
  context: ImportContext,
): { problems: ImportProblem[]; entry?: Entry } {
  const problems: ImportProblem[] = [];
  const text = (column: ImportColumn, max: number, required: boolean): string | undefined => {
    const value = cellText(cell(column));
    if (value === '') {
      if (required) problems.push({ column, code: 'required' });
      return undefined;
    }
    if (value.length > max) {
      problems.push({ column, code: 'too-long', value, detail: String(max) });
      return undefined;
    }
    return value;
  };
  const read = <T>(
    column: ImportColumn,
    code: ImportProblemCode,
    parse: (raw: ImportCell) => T | undefined,
  ): T | undefined => {
    const raw = cell(column);
    if (cellText(raw) === '') {
      problems.push({ column, code: 'required' });
      return undefined;
    }
    const value = parse(raw);
    if (value === undefined) problems.push({ column, code, value: cellText(raw) });
    return value;
  };

  const title = text('title', 200, true);
  const unitName = text('unitName', 200, true);
  const typeText = cellText(cell('unitType'));
  const unitType = typeText === '' ? inferUnitType(unitName ?? '') : unitTypeOf(typeText);
  if (unitType === undefined)
    problems.push({ column: 'unitType', code: 'unknown-unit-type', value: typeText });
  const categoryId = read('category', 'unknown-category', (raw) => {
    const name = normalWords(cellText(raw));
    return context.categories.find((c) => normalWords(c.name) === name)?.id;
  });
  const isDigital = read('isDigital', 'invalid-yes-no', yesNo);
  const startedOn = read('startedOn', 'invalid-date', calendarDate);
  const regionCode = read('regionCode', 'invalid-region-code', regionCodeOf);
  const summary = text('summary', 5000, false) ?? '';
  const address = text('address', 500, false);
  const contactName = text('contactName', 200, false);
  const phone = optional(cell('phone'), (raw) => {
    const value = cellText(raw);
    return /^\+?[0-9 -]{6,20}$/.test(value) ? value : undefined;
  });
  if (phone === null)
    problems.push({ column: 'phone', code: 'invalid-phone', value: cellText(cell('phone')) });
  const email = optional(cell('email'), (raw) => {
    const value = cellText(raw);
    return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? value : undefined;
  });
  if (email === null)
    problems.push({ column: 'email', code: 'invalid-email', value: cellText(cell('email')) });
  // A phone number or an address needs a name to ask for, even when it is itself wrong.
  if (contactName === undefined && cellText(cell('phone')) + cellText(cell('email')) !== '')
    problems.push({ column: 'contactName', code: 'required' });

  if (
    problems.length > 0 ||
    title === undefined ||
    unitName === undefined ||
    unitType === undefined ||
    categoryId === undefined ||
    isDigital === undefined ||
    startedOn === undefined ||
    regionCode === undefined
  ) {
    return { problems };
  }
  const candidate: Entry = {
    // The real id is given once the row is known to be valid and not a duplicate.
    id: '00000000-0000-0000-0000-000000000000',
    competitionId: context.competitionId,
    categoryId,
    title,
    unit: { name: unitName, type: unitType },
    regionCode,
    isDigital,
    startedOn,
    summary,
    ...(address === undefined ? {} : { location: { address } }),
    ...(contactName === undefined
      ? {}
      : {
          contact: {
            name: contactName,
            ...(phone ? { phone } : {}),
            ...(email ? { email } : {}),
          },
        }),
    evidence: [],
  };
  const parsed = entrySchema.safeParse(candidate);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((issue) => ({
        column: columnOfPath(issue.path.map(String).join('.')),
        code: 'invalid',
        detail: issue.message,
      })),
    };
  }
  return { problems, entry: parsed.data };
}

/** undefined for an empty cell, null for one that does not parse. */
function optional<T>(
  raw: ImportCell,
  parse: (raw: ImportCell) => T | undefined,
): T | null | undefined {
  if (cellText(raw) === '') return undefined;
  return parse(raw) ?? null;
}

const PATH_COLUMNS: Record<string, ImportColumn> = {
  title: 'title',
  'unit.name': 'unitName',
  'unit.type': 'unitType',
  categoryId: 'category',
  isDigital: 'isDigital',
  startedOn: 'startedOn',
  regionCode: 'regionCode',
  summary: 'summary',
  'location.address': 'address',
  'contact.name': 'contactName',
  'contact.phone': 'phone',
  'contact.email': 'email',
};

function columnOfPath(path: string): ImportColumn {
  return PATH_COLUMNS[path] ?? 'title';
}

/** A cell as trimmed text; dates as YYYY-MM-DD in UTC, as spreadsheet programs store them. */
export function cellText(cell: ImportCell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date)
    return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

const YES = new Set(['ya', 'y', 'yes', 'true', '1', 'digital', 'benar']);
const NO = new Set(['tidak', 't', 'no', 'n', 'false', '0', 'nondigital', 'bukan', 'salah']);

function yesNo(raw: ImportCell): boolean | undefined {
  if (typeof raw === 'boolean') return raw;
  const key = cellText(raw)
    .toLocaleLowerCase('id')
    .replace(/[^a-z0-9]/g, '');
  if (YES.has(key)) return true;
  if (NO.has(key)) return false;
  return undefined;
}

const MONTHS: Record<string, number> = {
  januari: 1, january: 1, jan: 1,
  februari: 2, february: 2, feb: 2, pebruari: 2,
  maret: 3, march: 3, mar: 3,
  april: 4, apr: 4,
  mei: 5, may: 5,
  juni: 6, june: 6, jun: 6,
  juli: 7, july: 7, jul: 7,
  agustus: 8, august: 8, agu: 8, agt: 8, aug: 8,
  september: 9, sep: 9, sept: 9,
  oktober: 10, october: 10, okt: 10, oct: 10,
  november: 11, nov: 11, nopember: 11,
  desember: 12, december: 12, des: 12, dec: 12,
}; // prettier-ignore

/**
 * A calendar date written as people and programs write it: 2022-08-18, 18/08/2022,
 * 18-08-2022, 18.08.2022 (day first, as in Indonesia), "18 Agustus 2022", a date cell, or
 * an Excel day number. Refuses days that do not exist (31/02/2022).
 */
export function calendarDate(raw: ImportCell): string | undefined {
  if (raw instanceof Date) return cellText(raw) || undefined;
  if (typeof raw === 'number') return excelDayNumber(raw);
  const text = cellText(raw).toLocaleLowerCase('id');
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (match) return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (match) return isoDate(Number(match[3]), Number(match[2]), Number(match[1]));
  match = /^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$/.exec(text);
  const month = match ? MONTHS[match[2] ?? ''] : undefined;
  if (match && month !== undefined) return isoDate(Number(match[3]), month, Number(match[1]));
  if (/^\d{5}$/.test(text)) return excelDayNumber(Number(text));
  return undefined;
}

/** Excel counts days from 1899-12-30 (after its 1900 leap-year bug). */
function excelDayNumber(days: number): string | undefined {
  if (!Number.isInteger(days) || days < 1 || days > 2958465) return undefined;
  const date = new Date(Date.UTC(1899, 11, 30) + days * 86_400_000);
  return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

function isoDate(year: number, month: number, day: number): string | undefined {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "33.16.01", or the same written without dots ("331601", as some exports do). */
function regionCodeOf(raw: ImportCell): string | undefined {
  const text = cellText(raw);
  const dotted = /^\d+$/.test(text)
    ? [text.slice(0, 2), text.slice(2, 4), text.slice(4, 6), text.slice(6)]
        .filter((part) => part !== '')
        .join('.')
    : text;
  return regionCodeSchema.safeParse(dotted).success ? dotted : undefined;
}

const UNIT_TYPE_WORDS: Record<string, UnitType> = {
  kelurahan: 'desa',
  'perangkat daerah': 'dinas',
  opd: 'dinas',
  sekolah: 'sekolah',
  sd: 'sekolah',
  smp: 'sekolah',
  sma: 'sekolah',
  smk: 'sekolah',
  perumda: 'bumd',
  pdam: 'bumd',
  rsud: 'blud',
};

/** A unit type written as a word: "Kecamatan", "UPTD", "Kelurahan" (a desa-level unit). */
function unitTypeOf(text: string): UnitType | undefined {
  const key = normalWords(text);
  return UNIT_TYPES.find((t) => t === key) ?? UNIT_TYPE_WORDS[key];
}

/** The unit type from the first word of its name: "Kecamatan Jati" → kecamatan. */
export function inferUnitType(unitName: string): UnitType {
  const words = normalWords(unitName).split(' ');
  const first = words[0] ?? '';
  return (
    unitTypeOf(first) ??
    (words.length > 1 ? unitTypeOf(`${first} ${words[1] ?? ''}`) : undefined) ??
    'lainnya'
  );
}
