import PDFDocument from 'pdfkit';
import { pdfText } from './pdf-text.js';

export type Doc = PDFKit.PDFDocument;
export type PdfLang = 'de' | 'en';

/** A4 in points. */
export const A4 = { width: 595.28, height: 841.89 };
/** The bottom margin leaves room for the footer with the page number. */
export const FOOTER_SPACE = 60;

export const FONTS = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' } as const;
export const COLORS = { text: '#212529', muted: '#495057', faint: '#6c757d', rule: '#ced4da', accent: '#1c5d99', stripe: '#f1f3f5' } as const;

/** The page frame of a document: A4 with its side margin and the footer space at the bottom. */
export interface PageFrame {
  width: number;
  height: number;
  margin: number;
  bottom: number;
}

export function pageFrame(margin: number): PageFrame {
  return { ...A4, margin, bottom: FOOTER_SPACE };
}

/** Width between the side margins. */
export function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

/** An A4 document whose pages stay buffered so the footer can name "page i of n" at the end. */
export function createPdfDocument(info: { title: string; subject: string; lang: PdfLang; margin: number }): { doc: Doc; done: () => Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: info.margin, left: info.margin, right: info.margin, bottom: FOOTER_SPACE },
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

const PAGE_LABEL_WIDTH = 150;

/** Writes "left text … page i of n" at the foot of every buffered page and ends the document. */
export function finishPdf(doc: Doc, left: string, page: (i: number, n: number) => string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { left: margin, bottom } = doc.page.margins;
    const right = doc.page.width - doc.page.margins.right;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - 38;
    doc.moveTo(margin, y - 6).lineTo(right, y - 6).lineWidth(0.5).strokeColor(COLORS.rule).stroke();
    doc.font(FONTS.regular).fontSize(8).fillColor(COLORS.faint);
    doc.text(pdfText(left), margin, y, { width: right - margin - PAGE_LABEL_WIDTH - 10, lineBreak: false, height: 10, ellipsis: true });
    doc.text(pdfText(page(i - range.start + 1, range.count)), right - PAGE_LABEL_WIDTH, y, { width: PAGE_LABEL_WIDTH, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
}

/** Adds a page when `height` does not fit below the current position. */
export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
    doc.addPage();
    doc.y = doc.page.margins.top;
  }
}

/** A section heading in the accent colour with an optional note below. */
export function heading(doc: Doc, title: string, note?: string, style: { size?: number; noteSize?: number; gap?: number } = {}): void {
  doc.x = doc.page.margins.left;
  doc.font(FONTS.bold).fontSize(style.size ?? 14).fillColor(COLORS.accent).text(pdfText(title));
  if (note) doc.moveDown(0.2).font(FONTS.regular).fontSize(style.noteSize ?? 8.5).fillColor(COLORS.muted).text(pdfText(note));
  doc.moveDown(style.gap ?? 0.6).fillColor(COLORS.text);
}
