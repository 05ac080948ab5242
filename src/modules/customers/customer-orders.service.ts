import { writeAudit } from '../../kernel/audit/audit-log.js';
import { inTransaction } from '../../kernel/db/transaction.js';
import { personNames } from '../../kernel/tenancy/members.js';
import { uuidv7 } from '../../kernel/db/uuid-v7.js';
import { notFound, ProblemError } from '../../kernel/http/problem.js';
import { createProductionOrder, productionOrdersByIds, workClocks } from '../shopfloor/index.js';
import * as store from './customer-orders.store.js';
import { emitOrderCreated } from './order-events.js';
import { resolve, writable, type CustomersContext } from './customers.service.js';
import { deliveredByPosition } from './deliveries.store.js';
import { QUANTITY_SCALE } from './domain/money.js';
import { orderFromWonQuote, quoteTotals } from './domain/quotes.js';
import type { CustomerOrderListQuery, ProductionOrderBody } from './quotes.schemas.js';
import { loadQuote, nextYearlyNumber } from './quotes.service.js';
import { lockQuote } from './quotes.store.js';
import { orderForecast, positionForecast } from './where-is-my-order.js';

/**
 * A won quote becomes a customer order in one step (the domain's `orderFromWonQuote`): the accepted
 * version's positions, numbered 10, 20, 30 …, prices unchanged, delivery date → promised date.
 * One order per quote: a second attempt answers 409 naming the order.
 */
export async function orderFromQuote(ctx: CustomersContext, quoteId: string, customerReference: string) {
  const { tenantId, userId } = ctx.tenant;
  return inTransaction(ctx.db, async (tx) => {
    const { head } = await loadQuote(tx, tenantId, quoteId);
    await lockQuote(tx, tenantId, quoteId);
    const existing = await store.orderOfQuote(tx, tenantId, quoteId);
    if (existing) throw new ProblemError(409, 'customers_quote_already_ordered', { number: existing.number }, { orderId: existing.id });
    const { quote, positions } = await loadQuote(tx, tenantId, quoteId);
    const result = orderFromWonQuote(quote);
    if (!result.ok) throw new ProblemError(409, 'customers_quote_not_won');
    await writable(tx, tenantId, head.customerId);
    const draft = result.order;
    const id = uuidv7();
    const number = await nextYearlyNumber(tx, tenantId, 'order', 'AB');
    const textOf = new Map(positions.filter((p) => p.version === draft.quoteVersion).map((p) => [p.id, p.text]));
    await store.insertOrder(
      tx,
      tenantId,
      { id, number, customerId: draft.customerId, quoteId, quoteVersion: draft.quoteVersion, customerReference, currency: draft.currency, createdBy: userId },
      draft.positions.map((p) => ({
        id: uuidv7(),
        orderId: id,
        number: p.number,
        partId: p.item.kind === 'part' ? p.item.partId : null,
        text: p.item.kind === 'text' ? p.item.text : (textOf.get(p.source.positionId) ?? ''),
        quantityMilli: p.quantityMilli,
        unitPriceCents: p.unitPrice.cents,
        discountBasisPoints: p.discountBasisPoints,
        vatBasisPoints: p.vatBasisPoints,
        promisedDate: p.promisedDate,
        producible: p.producible,
        source: p.source,
      })),
    );
    await writeAudit(tx, { tenantId, actorId: userId, action: 'customers.order_created', target: id, details: { number, quote: head.number } });
    const customer = await resolve(tx, tenantId, draft.customerId);
    await emitOrderCreated(tx, tenantId, {
      order: { id, number, currency: draft.currency, customerReference, quote: { id: quoteId, number: head.number, version: draft.quoteVersion } },
      customer: { id: draft.customerId, number: customer.number },
      positions: draft.positions.map((p) => ({ number: p.number, partId: p.item.kind === 'part' ? p.item.partId : null, quantityMilli: p.quantityMilli, promisedDate: p.promisedDate })),
    });
    return orderDetail(ctx.tenant, tx, id);
  });
}

