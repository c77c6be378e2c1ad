import type { PDFFont } from 'pdf-lib';

/**
 * The standard PDF fonts encode only WinAnsi (Latin-1 and a few more). We print with them
 * rather than embed a font: there is no font file in the app, and a Unicode font would add
 * hundreds of kB to a chunk the panitia needs offline. Names of Indonesian judges and
 * entries are nearly always Latin; a letter outside WinAnsi loses its accent if it has
 * one (ł stays "?" but ő becomes "o"), and anything else becomes "?", so drawing never
 * throws and the document says where a character was lost.
 */
export function printableText(font: PDFFont, text: string): string {
  const supported = new Set(font.getCharacterSet());
  let out = '';
  for (const char of text.replace(/[\t\r\n]+/g, ' ')) {
    const code = char.codePointAt(0) ?? 0;
    if (supported.has(code)) {
      out += char;
      continue;
    }
    const bare = char.normalize('NFD').replace(/\p{M}/gu, '');
    const isPrintable =
      bare !== '' && Array.from(bare).every((c) => supported.has(c.codePointAt(0) ?? 0));
    out += isPrintable ? bare : '?';
  }
  return out;
}

/** Splits text into lines no wider than `width` at `size`, breaking between words. */
export function wrapText(font: PDFFont, text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line !== '') lines.push(line);
  return lines.length > 0 ? lines : [''];
}
