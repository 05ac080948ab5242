import { writeAudit } from '../../kernel/audit/audit-log.js';
import { emitEvent } from '../../kernel/webhooks/index.js';
import { inTransaction } from '../../kernel/db/transaction.js';
import { uuidv7 } from '../../kernel/db/uuid-v7.js';
import { ProblemError, notFound } from '../../kernel/http/problem.js';
import { lotsOfProductionOrders, productionOrdersByIds, quantityMarginPercent } from '../shopfloor/index.js';
import * as orderStore from './customer-orders.store.js';
import type { CustomersContext } from './customers.service.js';
import * as store from './deliveries.store.js';
import { applyDelivery, deliveryProblems, orderDeliveryState } from './domain/deliveries.js';
import { QUANTITY_SCALE } from './domain/money.js';
import type { DeliveryBody } from './deliveries.schemas.js';
import { nextYearlyNumber } from './quotes.service.js';

/** Today in the firm's time zone (the default day of a delivery). */
const todayInFirmZone = (at = new Date()) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

/**
 * Per position of an order: ordered, delivered so far, finished by production (the good parts of
 * the last operation of its production orders), what a new delivery would carry by default
 * (finished and not yet delivered, at most what is still open; a text position: what is open),
 * and the lots and serials its production orders were given by Shop floor.
 */
export async function deliveryState(ctx: CustomersContext, orderId: string) {
  const { tenantId } = ctx.tenant;
  const positions = await orderStore.orderPositions(ctx.db, tenantId, orderId);
  const links = await orderStore.productionLinks(ctx.db, tenantId, positions.map((p) => p.id));
  const orderIds = links.map((l) => l.productionOrderId);
  const [progress, lots, delivered] = await Promise.all([
    productionOrdersByIds(ctx.db, ctx.tenant, orderIds),
    lotsOfProductionOrders(ctx.db, tenantId, orderIds),
    store.deliveredByPosition(ctx.db, tenantId, positions.map((p) => p.id)),
  ]);
  const goodOf = new Map(progress.map((o) => [o.id, o.good]));
  const lotOf = new Map(lots.map((l) => [l.productionOrderId, l]));
  return positions.map((p) => {
    const own = links.filter((l) => l.orderPositionId === p.id).map((l) => l.productionOrderId);
    const finishedMilli = own.reduce((sum, id) => sum + (goodOf.get(id) ?? 0), 0) * QUANTITY_SCALE;
    const deliveredMilli = delivered.get(p.id)!.deliveredMilli;
    const openMilli = Math.max(0, p.quantityMilli - deliveredMilli);
    const produced = own.length > 0;
    const lotsOfPosition = own.flatMap((id) => {
      const l = lotOf.get(id);
      return l?.lotNumber ? [{ productionOrderId: id, lotNumber: l.lotNumber, finished: (goodOf.get(id) ?? 0) > 0 }] : [];
    });
    const deliveredSerials = new Set(delivered.get(p.id)!.serialNumbers);
    const serials = own.flatMap((id) => lotOf.get(id)?.serialNumbers ?? []);
    return {
      positionId: p.id,
      number: p.number,
      text: p.text,
      partId: p.partId,
      orderedMilli: p.quantityMilli,
      deliveredMilli,
      finishedMilli: produced ? finishedMilli : null,
      suggestedMilli: produced ? Math.max(0, Math.min(finishedMilli, p.quantityMilli) - deliveredMilli) : openMilli,
      lots: lotsOfPosition,
      serialNumbers: serials,
      openSerialNumbers: serials.filter((s) => !deliveredSerials.has(s)),
    };
  });
}

export type DeliveryStateOfPosition = Awaited<ReturnType<typeof deliveryState>>[number];

const badLine = (code: string, path: string, params: Record<string, string | number> = {}) =>
  new ProblemError(400, code, params, { errors: [{ path, message: code }] });

/**
 * Records a (partial) delivery: each line an order position with a quantity and the lots (and, for
 * single parts, serials) the parts came from. More than what is open beyond the company's margin
 * needs `confirmOverDelivery`. Lots default to those of the position's production orders with
 * finished parts; serials to the next ones not yet delivered. The order moves to
 * `partly-delivered` or `delivered` in the same transaction.
 */