async function cancellationOf(db: CustomersContext['db'], tenantId: string, id: string) {
  const c = await store.orderCancellation(db, tenantId, id);
  if (!c) return null;
  return { at: c.at, by: c.by ? ((await personNames(db, [c.by])).get(c.by) ?? null) : null, reason: c.reason };
}

/** The shift-calendar work clocks of the work centres the production orders' operations run on (one query). */
const clocksOf = (db: CustomersContext['db'], tenantId: string, orders: ReadonlyArray<{ operations: ReadonlyArray<{ workCentreId: string }> }>) =>
  workClocks(db, tenantId, orders.flatMap((o) => o.operations.map((op) => op.workCentreId)));

/** A page of orders, each with `late` (any position late, as on the order's page) — one query for positions, links and production orders of the whole page. */
export async function listOrders(ctx: CustomersContext, query: CustomerOrderListQuery, now = Date.now()) {
  const { tenantId } = ctx.tenant;
  const page = await store.listOrders(ctx.db, tenantId, query);
  const positions = await store.positionsOfOrders(ctx.db, tenantId, page.items.map((o) => o.id));
  const links = await store.productionLinks(ctx.db, tenantId, positions.map((p) => p.id));
  const productionOrders = new Map((await productionOrdersByIds(ctx.db, ctx.tenant, links.map((l) => l.productionOrderId))).map((o) => [o.id, o]));
  const clocks = await clocksOf(ctx.db, tenantId, [...productionOrders.values()]);
  const lateOrders = new Set(positions.filter((p) => {
    const own = links.filter((l) => l.orderPositionId === p.id).flatMap((l) => productionOrders.get(l.productionOrderId) ?? []);
    return positionForecast(p, own, now, clocks).late;
  }).map((p) => p.orderId));
  return { ...page, items: page.items.map((o) => ({ ...o, late: o.state !== 'delivered' && o.state !== 'cancelled' && lateOrders.has(o.id) })) };
}

/** An order with its positions, totals and per position the production orders behind it, with their progress from Shop floor. */
export async function orderDetail(tenant: CustomersContext['tenant'], db: CustomersContext['db'], id: string, now = Date.now()) {
  const order = await store.findOrder(db, tenant.tenantId, id);
  if (!order) throw notFound('customer order');
  const positions = await store.orderPositions(db, tenant.tenantId, id);
  const links = await store.productionLinks(db, tenant.tenantId, positions.map((p) => p.id));
  const productionOrders = new Map((await productionOrdersByIds(db, tenant, links.map((l) => l.productionOrderId))).map((o) => [o.id, o]));
  const clocks = await clocksOf(db, tenant.tenantId, [...productionOrders.values()]);
  const delivered = await deliveredByPosition(db, tenant.tenantId, positions.map((p) => p.id));
  const totals = quoteTotals(order.currency, positions.map((p) => ({
    id: p.id,
    item: p.partId ? { kind: 'part' as const, partId: p.partId } : { kind: 'text' as const, text: p.text },
    quantityMilli: p.quantityMilli,
    unitPrice: { cents: p.unitPriceCents, currency: order.currency },
    discountBasisPoints: p.discountBasisPoints,
    vatBasisPoints: p.vatBasisPoints,
    deliveryDate: p.promisedDate,
  })));
  const closed = order.state === 'delivered' || order.state === 'cancelled';
  const forecasts = positions.map((p) => {
    const forecast = positionForecast(p, links.filter((l) => l.orderPositionId === p.id).flatMap((l) => productionOrders.get(l.productionOrderId) ?? []), now, clocks);
    // a cancelled order will not be finished for the customer: no expected finish to show
    if (order.state === 'cancelled') return { ...forecast, expectedFinish: null, late: false, reason: null };
    return closed ? { ...forecast, late: false, reason: null } : forecast;
  });
  return {
    ...order,
    /** when, by whom (a name) and why it was cancelled; null unless it was */
    cancellation: await cancellationOf(db, tenant.tenantId, id),
    /** where is my order: the latest expected finish of the positions, late when any position is */
    forecast: orderForecast(forecasts, positions.map((p) => p.producible || links.some((l) => l.orderPositionId === p.id))),
    positions: positions.map((p, i) => {
      const own = links.filter((l) => l.orderPositionId === p.id);
      const planned = own.reduce((sum, l) => sum + l.quantity, 0);
      return {
        ...p,
        forecast: forecasts[i]!,
        /** delivered so far (thousandths), over every delivery of the order */
        deliveredMilli: delivered.get(p.id)!.deliveredMilli,
        netCents: totals.positions[i]!.net.cents,
        /** whole pieces not yet covered by a production order */
        openQuantity: p.producible ? Math.max(0, p.quantityMilli / QUANTITY_SCALE - planned) : 0,
        productionOrders: own.flatMap((l) => {
          const po = productionOrders.get(l.productionOrderId);
          return po ? [{ ...po, linkedQuantity: l.quantity }] : [];
        }),
      };
    }),
    totals: { netCents: totals.net.cents, vat: totals.vat.map((t) => ({ vatBasisPoints: t.vatBasisPoints, baseCents: t.base.cents, taxCents: t.tax.cents })), grossCents: totals.gross.cents },
  };
}

