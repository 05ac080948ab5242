import { QUADRANTS, type Quadrant } from '../domain/matrix.js';
import { LEVEL_LABELS, QUADRANT_LABELS, REPORT_LABELS } from './report-labels.js';
import { PAGE, sectionPage, type Doc, type ReportData } from './report-layout.js';
import { pdfText } from '../../../kernel/pdf/index.js';

/** Where each quadrant sits: benefit upwards, effort to the right (seed 003's matrix). */
const CELL: Record<Quadrant, { col: 0 | 1; row: 0 | 1; color: string }> = {
  quickWin: { col: 0, row: 0, color: '#e6f4ea' },
  bigBet: { col: 1, row: 0, color: '#e7f0fa' },
  fillIn: { col: 0, row: 1, color: '#f8f9fa' },
  questionable: { col: 1, row: 1, color: '#fdecea' },
};

export function drawMatrix(doc: Doc, data: ReportData) {
  const L = REPORT_LABELS[data.lang];
  if (data.suggestions.length === 0) return;
  sectionPage(doc, L.matrix, L.matrixNote);
  const axis = 22;
  const left = PAGE.margin + axis;
  const top = doc.y;
  const width = PAGE.width - PAGE.margin - left;
  const height = Math.min(560, PAGE.height - PAGE.bottom - top - axis - 10);
  const cw = width / 2;
  const ch = height / 2;
  const numbered = data.suggestions.map((s, i) => ({ ...s, n: i + 1 }));

  for (const q of QUADRANTS) {
    const { col, row, color } = CELL[q];
    const x = left + col * cw;
    const y = top + row * ch;
    doc.rect(x, y, cw, ch).fillAndStroke(color, '#adb5bd');
    const entries = numbered.filter((s) => s.quadrant === q);
    doc.font('Helvetica-Bold').fontSize(11).fillColor('#212529').text(pdfText(`${QUADRANT_LABELS[data.lang][q]} (${entries.length})`), x + 8, y + 8, { width: cw - 16 });
    let size = 8.5;
    const lines = entries.map((s) => pdfText(`${s.n}. ${s.title[data.lang]}`));
    const room = ch - 34;
    doc.font('Helvetica');
    while (size > 6 && lines.reduce((h, l) => h + doc.fontSize(size).heightOfString(l, { width: cw - 16 }) + 1, 0) > room) size -= 0.5;
    doc.fontSize(size).fillColor('#343a40');
    let ly = y + 28;
    for (const line of lines) {
      const h = doc.heightOfString(line, { width: cw - 16 });
      if (ly + h > y + ch - 4) break;
      doc.text(line, x + 8, ly, { width: cw - 16 });
      ly += h + 1;
    }
  }
  doc.font('Helvetica-Bold').fontSize(9).fillColor('#495057');
  doc.text(pdfText(`${L.effort}: ${LEVEL_LABELS[data.lang].low} – ${LEVEL_LABELS[data.lang].high}`), left, top + height + 6, { width, align: 'center' });
  doc.save().rotate(-90, { origin: [PAGE.margin + 8, top + height / 2] });
  doc.text(pdfText(`${L.benefit}: ${LEVEL_LABELS[data.lang].low} – ${LEVEL_LABELS[data.lang].high}`), PAGE.margin + 8 - height / 2, top + height / 2 - 5, { width: height, align: 'center' });
  doc.restore();
  doc.x = PAGE.margin;
  doc.y = top + height + 24;
}