export async function recordDelivery(ctx: CustomersContext, orderId: string, body: DeliveryBody) {
  const { tenantId, userId } = ctx.tenant;
  return inTransaction(ctx.db, async (tx) => {
    const order = await orderStore.findOrder(tx, tenantId, orderId);
    if (!order) throw notFound('customer order');
    await store.lockOrder(tx, tenantId, orderId);
    const current = (await orderStore.findOrder(tx, tenantId, orderId))!;
    if (current.state === 'cancelled' || current.state === 'delivered') throw new ProblemError(409, 'customers_order_closed');
    const state = await deliveryState({ ...ctx, db: tx }, orderId);
    const byId = new Map(state.map((p) => [p.positionId, p]));
    body.lines.forEach((l, i) => {
      if (!byId.has(l.positionId)) throw badLine('customers_delivery_unknown_position', `body.lines.${i}.positionId`);
      if (body.lines.findIndex((o) => o.positionId === l.positionId) < i) throw badLine('customers_delivery_duplicate_position', `body.lines.${i}.positionId`);
    });
    const margin = (await quantityMarginPercent(tx, tenantId)) * 100;
    const positions = state.map((p) => ({ positionId: p.positionId, orderedMilli: p.orderedMilli, deliveredMilli: p.deliveredMilli }));
    const lines = body.lines.map((l) => ({ positionId: l.positionId, quantityMilli: l.quantityMilli }));
    const problems = deliveryProblems(positions, lines, margin, body.confirmOverDelivery);
    const over = problems.filter((p) => p.problem === 'over-delivery-needs-confirmation');
    if (problems.length > over.length) throw badLine(`customers_delivery_${problems[0]!.problem.replace(/-/g, '_')}`, 'body.lines');
    if (over.length > 0) {
      const numbers = over.map((o) => byId.get(o.positionId!)!.number);
      throw new ProblemError(409, 'customers_over_delivery', { positions: numbers.join(', '), count: numbers.length }, { positions: over.map((o) => o.positionId) });
    }
    const resolved = body.lines.map((l, i) => {
      const p = byId.get(l.positionId)!;
      const known = new Set(p.lots.map((x) => x.lotNumber));
      let lotNumbers = l.lotNumbers;
      if (lotNumbers === undefined) {
        const finished = p.lots.filter((x) => x.finished).map((x) => x.lotNumber);
        lotNumbers = finished.length > 0 ? finished : p.lots.map((x) => x.lotNumber);
      }
      lotNumbers.forEach((lot, j) => {
        if (!known.has(lot)) throw badLine('customers_delivery_unknown_lot', `body.lines.${i}.lotNumbers.${j}`, { lot, position: p.number });
      });
      let serialNumbers: string[] = [];
      if (p.serialNumbers.length > 0) {
        const pieces = l.quantityMilli / QUANTITY_SCALE;
        if (!Number.isInteger(pieces)) throw badLine('customers_delivery_serials_whole_pieces', `body.lines.${i}.quantityMilli`, { position: p.number });
        const open = new Set(p.openSerialNumbers);
        if (l.serialNumbers !== undefined) {
          l.serialNumbers.forEach((s, j) => {
            if (!p.serialNumbers.includes(s)) throw badLine('customers_delivery_unknown_serial', `body.lines.${i}.serialNumbers.${j}`, { serial: s, position: p.number });
            if (!open.has(s) || l.serialNumbers!.indexOf(s) < j) throw badLine('customers_delivery_serial_delivered', `body.lines.${i}.serialNumbers.${j}`, { serial: s });
          });
          if (l.serialNumbers.length !== pieces) throw badLine('customers_delivery_serials_count', `body.lines.${i}.serialNumbers`, { count: pieces, position: p.number });
          serialNumbers = l.serialNumbers;
        } else {
          // the next serials not yet delivered, in the order Shop floor issued them; beyond them (over-delivery) none
          serialNumbers = p.openSerialNumbers.slice(0, pieces);
        }
      } else if (l.serialNumbers !== undefined && l.serialNumbers.length > 0) {
        throw badLine('customers_delivery_unknown_serial', `body.lines.${i}.serialNumbers.0`, { serial: l.serialNumbers[0], position: p.number });
      }
      return { id: uuidv7(), deliveryId: '', orderPositionId: l.positionId, quantityMilli: l.quantityMilli, lotNumbers, serialNumbers };
    });
    const deliveredOn = body.deliveredOn ?? todayInFirmZone();
    const id = uuidv7();
    const number = await nextYearlyNumber(tx, tenantId, 'delivery', 'LS', new Date(`${deliveredOn}T12:00:00Z`));
    await store.insertDelivery(tx, tenantId, {
      id, orderId, number, deliveredOn, note: body.note, overDeliveryConfirmed: body.confirmOverDelivery && deliveryProblems(positions, lines, margin, false).length > 0,
      lines: resolved.map((l) => ({ ...l, deliveryId: id })), createdBy: userId,
    });
    const next = orderDeliveryState(applyDelivery(positions, lines));
    const newState = next === 'delivered' ? 'delivered' : 'partly-delivered';
    if (newState !== current.state) await orderStore.setOrderState(tx, tenantId, orderId, newState);
    await writeAudit(tx, { tenantId, actorId: userId, action: 'customers.delivery_recorded', target: orderId, details: { number, order: current.number, count: resolved.length, state: newState } });
    await emitEvent(tx, tenantId, {
      type: 'customers.delivery.made',
      payload: {
        delivery: { id, number, deliveredOn },
        order: { id: orderId, number: current.number, customerId: current.customerId, state: newState },
        lines: resolved.map((l) => ({ positionId: l.orderPositionId, positionNumber: byId.get(l.orderPositionId)!.number, quantityMilli: l.quantityMilli, lotNumbers: l.lotNumbers, serialNumbers: l.serialNumbers })),
      },
    });
    return { delivery: (await store.listDeliveries(tx, tenantId, { id }))[0]!, orderState: newState };
  });
}

/** The deliveries of an order with their lines, and per position what is delivered and what would go next. */
export async function listDeliveries(ctx: CustomersContext, orderId: string) {
  const order = await orderStore.findOrder(ctx.db, ctx.tenant.tenantId, orderId);
  if (!order) throw notFound('customer order');
  return { items: await store.listDeliveries(ctx.db, ctx.tenant.tenantId, { orderId }), positions: await deliveryState(ctx, orderId) };
}
