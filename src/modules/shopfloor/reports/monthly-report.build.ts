import type { MonthlyReportQuery } from '../controlling.schemas.js';
import type { ShopfloorContext } from '../shopfloor.service.js';
import { monthlyReportCsv, monthlyReportXlsx } from './monthly-report-csv.js';
import { renderMonthlyReportPdf } from './monthly-report-pdf.js';
import { monthlyReportData } from './monthly-report.service.js';

export async function buildMonthlyReportPdf(ctx: ShopfloorContext, query: MonthlyReportQuery, lang: 'de' | 'en'): Promise<Buffer> {
  return renderMonthlyReportPdf(await monthlyReportData(ctx, query, lang));
}

export async function buildMonthlyReportCsv(ctx: ShopfloorContext, query: MonthlyReportQuery, lang: 'de' | 'en'): Promise<string> {
  return monthlyReportCsv(await monthlyReportData(ctx, query, lang));
}

export async function buildMonthlyReportXlsx(ctx: ShopfloorContext, query: MonthlyReportQuery, lang: 'de' | 'en'): Promise<Buffer> {
  return monthlyReportXlsx(await monthlyReportData(ctx, query, lang));
}
