import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/domain/csv';

describe('CSV (RFC 4180, as Excel writes it)', () => {
  it('reads semicolon-separated files, as Excel saves them with Indonesian settings', () => {
    expect(parseCsv('Judul;Unit\r\nTahta Maton;Kecamatan Jati\r\n')).toEqual({
      separator: ';',
      records: [
        { line: 1, fields: ['Judul', 'Unit'] },
        { line: 2, fields: ['Tahta Maton', 'Kecamatan Jati'] },
      ],
    });
  });

  it('reads comma-separated files, and a semicolon inside them is text', () => {
    expect(parseCsv('a,b\n1;2,3').records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1;2', '3'] },
    ]);
  });

  it('keeps separators, doubled quotes and line breaks inside quoted fields', () => {
    const table = parseCsv('judul;ringkasan\n"A; B";"Kata ""baru""\r\nbaris dua"\nC;D');
    expect(table.records).toEqual([
      { line: 1, fields: ['judul', 'ringkasan'] },
      { line: 2, fields: ['A; B', 'Kata "baru"\r\nbaris dua'] },
      { line: 4, fields: ['C', 'D'] },
    ]);
  });

  it('drops a byte order mark, blank lines and empty rows, and keeps empty fields', () => {
    expect(parseCsv('\ufeffa;b;c\n\n;;\n1;;3\n;;\n').records).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 4, fields: ['1', '', '3'] },
    ]);
  });

  it('reads old Mac line ends and a last line without one', () => {
    expect(parseCsv('a,b\r1,2').records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
    ]);
  });

  it('says where a quote that never closes opened', () => {
    const table = parseCsv('a;b\n1;"dua\n3;4\n');
    expect(table.unterminatedQuoteLine).toBe(2);
  });

  it('keeps a quote in the middle of an unquoted field as text', () => {
    expect(parseCsv('a,b\n5" layar,x').records[1]?.fields).toEqual(['5" layar', 'x']);
  });
});
