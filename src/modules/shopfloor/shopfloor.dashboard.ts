import { DateTime } from 'luxon';
import type { DashboardDeclaration } from '../../kernel/dashboard/dashboard-types.js';
import { controlling } from './controlling.service.js';
import { orderFacts } from './controlling-facts.store.js';
import * as store from './shopfloor.store.js';

/**
 * This month's OEE and on-time delivery so far (the controlling's running period, measured up to
 * now), and the orders past their due date.
 */
export const shopfloorDashboard: DashboardDeclaration = {
  tiles: [
    {
      id: 'month',
      permission: 'shopfloor.read',
      async load(ctx) {
        const centres = await store.listWorkCentres(ctx.db, ctx.tenant.tenantId);
        if (centres.length === 0) return { state: 'empty', link: '/shopfloor/work-centres', figures: [] };
        const today = DateTime.fromJSDate(ctx.now, { zone: ctx.timeZone });
        const from = today.startOf('month').toISODate()!;
        const to = today.endOf('month').toISODate()!;
        const report = await controlling(ctx, { from, to, groupBy: 'month', timeZone: ctx.timeZone }, ctx.now.getTime());
        return {
          state: 'ok',
          link: '/shopfloor/controlling',
          figures: [
            { id: 'oee', value: report.total?.oee ?? null, format: 'percent', digits: 1 },
            { id: 'onTime', value: report.orders.total?.onTimeDelivery ?? null, format: 'percent' },
            { id: 'finished', value: report.orders.total?.finished ?? 0, format: 'number' },
            { id: 'measuredUntil', value: report.period.measuredUntil, format: 'dateTime' },
          ],
        };
      },
    },
    {
      id: 'lateOrders',
      permission: 'shopfloor.read',
      async load(ctx) {
        const orders = await store.listOrders(ctx.db, ctx.tenant.tenantId);
        if (orders.length === 0) return { state: 'empty', link: '/shopfloor', figures: [] };
        const finished = new Set((await orderFacts(ctx.db, ctx.tenant.tenantId)).filter((o) => o.finishedAt !== null).map((o) => o.id));
        const today = DateTime.fromJSDate(ctx.now, { zone: ctx.timeZone }).toISODate()!;
        const late = orders
          .filter((o) => o.dueDate !== null && o.dueDate < today && !finished.has(o.id))
          .sort((a, b) => (a.dueDate! < b.dueDate! ? -1 : a.dueDate! > b.dueDate! ? 1 : a.number.localeCompare(b.number)));
        const open = orders.filter((o) => !finished.has(o.id)).length;
        return {
          state: late.length > 0 ? 'attention' : 'ok',
          link: '/shopfloor',
          figures: [
            { id: 'late', value: late.length, format: 'number' },
            { id: 'open', value: open, format: 'number' },
          ],
          entries: late.slice(0, 5).map((o) => ({ label: `${o.number} · ${o.partNumber}`, link: `/shopfloor/orders/${o.id}`, figure: { id: 'due', value: o.dueDate, format: 'date' } })),
          ...(late.length > 0 ? { next: { link: '/shopfloor', count: late.length, priority: 3 } } : {}),
        };
      },
    },
  ],
};
