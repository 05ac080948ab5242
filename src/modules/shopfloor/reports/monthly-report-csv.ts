import type { ProductionKpiRow } from '../domain/kpis.js';
import type { OrderKpiRow } from '../domain/order-kpis.js';
import { MONTHLY_REPORT_LABELS } from './monthly-report-labels.js';
import { formatDateTime } from './kpi-format.js';
import type { MonthlyReportData } from './monthly-report.service.js';
import { type Cell, type Table, csvFormat, fixed, toCsv, writeXlsx } from '../../../kernel/tabular/index.js';

/**
 * The monthly report as one CSV table for spreadsheets (UTF-8 with BOM, CRLF). German: separator ";"
 * and decimal comma, as German spreadsheet programs open it directly; English: "," and decimal point.
 * Percentages are numbers of percent, times hours, lead times days; an empty cell is a figure that
 * cannot be computed. Each line has a level: month, work centre, shift, work centre and shift, day.
 */
export function monthlyReportCsv(data: MonthlyReportData): string {
  return toCsv(monthlyReportTable(data), csvFormat(data.lang));
}

/** The same table as an XLSX workbook, figures as numbers. */
export function monthlyReportXlsx(data: MonthlyReportData): Promise<Buffer> {
  return writeXlsx([{ name: data.month, ...monthlyReportTable(data) }], data.lang);
}

function monthlyReportTable(data: MonthlyReportData): Table {
  const { lang } = data;
  const L = MONTHLY_REPORT_LABELS[lang];
  const pct = (v: number | null) => fixed(v === null ? null : v * 100, 1);
  const hours = (ms: number) => fixed(ms / 3_600_000, 2);
  const days = (ms: number | null) => fixed(ms === null ? null : ms / 86_400_000, 2);
  const yes = lang === 'de' ? 'ja' : 'yes';
  const no = lang === 'de' ? 'nein' : 'no';

  const header = [
    L.csv.level, L.csv.workCentre, L.csv.workCentreName, L.csv.shift, L.csv.day,
    L.plannedHours, L.runHours, L.totalRunHours, L.calendarHours, L.good, L.scrap,
    `${L.availability} (%)`, `${L.performance} (%)`, lang === 'de' ? 'Leistung über 100 %' : 'performance above 100 %', `${L.quality} (%)`, `${L.oee} (%)`,
    `${L.scrapRate} (%)`, `${L.utilisation} (%)`,
    L.finishedOrders, `${L.averageLeadTime} (${L.days})`, `${L.medianLeadTime} (${L.days})`, `${L.onTimeDelivery} (%)`,
  ];
  const centres = new Map(data.workCentres.map((w) => [w.id, w]));
  const lines: Cell[][] = [];
  const line = (level: string, r: ProductionKpiRow | null, where: { wc?: string | null; shift?: string | null; day?: string }, orders?: OrderKpiRow) => {
    const wc = where.wc ? centres.get(where.wc) : undefined;
    lines.push([
      level, wc?.code ?? null, wc?.name ?? null, where.shift === undefined ? null : (where.shift ?? L.outsideShifts), where.day ?? null,
      r ? hours(r.plannedProductionMs) : null, r ? hours(r.runMs) : null, r ? hours(r.totalRunMs) : null, r ? hours(r.calendarMs) : null,
      r ? r.good : null, r ? r.scrap : null,
      r ? pct(r.availability) : null, r ? pct(r.performance) : null, r ? (r.performanceAboveIdeal ? yes : no) : null, r ? pct(r.quality) : null, r ? pct(r.oee) : null,
      r ? pct(r.scrapRate) : null, r ? pct(r.utilisation) : null,
      orders ? orders.finished : null, orders ? days(orders.averageLeadTimeMs) : null, orders ? days(orders.medianLeadTimeMs) : null, orders ? pct(orders.onTimeDelivery) : null,
    ]);
  };

  const { byDay, byShift } = data;
  const totalLevel = byDay.period.running ? L.runningLevel(formatDateTime(data.lang, new Date(byDay.period.measuredUntil), data.timeZone)) : L.csv.levels.total;
  line(totalLevel, byDay.total, { day: undefined }, byDay.orders.total);
  for (const r of byDay.workCentres) line(L.csv.levels.workCentre, r, { wc: r.workCentreId });
  for (const r of byShift.overall) line(L.csv.levels.shift, r, { shift: r.shift });
  for (const r of byShift.rows) line(L.csv.levels.workCentreShift, r, { wc: r.workCentreId, shift: r.shift });
  const ordersByDay = new Map(byDay.orders.rows.map((o) => [o.day, o]));
  for (const r of byDay.overall) line(L.csv.levels.day, r, { day: r.day }, ordersByDay.get(r.day) ?? { finished: 0, averageLeadTimeMs: null, medianLeadTimeMs: null, withDueDate: 0, onTime: 0, onTimeDelivery: null });

  return { header, rows: lines };
}
