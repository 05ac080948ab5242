import { inTransaction } from '../../kernel/db/transaction.js';
import { lockCompanyBookings, operationStates } from './bookings.service.js';
import { orderStateOf } from './domain/order-state.js';
import * as stateStore from './order-states.store.js';
import type { OrderSearchQuery, OrderSearchResult } from './schemas.js';
import { type ShopfloorContext, withProgress } from './shopfloor.service.js';
import * as store from './shopfloor.store.js';

const FILL_BATCH = 500;

/**
 * The order list, filtered, counted and paged on the server. Each order's state is kept in
 * `shopfloor_order_states` (forgotten by triggers when its bookings change) and computed here for
 * the orders that have none; the company's bookings are held still meanwhile, so a state is never
 * computed from bookings that change before it is stored.
 */
export async function searchOrders(ctx: ShopfloorContext, query: OrderSearchQuery): Promise<OrderSearchResult> {
  const tenantId = ctx.tenant.tenantId;
  return inTransaction(ctx.db, async (tx) => {
    await lockCompanyBookings(tx, tenantId);
    for (;;) {
      const missing = await stateStore.ordersWithoutState(tx, tenantId, FILL_BATCH);
      if (missing.length === 0) break;
      const progress = await operationStates(tx, tenantId, missing.flatMap((o) => o.operationIds));
      await stateStore.storeOrderStates(tx, tenantId, missing.map((o) => ({
        orderId: o.id,
        ...orderStateOf(o.operationIds.map((id) => ({ status: progress.get(id)?.status ?? 'planned', finishedAt: progress.get(id)?.finishedAt ?? null }))),
      })));
      if (missing.length < FILL_BATCH) break;
    }
    const { ids, total, counts } = await stateStore.pageOrderIds(tx, tenantId, query);
    const position = new Map(ids.map((id, i) => [id, i]));
    const orders = (await withProgress({ ...ctx, db: tx }, await store.listOrders(tx, tenantId, ids)))
      .sort((a, b) => position.get(a.id)! - position.get(b.id)!);
    const items = orders.map((o) => ({
      ...o,
      state: orderStateOf(o.operations.map((op) => ({ status: op.status, finishedAt: op.status === 'finished' ? 0 : null }))).state,
    }));
    return { items, total, counts };
  });
}
