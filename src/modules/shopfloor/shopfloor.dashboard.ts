import { DateTime } from 'luxon';
import type { DashboardDeclaration } from '../../kernel/dashboard/dashboard-types.js';
import { controlling } from './controlling.service.js';
import { lateOrders } from './late-orders.service.js';
import { searchOrders } from './order-list.service.js';
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
        // the open orders as the order list counts them, the late ones as the notification centre names them
        const { counts } = await searchOrders(ctx, { state: 'open', sort: 'due', limit: 1, offset: 0 });
        const open = counts.planned + counts.active;
        if (open + counts.finished === 0) return { state: 'empty', link: '/shopfloor', figures: [] };
        const late = await lateOrders(ctx.db, ctx.tenant.tenantId, DateTime.fromJSDate(ctx.now, { zone: ctx.timeZone }).toISODate()!);
        return {
          state: late.length > 0 ? 'attention' : 'ok',
          link: '/shopfloor',
          figures: [
            { id: 'late', value: late.length, format: 'number' },
            { id: 'open', value: open, format: 'number' },
          ],
          entries: late.slice(0, 5).map((o) => ({ label: `${o.number} · ${o.part_number}`, link: `/shopfloor/orders/${o.id}`, figure: { id: 'due', value: o.due_date, format: 'date' } })),
          ...(late.length > 0 ? { next: { link: '/shopfloor', count: late.length, priority: 3 } } : {}),
        };
      },
    },
  ],
};
