import PDFDocument from 'pdfkit';
import { REPORT_LABELS } from './report-labels.js';
import { pdfText } from './pdf-text.js';
import { PAGE, type Doc, type ReportData } from './report-layout.js';
import { drawBenchmarks, drawMeasures, drawProfile, drawResults } from './report-sections.js';
import { drawMatrix } from './matrix-section.js';
import { drawTimeline } from './timeline-section.js';

function footer(doc: Doc, data: ReportData) {
  const L = REPORT_LABELS[data.lang];
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = PAGE.height - 38;
    doc.moveTo(PAGE.margin, y - 6).lineTo(PAGE.width - PAGE.margin, y - 6).lineWidth(0.5).strokeColor('#ced4da').stroke();
    doc.font('Helvetica').fontSize(8).fillColor('#6c757d');
    doc.text(pdfText(`${data.company.name} · ${L.title}`), PAGE.margin, y, { width: 350, lineBreak: false });
    doc.text(L.page(i - range.start + 1, range.count), PAGE.width - PAGE.margin - 150, y, { width: 150, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

/** The board report as a PDF (A4, page numbers, German or English). */
export function renderReportPdf(data: ReportData): Promise<Buffer> {
  const L = REPORT_LABELS[data.lang];
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE.margin, left: PAGE.margin, right: PAGE.margin, bottom: PAGE.bottom },
    bufferPages: true,
    info: { Title: pdfText(`${L.title} – ${data.company.name}`), Subject: L.subtitle, Creator: 'Werkverbund' },
    lang: data.lang,
    autoFirstPage: true,
  } as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  drawProfile(doc, data);
  if (data.latest) {
    drawResults(doc, data);
    drawBenchmarks(doc, data);
  }
  drawMeasures(doc, data);
  drawMatrix(doc, data);
  drawTimeline(doc, data);
  footer(doc, data);
  doc.end();
  return done;
}
