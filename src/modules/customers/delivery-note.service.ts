import { notFound } from '../../kernel/http/problem.js';
import { getCompany } from '../../kernel/tenancy/company-store.js';
import * as orderStore from './customer-orders.store.js';
import type { CustomersContext } from './customers.service.js';
import { findCustomer } from './customers.store.js';
import { listDeliveries } from './deliveries.store.js';
import { renderDeliveryNotePdf } from './delivery-note-pdf.js';

/** The delivery note of one delivery, rendered on request from the stored delivery (its lines never change). */
export async function deliveryNotePdf(ctx: CustomersContext, deliveryId: string, lang: 'de' | 'en') {
  const { tenantId } = ctx.tenant;
  const [delivery] = await listDeliveries(ctx.db, tenantId, { id: deliveryId });
  if (!delivery) throw notFound('delivery');
  const order = (await orderStore.findOrder(ctx.db, tenantId, delivery.orderId))!;
  const [company, customer, positions, all] = await Promise.all([
    getCompany(ctx.db, tenantId),
    findCustomer(ctx.db, tenantId, order.customerId),
    orderStore.orderPositions(ctx.db, tenantId, order.id),
    listDeliveries(ctx.db, tenantId, { orderId: order.id }),
  ]);
  // delivered up to and including this delivery (the ones before it in date and number order)
  const upTo = all.slice(0, all.findIndex((d) => d.id === delivery.id) + 1);
  const deliveredUpTo = (positionId: string) => upTo.flatMap((d) => d.lines).filter((l) => l.orderPositionId === positionId).reduce((sum, l) => sum + l.quantityMilli, 0);
  const pdf = await renderDeliveryNotePdf({
    lang,
    company: company?.name ?? '',
    customer: customer!,
    order: { number: order.number, customerReference: order.customerReference },
    delivery,
    positions: new Map(positions.map((p) => [p.id, { number: p.number, text: p.text, orderedMilli: p.quantityMilli, deliveredUpToMilli: deliveredUpTo(p.id) }])),
  });
  return { pdf, filename: `${lang === 'en' ? 'delivery-note' : 'lieferschein'}-${delivery.number}.pdf` };
}
