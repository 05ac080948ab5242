import { getCompany } from '../../../kernel/tenancy/company-store.js';
import * as service from '../shopfloor.service.js';
import * as store from '../shopfloor.store.js';
import { encodeOrderCode } from '../web/order-code.js';
import { renderOrderPaperPdf } from './order-paper-pdf.js';

/** The printable paper of one order, with a QR code per operation. */
export async function buildOrderPaper(ctx: service.ShopfloorContext, orderId: string, lang: 'de' | 'en'): Promise<{ number: string; pdf: Buffer }> {
  const order = await service.getOrder(ctx, orderId);
  const [company, parts, centres] = await Promise.all([
    getCompany(ctx.db, ctx.tenant.tenantId),
    store.listParts(ctx.db, ctx.tenant.tenantId, [order.partId]),
    store.listWorkCentres(ctx.db, ctx.tenant.tenantId, [...new Set(order.operations.map((o) => o.workCentreId))]),
  ]);
  const pdf = await renderOrderPaperPdf({
    lang,
    company: company?.name ?? '',
    printedAt: new Date(),
    order,
    partName: parts[0]?.name ?? '',
    workCentres: new Map(centres.map((c) => [c.id, c])),
    codeOf: (number, position) => encodeOrderCode(number, position),
  });
  return { number: order.number, pdf };
}
