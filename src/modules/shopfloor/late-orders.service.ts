import { sql } from 'kysely';
import { DateTime } from 'luxon';
import { DASHBOARD_TIME_ZONE } from '../../kernel/dashboard/dashboard.service.js';
import type { Db } from '../../kernel/db/database.js';
import { translate } from '../../kernel/i18n/server-messages.js';
import type { NotificationProvider } from '../../kernel/notifications/notification-provider.js';
import { operationStates } from './bookings.service.js';

const isoDay = (d: Date | string) => (typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

/**
 * Production orders past their due day that are not finished, the longest overdue first. An order
 * is finished when every operation is (the bookings replayed as everywhere else); the SQL keeps only
 * orders with an operation that has no applied finish booking (index
 * `shopfloor_bookings_operation`), so finished history is not replayed.
 */
export async function lateOrders(db: Db, tenantId: string, today: string, limit?: number) {
  const candidates = await db
    .selectFrom('shopfloor_orders as o')
    .innerJoin('shopfloor_parts as p', (j) => j.onRef('p.tenant_id', '=', 'o.tenant_id').onRef('p.id', '=', 'o.part_id'))
    .select(['o.id', 'o.number', 'o.due_date', 'p.number as part_number', 'p.name as part_name'])
    .where('o.tenant_id', '=', tenantId)
    .where('o.due_date', '<', sql<Date>`${today}::date`)
    .where(({ exists, selectFrom }) => exists(
      selectFrom('shopfloor_order_operations as op')
        .select(sql`1`.as('one'))
        .whereRef('op.tenant_id', '=', 'o.tenant_id')
        .whereRef('op.order_id', '=', 'o.id')
        .where(({ not, exists: has, selectFrom: from }) => not(has(
          from('shopfloor_bookings as b')
            .select(sql`1`.as('one'))
            .whereRef('b.tenant_id', '=', 'op.tenant_id')
            .whereRef('b.operation_id', '=', 'op.id')
            .where('b.kind', '=', 'finish')
            .where('b.status', '=', 'applied'),
        ))),
    ))
    .orderBy('o.due_date')
    .orderBy('o.number')
    .$if(limit !== undefined, (q) => q.limit(limit! * 2))
    .execute();
  if (candidates.length === 0) return [];
  const operations = await db
    .selectFrom('shopfloor_order_operations')
    .select(['id', 'order_id'])
    .where('tenant_id', '=', tenantId)
    .where('order_id', 'in', candidates.map((c) => c.id))
    .execute();
  const states = await operationStates(db, tenantId, operations.map((o) => o.id));
  const unfinished = new Set(operations.filter((op) => states.get(op.id)?.status !== 'finished').map((op) => op.order_id));
  return candidates.filter((c) => unfinished.has(c.id)).slice(0, limit ?? candidates.length).map((c) => ({ ...c, due_date: isoDay(c.due_date as Date | string) }));
}

/** The shop floor's part of the notification centre: late production orders. */
export const shopfloorNotifications: NotificationProvider = {
  permission: 'shopfloor.read',
  kinds: { lateOrder: { de: 'Verspäteter Auftrag', en: 'Late order' } },
  async list(db, { tenantId, now, limit, locale }) {
    // the day as the home page counts it (late = due before today there)
    const orders = await lateOrders(db, tenantId, DateTime.fromJSDate(now, { zone: DASHBOARD_TIME_ZONE }).toISODate()!, limit);
    return orders.map((o) => ({
      key: `late-order:${o.id}`,
      kind: 'lateOrder',
      severity: 'warning' as const,
      title: o.number,
      subtitle: translate(locale, 'shopfloorSearch.part', { number: o.part_number, name: o.part_name }),
      at: o.due_date,
      atMeaning: 'due' as const,
      path: `/shopfloor/orders/${o.id}`,
    }));
  },
};
