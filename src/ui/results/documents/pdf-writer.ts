import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import { printableText, wrapText } from './pdf-text';

export type PaperSize = 'A4' | 'F4';

const POINTS_PER_MM = 72 / 25.4;
/** A4 is 210 × 297 mm; F4 (folio, as Indonesian offices use it) 215 × 330 mm. */
const PAPER_MM: Record<PaperSize, [number, number]> = { A4: [210, 297], F4: [215, 330] };
const MARGIN = 25 * POINTS_PER_MM;

export interface TextStyle {
  size?: number;
  bold?: boolean;
  align?: 'left' | 'center';
}

/**
 * Draws top to bottom on as many pages as it takes. Text is drawn in reading order, so
 * the order of the text in the file is the order on paper (the tests rely on it).
 */
export class PdfWriter {
  readonly width: number;
  readonly height: number;
  private page: PDFPage;
  private y: number;

  private constructor(
    readonly document: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
    paper: PaperSize,
  ) {
    const [w, h] = PAPER_MM[paper];
    this.width = w * POINTS_PER_MM;
    this.height = h * POINTS_PER_MM;
    this.page = document.addPage([this.width, this.height]);
    this.y = this.height - MARGIN;
  }

  static async create(paper: PaperSize, title: string): Promise<PdfWriter> {
    const document = await PDFDocument.create();
    document.setTitle(title);
    document.setCreator('Jurilapang');
    const regular = await document.embedFont(StandardFonts.Helvetica);
    const bold = await document.embedFont(StandardFonts.HelveticaBold);
    return new PdfWriter(document, regular, bold, paper);
  }

  get left(): number {
    return MARGIN;
  }

  get contentWidth(): number {
    return this.width - 2 * MARGIN;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensureRoom(height: number): void {
    if (this.y - height >= MARGIN) return;
    this.page = this.document.addPage([this.width, this.height]);
    this.y = this.height - MARGIN;
  }

  gap(points: number): void {
    this.y -= points;
  }

  /** A paragraph wrapped to the content width (or `width` from `x`). */
  paragraph(text: string, style: TextStyle = {}, x = this.left, width = this.contentWidth): void {
    const size = style.size ?? 10;
    const font = style.bold === true ? this.bold : this.regular;
    for (const line of wrapText(font, printableText(font, text), size, width)) {
      this.ensureRoom(size * 1.4);
      const lineX =
        style.align === 'center' ? x + (width - font.widthOfTextAtSize(line, size)) / 2 : x;
      this.page.drawText(line, { x: lineX, y: this.y - size, size, font });
      this.y -= size * 1.4;
    }
  }

  /**
   * One table row: each cell wrapped in its column; the row is as tall as its tallest
   * cell and never split across pages.
   */
  row(
    cells: readonly { text: string; width: number; align?: 'left' | 'right' }[],
    style: TextStyle = {},
  ): void {
    const size = style.size ?? 9;
    const font = style.bold === true ? this.bold : this.regular;
    const wrapped = cells.map((c) =>
      wrapText(font, printableText(font, c.text), size, c.width - 4),
    );
    const lines = Math.max(...wrapped.map((w) => w.length));
    const height = lines * size * 1.3 + 4;
    this.ensureRoom(height);
    let x = this.left;
    cells.forEach((cell, index) => {
      (wrapped[index] ?? []).forEach((line, n) => {
        const lineX =
          cell.align === 'right' ? x + cell.width - 2 - font.widthOfTextAtSize(line, size) : x + 2;
        this.page.drawText(line, { x: lineX, y: this.y - 2 - size - n * size * 1.3, size, font });
      });
      x += cell.width;
    });
    this.y -= height;
    this.page.drawLine({
      start: { x: this.left, y: this.y },
      end: { x: this.left + this.contentWidth, y: this.y },
      thickness: 0.5,
    });
  }

  /** Two columns side by side, each block drawn from the same top; blocks never split. */
  columns(blocks: readonly ((x: number, width: number) => void)[], blockHeight: number): void {
    const width = this.contentWidth / 2;
    for (let i = 0; i < blocks.length; i += 2) {
      this.ensureRoom(blockHeight);
      const top = this.y;
      let bottom = top;
      blocks.slice(i, i + 2).forEach((draw, column) => {
        this.y = top;
        draw(this.left + column * width, width - 12);
        bottom = Math.min(bottom, this.y);
      });
      this.y = Math.min(bottom, top - blockHeight);
    }
  }

  async save(): Promise<Uint8Array> {
    return this.document.save();
  }
}
