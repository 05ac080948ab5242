import type { ProductionKpiRow } from '../domain/kpis.js';
import type { MonthlyReportLabels } from './monthly-report-labels.js';
import type { Locale as Lang } from '../../../kernel/i18n/server-messages.js';

const locale = (lang: Lang) => (lang === 'en' ? 'en-GB' : 'de-DE');

export const formatNumber = (lang: Lang, value: number, digits = 0) =>
  new Intl.NumberFormat(locale(lang), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);

export const formatPercent = (lang: Lang, fraction: number | null) =>
  fraction === null ? '–' : new Intl.NumberFormat(locale(lang), { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(fraction);

export const formatHours = (lang: Lang, ms: number) => formatNumber(lang, ms / 3_600_000, 1);

/** Lead times in days with one decimal (production orders run for days, not hours). */
export const formatDays = (lang: Lang, ms: number | null, L: MonthlyReportLabels) =>
  ms === null ? '–' : `${formatNumber(lang, ms / 86_400_000, 1)} ${L.days}`;

export type RatioFigure = 'availability' | 'performance' | 'quality' | 'oee' | 'scrapRate' | 'utilisation';

/** Why a figure is empty, in words; null when it has a value. */
export function emptyReason(row: Pick<ProductionKpiRow, RatioFigure | 'plannedProductionMs' | 'runMs'>, figure: RatioFigure, L: MonthlyReportLabels): string | null {
  if (row[figure] !== null) return null;
  switch (figure) {
    case 'availability':
    case 'oee':
    case 'utilisation':
      return L.empty.noPlan;
    case 'performance':
      return row.plannedProductionMs === 0 ? L.empty.noPlan : L.empty.noRun;
    case 'quality':
    case 'scrapRate':
      return L.empty.noQuantity;
  }
}

export const monthName = (lang: Lang, month: string) =>
  new Intl.DateTimeFormat(locale(lang), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-15T12:00:00Z`));

export const formatDay = (lang: Lang, day: string) =>
  new Intl.DateTimeFormat(locale(lang), { weekday: 'short', day: '2-digit', month: '2-digit', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));

export const formatDate = (lang: Lang, d: Date) =>
  new Intl.DateTimeFormat(locale(lang), { dateStyle: 'long', timeZone: 'Europe/Berlin' }).format(d);

/** Date and time in the report's time zone, e.g. "7. Dezember 2026, 09:30". */
export const formatDateTime = (lang: Lang, d: Date, timeZone: string) =>
  new Intl.DateTimeFormat(locale(lang), { dateStyle: 'long', timeStyle: 'short', timeZone }).format(d);
