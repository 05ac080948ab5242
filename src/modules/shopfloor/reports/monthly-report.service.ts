import { DateTime } from 'luxon';
import { ProblemError } from '../../../kernel/http/problem.js';
import { translate } from '../../../kernel/i18n/server-messages.js';
import { getCompany } from '../../../kernel/tenancy/company-store.js';
import { controlling } from '../controlling.service.js';
import type { MonthlyReportQuery } from '../controlling.schemas.js';
import type { ShopfloorContext } from '../shopfloor.service.js';
import * as store from '../shopfloor.store.js';
import type { Locale as Lang } from '../../../kernel/i18n/server-messages.js';

export type ControllingAnswer = Awaited<ReturnType<typeof controlling>>;

export interface MonthlyReportData {
  lang: Lang;
  createdAt: Date;
  company: string;
  /** YYYY-MM */
  month: string;
  timeZone: string;
  workCentres: Array<{ id: string; code: string; name: string }>;
  /** Figures per work centre and day, per day over all work centres, per work centre, total, orders by day. */
  byDay: ControllingAnswer;
  /** Figures per work centre and shift and per shift over all work centres. */
  byShift: ControllingAnswer;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The local dates of a month "YYYY-MM"; anything else is refused with a translated message. */
export function monthRange(month: string | undefined, locale: Lang): { from: string; to: string } {
  if (month === undefined || !MONTH.test(month) || Number(month.slice(0, 4)) < 2000 || Number(month.slice(0, 4)) > 2100) {
    const value = month ?? '';
    throw new ProblemError(400, 'shopfloor_month_invalid', { value }, {
      errors: [{ path: 'querystring.month', message: translate(locale, 'errors.shopfloor_month_invalid', { value }) }],
    });
  }
  const first = DateTime.fromISO(`${month}-01`, { zone: 'UTC' });
  return { from: first.toISODate() as string, to: first.endOf('month').toISODate() as string };
}

export async function monthlyReportData(ctx: ShopfloorContext, query: MonthlyReportQuery, lang: Lang): Promise<MonthlyReportData> {
  const { from, to } = monthRange(query.month, ctx.locale ?? lang);
  const base = { from, to, timeZone: query.timeZone };
  const [company, centres, byDay, byShift] = await Promise.all([
    getCompany(ctx.db, ctx.tenant.tenantId),
    store.listWorkCentres(ctx.db, ctx.tenant.tenantId),
    controlling(ctx, { ...base, groupBy: 'day' }),
    controlling(ctx, { ...base, groupBy: 'shift' }),
  ]);
  return {
    lang,
    createdAt: new Date(),
    company: company?.name ?? '',
    month: query.month as string,
    timeZone: query.timeZone,
    workCentres: centres.map((c) => ({ id: c.id, code: c.code, name: c.name })),
    byDay,
    byShift,
  };
}
