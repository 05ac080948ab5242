import type { BenchmarkComparison } from '../../check/public.js';
import { dimensionChartOption } from './dimension-chart.js';
import { CLASS_VALUE_LABELS, LEVEL_LABELS, QUADRANT_LABELS, REPORT_LABELS, STATUS_LABELS } from './report-labels.js';
import { PAGE, ensureSpace, formatDate, heading, sectionPage, type Doc, type ReportData } from './report-layout.js';
import { chartSvg, drawSvg, pdfText } from '../../../kernel/pdf/index.js';
import { profileTexts } from './profile-labels.js';

const WIDTH = PAGE.width - 2 * PAGE.margin;

/** A table row whose cells wrap; moves to a new page first when the row would not fit. */
export function tableRow(doc: Doc, cells: string[], widths: number[], options: { bold?: boolean; size?: number; shade?: boolean } = {}) {
  const size = options.size ?? 9;
  doc.font(options.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(size);
  const texts = cells.map(pdfText);
  const height = Math.max(...texts.map((t, i) => doc.heightOfString(t, { width: widths[i]! - 6 }))) + 6;
  ensureSpace(doc, height);
  const y = doc.y;
  if (options.shade) doc.rect(PAGE.margin, y, WIDTH, height).fill('#f1f3f5');
  doc.fillColor('#212529');
  let x = PAGE.margin;
  texts.forEach((t, i) => {
    doc.text(t, x + 3, y + 3, { width: widths[i]! - 6 });
    x += widths[i]!;
  });
  doc.moveTo(PAGE.margin, y + height).lineTo(PAGE.margin + WIDTH, y + height).lineWidth(0.4).strokeColor('#dee2e6').stroke();
  doc.x = PAGE.margin;
  doc.y = y + height;
}

export function drawProfile(doc: Doc, data: ReportData) {
  const L = REPORT_LABELS[data.lang];
  const p = profileTexts(data.company.profile, data.lang);
  doc.rect(0, 0, PAGE.width, 8).fill('#1c5d99');
  doc.y = 70;
  doc.font('Helvetica').fontSize(12).fillColor('#495057').text(pdfText(L.subtitle));
  doc.font('Helvetica-Bold').fontSize(26).fillColor('#1c5d99').text(pdfText(L.title));
  doc.moveDown(0.3).font('Helvetica-Bold').fontSize(18).fillColor('#212529').text(pdfText(data.company.name));
  doc.moveDown(0.3).font('Helvetica').fontSize(10).fillColor('#495057').text(pdfText(`${L.createdOn} ${formatDate(data.createdAt, data.lang)}`));
  doc.moveDown(2);
  heading(doc, L.profile);
  const given = (v: string | number | undefined) => (v === undefined ? L.notGiven : String(v));
  const rows: Array<[string, string]> = [
    [L.employees, given(p.employees)],
    [L.industry, given(p.industry)],
    [L.state, given(p.state)],
    [L.region, given(p.region)],
    [L.series, given(p.series)],
    [L.complexity, given(p.complexity)],
    [L.valueChain, given(p.valueChain)],
  ];
  rows.forEach(([k, v], i) => tableRow(doc, [k, v], [200, WIDTH - 200], { size: 10, shade: i % 2 === 0 }));
  doc.moveDown(1.5);
  heading(doc, L.check);
  doc.font('Helvetica').fontSize(10).fillColor('#212529');
  if (!data.latest) doc.text(pdfText(L.noCheck));
  else {
    doc.text(pdfText(L.checkOn(formatDate(data.latest.completedAt, data.lang))));
    if (data.previous) doc.text(pdfText(L.previousCheck(formatDate(data.previous.completedAt, data.lang))));
  }
}

export function drawResults(doc: Doc, data: ReportData) {
  const L = REPORT_LABELS[data.lang];
  const latest = data.latest!;
  sectionPage(doc, L.dimensions, L.dimensionsNote);
  const before = new Map((data.previous?.result.dimensions ?? []).map((d) => [d.id, d.score]));
  const bars = latest.result.dimensions.map((d) => ({ name: d.name[data.lang], score: d.score, previous: before.get(d.id) ?? null }));
  const height = 330;
  const option = dimensionChartOption(bars, {
    current: L.checkOn(formatDate(latest.completedAt, data.lang)),
    previous: data.previous ? L.previousCheck(formatDate(data.previous.completedAt, data.lang)) : null,
  });
  drawSvg(doc, chartSvg(option, { width: WIDTH, height }), PAGE.margin, doc.y, { width: WIDTH, height });
  doc.y += height + 20;
  doc.x = PAGE.margin;

  const scored = latest.result.dimensions.filter((d) => d.score !== null).sort((a, b) => b.score! - a.score!);
  const columnWidth = (WIDTH - 20) / 2;
  const top = doc.y;
  const list = (title: string, dims: typeof scored, x: number) => {
    doc.font('Helvetica-Bold').fontSize(12).fillColor('#1c5d99').text(pdfText(title), x, top, { width: columnWidth });
    doc.moveDown(0.3);
    for (const d of dims) {
      doc.font('Helvetica-Bold').fontSize(10).fillColor('#212529').text(pdfText(`${d.name[data.lang]}: ${d.score}`), x, doc.y, { width: columnWidth });
      if (d.levelDescription) doc.font('Helvetica').fontSize(9).fillColor('#495057').text(pdfText(d.levelDescription[data.lang]), x, doc.y, { width: columnWidth });
      doc.moveDown(0.4);
    }
    return doc.y;
  };
  const leftEnd = list(L.strengths, scored.slice(0, 3), PAGE.margin);
  const rightEnd = list(L.gaps, scored.slice(-3).reverse(), PAGE.margin + columnWidth + 20);
  doc.x = PAGE.margin;
  doc.y = Math.max(leftEnd, rightEnd);
}

function firmValueText(c: BenchmarkComparison, lang: 'de' | 'en'): string {
  const L = REPORT_LABELS[lang];
  const v = c.firmValue;
  if (v === null) return L.open;
  if (typeof v === 'boolean') return v ? L.yes : L.no;
  if (c.id === 'serviceStage' && typeof v === 'number') return CLASS_VALUE_LABELS[lang].stage[v as 1 | 2 | 3] ?? String(v);
  if (typeof v === 'number') return c.unit === 'percentOfRevenue' ? `${v} %` : String(v);
  const category = c.distribution?.find((d) => d.category === v);
  if (category) return category.label[lang];
  return (CLASS_VALUE_LABELS[lang].level as Record<string, string>)[v] ?? v;
}

function referenceText(c: BenchmarkComparison, lang: 'de' | 'en'): string {
  const L = REPORT_LABELS[lang];
  if (!c.reference) return '–';
  const unit = c.unit === 'percentOfRevenue' ? L.ofRevenue : L.ofFirms;
  const parts = [`${c.reference.approximate ? '~' : ''}${c.reference.value} % ${unit} (${L[c.reference.scope]})`];
  if (c.region) parts.push(`${L.region}: ${c.region.value} %`);
  return parts.join('; ');
}

export function drawBenchmarks(doc: Doc, data: ReportData) {
  const L = REPORT_LABELS[data.lang];
  sectionPage(doc, L.classifications, L.classificationsNote);
  const widths = [140, 105, 140, WIDTH - 385];
  tableRow(doc, [L.subject, L.firm, L.reference, L.source], widths, { bold: true, shade: true });
  const rows = [...data.latest!.result.benchmarks].sort((a, b) => Number(a.subject !== 'classification') - Number(b.subject !== 'classification'));
  for (const c of rows) {
    tableRow(doc, [c.label[data.lang], firmValueText(c, data.lang), referenceText(c, data.lang), c.source ? (c.year && !c.source.includes(String(c.year)) ? `${c.source}, ${c.year}` : c.source) : '–'], widths, {
      size: 8.5,
      bold: false,
    });
  }
}

export function drawMeasures(doc: Doc, data: ReportData) {
  const L = REPORT_LABELS[data.lang];
  sectionPage(doc, L.measures, L.measuresNote);
  if (data.suggestions.length === 0) {
    doc.font('Helvetica').fontSize(10).text(pdfText(L.noMeasures));
    return;
  }
  data.suggestions.forEach((s, i) => {
    const title = pdfText(`${i + 1}. ${s.title[data.lang]}`);
    const meta = pdfText(
      `${QUADRANT_LABELS[data.lang][s.quadrant]} · ${L.effort}: ${LEVEL_LABELS[data.lang][s.effort]} (~${s.personDays} ${L.personDays}) · ${L.benefit}: ${LEVEL_LABELS[data.lang][s.benefit]}` +
        (s.planItem ? ` · ${L.inPlan}: ${STATUS_LABELS[data.lang][s.planItem.status]}` : ''),
    );
    const reason = pdfText(s.reason[data.lang]);
    doc.font('Helvetica-Bold').fontSize(10.5);
    const h = doc.heightOfString(title, { width: WIDTH }) + 30 + Math.min(60, doc.font('Helvetica').fontSize(9).heightOfString(reason, { width: WIDTH }));
    ensureSpace(doc, h);
    doc.font('Helvetica-Bold').fontSize(10.5).fillColor('#212529').text(title, PAGE.margin, doc.y, { width: WIDTH });
    doc.font('Helvetica').fontSize(8.5).fillColor('#1c5d99').text(meta, { width: WIDTH });
    doc.font('Helvetica').fontSize(9).fillColor('#343a40').text(reason, { width: WIDTH });
    doc.moveDown(0.7);
  });
}
