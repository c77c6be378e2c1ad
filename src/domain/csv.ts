/** One record of a CSV file, with the line of the file it starts on (1-based). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export interface CsvTable {
  separator: ';' | ',';
  records: CsvRecord[];
  /** Set when the file ends inside a quoted field: the line that quote opened on. */
  unterminatedQuoteLine?: number;
}

/**
 * Reads CSV as RFC 4180 describes it: fields separated by a comma, or by a semicolon as
 * Excel writes it where the decimal mark is a comma (Indonesian settings); fields in
 * double quotes may hold separators, line breaks and doubled quotes. Lines end in CRLF,
 * LF or CR. A byte order mark is dropped. Records with nothing in them (blank lines, or
 * ";;;" rows Excel leaves below a table) are left out.
 *
 * Lenient where Excel and people are: a quote inside an unquoted field is kept as text.
 */
export function parseCsv(text: string): CsvTable {
  const source = text.startsWith('\ufeff') ? text.slice(1) : text;
  const separator = detectSeparator(source);
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoteLine = 0;
  let inQuotes = false;
  let atFieldStart = true;

  const endRecord = () => {
    fields.push(field);
    if (fields.some((f) => f.trim() !== '')) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    atFieldStart = true;
  };

  for (let i = 0; i < source.length; i++) {
    const ch = source.charAt(i);
    if (inQuotes) {
      if (ch === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (ch === '\n' || (ch === '\r' && source[i + 1] !== '\n')) line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && atFieldStart) {
      inQuotes = true;
      quoteLine = line;
      atFieldStart = false;
    } else if (ch === separator) {
      fields.push(field);
      field = '';
      atFieldStart = true;
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += ch;
      atFieldStart = false;
    }
  }
  if (inQuotes) {
    endRecord();
    return { separator, records, unterminatedQuoteLine: quoteLine };
  }
  if (field !== '' || fields.length > 0) endRecord();
  return { separator, records };
}

/** The separator the first record uses most, outside quotes; a comma when there is none. */
function detectSeparator(text: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let inQuotes = false;
  for (const ch of text) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) break;
    else if (!inQuotes && ch === ';') semicolons++;
    else if (!inQuotes && ch === ',') commas++;
  }
  return semicolons > commas ? ';' : ',';
}