export async function getOrder(ctx: CustomersContext, id: string, now = Date.now()) {
  return orderDetail(ctx.tenant, ctx.db, id, now);
}

/**
 * Creates a production order for a producible order position through Shop floor's door, and the
 * link to it here, in one transaction: either both exist or neither. The number follows the
 * customer order (AB-2026-00001-10, then -10-2 for a second one of the same position); the
 * customer reference names the customer, the order and position, and the customer's own reference.
 */
export async function createProductionOrderForPosition(ctx: CustomersContext, positionId: string, body: ProductionOrderBody) {
  const { tenantId, userId } = ctx.tenant;
  return inTransaction(ctx.db, async (tx) => {
    const position = await store.findOrderPosition(tx, tenantId, positionId);
    if (!position) throw notFound('order position');
    await store.lockOrderPosition(tx, tenantId, positionId);
    const order = (await store.findOrder(tx, tenantId, position.orderId))!;
    if (order.state === 'cancelled' || order.state === 'delivered') throw new ProblemError(409, 'customers_order_closed');
    if (!position.producible || position.partId === null) throw new ProblemError(409, 'customers_position_not_producible');
    const links = await store.productionLinks(tx, tenantId, [positionId]);
    const open = Math.max(0, position.quantityMilli / QUANTITY_SCALE - links.reduce((sum, l) => sum + l.quantity, 0));
    const quantity = body.quantity ?? open;
    if (quantity < 1) throw new ProblemError(409, 'customers_position_fully_planned');
    const number = `${order.number}-${position.number}${links.length > 0 ? `-${links.length + 1}` : ''}`;
    const reference = [order.customerName, `${order.number}/${position.number}`, order.customerReference].filter((s) => s !== '').join(', ').slice(0, 200);
    const created = await createProductionOrder(tx, ctx.tenant, {
      number,
      partId: position.partId,
      quantity,
      dueDate: body.dueDate === undefined ? position.promisedDate : body.dueDate,
      customerReference: reference,
      priority: body.priority,
      release: body.release,
    });
    await store.insertProductionLink(tx, tenantId, { productionOrderId: created.id, orderPositionId: positionId, quantity, createdBy: userId });
    if (order.state === 'open') await store.setOrderState(tx, tenantId, order.id, 'in-production');
    await writeAudit(tx, { tenantId, actorId: userId, action: 'customers.production_order_created', target: positionId, details: { order: order.number, position: position.number, productionOrder: created.number, quantity } });
    return { productionOrder: created, order: await orderDetail(ctx.tenant, tx, order.id) };
  });
}
