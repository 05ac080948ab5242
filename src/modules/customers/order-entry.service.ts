import { writeAudit } from '../../kernel/audit/audit-log.js';
import { inTransaction } from '../../kernel/db/transaction.js';
import { uuidv7 } from '../../kernel/db/uuid-v7.js';
import { notFound, ProblemError, unknownReference } from '../../kernel/http/problem.js';
import { emitEvent } from '../../kernel/webhooks/index.js';
import { productionOrdersByIds } from '../shopfloor/index.js';
import * as store from './customer-orders.store.js';
import { orderDetail } from './customer-orders.service.js';
import { writable, type CustomersContext } from './customers.service.js';
import { QUANTITY_SCALE } from './domain/money.js';
import type { NewOrderBody } from './order-entry.schemas.js';
import { nextYearlyNumber, positionRows } from './quotes.service.js';

/**
 * A customer order taken without a quote (a repeat order by phone, an order by e-mail): the same
 * positions as a quote (a Shop floor part or a free text), numbered 10, 20, 30 …; a part position
 * in whole pieces can get production orders, as in an order from a quote.
 */
export async function enterOrder(ctx: CustomersContext, body: NewOrderBody) {
  const { tenantId, userId } = ctx.tenant;
  return inTransaction(ctx.db, async (tx) => {
    const customer = await writable(tx, tenantId, body.customerId).catch((error: unknown) => {
      if (error instanceof ProblemError && error.status === 404) throw unknownReference('body.customerId');
      throw error;
    });
    const rows = await positionRows(tx, tenantId, body.positions);
    const id = uuidv7();
    const number = await nextYearlyNumber(tx, tenantId, 'order', 'AB');
    const positions = rows.map((r, i) => ({
      id: uuidv7(),
      orderId: id,
      number: (i + 1) * 10,
      partId: r.partId,
      text: r.text,
      quantityMilli: r.quantityMilli,
      unitPriceCents: r.unitPriceCents,
      discountBasisPoints: r.discountBasisPoints,
      vatBasisPoints: r.vatBasisPoints,
      promisedDate: r.deliveryDate,
      producible: r.partId !== null && r.quantityMilli % QUANTITY_SCALE === 0,
      source: null,
    }));
    await store.insertOrder(tx, tenantId, { id, number, customerId: customer.id, quoteId: null, quoteVersion: null, customerReference: body.customerReference, currency: body.currency, createdBy: userId }, positions);
    await writeAudit(tx, { tenantId, actorId: userId, action: 'customers.order_entered', target: id, details: { number, customer: customer.number } });
    await emitEvent(tx, tenantId, {
      type: 'customers.order.created',
      payload: {
        order: { id, number, state: 'open', currency: body.currency, customerReference: body.customerReference, quote: null },
        customer: { id: customer.id, number: customer.number },
        positions: positions.map((p) => ({ number: p.number, partId: p.partId, quantityMilli: p.quantityMilli, promisedDate: p.promisedDate })),
      },
    });
    return orderDetail(ctx.tenant, tx, id);
  });
}

/**
 * Cancels an order that has not been delivered from, with the reason. Its production orders are
 * Shop floor's and stay as they are: the answer names the ones not finished, so they can be
 * stopped there (a part already made may still be wanted by someone else).
 */
export async function cancelOrder(ctx: CustomersContext, id: string, reason: string) {
  const { tenantId, userId } = ctx.tenant;
  return inTransaction(ctx.db, async (tx) => {
    await store.lockOrder(tx, tenantId, id);
    const order = await store.findOrder(tx, tenantId, id);
    if (!order) throw notFound('customer order');
    if (order.state === 'cancelled') throw new ProblemError(409, 'customers_order_already_cancelled', { number: order.number });
    if (order.state === 'partly-delivered' || order.state === 'delivered') throw new ProblemError(409, 'customers_order_delivered', { number: order.number });
    await store.setOrderState(tx, tenantId, id, 'cancelled');
    await store.markCancelled(tx, tenantId, id, userId, reason);
    await writeAudit(tx, { tenantId, actorId: userId, action: 'customers.order_cancelled', target: id, details: { number: order.number, reason } });
    const links = await store.productionLinks(tx, tenantId, (await store.orderPositions(tx, tenantId, id)).map((p) => p.id));
    const running = (await productionOrdersByIds(tx, ctx.tenant, links.map((l) => l.productionOrderId))).filter((o) => o.state !== 'finished');
    return { ...(await orderDetail(ctx.tenant, tx, id)), productionOrdersToStop: running.map((o) => ({ id: o.id, number: o.number, state: o.state })) };
  });
}
