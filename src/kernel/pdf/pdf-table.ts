import { COLORS, FONTS, type Doc, ensureSpace } from './pdf-document.js';
import { pdfText } from './pdf-text.js';

export interface Column {
  header: string;
  width: number;
  align?: 'left' | 'right';
}

/** A table with a header row, repeated on each new page; headers may wrap, cells are single lines cut with an ellipsis. */
export function table(doc: Doc, columns: Column[], rows: string[][], options: { fontSize?: number; bold?: (row: number) => boolean } = {}): void {
  const size = options.fontSize ?? 8;
  const rowHeight = size + 6;
  const left = doc.page.margins.left;
  const width = columns.reduce((sum, c) => sum + c.width, 0);
  doc.font(FONTS.bold).fontSize(size);
  const headerHeight = Math.max(rowHeight, ...columns.map((c) => doc.heightOfString(pdfText(c.header), { width: c.width - 4 }) + 6));
  const drawHeader = () => {
    let x = left;
    const y = doc.y;
    doc.font(FONTS.bold).fontSize(size).fillColor(COLORS.text);
    for (const c of columns) {
      doc.text(pdfText(c.header), x + 2, y + 3, { width: c.width - 4, align: c.align ?? 'left' });
      x += c.width;
    }
    doc.moveTo(left, y + headerHeight).lineTo(left + width, y + headerHeight).lineWidth(0.7).strokeColor(COLORS.muted).stroke();
    doc.y = y + headerHeight;
  };
  ensureSpace(doc, headerHeight + rowHeight);
  drawHeader();
  rows.forEach((row, r) => {
    if (doc.y + rowHeight > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      doc.y = doc.page.margins.top;
      drawHeader();
    }
    const y = doc.y;
    if (r % 2 === 1) doc.rect(left, y, width, rowHeight).fill(COLORS.stripe);
    doc.font(options.bold?.(r) ? FONTS.bold : FONTS.regular).fontSize(size).fillColor(COLORS.text);
    let x = left;
    columns.forEach((c, i) => {
      doc.text(pdfText(row[i] ?? ''), x + 2, y + 3, { width: c.width - 4, height: size + 1, align: c.align ?? 'left', ellipsis: true });
      x += c.width;
    });
    doc.y = y + rowHeight;
  });
  doc.x = left;
  doc.moveDown(0.8);
}
