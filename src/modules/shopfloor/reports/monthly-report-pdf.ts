import { type Column, type Doc, createPdfDocument, drawChart, ensureSpace, finishPdf, heading, pageFrame, pdfText, table } from '../../../kernel/pdf/index.js';
import type { ProductionKpiRow } from '../domain/kpis.js';
import { KPI_COLORS, kpiChartOption } from './kpi-charts.js';
import { emptyReason, formatDate, formatDateTime, formatDay, formatDays, formatHours, formatNumber, formatPercent, monthName } from './kpi-format.js';
import { MONTHLY_REPORT_LABELS } from './monthly-report-labels.js';
import type { MonthlyReportData } from './monthly-report.service.js';

const PAGE = pageFrame(45);
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;

/** The monthly controlling report as a PDF (A4, page numbers, German or English). */
export function renderMonthlyReportPdf(data: MonthlyReportData): Promise<Buffer> {
  const { lang } = data;
  const L = MONTHLY_REPORT_LABELS[lang];
  const month = monthName(lang, data.month);
  const { doc, done } = createPdfDocument({ margin: PAGE.margin,  title: `${L.title} ${month} – ${data.company}`, subject: L.subtitle, lang });
  const pct = (v: number | null) => formatPercent(lang, v);
  const perf = (r: Pick<ProductionKpiRow, 'performance' | 'performanceAboveIdeal'>) => `${pct(r.performance)}${r.performanceAboveIdeal ? ' *' : ''}`;
  const names = new Map(data.workCentres.map((w) => [w.id, `${w.code} – ${w.name}`]));

  const C = L.columns;
  const kpiColumns = (first: string): Column[] => [
    { header: first, width: 97 },
    { header: C.planned, width: 44, align: 'right' },
    { header: C.run, width: 44, align: 'right' },
    { header: C.good, width: 40, align: 'right' },
    { header: C.scrap, width: 38, align: 'right' },
    { header: C.availability, width: 40, align: 'right' },
    { header: C.performance, width: 42, align: 'right' },
    { header: C.quality, width: 40, align: 'right' },
    { header: C.oee, width: 38, align: 'right' },
    { header: C.scrapRate, width: 40, align: 'right' },
    { header: C.utilisation, width: 42, align: 'right' },
  ];
  const kpiCells = (label: string, r: ProductionKpiRow) => [
    label, formatHours(lang, r.plannedProductionMs), formatHours(lang, r.runMs), formatNumber(lang, r.good), formatNumber(lang, r.scrap),
    pct(r.availability), perf(r), pct(r.quality), pct(r.oee), pct(r.scrapRate), pct(r.utilisation),
  ];
  const aboveIdealNote = (rows: ProductionKpiRow[]) => {
    if (!rows.some((r) => r.performanceAboveIdeal)) return;
    doc.font('Helvetica').fontSize(7.5).fillColor('#a61e4d').text(pdfText(`* ${L.aboveIdeal}`), PAGE.margin, doc.y, { width: CONTENT_WIDTH });
    doc.fillColor('#212529').moveDown(0.6);
  };
  const chart = (categories: string[], rows: ProductionKpiRow[], bars: boolean, height: number, rotate = 0) => {
    ensureSpace(doc, height + 10);
    const series = bars
      ? (['availability', 'performance', 'quality', 'oee'] as const).map((k) => ({ name: L[k], values: rows.map((r) => r[k]), color: KPI_COLORS[k], type: 'bar' as const }))
      : [
          { name: L.oee, values: rows.map((r) => r.oee), color: KPI_COLORS.oee, type: 'bar' as const },
          ...(['availability', 'performance', 'quality'] as const).map((k) => ({ name: L[k], values: rows.map((r) => r[k]), color: KPI_COLORS[k], type: 'line' as const })),
        ];
    drawChart(doc, kpiChartOption(categories, series, rotate, (v) => `${formatNumber(lang, v)} %`), height);
  };

  // ---------------------------------------------------------------- title and totals
  doc.font('Helvetica-Bold').fontSize(20).fillColor('#1c5d99').text(pdfText(L.title));
  doc.moveDown(0.2).font('Helvetica-Bold').fontSize(13).fillColor('#212529').text(pdfText(`${data.company} · ${month}`));
  doc.moveDown(0.2).font('Helvetica').fontSize(9).fillColor('#495057')
    .text(pdfText(`${L.subtitle}. ${L.createdAt} ${formatDate(lang, data.createdAt)} · ${L.timeZone} ${data.timeZone}`));
  if (data.byDay.period.running) {
    doc.moveDown(0.3).font('Helvetica-Bold').fontSize(10).fillColor('#862e9c')
      .text(pdfText(L.running(formatDateTime(lang, new Date(data.byDay.period.measuredUntil), data.timeZone))));
  }
  doc.moveDown(1);

  const total = data.byDay.total;
  const orders = data.byDay.orders.total;
  heading(doc, L.totals, L.totalsNote);
  const totalRows: string[][] = [];
  if (total) {
    totalRows.push(
      [L.plannedHours, formatHours(lang, total.plannedProductionMs), ''],
      [L.runHours, formatHours(lang, total.runMs), ''],
      [L.totalRunHours, formatHours(lang, total.totalRunMs), ''],
      [L.calendarHours, formatHours(lang, total.calendarMs), ''],
      [L.good, formatNumber(lang, total.good), ''],
      [L.scrap, formatNumber(lang, total.scrap), ''],
    );
    for (const k of ['availability', 'performance', 'quality', 'oee', 'scrapRate', 'utilisation'] as const) {
      const note = emptyReason(total, k, L) ?? (k === 'performance' && total.performanceAboveIdeal ? L.aboveIdeal : '');
      totalRows.push([L[k], k === 'performance' ? perf(total) : pct(total[k]), note]);
    }
  }
  totalRows.push(
    [L.finishedOrders, formatNumber(lang, orders.finished), ''],
    [L.averageLeadTime, formatDays(lang, orders.averageLeadTimeMs, L), orders.finished === 0 ? L.empty.noOrders : ''],
    [L.medianLeadTime, formatDays(lang, orders.medianLeadTimeMs, L), orders.finished === 0 ? L.empty.noOrders : ''],
    [L.onTimeDelivery, pct(orders.onTimeDelivery), orders.onTimeDelivery === null ? L.empty.noDueDate : L.onTimeOf(orders.onTime, orders.withDueDate)],
  );
  table(doc, [{ header: L.figure, width: 200 }, { header: L.value, width: 80, align: 'right' }, { header: L.note, width: CONTENT_WIDTH - 280 }], totalRows, { fontSize: 8.5 });

  // ---------------------------------------------------------------- per day
  const days = data.byDay.overall;
  ensureSpace(doc, 260);
  heading(doc, L.perDay, L.perDayNote);
  chart(days.map((r) => formatDay(lang, r.day as string).replace(/,/g, '')), days, false, 210, 60);

  // ---------------------------------------------------------------- per work centre
  doc.addPage();
  heading(doc, L.perWorkCentre, L.perWorkCentreNote);
  const centres = data.byDay.workCentres;
  if (centres.length === 0) {
    doc.font('Helvetica').fontSize(9).text(pdfText(L.noWorkCentres)).moveDown();
  } else {
    chart(centres.map((r) => r.workCentreCode ?? ''), centres, true, 190, centres.length > 8 ? 45 : 0);
    table(doc, kpiColumns(L.workCentre), centres.map((r) => kpiCells(names.get(r.workCentreId as string) ?? r.workCentreCode ?? '', r)), { fontSize: 7 });
    aboveIdealNote(centres);
  }

  // ---------------------------------------------------------------- per shift
  ensureSpace(doc, 120);
  heading(doc, L.perShift, L.perShiftNote);
  const shiftLabel = (s: string | null | undefined) => (s === null || s === undefined ? L.outsideShifts : s);
  table(doc, kpiColumns(L.shift), data.byShift.overall.map((r) => kpiCells(shiftLabel(r.shift), r)), { fontSize: 7 });
  aboveIdealNote(data.byShift.overall);
  if (data.byShift.rows.length > 0) {
    table(doc, kpiColumns(`${L.workCentre} · ${L.shift}`), data.byShift.rows.map((r) => kpiCells(`${r.workCentreCode ?? ''} · ${shiftLabel(r.shift)}`, r)), { fontSize: 7 });
    aboveIdealNote(data.byShift.rows);
  }

  // ---------------------------------------------------------------- per day (table) and orders
  doc.addPage();
  heading(doc, L.perDay, L.perDayNote);
  table(doc, kpiColumns(L.day), days.map((r) => kpiCells(formatDay(lang, r.day as string), r)), { fontSize: 7 });
  aboveIdealNote(days);

  ensureSpace(doc, 100);
  heading(doc, L.orders, L.ordersNote);
  const orderRows = data.byDay.orders.rows;
  if (orderRows.length === 0) {
    doc.font('Helvetica').fontSize(9).text(pdfText(L.noOrders)).moveDown();
  } else {
    table(doc, [
      { header: L.day, width: 105 },
      { header: L.finishedOrders, width: 100, align: 'right' },
      { header: L.averageLeadTime, width: 100, align: 'right' },
      { header: L.medianLeadTime, width: 100, align: 'right' },
      { header: L.onTimeDelivery, width: 100, align: 'right' },
    ], [
      ...orderRows.map((r) => [formatDay(lang, r.day as string), formatNumber(lang, r.finished), formatDays(lang, r.averageLeadTimeMs, L), formatDays(lang, r.medianLeadTimeMs, L), pct(r.onTimeDelivery)]),
      [L.totals, formatNumber(lang, orders.finished), formatDays(lang, orders.averageLeadTimeMs, L), formatDays(lang, orders.medianLeadTimeMs, L), pct(orders.onTimeDelivery)],
    ], { fontSize: 8, bold: (i) => i === orderRows.length });
  }

  // ---------------------------------------------------------------- appendix
  doc.addPage();
  heading(doc, L.definitions, L.definitionsNote);
  for (const [term, definition] of L.terms) {
    ensureSpace(doc, 40);
    doc.font('Helvetica-Bold').fontSize(9.5).fillColor('#212529').text(pdfText(term), PAGE.margin, doc.y, { width: CONTENT_WIDTH });
    doc.font('Helvetica').fontSize(9).fillColor('#343a40').text(pdfText(definition), PAGE.margin, doc.y, { width: CONTENT_WIDTH });
    doc.moveDown(0.6);
  }

  finishPdf(doc, `${data.company} · ${L.title} · ${month}`, L.page);
  return done();
}

export type { Doc };
