import { formatQuarter, parseQuarter } from '../domain/quarter.js';
import type { PlanItemEvaluationView, PlanItemView } from '../schemas.js';
import { REPORT_LABELS, STATUS_LABELS } from './report-labels.js';
import { PAGE, ensureSpace, formatDate, sectionPage, type Doc, type ReportData } from './report-layout.js';
import { pdfText } from '../../../kernel/pdf/index.js';
import { tableRow } from './report-sections.js';

const STATUS_COLORS: Record<PlanItemView['status'], string> = { planned: '#74a9d8', in_progress: '#1c5d99', done: '#2b8a3e', dropped: '#adb5bd' };
const MAX_QUARTERS = 12;
const WIDTH = PAGE.width - 2 * PAGE.margin;

function quarterRange(items: PlanItemView[]): number[] {
  const indexes = items.flatMap((i) => [i.startQuarter, i.endQuarter]).filter((q): q is string => q !== null).map(parseQuarter);
  if (indexes.length === 0) return [];
  const first = Math.min(...indexes);
  const last = Math.min(Math.max(...indexes), first + MAX_QUARTERS - 1);
  return Array.from({ length: last - first + 1 }, (_, k) => first + k);
}

/** The plan as bars by quarter, then the table of owners, goals and KPIs. */
export function drawTimeline(doc: Doc, data: ReportData) {
  const L = REPORT_LABELS[data.lang];
  const plan = data.plan;
  const nextReview = plan.nextReview ? formatDate(plan.nextReview, data.lang) : null;
  sectionPage(doc, L.plan, L.planNote(plan.startQuarter, nextReview));
  const items = plan.items.filter((i) => i.status !== 'dropped');
  if (items.length === 0) {
    doc.font('Helvetica').fontSize(10).text(pdfText(L.noPlan));
    return;
  }
  const quarters = quarterRange(items);
  const labelWidth = 200;
  const qWidth = quarters.length > 0 ? (WIDTH - labelWidth) / quarters.length : 0;
  const header = () => {
    const y = doc.y;
    doc.font('Helvetica-Bold').fontSize(7.5).fillColor('#495057');
    doc.text(pdfText(L.measure), PAGE.margin, y, { width: labelWidth - 6 });
    quarters.forEach((q, k) => doc.text(formatQuarter(q).replace('-', ' '), PAGE.margin + labelWidth + k * qWidth, y, { width: qWidth, align: 'center' }));
    doc.y = y + 14;
  };
  header();
  const sorted = [...items].sort((a, b) => (a.startQuarter ?? '9999').localeCompare(b.startQuarter ?? '9999'));
  for (const item of sorted) {
    const label = pdfText(item.title[data.lang]);
    doc.font('Helvetica').fontSize(8);
    const h = Math.max(16, doc.heightOfString(label, { width: labelWidth - 6 }) + 6);
    if (doc.y + h > PAGE.height - PAGE.bottom) {
      doc.addPage();
      header();
    }
    const y = doc.y;
    quarters.forEach((_, k) => {
      if (k % 2 === 0) doc.rect(PAGE.margin + labelWidth + k * qWidth, y, qWidth, h).fill('#f8f9fa');
    });
    doc.fillColor('#212529').text(label, PAGE.margin, y + 3, { width: labelWidth - 6 });
    if (item.startQuarter && quarters.length > 0) {
      const from = Math.max(parseQuarter(item.startQuarter) - quarters[0]!, 0);
      const to = Math.min(parseQuarter(item.endQuarter ?? item.startQuarter) - quarters[0]!, quarters.length - 1);
      if (to >= from) doc.roundedRect(PAGE.margin + labelWidth + from * qWidth + 2, y + h / 2 - 5, (to - from + 1) * qWidth - 4, 10, 3).fill(STATUS_COLORS[item.status]);
    } else {
      doc.font('Helvetica-Oblique').fontSize(7.5).fillColor('#868e96').text(pdfText(L.unscheduled), PAGE.margin + labelWidth + 4, y + 4);
    }
    doc.moveTo(PAGE.margin, y + h).lineTo(PAGE.margin + WIDTH, y + h).lineWidth(0.3).strokeColor('#dee2e6').stroke();
    doc.x = PAGE.margin;
    doc.y = y + h;
  }
  doc.moveDown(0.6);
  let x = PAGE.margin;
  const ly = doc.y;
  for (const status of ['planned', 'in_progress', 'done'] as const) {
    doc.roundedRect(x, ly + 1, 14, 7, 2).fill(STATUS_COLORS[status]);
    doc.font('Helvetica').fontSize(8).fillColor('#343a40').text(pdfText(STATUS_LABELS[data.lang][status]), x + 18, ly, { lineBreak: false });
    x += 90;
  }
  doc.x = PAGE.margin;
  doc.y = ly + 22;

  ensureSpace(doc, 80);
  const widths = [150, 80, 60, 125, WIDTH - 415];
  tableRow(doc, [L.measure, L.owner, L.status, L.microGoal, L.kpi], widths, { bold: true, shade: true, size: 8.5 });
  for (const item of sorted) {
    const kpi = [item.kpiName, item.kpiTarget && `${item.kpiTarget}${item.kpiUnit ? ` ${item.kpiUnit}` : ''}`].filter(Boolean).join(': ');
    tableRow(doc, [item.title[data.lang], item.ownerName ?? item.ownerText ?? '–', STATUS_LABELS[data.lang][item.status], item.microGoal ?? '–', kpi || '–'], widths, { size: 8 });
  }
  drawEvaluations(doc, data, sorted);
}

/** Number formats of the report's language; money in whole euros. */
export function evaluationFigures(e: PlanItemEvaluationView, lang: 'de' | 'en') {
  const L = REPORT_LABELS[lang];
  const locale = lang === 'en' ? 'en-GB' : 'de-DE';
  const number = (n: number, digits: number) => new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
  return {
    npv: e.npvCents === null ? '–' : new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(Math.round(e.npvCents / 100)),
    irr: e.irr === null ? L.noIrr : new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(e.irr),
    payback: e.paybackYears === null ? L.notReached : L.years(number(e.paybackYears, 1)),
    utility: e.utilityScore === null ? L.notRated : `${number(e.utilityScore, 0)} / 100`,
  };
}

/** Per measure the attached investment evaluations with their key figures (only when there are any). */
function drawEvaluations(doc: Doc, data: ReportData, items: PlanItemView[]) {
  const L = REPORT_LABELS[data.lang];
  const rows = items.flatMap((item) => item.evaluations.map((e) => ({ item, e })));
  if (rows.length === 0) return;
  ensureSpace(doc, 90);
  doc.moveDown(1.2);
  doc.font('Helvetica-Bold').fontSize(12).fillColor('#1c5d99').text(pdfText(L.evaluations), PAGE.margin, doc.y, { width: WIDTH });
  doc.font('Helvetica').fontSize(8.5).fillColor('#495057').text(pdfText(L.evaluationsNote), { width: WIDTH });
  doc.moveDown(0.5);
  const widths = [125, 120, 70, 60, 60, WIDTH - 435];
  tableRow(doc, [L.measure, L.evaluation, L.npv, L.irr, L.payback, L.utility], widths, { bold: true, shade: true, size: 8.5 });
  for (const { item, e } of rows) {
    const f = evaluationFigures(e, data.lang);
    tableRow(doc, [item.title[data.lang], e.title, f.npv, f.irr, f.payback, f.utility], widths, { size: 8 });
  }
}
