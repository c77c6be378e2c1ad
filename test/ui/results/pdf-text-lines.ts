import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream, type PDFObject } from 'pdf-lib';

/**
 * The text drawn on each page, in the order it was drawn, read back from the saved file:
 * each content stream is inflated and every `<hex> Tj` the standard fonts write is
 * decoded (WinAnsi; the fixture's text stays within Latin-1, where the two agree).
 */
export async function pdfTextLines(bytes: Uint8Array): Promise<{ pages: number; lines: string[] }> {
  const document = await PDFDocument.load(bytes);
  const lines: string[] = [];
  for (const page of document.getPages()) {
    const contents = page.node.Contents();
    const streams: PDFObject[] =
      contents instanceof PDFArray
        ? contents.asArray().flatMap((ref) => document.context.lookup(ref) ?? [])
        : contents
          ? [contents]
          : [];
    for (const stream of streams) {
      if (!(stream instanceof PDFRawStream)) throw new Error('unexpected content stream');
      const text = new TextDecoder('latin1').decode(decodePDFRawStream(stream).decode());
      for (const match of text.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) {
        const hex = match[1] ?? '';
        let line = '';
        for (let i = 0; i < hex.length; i += 2) {
          line += String.fromCharCode(parseInt(hex.slice(i, i + 2), 16));
        }
        lines.push(line);
      }
    }
  }
  return { pages: document.getPageCount(), lines };
}
