import { createPdfDocument, finishPdf } from '../../../kernel/pdf/index.js';
import { REPORT_LABELS } from './report-labels.js';
import { PAGE, type ReportData } from './report-layout.js';
import { drawBenchmarks, drawMeasures, drawProfile, drawResults } from './report-sections.js';
import { drawMatrix } from './matrix-section.js';
import { drawTimeline } from './timeline-section.js';

/** The board report as a PDF (A4, page numbers, German or English). */
export function renderReportPdf(data: ReportData): Promise<Buffer> {
  const L = REPORT_LABELS[data.lang];
  const { doc, done } = createPdfDocument({ title: `${L.title} – ${data.company.name}`, subject: L.subtitle, lang: data.lang, margin: PAGE.margin });
  drawProfile(doc, data);
  if (data.latest) {
    drawResults(doc, data);
    drawBenchmarks(doc, data);
  }
  drawMeasures(doc, data);
  drawMatrix(doc, data);
  drawTimeline(doc, data);
  finishPdf(doc, `${data.company.name} · ${L.title}`, L.page);
  return done();
}
