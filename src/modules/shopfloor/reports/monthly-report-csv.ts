import type { OrderKpiRow, ProductionKpiRow } from '../domain/kpis.js';
import { MONTHLY_REPORT_LABELS } from './monthly-report-labels.js';
import { formatDateTime } from './kpi-format.js';
import type { MonthlyReportData } from './monthly-report.service.js';
import type { Locale as Lang } from '../../../kernel/i18n/server-messages.js';

/**
 * The monthly report as one CSV table for spreadsheets (UTF-8 with BOM, CRLF). German: separator ";"
 * and decimal comma, as German spreadsheet programs open it directly; English: "," and decimal point.
 * Percentages are numbers of percent, times hours, lead times days; an empty cell is a figure that
 * cannot be computed. Each line has a level: month, work centre, shift, work centre and shift, day.
 */
export function monthlyReportCsv(data: MonthlyReportData): string {
  const { lang } = data;
  const L = MONTHLY_REPORT_LABELS[lang];
  const sep = lang === 'de' ? ';' : ',';
  const num = (v: number | null, digits: number) => (v === null ? '' : (lang === 'de' ? v.toFixed(digits).replace('.', ',') : v.toFixed(digits)));
  const pct = (v: number | null) => num(v === null ? null : v * 100, 1);
  const hours = (ms: number) => num(ms / 3_600_000, 2);
  const days = (ms: number | null) => num(ms === null ? null : ms / 86_400_000, 2);
  const cell = (value: string) => {
    let text = value;
    // A leading = + - @ would make a spreadsheet run the cell as a formula.
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return text.includes(sep) || /["\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
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
  const lines: string[][] = [header];
  const line = (level: string, r: ProductionKpiRow | null, where: { wc?: string | null; shift?: string | null; day?: string }, orders?: OrderKpiRow) => {
    const wc = where.wc ? centres.get(where.wc) : undefined;
    lines.push([
      level, wc?.code ?? '', wc?.name ?? '', where.shift === undefined ? '' : (where.shift ?? L.outsideShifts), where.day ?? '',
      r ? hours(r.plannedProductionMs) : '', r ? hours(r.runMs) : '', r ? hours(r.totalRunMs) : '', r ? hours(r.calendarMs) : '',
      r ? String(r.good) : '', r ? String(r.scrap) : '',
      r ? pct(r.availability) : '', r ? pct(r.performance) : '', r ? (r.performanceAboveIdeal ? yes : no) : '', r ? pct(r.quality) : '', r ? pct(r.oee) : '',
      r ? pct(r.scrapRate) : '', r ? pct(r.utilisation) : '',
      orders ? String(orders.finished) : '', orders ? days(orders.averageLeadTimeMs) : '', orders ? days(orders.medianLeadTimeMs) : '', orders ? pct(orders.onTimeDelivery) : '',
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

  return `\uFEFF${lines.map((l) => l.map(cell).join(sep)).join('\r\n')}\r\n`;
}

export const csvSeparator = (lang: Lang) => (lang === 'de' ? ';' : ',');
