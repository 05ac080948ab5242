import PDFDocument from 'pdfkit';

/** A4 in points; the bottom margin leaves room for the footer with the page number. */
export const PAGE = { width: 595.28, height: 841.89, margin: 45, bottom: 60 };
export type Doc = PDFKit.PDFDocument;
export type Lang = 'de' | 'en';

/**
 * The PDFs use the standard font Helvetica, which knows only the Windows-1252 characters;
 * everything else is written the way a typewriter would.
 */
const REPLACEMENTS: Record<string, string> = {
  '≥': '>=', '≤': '<=', '→': '->', '←': '<-', '×': 'x', '÷': '/', '−': '-', '‑': '-', '≈': '~', '\u202f': ' ', '\u2009': ' ', '\u00a0': ' ',
};
const WIN_ANSI_EXTRA = new Set([...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ']);

export function pdfText(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x7f || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch)) out += ch;
    else out += REPLACEMENTS[ch] ?? '?';
  }
  return out;
}

/** An A4 document whose pages stay buffered so the footer can name "page i of n" at the end. */
export function createDocument(info: { title: string; subject: string; lang: Lang }): { doc: Doc; done: () => Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE.margin, left: PAGE.margin, right: PAGE.margin, bottom: PAGE.bottom },
    bufferPages: true,
    info: { Title: pdfText(info.title), Subject: pdfText(info.subject), Creator: 'Werkverbund' },
    lang: info.lang,
  } as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done: () => finished };
}

/** Writes "left text … Page i of n" at the foot of every page and ends the document. */
export function finish(doc: Doc, left: string, page: (i: number, n: number) => string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = PAGE.height - 38;
    doc.moveTo(PAGE.margin, y - 6).lineTo(PAGE.width - PAGE.margin, y - 6).lineWidth(0.5).strokeColor('#ced4da').stroke();
    doc.font('Helvetica').fontSize(8).fillColor('#6c757d');
    doc.text(pdfText(left), PAGE.margin, y, { width: 380, lineBreak: false });
    doc.text(pdfText(page(i - range.start + 1, range.count)), PAGE.width - PAGE.margin - 120, y, { width: 120, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
}

export function heading(doc: Doc, title: string, note?: string) {
  doc.x = PAGE.margin;
  doc.font('Helvetica-Bold').fontSize(14).fillColor('#1c5d99').text(pdfText(title));
  if (note) doc.moveDown(0.2).font('Helvetica').fontSize(8.5).fillColor('#495057').text(pdfText(note));
  doc.moveDown(0.6).fillColor('#212529');
}

/** Adds a page when `height` does not fit below the current position. */
export function ensureSpace(doc: Doc, height: number) {
  if (doc.y + height > PAGE.height - PAGE.bottom) {
    doc.addPage();
    doc.y = PAGE.margin;
  }
}

export interface Column {
  header: string;
  width: number;
  align?: 'left' | 'right';
}

/** A simple table with a header row, repeated on each new page; cells are single lines. */
export function table(doc: Doc, columns: Column[], rows: string[][], options: { fontSize?: number; bold?: (row: number) => boolean } = {}) {
  const size = options.fontSize ?? 8;
  const rowHeight = size + 6;
  const width = columns.reduce((sum, c) => sum + c.width, 0);
  doc.font('Helvetica-Bold').fontSize(size);
  // Headers may wrap (long German words); cells stay on one line and are cut with an ellipsis.
  const headerHeight = Math.max(rowHeight, ...columns.map((c) => doc.heightOfString(pdfText(c.header), { width: c.width - 4 }) + 6));
  const drawHeader = () => {
    let x = PAGE.margin;
    const y = doc.y;
    doc.font('Helvetica-Bold').fontSize(size).fillColor('#212529');
    for (const c of columns) {
      doc.text(pdfText(c.header), x + 2, y + 3, { width: c.width - 4, align: c.align ?? 'left' });
      x += c.width;
    }
    doc.moveTo(PAGE.margin, y + headerHeight).lineTo(PAGE.margin + width, y + headerHeight).lineWidth(0.7).strokeColor('#495057').stroke();
    doc.y = y + headerHeight;
  };
  ensureSpace(doc, headerHeight + rowHeight);
  drawHeader();
  rows.forEach((row, r) => {
    if (doc.y + rowHeight > PAGE.height - PAGE.bottom) {
      doc.addPage();
      doc.y = PAGE.margin;
      drawHeader();
    }
    const y = doc.y;
    if (r % 2 === 1) doc.rect(PAGE.margin, y, width, rowHeight).fill('#f1f3f5');
    doc.font(options.bold?.(r) ? 'Helvetica-Bold' : 'Helvetica').fontSize(size).fillColor('#212529');
    let x = PAGE.margin;
    columns.forEach((c, i) => {
      doc.text(pdfText(row[i] ?? ''), x + 2, y + 3, { width: c.width - 4, height: size + 1, align: c.align ?? 'left', ellipsis: true });
      x += c.width;
    });
    doc.y = y + rowHeight;
  });
  doc.x = PAGE.margin;
  doc.moveDown(0.8);
}
